/* trellis-framework-import-moodle.c — reads a Moodle competency framework CSV (tool_lpimportcsv)
 *
 * The file Moodle’s “Export competency framework” writes: a header of 14 columns, one row that
 * is the framework (“Is framework” = 1; its scale values become the levels and its scale
 * configuration marks the proficient ones), and one row per competency naming its parent by id
 * number. HTML descriptions become plain text. Rules, cross references, taxonomies and
 * competency-specific scales have no place in Trellis and are left out with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv-reader.h"
#include "trellis-error.h"
#include "trellis-framework-import-private.h"
#include "trellis-html-text.h"

enum {
  COLUMN_PARENT_ID,
  COLUMN_ID,
  COLUMN_SHORTNAME,
  COLUMN_DESCRIPTION,
  COLUMN_DESCRIPTION_FORMAT,
  COLUMN_SCALE_VALUES,
  COLUMN_SCALE_CONFIGURATION,
  COLUMN_RULE_TYPE,
  COLUMN_RULE_OUTCOME,
  COLUMN_RULE_CONFIG,
  COLUMN_CROSS_REFERENCES,
  COLUMN_EXPORTED_ID,
  COLUMN_IS_FRAMEWORK,
  COLUMN_TAXONOMY,
  N_COLUMNS
};

/* A scale configuration nested deeper than json-glib can parse is no configuration. */
static gboolean
json_too_deep (const char *text)
{
  TrellisJsonScan scan;

  trellis_framework_import_scan_json (text, &scan);
  return scan.deep_line > 0;
}

/* Moodle’s English header; other languages’ exports are read by column position. */
static const char * const moodle_header[N_COLUMNS] = {
  "Parent id number", "Id number", "Shortname", "Description", "Description format",
  "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
  "Rule config (optional)", "Cross referenced competency id numbers", "Exported id (optional)",
  "Is framework", "Taxonomy",
};

/* Moodle’s FORMAT_MOODLE and FORMAT_HTML; FORMAT_PLAIN (2) and FORMAT_MARKDOWN (4) are text. */
#define FORMAT_MOODLE "0"
#define FORMAT_HTML   "1"

typedef struct {
  guint n_skipped, first_skipped_line;
  guint n_cross_references;
  guint n_rules;
  guint n_own_scales;
  guint framework_line;
} MoodleCounts;

/* Helpers */

static const char *
cell (GPtrArray *row,
      guint      column)
{
  return column < row->len ? g_ptr_array_index (row, column) : "";
}

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static char *
description_text (GPtrArray *row)
{
  const char *description = cell (row, COLUMN_DESCRIPTION);
  g_autofree char *format = dup_trimmed (cell (row, COLUMN_DESCRIPTION_FORMAT));

  if (strcmp (format, FORMAT_HTML) == 0
      || ((*format == '\0' || strcmp (format, FORMAT_MOODLE) == 0) && strchr (description, '<') != NULL))
    return trellis_html_to_text (description);
  return dup_trimmed (description);
}

static gboolean
is_true (const char *text)
{
  g_autofree char *value = dup_trimmed (text);

  return strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0
         || g_ascii_strcasecmp (value, "yes") == 0;
}

static gint64
json_integer (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return json_node_get_int (node);
}

/* What is wrong with a scale configuration that marks no level proficient. */
typedef enum {
  SCALE_OK,
  SCALE_NOT_JSON,        /* *detail: json-glib's words */
  SCALE_NOT_A_LIST,
  SCALE_NONE_PROFICIENT,
} ScaleProblem;

/* Marks the levels the scale configuration calls proficient: a JSON list whose first entry
 * names the scale and whose others are {"id": N, "proficient": 1} with N counting from 1. */
static ScaleProblem
apply_scale_configuration (GPtrArray   *proficient,
                           const char  *configuration,
                           char       **detail)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *entries;
  gboolean any = FALSE;

  if (json_too_deep (configuration))
    {
      *detail = g_strdup (_("nested too deep"));
      return SCALE_NOT_JSON;
    }
  if (!json_parser_load_from_data (parser, configuration, -1, &error))
    {
      int line = 0, column = 0;
      const char *words = trellis_framework_import_split_json_error (error->message, &line, &column);

      /* The cell is one line: its column is the place. */
      if (words != NULL)
        /* Translators: where in a cell its JSON goes wrong, and json-glib's words for it */
        *detail = g_strdup_printf (_("at character %d: %s"), column, words);
      else
        *detail = g_strdup (error->message);
      return SCALE_NOT_JSON;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return SCALE_NOT_A_LIST;
  entries = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        continue;
      id = json_integer (json_node_get_object (entry), "id");
      if (id >= 1 && id <= proficient->len
          && json_integer (json_node_get_object (entry), "proficient") != 0)
        {
          g_ptr_array_index (proficient, id - 1) = GINT_TO_POINTER (TRUE);
          any = TRUE;
        }
    }
  return any ? SCALE_OK : SCALE_NONE_PROFICIENT;
}

