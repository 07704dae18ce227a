/* trellis-goal-editor.c — every field of one goal, its competencies, steps, evidence and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-goal-editor"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-conflict-dialog.h"
#include "trellis-date-button.h"
#include "trellis-error.h"
#include "trellis-evidence-dialog.h"
#include "trellis-evidence.h"
#include "trellis-goal-editor.h"
#include "trellis-level.h"
#include "trellis-notes-thread.h"
#include "trellis-plan-workflow.h"
#include "trellis-undo-toast.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

#define AUTOSAVE_DELAY_MS 1000
/* A busy database or a full disk: the edits are tried again this often. */
#define RETRY_MS 2000

struct _TrellisGoalEditor
{
  GtkWidget           parent_instance;

  TrellisStore       *store;
  TrellisGoal        *goal;
  gint64              framework_id;
  gboolean            read_only;
  gboolean            loading;       /* filling the form: changes are not edits */
  GPtrArray          *dirty;         /* entities waiting for the autosave */
  TrellisEntity      *conflicted;    /* whose conflict the open dialog asks about */
  guint               save_id;
  guint               reload_id;

  GtkWidget          *form_box;
  AdwEntryRow        *title_row;
  AdwComboRow        *category_row;
  AdwComboRow        *status_row;
  AdwComboRow        *priority_row;
  AdwActionRow       *start_row;
  AdwActionRow       *target_row;
  TrellisDateButton  *start_button;
  TrellisDateButton  *target_button;
  GtkTextView        *description_view;
  GtkTextView        *why_view;
  GtkTextView        *criteria_view;
  GtkSearchEntry     *competency_search;
  GtkListBox         *competency_list;
  GtkLabel           *steps_heading;
  GtkRevealer        *status_offer;
  GtkLabel           *status_offer_label;
  GtkButton          *status_offer_button;
  const char         *offered_status;  /* of trellis_goal_statuses, or NULL */
  GtkLabel           *competencies_heading;
  GtkListBox         *steps_list;
  GtkEntry           *new_step_entry;
  GtkListBox         *evidence_list;
  GtkWidget          *add_evidence_button;
  GtkWidget          *add_step_box;
  TrellisNotesThread *notes;
};

G_DEFINE_FINAL_TYPE (TrellisGoalEditor, trellis_goal_editor, GTK_TYPE_WIDGET)

/* The combo rows and the vocabulary each one edits. */
typedef struct {
  gsize               offset;
  const char         *property;
  const char * const *vocabulary;
} ChoiceRow;

static const ChoiceRow choice_rows[] = {
  { G_STRUCT_OFFSET (TrellisGoalEditor, category_row), "category", trellis_goal_categories },
  { G_STRUCT_OFFSET (TrellisGoalEditor, status_row), "status", trellis_goal_statuses },
  { G_STRUCT_OFFSET (TrellisGoalEditor, priority_row), "priority", trellis_goal_priorities },
};

/* The text areas and the field each one edits. */
typedef struct {
  gsize       offset;
  const char *property;
} TextArea;

static const TextArea text_areas[] = {
  { G_STRUCT_OFFSET (TrellisGoalEditor, description_view), "description" },
  { G_STRUCT_OFFSET (TrellisGoalEditor, why_view), "why-it-matters" },
  { G_STRUCT_OFFSET (TrellisGoalEditor, criteria_view), "success-criteria" },
};

#define MEMBER(self, offset, type) (*(type *) (gpointer) ((guint8 *) (self) + (offset)))

static void reload_lists (TrellisGoalEditor *self);
static void fill_form    (TrellisGoalEditor *self);

/* Helpers */

static void
fill_vocabulary (AdwComboRow        *row,
                 const char * const *vocabulary)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; vocabulary[i] != NULL; i++)
    gtk_string_list_append (labels, trellis_vocabulary_label (vocabulary, vocabulary[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static guint
vocabulary_index (const char * const *vocabulary,
                  const char         *value)
{
  for (guint i = 0; vocabulary[i] != NULL; i++)
    if (g_strcmp0 (vocabulary[i], value) == 0)
      return i;
  return 0;
}

/* Stores this editor's texts, or keeps theirs; then the form shows what was kept. */
static void
on_conflict_resolved (gpointer   owner,
                      GPtrArray *conflicts,
                      gboolean   keep_mine)
{
  TrellisGoalEditor *self = owner;
  g_autoptr(TrellisEntity) entity = g_steal_pointer (&self->conflicted);
  g_autoptr(GError) error = NULL;

  if (keep_mine && entity != NULL && self->store != NULL)
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          TrellisConflict *conflict = conflicts->pdata[i];

          trellis_entity_set_field_string (entity, conflict->field, conflict->mine, NULL);
        }
      if (!trellis_store_save (self->store, entity, &error))
        trellis_show_error_toast (GTK_WIDGET (self), error);
    }
  if (self->goal != NULL)
    {
      fill_form (self);
      reload_lists (self);
    }
}

/* Until the person chooses, the stored texts stay in the record, so no save overwrites them. */
static void
ask_about_conflicts (TrellisGoalEditor *self,
                     TrellisEntity     *entity,
                     GPtrArray         *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      TrellisConflict *conflict = conflicts->pdata[i];

      trellis_entity_set_field_string (entity, conflict->field, conflict->theirs, NULL);
    }
  g_set_object (&self->conflicted, entity);
  trellis_conflict_dialog_present (GTK_WIDGET (self), entity, conflicts, on_conflict_resolved, self);
}

