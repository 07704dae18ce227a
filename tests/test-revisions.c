/* test-revisions.c — two editors on one file: merges, conflicts, and nothing lost
 *
 * Every test here uses at least two connections to one database file: two stores in this
 * process, or other processes (this program run as a writer, and the trellis command line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-store.h"
#include "trellis-student.h"
#include "trellis-schema.h"
#include "trellis-test-utils.h"
#include "trellis-xml-export.h"

typedef struct {
  char         *dir;
  char         *path;
  TrellisStore *mine;     /* this editor */
  TrellisStore *theirs;   /* another window, another machine */
  gint64        student_id;
} Fixture;

static const char *self_path;

static TrellisStore *
open_store (const char *path,
            const char *editor)
{
  g_autoptr(GError) error = NULL;
  TrellisStore *store = trellis_store_open (path, &error);

  g_assert_no_error (error);
  trellis_store_set_editor (store, editor, "teacher");
  return store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT,
                                                    "given-name", "Ana", "family-name", "Lopez",
                                                    "interests", "Robots", NULL);
  g_autoptr(GError) error = NULL;

  f->mine = trellis_test_open_store (&f->dir);
  f->path = g_strdup (trellis_store_get_path (f->mine));
  f->theirs = open_store (f->path, "Mr. Okafor");
  g_assert_true (trellis_store_insert (f->mine, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
  f->student_id = trellis_entity_get_id (TRELLIS_ENTITY (student));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->theirs);
  g_clear_object (&f->mine);
  trellis_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static TrellisEntity *
load_student (TrellisStore *store,
              gint64        id)
{
  g_autoptr(GError) error = NULL;
  TrellisEntity *student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, id, &error);

  g_assert_no_error (error);
  return student;
}

static void
save_text (TrellisStore  *store,
           TrellisEntity *entity,
           const char    *property,
           const char    *value)
{
  g_autoptr(GError) error = NULL;

  g_object_set (entity, property, value, NULL);
  g_assert_true (trellis_store_save (store, entity, &error));
  g_assert_no_error (error);
}

static void
assert_stored_text (Fixture    *f,
                    const char *property,
                    const char *expected)
{
  g_autoptr(TrellisStore) fresh = open_store (f->path, "Reader");
  g_autoptr(TrellisEntity) student = load_student (fresh, f->student_id);

  g_assert_cmpstr (trellis_entity_get_text (student, property), ==, expected);
}

/* Broken item 1: a page holding a pending edit overwrote what another window saved. */
static void
test_lost_update_different_fields (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);

  save_text (f->theirs, theirs, "given-name", "Anita");
  save_text (f->mine, mine, "interests", "Robots and music");

  assert_stored_text (f, "given-name", "Anita");
  assert_stored_text (f, "interests", "Robots and music");
  /* The merge brought their change into this editor's record too. */
  g_assert_cmpstr (trellis_entity_get_text (mine, "given-name"), ==, "Anita");
  g_assert_cmpint (trellis_entity_get_revision (mine), ==, 3);
}

static void
test_same_field_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GDateTime) their_time = NULL;
  g_autoptr(GError) error = NULL;
  TrellisConflict *conflict;

  save_text (f->theirs, theirs, "interests", "Soccer");
  g_object_set (mine, "interests", "Chess", "strengths", "Patient", NULL);
  g_assert_false (trellis_store_save_full (f->mine, mine, &conflicts, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Mr. Okafor"));
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->field->name, ==, "interests");
  g_assert_cmpstr (conflict->mine, ==, "Chess");
  g_assert_cmpstr (conflict->theirs, ==, "Soccer");
  g_assert_cmpstr (conflict->their_author, ==, "Mr. Okafor");
  their_time = g_date_time_new_from_iso8601 (conflict->their_time, NULL);
  g_assert_nonnull (their_time);

  /* Nothing was overwritten without a choice; the field only this editor changed is stored. */
  assert_stored_text (f, "interests", "Soccer");
  assert_stored_text (f, "strengths", "Patient");

  /* Keep Mine: saving again is no longer stale. */
  g_clear_error (&error);
  g_assert_true (trellis_store_save (f->mine, mine, &error));
  g_assert_no_error (error);
  assert_stored_text (f, "interests", "Chess");
}

