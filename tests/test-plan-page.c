/* test-plan-page.c — the Plan page driven like a student and a teacher would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-action-step.h"
#include "trellis-error.h"
#include "trellis-evidence-dialog.h"
#include "trellis-evidence.h"
#include "trellis-goal-card.h"
#include "trellis-plan-page.h"
#include "trellis-plan-workflow.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

static void
spin (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_type (root, type, found);
  g_assert_cmpuint (found->len, >, n);
  return found->pdata[n];
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* The last match: a toast that was just dismissed may still be fading out before it. */
  collect_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = buttons->len; i > 0; i--)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i - 1]), label) == 0)
      return buttons->pdata[i - 1];
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static void
type_and_activate (GtkWidget  *entry,
                   const char *text)
{
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  spin ();
}

static void
write_note (GtkWidget  *thread,
            const char *body)
{
  GtkWidget *view = nth_of_type (thread, GTK_TYPE_TEXT_VIEW, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), body, -1);
  click (find_button_with_label (thread, "_Add Note"));
}

static guint
count_rows_with_class (GtkWidget  *root,
                       const char *css_class)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint count = 0;

  collect_type (root, GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (rows->pdata[i], css_class))
      count++;
  return count;
}

static void
test_plan_page_workflow (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Amara",
                                                    "family-name", "Okafor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(TrellisEvidence) stored_evidence = NULL;
  g_autoptr(GArray) links = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = trellis_plan_page_new ();
  GtkWidget *goals_list, *card, *progress, *steps_list, *thread, *why;
  TrellisEvidenceDialog *dialog = NULL;
  GListModel *toplevels;
  gint64 goal_id;

  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (student), &error));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  g_object_set (page, "store", store, "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)), NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* create a plan */
  click (find_named (page, "start-plan"));
  plans = trellis_store_list (store, TRELLIS_TYPE_PLAN, "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  g_assert_true (gtk_widget_get_visible (find_named (page, "activate-plan")));
  click (find_named (page, "activate-plan"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (page, "plan-status"))), ==, "Active");

  /* add a goal: the editor opens on it; give it two steps and tick one */
  type_and_activate (find_named (page, "new-goal"), "Read 20 books this year");
  goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 1);
  goal = g_list_model_get_item (goals, 0);
  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  type_and_activate (find_named (page, "new-step"), "Get a library card");
  type_and_activate (find_named (page, "new-step"), "Read every evening");
  steps_list = find_named (page, "steps-list");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_of_type (steps_list, GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  spin ();

  /* link a competency from the checklist */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_of_type (find_named (page, "competency-list"),
                                                              GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  links = trellis_store_list_goal_competencies (store, goal_id, NULL);
  g_assert_cmpuint (links->len, ==, 1);

  /* the text areas autosave when the editor is left */
  why = find_named (page, "goal-editor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (nth_of_type (why, GTK_TYPE_TEXT_VIEW, 1))),
                            "Stories take me places.", -1);

  /* add evidence with an assessed level through the dialog */
  click (find_named (page, "add-evidence"));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (TRELLIS_IS_EVIDENCE_DIALOG (item))
        dialog = TRELLIS_EVIDENCE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_false (trellis_evidence_dialog_save (dialog, &error));   /* no title: refused */
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (nth_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0)), "Book log");
  gtk_editable_set_text (GTK_EDITABLE (nth_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 1)),
                         "file:///nonexistent/book-log.pdf");
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1)), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2)), 3);
  click (find_button_with_label (GTK_WIDGET (dialog), "_Save"));
  evidence = trellis_store_list (store, TRELLIS_TYPE_EVIDENCE, "goal-id", goal_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  stored_evidence = g_list_model_get_item (evidence, 0);
  g_assert_cmpint (trellis_entity_get_reference (TRELLIS_ENTITY (stored_evidence), "level-id"), >, 0);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored_evidence), "assessed-by"), ==, "Test Teacher");
  g_assert_cmpuint (count_rows_with_class (find_named (page, "evidence-list"), "evidence-row"), ==, 1);

  /* back to the plan: the card shows 1/2 and the chip */
  click (find_named (page, "goal-back"));
  {
    g_autoptr(TrellisGoal) saved = trellis_store_load (store, TRELLIS_TYPE_GOAL, goal_id, NULL);
    g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (saved), "why-it-matters"), ==, "Stories take me places.");
  }
  goals_list = find_named (page, "goals-list");
  card = nth_of_type (goals_list, TRELLIS_TYPE_GOAL_CARD, 0);
  progress = find_named (card, "progress");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (progress)), "1/2"));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean chip = FALSE;

    collect_type (card, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      chip = chip || gtk_widget_has_css_class (labels->pdata[i], "competency-chip");
    g_assert_true (chip);
  }

  /* a note as the student and one as the teacher, told apart */
  thread = find_named (page, "plan-notes");
  trellis_store_set_editor (store, "Amara Okafor", "student");
  write_note (thread, "I want to read more graphic novels.");
  trellis_store_set_editor (store, "Ms. Rivera", "teacher");
  write_note (thread, "Great idea. Let’s find three at the library.");
  g_assert_cmpuint (count_rows_with_class (thread, "student-voice"), ==, 1);
  g_assert_cmpuint (count_rows_with_class (thread, "staff-voice"), ==, 1);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_NOTE), ==, 2);

  /* delete a step, then Undo from the toast (the cards were redrawn after the notes) */
  goals_list = find_named (page, "goals-list");
  card = nth_of_type (goals_list, TRELLIS_TYPE_GOAL_CARD, 0);
  g_signal_emit_by_name (goals_list, "row-activated", card);
  spin ();
  steps_list = find_named (page, "steps-list");
  g_assert_cmpuint (count_rows_with_class (steps_list, "step-row"), ==, 2);
  {
    GtkWidget *row = nth_of_type (steps_list, GTK_TYPE_LIST_BOX_ROW, 0);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect_type (row, GTK_TYPE_BUTTON, buttons);
    click (g_ptr_array_index (buttons, buttons->len - 1));
  }
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_ACTION_STEP), ==, 1);
  g_assert_cmpuint (count_rows_with_class (find_named (page, "steps-list"), "step-row"), ==, 1);
  click (find_button_with_label (overlay, "_Undo"));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_ACTION_STEP), ==, 2);
  g_assert_cmpuint (count_rows_with_class (find_named (page, "steps-list"), "step-row"), ==, 2);

  /* delete the whole goal, and Undo brings back its steps, evidence and links */
  click (find_named (page, "delete-goal"));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_GOAL), ==, 0);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_EVIDENCE), ==, 0);
  {
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();
    collect_type (find_named (page, "goals-list"), TRELLIS_TYPE_GOAL_CARD, cards);
    g_assert_cmpuint (cards->len, ==, 0);
  }
  click (find_button_with_label (overlay, "_Undo"));
  spin ();
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_GOAL), ==, 1);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_EVIDENCE), ==, 1);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_ACTION_STEP), ==, 2);
  card = nth_of_type (find_named (page, "goals-list"), TRELLIS_TYPE_GOAL_CARD, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (card, "progress"))), "1/2"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/plan-page/workflow", test_plan_page_workflow);
  return g_test_run ();
}
