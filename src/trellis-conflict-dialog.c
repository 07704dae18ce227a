/* trellis-conflict-dialog.c — asks which texts to keep when a save met another editor's
 *
 * For editors that write their record directly (the goal editor and its steps and evidence):
 * when trellis_store_save_full() reports a conflict, the conflicting fields go back to the
 * stored texts at once, so that no later save can overwrite them unasked, and this dialog
 * shows both texts. “Keep Mine” stores this editor's texts; “Use Theirs” keeps the stored ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-conflict-dialog"

#include <glib/gi18n.h>

#include "trellis-conflict-dialog.h"
#include "trellis-undo-toast.h"

typedef struct {
  TrellisStore            *store;
  TrellisEntity           *entity;
  GPtrArray               *conflicts;
  TrellisConflictResolved  resolved;
  GObject                 *owner;   /* weak */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->store);
  g_clear_object (&pending->entity);
  g_clear_pointer (&pending->conflicts, g_ptr_array_unref);
  g_clear_weak_pointer (&pending->owner);
  g_free (pending);
}

static void
pending_free_closure (gpointer  data,
                      GClosure *closure)
{
  pending_free (data);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  if (g_strcmp0 (response, "keep-mine") == 0)
    {
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < pending->conflicts->len; i++)
        {
          TrellisConflict *conflict = pending->conflicts->pdata[i];

          trellis_entity_set_field_string (pending->entity, conflict->field, conflict->mine, NULL);
        }
      if (!trellis_store_save (pending->store, pending->entity, &error))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

          if (parent != NULL)
            trellis_show_error_toast (GTK_WIDGET (parent), error);
        }
    }
  if (pending->resolved != NULL && pending->owner != NULL)
    pending->resolved (pending->owner);
}

/**
 * trellis_conflict_dialog_present:
 * @parent: a widget of the window to show the dialog over
 * @store: the store @entity was saved to
 * @entity: the record whose save met a conflict
 * @conflicts: (element-type TrellisConflict): what trellis_store_save_full() reported
 * @resolved: (scope async) (nullable): called after the choice, to show the record again
 * @owner: (nullable): passed to @resolved, which is not called once @owner is gone
 *
 * Puts the stored texts into @entity’s conflicting fields now, and asks.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
trellis_conflict_dialog_present (GtkWidget               *parent,
                                 TrellisStore            *store,
                                 TrellisEntity           *entity,
                                 GPtrArray               *conflicts,
                                 TrellisConflictResolved  resolved,
                                 gpointer                 owner)
{
  TrellisConflict *first = conflicts->pdata[0];
  const char *author = first->their_author[0] != '\0' ? first->their_author : _("Someone else");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog;

  pending->store = g_object_ref (store);
  pending->entity = g_object_ref (entity);
  pending->conflicts = g_ptr_array_ref (conflicts);
  pending->resolved = resolved;
  g_set_weak_pointer (&pending->owner, owner);

  for (guint i = 0; i < conflicts->len; i++)
    {
      TrellisConflict *conflict = conflicts->pdata[i];

      trellis_entity_set_field_string (entity, conflict->field, conflict->theirs, NULL);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: one field in conflict: its name, this person's text, the other's */
      g_string_append_printf (body, _("%s\nYours: “%s”\nTheirs: “%s”"), _(conflict->field->label),
                              conflict->mine, conflict->theirs);
    }

  /* Translators: “Mr. Okafor changed this goal while you were editing it” */
  heading = g_strdup_printf (_("%s changed this %s while you were editing it"), author,
                             _(TRELLIS_ENTITY_GET_CLASS (entity)->label));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "use-theirs", _("_Use Theirs"),
                                    "keep-mine", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-mine",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-mine");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "use-theirs");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), pending,
                         pending_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
