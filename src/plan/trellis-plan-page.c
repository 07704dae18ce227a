/* trellis-plan-page.c — a student's plan for a school year: status, goals and the conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-plan-page"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-goal-card.h"
#include "trellis-goal-editor.h"
#include "trellis-notes-thread.h"
#include "trellis-plan-page.h"
#include "trellis-plan-workflow.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-undo-toast.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisPlanPage
{
  TrellisStudentPage  parent_instance;

  TrellisPlan        *plan;          /* the plan of the selected year, or NULL */
  GStrv               years;         /* the years in the selector, newest first */
  char               *current_year;
  gint64              focus_goal_id; /* the card to give focus back after a redraw */
  guint               refresh_id;
  gboolean            changing_year;
  GtkCssProvider     *css;
  GHashTable         *chip_colors;   /* "#rrggbb" → NULL, the colours with a CSS class */

  /* The goals being shown: cards for the first screen are filled at once, the rest after the
   * first frame, so that choosing a student shows the plan without waiting. */
  GListModel         *goals;
  GHashTable         *progress;      /* goal id → TrellisGoalProgress * (in progress_rows) */
  GHashTable         *chips;         /* goal id → GPtrArray of TrellisGoalChip * (in chip_rows) */
  GArray             *progress_rows;
  GArray             *chip_rows;
  guint               n_filled;
  GdkFrameClock      *fill_clock;    /* the clock whose next frame lets more cards be filled */
  gulong              after_paint_id;
  guint               fill_idle_id;

  GtkStack           *stack;
  GtkStack           *content_stack;
  GtkDropDown        *year_dropdown;
  AdwStatusPage      *empty_page;
  GtkButton          *start_button;
  GtkLabel           *plan_title;
  GtkLabel           *student_label;
  GtkLabel           *status_label;
  GtkLabel           *status_detail;
  GtkWidget          *activate_button;
  GtkWidget          *review_button;
  GtkWidget          *return_button;
  GtkWidget          *complete_button;
  GtkWidget          *archive_button;
  GtkWidget          *next_year_button;
  GtkListBox         *goals_list;
  GtkWidget          *add_goal_box;
  GtkEntry           *new_goal_entry;
  TrellisNotesThread *plan_notes;
  GtkLabel           *goal_view_title;
  GtkWidget          *delete_goal_button;
  GtkScrolledWindow  *goal_scroller;
  TrellisGoalEditor  *goal_editor;
};

G_DEFINE_FINAL_TYPE (TrellisPlanPage, trellis_plan_page, TRELLIS_TYPE_STUDENT_PAGE)

/* Enough cards to fill a tall window at once; the others in slices of main-loop idle time. */
#define CARDS_FIRST_FRAME 8
#define FILL_SLICE_USEC   (5 * 1000)

static void show_year            (TrellisPlanPage *self);
static void on_card_move         (TrellisGoalCard *card,
                                  int              delta,
                                  TrellisPlanPage *self);

/* Helpers */

static TrellisStore *
get_store (TrellisPlanPage *self)
{
  return trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
}

static gint64
get_student_id (TrellisPlanPage *self)
{
  return trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self));
}

static void
report (TrellisPlanPage *self,
        const GError    *error)
{
  trellis_show_error_toast (GTK_WIDGET (self), error);
}

static GtkWindow *
get_window (TrellisPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
chip_class_for (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return NULL;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return NULL;
  return g_ascii_strdown (color + 1, -1);
}

/* Rebuilds the page's style: the shared rules plus one class per attribute colour in use. */
static void
update_css (TrellisPlanPage *self)
{
  g_autoptr(GBytes) base = g_resources_lookup_data ("/org/trellisplp/Trellis/trellis-plan-page.css", 0, NULL);
  g_autoptr(GString) css = g_string_new (base ? g_bytes_get_data (base, NULL) : "");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->chip_colors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *name = chip_class_for (key);
      GdkRGBA rgba;
      double luminance;

      if (name == NULL || !gdk_rgba_parse (&rgba, key))
        continue;
      luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
      g_string_append_printf (css, ".competency-chip.chip-%s { background-color: %s; color: %s; }\n",
                              name, (const char *) key, luminance > 0.55 ? "#1e1e1e" : "#ffffff");
    }
  gtk_css_provider_load_from_data (self->css, css->str, -1);
}

/* Every attribute colour gets its chip class up front, so that showing a plan never restyles. */
static void
add_attribute_colors (TrellisPlanPage *self)
{
  g_autoptr(GListModel) attributes = trellis_list_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_ATTRIBUTE, NULL, 0);
  gboolean new_colors = FALSE;

  for (guint i = 0; attributes != NULL && i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(TrellisEntity) attribute = g_list_model_get_item (attributes, i);
      const char *color = trellis_entity_get_text (attribute, "color");
      g_autofree char *name = chip_class_for (color);

      if (name != NULL && !g_hash_table_contains (self->chip_colors, color))
        {
          g_hash_table_add (self->chip_colors, g_strdup (color));
          new_colors = TRUE;
        }
    }
  if (new_colors)
    update_css (self);
}

