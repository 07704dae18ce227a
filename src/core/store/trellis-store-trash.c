/* trellis-store-trash.c — deleted students, plans and goals, kept 30 days and then gone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a student, a plan or a goal keeps what went (the record and everything under it,
 * the links and references the deletion cleared) as one row of the `trash` table, serialized
 * as a GVariant. Restoring puts it back through the same code as Undo. Emptying the trash, or
 * thirty days, makes it final: the trash row goes, with the history rows of every record in it
 * (for a student, all of the student's history), and the WAL is checkpointed and truncated;
 * `secure_delete` (always on) has zeroed the freed pages, so the words are in no file but the
 * backups.
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-store"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-trash-item.h"

#define SNAPSHOT_VERSION 1
#define RECORD_TYPE "(sxsssssxa{sms})"
#define SNAPSHOT_TYPE "(ua" RECORD_TYPE "a(xxss)a(ssxx))"

static gboolean
is_kept_in_trash (const char *table)
{
  return g_strcmp0 (table, "student") == 0 || g_strcmp0 (table, "plan") == 0 ||
         g_strcmp0 (table, "goal") == 0;
}

static gboolean
is_number_field (const TrellisField *field)
{
  return field->type == TRELLIS_FIELD_INT || field->type == TRELLIS_FIELD_BOOLEAN ||
         field->type == TRELLIS_FIELD_REFERENCE;
}

/* A number field's value as trellis_entity_dup_field_string() wrote it. */
static gboolean
parse_number (const TrellisField *field,
              const char         *value,
              gint64             *number)
{
  if (value == NULL)
    return FALSE;
  if (field->type == TRELLIS_FIELD_BOOLEAN)
    {
      *number = g_strcmp0 (value, "true") == 0;
      return *number || g_strcmp0 (value, "false") == 0;
    }
  return g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, number, NULL);
}

static GVariant *
serialize_record (TrellisEntity *entity)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  GVariantBuilder fields;

  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a{sms}"));
  for (guint f = 0; f < klass->n_fields; f++)
    {
      g_autofree char *value = trellis_entity_dup_field_string (entity, &klass->fields[f]);

      g_variant_builder_add (&fields, "{sms}", klass->fields[f].name, value);
    }
#define OR_EMPTY(s) ((s) != NULL ? (s) : "")
  return g_variant_new (RECORD_TYPE, klass->table, trellis_entity_get_id (entity),
                        OR_EMPTY (trellis_entity_get_uuid (entity)),
                        OR_EMPTY (trellis_entity_get_created_at (entity)),
                        OR_EMPTY (trellis_entity_get_created_by (entity)),
                        OR_EMPTY (trellis_entity_get_updated_at (entity)),
                        OR_EMPTY (trellis_entity_get_updated_by (entity)),
                        trellis_entity_get_revision (entity), &fields);
#undef OR_EMPTY
}

static GBytes *
serialize_snapshot (TrellisSnapshot *snapshot)
{
  GVariantBuilder records, links, references;
  g_autoptr(GVariant) variant = NULL;

  g_variant_builder_init (&records, G_VARIANT_TYPE ("a" RECORD_TYPE));
  for (guint i = 0; i < snapshot->records->len; i++)
    g_variant_builder_add_value (&records, serialize_record (snapshot->records->pdata[i]));
  g_variant_builder_init (&links, G_VARIANT_TYPE ("a(xxss)"));
  for (guint i = 0; i < snapshot->links->len; i++)
    {
      TrellisSnapshotLink *link = &g_array_index (snapshot->links, TrellisSnapshotLink, i);

      g_variant_builder_add (&links, "(xxss)", link->goal_id, link->competency_id,
                             link->created_at ? link->created_at : "",
                             link->created_by ? link->created_by : "");
    }
  g_variant_builder_init (&references, G_VARIANT_TYPE ("a(ssxx)"));
  for (guint i = 0; i < snapshot->references->len; i++)
    {
      TrellisSnapshotReference *reference = &g_array_index (snapshot->references, TrellisSnapshotReference, i);

      g_variant_builder_add (&references, "(ssxx)", reference->table, reference->column,
                             reference->row_id, reference->value);
    }
  variant = g_variant_ref_sink (g_variant_new (SNAPSHOT_TYPE, (guint32) SNAPSHOT_VERSION,
                                               &records, &links, &references));
  return g_variant_get_data_as_bytes (variant);
}

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
                       _("This item of the Trash is damaged and cannot be restored. Nothing was "
                         "changed; a backup from before the deletion still holds it."));
  return FALSE;
}

