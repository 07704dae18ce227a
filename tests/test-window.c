/* test-window.c — the main window: adding, editing (autosave), searching, deleting with Undo,
 * and refusing a file that is not a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-add-student-dialog.h"
#include "trellis-autosave.h"
#include "trellis-guardian.h"
#include "trellis-guardian-row.h"
#include "trellis-limits.h"
#include "trellis-list-slot.h"
#include "trellis-profile-page.h"
#include "trellis-sample-school.h"
#include "trellis-settings.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-student-list.h"
#include "trellis-student-row.h"
#include "trellis-student-summary.h"
#include "trellis-student-view.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-group-overview.h"
#include "trellis-widget-utils.h"
#include "trellis-window.h"

/* One application for every test: GApplication starts up once per process. */
static TrellisApplication *app;

typedef struct
{
  TrellisWindow      *window;
  char               *dir;
  char               *path;
} Fixture;

/* Helpers */

static void
on_count (guint *count)
{
  (*count)++;
}

/* The list view of the list of students (not of a drop-down’s list). */
static GtkWidget *
find_student_list_view (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (root));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          g_list_model_get_item_type (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))) == TRELLIS_TYPE_LIST_SLOT)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_student_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkSelectionModel *
find_student_selection (GtkWidget *root)
{
  return gtk_list_view_get_model (GTK_LIST_VIEW (find_student_list_view (root)));
}

static TrellisStore *
store_of (Fixture *fixture)
{
  return trellis_window_get_store (fixture->window);
}

static gint64
add_student (Fixture    *fixture,
             const char *given,
             const char *family,
             int         grade)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-student", NULL);
  dialog = trellis_test_find_toplevel (TRELLIS_TYPE_ADD_STUDENT_DIALOG);
  g_assert_nonnull (dialog);
  trellis_add_student_dialog_set_values (TRELLIS_ADD_STUDENT_DIALOG (dialog), given, family, grade);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  trellis_test_spin_idle ();
  return trellis_window_get_selected_student_id (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = trellis_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "school.db", NULL);
  fixture->window = trellis_test_open_window (GTK_APPLICATION (app), fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_close_window (fixture->window, fixture->dir);
  g_free (fixture->path);
}

/* Tests */

static void
test_window_add_student (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrellisStudent) student = NULL;
  gint64 id;

  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 0);
  id = add_student (fixture, "Lan", "Nguyễn", 7);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 1);
  student = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (student), "given-name"), ==, "Lan");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (student), "family-name"), ==, "Nguyễn");
  g_assert_cmpint (trellis_entity_get_int (TRELLIS_ENTITY (student), "grade-level"), ==, 7);
  g_assert_cmpstr (trellis_entity_get_updated_by (TRELLIS_ENTITY (student)), ==, "Test Teacher");
}