static void
update_status (TrellisPlanPage *self)
{
  TrellisEntity *plan = TRELLIS_ENTITY (self->plan);
  const char *status = trellis_entity_get_text (plan, "status");
  const char *by = trellis_entity_get_text (plan, "status-changed-by");
  const char *reviewer = trellis_entity_get_text (plan, "reviewer");
  g_autofree char *when = trellis_format_timestamp (trellis_entity_get_text (plan, "status-changed-at"));
  g_autofree char *detail = NULL;
  g_autofree char *status_class = g_strconcat ("status-", status, NULL);
  g_autofree char *title = trellis_plan_dup_display_title (self->plan);
  g_autofree char *next_year = trellis_school_year_next (trellis_entity_get_text (plan, "school-year"));
  g_autoptr(TrellisPlan) next = NULL;
  gboolean read_only = trellis_plan_workflow_is_read_only (self->plan);

  gtk_label_set_text (self->plan_title, title);
  gtk_label_set_text (self->status_label, trellis_vocabulary_label (trellis_plan_statuses, status));
  for (guint i = 0; trellis_plan_statuses[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("status-", trellis_plan_statuses[i], NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), name);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);

  if (*when != '\0' && g_strcmp0 (status, "in-review") == 0)
    /* Translators: plan status detail: who asked, when, and who reviews */
    detail = g_strdup_printf (_("Review requested by %s on %s; reviewer: %s"), by, when, reviewer);
  else if (*when != '\0')
    /* Translators: plan status detail: who changed the status and when */
    detail = g_strdup_printf (_("Status changed by %s on %s"), by, when);
  else
    /* Translators: a new plan: who started it and when */
    detail = g_strdup_printf (_("Started by %s"), trellis_entity_get_created_by (plan));
  gtk_label_set_text (self->status_detail, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  detail, -1);

  gtk_widget_set_visible (self->activate_button, trellis_plan_workflow_can_transition (status, "active") &&
                                                 g_strcmp0 (status, "draft") == 0);
  gtk_widget_set_visible (self->review_button, trellis_plan_workflow_can_transition (status, "in-review"));
  gtk_widget_set_visible (self->return_button, g_strcmp0 (status, "in-review") == 0);
  gtk_widget_set_visible (self->complete_button, trellis_plan_workflow_can_transition (status, "completed"));
  gtk_widget_set_visible (self->archive_button, trellis_plan_workflow_can_transition (status, "archived"));
  next = next_year ? trellis_plan_workflow_find_plan (get_store (self), get_student_id (self), next_year, NULL) : NULL;
  gtk_widget_set_visible (self->next_year_button, next_year != NULL && next == NULL);
  gtk_widget_set_visible (self->add_goal_box, !read_only);
}

static void
stop_filling (TrellisPlanPage *self)
{
  g_clear_handle_id (&self->fill_idle_id, g_source_remove);
  if (self->fill_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->fill_clock);
  g_clear_object (&self->fill_clock);
}

static void
clear_goals (TrellisPlanPage *self)
{
  stop_filling (self);
  g_clear_object (&self->goals);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->chips, g_hash_table_unref);
  g_clear_pointer (&self->progress_rows, g_array_unref);
  g_clear_pointer (&self->chip_rows, g_array_unref);
  self->n_filled = 0;
}

/* Reads the goals of the plan with their progress and competencies: three queries in all. */
static void
load_goals (TrellisPlanPage *self)
{
  gint64 plan_id = trellis_entity_get_id (TRELLIS_ENTITY (self->plan));
  gboolean new_colors = FALSE;

  clear_goals (self);
  self->goals = trellis_list_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_GOAL, "plan-id", plan_id);
  self->progress_rows = trellis_plan_workflow_list_progress (get_store (self), plan_id, NULL);
  self->chip_rows = trellis_plan_workflow_list_chips (get_store (self), plan_id, NULL);
  self->progress = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->chips = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; self->progress_rows != NULL && i < self->progress_rows->len; i++)
    {
      TrellisGoalProgress *row = &g_array_index (self->progress_rows, TrellisGoalProgress, i);

      g_hash_table_insert (self->progress, &row->goal_id, row);
    }
  for (guint i = 0; self->chip_rows != NULL && i < self->chip_rows->len; i++)
    {
      TrellisGoalChip *chip = &g_array_index (self->chip_rows, TrellisGoalChip, i);
      GPtrArray *list = g_hash_table_lookup (self->chips, &chip->goal_id);
      g_autofree char *name = chip_class_for (chip->color);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->chips, &chip->goal_id, list);
        }
      g_ptr_array_add (list, chip);
      if (name != NULL && !g_hash_table_contains (self->chip_colors, chip->color))
        {
          g_hash_table_add (self->chip_colors, g_strdup (chip->color));
          new_colors = TRUE;
        }
    }
  /* Restyling touches every widget on screen: done once, before any card shows a new colour. */
  if (new_colors)
    update_css (self);
}

