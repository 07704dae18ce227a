/* test-trash.c — deleted students, plans and goals: restored whole, expired, emptied, gone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "trellis-action-step.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-note.h"
#include "trellis-plan.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-trash-item.h"

/* A name that appears nowhere else, for the byte search. */
#define SECRET_GIVEN "Zephyrine"
#define SECRET_FAMILY "Quillfeather"

typedef struct
{
  char         *dir;
  TrellisStore *store;
  gint64        student_id;
  gint64        plan_id;
  gint64        goal_id;
} Fixture;

static gint64
insert (TrellisStore *store,
        GType         type,
        const char   *first_property,
        ...)
{
  g_autoptr(TrellisEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  entity = TRELLIS_ENTITY (g_object_new_valist (type, first_property, args));
  va_end (args);
  trellis_store_insert (store, entity, &error);
  g_assert_no_error (error);
  return trellis_entity_get_id (entity);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = trellis_test_open_store (&f->dir);
  f->plan_id = trellis_test_add_plan (f->store, SECRET_GIVEN, SECRET_FAMILY,
                                      trellis_store_get_default_framework (f->store));
  f->student_id = trellis_test_query_int (f->store, "SELECT student_id FROM plan WHERE id = ?", f->plan_id);
  insert (f->store, TRELLIS_TYPE_GUARDIAN, "student-id", f->student_id, "name", "Ottoline " SECRET_FAMILY,
          "relationship", "mother", NULL);
  f->goal_id = insert (f->store, TRELLIS_TYPE_GOAL, "plan-id", f->plan_id,
                       "title", "Read twenty books about Zephyrine's comets", NULL);
  insert (f->store, TRELLIS_TYPE_ACTION_STEP, "goal-id", f->goal_id, "text", "Visit the library", NULL);
  insert (f->store, TRELLIS_TYPE_EVIDENCE, "goal-id", f->goal_id, "kind", "exhibition",
          "title", "My comet journal", NULL);
  insert (f->store, TRELLIS_TYPE_NOTE, "plan-id", f->plan_id, "goal-id", f->goal_id,
          "author-name", "Test Teacher", "author-role", "teacher", "body", "Quillfeather reads every day.", NULL);
  /* An edit, so that the history holds the name beyond the record's creation. */
  {
    g_autofree char *uuid = trellis_test_query_text (f->store, "SELECT uuid FROM student WHERE id = ?",
                                                     f->student_id);

    trellis_test_change_text (f->store, TRELLIS_TYPE_STUDENT, uuid, "interests",
                              "Comets, as " SECRET_GIVEN " says");
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  trellis_test_close_store (g_steal_pointer (&f->store), g_steal_pointer (&f->dir));
}

static gpointer
load (TrellisStore *store,
      GType         type,
      gint64        id)
{
  g_autoptr(GError) error = NULL;
  gpointer entity = trellis_store_load (store, type, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entity);
  return entity;
}

static void
delete (TrellisStore *store,
        GType         type,
        gint64        id)
{
  g_autoptr(TrellisEntity) entity = load (store, type, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_delete (store, entity, NULL, &error));
  g_assert_no_error (error);
}

static TrellisTrashItem *
dup_only_item (TrellisStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trash = trellis_store_list_trash (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  return g_list_model_get_item (trash, 0);
}

static guint
count_trash (TrellisStore *store)
{
  g_autoptr(GListModel) trash = trellis_store_list_trash (store, NULL);

  return g_list_model_get_n_items (trash);
}

/* Every table but the history and the trash, which record the deletion and the restore. */
static char *
dump_records (const char *path)
{
  g_autofree char *dump = trellis_test_dump_file (path);
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "history|") && !g_str_has_prefix (lines[i], "trash|"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

/* A student deleted goes to the trash with everything under it, and comes back the same. */
static void
test_trash_student_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *before = dump_records (trellis_store_get_path (f->store));
  g_autofree char *after = NULL;
  g_autoptr(TrellisTrashItem) item = NULL;
  g_autoptr(GError) error = NULL;

  delete (f->store, TRELLIS_TYPE_STUDENT, f->student_id);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 0);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_EVIDENCE), ==, 0);

  item = dup_only_item (f->store);
  g_assert_cmpstr (trellis_trash_item_get_table (item), ==, "student");
  g_assert_cmpstr (trellis_trash_item_get_name (item), ==, SECRET_GIVEN " " SECRET_FAMILY);
  g_assert_cmpstr (trellis_trash_item_get_deleted_by (item), ==, "Test Teacher");
  g_assert_null (trellis_trash_item_get_student_name (item));
  /* student, guardian, plan, goal, step, evidence, note */
  g_assert_cmpuint (trellis_trash_item_get_n_records (item), ==, 7);
  g_assert_cmpint (g_date_time_difference (trellis_trash_item_get_expires_at (item),
                                           trellis_trash_item_get_deleted_at (item)) / G_TIME_SPAN_DAY, ==,
                   TRELLIS_TRASH_KEEP_DAYS);

  g_assert_true (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (item), &error));
  g_assert_no_error (error);
  after = dump_records (trellis_store_get_path (f->store));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_trash (f->store), ==, 0);

  /* Restored twice (another window still listing it): a clear refusal, nothing changed. */
  g_assert_false (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (item), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no longer in the Trash"));
}

