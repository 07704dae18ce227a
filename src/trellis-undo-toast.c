/* trellis-undo-toast.c — deleting asks nothing; an “Undo” toast puts the record back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-undo-toast"

#include <glib/gi18n.h>

#include "trellis-undo-toast.h"

typedef struct
{
  TrellisStore    *store;
  TrellisSnapshot *snapshot;
  GtkWidget       *widget;   /* weak: where to report a failed Undo */
} UndoData;

/* Helpers */

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->snapshot, trellis_snapshot_free);
  g_clear_weak_pointer (&undo->widget);
  g_free (undo);
}

/* A window holds its toast overlay inside. */
static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_TOAST_OVERLAY (child) ? child : find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL && GTK_IS_WINDOW (widget))
    overlay = find_overlay_below (widget);

  if (overlay == NULL)
    {
      g_warning ("No toast overlay above %s: “%s” is not shown",
                 G_OBJECT_TYPE_NAME (widget), adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Callbacks */

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->snapshot == NULL)
    return;
  if (!trellis_store_restore (undo->store, undo->snapshot, &error) && undo->widget != NULL)
    trellis_show_error_toast (undo->widget, error);
  g_clear_pointer (&undo->snapshot, trellis_snapshot_free);
}

/* Public API */

/**
 * trellis_show_undo_toast:
 * @widget: a widget inside an #AdwToastOverlay
 * @store: the store the record was deleted from
 * @snapshot: (transfer full): what trellis_store_delete() returned
 * @title: e.g. “Goal deleted”
 *
 * Shows @title with an Undo button that restores @snapshot.
 */
void
trellis_show_undo_toast (GtkWidget       *widget,
                         TrellisStore    *store,
                         TrellisSnapshot *snapshot,
                         const char      *title)
{
  AdwToast *toast;
  UndoData *undo;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TRELLIS_IS_STORE (store));
  g_return_if_fail (snapshot != NULL);

  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (store);
  undo->snapshot = snapshot;
  g_set_weak_pointer (&undo->widget, widget);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_data_free, 0);
  add_toast (widget, toast);
}

/**
 * trellis_show_error_toast:
 * @widget: a widget inside an #AdwToastOverlay, or a window with one
 * @error: what went wrong; its message is already a full sentence
 */
void
trellis_show_error_toast (GtkWidget    *widget,
                          const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  add_toast (widget, toast);
}