static void
fill_card (TrellisPlanPage *self,
           TrellisGoalCard *card,
           guint            position)
{
  g_autoptr(TrellisGoal) goal = g_list_model_get_item (self->goals, position);
  gint64 goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  TrellisGoalProgress *progress = g_hash_table_lookup (self->progress, &goal_id);
  GPtrArray *chips = g_hash_table_lookup (self->chips, &goal_id);

  trellis_goal_card_set_goal (card, goal, !trellis_plan_workflow_is_read_only (self->plan));
  if (progress != NULL)
    trellis_goal_card_set_progress (card, progress->steps_done, progress->steps_total, progress->steps_overdue);
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      TrellisGoalChip *chip = chips->pdata[i];
      g_autofree char *name = chip_class_for (chip->color);
      g_autofree char *css_class = name ? g_strconcat ("chip-", name, NULL) : NULL;

      trellis_goal_card_add_chip (card, chip->code, chip->title, css_class);
    }
  trellis_goal_card_set_neighbours (card, position > 0, position + 1 < g_list_model_get_n_items (self->goals));
  if (goal_id == self->focus_goal_id)
    {
      gtk_widget_grab_focus (GTK_WIDGET (card));
      self->focus_goal_id = 0;
    }
}

/* Fills the next @count cards, reusing the rows already in the list before making new ones. */
static void
fill_more_cards (TrellisPlanPage *self,
                 guint            count)
{
  guint n_goals = g_list_model_get_n_items (self->goals);
  guint last = MIN (n_goals, self->n_filled + count);

  for (; self->n_filled < last; self->n_filled++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->goals_list, self->n_filled);

      if (row == NULL)
        {
          row = GTK_LIST_BOX_ROW (trellis_goal_card_new ());
          g_signal_connect (row, "move", G_CALLBACK (on_card_move), self);
          /* filled before it joins the list, so that it is laid out once */
          fill_card (self, TRELLIS_GOAL_CARD (row), self->n_filled);
          gtk_list_box_append (self->goals_list, GTK_WIDGET (row));
        }
      else
        {
          gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
          fill_card (self, TRELLIS_GOAL_CARD (row), self->n_filled);
        }
    }
}

static gboolean
on_fill_idle (gpointer user_data)
{
  TrellisPlanPage *self = user_data;
  gint64 until = g_get_monotonic_time () + FILL_SLICE_USEC;

  /* A slice at a time, so that a frame (or a key press) never waits for long. */
  while (self->n_filled < g_list_model_get_n_items (self->goals) && g_get_monotonic_time () < until)
    fill_more_cards (self, 1);
  if (self->n_filled < g_list_model_get_n_items (self->goals))
    return G_SOURCE_CONTINUE;
  self->fill_idle_id = 0;
  self->focus_goal_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock   *clock,
                TrellisPlanPage *self)
{
  stop_filling (self);
  self->fill_idle_id = g_idle_add (on_fill_idle, self);
}

/* The cards past the first screen wait for the frame that shows the first ones (or, when the
 * page is not on screen, for the main loop to be idle). */
static void
schedule_more_cards (TrellisPlanPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->n_filled >= g_list_model_get_n_items (self->goals))
    {
      self->focus_goal_id = 0;
      return;
    }
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->goals_list)))
    {
      self->fill_clock = g_object_ref (clock);
      self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
    }
  else
    self->fill_idle_id = g_idle_add (on_fill_idle, self);
}

static void
fill_goal_cards (TrellisPlanPage *self)
{
  GtkListBoxRow *extra;
  guint n_goals;

  load_goals (self);
  n_goals = g_list_model_get_n_items (self->goals);
  while ((extra = gtk_list_box_get_row_at_index (self->goals_list, n_goals)) != NULL)
    gtk_list_box_remove (self->goals_list, GTK_WIDGET (extra));
  /* Cards kept from the last plan that will be filled later are hidden until then. */
  for (guint i = CARDS_FIRST_FRAME; i < n_goals; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->goals_list, i);

      if (row == NULL)
        break;
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
    }
  fill_more_cards (self, CARDS_FIRST_FRAME);
  schedule_more_cards (self);
}

