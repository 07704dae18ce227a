/* trellis-conflict-dialog.c — asks which texts to keep when a save met another editor's
 *
 * For editors without room for a conflict banner (the goal editor, guardian rows, framework
 * rows): shows both texts of every field in conflict and asks “Keep Mine” or “Use Theirs”.
 * The caller keeps the stored texts in place until the answer, so nothing is overwritten
 * unasked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-conflict-dialog"

#include <glib/gi18n.h>

#include "trellis-conflict-dialog.h"

typedef struct {
  GPtrArray               *conflicts;
  TrellisConflictResolved  resolved;
  GObject                 *owner;   /* weak */
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_clear_pointer (&pending->conflicts, g_ptr_array_unref);
  g_clear_weak_pointer (&pending->owner);
  g_free (pending);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  if (pending->owner != NULL)
    pending->resolved (pending->owner, pending->conflicts, g_strcmp0 (response, "keep-mine") == 0);
}

/**
 * trellis_conflict_dialog_present:
 * @parent: a widget of the window to show the dialog over
 * @entity: the record whose save met a conflict
 * @conflicts: (element-type TrellisConflict): what trellis_store_save_full() reported
 * @resolved: (scope async): called with the choice; it stores or drops this editor’s texts
 * @owner: passed to @resolved, which is not called once @owner is gone
 *
 * Asks which texts to keep. Escape keeps theirs: what is stored stays.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
trellis_conflict_dialog_present (GtkWidget               *parent,
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

  pending->conflicts = g_ptr_array_ref (conflicts);
  pending->resolved = resolved;
  g_set_weak_pointer (&pending->owner, owner);

  for (guint i = 0; i < conflicts->len; i++)
    {
      TrellisConflict *conflict = conflicts->pdata[i];

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
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
