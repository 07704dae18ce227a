/* trellis-report.h — the content of one student’s printed plan, in the family’s language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-catalog.h"
#include "trellis-pog-map.h"
#include "trellis-report-options.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/**
 * TrellisReportBlockKind:
 * @TRELLIS_REPORT_BLOCK_SECTION: a section title (@text)
 * @TRELLIS_REPORT_BLOCK_FIELD: a @label beside the student’s or staff’s words (@text); a %NULL
 *   label gives the text the whole width
 * @TRELLIS_REPORT_BLOCK_GOAL: a goal’s title (@text) and its category, status and target
 *   date (@label); kept with what follows it
 * @TRELLIS_REPORT_BLOCK_PROGRESS: a @label beside a bar filled to @fraction and its @text
 * @TRELLIS_REPORT_BLOCK_NOTE: the note (@text), then who wrote it and when (@label)
 * @TRELLIS_REPORT_BLOCK_MAP: the Profile-of-a-Graduate map (@map) with its legend; @count is
 *   the number of attributes
 * @TRELLIS_REPORT_BLOCK_LINES: @count ruled lines to write on, with a hint (@text)
 * @TRELLIS_REPORT_BLOCK_SIGNATURES: a signature line for each of @items, each with a date
 *   line labelled @label
 */
typedef enum {
  TRELLIS_REPORT_BLOCK_SECTION,
  TRELLIS_REPORT_BLOCK_FIELD,
  TRELLIS_REPORT_BLOCK_GOAL,
  TRELLIS_REPORT_BLOCK_PROGRESS,
  TRELLIS_REPORT_BLOCK_NOTE,
  TRELLIS_REPORT_BLOCK_MAP,
  TRELLIS_REPORT_BLOCK_LINES,
  TRELLIS_REPORT_BLOCK_SIGNATURES,
} TrellisReportBlockKind;

/**
 * TrellisReportBlock:
 * @kind: what the block is
 * @label: (nullable): the label, already in the report’s language
 * @text: (nullable): the text
 * @fraction: for progress, from 0 to 1
 * @count: for writing lines, how many
 * @keep_with_next: the renderer keeps this block on the page of the next one when it can
 * @items: (nullable): for signatures, who signs
 * @map: (nullable): for the map, the student’s standing that draws itself
 *
 * One piece of the report, in reading order. The renderer decides where it falls on the page.
 */
typedef struct {
  TrellisReportBlockKind  kind;
  char                   *label;
  char                   *text;
  double                  fraction;
  guint                   count;
  gboolean                keep_with_next;
  char                  **items;
  TrellisPogMap          *map;
} TrellisReportBlock;

#define TRELLIS_TYPE_REPORT (trellis_report_get_type ())
G_DECLARE_FINAL_TYPE (TrellisReport, trellis_report, TRELLIS, REPORT, GObject)

TrellisReport  *trellis_report_new_for_student (TrellisStore               *store,
                                                gint64                      student_id,
                                                const TrellisReportOptions *options,
                                                GDateTime                  *now,
                                                GError                    **error);
gboolean        trellis_report_resolve_language (TrellisStore              *store,
                                                 gint64                     student_id,
                                                 const char                *language,
                                                 TrellisCatalog           **catalog,
                                                 GError                   **error);

const char     *trellis_report_translate       (TrellisReport              *self,
                                                const char                 *msgid) G_GNUC_FORMAT (2);
TrellisCatalog *trellis_report_get_catalog     (TrellisReport              *self);
const char     *trellis_report_get_school_name (TrellisReport              *self);
const char     *trellis_report_get_student_name (TrellisReport             *self);
const char     *trellis_report_get_title       (TrellisReport              *self);
const char     *trellis_report_get_details     (TrellisReport              *self);
const char     *trellis_report_get_print_date  (TrellisReport              *self);
GPtrArray      *trellis_report_get_blocks      (TrellisReport              *self);

G_END_DECLS