static void
refresh_overview (TrellisPlanPage *self)
{
  g_autoptr(TrellisPlan) reloaded = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->plan == NULL)
    return;
  reloaded = trellis_load_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_PLAN,
                                 trellis_entity_get_id (TRELLIS_ENTITY (self->plan)));
  if (reloaded == NULL)
    {
      show_year (self);
      return;
    }
  g_set_object (&self->plan, reloaded);
  update_status (self);
  fill_goal_cards (self);
  g_object_set (self->plan_notes, "read-only", trellis_plan_workflow_is_read_only (self->plan), NULL);
  trellis_notes_thread_set_target (self->plan_notes, get_store (self),
                                   trellis_entity_get_id (TRELLIS_ENTITY (self->plan)), 0);
}

static int
compare_years_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) b, *(const char * const *) a);
}

/* Fills the year selector: this school year, and every year that has a plan, newest first. */
static void
fill_years (TrellisPlanPage *self,
            const char      *select)
{
  g_autoptr(GListModel) plans = trellis_list_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_PLAN, "student-id",
                                                    get_student_id (self));
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_add (years, g_strdup (self->current_year));
  for (guint i = 0; plans != NULL && i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisEntity) plan = g_list_model_get_item (plans, i);
      const char *year = trellis_entity_get_text (plan, "school-year");
      gboolean known = FALSE;

      for (guint j = 0; j < years->len; j++)
        known = known || g_strcmp0 (years->pdata[j], year) == 0;
      if (!known)
        g_ptr_array_add (years, g_strdup (year));
    }
  g_ptr_array_sort (years, compare_years_newest_first);
  g_ptr_array_add (years, NULL);

  g_strfreev (self->years);
  self->years = (GStrv) g_ptr_array_free (g_steal_pointer (&years), FALSE);
  for (guint i = 0; self->years[i] != NULL; i++)
    {
      g_autofree char *label = g_strcmp0 (self->years[i], self->current_year) == 0
        /* Translators: the current school year in the year selector */
        ? g_strdup_printf (_("%s (this year)"), self->years[i]) : g_strdup (self->years[i]);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (self->years[i], select) == 0)
        selected = i;
    }
  self->changing_year = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->changing_year = FALSE;
}

static const char *
selected_year (TrellisPlanPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->years == NULL || selected >= g_strv_length (self->years))
    return self->current_year;
  return self->years[selected];
}

static void
show_year (TrellisPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *year = selected_year (self);

  clear_goals (self);
  g_clear_object (&self->plan);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  self->plan = trellis_plan_workflow_find_plan (get_store (self), get_student_id (self), year, &error);
  if (error != NULL)
    report (self, error);
  if (self->plan == NULL)
    {
      /* Translators: the empty state; %s is a school year */
      title = g_strdup_printf (_("No Plan for %s"), year);
      adw_status_page_set_title (self->empty_page, title);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      clear_goals (self);
      trellis_list_box_remove_all (self->goals_list);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "plan");
  refresh_overview (self);
}

/* Whose plan this is, in the page's header: the name, grade and homeroom, so that nobody
 * writes in the wrong child's plan. */
static void
update_student_label (TrellisPlanPage *self)
{
  g_autoptr(TrellisEntity) student = NULL;
  g_autofree char *name = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *text = NULL;
  const char *homeroom;

  student = trellis_load_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_STUDENT, get_student_id (self));
  if (student == NULL)
    {
      gtk_label_set_text (self->student_label, "");
      return;
    }
  name = trellis_student_display_name (trellis_entity_get_text (student, "given-name"),
                                       trellis_entity_get_text (student, "family-name"),
                                       trellis_entity_get_text (student, "preferred-name"));
  grade = trellis_grade_level_label (trellis_entity_get_int (student, "grade-level"));
  homeroom = trellis_entity_get_text (student, "homeroom");
  if (homeroom != NULL && *homeroom != '\0')
    /* Translators: whose plan: the student, the grade, the homeroom: “Maria Costa · Grade 11 · Homeroom 201” */
    text = g_strdup_printf (_("%s · %s · Homeroom %s"), name, grade, homeroom);
  else
    /* Translators: whose plan: the student and the grade: “Maria Costa · Grade 11” */
    text = g_strdup_printf (_("%s · %s"), name, grade);
  gtk_label_set_text (self->student_label, text);
}

