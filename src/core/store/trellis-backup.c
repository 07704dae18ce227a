/* trellis-backup.c — rotating copies of a database, and restoring one of them
 *
 * Backups are whole SQLite files made with the online backup API, so they can be taken while
 * the database is in use. Each is written to a temporary file, checked with
 * `PRAGMA integrity_check` and only then renamed into `$XDG_DATA_HOME/trellis/backups/`
 * (folder 0700, files 0600). The file name says which database it copies, when and why:
 * `STEM-HASH-20261207T081000Z-daily.db`, HASH telling apart databases with the same name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-backup"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-backup.h"
#include "trellis-error.h"
#include "trellis-schema.h"
#include "trellis-store-private.h"

#define BUSY_RETRIES 50
/* Up to 1 GiB of a file is read through a memory map while it is checked. */
#define CHECK_MMAP_SIZE 1073741824
#define BUSY_SLEEP_MS 100

struct _TrellisBackup
{
  GObject              parent_instance;

  char                *path;
  TrellisBackupReason  reason;
  GDateTime           *time;
  goffset              size;
  gint64               n_students;
  /* When the file was written, to nanoseconds: orders copies named in the same second. */
  gint64               written_ns;
};

G_DEFINE_FINAL_TYPE (TrellisBackup, trellis_backup, G_TYPE_OBJECT)

static const char * const reason_names[] = {
  [TRELLIS_BACKUP_DAILY] = "daily",
  [TRELLIS_BACKUP_BEFORE_IMPORT] = "before-import",
  [TRELLIS_BACKUP_BEFORE_RESTORE] = "before-restore",
  [TRELLIS_BACKUP_BEFORE_MIGRATION] = "before-migration",
};

/* Helpers */

/* The part of a backup's name that says which database it copies. */
static char *
dup_database_key (const char *database_path)
{
  g_autofree char *absolute = g_canonicalize_filename (database_path, NULL);
  g_autofree char *base = g_path_get_basename (absolute);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s-%08x", base, g_str_hash (absolute));
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  GStatBuf info;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not create the backup folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  /* Backups hold every student’s words: nobody else may list them. */
  if (g_stat (folder, &info) == 0 && info.st_uid == getuid () && (info.st_mode & 0077) != 0)
    g_chmod (folder, 0700);
  return TRUE;
}

/* The whole check (pages, free list, every index against its table); reading the file through
 * a memory map makes it about a fifth faster than through the page cache. */
static gboolean
run_integrity_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  sqlite3_exec (db, "PRAGMA mmap_size = " G_STRINGIFY (CHECK_MMAP_SIZE), NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Copies every page of @src into @dest in one step (one consistent snapshot), waiting out
 * another program's lock. */
static int
copy_pages (sqlite3 *dest,
            sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_extended_errcode (dest);
  for (guint i = 0; ; i++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || i == BUSY_RETRIES)
        break;
      sqlite3_sleep (BUSY_SLEEP_MS);
    }
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Makes @path durable before it is renamed into place. */
static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          rc)
{
  g_autofree char *name = g_filename_display_basename (path);

  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE,
                 _("The disk is full: the backup “%s” could not be written. Nothing was changed."), name);
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                 _("The backup “%s” could not be written (%s). Nothing was changed."),
                 name, sqlite3_errstr (rc));
}

/* Writes a checked copy of @src to a new temporary file (mode 0600) beside @near and returns
 * its path. The copy uses the rollback journal, so it is one self-contained file. */
