/* trellis-framework-import.c — reads a framework kept elsewhere (Moodle, CASE, Mahara, a template)
 *
 * trellis_framework_import_new_from_file() reads the whole file (at most 50 MB) in the caller’s
 * thread, detects its format, lets the format’s reader turn it into a flat list of items that
 * name their parents, then builds and checks the tree and flattens it to Trellis’ two levels:
 * top-level items become attributes, the deepest items (the leaves) become competencies, and
 * the titles in between are kept at the start of each competency’s description. Nothing touches
 * the store until trellis_framework_import_apply(), which adds everything in one transaction.
 * The readers are trellis-framework-import-moodle.c and -json.c; they hand over what they read
 * through the builder (-builder.c), and the tree is built in -tree.c, so that no reader calls
 * back into this file;
 * data/frameworks/IMPORTING.md describes the formats, the mapping and the limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-import-private.h"
#include "trellis-framework-template.h"
#include "trellis-level.h"
#include "trellis-store-private.h"

G_DEFINE_FINAL_TYPE (TrellisFrameworkImport, trellis_framework_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FORMAT_NAME,
  PROP_N_ATTRIBUTES,
  PROP_N_COMPETENCIES,
  PROP_N_LEVELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The scale used when a file brings none; the same as the shipped Profile of a Graduate’s:
 * one hue, lighter to darker, so that no level reads as failing (no red). */
static const struct {
  const char *title;
  const char *description;
  const char *color;
  gboolean    proficient;
} default_scale[] = {
  { N_("Emerging"), N_("Beginning to show the competency with substantial support."), "#99c1f1", FALSE },
  { N_("Developing"), N_("Shows the competency in familiar situations with some support."), "#62a0ea", FALSE },
  { N_("Proficient"), N_("Shows the competency independently and consistently."), "#3584e4", TRUE },
  { N_("Advanced"), N_("Applies the competency in new situations and helps others grow in it."), "#1a5fb4", TRUE },
};

/* Helpers */

static void
import_node_free (gpointer data)
{
  TrellisImportNode *node = data;

  g_free (node->key);
  g_free (node->alt_key);
  g_free (node->parent_key);
  g_free (node->code);
  g_free (node->title);
  g_free (node->description);
  g_free (node->color);
  g_free (node->where);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->competencies, g_ptr_array_unref);
  g_free (node);
}

static void
import_level_free (gpointer data)
{
  TrellisImportLevel *level = data;

  g_free (level->title);
  g_free (level->description);
  g_free (level->color);
  g_free (level);
}

static GBytes *
read_limited (TrellisFrameworkImport  *self,
              GFile                   *file,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  gsize chunk = 256 * 1024;

  stream = g_file_read (file, cancellable, &local_error);
  while (stream != NULL)
    {
      gssize n;

      g_byte_array_set_size (data, data->len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + data->len - chunk, chunk,
                               cancellable, &local_error);
      if (n < 0)
        break;
      g_byte_array_set_size (data, data->len - chunk + n);
      if (n == 0)
        {
          g_byte_array_append (data, (const guint8 *) "", 1);  /* the text stays a C string */
          return g_byte_array_free_to_bytes (g_steal_pointer (&data));
        }
      if (data->len > TRELLIS_IMPORT_MAX_FILE_SIZE)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” is larger than %d MB, the most Trellis imports. Nothing was changed."),
                       self->file_name, TRELLIS_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    trellis_framework_import_set_cancelled (error);
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                 _("“%s” cannot be read: %s. Nothing was changed."),
                 self->file_name, local_error->message);
  return NULL;
}

static gboolean
check_utf8 (TrellisFrameworkImport  *self,
            const char              *text,
            gsize                    length,
            GError                 **error)
{
  const char *bad = NULL;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &bad))
    return TRUE;
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s”, line %u: the file is not UTF-8 text. Save it as UTF-8 (in a spreadsheet, "
                 "“CSV UTF-8”) and import it again. Nothing was changed."),
               self->file_name, line);
  return FALSE;
}

/* Whether the first line that is not blank or a comment is the [Framework] group. */
static gboolean
looks_like_template (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '#')
        break;
      while (*p != '\0' && *p != '\n')
        p++;
    }
  return g_str_has_prefix (p, "[Framework]");
}