static gboolean on_save_timeout (gpointer user_data);

static gboolean
save_dirty (TrellisGoalEditor *self,
            gboolean           report)
{
  g_autoptr(GPtrArray) dirty = NULL;
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store == NULL || self->dirty->len == 0)
    return TRUE;
  dirty = g_steal_pointer (&self->dirty);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < dirty->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;

      if (!trellis_store_save_edits (self->store, dirty->pdata[i], &conflicts, &error))
        {
          ok = FALSE;
          if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT))
            ask_about_conflicts (self, dirty->pdata[i], conflicts);
          else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY) ||
                   g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE))
            {
              /* Kept and tried again; the window’s banner says why it waits. */
              g_ptr_array_add (self->dirty, g_object_ref (dirty->pdata[i]));
              if (self->save_id == 0)
                self->save_id = g_timeout_add (RETRY_MS, on_save_timeout, self);
            }
          else if (report && !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
            trellis_show_error_toast (GTK_WIDGET (self), error);
        }
    }
  return ok;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  TrellisGoalEditor *self = user_data;

  self->save_id = 0;
  trellis_goal_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (TrellisGoalEditor *self,
               TrellisEntity     *entity)
{
  if (self->loading || self->store == NULL)
    return;
  if (!g_ptr_array_find (self->dirty, entity, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (entity));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (AUTOSAVE_DELAY_MS, on_save_timeout, self);
}

static GtkWidget *
make_delete_button (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, accessible_label);
  trellis_accessible_set_label (GTK_WIDGET (button), accessible_label);
  return button;
}

/* Deletes a step or an evidence record; the toast names it. */
static void
delete_entity (TrellisGoalEditor *self,
               TrellisEntity     *entity)
{
  g_autoptr(GError) error = NULL;
  gboolean is_step = TRELLIS_IS_ACTION_STEP (entity);
  g_autofree char *excerpt = trellis_dup_text_excerpt (trellis_entity_get_text (entity, is_step ? "text" : "title"));
  g_autofree char *toast_title = is_step
    /* Translators: a toast; %s is the start of the step's text */
    ? g_strdup_printf (_("Step “%s” deleted"), excerpt)
    /* Translators: a toast; %s is the evidence's title */
    : g_strdup_printf (_("Evidence “%s” deleted"), excerpt);
  TrellisSnapshot *snapshot = NULL;

  g_ptr_array_remove (self->dirty, entity);
  if (!trellis_store_delete (self->store, entity, &snapshot, &error))
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  trellis_show_undo_toast (GTK_WIDGET (self), self->store, snapshot, toast_title);
}

static void
update_steps_heading (TrellisGoalEditor *self)
{
  TrellisGoalProgress progress = { 0, };
  g_autofree char *text = NULL;

  if (self->goal != NULL)
    trellis_plan_workflow_goal_progress (self->store, trellis_entity_get_id (TRELLIS_ENTITY (self->goal)),
                                         &progress, NULL);
  /* Translators: the heading of the action steps, with steps done / steps */
  text = g_strdup_printf (_("Action Steps (%u/%u done)"), progress.steps_done, progress.steps_total);
  gtk_label_set_text (self->steps_heading, text);

  /* When the steps say the goal moved on, the status is offered, not changed behind anyone's back. */
  self->offered_status = self->goal != NULL && !self->read_only
                         ? trellis_plan_workflow_suggest_status (self->goal, &progress) : NULL;
  if (g_strcmp0 (self->offered_status, "achieved") == 0)
    {
      gtk_label_set_text (self->status_offer_label, _("Every step is done. Has the goal been reached?"));
      gtk_button_set_label (self->status_offer_button, _("Mark _Achieved"));
    }
  else if (self->offered_status != NULL)
    {
      gtk_label_set_text (self->status_offer_label, _("A step is done: the goal is under way."));
      gtk_button_set_label (self->status_offer_button, _("Mark In _Progress"));
    }
  gtk_revealer_set_reveal_child (self->status_offer, self->offered_status != NULL);
}

/* A target date before the start date is a slip of the calendar: the rows say so, and the
 * dates are not saved until they are in order. Returns whether they are. */
