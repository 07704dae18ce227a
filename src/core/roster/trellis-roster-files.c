/* trellis-roster-files.c — the CSV files of a OneRoster export, from a folder or a zip, as tables
 *
 * A SIS exports a folder of CSV files, usually zipped. Both are read into memory by file name
 * (lower case, without folders, so `OneRoster/Users.csv` is `users.csv`); zips are read with
 * libarchive, with every entry's inflated size capped so that a zip bomb is refused, not
 * unpacked. A table is one CSV file read through the shared RFC 4180 reader, its header matched
 * without regard to case or order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-roster-files"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv-reader.h"
#include "trellis-error.h"
#include "trellis-roster-files.h"

struct _TrellisRosterTable
{
  char       *name;
  GPtrArray  *header;    /* (element-type utf8) as written */
  GHashTable *columns;   /* case-folded name → column + 1 */
  GPtrArray  *rows;      /* (element-type GPtrArray) */
  GArray     *lines;     /* guint, the line each row starts on */
};

/* Helpers */

static GHashTable *
new_file_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
}

/* The name a file is known by, or NULL for an entry that is not a CSV file of the export. */
static char *
file_key (const char *entry_name)
{
  g_autofree char *base = g_path_get_basename (entry_name);

  if (strstr (entry_name, "__MACOSX") != NULL || base[0] == '.')
    return NULL;
  if (!g_str_has_suffix (base, ".csv") && !g_str_has_suffix (base, ".CSV") &&
      !g_str_has_suffix (base, ".Csv"))
    return NULL;
  return g_ascii_strdown (base, -1);
}

static gboolean
add_file (GHashTable  *files,
          const char  *container,
          char        *key,
          GBytes      *bytes,
          GError     **error)
{
  if (g_hash_table_contains (files, key))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” holds two files named “%s”; a roster export has one of each."),
                   container, key);
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (files, key, g_bytes_ref (bytes));
  return TRUE;
}

static void
set_too_large_error (GError     **error,
                     const char  *container,
                     const char  *name)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("“%s”: “%s” is larger than %d MiB; no roster is that large, so it was not read."),
               container, name, TRELLIS_ROSTER_MAX_FILE_SIZE / (1024 * 1024));
}

static GHashTable *
read_archive (struct archive  *archive,
              const char      *name,
              GError         **error)
{
  g_autoptr(GHashTable) files = new_file_table ();
  struct archive_entry *entry;
  gsize total = 0;
  int rc;

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *entry_name = archive_entry_pathname (entry);
      g_autofree char *key = NULL;
      g_autoptr(GByteArray) data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      char buffer[64 * 1024];
      la_ssize_t n;

      if (entry_name == NULL || archive_entry_filetype (entry) != AE_IFREG ||
          (key = file_key (entry_name)) == NULL)
        continue;
      data = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (data->len + (gsize) n > TRELLIS_ROSTER_MAX_FILE_SIZE ||
              total + (gsize) n > TRELLIS_ROSTER_MAX_TOTAL_SIZE)
            {
              set_too_large_error (error, name, entry_name);
              return NULL;
            }
          g_byte_array_append (data, (const guint8 *) buffer, n);
          total += n;
        }
      if (n < 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s”: “%s” could not be unpacked: %s"), name, entry_name,
                       archive_error_string (archive));
          return NULL;
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
      if (!add_file (files, name, g_steal_pointer (&key), bytes, error))
        return NULL;
    }
  if (rc != ARCHIVE_EOF)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” is not a zip file that can be read: %s"), name,
                   archive_error_string (archive) ? archive_error_string (archive) : _("damaged"));
      return NULL;
    }
  return g_steal_pointer (&files);
}

static GHashTable *
read_folder (GFile         *folder,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GHashTable) files = new_file_table ();
  g_autoptr(GFileEnumerator) children = NULL;
  gsize total = 0;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;
  for (;;)
    {
      GFileInfo *info = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GFile) child = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          (key = file_key (g_file_info_get_name (info))) == NULL)
        continue;
      if (g_file_info_get_size (info) > TRELLIS_ROSTER_MAX_FILE_SIZE ||
          total + g_file_info_get_size (info) > TRELLIS_ROSTER_MAX_TOTAL_SIZE)
        {
          set_too_large_error (error, name, g_file_info_get_name (info));
          return NULL;
        }
      total += g_file_info_get_size (info);
      child = g_file_get_child (folder, g_file_info_get_name (info));
      bytes = g_file_load_bytes (child, cancellable, NULL, error);
      if (bytes == NULL || !add_file (files, name, g_steal_pointer (&key), bytes, error))
        return NULL;
    }
  return g_steal_pointer (&files);
}

/* Public API */

/**
 * trellis_roster_files_read:
 * @path: a folder or a zip file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): file name (lower case) → #GBytes, or %NULL with @error set
 */
