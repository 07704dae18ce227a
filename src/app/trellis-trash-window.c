/* trellis-trash-window.c — Main Menu ▸ Trash: what was deleted, restorable for 30 days
 *
 * Lists the deleted students, plans and goals of the open database, the latest first, with
 * who deleted each and when, and when it goes for good. Restore puts one back with everything
 * under it; Empty Trash asks first, then makes every deletion final (the store removes the
 * history that names them too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-trash-window"

#include <glib/gi18n.h>

#include "trellis-backup.h"
#include "trellis-trash-item.h"
#include "trellis-trash-window.h"
#include "trellis-widget-utils.h"

struct _TrellisTrashWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *group;
  GtkWidget           *empty_button;

  TrellisStore        *store;
  GListModel          *items;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TrellisTrashWindow, trellis_trash_window, ADW_TYPE_WINDOW)

/* Helpers */

/* e.g. “Goal “Read 20 books” of Lan Nguyễn” */
static char *
dup_title (TrellisTrashItem *item)
{
  const char *student = trellis_trash_item_get_student_name (item);

  if (student != NULL)
    /* Translators: a deleted record, its name and its student, e.g. “Goal “Read 20 books” of Lan Nguyễn” */
    return g_strdup_printf (_("%s “%s” of %s"), trellis_trash_item_get_kind_label (item),
                            trellis_trash_item_get_name (item), student);
  /* Translators: a deleted record and its name, e.g. “Student “Lan Nguyễn”” */
  return g_strdup_printf (_("%s “%s”"), trellis_trash_item_get_kind_label (item),
                          trellis_trash_item_get_name (item));
}

static char *
dup_details (TrellisTrashItem *item)
{
  g_autofree char *deleted = trellis_format_date_time (trellis_trash_item_get_deleted_at (item));
  g_autofree char *expires = trellis_format_date_time (trellis_trash_item_get_expires_at (item));
  guint n_below = trellis_trash_item_get_n_records (item) - 1;
  g_autofree char *below = g_strdup_printf (ngettext ("%u record under it", "%u records under it", n_below),
                                            n_below);

  /* Translators: who deleted it, when, what went with it and when it goes for good, e.g.
   * “Deleted by Ms. Ruiz on 7 Dec 2026 08:10 · 5 records under it · gone for good on 6 Jan 2027 08:10” */
  return g_strdup_printf (_("Deleted by %s on %s · %s · gone for good on %s"),
                          trellis_trash_item_get_deleted_by (item), deleted, below, expires);
}

static void
show_error (TrellisTrashWindow *self,
            const char         *heading,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void rebuild (TrellisTrashWindow *self);

/* Callbacks */

static void
on_restore_clicked (GtkButton          *button,
                    TrellisTrashWindow *self)
{
  TrellisTrashItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autofree char *title = dup_title (item);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!trellis_store_restore_from_trash (self->store, trellis_trash_item_get_id (item), &error))
    {
      show_error (self, _("Nothing Was Restored"), error);
      rebuild (self);
      return;
    }
  /* Translators: %s is what was restored, e.g. “Goal “Read 20 books” of Lan Nguyễn” */
  message = g_strdup_printf (_("%s restored"), title);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  rebuild (self);
}

static void
on_empty_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   TrellisTrashWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "empty"))
    return;
  if (!trellis_store_empty_trash (self->store, &error))
    show_error (self, _("The Trash Was Not Emptied"), error);
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The trash is empty")));
  rebuild (self);
}

static void
on_empty_clicked (GtkButton          *button,
                  TrellisTrashWindow *self)
{
  guint n = g_list_model_get_n_items (self->items);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %u is how many deleted records, %d how many weeks backups are kept */
  body = g_strdup_printf (ngettext ("%1$u deleted record and the history that names it go for good. "
                                    "Backups taken before now still hold it, for up to %2$d weeks.",
                                    "%1$u deleted records and the history that names them go for good. "
                                    "Backups taken before now still hold them, for up to %2$d weeks.", n),
                          n, TRELLIS_BACKUP_KEEP_WEEKLY + 1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Empty the Trash?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "empty", _("_Empty Trash"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_empty_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_row (TrellisTrashWindow *self,
         GtkWidget          *row)
{
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
rebuild (TrellisTrashWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean writable = !trellis_store_is_read_only (self->store);
  guint n;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->items);

  self->items = trellis_store_list_trash (self->store, &error);
  if (self->items == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      self->items = G_LIST_MODEL (g_list_store_new (TRELLIS_TYPE_TRASH_ITEM));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The trash cannot be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      add_row (self, row);
    }
  n = g_list_model_get_n_items (self->items);
  gtk_widget_set_sensitive (self->empty_button, writable && n > 0);
  if (n == 0 && error == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle =
        g_strdup_printf (ngettext ("A deleted student, plan or goal waits here for %d day before it "
                                   "is gone for good.",
                                   "A deleted student, plan or goal waits here for %d days before it "
                                   "is gone for good.", TRELLIS_TRASH_KEEP_DAYS),
                         TRELLIS_TRASH_KEEP_DAYS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The trash is empty"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_row (self, row);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisTrashItem) item = g_list_model_get_item (self->items, i);
      g_autofree char *title = dup_title (item);
      g_autofree char *details = dup_details (item);
      /* Translators: the accessible name of a Restore button; %s is what it restores */
      g_autofree char *name = g_strdup_printf (_("Restore %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, row);
      /* The keyboard starts at the newest deletion’s Restore, not at Empty Trash. */
      if (i == 0 && writable)
        gtk_window_set_focus (GTK_WINDOW (self), button);
    }
}

/* Overrides */

static void
trellis_trash_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_TRASH_WINDOW);

  G_OBJECT_CLASS (trellis_trash_window_parent_class)->dispose (object);
}

static void
trellis_trash_window_finalize (GObject *object)
{
  TrellisTrashWindow *self = TRELLIS_TRASH_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_trash_window_parent_class)->finalize (object);
}

static void
trellis_trash_window_class_init (TrellisTrashWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_trash_window_dispose;
  object_class->finalize = trellis_trash_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-trash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisTrashWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, TrellisTrashWindow, group);
  gtk_widget_class_bind_template_child (widget_class, TrellisTrashWindow, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_trash_window_init (TrellisTrashWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* Public API */

/**
 * trellis_trash_window_new:
 * @parent: the main window
 * @store: its database
 *
 * Returns: (transfer floating): the dialog, transient for @parent
 */
TrellisTrashWindow *
trellis_trash_window_new (GtkWindow    *parent,
                          TrellisStore *store)
{
  TrellisTrashWindow *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  self = g_object_new (TRELLIS_TYPE_TRASH_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  description = g_strdup_printf (ngettext ("Each waits %d day after its deletion, restorable with "
                                           "everything under it, then is gone for good.",
                                           "Each waits %d days after its deletion, restorable with "
                                           "everything under it, then is gone for good.",
                                           TRELLIS_TRASH_KEEP_DAYS),
                                 TRELLIS_TRASH_KEEP_DAYS);
  adw_preferences_group_set_description (self->group, description);
  rebuild (self);
  return self;
}
