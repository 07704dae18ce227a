/* trellis-notes-thread.c — the conversation on a plan or a goal: every voice with name, role and time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-notes-thread"

#include <glib/gi18n.h>

#include "trellis-note.h"
#include "trellis-notes-thread.h"
#include "trellis-plan-workflow.h"
#include "trellis-undo-toast.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisNotesThread
{
  GtkWidget       parent_instance;

  TrellisStore   *store;
  gint64          plan_id;
  gint64          goal_id;     /* 0: the notes on the whole plan */
  gboolean        read_only;
  TrellisNote    *editing;     /* the note being corrected, or NULL when writing a new one */

  GtkLabel       *heading;
  GtkListBox     *notes_list;
  GtkWidget      *compose_box;
  GtkWidget      *unsigned_box;
  GtkLabel       *compose_label;
  GtkTextView    *compose_view;
  GtkButton      *add_button;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (TrellisNotesThread, trellis_notes_thread, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void on_compose_changed (TrellisNotesThread *self);

static void
update_compose (TrellisNotesThread *self)
{
  const char *name = self->store ? trellis_store_get_editor_name (self->store) : "";
  const char *role = self->store ? trellis_store_get_editor_role (self->store) : "";
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->compose_box, !self->read_only);
  /* Every note says who wrote it: with nobody named, the box says so and asks, in place. */
  gtk_widget_set_visible (self->unsigned_box, *name == '\0');
  if (*name == '\0')
    label = g_strdup (_("_New note (not signed yet)"));
  else if (self->editing != NULL)
    /* Translators: the compose box while correcting a note */
    label = g_strdup_printf (_("_Correct your note (as %s, %s)"), name,
                             trellis_vocabulary_label (trellis_roles, role));
  else
    /* Translators: the compose box label; the name and role of who is writing */
    label = g_strdup_printf (_("_New note (as %s, %s)"), name,
                             trellis_vocabulary_label (trellis_roles, role));
  gtk_label_set_text_with_mnemonic (self->compose_label, label);
  gtk_button_set_label (self->add_button, self->editing ? _("_Save Changes") : _("_Add Note"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->editing != NULL);
  on_compose_changed (self);
}

static void
stop_editing (TrellisNotesThread *self)
{
  g_clear_object (&self->editing);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->compose_view), "", -1);
  update_compose (self);
}

static void
on_edit_clicked (GtkButton          *button,
                 TrellisNotesThread *self)
{
  TrellisNote *note = g_object_get_data (G_OBJECT (button), "note");

  g_set_object (&self->editing, note);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->compose_view),
                            trellis_entity_get_text (TRELLIS_ENTITY (note), "body"), -1);
  update_compose (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->compose_view));
}

static void
on_delete_clicked (GtkButton          *button,
                   TrellisNotesThread *self)
{
  TrellisNote *note = g_object_get_data (G_OBJECT (button), "note");
  g_autoptr(GError) error = NULL;
  TrellisSnapshot *snapshot = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *message = NULL;

  if (!trellis_plan_workflow_delete_note (self->store, note, &snapshot, &error))
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  if (self->editing == note)
    stop_editing (self);
  excerpt = trellis_dup_text_excerpt (trellis_entity_get_text (TRELLIS_ENTITY (note), "body"));
  /* Translators: a toast; %s is the start of the note */
  message = g_strdup_printf (_("Note “%s” deleted"), excerpt);
  trellis_show_undo_toast (GTK_WIDGET (self), self->store, snapshot, message);
  trellis_notes_thread_reload (self);
}

static GtkWidget *
make_note_row (TrellisNotesThread *self,
               TrellisNote        *note,
               GDateTime          *now)
{
  TrellisEntity *entity = TRELLIS_ENTITY (note);
  const char *role = trellis_entity_get_text (entity, "author-role");
  const char *role_label = trellis_vocabulary_label (trellis_roles, role);
  const char *author = trellis_entity_get_text (entity, "author-name");
  const char *body = trellis_entity_get_text (entity, "body");
  gboolean student_voice = !trellis_role_is_staff (role);
  g_autofree char *when = trellis_format_timestamp (trellis_entity_get_created_at (entity));
  g_autofree char *byline = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author_label;
  GtkWidget *body_label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "note-row");
  gtk_widget_add_css_class (row, student_voice ? "student-voice" : "staff-voice");
  gtk_widget_add_css_class (row, role);

  /* Translators: the byline of a note: name · role · time */
  byline = g_strdup_printf (_("%s · %s · %s"), author, role_label, when);
  author_label = gtk_label_new (byline);
  gtk_label_set_xalign (GTK_LABEL (author_label), 0);
  gtk_label_set_wrap (GTK_LABEL (author_label), TRUE);
  gtk_widget_set_hexpand (author_label, TRUE);
  gtk_widget_add_css_class (author_label, "note-byline");
  gtk_widget_add_css_class (author_label, "caption-heading");
  gtk_box_append (GTK_BOX (header), author_label);

  if (!self->read_only && trellis_plan_workflow_can_edit_note (self->store, note, now, NULL))
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (edit, _("Correct This Note"));
      gtk_widget_set_tooltip_text (delete, _("Delete This Note"));
      trellis_accessible_set_label (GTK_WIDGET (edit), _("Correct this note"));
      trellis_accessible_set_label (GTK_WIDGET (delete), _("Delete this note"));
      g_object_set_data_full (G_OBJECT (edit), "note", g_object_ref (note), g_object_unref);
      g_object_set_data_full (G_OBJECT (delete), "note", g_object_ref (note), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
      gtk_box_append (GTK_BOX (header), edit);
      gtk_box_append (GTK_BOX (header), delete);
    }

  body_label = gtk_label_new (body);
  gtk_label_set_xalign (GTK_LABEL (body_label), 0);
  gtk_label_set_wrap (GTK_LABEL (body_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body_label), TRUE);
  gtk_widget_add_css_class (body_label, "note-body");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), body_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The role is said in words, not only by the colour of the row. */
  /* Translators: what a screen reader says for a note: role, name, time, then the text */
  accessible = g_strdup_printf (_("%s note by %s, %s: %s"), role_label, author, when, body);
  trellis_accessible_set_label (GTK_WIDGET (row), accessible);
  return row;
}

