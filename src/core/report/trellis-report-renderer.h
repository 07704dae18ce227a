/* trellis-report-renderer.h — lays a report out on pages with Pango and draws them with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "trellis-report.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_REPORT_RENDERER (trellis_report_renderer_get_type ())
G_DECLARE_FINAL_TYPE (TrellisReportRenderer, trellis_report_renderer, TRELLIS, REPORT_RENDERER, GObject)

TrellisReportRenderer *trellis_report_renderer_new         (double                 page_width,
                                                            double                 page_height);
void                   trellis_report_renderer_set_page_size (TrellisReportRenderer *self,
                                                            double                 page_width,
                                                            double                 page_height);
guint                  trellis_report_renderer_paginate    (TrellisReportRenderer *self,
                                                            TrellisReport         *report);
guint                  trellis_report_renderer_get_n_pages (TrellisReportRenderer *self);
void                   trellis_report_renderer_draw_page   (TrellisReportRenderer *self,
                                                            cairo_t               *cr,
                                                            guint                  page);

G_END_DECLS
