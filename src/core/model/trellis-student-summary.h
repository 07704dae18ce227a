/* trellis-student-summary.h — the light row of the student list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT_SUMMARY (trellis_student_summary_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudentSummary, trellis_student_summary, TRELLIS, STUDENT_SUMMARY, GObject)

TrellisStudentSummary *trellis_student_summary_new             (gint64                 id,
                                                                const char            *uuid,
                                                                const char            *given_name,
                                                                const char            *family_name,
                                                                const char            *preferred_name,
                                                                const char            *student_number,
                                                                int                    grade_level,
                                                                const char            *homeroom,
                                                                const char            *advisor,
                                                                gboolean               archived,
                                                                const char            *plan_status);
gint64                 trellis_student_summary_get_id          (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_uuid        (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_given_name  (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_family_name (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_display_name (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_student_number (TrellisStudentSummary *self);
int                    trellis_student_summary_get_grade_level (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_homeroom    (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_advisor     (TrellisStudentSummary *self);
gboolean               trellis_student_summary_get_archived    (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_plan_status (TrellisStudentSummary *self);
const char            *trellis_student_summary_get_search_key  (TrellisStudentSummary *self);

char                  *trellis_student_display_name            (const char            *given_name,
                                                                const char            *family_name,
                                                                const char            *preferred_name);
char                  *trellis_search_fold                     (const char            *text);

G_END_DECLS