/* A record as serialize_record() wrote it; %NULL for anything this version would not write. */
static TrellisEntity *
deserialize_record (GVariant *record)
{
  const char *table, *uuid, *created_at, *created_by, *updated_at, *updated_by;
  g_autoptr(GVariantIter) fields = NULL;
  g_autoptr(TrellisEntity) entity = NULL;
  TrellisEntityClass *klass;
  gint64 id, revision;
  const char *name, *value;
  GType type;

  g_variant_get (record, "(&sx&s&s&s&s&sxa{sms})", &table, &id, &uuid, &created_at, &created_by,
                 &updated_at, &updated_by, &revision, &fields);
  type = trellis_store_type_for_table (table);
  if (type == G_TYPE_INVALID || id <= 0 || !g_uuid_string_is_valid (uuid))
    return NULL;
  entity = g_object_new (type, NULL);
  klass = TRELLIS_ENTITY_GET_CLASS (entity);
  trellis_entity_set_identity (entity, id, uuid, created_at, created_by, updated_at, updated_by);
  while (g_variant_iter_next (fields, "{&sm&s}", &name, &value))
    {
      const TrellisField *field = trellis_entity_class_find_field (klass, name);
      gint64 number = 0;

      if (field == NULL)
        return NULL;
      if (!is_number_field (field))
        trellis_entity_take_text (entity, field,
                                  g_strdup (value == NULL && field->type == TRELLIS_FIELD_TEXT ? "" : value));
      else if (parse_number (field, value, &number))
        trellis_entity_put_int64 (entity, field, number);
      else
        return NULL;
    }
  trellis_entity_set_stored (entity, revision > 0 ? revision : 1);
  return g_steal_pointer (&entity);
}

/* The static table and column names of the store's classes, for a reference read back. */
static gboolean
find_column (const char  *table,
             const char  *column,
             const char **static_table,
             const char **static_column)
{
  GType type = trellis_store_type_for_table (table);
  TrellisEntityClass *klass;
  gboolean found = FALSE;

  if (type == G_TYPE_INVALID)
    return FALSE;
  klass = g_type_class_ref (type);
  for (guint f = 0; f < klass->n_fields && !found; f++)
    if (g_strcmp0 (klass->fields[f].column, column) == 0)
      {
        *static_table = klass->table;
        *static_column = klass->fields[f].column;
        found = TRUE;
      }
  g_type_class_unref (klass);
  return found;
}

static TrellisSnapshot *
deserialize_snapshot (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GVariant) loose = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT_TYPE),
                                                                            bytes, FALSE));
  g_autoptr(GVariant) variant = g_variant_get_normal_form (loose);
  g_autoptr(TrellisSnapshot) snapshot = trellis_snapshot_new ();
  g_autoptr(GVariant) records = NULL;
  g_autoptr(GVariantIter) links = NULL;
  g_autoptr(GVariantIter) references = NULL;
  guint32 version;
  TrellisSnapshotLink link;
  TrellisSnapshotReference reference;
  const char *table, *column, *created_at, *created_by;

  g_variant_get (variant, "(u@a" RECORD_TYPE "a(xxss)a(ssxx))", &version, &records, &links, &references);
  if (version != SNAPSHOT_VERSION || g_variant_n_children (records) == 0)
    return set_damaged (error), NULL;
  for (gsize i = 0; i < g_variant_n_children (records); i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      TrellisEntity *entity = deserialize_record (record);

      if (entity == NULL)
        return set_damaged (error), NULL;
      g_ptr_array_add (snapshot->records, entity);
    }
  while (g_variant_iter_next (links, "(xx&s&s)", &link.goal_id, &link.competency_id, &created_at, &created_by))
    {
      link.created_at = g_strdup (created_at);
      link.created_by = g_strdup (created_by);
      g_array_append_val (snapshot->links, link);
    }
  while (g_variant_iter_next (references, "(&s&sxx)", &table, &column, &reference.row_id, &reference.value))
    {
      if (!find_column (table, column, &reference.table, &reference.column))
        return set_damaged (error), NULL;
      g_array_append_val (snapshot->references, reference);
    }
  return g_steal_pointer (&snapshot);
}

