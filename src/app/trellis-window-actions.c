/* trellis-window-actions.c — what the window’s menus, buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-window"

#include <glib/gi18n.h>

#include "trellis-add-student-dialog.h"
#include "trellis-autosave.h"
#include "trellis-backups-window.h"
#include "trellis-editor-dialog.h"
#include "trellis-group-overview.h"
#include "trellis-pdf-export-dialog.h"
#include "trellis-preferences-window.h"
#include "trellis-print-operation.h"
#include "trellis-sample-school.h"
#include "trellis-settings.h"
#include "trellis-store-job.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-trash-window.h"
#include "trellis-undo-toast.h"
#include "trellis-vocabulary.h"
#include "trellis-window-private.h"
#include "trellis-xml-export-dialog.h"
#include "trellis-roster-import-dialog.h"
#include "trellis-xml-import-dialog.h"
#include "trellis-widget-utils.h"

#define SAMPLE_STUDENTS 120

/* Helpers */

static void
show_error_toast (TrellisWindow *self,
                  const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  trellis_window_add_toast (self, toast);
}

static TrellisStudent *
load_selected_student (TrellisWindow *self)
{
  gint64 id = trellis_window_get_selected_student_id (self);

  if (self->store == NULL || id == 0)
    return NULL;
  return trellis_load_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_STUDENT, id);
}

static char *
dup_student_name (TrellisStudent *student)
{
  return trellis_student_display_name (trellis_entity_get_text (TRELLIS_ENTITY (student), "given-name"),
                                       trellis_entity_get_text (TRELLIS_ENTITY (student), "family-name"),
                                       trellis_entity_get_text (TRELLIS_ENTITY (student), "preferred-name"));
}

static GtkFileFilter *
new_database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Trellis databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.trellis");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  return filter;
}

/* Callbacks */

