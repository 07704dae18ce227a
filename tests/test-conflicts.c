/* test-conflicts.c — the profile page beside another editor of the same file: their changes
 * appear, a field both changed shows both texts and waits for a choice, a busy database loses
 * nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "trellis-add-student-dialog.h"
#include "trellis-banner.h"
#include "trellis-application.h"
#include "trellis-conflict-banner.h"
#include "trellis-goal-editor.h"
#include "trellis-plan-workflow.h"
#include "trellis-profile-page.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-window.h"

static TrellisApplication *app;

typedef struct
{
  TrellisWindow      *window;
  TrellisProfilePage *page;
  TrellisStore       *other;   /* another machine on the same file */
  char               *dir;
  char               *path;
  gint64              student_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  f->dir = trellis_test_make_dir ();
  f->path = g_build_filename (f->dir, "school.db", NULL);
  f->window = trellis_test_open_window (GTK_APPLICATION (app), f->path);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-student", NULL);
  dialog = trellis_test_find_toplevel (TRELLIS_TYPE_ADD_STUDENT_DIALOG);
  trellis_add_student_dialog_set_values (TRELLIS_ADD_STUDENT_DIALOG (dialog), "Amal", "Hassan", 9);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  trellis_test_spin_idle ();
  f->student_id = trellis_window_get_selected_student_id (f->window);
  f->page = TRELLIS_PROFILE_PAGE (trellis_test_find_widget (GTK_WIDGET (f->window), TRELLIS_TYPE_PROFILE_PAGE));

  f->other = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
  trellis_store_set_editor (f->other, "Mr. Okafor", "counselor");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->other);
  trellis_test_close_window (f->window, f->dir);
  g_free (f->path);
}

static void
other_saves (Fixture    *f,
             const char *field,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) student = trellis_store_load (f->other, TRELLIS_TYPE_STUDENT, f->student_id, &error);

  g_assert_no_error (error);
  g_object_set (student, field, value, NULL);
  g_assert_true (trellis_store_save (f->other, student, &error));
  g_assert_no_error (error);
}

static char *
stored_text (Fixture    *f,
             const char *field)
{
  g_autoptr(TrellisEntity) student = trellis_store_load (f->other, TRELLIS_TYPE_STUDENT, f->student_id, NULL);

  return g_strdup (trellis_entity_get_text (student, field));
}

static char *
widget_text (GtkWidget *widget)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static GtkRevealer *
banner_revealer (Fixture *f)
{
  GtkWidget *banner = trellis_test_find_widget (GTK_WIDGET (f->page), TRELLIS_TYPE_CONFLICT_BANNER);

  g_assert_nonnull (banner);
  return GTK_REVEALER (gtk_widget_get_first_child (banner));
}

typedef struct { const char *label; } ButtonLabel;