static void
test_conflict_use_theirs (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  TrellisConflict *conflict;
  gint64 revision;

  save_text (f->theirs, theirs, "interests", "Soccer");
  g_object_set (mine, "interests", "Chess", NULL);
  g_assert_false (trellis_store_save_full (f->mine, mine, &conflicts, &error));
  conflict = conflicts->pdata[0];

  /* Use Theirs: the field takes their text, and nothing is left to store. */
  g_object_set (mine, conflict->field->name, conflict->theirs, NULL);
  revision = trellis_entity_get_revision (mine);
  g_clear_error (&error);
  g_assert_true (trellis_store_save (f->mine, mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_revision (mine), ==, revision);
  assert_stored_text (f, "interests", "Soccer");
}

static void
test_same_value_is_no_conflict (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);
  g_autoptr(GError) error = NULL;

  save_text (f->theirs, theirs, "pronouns", "she/her");
  save_text (f->mine, mine, "pronouns", "she/her");
  assert_stored_text (f, "pronouns", "she/her");
}

static void
test_deleted_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_delete (f->theirs, theirs, NULL, &error));
  g_assert_no_error (error);
  g_object_set (mine, "interests", "Chess", NULL);
  g_assert_false (trellis_store_save (f->mine, mine, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "deleted"));
}

/* A save of this editor between another's commit and the next poll used to swallow the news. */
static void
test_own_commit_keeps_external_change (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);

  g_assert_false (trellis_store_check_external_change (f->mine));
  save_text (f->theirs, theirs, "pronouns", "she/her");
  save_text (f->mine, mine, "interests", "Chess");
  g_assert_true (trellis_store_check_external_change (f->mine));
  g_assert_false (trellis_store_check_external_change (f->mine));
}

/* A file written by the first Trellis (schema v1) is migrated in place: same rows, and every
 * row starts at revision 1. */
static void
test_migrates_v1_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TrellisEntity) student = NULL;

  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
  trellis_test_downgrade_to_v1 (f->path);

  f->mine = open_store (f->path, "Test Teacher");
  g_assert_cmpint (trellis_test_query_int (f->mine, "PRAGMA user_version", 0), ==, TRELLIS_SCHEMA_VERSION);
  student = load_student (f->mine, f->student_id);
  g_assert_cmpstr (trellis_entity_get_text (student, "given-name"), ==, "Ana");
  g_assert_cmpint (trellis_entity_get_revision (student), ==, 1);
  save_text (f->mine, student, "interests", "Chess");
  g_assert_cmpint (trellis_entity_get_revision (student), ==, 2);
}