gboolean
trellis_store_put_in_trash (TrellisStore     *self,
                            TrellisSnapshot  *snapshot,
                            const char       *student_uuid,
                            const char       *name,
                            const char       *now,
                            GError          **error)
{
  TrellisEntity *top;
  g_autoptr(GBytes) bytes = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (snapshot->records->len > 0, FALSE);
  top = snapshot->records->pdata[0];
  if (!is_kept_in_trash (TRELLIS_ENTITY_GET_CLASS (top)->table))
    return TRUE;

  bytes = serialize_snapshot (snapshot);
  stmt = trellis_store_prepare (self,
                                "INSERT INTO trash (entity, entity_uuid, student_uuid, label, n_records, "
                                "deleted_at, deleted_by, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, TRELLIS_ENTITY_GET_CLASS (top)->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trellis_entity_get_uuid (top), -1, SQLITE_STATIC);
  if (student_uuid != NULL)
    sqlite3_bind_text (stmt, 3, student_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name ? name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, snapshot->records->len);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, trellis_store_get_editor_name (self), -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
  if (!trellis_store_step_done (self, stmt, error))
    return FALSE;
  snapshot->trash_id = sqlite3_last_insert_rowid (trellis_store_get_db (self));
  return TRUE;
}

gboolean
trellis_store_take_from_trash (TrellisStore  *self,
                               gint64         trash_id,
                               GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, "DELETE FROM trash WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  return trellis_store_step_done (self, stmt, error);
}

/* The snapshot of one trash row; %NULL with @error when it is gone or damaged. */
static TrellisSnapshot *
load_trash_snapshot (TrellisStore  *self,
                     gint64         trash_id,
                     GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, "SELECT snapshot FROM trash WHERE id = ?", error);
  g_autoptr(GBytes) bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (!trellis_store_finish_statement (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return NULL;
  if (bytes == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                           _("This is no longer in the Trash: it was restored, or the Trash was "
                             "emptied, in another window or on another computer."));
      return NULL;
    }
  return deserialize_snapshot (bytes, error);
}

/**
 * trellis_store_list_trash:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the #TrellisTrashItem<!-- -->s, the latest deletion first
 */
GListModel *
trellis_store_list_trash (TrellisStore  *self,
                          GError       **error)
{
  g_autoptr(GListStore) items = g_list_store_new (TRELLIS_TYPE_TRASH_ITEM);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                "SELECT t.id, t.entity, t.label, "
                                "  CASE WHEN s.id IS NULL THEN NULL ELSE trim(CASE WHEN s.preferred_name <> '' "
                                "  THEN s.preferred_name ELSE s.given_name END || ' ' || s.family_name) END, "
                                "  t.n_records, t.deleted_at, t.deleted_by "
                                "FROM trash t LEFT JOIN student s ON s.uuid = t.student_uuid "
                                "ORDER BY t.deleted_at DESC, t.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrellisTrashItem) item =
        trellis_trash_item_new (sqlite3_column_int64 (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3),
                                (guint) sqlite3_column_int64 (stmt, 4),
                                (const char *) sqlite3_column_text (stmt, 5),
                                (const char *) sqlite3_column_text (stmt, 6));

      g_list_store_append (items, item);
    }
  if (!trellis_store_finish_statement (self, stmt, rc, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&items));
}

/**
 * trellis_store_restore_from_trash:
 * @self: a store
 * @trash_id: a #TrellisTrashItem's id
 * @error: return location for a #GError
 *
 * Puts the deleted record back with everything under it, in one transaction, and takes it
 * out of the trash.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure
 */
gboolean
trellis_store_restore_from_trash (TrellisStore  *self,
                                  gint64         trash_id,
                                  GError       **error)
{
  g_autoptr(TrellisSnapshot) snapshot = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_begin (self, error))
    return FALSE;
  snapshot = load_trash_snapshot (self, trash_id, error);
  if (snapshot == NULL)
    return trellis_store_rollback_failed (self);
  snapshot->trash_id = trash_id;
  if (!trellis_store_restore_snapshot (self, snapshot, error))
    return trellis_store_rollback_failed (self);
  return trellis_store_commit (self, error);
}

/* Makes the deletions of @ids final: their trash rows, and the history of every record in
 * them, go in one transaction; then the WAL is emptied into the main file and truncated. */