static char *
write_checked_copy (sqlite3     *src,
                    const char  *near,
                    GError     **error)
{
  g_autofree char *template = g_strconcat (near, ".XXXXXX", NULL);
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (near);
      g_set_error (error, TRELLIS_ERROR, saved_errno == ENOSPC ? TRELLIS_ERROR_NO_SPACE : TRELLIS_ERROR_IO,
                   _("The backup “%s” could not be written: %s. Nothing was changed."),
                   name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  /* Nobody sees the copy before it is checked and renamed: it is written without syncs, and
   * made durable once, after the check (sync_file()). */
  rc = sqlite3_open_v2 (template, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (dest, src);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_write_error (error, near, rc);
      sqlite3_close (dest);
      g_unlink (template);
      return NULL;
    }
  if (!run_integrity_check (dest))
    {
      g_autofree char *name = g_filename_display_basename (near);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
                   _("The copy “%s” failed its integrity check, so it was not kept. Nothing was changed."),
                   name);
      sqlite3_close (dest);
      g_unlink (template);
      return NULL;
    }
  sqlite3_close (dest);
  if (!sync_file (template))
    {
      set_write_error (error, near, errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR);
      g_unlink (template);
      return NULL;
    }
  return g_steal_pointer (&template);
}

static gboolean
parse_time (const char  *text,
            GDateTime  **time)
{
  int year, month, day, hour, minute, second;
  char end = '\0';

  if (sscanf (text, "%4d%2d%2dT%2d%2d%2d%c", &year, &month, &day, &hour, &minute, &second, &end) != 7 ||
      end != 'Z')
    return FALSE;
  *time = g_date_time_new_utc (year, month, day, hour, minute, second);
  return *time != NULL;
}

static gint64
count_students (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM student", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A backup from its file name (after the database's key), or %NULL for another file. */
static TrellisBackup *
backup_from_name (const char *folder,
                  const char *name,
                  const char *rest)
{
  g_autoptr(TrellisBackup) self = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *path = NULL;
  const char *reason;
  GStatBuf info;
  int reason_index = -1;

  if (strlen (rest) < 18 || rest[16] != '-' || !g_str_has_suffix (rest, ".db"))
    return NULL;
  if (!parse_time (rest, &time))
    return NULL;
  reason = rest + 17;
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      gsize len = strlen (reason_names[i]);

      /* “daily.db”, or “daily-2.db” for a second copy in the same second */
      if (strncmp (reason, reason_names[i], len) == 0 &&
          (reason[len] == '.' || reason[len] == '-'))
        reason_index = (int) i;
    }
  if (reason_index < 0)
    return NULL;

  path = g_build_filename (folder, name, NULL);
  if (g_stat (path, &info) != 0)
    return NULL;

  self = g_object_new (TRELLIS_TYPE_BACKUP, NULL);
  self->path = g_steal_pointer (&path);
  self->reason = (TrellisBackupReason) reason_index;
  self->time = g_steal_pointer (&time);
  self->size = info.st_size;
  self->n_students = -1;
  self->written_ns = (gint64) info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + info.st_mtim.tv_nsec;
  return g_steal_pointer (&self);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TrellisBackup *x = *(TrellisBackup **) a;
  TrellisBackup *y = *(TrellisBackup **) b;
  int order = g_date_time_compare (y->time, x->time);

  if (order == 0 && x->written_ns != y->written_ns)
    order = y->written_ns > x->written_ns ? 1 : -1;
  return order != 0 ? order : g_strcmp0 (y->path, x->path);
}