static gboolean
check_dates (TrellisGoalEditor *self)
{
  const char *start = trellis_date_button_get_date (self->start_button);
  const char *target = trellis_date_button_get_date (self->target_button);
  gboolean wrong = start != NULL && *start != '\0' && target != NULL && *target != '\0' && strcmp (target, start) < 0;

  adw_action_row_set_subtitle (self->target_row,
                               wrong ? _("Before the start date: not saved until the dates are in order") : "");
  trellis_widget_set_css_class (GTK_WIDGET (self->start_row), "error", wrong);
  trellis_widget_set_css_class (GTK_WIDGET (self->target_row), "error", wrong);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->target_button), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  return !wrong;
}

/* The checked competencies may be scrolled out of sight: the heading says how many there are. */
static void
update_competencies_heading (TrellisGoalEditor *self)
{
  g_autoptr(GArray) linked = NULL;
  g_autofree char *text = NULL;

  if (self->goal != NULL)
    linked = trellis_store_list_goal_competencies (self->store, trellis_entity_get_id (TRELLIS_ENTITY (self->goal)),
                                                   NULL);
  if (linked == NULL || linked->len == 0)
    text = g_strdup (_("Competencies (none linked yet)"));
  else
    /* Translators: the heading of the competency checklist, with how many are linked to the goal */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Competencies (%u linked)", "Competencies (%u linked)",
                                         linked->len), linked->len);
  gtk_label_set_text (self->competencies_heading, text);
}

static void
update_step_row_state (GtkWidget         *row,
                       TrellisActionStep *step)
{
  g_autofree char *today = trellis_plan_workflow_today ();
  GtkWidget *overdue = g_object_get_data (G_OBJECT (row), "overdue-label");
  gboolean late = trellis_plan_workflow_step_is_overdue (step, today);

  gtk_widget_set_visible (overdue, late);
  trellis_widget_set_css_class (row, "overdue", late);
  /* A done step looks done: its words struck through and quieter. */
  trellis_widget_set_css_class (row, "done", trellis_entity_get_text (TRELLIS_ENTITY (step), "done-at") != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  late ? _("This step is overdue") : "", -1);
}

/* Callbacks of the step rows */

static void
on_step_done_toggled (GtkCheckButton    *check,
                      TrellisGoalEditor *self)
{
  TrellisActionStep *step = g_object_get_data (G_OBJECT (check), "step");
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!trellis_plan_workflow_set_step_done (self->store, step, gtk_check_button_get_active (check), &error))
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  update_step_row_state (g_object_get_data (G_OBJECT (check), "row"), step);
  update_steps_heading (self);
}

static void
on_step_text_changed (GtkEditable       *editable,
                      TrellisGoalEditor *self)
{
  TrellisEntity *step = g_object_get_data (G_OBJECT (editable), "step");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  /* An emptied step keeps its last text until something is typed; delete removes it. */
  if (*text == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  g_object_set (step, "text", text, NULL);
  schedule_save (self, step);
}

static void
on_step_owner_selected (GtkDropDown       *dropdown,
                        GParamSpec        *pspec,
                        TrellisGoalEditor *self)
{
  TrellisEntity *step = g_object_get_data (G_OBJECT (dropdown), "step");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= g_strv_length ((char **) trellis_step_owners))
    return;
  g_object_set (step, "owner", trellis_step_owners[selected], NULL);
  schedule_save (self, step);
}

static void
on_step_due_changed (TrellisDateButton *button,
                     GParamSpec        *pspec,
                     TrellisGoalEditor *self)
{
  TrellisActionStep *step = g_object_get_data (G_OBJECT (button), "step");

  g_object_set (step, "due-date", trellis_date_button_get_date (button), NULL);
  schedule_save (self, TRELLIS_ENTITY (step));
  update_step_row_state (g_object_get_data (G_OBJECT (button), "row"), step);
}

static void
on_step_delete_clicked (GtkButton         *button,
                        TrellisGoalEditor *self)
{
  delete_entity (self, g_object_get_data (G_OBJECT (button), "step"));
}

