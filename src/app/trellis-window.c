/* trellis-window.c — the main window: the student list beside the selected student
 *
 * The window owns the open database. Its actions (files, students, who is editing) live in
 * trellis-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-window"

#include <glib/gi18n.h>

#include "trellis-autosave.h"
#include "trellis-backup.h"
#include "trellis-backups-window.h"
#include "trellis-error.h"
#include "trellis-settings.h"
#include "trellis-vocabulary.h"
#include "trellis-window-private.h"

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static void
update_titles (TrellisWindow *self)
{
  g_autofree char *school = NULL;
  g_autofree char *file = NULL;
  const char *title;

  if (self->store != NULL)
    {
      school = trellis_store_dup_setting (self->store, "school-name");
      file = g_filename_display_basename (trellis_store_get_path (self->store));
    }
  title = school != NULL && *school != '\0' ? school : _("Trellis");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, file);
  adw_window_title_set_title (self->empty_window_title, title);
  adw_window_title_set_subtitle (self->empty_window_title, file);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_empty (TrellisWindow *self)
{
  gboolean empty = trellis_student_list_get_n_students (self->student_list) == 0;

  /* A refused file is explained, never shown as an empty school. */
  if (self->store == NULL && self->refused_path != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "refused");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "students");
}

/* How long a write waits for another program before the window says so. */
#define WAITING_BANNER_DELAY_US (5 * G_USEC_PER_SEC)

/* Says when a write waits (after 5 s for a busy database, at once for a full disk), when the
 * open file is read-only, or readable by others and not ours to make private. */
static void
update_banner (TrellisWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  TrellisError reason = TRELLIS_ERROR_FAILED;
  gint64 since = 0;
  gboolean waiting = self->store != NULL && trellis_store_get_waiting (self->store, &reason, &since);

  if (self->store != NULL)
    name = g_filename_display_basename (trellis_store_get_path (self->store));
  if (waiting && reason == TRELLIS_ERROR_NO_SPACE)
    title = g_strdup (_("The disk is full. Your changes are kept in this window and saved as soon "
                        "as there is space again: free some space on the disk."));
  else if (waiting && g_get_monotonic_time () - since >= WAITING_BANNER_DELAY_US)
    title = g_strdup_printf (_("Another program is writing to “%s”. Your changes are kept in this "
                               "window and saved as soon as it is done."), name);
  else if (self->store != NULL && trellis_store_is_read_only (self->store))
    title = g_strdup_printf (_("“%s” is open read-only: its file or folder cannot be changed. You can "
                               "read, export and print, but not edit."), name);
  else if (self->store != NULL && trellis_store_is_exposed (self->store))
    title = g_strdup_printf (_("Other users of this computer can read “%s”, and it belongs to someone "
                               "else, so Trellis cannot make it private. Ask its owner to restrict it."),
                             name);
  trellis_banner_set_title (self->banner, title);
  trellis_banner_set_revealed (self->banner, title != NULL);
}

/* Once a second while a write waits: the banner comes after 5 s, and a database that the
 * other program let go ends the wait even if nothing here is left to retry. */
static gboolean
on_waiting_tick (gpointer user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);
  TrellisError reason;

  if (self->store == NULL || !trellis_store_get_waiting (self->store, &reason, NULL))
    {
      self->waiting_id = 0;
      update_banner (self);
      return G_SOURCE_REMOVE;
    }
  if (reason == TRELLIS_ERROR_BUSY)
    trellis_store_try_write_lock (self->store);
  update_banner (self);
  return G_SOURCE_CONTINUE;
}

static void
on_store_waiting (TrellisWindow *self)
{
  update_banner (self);
  if (self->waiting_id == 0 && trellis_store_get_waiting (self->store, NULL, NULL))
    self->waiting_id = g_timeout_add_seconds (1, on_waiting_tick, self);
}

static gboolean
on_reload_idle (gpointer user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);

  self->reload_id = 0;
  trellis_student_list_reload (self->student_list);
  adw_view_switcher_title_set_title (self->switcher_title, trellis_student_list_get_selected_name (self->student_list));
  trellis_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an import, typing in a goal) become one reload. */
static void
queue_reload (TrellisWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_reload_idle, self, NULL);
}

/* Callbacks */

