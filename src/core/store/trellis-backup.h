/* trellis-backup.h — rotating copies of a database, and restoring one of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/**
 * TrellisBackupReason:
 * @TRELLIS_BACKUP_DAILY: the first open of a day
 * @TRELLIS_BACKUP_BEFORE_IMPORT: just before a plan file or a framework was imported
 * @TRELLIS_BACKUP_BEFORE_RESTORE: just before another backup replaced the database
 * @TRELLIS_BACKUP_BEFORE_MIGRATION: just before the file was upgraded to a newer schema
 */
typedef enum {
  TRELLIS_BACKUP_DAILY,
  TRELLIS_BACKUP_BEFORE_IMPORT,
  TRELLIS_BACKUP_BEFORE_RESTORE,
  TRELLIS_BACKUP_BEFORE_MIGRATION,
} TrellisBackupReason;

/* How many copies rotation keeps (README “Where the data lives” quotes these). */
#define TRELLIS_BACKUP_KEEP_DAILY             7
#define TRELLIS_BACKUP_KEEP_WEEKLY            4
#define TRELLIS_BACKUP_KEEP_BEFORE_IMPORT     5
#define TRELLIS_BACKUP_KEEP_BEFORE_RESTORE    5
#define TRELLIS_BACKUP_KEEP_BEFORE_MIGRATION  3

#define TRELLIS_TYPE_BACKUP (trellis_backup_get_type ())
G_DECLARE_FINAL_TYPE (TrellisBackup, trellis_backup, TRELLIS, BACKUP, GObject)

const char          *trellis_backup_get_path          (TrellisBackup        *self);
TrellisBackupReason  trellis_backup_get_reason        (TrellisBackup        *self);
const char          *trellis_backup_reason_to_string  (TrellisBackupReason   reason);
GDateTime           *trellis_backup_get_time          (TrellisBackup        *self);
goffset              trellis_backup_get_size          (TrellisBackup        *self);
gint64               trellis_backup_get_n_students    (TrellisBackup        *self);

char                *trellis_backup_dup_folder        (void);
GListModel          *trellis_backup_list              (const char           *database_path);

gboolean             trellis_store_write_backup       (TrellisStore         *store,
                                                       const char           *path,
                                                       GError              **error);
TrellisBackup       *trellis_backup_take              (TrellisStore         *store,
                                                       TrellisBackupReason   reason,
                                                       GDateTime            *now,
                                                       GError              **error);
TrellisBackup       *trellis_backup_take_daily        (TrellisStore         *store,
                                                       GDateTime            *now,
                                                       GError              **error);
void                 trellis_backup_rotate            (const char           *database_path);

gboolean             trellis_backup_check             (const char           *path,
                                                       GError              **error);
gboolean             trellis_store_restore_backup     (TrellisStore         *store,
                                                       const char           *path,
                                                       GDateTime            *now,
                                                       GError              **error);
gboolean             trellis_backup_restore_file      (const char           *database_path,
                                                       const char           *path,
                                                       GDateTime            *now,
                                                       GError              **error);

G_END_DECLS
