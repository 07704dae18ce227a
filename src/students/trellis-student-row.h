/* trellis-student-row.h — one student in the list: name, grade, homeroom and plan status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-student-summary.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT_ROW (trellis_student_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudentRow, trellis_student_row, TRELLIS, STUDENT_ROW, GtkWidget)

GtkWidget *trellis_student_row_new         (void);
gboolean   trellis_student_row_set_summary (TrellisStudentRow     *self,
                                            TrellisStudentSummary *summary);
void       trellis_student_row_fill        (TrellisStudentRow     *self);
TrellisStudentSummary *trellis_student_row_get_summary (TrellisStudentRow *self);
gboolean   trellis_student_row_is_filled   (TrellisStudentRow     *self);

G_END_DECLS
