/* trellis-print-preview.h — a window that shows a printed plan page by page before printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-report-renderer.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_PREVIEW (trellis_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPrintPreview, trellis_print_preview, TRELLIS, PRINT_PREVIEW, AdwWindow)

TrellisPrintPreview *trellis_print_preview_new (TrellisReportRenderer *renderer,
                                                const char            *title,
                                                double                 page_width,
                                                double                 page_height);

G_END_DECLS