/* Undo (the toast, Ctrl+Z) takes the deletion out of the trash as well. */
static void
test_trash_undo_takes_it_out (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(TrellisEntity) goal = load (f->store, TRELLIS_TYPE_GOAL, f->goal_id);
  g_autoptr(TrellisSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_delete (f->store, goal, &snapshot, &error));
  g_assert_cmpuint (count_trash (f->store), ==, 1);
  g_assert_true (trellis_store_restore (f->store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_trash (f->store), ==, 0);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_ACTION_STEP), ==, 1);
}

/* A goal in the trash names its student; its row id, taken since, is replaced, and what is
 * under it follows. A note or a step is not kept in the trash (Undo only). */
static void
test_trash_goal_new_id (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TrellisTrashItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 taker;

  delete (f->store, TRELLIS_TYPE_NOTE, trellis_test_query_int (f->store, "SELECT id FROM note", 0));
  g_assert_cmpuint (count_trash (f->store), ==, 0);
  delete (f->store, TRELLIS_TYPE_GOAL, f->goal_id);
  item = dup_only_item (f->store);
  g_assert_cmpstr (trellis_trash_item_get_kind_label (item), ==, "Goal");
  g_assert_cmpstr (trellis_trash_item_get_student_name (item), ==, SECRET_GIVEN " " SECRET_FAMILY);

  taker = insert (f->store, TRELLIS_TYPE_GOAL, "plan-id", f->plan_id, "title", "A new goal", NULL);
  g_assert_cmpint (taker, ==, f->goal_id);
  g_assert_true (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (item), &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_GOAL), ==, 2);
  g_assert_cmpint (trellis_test_query_int (f->store,
                                           "SELECT count(*) FROM action_step s JOIN goal g ON g.id = s.goal_id "
                                           "WHERE g.title LIKE 'Read twenty%' AND g.id <> ?", f->goal_id), ==, 1);
  g_assert_cmpint (trellis_test_query_int (f->store,
                                           "SELECT count(*) FROM evidence e JOIN goal g ON g.id = e.goal_id "
                                           "WHERE g.title LIKE 'Read twenty%'", 0), ==, 1);
}

