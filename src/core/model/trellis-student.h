/* trellis-student.h — a learner and their profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT (trellis_student_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudent, trellis_student, TRELLIS, STUDENT, TrellisEntity)

TrellisStudent *trellis_student_new (void);

G_END_DECLS
