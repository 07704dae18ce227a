/* fuzz-roster-import.c — libFuzzer target: a OneRoster export (CSV files + manifest, or a zip)
 * read, previewed and applied
 *
 * An input that starts like a zip (`PK\3\4`) is read as the zip of an export. Any other input
 * is a folder of CSV files, written one after another, each after a line `#FILE name.csv`; text
 * before the first such line is users.csv, and a folder without manifest.csv gets one that
 * lists users, orgs, classes and enrollments in bulk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "trellis-roster-import.h"

#define MARKER "#FILE "

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

static char *folder;

/* The next "\n#FILE " at or after @from, or NULL. */
static const guint8 *
find_marker (const guint8 *from,
             const guint8 *end)
{
  gsize n = strlen (MARKER) + 1;

  for (const guint8 *p = from; p != NULL && p + n <= end; p = memchr (p + 1, '\n', end - p - 1))
    if (*p == '\n' && memcmp (p + 1, MARKER, n - 1) == 0)
      return p;
  return NULL;
}

static void
write_part (const char   *name,
            const guint8 *data,
            gsize         size)
{
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *path = NULL;

  if (*base == '\0' || *base == '.' || strchr (base, '/') != NULL)
    return;
  path = g_build_filename (folder, base, NULL);
  g_file_set_contents (path, (const char *) data, size, NULL);
}

/* Empties the folder and writes the input's files into it. */
static void
write_folder (const guint8 *data,
              gsize         size)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *manifest = NULL;
  const char *name;
  const guint8 *end = data + size;
  const guint8 *part;
  char *part_name = g_strdup ("users.csv");

  if (folder == NULL)
    folder = g_dir_make_tmp ("trellis-fuzz-roster-XXXXXX", NULL);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }

  /* Each part runs from after a marker line (or the start) to the next marker. */
  if (size >= strlen (MARKER) && memcmp (data, MARKER, strlen (MARKER)) == 0)
    part = data;
  else
    {
      const guint8 *marker = find_marker (data, end);

      write_part (part_name, data, (marker != NULL ? marker : end) - data);
      part = marker != NULL ? marker + 1 : end;
    }
  while (part < end)
    {
      const guint8 *name_start = part + strlen (MARKER);
      const guint8 *line_end = memchr (name_start, '\n', end - name_start);
      const guint8 *marker;

      if (line_end == NULL)
        break;
      g_free (part_name);
      part_name = g_strndup ((const char *) name_start, line_end - name_start);
      marker = find_marker (line_end, end);
      /* a marker right after the name line: an empty file */
      write_part (part_name, line_end + 1,
                  marker == line_end ? 0 : (gsize) ((marker != NULL ? marker : end) - (line_end + 1)));
      part = marker != NULL ? marker + 1 : end;
    }
  g_free (part_name);

  manifest = g_build_filename (folder, "manifest.csv", NULL);
  if (!g_file_test (manifest, G_FILE_TEST_EXISTS))
    g_file_set_contents (manifest, "propertyName,value\noneroster.version,1.1\nfile.users,bulk\n"
                         "file.orgs,bulk\nfile.classes,bulk\nfile.enrollments,bulk\n", -1, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        gsize         size)
{
  TrellisStore *store = fuzz_store (200);
  g_autoptr(TrellisRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 rows = fuzz_count_rows (store);
  gboolean ok;

  if (size >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    {
      import = trellis_roster_import_new (store, "input.zip");
      ok = trellis_roster_import_read_zip_data (import, data, size, &error);
    }
  else
    {
      write_folder (data, size);
      import = trellis_roster_import_new (store, folder);
      ok = trellis_roster_import_read (import, NULL, &error);
    }
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_cmpint (fuzz_count_rows (store), ==, rows);
      return 0;
    }
  g_assert_no_error (error);
  summary = trellis_roster_import_dup_summary (import);
  g_assert_nonnull (summary);
  g_assert_nonnull (trellis_roster_import_get_problems (import));
  if (!trellis_roster_import_apply (import, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (fuzz_count_rows (store), ==, rows);
    }
  return 0;
}