static void
on_file_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          TrellisWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path != NULL && gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE &&
      g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                             _("“%s” already exists and was left as it is. To work "
                                               "with it, use Open Database; to start afresh, choose "
                                               "a new name."), name);
      show_error_toast (self, error);
    }
  else if (path != NULL)
    trellis_window_open_database (self, path);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_database (TrellisWindow        *self,
                 GtkFileChooserAction  action)
{
  gboolean creating = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (creating ? _("New Database") : _("Open Database"),
                                         GTK_WINDOW (self), action,
                                         creating ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_database_filter ());
  if (creating)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("school.db"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_database (TRELLIS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_database (TRELLIS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (trellis_backups_window_new (self, trellis_window_get_database_path (self))));
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisStore *store = trellis_window_get_store (self);

  if (store != NULL)
    gtk_window_present (GTK_WINDOW (trellis_trash_window_new (GTK_WINDOW (self), store)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkWindow *preferences;

  if (self->store == NULL)
    return;
  preferences = GTK_WINDOW (trellis_preferences_window_new (self->store));
  gtk_window_set_transient_for (preferences, GTK_WINDOW (self));
  gtk_window_present (preferences);
}

/* A student clicked in the group overview: shown here, in front. */
static void
on_overview_student_activated (TrellisWindow *self,
                               gint64         student_id)
{
  trellis_window_select_student (self, student_id);
  gtk_window_present (GTK_WINDOW (self));
}

/* The heat map of the students the list shows now (its search and filters), e.g. one
 * advisory group. */
static void
group_overview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  GtkWindow *overview;

  if (self->store == NULL)
    return;
  ids = trellis_window_dup_visible_student_ids (self);
  overview = GTK_WINDOW (trellis_group_overview_new (self->store, ids));
  g_signal_connect_object (overview, "student-activated", G_CALLBACK (on_overview_student_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (overview, GTK_WINDOW (self));
  gtk_window_present (overview);
}

/* A toast that names a file just written, with a way to find it. */
static void
announce_file (TrellisWindow *self,
               const char    *title,
               const char    *path)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("Show in _Folder"));
  adw_toast_set_action_name (toast, "win.show-in-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (path));
  trellis_window_add_toast (self, toast);
}

static void
on_xml_exported (TrellisXmlExportDialog *dialog,
                 const char             *path,
                 guint                   n_students,
                 TrellisWindow          *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Exported %u student to “%s”",
                                                         "Exported %u students to “%s”", n_students),
                                            n_students, name);

  announce_file (self, title, path);
}

/* Both export dialogs take the same start: the selected student and those the list shows. */
typedef GtkWidget *(*ExportDialogNew) (GtkWindow    *parent,
                                       TrellisStore *store,
                                       gint64        selected_student_id,
                                       GArray       *visible_student_ids);

static void
present_export_dialog (TrellisWindow   *self,
                       ExportDialogNew  dialog_new,
                       GCallback        on_exported)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  ids = trellis_window_dup_visible_student_ids (self);
  dialog = dialog_new (GTK_WINDOW (self), self->store, trellis_window_get_selected_student_id (self), ids);
  g_signal_connect_object (dialog, "exported", on_exported, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_export_dialog (TRELLIS_WINDOW (widget), trellis_xml_export_dialog_new, G_CALLBACK (on_xml_exported));
}

static void
on_pdf_exported (TrellisPdfExportDialog *dialog,
                 const char             *path,
                 guint                   n_students,
                 TrellisWindow          *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Printed %u plan to “%s”",
                                                         "Printed %u plans to “%s”", n_students),
                                            n_students, name);

  announce_file (self, title, path);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_export_dialog (TRELLIS_WINDOW (widget), trellis_pdf_export_dialog_new, G_CALLBACK (on_pdf_exported));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  gint64 student_id = trellis_window_get_selected_student_id (self);
  g_autoptr(TrellisPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  const GError *report_error;
  GtkPrintOperationResult result;

  if (self->store == NULL || student_id == 0)
    return;
  operation = trellis_print_operation_new (self->store, student_id);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  report_error = trellis_print_operation_get_report_error (operation);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    trellis_window_add_toast (self, adw_toast_new (error->message));
  else if (report_error != NULL)
    trellis_window_add_toast (self, adw_toast_new (report_error->message));
}

static void
on_xml_imported (TrellisXmlImportDialog *dialog,
                 TrellisWindow          *self)
{
  /* The import wrote on a connection of its own: look for the change now, not in a second. */
  if (self->store != NULL)
    trellis_store_check_external_change (self->store);
  trellis_window_add_toast (self, adw_toast_new (_("The plan file was imported")));
}

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            TrellisWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && self->store != NULL)
    {
      GtkWidget *dialog = trellis_xml_import_dialog_new (GTK_WINDOW (self), self->store, path);

      g_signal_connect_object (dialog, "imported", G_CALLBACK (on_xml_imported), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import from XML"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Trellis plan files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_roster_imported (TrellisRosterImportDialog *dialog,
                    TrellisWindow             *self)
{
  if (self->store != NULL)
    trellis_store_check_external_change (self->store);
  trellis_window_add_toast (self, adw_toast_new (_("The roster was imported")));
}

static void
on_roster_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            TrellisWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && self->store != NULL)
    {
      GtkWidget *dialog = trellis_roster_import_dialog_new (GTK_WINDOW (self), self->store, path);

      g_signal_connect_object (dialog, "imported", G_CALLBACK (on_roster_imported), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A SIS exports a zip or a folder; one chooser cannot pick both, so the user says which. */
static void
on_roster_kind_chosen (AdwMessageDialog *dialog,
                       const char       *response,
                       TrellisWindow    *self)
{
  gboolean folder = g_str_equal (response, "folder");
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (!folder && !g_str_equal (response, "zip"))
    return;
  chooser = gtk_file_chooser_native_new (folder ? _("Choose the Roster Folder") : _("Choose the Roster Zip File"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (!folder)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("OneRoster zip files"));
      gtk_file_filter_add_pattern (filter, "*.zip");
      gtk_file_filter_add_pattern (filter, "*.ZIP");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_roster_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import a Roster"),
                                   _("Choose the OneRoster export of your student information "
                                     "system: a .zip file, or the folder of CSV files it holds."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "folder", _("_Folder…"), "zip", _("_Zip File…"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "zip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "zip", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_roster_kind_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_show_items_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_uri = user_data;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    gtk_show_uri (NULL, folder_uri, GDK_CURRENT_TIME);
}

/* Opens the folder with the file selected (the file manager's D-Bus interface), or just the
 * folder where no file manager offers that. */
static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());

  if (bus == NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (folder);
      gtk_show_uri (GTK_WINDOW (widget), folder_uri, GDK_CURRENT_TIME);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          on_show_items_done, g_file_get_uri (folder));
}

static void
on_student_added (TrellisAddStudentDialog *dialog,
                  gint64                   student_id,
                  TrellisWindow           *self)
{
  trellis_student_list_reload (self->student_list);
  trellis_window_select_student (self, student_id);
}

static void
add_student_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(TrellisEntity) selected = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = trellis_add_student_dialog_new (GTK_WINDOW (self), self->store);
  /* Students are usually added class by class: start from the grade of the one on screen. */
  if (trellis_window_get_selected_student_id (self) > 0)
    selected = trellis_load_shown (GTK_WIDGET (self), self->store, TRELLIS_TYPE_STUDENT,
                                   trellis_window_get_selected_student_id (self));
  if (selected != NULL)
    trellis_add_student_dialog_set_values (TRELLIS_ADD_STUDENT_DIALOG (dialog), "", "",
                                           trellis_entity_get_int (selected, "grade-level"));
  g_signal_connect_object (dialog, "student-added", G_CALLBACK (on_student_added), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* In the worker thread, on its own connection (trellis_store_job_run_data_async()). */
static gboolean
sample_job (gpointer       data,
            TrellisStore  *store,
            GCancellable  *cancellable,
            GError       **error)
{
  return trellis_sample_school_populate (store, SAMPLE_STUDENTS, TRELLIS_SAMPLE_SEED,
                                         (TrellisProgressFunc) NULL, NULL, error);
}

static gboolean
on_sample_pulse (gpointer user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);

  /* The task keeps the window alive; its widgets go away if it was closed meanwhile. */
  if (self->sample_progress != NULL)
    gtk_progress_bar_pulse (self->sample_progress);
  return G_SOURCE_CONTINUE;
}

static void
on_sample_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (source);
  g_autoptr(GError) error = NULL;

  g_source_remove (GPOINTER_TO_UINT (user_data));
  if (self->sample_progress == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->sample_progress), FALSE);
  gtk_widget_set_sensitive (self->empty_buttons, TRUE);
  trellis_window_update_actions (self);

  if (!trellis_store_job_finish (result, &error))
    {
      show_error_toast (self, error);
      return;
    }
  trellis_student_list_reload (self->student_list);
  trellis_window_add_toast (self, adw_toast_new (_("The sample school is ready")));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  trellis_window_load_sample (TRELLIS_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  trellis_student_list_focus_search (self->student_list);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->student_list));
}