static GtkWidget *
make_step_row (TrellisGoalEditor *self,
               TrellisActionStep *step)
{
  TrellisEntity *entity = TRELLIS_ENTITY (step);
  const char *text = trellis_entity_get_text (entity, "text");
  g_autofree char *done_label = g_strdup_printf (_("Done: %s"), text);
  /* Translators: what a screen reader says for the row of an action step */
  g_autofree char *step_label = g_strdup_printf (_("Action step: %s"), text);
  g_autofree char *owner_label = g_strdup_printf (_("Owner of “%s”"), text);
  g_autofree char *due_label = g_strdup_printf (_("Due date of “%s”"), text);
  g_autofree char *delete_label = g_strdup_printf (_("Delete step “%s”"), text);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *what = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who_when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *owner;
  GtkWidget *due = g_object_new (TRELLIS_TYPE_DATE_BUTTON, "label", due_label, NULL);
  GtkWidget *overdue = gtk_label_new (_("Overdue"));
  GtkWidget *delete = make_delete_button (delete_label);

  for (guint i = 0; trellis_step_owners[i] != NULL; i++)
    gtk_string_list_append (owners, trellis_vocabulary_label (trellis_step_owners, trellis_step_owners[i]));
  owner = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (owners)), NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  trellis_accessible_set_label (GTK_WIDGET (row), step_label);
  gtk_widget_add_css_class (row, "step-row");
  gtk_widget_set_name (delete, "delete-step");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), trellis_entity_get_text (entity, "done-at") != NULL);
  trellis_accessible_set_label (GTK_WIDGET (check), done_label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_hexpand (entry, TRUE);
  trellis_accessible_set_label (GTK_WIDGET (entry), _("Step"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner),
                              vocabulary_index (trellis_step_owners, trellis_entity_get_text (entity, "owner")));
  gtk_widget_set_valign (owner, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (owner, _("Owner"));
  trellis_accessible_set_label (GTK_WIDGET (owner), owner_label);
  trellis_drop_down_name_button (GTK_DROP_DOWN (owner), owner_label);
  trellis_date_button_set_date (TRELLIS_DATE_BUTTON (due), trellis_entity_get_text (entity, "due-date"));
  gtk_widget_add_css_class (overdue, "overdue-label");
  gtk_widget_add_css_class (overdue, "error");

  g_object_set_data_full (G_OBJECT (check), "step", g_object_ref (step), g_object_unref);
  g_object_set_data_full (G_OBJECT (entry), "step", g_object_ref (step), g_object_unref);
  g_object_set_data_full (G_OBJECT (owner), "step", g_object_ref (step), g_object_unref);
  g_object_set_data_full (G_OBJECT (due), "step", g_object_ref (step), g_object_unref);
  g_object_set_data_full (G_OBJECT (delete), "step", g_object_ref (step), g_object_unref);
  g_object_set_data (G_OBJECT (check), "row", row);
  g_object_set_data (G_OBJECT (due), "row", row);
  g_object_set_data (G_OBJECT (row), "overdue-label", overdue);
  g_object_set_data (G_OBJECT (row), "done-check", check);

  g_signal_connect (check, "toggled", G_CALLBACK (on_step_done_toggled), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_step_text_changed), self);
  g_signal_connect (owner, "notify::selected", G_CALLBACK (on_step_owner_selected), self);
  g_signal_connect (due, "notify::date", G_CALLBACK (on_step_due_changed), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_step_delete_clicked), self);

  /* The step's words get the whole width, even in a narrow window; who and when go below them. */
  gtk_box_append (GTK_BOX (what), check);
  gtk_box_append (GTK_BOX (what), entry);
  gtk_box_append (GTK_BOX (what), delete);
  gtk_widget_set_margin_start (who_when, 30);
  gtk_box_append (GTK_BOX (who_when), owner);
  gtk_box_append (GTK_BOX (who_when), due);
  gtk_box_append (GTK_BOX (who_when), overdue);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), who_when);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_step_row_state (row, step);
  return row;
}

/* Callbacks of the evidence rows */

static void
on_evidence_shown (GObject      *window,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) self = user_data;   /* the editor, kept until here */
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (window), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* GIO says only “Operation not supported”: say what it means for this evidence. */
  g_clear_error (&error);
  g_set_error (&error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
               _("Nothing on this computer opens “%s”. Check the address, or open it from the Files app."),
               (const char *) g_object_get_data (G_OBJECT (self), "opening"));
  trellis_show_error_toast (self, error);
}

static void
on_evidence_open_clicked (GtkButton         *button,
                          TrellisGoalEditor *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root))
    return;
  g_object_set_data_full (G_OBJECT (self), "opening", g_strdup (uri), g_free);
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL, on_evidence_shown, g_object_ref (self));
}

static void
on_evidence_saved (TrellisGoalEditor *self)
{
  reload_lists (self);
}

static void
open_evidence_dialog (TrellisGoalEditor *self,
                      TrellisEvidence   *evidence)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TrellisEvidenceDialog *dialog;

  dialog = trellis_evidence_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, self->goal, evidence, self->framework_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_evidence_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_evidence_edit_clicked (GtkButton         *button,
                          TrellisGoalEditor *self)
{
  open_evidence_dialog (self, g_object_get_data (G_OBJECT (button), "evidence"));
}

static void
on_evidence_delete_clicked (GtkButton         *button,
                            TrellisGoalEditor *self)
{
  delete_entity (self, g_object_get_data (G_OBJECT (button), "evidence"));
}

