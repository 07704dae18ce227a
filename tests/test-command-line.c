/* test-command-line.c — the trellis program's own options, run as a real process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <gio/gio.h>
#include <string.h>

#include "trellis-student.h"
#include "trellis-test-utils.h"

/* trellis_test_run_trellis() for a fresh user in @home, standard error merged into the output. */
#define run_trellis(home, status, ...) trellis_test_run_trellis ((home), (status), NULL, __VA_ARGS__)

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

/* A fresh user in a folder of their own, with the database path they pass with --database. */
typedef struct
{
  char *home;
  char *database;
} Home;

static void
home_setup (Home          *h,
            gconstpointer  data)
{
  h->home = trellis_test_make_dir ();
  h->database = g_build_filename (h->home, "school.db", NULL);
}

static void
home_teardown (Home          *h,
               gconstpointer  data)
{
  trellis_test_remove_tree (h->home);
  g_free (h->home);
  g_free (h->database);
}

static gint64
count_rows (const char *database,
            const char *table)
{
  g_autoptr(TrellisStore) store = trellis_store_open (database, NULL);
  /* @table may carry its own WHERE; the bound 0 only fills the helper's one parameter. */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s %s ? = 0", table,
                                          strstr (table, " WHERE ") != NULL ? "AND" : "WHERE");

  g_assert_nonnull (store);
  return trellis_test_query_int (store, sql, 0);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* --populate-sample N: N students, each signed by a person of the sample school; exit 0. */
static void
test_populate_sample (Home          *h,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  int status;

  out = run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "7", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Added 7 sample students");
  g_assert_cmpint (count_rows (h->database, "student"), ==, 7);
  g_assert_cmpint (count_rows (h->database, "student WHERE created_by = ''"), ==, 0);
}

/* --remove-sample: the sample's students go, a student added by hand stays; twice says so. */
static void
test_remove_sample (Home          *h,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "4", NULL));
  g_assert_cmpint (status, ==, 0);
  {
    g_autoptr(TrellisStore) store = trellis_store_open (h->database, NULL);
    g_autoptr(TrellisStudent) mine = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Kofi",
                                                   "family-name", "Mensah", NULL);

    g_assert_nonnull (store);
    trellis_store_set_editor (store, "Ms. Rivera", "teacher");
    g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (mine), NULL));
  }
  out = run_trellis (h->home, &status, "--database", h->database, "--remove-sample", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Removed 4 sample students");
  g_assert_cmpint (count_rows (h->database, "student"), ==, 1);
  g_assert_cmpint (count_rows (h->database, "student WHERE given_name = 'Kofi'"), ==, 1);
  again = run_trellis (h->home, &status, "--database", h->database, "--remove-sample", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (again, "There is no sample school");
}

/* A count that is not a number is refused with a message; no database is made. */
static void
test_populate_sample_refuses_bad_count (Home          *h,
                                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  int status;

  out = run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "lots", NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (out, !=, "");
  g_assert_false (g_file_test (h->database, G_FILE_TEST_EXISTS));
}

/* --import-framework: a good file says what it holds and adds it; a broken one is refused and
 * adds nothing. */
static void
test_import_framework (Home          *h,
                       gconstpointer  data)
{
  g_autofree char *good = trellis_test_source_path ("tests", "data", "frameworks", "mahara-flat.json", NULL);
  g_autofree char *broken = trellis_test_source_path ("tests", "data", "frameworks", "case-syntax-error.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *refused = NULL;
  gint64 before;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "1", NULL));
  before = count_rows (h->database, "framework");
  out = run_trellis (h->home, &status, "--database", h->database, "--import-framework", good, NULL);
  if (status != 0)
    g_error ("--import-framework said: %s", out);
  assert_contains (out, "Framework: ");
  assert_contains (out, "Competencies: ");
  g_assert_cmpint (count_rows (h->database, "framework"), ==, before + 1);

  refused = run_trellis (h->home, &status, "--database", h->database, "--import-framework", broken, NULL);
  g_assert_cmpint (status, !=, 0);
  assert_contains (refused, "trellis: ");
  g_assert_cmpint (count_rows (h->database, "framework"), ==, before + 1);
}

/* --export-xml writes a valid plan file; --import-xml --dry-run into another database changes
 * nothing, a conflict stops the import until --on-conflict decides, and a second run adds no
 * copies. */