static void
test_window_autosave (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = add_student (fixture, "Lan", "Nguyễn", 7);
  TrellisProfilePage *page = TRELLIS_PROFILE_PAGE (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_PROFILE_PAGE));
  GtkWidget *preferred = trellis_profile_page_get_field_widget (page, "preferred-name");
  GtkWidget *interests = trellis_profile_page_get_field_widget (page, "interests");
  GtkWidget *given = trellis_profile_page_get_field_widget (page, "given-name");
  GtkWidget *family = trellis_profile_page_get_field_widget (page, "family-name");
  g_autoptr(TrellisStudent) before = NULL;
  g_autoptr(TrellisStudent) typed = NULL;
  g_autoptr(TrellisStudent) refused = NULL;

  gtk_editable_set_text (GTK_EDITABLE (preferred), "Lanny");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (interests)), "Robots\nDrawing", -1);

  /* Nothing is stored while typing… */
  before = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (before), "preferred-name"), ==, "");

  /* …and everything is, a moment after typing stops. */
  trellis_test_spin (TRELLIS_AUTOSAVE_DELAY_MS + 300);
  typed = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (typed), "preferred-name"), ==, "Lanny");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (typed), "interests"), ==, "Robots\nDrawing");

  /* The home language is chosen by its own name and stored as a language tag. */
  {
    AdwComboRow *language = ADW_COMBO_ROW (trellis_profile_page_get_field_widget (page, "home-language"));
    g_autoptr(TrellisStudent) chosen = NULL;

    trellis_language_row_select (language, "es");
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (language)), ==, "Español");
    chosen = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);
    g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (chosen), "home-language"), ==, "es");
  }

  /* A student without any name is refused at the field; the other field is stored and the
   * refused text stays where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (given), "");
  gtk_editable_set_text (GTK_EDITABLE (family), "");
  g_assert_false (trellis_profile_page_flush (page));
  refused = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);
  g_assert_true (gtk_widget_has_css_class (given, "error") || gtk_widget_has_css_class (family, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (gtk_widget_has_css_class (given, "error") ? given : family));
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (refused), "preferred-name"), ==, "Lanny");
  g_assert_true (*trellis_entity_get_text (TRELLIS_ENTITY (refused), "given-name") != '\0' ||
                 *trellis_entity_get_text (TRELLIS_ENTITY (refused), "family-name") != '\0');
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (family)), ==, "");

  /* Fixing it clears the mark and stores. */
  gtk_editable_set_text (GTK_EDITABLE (family), "Trần");
  g_assert_true (trellis_profile_page_flush (page));
  g_assert_false (gtk_widget_has_css_class (family, "error"));
  g_assert_false (gtk_widget_has_css_class (given, "error"));
}

static void
test_window_close_stores_edits (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = add_student (fixture, "Amal", "Hassan", 10);
  TrellisProfilePage *page = TRELLIS_PROFILE_PAGE (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_PROFILE_PAGE));
  g_autoptr(TrellisStore) store = g_object_ref (store_of (fixture));
  g_autoptr(TrellisStudent) student = NULL;

  gtk_editable_set_text (GTK_EDITABLE (trellis_profile_page_get_field_widget (page, "pronouns")), "she/her");
  gtk_window_close (GTK_WINDOW (fixture->window));

  student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, id, NULL);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (student), "pronouns"), ==, "she/her");
  fixture->window = g_object_new (TRELLIS_TYPE_WINDOW, "application", app, NULL);
  g_assert_true (trellis_window_open_database (fixture->window, fixture->path));
}

static void
test_window_search (Fixture       *fixture,
                    gconstpointer  data)
{
  TrellisStudentList *list = TRELLIS_STUDENT_LIST (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_STUDENT_LIST));
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GListModel) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  trellis_sample_school_populate (store_of (fixture), 40, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_test_spin_idle ();
  trellis_student_list_set_show_archived (list, TRUE);
  all = trellis_window_dup_visible_student_ids (fixture->window);
  g_assert_cmpuint (all->len, ==, 40);

  /* Search the folded family name of one student, without its accents or capitals. */
  summaries = trellis_store_list_student_summaries (store_of (fixture), NULL);
  {
    g_autoptr(TrellisStudentSummary) first = g_list_model_get_item (summaries, 0);
    query = trellis_search_fold (trellis_student_summary_get_family_name (first));
  }
  trellis_student_list_set_search_text (list, query);
  found = trellis_window_dup_visible_student_ids (fixture->window);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (found->len, <, all->len);
  for (guint i = 0; i < g_list_model_get_n_items (summaries); i++)
    {
      g_autoptr(TrellisStudentSummary) summary = g_list_model_get_item (summaries, i);
      gboolean shown = FALSE;

      for (guint j = 0; j < found->len; j++)
        shown |= g_array_index (found, gint64, j) == trellis_student_summary_get_id (summary);
      g_assert_cmpint (shown, ==, strstr (trellis_student_summary_get_search_key (summary), query) != NULL);
    }

  trellis_student_list_set_search_text (list, "zzzz-nobody");
  g_assert_cmpuint (trellis_student_list_get_n_visible (list), ==, 0);
  trellis_student_list_set_search_text (list, "");
  g_assert_cmpuint (trellis_student_list_get_n_visible (list), ==, 40);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget’s window has painted a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  guint i;

  for (i = 0; i < ids->len && g_array_index (ids, gint64, i) != id; i++)
    ;
  return i;
}

