/* test-autosave.c — TrellisAutosave: when edits are stored, how refusals and failures show,
 * and what a record edited in place (live or as stored) holds meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-autosave.h"
#include "trellis-level.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"

/* A store with two students, and what the autosaves under test reported. */
typedef struct
{
  TrellisStore  *store;
  char          *dir;
  TrellisEntity *amal;
  TrellisEntity *mai;
  guint          n_saved;
  guint          n_failed;
  char          *error_field;
  char          *error_message;
} Fixture;

/* Helpers */

static void
on_saved (TrellisAutosave *autosave,
          Fixture         *fixture)
{
  fixture->n_saved++;
}

static void
on_failed (TrellisAutosave *autosave,
           GError          *error,
           Fixture         *fixture)
{
  g_assert_nonnull (error);
  fixture->n_failed++;
}

static void
on_field_error (TrellisAutosave *autosave,
                const char      *field,
                const char      *message,
                Fixture         *fixture)
{
  g_free (fixture->error_field);
  g_free (fixture->error_message);
  fixture->error_field = g_strdup (field);
  fixture->error_message = g_strdup (message);
}

static TrellisAutosave *
new_autosave (Fixture              *fixture,
              TrellisEntity        *entity,
              TrellisAutosaveFlags  flags)
{
  TrellisAutosave *autosave = trellis_autosave_new (fixture->store, entity, flags);

  g_signal_connect (autosave, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (autosave, "failed", G_CALLBACK (on_failed), fixture);
  g_signal_connect (autosave, "field-error", G_CALLBACK (on_field_error), fixture);
  return autosave;
}

static TrellisEntity *
add_student (TrellisStore *store,
             const char   *given,
             const char   *family)
{
  g_autoptr(GError) error = NULL;
  TrellisEntity *student = TRELLIS_ENTITY (trellis_student_new ());

  g_object_set (student, "given-name", given, "family-name", family, "grade-level", 7, NULL);
  g_assert_true (trellis_store_insert (store, student, &error));
  g_assert_no_error (error);
  return student;
}

static TrellisEntity *
load_student (Fixture       *fixture,
              TrellisEntity *student)
{
  return TRELLIS_ENTITY (trellis_store_load (fixture->store, TRELLIS_TYPE_STUDENT,
                                             trellis_entity_get_id (student), NULL));
}

/* Deletes the stored row, so that saving @entity fails. */
static void
delete_stored (Fixture       *fixture,
               TrellisEntity *entity)
{
  g_autoptr(TrellisEntity) stored = trellis_store_load (fixture->store, G_OBJECT_TYPE (entity),
                                                        trellis_entity_get_id (entity), NULL);
  g_autoptr(TrellisSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_delete (fixture->store, stored, &snapshot, &error));
  g_assert_no_error (error);
}

static GtkWidget *
new_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return g_object_ref_sink (row);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisStore *store = trellis_test_open_store (&fixture->dir);

  fixture->amal = add_student (store, "Amal", "Hassan");
  fixture->mai = add_student (store, "Mai", "Trần");
  fixture->store = store;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->amal);
  g_clear_object (&fixture->mai);
  g_free (fixture->error_field);
  g_free (fixture->error_message);
  trellis_test_close_store (fixture->store, fixture->dir);
}

/* Tests */