static char *
dup_title_of (TrellisStore *store,
              GType         type,
              gint64        id)
{
  g_autoptr(TrellisEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return NULL;
  entity = trellis_store_load (store, type, id, &error);
  if (entity == NULL && !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
    g_warning ("Could not read %s %" G_GINT64_FORMAT ": %s", g_type_name (type), id, error->message);
  return entity ? g_strdup (trellis_entity_get_text (entity, "title")) : NULL;
}

static GtkWidget *
make_evidence_row (TrellisGoalEditor *self,
                   TrellisEvidence   *evidence)
{
  TrellisEntity *entity = TRELLIS_ENTITY (evidence);
  const char *uri = trellis_entity_get_text (entity, "uri");
  const char *date = trellis_entity_get_text (entity, "evidence-date");
  const char *assessor = trellis_entity_get_text (entity, "assessed-by");
  g_autofree char *competency = dup_title_of (self->store, TRELLIS_TYPE_COMPETENCY,
                                              trellis_entity_get_reference (entity, "competency-id"));
  g_autofree char *level = dup_title_of (self->store, TRELLIS_TYPE_LEVEL,
                                         trellis_entity_get_reference (entity, "level-id"));
  g_autoptr(GString) subtitle = g_string_new (trellis_vocabulary_label (trellis_evidence_kinds,
                                                                        trellis_entity_get_text (entity, "kind")));
  g_autofree char *escaped = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (date != NULL)
    {
      g_autofree char *shown = trellis_format_date (date);

      g_string_append_printf (subtitle, " · %s", shown);
    }
  if (competency != NULL)
    g_string_append_printf (subtitle, " · %s", competency);
  if (level != NULL && *assessor != '\0')
    /* Translators: an assessed level and who assessed it */
    g_string_append_printf (subtitle, _(" · %s (assessed by %s)"), level, assessor);
  else if (level != NULL)
    g_string_append_printf (subtitle, " · %s", level);

  escaped = g_markup_escape_text (trellis_entity_get_text (entity, "title"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "evidence-row");

  if (*uri != '\0' && trellis_plan_workflow_location_is_missing_file (uri))
    {
      GtkWidget *missing = gtk_label_new (_("File missing"));

      gtk_widget_add_css_class (missing, "warning");
      gtk_widget_add_css_class (missing, "evidence-missing");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), missing);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The evidence file is missing"), -1);
    }
  else if (*uri != '\0' && !trellis_plan_workflow_check_location (uri, NULL))
    {
      /* Words from another tool, not an address: shown, not offered to open. */
      GtkWidget *where = gtk_label_new (uri);

      gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (where), 24);
      gtk_widget_add_css_class (where, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), where);
    }
  else if (*uri != '\0')
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");

      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Open"));
      trellis_accessible_set_label (GTK_WIDGET (open), _("Open the evidence"));
      g_object_set_data_full (G_OBJECT (open), "uri",
                              g_str_has_prefix (uri, "/") ? g_filename_to_uri (uri, NULL, NULL) : g_strdup (uri),
                              g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_evidence_open_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  if (!self->read_only)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *delete = make_delete_button (_("Delete the evidence"));

      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Edit"));
      trellis_accessible_set_label (GTK_WIDGET (edit), _("Edit the evidence"));
      g_object_set_data_full (G_OBJECT (edit), "evidence", g_object_ref (evidence), g_object_unref);
      g_object_set_data_full (G_OBJECT (delete), "evidence", g_object_ref (evidence), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_evidence_edit_clicked), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_evidence_delete_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
    }
  return row;
}

/* The competency checklist */

static void
on_competency_toggled (GtkCheckButton    *check,
                       TrellisGoalEditor *self)
{
  gint64 competency_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "competency-id"));
  gint64 goal_id = trellis_entity_get_id (TRELLIS_ENTITY (self->goal));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading)
    return;
  if (gtk_check_button_get_active (check))
    ok = trellis_store_link_competency (self->store, goal_id, competency_id, &error);
  else
    ok = trellis_store_unlink_competency (self->store, goal_id, competency_id, &error);
  if (!ok)
    trellis_show_error_toast (GTK_WIDGET (self), error);
  update_competencies_heading (self);
}

