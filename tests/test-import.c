/* test-import.c — imports are one moment, respect ownership and keep the limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-framework-import.h"
#include "trellis-goal.h"
#include "trellis-limits.h"
#include "trellis-plan.h"
#include "trellis-sample-school.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-xml-export.h"
#include "trellis-xml-import.h"

/* A kind of owned record: how to find the student or framework above one of its rows. */
typedef struct
{
  const char *table;
  const char *parent_column;
  const char *top;            /* SQL for the id of the student or framework above row `t` */
  gboolean    in_framework;
} Kind;

static const Kind kinds[] = {
  { "guardian", "student_id", "t.student_id", FALSE },
  { "plan", "student_id", "t.student_id", FALSE },
  { "goal", "plan_id", "(SELECT p.student_id FROM plan p WHERE p.id = t.plan_id)", FALSE },
  { "action_step", "goal_id",
    "(SELECT p.student_id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE g.id = t.goal_id)", FALSE },
  { "evidence", "goal_id",
    "(SELECT p.student_id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE g.id = t.goal_id)", FALSE },
  { "note", "plan_id", "(SELECT p.student_id FROM plan p WHERE p.id = t.plan_id)", FALSE },
  { "attribute", "framework_id", "t.framework_id", TRUE },
  { "competency", "attribute_id", "(SELECT a.framework_id FROM attribute a WHERE a.id = t.attribute_id)", TRUE },
  { "proficiency_level", "framework_id", "t.framework_id", TRUE },
};

/* Helpers */

/* A digest of every row of every table: equal digests mean nothing changed. */
static char *
dump_digest (TrellisStore *store)
{
  sqlite3 *db = trellis_store_get_db (store);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);

      g_checksum_update (checksum, tables->pdata[i], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);
            char type = '0' + sqlite3_column_type (stmt, c);

            g_checksum_update (checksum, (const guchar *) &type, 1);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
