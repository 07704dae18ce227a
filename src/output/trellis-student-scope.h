/* trellis-student-scope.h — which students an export takes: the selected one, the ones shown, all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  TRELLIS_STUDENT_SCOPE_SELECTED,
  TRELLIS_STUDENT_SCOPE_SHOWN,
  TRELLIS_STUDENT_SCOPE_ALL,
} TrellisStudentScopeChoice;

#define TRELLIS_TYPE_STUDENT_SCOPE (trellis_student_scope_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudentScope, trellis_student_scope, TRELLIS, STUDENT_SCOPE, AdwPreferencesGroup)

void                      trellis_student_scope_set_counts (TrellisStudentScope *self,
                                                            const char          *selected_name,
                                                            const char          *shown,
                                                            gboolean             any_shown,
                                                            const char          *all,
                                                            gboolean             any_at_all);
TrellisStudentScopeChoice trellis_student_scope_get_choice (TrellisStudentScope *self);

G_END_DECLS
