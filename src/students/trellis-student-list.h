/* trellis-student-list.h — the sidebar: search, filters, sorting and the list of students
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT_LIST (trellis_student_list_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStudentList, trellis_student_list, TRELLIS, STUDENT_LIST, GtkWidget)

TrellisStore *trellis_student_list_get_store          (TrellisStudentList *self);
void          trellis_student_list_set_store          (TrellisStudentList *self,
                                                       TrellisStore       *store);
void          trellis_student_list_reload             (TrellisStudentList *self);
guint         trellis_student_list_get_n_students     (TrellisStudentList *self);
guint         trellis_student_list_get_n_visible      (TrellisStudentList *self);
gint64        trellis_student_list_get_selected_id    (TrellisStudentList *self);
const char   *trellis_student_list_get_selected_name  (TrellisStudentList *self);
gint64        trellis_student_list_get_neighbour_id   (TrellisStudentList *self);
void          trellis_student_list_select_id          (TrellisStudentList *self,
                                                       gint64              id);
GArray       *trellis_student_list_dup_visible_ids    (TrellisStudentList *self);
void          trellis_student_list_set_search_text    (TrellisStudentList *self,
                                                       const char         *text);
void          trellis_student_list_focus_search       (TrellisStudentList *self);
void          trellis_student_list_set_show_archived  (TrellisStudentList *self,
                                                       gboolean            show_archived);

G_END_DECLS
