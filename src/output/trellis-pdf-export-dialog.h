/* trellis-pdf-export-dialog.h — File ▸ Export Plans to PDF: whose plans, how, where, and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PDF_EXPORT_DIALOG (trellis_pdf_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPdfExportDialog, trellis_pdf_export_dialog, TRELLIS, PDF_EXPORT_DIALOG, AdwWindow)

GtkWidget *trellis_pdf_export_dialog_new (GtkWindow    *parent,
                                          TrellisStore *store,
                                          gint64        selected_student_id,
                                          GArray       *visible_student_ids);

char      *trellis_pdf_export_dialog_dup_file_name (TrellisPdfExportDialog *self);

G_END_DECLS