static void
test_export_and_import_xml (Home          *h,
                            gconstpointer  data)
{
  g_autofree char *file = g_build_filename (h->home, "plans.xml", NULL);
  g_autofree char *other = g_build_filename (h->home, "other.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *dry = NULL;
  g_autofree char *done = NULL;
  g_autofree char *again = NULL;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "4", NULL));
  out = run_trellis (h->home, &status, "--database", h->database, "--export-xml", file, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Exported 4 students");
  trellis_test_assert_valid_plan_file (file);

  g_free (run_trellis (h->home, &status, "--database", other, "--populate-sample", "1", NULL));
  /* A dry run into a database that does not exist says so and makes none (importer defect 1). */
  {
    g_autofree char *missing = g_build_filename (h->home, "missing.db", NULL);
    g_autofree char *refused = run_trellis (h->home, &status, "--database", missing, "--import-xml", file,
                                            "--dry-run", NULL);

    g_assert_cmpint (status, ==, 1);
    assert_contains (refused, "There is no database at");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  dry = run_trellis (h->home, &status, "--database", other, "--import-xml", file, "--dry-run", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (dry, "Dry run: nothing was changed.");
  g_assert_cmpint (count_rows (other, "student"), ==, 1);

  /* The sample school is the same everywhere: its first student is in both, changed on both
   * sides, so without --on-conflict nothing is imported… */
  done = run_trellis (h->home, &status, "--database", other, "--import-xml", file, NULL);
  g_assert_cmpint (status, ==, 1);
  assert_contains (done, "Conflict: Student ");
  g_assert_cmpint (count_rows (other, "student"), ==, 1);

  /* …and with --on-conflict theirs the file wins: three new students, one updated. */
  g_free (done);
  done = run_trellis (h->home, &status, "--database", other, "--import-xml", file, "--on-conflict", "theirs", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (done, "Imported ");
  g_assert_cmpint (count_rows (other, "student"), ==, 4);

  /* The same file again, told to copy what differs: nothing differs, nothing is added. */
  again = run_trellis (h->home, &status, "--database", other, "--import-xml", file, "--on-conflict", "copy", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (count_rows (other, "student"), ==, 4);
}

/* --on-conflict takes only mine, theirs or copy. */
static void
test_import_xml_refuses_bad_policy (Home          *h,
                                    gconstpointer  data)
{
  g_autofree char *file = g_build_filename (h->home, "plans.xml", NULL);
  g_autofree char *out = NULL;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "1", NULL));
  g_free (run_trellis (h->home, &status, "--database", h->database, "--export-xml", file, NULL));
  out = run_trellis (h->home, &status, "--database", h->database, "--import-xml", file, "--on-conflict", "yours", NULL);
  g_assert_cmpint (status, !=, 0);
  assert_contains (out, "--on-conflict must be");
}

/* --import-roster --dry-run counts and changes nothing; without it the students arrive, signed
 * with --author. */
static void
test_import_roster (Home          *h,
                    gconstpointer  data)
{
  g_autofree char *roster = trellis_test_source_path ("tests", "data", "roster", "bulk-1.2", NULL);
  g_autofree char *dry = NULL;
  g_autofree char *done = NULL;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "1", NULL));
  dry = run_trellis (h->home, &status, "--database", h->database, "--import-roster", roster, "--dry-run", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (dry, "Dry run: nothing was changed.");
  g_assert_cmpint (count_rows (h->database, "student"), ==, 1);

  /* --author signs what the run adds. */
  done = run_trellis (h->home, &status, "--database", h->database, "--author", "Ms. Rivera",
                      "--import-roster", roster, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (done, "Imported the roster");
  g_assert_cmpint (count_rows (h->database, "student"), >, 1);
  g_assert_cmpint (count_rows (h->database, "student WHERE created_by = 'Ms. Rivera'"), ==,
                   count_rows (h->database, "student") - 1);
}

/* --print-pdf writes one PDF of every student's plan, or of the ones --student and --grade name;
 * an unknown paper size, or naming nobody, is refused. */
static void
test_print_pdf (Home          *h,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (h->home, "plans.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int status;

  g_free (run_trellis (h->home, &status, "--database", h->database, "--populate-sample", "3", NULL));
  out = run_trellis (h->home, &status, "--database", h->database, "--print-pdf", pdf, "--paper", "letter",
                     "--double-sided", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Printed the plans of 3 students");
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  refused = run_trellis (h->home, &status, "--database", h->database, "--print-pdf", pdf, "--paper", "napkin", NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (refused, !=, "");

  /* --student and --grade narrow the students; naming nobody writes nothing and says why. */
  {
    g_autoptr(TrellisStore) store = trellis_store_open (h->database, NULL);
    g_autofree char *uuid = trellis_test_query_text (store, "SELECT uuid FROM student ORDER BY id LIMIT 1 OFFSET ?", 0);
    g_autofree char *grade = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             trellis_test_query_int (store, "SELECT grade_level FROM student "
                                                                            "ORDER BY id LIMIT 1 OFFSET ?", 0));
    g_autofree char *one = NULL;
    g_autofree char *nobody = NULL;
    g_autofree char *unknown = NULL;

    g_clear_object (&store);
    one = run_trellis (h->home, &status, "--database", h->database, "--print-pdf", pdf, "--student", uuid,
                       "--grade", grade, NULL);
    g_assert_cmpint (status, ==, 0);
    assert_contains (one, "Printed the plan of 1 student");
    nobody = run_trellis (h->home, &status, "--database", h->database, "--print-pdf", pdf, "--grade", "99", NULL);
    g_assert_cmpint (status, !=, 0);
    assert_contains (nobody, "No student matches");
    unknown = run_trellis (h->home, &status, "--database", h->database, "--print-pdf", pdf,
                           "--student", "00000000-0000-4000-8000-000000000000", NULL);
    g_assert_cmpint (status, !=, 0);
    assert_contains (unknown, "No student has the identifier");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/version", test_version);
  g_test_add_func ("/command-line/help-lists-version", test_help_lists_version);
#define ADD(path, func) g_test_add (path, Home, NULL, home_setup, func, home_teardown)
  ADD ("/command-line/populate-sample", test_populate_sample);
  ADD ("/command-line/populate-sample-refuses-bad-count", test_populate_sample_refuses_bad_count);
  ADD ("/command-line/remove-sample", test_remove_sample);
  ADD ("/command-line/import-framework", test_import_framework);
  ADD ("/command-line/export-and-import-xml", test_export_and_import_xml);
  ADD ("/command-line/import-xml-refuses-bad-policy", test_import_xml_refuses_bad_policy);
  ADD ("/command-line/import-roster", test_import_roster);
  ADD ("/command-line/print-pdf", test_print_pdf);
#undef ADD

  return g_test_run ();
}
