/* trellis-student-view.h — the selected student: Profile, Plan, Graduate profile and History
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-student-page.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT_VIEW (trellis_student_view_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudentView, trellis_student_view, TRELLIS, STUDENT_VIEW, TrellisStudentPage)

AdwViewStack *trellis_student_view_get_stack      (TrellisStudentView *self);
gboolean      trellis_student_view_focus_page (TrellisStudentView *self);

G_END_DECLS