/* Checks the rows of @list_view, whose students are @ids: every position in sight has a
 * row, which shows its student, as does every row if @all. Returns how many rows show
 * someone else. */
static guint
check_rows (GtkWidget *list_view,
            GArray    *ids,
            gboolean   all)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  /* The rows are all of one height. */
  double row_height = gtk_adjustment_get_upper (adjustment) / ids->len;
  guint first = gtk_adjustment_get_value (adjustment) / row_height;
  guint last = MIN (ids->len - 1, (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) - 1) / row_height);
  guint n_in_sight = 0, n_unfilled = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      TrellisStudentSummary *summary;
      guint position;
      gboolean in_sight;

      if (!TRELLIS_IS_STUDENT_ROW (row))
        continue;
      summary = trellis_student_row_get_summary (TRELLIS_STUDENT_ROW (row));
      position = find_id (ids, trellis_student_summary_get_id (summary));
      g_assert_cmpuint (position, <, ids->len);
      in_sight = first <= position && position <= last;
      n_in_sight += in_sight;
      if (!trellis_student_row_is_filled (TRELLIS_STUDENT_ROW (row)))
        {
          g_assert_false (in_sight || all);
          n_unfilled++;
        }
      else
        {
          GtkWidget *label = trellis_test_find_widget (row, GTK_TYPE_LABEL);

          g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                                    trellis_student_summary_get_display_name (summary)));
        }
    }
  g_assert_cmpuint (n_in_sight, ==, last - first + 1);
  return n_unfilled;
}

/* A keystroke shows the students of the rows in sight at once, and the others in the next
 * frames; a scroll shows the rows it brings into sight at once. */
