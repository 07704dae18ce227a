/* trellis-print-operation.c — printing one student’s plan through the GTK print dialog
 *
 * The pages come from the core’s TrellisReportRenderer, exactly as in a PDF export. The dialog
 * gets a “Plan” tab with what to include and the language of the labels; its own tabs choose
 * the printer, the paper and the sides. Preview opens TrellisPrintPreview.
 *
 * A counselor prints a whole advisory group one plan after another: the printer, paper and
 * sides of the last print are where the next one starts, in this session and the next
 * (TrellisSettings keeps them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-print-operation"

#include <glib/gi18n.h>

#include "trellis-print-operation.h"
#include "trellis-print-preview.h"
#include "trellis-report-options-box.h"
#include "trellis-report-renderer.h"
#include "trellis-settings.h"

struct _TrellisPrintOperation
{
  GtkPrintOperation      parent_instance;

  TrellisStore          *store;
  gint64                 student_id;
  TrellisReportOptions  *options;
  TrellisReportRenderer *renderer;
  GError                *error;
};

G_DEFINE_FINAL_TYPE (TrellisPrintOperation, trellis_print_operation, GTK_TYPE_PRINT_OPERATION)

/* Helpers */

/* Reads the plan and lays it out on the dialog’s paper. */
static TrellisReport *
prepare_report (TrellisPrintOperation *self,
                GtkPrintContext       *context)
{
  g_autoptr(TrellisReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_error (&self->error);
  report = trellis_report_new_for_student (self->store, self->student_id, self->options, now, &self->error);
  if (report == NULL)
    return NULL;
  if (self->renderer == NULL)
    self->renderer = trellis_report_renderer_new (width, height);
  else
    trellis_report_renderer_set_page_size (self->renderer, width, height);
  trellis_report_renderer_paginate (self->renderer, report);
  return g_steal_pointer (&report);
}

/* The last print’s choices, or the report’s paper before the first print. */
static void
restore_print_setup (TrellisPrintOperation *self)
{
  TrellisSettings *settings = trellis_settings_get_default ();
  g_autoptr(GVariant) saved_settings = trellis_settings_dup_print_settings (settings);
  g_autoptr(GVariant) saved_setup = trellis_settings_dup_page_setup (settings);
  g_autoptr(GtkPageSetup) setup = NULL;

  if (g_variant_n_children (saved_settings) > 0)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (saved_settings);

      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), print_settings);
    }
  if (g_variant_n_children (saved_setup) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved_setup);
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (self->options->paper == TRELLIS_PAPER_LETTER
                                                            ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

/* Callbacks */

static void
on_preview_close_request (GtkWindow                *window,
                          GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

/* Overrides */

static void
trellis_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);
  g_autoptr(TrellisReport) report = prepare_report (self, context);

  if (report == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, trellis_report_renderer_get_n_pages (self->renderer));
}

static void
trellis_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);

  trellis_report_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context), page_nr);
}

static gboolean
trellis_print_operation_preview (GtkPrintOperation        *operation,
                                 GtkPrintOperationPreview *preview,
                                 GtkPrintContext          *context,
                                 GtkWindow                *parent)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);
  g_autoptr(TrellisReport) report = NULL;
  TrellisPrintPreview *window;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* GTK goes on to paginate on the context, so it needs one; the window draws on its own. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  report = prepare_report (self, context);
  if (report == NULL)
    return FALSE;
  window = trellis_print_preview_new (self->renderer, trellis_report_get_student_name (report),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  /* The operation is the preview: it lives as long as the window shows it. */
  g_object_set_data_full (G_OBJECT (window), "trellis-print-operation", g_object_ref (self), g_object_unref);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_preview_close_request), preview, 0);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* Only a print that went to the printer is remembered; a cancelled dialog changes nothing. */
static void
trellis_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || print_settings == NULL || setup == NULL)
    return;
  trellis_settings_set_print_setup (trellis_settings_get_default (),
                                    gtk_print_settings_to_gvariant (print_settings),
                                    gtk_page_setup_to_gvariant (setup));
}

static GtkWidget *
trellis_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);
  GtkWidget *box = trellis_report_options_box_new (FALSE);

  trellis_report_options_box_set_options (TRELLIS_REPORT_OPTIONS_BOX (box), self->options);
  return box;
}

static void
trellis_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                             GtkWidget         *widget)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);

  g_clear_pointer (&self->options, trellis_report_options_free);
  self->options = trellis_report_options_box_dup_options (TRELLIS_REPORT_OPTIONS_BOX (widget));
}

static void
trellis_print_operation_finalize (GObject *object)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->options, trellis_report_options_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trellis_print_operation_parent_class)->finalize (object);
}

static void
trellis_print_operation_class_init (TrellisPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = trellis_print_operation_finalize;
  operation_class->begin_print = trellis_print_operation_begin_print;
  operation_class->draw_page = trellis_print_operation_draw_page;
  operation_class->preview = trellis_print_operation_preview;
  operation_class->done = trellis_print_operation_done;
  operation_class->create_custom_widget = trellis_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = trellis_print_operation_custom_widget_apply;
}

static void
trellis_print_operation_init (TrellisPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->options = trellis_report_options_new ();
  /* The report places its own margins; points are its unit. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Plan"));
}

/* Public API */

/**
 * trellis_print_operation_new:
 * @store: the store to read
 * @student_id: the student whose plan to print
 *
 * Returns: (transfer full): a print operation; run it with gtk_print_operation_run()
 */
TrellisPrintOperation *
trellis_print_operation_new (TrellisStore *store,
                             gint64        student_id)
{
  TrellisPrintOperation *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (student_id > 0, NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_OPERATION, NULL);
  self->store = g_object_ref (store);
  self->student_id = student_id;
  restore_print_setup (self);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Learning plan"));
  return self;
}

/**
 * trellis_print_operation_get_report_error:
 * @self: a print operation
 *
 * Returns: (nullable): why the plan could not be printed (the student was deleted meanwhile),
 *   or %NULL
 */
const GError *
trellis_print_operation_get_report_error (TrellisPrintOperation *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_OPERATION (self), NULL);

  return self->error;
}
