/* trellis-store.h — the SQLite file that holds a school’s students, plans and frameworks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-conflict.h"
#include "trellis-entity.h"
#include "trellis-error.h"

G_BEGIN_DECLS

/**
 * TrellisStoreChange:
 * @TRELLIS_STORE_CHANGE_INSERTED: a record was added
 * @TRELLIS_STORE_CHANGE_UPDATED: fields of a record changed
 * @TRELLIS_STORE_CHANGE_DELETED: a record and what it owns were removed
 * @TRELLIS_STORE_CHANGE_RELOAD: many records changed (an import, a restore): reload everything
 */
typedef enum {
  TRELLIS_STORE_CHANGE_INSERTED,
  TRELLIS_STORE_CHANGE_UPDATED,
  TRELLIS_STORE_CHANGE_DELETED,
  TRELLIS_STORE_CHANGE_RELOAD,
} TrellisStoreChange;

typedef struct _TrellisSnapshot TrellisSnapshot;
typedef struct _TrellisUndoJournal TrellisUndoJournal;

#define TRELLIS_TYPE_STORE (trellis_store_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStore, trellis_store, TRELLIS, STORE, GObject)

TrellisStore   *trellis_store_open                   (const char     *path,
                                                      GError        **error);
char           *trellis_store_default_path           (void);
const char     *trellis_store_get_path               (TrellisStore   *self);
const char     *trellis_store_get_journal_mode       (TrellisStore   *self);
gboolean        trellis_store_is_read_only           (TrellisStore   *self);
gboolean        trellis_store_is_exposed             (TrellisStore   *self);
void            trellis_store_set_busy_timeout       (TrellisStore   *self,
                                                      guint           milliseconds);
void            trellis_store_set_editor             (TrellisStore   *self,
                                                      const char     *name,
                                                      const char     *role);
const char     *trellis_store_get_editor_name        (TrellisStore   *self);
const char     *trellis_store_get_editor_role        (TrellisStore   *self);

gboolean        trellis_store_begin                  (TrellisStore   *self,
                                                      GError        **error);
gboolean        trellis_store_commit                 (TrellisStore   *self,
                                                      GError        **error);
void            trellis_store_rollback               (TrellisStore   *self);

gboolean        trellis_store_insert                 (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      GError        **error);
gboolean        trellis_store_save                   (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      GError        **error);
gboolean        trellis_store_save_full              (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      GPtrArray     **conflicts,
                                                      GError        **error);
gboolean        trellis_store_save_edits             (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      GPtrArray     **conflicts,
                                                      GError        **error);
TrellisUndoJournal *trellis_store_get_undo_journal   (TrellisStore   *self);
gboolean        trellis_store_try_write_lock         (TrellisStore   *self);
gboolean        trellis_store_get_waiting            (TrellisStore   *self,
                                                      TrellisError   *reason,
                                                      gint64         *since);
gboolean        trellis_store_refresh                (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      const char * const *held,
                                                      GPtrArray     **updated,
                                                      GError        **error);
gboolean        trellis_store_delete                 (TrellisStore   *self,
                                                      TrellisEntity  *entity,
                                                      TrellisSnapshot **snapshot,
                                                      GError        **error);
gboolean        trellis_store_restore                (TrellisStore   *self,
                                                      TrellisSnapshot *snapshot,
                                                      GError        **error);
void            trellis_snapshot_free                (TrellisSnapshot *snapshot);

/* The trash (TrellisTrashItem): deleted students, plans and goals, for TRELLIS_TRASH_KEEP_DAYS. */
GListModel     *trellis_store_list_trash             (TrellisStore   *self,
                                                      GError        **error);
gboolean        trellis_store_restore_from_trash     (TrellisStore   *self,
                                                      gint64          trash_id,
                                                      GError        **error);
gboolean        trellis_store_delete_from_trash      (TrellisStore   *self,
                                                      gint64          trash_id,
                                                      GError        **error);
gboolean        trellis_store_empty_trash            (TrellisStore   *self,
                                                      GError        **error);
gboolean        trellis_store_expire_trash           (TrellisStore   *self,
                                                      GDateTime      *now,
                                                      guint          *n_expired,
                                                      GError        **error);
guint           trellis_snapshot_get_n_records       (TrellisSnapshot *snapshot);

GArray         *trellis_store_select_student_ids     (TrellisStore   *self,
                                                      const char * const *uuids,
                                                      const char     *homeroom,
                                                      const int      *grade,
                                                      GError        **error);
gpointer        trellis_store_load                   (TrellisStore   *self,
                                                      GType           type,
                                                      gint64          id,
                                                      GError        **error);
gpointer        trellis_store_load_by_uuid           (TrellisStore   *self,
                                                      GType           type,
                                                      const char     *uuid,
                                                      GError        **error);
GListModel     *trellis_store_list                   (TrellisStore   *self,
                                                      GType           type,
                                                      const char     *parent_field,
                                                      gint64          parent_id,
                                                      GError        **error);
gint64          trellis_store_count                  (TrellisStore   *self,
                                                      GType           type);
GStrv           trellis_store_list_staff_names       (TrellisStore   *self,
                                                     GError        **error);
GListModel     *trellis_store_list_student_summaries (TrellisStore   *self,
                                                      GError        **error);
GListModel     *trellis_store_list_history           (TrellisStore   *self,
                                                      const char     *student_uuid,
                                                      GError        **error);

gboolean        trellis_store_link_competency        (TrellisStore   *self,
                                                      gint64          goal_id,
                                                      gint64          competency_id,
                                                      GError        **error);
gboolean        trellis_store_unlink_competency      (TrellisStore   *self,
                                                      gint64          goal_id,
                                                      gint64          competency_id,
                                                      GError        **error);
GArray         *trellis_store_list_goal_competencies (TrellisStore   *self,
                                                      gint64          goal_id,
                                                      GError        **error);

gboolean        trellis_store_has_setting            (TrellisStore   *self,
                                                      const char     *key);
char           *trellis_store_dup_setting            (TrellisStore   *self,
                                                      const char     *key);
gboolean        trellis_store_set_setting            (TrellisStore   *self,
                                                      const char     *key,
                                                      const char     *value,
                                                      GError        **error);
gint64          trellis_store_get_default_framework  (TrellisStore   *self);

gboolean        trellis_store_check_external_change  (TrellisStore   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSnapshot, trellis_snapshot_free)

G_END_DECLS
