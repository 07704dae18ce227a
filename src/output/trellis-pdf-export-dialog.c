/* trellis-pdf-export-dialog.c — File ▸ Export Plans to PDF: whose plans, how, where, and progress
 *
 * The PDF is drawn in a worker thread (trellis_store_job_run_data_async()) on a database
 * connection and Pango font map of its own, so the window stays responsive while hundreds of
 * plans are laid out; the thread
 * reports progress through an atomic counter the dialog reads a few times a second. When the
 * file is written the dialog emits ::exported and closes, and the window shows a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-pdf-export-dialog"

#include <glib/gi18n.h>

#include "trellis-pdf-export-dialog.h"
#include "trellis-report-options-box.h"
#include "trellis-error.h"
#include "trellis-report-pdf.h"
#include "trellis-store-job.h"
#include "trellis-student.h"
#include "trellis-student-scope.h"
#include "trellis-student-summary.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

#define PROGRESS_STEPS 10000

struct _TrellisPdfExportDialog
{
  AdwWindow                parent_instance;

  GtkButton               *export_button;
  GtkStack                *stack;
  TrellisStudentScope     *scope;
  TrellisReportOptionsBox *options_box;
  GtkLabel                *progress_label;
  GtkProgressBar          *progress_bar;

  TrellisStore            *store;
  gint64                   selected_id;
  GArray                  *visible_ids;
  char                    *selected_name;
  GtkFileChooserNative    *chooser;
  GCancellable            *cancellable;
  guint                    progress_source;
  int                      progress;        /* atomic, in PROGRESS_STEPS */
};

G_DEFINE_FINAL_TYPE (TrellisPdfExportDialog, trellis_pdf_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker thread needs: nothing it shares with the main loop but the counter. */
typedef struct {
  GArray               *ids;
  TrellisReportOptions *options;
  GDateTime            *now;
  char                 *path;
  int                  *progress;
} Job;

/* Helpers */

static void
job_free (Job *job)
{
  g_array_unref (job->ids);
  trellis_report_options_free (job->options);
  g_date_time_unref (job->now);
  g_free (job->path);
  g_free (job);
}

static void
on_job_progress (double   fraction,
                 gpointer user_data)
{
  g_atomic_int_set ((int *) user_data, (int) (fraction * PROGRESS_STEPS));
}

/* In the worker thread, on its own connection (trellis_store_job_run_data_async()). */
static gboolean
run_job (gpointer       data,
         TrellisStore  *store,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;

  return trellis_report_pdf_write (store, (const gint64 *) job->ids->data, job->ids->len, job->options,
                                   job->now, job->path, on_job_progress, job->progress, cancellable, error);
}

/* The students of the chosen scope, or NULL with an explanation shown. */
static GArray *
dup_chosen_ids (TrellisPdfExportDialog *self)
{
  GArray *ids;

  switch (trellis_student_scope_get_choice (self->scope))
    {
    case TRELLIS_STUDENT_SCOPE_SELECTED:
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, self->selected_id);
      return ids;
    case TRELLIS_STUDENT_SCOPE_SHOWN:
      return g_array_ref (self->visible_ids);
    case TRELLIS_STUDENT_SCOPE_ALL:
    default:
      break;
    }
  return trellis_report_pdf_dup_current_student_ids (self->store, NULL);
}

