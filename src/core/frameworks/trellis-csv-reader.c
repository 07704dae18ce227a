/* trellis-csv-reader.c — reads RFC 4180 comma-separated records and knows their line numbers
 *
 * Fields may be quoted; a quoted field may hold commas, doubled quotes and line breaks. Lines
 * end in CRLF, LF or CR; a UTF-8 byte order mark at the start is skipped; blank lines are
 * skipped. A quote inside an unquoted field is kept as text (spreadsheets write such files).
 * Line breaks inside fields come out as "\n". The reader makes one pass over the text.
 *
 * A file read with a header (trellis_csv_reader_read_header()) has the header's width: a record
 * with fewer fields is a file cut short and is refused with its line and column, and fields past
 * the header's width are accepted only when empty (spreadsheets pad rows with trailing commas).
 * A header that is one field holding semicolons or tabs names the separator the file really uses.
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
  const char *line_start;   /* where the line at pos begins, for columns */
  guint       record_line;  /* the line where the last record began */
  guint       width;        /* the header's number of fields, 0 without a header */
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
  self->line_start = self->pos;
  return TRUE;
}

/* The column (in characters, from 1) of @at on the current line. */
static guint
column_at (TrellisCsvReader *self,
           const char       *at)
{
  return (guint) g_utf8_strlen (self->line_start, at - self->line_start) + 1;
}

/* A byte sequence that is not UTF-8 but is common in files saved by other programs. */
static const char *
guess_encoding (const char *text,
                gsize       length)
{
  gsize n_nul = 0;

  if (length >= 4 && (memcmp (text, "\xFF\xFE\0\0", 4) == 0 || memcmp (text, "\0\0\xFE\xFF", 4) == 0))
    return "UTF-32";
  if (length >= 2 && (memcmp (text, "\xFF\xFE", 2) == 0 || memcmp (text, "\xFE\xFF", 2) == 0))
    return "UTF-16";
  for (gsize i = 0; i < MIN (length, 4096); i++)
    n_nul += text[i] == '\0';
  if (n_nul > 0)
    return "UTF-16";
  return "Windows-1252 (Latin-1)";
}

static gboolean
read_quoted (TrellisCsvReader  *self,
             GString           *field,
             GError           **error)
{
  guint start_line = self->line;
  guint start_column = column_at (self, self->pos);

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
                           _("“%s”, line %u, column %u: there is text after the closing quote of "
                             "a field. A quote inside a quoted field must be doubled (\"\")."),
                           self->name, self->line, column_at (self, self->pos));
              return FALSE;
            }
          return TRUE;
        }
      skip_line_break (self);
      g_string_append_c (field, '\n');
    }

  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s”, line %u, column %u: a quoted field that starts here is never closed; "
                 "the file may have been cut short."),
               self->name, start_line, start_column);
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
 * trellis_csv_check_encoding:
 * @name: the file name used in error messages
 * @text: (array length=length): the whole file
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Checks that @text is UTF-8 (a byte order mark allowed) with no NUL byte. When it is not, the
 * error gives the line and column of the first bad byte and the encoding the file seems to be in.
 *
 * Returns: %TRUE when the text is UTF-8
 */
gboolean
trellis_csv_check_encoding (const char  *name,
                            const char  *text,
                            gsize        length,
                            GError     **error)
{
  const char *bad = NULL;
  guint line = 1;
  const char *line_start = text;

  if (g_utf8_validate_len (text, length, &bad) && memchr (text, '\0', length) == NULL)
    return TRUE;

  if (bad == NULL || bad >= text + length)
    bad = memchr (text, '\0', length);
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s”, line %u, column %u: the file is not UTF-8; it looks like %s. "
                 "Save it again as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again."),
               name, line, (guint) (bad - line_start) + 1, guess_encoding (text, length));
  return FALSE;
}

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
  self->line_start = text;
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
      break;
    }

  if (self->width > 0 && record->len < self->width)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s”, line %u, column %u: the record ends after %u of the header’s %u "
                     "fields; the file may have been cut short, or a field is missing."),
                   self->name, self->line, column_at (self, self->pos), record->len, self->width);
      return FALSE;
    }
  for (guint i = self->width; self->width > 0 && i < record->len; i++)
    if (*(const char *) record->pdata[i] != '\0')
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s”, line %u: the record has %u fields but the header only %u."),
                     self->name, self->record_line, record->len, self->width);
        return FALSE;
      }
  if (self->width > 0)
    g_ptr_array_set_size (record, self->width);
  skip_line_break (self);

  *fields = g_steal_pointer (&record);
  return TRUE;
}

/**
 * trellis_csv_reader_read_header:
 * @self: a reader at its start
 * @fields: (out) (transfer full) (element-type utf8): the header's fields
 * @error: return location for a #GError
 *
 * Reads the first record as the header; every later record must have its width. A file that
 * is empty, or whose header is one field separated by semicolons or tabs, is refused.
 *
 * Returns: %TRUE with @fields set
 */
gboolean
trellis_csv_reader_read_header (TrellisCsvReader  *self,
                                GPtrArray        **fields,
                                GError           **error)
{
  g_autoptr(GPtrArray) header = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL && self->width == 0, FALSE);

  if (!trellis_csv_reader_next (self, &header, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                     _("“%s” is empty; it needs at least a header line."), self->name);
      return FALSE;
    }
  if (header->len == 1)
    {
      const char *only = header->pdata[0];

      if (strchr (only, ';') != NULL || strchr (only, '\t') != NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s”, line %u: the fields are separated by %s, not by commas. Save the "
                         "file again as comma-separated values (CSV) and import it again."),
                       self->name, self->record_line,
                       strchr (only, ';') != NULL ? _("semicolons") : _("tabs"));
          return FALSE;
        }
    }
  while (header->len > 1 && *(const char *) header->pdata[header->len - 1] == '\0')
    g_ptr_array_set_size (header, header->len - 1);
  self->width = header->len;
  *fields = g_steal_pointer (&header);
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
