/* trellis-csv-reader.c — reads RFC 4180 comma-separated records and knows their line numbers
 *
 * Fields may be quoted; a quoted field may hold commas, doubled quotes and line breaks. Lines
 * end in CRLF, LF or CR; a UTF-8 byte order mark at the start is skipped; blank lines are
 * skipped. A quote inside an unquoted field is kept as text (spreadsheets write such files).
 * Line breaks inside fields come out as "\n". The reader makes one pass over the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-csv-reader"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv-reader.h"
#include "trellis-error.h"

struct _TrellisCsvReader
{
  char       *name;
  const char *pos;
  const char *end;
  guint       line;         /* the line at pos, from 1 */
  guint       record_line;  /* the line where the last record began */
};

/* Helpers */

/* Consumes a line break at pos (CRLF, LF or CR); returns whether there was one. */
static gboolean
skip_line_break (TrellisCsvReader *self)
{
  if (self->pos >= self->end)
    return FALSE;
  if (*self->pos == '\r')
    {
      self->pos++;
      if (self->pos < self->end && *self->pos == '\n')
        self->pos++;
    }
  else if (*self->pos == '\n')
    self->pos++;
  else
    return FALSE;
  self->line++;
  return TRUE;
}

static gboolean
read_quoted (TrellisCsvReader  *self,
             GString           *field,
             GError           **error)
{
  guint start_line = self->line;

  self->pos++;  /* the opening quote */
  while (self->pos < self->end)
    {
      const char *stop = self->pos;

      while (stop < self->end && *stop != '"' && *stop != '\r' && *stop != '\n')
        stop++;
      g_string_append_len (field, self->pos, stop - self->pos);
      self->pos = stop;
      if (self->pos >= self->end)
        break;
      if (*self->pos == '"')
        {
          if (self->pos + 1 < self->end && self->pos[1] == '"')
            {
              g_string_append_c (field, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;
          if (self->pos < self->end && *self->pos != ',' && *self->pos != '\r' && *self->pos != '\n')
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s”, line %u: there is text after the closing quote of a field. "
                             "A quote inside a quoted field must be doubled (\"\")."),
                           self->name, self->line);
              return FALSE;
            }
          return TRUE;
        }
      skip_line_break (self);
      g_string_append_c (field, '\n');
    }

  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s”, line %u: a quoted field that starts on this line is never closed."),
               self->name, start_line);
  return FALSE;
}

static void
read_unquoted (TrellisCsvReader *self,
               GString          *field)
{
  const char *stop = self->pos;

  while (stop < self->end && *stop != ',' && *stop != '\r' && *stop != '\n')
    stop++;
  g_string_append_len (field, self->pos, stop - self->pos);
  self->pos = stop;
}

/* Public API */

/**
 * trellis_csv_reader_new:
 * @name: the file name used in error messages
 * @text: (array length=length): the whole file, valid UTF-8; it must outlive the reader
 * @length: its length in bytes
 *
 * Returns: (transfer full): a reader positioned at the first record
 */
TrellisCsvReader *
trellis_csv_reader_new (const char *name,
                        const char *text,
                        gsize       length)
{
  TrellisCsvReader *self = g_new0 (TrellisCsvReader, 1);

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self->name = g_strdup (name);
  self->pos = text;
  self->end = text + length;
  self->line = 1;
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    self->pos += 3;
  return self;
}

void
trellis_csv_reader_free (TrellisCsvReader *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

/**
 * trellis_csv_reader_next:
 * @self: a reader
 * @fields: (out) (transfer full) (element-type utf8): the fields of the next record
 * @error: return location for a #GError
 *
 * Reads the next non-blank record.
 *
 * Returns: %TRUE with @fields set; %FALSE at the end of the text (@error unset) or when the
 *   text is malformed (@error set, with the line)
 */
gboolean
trellis_csv_reader_next (TrellisCsvReader  *self,
                         GPtrArray        **fields,
                         GError           **error)
{
  g_autoptr(GPtrArray) record = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  *fields = NULL;
  while (skip_line_break (self))
    ;
  if (self->pos >= self->end)
    return FALSE;

  self->record_line = self->line;
  record = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (record->len >= TRELLIS_CSV_MAX_FIELDS)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s”, line %u: the record has more than %d fields."),
                       self->name, self->record_line, TRELLIS_CSV_MAX_FIELDS);
          return FALSE;
        }
      if (self->pos < self->end && *self->pos == '"')
        {
          if (!read_quoted (self, field, error))
            return FALSE;
        }
      else
        read_unquoted (self, field);
      g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));

      if (self->pos < self->end && *self->pos == ',')
        {
          self->pos++;
          continue;
        }
      skip_line_break (self);
      break;
    }

  *fields = g_steal_pointer (&record);
  return TRUE;
}

/**
 * trellis_csv_reader_get_line:
 * @self: a reader
 *
 * Returns: the line (from 1) on which the record last returned began
 */
guint
trellis_csv_reader_get_line (TrellisCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}