static void
test_window_search_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  TrellisStudentList *list = TRELLIS_STUDENT_LIST (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_STUDENT_LIST));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *list_view;
  guint n_unfilled;

  trellis_sample_school_populate (store_of (fixture), 600, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_test_spin_idle ();
  list_view = find_student_list_view (GTK_WIDGET (list));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  /* A student far down the list: the list scrolls to them. */
  ids = trellis_window_dup_visible_student_ids (fixture->window);
  trellis_window_select_student (fixture->window, g_array_index (ids, gint64, 450));
  wait_for_frame (list_view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  check_rows (list_view, ids, FALSE);

  /* One keystroke: the best matches at the top, in sight in the first frame. */
  trellis_student_list_set_search_text (list, "a");
  g_clear_pointer (&ids, g_array_unref);
  ids = trellis_window_dup_visible_student_ids (fixture->window);
  g_assert_cmpuint (ids->len, >, 100);
  wait_for_frame (list_view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  n_unfilled = check_rows (list_view, ids, FALSE);
  /* The rows out of sight wait, so that the frame lays out only the rows in sight. */
  g_assert_cmpuint (n_unfilled, >, 20);
  for (guint i = 0; i < 200 && n_unfilled > 0; i++)
    {
      wait_for_frame (list_view);
      n_unfilled = check_rows (list_view, ids, FALSE);
    }
  g_assert_cmpuint (n_unfilled, ==, 0);

  /* Another keystroke, then a scroll within the rows the list view has, before the rows
   * out of sight are filled. */
  trellis_student_list_set_search_text (list, "e");
  g_clear_pointer (&ids, g_array_unref);
  ids = trellis_window_dup_visible_student_ids (fixture->window);
  g_assert_cmpuint (ids->len, >, 150);
  wait_for_frame (list_view);
  g_assert_cmpuint (check_rows (list_view, ids, FALSE), >, 20);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / ids->len * 90);
  wait_for_frame (list_view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  check_rows (list_view, ids, FALSE);
}

/* A search that hides the chosen student leaves them chosen and shown; typing never makes
 * the student view load anyone. */
static void
test_window_search_keeps_student (Fixture       *fixture,
                                  gconstpointer  data)
{
  TrellisStudentList *list = TRELLIS_STUDENT_LIST (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_STUDENT_LIST));
  GtkWidget *view = trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_STUDENT_VIEW);
  g_autoptr(GListModel) summaries = NULL;
  g_autoptr(TrellisStudentSummary) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GArray) visible = NULL;
  GtkSelectionModel *selection;
  GtkRevealer *notice;
  GtkWidget *label;
  guint position;
  guint n_loads = 0;
  gint64 id;

  trellis_sample_school_populate (store_of (fixture), 30, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_test_spin_idle ();
  summaries = trellis_store_list_student_summaries (store_of (fixture), NULL);
  chosen = g_list_model_get_item (summaries, 3);
  id = trellis_student_summary_get_id (chosen);
  trellis_window_select_student (fixture->window, id);
  trellis_test_spin_idle ();
  g_signal_connect_swapped (view, "notify::student-id", G_CALLBACK (on_count), &n_loads);

  trellis_student_list_set_search_text (list, "zzzz-nobody");
  trellis_test_spin_idle ();
  g_assert_cmpuint (trellis_student_list_get_n_visible (list), ==, 0);
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, id);

  /* The list says that the open student is hidden, by name (issue 17, item 1). */
  notice = GTK_REVEALER (trellis_test_find_widget (GTK_WIDGET (list), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (notice));
  label = trellis_test_find_widget (GTK_WIDGET (notice), GTK_TYPE_LABEL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)),
                                   trellis_student_summary_get_display_name (chosen)));

  /* Show clears the search; the student is listed and highlighted, the notice gone. */
  g_signal_emit_by_name (trellis_test_find_widget (GTK_WIDGET (notice), GTK_TYPE_BUTTON), "clicked");
  trellis_test_spin_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (notice));
  g_assert_cmpuint (trellis_student_list_get_n_visible (list), ==, 30);
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, id);
  trellis_student_list_set_search_text (list, "zzzz-nobody");
  trellis_test_spin_idle ();
  g_assert_true (gtk_revealer_get_reveal_child (notice));

  /* Shown again, the student is highlighted again. */
  query = trellis_search_fold (trellis_student_summary_get_family_name (chosen));
  trellis_student_list_set_search_text (list, query);
  trellis_student_list_set_search_text (list, "");
  trellis_test_spin_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (notice));
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, id);
  selection = find_student_selection (GTK_WIDGET (list));
  visible = trellis_window_dup_visible_student_ids (fixture->window);
  position = find_id (visible, id);
  g_assert_cmpuint (position, <, visible->len);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 1);
  g_assert_cmpuint (n_loads, ==, 0);
  g_assert_cmpint (trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (view)), ==, id);
}

static void
test_window_delete_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) summaries = NULL;
  g_autoptr(TrellisStudentSummary) first = NULL;
  g_autoptr(TrellisStudentSummary) second = NULL;
  g_autoptr(GListModel) guardians_before = NULL;
  g_autoptr(GListModel) guardians_after = NULL;
  g_autoptr(TrellisStudent) restored = NULL;
  GtkWindow *dialog;
  gint64 id;
  gint64 n_plans;

  trellis_sample_school_populate (store_of (fixture), 5, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_test_spin_idle ();
  summaries = trellis_store_list_student_summaries (store_of (fixture), NULL);
  first = g_list_model_get_item (summaries, 0);
  second = g_list_model_get_item (summaries, 1);
  id = trellis_student_summary_get_id (first);
  guardians_before = trellis_store_list (store_of (fixture), TRELLIS_TYPE_GUARDIAN, "student-id", id, NULL);
  n_plans = trellis_store_count (store_of (fixture), g_type_from_name ("TrellisPlan"));
  trellis_window_select_student (fixture->window, id);
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, id);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-student", NULL);
  dialog = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            trellis_student_summary_get_display_name (first)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  trellis_test_spin_idle ();

  g_assert_null (trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL));
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 4);
  /* the keyboard carries on from the student who was next in the list */
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, trellis_student_summary_get_id (second));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  trellis_test_spin_idle ();
  restored = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  guardians_after = trellis_store_list (store_of (fixture), TRELLIS_TYPE_GUARDIAN, "student-id", id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (guardians_after), ==, g_list_model_get_n_items (guardians_before));
  g_assert_cmpint (trellis_store_count (store_of (fixture), g_type_from_name ("TrellisPlan")), ==, n_plans);
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 5);
}