/* Alt+Left, wherever the focus is: from a goal back to the whole plan, else (in a narrow
 * window) from the student back to the list. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (trellis_student_page_go_back (TRELLIS_STUDENT_PAGE (self->student_view)))
    return;
  if (adw_leaflet_get_folded (self->leaflet) &&
      !gtk_widget_is_ancestor (GTK_WIDGET (self->student_list), adw_leaflet_get_visible_child (self->leaflet)))
    show_list_action (widget, action_name, parameter);
}

/* Archives or unarchives @student; unless this is an Undo, a toast offers to undo it. */
static void
set_archived (TrellisWindow  *self,
              TrellisStudent *student,
              gboolean        archived,
              gboolean        offer_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_object_set (student, "archived", archived, NULL);
  if (!trellis_store_save (self->store, TRELLIS_ENTITY (student), &error))
    {
      show_error_toast (self, error);
      return;
    }
  trellis_student_list_reload (self->student_list);
  trellis_window_update_actions (self);
  if (!offer_undo)
    return;

  name = dup_student_name (student);
  message = archived ? g_strdup_printf (_("“%s” was archived"), name)
                     : g_strdup_printf (_("“%s” is no longer archived"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-archive");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xb)", trellis_entity_get_id (TRELLIS_ENTITY (student)),
                                                           !archived));
  trellis_window_add_toast (self, toast);
}

static void
set_selected_archived (TrellisWindow *self,
                       gboolean       archived)
{
  g_autoptr(TrellisStudent) student = load_selected_student (self);

  if (student != NULL)
    set_archived (self, student, archived, TRUE);
}

static void
archive_student_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_selected_archived (TRELLIS_WINDOW (widget), TRUE);
}

static void
unarchive_student_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_selected_archived (TRELLIS_WINDOW (widget), FALSE);
}

