/* test-backup.c — backups: rotation over days, restore round trip, refused files, the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-backup.h"
#include "trellis-error.h"
#include "trellis-sample-school.h"
#include "trellis-schema.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

typedef struct
{
  TrellisStore *store;
  char         *dir;
  char         *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = trellis_test_open_store (&f->dir);
  f->path = g_strdup (trellis_store_get_path (f->store));
  g_assert_true (trellis_sample_school_populate (f->store, 12, 7, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) backups = trellis_backup_list (f->path);

  /* The shared backup folder keeps no copies of finished tests. */
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(TrellisBackup) backup = g_list_model_get_item (backups, i);
      g_unlink (trellis_backup_get_path (backup));
    }
  trellis_test_close_store (f->store, f->dir);
  g_free (f->path);
}

static guint
count_reason (const char          *database_path,
              TrellisBackupReason  reason)
{
  g_autoptr(GListModel) backups = trellis_backup_list (database_path);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(TrellisBackup) backup = g_list_model_get_item (backups, i);
      n += trellis_backup_get_reason (backup) == reason;
    }
  return n;
}

static void
add_student (TrellisStore *store,
             const char   *family_name)
{
  g_autoptr(TrellisEntity) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Rosa",
                                                   "family-name", family_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_insert (store, student, &error));
  g_assert_no_error (error);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, mode);
}

/* A copy written next to the tests' files, checked like any restore candidate. */
static char *
write_copy (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_write_backup (f->store, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Tests */

static void
test_backup_checked_private_copy (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *copy = write_copy (f, "copy.db");
  g_autofree char *folder = trellis_backup_dup_folder ();
  g_autofree char *dump = trellis_test_dump_file (f->path);
  g_autofree char *copy_dump = trellis_test_dump_file (copy);
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(TrellisBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (dump, ==, copy_dump);
  assert_mode (copy, 0600);
  /* One self-contained file, readable without its -wal. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (trellis_backup_check (copy, &error));
  g_assert_no_error (error);

  backup = trellis_backup_take (f->store, TRELLIS_BACKUP_BEFORE_IMPORT, NULL, &error);
  g_assert_no_error (error);
  assert_mode (trellis_backup_get_path (backup), 0600);
  assert_mode (folder, 0700);
  g_assert_cmpint (trellis_backup_get_n_students (backup), ==, 12);
  g_assert_cmpint (trellis_backup_get_size (backup), >, 0);
  g_assert_cmpint (trellis_backup_get_reason (backup), ==, TRELLIS_BACKUP_BEFORE_IMPORT);
}

/* Sixty days of daily opens, several a day: 7 daily copies, then one for each of 4 weeks. */
static void
test_backup_rotation_over_days (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 9, 1, 8, 10, 0);
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (int day = 0; day < 60; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) noon = g_date_time_add_hours (morning, 4);
      g_autoptr(TrellisBackup) first = trellis_backup_take_daily (f->store, morning, &error);
      g_autoptr(TrellisBackup) second = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (first);
      /* The second open of the day takes none. */
      second = trellis_backup_take_daily (f->store, noon, &error);
      g_assert_no_error (error);
      g_assert_null (second);
    }

  backups = trellis_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, TRELLIS_BACKUP_KEEP_DAILY + TRELLIS_BACKUP_KEEP_WEEKLY);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(TrellisBackup) backup = g_list_model_get_item (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (trellis_backup_get_time (backup));
      g_autoptr(GDateTime) expected = NULL;

      if (i < TRELLIS_BACKUP_KEEP_DAILY)
        {
          /* The last seven days, newest first. */
          expected = g_date_time_add_days (start, 59 - (int) i);
          g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (expected));
        }
      else
        {
          g_autofree char *week = g_date_time_format (local, "%G-%V");
          /* Each older copy stands for another week, all before the daily ones. */
          g_assert_false (g_hash_table_contains (weeks, week));
          g_hash_table_add (weeks, g_steal_pointer (&week));
          expected = g_date_time_add_days (start, 59 - TRELLIS_BACKUP_KEEP_DAILY);
          g_assert_cmpint (g_date_time_compare (local, expected), <=, 0);
        }
    }

  /* Before-import copies: the last five. */
  for (int i = 0; i < 8; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_minutes (start, 60 * 24 * 60 + i);
      g_autoptr(TrellisBackup) backup = trellis_backup_take (f->store, TRELLIS_BACKUP_BEFORE_IMPORT, time, &error);

      g_assert_no_error (error);
      g_assert_nonnull (backup);
    }
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_IMPORT), ==, TRELLIS_BACKUP_KEEP_BEFORE_IMPORT);
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_DAILY), ==,
                    TRELLIS_BACKUP_KEEP_DAILY + TRELLIS_BACKUP_KEEP_WEEKLY);
}