static void
reload (TrellisPlanPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  clear_goals (self);
  g_clear_object (&self->plan);
  if (get_store (self) == NULL || get_student_id (self) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  update_student_label (self);
  g_free (self->current_year);
  self->current_year = trellis_school_year_for_date (now);
  fill_years (self, self->current_year);
  show_year (self);
}

static void
open_goal (TrellisPlanPage *self,
           TrellisGoal     *goal)
{
  gtk_label_set_text (self->goal_view_title, trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"));
  gtk_widget_set_visible (self->delete_goal_button, !trellis_plan_workflow_is_read_only (self->plan));
  trellis_goal_editor_set_goal (self->goal_editor, get_store (self), goal,
                                trellis_entity_get_reference (TRELLIS_ENTITY (self->plan), "framework-id"),
                                trellis_plan_workflow_is_read_only (self->plan));
  gtk_stack_set_visible_child_name (self->stack, "goal");
  /* Every goal opens at its top, ready to type its title, whatever the last one showed. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->goal_scroller), 0);
  trellis_goal_editor_focus_title (self->goal_editor);
}

static void
close_goal (TrellisPlanPage *self)
{
  TrellisGoal *goal = trellis_goal_editor_get_goal (self->goal_editor);

  trellis_goal_editor_flush (self->goal_editor);
  self->focus_goal_id = goal ? trellis_entity_get_id (TRELLIS_ENTITY (goal)) : 0;
  trellis_goal_editor_set_goal (self->goal_editor, NULL, NULL, 0, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  refresh_overview (self);
}

static AdwMessageDialog *
new_dialog (TrellisPlanPage *self,
            const char      *heading,
            const char      *body,
            const char      *action_id,
            const char      *action_label,
            GtkWidget       *extra)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), action_id, action_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, action_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, action_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);
  return dialog;
}

/* Callbacks */

static void
on_year_selected (TrellisPlanPage *self)
{
  if (!self->changing_year && get_store (self) != NULL && get_student_id (self) != 0)
    show_year (self);
}

static void
on_start_clicked (TrellisPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) plan = NULL;
  g_autofree char *year = g_strdup (selected_year (self));

  plan = trellis_plan_workflow_start_plan (get_store (self), get_student_id (self), year, &error);
  if (plan == NULL)
    {
      report (self, error);
      return;
    }
  fill_years (self, year);
  show_year (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_goal_entry));
}

static void
run_transition (TrellisPlanPage *self,
                gboolean (*transition) (TrellisStore *, TrellisPlan *, GError **))
{
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  if (!transition (get_store (self), self->plan, &error))
    report (self, error);
  refresh_overview (self);
}

static void
on_activate_clicked (TrellisPlanPage *self)
{
  run_transition (self, trellis_plan_workflow_activate);
}

static void
on_complete_clicked (TrellisPlanPage *self)
{
  run_transition (self, trellis_plan_workflow_complete);
}

static void
on_archive_clicked (TrellisPlanPage *self)
{
  run_transition (self, trellis_plan_workflow_archive);
}

static char *dup_chosen_reviewer (AdwMessageDialog *dialog);

static void
on_review_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TrellisPlanPage  *self)
{
  g_autofree char *reviewer = dup_chosen_reviewer (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "request") != 0 || self->plan == NULL)
    return;
  if (!trellis_plan_workflow_request_review (get_store (self), self->plan, reviewer, &error))
    report (self, error);
  refresh_overview (self);
}

/* Who the review dialog names: the staff member chosen, or the name typed for someone else. */
static char *
dup_chosen_reviewer (AdwMessageDialog *dialog)
{
  GtkDropDown *staff = g_object_get_data (G_OBJECT (dialog), "staff");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GListModel *names = gtk_drop_down_get_model (staff);
  guint chosen = gtk_drop_down_get_selected (staff);

  if (chosen + 1 < g_list_model_get_n_items (names))
    return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), chosen));
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* The review needs a reviewer: the button waits for a name rather than refusing afterwards;
 * the name field is there only for someone not yet known. */
static void
update_review_dialog (AdwMessageDialog *dialog)
{
  GtkDropDown *staff = g_object_get_data (G_OBJECT (dialog), "staff");
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = dup_chosen_reviewer (dialog);
  gboolean someone_else = gtk_drop_down_get_selected (staff) + 1 >= g_list_model_get_n_items (gtk_drop_down_get_model (staff));

  gtk_widget_set_visible (entry, someone_else);
  adw_message_dialog_set_response_enabled (dialog, "request", *name != '\0');
}