/* Ctrl+Z as the window’s capture-phase shortcut receives it, before the focused widget; returns
 * whether the window took it (FALSE: the focused text undoes its own typing). */
static gboolean
press_ctrl_z (TrellisWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GtkShortcut) shortcut = NULL;
      gboolean taken;

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "trellis-undo") != 0)
        continue;
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      shortcut = g_list_model_get_item (G_LIST_MODEL (controller), 0);
      taken = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window), NULL);
      trellis_test_spin_idle ();
      return taken;
    }
  g_assert_not_reached ();
}

static char *
dup_stored_text (Fixture    *fixture,
                 gint64      id,
                 const char *field)
{
  g_autoptr(TrellisStudent) student = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);

  g_assert_nonnull (student);
  return g_strdup (trellis_entity_get_text (TRELLIS_ENTITY (student), field));
}

/* Broken item 15: Ctrl+Z undoes every stored edit, newest first, and the last deletion,
 * wherever focus is; a field being typed in keeps its own Ctrl+Z until something is deleted. */
static void
test_window_broken_item_15_ctrl_z (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 id = add_student (fixture, "Lan", "Nguyễn", 7);
  gint64 other = add_student (fixture, "Amara", "Okafor", 8);
  TrellisProfilePage *page;
  GtkWidget *preferred;
  GtkWidget *interests;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GtkWindow *dialog;

  trellis_window_select_student (fixture->window, id);
  trellis_test_spin (300);   /* the view loads a moment after the choice */
  page = TRELLIS_PROFILE_PAGE (trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_PROFILE_PAGE));
  preferred = trellis_profile_page_get_field_widget (page, "preferred-name");
  interests = trellis_profile_page_get_field_widget (page, "interests");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (interests));
  g_assert_cmpint (trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (page)), ==, id);

  /* Two fields typed and stored, one after the other. */
  gtk_widget_grab_focus (preferred);
  gtk_editable_set_text (GTK_EDITABLE (preferred), "Lanny");
  g_assert_true (trellis_profile_page_flush (page));
  gtk_widget_grab_focus (interests);
  gtk_text_buffer_set_text (buffer, "Robots", -1);
  g_assert_true (trellis_profile_page_flush (page));

  /* Still typing in “Interests”: Ctrl+Z is the text view’s own. */
  g_assert_false (press_ctrl_z (fixture->window));

  /* Focus elsewhere: the newest stored edit comes back first, in the store and on the page. */
  gtk_widget_grab_focus (find_student_list_view (GTK_WIDGET (fixture->window)));
  g_assert_true (press_ctrl_z (fixture->window));
  text = dup_stored_text (fixture, id, "interests");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = dup_stored_text (fixture, id, "preferred-name");
  g_assert_cmpstr (text, ==, "Lanny");
  g_clear_pointer (&text, g_free);

  g_assert_true (press_ctrl_z (fixture->window));
  text = dup_stored_text (fixture, id, "preferred-name");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (preferred)), ==, "");

  /* Typed in a field, then a student deleted: Ctrl+Z in that field brings the student back. */
  trellis_window_select_student (fixture->window, other);
  trellis_test_spin (300);
  g_assert_cmpint (trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (page)), ==, other);
  gtk_widget_grab_focus (preferred);
  gtk_editable_set_text (GTK_EDITABLE (preferred), "Ami");
  g_assert_false (press_ctrl_z (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-student", NULL);
  dialog = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  trellis_test_spin_idle ();
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 1);
  gtk_widget_grab_focus (preferred);
  g_assert_true (press_ctrl_z (fixture->window));
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 2);
  text = dup_stored_text (fixture, other, "preferred-name");
  g_assert_cmpstr (text, ==, "Ami");
  g_clear_pointer (&text, g_free);

  /* Someone else changed the field since: Undo leaves their text. */
  {
    g_autoptr(TrellisStudent) theirs = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, other, NULL);

    g_object_set (theirs, "preferred-name", "Amy", NULL);
    g_assert_true (trellis_store_save (store_of (fixture), TRELLIS_ENTITY (theirs), NULL));
  }
  gtk_widget_grab_focus (find_student_list_view (GTK_WIDGET (fixture->window)));
  g_assert_true (press_ctrl_z (fixture->window));
  text = dup_stored_text (fixture, other, "preferred-name");
  g_assert_cmpstr (text, ==, "Amy");
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* Issue 13: a database that fails while a page lists records says why, instead of showing an
 * empty list as if there were nothing. */
