/* trellis-pog-group.h — a group of students × the attributes of one framework, by level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* Levels follow the rule of trellis-pog-map.h. A group has one framework: the one most of the
 * students’ current plans use (the school default when none names one). Students whose plan
 * uses another framework have no levels in it, and trellis_pog_group_get_student_in_framework()
 * says so. */

#define TRELLIS_TYPE_POG_GROUP (trellis_pog_group_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPogGroup, trellis_pog_group, TRELLIS, POG_GROUP, GObject)

TrellisPogGroup *trellis_pog_group_new                      (TrellisStore    *store,
                                                             GArray          *student_ids,
                                                             GDateTime       *now,
                                                             GError         **error);
TrellisPogGroup *trellis_pog_group_new_in_framework         (TrellisStore    *store,
                                                             GArray          *student_ids,
                                                             gint64           framework_id,
                                                             GDateTime       *now,
                                                             GError         **error);

gint64           trellis_pog_group_get_framework_id         (TrellisPogGroup *self);
const char      *trellis_pog_group_get_framework_title      (TrellisPogGroup *self);

guint            trellis_pog_group_get_n_levels             (TrellisPogGroup *self);
const char      *trellis_pog_group_get_level_title          (TrellisPogGroup *self,
                                                             guint            level);
const char      *trellis_pog_group_get_level_color          (TrellisPogGroup *self,
                                                             guint            level);

guint            trellis_pog_group_get_n_attributes         (TrellisPogGroup *self);
const char      *trellis_pog_group_get_attribute_title      (TrellisPogGroup *self,
                                                             guint            attribute);
const char      *trellis_pog_group_get_attribute_color      (TrellisPogGroup *self,
                                                             guint            attribute);

guint            trellis_pog_group_get_n_students           (TrellisPogGroup *self);
gint64           trellis_pog_group_get_student_id           (TrellisPogGroup *self,
                                                             guint            student);
const char      *trellis_pog_group_get_student_name         (TrellisPogGroup *self,
                                                             guint            student);
gboolean         trellis_pog_group_get_student_in_framework (TrellisPogGroup *self,
                                                             guint            student);
int              trellis_pog_group_get_student_grade        (TrellisPogGroup *self,
                                                             guint            student);
const char      *trellis_pog_group_get_student_homeroom     (TrellisPogGroup *self,
                                                             guint            student);

int              trellis_pog_group_get_level                (TrellisPogGroup *self,
                                                             guint            student,
                                                             guint            attribute);
const char      *trellis_pog_group_get_level_title_at       (TrellisPogGroup *self,
                                                             guint            student,
                                                             guint            attribute);
int              trellis_pog_group_get_level_value          (TrellisPogGroup *self,
                                                             guint            student,
                                                             guint            attribute);
guint            trellis_pog_group_get_goal_count           (TrellisPogGroup *self,
                                                             guint            student,
                                                             guint            attribute);
char            *trellis_pog_group_dup_cell_description     (TrellisPogGroup *self,
                                                             guint            student,
                                                             guint            attribute);

G_END_DECLS