exec_sql (TrellisStore *store,
          const char   *sql)
{
  g_assert_cmpint (sqlite3_exec (trellis_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
export_to (TrellisStore *store,
           const char   *path,
           const char   *student_uuid)
{
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(GError) error = NULL;

  if (student_uuid != NULL)
    trellis_xml_export_add_student_uuid (export, student_uuid);
  g_assert_true (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
write_text (const char *path,
            const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Puts @to where the file has the record @from (its uuid attribute only). */
static void
replace_uuid (const char *path,
              const char *from,
              const char *to)
{
  g_autofree char *text = read_text (path);
  g_autofree char *old = g_strdup_printf ("uuid=\"%s\"", from);
  g_autofree char *new = g_strdup_printf ("uuid=\"%s\"", to);
  g_autoptr(GString) changed = g_string_new (text);

  g_assert_cmpuint (g_string_replace (changed, old, new, 1), ==, 1);
  write_text (path, changed->str);
}

/* A school of three sample students and a second framework nobody uses. */
static TrellisStore *
open_school (char **dir)
{
  TrellisStore *store = trellis_test_open_store (dir);
  g_autofree char *path = trellis_test_source_path ("data", "frameworks", "career-readiness.framework", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisFrameworkImport) framework = trellis_framework_import_new_from_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_sample_school_populate (store, 3, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  g_assert_nonnull (framework);
  g_assert_true (trellis_framework_import_apply (framework, store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Reading must fail and leave every row as it was; returns the message. */
static char *
read_refused (TrellisStore *store,
              const char   *path)
{
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (store, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_digest (store);
  g_autofree char *after = NULL;

  g_assert_false (trellis_xml_import_read (import, NULL, &error));
  g_assert_nonnull (error);
  after = dump_digest (store);
  g_assert_cmpstr (before, ==, after);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static TrellisXmlImport *
read_ok (TrellisStore *store,
         const char   *path)
{
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_xml_import_read (import, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
apply_ok (TrellisXmlImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);
}

/* The name of the student or framework with row id @id, as messages show it. */
static char *
dup_top_name (TrellisStore *store,
              gboolean      framework,
              gint64        id)
{
  if (framework)
    return trellis_test_query_text (store, "SELECT title FROM framework WHERE id = ?", id);
  return trellis_test_query_text (store, "SELECT given_name || ' ' || family_name FROM student WHERE id = ?",
                                  id);
}

static char *
dup_uuid_where (TrellisStore *store,
                const Kind   *kind,
                const char   *condition,
                gint64        top)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.uuid FROM %s t WHERE %s %s ? ORDER BY t.id LIMIT 1",
                                          kind->table, kind->top, condition);
  return trellis_test_query_text (store, sql, top);
}

/* Tests: ownership */

/* The file of the first student, with one of its records given the UUID of a record of another
 * student (or, for framework records, of the other framework): refused, naming both owners,
 * and nothing in the database changes. */
static void
test_import_owned (gconstpointer data)
{
  const Kind *kind = data;
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autofree char *file = g_build_filename (dir, "hijack.xml", NULL);
  g_autofree char *student = trellis_test_dup_student_uuid (store, 0);
  gint64 student_id, mine, theirs;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *message = NULL;
  g_autofree char *mine_name = NULL;
  g_autofree char *theirs_name = NULL;

  {
    g_autoptr(TrellisEntity) entity = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, student, NULL);
    student_id = trellis_entity_get_id (entity);
  }
  mine = kind->in_framework ? trellis_store_get_default_framework (store) : student_id;
  x = dup_uuid_where (store, kind, "=", mine);
  y = dup_uuid_where (store, kind, "<>", mine);
  g_assert_nonnull (x);
  g_assert_nonnull (y);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.uuid = '%s'", kind->top, kind->table, y);
    theirs = trellis_test_query_int (store, sql, 0);
  }

  export_to (store, file, student);
  replace_uuid (file, x, y);
  message = read_refused (store, file);
  g_assert_nonnull (strstr (message, y));
  g_assert_nonnull (strstr (message, "never moved"));
  mine_name = dup_top_name (store, kind->in_framework, mine);
  theirs_name = dup_top_name (store, kind->in_framework, theirs);
  g_assert_nonnull (strstr (message, mine_name));
  g_assert_nonnull (strstr (message, theirs_name));
  trellis_test_remove_tree (dir);
}

/* The file of one student whose goals carry the UUIDs of another student's goals: once it moved
 * the goals and their evidence, once it made a student with no goals; either way the preview
 * said “1 new”. Now it is refused and the database is byte for byte as it was. */
static void
test_import_goal_uuid_hijack (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autofree char *file = g_build_filename (dir, "hijack.xml", NULL);
  g_autofree char *victim = trellis_test_dup_student_uuid (store, 1);
  g_autofree char *intruder = trellis_test_dup_student_uuid (store, 0);
  g_autofree char *victim_family = trellis_test_dup_family_name (store, victim);
  g_autofree char *message = NULL;
  gint64 n_goals, n_evidence;

  export_to (store, file, intruder);
  {
    g_autoptr(TrellisEntity) victim_student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, victim, NULL);
    g_autoptr(TrellisEntity) intruder_student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, intruder, NULL);
    g_autofree char *mine_sql = g_strdup_printf ("SELECT g.uuid FROM goal g JOIN plan p ON p.id = g.plan_id "
                                                 "WHERE p.student_id = %" G_GINT64_FORMAT " ORDER BY g.id",
                                                 trellis_entity_get_id (intruder_student));
    g_autofree char *their_sql = g_strdup_printf ("SELECT g.uuid FROM goal g JOIN plan p ON p.id = g.plan_id "
                                                  "WHERE p.student_id = %" G_GINT64_FORMAT " ORDER BY g.id",
                                                  trellis_entity_get_id (victim_student));
    sqlite3_stmt *a = NULL, *b = NULL;
    guint n = 0;

    g_assert_cmpint (sqlite3_prepare_v2 (trellis_store_get_db (store), mine_sql, -1, &a, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (trellis_store_get_db (store), their_sql, -1, &b, NULL), ==, SQLITE_OK);
    while (sqlite3_step (a) == SQLITE_ROW && sqlite3_step (b) == SQLITE_ROW)
      {
        replace_uuid (file, (const char *) sqlite3_column_text (a, 0), (const char *) sqlite3_column_text (b, 0));
        n++;
      }
    sqlite3_finalize (a);
    sqlite3_finalize (b);
    g_assert_cmpuint (n, >, 0);
  }

  n_goals = trellis_store_count (store, TRELLIS_TYPE_GOAL);
  n_evidence = trellis_test_query_int (store, "SELECT count(*) FROM evidence", 0);
  message = read_refused (store, file);
  g_assert_nonnull (strstr (message, "Goal"));
  g_assert_nonnull (strstr (message, victim_family));
  g_assert_nonnull (strstr (message, "never moved"));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_GOAL), ==, n_goals);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM evidence", 0), ==, n_evidence);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 3);

  /* The command line refuses it the same way, in a process of its own. */
  {
    g_autofree char *trellis = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
    g_autoptr(GSubprocess) process = NULL;
    g_autofree char *err = NULL;
    g_autofree char *before = dump_digest (store);
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;

    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                trellis, "--database", trellis_store_get_path (store),
                                "--import-xml", file, "--on-conflict", "theirs", NULL);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
    g_assert_no_error (error);
    g_test_message ("%s", err);
    g_assert_false (g_subprocess_get_successful (process));
    g_assert_nonnull (strstr (err, "never moved"));
    g_assert_nonnull (strstr (err, victim_family));
    trellis_store_check_external_change (store);
    after = dump_digest (store);
    g_assert_cmpstr (before, ==, after);
  }
  trellis_test_remove_tree (dir);
}

/* Tests: one moment */

/* The preview is read (every student unchanged); another connection then changes a student of
 * the file. Applying notices, names the student, changes nothing, and holds the new preview (a
 * conflict); applying that one works. */
static void
test_import_preview_apply_race (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autoptr(TrellisStore) other = NULL;
  g_autofree char *file = g_build_filename (dir, "all.xml", NULL);
  g_autofree char *uuid = trellis_test_dup_student_uuid (store, 2);
  g_autofree char *family = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  export_to (store, file, NULL);
  family = trellis_test_dup_family_name (store, uuid);
  g_usleep (5000);
  import = read_ok (store, file);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, 3);
  g_assert_cmpuint (trellis_xml_import_get_n_conflicts (import), ==, 0);

  /* Meanwhile, on another connection (another window, another process) the same student changes. */
  other = trellis_store_open (trellis_store_get_path (store), &error);
  g_assert_no_error (error);
  trellis_store_set_editor (other, "Other Teacher", "teacher");
  trellis_test_rename_student (other, uuid, "Changed-Elsewhere");

  before = dump_digest (store);
  g_assert_false (trellis_xml_import_apply (import, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, family));
  g_assert_nonnull (strstr (error->message, "was unchanged, now in conflict"));
  after = dump_digest (store);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* The import holds the new preview: one conflict, which a person now resolves. */
  g_assert_cmpuint (trellis_xml_import_get_n_conflicts (import), ==, 1);
  trellis_xml_import_set_resolution (import, 0, TRELLIS_XML_RESOLUTION_MINE);
  apply_ok (import);
  {
    g_autofree char *now = trellis_test_dup_family_name (store, uuid);
    g_assert_cmpstr (now, ==, "Changed-Elsewhere");
  }

  g_clear_object (&other);
  trellis_test_remove_tree (dir);
}

/* Two machines changed one student; the file is imported as a copy twice: one copy. */
static void
test_import_copy_provenance (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mine_dir = NULL;
  g_autoptr(TrellisStore) theirs = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) mine = trellis_test_open_store (&mine_dir);
  g_autofree char *first = g_build_filename (dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (dir, "second.xml", NULL);
  g_autofree char *uuid = NULL;
  gint64 n_records;

  g_assert_true (trellis_sample_school_populate (theirs, 2, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  export_to (theirs, first, NULL);
  {
    g_autoptr(TrellisXmlImport) import = read_ok (mine, first);
    g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, 2);
    apply_ok (import);
  }
  uuid = trellis_test_dup_student_uuid (theirs, 0);
  g_usleep (5000);
  trellis_test_rename_student (theirs, uuid, "Theirs");
  export_to (theirs, second, NULL);
  g_usleep (5000);
  trellis_test_rename_student (mine, uuid, "Mine");

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(TrellisXmlImport) import = read_ok (mine, second);

      g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_CONFLICT), ==, 1);
      trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_COPY);
      apply_ok (import);
      g_assert_cmpint (trellis_store_count (mine, TRELLIS_TYPE_STUDENT), ==, 3);
      g_assert_cmpint (trellis_test_query_int (mine, "SELECT count(*) FROM student WHERE family_name = 'Theirs'", 0),
                       ==, 1);
      if (round == 0)
        n_records = trellis_test_query_int (mine, "SELECT count(*) FROM copy_origin", 0);
      /* Every record of the copy says where it came from, once. */
      g_assert_cmpint (trellis_test_query_int (mine, "SELECT count(*) FROM copy_origin", 0), ==, n_records);
    }
  g_assert_cmpint (n_records, >, 1);
  {
    g_autofree char *copy_uuid = trellis_test_query_text (mine, "SELECT uuid FROM student WHERE family_name = 'Theirs'", 0);
    g_autofree char *sql = g_strdup_printf ("SELECT source_uuid FROM copy_origin WHERE copy_uuid = '%s'", copy_uuid);
    g_autofree char *source = trellis_test_query_text (mine, sql, 0);

    g_assert_cmpstr (source, ==, uuid);
  }

  g_clear_object (&theirs);
  g_clear_object (&mine);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (mine_dir);
}

/* Tests: exact previews */

/* Per student of the file: absent here, or its own export (its whole plan) as text. */
static GHashTable *
student_states (TrellisStore *store,
                const char   *dir,
                char        **uuids)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (dir, "one.xml", NULL);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(TrellisEntity) student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, uuids[i], NULL);
      g_autoptr(GString) text = NULL;
      g_autofree char *exported = NULL;

      if (student == NULL)
        continue;
      export_to (store, path, uuids[i]);
      exported = read_text (path);
      text = g_string_new (exported);
      /* The export's own time says nothing about the student. */
      g_string_erase (text, 0, strstr (text->str, "<student") - text->str);
      g_hash_table_insert (states, g_strdup (uuids[i]), g_string_free (g_steal_pointer (&text), FALSE));
    }
  return states;
}