/* The toast’s Undo: the student (chosen or not by now) goes back to how they were. */
static void
undo_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean archived;

  g_variant_get (parameter, "(xb)", &id, &archived);
  if (self->store == NULL)
    return;
  student = trellis_store_load (self->store, TRELLIS_TYPE_STUDENT, id, &error);
  if (student == NULL)
    {
      if (error != NULL)
        show_error_toast (self, error);
      return;
    }
  set_archived (self, student, archived, FALSE);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TrellisWindow    *self)
{
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(GError) error = NULL;
  TrellisSnapshot *snapshot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "student-id"));
  gint64 neighbour = 0;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  /* The next student in the list is chosen afterwards, as in a file manager. */
  if (trellis_student_list_get_selected_id (self->student_list) == id)
    neighbour = trellis_student_list_get_neighbour_id (self->student_list);
  /* What was typed is stored first, so that the Trash and Undo bring it back too. */
  trellis_autosave_flush_all ();
  student = trellis_store_load (self->store, TRELLIS_TYPE_STUDENT, id, &error);
  if (student == NULL || !trellis_store_delete (self->store, TRELLIS_ENTITY (student), &snapshot, &error))
    {
      show_error_toast (self, error);
      return;
    }
  name = dup_student_name (student);
  message = g_strdup_printf (_("“%s” was deleted"), name);
  trellis_show_undo_toast (GTK_WIDGET (self), self->store, snapshot, message);
  trellis_student_list_reload (self->student_list);
  if (neighbour != 0)
    trellis_student_list_select_id (self->student_list, neighbour);
}

static void
delete_student_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(TrellisStudent) student = load_selected_student (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (student == NULL)
    return;
  name = dup_student_name (student);
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  dialog = GTK_WIDGET (trellis_delete_dialog_new (GTK_WIDGET (self), heading,
                                                 _("Their profile, family contacts, plans, goals, "
                                                   "evidence and notes go with them. They wait in the "
                                                   "Trash (Main Menu ▸ Trash…) for 30 days, and the "
                                                   "Undo of the message brings them back now.")));
  g_object_set_data (G_OBJECT (dialog), "student-id",
                     GSIZE_TO_POINTER (trellis_entity_get_id (TRELLIS_ENTITY (student))));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_sample_response (AdwMessageDialog *dialog,
                           const char       *response,
                           TrellisWindow    *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;
  g_autofree char *message = NULL;
  guint removed = 0;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  trellis_autosave_flush_all ();
  if (!trellis_sample_school_remove (self->store, &removed, &kept, &error))
    {
      show_error_toast (self, error);
      return;
    }
  if (kept != NULL && kept[0] != NULL)
    /* Translators: a toast after removing the sample school */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Sample school removed; %u student someone worked on stays",
                                            "Sample school removed; %u students someone worked on stay",
                                            g_strv_length (kept)), g_strv_length (kept));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample school removed (%u student, in the Trash)",
                                            "Sample school removed (%u students, in the Trash)", removed),
                               removed);
  trellis_window_add_toast (self, adw_toast_new (message));
  trellis_student_list_reload (self->student_list);
  trellis_window_update_actions (self);
}

/* Main Menu ▸ Remove Sample School…: its students go, and nothing anyone wrote. */
static void
remove_sample_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL || !trellis_sample_school_is_present (self->store))
    return;
  dialog = GTK_WIDGET (trellis_delete_dialog_new (GTK_WIDGET (self), _("Remove the Sample School?"),
                                                 _("Its students go with their plans, to the Trash (Main "
                                                   "Menu ▸ Trash…) for 30 days. Students you added stay, "
                                                   "and so does any sample student someone has worked on.")));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_sample_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+Z, or Main Menu ▸ Undo: what waits to be stored is stored first, so that it is the
 * newest step. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->store == NULL)
    return;
  trellis_autosave_flush_all ();
  trellis_undo_last (widget, self->store);
}

static void
on_editor_dialog_done (TrellisEditorDialog *dialog,
                       const char          *response,
                       TrellisWindow       *self)
{
  trellis_window_update_editor (self);
}

static void
switch_editor_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWidget *dialog = trellis_editor_dialog_new (GTK_WINDOW (widget));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_editor_dialog_done), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_editor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *name, *role;

  g_variant_get (parameter, "(&s&s)", &name, &role);
  trellis_settings_set_editor (trellis_settings_get_default (), name, role);
}