static void
competency_header (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  const char *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "attribute") : NULL;
  GtkWidget *header;

  if (g_strcmp0 (attribute, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (attribute);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "competency-attribute");
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_start (header, 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static gboolean
competency_filter (GtkListBoxRow *row,
                   gpointer       user_data)
{
  TrellisGoalEditor *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->competency_search));
  const char *haystack = g_object_get_data (G_OBJECT (row), "search-text");
  g_autofree char *needle = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static void
on_competency_search_changed (TrellisGoalEditor *self)
{
  gtk_list_box_invalidate_filter (self->competency_list);
}

static void
fill_competencies (TrellisGoalEditor *self)
{
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GArray) linked = NULL;

  trellis_list_box_remove_all (self->competency_list);
  update_competencies_heading (self);
  if (self->goal == NULL || self->framework_id == 0)
    return;
  linked = trellis_store_list_goal_competencies (self->store, trellis_entity_get_id (TRELLIS_ENTITY (self->goal)), NULL);
  attributes = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id",
                                   self->framework_id);
  for (guint i = 0; attributes != NULL && i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(TrellisEntity) attribute = g_list_model_get_item (attributes, i);
      g_autoptr(GListModel) competencies = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_COMPETENCY,
                                                               "attribute-id", trellis_entity_get_id (attribute));
      const char *attribute_title = trellis_entity_get_text (attribute, "title");

      for (guint j = 0; competencies != NULL && j < g_list_model_get_n_items (competencies); j++)
        {
          g_autoptr(TrellisEntity) competency = g_list_model_get_item (competencies, j);
          const char *code = trellis_entity_get_text (competency, "code");
          const char *title = trellis_entity_get_text (competency, "title");
          g_autofree char *label = *code ? g_strdup_printf ("%s — %s", code, title) : g_strdup (title);
          g_autofree char *search = g_strdup_printf ("%s %s %s", code, title, attribute_title);
          gint64 id = trellis_entity_get_id (competency);
          GtkWidget *row = gtk_list_box_row_new ();
          GtkWidget *check = gtk_check_button_new_with_label (label);
          gboolean active = FALSE;

          for (guint k = 0; linked != NULL && k < linked->len; k++)
            active = active || g_array_index (linked, gint64, k) == id;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
          gtk_widget_set_margin_start (check, 8);
          g_object_set_data (G_OBJECT (check), "competency-id", GSIZE_TO_POINTER ((gsize) id));
          g_signal_connect (check, "toggled", G_CALLBACK (on_competency_toggled), self);
          g_object_set_data_full (G_OBJECT (row), "attribute", g_strdup (attribute_title), g_free);
          g_object_set_data_full (G_OBJECT (row), "search-text", g_utf8_casefold (search, -1), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          /* Tab goes straight to the check box, which says the competency; the row is no extra stop. */
          gtk_widget_set_focusable (row, FALSE);
          trellis_accessible_set_label (GTK_WIDGET (row), label);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
          gtk_list_box_append (self->competency_list, row);
        }
    }
}

/* A completed plan is read, often by someone else: its words stay sharp (not greyed out) but
 * cannot be changed, and the choosers are turned off. Text views keep their caret, so that a
 * keyboard or screen reader user can still move through the words and copy them (hiding it
 * while it blinks also trips an assertion in GTK 4.8). */
static void
set_form_editable (GtkWidget *widget,
                   gboolean   editable)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
      return;
    }
  if (GTK_IS_SEARCH_ENTRY (widget))
    return;  /* searching the checklist is reading, not writing */
  if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
      return;
    }
  if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget) ||
      ADW_IS_COMBO_ROW (widget) || TRELLIS_IS_DATE_BUTTON (widget))
    {
      gtk_widget_set_sensitive (widget, editable);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    set_form_editable (child, editable);
}

static void
reload_lists (TrellisGoalEditor *self)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListModel) evidence = NULL;
  gint64 goal_id;

  trellis_list_box_remove_all (self->steps_list);
  trellis_list_box_remove_all (self->evidence_list);
  if (self->goal == NULL)
    return;

  self->loading = TRUE;
  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (self->goal));
  steps = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_ACTION_STEP, "goal-id", goal_id);
  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(TrellisActionStep) step = g_list_model_get_item (steps, i);
      gtk_list_box_append (self->steps_list, make_step_row (self, step));
    }
  evidence = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_EVIDENCE, "goal-id", goal_id);
  for (guint i = 0; evidence != NULL && i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TrellisEvidence) item = g_list_model_get_item (evidence, i);
      gtk_list_box_append (self->evidence_list, make_evidence_row (self, item));
    }
  update_steps_heading (self);
  set_form_editable (self->form_box, !self->read_only);
  trellis_notes_thread_reload (self->notes);
  self->loading = FALSE;
}

static gboolean
is_focused (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Shows the goal's @field (a property name) in its widget, or every field for %NULL; with
 * @spare_focus, the widget being typed in keeps its text. */
static void
show_fields (TrellisGoalEditor *self,
             const char        *field,
             gboolean           spare_focus)
{
  TrellisEntity *goal = TRELLIS_ENTITY (self->goal);

#define SHOWS(name, widget) ((field == NULL || g_str_equal (field, name)) && \
                             !(spare_focus && is_focused (GTK_WIDGET (widget))))
  self->loading = TRUE;
  if (SHOWS ("title", self->title_row))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), trellis_entity_get_text (goal, "title"));
  for (guint i = 0; i < G_N_ELEMENTS (choice_rows); i++)
    if (SHOWS (choice_rows[i].property, MEMBER (self, choice_rows[i].offset, AdwComboRow *)))
      adw_combo_row_set_selected (MEMBER (self, choice_rows[i].offset, AdwComboRow *),
                                  vocabulary_index (choice_rows[i].vocabulary,
                                                    trellis_entity_get_text (goal, choice_rows[i].property)));
  if (SHOWS ("start-date", self->start_button))
    trellis_date_button_set_date (self->start_button, trellis_entity_get_text (goal, "start-date"));
  if (SHOWS ("target-date", self->target_button))
    trellis_date_button_set_date (self->target_button, trellis_entity_get_text (goal, "target-date"));
  for (guint i = 0; i < G_N_ELEMENTS (text_areas); i++)
    if (SHOWS (text_areas[i].property, MEMBER (self, text_areas[i].offset, GtkTextView *)))
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (MEMBER (self, text_areas[i].offset, GtkTextView *)),
                                trellis_entity_get_text (goal, text_areas[i].property), -1);