static void
on_banner_button_clicked (TrellisWindow *self)
{
  trellis_banner_set_revealed (self->banner, FALSE);
}

/* The bottom switcher shows when the title has no room for the switcher, if a student is. */
static void
update_switcher_bar (TrellisWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                                    adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title));
}

static void
on_store_changed (TrellisStore       *store,
                  const char         *table,
                  const char         *uuid,
                  TrellisStoreChange  kind,
                  TrellisWindow      *self)
{
  if (g_strcmp0 (table, "setting") == 0)
    {
      update_titles (self);
      return;
    }
  /* Only what a list row shows (names, grade, homeroom, plan status) needs a reload. */
  if (table == NULL || g_str_equal (table, "student") || g_str_equal (table, "plan"))
    queue_reload (self);
}

static void
on_store_external_change (TrellisStore  *store,
                          TrellisWindow *self)
{
  update_titles (self);
  queue_reload (self);
}

static void
on_student_list_selected (TrellisWindow *self)
{
  gint64 id = trellis_student_list_get_selected_id (self->student_list);

  g_object_set (self->student_view, "student-id", id, NULL);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, id != 0);
  adw_view_switcher_title_set_title (self->switcher_title, trellis_student_list_get_selected_name (self->student_list));
  update_switcher_bar (self);
  gtk_widget_set_visible (self->student_menu_button, id != 0);
  trellis_window_update_actions (self);
  if (id != 0 && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_student_list_n_students (TrellisWindow *self)
{
  update_empty (self);
}

static void
on_student_list_activated (TrellisWindow *self)
{
  /* Enter (or a click) on a student goes on into their page, with the keyboard. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  trellis_student_view_focus_page (self->student_view);
}

/* A window made narrow keeps showing the student it showed, rather than the list. */
static void
on_leaflet_folded (TrellisWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && trellis_student_list_get_selected_id (self->student_list) != 0)
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->student_view)));
}

/* In a narrow window, going back to the list leaves no student chosen, so that tapping the
 * same student again shows them. */
static void
on_leaflet_visible_child (TrellisWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_is_ancestor (GTK_WIDGET (self->student_list), adw_leaflet_get_visible_child (self->leaflet)))
    trellis_student_list_select_id (self->student_list, 0);
}

static void
on_settings_editor_changed (TrellisWindow *self)
{
  trellis_window_update_editor (self);
}

/* Overrides */

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisSettings *settings = trellis_settings_get_default ();
  int width, height;

  /* Closing never loses an edit still waiting for the typing pause. */
  trellis_autosave_flush_all ();

  gtk_window_get_default_size (window, &width, &height);
  g_object_set (settings,
                "window-width", width,
                "window-height", height,
                "window-maximized", gtk_window_is_maximized (window),
                NULL);

  return GTK_WINDOW_CLASS (trellis_window_parent_class)->close_request (window);
}

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  g_cancellable_cancel (self->sample_cancellable);
  g_clear_object (&self->sample_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->waiting_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->undo_shortcut);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->refused_path, g_free);
  g_clear_pointer (&self->opening_path, g_free);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_window_dispose;
  window_class->close_request = trellis_window_close_request;

  g_type_ensure (TRELLIS_TYPE_BANNER);
  g_type_ensure (TRELLIS_TYPE_STUDENT_LIST);
  g_type_ensure (TRELLIS_TYPE_STUDENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, empty_window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, student_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, student_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, editor_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, empty_editor_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, student_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sample_progress);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, refused_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_student_list_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_student_list_n_students);
  gtk_widget_class_bind_template_callback (widget_class, on_student_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);

  trellis_window_install_actions (widget_class);
}