static void
on_changed (TrellisStore       *store,
            const char         *table,
            const char         *uuid,
            TrellisStoreChange  kind,
            gpointer            user_data)
{
  if (kind == TRELLIS_STORE_CHANGE_RELOAD)
    (*(guint *) user_data)++;
}

/* Restore gives back exactly the backed-up data, keeps what it replaced, and tells views. */
static void
test_backup_restore_round_trip (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *copy = write_copy (f, "monday.db");
  g_autofree char *monday = trellis_test_dump_file (f->path);
  g_autofree char *restored = NULL;
  g_autoptr(TrellisStore) other = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(TrellisBackup) before = NULL;
  g_autoptr(GError) error = NULL;
  guint reloads = 0;

  add_student (f->store, "Tuesday");
  other = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &reloads);

  g_assert_true (trellis_store_restore_backup (f->store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloads, ==, 1);

  restored = trellis_test_dump_file (f->path);
  g_assert_cmpstr (restored, ==, monday);
  /* Another connection on the file sees the restored data at once. */
  g_assert_cmpint (trellis_test_query_int (other, "SELECT count(*) FROM student", 0), ==, 12);
  g_assert_cmpint (trellis_test_query_int (f->store, "SELECT count(*) FROM student", 0), ==, 12);
  g_assert_cmpstr (trellis_store_get_journal_mode (f->store), ==, "wal");
  g_assert_cmpint (trellis_test_query_int (f->store, "PRAGMA user_version", 0), ==, TRELLIS_SCHEMA_VERSION);

  /* What was replaced (with Tuesday’s student) is a backup of its own. */
  backups = trellis_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  before = g_list_model_get_item (backups, 0);
  g_assert_cmpint (trellis_backup_get_reason (before), ==, TRELLIS_BACKUP_BEFORE_RESTORE);
  g_assert_cmpint (trellis_backup_get_n_students (before), ==, 13);
  g_signal_handlers_disconnect_by_data (f->store, &reloads);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
assert_refused (Fixture    *f,
                const char *path,
                int         code)
{
  g_autofree char *dump = trellis_test_dump_file (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (trellis_backup_check (path, &error));
  g_assert_error (error, TRELLIS_ERROR, code);
  g_assert_nonnull (strstr (error->message, "not"));
  g_clear_error (&error);

  g_assert_false (trellis_store_restore_backup (f->store, path, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, code);
  after = trellis_test_dump_file (f->path);
  g_assert_cmpstr (after, ==, dump);
  /* Nothing was backed up either: nothing was about to change. */
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_RESTORE), ==, 0);
}

static void
test_backup_refuses_corrupt (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *copy = write_copy (f, "corrupt.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (copy, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8 * 4096);
  /* Pages 3 to 7 (a table's b-tree) overwritten; the header stays intact. */
  memset (contents + 2 * 4096, 0x5a, 5 * 4096);
  g_assert_true (g_file_set_contents (copy, contents, length, &error));

  assert_refused (f, copy, TRELLIS_ERROR_NOT_A_DATABASE);
}

static void
test_backup_refuses_foreign (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Plans for the spring term\n", -1, &error));
  assert_refused (f, text, TRELLIS_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipe (name TEXT); PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, other, TRELLIS_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  assert_refused (f, empty, TRELLIS_ERROR_NOT_A_DATABASE);
}

static void
test_backup_refuses_too_new (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *copy = write_copy (f, "future.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f, copy, TRELLIS_ERROR_TOO_NEW);
}

/* The file as the older version left it is kept before the upgrade changes it. */
static void
test_backup_before_migration (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(TrellisStore) upgraded = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(TrellisBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  trellis_test_downgrade_to_v1 (f->path);

  f->store = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
  backups = trellis_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpint (trellis_backup_get_reason (backup), ==, TRELLIS_BACKUP_BEFORE_MIGRATION);
  g_assert_cmpint (trellis_backup_get_n_students (backup), ==, 12);

  /* The copy is still version 1, and restoring it upgrades the restored data, not the copy. */
  g_assert_cmpint (sqlite3_open_v2 (trellis_backup_get_path (backup), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_true (trellis_store_restore_backup (f->store, trellis_backup_get_path (backup), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (f->store, "PRAGMA user_version", 0), ==, TRELLIS_SCHEMA_VERSION);
  g_assert_cmpint (trellis_test_query_int (f->store, "SELECT count(*) FROM student WHERE revision = 1", 0), ==, 12);
  check = trellis_test_query_text (f->store, "PRAGMA integrity_check", 0);
  g_assert_cmpstr (check, ==, "ok");
}

/* trellis_test_run_trellis() in the test environment, which must end with @expected_status. */
static char *
run_trellis (int          expected_status,
             char       **err_out,
             const char  *first,
             ...)
{
  va_list args;
  char *out;
  int status;

  va_start (args, first);
  out = trellis_test_run_trellis_valist (NULL, &status, err_out, first, args);
  va_end (args);
  g_assert_cmpint (status, ==, expected_status);
  return out;
}

/* `--backup FILE` and `--restore FILE` from real processes; a bad file changes nothing. */
static void
test_backup_command_line (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "out.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_free (run_trellis (0, NULL, "--database", f->path, "--backup", copy, NULL));
  assert_mode (copy, 0600);
  g_assert_true (trellis_backup_check (copy, &error));
  g_assert_no_error (error);
  before = trellis_test_dump_file (f->path);

  add_student (f->store, "Later");
  out = run_trellis (0, NULL, "--database", f->path, "--restore", copy, NULL);
  g_assert_nonnull (strstr (out, "Restored"));
  after = trellis_test_dump_file (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_RESTORE), ==, 1);

  g_assert_true (g_file_set_contents (junk, "not a database at all, but long enough to look like one........"
                                      "................................................", -1, &error));
  g_free (out);
  out = run_trellis (1, &err, "--database", f->path, "--restore", junk, NULL);
  g_assert_nonnull (strstr (err, "is not a Trellis database"));
  g_free (after);
  after = trellis_test_dump_file (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_RESTORE), ==, 1);
}

/* A database Trellis refuses (damaged) can still be replaced by a backup; its bytes are kept. */
static void
test_backup_restore_refused_file (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *copy = write_copy (f, "good.db");
  g_autofree char *good = trellis_test_dump_file (copy);
  g_autofree char *restored = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(TrellisBackup) before = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  memset (contents + 2 * 4096, 0x5a, 5 * 4096);
  g_assert_true (g_file_set_contents (f->path, contents, length, &error));
  damaged = trellis_test_read_bytes (f->path);

  g_free (run_trellis (0, NULL, "--database", f->path, "--restore", copy, NULL));
  restored = trellis_test_dump_file (f->path);
  g_assert_cmpstr (restored, ==, good);

  backups = trellis_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  before = g_list_model_get_item (backups, 0);
  kept = trellis_test_read_bytes (trellis_backup_get_path (before));
  g_assert_true (g_bytes_equal (kept, damaged));

  f->store = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Every import from the command line is preceded by a backup; a dry run takes none. */
static void
test_backup_before_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *plans = g_build_filename (f->dir, "plans.xml", NULL);
  g_autofree char *err = NULL;

  g_free (run_trellis (0, NULL, "--database", f->path, "--export-xml", plans, NULL));
  g_free (run_trellis (0, NULL, "--database", f->path, "--import-xml", plans, "--dry-run", NULL));
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_IMPORT), ==, 0);
  g_free (run_trellis (0, &err, "--database", f->path, "--import-xml", plans, "--on-conflict", "mine", NULL));
  g_assert_cmpuint (count_reason (f->path, TRELLIS_BACKUP_BEFORE_IMPORT), ==, 1);
}

/* Broken item 12: `--populate-sample` on a database that holds the sample failed with a raw
 * UNIQUE-constraint message. It explains itself, exits 1 and changes nothing. */
static void
test_cli_populate_sample_twice (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sample.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_free (run_trellis (0, NULL, "--database", path, "--populate-sample", "5", "--author", "Ms. Ruiz", NULL));
  before = trellis_test_dump_file (path);
  g_free (run_trellis (1, &err, "--database", path, "--populate-sample", "5", "--author", "Ms. Ruiz", NULL));
  g_assert_nonnull (strstr (err, "The sample school is already in this database"));
  g_assert_null (strstr (err, "UNIQUE"));
  after = trellis_test_dump_file (path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = trellis_test_make_dir ();
  int status;

  /* Backups of this run only: before GLib reads it the first time. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/backup/checked-private-copy", test_backup_checked_private_copy);
  ADD ("/backup/rotation-over-days", test_backup_rotation_over_days);
  ADD ("/backup/restore-round-trip", test_backup_restore_round_trip);
  ADD ("/backup/refuses-corrupt", test_backup_refuses_corrupt);
  ADD ("/backup/refuses-foreign", test_backup_refuses_foreign);
  ADD ("/backup/refuses-too-new", test_backup_refuses_too_new);
  ADD ("/backup/before-migration", test_backup_before_migration);
  ADD ("/backup/command-line", test_backup_command_line);
  ADD ("/backup/restore-refused-file", test_backup_restore_refused_file);
  ADD ("/backup/before-import", test_backup_before_import);
  ADD ("/cli/broken-item-12-populate-sample-twice", test_cli_populate_sample_twice);
#undef ADD

  status = g_test_run ();
  trellis_test_remove_tree (data_home);
  return status;
}
