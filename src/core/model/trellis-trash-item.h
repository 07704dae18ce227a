/* trellis-trash-item.h — a deleted student, plan or goal waiting in the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How long the trash keeps what was deleted (README “Where the data lives” quotes it). */
#define TRELLIS_TRASH_KEEP_DAYS 30

#define TRELLIS_TYPE_TRASH_ITEM (trellis_trash_item_get_type ())
G_DECLARE_FINAL_TYPE (TrellisTrashItem, trellis_trash_item, TRELLIS, TRASH_ITEM, GObject)

TrellisTrashItem *trellis_trash_item_new               (gint64      id,
                                                        const char *table,
                                                        const char *name,
                                                        const char *student_name,
                                                        guint       n_records,
                                                        const char *deleted_at,
                                                        const char *deleted_by);

gint64            trellis_trash_item_get_id            (TrellisTrashItem *self);
/* The table of the deleted record: "student", "plan" or "goal". */
const char       *trellis_trash_item_get_table         (TrellisTrashItem *self);
/* Translated: “Student”, “Plan”, “Goal”. */
const char       *trellis_trash_item_get_kind_label    (TrellisTrashItem *self);
const char       *trellis_trash_item_get_name          (TrellisTrashItem *self);
/* (nullable): the student a plan or goal belonged to, when that student is still here */
const char       *trellis_trash_item_get_student_name  (TrellisTrashItem *self);
/* The record and everything under it. */
guint             trellis_trash_item_get_n_records     (TrellisTrashItem *self);
GDateTime        *trellis_trash_item_get_deleted_at    (TrellisTrashItem *self);
const char       *trellis_trash_item_get_deleted_by    (TrellisTrashItem *self);
/* When it is removed for good, TRELLIS_TRASH_KEEP_DAYS after its deletion. */
GDateTime        *trellis_trash_item_get_expires_at    (TrellisTrashItem *self);

G_END_DECLS