/* Every backup of @database_path, newest first, without opening them. */
static GPtrArray *
collect_backups (const char *database_path)
{
  g_autofree char *folder = trellis_backup_dup_folder ();
  g_autofree char *key = dup_database_key (database_path);
  g_autofree char *prefix = g_strconcat (key, "-", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    return backups;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      TrellisBackup *backup;

      if (!g_str_has_prefix (name, prefix))
        continue;
      backup = backup_from_name (folder, name, name + strlen (prefix));
      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort_with_data (backups, compare_newest_first, NULL);
  return backups;
}

static char *
dup_local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
dup_local_week (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  return g_date_time_format (local, "%G-%V");
}

static void
remove_backup_file (TrellisBackup *backup)
{
  g_autofree char *wal = g_strconcat (backup->path, "-wal", NULL);

  if (g_unlink (backup->path) != 0)
    g_debug ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
  g_unlink (wal);
}

/* Raw copy of a file (and its -wal) that SQLite refused to read: all of its bytes are kept. */
static gboolean
copy_raw (const char  *from,
          const char  *to,
          GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autofree char *from_wal = g_strconcat (from, "-wal", NULL);

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;
  g_chmod (to, 0600);
  if (g_file_test (from_wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
      g_autoptr(GFile) wal_source = g_file_new_for_path (from_wal);
      g_autoptr(GFile) wal_dest = g_file_new_for_path (to_wal);

      if (!g_file_copy (wal_source, wal_dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return FALSE;
      g_chmod (to_wal, 0600);
    }
  return TRUE;
}

/* A fresh name in the backup folder for a copy of @database_path taken at @now. */
static char *
dup_new_backup_path (const char           *database_path,
                     TrellisBackupReason   reason,
                     GDateTime            *now,
                     GError              **error)
{
  g_autofree char *folder = trellis_backup_dup_folder ();
  g_autofree char *key = dup_database_key (database_path);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  if (!ensure_folder (folder, error))
    return NULL;
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%s-%s.db", key, stamp, reason_names[reason])
                                     : g_strdup_printf ("%s-%s-%s-%u.db", key, stamp, reason_names[reason], n);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

static GDateTime *
ref_now (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

/* Copies @path (checked as a Trellis database) to a checked temporary file beside @near,
 * upgraded to this version's schema. */
static char *
prepare_restore_copy (const char  *path,
                      const char  *near,
                      GError     **error)
{
  g_autofree char *copy = NULL;
  sqlite3 *src = NULL;
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  if (!trellis_store_check_file (path, &version, error))
    return NULL;

  rc = trellis_store_open_for_reading (path, &src);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not read “%s” (%s). Nothing was changed."), name, sqlite3_errstr (rc));
      sqlite3_close (src);
      return NULL;
    }
  copy = write_checked_copy (src, near, error);
  sqlite3_close (src);
  if (copy == NULL)
    return NULL;
  if (version == TRELLIS_SCHEMA_VERSION)
    return g_steal_pointer (&copy);

  /* An older backup is upgraded in the copy; the backup itself stays as it was. */
  rc = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", TRELLIS_APPLICATION_ID);

      if (!trellis_schema_migrate (db, version, error) ||
          sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          if (error != NULL && *error == NULL)
            set_write_error (error, near, sqlite3_extended_errcode (db));
          sqlite3_close (db);
          g_unlink (copy);
          return NULL;
        }
    }
  else
    {
      set_write_error (error, near, rc);
      sqlite3_close (db);
      g_unlink (copy);
      return NULL;
    }
  sqlite3_close (db);
  return g_steal_pointer (&copy);
}

/* Overrides */

static void
trellis_backup_finalize (GObject *object)
{
  TrellisBackup *self = TRELLIS_BACKUP (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (trellis_backup_parent_class)->finalize (object);
}

static void
trellis_backup_class_init (TrellisBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_backup_finalize;
}

static void
trellis_backup_init (TrellisBackup *self)
{
}

/* Public API */

const char *
trellis_backup_get_path (TrellisBackup *self)
{
  g_return_val_if_fail (TRELLIS_IS_BACKUP (self), NULL);
  return self->path;
}

TrellisBackupReason
trellis_backup_get_reason (TrellisBackup *self)
{
  g_return_val_if_fail (TRELLIS_IS_BACKUP (self), TRELLIS_BACKUP_DAILY);
  return self->reason;
}

/**
 * trellis_backup_reason_to_string:
 * @reason: why a backup was taken
 *
 * Returns: a translated phrase, e.g. “Before an import”
 */
const char *
trellis_backup_reason_to_string (TrellisBackupReason reason)
{
  switch (reason)
    {
    case TRELLIS_BACKUP_DAILY:
      return _("Daily");
    case TRELLIS_BACKUP_BEFORE_IMPORT:
      return _("Before an import");
    case TRELLIS_BACKUP_BEFORE_RESTORE:
      return _("Before a restore");
    case TRELLIS_BACKUP_BEFORE_MIGRATION:
      return _("Before an upgrade");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * trellis_backup_get_time:
 * @self: a backup
 *
 * Returns: (transfer none): when the copy was taken (UTC)
 */
GDateTime *
trellis_backup_get_time (TrellisBackup *self)
{
  g_return_val_if_fail (TRELLIS_IS_BACKUP (self), NULL);
  return self->time;
}

goffset
trellis_backup_get_size (TrellisBackup *self)
{
  g_return_val_if_fail (TRELLIS_IS_BACKUP (self), 0);
  return self->size;
}

/**
 * trellis_backup_get_n_students:
 * @self: a backup
 *
 * Opens the copy (read-only) the first time it is asked.
 *
 * Returns: how many students the copy holds, -1 when it cannot be read
 */
gint64
trellis_backup_get_n_students (TrellisBackup *self)
{
  g_return_val_if_fail (TRELLIS_IS_BACKUP (self), -1);

  if (self->n_students < 0)
    self->n_students = count_students (self->path);
  return self->n_students;
}

/**
 * trellis_backup_dup_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/trellis/backups`
 */
char *
trellis_backup_dup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "trellis", "backups", NULL);
}

/**
 * trellis_backup_list:
 * @database_path: a database file
 *
 * Returns: (transfer full): a #GListModel of #TrellisBackup, the backups of @database_path,
 *   newest first
 */
GListModel *
trellis_backup_list (const char *database_path)
{
  g_autoptr(GPtrArray) backups = NULL;
  GListStore *list = g_list_store_new (TRELLIS_TYPE_BACKUP);

  g_return_val_if_fail (database_path != NULL, NULL);

  backups = collect_backups (database_path);
  g_list_store_splice (list, 0, 0, backups->pdata, backups->len);
  return G_LIST_MODEL (list);
}

/**
 * trellis_store_write_backup:
 * @store: an open store
 * @path: where the copy goes; replaced if it exists
 * @error: return location for a #GError
 *
 * Writes a consistent copy of the database while it stays in use: to a temporary file beside
 * @path (mode 0600), checked with `PRAGMA integrity_check`, then renamed to @path.
 *
 * Returns: %TRUE on success; on failure @path is as it was
 */
gboolean
trellis_store_write_backup (TrellisStore  *store,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  copy = write_checked_copy (trellis_store_get_db (store), path, error);
  if (copy == NULL)
    return FALSE;
  if (g_rename (copy, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("The backup “%s” could not be written: %s"), name, g_strerror (saved_errno));
      g_unlink (copy);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_backup_rotate:
 * @database_path: a database file
 *
 * Removes the backups of @database_path that rotation no longer keeps: of the daily copies,
 * the newest of each of the last %TRELLIS_BACKUP_KEEP_DAILY days, then the newest of each of
 * %TRELLIS_BACKUP_KEEP_WEEKLY weeks before them; of the others the newest
 * %TRELLIS_BACKUP_KEEP_BEFORE_IMPORT (restore, migration) of each reason.
 */
void
trellis_backup_rotate (const char *database_path)
{
  g_autoptr(GPtrArray) backups = collect_backups (database_path);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint kept[G_N_ELEMENTS (reason_names)] = { 0 };
  static const guint limits[] = {
    [TRELLIS_BACKUP_DAILY] = 0,
    [TRELLIS_BACKUP_BEFORE_IMPORT] = TRELLIS_BACKUP_KEEP_BEFORE_IMPORT,
    [TRELLIS_BACKUP_BEFORE_RESTORE] = TRELLIS_BACKUP_KEEP_BEFORE_RESTORE,
    [TRELLIS_BACKUP_BEFORE_MIGRATION] = TRELLIS_BACKUP_KEEP_BEFORE_MIGRATION,
  };

  for (guint i = 0; i < backups->len; i++)
    {
      TrellisBackup *backup = g_ptr_array_index (backups, i);
      gboolean keep = FALSE;

      if (backup->reason == TRELLIS_BACKUP_DAILY)
        {
          g_autofree char *day = dup_local_day (backup->time);
          g_autofree char *week = dup_local_week (backup->time);

          if (!g_hash_table_contains (days, day) &&
              g_hash_table_size (days) < TRELLIS_BACKUP_KEEP_DAILY)
            {
              g_hash_table_add (days, g_steal_pointer (&day));
              keep = TRUE;
            }
          else if (g_hash_table_size (days) == TRELLIS_BACKUP_KEEP_DAILY &&
                   !g_hash_table_contains (days, day) &&
                   !g_hash_table_contains (weeks, week) &&
                   g_hash_table_size (weeks) < TRELLIS_BACKUP_KEEP_WEEKLY)
            {
              g_hash_table_add (weeks, g_steal_pointer (&week));
              keep = TRUE;
            }
        }
      else
        keep = kept[backup->reason]++ < limits[backup->reason];

      if (!keep)
        remove_backup_file (backup);
    }
}

/**
 * trellis_backup_take:
 * @store: an open store
 * @reason: why
 * @now: (nullable): the time to record, %NULL for now
 * @error: return location for a #GError
 *
 * Writes a backup of @store into the backup folder (see trellis_store_write_backup()), then
 * rotates the folder.
 *
 * Returns: (transfer full) (nullable): the new backup, %NULL with @error set
 */
TrellisBackup *
trellis_backup_take (TrellisStore         *store,
                     TrellisBackupReason   reason,
                     GDateTime            *now,
                     GError              **error)
{
  g_autoptr(GDateTime) time = ref_now (now);
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  path = dup_new_backup_path (trellis_store_get_path (store), reason, time, error);
  if (path == NULL || !trellis_store_write_backup (store, path, error))
    return NULL;
  trellis_backup_rotate (trellis_store_get_path (store));

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  key = dup_database_key (trellis_store_get_path (store));
  return backup_from_name (folder, name, name + strlen (key) + 1);
}

/**
 * trellis_backup_take_daily:
 * @store: an open store
 * @now: (nullable): the time, %NULL for now
 * @error: return location for a #GError
 *
 * Takes the day’s backup on the first open of a (local) day.
 *
 * Returns: (transfer full) (nullable): the new backup; %NULL with @error unset when today’s
 *   backup exists already
 */
TrellisBackup *
trellis_backup_take_daily (TrellisStore  *store,
                           GDateTime     *now,
                           GError       **error)
{
  g_autoptr(GDateTime) time = ref_now (now);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = dup_local_day (time);

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  backups = collect_backups (trellis_store_get_path (store));
  for (guint i = 0; i < backups->len; i++)
    {
      TrellisBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *day = dup_local_day (backup->time);

      if (backup->reason == TRELLIS_BACKUP_DAILY && g_str_equal (day, today))
        return NULL;
    }
  return trellis_backup_take (store, TRELLIS_BACKUP_DAILY, time, error);
}

/**
 * trellis_backup_check:
 * @path: a file
 * @error: return location for a #GError
 *
 * Whether @path could be restored: a Trellis database, not from a newer version, passing
 * `PRAGMA integrity_check`. Nothing is written to or beside it.
 *
 * Returns: %TRUE when it could, else %FALSE with a message that says why
 */
gboolean
trellis_backup_check (const char  *path,
                      GError     **error)
{
  sqlite3 *db = NULL;
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!trellis_store_check_file (path, &version, error))
    return FALSE;
  ok = trellis_store_open_for_reading (path, &db) == SQLITE_OK && run_integrity_check (db);
  sqlite3_close (db);
  if (!ok)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged (its integrity check failed), so it cannot be restored. "
                     "Nothing was changed."), name);
    }
  return ok;
}

/**
 * trellis_store_restore_backup:
 * @store: an open store, not in a transaction
 * @path: a backup (or any Trellis database file)
 * @now: (nullable): the time of the before-restore backup, %NULL for now
 * @error: return location for a #GError
 *
 * Replaces the whole database with @path. @path is checked (a Trellis database, not newer,
 * integrity), copied to a checked temporary file and upgraded there if it is older; then the
 * current database is backed up and replaced in one transaction, which other connections see
 * at once. Emits #TrellisStore::changed with %TRELLIS_STORE_CHANGE_RELOAD.
 *
 * Returns: %TRUE on success; on failure the database is as it was
 */
gboolean
trellis_store_restore_backup (TrellisStore  *store,
                              const char    *path,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr(TrellisBackup) before = NULL;
  g_autofree char *folder = trellis_backup_dup_folder ();
  g_autofree char *near = g_build_filename (folder, "restoring.db", NULL);
  g_autofree char *copy = NULL;
  sqlite3 *src = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (trellis_store_is_read_only (store))
    {
      g_autofree char *name = g_filename_display_basename (trellis_store_get_path (store));
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("“%s” is open read-only, so a backup cannot replace it. Nothing was changed."), name);
      return FALSE;
    }
  if (trellis_store_in_transaction (store))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY,
                   _("A change is being stored; restore the backup again in a moment. Nothing was changed."));
      return FALSE;
    }
  if (!ensure_folder (folder, error))
    return FALSE;

  copy = prepare_restore_copy (path, near, error);
  if (copy == NULL)
    return FALSE;

  before = trellis_backup_take (store, TRELLIS_BACKUP_BEFORE_RESTORE, now, error);
  if (before == NULL)
    {
      g_unlink (copy);
      return FALSE;
    }

  rc = sqlite3_open_v2 (copy, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (trellis_store_get_db (store), src);
  sqlite3_close (src);
  g_unlink (copy);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (trellis_store_get_path (store));
      g_set_error (error, TRELLIS_ERROR, (rc & 0xff) == SQLITE_BUSY ? TRELLIS_ERROR_BUSY : TRELLIS_ERROR_IO,
                   _("“%s” could not be replaced by the backup (%s). Nothing was changed."),
                   name, sqlite3_errstr (rc));
      return FALSE;
    }

  trellis_store_notify_reload (store);
  return TRUE;
}

