/* trellis-trash-item.c — a deleted student, plan or goal waiting in the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-trash-item.h"

struct _TrellisTrashItem
{
  GObject    parent_instance;

  gint64     id;
  char      *table;
  char      *name;
  char      *student_name;
  guint      n_records;
  GDateTime *deleted_at;
  GDateTime *expires_at;
  char      *deleted_by;
};

G_DEFINE_FINAL_TYPE (TrellisTrashItem, trellis_trash_item, G_TYPE_OBJECT)

static void
trellis_trash_item_finalize (GObject *object)
{
  TrellisTrashItem *self = TRELLIS_TRASH_ITEM (object);

  g_free (self->table);
  g_free (self->name);
  g_free (self->student_name);
  g_clear_pointer (&self->deleted_at, g_date_time_unref);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_free (self->deleted_by);
  G_OBJECT_CLASS (trellis_trash_item_parent_class)->finalize (object);
}

static void
trellis_trash_item_class_init (TrellisTrashItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_trash_item_finalize;
}

static void
trellis_trash_item_init (TrellisTrashItem *self)
{
}

TrellisTrashItem *
trellis_trash_item_new (gint64      id,
                        const char *table,
                        const char *name,
                        const char *student_name,
                        guint       n_records,
                        const char *deleted_at,
                        const char *deleted_by)
{
  TrellisTrashItem *self = g_object_new (TRELLIS_TYPE_TRASH_ITEM, NULL);

  self->id = id;
  self->table = g_strdup (table);
  self->name = g_strdup (name);
  self->student_name = student_name != NULL && *student_name != '\0' ? g_strdup (student_name) : NULL;
  self->n_records = n_records;
  self->deleted_at = g_date_time_new_from_iso8601 (deleted_at, NULL);
  if (self->deleted_at == NULL)
    self->deleted_at = g_date_time_new_now_utc ();
  self->expires_at = g_date_time_add_days (self->deleted_at, TRELLIS_TRASH_KEEP_DAYS);
  self->deleted_by = g_strdup (deleted_by);
  return self;
}

gint64
trellis_trash_item_get_id (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), 0);
  return self->id;
}

const char *
trellis_trash_item_get_table (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->table;
}

const char *
trellis_trash_item_get_kind_label (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  if (g_strcmp0 (self->table, "student") == 0)
    return _("Student");
  if (g_strcmp0 (self->table, "plan") == 0)
    return _("Plan");
  return _("Goal");
}

const char *
trellis_trash_item_get_name (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->name;
}

const char *
trellis_trash_item_get_student_name (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->student_name;
}

guint
trellis_trash_item_get_n_records (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), 0);
  return self->n_records;
}

GDateTime *
trellis_trash_item_get_deleted_at (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->deleted_at;
}

const char *
trellis_trash_item_get_deleted_by (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->deleted_by;
}

GDateTime *
trellis_trash_item_get_expires_at (TrellisTrashItem *self)
{
  g_return_val_if_fail (TRELLIS_IS_TRASH_ITEM (self), NULL);
  return self->expires_at;
}