static gboolean
read_template (TrellisFrameworkImport  *self,
               GBytes                  *bytes,
               GError                 **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  self->format_name = N_("Trellis framework template");
  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” is not a Trellis framework template: %s. Nothing was changed."),
                   self->file_name, local_error->message);
      return FALSE;
    }
  if (!g_key_file_has_group (keyfile, "Framework"))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” has no [Framework] group, so it is not a Trellis framework template. "
                     "Nothing was changed."), self->file_name);
      return FALSE;
    }

  self->title = g_key_file_get_locale_string (keyfile, "Framework", "Title", NULL, NULL);
  self->description = g_key_file_get_locale_string (keyfile, "Framework", "Description", NULL, NULL);
  if (trellis_framework_import_is_blank (self->title))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” has no Title in its [Framework] group. Nothing was changed."),
                   self->file_name);
      return FALSE;
    }

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("[%s]", groups[i]);

      if (g_str_has_prefix (groups[i], "Level "))
        self->n_template_levels++;
      else if (g_str_has_prefix (groups[i], "Attribute "))
        self->n_template_attributes++;
      else if (g_str_has_prefix (groups[i], "Competency "))
        {
          if (self->n_template_attributes == 0)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s”: the competency [%s] comes before any attribute. Nothing was changed."),
                           self->file_name, groups[i]);
              return FALSE;
            }
          self->n_competencies++;
        }

      /* The limits of the other formats; the template loader itself has none. */
      if (self->n_template_levels > TRELLIS_IMPORT_MAX_LEVELS)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s”: the proficiency scale at %s has more than %d levels. Nothing was changed."),
                       self->file_name, where, TRELLIS_IMPORT_MAX_LEVELS);
          return FALSE;
        }
      if (self->n_template_attributes + self->n_competencies > TRELLIS_IMPORT_MAX_ITEMS)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” has more than %d competencies (at %s), more than any Profile of a "
                         "Graduate; Trellis does not import it. Nothing was changed."),
                       self->file_name, TRELLIS_IMPORT_MAX_ITEMS, where);
          return FALSE;
        }
    }

  /* The template loader reads the groups itself when applying; the preview only counts. */
  if (self->n_template_levels == 0)
    trellis_framework_import_warn (self, _("The template has no proficiency scale; Trellis’ "
                                           "default four-level scale will be used."));
  self->template_bytes = g_bytes_ref (bytes);
  return TRUE;
}

static gboolean
check_json_nesting (TrellisFrameworkImport  *self,
                    const char              *text,
                    GError                 **error)
{
  TrellisJsonScan scan;

  trellis_framework_import_scan_json (text, &scan);
  if (scan.deep_line > 0)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                 _("“%s”, line %u: the JSON is nested more than %d levels deep. "
                   "Nothing was changed."),
                 self->file_name, scan.deep_line, TRELLIS_IMPORT_MAX_JSON_NESTING);
  /* Two documents in a row are two files run together: which one was meant? */
  else if (scan.trailing_line > 0)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                 _("“%s”, line %u: more JSON follows the end of the document, as if two files "
                   "were joined. Nothing was changed."),
                 self->file_name, scan.trailing_line);
  else if (scan.nul_line > 0)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                 _("“%s”, line %u: a text holds \\u0000, a character no text may hold (it would cut "
                   "the text short). Nothing was changed."),
                 self->file_name, scan.nul_line);
  else if (scan.surrogate_line > 0)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                 _("“%s”, line %u: a text holds half of a character (a \\u escape between D800 and "
                   "DFFF without its other half). Nothing was changed."),
                 self->file_name, scan.surrogate_line);
  else
    return TRUE;
  return FALSE;
}

static gboolean
read_json (TrellisFrameworkImport  *self,
           const char              *text,
           gsize                    length,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  if (!check_json_nesting (self, text, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      int line = 0, column = 0;
      const char *words = trellis_framework_import_split_json_error (local_error->message, &line, &column);

      /* Said in words. */
      if (words != NULL)
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s”, line %d, column %d: the JSON is not valid (%s). Nothing was changed."),
                     self->file_name, line, column, words);
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s” is not valid JSON (%s). Nothing was changed."),
                     self->file_name, local_error->message);
      return FALSE;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      trellis_framework_import_set_cancelled (error);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  object = (root != NULL && JSON_NODE_HOLDS_OBJECT (root)) ? json_node_get_object (root) : NULL;
  if (object != NULL && (json_object_has_member (object, "CFDocument")
                         || json_object_has_member (object, "CFItems")))
    {
      self->format_name = N_("1EdTech CASE 1.0 package (JSON)");
      return trellis_framework_import_read_case (self, object, cancellable, error);
    }
  if (object != NULL && json_object_has_member (object, "framework"))
    {
      self->format_name = N_("Mahara SmartEvidence matrix (JSON)");
      return trellis_framework_import_read_mahara (self, object, cancellable, error);
    }

  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s” is JSON, but neither a CASE package (it has no $.CFDocument) nor a Mahara "
                 "SmartEvidence matrix (it has no $.framework). Nothing was changed."),
               self->file_name);
  return FALSE;
}