static gboolean
purge (TrellisStore  *self,
       GArray        *ids,
       GError       **error)
{
  static const char * const forget[] = {
    "DELETE FROM history WHERE entity_uuid = ?",
    "DELETE FROM copy_origin WHERE copy_uuid = ?",
  };

  if (ids->len == 0)
    return TRUE;
  if (!trellis_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 trash_id = g_array_index (ids, gint64, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TrellisSnapshot) snapshot = load_trash_snapshot (self, trash_id, &local_error);

      /* A damaged row goes too: there is nothing in it to restore. */
      for (guint r = 0; snapshot != NULL && r < snapshot->records->len; r++)
        {
          TrellisEntity *record = snapshot->records->pdata[r];

          for (guint q = 0; q < G_N_ELEMENTS (forget); q++)
            {
              sqlite3_stmt *stmt = trellis_store_prepare (self, forget[q], error);

              if (stmt == NULL)
                return trellis_store_rollback_failed (self);
              sqlite3_bind_text (stmt, 1, trellis_entity_get_uuid (record), -1, SQLITE_STATIC);
              if (!trellis_store_step_done (self, stmt, error))
                return trellis_store_rollback_failed (self);
            }
        }
      if (local_error != NULL && !g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE) &&
          !g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return trellis_store_rollback_failed (self);
        }
      {
        /* A student's history names them in rows of records deleted long before. */
        sqlite3_stmt *stmt = trellis_store_prepare (self,
                                                    "DELETE FROM history WHERE student_uuid = "
                                                    "(SELECT entity_uuid FROM trash WHERE id = ? AND entity = 'student')",
                                                    error);
        if (stmt == NULL)
          return trellis_store_rollback_failed (self);
        sqlite3_bind_int64 (stmt, 1, trash_id);
        if (!trellis_store_step_done (self, stmt, error))
          return trellis_store_rollback_failed (self);
      }
      if (!trellis_store_take_from_trash (self, trash_id, error))
        return trellis_store_rollback_failed (self);
    }
  if (!trellis_store_commit (self, error))
    return FALSE;
  trellis_store_checkpoint (self);
  return TRUE;
}

static gboolean
purge_selected (TrellisStore  *self,
                const char    *sql,
                const char    *bound_text,
                guint         *n_purged,
                GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (bound_text != NULL)
    sqlite3_bind_text (stmt, 1, bound_text, -1, SQLITE_STATIC);
  if (!trellis_store_finish_statement (self, stmt, trellis_store_append_ids (stmt, ids), error))
    return FALSE;
  if (n_purged != NULL)
    *n_purged = ids->len;
  return purge (self, ids, error);
}

/**
 * trellis_store_delete_from_trash:
 * @self: a store
 * @trash_id: a #TrellisTrashItem's id
 * @error: return location for a #GError
 *
 * Makes one deletion final now (see trellis_store_empty_trash()).
 */
gboolean
trellis_store_delete_from_trash (TrellisStore  *self,
                                 gint64         trash_id,
                                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_array_append_val (ids, trash_id);
  return purge (self, ids, error);
}

/**
 * trellis_store_empty_trash:
 * @self: a store
 * @error: return location for a #GError
 *
 * Makes every deletion in the trash final: the records, and the history rows that name them,
 * are removed, and the WAL is checkpointed and truncated, so that their words remain in no
 * file but the backups.
 */
gboolean
trellis_store_empty_trash (TrellisStore  *self,
                           GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return purge_selected (self, "SELECT id FROM trash", NULL, NULL, error);
}

/**
 * trellis_store_expire_trash:
 * @self: a store
 * @now: (nullable): the time to count from, %NULL for now
 * @n_expired: (out) (optional): how many deletions became final
 * @error: return location for a #GError
 *
 * Makes final what was deleted more than %TRELLIS_TRASH_KEEP_DAYS days before @now.
 */
gboolean
trellis_store_expire_trash (TrellisStore  *self,
                            GDateTime     *now,
                            guint         *n_expired,
                            GError       **error)
{
  g_autoptr(GDateTime) current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (current);
  g_autoptr(GDateTime) limit = g_date_time_add_days (utc, -TRELLIS_TRASH_KEEP_DAYS);
  g_autofree char *before = g_date_time_format_iso8601 (limit);

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return purge_selected (self, "SELECT id FROM trash WHERE julianday (deleted_at) < julianday (?)",
                         before, n_expired, error);
}
