/* test-store.c — the store: records, migrations, refusals, cascades, history and concurrency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-action-step.h"
#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-framework.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-history-entry.h"
#include "trellis-level.h"
#include "trellis-note.h"
#include "trellis-plan.h"
#include "trellis-framework-editing.h"
#include "trellis-sample-school.h"
#include "trellis-schema.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  TrellisStore *store;
} Fixture;

typedef struct
{
  char               *table;
  char               *uuid;
  TrellisStoreChange  kind;
} Change;

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = trellis_test_open_store (&f->dir);
  f->path = g_strdup (trellis_store_get_path (f->store));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  trellis_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->table);
  g_free (change->uuid);
  g_free (change);
}

static void
on_store_changed (TrellisStore *store,
                  const char   *table,
                  const char   *uuid,
                  int           kind,
                  GPtrArray    *changes)
{
  Change *change = g_new0 (Change, 1);

  change->table = g_strdup (table);
  change->uuid = g_strdup (uuid);
  change->kind = kind;
  g_ptr_array_add (changes, change);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* The first column of the first row of a query on the store’s own connection. */
static gint64
query_int (TrellisStore *store,
           const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (trellis_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (TrellisStore *store,
            const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (trellis_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Runs SQL on a second, plain connection to the file, as another program would. */
static sqlite3 *
open_other_connection (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

static void
exec_other (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

static void
run_on_file (const char *path,
             const char *sql)
{
  sqlite3 *db = open_other_connection (path);

  exec_other (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gpointer
insert_new (TrellisStore *store,
            GType         type,
            const char   *first_property,
            ...)
{
  g_autoptr(GError) error = NULL;
  TrellisEntity *entity;
  va_list args;

  va_start (args, first_property);
  entity = TRELLIS_ENTITY (g_object_new_valist (type, first_property, args));
  va_end (args);

  g_assert_true (trellis_store_insert (store, entity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_id (entity), >, 0);
  return entity;
}

static void
assert_same_fields (TrellisEntity *expected,
                    TrellisEntity *actual)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (expected);

  g_assert_true (G_OBJECT_TYPE (expected) == G_OBJECT_TYPE (actual));
  g_assert_cmpint (trellis_entity_get_id (expected), ==, trellis_entity_get_id (actual));
  g_assert_cmpstr (trellis_entity_get_uuid (expected), ==, trellis_entity_get_uuid (actual));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *want_value = trellis_entity_dup_field_string (expected, &klass->fields[i]);
      g_autofree char *got_value = trellis_entity_dup_field_string (actual, &klass->fields[i]);
      /* Named, so that a failure says which field differs. */
      g_autofree char *want = g_strdup_printf ("%s=%s", klass->fields[i].name, want_value);
      g_autofree char *got = g_strdup_printf ("%s=%s", klass->fields[i].name, got_value);

      g_assert_cmpstr (got, ==, want);
    }
}

static gboolean
list_contains (GListModel *list,
               gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisEntity) item = g_list_model_get_item (list, i);

      if (trellis_entity_get_id (item) == id)
        return TRUE;
    }
  return FALSE;
}

/* Reads a stored record back every way the store offers, then changes one field and checks that
 * exactly that change reaches the file. */
static void
check_read_update (TrellisStore  *store,
                   TrellisEntity *entity,
                   const char    *parent_field,
                   const char    *field_name,
                   const char    *new_value)
{
  GType type = G_OBJECT_TYPE (entity);
  gint64 id = trellis_entity_get_id (entity);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) loaded = NULL;
  g_autoptr(TrellisEntity) by_uuid = NULL;
  g_autoptr(TrellisEntity) reloaded = NULL;
  g_autoptr(GListModel) siblings = NULL;
  g_autofree char *value = NULL;
  const TrellisField *field;

  g_assert_nonnull (trellis_entity_get_uuid (entity));
  g_assert_true (g_uuid_string_is_valid (trellis_entity_get_uuid (entity)));
  g_assert_cmpstr (trellis_entity_get_created_by (entity), ==, "Test Teacher");
  g_assert_nonnull (trellis_entity_get_created_at (entity));

  loaded = trellis_store_load (store, type, id, &error);
  g_assert_no_error (error);
  assert_same_fields (entity, loaded);
  g_assert_cmpstr (trellis_entity_get_created_at (loaded), ==, trellis_entity_get_created_at (entity));

  by_uuid = trellis_store_load_by_uuid (store, type, trellis_entity_get_uuid (entity), &error);
  g_assert_no_error (error);
  assert_same_fields (entity, by_uuid);

  siblings = trellis_store_list (store, type, parent_field,
                                 parent_field ? trellis_entity_get_reference (entity, parent_field) : 0,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (list_contains (siblings, id));

  field = trellis_entity_find_field (loaded, field_name);
  g_assert_nonnull (field);
  g_assert_true (trellis_entity_set_field_string (loaded, field, new_value, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_store_save (store, loaded, &error));
  g_assert_no_error (error);

  reloaded = trellis_store_load (store, type, id, &error);
  g_assert_no_error (error);
  value = trellis_entity_dup_field_string (reloaded, field);
  g_assert_cmpstr (value, ==, new_value);
  assert_same_fields (loaded, reloaded);
  g_assert_cmpstr (trellis_entity_get_updated_at (reloaded), ==, trellis_entity_get_updated_at (loaded));
}

static void
check_deleted (TrellisStore  *store,
               TrellisEntity *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) gone = NULL;
  gint64 before = trellis_store_count (store, G_OBJECT_TYPE (entity));

  g_assert_true (trellis_store_delete (store, entity, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (store, G_OBJECT_TYPE (entity)), ==, before - 1);
  gone = trellis_store_load (store, G_OBJECT_TYPE (entity), trellis_entity_get_id (entity), &error);
  g_assert_null (gone);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The folder’s entries, sorted, so a refused open can be shown to leave no journal behind. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *entries_before = list_folder (dir);
  g_autofree char *entries_after = NULL;
  g_autoptr(GBytes) before = trellis_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;

  store = trellis_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, name));

  after = trellis_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  entries_after = list_folder (dir);
  g_assert_cmpstr (entries_after, ==, entries_before);
}

/* Every record of every table (identity and fields) and every competency link, as text. */
static char *
dump_records (TrellisStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  const GType *types;
  guint n_types;

  types = trellis_store_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) records = trellis_store_list (store, types[t], NULL, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(TrellisEntity) record = g_list_model_get_item (records, i);
          TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (record);

          g_string_append_printf (out, "%s %" G_GINT64_FORMAT " %s %s %s %s %s", klass->table,
                                  trellis_entity_get_id (record), trellis_entity_get_uuid (record),
                                  trellis_entity_get_created_at (record),
                                  trellis_entity_get_created_by (record),
                                  trellis_entity_get_updated_at (record),
                                  trellis_entity_get_updated_by (record));
          for (guint f = 0; f < klass->n_fields; f++)
            {
              g_autofree char *value = trellis_entity_dup_field_string (record, &klass->fields[f]);
              g_string_append_printf (out, "|%s", value ? value : "(null)");
            }
          g_string_append_c (out, '\n');
        }
    }

  g_assert_cmpint (sqlite3_prepare_v2 (trellis_store_get_db (store),
                                       "SELECT goal_id, competency_id, created_at, created_by "
                                       "FROM goal_competency ORDER BY goal_id, competency_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "link %s %s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *table;
  const char *owned;   /* FROM … WHERE …student_id = , completed with the student’s id */
} OwnedRows;

static const OwnedRows owned_rows[] = {
  { "guardian", "FROM guardian WHERE student_id = " },
  { "plan", "FROM plan WHERE student_id = " },
  { "goal", "FROM goal JOIN plan ON plan.id = goal.plan_id WHERE plan.student_id = " },
  { "action_step", "FROM action_step JOIN goal ON goal.id = action_step.goal_id "
                   "JOIN plan ON plan.id = goal.plan_id WHERE plan.student_id = " },
  { "evidence", "FROM evidence JOIN goal ON goal.id = evidence.goal_id "
                "JOIN plan ON plan.id = goal.plan_id WHERE plan.student_id = " },
  { "note", "FROM note JOIN plan ON plan.id = note.plan_id WHERE plan.student_id = " },
  { "goal_competency", "FROM goal_competency JOIN goal ON goal.id = goal_competency.goal_id "
                       "JOIN plan ON plan.id = goal.plan_id WHERE plan.student_id = " },
};

static gint64
count_table (TrellisStore *store,
             const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

/* How many rows of @table belong to @student_id, through @path (joins up to the student). */
static gint64
count_owned (TrellisStore    *store,
             const OwnedRows *rows,
             gint64           student_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) %s%" G_GINT64_FORMAT, rows->owned, student_id);

  return query_int (store, sql);
}


static TrellisStudent *
first_student (TrellisStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) summaries = trellis_store_list_student_summaries (store, &error);
  g_autoptr(TrellisStudentSummary) summary = NULL;
  TrellisStudent *student;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), >, 0);
  summary = g_list_model_get_item (summaries, 0);
  student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, trellis_student_summary_get_id (summary), &error);
  g_assert_no_error (error);
  return student;
}

