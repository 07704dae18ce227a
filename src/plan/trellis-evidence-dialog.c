/* trellis-evidence-dialog.c — add or edit one piece of evidence of mastery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-evidence-dialog"

#include <glib/gi18n.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-date-button.h"
#include "trellis-evidence-dialog.h"
#include "trellis-widget-utils.h"
#include "trellis-level.h"
#include "trellis-plan-workflow.h"
#include "trellis-vocabulary.h"

struct _TrellisEvidenceDialog
{
  AdwWindow             parent_instance;

  TrellisStore         *store;
  TrellisGoal          *goal;
  TrellisEvidence      *evidence;    /* a copy being edited; id 0 when new */
  GArray               *competency_ids;   /* index 0: none */
  GArray               *level_ids;        /* index 0: not assessed */
  GtkFileChooserNative *chooser;
  gboolean              title_touched;    /* typed in: an empty title is then an error */

  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  GtkTextView          *description_view;
  TrellisDateButton    *date_button;
  AdwEntryRow          *location_row;
  GtkLabel             *location_status;
  AdwActionRow         *competency_row;
  GtkDropDown          *competency_dropdown;
  AdwComboRow          *level_row;
  AdwEntryRow          *assessed_by_row;
  GtkLabel             *title_status;
  GtkLabel             *error_label;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (TrellisEvidenceDialog, trellis_evidence_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
field_text (TrellisEntity *entity,
            const char    *name)
{
  const char *text = trellis_entity_get_text (entity, name);

  return text ? text : "";
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* Fills a combo row with “none” plus the titles of @type under the framework (or its attributes). */
static GArray *
fill_choices (AdwComboRow  *row,
              const char   *none,
              GListModel   *items)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 zero = 0;

  gtk_string_list_append (strings, none);
  g_array_append_val (ids, zero);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TrellisEntity) item = g_list_model_get_item (items, i);
      gint64 id = trellis_entity_get_id (item);
      const char *code = trellis_entity_find_field (item, "code") ? trellis_entity_get_text (item, "code") : "";
      g_autofree char *label = code && *code
        ? g_strdup_printf ("%s — %s", code, trellis_entity_get_text (item, "title"))
        : g_strdup (trellis_entity_get_text (item, "title"));

      gtk_string_list_append (strings, label);
      g_array_append_val (ids, id);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
  g_object_unref (strings);
  return ids;
}

/* The competencies of the framework, attribute by attribute. GTK 4.8's drop-down has no
 * section headers: each choice starts with its attribute, which also lets the search find
 * every competency of an attribute (“collab”). Returns the row ids, index 0 for “None”. */
static GArray *
fill_competencies (TrellisEvidenceDialog *self,
                   gint64                 framework_id)
{
  g_autoptr(GListModel) attributes = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_ATTRIBUTE,
                                                         "framework-id", framework_id);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 zero = 0;

  gtk_string_list_append (strings, _("None"));
  g_array_append_val (ids, zero);
  for (guint i = 0; attributes != NULL && i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(TrellisEntity) attribute = g_list_model_get_item (attributes, i);
      g_autoptr(GListModel) competencies = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_COMPETENCY,
                                                               "attribute-id", trellis_entity_get_id (attribute));

      for (guint j = 0; competencies != NULL && j < g_list_model_get_n_items (competencies); j++)
        {
          g_autoptr(TrellisEntity) competency = g_list_model_get_item (competencies, j);
          const char *code = trellis_entity_get_text (competency, "code");
          gint64 id = trellis_entity_get_id (competency);
          g_autofree char *label = NULL;

          if (code != NULL && *code != '\0')
            /* Translators: a competency chosen for evidence: its attribute, code and title */
            label = g_strdup_printf (_("%s · %s — %s"), trellis_entity_get_text (attribute, "title"), code,
                                     trellis_entity_get_text (competency, "title"));
          else
            label = g_strdup_printf ("%s · %s", trellis_entity_get_text (attribute, "title"),
                                     trellis_entity_get_text (competency, "title"));
          gtk_string_list_append (strings, label);
          g_array_append_val (ids, id);
        }
    }
  gtk_drop_down_set_model (self->competency_dropdown, G_LIST_MODEL (strings));
  return ids;
}