#undef SHOWS
  self->loading = FALSE;
}

static void
fill_form (TrellisGoalEditor *self)
{
  show_fields (self, NULL, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

/* Callbacks */

static void
on_title_changed (TrellisGoalEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (self->loading || self->goal == NULL)
    return;
  if (*title == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  g_object_set (self->goal, "title", title, NULL);
  schedule_save (self, TRELLIS_ENTITY (self->goal));
}

static void
on_choice_selected (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    TrellisGoalEditor *self)
{
  if (self->loading || self->goal == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (choice_rows); i++)
    {
      guint selected = adw_combo_row_get_selected (row);

      if (MEMBER (self, choice_rows[i].offset, AdwComboRow *) != row ||
          selected >= g_strv_length ((char **) choice_rows[i].vocabulary))
        continue;
      g_object_set (self->goal, choice_rows[i].property, choice_rows[i].vocabulary[selected], NULL);
      schedule_save (self, TRELLIS_ENTITY (self->goal));
    }
  if (row == self->status_row)
    update_steps_heading (self);
}

static void
on_date_changed (TrellisGoalEditor *self)
{
  if (!check_dates (self) || self->loading || self->goal == NULL)
    return;
  g_object_set (self->goal,
                "start-date", trellis_date_button_get_date (self->start_button),
                "target-date", trellis_date_button_get_date (self->target_button),
                NULL);
  schedule_save (self, TRELLIS_ENTITY (self->goal));
}

static void
on_text_changed (GtkTextBuffer     *buffer,
                 TrellisGoalEditor *self)
{
  if (self->loading || self->goal == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_areas); i++)
    {
      GtkTextView *view = MEMBER (self, text_areas[i].offset, GtkTextView *);
      g_autofree char *text = NULL;

      if (gtk_text_view_get_buffer (view) != buffer)
        continue;
      text = trellis_text_view_dup_text (view);
      g_object_set (self->goal, text_areas[i].property, text, NULL);
      schedule_save (self, TRELLIS_ENTITY (self->goal));
    }
}

static void
on_add_step (TrellisGoalEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_step_entry))));
  g_autoptr(TrellisActionStep) step = NULL;
  g_autoptr(GError) error = NULL;

  if (self->goal == NULL || *text == '\0')
    return;
  step = trellis_plan_workflow_add_step (self->store, self->goal, text, &error);
  if (step == NULL)
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_step_entry), "");
  reload_lists (self);
}

static void
on_status_offer_clicked (TrellisGoalEditor *self)
{
  if (self->offered_status == NULL)
    return;
  /* The status row saves the choice as if it had been picked there. */
  adw_combo_row_set_selected (self->status_row, vocabulary_index (trellis_goal_statuses, self->offered_status));
  update_steps_heading (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
}

static void
on_add_evidence_clicked (TrellisGoalEditor *self)
{
  if (self->goal != NULL)
    open_evidence_dialog (self, NULL);
}

static void
on_focus_leave (TrellisGoalEditor *self)
{
  trellis_goal_editor_flush (self);
}

static gboolean
on_reload_idle (gpointer user_data)
{
  TrellisGoalEditor *self = user_data;

  self->reload_id = 0;
  reload_lists (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (TrellisStore       *store,
                  const char         *table,
                  const char         *uuid,
                  TrellisStoreChange  kind,
                  TrellisGoalEditor  *self)
{
  /* Field edits come from this editor; added, deleted and restored records redraw the lists. */
  if (kind == TRELLIS_STORE_CHANGE_UPDATED || self->goal == NULL)
    return;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle, self);
}

/* Overrides */

static void
trellis_goal_editor_dispose (GObject *object)
{
  TrellisGoalEditor *self = TRELLIS_GOAL_EDITOR (object);

  /* The widget is going away: nowhere to show an error, but the edits are kept if valid. */
  save_dirty (self, FALSE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->goal);
  g_clear_object (&self->conflicted);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GOAL_EDITOR);
  /* the template's unnamed top box is not a bound child, so unparent it here */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_goal_editor_parent_class)->dispose (object);
}