static gint64
first_competency (TrellisStore *store,
                  char        **title)
{
  g_autofree char *sql = g_strdup_printf ("SELECT c.id FROM competency c "
                                          "JOIN attribute a ON a.id = c.attribute_id "
                                          "WHERE a.framework_id = %" G_GINT64_FORMAT
                                          " ORDER BY a.position, c.position LIMIT 1",
                                          trellis_store_get_default_framework (store));
  gint64 id = query_int (store, sql);
  g_autofree char *title_sql = g_strdup_printf ("SELECT title FROM competency WHERE id = %" G_GINT64_FORMAT, id);

  *title = query_text (store, title_sql);
  return id;
}

/* A student with one plan and one goal under the default framework. */
static TrellisGoal *
make_goal (TrellisStore *store,
           const char   *given_name)
{
  g_autoptr(TrellisStudent) student = insert_new (store, TRELLIS_TYPE_STUDENT, "given-name", given_name, NULL);
  g_autoptr(TrellisPlan) plan = insert_new (store, TRELLIS_TYPE_PLAN,
                                            "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
                                            "school-year", "2026-2027",
                                            "framework-id", trellis_store_get_default_framework (store),
                                            NULL);

  return insert_new (store, TRELLIS_TYPE_GOAL,
                     "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (plan)),
                     "title", "Write a short story", NULL);
}