static void
assert_preview_is_exact (TrellisStore *store,
                         const char   *dir,
                         const char   *file,
                         char        **uuids)
{
  g_autoptr(TrellisXmlImport) import = read_ok (store, file);
  g_autoptr(GHashTable) before = student_states (store, dir, uuids);
  g_autoptr(GHashTable) after = NULL;
  guint n_new = 0, n_changed = 0, n_same = 0;

  trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_THEIRS);
  apply_ok (import);
  after = student_states (store, dir, uuids);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      const char *was = g_hash_table_lookup (before, uuids[i]);
      const char *is = g_hash_table_lookup (after, uuids[i]);

      g_assert_nonnull (is);
      if (was == NULL)
        n_new++;
      else if (strcmp (was, is) != 0)
        n_changed++;
      else
        n_same++;
    }
  g_test_message ("new %u, changed %u, same %u", n_new, n_changed, n_same);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, n_new);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UPDATED) +
                    trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_CONFLICT), ==, n_changed);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, n_same);
}

/* The preview's counts against what applying did, student by student: the first import, the
 * same file again, and a file where the other machine changed one student's name, gave another
 * a new goal, added a student, while this machine changed a fourth one later than the file. */
static void
test_import_preview_counts_exact (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mine_dir = NULL;
  g_autoptr(TrellisStore) theirs = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) mine = trellis_test_open_store (&mine_dir);
  g_autofree char *first = g_build_filename (dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (dir, "second.xml", NULL);
  g_auto(GStrv) uuids = g_new0 (char *, 6);

  g_assert_true (trellis_sample_school_populate (theirs, 4, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  for (guint i = 0; i < 4; i++)
    uuids[i] = trellis_test_dup_student_uuid (theirs, i);
  export_to (theirs, first, NULL);
  assert_preview_is_exact (mine, mine_dir, first, uuids);
  assert_preview_is_exact (mine, mine_dir, first, uuids);

  g_usleep (5000);
  trellis_test_rename_student (theirs, uuids[0], "Renamed");
  {
    g_autoptr(TrellisEntity) student = trellis_store_load_by_uuid (theirs, TRELLIS_TYPE_STUDENT, uuids[1], NULL);
    g_autoptr(GListModel) plans = trellis_store_list (theirs, TRELLIS_TYPE_PLAN, "student-id",
                                                      trellis_entity_get_id (student), NULL);
    g_autoptr(TrellisEntity) plan = g_list_model_get_item (plans, 0);
    g_autoptr(TrellisEntity) goal = g_object_new (TRELLIS_TYPE_GOAL, "plan-id", trellis_entity_get_id (plan),
                                                  "title", "Learn to juggle", NULL);
    g_assert_true (trellis_store_insert (theirs, goal, NULL));
  }
  g_assert_true (trellis_sample_school_populate (theirs, 1, 7, NULL, NULL, NULL));
  uuids[4] = trellis_test_dup_student_uuid (theirs, 4);
  export_to (theirs, second, NULL);
  g_usleep (5000);
  trellis_test_rename_student (mine, uuids[2], "Mine-Later");
  assert_preview_is_exact (mine, mine_dir, second, uuids);

  g_clear_object (&theirs);
  g_clear_object (&mine);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (mine_dir);
}

/* Tests: limits */

static const TrellisLimit *
limit_of (const Kind *kind)
{
  const TrellisLimit *limit = trellis_limits_for_table (kind->table);

  g_assert_nonnull (limit);
  return limit;
}

/* Another record of @kind like @id, under the same owner, through the store. */
static gboolean
add_like (TrellisStore  *store,
          const Kind    *kind,
          gint64         id,
          GError       **error)
{
  GType type = trellis_store_type_for_table (kind->table);
  g_autoptr(TrellisEntity) model = trellis_store_load (store, type, id, NULL);
  g_autoptr(TrellisEntity) copy = g_object_new (type, NULL);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (model);

  for (guint f = 0; f < klass->n_fields; f++)
    {
      g_autofree char *value = trellis_entity_dup_field_string (model, &klass->fields[f]);
      g_assert_true (trellis_entity_set_field_string (copy, &klass->fields[f], value, NULL));
    }
  /* A student has one plan per school year. */
  if (g_strcmp0 (kind->table, "plan") == 0)
    {
      static int year = 1990;
      g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);

      year++;
      g_object_set (copy, "school-year", school_year, NULL);
    }
  return trellis_store_insert (store, copy, error);
}

/* One owner is filled to its limit through the store (what every editor uses): the last one
 * fits, one more is refused with the limit named. A file of that owner imports into an empty
 * database; the same file with one record more (moved there behind the store's back, as
 * another program could write it) is refused with the limit named, and nothing is stored. */
static void
test_limits_children (gconstpointer data)
{
  const Kind *kind = data;
  const TrellisLimit *limit = limit_of (kind);
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autoptr(TrellisStore) empty = trellis_test_open_store (&empty_dir);
  g_autofree char *file = g_build_filename (dir, "full.xml", NULL);
  g_autofree char *sentence = trellis_limits_dup_message (limit);
  g_autofree char *student = trellis_test_dup_student_uuid (store, 0);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gint64 model, parent, other_parent, n, extra;
  gint64 student_id;

  {
    g_autoptr(TrellisEntity) entity = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, student, NULL);
    student_id = trellis_entity_get_id (entity);
  }
  sql = g_strdup_printf ("SELECT t.id FROM %s t WHERE %s = ? ORDER BY t.id LIMIT 1", kind->table, kind->top);
  model = trellis_test_query_int (store, sql, kind->in_framework ? trellis_store_get_default_framework (store)
                                                                 : student_id);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", kind->parent_column, kind->table);
  parent = trellis_test_query_int (store, sql, model);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", kind->table, kind->parent_column);
  n = trellis_test_query_int (store, sql, parent);

  g_assert_true (trellis_store_begin (store, NULL));
  for (; n < limit->max; n++)
    {
      add_like (store, kind, model, &error);
      g_assert_no_error (error);
    }
  g_assert_true (trellis_store_commit (store, NULL));
  g_assert_cmpint (trellis_test_query_int (store, sql, parent), ==, limit->max);
  g_assert_false (add_like (store, kind, model, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, sentence));
  g_clear_error (&error);
  g_assert_cmpint (trellis_test_query_int (store, sql, parent), ==, limit->max);

  /* At the limit, the file imports. */
  export_to (store, file, student);
  {
    g_autoptr(TrellisXmlImport) import = read_ok (empty, file);
    trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_THEIRS);
    apply_ok (import);
  }
  {
    g_autofree char *uuid_sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", limit->parent_table);
    g_autofree char *parent_uuid = trellis_test_query_text (store, uuid_sql, parent);
    g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = '%s'", limit->parent_table,
                                               parent_uuid);

    g_assert_cmpint (trellis_test_query_int (empty, sql, trellis_test_query_int (empty, id_sql, 0)), ==,
                     limit->max);
  }
  g_clear_object (&empty);
  trellis_test_remove_tree (empty_dir);

  /* One more, added under another owner and moved over in SQL. */
  {
    g_autofree char *other_sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s <> ? ORDER BY id LIMIT 1",
                                                  kind->parent_column, kind->table, kind->parent_column);
    g_autofree char *move = NULL;

    other_parent = trellis_test_query_int (store, other_sql, parent);
    g_assert_cmpint (other_parent, >, 0);
    {
      g_autofree char *model_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? ORDER BY id LIMIT 1",
                                                    kind->table, kind->parent_column);
      g_assert_true (add_like (store, kind, trellis_test_query_int (store, model_sql, other_parent), NULL));
    }
    {
      g_autofree char *newest = g_strdup_printf ("SELECT max(id) FROM %s", kind->table);
      extra = trellis_test_query_int (store, newest, 0);
    }
    move = g_strdup_printf ("UPDATE %s SET %s = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                            kind->table, kind->parent_column, parent, extra);
    exec_sql (store, move);
  }
  export_to (store, file, student);
  g_free (empty_dir);
  empty = trellis_test_open_store (&empty_dir);
  {
    g_autofree char *message = read_refused (empty, file);

    g_assert_nonnull (strstr (message, sentence));
    g_assert_nonnull (strstr (message, "too many"));
  }
  g_clear_object (&empty);
  trellis_test_remove_tree (empty_dir);
  trellis_test_remove_tree (dir);
}