static void
test_window_store_error_reaches_user (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 id = add_student (fixture, "Lan", "Nguyễn", 7);
  GtkWidget *page = trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_PROFILE_PAGE);

  trellis_test_spin (300);
  g_assert_null (trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_label_containing,
                                                    "no such table"));
  g_assert_cmpint (sqlite3_exec (trellis_store_get_db (store_of (fixture)),
                                 "ALTER TABLE guardian RENAME TO guardian_elsewhere", NULL, NULL, NULL), ==, SQLITE_OK);
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), 0);
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), id);
  trellis_test_spin (300);
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_label_containing,
                                                       "no such table"));
  g_assert_cmpint (sqlite3_exec (trellis_store_get_db (store_of (fixture)),
                                 "ALTER TABLE guardian_elsewhere RENAME TO guardian", NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
is_new_guardian_row (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Add a guardian");
}

static guint
count_guardian_rows (GtkWidget *widget)
{
  guint n = TRELLIS_IS_GUARDIAN_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_guardian_rows (child);
  return n;
}

/* A student with every guardian Trellis allows: the first few rows come with the page, the
 * others right after, in their order; one added meanwhile goes after all of them. */
static void
test_window_profile_all_guardians (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 id = add_student (fixture, "Amal", "Hassan", 10);
  gint64 other = add_student (fixture, "Bea", "Okafor", 9);
  GtkWidget *page = trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_PROFILE_PAGE);
  GtkWidget *new_row = NULL;
  g_autoptr(GListModel) guardians = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TRELLIS_LIMIT_GUARDIANS_PER_STUDENT - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guardian %02u", i + 1);
      g_autoptr(TrellisEntity) guardian = g_object_new (TRELLIS_TYPE_GUARDIAN, "student-id", id, "name", name,
                                                        "position", i, NULL);

      g_assert_true (trellis_store_insert (store_of (fixture), guardian, &error));
      g_assert_no_error (error);
    }
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), other);
  trellis_test_spin_idle ();
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), id);
  g_assert_cmpuint (count_guardian_rows (page), >, 0);
  g_assert_cmpuint (count_guardian_rows (page), <, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT - 1);

  /* The last one fits: added before the others were shown, it still comes last. */
  new_row = trellis_test_find_widget_matching (page, is_new_guardian_row, NULL);
  g_assert_nonnull (new_row);
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Guardian 12");
  g_signal_emit_by_name (new_row, "apply");
  trellis_test_spin_idle ();
  g_assert_cmpuint (count_guardian_rows (page), ==, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT);
  guardians = trellis_store_list (store_of (fixture), TRELLIS_TYPE_GUARDIAN, "student-id", id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (guardians), ==, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT);
  {
    g_autoptr(TrellisEntity) last = g_list_model_get_item (guardians, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT - 1);
    g_assert_cmpstr (trellis_entity_get_text (last, "name"), ==, "Guardian 12");
  }

  /* One more is refused, with the limit named; nothing is added. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Guardian 13");
  g_signal_emit_by_name (new_row, "apply");
  trellis_test_spin_idle ();
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (new_row), "at most 12 guardians"));
  g_assert_cmpuint (count_guardian_rows (page), ==, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT);
  g_clear_object (&guardians);
  guardians = trellis_store_list (store_of (fixture), TRELLIS_TYPE_GUARDIAN, "student-id", id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (guardians), ==, TRELLIS_LIMIT_GUARDIANS_PER_STUDENT);
}

static gboolean
is_archived (Fixture *fixture,
             gint64   id)
{
  g_autoptr(TrellisStudent) student = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT, id, NULL);

  return trellis_entity_get_boolean (TRELLIS_ENTITY (student), "archived");
}

static void
test_window_archive_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = add_student (fixture, "Amal", "Hassan", 10);

  g_assert_false (is_archived (fixture, id));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.archive-student", NULL);
  trellis_test_spin_idle ();
  g_assert_true (is_archived (fixture, id));
  g_assert_nonnull (trellis_test_find_widget (GTK_WIDGET (fixture->window), g_type_from_name ("AdwToastWidget")));

  /* The toast’s Undo names the student and the state to go back to. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-archive", "(xb)", id, FALSE);
  trellis_test_spin_idle ();
  g_assert_false (is_archived (fixture, id));
}

/* A student the database refuses is not added, and the window says why. */
static void
test_window_add_student_error (Fixture       *fixture,
                               gconstpointer  data)
{
  sqlite3 *db = trellis_store_get_db (store_of (fixture));

  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON student "
                                     "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_null (trellis_test_find_widget (GTK_WIDGET (fixture->window), g_type_from_name ("AdwToastWidget")));
  g_assert_cmpint (add_student (fixture, "Lan", "Nguyễn", 7), ==, 0);
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 0);
  g_assert_nonnull (trellis_test_find_widget (GTK_WIDGET (fixture->window), g_type_from_name ("AdwToastWidget")));
}