static void
trellis_window_init (TrellisWindow *self)
{
  TrellisSettings *settings = trellis_settings_get_default ();
  AdwViewStack *stack;
  int width, height;
  gboolean maximized;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo_shortcut = trellis_undo_shortcut_new (GTK_WINDOW (self), "win.undo");

  stack = trellis_student_view_get_stack (self->student_view);
  adw_view_switcher_title_set_stack (self->switcher_title, stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, stack);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_switcher_bar (self);
  gtk_widget_set_visible (self->student_menu_button, FALSE);

  g_object_get (settings, "window-width", &width, "window-height", &height,
                "window-maximized", &maximized, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (settings, "notify::editor-name", G_CALLBACK (on_settings_editor_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::editor-role", G_CALLBACK (on_settings_editor_changed),
                           self, G_CONNECT_SWAPPED);
  trellis_window_update_editor (self);
  update_titles (self);
  update_empty (self);
  trellis_window_update_actions (self);
}

/* Private API */

/*
 * Makes @store the window’s database: the list, the student view and the title follow it.
 */
static void
set_store (TrellisWindow *self,
           TrellisStore  *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  trellis_undo_shortcut_set_store (self->undo_shortcut, store);

  g_clear_pointer (&self->refused_path, g_free);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect (store, "external-change", G_CALLBACK (on_store_external_change), self);
  g_signal_connect_swapped (store, "notify::waiting", G_CALLBACK (on_store_waiting), self);
  trellis_window_update_editor (self);

  g_object_set (self->student_view, "student-id", (gint64) 0, "store", store, NULL);
  trellis_student_list_set_store (self->student_list, store);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_titles (self);
  update_empty (self);
  update_banner (self);
  trellis_window_update_actions (self);
}

static void
on_refused_dialog_response (AdwMessageDialog *dialog,
                            const char       *response,
                            TrellisWindow    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "database-path");

  if (g_str_equal (response, "backups"))
    gtk_window_present (GTK_WINDOW (trellis_backups_window_new (self, path)));
}

/* Shows @store, or explains @error naming @path and keeps the database the window had. */
static gboolean
adopt_store (TrellisWindow *self,
             const char    *path,
             TrellisStore  *store,
             const GError  *error)
{
  if (store == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      if (self->store != NULL)
        {
          g_autofree char *current = g_filename_display_basename (trellis_store_get_path (self->store));
          /* Translators: the first %s says why, the second names the database still open */
          body = g_strdup_printf (_("%s\n\nTrellis keeps working with “%s”."), error->message, current);
        }
      else
        body = g_strdup (error->message);

      /* Nothing to fall back on: the window itself says why, with a way out. */
      if (self->store == NULL)
        {
          g_free (self->refused_path);
          self->refused_path = g_strdup (path);
          adw_status_page_set_title (self->refused_page, heading);
          adw_status_page_set_description (self->refused_page, error->message);
          update_titles (self);
          update_empty (self);
          trellis_window_update_actions (self);
          return FALSE;
        }

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      /* A damaged file is mended from its backups. */
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE))
        {
          adw_message_dialog_add_response (dialog, "backups", _("_Backups…"));
          g_object_set_data_full (G_OBJECT (dialog), "database-path", g_strdup (path), g_free);
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_refused_dialog_response), self, 0);
        }
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  set_store (self, store);
  trellis_settings_add_recent_database (trellis_settings_get_default (), path);
  return TRUE;
}

/* Opening checks the whole file (a few hundred milliseconds for a big school): a worker does
 * it while the window is already on screen. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TrellisStore *store = trellis_store_open (task_data, &error);

  /* The store’s connection is used by one thread at a time: here, then the main loop. */
  if (store != NULL)
    {
      g_autoptr(TrellisBackup) backup = trellis_backup_take_daily (store, NULL, &error);

      /* A missing daily copy does not keep anyone from working; the next open tries again. */
      if (error != NULL)
        g_message ("No daily backup of %s: %s", (const char *) task_data, error->message);
      g_clear_error (&error);
      /* What was deleted 30 days ago goes for good, after the day's copy kept it once more. */
      if (!trellis_store_is_read_only (store) && !trellis_store_expire_trash (store, NULL, NULL, &error))
        g_message ("The trash of %s was not emptied of old deletions: %s", (const char *) task_data,
                   error->message);
      g_clear_error (&error);
      g_task_return_pointer (task, store, g_object_unref);
    }
  else
    g_task_return_error (task, error);
}

static void
on_open_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (source);
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  /* The window was closed while the file was being checked. */
  if (self->student_list == NULL)
    return;
  adopt_store (self, g_task_get_task_data (G_TASK (result)), store, error);
}

static void
open_database_in_background (TrellisWindow *self,
                             const char    *path)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_open_done, NULL);

  g_task_set_source_tag (task, open_database_in_background);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_free (self->opening_path);
  self->opening_path = g_strdup (path);
  g_task_set_return_on_cancel (task, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
  g_task_run_in_thread (task, open_thread);
}