/* A plan is full here; the file has the same plan with one goal this database no longer has
 * (deleted since) and so would add it: refused at the preview, though the file alone is
 * within the limit. */
static void
test_limits_file_adds_to_full_owner (void)
{
  const Kind *kind = &kinds[2];
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autofree char *file = g_build_filename (dir, "full.xml", NULL);
  g_autofree char *student = trellis_test_dup_student_uuid (store, 0);
  g_autofree char *sentence = trellis_limits_dup_message (trellis_limits_for_table ("goal"));
  g_autoptr(GError) error = NULL;
  gint64 plan, model;

  g_assert_cmpstr (kind->table, ==, "goal");
  {
    g_autoptr(TrellisEntity) entity = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, student, NULL);
    plan = trellis_test_query_int (store, "SELECT id FROM plan WHERE student_id = ? ORDER BY id LIMIT 1",
                                   trellis_entity_get_id (entity));
  }
  model = trellis_test_query_int (store, "SELECT id FROM goal WHERE plan_id = ? ORDER BY id LIMIT 1", plan);
  while (trellis_test_query_int (store, "SELECT count(*) FROM goal WHERE plan_id = ?", plan) <
         TRELLIS_LIMIT_GOALS_PER_PLAN)
    g_assert_true (add_like (store, kind, model, NULL));
  export_to (store, file, student);
  {
    gint64 newest = trellis_test_query_int (store, "SELECT max(id) FROM goal WHERE plan_id = ?", plan);
    g_autoptr(TrellisEntity) goal = trellis_store_load (store, TRELLIS_TYPE_GOAL, newest, NULL);

    g_assert_true (trellis_store_delete (store, goal, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (add_like (store, kind, model, NULL));
  {
    g_autofree char *message = read_refused (store, file);

    g_assert_nonnull (strstr (message, sentence));
    g_assert_nonnull (strstr (message, "here"));
  }
  trellis_test_remove_tree (dir);
}

/* How many competency links follow one another from @p. */
static guint
count_links (const char *p)
{
  guint n = 0;

  while (g_str_has_prefix (p, "<competency-link>"))
    {
      p = strstr (p, "</competency-link>") + strlen ("</competency-link>");
      p += strspn (p, " \n");
      n++;
    }
  return n;
}

/* A goal with as many competency links as it may have is read; one more is refused. */
static void
test_limits_links_per_goal (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autoptr(TrellisStore) empty = trellis_test_open_store (&empty_dir);
  g_autofree char *file = g_build_filename (dir, "links.xml", NULL);
  g_autofree char *student = trellis_test_dup_student_uuid (store, 0);
  g_autofree char *sentence = trellis_limits_dup_message (trellis_limits_for_table ("goal_competency"));
  g_autofree char *text = NULL;
  const char *start, *end;

  export_to (store, file, student);
  text = read_text (file);
  start = strstr (text, "<competency-link>");
  g_assert_nonnull (start);
  end = strstr (start, "</competency-link>") + strlen ("</competency-link>");
  for (guint n = TRELLIS_LIMIT_LINKS_PER_GOAL; n <= TRELLIS_LIMIT_LINKS_PER_GOAL + 1; n++)
    {
      g_autoptr(GString) changed = g_string_new_len (text, start - text);
      /* The goal's links are one run of elements; make it @n long, the first repeated. */
      for (guint i = count_links (start); i < n; i++)
        {
          g_string_append_len (changed, start, end - start);
          g_string_append (changed, "\n");
        }
      g_string_append (changed, start);
      write_text (file, changed->str);
      if (n == TRELLIS_LIMIT_LINKS_PER_GOAL)
        {
          g_autoptr(TrellisXmlImport) import = read_ok (empty, file);
        }
      else
        {
          g_autofree char *message = read_refused (empty, file);

          g_test_message ("%s", message);
          g_assert_nonnull (strstr (message, sentence));
        }
    }
  g_clear_object (&empty);
  trellis_test_remove_tree (empty_dir);
  trellis_test_remove_tree (dir);
}

static char *
text_of_length (glong n_chars)
{
  GString *text = g_string_new (NULL);

  /* Two-byte characters: the limit is in characters, not bytes. */
  for (glong i = 0; i < n_chars; i++)
    g_string_append (text, i % 50 == 49 ? " " : "é");
  return g_string_free (text, FALSE);
}

/* A goal's description at the limit saves, exports and imports; one character more is refused
 * by the editor (the store) and in a file, with the field and the limit named. */
static void
test_limits_text (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) store = open_school (&dir);
  g_autoptr(TrellisStore) empty = trellis_test_open_store (&empty_dir);
  g_autofree char *file = g_build_filename (dir, "long.xml", NULL);
  g_autofree char *student = trellis_test_dup_student_uuid (store, 0);
  g_autofree char *longest = text_of_length (TRELLIS_LIMIT_TEXT_CHARS);
  g_autofree char *too_long = text_of_length (TRELLIS_LIMIT_TEXT_CHARS + 1);
  g_autofree char *goal_uuid = trellis_test_query_text (store, "SELECT uuid FROM goal ORDER BY id LIMIT 1", 0);
  g_autofree char *limit = g_strdup_printf ("%d", TRELLIS_LIMIT_TEXT_CHARS);
  g_autoptr(GError) error = NULL;

  trellis_test_change_text (store, TRELLIS_TYPE_GOAL, goal_uuid, "description", longest);
  {
    g_autoptr(TrellisEntity) goal = trellis_store_load_by_uuid (store, TRELLIS_TYPE_GOAL, goal_uuid, NULL);
    g_autofree char *owner = trellis_test_query_text (store, "SELECT s.uuid FROM student s JOIN plan p ON "
                                                      "p.student_id = s.id JOIN goal g ON g.plan_id = p.id "
                                                      "WHERE g.id = ?", trellis_entity_get_id (goal));

    g_assert_cmpstr (trellis_entity_get_text (goal, "description"), ==, longest);
    g_free (student);
    student = g_steal_pointer (&owner);
    g_object_set (goal, "description", too_long, NULL);
    g_assert_false (trellis_store_save (store, goal, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, limit));
    g_assert_nonnull (strstr (error->message, "Description"));
    g_clear_error (&error);
  }

  export_to (store, file, student);
  {
    g_autoptr(TrellisXmlImport) import = read_ok (empty, file);
    trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_THEIRS);
    apply_ok (import);
  }
  g_clear_object (&empty);
  trellis_test_remove_tree (empty_dir);

  {
    g_autofree char *text = read_text (file);
    g_autoptr(GString) changed = g_string_new (text);
    g_autofree char *message = NULL;

    g_assert_cmpuint (g_string_replace (changed, longest, too_long, 1), ==, 1);
    write_text (file, changed->str);
    g_free (empty_dir);
    empty = trellis_test_open_store (&empty_dir);
    message = read_refused (empty, file);
    g_assert_nonnull (strstr (message, limit));
    g_assert_nonnull (strstr (message, "Description"));
  }
  g_clear_object (&empty);
  trellis_test_remove_tree (empty_dir);
  trellis_test_remove_tree (dir);
}

