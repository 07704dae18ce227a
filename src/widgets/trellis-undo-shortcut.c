/* trellis-undo-shortcut.c — Ctrl+Z wherever focus is: the text being typed, or the journal
 *
 * A text field keeps its own Ctrl+Z while the person is typing in it: it changed since it took
 * focus, and nothing was deleted since. Anywhere else (a button, a list, or a field that was
 * only passed through or was emptied by the app after a goal was added) Ctrl+Z activates the
 * window’s undo action, which takes back the newest step of the store’s undo journal. The
 * shortcut is caught in the capture phase, before the focused widget sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-undo-shortcut"

#include "trellis-undo-journal.h"
#include "trellis-undo-shortcut.h"

struct _TrellisUndoShortcut
{
  GObject       parent_instance;

  GtkWindow    *window;         /* weak */
  GtkEventController *controller;
  char         *action;
  TrellisStore *store;
  GObject      *watched;        /* weak: the focused text, or a text view’s buffer */
  gulong        changed_id;
  gboolean      typed;          /* the focused text changed since it took focus … */
  guint         typed_after;    /* … when this was the newest deletion */
};

G_DEFINE_FINAL_TYPE (TrellisUndoShortcut, trellis_undo_shortcut, G_TYPE_OBJECT)

/* Helpers */

static guint
last_deletion (TrellisUndoShortcut *self)
{
  return self->store != NULL
           ? trellis_undo_journal_get_last_deletion (trellis_store_get_undo_journal (self->store))
           : 0;
}

static void
stop_watching (TrellisUndoShortcut *self)
{
  if (self->watched != NULL)
    g_signal_handler_disconnect (self->watched, self->changed_id);
  self->changed_id = 0;
  g_clear_weak_pointer (&self->watched);
  self->typed = FALSE;
}

/* Callbacks */

static void
on_text_changed (TrellisUndoShortcut *self)
{
  self->typed = TRUE;
  self->typed_after = last_deletion (self);
}

static void
on_focus_changed (TrellisUndoShortcut *self)
{
  GtkWidget *focus = self->window != NULL ? gtk_root_get_focus (GTK_ROOT (self->window)) : NULL;
  GObject *watched = NULL;

  stop_watching (self);
  if (GTK_IS_TEXT (focus))
    watched = G_OBJECT (focus);
  else if (GTK_IS_TEXT_VIEW (focus))
    watched = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)));
  if (watched == NULL)
    return;
  g_set_weak_pointer (&self->watched, watched);
  self->changed_id = g_signal_connect_swapped (watched, "changed", G_CALLBACK (on_text_changed), self);
}

static gboolean
on_undo_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  TrellisUndoShortcut *self = user_data;

  /* Typing here, and nothing deleted since: the field takes back its own letters. */
  if (self->typed && self->watched != NULL && last_deletion (self) <= self->typed_after)
    return FALSE;
  return gtk_widget_activate_action (widget, self->action, NULL);
}

/* Overrides */

static void
trellis_undo_shortcut_dispose (GObject *object)
{
  TrellisUndoShortcut *self = TRELLIS_UNDO_SHORTCUT (object);

  stop_watching (self);
  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      gtk_widget_remove_controller (GTK_WIDGET (self->window), self->controller);
    }
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_undo_shortcut_parent_class)->dispose (object);
}

static void
trellis_undo_shortcut_finalize (GObject *object)
{
  g_free (TRELLIS_UNDO_SHORTCUT (object)->action);

  G_OBJECT_CLASS (trellis_undo_shortcut_parent_class)->finalize (object);
}

static void
trellis_undo_shortcut_class_init (TrellisUndoShortcutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_undo_shortcut_dispose;
  object_class->finalize = trellis_undo_shortcut_finalize;
}

static void
trellis_undo_shortcut_init (TrellisUndoShortcut *self)
{
}

/* Public API */

/**
 * trellis_undo_shortcut_new:
 * @window: the window whose Ctrl+Z this is
 * @action: the action that undoes the journal’s newest step, e.g. “win.undo”
 *
 * Returns: (transfer full): the shortcut, working until it is disposed
 */
TrellisUndoShortcut *
trellis_undo_shortcut_new (GtkWindow  *window,
                           const char *action)
{
  TrellisUndoShortcut *self;
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_UNDO_SHORTCUT, NULL);
  g_set_weak_pointer (&self->window, window);
  self->action = g_strdup (action);

  controller = self->controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "trellis-undo");
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                               gtk_callback_action_new (on_undo_shortcut, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  g_signal_connect_swapped (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), self);
  return self;
}

/**
 * trellis_undo_shortcut_set_store:
 * @self: a shortcut
 * @store: (nullable): the window’s store, whose journal Ctrl+Z takes back
 */
void
trellis_undo_shortcut_set_store (TrellisUndoShortcut *self,
                                 TrellisStore        *store)
{
  g_return_if_fail (TRELLIS_IS_UNDO_SHORTCUT (self));

  g_set_object (&self->store, store);
}
