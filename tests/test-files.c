/* test-files.c — the database's files: private modes, read-only files and folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-sample-school.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

/* Root may write anywhere: the read-only cases run as “nobody” then. */
#define NOBODY 65534

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, mode);
}

static void
add_student (TrellisStore *store)
{
  g_autoptr(TrellisEntity) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Noor",
                                                   "family-name", "Haddad", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_insert (store, student, &error));
  g_assert_no_error (error);
}

static void
assert_private_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
}

/* A new database, its -wal and -shm: nobody else may read them. */
static void
test_store_wal_shm_modes (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = g_strdup (trellis_store_get_path (store));

  add_student (store);
  assert_private_files (path);
  g_assert_false (trellis_store_is_exposed (store));
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* Broken item 9: an existing 0644 database was used as it was, and its -wal/-shm came out 0644. */
static void
test_store_mode_0644_tightened (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = g_strdup (trellis_store_get_path (store));
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (store);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  store = trellis_store_open (path, &error);
  g_assert_no_error (error);
  trellis_store_set_editor (store, "Test Teacher", "teacher");
  add_student (store);
  assert_private_files (path);
  g_assert_false (trellis_store_is_exposed (store));
  g_assert_finalize_object (store);

  /* Someone else’s readable file is not ours to change: it opens, and says so. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      store = trellis_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (trellis_store_is_exposed (store));
      assert_mode (path, 0644);
      g_assert_finalize_object (store);
    }
  trellis_test_remove_tree (dir);
  g_free (g_steal_pointer (&dir));
}

static void
drop_to_nobody (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (99);
}

static int
run_trellis (char       **err_out,
             const char  *first,
             ...)
{
  g_autofree char *trellis = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, trellis);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_child_setup (launcher, drop_to_nobody, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err_out, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* Broken item 10: a database in a read-only folder could not even be exported. It opens
 * read-only: export and print work, a change is refused with a message that says why, and
 * nothing is written beside the file. */
static void
test_store_read_only_folder_exports (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *media = g_build_filename (dir, "usb-stick", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *path = g_build_filename (media, "school.db", NULL);
  g_autofree char *xml = g_build_filename (out, "plans.xml", NULL);
  g_autofree char *pdf = g_build_filename (out, "plans.pdf", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (media, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0777), ==, 0);
  g_assert_cmpint (g_chmod (out, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  store = trellis_store_open (path, &error);
  g_assert_no_error (error);
  trellis_store_set_editor (store, "Test Teacher", "teacher");
  g_assert_true (trellis_sample_school_populate (store, 3, 5, NULL, NULL, &error));
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* Read-only media: everyone may read, nobody may write. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (media, 0555), ==, 0);
  before = trellis_test_read_bytes (path);

  g_assert_cmpint (run_trellis (NULL, "--database", path, "--export-xml", xml, NULL), ==, 0);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<student"));
  g_assert_cmpint (run_trellis (NULL, "--database", path, "--print-pdf", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_trellis (&err, "--database", path, "--populate-sample", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is open read-only"));

  after = trellis_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* This process, unless it is root, sees it read-only too. */
  if (geteuid () != 0)
    {
      store = trellis_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (trellis_store_is_read_only (store));
      g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 3);
      g_assert_finalize_object (g_steal_pointer (&store));
    }

  g_assert_cmpint (g_chmod (media, 0755), ==, 0);
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/wal-shm-modes", test_store_wal_shm_modes);
  g_test_add_func ("/store/mode-0644-tightened", test_store_mode_0644_tightened);
  g_test_add_func ("/store/read-only-folder-exports", test_store_read_only_folder_exports);

  return g_test_run ();
}
