/* trellis-xml-export-dialog.c — File ▸ Export to XML: which students, where, and progress
 *
 * The export runs in a worker thread on its own database connection; the dialog shows its
 * progress and cancels it. When the file is written it emits ::exported and closes, and the
 * window announces the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-xml-export-dialog"

#include <glib/gi18n.h>

#include "trellis-error.h"
#include "trellis-student.h"
#include "trellis-student-scope.h"
#include "trellis-student-summary.h"
#include "trellis-widget-utils.h"
#include "trellis-xml-export.h"
#include "trellis-xml-export-dialog.h"

struct _TrellisXmlExportDialog
{
  AdwWindow         parent_instance;

  GtkButton        *cancel_button;
  GtkButton        *export_button;
  GtkStack         *stack;
  TrellisStudentScope *scope;
  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;

  TrellisStore     *store;
  gint64            selected_id;
  GArray           *visible_ids;
  char             *selected_name;
  GtkFileChooserNative *chooser;
  TrellisXmlExport *export;
  GCancellable     *cancellable;
  char             *path;
};

G_DEFINE_FINAL_TYPE (TrellisXmlExportDialog, trellis_xml_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_error (TrellisXmlExportDialog *self,
            const GError           *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Export Failed"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_fraction_changed (TrellisXmlExport       *export,
                     GParamSpec             *pspec,
                     TrellisXmlExportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, trellis_xml_export_get_fraction (export));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisXmlExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!trellis_xml_export_write_finish (TRELLIS_XML_EXPORT (source), result, &error))
    {
      if (!g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED))
        show_error (self, error);
    }
  else
    g_signal_emit (self, signals[EXPORTED], 0, self->path,
                   trellis_xml_export_get_n_students (TRELLIS_XML_EXPORT (source)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (TrellisXmlExportDialog *self,
              const char             *path)
{
  TrellisStudentScopeChoice choice = trellis_student_scope_get_choice (self->scope);

  self->export = trellis_xml_export_new (self->store);
  if (choice == TRELLIS_STUDENT_SCOPE_SELECTED)
    trellis_xml_export_add_student_id (self->export, self->selected_id);
  else if (choice == TRELLIS_STUDENT_SCOPE_SHOWN)
    for (guint i = 0; i < self->visible_ids->len; i++)
      trellis_xml_export_add_student_id (self->export, g_array_index (self->visible_ids, gint64, i));

  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->export, "notify::fraction", G_CALLBACK (on_fraction_changed), self, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  trellis_xml_export_write_async (self->export, path, self->cancellable, on_export_done,
                                  g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog        *chooser,
                     int                     response,
                     TrellisXmlExportDialog *self)
{
  g_autofree char *path = trellis_file_chooser_dup_path (chooser, response);

  g_clear_object (&self->chooser);
  if (path != NULL)
    start_export (self, path);
}

static void
on_export_clicked (TrellisXmlExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean one = trellis_student_scope_get_choice (self->scope) == TRELLIS_STUDENT_SCOPE_SELECTED &&
                 self->selected_name != NULL;

  gtk_file_filter_set_name (filter, _("Trellis plan files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  self->chooser = trellis_file_chooser_new_export (GTK_WINDOW (self), _("Export to XML"), filter,
                                                   one ? self->selected_name : _("Plans"), ".xml");
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (TrellisXmlExportDialog *self)
{
  if (self->cancellable != NULL)
    {
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
      g_cancellable_cancel (self->cancellable);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
trellis_xml_export_dialog_dispose (GObject *object)
{
  TrellisXmlExportDialog *self = TRELLIS_XML_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_XML_EXPORT_DIALOG);

  G_OBJECT_CLASS (trellis_xml_export_dialog_parent_class)->dispose (object);
}

static void
trellis_xml_export_dialog_finalize (GObject *object)
{
  TrellisXmlExportDialog *self = TRELLIS_XML_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->export);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->visible_ids, g_array_unref);
  g_clear_pointer (&self->selected_name, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (trellis_xml_export_dialog_parent_class)->finalize (object);
}

static void
trellis_xml_export_dialog_class_init (TrellisXmlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_xml_export_dialog_dispose;
  object_class->finalize = trellis_xml_export_dialog_finalize;

  /**
   * TrellisXmlExportDialog::exported:
   * @path: the file written
   * @n_students: how many students it holds
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  g_type_ensure (TRELLIS_TYPE_STUDENT_SCOPE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-xml-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, scope);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_xml_export_dialog_init (TrellisXmlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_xml_export_dialog_new:
 * @parent: the main window
 * @store: the open database
 * @selected_student_id: the selected student, 0 for none
 * @visible_student_ids: (transfer none): the students the list shows (`gint64`)
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
trellis_xml_export_dialog_new (GtkWindow    *parent,
                               TrellisStore *store,
                               gint64        selected_student_id,
                               GArray       *visible_student_ids)
{
  TrellisXmlExportDialog *self;
  g_autofree char *visible = NULL;
  g_autofree char *all = NULL;
  gint64 n_all;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (visible_student_ids != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_XML_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->selected_id = selected_student_id;
  self->visible_ids = g_array_ref (visible_student_ids);

  self->selected_name = trellis_load_student_name (GTK_WIDGET (self), store, selected_student_id);
  visible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students",
                                          visible_student_ids->len), visible_student_ids->len);
  n_all = trellis_store_count (store, TRELLIS_TYPE_STUDENT);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student and every framework",
                                      "%u students and every framework", n_all), (guint) n_all);
  /* The whole database holds the frameworks too, so it is worth exporting without students. */
  trellis_student_scope_set_counts (self->scope, self->selected_name, visible, visible_student_ids->len > 0,
                                    all, TRUE);
  return GTK_WIDGET (self);
}

/**
 * trellis_xml_export_dialog_export_to:
 * @self: the dialog, still showing its choices
 * @file: where to write
 *
 * Exports the chosen students to @file as if it had been picked in the file chooser that
 * “Export…” opens, for callers that already know where the file goes (tests drive the dialog
 * this way, since a portal's chooser cannot be answered from inside the process).
 */
void
trellis_xml_export_dialog_export_to (TrellisXmlExportDialog *self,
                                     GFile                  *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TRELLIS_IS_XML_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->export == NULL);

  path = g_file_get_path (file);
  g_return_if_fail (path != NULL);
  start_export (self, path);
}