static void
on_review_clicked (TrellisPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) known = trellis_store_list_staff_names (get_store (self), &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) known);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *staff;
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  if (known == NULL)
    report (self, error);
  /* The people who have worked here as staff, then someone not yet known. */
  gtk_string_list_append (names, _("Someone else…"));
  staff = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)),
                             gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_name (staff, "reviewer-choice");
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (staff), TRUE);
  trellis_accessible_set_label (staff, _("Reviewer"));
  trellis_drop_down_name_button (GTK_DROP_DOWN (staff), _("Reviewer"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Teacher or counselor"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  trellis_accessible_set_label (GTK_WIDGET (entry), _("Reviewer’s name"));
  gtk_box_append (GTK_BOX (box), staff);
  gtk_box_append (GTK_BOX (box), entry);
  dialog = new_dialog (self, _("Request a Review"),
                       _("Who should review this plan? They can return it with a note or complete it."),
                       "request", _("_Request Review"), box);
  g_object_set_data (G_OBJECT (dialog), "staff", staff);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (staff, "notify::selected", G_CALLBACK (update_review_dialog), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update_review_dialog), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_review_response), self, 0);
  update_review_dialog (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (gtk_widget_get_visible (entry) ? entry : staff);
}

static void
on_return_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TrellisPlanPage  *self)
{
  g_autofree char *note = trellis_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "view"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "return") != 0 || self->plan == NULL)
    return;
  if (!trellis_plan_workflow_return_to_active (get_store (self), self->plan, note, &error))
    report (self, error);
  refresh_overview (self);
}

static void
on_return_clicked (TrellisPlanPage *self)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  AdwMessageDialog *dialog;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  trellis_accessible_set_label (GTK_WIDGET (view), _("What should change"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_widget_add_css_class (scrolled, "card");
  dialog = new_dialog (self, _("Return to Active"),
                       _("Say what should change; your note is added to the plan’s notes."),
                       "return", _("_Return to Active"), scrolled);
  g_object_set_data (G_OBJECT (dialog), "view", view);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
on_next_year_response (AdwMessageDialog *dialog,
                       const char       *response,
                       TrellisPlanPage  *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TrellisPlan) next = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "start") != 0 || self->plan == NULL)
    return;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (checks->pdata[i]), "goal-id");
        g_array_append_val (ids, id);
      }
  next = trellis_plan_workflow_start_next_year (get_store (self), self->plan, (const gint64 *) ids->data,
                                                ids->len, &error);
  if (next == NULL)
    {
      report (self, error);
      return;
    }
  fill_years (self, trellis_entity_get_text (TRELLIS_ENTITY (next), "school-year"));
  show_year (self);
}

static void
on_next_year_clicked (TrellisPlanPage *self)
{
  g_autoptr(GListModel) goals = NULL;
  g_autofree char *next_year = NULL;
  g_autofree char *heading = NULL;
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  AdwMessageDialog *dialog;

  if (self->plan == NULL)
    return;
  next_year = trellis_school_year_next (trellis_entity_get_text (TRELLIS_ENTITY (self->plan), "school-year"));
  goals = trellis_list_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_GOAL, "plan-id",
                              trellis_entity_get_id (TRELLIS_ENTITY (self->plan)));
  for (guint i = 0; goals != NULL && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(TrellisEntity) goal = g_list_model_get_item (goals, i);
      GtkWidget *check;
      gint64 *id;

      if (g_strcmp0 (trellis_entity_get_text (goal, "status"), "achieved") == 0)
        continue;
      check = gtk_check_button_new_with_label (trellis_entity_get_text (goal, "title"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      id = g_new (gint64, 1);
      *id = trellis_entity_get_id (goal);
      g_object_set_data_full (G_OBJECT (check), "goal-id", id, g_free);
      g_ptr_array_add (checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  if (checks->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("Every goal was achieved: nothing to carry over.")));

  /* Translators: %s is the next school year */
  heading = g_strdup_printf (_("Start the %s Plan"), next_year);
  dialog = new_dialog (self, heading,
                       _("Choose the goals that were not achieved to carry over. They are copied with "
                         "their steps (not yet done); this year’s plan keeps its record."),
                       "start", _("_Start Plan"), box);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_next_year_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_goal (TrellisPlanPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_goal_entry))));
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || *title == '\0')
    return;
  goal = trellis_plan_workflow_add_goal (get_store (self), self->plan, title, &error);
  if (goal == NULL)
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_goal_entry), "");
  open_goal (self, goal);
}

static void
on_goal_activated (TrellisPlanPage *self,
                   GtkListBoxRow   *row)
{
  g_autoptr(TrellisGoal) goal = NULL;

  /* Load it afresh: the card's copy may be older than the last save. */
  goal = trellis_load_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_GOAL,
                             trellis_entity_get_id (TRELLIS_ENTITY (trellis_goal_card_get_goal (TRELLIS_GOAL_CARD (row)))));
  if (goal != NULL)
    open_goal (self, goal);
}

static void
on_card_move (TrellisGoalCard *card,
              int              delta,
              TrellisPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  TrellisGoal *goal = trellis_goal_card_get_goal (card);

  self->focus_goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  if (!trellis_plan_workflow_move_goal_by (get_store (self), goal, delta, &error))
    report (self, error);
  refresh_overview (self);
}

