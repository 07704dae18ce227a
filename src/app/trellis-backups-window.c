/* trellis-backups-window.c — Main Menu ▸ Backups: the copies of a database, each restorable
 *
 * Lists the backups of one database, newest first, with when and why each was taken, its size
 * and how many students it holds. Restore asks first, saying what will be lost, then lets the
 * main window replace its database (trellis_window_restore_backup()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-backups-window"

#include <glib/gi18n.h>

#include "trellis-backup.h"
#include "trellis-backups-window.h"
#include "trellis-widget-utils.h"

struct _TrellisBackupsWindow
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;

  TrellisWindow       *window;      /* weak: the window owns this dialog */
  char                *database_path;
  GListModel          *backups;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TrellisBackupsWindow, trellis_backups_window, ADW_TYPE_WINDOW)

/* Helpers */

static char *
describe_backup (TrellisBackup *backup)
{
  g_autofree char *size = g_format_size (trellis_backup_get_size (backup));
  gint64 n_students = trellis_backup_get_n_students (backup);
  g_autofree char *students = n_students < 0
    ? g_strdup (_("cannot be read"))
    : g_strdup_printf (ngettext ("%d student", "%d students", (gulong) n_students), (int) n_students);

  /* Translators: why · size · students, e.g. “Daily · 2.1 MB · 120 students” */
  return g_strdup_printf (_("%s · %s · %s"), trellis_backup_reason_to_string (trellis_backup_get_reason (backup)),
                          size, students);
}

/* Callbacks */

static gboolean
on_close_idle (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(TrellisBackup) backup = user_data;
  TrellisBackupsWindow *self = g_object_get_data (G_OBJECT (dialog), "backups-window");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore") || self->window == NULL)
    return;
  if (!trellis_window_restore_backup (self->window, self->database_path,
                                      trellis_backup_get_path (backup), &error))
    {
      AdwMessageDialog *message;

      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Backup Was Not Restored"),
                                                            error->message));
      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  /* Not while the question (transient for this window) is still answering. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, on_close_idle, g_object_ref (self), g_object_unref);
}

static void
on_restore_clicked (GtkButton            *button,
                    TrellisBackupsWindow *self)
{
  TrellisBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autofree char *when = trellis_format_date_time (trellis_backup_get_time (backup));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a date and time, e.g. “7 Dec 2026 08:10” */
  heading = g_strdup_printf (_("Restore the Backup of %s?"), when);
  /* Translators: %s is the backup's date and time */
  body = g_strdup_printf (_("Changes made since %s will be lost. The current database is backed up "
                            "first, so you can come back to it from this list."), when);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "backups-window", self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), g_object_ref (backup));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_rows (TrellisBackupsWindow *self)
{
  guint n = g_list_model_get_n_items (self->backups);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Trellis makes one the first time it opens the database each day, "
                                     "and one before every import, restore and upgrade."));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisBackup) backup = g_list_model_get_item (self->backups, i);
      g_autofree char *when = trellis_format_date_time (trellis_backup_get_time (backup));
      g_autofree char *details = describe_backup (backup);
      /* Translators: the accessible name of a Restore button; %s is a date and time */
      g_autofree char *name = g_strdup_printf (_("Restore the backup of %s"), when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, trellis_backup_get_n_students (backup) >= 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "backup", g_object_ref (backup), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Overrides */

static void
trellis_backups_window_dispose (GObject *object)
{
  TrellisBackupsWindow *self = TRELLIS_BACKUPS_WINDOW (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (trellis_backups_window_parent_class)->dispose (object);
}

static void
trellis_backups_window_finalize (GObject *object)
{
  TrellisBackupsWindow *self = TRELLIS_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->backups);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_backups_window_parent_class)->finalize (object);
}

static void
trellis_backups_window_class_init (TrellisBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_backups_window_dispose;
  object_class->finalize = trellis_backups_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsWindow, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_backups_window_init (TrellisBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* Public API */

/**
 * trellis_backups_window_new:
 * @window: the main window, which restores
 * @database_path: the database whose backups are listed
 *
 * Returns: (transfer floating): the dialog, transient for @window
 */
TrellisBackupsWindow *
trellis_backups_window_new (TrellisWindow *window,
                            const char    *database_path)
{
  TrellisBackupsWindow *self;
  g_autofree char *folder = trellis_backup_dup_folder ();
  g_autofree char *name = g_filename_display_basename (database_path);
  g_autofree char *description = NULL;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_BACKUPS_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->database_path = g_strdup (database_path);
  self->backups = trellis_backup_list (database_path);

  /* Translators: %s names the database, then %s the folder and %d how many days / weeks */
  description = g_strdup_printf (_("Backups of “%s”, kept in %s: one for each of the last %d days, "
                                   "one for each of %d weeks before, and the last few before imports, "
                                   "restores and upgrades."),
                                 name, folder, TRELLIS_BACKUP_KEEP_DAILY, TRELLIS_BACKUP_KEEP_WEEKLY);
  adw_preferences_group_set_description (self->group, description);
  add_rows (self);
  return self;
}