static void
write_students (const char *path,
                guint       n)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<trellis xmlns=\"https://trellisplp.org/ns/plp/1\" version=\"1.0\" "
                                         "exported-at=\"2026-01-01T00:00:00Z\">\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<student uuid=\"00000000-0000-4000-8000-%012x\" "
                            "created-at=\"2026-01-01T00:00:00Z\" created-by=\"\" "
                            "updated-at=\"2026-01-01T00:00:00Z\" updated-by=\"\">"
                            "<given-name>S</given-name><family-name>%u</family-name></student>\n", i, i);
  g_string_append (xml, "</trellis>\n");
  write_text (path, xml->str);
}

/* A file of as many students as a file may hold is read; one more is refused. */
static void
test_limits_students_per_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *file = g_build_filename (dir, "many.xml", NULL);
  g_autofree char *limit = g_strdup_printf ("%u", TRELLIS_LIMIT_STUDENTS_PER_FILE);
  g_autofree char *message = NULL;

  write_students (file, TRELLIS_LIMIT_STUDENTS_PER_FILE);
  {
    g_autoptr(TrellisXmlImport) import = read_ok (store, file);
    g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==,
                      TRELLIS_LIMIT_STUDENTS_PER_FILE);
  }
  write_students (file, TRELLIS_LIMIT_STUDENTS_PER_FILE + 1);
  message = read_refused (store, file);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, limit));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 0);
  trellis_test_remove_tree (dir);
}

