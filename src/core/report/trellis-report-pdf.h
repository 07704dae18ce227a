/* trellis-report-pdf.h — one PDF of many students’ plans, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-report-options.h"
#include "trellis-sample-school.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gboolean trellis_report_pdf_write (TrellisStore               *store,
                                   const gint64               *student_ids,
                                   guint                       n_students,
                                   const TrellisReportOptions *options,
                                   GDateTime                  *now,
                                   const char                 *path,
                                   TrellisProgressFunc         progress,
                                   gpointer                    user_data,
                                   GCancellable               *cancellable,
                                   GError                    **error);

GArray  *trellis_report_pdf_dup_current_student_ids (TrellisStore  *store,
                                                     GError       **error);

G_END_DECLS