static void
show_error (TrellisPdfExportDialog *self,
            const GError           *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Plans Were Not Exported"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static gboolean
on_progress_tick (gpointer user_data)
{
  TrellisPdfExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) g_atomic_int_get (&self->progress) / PROGRESS_STEPS);
  return G_SOURCE_CONTINUE;
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisPdfExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = trellis_store_job_get_data (result);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (trellis_store_job_finish (result, &error))
    g_signal_emit (self, signals[EXPORTED], 0, job->path, job->ids->len);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED))
    show_error (self, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (TrellisPdfExportDialog *self,
              const char             *path)
{
  Job *job = g_new0 (Job, 1);

  job->ids = dup_chosen_ids (self);
  job->options = trellis_report_options_box_dup_options (self->options_box);
  job->now = g_date_time_new_now_utc ();
  job->path = g_strdup (path);
  job->progress = &self->progress;

  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  self->progress_source = g_timeout_add (100, on_progress_tick, self);
  trellis_store_job_run_data_async (self, self->store, run_job, job,
                                    (GDestroyNotify) job_free, start_export, self->cancellable,
                                    on_job_done, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog        *chooser,
                     int                     response,
                     TrellisPdfExportDialog *self)
{
  g_autofree char *path = trellis_file_chooser_dup_path (chooser, response);

  g_clear_object (&self->chooser);
  if (path != NULL)
    start_export (self, path);
}

static void
on_export_clicked (TrellisPdfExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = trellis_pdf_export_dialog_dup_file_name (self);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  self->chooser = trellis_file_chooser_new_export (GTK_WINDOW (self), _("Export Plans to PDF"), filter,
                                                   name, ".pdf");
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (TrellisPdfExportDialog *self)
{
  if (self->cancellable == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_label_set_label (self->progress_label, _("Cancelling…"));
  g_cancellable_cancel (self->cancellable);
}

/* Overrides */

static void
trellis_pdf_export_dialog_dispose (GObject *object)
{
  TrellisPdfExportDialog *self = TRELLIS_PDF_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PDF_EXPORT_DIALOG);

  G_OBJECT_CLASS (trellis_pdf_export_dialog_parent_class)->dispose (object);
}

static void
trellis_pdf_export_dialog_finalize (GObject *object)
{
  TrellisPdfExportDialog *self = TRELLIS_PDF_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->visible_ids, g_array_unref);
  g_free (self->selected_name);

  G_OBJECT_CLASS (trellis_pdf_export_dialog_parent_class)->finalize (object);
}

static void
trellis_pdf_export_dialog_class_init (TrellisPdfExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_pdf_export_dialog_dispose;
  object_class->finalize = trellis_pdf_export_dialog_finalize;

  /**
   * TrellisPdfExportDialog::exported:
   * @path: the PDF written
   * @n_students: how many plans it holds
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  g_type_ensure (TRELLIS_TYPE_STUDENT_SCOPE);
  g_type_ensure (TRELLIS_TYPE_REPORT_OPTIONS_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-pdf-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, scope);
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, options_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPdfExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_pdf_export_dialog_init (TrellisPdfExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_pdf_export_dialog_new:
 * @parent: the main window
 * @store: the open database
 * @selected_student_id: the selected student, 0 for none
 * @visible_student_ids: (transfer none): the students the list shows (`gint64`)
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
trellis_pdf_export_dialog_new (GtkWindow    *parent,
                               TrellisStore *store,
                               gint64        selected_student_id,
                               GArray       *visible_student_ids)
{
  TrellisPdfExportDialog *self;
  g_autoptr(GArray) current = NULL;
  g_autofree char *visible = NULL;
  g_autofree char *all = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (visible_student_ids != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_PDF_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->selected_id = selected_student_id;
  self->visible_ids = g_array_ref (visible_student_ids);

  self->selected_name = trellis_load_student_name (GTK_WIDGET (self), store, selected_student_id);
  visible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans",
                                          visible_student_ids->len), visible_student_ids->len);
  current = trellis_report_pdf_dup_current_student_ids (store, NULL);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan, archived students left out",
                                      "%u plans, archived students left out", current ? current->len : 0),
                         current ? current->len : 0);
  trellis_student_scope_set_counts (self->scope, self->selected_name, visible, visible_student_ids->len > 0,
                                    all, current != NULL && current->len > 0);
  return GTK_WIDGET (self);
}

/**
 * trellis_pdf_export_dialog_dup_file_name:
 * @self: a dialog
 *
 * Returns: (transfer full): the file name the save dialog suggests, without “.pdf”: whose plan
 *   and which school year, e.g. “Hodan Warsame – plan 2026–2027”
 */
char *
trellis_pdf_export_dialog_dup_file_name (TrellisPdfExportDialog *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (TRELLIS_IS_PDF_EXPORT_DIALOG (self), NULL);

  now = g_date_time_new_now_local ();
  year = trellis_school_year_for_date (now);
  if (trellis_student_scope_get_choice (self->scope) == TRELLIS_STUDENT_SCOPE_SELECTED && self->selected_name != NULL)
    /* Translators: the suggested PDF file name; %1$s is the student, %2$s the school year */
    return g_strdup_printf (_("%1$s – plan %2$s"), self->selected_name, year);
  /* Translators: the suggested PDF file name of several plans; %s is the school year */
  return g_strdup_printf (_("Learning plans %s"), year);
}