/**
 * trellis_backup_restore_file:
 * @database_path: a database file that is not open (e.g. one that was refused)
 * @path: a backup
 * @now: (nullable): the time of the before-restore copy, %NULL for now
 * @error: return location for a #GError
 *
 * Replaces @database_path by a checked, upgraded copy of @path: a temporary file beside it,
 * renamed over it. The file it replaces is first copied byte for byte (with its -wal) into
 * the backup folder, since SQLite may not be able to read it.
 *
 * Returns: %TRUE on success; on failure @database_path is as it was
 */
gboolean
trellis_backup_restore_file (const char  *database_path,
                             const char  *path,
                             GDateTime   *now,
                             GError     **error)
{
  g_autoptr(GDateTime) time = ref_now (now);
  g_autofree char *copy = NULL;
  g_autofree char *wal = g_strconcat (database_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database_path, "-shm", NULL);

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  copy = prepare_restore_copy (path, database_path, error);
  if (copy == NULL)
    return FALSE;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *before = dup_new_backup_path (database_path, TRELLIS_BACKUP_BEFORE_RESTORE,
                                                     time, error);

      if (before == NULL || !copy_raw (database_path, before, error))
        {
          g_unlink (copy);
          return FALSE;
        }
    }

  /* A -wal left by the replaced file would be replayed into the restored one. */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (copy, database_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (database_path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("“%s” could not be replaced by the backup: %s"), name, g_strerror (saved_errno));
      g_unlink (copy);
      return FALSE;
    }
  trellis_backup_rotate (database_path);
  return TRUE;
}
