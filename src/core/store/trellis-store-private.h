/* trellis-store-private.h — what other core modules (XML, report, samples) may use of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* The open connection, for fast read-only queries of core modules; never for writes that
 * bypass history. */
sqlite3       *trellis_store_get_db              (TrellisStore   *self);

/* A cached prepared statement, reset and with its bindings cleared. */
sqlite3_stmt  *trellis_store_prepare             (TrellisStore   *self,
                                                  const char     *sql,
                                                  GError        **error);

/* Inserts keeping the entity's own UUID and times when @keep_identity (imports, samples); an
 * entity that also has its row id is being restored (Undo) and is recorded so in history. */
gboolean       trellis_store_insert_full         (TrellisStore   *self,
                                                  TrellisEntity  *entity,
                                                  gboolean        keep_identity,
                                                  GError        **error);

/* Fills an entity from a row whose columns are trellis_store_select_columns()’ order. */
TrellisEntity *trellis_store_entity_from_row     (GType           type,
                                                  sqlite3_stmt   *stmt);
char          *trellis_store_select_columns      (GType           type);

/* Every entity type, parents before children. */
const GType   *trellis_store_entity_types        (guint          *n_types);
GType          trellis_store_type_for_table      (const char     *table);

gboolean       trellis_store_set_sqlite_error    (TrellisStore   *self,
                                                  GError        **error);

/* Steps @stmt (prepared and bound) to its end, appending its first column (row ids) to @ids,
 * a #GArray of `gint64`; returns the last step’s result code. The caller resets @stmt. */
int            trellis_store_append_ids          (sqlite3_stmt   *stmt,
                                                  GArray         *ids);

/* Undoes the transaction (or savepoint) of a write that failed; returns %FALSE, for the caller
 * to return. */
gboolean       trellis_store_rollback_failed     (TrellisStore   *self);

/* Resets @stmt after its last step returned @rc; unless @rc is SQLITE_DONE, first sets @error
 * from the connection and returns %FALSE. */
gboolean       trellis_store_finish_statement    (TrellisStore   *self,
                                                  sqlite3_stmt   *stmt,
                                                  int             rc,
                                                  GError        **error);
/* Runs a write statement to its end, then as trellis_store_finish_statement(). */
gboolean       trellis_store_step_done           (TrellisStore   *self,
                                                  sqlite3_stmt   *stmt,
                                                  GError        **error);

gboolean       trellis_store_link_competency_as_created (TrellisStore  *self,
                                                         gint64         goal_id,
                                                         gint64         competency_id,
                                                         const char    *created_at,
                                                         const char    *created_by,
                                                         GError       **error);

/* How many records of @table belong to the owner @parent_id (through the column @column). */
gint64         trellis_store_count_children      (TrellisStore   *self,
                                                  const char     *table,
                                                  const char     *column,
                                                  gint64          parent_id,
                                                  GError        **error);

/* Where copies made by an import came from (the copy_origin table). */
gboolean       trellis_store_add_copy_origin     (TrellisStore   *self,
                                                  const char     *table,
                                                  const char     *copy_uuid,
                                                  const char     *source_uuid,
                                                  GError        **error);
gint64         trellis_store_lookup_copy         (TrellisStore   *self,
                                                  const char     *table,
                                                  const char     *source_uuid,
                                                  GError        **error);

/* Checks a file as trellis_store_open() would (a Trellis database, not newer, not damaged)
 * without writing a byte to or beside it; @version gets its schema version. An empty file is
 * refused as not a Trellis database. */
gboolean       trellis_store_check_file          (const char     *path,
                                                  int            *version,
                                                  GError        **error);
/* A read-only connection that writes nothing to or beside @path (see trellis_store_check_file). */
int            trellis_store_open_for_reading    (const char     *path,
                                                  sqlite3       **db);

/* Tells every view that the whole database changed (after a restore). */
void           trellis_store_notify_reload       (TrellisStore   *self);

/* Tells the views that a record changed under their edits, as another program would (an
 * Undo of a stored edit): they show it except in fields being typed in. */
void           trellis_store_notify_external_change (TrellisStore *self);

/* %TRUE while a transaction is open: a restore must wait. */
gboolean       trellis_store_in_transaction      (TrellisStore   *self);

/* What trellis_store_delete() took, and what Undo or the Trash puts back. */
typedef struct
{
  gint64  goal_id;
  gint64  competency_id;
  char   *created_at;
  char   *created_by;
} TrellisSnapshotLink;

/* A plain reference (e.g. evidence → competency) that ON DELETE SET NULL will clear. */
typedef struct
{
  const char *table;    /* static: a class's table name */
  const char *column;   /* static: a field's column */
  gint64      row_id;
  gint64      value;
} TrellisSnapshotReference;

struct _TrellisSnapshot
{
  GPtrArray *records;    /* TrellisEntity, parents first */
  GArray    *links;      /* TrellisSnapshotLink */
  GArray    *references; /* TrellisSnapshotReference, restored after the records */
  char      *label;
  gint64     trash_id;   /* its row in the trash, 0 when it was not put there */
};

TrellisSnapshot *trellis_snapshot_new             (void);

/* Folds the WAL into the main file and truncates it (outside a transaction; a reader in
 * another connection may keep part of it for now). */
void           trellis_store_checkpoint          (TrellisStore    *self);

/* The trash (trellis-store-trash.c), inside the deleting transaction: keeps @snapshot of a
 * deleted student, plan or goal; other records are not kept (their deletion is undone only
 * while the window is open). Sets snapshot->trash_id. */
gboolean       trellis_store_put_in_trash        (TrellisStore    *self,
                                                  TrellisSnapshot *snapshot,
                                                  const char      *student_uuid,
                                                  const char      *name,
                                                  const char      *now,
                                                  GError         **error);
/* Inside the restoring transaction: the trash row of a snapshot put back goes. */
gboolean       trellis_store_take_from_trash     (TrellisStore    *self,
                                                  gint64           trash_id,
                                                  GError         **error);
/* Puts @snapshot back in one transaction (Undo, the Trash), with new row ids for records
 * whose ids were taken since. */
gboolean       trellis_store_restore_snapshot    (TrellisStore    *self,
                                                  TrellisSnapshot *snapshot,
                                                  GError         **error);

G_END_DECLS
