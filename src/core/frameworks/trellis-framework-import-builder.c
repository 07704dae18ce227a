/* trellis-framework-import-builder.c — what a format reader hands over: the framework, its items
 * and levels, warnings
 *
 * The readers (-moodle.c, -json.c) call only these and the tree (-tree.c); the hub
 * (trellis-framework-import.c) calls the readers. Nothing here calls the hub, so the readers
 * and the hub do not call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-import"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-framework-import-private.h"
#include "trellis-limits.h"

void
trellis_framework_import_set_cancelled (GError **error)
{
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                       _("The import was cancelled. Nothing was changed."));
}

const char *
trellis_framework_import_get_file_name (TrellisFrameworkImport *self)
{
  return self->file_name;
}

void
trellis_framework_import_set_framework (TrellisFrameworkImport *self,
                                        const char             *title,
                                        const char             *description)
{
  g_free (self->title);
  self->title = g_strstrip (g_strdup (title ? title : ""));
  g_free (self->description);
  self->description = g_strdup (description ? description : "");
}

/* Returns a new item for the reader to fill, or NULL when the file has too many. */
TrellisImportNode *
trellis_framework_import_add_node (TrellisFrameworkImport  *self,
                                   const char              *where,
                                   GError                 **error)
{
  TrellisImportNode *node;

  if (self->nodes->len >= TRELLIS_IMPORT_MAX_ITEMS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” has more than %d competencies (at %s), more than any Profile of a "
                     "Graduate; Trellis does not import it. Nothing was changed."),
                   self->file_name, TRELLIS_IMPORT_MAX_ITEMS, where);
      return NULL;
    }
  node = g_new0 (TrellisImportNode, 1);
  node->where = g_strdup (where);
  node->order = self->nodes->len;
  g_ptr_array_add (self->nodes, node);
  return node;
}

gboolean
trellis_framework_import_add_level (TrellisFrameworkImport  *self,
                                    const char              *title,
                                    const char              *description,
                                    int                      value,
                                    gboolean                 proficient,
                                    const char              *where,
                                    GError                 **error)
{
  TrellisImportLevel *level;

  if (self->levels->len >= TRELLIS_IMPORT_MAX_LEVELS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s”: the proficiency scale at %s has more than %d levels. Nothing was changed."),
                   self->file_name, where, TRELLIS_IMPORT_MAX_LEVELS);
      return FALSE;
    }
  level = g_new0 (TrellisImportLevel, 1);
  /* A CASE level may have neither a quality nor a description: it is named by its value. */
  level->title = g_strstrip (g_strdup (title ? title : ""));
  level->description = g_strdup (description);
  level->value = value;
  level->proficient = proficient;
  if (trellis_framework_import_is_blank (level->title))
    {
      g_free (level->title);
      level->title = g_strdup_printf (_("Level %d"), value);
    }
  g_ptr_array_add (self->levels, level);
  return TRUE;
}

/* For scales that do not say which levels are proficient: the upper half (the top level at
 * least) counts. */
void
trellis_framework_import_mark_upper_half_proficient (TrellisFrameworkImport *self)
{
  guint n = self->levels->len;
  guint first = n > 0 ? MIN ((n + 1) / 2, n - 1) : 0;

  for (guint i = 0; i < n; i++)
    ((TrellisImportLevel *) g_ptr_array_index (self->levels, i))->proficient = i >= first;
}

void
trellis_framework_import_warn (TrellisFrameworkImport *self,
                               const char             *format,
                               ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* json-glib says where in its messages, as "<data>:LINE:COLUMN: words": sets @line and @column
 * and returns the words, or returns NULL when @message says no place. */
const char *
trellis_framework_import_split_json_error (const char *message,
                                           int        *line,
                                           int        *column)
{
  int used = 0;

  if (sscanf (message, "<data>:%d:%d: %n", line, column, &used) == 2 && used > 0)
    return message + used;
  return NULL;
}

/* The value of the four hex digits at @p, or -1. */
static int
parse_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Checks the \u escape at @p (the backslash) of a double-quoted string: NUL would cut the text
 * short and a lone surrogate is no character (importer defect 6). */
static void
check_escape (const char      *text,
              const char      *p,
              guint            line,
              TrellisJsonScan *scan)
{
  int value = parse_hex4 (p + 2);

  if (value == 0 && scan->nul_line == 0)
    scan->nul_line = line;
  else if (value >= 0xD800 && value <= 0xDBFF)
    {
      int low = p[6] == '\\' && p[7] == 'u' ? parse_hex4 (p + 8) : -1;

      if ((low < 0xDC00 || low > 0xDFFF) && scan->surrogate_line == 0)
        scan->surrogate_line = line;
    }
  else if (value >= 0xDC00 && value <= 0xDFFF && scan->surrogate_line == 0)
    {
      int high = -1;

      /* A low half is fine only right after a high one, which the check above took. */
      if (p - text >= 6 && p[-6] == '\\' && p[-5] == 'u')
        high = parse_hex4 (p - 4);
      if (high < 0xD800 || high > 0xDBFF)
        scan->surrogate_line = line;
    }
}

/* json-glib 1.6 parses recursively, so JSON nested a million levels deep would exhaust the
 * stack: one linear pass finds the line where @text nests too deep. It reads strings and
 * comments as json-glib does, which also takes 'single-quoted' strings (without escapes) and C
 * comments: a bracket it skips as text must not be hidden from json-glib.
 *
 * The same pass finds what json-glib accepts but should not: more JSON after the end of the
 * first document (it would keep only the last; importer defect 5), and \u0000 or a lone
 * surrogate in a string (defect 6). Each line is 0 when there is none. */
void
trellis_framework_import_scan_json (const char      *text,
                                    TrellisJsonScan *scan)
{
  gboolean in_comment = FALSE;
  gboolean closed = FALSE;   /* the first document's outermost bracket is closed */
  char quote = 0;
  guint depth = 0, line = 1;

  memset (scan, 0, sizeof *scan);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        line++;
      if (in_comment)
        {
          if (*p == '*' && p[1] == '/')
            {
              in_comment = FALSE;
              p++;
            }
        }
      else if (quote != 0)
        {
          if (*p == '\\' && quote == '"' && p[1] == 'u')
            check_escape (text, p, line, scan);
          if (*p == '\\' && quote == '"' && p[1] != '\0')
            p++;
          else if (*p == quote)
            quote = 0;
        }
      else if (*p == '/' && p[1] == '*')
        {
          in_comment = TRUE;
          p++;
        }
      else
        {
          if (closed && !g_ascii_isspace (*p) && scan->trailing_line == 0)
            scan->trailing_line = line;
          if (*p == '"' || *p == '\'')
            quote = *p;
          else if (*p == '[' || *p == '{')
            {
              if (++depth > TRELLIS_IMPORT_MAX_JSON_NESTING)
                {
                  scan->deep_line = line;
                  return;
                }
            }
          else if ((*p == ']' || *p == '}') && depth > 0 && --depth == 0)
            closed = TRUE;
        }
    }
}

/* Checks @cancellable every 256 steps of a loop (the counter). */
gboolean
trellis_framework_import_check_cancelled (GCancellable  *cancellable,
                                          guint          counter,
                                          GError       **error)
{
  if (counter % 256 != 0 || !g_cancellable_is_cancelled (cancellable))
    return TRUE;
  trellis_framework_import_set_cancelled (error);
  return FALSE;
}

/* The attributes (a tree's top level) must fit a framework; the reader counted competencies
 * and levels as it went. */