/* Callbacks */

static void
on_add_clicked (TrellisNotesThread *self)
{
  g_autofree char *text = trellis_text_view_dup_text (self->compose_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisNote) added = NULL;

  if (self->store == NULL || self->plan_id == 0)
    return;
  if (self->editing != NULL)
    {
      if (!trellis_plan_workflow_edit_note (self->store, self->editing, text, &error))
        {
          trellis_show_error_toast (GTK_WIDGET (self), error);
          return;
        }
    }
  else
    {
      added = trellis_plan_workflow_add_note (self->store, self->plan_id, self->goal_id, text, &error);
      if (added == NULL)
        {
          trellis_show_error_toast (GTK_WIDGET (self), error);
          return;
        }
    }
  stop_editing (self);
  trellis_notes_thread_reload (self);
  /* The Add button turns off with the box emptied: the focus stays where the next note goes. */
  gtk_widget_grab_focus (GTK_WIDGET (self->compose_view));
}

static void
on_cancel_clicked (TrellisNotesThread *self)
{
  stop_editing (self);
}

/* A note needs words: Add stays off while the box is empty. */
static void
on_compose_changed (TrellisNotesThread *self)
{
  g_autofree char *text = trellis_text_view_dup_text (self->compose_view);
  const char *name = self->store ? trellis_store_get_editor_name (self->store) : "";

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *g_strstrip (text) != '\0' && *name != '\0');
}

static void
on_editor_changed (TrellisNotesThread *self)
{
  update_compose (self);
  trellis_notes_thread_reload (self);
}

/* Overrides */

static void
trellis_notes_thread_dispose (GObject *object)
{
  TrellisNotesThread *self = TRELLIS_NOTES_THREAD (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->editing);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_NOTES_THREAD);
  /* the template's unnamed top box is not a bound child, so unparent it here */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_notes_thread_parent_class)->dispose (object);
}

static void
trellis_notes_thread_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisNotesThread *self = TRELLIS_NOTES_THREAD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->heading));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_notes_thread_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisNotesThread *self = TRELLIS_NOTES_THREAD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_text (self->heading, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          stop_editing (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_notes_thread_class_init (TrellisNotesThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_notes_thread_dispose;
  object_class->get_property = trellis_notes_thread_get_property;
  object_class->set_property = trellis_notes_thread_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-notes-thread.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, notes_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, compose_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, unsigned_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, compose_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, compose_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, add_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisNotesThread, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_notes_thread_init (TrellisNotesThread *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->compose_view), "changed",
                            G_CALLBACK (on_compose_changed), self);
  update_compose (self);
}

/* Public API */

/**
 * trellis_notes_thread_set_target:
 * @self: a notes thread
 * @store: (nullable): the store
 * @plan_id: the plan
 * @goal_id: a goal of the plan, or 0 for the notes on the whole plan
 *
 * Shows the notes of the plan or goal, newest last, and writes new ones there.
 */
void
trellis_notes_thread_set_target (TrellisNotesThread *self,
                                 TrellisStore       *store,
                                 gint64              plan_id,
                                 gint64              goal_id)
{
  g_return_if_fail (TRELLIS_IS_NOTES_THREAD (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          g_signal_connect_swapped (store, "notify::editor-name", G_CALLBACK (on_editor_changed), self);
          g_signal_connect_swapped (store, "notify::editor-role", G_CALLBACK (on_editor_changed), self);
        }
    }
  self->plan_id = plan_id;
  self->goal_id = goal_id;
  stop_editing (self);
  trellis_notes_thread_reload (self);
}

/**
 * trellis_notes_thread_reload:
 * @self: a notes thread
 *
 * Reads the notes again (after an Undo, or another program's change).
 */
void
trellis_notes_thread_reload (TrellisNotesThread *self)
{
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (TRELLIS_IS_NOTES_THREAD (self));

  trellis_list_box_remove_all (self->notes_list);
  if (self->store == NULL || self->plan_id == 0)
    return;

  if (self->goal_id != 0)
    notes = trellis_list_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_NOTE, "goal-id", self->goal_id);
  else
    notes = trellis_plan_workflow_list_plan_notes (self->store, self->plan_id, NULL);
  if (notes == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TrellisNote) note = g_list_model_get_item (notes, i);

      gtk_list_box_append (self->notes_list, make_note_row (self, note, now));
    }
}