static gboolean
match_button (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
match_label_prefix (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
match_label_text (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Another machine's change reaches the page within a second, and leaves the field being
 * typed in alone. */
static void
test_external_change_reaches_page (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *pronouns = trellis_profile_page_get_field_widget (f->page, "pronouns");
  GtkWidget *interests = trellis_profile_page_get_field_widget (f->page, "interests");
  g_autofree char *shown = NULL;
  g_autofree char *typing = NULL;
  g_autofree char *stored = NULL;

  set_widget_text (interests, "Robots");           /* typed here, not stored yet */
  other_saves (f, "pronouns", "she/her");
  other_saves (f, "strengths", "Patient");
  /* The one-second watch brings it, well before the autosave delay would store the typing
   * (a second of slack for a loaded test machine). */
  for (guint waited = 0; waited < 2000; waited += 100)
    {
      g_free (shown);
      shown = widget_text (pronouns);
      if (g_strcmp0 (shown, "she/her") == 0)
        break;
      trellis_test_spin (100);
    }
  g_assert_cmpstr (shown, ==, "she/her");
  typing = widget_text (interests);
  g_assert_cmpstr (typing, ==, "Robots");

  g_assert_true (trellis_profile_page_flush (f->page));
  stored = stored_text (f, "interests");
  g_assert_cmpstr (stored, ==, "Robots");
  g_free (stored);
  stored = stored_text (f, "strengths");
  g_assert_cmpstr (stored, ==, "Patient");
}

static void
test_conflict_banner (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *interests = trellis_profile_page_get_field_widget (f->page, "interests");
  GtkWidget *supports = trellis_profile_page_get_field_widget (f->page, "supports");
  GtkWidget *banner = trellis_test_find_widget (GTK_WIDGET (f->page), TRELLIS_TYPE_CONFLICT_BANNER);
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  /* Both change Interests; only this page changes Supports. */
  set_widget_text (interests, "Chess");
  set_widget_text (supports, "Extra time");
  other_saves (f, "interests", "Soccer");
  g_assert_false (trellis_profile_page_flush (f->page));

  g_assert_true (gtk_revealer_get_reveal_child (banner_revealer (f)));
  g_assert_nonnull (trellis_test_find_widget_matching (banner, match_label_text, "Chess"));
  g_assert_nonnull (trellis_test_find_widget_matching (banner, match_label_text, "Soccer"));
  g_assert_nonnull (trellis_test_find_widget_matching (banner, match_label_text, "Text by Mr. Okafor"));
  stored = stored_text (f, "interests");
  g_assert_cmpstr (stored, ==, "Soccer");          /* nothing overwritten without the choice */
  g_free (stored);
  stored = stored_text (f, "supports");
  g_assert_cmpstr (stored, ==, "Extra time");      /* the other field merged */
  g_free (stored);

  /* Waiting does not decide either: the pause and leaving the page store nothing over theirs. */
  trellis_test_spin (TRELLIS_AUTOSAVE_DELAY_MS + 300);
  stored = stored_text (f, "interests");
  g_assert_cmpstr (stored, ==, "Soccer");
  g_free (stored);

  g_signal_emit_by_name (trellis_test_find_widget_matching (banner, match_button, "_Keep Mine"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (banner_revealer (f)));
  stored = stored_text (f, "interests");
  g_assert_cmpstr (stored, ==, "Chess");

  /* And the other way round. */
  set_widget_text (interests, "Chess club");
  other_saves (f, "interests", "Football");
  g_assert_false (trellis_profile_page_flush (f->page));
  g_signal_emit_by_name (trellis_test_find_widget_matching (banner, match_button, "_Use Theirs"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (banner_revealer (f)));
  shown = widget_text (interests);
  g_assert_cmpstr (shown, ==, "Football");
  g_assert_true (trellis_profile_page_flush (f->page));
  g_free (stored);
  stored = stored_text (f, "interests");
  g_assert_cmpstr (stored, ==, "Football");
}

/* Broken item 13: a locked database during autosave was not retried. */
static void
test_busy_is_retried (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *aspirations = trellis_profile_page_get_field_widget (f->page, "aspirations");
  TrellisStore *store = trellis_window_get_store (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  trellis_store_set_busy_timeout (store, 10);
  g_assert_true (trellis_store_begin (f->other, &error));   /* another writer holds the lock */
  set_widget_text (aspirations, "Marine biologist");
  g_assert_false (trellis_profile_page_flush (f->page));
  trellis_test_spin (600);
  trellis_store_commit (f->other, &error);
  g_assert_no_error (error);

  trellis_test_spin (2500);
  stored = stored_text (f, "aspirations");
  g_assert_cmpstr (stored, ==, "Marine biologist");
  trellis_store_set_busy_timeout (store, 5000);
}

/* A write that waits for another program says so across the window after 5 seconds, and
 * the banner goes once the text is stored; nothing typed is dropped meanwhile. */
static void
test_busy_banner (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *aspirations = trellis_profile_page_get_field_widget (f->page, "aspirations");
  TrellisStore *store = trellis_window_get_store (f->window);
  TrellisBanner *banner = TRELLIS_BANNER (trellis_test_find_widget (GTK_WIDGET (f->window), TRELLIS_TYPE_BANNER));
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  trellis_store_set_busy_timeout (store, 10);
  g_assert_true (trellis_store_begin (f->other, &error));   /* another writer holds the lock */
  set_widget_text (aspirations, "Astronaut");
  g_assert_false (trellis_profile_page_flush (f->page));
  g_assert_true (trellis_store_get_waiting (store, NULL, NULL));
  trellis_test_spin (2000);
  g_assert_false (trellis_banner_get_revealed (banner));

  trellis_test_spin (4000);
  g_assert_true (trellis_banner_get_revealed (banner));
  g_assert_nonnull (strstr (trellis_banner_get_title (banner), "Another program is writing to"));
  g_assert_nonnull (strstr (trellis_banner_get_title (banner), "kept"));

  trellis_store_commit (f->other, &error);
  g_assert_no_error (error);
  trellis_test_spin (4500);
  g_assert_false (trellis_store_get_waiting (store, NULL, NULL));
  g_assert_false (trellis_banner_get_revealed (banner));
  stored = stored_text (f, "aspirations");
  g_assert_cmpstr (stored, ==, "Astronaut");
  trellis_store_set_busy_timeout (store, 5000);
}

/* A goal “Read more” of a new plan, shown in a goal editor of its own window; returns the goal. */
static TrellisGoal *
open_goal_editor (Fixture    *f,
                  GtkWidget **editor_out,
                  GtkWidget **window_out)
{
  TrellisStore *store = trellis_window_get_store (f->window);
  gint64 plan_id = trellis_test_add_plan (store, "Lan", "Nguyen", trellis_store_get_default_framework (store));
  g_autoptr(TrellisPlan) plan = trellis_store_load (store, TRELLIS_TYPE_PLAN, plan_id, NULL);
  TrellisGoal *goal = trellis_plan_workflow_add_goal (store, plan, "Read more", NULL);
  GtkWidget *editor = g_object_new (TRELLIS_TYPE_GOAL_EDITOR, NULL);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));
  trellis_goal_editor_set_goal (TRELLIS_GOAL_EDITOR (editor), store, goal,
                                trellis_store_get_default_framework (store), FALSE);
  *editor_out = editor;
  *window_out = window;
  return goal;
}

/* The goal editor writes its record directly: a conflict asks in a dialog, and until the
 * answer the stored text stays. */
static void
test_goal_editor_conflict (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *editor, *window;
  g_autoptr(TrellisGoal) goal = open_goal_editor (f, &editor, &window);
  g_autoptr(TrellisEntity) theirs = NULL;
  g_autoptr(TrellisEntity) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  gtk_editable_set_text (GTK_EDITABLE (trellis_test_find_widget (editor, ADW_TYPE_ENTRY_ROW)),
                         "Read two books a month");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"), ==, "Read two books a month");
  theirs = trellis_store_load (f->other, TRELLIS_TYPE_GOAL, trellis_entity_get_id (TRELLIS_ENTITY (goal)), NULL);
  g_object_set (theirs, "title", "Read every night", NULL);
  g_assert_true (trellis_store_save (f->other, theirs, &error));
  g_assert_no_error (error);

  g_assert_false (trellis_goal_editor_flush (TRELLIS_GOAL_EDITOR (editor)));
  dialog = ADW_MESSAGE_DIALOG (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Mr. Okafor"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Read two books a month"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Read every night"));

  /* A save meanwhile does not decide. */
  g_assert_true (trellis_goal_editor_flush (TRELLIS_GOAL_EDITOR (editor)));
  stored = trellis_store_load (f->other, TRELLIS_TYPE_GOAL, trellis_entity_get_id (TRELLIS_ENTITY (goal)), NULL);
  g_assert_cmpstr (trellis_entity_get_text (stored, "title"), ==, "Read every night");
  g_clear_object (&stored);

  adw_message_dialog_response (dialog, "keep-mine");
  stored = trellis_store_load (f->other, TRELLIS_TYPE_GOAL, trellis_entity_get_id (TRELLIS_ENTITY (goal)), NULL);
  g_assert_cmpstr (trellis_entity_get_text (stored, "title"), ==, "Read two books a month");

  /* Another machine's change to another field appears in the editor. */
  g_clear_object (&theirs);
  theirs = trellis_store_load (f->other, TRELLIS_TYPE_GOAL, trellis_entity_get_id (TRELLIS_ENTITY (goal)), NULL);
  g_object_set (theirs, "why-it-matters", "Reading opens doors", NULL);
  g_assert_true (trellis_store_save (f->other, theirs, &error));
  trellis_goal_editor_refresh (TRELLIS_GOAL_EDITOR (editor));
  {
    GtkWidget *view = trellis_test_find_widget (editor, GTK_TYPE_TEXT_VIEW);
    g_autofree char *shown = NULL;

    g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (goal), "why-it-matters"), ==, "Reading opens doors");
    g_assert_nonnull (view);
    (void) shown;
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The goal editor keeps an edit that a busy database refused and stores it once it is free. */
static void
test_goal_editor_busy (Fixture       *f,
                       gconstpointer  data)
{
  TrellisStore *store = trellis_window_get_store (f->window);
  GtkWidget *editor, *window;
  g_autoptr(TrellisGoal) goal = open_goal_editor (f, &editor, &window);
  g_autoptr(TrellisEntity) stored = NULL;
  g_autoptr(GError) error = NULL;

  trellis_store_set_busy_timeout (store, 10);
  g_assert_true (trellis_store_begin (f->other, &error));
  gtk_editable_set_text (GTK_EDITABLE (trellis_test_find_widget (editor, ADW_TYPE_ENTRY_ROW)),
                         "Read two books a month");
  g_assert_false (trellis_goal_editor_flush (TRELLIS_GOAL_EDITOR (editor)));
  trellis_store_commit (f->other, &error);
  g_assert_no_error (error);
  trellis_test_spin (2500);
  stored = trellis_store_load (f->other, TRELLIS_TYPE_GOAL, trellis_entity_get_id (TRELLIS_ENTITY (goal)), NULL);
  g_assert_cmpstr (trellis_entity_get_text (stored, "title"), ==, "Read two books a month");
  trellis_store_set_busy_timeout (store, 5000);
  gtk_window_destroy (GTK_WINDOW (window));
}


/* A full disk keeps the text in memory, says so at once, and stores it when space returns.
 * The disk is “full” through SQLite's page limit on the window's own connection. */
static void
test_full_disk_keeps_edit (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *supports = trellis_profile_page_get_field_widget (f->page, "supports");
  TrellisStore *store = trellis_window_get_store (f->window);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  GtkRevealer *error_revealer;

  /* About 19,000 characters: several pages more than the file has room for, and within the
   * characters a text may have (TRELLIS_LIMIT_TEXT_CHARS). */
  for (guint i = 0; i < 300; i++)
    g_string_append (text, "Extra time on tests, a quiet room, and instructions read aloud. ");
  trellis_test_query_int (store, "PRAGMA max_page_count = 1", 0);   /* clamps to the current size */
  set_widget_text (supports, text->str);
  g_assert_false (trellis_profile_page_flush (f->page));

  error_revealer = GTK_REVEALER (gtk_widget_get_parent (trellis_test_find_widget_matching (
      GTK_WIDGET (f->page), (TrellisTestWidgetMatch) match_label_prefix, "Not saved yet")));
  g_assert_true (gtk_revealer_get_reveal_child (error_revealer));
  stored = stored_text (f, "supports");
  g_assert_cmpstr (stored, ==, "");
  g_free (stored);
  shown = widget_text (supports);
  g_assert_cmpstr (shown, ==, text->str);           /* kept where it was typed */
  /* A full disk is said across the window at once. */
  {
    TrellisBanner *banner = TRELLIS_BANNER (trellis_test_find_widget (GTK_WIDGET (f->window), TRELLIS_TYPE_BANNER));

    g_assert_true (trellis_banner_get_revealed (banner));
    g_assert_nonnull (strstr (trellis_banner_get_title (banner), "The disk is full"));

    trellis_test_query_int (store, "PRAGMA max_page_count = 1073741823", 0);
    trellis_test_spin (1500);
    stored = stored_text (f, "supports");
    g_assert_cmpstr (stored, ==, text->str);
    g_assert_false (gtk_revealer_get_reveal_child (error_revealer));
    g_assert_false (trellis_banner_get_revealed (banner));
  }
}

/* An autosave on a page without a banner (a guardian row, a framework row) asks in a dialog. */
static void
test_autosave_without_banner_asks (Fixture       *f,
                                   gconstpointer  data)
{
  TrellisStore *store = trellis_window_get_store (f->window);
  g_autoptr(TrellisEntity) student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, f->student_id, NULL);
  g_autoptr(TrellisAutosave) autosave = trellis_autosave_new (store, student, TRELLIS_AUTOSAVE_DEFAULT);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *window = gtk_window_new ();
  g_autofree char *stored = NULL;
  AdwMessageDialog *dialog;

  gtk_window_set_child (GTK_WINDOW (window), entry);
  gtk_window_present (GTK_WINDOW (window));
  trellis_autosave_bind (autosave, entry, "text", "homeroom");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Room 12");
  other_saves (f, "homeroom", "Room 14");
  g_assert_false (trellis_autosave_flush (autosave));
  dialog = ADW_MESSAGE_DIALOG (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Room 12"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Room 14"));

  adw_message_dialog_response (dialog, "use-theirs");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Room 14");
  g_assert_true (trellis_autosave_flush (autosave));
  stored = stored_text (f, "homeroom");
  g_assert_cmpstr (stored, ==, "Room 14");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = trellis_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/conflicts/external-change-reaches-page", test_external_change_reaches_page);
  ADD ("/conflicts/banner-keep-mine-use-theirs", test_conflict_banner);
  ADD ("/conflicts/busy-database-is-retried", test_busy_is_retried);
  ADD ("/conflicts/broken-item-13-busy-banner-after-5-s", test_busy_banner);
  ADD ("/conflicts/goal-editor-asks", test_goal_editor_conflict);
  ADD ("/conflicts/goal-editor-busy-is-retried", test_goal_editor_busy);
  ADD ("/conflicts/full-disk-keeps-edit", test_full_disk_keeps_edit);
  ADD ("/conflicts/autosave-without-banner-asks", test_autosave_without_banner_asks);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
