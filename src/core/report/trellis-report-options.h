/* trellis-report-options.h — what a printed plan includes, on which paper, in which language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TrellisPaper:
 * @TRELLIS_PAPER_A4: ISO A4, 210 × 297 mm
 * @TRELLIS_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum {
  TRELLIS_PAPER_A4,
  TRELLIS_PAPER_LETTER,
} TrellisPaper;

/**
 * TrellisReportOptions:
 * @include_map: draw the Profile-of-a-Graduate map
 * @include_notes: print the latest notes
 * @include_supports: print the supports and accommodations, which are private: off by default
 * @paper: the paper size
 * @double_sided: in a batch, each student starts on an odd page so sheets can be handed out
 * @language: (nullable): the language of the labels (`es`); %NULL for the first guardian’s
 *   preferred language when Trellis is translated into it, otherwise the application’s
 */
typedef struct {
  gboolean      include_map;
  gboolean      include_notes;
  gboolean      include_supports;
  TrellisPaper  paper;
  gboolean      double_sided;
  char         *language;
} TrellisReportOptions;

#define TRELLIS_TYPE_REPORT_OPTIONS (trellis_report_options_get_type ())

GType                 trellis_report_options_get_type (void) G_GNUC_CONST;
TrellisReportOptions *trellis_report_options_new      (void);
TrellisReportOptions *trellis_report_options_copy     (const TrellisReportOptions *self);
void                  trellis_report_options_free     (TrellisReportOptions       *self);
void                  trellis_report_options_set_language (TrellisReportOptions   *self,
                                                           const char             *language);

gboolean              trellis_paper_from_string       (const char                 *text,
                                                       TrellisPaper               *paper);
const char           *trellis_paper_to_string         (TrellisPaper                paper);
void                  trellis_paper_get_size          (TrellisPaper                paper,
                                                       double                     *width,
                                                       double                     *height);
TrellisPaper          trellis_paper_get_default       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisReportOptions, trellis_report_options_free)

G_END_DECLS