static gboolean
insert_entity (TrellisFrameworkImport  *self,
               TrellisStore            *store,
               gpointer                 entity,
               GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (trellis_store_insert (store, TRELLIS_ENTITY (entity), &local_error))
    return TRUE;
  g_set_error (error, local_error->domain, local_error->code,
               _("“%s” could not be imported, and nothing was changed: %s"),
               self->file_name, local_error->message);
  return FALSE;
}

static gboolean
insert_default_scale (TrellisFrameworkImport  *self,
                      TrellisStore            *store,
                      gint64                   framework_id,
                      GError                 **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_scale); i++)
    {
      g_autoptr(TrellisLevel) level = g_object_new (TRELLIS_TYPE_LEVEL,
                                                    "framework-id", framework_id,
                                                    "title", _(default_scale[i].title),
                                                    "description", _(default_scale[i].description),
                                                    "value", (int) i + 1,
                                                    "color", default_scale[i].color,
                                                    "is-proficient", default_scale[i].proficient,
                                                    "position", (int) i,
                                                    NULL);
      if (!insert_entity (self, store, level, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_attribute (TrellisFrameworkImport  *self,
                  TrellisStore            *store,
                  gint64                   framework_id,
                  guint                    position,
                  TrellisImportNode       *node,
                  GError                 **error)
{
  g_autoptr(TrellisAttribute) attribute = g_object_new (TRELLIS_TYPE_ATTRIBUTE,
                                                        "framework-id", framework_id,
                                                        "title", node->title,
                                                        "description", node->description ? node->description : "",
                                                        "color", node->color,
                                                        "position", (int) position,
                                                        NULL);

  if (!insert_entity (self, store, attribute, error))
    return FALSE;
  for (guint i = 0; i < node->competencies->len; i++)
    {
      TrellisImportNode *leaf = g_ptr_array_index (node->competencies, i);
      g_autoptr(TrellisCompetency) competency = NULL;

      competency = g_object_new (TRELLIS_TYPE_COMPETENCY,
                                 "attribute-id", trellis_entity_get_id (TRELLIS_ENTITY (attribute)),
                                 "code", leaf->code ? leaf->code : "",
                                 "title", leaf->title,
                                 "description", leaf->description ? leaf->description : "",
                                 "position", (int) i,
                                 NULL);
      if (!insert_entity (self, store, competency, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_all (TrellisFrameworkImport  *self,
            TrellisStore            *store,
            gint64                  *framework_id,
            GError                 **error)
{
  g_autoptr(TrellisFramework) framework = NULL;
  gint64 id;

  if (self->template_bytes != NULL)
    return trellis_framework_template_load_bytes (store, self->template_bytes, FALSE, framework_id, error)
           && (self->n_template_levels > 0 || insert_default_scale (self, store, *framework_id, error));

  framework = g_object_new (TRELLIS_TYPE_FRAMEWORK,
                            "title", self->title,
                            "description", self->description ? self->description : "",
                            "is-default", FALSE,
                            NULL);
  if (!insert_entity (self, store, framework, error))
    return FALSE;
  id = trellis_entity_get_id (TRELLIS_ENTITY (framework));

  if (self->levels->len == 0 && !insert_default_scale (self, store, id, error))
    return FALSE;
  for (guint i = 0; i < self->levels->len; i++)
    {
      TrellisImportLevel *source = g_ptr_array_index (self->levels, i);
      g_autoptr(TrellisLevel) level = g_object_new (TRELLIS_TYPE_LEVEL,
                                                    "framework-id", id,
                                                    "title", source->title,
                                                    "description", source->description ? source->description : "",
                                                    "value", source->value,
                                                    "color", source->color,
                                                    "is-proficient", source->proficient,
                                                    "position", (int) i,
                                                    NULL);
      if (!insert_entity (self, store, level, error))
        return FALSE;
    }

  for (guint i = 0; i < self->attributes->len; i++)
    if (!insert_attribute (self, store, id, i, g_ptr_array_index (self->attributes, i), error))
      return FALSE;

  *framework_id = id;
  return TRUE;
}

/* Overrides */

static void
trellis_framework_import_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisFrameworkImport *self = TRELLIS_FRAMEWORK_IMPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, trellis_framework_import_get_title (self));
      break;
    case PROP_FORMAT_NAME:
      g_value_set_string (value, trellis_framework_import_get_format_name (self));
      break;
    case PROP_N_ATTRIBUTES:
      g_value_set_uint (value, trellis_framework_import_get_n_attributes (self));
      break;
    case PROP_N_COMPETENCIES:
      g_value_set_uint (value, trellis_framework_import_get_n_competencies (self));
      break;
    case PROP_N_LEVELS:
      g_value_set_uint (value, trellis_framework_import_get_n_levels (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_framework_import_finalize (GObject *object)
{
  TrellisFrameworkImport *self = TRELLIS_FRAMEWORK_IMPORT (object);

  g_free (self->file_name);
  g_free (self->title);
  g_free (self->description);
  g_ptr_array_unref (self->attributes);
  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->levels);
  g_ptr_array_unref (self->warnings);
  g_clear_pointer (&self->template_bytes, g_bytes_unref);

  G_OBJECT_CLASS (trellis_framework_import_parent_class)->finalize (object);
}

static void
trellis_framework_import_class_init (TrellisFrameworkImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = trellis_framework_import_get_property;
  object_class->finalize = trellis_framework_import_finalize;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT_NAME] = g_param_spec_string ("format-name", NULL, NULL, NULL, flags);
  properties[PROP_N_ATTRIBUTES] = g_param_spec_uint ("n-attributes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_COMPETENCIES] = g_param_spec_uint ("n-competencies", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_LEVELS] = g_param_spec_uint ("n-levels", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_framework_import_init (TrellisFrameworkImport *self)
{
  self->nodes = g_ptr_array_new_with_free_func (import_node_free);
  self->levels = g_ptr_array_new_with_free_func (import_level_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->attributes = g_ptr_array_new ();
}

static gboolean
check_attributes (TrellisFrameworkImport  *self,
                  GError                 **error)
{
  guint n_attributes = trellis_framework_import_get_n_attributes (self);
  g_autofree char *sentence = NULL;

  if (n_attributes <= TRELLIS_LIMIT_ATTRIBUTES_PER_FRAMEWORK)
    return TRUE;
  sentence = trellis_limits_dup_message (trellis_limits_for_table ("attribute"));
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "“%s” has %u attribute: %s Nothing was changed.",
                            "“%s” has %u attributes: %s Nothing was changed.", n_attributes),
               self->file_name, n_attributes, sentence);
  return FALSE;
}

/* Public API */

/**
 * trellis_framework_import_new_from_file:
 * @file: a Moodle competency framework CSV, a CASE 1.0 package JSON, a Mahara SmartEvidence
 *   matrix JSON or a Trellis framework template
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and checks @file in the calling thread (run it in a #GTask from a user interface). The
 * result is a preview: nothing is stored until trellis_framework_import_apply().
 *
 * Returns: (transfer full): the import, or %NULL with @error set: %TRELLIS_ERROR_PARSE with the
 *   file name and the line (CSV) or the JSON path when the file is malformed,
 *   %TRELLIS_ERROR_INVALID when it is too large, %TRELLIS_ERROR_IO when it cannot be read,
 *   %TRELLIS_ERROR_CANCELLED when @cancellable was cancelled
 */
TrellisFrameworkImport *
trellis_framework_import_new_from_file (GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  g_autoptr(TrellisFrameworkImport) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  const char *text, *body, *start;
  gsize length, body_length;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_FRAMEWORK_IMPORT, NULL);
  basename = g_file_get_basename (file);
  self->file_name = g_filename_display_name (basename);

  bytes = read_limited (self, file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, &length);
  length--;  /* the terminating NUL read_limited() added */
  if (!check_utf8 (self, text, length, error))
    return NULL;

  body = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  body_length = length - (body - text);
  start = body;
  while (g_ascii_isspace (*start))
    start++;
  if (*start == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” is empty: there is no framework in it to import. Nothing was changed."),
                   self->file_name);
      return NULL;
    }

  if (g_str_has_suffix (basename, ".framework") || looks_like_template (start))
    {
      g_autoptr(GBytes) template_bytes = g_bytes_new_from_bytes (bytes, body - text, body_length);

      if (!read_template (self, template_bytes, error) || !check_attributes (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (*start == '{' || *start == '[')
    ok = read_json (self, body, body_length, cancellable, error);
  else
    {
      self->format_name = N_("Moodle competency framework (CSV)");
      ok = trellis_framework_import_read_moodle (self, text, length, cancellable, error);
    }
  if (!ok || !trellis_framework_import_build_tree (self, cancellable, error) ||
      !check_attributes (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trellis_framework_import_get_title:
 * @self: an import
 *
 * Returns: the framework’s title (never empty: the file’s name when the file has none)
 */
const char *
trellis_framework_import_get_title (TrellisFrameworkImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), NULL);

  return self->title;
}

/**
 * trellis_framework_import_get_format_name:
 * @self: an import
 *
 * Returns: the file’s format in words, translated, e.g. “Moodle competency framework (CSV)”
 */
const char *
trellis_framework_import_get_format_name (TrellisFrameworkImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), NULL);

  return _(self->format_name);
}

/**
 * trellis_framework_import_get_n_attributes:
 * @self: an import
 *
 * Returns: how many attributes applying adds
 */
guint
trellis_framework_import_get_n_attributes (TrellisFrameworkImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), 0);

  return self->template_bytes != NULL ? self->n_template_attributes : self->attributes->len;
}

/**
 * trellis_framework_import_get_n_competencies:
 * @self: an import
 *
 * Returns: how many competencies applying adds
 */
guint
trellis_framework_import_get_n_competencies (TrellisFrameworkImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), 0);

  return self->n_competencies;
}

/**
 * trellis_framework_import_get_n_levels:
 * @self: an import
 *
 * Returns: how many proficiency levels applying adds (4 for the default scale used when the
 *   file brings none)
 */
guint
trellis_framework_import_get_n_levels (TrellisFrameworkImport *self)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), 0);

  n = self->template_bytes != NULL ? self->n_template_levels : self->levels->len;
  return n > 0 ? n : G_N_ELEMENTS (default_scale);
}

