/* trellis-report-options-box.h — the choices of a printed plan: what to include, language, paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-report-options.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_REPORT_OPTIONS_BOX (trellis_report_options_box_get_type ())
G_DECLARE_FINAL_TYPE (TrellisReportOptionsBox, trellis_report_options_box, TRELLIS, REPORT_OPTIONS_BOX, GtkWidget)

GtkWidget            *trellis_report_options_box_new         (gboolean                    show_paper);
void                  trellis_report_options_box_set_options (TrellisReportOptionsBox    *self,
                                                              const TrellisReportOptions *options);
TrellisReportOptions *trellis_report_options_box_dup_options (TrellisReportOptionsBox    *self);

G_END_DECLS
