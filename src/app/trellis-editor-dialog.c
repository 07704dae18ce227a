/* trellis-editor-dialog.c — asks who is using Trellis on this machine: name and role
 *
 * The answer goes to TrellisSettings; the window passes it to the store, which signs every
 * history row and note with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-editor-dialog"

#include <glib/gi18n.h>

#include "trellis-editor-dialog.h"
#include "trellis-settings.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisEditorDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *name_entry;
  GtkDropDown      *role_dropdown;
};

G_DEFINE_FINAL_TYPE (TrellisEditorDialog, trellis_editor_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Callbacks */

static void
on_name_changed (TrellisEditorDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue", *name != '\0');
}

/* Overrides */

static void
trellis_editor_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  TrellisEditorDialog *self = TRELLIS_EDITOR_DIALOG (dialog);

  if (g_strcmp0 (response, "continue") == 0)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
      guint role = gtk_drop_down_get_selected (self->role_dropdown);

      trellis_settings_set_editor (trellis_settings_get_default (), name, trellis_roles[role]);
    }
  else if (*trellis_settings_get_editor_name (trellis_settings_get_default ()) == '\0')
    {
      /* Nobody named yet: Trellis does not open anonymously, every change is signed. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;

      if (app != NULL)
        g_application_quit (G_APPLICATION (app));
    }

  /* AdwMessageDialog has no default handler in 1.2; chain up should one appear. */
  if (ADW_MESSAGE_DIALOG_CLASS (trellis_editor_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (trellis_editor_dialog_parent_class)->response (dialog, response);
}

static void
trellis_editor_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_EDITOR_DIALOG);

  G_OBJECT_CLASS (trellis_editor_dialog_parent_class)->dispose (object);
}

static void
trellis_editor_dialog_class_init (TrellisEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = trellis_editor_dialog_dispose;
  dialog_class->response = trellis_editor_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-editor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisEditorDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisEditorDialog, role_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
trellis_editor_dialog_init (TrellisEditorDialog *self)
{
  TrellisSettings *settings = trellis_settings_get_default ();
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  const char *current_role = trellis_settings_get_editor_role (settings);

  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_widget_name_drop_downs (GTK_WIDGET (self));

  for (guint i = 0; trellis_roles[i] != NULL; i++)
    gtk_string_list_append (roles, trellis_vocabulary_label (trellis_roles, trellis_roles[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  for (guint i = 0; trellis_roles[i] != NULL; i++)
    if (g_strcmp0 (trellis_roles[i], current_role) == 0)
      gtk_drop_down_set_selected (self->role_dropdown, i);
  on_name_changed (self);
  if (*trellis_settings_get_editor_name (settings) == '\0')
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "cancel", _("_Quit"));
}

/* Public API */

/**
 * trellis_editor_dialog_new:
 * @parent: the window it belongs to
 *
 * Returns: (transfer floating): the dialog; answering “continue” updates TrellisSettings
 */
GtkWidget *
trellis_editor_dialog_new (GtkWindow *parent)
{
  return g_object_new (TRELLIS_TYPE_EDITOR_DIALOG, "transient-for", parent, NULL);
}