/**
 * trellis_framework_import_dup_attribute_names:
 * @self: an import
 *
 * What a preview names, so that whoever imports sees which framework this is, not only its
 * size: each attribute with how many competencies it brings.
 *
 * Returns: (transfer full) (nullable): “Critical thinker (4)”, one a string, in order;
 *   %NULL for a Trellis template, whose attributes are read only when it is applied
 */
GStrv
trellis_framework_import_dup_attribute_names (TrellisFrameworkImport *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), NULL);

  if (self->template_bytes != NULL)
    return NULL;
  for (guint i = 0; i < self->attributes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->attributes, i);
      g_autofree char *name = g_strdup_printf ("%s (%u)", node->title ? node->title : "",
                                               node->competencies ? node->competencies->len : 0);

      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/**
 * trellis_framework_import_dup_level_names:
 * @self: an import
 *
 * Returns: (transfer full) (nullable): the proficiency levels the import adds, lowest first,
 *   the default scale when the file brings none; %NULL for a Trellis template
 */
GStrv
trellis_framework_import_dup_level_names (TrellisFrameworkImport *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), NULL);

  if (self->template_bytes != NULL)
    return NULL;
  for (guint i = 0; i < self->levels->len; i++)
    g_strv_builder_add (names, ((TrellisImportLevel *) g_ptr_array_index (self->levels, i))->title);
  if (self->levels->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (default_scale); i++)
      g_strv_builder_add (names, _(default_scale[i].title));
  return g_strv_builder_end (names);
}