GHashTable *
trellis_roster_files_read (const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GMappedFile) mapped = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

  if (type == G_FILE_TYPE_DIRECTORY)
    return read_folder (file, name, cancellable, error);
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("“%s” is neither a folder nor a zip file of a roster."), path);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  return trellis_roster_files_read_zip_data (name, g_mapped_file_get_contents (mapped),
                                             g_mapped_file_get_length (mapped), error);
}

/**
 * trellis_roster_files_read_zip_data:
 * @name: the zip's name, for messages
 * @data: (array length=size): the zip file's bytes
 * @size: their length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): as trellis_roster_files_read()
 */
GHashTable *
trellis_roster_files_read_zip_data (const char  *name,
                                    const void  *data,
                                    gsize        size,
                                    GError     **error)
{
  struct archive *archive = archive_read_new ();
  GHashTable *files = NULL;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                 _("“%s” is not a zip file that can be read: %s"), name,
                 archive_error_string (archive) ? archive_error_string (archive) : _("damaged"));
  else
    files = read_archive (archive, name, error);
  archive_read_free (archive);
  return files;
}

/**
 * trellis_roster_table_parse:
 * @name: the file's name, for messages
 * @bytes: its contents
 * @error: return location for a #GError
 *
 * Reads a whole CSV file with a header. Refuses text that is not UTF-8, a separator other than
 * the comma, a header with a column twice, and a record cut short, with line and column.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisRosterTable *
trellis_roster_table_parse (const char  *name,
                            GBytes      *bytes,
                            GError     **error)
{
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr(TrellisCsvReader) reader = NULL;
  g_autoptr(TrellisRosterTable) self = g_new0 (TrellisRosterTable, 1);
  GError *local_error = NULL;

  if (!trellis_csv_check_encoding (name, text, length, error))
    return NULL;
  reader = trellis_csv_reader_new (name, text, length);
  self->name = g_strdup (name);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!trellis_csv_reader_read_header (reader, &self->header, error))
    return NULL;
  for (guint i = 0; i < self->header->len; i++)
    {
      g_autofree char *key = g_utf8_casefold (g_strstrip ((char *) self->header->pdata[i]), -1);

      if (g_hash_table_contains (self->columns, key))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s”, line 1, column %u: the header names “%s” twice."),
                       name, trellis_roster_table_get_header_column (self, i),
                       (const char *) self->header->pdata[i]);
          return NULL;
        }
      g_hash_table_insert (self->columns, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
    }
  for (;;)
    {
      GPtrArray *row = NULL;
      guint line;

      if (!trellis_csv_reader_next (reader, &row, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          break;
        }
      line = trellis_csv_reader_get_line (reader);
      for (guint i = 0; i < row->len; i++)
        g_strstrip ((char *) row->pdata[i]);
      g_ptr_array_add (self->rows, row);
      g_array_append_val (self->lines, line);
    }
  return g_steal_pointer (&self);
}

void
trellis_roster_table_free (TrellisRosterTable *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

const char *
trellis_roster_table_get_name (TrellisRosterTable *self)
{
  return self->name;
}

guint
trellis_roster_table_get_n_rows (TrellisRosterTable *self)
{
  return self->rows->len;
}

guint
trellis_roster_table_get_n_columns (TrellisRosterTable *self)
{
  return self->header->len;
}

/**
 * trellis_roster_table_find_column:
 * @self: a table
 * @column: a column name, in any case
 *
 * Returns: the column's index, or -1 when the file has no such column
 */
int
trellis_roster_table_find_column (TrellisRosterTable *self,
                                  const char         *column)
{
  g_autofree char *key = g_utf8_casefold (column, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->columns, key)) - 1;
}

const char *
trellis_roster_table_get_column_name (TrellisRosterTable *self,
                                      int                 column)
{
  g_return_val_if_fail (column >= 0 && (guint) column < self->header->len, NULL);
  return self->header->pdata[column];
}

/**
 * trellis_roster_table_get:
 * @self: a table
 * @row: a row index
 * @column: a column index, or -1
 *
 * Returns: the cell's text, surrounding spaces removed when it was read; "" for column -1
 */
const char *
trellis_roster_table_get (TrellisRosterTable *self,
                          guint               row,
                          int                 column)
{
  GPtrArray *fields;

  g_return_val_if_fail (row < self->rows->len, "");
  if (column < 0)
    return "";
  fields = self->rows->pdata[row];
  return fields->pdata[column];
}

guint
trellis_roster_table_get_line (TrellisRosterTable *self,
                               guint               row)
{
  return g_array_index (self->lines, guint, row);
}

/**
 * trellis_roster_table_get_header_column:
 * @self: a table
 * @column: a column index
 *
 * Returns: the column (from 1, in fields) of @column, for messages
 */
guint
trellis_roster_table_get_header_column (TrellisRosterTable *self,
                                        int                 column)
{
  return (guint) column + 1;
}