/* A goal whose plan went after it cannot come back alone; nothing changes. */
static void
test_trash_goal_without_plan (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(TrellisTrashItem) goal_item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  delete (f->store, TRELLIS_TYPE_GOAL, f->goal_id);
  g_usleep (2000);
  delete (f->store, TRELLIS_TYPE_PLAN, f->plan_id);
  trash = trellis_store_list_trash (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  goal_item = g_list_model_get_item (trash, 1);
  g_assert_cmpstr (trellis_trash_item_get_table (goal_item), ==, "goal");

  before = trellis_test_dump_file (trellis_store_get_path (f->store));
  g_assert_false (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (goal_item), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Restore that first"));
  after = trellis_test_dump_file (trellis_store_get_path (f->store));
  g_assert_cmpstr (after, ==, before);
}

/* Thirty days: kept on day 29, final on day 31, with the student's history. */
static void
test_trash_expiry (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day_29 = g_date_time_add_days (now, 29);
  g_autoptr(GDateTime) day_31 = g_date_time_add_days (now, 31);
  g_autoptr(GError) error = NULL;
  guint n_expired = 99;

  delete (f->store, TRELLIS_TYPE_STUDENT, f->student_id);
  g_assert_cmpint (trellis_test_query_int (f->store, "SELECT count(*) FROM history", 0), >, 5);
  g_assert_true (trellis_store_expire_trash (f->store, day_29, &n_expired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_expired, ==, 0);
  g_assert_cmpuint (count_trash (f->store), ==, 1);
  g_assert_true (trellis_store_expire_trash (f->store, day_31, &n_expired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_expired, ==, 1);
  g_assert_cmpuint (count_trash (f->store), ==, 0);
  g_assert_cmpint (trellis_test_query_int (f->store,
                                           "SELECT count(*) FROM history WHERE new_value LIKE '%" SECRET_GIVEN "%' "
                                           "OR old_value LIKE '%" SECRET_GIVEN "%'", 0), ==, 0);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* Broken item 5: a deleted student's words stayed in the history and the WAL. Once the trash
 * is emptied, the name is in neither the .db nor the -wal, even with the store still open. */
static void
test_trash_empty_leaves_no_words (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_strdup (trellis_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 other_plan;

  other_plan = trellis_test_add_plan (f->store, "Ana", "Keeps", trellis_store_get_default_framework (f->store));
  g_assert_cmpint (other_plan, >, 0);
  delete (f->store, TRELLIS_TYPE_STUDENT, f->student_id);
  g_assert_true (file_contains (path, SECRET_FAMILY) || file_contains (wal, SECRET_FAMILY));

  g_assert_true (trellis_store_empty_trash (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_trash (f->store), ==, 0);
  g_assert_false (file_contains (path, SECRET_FAMILY));
  g_assert_false (file_contains (path, SECRET_GIVEN));
  g_assert_false (file_contains (wal, SECRET_FAMILY));
  g_assert_false (file_contains (wal, SECRET_GIVEN));
  /* The other student is untouched. */
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 1);
  g_assert_true (file_contains (path, "Keeps"));
}

/* A damaged trash row is refused with a clear message and changes nothing; emptying still
 * removes it. */
static void
test_trash_damaged_row (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TrellisTrashItem) item = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  delete (f->store, TRELLIS_TYPE_GOAL, f->goal_id);
  item = dup_only_item (f->store);
  stmt = trellis_store_prepare (f->store, "UPDATE trash SET snapshot = x'00ff00ff1234'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  g_assert_false (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (item), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_GOAL), ==, 0);
  g_assert_true (trellis_store_empty_trash (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_trash (f->store), ==, 0);
}

/* Two stores on one file: what one restores, the other is told is gone. */
static void
test_trash_two_stores (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TrellisStore) other = trellis_store_open (trellis_store_get_path (f->store), NULL);
  g_autoptr(TrellisTrashItem) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (other);
  trellis_store_set_editor (other, "Ms. Ruiz", "counselor");
  delete (f->store, TRELLIS_TYPE_STUDENT, f->student_id);
  item = dup_only_item (other);
  g_assert_true (trellis_store_restore_from_trash (other, trellis_trash_item_get_id (item), &error));
  g_assert_no_error (error);
  g_assert_false (trellis_store_restore_from_trash (f->store, trellis_trash_item_get_id (item), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (trellis_store_count (f->store, TRELLIS_TYPE_STUDENT), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/trash/student-round-trip", test_trash_student_round_trip);
  ADD ("/trash/undo-takes-it-out", test_trash_undo_takes_it_out);
  ADD ("/trash/goal-new-id", test_trash_goal_new_id);
  ADD ("/trash/goal-without-plan", test_trash_goal_without_plan);
  ADD ("/trash/expiry", test_trash_expiry);
  ADD ("/trash/broken-item-5-empty-leaves-no-words", test_trash_empty_leaves_no_words);
  ADD ("/trash/damaged-row", test_trash_damaged_row);
  ADD ("/trash/two-stores", test_trash_two_stores);
#undef ADD

  return g_test_run ();
}