/**
 * trellis_framework_import_dup_warnings:
 * @self: an import
 *
 * What the import changes or leaves out (deeper levels folded into paths, cross references and
 * rules ignored, a default scale, items without a parent), as translated sentences.
 *
 * Returns: (transfer full): the warnings; an empty array when there are none
 */
GStrv
trellis_framework_import_dup_warnings (TrellisFrameworkImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), NULL);

  for (guint i = 0; i < self->warnings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->warnings, i));
  return g_strv_builder_end (builder);
}

/**
 * trellis_framework_import_apply:
 * @self: an import
 * @store: the store to add the framework to
 * @framework_id: (out) (optional): the new framework’s row id
 * @error: return location for a #GError
 *
 * Adds the framework, its proficiency scale, attributes and competencies in one transaction.
 * The framework does not become the school’s default. Applying twice adds two frameworks.
 *
 * Returns: %TRUE on success; %FALSE with @error set, and nothing stored, on failure
 */
gboolean
trellis_framework_import_apply (TrellisFrameworkImport  *self,
                                TrellisStore            *store,
                                gint64                  *framework_id,
                                GError                 **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_IMPORT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!insert_all (self, store, &id, error))
    return trellis_store_rollback_failed (store);
  if (!trellis_store_commit (store, error))
    return FALSE;
  if (framework_id != NULL)
    *framework_id = id;
  return TRUE;
}