static char *
write_framework (const char *dir,
                 guint       n_attributes)
{
  g_autofree char *path = g_build_filename (dir, "big.framework", NULL);
  g_autoptr(GString) text = g_string_new ("[Framework]\nTitle=Every subject\n\n");

  for (guint i = 0; i < n_attributes; i++)
    g_string_append_printf (text, "[Attribute a%u]\nTitle=Subject %u\n\n[Competency c%u]\nTitle=Skill %u\n\n",
                            i, i, i, i);
  write_text (path, text->str);
  return g_steal_pointer (&path);
}

/* A framework file with as many attributes as a framework may have imports; one more is
 * refused when it is read. */
static void
test_limits_framework_attributes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *sentence = trellis_limits_dup_message (trellis_limits_for_table ("attribute"));
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *path = write_framework (dir, TRELLIS_LIMIT_ATTRIBUTES_PER_FRAMEWORK);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(TrellisFrameworkImport) import = trellis_framework_import_new_from_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (trellis_framework_import_apply (import, store, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *path = write_framework (dir, TRELLIS_LIMIT_ATTRIBUTES_PER_FRAMEWORK + 1);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(TrellisFrameworkImport) import = trellis_framework_import_new_from_file (file, NULL, &error);

    g_assert_null (import);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, sentence));
  }
  trellis_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/goal-uuid-hijack", test_import_goal_uuid_hijack);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *owned = g_strdup_printf ("/import/owned/%s", kinds[i].table);
      g_autofree char *limit = g_strdup_printf ("/limits/%s", kinds[i].table);

      g_test_add_data_func (owned, &kinds[i], test_import_owned);
      /* Competencies: 20,000 in one attribute take a minute; the store and reader code is the
       * same as for every other kind, so only the thorough run fills one. */
      if (g_strcmp0 (kinds[i].table, "competency") != 0 || g_test_thorough ())
        g_test_add_data_func (limit, &kinds[i], test_limits_children);
    }
  g_test_add_func ("/import/preview-apply-race", test_import_preview_apply_race);
  g_test_add_func ("/import/copy-provenance", test_import_copy_provenance);
  g_test_add_func ("/import/preview-counts-exact", test_import_preview_counts_exact);
  g_test_add_func ("/limits/text", test_limits_text);
  g_test_add_func ("/limits/file-adds-to-full-owner", test_limits_file_adds_to_full_owner);
  g_test_add_func ("/limits/links-per-goal", test_limits_links_per_goal);
  g_test_add_func ("/limits/students-per-file", test_limits_students_per_file);
  g_test_add_func ("/limits/framework-attributes", test_limits_framework_attributes);

  return g_test_run ();
}
