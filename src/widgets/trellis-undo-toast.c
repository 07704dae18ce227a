/* trellis-undo-toast.c — a deletion’s “Undo” toast, and Ctrl+Z: the store’s undo journal
 *
 * A deleted record goes into the store’s #TrellisUndoJournal; the toast’s Undo takes back that
 * deletion and no later step, while Ctrl+Z (trellis_undo_last()) takes back the newest step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-undo-toast"

#include <glib/gi18n.h>

#include "trellis-undo-journal.h"
#include "trellis-undo-toast.h"

typedef struct
{
  TrellisStore    *store;
  guint            step;     /* in the store’s undo journal */
  GtkWidget       *widget;   /* weak: where to report a failed Undo */
} UndoData;

/* An error stays long enough to be read twice, then lets the toasts after it show. */
#define ERROR_TIMEOUT_S 15

/* Helpers */

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  if (undo->store != NULL)
    g_signal_handlers_disconnect_by_data (trellis_store_get_undo_journal (undo->store), undo);
  g_clear_object (&undo->store);
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
  /* Every toast here has the normal priority and goes away by itself: libadwaita 1.2 aborts
   * or crashes when a toast is pushed back into the queue by a high-priority one, or dismissed
   * while it is still sliding in, so neither is done. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Takes back @step (0: the newest) and says what came back, or why nothing did. */
static void
undo_step (GtkWidget    *widget,
           TrellisStore *store,
           guint         step,
           gboolean      announce)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trellis_undo_journal_undo (trellis_store_get_undo_journal (store), store, step, &message, &error))
    {
      if (widget != NULL)
        trellis_show_error_toast (widget, error);
      return;
    }
  if (announce && widget != NULL)
    add_toast (widget, adw_toast_new (message));
}

/* Callbacks */

static void
on_step_gone (TrellisUndoJournal *journal,
              guint               step,
              UndoData           *undo)
{
  if (step != undo->step)
    return;
  /* Its Undo has nothing left to do; the toast goes when its time is up. */
  undo->step = 0;
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  guint step = undo->step;

  /* The overlay dismisses the toast itself after its button: the step is not watched now. */
  undo->step = 0;
  if (step != 0)
    undo_step (undo->widget, undo->store, step, FALSE);
}

/* Public API */

/**
 * trellis_show_undo_toast:
 * @widget: a widget inside an #AdwToastOverlay
 * @store: the store the record was deleted from
 * @snapshot: (transfer full): what trellis_store_delete() returned
 * @title: e.g. “Goal deleted”
 *
 * Puts @snapshot into the store’s undo journal (Ctrl+Z) and shows @title with an Undo button
 * that restores it.
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
  undo->step = trellis_undo_journal_push_deletion (trellis_store_get_undo_journal (store), snapshot);
  g_set_weak_pointer (&undo->widget, widget);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (trellis_store_get_undo_journal (store), "step-gone", G_CALLBACK (on_step_gone), undo);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_data_free, 0);
  add_toast (widget, toast);
}

/**
 * trellis_undo_last:
 * @widget: a widget inside an #AdwToastOverlay, or a window with one
 * @store: the store whose undo journal to use
 *
 * Ctrl+Z: takes back the newest deletion or stored edit, and says in a toast what came back
 * (or why nothing could).
 */
void
trellis_undo_last (GtkWidget    *widget,
                   TrellisStore *store)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TRELLIS_IS_STORE (store));

  undo_step (widget, store, 0, TRUE);
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
  adw_toast_set_timeout (toast, ERROR_TIMEOUT_S);
  add_toast (widget, toast);
}