/* The button shows the choice on one line; the open list wraps long ones rather than cut them. */
static void
on_choice_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  wrap)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  for (int wrap = 0; wrap <= 1; wrap++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup), GINT_TO_POINTER (wrap));
      g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind), GINT_TO_POINTER (wrap));
      if (wrap)
        gtk_drop_down_set_list_factory (dropdown, factory);
      else
        gtk_drop_down_set_factory (dropdown, factory);
    }
}

static void
set_row_invalid (GtkWidget *row,
                 gboolean   invalid)
{
  trellis_widget_set_css_class (row, "error", invalid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* Each field says what is wrong with it, under it, as it is typed; Save waits until the
 * evidence has a title and a location that something can open. */
static void
update_validity (TrellisEvidenceDialog *self)
{
  const char *location = gtk_editable_get_text (GTK_EDITABLE (self->location_row));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autoptr(GError) error = NULL;
  gboolean location_ok = trellis_plan_workflow_check_location (location, &error);
  /* A missing file is only a warning, and kept: the drive may be back tomorrow. */
  gboolean missing = location_ok && trellis_plan_workflow_location_is_missing_file (location);

  set_row_invalid (GTK_WIDGET (self->title_row), self->title_touched && *title == '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->title_status), self->title_touched && *title == '\0');
  set_row_invalid (GTK_WIDGET (self->location_row), !location_ok);

  gtk_label_set_text (self->location_status,
                      !location_ok ? error->message
                                   : _("This file is missing: it was moved or deleted, or is on a drive that is not connected."));
  gtk_widget_set_css_classes (GTK_WIDGET (self->location_status),
                              (const char *[]) { location_ok ? "warning" : "error", NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->location_status), !location_ok || missing);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *title != '\0' && location_ok);
  /* A refusal from the last Save is about values that have changed since. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Callbacks */

static void
on_location_changed (TrellisEvidenceDialog *self)
{
  update_validity (self);
}

static void
on_title_changed (TrellisEvidenceDialog *self)
{
  self->title_touched = TRUE;
  update_validity (self);
}

static void
on_chooser_response (GtkNativeDialog       *chooser,
                     int                    response,
                     TrellisEvidenceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (file);

      gtk_editable_set_text (GTK_EDITABLE (self->location_row), uri);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_file_clicked (TrellisEvidenceDialog *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Evidence File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_level_selected (TrellisEvidenceDialog *self)
{
  const char *assessor = gtk_editable_get_text (GTK_EDITABLE (self->assessed_by_row));

  /* Whoever assesses a level now is most likely the person at the keyboard. */
  if (adw_combo_row_get_selected (self->level_row) > 0 && *assessor == '\0' && self->store != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->assessed_by_row), trellis_store_get_editor_name (self->store));
}

static void
on_save_clicked (TrellisEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_evidence_dialog_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked (TrellisEvidenceDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
trellis_evidence_dialog_dispose (GObject *object)
{
  TrellisEvidenceDialog *self = TRELLIS_EVIDENCE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->goal);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->competency_ids, g_array_unref);
  g_clear_pointer (&self->level_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_EVIDENCE_DIALOG);

  G_OBJECT_CLASS (trellis_evidence_dialog_parent_class)->dispose (object);
}

static void
trellis_evidence_dialog_class_init (TrellisEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_evidence_dialog_dispose;

  /**
   * TrellisEvidenceDialog::saved:
   *
   * The evidence was stored; the dialog closes itself.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, location_status);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, competency_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, competency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, assessed_by_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisEvidenceDialog, title_status);
  gtk_widget_class_bind_template_callback (widget_class, on_location_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_level_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_evidence_dialog_init (TrellisEvidenceDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; trellis_evidence_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, trellis_vocabulary_label (trellis_evidence_kinds, trellis_evidence_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  set_choice_factories (self->competency_dropdown);
  trellis_drop_down_name_button (self->competency_dropdown, _("Competency demonstrated"));
}

/* Public API */

/**
 * trellis_evidence_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @goal: the goal the evidence supports
 * @evidence: (nullable): the evidence to edit, %NULL to add new evidence
 * @framework_id: the plan's framework, whose competencies and levels are offered
 *
 * Returns: (transfer none): a new modal dialog, not yet presented
 */
TrellisEvidenceDialog *
trellis_evidence_dialog_new (GtkWindow       *parent,
                             TrellisStore    *store,
                             TrellisGoal     *goal,
                             TrellisEvidence *evidence,
                             gint64           framework_id)
{
  TrellisEvidenceDialog *self;
  g_autoptr(GListModel) levels = NULL;
  TrellisEntity *entity;
  const char *kind;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), NULL);

  self = g_object_new (TRELLIS_TYPE_EVIDENCE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", evidence ? _("Edit Evidence") : _("Add Evidence"),
                       NULL);
  self->store = g_object_ref (store);
  self->goal = g_object_ref (goal);
  if (evidence != NULL)
    self->evidence = TRELLIS_EVIDENCE (trellis_entity_copy (TRELLIS_ENTITY (evidence)));
  else
    {
      g_autofree char *today = trellis_plan_workflow_today ();
      g_autoptr(GArray) linked = trellis_store_list_goal_competencies (store, trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                                                                       NULL);

      /* New evidence is most often of today, and of a competency the goal builds. */
      self->evidence = g_object_new (TRELLIS_TYPE_EVIDENCE,
                                     "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                                     "evidence-date", today,
                                     "competency-id", linked && linked->len > 0 ? g_array_index (linked, gint64, 0) : 0,
                                     NULL);
    }
  entity = TRELLIS_ENTITY (self->evidence);

  levels = trellis_list_shown (GTK_WIDGET (self), store, TRELLIS_TYPE_LEVEL, "framework-id", framework_id);
  self->competency_ids = fill_competencies (self, framework_id);
  self->level_ids = fill_choices (self->level_row, _("Not assessed"), levels);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), field_text (entity, "title"));
  kind = trellis_entity_get_text (entity, "kind");
  for (guint i = 0; trellis_evidence_kinds[i] != NULL; i++)
    if (g_strcmp0 (trellis_evidence_kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            field_text (entity, "description"), -1);
  trellis_date_button_set_date (self->date_button, trellis_entity_get_text (entity, "evidence-date"));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), field_text (entity, "uri"));
  gtk_drop_down_set_selected (self->competency_dropdown,
                              index_of (self->competency_ids, trellis_entity_get_reference (entity, "competency-id")));
  gtk_editable_set_text (GTK_EDITABLE (self->assessed_by_row), field_text (entity, "assessed-by"));
  adw_combo_row_set_selected (self->level_row,
                              index_of (self->level_ids, trellis_entity_get_reference (entity, "level-id")));
  update_validity (self);
  return self;
}