static gboolean
read_framework_row (TrellisFrameworkImport  *self,
                    GPtrArray               *row,
                    guint                    line,
                    GError                 **error)
{
  g_autofree char *title = dup_trimmed (cell (row, COLUMN_SHORTNAME));
  g_autofree char *description = description_text (row);
  g_autofree char *where = g_strdup_printf (_("line %u"), line);
  g_auto(GStrv) values = NULL;
  g_autoptr(GPtrArray) proficient = g_ptr_array_new ();
  g_autofree char *detail = NULL;
  ScaleProblem problem;
  guint n_values = 0;

  trellis_framework_import_set_framework (self, title, description);

  values = g_strsplit (cell (row, COLUMN_SCALE_VALUES), ",", -1);
  for (guint i = 0; values[i] != NULL; i++)
    if (!g_str_equal (g_strstrip (values[i]), ""))
      values[n_values++] = values[i];
    else
      g_free (values[i]);
  values[n_values] = NULL;
  if (n_values == 0)
    return TRUE;

  g_ptr_array_set_size (proficient, n_values);
  problem = apply_scale_configuration (proficient, cell (row, COLUMN_SCALE_CONFIGURATION), &detail);
  /* Importer defect 7: the note says what is wrong, not only that something is. */
  if (problem == SCALE_NOT_JSON)
    trellis_framework_import_warn (self, _("The scale configuration on line %u is not valid JSON "
                                           "(%s); the upper half of the scale counts as proficient."),
                                   line, detail);
  else if (problem == SCALE_NOT_A_LIST)
    trellis_framework_import_warn (self, _("The scale configuration on line %u is not a list of "
                                           "levels; the upper half of the scale counts as proficient."),
                                   line);
  else if (problem == SCALE_NONE_PROFICIENT)
    trellis_framework_import_warn (self, _("The scale configuration on line %u does not say "
                                           "which levels are proficient; the upper half of the "
                                           "scale counts as proficient."), line);
  if (problem != SCALE_OK)
    g_ptr_array_set_size (proficient, 0);
  for (guint i = 0; i < n_values; i++)
    if (!trellis_framework_import_add_level (self, values[i], NULL, (int) i + 1,
                                             i < proficient->len && g_ptr_array_index (proficient, i) != NULL,
                                             where, error))
      return FALSE;
  if (proficient->len == 0)
    trellis_framework_import_mark_upper_half_proficient (self);
  return TRUE;
}

static gboolean
read_competency_row (TrellisFrameworkImport  *self,
                     GPtrArray               *row,
                     guint                    line,
                     MoodleCounts            *counts,
                     GError                 **error)
{
  g_autofree char *id = dup_trimmed (cell (row, COLUMN_ID));
  g_autofree char *shortname = dup_trimmed (cell (row, COLUMN_SHORTNAME));
  g_autofree char *where = NULL;
  TrellisImportNode *node;

  /* Moodle itself skips these rows. */
  if (*id == '\0' || *shortname == '\0')
    {
      if (counts->n_skipped++ == 0)
        counts->first_skipped_line = line;
      return TRUE;
    }

  where = g_strdup_printf (_("line %u"), line);
  node = trellis_framework_import_add_node (self, where, error);
  if (node == NULL)
    return FALSE;
  node->key = g_strdup (id);
  node->parent_key = dup_trimmed (cell (row, COLUMN_PARENT_ID));
  node->code = g_steal_pointer (&id);
  node->title = g_steal_pointer (&shortname);
  node->description = description_text (row);

  if (*cell (row, COLUMN_CROSS_REFERENCES) != '\0')
    counts->n_cross_references++;
  if (*cell (row, COLUMN_RULE_TYPE) != '\0')
    counts->n_rules++;
  if (*cell (row, COLUMN_SCALE_VALUES) != '\0')
    counts->n_own_scales++;
  return TRUE;
}