static void
trellis_goal_editor_finalize (GObject *object)
{
  g_ptr_array_unref (TRELLIS_GOAL_EDITOR (object)->dirty);

  G_OBJECT_CLASS (trellis_goal_editor_parent_class)->finalize (object);
}

static void
trellis_goal_editor_class_init (TrellisGoalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_goal_editor_dispose;
  object_class->finalize = trellis_goal_editor_finalize;

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);
  g_type_ensure (TRELLIS_TYPE_NOTES_THREAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-goal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, target_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, why_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, criteria_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, competency_search);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, competency_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, status_offer);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, status_offer_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, status_offer_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, competencies_heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, new_step_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, add_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, add_step_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalEditor, notes);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_competency_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step);
  gtk_widget_class_bind_template_callback (widget_class, on_status_offer_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_evidence_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_goal_editor_init (TrellisGoalEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The status offer waits in a closed revealer, unmapped, yet in the accessible tree. */
  trellis_widget_fix_mnemonic_names (GTK_WIDGET (self->status_offer));

  for (guint i = 0; i < G_N_ELEMENTS (choice_rows); i++)
    fill_vocabulary (MEMBER (self, choice_rows[i].offset, AdwComboRow *), choice_rows[i].vocabulary);
  for (guint i = 0; i < G_N_ELEMENTS (text_areas); i++)
    g_signal_connect (gtk_text_view_get_buffer (MEMBER (self, text_areas[i].offset, GtkTextView *)),
                      "changed", G_CALLBACK (on_text_changed), self);
  gtk_list_box_set_header_func (self->competency_list, competency_header, NULL, NULL);
  gtk_list_box_set_filter_func (self->competency_list, competency_filter, self, NULL);

  /* Leaving the editor (or any of its fields) saves at once, not a second later. */
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* Public API */

/**
 * trellis_goal_editor_set_goal:
 * @self: the editor
 * @store: (nullable): the store
 * @goal: (nullable): the goal to edit
 * @framework_id: the plan's framework, for the competency checklist and levels
 * @read_only: %TRUE for a completed plan
 *
 * Saves what is pending for the previous goal, then shows @goal.
 */
void
trellis_goal_editor_set_goal (TrellisGoalEditor *self,
                              TrellisStore      *store,
                              TrellisGoal       *goal,
                              gint64             framework_id,
                              gboolean           read_only)
{
  g_return_if_fail (TRELLIS_IS_GOAL_EDITOR (self));

  trellis_goal_editor_flush (self);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
    }
  g_set_object (&self->goal, goal);
  self->framework_id = framework_id;
  self->read_only = read_only;

  set_form_editable (self->form_box, !read_only);
  gtk_widget_set_visible (self->add_step_box, !read_only);
  gtk_widget_set_visible (self->add_evidence_button, !read_only);
  g_object_set (self->notes, "read-only", read_only, NULL);
  trellis_notes_thread_set_target (self->notes, store,
                                   goal ? trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id") : 0,
                                   goal ? trellis_entity_get_id (TRELLIS_ENTITY (goal)) : 0);
  if (goal == NULL)
    return;
  fill_form (self);
  self->loading = TRUE;
  fill_competencies (self);
  self->loading = FALSE;
  reload_lists (self);
}

/**
 * trellis_goal_editor_refresh:
 * @self: the editor
 *
 * Another program changed the file: what it stored in this goal appears, except in fields
 * edited here and in the one being typed in; the steps and evidence are listed again.
 */
void
trellis_goal_editor_refresh (TrellisGoalEditor *self)
{
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_GOAL_EDITOR (self));

  if (self->goal == NULL || self->store == NULL)
    return;
  if (!trellis_store_refresh (self->store, TRELLIS_ENTITY (self->goal), NULL, &updated, &error))
    {
      if (!g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
        trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < updated->len; i++)
    show_fields (self, ((const TrellisField *) updated->pdata[i])->name, TRUE);
  /* Rebuilt rows would take the text being typed in a step away. */
  if (!is_focused (GTK_WIDGET (self->steps_list)) && !is_focused (GTK_WIDGET (self->evidence_list)))
    reload_lists (self);
}

TrellisGoal *
trellis_goal_editor_get_goal (TrellisGoalEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_EDITOR (self), NULL);
  return self->goal;
}

/**
 * trellis_goal_editor_focus_title:
 * @self: the editor
 *
 * Puts the keyboard focus in the goal's title, where a goal just opened is written.
 */
void
trellis_goal_editor_focus_title (TrellisGoalEditor *self)
{
  g_return_if_fail (TRELLIS_IS_GOAL_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * trellis_goal_editor_flush:
 * @self: the editor
 *
 * Saves every pending edit now (autosave runs this a second after typing stops).
 *
 * Returns: %FALSE when a save was refused (a toast says why)
 */
gboolean
trellis_goal_editor_flush (TrellisGoalEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_EDITOR (self), FALSE);

  return save_dirty (self, TRUE);
}