/* Public API */

/**
 * trellis_window_new:
 * @application: the application
 * @location: the database to open (given with `--database`, or the last one, or the default)
 *
 * A window on @location, which it opens in the background: the window shows at once, the
 * students a moment later.
 *
 * Returns: (transfer full): the window
 */
TrellisWindow *
trellis_window_new (TrellisApplication *application,
                    const char         *location)
{
  TrellisWindow *self = g_object_new (TRELLIS_TYPE_WINDOW, "application", application, NULL);

  open_database_in_background (self, location);
  return self;
}

/**
 * trellis_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the open database, %NULL only when none could be opened
 */
TrellisStore *
trellis_window_get_store (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * trellis_window_open_database:
 * @self: a window
 * @path: a database file; created when it does not exist
 *
 * Opens @path and shows it. A file that cannot be opened (not a database, from a newer
 * Trellis, no permission) is explained in a dialog that names it, and the window keeps the
 * database it had.
 *
 * Returns: %TRUE when @path is now the window’s database
 */
gboolean
trellis_window_open_database (TrellisWindow *self,
                              const char    *path)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  trellis_autosave_flush_all ();
  store = trellis_store_open (path, &error);
  return adopt_store (self, path, store, error);
}

/**
 * trellis_window_get_selected_student_id:
 * @self: a window
 *
 * Returns: the row id of the student shown, 0 when none is selected
 */
gint64
trellis_window_get_selected_student_id (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), 0);

  return trellis_student_list_get_selected_id (self->student_list);
}

/**
 * trellis_window_select_student:
 * @self: a window
 * @student_id: a student’s row id, 0 for none
 *
 * Selects and shows the student (clearing the search and filters if they hide it).
 */
void
trellis_window_select_student (TrellisWindow *self,
                               gint64         student_id)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  trellis_student_list_select_id (self->student_list, student_id);
  if (student_id != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * trellis_window_dup_visible_student_ids:
 * @self: a window
 *
 * The students the list shows with its current search and filters, e.g. for printing a
 * group’s plans.
 *
 * Returns: (transfer full) (element-type gint64): their row ids, in list order
 */
GArray *
trellis_window_dup_visible_student_ids (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return trellis_student_list_dup_visible_ids (self->student_list);
}

/**
 * trellis_window_restore_backup:
 * @self: a window
 * @database_path: the database to replace: the window’s own, or the refused file it shows
 * @backup_path: the backup
 * @error: return location for a #GError
 *
 * Replaces the database by @backup_path (the current one is backed up first, see
 * trellis_store_restore_backup()) and reloads everything the window shows.
 *
 * Returns: %TRUE when the backup is now the window’s database
 */
gboolean
trellis_window_restore_backup (TrellisWindow  *self,
                               const char     *database_path,
                               const char     *backup_path,
                               GError        **error)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (database_path != NULL && backup_path != NULL, FALSE);

  trellis_autosave_flush_all ();
  if (self->store != NULL && g_str_equal (trellis_store_get_path (self->store), database_path))
    {
      if (!trellis_store_restore_backup (self->store, backup_path, NULL, error))
        return FALSE;
      store = g_object_ref (self->store);
    }
  else
    {
      if (!trellis_backup_restore_file (database_path, backup_path, NULL, error))
        return FALSE;
      store = trellis_store_open (database_path, error);
      if (store == NULL)
        return FALSE;
    }
  /* Every page reloads: the records they hold may not exist in the backup. */
  set_store (self, store);
  trellis_settings_add_recent_database (trellis_settings_get_default (), database_path);
  toast = adw_toast_new (_("The backup was restored"));
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  return TRUE;
}

/**
 * trellis_window_get_database_path:
 * @self: a window
 *
 * Returns: the open database’s file, or the refused one the window shows, or the one it opens
 */
const char *
trellis_window_get_database_path (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  if (self->store != NULL)
    return trellis_store_get_path (self->store);
  if (self->refused_path != NULL)
    return self->refused_path;
  return self->opening_path;
}

/**
 * trellis_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast to show
 */
void
trellis_window_add_toast (TrellisWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