static void
test_window_open_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  TrellisStore *store = store_of (fixture);
  GtkWindow *dialog;

  add_student (fixture, "Lan", "Nguyễn", 7);
  g_assert_true (g_file_set_contents (bad, "These are my notes, not a database.\n", -1, NULL));
  before = trellis_test_read_bytes (bad);

  g_assert_false (trellis_window_open_database (fixture->window, bad));

  dialog = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "notes.db"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "school.db"));
  g_assert_true (store_of (fixture) == store);
  g_assert_cmpstr (trellis_store_get_path (store_of (fixture)), ==, fixture->path);
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 1);
  after = trellis_test_read_bytes (bad);
  g_assert_true (g_bytes_equal (before, after));
}

/* A sample school of @n students; returns (a reference to) the one at @index in the store's order. */
static TrellisStudentSummary *
populate_and_pick (Fixture *fixture,
                   guint    n,
                   guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) summaries = NULL;

  trellis_sample_school_populate (store_of (fixture), n, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_test_spin_idle ();
  summaries = trellis_store_list_student_summaries (store_of (fixture), NULL);
  return g_list_model_get_item (summaries, index);
}

/* A window made narrow keeps showing the student it showed, not the list (issue 17, item 13). */
static void
test_window_narrow_keeps_student (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (trellis_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_LEAFLET));
  GtkWidget *view = trellis_test_find_widget (GTK_WIDGET (fixture->window), TRELLIS_TYPE_STUDENT_VIEW);
  g_autoptr(TrellisStudentSummary) chosen = populate_and_pick (fixture, 5, 2);
  gint64 deadline;

  trellis_window_select_student (fixture->window, trellis_student_summary_get_id (chosen));
  trellis_test_spin_idle ();
  g_assert_false (adw_leaflet_get_folded (leaflet));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 500, 700);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!adw_leaflet_get_folded (leaflet) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  trellis_test_spin_idle ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (view, adw_leaflet_get_visible_child (leaflet)));
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==,
                   trellis_student_summary_get_id (chosen));
}

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)) &&
         gtk_widget_get_mapped (widget);
}

