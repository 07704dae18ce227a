/* test-undo.c — the store’s undo journal: stored edits and deletions taken back, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-error.h"
#include "trellis-goal.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-undo-journal.h"

typedef struct
{
  char         *dir;
  TrellisStore *store;
  gint64        student_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Lan",
                                                    "family-name", "Nguyễn", "grade-level", 7, NULL);
  g_autoptr(GError) error = NULL;

  f->store = trellis_test_open_store (&f->dir);
  g_assert_true (trellis_store_insert (f->store, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
  f->student_id = trellis_entity_get_id (TRELLIS_ENTITY (student));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  trellis_test_close_store (g_steal_pointer (&f->store), g_steal_pointer (&f->dir));
}

static TrellisUndoJournal *
journal_of (Fixture *f)
{
  return trellis_store_get_undo_journal (f->store);
}

/* Types @value into @field of the student as an editor does, and stores it. */
static void
type_into (TrellisStore *store,
           gint64        id,
           const char   *field,
           const char   *value)
{
  g_autoptr(TrellisEntity) student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, id, NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (student, field, value, NULL);
  g_assert_true (trellis_store_save_edits (store, student, NULL, &error));
  g_assert_no_error (error);
}

static char *
dup_text (TrellisStore *store,
          gint64        id,
          const char   *field)
{
  g_autoptr(TrellisEntity) student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, id, NULL);

  return g_strdup (trellis_entity_get_text (student, field));
}

static void
assert_text (TrellisStore *store,
             gint64        id,
             const char   *field,
             const char   *expected)
{
  g_autofree char *text = dup_text (store, id, field);

  g_assert_cmpstr (text, ==, expected);
}

/* Returns the message of a successful Undo. */
static char *
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_assert_true (trellis_undo_journal_undo (journal_of (f), f->store, 0, &message, &error));
  g_assert_no_error (error);
  return message;
}

/* Edits come back newest first; each Undo is a signed change in the history. */
static void
test_undo_edits_in_order (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  gint64 history_before;

  g_assert_false (trellis_undo_journal_get_can_undo (journal_of (f)));
  type_into (f->store, f->student_id, "preferred-name", "Lanny");
  type_into (f->store, f->student_id, "interests", "Robots");
  g_assert_true (trellis_undo_journal_get_can_undo (journal_of (f)));
  history_before = trellis_test_query_int (f->store, "SELECT count(*) FROM history WHERE ? > 0", 1);

  first = undo (f);
  /* named as the student goes by: “Lanny”, stored just before */
  g_assert_cmpstr (first, ==, "“Interests” of “Lanny Nguyễn” is back to what it was.");
  assert_text (f->store, f->student_id, "interests", "");
  assert_text (f->store, f->student_id, "preferred-name", "Lanny");
  second = undo (f);
  assert_text (f->store, f->student_id, "preferred-name", "");
  g_assert_cmpint (trellis_test_query_int (f->store, "SELECT count(*) FROM history WHERE ? > 0", 1), ==,
                   history_before + 2);

  g_assert_false (trellis_undo_journal_get_can_undo (journal_of (f)));
  g_assert_false (trellis_undo_journal_undo (journal_of (f), f->store, 0, &message, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_null (message);
}

/* Typing on in one field, stored in several pauses, is one step: Undo takes it back whole. */
static void
test_undo_joins_one_field (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *message = NULL;

  type_into (f->store, f->student_id, "interests", "Rob");
  type_into (f->store, f->student_id, "interests", "Robots and");
  type_into (f->store, f->student_id, "interests", "Robots and comets");
  message = undo (f);
  assert_text (f->store, f->student_id, "interests", "");
  g_assert_false (trellis_undo_journal_get_can_undo (journal_of (f)));
}

/* A plain save (a workflow step, an import) is not the person’s typing and is not journaled. */
static void
test_undo_only_edits (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TrellisEntity) student = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT, f->student_id, NULL);

  g_object_set (student, "archived", TRUE, NULL);
  g_assert_true (trellis_store_save (f->store, student, NULL));
  g_assert_false (trellis_undo_journal_get_can_undo (journal_of (f)));
}

/* Someone else changed the field since (a second connection): Undo keeps their text, says
 * who, and the step is gone; the older step still works. */