/* By default the record holds what is stored: edits wait for the pause, a refusal shows then. */
static void
test_autosave_stored_record (Fixture       *fixture,
                             gconstpointer  data)
{
  TrellisEntity *student = fixture->amal;
  g_autoptr(GtkWidget) given = new_entry_row ("Given name");
  g_autoptr(GtkWidget) family = new_entry_row ("Family name");
  g_autoptr(GtkWidget) interests = g_object_ref_sink (gtk_text_view_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (interests));
  g_autoptr(TrellisAutosave) autosave = new_autosave (fixture, student, TRELLIS_AUTOSAVE_DEFAULT);

  /* Binding shows the stored values and stores nothing. */
  trellis_autosave_bind (autosave, given, "text", "given-name");
  trellis_autosave_bind (autosave, family, "text", "family-name");
  trellis_autosave_bind_text_view (autosave, GTK_TEXT_VIEW (interests), "interests");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Amal");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (family)), ==, "Hassan");
  g_assert_false (trellis_autosave_has_pending (autosave));

  /* Typing stores nothing and leaves the record as stored… */
  gtk_editable_set_text (GTK_EDITABLE (given), "Amira");
  gtk_text_buffer_set_text (buffer, "Robots\nDrawing", -1);
  g_assert_true (trellis_autosave_has_pending (autosave));
  g_assert_cmpstr (trellis_entity_get_text (student, "given-name"), ==, "Amal");
  {
    g_autoptr(TrellisEntity) stored = load_student (fixture, student);
    g_assert_cmpstr (trellis_entity_get_text (stored, "given-name"), ==, "Amal");
  }

  /* …until the pause, which stores both fields in one go. */
  trellis_test_spin (TRELLIS_AUTOSAVE_DELAY_MS + 300);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_false (trellis_autosave_has_pending (autosave));
  g_assert_cmpstr (trellis_entity_get_text (student, "given-name"), ==, "Amira");
  {
    g_autoptr(TrellisEntity) stored = load_student (fixture, student);
    g_assert_cmpstr (trellis_entity_get_text (stored, "given-name"), ==, "Amira");
    g_assert_cmpstr (trellis_entity_get_text (stored, "interests"), ==, "Robots\nDrawing");
  }

  /* No name at all is refused, not while typing but when stored: the later edit is refused,
   * the earlier one stored. */
  gtk_editable_set_text (GTK_EDITABLE (given), "");
  gtk_editable_set_text (GTK_EDITABLE (family), "");
  g_assert_false (gtk_widget_has_css_class (family, "error"));
  g_assert_false (trellis_autosave_flush (autosave));
  g_assert_true (gtk_widget_has_css_class (family, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (family), ==, "A student needs a given name or a family name.");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (family)), ==, "Family name");
  g_assert_false (gtk_widget_has_css_class (given, "error"));
  g_assert_cmpstr (fixture->error_field, ==, "family-name");
  g_assert_cmpstr (fixture->error_message, ==, "A student needs a given name or a family name.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (family)), ==, "");
  g_assert_cmpstr (trellis_entity_get_text (student, "given-name"), ==, "");
  g_assert_cmpstr (trellis_entity_get_text (student, "family-name"), ==, "Hassan");
  g_assert_true (trellis_autosave_has_pending (autosave));

  /* A name in the other field makes the refused value fine too. */
  gtk_editable_set_text (GTK_EDITABLE (given), "Amal");
  g_assert_true (trellis_autosave_flush (autosave));
  g_assert_false (gtk_widget_has_css_class (family, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (family));
  g_assert_cmpstr (fixture->error_message, ==, NULL);
  {
    g_autoptr(TrellisEntity) stored = load_student (fixture, student);
    g_assert_cmpstr (trellis_entity_get_text (stored, "given-name"), ==, "Amal");
    g_assert_cmpstr (trellis_entity_get_text (stored, "family-name"), ==, "");
  }

  /* A value handed over for a watched widget is shown there when refused. */
  {
    g_autoptr(GtkWidget) grade = g_object_ref_sink (adw_combo_row_new ());

    trellis_autosave_watch (autosave, grade, "grade-level");
    trellis_autosave_set_field (autosave, "grade-level", "99");
    g_assert_false (trellis_autosave_flush (autosave));
    g_assert_true (gtk_widget_has_css_class (grade, "error"));
    trellis_autosave_set_field (autosave, "grade-level", "8");
    g_assert_true (trellis_autosave_flush (autosave));
    g_assert_false (gtk_widget_has_css_class (grade, "error"));
    g_assert_cmpint (trellis_entity_get_int (student, "grade-level"), ==, 8);
  }

  /* Leaving the record stores what waits for it; then edits are ignored. */
  gtk_editable_set_text (GTK_EDITABLE (given), "Amal A.");
  trellis_autosave_set_record (autosave, NULL, NULL);
  g_assert_null (trellis_autosave_get_entity (autosave));
  gtk_editable_set_text (GTK_EDITABLE (given), "Someone else");
  g_assert_false (trellis_autosave_has_pending (autosave));
  {
    g_autoptr(TrellisEntity) stored = load_student (fixture, student);
    g_assert_cmpstr (trellis_entity_get_text (stored, "given-name"), ==, "Amal A.");
  }
}

/* Live: the shared record follows each accepted keystroke, a refusal shows at once, in the
 * row’s title; any property is bound, converted to the field’s type. */
static void
test_autosave_live (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 framework_id = trellis_store_get_default_framework (fixture->store);
  g_autoptr(GListModel) levels = trellis_store_list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", framework_id, NULL);
  g_autoptr(TrellisEntity) level = g_list_model_get_item (levels, 0);
  g_autofree char *title = g_strdup (trellis_entity_get_text (level, "title"));
  g_autoptr(GtkWidget) title_row = new_entry_row ("Title");
  g_autoptr(GtkWidget) value_row = g_object_ref_sink (adw_action_row_new ());
  GtkWidget *spin_button = gtk_spin_button_new_with_range (-100, 100, 1);
  TrellisAutosave *autosave = new_autosave (fixture, level, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row), "Value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row), spin_button);
  trellis_autosave_bind (autosave, title_row, "text", "title");
  trellis_autosave_bind (autosave, spin_button, "value", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==,
                     trellis_entity_get_int (level, "value"));

  /* The record follows at once; the file after the pause. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Beginning");
  g_assert_cmpstr (trellis_entity_get_text (level, "title"), ==, "Beginning");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 7);
  g_assert_cmpint (trellis_entity_get_int (level, "value"), ==, 7);
  g_assert_cmpint (trellis_test_query_int (fixture->store, "SELECT value FROM proficiency_level WHERE id = ?",
                                           trellis_entity_get_id (level)), !=, 7);

  /* A refusal shows at once, in the row’s title, and stays out of the record. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==, "“Title” must not be empty.");
  g_assert_null (gtk_widget_get_tooltip_text (title_row));
  g_assert_cmpstr (trellis_entity_get_text (level, "title"), ==, "Beginning");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Beginning!");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==, "Title");

  trellis_test_spin (TRELLIS_AUTOSAVE_DELAY_MS + 300);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (trellis_test_query_int (fixture->store, "SELECT value FROM proficiency_level WHERE id = ?",
                                           trellis_entity_get_id (level)), ==, 7);
  {
    g_autofree char *stored = trellis_test_query_text (fixture->store, "SELECT title FROM proficiency_level WHERE id = ?",
                                                       trellis_entity_get_id (level));
    g_assert_cmpstr (stored, ==, "Beginning!");
  }

  /* Going away stores the last accepted value and gives the widgets back as they were. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Emerging");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  g_assert_finalize_object (autosave);
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Unbound");
  g_assert_cmpstr (trellis_entity_get_text (level, "title"), ==, "Emerging");
  {
    g_autofree char *stored = trellis_test_query_text (fixture->store, "SELECT title FROM proficiency_level WHERE id = ?",
                                                       trellis_entity_get_id (level));
    g_assert_cmpstr (stored, ==, "Emerging");
  }

  /* Cancelled, it stores nothing more. */
  autosave = new_autosave (fixture, level, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);
  trellis_autosave_bind (autosave, title_row, "text", "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Emerging");
  trellis_autosave_cancel (autosave);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Deleted");
  g_assert_cmpstr (trellis_entity_get_text (level, "title"), ==, "Emerging");
  g_assert_true (trellis_autosave_flush (autosave));
  g_assert_false (trellis_autosave_has_pending (autosave));
  g_assert_finalize_object (autosave);
}

/* A store that fails: by default the fields say why and the record stays as stored; live, the
 * record keeps the values and ::failed reports it. Both try again at the next flush. */
static void
test_autosave_store_fails (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisEntity *stored_record = fixture->amal;
  TrellisEntity *live_record = fixture->mai;
  g_autoptr(GtkWidget) given = new_entry_row ("Given name");
  g_autoptr(GtkWidget) live_given = new_entry_row ("Given name");
  g_autoptr(TrellisAutosave) autosave = new_autosave (fixture, stored_record, TRELLIS_AUTOSAVE_DEFAULT);
  g_autoptr(TrellisAutosave) live = new_autosave (fixture, live_record, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);

  trellis_autosave_bind (autosave, given, "text", "given-name");
  trellis_autosave_bind (live, live_given, "text", "given-name");
  gtk_editable_set_text (GTK_EDITABLE (given), "Amira");
  gtk_editable_set_text (GTK_EDITABLE (live_given), "Maya");
  delete_stored (fixture, stored_record);
  delete_stored (fixture, live_record);

  g_assert_false (trellis_autosave_flush (autosave));
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_true (gtk_widget_has_css_class (given, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (given));
  g_assert_cmpstr (fixture->error_field, ==, "given-name");
  g_assert_cmpstr (trellis_entity_get_text (stored_record, "given-name"), ==, "Amal");
  g_assert_true (trellis_autosave_has_pending (autosave));

  g_assert_false (trellis_autosave_flush (live));
  g_assert_cmpuint (fixture->n_failed, ==, 2);
  g_assert_false (gtk_widget_has_css_class (live_given, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (live_given)), ==, "Given name");
  g_assert_cmpstr (trellis_entity_get_text (live_record, "given-name"), ==, "Maya");
  g_assert_true (trellis_autosave_has_pending (live));

  /* Nothing else to do: drop the edits so that going away tries no more. */
  trellis_autosave_cancel (autosave);
  trellis_autosave_cancel (live);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
}

/* Closing the window stores what waits in every autosave. */
static void
test_autosave_flush_all (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrellisAutosave) stored = new_autosave (fixture, fixture->amal, TRELLIS_AUTOSAVE_DEFAULT);
  g_autoptr(TrellisAutosave) live = new_autosave (fixture, fixture->mai, TRELLIS_AUTOSAVE_LIVE);

  trellis_autosave_set_field (stored, "pronouns", "she/her");
  trellis_autosave_set_field (live, "pronouns", "they/them");
  trellis_autosave_flush_all ();
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  {
    g_autoptr(TrellisEntity) a = load_student (fixture, fixture->amal);
    g_autoptr(TrellisEntity) b = load_student (fixture, fixture->mai);

    g_assert_cmpstr (trellis_entity_get_text (a, "pronouns"), ==, "she/her");
    g_assert_cmpstr (trellis_entity_get_text (b, "pronouns"), ==, "they/them");
  }
  g_assert_false (trellis_autosave_has_pending (stored));
  g_assert_false (trellis_autosave_has_pending (live));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/autosave/stored-record", Fixture, NULL, fixture_set_up, test_autosave_stored_record, fixture_tear_down);
  g_test_add ("/autosave/live", Fixture, NULL, fixture_set_up, test_autosave_live, fixture_tear_down);
  g_test_add ("/autosave/store-fails", Fixture, NULL, fixture_set_up, test_autosave_store_fails, fixture_tear_down);
  g_test_add ("/autosave/flush-all", Fixture, NULL, fixture_set_up, test_autosave_flush_all, fixture_tear_down);

  return g_test_run ();
}