/* Class setup */

void
trellis_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.add-student", NULL, add_student_action);
  gtk_widget_class_install_action (widget_class, "win.group-overview", NULL, group_overview_action);
  gtk_widget_class_install_action (widget_class, "win.export-xml", NULL, export_xml_action);
  gtk_widget_class_install_action (widget_class, "win.import-xml", NULL, import_xml_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.remove-sample", NULL, remove_sample_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.archive-student", NULL, archive_student_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-student", NULL, unarchive_student_action);
  gtk_widget_class_install_action (widget_class, "win.undo-archive", "(xb)", undo_archive_action);
  gtk_widget_class_install_action (widget_class, "win.delete-student", NULL, delete_student_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.switch-editor", NULL, switch_editor_action);
  gtk_widget_class_install_action (widget_class, "win.set-editor", "(ss)", set_editor_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-student", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.switch-editor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-student", NULL);
}

/* Private API */

/* Enables what makes sense for the selected student (archive or unarchive, delete). */
void
trellis_window_update_actions (TrellisWindow *self)
{
  g_autoptr(TrellisStudent) student = load_selected_student (self);
  gboolean archived = student != NULL && trellis_entity_get_boolean (TRELLIS_ENTITY (student), "archived");

  /* A read-only file can be read, exported and printed; nothing that would change it is offered. */
  gboolean writable = self->store != NULL && !trellis_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-student", writable && student != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-student", writable && student != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-student", writable && student != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", student != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-student", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-xml", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample",
                                 writable && !gtk_widget_get_visible (GTK_WIDGET (self->sample_progress)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-sample",
                                 writable && trellis_sample_school_is_present (self->store));
}

/* The header’s “who is editing” button and its one-click list of recent editors. */
void
trellis_window_update_editor (TrellisWindow *self)
{
  TrellisSettings *settings = trellis_settings_get_default ();
  const char *name = trellis_settings_get_editor_name (settings);
  const char *role = trellis_settings_get_editor_role (settings);
  g_autoptr(GVariant) recent = trellis_settings_dup_recent_editors (settings);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) current = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autofree char *label = NULL;
  GtkMenuButton *buttons[] = { self->editor_button, self->empty_editor_button };
  GVariantIter iter;
  const char *other_name, *other_role;

  if (self->store != NULL)
    trellis_store_set_editor (self->store, name, role);

  /* Translators: who is editing, e.g. “Editing as Ana Rivera (Teacher)” */
  label = *name != '\0' ? g_strdup_printf (_("Editing as %s (%s)"), name,
                                           trellis_vocabulary_label (trellis_roles, role))
                        : g_strdup (_("Who is editing?"));
  g_menu_append (current, label, NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (current));

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &other_name, &other_role))
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_str_equal (other_name, name) && g_str_equal (other_role, role))
        continue;
      /* Translators: a recent editor to switch to, e.g. “Switch to Minh (Student)” */
      item_label = g_strdup_printf (_("Switch to %s (%s)"), other_name,
                                    trellis_vocabulary_label (trellis_roles, other_role));
      item = g_menu_item_new (item_label, NULL);
      g_menu_item_set_action_and_target (item, "win.set-editor", "(ss)", other_name, other_role);
      g_menu_append_item (others, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  g_menu_append (more, _("_Someone Else…"), "win.switch-editor");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_menu_button_set_menu_model (buttons[i], G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (GTK_WIDGET (buttons[i]), label);
      trellis_accessible_set_label (GTK_WIDGET (buttons[i]), label);
    }
}

/* Fills the empty database with the sample school in a worker thread, with a progress bar. */
void
trellis_window_load_sample (TrellisWindow *self)
{
  guint pulse_id;

  if (self->store == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", FALSE);
  gtk_widget_set_sensitive (self->empty_buttons, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_progress), TRUE);
  pulse_id = g_timeout_add (100, on_sample_pulse, self);

  g_clear_object (&self->sample_cancellable);
  self->sample_cancellable = g_cancellable_new ();
  /* The worker’s own connection signs the sample with the window’s editor. */
  trellis_store_job_run_data_async (self, self->store, sample_job, NULL, NULL, trellis_window_load_sample,
                                    self->sample_cancellable, on_sample_done, GUINT_TO_POINTER (pulse_id));
}
