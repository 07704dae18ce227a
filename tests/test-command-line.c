/* test-command-line.c — the trellis program's own options, run as a real process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <gio/gio.h>
#include <string.h>

#include "trellis-test-utils.h"

/* Runs build/src/trellis with @argv (NULL-terminated) in a clean home; returns its standard
 * output and exit status. Nothing reaches a display: DISPLAY and WAYLAND_DISPLAY are unset. */
static char *
run_trellis (const char  *home,
             int         *status_out,
             const char  *first_arg,
             ...)
{
  g_autofree char *trellis = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, trellis);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  *status_out = g_subprocess_get_exit_status (process);
  return out;
}

/* --version prints “trellis VERSION” and exits without opening (or creating) a database. */
static void
test_version (void)
{
  g_autofree char *home = trellis_test_make_dir ();
  g_autofree char *database = g_build_filename (home, "trellis", "trellis.db", NULL);
  g_autofree char *out = NULL;
  int status;

  out = run_trellis (home, &status, "--version", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  trellis_test_remove_tree (home);
}

/* --help names --version, so a user who does not know it can find it. */
static void
test_help_lists_version (void)
{
  g_autofree char *home = trellis_test_make_dir ();
  g_autofree char *out = NULL;
  int status;

  out = run_trellis (home, &status, "--help", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "Print the version of Trellis and quit"));
  trellis_test_remove_tree (home);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/version", test_version);
  g_test_add_func ("/command-line/help-lists-version", test_help_lists_version);

  return g_test_run ();
}