static guint
history_length (TrellisStore *store,
                const char   *student_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = trellis_store_list_history (store, student_uuid, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static TrellisHistoryEntry *
history_item (TrellisStore *store,
              const char   *student_uuid,
              guint         position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = trellis_store_list_history (store, student_uuid, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (history));
  return g_list_model_get_item (history, position);
}

static void
assert_history (TrellisHistoryEntry *entry,
                const char          *entity,
                const char          *field,
                const char          *old_value,
                const char          *new_value,
                const char          *author_name,
                const char          *author_role)
{
  g_assert_cmpstr (trellis_history_entry_get_entity (entry), ==, entity);
  g_assert_cmpstr (trellis_history_entry_get_field (entry), ==, field);
  g_assert_cmpstr (trellis_history_entry_get_old_value (entry), ==, old_value);
  g_assert_cmpstr (trellis_history_entry_get_new_value (entry), ==, new_value);
  g_assert_cmpstr (trellis_history_entry_get_author_name (entry), ==, author_name);
  g_assert_cmpstr (trellis_history_entry_get_author_role (entry), ==, author_role);
  g_assert_nonnull (trellis_history_entry_get_changed_at (entry));
}

/* Tests */

static void
test_store_crud_every_type (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisFramework) framework = NULL;
  g_autoptr(TrellisAttribute) attribute = NULL;
  g_autoptr(TrellisCompetency) competency = NULL;
  g_autoptr(TrellisLevel) level = NULL;
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(TrellisGuardian) guardian = NULL;
  g_autoptr(TrellisPlan) plan = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(TrellisActionStep) step = NULL;
  g_autoptr(TrellisEvidence) evidence = NULL;
  g_autoptr(TrellisNote) note = NULL;
  gint64 framework_id, student_id, goal_id;

  framework = insert_new (f->store, TRELLIS_TYPE_FRAMEWORK,
                          "title", "Graduate Profile of Lakeside", "description", "Ours.", NULL);
  framework_id = trellis_entity_get_id (TRELLIS_ENTITY (framework));
  check_read_update (f->store, TRELLIS_ENTITY (framework), NULL, "title", "Lakeside Graduate");

  attribute = insert_new (f->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", framework_id,
                          "title", "Communicator", "color", "#1c71d8", "position", 2, NULL);
  check_read_update (f->store, TRELLIS_ENTITY (attribute), "framework-id", "color", "#26a269");

  competency = insert_new (f->store, TRELLIS_TYPE_COMPETENCY,
                           "attribute-id", trellis_entity_get_id (TRELLIS_ENTITY (attribute)),
                           "code", "C1", "title", "Speaks to an audience", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (competency), "attribute-id", "code", "C1a");

  level = insert_new (f->store, TRELLIS_TYPE_LEVEL, "framework-id", framework_id,
                      "title", "Proficient", "value", 3, "color", "#2ec27e", "is-proficient", TRUE,
                      "position", 2, NULL);
  check_read_update (f->store, TRELLIS_ENTITY (level), "framework-id", "value", "4");

  student = insert_new (f->store, TRELLIS_TYPE_STUDENT,
                        "given-name", "Minh Đức", "family-name", "Trần", "preferred-name", "Đức",
                        "pronouns", "he/him", "student-number", "S-0042", "grade-level", -1,
                        "birth-date", "2021-04-30", "homeroom", "PK-2", "advisor", "Ms. Okafor",
                        "home-language", "vi", "interests", "Dinosaurs\nDrawing",
                        "strengths", "Patient", "aspirations", "Palaeontologist",
                        "learning-preferences", "Hands-on", "supports", "Visual schedule",
                        "archived", FALSE, NULL);
  student_id = trellis_entity_get_id (TRELLIS_ENTITY (student));
  check_read_update (f->store, TRELLIS_ENTITY (student), NULL, "grade-level", "0");

  guardian = insert_new (f->store, TRELLIS_TYPE_GUARDIAN, "student-id", student_id,
                         "name", "Hùng Trần", "relationship", "Father", "preferred-language", "vi",
                         "email", "hung@example.org", "phone", "+1 555 0100", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (guardian), "student-id", "preferred-language", "en");

  plan = insert_new (f->store, TRELLIS_TYPE_PLAN, "student-id", student_id,
                     "school-year", "2026-2027", "title", "Pre-K plan", "status", "active",
                     "framework-id", framework_id, "reviewer", "Mr. Haddad",
                     "start-date", "2026-09-01", "end-date", "2027-06-18", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (plan), "student-id", "status", "in-review");

  goal = insert_new (f->store, TRELLIS_TYPE_GOAL,
                     "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (plan)),
                     "title", "Tell a story to the class", "description", "With pictures.",
                     "why-it-matters", "I like stories.", "category", "social-emotional",
                     "status", "in-progress", "priority", "high", "start-date", "2026-09-15",
                     "target-date", "2027-01-31", "success-criteria", "Three minutes, no notes.",
                     "position", 0, NULL);
  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  check_read_update (f->store, TRELLIS_ENTITY (goal), "plan-id", "target-date", "2027-02-28");

  step = insert_new (f->store, TRELLIS_TYPE_ACTION_STEP, "goal-id", goal_id,
                     "text", "Pick a story", "owner", "family", "due-date", "2026-10-01",
                     "done-at", "2026-09-30T15:00:00Z", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (step), "goal-id", "owner", "student");

  evidence = insert_new (f->store, TRELLIS_TYPE_EVIDENCE, "goal-id", goal_id,
                         "kind", "performance-task", "title", "Story time", "description", "Recorded.",
                         "uri", "https://example.org/story", "evidence-date", "2026-11-02",
                         "competency-id", trellis_entity_get_id (TRELLIS_ENTITY (competency)),
                         "level-id", trellis_entity_get_id (TRELLIS_ENTITY (level)),
                         "assessed-by", "Mr. Haddad", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (evidence), "goal-id", "kind", "observation");

  note = insert_new (f->store, TRELLIS_TYPE_NOTE,
                     "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (plan)), "goal-id", goal_id,
                     "author-name", "Đức", "author-role", "student", "body", "I was brave!", NULL);
  check_read_update (f->store, TRELLIS_ENTITY (note), "plan-id", "body", "I was very brave!");

  /* A framework in use by a plan is refused, untouched. */
  g_assert_false (trellis_store_delete (f->store, TRELLIS_ENTITY (framework), NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_ATTRIBUTE), >, 1);

  /* Children first, so each deletion removes exactly one record. */
  check_deleted (f->store, TRELLIS_ENTITY (note));
  check_deleted (f->store, TRELLIS_ENTITY (evidence));
  check_deleted (f->store, TRELLIS_ENTITY (step));
  check_deleted (f->store, TRELLIS_ENTITY (goal));
  check_deleted (f->store, TRELLIS_ENTITY (plan));
  check_deleted (f->store, TRELLIS_ENTITY (guardian));
  check_deleted (f->store, TRELLIS_ENTITY (student));
  check_deleted (f->store, TRELLIS_ENTITY (level));
  check_deleted (f->store, TRELLIS_ENTITY (competency));
  check_deleted (f->store, TRELLIS_ENTITY (attribute));
  check_deleted (f->store, TRELLIS_ENTITY (framework));
}

static void
test_store_migrates_empty_file (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autofree char *tables = NULL;
  gint64 framework_id;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  store = trellis_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, TRELLIS_SCHEMA_VERSION);
  tables = query_text (store, "SELECT group_concat(name, ',') FROM "
                              "(SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)");
  g_assert_cmpstr (tables, ==, "action_step,attribute,competency,copy_origin,evidence,framework,goal,"
                               "goal_competency,guardian,history,note,plan,proficiency_level,setting,staff,"
                               "student,trash");

  /* The default Profile of a Graduate: 6 attributes of 3–4 competencies, 4 levels. */
  framework_id = trellis_store_get_default_framework (store);
  g_assert_cmpint (framework_id, >, 0);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, 1);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_ATTRIBUTE), ==, 6);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_COMPETENCY), >=, 18);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_COMPETENCY), <=, 24);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_LEVEL), ==, 4);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 0);
  g_clear_object (&store);

  /* Opening the migrated file again migrates nothing and adds no second framework. */
  store = trellis_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, 1);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, framework_id);
  g_clear_object (&store);

  trellis_test_remove_tree (dir);
}