/* Another process: this program, run as `--edit PATH ID FIELD VALUE`. */
static void
run_editor_process (Fixture    *f,
                    const char *field,
                    const char *value)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->student_id);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--edit", f->path, id,
                              field, value, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TrellisEntity) mine = load_student (f->mine, f->student_id);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  run_editor_process (f, "strengths", "Kind to others");
  save_text (f->mine, mine, "aspirations", "Engineer");
  assert_stored_text (f, "strengths", "Kind to others");
  assert_stored_text (f, "aspirations", "Engineer");

  run_editor_process (f, "aspirations", "Architect");
  g_object_set (mine, "aspirations", "Nurse", NULL);
  g_assert_false (trellis_store_save_full (f->mine, mine, &conflicts, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_assert_cmpstr (((TrellisConflict *) conflicts->pdata[0])->theirs, ==, "Architect");
  g_assert_cmpstr (((TrellisConflict *) conflicts->pdata[0])->their_author, ==, "Other Process");
  assert_stored_text (f, "aspirations", "Architect");
}

/* An import from the command line while this editor holds an unsaved edit: neither is lost. */
static void
test_import_during_open_edit (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "plans.xml", NULL);
  g_autofree char *trellis = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
  g_autoptr(TrellisEntity) mine = NULL;
  g_autoptr(TrellisEntity) theirs = load_student (f->theirs, f->student_id);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  /* The file, from another machine, has a new given name. */
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (f->theirs);

  save_text (f->theirs, theirs, "given-name", "Anita");
  g_assert_true (trellis_xml_export_write (export, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  save_text (f->theirs, theirs, "given-name", "Ana");

  mine = load_student (f->mine, f->student_id);
  g_object_set (mine, "supports", "Extra time on tests", NULL);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, trellis, "--database",
                              f->path, "--import-xml", file, "--on-conflict", "theirs", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (trellis_store_save (f->mine, mine, &error));
  g_assert_no_error (error);
  assert_stored_text (f, "given-name", "Anita");
  assert_stored_text (f, "supports", "Extra time on tests");
}

/* Writers that record each committed edit, killed at random: every edit they saw committed is
 * in the file, and the file is sound. Run as `--write PATH ID FIELD LOG`. */
static int
run_writer (const char *path,
            gint64      id,
            const char *field,
            const char *log_path)
{
  g_autoptr(TrellisStore) store = open_store (path, "Writer");
  FILE *log = fopen (log_path, "w");

  g_assert_nonnull (log);
  for (guint i = 1; ; i++)
    {
      g_autoptr(TrellisEntity) student = load_student (store, id);
      g_autofree char *value = g_strdup_printf ("edit %u", i);
      g_autoptr(GError) error = NULL;

      g_object_set (student, field, value, NULL);
      if (!trellis_store_save (store, student, &error))
        g_error ("%s", error->message);
      fprintf (log, "%u\n", i);
      fflush (log);
    }
  return 0;
}

static guint
last_logged (const char *log_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint last = 0;

  if (!g_file_get_contents (log_path, &contents, NULL, NULL))
    return 0;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      last = (guint) g_ascii_strtoull (lines[i], NULL, 10);
  return last;
}

static void
assert_edit_kept (TrellisEntity *student,
                  const char    *field,
                  guint          logged)
{
  const char *stored = trellis_entity_get_text (student, field);
  guint edit = 0;

  if (g_str_has_prefix (stored, "edit "))
    edit = (guint) g_ascii_strtoull (stored + 5, NULL, 10);
  /* The writer may die between its commit and its log line: one more is fine, one less not. */
  g_assert_cmpuint (edit, >=, logged);
  g_assert_cmpuint (edit, <=, logged + 1);
}

static void
test_kill_9 (Fixture       *f,
             gconstpointer  data)
{
  static const char * const fields[] = { "interests", "strengths" };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->student_id);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  g_clear_object (&f->theirs);
  for (guint run = 0; run < 50; run++)
    {
      GSubprocess *writers[G_N_ELEMENTS (fields)];
      char *logs[G_N_ELEMENTS (fields)];
      g_autoptr(TrellisEntity) student = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *integrity = NULL;

      student = load_student (f->mine, f->student_id);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_object_set (student, fields[i], "edit 0", NULL);
      g_assert_true (trellis_store_save (f->mine, student, &error));
      g_clear_object (&student);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          logs[i] = g_strdup_printf ("%s/writer-%u.log", f->dir, i);
          /* A writer killed before it opens its log must not leave the last run's. */
          g_unlink (logs[i]);
          writers[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--write",
                                         f->path, id, fields[i], logs[i], NULL);
          g_assert_no_error (error);
        }
      g_usleep (g_rand_int_range (rand, 20, 250) * 1000);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_subprocess_send_signal (writers[i], SIGKILL);
          g_assert_true (g_subprocess_wait (writers[i], NULL, NULL));
          g_assert_false (g_subprocess_get_if_exited (writers[i]));
        }

      integrity = trellis_test_query_text (f->mine, "PRAGMA integrity_check", 0);
      g_assert_cmpstr (integrity, ==, "ok");
      student = load_student (f->mine, f->student_id);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          assert_edit_kept (student, fields[i], last_logged (logs[i]));
          g_object_unref (writers[i]);
          g_free (logs[i]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];

  if (argc == 6 && g_str_equal (argv[1], "--write"))
    return run_writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10), argv[4], argv[5]);
  if (argc == 6 && g_str_equal (argv[1], "--edit"))
    {
      g_autoptr(TrellisStore) store = open_store (argv[2], "Other Process");
      g_autoptr(TrellisEntity) student = load_student (store, g_ascii_strtoll (argv[3], NULL, 10));

      save_text (store, student, argv[4], argv[5]);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/revisions/lost-update-different-fields", test_lost_update_different_fields);
  ADD ("/revisions/same-field-conflict", test_same_field_conflict);
  ADD ("/revisions/conflict-use-theirs", test_conflict_use_theirs);
  ADD ("/revisions/same-value-is-no-conflict", test_same_value_is_no_conflict);
  ADD ("/revisions/deleted-elsewhere", test_deleted_elsewhere);
  ADD ("/revisions/own-commit-keeps-external-change", test_own_commit_keeps_external_change);
  ADD ("/revisions/migrates-v1-file", test_migrates_v1_file);
  ADD ("/revisions/two-processes", test_two_processes);
  ADD ("/revisions/import-during-open-edit", test_import_during_open_edit);
  ADD ("/revisions/kill-9", test_kill_9);
#undef ADD

  return g_test_run ();
}