/* An open menu is not covered by its button's tooltip (issue 17, item 14). */
static void
test_window_menu_tooltip (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *menu_button;
  GtkWidget *toggle;

  trellis_test_spin_idle ();
  menu_button = trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_primary_menu, NULL);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_get_has_tooltip (menu_button));
  toggle = gtk_widget_get_first_child (menu_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  trellis_test_spin_idle ();
  g_assert_false (gtk_widget_get_has_tooltip (menu_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  trellis_test_spin_idle ();
  g_assert_true (gtk_widget_get_has_tooltip (menu_button));
}

/* A student clicked in the group overview is shown in the main window (issue 17, item 12). */
static void
test_window_overview_opens_student (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TrellisStudentSummary) chosen = populate_and_pick (fixture, 5, 3);
  GtkWindow *overview;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.group-overview", NULL);
  trellis_test_spin_idle ();
  overview = trellis_test_find_toplevel (TRELLIS_TYPE_GROUP_OVERVIEW);
  g_assert_nonnull (overview);
  g_signal_emit_by_name (overview, "student-activated", trellis_student_summary_get_id (chosen));
  trellis_test_spin_idle ();
  g_assert_cmpint (trellis_window_get_selected_student_id (fixture->window), ==, trellis_student_summary_get_id (chosen));
  gtk_window_destroy (overview);
  trellis_test_spin_idle ();
}

/* Main Menu ▸ Remove Sample School… asks, then removes the sample's students (issue 16). */
static void
test_window_remove_sample (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrellisStudentSummary) first = populate_and_pick (fixture, 5, 0);
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-sample", NULL));
  dialog = ADW_MESSAGE_DIALOG (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove the Sample School?");
  adw_message_dialog_response (dialog, "delete");
  trellis_test_spin_idle ();
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 0);
  g_assert_false (trellis_sample_school_is_present (store_of (fixture)));
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

  g_test_add ("/window/add-student", Fixture, NULL, fixture_set_up, test_window_add_student, fixture_tear_down);
  g_test_add ("/window/autosave", Fixture, NULL, fixture_set_up, test_window_autosave, fixture_tear_down);
  g_test_add ("/window/close-stores-edits", Fixture, NULL, fixture_set_up, test_window_close_stores_edits, fixture_tear_down);
  g_test_add ("/window/search", Fixture, NULL, fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add ("/window/search-rows", Fixture, NULL, fixture_set_up, test_window_search_rows, fixture_tear_down);
  g_test_add ("/window/search-keeps-student", Fixture, NULL, fixture_set_up, test_window_search_keeps_student, fixture_tear_down);
  g_test_add ("/window/overview-opens-student", Fixture, NULL, fixture_set_up, test_window_overview_opens_student,
              fixture_tear_down);
  g_test_add ("/window/remove-sample", Fixture, NULL, fixture_set_up, test_window_remove_sample, fixture_tear_down);
  g_test_add ("/window/menu-tooltip", Fixture, NULL, fixture_set_up, test_window_menu_tooltip, fixture_tear_down);
  g_test_add ("/window/narrow-keeps-student", Fixture, NULL, fixture_set_up, test_window_narrow_keeps_student,
              fixture_tear_down);
  g_test_add ("/window/profile-all-guardians", Fixture, NULL, fixture_set_up, test_window_profile_all_guardians,
              fixture_tear_down);
  g_test_add ("/window/delete-undo", Fixture, NULL, fixture_set_up, test_window_delete_undo, fixture_tear_down);
  g_test_add ("/window/broken-item-15-ctrl-z", Fixture, NULL, fixture_set_up, test_window_broken_item_15_ctrl_z,
              fixture_tear_down);
  g_test_add ("/window/store-error-reaches-user", Fixture, NULL, fixture_set_up, test_window_store_error_reaches_user,
              fixture_tear_down);
  g_test_add ("/window/archive-undo", Fixture, NULL, fixture_set_up, test_window_archive_undo, fixture_tear_down);
  g_test_add ("/window/add-student-error", Fixture, NULL, fixture_set_up, test_window_add_student_error, fixture_tear_down);
  g_test_add ("/window/open-invalid", Fixture, NULL, fixture_set_up, test_window_open_invalid, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