/**
 * trellis_evidence_dialog_save:
 * @self: the dialog
 * @error: return location for a #GError
 *
 * Stores what the form says (adding or updating the evidence).
 *
 * Returns: %FALSE with @error set, and nothing stored, when a value is refused
 */
gboolean
trellis_evidence_dialog_save (TrellisEvidenceDialog  *self,
                              GError                **error)
{
  TrellisEntity *entity;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *location = NULL;
  g_autofree char *assessor = NULL;
  guint kind;

  g_return_val_if_fail (TRELLIS_IS_EVIDENCE_DIALOG (self), FALSE);

  entity = TRELLIS_ENTITY (self->evidence);
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  assessor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assessed_by_row))));
  kind = MIN (adw_combo_row_get_selected (self->kind_row), g_strv_length ((char **) trellis_evidence_kinds) - 1);

  g_object_set (entity,
                "title", title,
                "kind", trellis_evidence_kinds[kind],
                "description", description,
                "evidence-date", trellis_date_button_get_date (self->date_button),
                "uri", location,
                "competency-id", g_array_index (self->competency_ids, gint64,
                                                MIN (gtk_drop_down_get_selected (self->competency_dropdown),
                                                     self->competency_ids->len - 1)),
                "level-id", g_array_index (self->level_ids, gint64,
                                           MIN (adw_combo_row_get_selected (self->level_row),
                                                self->level_ids->len - 1)),
                "assessed-by", assessor,
                NULL);

  if (trellis_entity_get_id (entity) == 0)
    return trellis_store_insert (self->store, entity, error);
  return trellis_store_save (self->store, entity, error);
}