static void
test_store_refuses_newer_version (Fixture       *f,
                                  gconstpointer  data)
{
  const char * const journal_modes[] = { "WAL", "DELETE" };

  g_object_unref (insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "Lan", NULL));
  g_clear_object (&f->store);

  /* A newer Trellis leaves the file in either journal mode. */
  for (guint i = 0; i < G_N_ELEMENTS (journal_modes); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s.v99-%s", f->path, journal_modes[i]);
      g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s; PRAGMA user_version = 99",
                                              journal_modes[i]);
      g_autoptr(GBytes) original = trellis_test_read_bytes (f->path);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (copy, g_bytes_get_data (original, NULL),
                                          g_bytes_get_size (original), &error));
      run_on_file (copy, sql);
      assert_open_refused (copy, TRELLIS_ERROR_TOO_NEW);
    }
}

static void
test_store_refuses_non_database (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *random_path = g_build_filename (dir, "random.db", NULL);
  g_autofree char *text_path = g_build_filename (dir, "students.csv", NULL);
  g_autofree char *header_path = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *other_path = g_build_filename (dir, "inventory.sqlite", NULL);
  g_autofree char *versioned_path = g_build_filename (dir, "gradebook.sqlite", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  guint8 noise[8192];
  char header[512] = "SQLite format 3";

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (random_path, (const char *) noise, sizeof noise, &error));
  assert_open_refused (random_path, TRELLIS_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_set_contents (text_path, "Name,Grade\nLan Nguyễn,7\nJosé Martínez,8\n", -1, &error));
  assert_open_refused (text_path, TRELLIS_ERROR_NOT_A_DATABASE);

  /* The magic words of a database, then garbage: a truncated copy. */
  memset (header + 16, 0x5a, sizeof header - 16);
  g_assert_true (g_file_set_contents (header_path, header, sizeof header, &error));
  assert_open_refused (header_path, TRELLIS_ERROR_NOT_A_DATABASE);

  /* Another program’s database, unversioned … */
  run_on_file (other_path, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT);"
                           "INSERT INTO item (name) VALUES ('stapler')");
  assert_open_refused (other_path, TRELLIS_ERROR_NOT_A_DATABASE);

  /* … and one that versions its schema with user_version, as many do. */
  run_on_file (versioned_path, "CREATE TABLE grade (student TEXT, mark INTEGER);"
                               "PRAGMA user_version = 1");
  assert_open_refused (versioned_path, TRELLIS_ERROR_NOT_A_DATABASE);
  g_clear_pointer (&versioned_path, g_free);
  versioned_path = g_build_filename (dir, "gradebook-v7.sqlite", NULL);
  run_on_file (versioned_path, "CREATE TABLE grade (student TEXT, mark INTEGER);"
                               "PRAGMA user_version = 7");
  assert_open_refused (versioned_path, TRELLIS_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  store = trellis_store_open (folder_path, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE);

  trellis_test_remove_tree (dir);
}

static void
test_store_refuses_damaged_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 page_size, root_page;

  g_assert_true (trellis_sample_school_populate (f->store, 40, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  page_size = query_int (f->store, "PRAGMA page_size");
  root_page = query_int (f->store, "SELECT rootpage FROM sqlite_schema WHERE name = 'goal'");
  g_clear_object (&f->store);

  /* Overwrite the goal table’s root page header, as a bad sector would. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_cmpint ((gint64) length, >=, root_page * page_size);
  memset (contents + (root_page - 1) * page_size, 0xee, 64);
  g_assert_true (g_file_set_contents (f->path, contents, length, &error));

  assert_open_refused (f->path, TRELLIS_ERROR_NOT_A_DATABASE);
}

static void
test_store_delete_cascades_and_restores (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(TrellisSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 owned[G_N_ELEMENTS (owned_rows)];
  gint64 totals[G_N_ELEMENTS (owned_rows)];
  gint64 student_id, n_students, n_records = 1;

  g_assert_true (trellis_sample_school_populate (f->store, 5, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  student = first_student (f->store);
  student_id = trellis_entity_get_id (TRELLIS_ENTITY (student));
  n_students = trellis_store_count (f->store, TRELLIS_TYPE_STUDENT);

  for (guint i = 0; i < G_N_ELEMENTS (owned_rows); i++)
    {
      owned[i] = count_owned (f->store, &owned_rows[i], student_id);
      totals[i] = count_table (f->store, owned_rows[i].table);
      g_assert_cmpint (owned[i], >, 0);
      g_assert_cmpint (totals[i], >, owned[i]);
      if (g_strcmp0 (owned_rows[i].table, "goal_competency") != 0)   /* links are not records */
        n_records += owned[i];
    }
  before = dump_records (f->store);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), changes);
  g_assert_true (trellis_store_delete (f->store, TRELLIS_ENTITY (student), &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_snapshot_get_n_records (snapshot), ==, n_records);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, n_students - 1);
  /* Exactly the student’s rows are gone from every table; the other students’ stay. */
  for (guint i = 0; i < G_N_ELEMENTS (owned_rows); i++)
    {
      g_assert_cmpint (count_owned (f->store, &owned_rows[i], student_id), ==, 0);
      g_assert_cmpint (count_table (f->store, owned_rows[i].table), ==, totals[i] - owned[i]);
    }
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((Change *) changes->pdata[0])->table, ==, "student");
  g_assert_cmpint (((Change *) changes->pdata[0])->kind, ==, TRELLIS_STORE_CHANGE_DELETED);

  g_assert_true (trellis_store_restore (f->store, snapshot, &error));
  g_assert_no_error (error);
  after = dump_records (f->store);
  g_assert_cmpstr (after, ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (owned_rows); i++)
    g_assert_cmpint (count_table (f->store, owned_rows[i].table), ==, totals[i]);
}