static gboolean
check_header (TrellisFrameworkImport  *self,
              GPtrArray               *header,
              GError                 **error)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *name = dup_trimmed (cell (header, i));

      if (g_ascii_strcasecmp (name, moodle_header[i]) != 0)
        {
          if (header->len < N_COLUMNS)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s” is not a Moodle competency framework export: its first line has "
                             "%u columns, where Moodle’s has %d (“Parent id number”, “Id number”, "
                             "“Shortname”, …). Nothing was changed."),
                           trellis_framework_import_get_file_name (self), header->len, N_COLUMNS);
              return FALSE;
            }
          trellis_framework_import_warn (self, _("The header line is not Moodle’s English one "
                                                 "(column %u is “%s”, not “%s”); the columns were "
                                                 "read in Moodle’s order."),
                                         i + 1, name, moodle_header[i]);
          return TRUE;
        }
    }
  return TRUE;
}

static void
warn_counts (TrellisFrameworkImport *self,
             MoodleCounts           *counts)
{
  if (counts->n_skipped > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u row without an id number or a short name was "
                                                "skipped (line %u), as Moodle does.",
                                                "%u rows without an id number or a short name were "
                                                "skipped (the first on line %u), as Moodle does.",
                                                counts->n_skipped),
                                   counts->n_skipped, counts->first_skipped_line);
  if (counts->n_cross_references > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The cross references of %u competency were ignored.",
                                                "The cross references of %u competencies were ignored.",
                                                counts->n_cross_references),
                                   counts->n_cross_references);
  if (counts->n_rules > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The completion rule of %u competency was ignored.",
                                                "The completion rules of %u competencies were ignored.",
                                                counts->n_rules),
                                   counts->n_rules);
  if (counts->n_own_scales > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u competency has a scale of its own; it uses the "
                                                "framework’s scale in Trellis.",
                                                "%u competencies have a scale of their own; they use "
                                                "the framework’s scale in Trellis.",
                                                counts->n_own_scales),
                                   counts->n_own_scales);
}

/* The reader’s message says what and where; add what it means for the database. */
static void
propagate_reader_error (GError  **error,
                        GError   *reader_error)
{
  g_set_error (error, reader_error->domain, reader_error->code, _("%s Nothing was changed."),
               reader_error->message);
  g_error_free (reader_error);
}

/* Private API */

gboolean
trellis_framework_import_read_moodle (TrellisFrameworkImport  *self,
                                      const char              *text,
                                      gsize                    length,
                                      GCancellable            *cancellable,
                                      GError                 **error)
{
  const char *file_name = trellis_framework_import_get_file_name (self);
  g_autoptr(TrellisCsvReader) reader = trellis_csv_reader_new (file_name, text, length);
  g_autoptr(GPtrArray) header = NULL;
  GError *local_error = NULL;
  MoodleCounts counts = { 0 };

  if (!trellis_csv_reader_read_header (reader, &header, &local_error))
    {
      propagate_reader_error (error, local_error);
      return FALSE;
    }
  if (!check_header (self, header, error))
    return FALSE;

  for (guint n = 1;; n++)
    {
      g_autoptr(GPtrArray) row = NULL;
      guint line;

      if (!trellis_csv_reader_next (reader, &row, &local_error))
        {
          if (local_error != NULL)
            {
              propagate_reader_error (error, local_error);
              return FALSE;
            }
          break;
        }
      if (!trellis_framework_import_check_cancelled (cancellable, n, error))
        return FALSE;

      line = trellis_csv_reader_get_line (reader);
      if (is_true (cell (row, COLUMN_IS_FRAMEWORK)))
        {
          if (counts.framework_line != 0)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s”, line %u: a second row is marked as the framework (line %u "
                             "was the first). Nothing was changed."),
                           file_name, line, counts.framework_line);
              return FALSE;
            }
          counts.framework_line = line;
          if (!read_framework_row (self, row, line, error))
            return FALSE;
        }
      else if (!read_competency_row (self, row, line, &counts, error))
        return FALSE;
    }

  if (counts.framework_line == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” has no row with “Is framework” set to 1, so it is not a Moodle "
                     "competency framework export. Nothing was changed."), file_name);
      return FALSE;
    }
  warn_counts (self, &counts);
  return TRUE;
}
