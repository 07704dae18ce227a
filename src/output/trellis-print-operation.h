/* trellis-print-operation.h — printing one student’s plan through the GTK print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_OPERATION (trellis_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPrintOperation, trellis_print_operation, TRELLIS, PRINT_OPERATION, GtkPrintOperation)

TrellisPrintOperation *trellis_print_operation_new       (TrellisStore          *store,
                                                          gint64                 student_id);
const GError          *trellis_print_operation_get_report_error (TrellisPrintOperation *self);

G_END_DECLS