static void
test_undo_leaves_their_change (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(TrellisStore) theirs = trellis_store_open (trellis_store_get_path (f->store), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  char *message = NULL;

  g_assert_nonnull (theirs);
  trellis_store_set_editor (theirs, "Ms. Rivera", "teacher");
  type_into (f->store, f->student_id, "preferred-name", "Lanny");
  type_into (f->store, f->student_id, "interests", "Robots");
  type_into (theirs, f->student_id, "interests", "Robots and comets");

  g_assert_false (trellis_undo_journal_undo (journal_of (f), f->store, 0, &message, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ms. Rivera"));
  assert_text (f->store, f->student_id, "interests", "Robots and comets");

  older = undo (f);
  assert_text (f->store, f->student_id, "preferred-name", "");
  assert_text (theirs, f->student_id, "interests", "Robots and comets");
}

/* A deletion handed to the journal comes back with Undo, and leaves the Trash; an edit of a
 * record deleted since cannot be undone and says so. */
static void
test_undo_deletion (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TrellisEntity) student = NULL;
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TrellisSnapshot *snapshot = NULL;
  char *none = NULL;
  guint step;

  type_into (f->store, f->student_id, "interests", "Robots");
  student = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT, f->student_id, NULL);
  g_assert_true (trellis_store_delete (f->store, student, &snapshot, &error));
  g_assert_no_error (error);
  step = trellis_undo_journal_push_deletion (journal_of (f), snapshot);
  g_assert_cmpuint (trellis_undo_journal_get_last_deletion (journal_of (f)), ==, step);
  g_assert_cmpuint (trellis_undo_journal_get_last (journal_of (f)), ==, step);

  message = undo (f);
  g_assert_cmpstr (message, ==, "“Lan Nguyễn” is back.");
  assert_text (f->store, f->student_id, "interests", "Robots");
  trash = trellis_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  g_assert_cmpuint (trellis_undo_journal_get_last_deletion (journal_of (f)), ==, 0);

  /* Deleted again, for good this time: the edit before cannot come back. */
  g_clear_object (&student);
  student = trellis_store_load (f->store, TRELLIS_TYPE_STUDENT, f->student_id, NULL);
  g_assert_true (trellis_store_delete (f->store, student, NULL, &error));
  g_assert_false (trellis_undo_journal_undo (journal_of (f), f->store, 0, &none, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Lan Nguyễn"));
  g_assert_false (trellis_undo_journal_get_can_undo (journal_of (f)));
}

/* A toast’s Undo names its own step: later edits stay. */
static void
test_undo_chosen_step (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint step;

  type_into (f->store, f->student_id, "preferred-name", "Lanny");
  step = trellis_undo_journal_get_last (journal_of (f));
  type_into (f->store, f->student_id, "interests", "Robots");
  g_assert_true (trellis_undo_journal_undo (journal_of (f), f->store, step, &message, &error));
  g_assert_no_error (error);
  assert_text (f->store, f->student_id, "preferred-name", "");
  assert_text (f->store, f->student_id, "interests", "Robots");
  g_assert_cmpuint (trellis_undo_journal_get_last (journal_of (f)), !=, step);
}

/* The journal keeps the newest TRELLIS_UNDO_JOURNAL_LENGTH steps. */
static void
test_undo_length (Fixture       *f,
                  gconstpointer  data)
{
  guint n = 0;

  for (guint i = 0; i < TRELLIS_UNDO_JOURNAL_LENGTH + 5; i++)
    {
      g_autofree char *value = g_strdup_printf ("Homeroom %u", i);

      /* two fields in turn, so that the steps are not joined */
      type_into (f->store, f->student_id, i % 2 == 0 ? "homeroom" : "interests", value);
    }
  while (trellis_undo_journal_get_can_undo (journal_of (f)))
    {
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;

      trellis_undo_journal_undo (journal_of (f), f->store, 0, &message, &error);
      n++;
    }
  g_assert_cmpuint (n, ==, TRELLIS_UNDO_JOURNAL_LENGTH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/undo/edits-in-order", test_undo_edits_in_order);
  ADD ("/undo/joins-one-field", test_undo_joins_one_field);
  ADD ("/undo/only-edits", test_undo_only_edits);
  ADD ("/undo/leaves-their-change", test_undo_leaves_their_change);
  ADD ("/undo/deletion", test_undo_deletion);
  ADD ("/undo/chosen-step", test_undo_chosen_step);
  ADD ("/undo/length", test_undo_length);
#undef ADD

  return g_test_run ();
}