/* Deleting a competency takes its goal links with it and clears the evidence that demonstrates
 * it (ON DELETE SET NULL); Undo must bring both back. */
static void
test_store_restore_competency_references (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) competency = NULL;
  g_autoptr(TrellisSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql_links = NULL;
  g_autofree char *sql_evidence = NULL;
  gint64 competency_id;

  g_assert_true (trellis_sample_school_populate (f->store, 20, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  competency_id = query_int (f->store,
                             "SELECT competency_id FROM evidence WHERE competency_id IS NOT NULL "
                             "GROUP BY competency_id ORDER BY count(*) DESC LIMIT 1");
  sql_links = g_strdup_printf ("SELECT count(*) FROM goal_competency WHERE competency_id = %" G_GINT64_FORMAT,
                               competency_id);
  sql_evidence = g_strdup_printf ("SELECT count(*) FROM evidence WHERE competency_id = %" G_GINT64_FORMAT,
                                  competency_id);
  g_assert_cmpint (query_int (f->store, sql_links), >, 0);
  g_assert_cmpint (query_int (f->store, sql_evidence), >, 0);
  before = dump_records (f->store);

  competency = trellis_store_load (f->store, TRELLIS_TYPE_COMPETENCY, competency_id, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_delete (f->store, competency, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, sql_links), ==, 0);
  g_assert_cmpint (query_int (f->store, sql_evidence), ==, 0);

  g_assert_true (trellis_store_restore (f->store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, sql_links), >, 0);
  after = dump_records (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_store_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(TrellisPlan) plan = NULL;
  g_autoptr(TrellisHistoryEntry) entry = NULL;
  g_autoptr(TrellisHistoryEntry) newest = NULL;
  g_autoptr(TrellisHistoryEntry) second = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autofree char *summary = NULL;
  const char *uuid;

  trellis_store_set_editor (f->store, "Ms. Okafor", "counselor");
  student = insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "Lan", "family-name", "Nguyễn",
                        "interests", "Chess", NULL);
  uuid = trellis_entity_get_uuid (TRELLIS_ENTITY (student));
  g_assert_cmpstr (trellis_entity_get_created_by (TRELLIS_ENTITY (student)), ==, "Ms. Okafor");
  g_assert_cmpuint (history_length (f->store, uuid), ==, 1);
  entry = history_item (f->store, uuid, 0);
  assert_history (entry, "student", "", "Lan Nguyễn", "created", "Ms. Okafor", "counselor");
  g_assert_cmpstr (trellis_history_entry_get_entity_uuid (entry), ==, uuid);

  /* The student edits two fields: one history row each, in their name. */
  trellis_store_set_editor (f->store, "Lan Nguyễn", "student");
  g_object_set (student, "preferred-name", "Lanie", "interests", "Chess, robotics", NULL);
  g_assert_true (trellis_store_save (f->store, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_updated_by (TRELLIS_ENTITY (student)), ==, "Lan Nguyễn");
  g_assert_cmpuint (history_length (f->store, uuid), ==, 3);
  newest = history_item (f->store, uuid, 0);
  second = history_item (f->store, uuid, 1);
  if (g_strcmp0 (trellis_history_entry_get_field (newest), "interests") == 0)
    {
      assert_history (newest, "student", "interests", "Chess", "Chess, robotics", "Lan Nguyễn", "student");
      assert_history (second, "student", "preferred-name", "", "Lanie", "Lan Nguyễn", "student");
    }
  else
    {
      assert_history (newest, "student", "preferred-name", "", "Lanie", "Lan Nguyễn", "student");
      assert_history (second, "student", "interests", "Chess", "Chess, robotics", "Lan Nguyễn", "student");
    }
  g_clear_object (&entry);
  entry = history_item (f->store, uuid, 2);
  assert_history (entry, "student", "", "Lan Nguyễn", "created", "Ms. Okafor", "counselor");

  /* Saving without a change writes nothing. */
  g_assert_true (trellis_store_save (f->store, TRELLIS_ENTITY (student), &error));
  g_assert_cmpuint (history_length (f->store, uuid), ==, 3);

  /* A plan’s rows count as the student’s history, newest first. */
  trellis_store_set_editor (f->store, "Mr. Haddad", "teacher");
  plan = insert_new (f->store, TRELLIS_TYPE_PLAN,
                     "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
                     "school-year", "2026-2027", NULL);
  g_object_set (plan, "status", "active", NULL);
  g_assert_true (trellis_store_save (f->store, TRELLIS_ENTITY (plan), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history_length (f->store, uuid), ==, 5);
  g_clear_object (&entry);
  entry = history_item (f->store, uuid, 0);
  assert_history (entry, "plan", "status", "draft", "active", "Mr. Haddad", "teacher");
  g_assert_cmpstr (trellis_history_entry_get_entity_uuid (entry), ==,
                   trellis_entity_get_uuid (TRELLIS_ENTITY (plan)));
  g_clear_object (&entry);
  entry = history_item (f->store, uuid, 1);
  assert_history (entry, "plan", "", "2026-2027", "created", "Mr. Haddad", "teacher");

  /* A goal added and deleted: the rows name it, so the history says which one. */
  goal = insert_new (f->store, TRELLIS_TYPE_GOAL, "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (plan)),
                     "title", "Read 12 books", NULL);
  g_assert_true (trellis_store_delete (f->store, TRELLIS_ENTITY (goal), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = history_item (f->store, uuid, 0);
  assert_history (entry, "goal", "", "Read 12 books", "deleted", "Mr. Haddad", "teacher");
  summary = trellis_history_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Goal “Read 12 books” deleted");
  g_clear_object (&entry);
  g_clear_pointer (&summary, g_free);
  entry = history_item (f->store, uuid, 1);
  summary = trellis_history_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Goal “Read 12 books” added");
}

static void
test_store_refuses_invalid_text (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) bad_text = NULL;
  g_autoptr(TrellisStudent) nameless = NULL;
  g_autoptr(TrellisStudent) stored = NULL;
  g_autoptr(TrellisStudent) reloaded = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  gint64 n_history;

  stored = insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "José", NULL);
  goal = make_goal (f->store, "Amara");
  n_history = query_int (f->store, "SELECT count(*) FROM history");
  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), changes);

  bad_text = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Jos\xc3", "family-name", "Mart\xed" "nez", NULL);
  g_assert_false (trellis_store_insert (f->store, TRELLIS_ENTITY (bad_text), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_cmpint (trellis_entity_get_id (TRELLIS_ENTITY (bad_text)), ==, 0);
  g_clear_error (&error);

  nameless = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", " ", "family-name", "\t", "pronouns", "she/her", NULL);
  g_assert_false (trellis_store_insert (f->store, TRELLIS_ENTITY (nameless), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  /* A stored record keeps its old value when a change is refused. */
  g_object_set (stored, "interests", "f\xfc\xdf" "ball", NULL);
  g_assert_false (trellis_store_save (f->store, TRELLIS_ENTITY (stored), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (stored, "interests", "", "given-name", "", NULL);
  g_assert_false (trellis_store_save (f->store, TRELLIS_ENTITY (stored), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  reloaded = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT,
                                 trellis_entity_get_id (TRELLIS_ENTITY (stored)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (reloaded), "given-name"), ==, "José");

  g_object_set (goal, "title", "   ", NULL);
  g_assert_false (trellis_store_save (f->store, TRELLIS_ENTITY (goal), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);

  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history"), ==, n_history);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM goal WHERE title = 'Write a short story'"), ==, 1);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_store_transactions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(TrellisStudent) kept = NULL;
  gint64 n_history = query_int (f->store, "SELECT count(*) FROM history");

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), changes);

  /* A rolled-back action leaves nothing and announces nothing. */
  g_assert_true (trellis_store_begin (f->store, &error));
  g_object_unref (insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "Björn", NULL));
  g_object_unref (insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "Chloé", NULL));
  trellis_store_rollback (f->store);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM history"), ==, n_history);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Nested actions are announced once the outermost commits. */
  g_assert_true (trellis_store_begin (f->store, &error));
  g_assert_true (trellis_store_begin (f->store, &error));
  kept = insert_new (f->store, TRELLIS_TYPE_STUDENT, "given-name", "Kenji", NULL);
  g_assert_true (trellis_store_commit (f->store, &error));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (trellis_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((Change *) changes->pdata[0])->table, ==, "student");
  g_assert_cmpstr (((Change *) changes->pdata[0])->uuid, ==, trellis_entity_get_uuid (TRELLIS_ENTITY (kept)));
  g_assert_cmpint (((Change *) changes->pdata[0])->kind, ==, TRELLIS_STORE_CHANGE_INSERTED);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 1);
}

static void
test_store_external_change (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TrellisGoal) goal = NULL;
  g_autofree char *value = NULL;
  guint external = 0;
  sqlite3 *other;

  g_signal_connect_swapped (f->store, "external-change", G_CALLBACK (count_signal), &external);
  goal = make_goal (f->store, "Hodan");

  /* Our own writes are not someone else’s. */
  g_assert_false (trellis_store_check_external_change (f->store));
  g_assert_cmpuint (external, ==, 0);

  other = open_other_connection (f->path);
  exec_other (other, "INSERT INTO setting (key, value) VALUES ('school-name', 'Northside')");
  g_assert_true (trellis_store_check_external_change (f->store));
  g_assert_cmpuint (external, ==, 1);
  g_assert_false (trellis_store_check_external_change (f->store));
  g_assert_cmpuint (external, ==, 1);
  value = trellis_store_dup_setting (f->store, "school-name");
  g_assert_cmpstr (value, ==, "Northside");

  exec_other (other, "UPDATE goal SET title = 'Edited elsewhere'");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (trellis_store_check_external_change (f->store));
  g_assert_cmpuint (external, ==, 2);
}

/* Between two actions the store holds no lock, so another program can write at once. */
static void
test_store_holds_no_lock_when_idle (void)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(TrellisEntity) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *other;

  g_setenv ("TRELLIS_ASSUME_NETWORK_FS", "1", TRUE);
  store = trellis_test_open_store (&dir);
  g_unsetenv ("TRELLIS_ASSUME_NETWORK_FS");
  g_assert_cmpstr (trellis_store_get_journal_mode (store), ==, "delete");

  goal = make_goal (store, "Aroha");
  g_object_set (goal, "status", "achieved", NULL);
  g_assert_true (trellis_store_save (store, TRELLIS_ENTITY (goal), &error));
  g_assert_no_error (error);
  goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, "plan-id",
                              trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id"), &error);
  g_assert_no_error (error);
  framework = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, trellis_store_get_default_framework (store), &error);
  g_assert_no_error (error);
  g_assert_false (trellis_store_delete (store, framework, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE);

  /* No busy timeout: any lock still held by the store fails this at once. */
  other = open_other_connection (trellis_store_get_path (store));
  exec_other (other, "BEGIN EXCLUSIVE; UPDATE goal SET position = 3; COMMIT");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

static void
test_store_file_modes (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *parent = g_build_filename (dir, "home", NULL);
  g_autofree char *folder = g_build_filename (parent, "trellis", NULL);
  g_autofree char *path = g_build_filename (folder, "trellis.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  GStatBuf info;

  store = trellis_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (parent, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

static void
test_store_connection_settings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) network = NULL;
  g_autofree char *mode = query_text (f->store, "PRAGMA journal_mode");
  g_autofree char *network_path = g_build_filename (f->dir, "network.db", NULL);
  g_autofree char *network_mode = NULL;

  g_assert_cmpstr (trellis_store_get_journal_mode (f->store), ==, "wal");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (f->store, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (f->store, "PRAGMA secure_delete"), ==, 1);
  g_assert_cmpint (query_int (f->store, "PRAGMA trusted_schema"), ==, 0);

  g_setenv ("TRELLIS_ASSUME_NETWORK_FS", "1", TRUE);
  network = trellis_store_open (network_path, &error);
  g_unsetenv ("TRELLIS_ASSUME_NETWORK_FS");
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_store_get_journal_mode (network), ==, "delete");
  network_mode = query_text (network, "PRAGMA journal_mode");
  g_assert_cmpstr (network_mode, ==, "delete");
  g_assert_cmpint (query_int (network, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (network, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_store_busy (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) waiting = NULL;
  g_autofree char *name = g_path_get_basename (f->path);
  sqlite3 *other = open_other_connection (f->path);
  gint64 started;

  trellis_store_set_busy_timeout (f->store, 300);
  exec_other (other, "BEGIN EXCLUSIVE");

  waiting = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Layla", NULL);
  started = g_get_monotonic_time ();
  g_assert_false (trellis_store_insert (f->store, TRELLIS_ENTITY (waiting), &error));
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 250 * 1000);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, name));
  g_test_message ("busy: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (trellis_entity_get_id (TRELLIS_ENTITY (waiting)), ==, 0);

  /* Reading still works, and once the other program lets go, so does writing. */
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 0);
  exec_other (other, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (trellis_store_insert (f->store, TRELLIS_ENTITY (waiting), &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 1);
}

static void
test_store_settings (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autofree char *missing = trellis_store_dup_setting (f->store, "school-name");
  g_autofree char *value = NULL;

  g_assert_null (missing);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed), changes);

  g_assert_true (trellis_store_set_setting (f->store, "school-name", "Escuela Dolores Huerta", &error));
  g_assert_no_error (error);
  value = trellis_store_dup_setting (f->store, "school-name");
  g_assert_cmpstr (value, ==, "Escuela Dolores Huerta");
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((Change *) changes->pdata[0])->table, ==, "setting");
  g_assert_cmpstr (((Change *) changes->pdata[0])->uuid, ==, "school-name");

  g_assert_true (trellis_store_set_setting (f->store, "school-name", "Riverside", &error));
  g_clear_pointer (&value, g_free);
  value = trellis_store_dup_setting (f->store, "school-name");
  g_assert_cmpstr (value, ==, "Riverside");

  g_assert_false (trellis_store_set_setting (f->store, "school-name", "River\xffside", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&value, g_free);
  value = trellis_store_dup_setting (f->store, "school-name");
  g_assert_cmpstr (value, ==, "Riverside");

  g_assert_true (trellis_store_set_setting (f->store, "school-name", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = trellis_store_dup_setting (f->store, "school-name");
  g_assert_null (value);
  g_assert_cmpuint (changes->len, ==, 3);
}

static void
test_store_competency_links (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = make_goal (f->store, "Riley");
  g_autoptr(TrellisPlan) plan = NULL;
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autoptr(TrellisHistoryEntry) entry = NULL;
  g_autofree char *title = NULL;
  gint64 goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  gint64 competency_id = first_competency (f->store, &title);
  const char *uuid;
  guint n_history;

  plan = trellis_store_load (f->store, TRELLIS_TYPE_PLAN,
                             trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id"), &error);
  student = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT,
                                trellis_entity_get_reference (TRELLIS_ENTITY (plan), "student-id"), &error);
  g_assert_no_error (error);
  uuid = trellis_entity_get_uuid (TRELLIS_ENTITY (student));
  n_history = history_length (f->store, uuid);

  trellis_store_set_editor (f->store, "Mr. Haddad", "teacher");
  g_assert_true (trellis_store_link_competency (f->store, goal_id, competency_id, &error));
  g_assert_no_error (error);
  linked = trellis_store_list_goal_competencies (f->store, goal_id, &error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (g_array_index (linked, gint64, 0), ==, competency_id);
  g_assert_cmpuint (history_length (f->store, uuid), ==, n_history + 1);
  entry = history_item (f->store, uuid, 0);
  assert_history (entry, "goal", "competencies", NULL, title, "Mr. Haddad", "teacher");
  g_assert_cmpstr (trellis_history_entry_get_entity_uuid (entry), ==, trellis_entity_get_uuid (TRELLIS_ENTITY (goal)));

  /* Linking twice changes nothing. */
  g_assert_true (trellis_store_link_competency (f->store, goal_id, competency_id, &error));
  g_assert_cmpuint (history_length (f->store, uuid), ==, n_history + 1);

  g_assert_true (trellis_store_unlink_competency (f->store, goal_id, competency_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&linked, g_array_unref);
  linked = trellis_store_list_goal_competencies (f->store, goal_id, &error);
  g_assert_cmpuint (linked->len, ==, 0);
  g_clear_object (&entry);
  entry = history_item (f->store, uuid, 0);
  assert_history (entry, "goal", "competencies", title, NULL, "Mr. Haddad", "teacher");
  g_assert_true (trellis_store_unlink_competency (f->store, goal_id, competency_id, &error));
  g_assert_cmpuint (history_length (f->store, uuid), ==, n_history + 2);

  /* A competency that does not exist is refused. */
  g_assert_false (trellis_store_link_competency (f->store, goal_id, 999999, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM goal_competency"), ==, 0);
}

/* Who a review can be asked of: the staff who have signed changes here, not students, families
 * or Trellis itself (issue 16). */
static void
test_store_staff_names (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *name; const char *role; } editors[] = {
    { "Ms. Ortiz", "counselor" }, { "Amara Okafor", "student" }, { "Grace Okafor", "family" },
    { "Mr. Chen", "teacher" }, { "Dr. Patel", "administrator" }, { "Mr. Chen", "teacher" },
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Kofi",
                                                        "family-name", "Mensah", NULL);

      trellis_store_set_editor (f->store, editors[i].name, editors[i].role);
      g_assert_true (trellis_store_insert (f->store, TRELLIS_ENTITY (student), &error));
      g_assert_no_error (error);
    }
  names = trellis_store_list_staff_names (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Dr. Patel");
  g_assert_cmpstr (names[1], ==, "Mr. Chen");
  g_assert_cmpstr (names[2], ==, "Ms. Ortiz");
}

/* --remove-sample removes the sample's students and nothing anyone wrote: a student added here
 * stays, and so does a sample student someone worked on (issue 16). */
static void
test_store_remove_sample (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) mine = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Kofi",
                                                 "family-name", "Mensah", NULL);
  g_autoptr(GListModel) summaries = NULL;
  g_autoptr(TrellisStudentSummary) worked_on = NULL;
  g_autoptr(TrellisEntity) student = NULL;
  g_auto(GStrv) kept = NULL;
  guint removed = 0;

  g_assert_false (trellis_sample_school_is_present (f->store));
  g_assert_true (trellis_sample_school_populate (f->store, 6, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_sample_school_is_present (f->store));
  g_assert_true (trellis_store_insert (f->store, TRELLIS_ENTITY (mine), &error));
  summaries = trellis_store_list_student_summaries (f->store, NULL);
  worked_on = g_list_model_get_item (summaries, 0);
  if (trellis_student_summary_get_id (worked_on) == trellis_entity_get_id (TRELLIS_ENTITY (mine)))
    {
      g_clear_object (&worked_on);
      worked_on = g_list_model_get_item (summaries, 1);
    }
  student = TRELLIS_ENTITY (trellis_store_load (f->store, TRELLIS_TYPE_STUDENT,
                                                trellis_student_summary_get_id (worked_on), &error));
  g_object_set (student, "interests", "Chess club", NULL);
  g_assert_true (trellis_store_save (f->store, student, &error));
  g_assert_no_error (error);

  g_assert_true (trellis_sample_school_remove (f->store, &removed, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 5);
  g_assert_cmpuint (g_strv_length (kept), ==, 1);
  g_assert_cmpstr (kept[0], ==, trellis_student_summary_get_display_name (worked_on));
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 2);
  {
    g_autoptr(TrellisEntity) still_mine = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT,
                                                              trellis_entity_get_id (TRELLIS_ENTITY (mine)), NULL);
    g_autoptr(TrellisEntity) still_worked_on = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT,
                                                                   trellis_entity_get_id (student), NULL);

    g_assert_nonnull (still_mine);
    g_assert_nonnull (still_worked_on);
  }
  /* the one kept stays listed: removing again keeps it again, and removes nothing */
  g_clear_pointer (&kept, g_strfreev);
  g_assert_true (trellis_sample_school_remove (f->store, &removed, &kept, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (g_strv_length (kept), ==, 1);
}

/* Schema version 3 (importer defect 1): a file with two default frameworks keeps the oldest
 * as its one default, and the database refuses a second one from then on. */
static void
test_store_one_default_framework (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = trellis_store_get_default_framework (f->store);
  gint64 second = 0;

  g_assert_true (trellis_framework_create (f->store, "Civic Readiness", &second, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_framework_set_default (f->store, second, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_framework_set_default (f->store, first, &error));   /* back, in either order */
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* a version 2 file, as an import left it: two defaults */
  run_on_file (f->path, "DROP INDEX framework_one_default; UPDATE framework SET is_default = 1; "
                        "PRAGMA user_version = 2");
  f->store = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM framework WHERE is_default"), ==, 1);
  g_assert_cmpint (trellis_store_get_default_framework (f->store), ==, MIN (first, second));
  g_assert_cmpint (query_int (f->store, "PRAGMA user_version"), ==, TRELLIS_SCHEMA_VERSION);
  run_on_file (f->path, "UPDATE framework SET is_default = 0");   /* none is allowed, two are not */
  {
    sqlite3 *db = open_other_connection (f->path);

    g_assert_cmpint (sqlite3_exec (db, "UPDATE framework SET is_default = 1", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/crud-every-type", Fixture, NULL, fixture_setup, test_store_crud_every_type, fixture_teardown);
  g_test_add_func ("/store/migrates-empty-file", test_store_migrates_empty_file);
  g_test_add ("/store/refuses-newer-version", Fixture, NULL, fixture_setup, test_store_refuses_newer_version, fixture_teardown);
  g_test_add_func ("/store/refuses-non-database", test_store_refuses_non_database);
  g_test_add ("/store/refuses-damaged-file", Fixture, NULL, fixture_setup, test_store_refuses_damaged_file, fixture_teardown);
  g_test_add ("/store/delete-cascades-and-restores", Fixture, NULL, fixture_setup,
              test_store_delete_cascades_and_restores, fixture_teardown);
  g_test_add ("/store/restore-competency-references", Fixture, NULL, fixture_setup,
              test_store_restore_competency_references, fixture_teardown);
  g_test_add ("/store/history", Fixture, NULL, fixture_setup, test_store_history, fixture_teardown);
  g_test_add ("/store/refuses-invalid-text", Fixture, NULL, fixture_setup, test_store_refuses_invalid_text, fixture_teardown);
  g_test_add ("/store/transactions", Fixture, NULL, fixture_setup, test_store_transactions, fixture_teardown);
  g_test_add ("/store/external-change", Fixture, NULL, fixture_setup, test_store_external_change, fixture_teardown);
  g_test_add_func ("/store/holds-no-lock-when-idle", test_store_holds_no_lock_when_idle);
  g_test_add_func ("/store/file-modes", test_store_file_modes);
  g_test_add ("/store/connection-settings", Fixture, NULL, fixture_setup, test_store_connection_settings, fixture_teardown);
  g_test_add ("/store/busy", Fixture, NULL, fixture_setup, test_store_busy, fixture_teardown);
  g_test_add ("/store/settings", Fixture, NULL, fixture_setup, test_store_settings, fixture_teardown);
  g_test_add ("/store/staff-names", Fixture, NULL, fixture_setup, test_store_staff_names, fixture_teardown);
  g_test_add ("/store/remove-sample", Fixture, NULL, fixture_setup, test_store_remove_sample, fixture_teardown);
  g_test_add ("/store/one-default-framework", Fixture, NULL, fixture_setup, test_store_one_default_framework,
              fixture_teardown);
  g_test_add ("/store/competency-links", Fixture, NULL, fixture_setup, test_store_competency_links, fixture_teardown);

  return g_test_run ();
}