static GdkContentProvider *
on_goal_drag_prepare (GtkDragSource   *source,
                      double           x,
                      double           y,
                      TrellisPlanPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->goals_list, (int) y);
  g_autoptr(GdkPaintable) icon = NULL;
  graphene_point_t grip;

  if (!TRELLIS_IS_GOAL_CARD (row) || !trellis_goal_card_get_movable (TRELLIS_GOAL_CARD (row)) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->goals_list), GTK_WIDGET (row), &GRAPHENE_POINT_INIT (x, y), &grip))
    return NULL;
  /* The card itself follows the pointer, held where it was taken. */
  icon = gtk_widget_paintable_new (GTK_WIDGET (row));
  gtk_drag_source_set_icon (source, icon, (int) grip.x, (int) grip.y);
  return gdk_content_provider_new_typed (G_TYPE_INT64,
                                         trellis_entity_get_id (TRELLIS_ENTITY (trellis_goal_card_get_goal (TRELLIS_GOAL_CARD (row)))));
}

static GdkDragAction
on_goal_drag_motion (GtkDropTarget   *target,
                     double           x,
                     double           y,
                     TrellisPlanPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->goals_list, (int) y);

  if (row == NULL)
    {
      gtk_list_box_drag_unhighlight_row (self->goals_list);
      return 0;
    }
  gtk_list_box_drag_highlight_row (self->goals_list, row);
  return GDK_ACTION_MOVE;
}

static void
on_goal_drag_leave (GtkDropTarget   *target,
                    TrellisPlanPage *self)
{
  gtk_list_box_drag_unhighlight_row (self->goals_list);
}

/* The dragged goal takes the place of the card it is dropped on. */
static gboolean
on_goal_drop (GtkDropTarget   *target,
              const GValue    *value,
              double           x,
              double           y,
              TrellisPlanPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->goals_list, (int) y);
  g_autoptr(TrellisGoal) dragged = NULL;
  g_autoptr(GError) error = NULL;

  gtk_list_box_drag_unhighlight_row (self->goals_list);
  if (row == NULL || self->plan == NULL || trellis_plan_workflow_is_read_only (self->plan))
    return FALSE;
  dragged = trellis_load_shown (GTK_WIDGET (self), get_store (self), TRELLIS_TYPE_GOAL, g_value_get_int64 (value));
  if (dragged == NULL || trellis_entity_get_reference (TRELLIS_ENTITY (dragged), "plan-id") !=
                         trellis_entity_get_id (TRELLIS_ENTITY (self->plan)))
    return FALSE;
  self->focus_goal_id = trellis_entity_get_id (TRELLIS_ENTITY (dragged));
  if (!trellis_plan_workflow_move_goal (get_store (self), dragged, (guint) gtk_list_box_row_get_index (row), &error))
    report (self, error);
  refresh_overview (self);
  return TRUE;
}

static void
on_back_clicked (TrellisPlanPage *self)
{
  close_goal (self);
}

static void
on_delete_goal_response (AdwMessageDialog *dialog,
                         const char       *response,
                         TrellisPlanPage  *self)
{
  g_autoptr(GError) error = NULL;
  TrellisGoal *shown = trellis_goal_editor_get_goal (self->goal_editor);
  TrellisGoal *goal = g_object_get_data (G_OBJECT (dialog), "goal");
  TrellisSnapshot *snapshot = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete") || shown == NULL ||
      trellis_entity_get_id (TRELLIS_ENTITY (shown)) != trellis_entity_get_id (TRELLIS_ENTITY (goal)))
    return;
  trellis_goal_editor_flush (self->goal_editor);
  trellis_goal_editor_set_goal (self->goal_editor, NULL, NULL, 0, TRUE);
  if (!trellis_store_delete (get_store (self), TRELLIS_ENTITY (goal), &snapshot, &error))
    {
      report (self, error);
      open_goal (self, goal);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "overview");
  refresh_overview (self);
  excerpt = trellis_dup_text_excerpt (trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"));
  /* Translators: a toast; %s is the goal's title */
  message = g_strdup_printf (_("Goal “%s” deleted"), excerpt);
  trellis_show_undo_toast (GTK_WIDGET (self), get_store (self), snapshot, message);
}

