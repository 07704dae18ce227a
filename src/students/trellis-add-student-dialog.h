/* trellis-add-student-dialog.h — the short dialog that adds a student: names and grade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ADD_STUDENT_DIALOG (trellis_add_student_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAddStudentDialog, trellis_add_student_dialog, TRELLIS, ADD_STUDENT_DIALOG, AdwMessageDialog)

GtkWidget *trellis_add_student_dialog_new (GtkWindow    *parent,
                                           TrellisStore *store);
void       trellis_add_student_dialog_set_values (TrellisAddStudentDialog *self,
                                                  const char              *given_name,
                                                  const char              *family_name,
                                                  int                      grade_level);

G_END_DECLS