/* Broken item 15: a goal went at one click. Now it asks, naming the goal and what goes with it. */
static void
on_delete_goal_clicked (TrellisPlanPage *self)
{
  TrellisGoal *goal = trellis_goal_editor_get_goal (self->goal_editor);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (goal == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"));
  dialog = trellis_delete_dialog_new (GTK_WIDGET (self), heading,
                                      _("Its steps, evidence and notes go with it. It waits in the "
                                        "Trash (Main Menu ▸ Trash…) for 30 days, and the Undo of the "
                                        "message brings it back now."));
  g_object_set_data_full (G_OBJECT (dialog), "goal", g_object_ref (goal), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_goal_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_refresh_idle (gpointer user_data)
{
  TrellisPlanPage *self = user_data;

  self->refresh_id = 0;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0)
    refresh_overview (self);
  return G_SOURCE_REMOVE;
}

/* Overrides */

/* Alt+Left (the window's win.back): from a goal back to the whole plan. */
static gboolean
trellis_plan_page_go_back (TrellisStudentPage *page)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "goal") != 0)
    return FALSE;
  close_goal (self);
  return TRUE;
}

static void
trellis_plan_page_unload (TrellisStudentPage *page)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (page);

  trellis_goal_editor_set_goal (self->goal_editor, NULL, NULL, 0, TRUE);
}

static void
trellis_plan_page_load (TrellisStudentPage *page,
                        gboolean            new_store)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (page);

  if (new_store && get_store (self) != NULL)
    add_attribute_colors (self);
  reload (self);
}

static void
trellis_plan_page_store_changed (TrellisStudentPage *page,
                                 const char         *table,
                                 const char         *uuid,
                                 TrellisStoreChange  kind)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (page);

  /* A name or grade changed on the profile shows in the header at once. */
  if (g_strcmp0 (table, "student") == 0 && get_student_id (self) != 0)
    update_student_label (self);
  /* An Undo while the plan shows brings cards back; batches are redrawn once. */
  if (self->plan != NULL && self->refresh_id == 0)
    self->refresh_id = g_idle_add (on_refresh_idle, self);
}

static void
trellis_plan_page_external_change (TrellisStudentPage *page)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "goal") == 0)
    {
      trellis_goal_editor_refresh (self->goal_editor);
      return;
    }
  reload (self);
}

static void
trellis_plan_page_realize (GtkWidget *widget)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (widget);

  GTK_WIDGET_CLASS (trellis_plan_page_parent_class)->realize (widget);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget), GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
trellis_plan_page_unrealize (GtkWidget *widget)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (widget);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget), GTK_STYLE_PROVIDER (self->css));
  GTK_WIDGET_CLASS (trellis_plan_page_parent_class)->unrealize (widget);
}

static void
trellis_plan_page_dispose (GObject *object)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  clear_goals (self);
  trellis_student_page_disconnect_store (TRELLIS_STUDENT_PAGE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->css);

  G_OBJECT_CLASS (trellis_plan_page_parent_class)->dispose (object);
}

static void
trellis_plan_page_finalize (GObject *object)
{
  TrellisPlanPage *self = TRELLIS_PLAN_PAGE (object);

  g_strfreev (self->years);
  g_free (self->current_year);
  g_hash_table_unref (self->chip_colors);

  G_OBJECT_CLASS (trellis_plan_page_parent_class)->finalize (object);
}

static void
trellis_plan_page_class_init (TrellisPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisStudentPageClass *page_class = TRELLIS_STUDENT_PAGE_CLASS (klass);

  object_class->dispose = trellis_plan_page_dispose;
  object_class->finalize = trellis_plan_page_finalize;
  widget_class->realize = trellis_plan_page_realize;
  widget_class->unrealize = trellis_plan_page_unrealize;
  page_class->unload = trellis_plan_page_unload;
  page_class->load = trellis_plan_page_load;
  page_class->store_changed = trellis_plan_page_store_changed;
  page_class->external_change = trellis_plan_page_external_change;
  page_class->go_back = trellis_plan_page_go_back;

  g_type_ensure (TRELLIS_TYPE_GOAL_EDITOR);
  g_type_ensure (TRELLIS_TYPE_NOTES_THREAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, plan_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, student_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, status_detail);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, activate_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, complete_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, archive_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, next_year_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, add_goal_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, new_goal_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, plan_notes);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, goal_view_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, delete_goal_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, goal_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanPage, goal_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_review_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_return_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_complete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_archive_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_year_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_goal_clicked);
}

static void
trellis_plan_page_init (TrellisPlanPage *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_widget_name_drop_downs (GTK_WIDGET (self));

  /* One drag source and drop target for the whole list rather than two per card. */
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_goal_drag_prepare), self);
  gtk_widget_add_controller (GTK_WIDGET (self->goals_list), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "motion", G_CALLBACK (on_goal_drag_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_goal_drag_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_goal_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->goals_list), GTK_EVENT_CONTROLLER (target));

  self->css = gtk_css_provider_new ();
  self->chip_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  update_css (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* Public API */

GtkWidget *
trellis_plan_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_PLAN_PAGE, NULL);
}
