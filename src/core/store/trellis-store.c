/* trellis-store.c — the SQLite file that holds a school’s students, plans and frameworks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "trellis-action-step.h"
#include "trellis-attribute.h"
#include "trellis-backup.h"
#include "trellis-competency.h"
#include "trellis-conflict.h"
#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-framework.h"
#include "trellis-framework-template.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-history-entry.h"
#include "trellis-level.h"
#include "trellis-limits.h"
#include "trellis-note.h"
#include "trellis-plan.h"
#include "trellis-schema.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-undo-journal.h"
#include "trellis-student-summary.h"
#include "trellis-vocabulary.h"

#define BUSY_TIMEOUT_MS 5000
#define MAX_PENDING_CHANGES 64

/* Filesystems on which WAL is unsafe (its shared memory needs one host). */
#define NFS_SUPER_MAGIC   0x6969
#define SMB_SUPER_MAGIC   0x517B
#define CIFS_SUPER_MAGIC  0xFF534D42
#define SMB2_SUPER_MAGIC  0xFE534D42
#define AFS_SUPER_MAGIC   0x5346414F
#define CODA_SUPER_MAGIC  0x73757245
#define NCP_SUPER_MAGIC   0x564c
#define FUSE_SUPER_MAGIC  0x65735546

typedef struct
{
  char               *table;
  char               *uuid;
  TrellisStoreChange  kind;
} PendingChange;

struct _TrellisStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *journal_mode;
  GHashTable *statements;
  char       *editor_name;
  char       *editor_role;
  GArray     *pending;
  guint       depth;
  gint64      data_version;
  gboolean    read_only;   /* the file or its folder cannot be written */
  gboolean    exposed;     /* others may read the file and it is not ours to tighten */
  GSource    *watch;       /* in the thread-default context of the opener */
  TrellisUndoJournal *undo;  /* what this connection’s person may take back */
  gboolean    waiting;     /* a write failed for a passing reason, and waits to be tried again */
  TrellisError waiting_reason;  /* %TRELLIS_ERROR_BUSY or %TRELLIS_ERROR_NO_SPACE */
  gint64      waiting_since;  /* monotonic µs of the first such failure */
  guint       busy_timeout_ms;
};

G_DEFINE_FINAL_TYPE (TrellisStore, trellis_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_EDITOR_NAME,
  PROP_EDITOR_ROLE,
  PROP_WAITING,
  N_PROPS
};

enum {
  CHANGED,
  EXTERNAL_CHANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (trellis-error-quark, trellis_error)

/* Helpers */

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_free (change->table);
  g_free (change->uuid);
}

static void
link_clear (gpointer data)
{
  TrellisSnapshotLink *link = data;

  g_free (link->created_at);
  g_free (link->created_by);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
is_text_type (TrellisFieldType type)
{
  return type == TRELLIS_FIELD_TEXT || type == TRELLIS_FIELD_DATE || type == TRELLIS_FIELD_TIMESTAMP;
}

static void
set_error_for_code (GError     **error,
                    int          code,
                    const char  *path,
                    const char  *detail)
{
  g_autofree char *name = g_filename_display_basename (path ? path : "");

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY,
                   _("“%s” is in use by another program, so nothing was changed. "
                     "Try again in a moment."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE,
                   _("The disk holding “%s” is full. Nothing was changed; free some space and try again."),
                   name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("“%s” cannot be written: check that the file and its folder may be changed by you."),
                   name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Reading or writing “%s” failed (%s)."), name, detail);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Trellis database, or it is damaged."), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The change was refused because it would break the data’s rules (%s)."), detail);
      break;
    default:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), name, detail);
    }
}

static gboolean
exec (TrellisStore  *self,
      const char    *sql,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return trellis_store_set_sqlite_error (self, error);
  return TRUE;
}

/* For statements run thousands of times in a batch (savepoints): parsed once, then cached. */
/* A text column, %NULL for SQL NULL. */
static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A write failed for a passing reason (@reason), or went through (@waiting FALSE). */
static void
set_waiting (TrellisStore *self,
             gboolean      waiting,
             TrellisError  reason)
{
  if (self->waiting == waiting && (!waiting || self->waiting_reason == reason))
    return;
  if (waiting && !self->waiting)
    self->waiting_since = g_get_monotonic_time ();
  else if (!waiting)
    self->waiting_since = 0;
  self->waiting = waiting;
  self->waiting_reason = reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

static gboolean
exec_cached (TrellisStore  *self,
             const char    *sql,
             GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return trellis_store_set_sqlite_error (self, error);
  return TRUE;
}

static gboolean
is_network_filesystem (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs info;

  if (statfs (dir, &info) != 0)
    return FALSE;

  switch ((guint32) info.f_type)
    {
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
    case AFS_SUPER_MAGIC:
    case CODA_SUPER_MAGIC:
    case NCP_SUPER_MAGIC:
    case FUSE_SUPER_MAGIC:
      return TRUE;
    default:
      return g_getenv ("TRELLIS_ASSUME_NETWORK_FS") != NULL;
    }
}

/* A database others may read is made private (0600) when it is ours; when it is not, the
 * store opens it and says so (trellis_store_is_exposed()). SQLite gives the -wal and -shm
 * files the database’s own mode, so they follow. */
static void
tighten_mode (const char *path,
              gboolean   *exposed)
{
  GStatBuf info;

  *exposed = FALSE;
  if (g_stat (path, &info) != 0 || (info.st_mode & 0077) == 0)
    return;
  if (info.st_uid == getuid () && g_chmod (path, info.st_mode & 0700) == 0)
    return;
  *exposed = TRUE;
}

/* Creates the file (mode 0600, its folder 0700) so SQLite never makes it world-readable. */
static gboolean
ensure_file (const char  *path,
             gboolean    *created,
             gboolean    *exposed,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *created = FALSE;
  *exposed = FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
                       _("“%s” is a folder, not a database file."), path);
          return FALSE;
        }
      if (g_access (path, R_OK) != 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                       _("You are not allowed to read “%s”."), path);
          return FALSE;
        }
      tighten_mode (path, exposed);
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  *created = TRUE;
  return TRUE;
}

/* A file that cannot be written, or whose folder cannot hold its journal (read-only media, a
 * shared folder), is opened read-only. */
static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* The 100-byte header of an SQLite file: magic words, then big-endian numbers. */
#define SQLITE_HEADER_SIZE      100
#define HEADER_WRITE_VERSION    18    /* 2 when the file is in WAL mode */
#define HEADER_USER_VERSION     60
#define HEADER_APPLICATION_ID   68

typedef struct
{
  gboolean empty;
  gboolean wal;
  int      user_version;
  guint32  application_id;
} FileHeader;

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

static void
set_not_trellis_error (GError     **error,
                       const char  *name)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Trellis database: it belongs to another program or holds "
                 "something else. It was not changed."), name);
}

static void
set_damaged_error (GError     **error,
                   const char  *name)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE,
               _("“%s” is damaged (its integrity check failed). It was not changed; "
                 "restore it from a backup or open another file."), name);
}

/* Reads the header through SQLite's own file layer, which only reads: no journal, no lock
 * file. Plain open() and close() would not do: closing any descriptor of a file drops every
 * POSIX lock this process holds on it, so another store open on the same file (a second
 * window, a worker thread) would lose its locks and another process could checkpoint and
 * remove the WAL under it. SQLite's Unix layer keeps such a descriptor open until its locks
 * go. */
static gboolean
read_file_header (const char  *path,
                  FileHeader  *header,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  guint8 bytes[SQLITE_HEADER_SIZE];
  gssize n_read = sizeof bytes;
  sqlite3_int64 size = 0;
  int flags = 0;
  int rc;

  memset (header, 0, sizeof *header);
  memset (bytes, 0, sizeof bytes);
  rc = vfs->xOpen (vfs, absolute, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags);
  if (rc != SQLITE_OK)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  rc = file->pMethods->xFileSize (file, &size);
  if (rc == SQLITE_OK)
    {
      n_read = (gssize) MIN (size, (sqlite3_int64) sizeof bytes);
      if (n_read > 0)
        rc = file->pMethods->xRead (file, bytes, (int) n_read, 0);
    }
  file->pMethods->xClose (file);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("Could not read “%s” (%s)."), name, sqlite3_errstr (rc));
      return FALSE;
    }

  if (n_read == 0)
    {
      header->empty = TRUE;
      return TRUE;
    }
  if (n_read < (gssize) sizeof bytes || memcmp (bytes, "SQLite format 3", 16) != 0)
    {
      set_not_trellis_error (error, name);
      return FALSE;
    }
  header->wal = bytes[HEADER_WRITE_VERSION] == 2;
  header->user_version = (int) read_be32 (bytes + HEADER_USER_VERSION);
  header->application_id = read_be32 (bytes + HEADER_APPLICATION_ID);
  return TRUE;
}

/* A Trellis file carries our application id; files from before the id are known by their
 * tables and can only be of version 1 or older. So a newer version is only “newer Trellis”
 * when the file says it is ours. */
static gboolean
check_identity (const char  *path,
                int          version,
                guint32      application_id,
                gboolean     has_trellis_tables,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (application_id != TRELLIS_APPLICATION_ID &&
      (application_id != 0 || version > 1 || (version > 0 && !has_trellis_tables)))
    {
      set_not_trellis_error (error, name);
      return FALSE;
    }
  if (version > TRELLIS_SCHEMA_VERSION)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Trellis (database version %d; "
                     "this version knows up to %d). Update Trellis to open it; the file was not changed."),
                   name, version, TRELLIS_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return 0;
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return value;
}

/* Opens a connection that reads the file without writing a byte to it or beside it. A file in
 * WAL mode without a -wal file is closed by everyone, so it can be read as immutable; otherwise
 * SQLite would create -wal and -shm files next to a file we may refuse. */
static int
open_for_inspection (const char  *path,
                     gboolean     wal,
                     sqlite3    **db)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;

  if (!wal || g_file_test (wal_path, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);

  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    return SQLITE_CANTOPEN;
  {
    g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);
    return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  }
}

/* Reads the version and checks the file without writing a byte to it. */
static gboolean
inspect_file (const char  *path,
              int         *version,
              gboolean    *needs_application_id,
              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  FileHeader header;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_trellis_tables = FALSE;
  guint32 application_id = 0;
  gint64 n_objects = 0;
  int rc;

  *version = 0;
  *needs_application_id = FALSE;
  if (!read_file_header (path, &header, error))
    return FALSE;
  if (header.empty)
    return TRUE;
  /* The header alone refuses another program’s or a newer file before SQLite opens it. */
  if (!check_identity (path, header.user_version, header.application_id, TRUE, error))
    return FALSE;

  rc = open_for_inspection (path, header.wal, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    *version = (int) query_int64 (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    application_id = (guint32) query_int64 (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    n_objects = query_int64 (db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc == SQLITE_OK)
    has_trellis_tables = query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                          "AND name IN ('student', 'plan', 'goal', 'history')", &rc) == 4;
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT)
        set_damaged_error (error, name);
      else if ((rc & 0xff) == SQLITE_NOTADB)
        set_not_trellis_error (error, name);
      else
        set_error_for_code (error, rc, path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  /* Tables at version 0 are another program’s. */
  if (*version == 0 && n_objects > 0)
    {
      set_not_trellis_error (error, name);
      sqlite3_close (db);
      return FALSE;
    }
  /* The header may lag a -wal file: SQLite’s own answer decides. */
  if (!check_identity (path, *version, application_id, has_trellis_tables, error))
    {
      sqlite3_close (db);
      return FALSE;
    }
  *needs_application_id = application_id == 0;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        rc = SQLITE_CORRUPT;
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        set_damaged_error (error, name);
      else
        set_error_for_code (error, rc, path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;
}

static gboolean
configure_connection (TrellisStore  *self,
                      GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *mode = is_network_filesystem (self->path) ? "DELETE" : "WAL";
  g_autofree char *journal = g_strdup_printf ("PRAGMA journal_mode = %s", mode);

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* 16 MB of page cache (the default is 2 MB) holds the student list’s pages of a
   * 10,000-student school, so listing it again reads no file. */
  if (!exec (self, "PRAGMA cache_size = -16384", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA trusted_schema = OFF", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;

  /* A read-only file keeps its journal mode; writes fail with a clear message. */
  if (self->read_only)
    {
      g_free (journal);
      journal = g_strdup ("PRAGMA journal_mode");
      if (!exec (self, "PRAGMA query_only = ON", error))
        return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db, journal, -1, &stmt, NULL) != SQLITE_OK)
    return trellis_store_set_sqlite_error (self, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->journal_mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);

  return self->read_only || exec (self, "PRAGMA synchronous = FULL", error);
}

static gint64
read_data_version (TrellisStore *self)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

static TrellisEntityClass *
entity_class_for (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, TRELLIS_TYPE_ENTITY), NULL);
  return TRELLIS_ENTITY_CLASS (g_type_class_ref (type));
}

static const TrellisField *
find_position_field (TrellisEntityClass *klass)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & TRELLIS_FIELD_FLAG_POSITION)
      return &klass->fields[i];
  return NULL;
}

static const TrellisField *
find_parent_field (TrellisEntityClass *klass)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & TRELLIS_FIELD_FLAG_PARENT)
      return &klass->fields[i];
  return NULL;
}

static void
bind_field (sqlite3_stmt       *stmt,
            int                 index,
            TrellisEntity      *entity,
            const TrellisField *field)
{
  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      {
        const char *value = *TRELLIS_FIELD_PTR (entity, field, char *);
        sqlite3_bind_text (stmt, index, value ? value : "", -1, SQLITE_TRANSIENT);
      }
      break;
    case TRELLIS_FIELD_INT:
      sqlite3_bind_int (stmt, index, *TRELLIS_FIELD_PTR (entity, field, int));
      break;
    case TRELLIS_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, index, *TRELLIS_FIELD_PTR (entity, field, gboolean) ? 1 : 0);
      break;
    case TRELLIS_FIELD_REFERENCE:
      {
        gint64 value = *TRELLIS_FIELD_PTR (entity, field, gint64);
        if (value > 0)
          sqlite3_bind_int64 (stmt, index, value);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
queue_change (TrellisStore       *self,
              const char         *table,
              const char         *uuid,
              TrellisStoreChange  kind)
{
  PendingChange change;

  /* Past this many, emit_pending() announces one reload: stop collecting. */
  if (self->pending->len > MAX_PENDING_CHANGES)
    return;
  change = (PendingChange) { g_strdup (table), g_strdup (uuid), kind };
  g_array_append_val (self->pending, change);
}

static void
emit_pending (TrellisStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  /* A batch (import, sample school) becomes one reload instead of thousands of signals. */
  if (pending->len > MAX_PENDING_CHANGES)
    {
      g_signal_emit (self, signals[CHANGED], 0, NULL, NULL, TRELLIS_STORE_CHANGE_RELOAD);
      return;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], 0, change->table, change->uuid, change->kind);
    }
}

/* How many records @table holds whose @column is @parent_id. */
static gint64
count_children (TrellisStore  *self,
                const char    *table,
                const char    *column,
                gint64         parent_id,
                GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  count = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return count;
}

/* Refuses one more record of @table under @parent_id when its owner holds all it may. */
static gboolean
check_room (TrellisStore  *self,
            const char    *table,
            const char    *column,
            gint64         parent_id,
            GError       **error)
{
  const TrellisLimit *limit = trellis_limits_for_table (table);
  g_autofree char *message = NULL;
  gint64 count;

  if (limit == NULL || parent_id <= 0)
    return TRUE;
  count = count_children (self, table, column, parent_id, error);
  if (count < 0)
    return FALSE;
  if (count < limit->max)
    return TRUE;
  message = trellis_limits_dup_message (limit);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
               _("%s This one has %d already; nothing was added."), message, (int) count);
  return FALSE;
}

static gboolean
link_exists (TrellisStore *self,
             gint64        goal_id,
             gint64        competency_id)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, "SELECT 1 FROM goal_competency "
                                                    "WHERE goal_id = ? AND competency_id = ?", NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_int64 (stmt, 2, competency_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/* The UUID of the student who owns a record, for the History page; NULL for frameworks. */
static char *
dup_student_uuid (TrellisStore  *self,
                  const char    *table,
                  gint64         id)
{
  g_autofree char *current_table = g_strdup (table);
  gint64 current_id = id;

  while (g_strcmp0 (current_table, "student") != 0)
    {
      GType type = trellis_store_type_for_table (current_table);
      TrellisEntityClass *klass;
      const TrellisField *parent;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (type == G_TYPE_INVALID)
        return NULL;
      klass = entity_class_for (type);
      parent = find_parent_field (klass);
      if (parent == NULL || g_strcmp0 (current_table, "attribute") == 0 ||
          g_strcmp0 (current_table, "competency") == 0 ||
          g_strcmp0 (current_table, "proficiency_level") == 0)
        {
          g_type_class_unref (klass);
          return NULL;
        }
      sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", parent->column, klass->table);
      g_free (current_table);
      current_table = g_strdup (parent->references);
      g_type_class_unref (klass);

      stmt = trellis_store_prepare (self, sql, NULL);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, current_id);
      current_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      /* A statement left mid-result keeps a read transaction open: other connections’
       * changes stay invisible and, on a network disk, their writes blocked. */
      sqlite3_reset (stmt);
      if (current_id == 0)
        return NULL;
    }

  {
    sqlite3_stmt *stmt = trellis_store_prepare (self, "SELECT uuid FROM student WHERE id = ?", NULL);
    char *uuid = NULL;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, current_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    return uuid;
  }
}

/* What a history row for a whole record (added, deleted, restored) calls it, so the history
 * can say which goal was deleted after it is gone: its title, name or text; a student's names. */
static char *
dup_record_name (TrellisEntity *entity)
{
  static const char * const names[] = { "title", "name", "text", "body", "school-year" };

  /* A student is named as everywhere else: by the name they go by. */
  if (TRELLIS_IS_STUDENT (entity))
    return trellis_student_display_name (trellis_entity_get_text (entity, "given-name"),
                                         trellis_entity_get_text (entity, "family-name"),
                                         trellis_entity_get_text (entity, "preferred-name"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const TrellisField *field = trellis_entity_find_field (entity, names[i]);
      g_autofree char *value = field != NULL ? trellis_entity_dup_field_string (entity, field) : NULL;

      if (value != NULL && *value != '\0')
        return g_steal_pointer (&value);
    }
  return NULL;
}

/* Every change is signed: a store with nobody named refuses to write. */
static gboolean
check_author (TrellisStore  *self,
              GError       **error)
{
  for (const char *p = self->editor_name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Nothing was changed: every change is signed, and nobody is named as "
                         "the person using Trellis. Say who you are first."));
  return FALSE;
}

static gboolean
write_history (TrellisStore  *self,
               const char    *table,
               const char    *uuid,
               const char    *student_uuid,
               const char    *field,
               const char    *old_value,
               const char    *new_value,
               const char    *when,
               GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO history (entity, entity_uuid, student_uuid, field, "
                                "old_value, new_value, author_name, author_role, changed_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (student_uuid != NULL)
    sqlite3_bind_text (stmt, 3, student_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field ? field : "", -1, SQLITE_STATIC);
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_STATIC);
  if (new_value != NULL)
    sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, self->editor_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, self->editor_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, when, -1, SQLITE_STATIC);
  return trellis_store_step_done (self, stmt, error);
}

static gboolean
collect_references (TrellisStore     *self,
                    const char       *table,
                    gint64            id,
                    TrellisSnapshot  *snapshot,
                    GError          **error)
{
  guint n_types;
  const GType *types = trellis_store_entity_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      TrellisEntityClass *klass = entity_class_for (types[t]);

      for (guint f = 0; f < klass->n_fields; f++)
        {
          const TrellisField *field = &klass->fields[f];
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt;

          if (field->type != TRELLIS_FIELD_REFERENCE || g_strcmp0 (field->references, table) != 0 ||
              (field->flags & (TRELLIS_FIELD_FLAG_PARENT | TRELLIS_FIELD_FLAG_CASCADE)) != 0)
            continue;
          sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", klass->table, field->column);
          stmt = trellis_store_prepare (self, sql, error);
          if (stmt == NULL)
            {
              g_type_class_unref (klass);
              return FALSE;
            }
          sqlite3_bind_int64 (stmt, 1, id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              TrellisSnapshotReference reference = { klass->table, field->column, sqlite3_column_int64 (stmt, 0), id };
              g_array_append_val (snapshot->references, reference);
            }
          sqlite3_reset (stmt);
        }
      g_type_class_unref (klass);
    }
  return TRUE;
}

static gboolean
collect_subtree (TrellisStore    *self,
                 TrellisEntity   *entity,
                 TrellisSnapshot *snapshot,
                 GHashTable      *seen,
                 GError         **error)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, klass->table,
                                          trellis_entity_get_id (entity));
  const GType *types;
  guint n_types;

  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return TRUE;
  g_ptr_array_add (snapshot->records, g_object_ref (entity));

  /* The links of a goal, or of a competency, go with it and come back with Undo. */
  if (g_strcmp0 (klass->table, "goal") == 0 || g_strcmp0 (klass->table, "competency") == 0)
    {
      gboolean is_goal = g_strcmp0 (klass->table, "goal") == 0;
      sqlite3_stmt *stmt = trellis_store_prepare (self,
                                                  is_goal
                                                    ? "SELECT goal_id, competency_id, created_at, created_by "
                                                      "FROM goal_competency WHERE goal_id = ?"
                                                    : "SELECT goal_id, competency_id, created_at, created_by "
                                                      "FROM goal_competency WHERE competency_id = ?",
                                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, trellis_entity_get_id (entity));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          TrellisSnapshotLink link = {
            sqlite3_column_int64 (stmt, 0),
            sqlite3_column_int64 (stmt, 1),
            g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
            g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
          };
          g_array_append_val (snapshot->links, link);
        }
      sqlite3_reset (stmt);
    }

  if (!collect_references (self, klass->table, trellis_entity_get_id (entity), snapshot, error))
    return FALSE;

  types = trellis_store_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      TrellisEntityClass *child_class = entity_class_for (types[t]);

      for (guint f = 0; f < child_class->n_fields; f++)
        {
          const TrellisField *field = &child_class->fields[f];
          g_autoptr(GListModel) children = NULL;

          if (g_strcmp0 (field->references, klass->table) != 0 ||
              !(field->flags & (TRELLIS_FIELD_FLAG_PARENT | TRELLIS_FIELD_FLAG_CASCADE)))
            continue;
          children = trellis_store_list (self, types[t], field->name,
                                         trellis_entity_get_id (entity), error);
          if (children == NULL)
            {
              g_type_class_unref (child_class);
              return FALSE;
            }
          for (guint i = 0; i < g_list_model_get_n_items (children); i++)
            {
              g_autoptr(TrellisEntity) child = g_list_model_get_item (children, i);
              if (!collect_subtree (self, child, snapshot, seen, error))
                {
                  g_type_class_unref (child_class);
                  return FALSE;
                }
            }
        }
      g_type_class_unref (child_class);
    }
  return TRUE;
}

static gboolean
on_watch_timeout (gpointer user_data)
{
  trellis_store_check_external_change (TRELLIS_STORE (user_data));
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
trellis_store_dispose (GObject *object)
{
  TrellisStore *self = TRELLIS_STORE (object);

  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);

  G_OBJECT_CLASS (trellis_store_parent_class)->dispose (object);
}

void
trellis_store_checkpoint (TrellisStore *self)
{
  if (self->db != NULL && self->depth == 0)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

static void
trellis_store_finalize (GObject *object)
{
  TrellisStore *self = TRELLIS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Fold the WAL into the file first: should another program still have it open (so
       * that closing leaves the WAL behind), the .db holds every change all the same. */
      trellis_store_checkpoint (self);
      sqlite3_close (self->db);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->journal_mode, g_free);
  g_clear_pointer (&self->editor_name, g_free);
  g_clear_pointer (&self->editor_role, g_free);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (trellis_store_parent_class)->finalize (object);
}

static void
trellis_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisStore *self = TRELLIS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_EDITOR_NAME:
      g_value_set_string (value, self->editor_name);
      break;
    case PROP_EDITOR_ROLE:
      g_value_set_string (value, self->editor_role);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_store_class_init (TrellisStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_store_dispose;
  object_class->finalize = trellis_store_finalize;
  object_class->get_property = trellis_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITOR_NAME] =
    g_param_spec_string ("editor-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITOR_ROLE] =
    g_param_spec_string ("editor-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TrellisStore:waiting:
   *
   * Whether the last write failed for a reason that passes (another program holds the
   * database, the disk is full) and the caller keeps it to try again; see
   * trellis_store_get_waiting().
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisStore::changed:
   * @table: (nullable): the record’s table, %NULL with %TRELLIS_STORE_CHANGE_RELOAD
   * @uuid: (nullable): the record’s UUID
   * @kind: a #TrellisStoreChange
   *
   * Emitted after a write is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);

  /**
   * TrellisStore::external-change:
   *
   * Another program (or another Trellis window) changed the file; views should reload.
   */
  signals[EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_store_init (TrellisStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_free);
  self->editor_name = g_strdup ("");
  self->editor_role = g_strdup ("teacher");
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->undo = trellis_undo_journal_new ();
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
}

/* Private API */

sqlite3 *
trellis_store_get_db (TrellisStore *self)
{
  return self->db;
}

gboolean
trellis_store_in_transaction (TrellisStore *self)
{
  return self->depth > 0;
}

void
trellis_store_notify_reload (TrellisStore *self)
{
  /* The records the steps name may be other ones now. */
  trellis_undo_journal_clear (self->undo);
  g_signal_emit (self, signals[CHANGED], 0, NULL, NULL, TRELLIS_STORE_CHANGE_RELOAD);
  self->data_version = read_data_version (self);
}

int
trellis_store_open_for_reading (const char  *path,
                                sqlite3    **db)
{
  FileHeader header;

  if (!read_file_header (path, &header, NULL))
    return SQLITE_CANTOPEN;
  return open_for_inspection (path, header.wal, db);
}

gboolean
trellis_store_check_file (const char  *path,
                          int         *version,
                          GError     **error)
{
  gboolean needs_application_id;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("“%s” does not exist or is not a file."), name);
      return FALSE;
    }
  if (!inspect_file (path, version, &needs_application_id, error))
    return FALSE;
  if (*version == 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      set_not_trellis_error (error, name);
      return FALSE;
    }
  return TRUE;
}

gboolean
trellis_store_set_sqlite_error (TrellisStore  *self,
                                GError       **error)
{
  if (self->read_only && (sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_READONLY)
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                   _("“%s” is open read-only (the file or its folder cannot be written), so "
                     "nothing was changed. You can still read, export and print it."), name);
      return FALSE;
    }
  set_error_for_code (error, sqlite3_extended_errcode (self->db), self->path,
                      sqlite3_errmsg (self->db));
  switch (sqlite3_extended_errcode (self->db) & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      set_waiting (self, TRUE, TRELLIS_ERROR_BUSY);
      break;
    case SQLITE_FULL:
      set_waiting (self, TRUE, TRELLIS_ERROR_NO_SPACE);
      break;
    default:
      break;
    }
  return FALSE;
}

int
trellis_store_append_ids (sqlite3_stmt *stmt,
                          GArray       *ids)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return rc;
}

gboolean
trellis_store_rollback_failed (TrellisStore *self)
{
  trellis_store_rollback (self);
  return FALSE;
}

gboolean
trellis_store_finish_statement (TrellisStore  *self,
                                sqlite3_stmt  *stmt,
                                int            rc,
                                GError       **error)
{
  if (rc != SQLITE_DONE)
    trellis_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
trellis_store_step_done (TrellisStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  return trellis_store_finish_statement (self, stmt, sqlite3_step (stmt), error);
}

sqlite3_stmt *
trellis_store_prepare (TrellisStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      trellis_store_set_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

const GType *
trellis_store_entity_types (guint *n_types)
{
  static GType types[11];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const GType all[] = {
        TRELLIS_TYPE_FRAMEWORK, TRELLIS_TYPE_ATTRIBUTE, TRELLIS_TYPE_COMPETENCY, TRELLIS_TYPE_LEVEL,
        TRELLIS_TYPE_STUDENT, TRELLIS_TYPE_GUARDIAN, TRELLIS_TYPE_PLAN, TRELLIS_TYPE_GOAL,
        TRELLIS_TYPE_ACTION_STEP, TRELLIS_TYPE_EVIDENCE, TRELLIS_TYPE_NOTE,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));
      memcpy (types, all, sizeof types);
      g_once_init_leave (&initialized, 1);
    }
  *n_types = G_N_ELEMENTS (types);
  return types;
}

GType
trellis_store_type_for_table (const char *table)
{
  guint n_types;
  const GType *types = trellis_store_entity_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      TrellisEntityClass *klass = entity_class_for (types[i]);
      gboolean match = g_strcmp0 (klass->table, table) == 0;

      g_type_class_unref (klass);
      if (match)
        return types[i];
    }
  return G_TYPE_INVALID;
}

char *
trellis_store_select_columns (GType type)
{
  TrellisEntityClass *klass = entity_class_for (type);
  GString *columns = g_string_new ("id, uuid, created_at, created_by, updated_at, updated_by");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (columns, ", %s", klass->fields[i].column);
  g_string_append (columns, ", revision");
  g_type_class_unref (klass);
  return g_string_free (columns, FALSE);
}

TrellisEntity *
trellis_store_entity_from_row (GType         type,
                               sqlite3_stmt *stmt)
{
  TrellisEntity *entity = g_object_new (type, NULL);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);

  trellis_entity_set_identity (entity,
                               sqlite3_column_int64 (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TrellisField *field = &klass->fields[i];
      int column = 6 + i;

      if (is_text_type (field->type))
        {
          const char *text = (const char *) sqlite3_column_text (stmt, column);

          if (field->type != TRELLIS_FIELD_TEXT && (text == NULL || *text == '\0'))
            trellis_entity_take_text (entity, field, NULL);
          else
            trellis_entity_take_text (entity, field, g_strdup (text ? text : ""));
        }
      else
        trellis_entity_put_int64 (entity, field, sqlite3_column_int64 (stmt, column));
    }
  trellis_entity_set_stored (entity, sqlite3_column_int64 (stmt, 6 + klass->n_fields));
  return entity;
}

gboolean
trellis_store_insert_full (TrellisStore   *self,
                           TrellisEntity  *entity,
                           gboolean        keep_identity,
                           GError        **error)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  g_autofree char *now = trellis_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *student_uuid = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *created_at, *created_by, *updated_at, *updated_by;
  sqlite3_stmt *stmt;
  gboolean keep_id = keep_identity && trellis_entity_get_id (entity) > 0;
  /* A record put back (Undo, the Trash) keeps its revision, so that an editor still holding
   * it compares against the same number. */
  gint64 revision = keep_id ? MAX (trellis_entity_get_revision (entity), 1) : 1;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  if (!check_author (self, error))
    return FALSE;
  if (!trellis_entity_validate (entity, error))
    return FALSE;

  if (keep_identity && trellis_entity_get_uuid (entity) != NULL)
    {
      uuid = g_strdup (trellis_entity_get_uuid (entity));
      created_at = trellis_entity_get_created_at (entity);
      created_by = trellis_entity_get_created_by (entity);
      updated_at = trellis_entity_get_updated_at (entity);
      updated_by = trellis_entity_get_updated_by (entity);
    }
  else
    {
      uuid = g_uuid_string_random ();
      created_at = updated_at = now;
      created_by = updated_by = self->editor_name;
    }

  g_string_append_printf (sql, "INSERT INTO %s (%suuid, created_at, created_by, updated_at, updated_by",
                          klass->table, keep_id ? "id, " : "");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].column);
  g_string_append (sql, ", revision) VALUES (?, ?, ?, ?, ?");
  if (keep_id)
    g_string_append (sql, ", ?");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ", ?)");

  if (!trellis_store_begin (self, error))
    return FALSE;

  {
    const TrellisField *parent = find_parent_field (klass);

    if (parent != NULL &&
        !check_room (self, klass->table, parent->column,
                     *TRELLIS_FIELD_PTR (entity, parent, gint64), error))
      return trellis_store_rollback_failed (self);
  }

  stmt = trellis_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return trellis_store_rollback_failed (self);
  {
    int index = 1;

    if (keep_id)
      sqlite3_bind_int64 (stmt, index++, trellis_entity_get_id (entity));
    sqlite3_bind_text (stmt, index++, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, index++, created_at ? created_at : now, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, index++, created_by ? created_by : "", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, index++, updated_at ? updated_at : now, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, index++, updated_by ? updated_by : "", -1, SQLITE_STATIC);
    for (guint i = 0; i < klass->n_fields; i++)
      bind_field (stmt, index++, entity, &klass->fields[i]);
    sqlite3_bind_int64 (stmt, index++, revision);
  }
  if (!trellis_store_step_done (self, stmt, error))
    return trellis_store_rollback_failed (self);

  trellis_entity_set_identity (entity, sqlite3_last_insert_rowid (self->db), uuid,
                               created_at ? created_at : now, created_by ? created_by : "",
                               updated_at ? updated_at : now, updated_by ? updated_by : "");
  trellis_entity_set_stored (entity, revision);

  /* A record that arrives with its identity (an import, the sample school) already says who
   * created it and when; a history row per record would only double the file. Records added
   * by hand, and records brought back by Undo, are written into the history. */
  if (!keep_identity || keep_id)
    {
      if (g_strcmp0 (klass->table, "student") == 0)
        student_uuid = g_strdup (uuid);
      else
        student_uuid = dup_student_uuid (self, klass->table, trellis_entity_get_id (entity));

      g_autofree char *name = dup_record_name (entity);

      if (!write_history (self, klass->table, uuid, student_uuid, NULL, name,
                          keep_id ? "restored" : "created", now, error))
        return trellis_store_rollback_failed (self);
    }

  queue_change (self, klass->table, uuid, TRELLIS_STORE_CHANGE_INSERTED);
  return trellis_store_commit (self, error);
}

/* Who signs what Trellis itself writes; not a person. */
#define SYSTEM_AUTHOR "Trellis"

/* A new file's Profile of a Graduate comes with Trellis, and is signed so. */
static gboolean
seed_default_framework (TrellisStore  *self,
                        GError       **error)
{
  g_autofree char *name = g_steal_pointer (&self->editor_name);
  gboolean ok;

  self->editor_name = g_strdup (SYSTEM_AUTHOR);
  ok = trellis_framework_template_load_default (self, NULL, error);
  g_free (self->editor_name);
  self->editor_name = g_steal_pointer (&name);
  return ok;
}

/* Public API */

/**
 * trellis_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/trellis/trellis.db`
 */
char *
trellis_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "trellis", "trellis.db", NULL);
}

/**
 * trellis_store_open:
 * @path: the database file; created (mode 0600) when missing
 * @error: return location for a #GError
 *
 * Opens or creates a Trellis database. A file from a newer Trellis, a file that is not a
 * database and a damaged file are refused with %TRELLIS_ERROR_TOO_NEW or
 * %TRELLIS_ERROR_NOT_A_DATABASE and are left byte for byte as they were. A new file gets the
 * current schema and the default Profile of a Graduate.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TrellisStore *
trellis_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(TrellisStore) self = NULL;
  gboolean created = FALSE;
  gboolean exposed = FALSE;
  gboolean needs_application_id = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_file (path, &created, &exposed, error))
    return NULL;

  if (!inspect_file (path, &version, &needs_application_id, error))
    {
      if (created)
        g_unlink (path);
      return NULL;
    }

  self = g_object_new (TRELLIS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->exposed = exposed;
  self->read_only = !created && !is_writable (path);

  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_basename (path);

      if (version < TRELLIS_SCHEMA_VERSION)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
                       _("“%s” was written by an older version of Trellis and must be upgraded, "
                         "but it cannot be written here. Copy it to a folder you may change and "
                         "open the copy; the file was not changed."), name);
          return NULL;
        }
      rc = trellis_store_open_for_reading (path, &self->db);
    }
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      trellis_store_set_sqlite_error (self, error);
      return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;

  if (version < TRELLIS_SCHEMA_VERSION)
    {
      /* The file as it was, before the upgrade changes it for good. */
      if (version > 0)
        {
          g_autoptr(TrellisBackup) backup = NULL;

          backup = trellis_backup_take (self, TRELLIS_BACKUP_BEFORE_MIGRATION, NULL, error);
          if (backup == NULL)
            return NULL;
        }
      if (!trellis_store_begin (self, error))
        return NULL;
      if (!trellis_schema_migrate (self->db, version, error) ||
          (version == 0 && !seed_default_framework (self, error)))
        {
          trellis_store_rollback (self);
          return NULL;
        }
      if (!trellis_store_commit (self, error))
        return NULL;
    }
  else if (needs_application_id && !self->read_only)
    {
      /* Files from before the application id get it, so later checks know them. */
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", TRELLIS_APPLICATION_ID);

      if (!exec (self, sql, error))
        return NULL;
    }

  self->data_version = read_data_version (self);
  /* A store opened in a worker thread (with its own thread-default context) is not polled
   * from the main loop, where its connection must not be used. */
  self->watch = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->watch, on_watch_timeout, self, NULL);
  g_source_attach (self->watch, g_main_context_get_thread_default ());

  return g_steal_pointer (&self);
}

/**
 * trellis_store_is_read_only:
 * @self: a store
 *
 * A file that cannot be written (read-only file or folder, mounted media) is opened for
 * reading: browsing, export and print work, every write fails with a message saying so.
 *
 * Returns: %TRUE when the database was opened read-only
 */
gboolean
trellis_store_is_read_only (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * trellis_store_is_exposed:
 * @self: a store
 *
 * Returns: %TRUE when other users may read the file and it could not be made private (it
 *   belongs to someone else)
 */
gboolean
trellis_store_is_exposed (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return self->exposed;
}

const char *
trellis_store_get_path (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return self->path;
}

/**
 * trellis_store_get_journal_mode:
 * @self: a store
 *
 * Returns: `wal` on a local disk, `delete` on a network filesystem
 */
const char *
trellis_store_get_journal_mode (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return self->journal_mode;
}

/**
 * trellis_store_set_busy_timeout:
 * @self: a store
 * @milliseconds: how long a write waits for another program’s lock before giving up
 *
 * A write that cannot get the lock within this time fails with %TRELLIS_ERROR_BUSY. The
 * default, 5 seconds, outlasts any normal action of another Trellis on the same file.
 */
void
trellis_store_set_busy_timeout (TrellisStore *self,
                                guint         milliseconds)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  self->busy_timeout_ms = milliseconds;
  sqlite3_busy_timeout (self->db, (int) MIN (milliseconds, G_MAXINT));
}

/**
 * trellis_store_try_write_lock:
 * @self: a store
 *
 * Checks, without waiting, whether a write could start now (no other program holds the
 * database); if so, a waiting state of %TRELLIS_ERROR_BUSY ends (#TrellisStore:waiting).
 * Nothing is written.
 *
 * Returns: whether the write lock was free
 */
gboolean
trellis_store_try_write_lock (TrellisStore *self)
{
  gboolean unlocked;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (self->depth > 0 || self->read_only)
    return FALSE;
  sqlite3_busy_timeout (self->db, 0);
  unlocked = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  if (unlocked)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, (int) MIN (self->busy_timeout_ms, G_MAXINT));
  if (unlocked && self->waiting && self->waiting_reason == TRELLIS_ERROR_BUSY)
    set_waiting (self, FALSE, 0);
  return unlocked;
}

/**
 * trellis_store_set_editor:
 * @self: a store
 * @name: who is using Trellis now
 * @role: one of `trellis_roles`
 *
 * Every later history row, and the author of every later record, is this person.
 */
void
trellis_store_set_editor (TrellisStore *self,
                          const char   *name,
                          const char   *role)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (g_strcmp0 (self->editor_name, name) != 0)
    {
      g_free (self->editor_name);
      self->editor_name = g_strdup (name ? name : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_NAME]);
    }
  if (g_strcmp0 (self->editor_role, role) != 0)
    {
      g_free (self->editor_role);
      self->editor_role = g_strdup (role ? role : "teacher");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_ROLE]);
    }
}

const char *
trellis_store_get_editor_name (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return self->editor_name;
}

const char *
trellis_store_get_editor_role (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return self->editor_role;
}

/**
 * trellis_store_begin:
 * @self: a store
 * @error: return location for a #GError
 *
 * Starts a transaction, or a savepoint inside one, so that callers can group writes into one
 * user action that is applied whole or not at all. Pair with trellis_store_commit() or
 * trellis_store_rollback().
 *
 * Returns: %TRUE when the transaction started
 */
gboolean
trellis_store_begin (TrellisStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT trellis_%u", self->depth);
  if (!exec_cached (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
trellis_store_commit (TrellisStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE trellis_%u", self->depth - 1);
  if (!exec_cached (self, sql, error))
    return trellis_store_rollback_failed (self);
  self->depth--;
  /* PRAGMA data_version does not move for this connection's own commits; reading it here
   * would swallow a change another program committed since the last poll. */
  if (self->depth == 0)
    {
      set_waiting (self, FALSE, 0);
      emit_pending (self);
    }
  return TRUE;
}

void
trellis_store_rollback (TrellisStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO trellis_%u; RELEASE trellis_%u",
                           self->depth - 1, self->depth - 1);
  /* A failed rollback means SQLite already rolled back (e.g. after SQLITE_FULL). */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
  if (self->depth == 0)
    g_array_set_size (self->pending, 0);
}

/**
 * trellis_store_insert:
 * @self: a store
 * @entity: a new record with its parent reference set
 * @error: return location for a #GError
 *
 * Validates and adds @entity, giving it an id, a UUID, times and the current editor as author.
 *
 * Returns: %FALSE with @error set, and nothing stored, when the record is invalid or the disk
 *   refuses
 */
gboolean
trellis_store_insert (TrellisStore   *self,
                      TrellisEntity  *entity,
                      GError        **error)
{
  return trellis_store_insert_full (self, entity, FALSE, error);
}

/* The newest history row of @field of @uuid says who wrote what is stored now, and when. */
static void
find_field_author (TrellisStore   *self,
                   const char     *uuid,
                   const char     *field,
                   TrellisEntity  *current,
                   char          **author,
                   char          **when)
{
  sqlite3_stmt *stmt;

  stmt = trellis_store_prepare (self,
                                "SELECT author_name, changed_at FROM history "
                                "WHERE entity_uuid = ? AND field = ? ORDER BY id DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *author = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *when = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
    }
  if (*author == NULL)
    {
      *author = g_strdup (trellis_entity_get_updated_by (current));
      *when = g_strdup (trellis_entity_get_updated_at (current));
    }
}

/* Another editor stored @current since @entity was loaded. Fields only @current changed are
 * taken into @entity; fields only @entity changed stay its changes; a field both changed to
 * different values is a conflict. @entity's base becomes @current, so that what still differs
 * is exactly what this editor changed on top of it. */
static void
merge_stored (TrellisStore  *self,
              TrellisEntity *entity,
              TrellisEntity *current,
              GPtrArray     *conflicts)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  TrellisEntity *base = trellis_entity_get_base (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TrellisField *field = &klass->fields[i];
      gboolean mine_changed = base == NULL || !trellis_field_equal (entity, base, field);
      gboolean theirs_changed = base == NULL || !trellis_field_equal (current, base, field);

      if (!theirs_changed || trellis_field_equal (entity, current, field))
        continue;
      if (!mine_changed)
        {
          g_autofree char *theirs = trellis_entity_dup_field_string (current, field);

          trellis_entity_set_field_string (entity, field, theirs, NULL);
        }
      else
        {
          g_autofree char *mine = trellis_entity_dup_field_string (entity, field);
          g_autofree char *theirs = trellis_entity_dup_field_string (current, field);
          g_autofree char *author = NULL;
          g_autofree char *when = NULL;

          find_field_author (self, trellis_entity_get_uuid (current), field->name, current,
                             &author, &when);
          g_ptr_array_add (conflicts, trellis_conflict_new (field, mine, theirs, author, when));
        }
    }
  trellis_entity_set_base (entity, current);
}

static void
set_conflict_error (GError        **error,
                    TrellisEntity  *entity,
                    GPtrArray      *conflicts)
{
  TrellisConflict *first = conflicts->pdata[0];
  const char *author = first->their_author[0] != '\0' ? first->their_author : _("Someone else");
  const char *record = _(TRELLIS_ENTITY_GET_CLASS (entity)->label);

  if (conflicts->len == 1)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                 _("%s changed “%s” of this %s meanwhile. Choose which text to keep."),
                 author, _(first->field->label), record);
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s changed %u field of this %s meanwhile. Choose which texts to keep.",
                              "%s changed %u fields of this %s meanwhile. Choose which texts to keep.",
                              conflicts->len),
                 author, conflicts->len, record);
}

/* trellis_store_save_full(), recording each field stored in the undo journal if @journal. */
static gboolean
save_fields (TrellisStore   *self,
             TrellisEntity  *entity,
             gboolean        journal,
             GPtrArray     **conflicts,
             GError        **error)
{
  TrellisEntityClass *klass;
  TrellisEntity *base;
  g_autoptr(TrellisEntity) old = NULL;
  g_autofree char *now = trellis_now_iso8601 ();
  g_autofree char *student_uuid = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_conflict_free);
  sqlite3_stmt *stmt;
  gint64 revision;
  int index = 1;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (conflicts == NULL || *conflicts == NULL, FALSE);

  if (!check_author (self, error))
    return FALSE;
  klass = TRELLIS_ENTITY_GET_CLASS (entity);
  if (trellis_entity_get_revision (entity) <= 0 || trellis_entity_get_base (entity) == NULL)
    {
      g_critical ("trellis_store_save: %s %s was not loaded from the store; load it first",
                  klass->table, trellis_entity_get_uuid (entity));
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("This record was not loaded from the database and cannot be saved."));
      return FALSE;
    }
  if (!trellis_entity_validate (entity, error))
    return FALSE;

  if (!trellis_store_begin (self, error))
    return FALSE;

  /* Under the write lock, the stored revision is the truth: if it moved on, merge first. */
  {
    g_autoptr(GError) load_error = NULL;
    g_autoptr(TrellisEntity) current = trellis_store_load (self, G_OBJECT_TYPE (entity),
                                                           trellis_entity_get_id (entity), &load_error);

    if (current == NULL)
      {
        if (g_error_matches (load_error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("This %s was deleted by someone else; your changes could not be stored."),
                       _(klass->label));
        else
          g_propagate_error (error, g_steal_pointer (&load_error));
        return trellis_store_rollback_failed (self);
      }
    if (trellis_entity_get_revision (current) != trellis_entity_get_revision (entity))
      merge_stored (self, entity, current, found);
  }

  base = trellis_entity_get_base (entity);
  old = g_object_ref (base);
  revision = trellis_entity_get_revision (entity);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TrellisField *field = &klass->fields[i];
      gboolean in_conflict = FALSE;

      for (guint j = 0; j < found->len; j++)
        in_conflict |= ((TrellisConflict *) found->pdata[j])->field == field;
      if (!in_conflict && !trellis_field_equal (entity, base, field))
        g_ptr_array_add (changed, (gpointer) field);
    }

  if (changed->len > 0)
    {
      sql = g_string_new (NULL);
      g_string_append_printf (sql, "UPDATE %s SET updated_at = ?, updated_by = ?, revision = revision + 1",
                              klass->table);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, ", %s = ?", ((const TrellisField *) changed->pdata[i])->column);
      g_string_append (sql, " WHERE id = ? AND revision = ?");

      stmt = trellis_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return trellis_store_rollback_failed (self);
      sqlite3_bind_text (stmt, index++, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index++, self->editor_name, -1, SQLITE_STATIC);
      for (guint i = 0; i < changed->len; i++)
        bind_field (stmt, index++, entity, changed->pdata[i]);
      sqlite3_bind_int64 (stmt, index++, trellis_entity_get_id (entity));
      sqlite3_bind_int64 (stmt, index, revision);
      if (!trellis_store_step_done (self, stmt, error))
        return trellis_store_rollback_failed (self);
      g_assert (sqlite3_changes (self->db) == 1);   /* we hold the write lock */

      student_uuid = g_strcmp0 (klass->table, "student") == 0
                       ? g_strdup (trellis_entity_get_uuid (entity))
                       : dup_student_uuid (self, klass->table, trellis_entity_get_id (entity));
      for (guint i = 0; i < changed->len; i++)
        {
          const TrellisField *field = changed->pdata[i];
          g_autofree char *old_value = trellis_entity_dup_field_string (old, field);
          g_autofree char *new_value = trellis_entity_dup_field_string (entity, field);

          if (!write_history (self, klass->table, trellis_entity_get_uuid (entity), student_uuid,
                              field->name, old_value, new_value, now, error))
            return trellis_store_rollback_failed (self);
        }
      queue_change (self, klass->table, trellis_entity_get_uuid (entity), TRELLIS_STORE_CHANGE_UPDATED);
    }
  if (!trellis_store_commit (self, error))
    {
      /* Nothing was stored: the entity goes on from the revision it had. */
      return FALSE;
    }

  if (journal && changed->len > 0)
    {
      g_autofree char *name = dup_record_name (entity);

      for (guint i = 0; i < changed->len; i++)
        {
          const TrellisField *field = changed->pdata[i];
          g_autofree char *old_value = trellis_entity_dup_field_string (old, field);
          g_autofree char *new_value = trellis_entity_dup_field_string (entity, field);

          trellis_undo_journal_push_edit (self->undo, G_OBJECT_TYPE (entity), trellis_entity_get_id (entity),
                                          name != NULL ? name : _(klass->label), field->name,
                                          old_value, new_value);
        }
    }

  if (changed->len > 0)
    {
      g_autoptr(TrellisEntity) stored = trellis_entity_copy (entity);

      /* The new base is the old one with this save's fields: conflicting ones stay mine. */
      for (guint i = 0; i < klass->n_fields; i++)
        if (!g_ptr_array_find (changed, &klass->fields[i], NULL))
          {
            g_autofree char *value = trellis_entity_dup_field_string (old, &klass->fields[i]);

            trellis_entity_set_field_string (stored, &klass->fields[i], value, NULL);
          }
      trellis_entity_set_identity (stored, trellis_entity_get_id (entity),
                                   trellis_entity_get_uuid (entity),
                                   trellis_entity_get_created_at (entity),
                                   trellis_entity_get_created_by (entity),
                                   now, self->editor_name);
      trellis_entity_set_stored (stored, revision + 1);
      trellis_entity_set_identity (entity, trellis_entity_get_id (entity),
                                   trellis_entity_get_uuid (entity),
                                   trellis_entity_get_created_at (entity),
                                   trellis_entity_get_created_by (entity),
                                   now, self->editor_name);
      trellis_entity_set_base (entity, stored);
    }

  if (found->len > 0)
    {
      set_conflict_error (error, entity, found);
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&found);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_store_save_full:
 * @self: a store
 * @entity: a record loaded from @self (or stored by it) whose properties were changed
 * @conflicts: (out) (optional) (transfer container) (element-type TrellisConflict): the fields
 *   both this editor and another changed, when the save fails with %TRELLIS_ERROR_CONFLICT
 * @error: return location for a #GError
 *
 * Writes the fields that @entity changed since it was loaded, and only those, as a
 * compare-and-set on the revision it was loaded at: one history row each, in one transaction.
 *
 * When someone else saved the record meanwhile, their changes to other fields are merged into
 * @entity and kept; a field both changed to different texts is not written: the save fails with
 * %TRELLIS_ERROR_CONFLICT and @conflicts. The other fields are stored all the same. Saving
 * @entity again keeps the conflicting texts of this editor; setting a field to the conflict’s
 * `theirs` uses theirs.
 *
 * Returns: %FALSE with @error set when a value is invalid, the record was deleted, the disk
 *   refused, or a conflict remains
 */
gboolean
trellis_store_save_full (TrellisStore   *self,
                         TrellisEntity  *entity,
                         GPtrArray     **conflicts,
                         GError        **error)
{
  return save_fields (self, entity, FALSE, conflicts, error);
}

/**
 * trellis_store_save_edits:
 * @self: a store
 * @entity: a record loaded from @self, with what the person typed
 * @conflicts: (out) (optional) (transfer container) (element-type TrellisConflict): as for
 *   trellis_store_save_full()
 * @error: return location for a #GError
 *
 * As trellis_store_save_full(), and each field stored goes into the undo journal, for Ctrl+Z.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_store_save_edits (TrellisStore   *self,
                          TrellisEntity  *entity,
                          GPtrArray     **conflicts,
                          GError        **error)
{
  return save_fields (self, entity, TRUE, conflicts, error);
}

/**
 * trellis_store_get_waiting:
 * @self: a store
 * @reason: (out) (optional): %TRELLIS_ERROR_BUSY (another program holds the database) or
 *   %TRELLIS_ERROR_NO_SPACE (the disk is full)
 * @since: (out) (optional): the monotonic time (µs) of the first failed write
 *
 * Returns: whether the last write failed for a reason that passes, so that what it carried
 *   waits to be tried again; %FALSE once a write went through
 */
gboolean
trellis_store_get_waiting (TrellisStore *self,
                           TrellisError *reason,
                           gint64       *since)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (reason != NULL)
    *reason = self->waiting_reason;
  if (since != NULL)
    *since = self->waiting_since;
  return self->waiting;
}

/**
 * trellis_store_get_undo_journal:
 * @self: a store
 *
 * Returns: (transfer none): the steps the person at this connection can take back
 */
TrellisUndoJournal *
trellis_store_get_undo_journal (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  return self->undo;
}

/**
 * trellis_store_refresh:
 * @self: a store
 * @entity: a record loaded from @self, perhaps with changes not saved yet
 * @held: (nullable) (array zero-terminated=1): property names of fields with edits waiting
 *   elsewhere (not in @entity yet), which must not change under them
 * @updated: (out) (transfer container) (element-type TrellisField): the fields that took a
 *   newer stored value
 * @error: return location for a #GError
 *
 * Brings what others stored since @entity was loaded into it, for views that stay open: a
 * field changed here (or @held) keeps its value; the others take the stored one. When no
 * field changed here was changed by them too, @entity moves on to the stored revision;
 * otherwise it stays behind, so that its next save merges and names the conflicts.
 *
 * Returns: %FALSE with %TRELLIS_ERROR_NOT_FOUND when the record was deleted, or another error
 */
gboolean
trellis_store_refresh (TrellisStore        *self,
                       TrellisEntity       *entity,
                       const char * const  *held,
                       GPtrArray          **updated,
                       GError             **error)
{
  g_autoptr(TrellisEntity) current = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  TrellisEntityClass *klass;
  TrellisEntity *base;
  gboolean behind = FALSE;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  current = trellis_store_load (self, G_OBJECT_TYPE (entity), trellis_entity_get_id (entity), error);
  if (current == NULL)
    return FALSE;

  klass = TRELLIS_ENTITY_GET_CLASS (entity);
  base = trellis_entity_get_base (entity);
  if (trellis_entity_get_revision (current) != trellis_entity_get_revision (entity))
    {
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const TrellisField *field = &klass->fields[i];
          gboolean mine = (held != NULL && g_strv_contains (held, field->name)) ||
                          (base != NULL && !trellis_field_equal (entity, base, field));
          g_autofree char *theirs = NULL;

          if (base != NULL && trellis_field_equal (current, base, field))
            continue;   /* they did not change it */
          if (mine)
            {
              behind |= !trellis_field_equal (entity, current, field) ||
                        (held != NULL && g_strv_contains (held, field->name));
              continue;
            }
          theirs = trellis_entity_dup_field_string (current, field);
          trellis_entity_set_field_string (entity, field, theirs, NULL);
          g_ptr_array_add (fields, (gpointer) field);
        }
      if (!behind)
        trellis_entity_set_base (entity, current);
    }
  if (updated != NULL)
    *updated = g_steal_pointer (&fields);
  return TRUE;
}

/**
 * trellis_store_save:
 * @self: a store
 * @entity: a record loaded from @self whose properties were changed
 * @error: return location for a #GError
 *
 * trellis_store_save_full() for callers that need no details of a conflict.
 *
 * Returns: %FALSE with @error set, and nothing overwritten, on failure
 */
gboolean
trellis_store_save (TrellisStore   *self,
                    TrellisEntity  *entity,
                    GError        **error)
{
  return trellis_store_save_full (self, entity, NULL, error);
}

/**
 * trellis_store_delete:
 * @self: a store
 * @entity: a stored record
 * @snapshot: (out) (optional) (transfer full): everything that was deleted, for Undo
 * @error: return location for a #GError
 *
 * Deletes @entity and everything it owns (a student’s guardians, plans, goals, steps,
 * evidence and notes) in one transaction.
 *
 * Returns: %FALSE with @error set, and nothing deleted, on failure
 */
gboolean
trellis_store_delete (TrellisStore     *self,
                      TrellisEntity    *entity,
                      TrellisSnapshot **snapshot,
                      GError          **error)
{
  TrellisEntityClass *klass;
  g_autoptr(TrellisSnapshot) taken = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = trellis_now_iso8601 ();
  g_autofree char *student_uuid = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  int n_plans;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  if (!check_author (self, error))
    return FALSE;
  klass = TRELLIS_ENTITY_GET_CLASS (entity);
  if (g_strcmp0 (klass->table, "framework") == 0)
    {
      stmt = trellis_store_prepare (self, "SELECT count(*) FROM plan WHERE framework_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, trellis_entity_get_id (entity));
      n_plans = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      sqlite3_reset (stmt);   /* else the read transaction outlives this call */
      if (n_plans > 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” cannot be deleted: %d plan uses it. Nothing was deleted.",
                                    "“%s” cannot be deleted: %d plans use it. Nothing was deleted.",
                                    n_plans),
                       trellis_entity_get_text (entity, "title"), n_plans);
          return FALSE;
        }
    }

  if (!trellis_store_begin (self, error))
    return FALSE;

  taken = trellis_snapshot_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!collect_subtree (self, entity, taken, seen, error))
    return trellis_store_rollback_failed (self);

  student_uuid = g_strcmp0 (klass->table, "student") == 0
                   ? g_strdup (trellis_entity_get_uuid (entity))
                   : dup_student_uuid (self, klass->table, trellis_entity_get_id (entity));

  name = dup_record_name (entity);
  if (!trellis_store_put_in_trash (self, taken, student_uuid, name, now, error))
    return trellis_store_rollback_failed (self);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  stmt = trellis_store_prepare (self, sql, error);
  if (stmt == NULL)
    return trellis_store_rollback_failed (self);
  sqlite3_bind_int64 (stmt, 1, trellis_entity_get_id (entity));
  if (!trellis_store_step_done (self, stmt, error))
    return trellis_store_rollback_failed (self);

  if (!write_history (self, klass->table, trellis_entity_get_uuid (entity), student_uuid,
                      NULL, name, "deleted", now, error))
    return trellis_store_rollback_failed (self);

  queue_change (self, klass->table, trellis_entity_get_uuid (entity), TRELLIS_STORE_CHANGE_DELETED);
  if (!trellis_store_commit (self, error))
    return FALSE;

  if (snapshot != NULL)
    {
      taken->label = name != NULL ? g_steal_pointer (&name) : g_strdup (_(klass->label));
      *snapshot = g_steal_pointer (&taken);
    }
  return TRUE;
}

/**
 * trellis_store_restore:
 * @self: a store
 * @snapshot: what trellis_store_delete() took
 * @error: return location for a #GError
 *
 * Puts back every deleted record with its own id, UUID, times and competency links (Undo).
 *
 * Returns: %FALSE with @error set, and nothing restored, on failure
 */
gboolean
trellis_store_restore (TrellisStore     *self,
                       TrellisSnapshot  *snapshot,
                       GError          **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return trellis_store_restore_snapshot (self, snapshot, error);
}

static gboolean
row_exists (TrellisStore  *self,
            const char    *table,
            const char    *column,
            const char    *uuid,
            gint64         id,
            GError       **error,
            gboolean      *exists)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  return trellis_store_finish_statement (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

static char *
id_key (const char *table,
        gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
}

/* The row id a record of the snapshot has now: its own, or the new one it was given. */
static gint64
mapped_id (GHashTable *moved,
           const char *table,
           gint64      id)
{
  g_autofree char *key = id_key (table, id);
  gpointer value;

  return g_hash_table_lookup_extended (moved, key, NULL, &value) ? (gint64) GPOINTER_TO_SIZE (value) : id;
}

/* The first record comes back under its owner, which must still be here; the same record
 * (its UUID) must not be here again (imported since it was deleted, say). */
static gboolean
check_restorable (TrellisStore   *self,
                  TrellisEntity  *top,
                  GError        **error)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (top);
  const TrellisField *parent = find_parent_field (klass);
  g_autofree char *name = dup_record_name (top);
  gboolean exists = FALSE;

  if (!row_exists (self, klass->table, "uuid", trellis_entity_get_uuid (top), 0, error, &exists))
    return FALSE;
  if (exists)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE,
                   _("“%s” is already here again (imported or restored since it was deleted), so "
                     "nothing was restored."), name ? name : _(klass->label));
      return FALSE;
    }
  if (parent == NULL || *TRELLIS_FIELD_PTR (top, parent, gint64) == 0)
    return TRUE;
  if (!row_exists (self, parent->references, "id", NULL, *TRELLIS_FIELD_PTR (top, parent, gint64),
                   error, &exists))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("“%s” cannot be restored: what it belonged to was deleted too. Restore that "
                     "first (it may be in the Trash); nothing was restored."),
                   name ? name : _(klass->label));
      return FALSE;
    }
  return TRUE;
}

/* Gives @entity a free row id when its own was taken since; its references to records moved
 * before it follow them. */
static gboolean
place_record (TrellisStore   *self,
              TrellisEntity  *entity,
              GHashTable     *moved,
              GError        **error)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  gint64 id = trellis_entity_get_id (entity);
  gboolean taken = FALSE;

  for (guint f = 0; f < klass->n_fields; f++)
    {
      const TrellisField *field = &klass->fields[f];
      gint64 value;

      if (field->type != TRELLIS_FIELD_REFERENCE)
        continue;
      value = *TRELLIS_FIELD_PTR (entity, field, gint64);
      if (value == 0)
        continue;
      value = mapped_id (moved, field->references, value);
      /* A competency, level or framework deleted since the record was: the reference goes, as
       * it would have gone had the record stayed. */
      if (!(field->flags & (TRELLIS_FIELD_FLAG_PARENT | TRELLIS_FIELD_FLAG_CASCADE)))
        {
          gboolean exists = FALSE;

          if (!row_exists (self, field->references, "id", NULL, value, error, &exists))
            return FALSE;
          if (!exists)
            value = 0;
        }
      trellis_entity_put_int64 (entity, field, value);
    }

  if (!row_exists (self, klass->table, "id", NULL, id, error, &taken))
    return FALSE;
  if (taken)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) + 1 FROM %s", klass->table);
      sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);
      gint64 fresh;
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      fresh = sqlite3_column_int64 (stmt, 0);
      if (!trellis_store_finish_statement (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
        return FALSE;
      g_hash_table_insert (moved, id_key (klass->table, id), GSIZE_TO_POINTER ((gsize) fresh));
      trellis_entity_set_id (entity, fresh);
    }
  return TRUE;
}

gboolean
trellis_store_restore_snapshot (TrellisStore     *self,
                                TrellisSnapshot  *snapshot,
                                GError          **error)
{
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  if (!check_author (self, error))
    return FALSE;
  if (!trellis_store_begin (self, error))
    return FALSE;
  if (snapshot->records->len > 0 && !check_restorable (self, snapshot->records->pdata[0], error))
    return trellis_store_rollback_failed (self);

  for (guint i = 0; i < snapshot->records->len; i++)
    if (!place_record (self, snapshot->records->pdata[i], moved, error) ||
        !trellis_store_insert_full (self, snapshot->records->pdata[i], TRUE, error))
      return trellis_store_rollback_failed (self);

  /* A link to a competency deleted since stays away with it. */
  for (guint i = 0; i < snapshot->links->len; i++)
    {
      TrellisSnapshotLink *link = &g_array_index (snapshot->links, TrellisSnapshotLink, i);

      stmt = trellis_store_prepare (self,
                                    "INSERT OR IGNORE INTO goal_competency "
                                    "(goal_id, competency_id, created_at, created_by) "
                                    "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM goal WHERE id = ?1) "
                                    "AND EXISTS (SELECT 1 FROM competency WHERE id = ?2)", error);
      if (stmt == NULL)
        return trellis_store_rollback_failed (self);
      sqlite3_bind_int64 (stmt, 1, mapped_id (moved, "goal", link->goal_id));
      sqlite3_bind_int64 (stmt, 2, mapped_id (moved, "competency", link->competency_id));
      sqlite3_bind_text (stmt, 3, link->created_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, link->created_by, -1, SQLITE_STATIC);
      if (!trellis_store_step_done (self, stmt, error))
        return trellis_store_rollback_failed (self);
    }

  /* References that the deletion cleared (ON DELETE SET NULL) point at their record again,
   * unless they were pointed elsewhere since. */
  for (guint i = 0; i < snapshot->references->len; i++)
    {
      TrellisSnapshotReference *reference = &g_array_index (snapshot->references, TrellisSnapshotReference, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND %s IS NULL",
                                              reference->table, reference->column, reference->column);
      const TrellisField *field = NULL;
      GType type = trellis_store_type_for_table (reference->table);
      TrellisEntityClass *klass = type != G_TYPE_INVALID ? entity_class_for (type) : NULL;

      for (guint f = 0; klass != NULL && f < klass->n_fields && field == NULL; f++)
        if (g_strcmp0 (klass->fields[f].column, reference->column) == 0)
          field = &klass->fields[f];
      stmt = trellis_store_prepare (self, sql, error);
      if (stmt == NULL)
        {
          g_clear_pointer (&klass, g_type_class_unref);
          return trellis_store_rollback_failed (self);
        }
      sqlite3_bind_int64 (stmt, 1, field != NULL ? mapped_id (moved, field->references, reference->value)
                                                 : reference->value);
      sqlite3_bind_int64 (stmt, 2, reference->row_id);
      g_clear_pointer (&klass, g_type_class_unref);
      if (!trellis_store_step_done (self, stmt, error))
        return trellis_store_rollback_failed (self);
    }

  if (snapshot->trash_id > 0 && !trellis_store_take_from_trash (self, snapshot->trash_id, error))
    return trellis_store_rollback_failed (self);
  if (!trellis_store_commit (self, error))
    return FALSE;
  snapshot->trash_id = 0;
  return TRUE;
}

TrellisSnapshot *
trellis_snapshot_new (void)
{
  TrellisSnapshot *snapshot = g_new0 (TrellisSnapshot, 1);

  snapshot->records = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->links = g_array_new (FALSE, TRUE, sizeof (TrellisSnapshotLink));
  g_array_set_clear_func (snapshot->links, link_clear);
  snapshot->references = g_array_new (FALSE, TRUE, sizeof (TrellisSnapshotReference));
  return snapshot;
}

void
trellis_snapshot_free (TrellisSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->records, g_ptr_array_unref);
  g_clear_pointer (&snapshot->links, g_array_unref);
  g_clear_pointer (&snapshot->references, g_array_unref);
  g_free (snapshot->label);
  g_free (snapshot);
}

guint
trellis_snapshot_get_n_records (TrellisSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);
  return snapshot->records->len;
}

/**
 * trellis_store_load:
 * @self: a store
 * @type: an entity type, e.g. %TRELLIS_TYPE_GOAL
 * @id: the row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new instance, or %NULL with %TRELLIS_ERROR_NOT_FOUND
 */
gpointer
trellis_store_load (TrellisStore  *self,
                    GType          type,
                    gint64         id,
                    GError       **error)
{
  TrellisEntityClass *klass;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  klass = entity_class_for (type);
  columns = trellis_store_select_columns (type);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, klass->table);
  g_type_class_unref (klass);

  stmt = trellis_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      TrellisEntity *entity = trellis_store_entity_from_row (type, stmt);
      sqlite3_reset (stmt);
      return entity;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                 _("The record no longer exists; it may have been deleted."));
  else
    trellis_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);
  return NULL;
}

/**
 * trellis_store_load_by_uuid:
 * @self: a store
 * @type: an entity type
 * @uuid: the record’s UUID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new instance, or %NULL with %TRELLIS_ERROR_NOT_FOUND
 */
gpointer
trellis_store_load_by_uuid (TrellisStore  *self,
                            GType          type,
                            const char    *uuid,
                            GError       **error)
{
  TrellisEntityClass *klass;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  klass = entity_class_for (type);
  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", klass->table);
  g_type_class_unref (klass);

  stmt = trellis_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("No record has the identifier %s."), uuid);
      return NULL;
    }
  return trellis_store_load (self, type, id, error);
}

/**
 * trellis_store_list:
 * @self: a store
 * @type: an entity type
 * @parent_field: (nullable): a reference field to filter by, e.g. `plan-id`
 * @parent_id: the row id it must hold
 * @error: return location for a #GError
 *
 * Lists records in their order (position, then creation).
 *
 * Returns: (transfer full) (nullable): a #GListModel of @type
 */
GListModel *
trellis_store_list (TrellisStore  *self,
                    GType          type,
                    const char    *parent_field,
                    gint64         parent_id,
                    GError       **error)
{
  TrellisEntityClass *klass;
  const TrellisField *filter = NULL;
  const TrellisField *position;
  g_autofree char *columns = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  klass = entity_class_for (type);
  columns = trellis_store_select_columns (type);
  position = find_position_field (klass);
  if (parent_field != NULL)
    {
      filter = trellis_entity_class_find_field (klass, parent_field);
      g_return_val_if_fail (filter != NULL, NULL);
    }
  g_string_append_printf (sql, "SELECT %s FROM %s", columns, klass->table);
  if (filter != NULL)
    g_string_append_printf (sql, " WHERE %s = ?", filter->column);
  g_string_append_printf (sql, " ORDER BY %s%sid", position ? position->column : "",
                          position ? ", " : "");
  g_type_class_unref (klass);

  stmt = trellis_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, trellis_store_entity_from_row (type, stmt));
  if (!trellis_store_finish_statement (self, stmt, rc, error))
    return NULL;

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
trellis_store_count (TrellisStore *self,
                     GType         type)
{
  TrellisEntityClass *klass;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  klass = entity_class_for (type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  g_type_class_unref (klass);
  stmt = trellis_store_prepare (self, sql, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/**
 * trellis_store_list_student_summaries:
 * @self: a store
 * @error: return location for a #GError
 *
 * The light rows of the student list (names, grade, homeroom, advisor, number, archived and the
 * status of the newest plan), sorted by family name then given name. Details load on demand.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TrellisStudentSummary
 */
GListModel *
trellis_store_list_student_summaries (TrellisStore  *self,
                                      GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TRELLIS_TYPE_STUDENT_SUMMARY);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                "SELECT s.id, s.uuid, s.given_name, s.family_name, s.preferred_name, "
                                "s.student_number, s.grade_level, s.homeroom, s.advisor, s.archived, "
                                "(SELECT p.status FROM plan p WHERE p.student_id = s.id "
                                " ORDER BY p.school_year DESC LIMIT 1) "
                                "FROM student s "
                                "ORDER BY s.family_name COLLATE NOCASE, s.given_name COLLATE NOCASE, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, trellis_student_summary_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                                         column_text (stmt, 2), column_text (stmt, 3),
                                                         column_text (stmt, 4), column_text (stmt, 5),
                                                         sqlite3_column_int (stmt, 6), column_text (stmt, 7),
                                                         column_text (stmt, 8), sqlite3_column_int (stmt, 9) != 0,
                                                         column_text (stmt, 10)));
  if (!trellis_store_finish_statement (self, stmt, rc, error))
    return NULL;
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * trellis_store_select_student_ids:
 * @self: a store
 * @uuids: (nullable) (array zero-terminated=1): students by UUID, in this order; %NULL for every
 *   current (not archived) student, in list order (family name, given name)
 * @homeroom: (nullable): only students of this homeroom
 * @grade: (nullable): only students of this grade
 * @error: return location for a #GError
 *
 * The students a command names, e.g. whose plans to print. A UUID that matches no student, or
 * not the filters, is left out.
 *
 * Returns: (transfer full) (element-type gint64): their row ids, or %NULL with @error set
 */
GArray *
trellis_store_select_student_ids (TrellisStore       *self,
                                  const char * const *uuids,
                                  const char         *homeroom,
                                  const int          *grade,
                                  GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                uuids != NULL
                                  ? "SELECT id FROM student WHERE uuid = ?3 "
                                    "AND (?1 IS NULL OR homeroom = ?1) AND (?2 IS NULL OR grade_level = ?2)"
                                  : "SELECT id FROM student WHERE NOT archived "
                                    "AND (?1 IS NULL OR homeroom = ?1) AND (?2 IS NULL OR grade_level = ?2) "
                                    "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; uuids == NULL ? i == 0 : uuids[i] != NULL; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, homeroom, -1, SQLITE_TRANSIENT);
      if (grade != NULL)
        sqlite3_bind_int (stmt, 2, *grade);
      else
        sqlite3_bind_null (stmt, 2);
      if (uuids != NULL)
        sqlite3_bind_text (stmt, 3, uuids[i], -1, SQLITE_TRANSIENT);
      rc = trellis_store_append_ids (stmt, ids);
      if (!trellis_store_finish_statement (self, stmt, rc, error))
        return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * trellis_store_list_staff_names:
 * @self: a store
 * @error: return location for a #GError
 *
 * The people who have signed changes or notes here as a teacher, counselor or administrator:
 * those a plan's review can be asked of.
 *
 * Returns: (transfer full): their names, sorted; %NULL with @error set
 */
GStrv
trellis_store_list_staff_names (TrellisStore  *self,
                                GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                "SELECT name FROM (SELECT author_name AS name, author_role AS role FROM history "
                                "                  UNION SELECT author_name, author_role FROM note) "
                                "WHERE role IN ('teacher', 'counselor', 'administrator') AND trim (name) <> '' "
                                "AND name <> ? GROUP BY name ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, SYSTEM_AUTHOR, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, column_text (stmt, 0));
  if (!trellis_store_finish_statement (self, stmt, rc, error))
    return NULL;
  return g_strv_builder_end (names);
}

/**
 * trellis_store_list_history:
 * @self: a store
 * @student_uuid: the student whose record to list (their plans, goals and the rest included)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TrellisHistoryEntry, newest first
 */
GListModel *
trellis_store_list_history (TrellisStore  *self,
                            const char    *student_uuid,
                            GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TRELLIS_TYPE_HISTORY_ENTRY);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                "SELECT entity, entity_uuid, field, old_value, new_value, "
                                "author_name, author_role, changed_at FROM history "
                                "WHERE student_uuid = ? ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, trellis_history_entry_new (column_text (stmt, 0), column_text (stmt, 1),
                                                       column_text (stmt, 2), column_text (stmt, 3),
                                                       column_text (stmt, 4), column_text (stmt, 5),
                                                       column_text (stmt, 6), column_text (stmt, 7)));
  if (!trellis_store_finish_statement (self, stmt, rc, error))
    return NULL;
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
change_link (TrellisStore  *self,
             gint64         goal_id,
             gint64         competency_id,
             gboolean       linked,
             GError       **error)
{
  g_autofree char *now = trellis_now_iso8601 ();
  g_autoptr(TrellisEntity) goal = NULL;
  g_autoptr(TrellisEntity) competency = NULL;
  g_autofree char *student_uuid = NULL;
  sqlite3_stmt *stmt;
  const char *title;

  goal = trellis_store_load (self, TRELLIS_TYPE_GOAL, goal_id, error);
  if (goal == NULL)
    return FALSE;
  competency = trellis_store_load (self, TRELLIS_TYPE_COMPETENCY, competency_id, error);
  if (competency == NULL)
    return FALSE;

  if (!trellis_store_begin (self, error))
    return FALSE;
  if (linked && !link_exists (self, goal_id, competency_id) &&
      !check_room (self, "goal_competency", "goal_id", goal_id, error))
    return trellis_store_rollback_failed (self);
  stmt = trellis_store_prepare (self,
                                linked ? "INSERT OR IGNORE INTO goal_competency "
                                         "(goal_id, competency_id, created_at, created_by) "
                                         "VALUES (?, ?, ?, ?)"
                                       : "DELETE FROM goal_competency "
                                         "WHERE goal_id = ? AND competency_id = ?", error);
  if (stmt == NULL)
    return trellis_store_rollback_failed (self);
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_int64 (stmt, 2, competency_id);
  if (linked)
    {
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, self->editor_name, -1, SQLITE_STATIC);
    }
  if (!trellis_store_step_done (self, stmt, error))
    return trellis_store_rollback_failed (self);
  if (sqlite3_changes (self->db) == 0)
    {
      trellis_store_rollback (self);
      return TRUE;
    }

  title = trellis_entity_get_text (competency, "title");
  student_uuid = dup_student_uuid (self, "goal", goal_id);
  if (!write_history (self, "goal", trellis_entity_get_uuid (goal), student_uuid, "competencies",
                      linked ? NULL : title, linked ? title : NULL, now, error))
    return trellis_store_rollback_failed (self);
  queue_change (self, "goal", trellis_entity_get_uuid (goal), TRELLIS_STORE_CHANGE_UPDATED);
  return trellis_store_commit (self, error);
}

/* Links as a record arriving with its identity does: its own time and author, no history row
 * (see trellis_store_insert_full()). */
gboolean
trellis_store_link_competency_as_created (TrellisStore  *self,
                                          gint64         goal_id,
                                          gint64         competency_id,
                                          const char    *created_at,
                                          const char    *created_by,
                                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!link_exists (self, goal_id, competency_id) &&
      !check_room (self, "goal_competency", "goal_id", goal_id, error))
    return FALSE;
  stmt = trellis_store_prepare (self,
                                "INSERT OR IGNORE INTO goal_competency "
                                "(goal_id, competency_id, created_at, created_by) VALUES (?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_int64 (stmt, 2, competency_id);
  sqlite3_bind_text (stmt, 3, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created_by ? created_by : "", -1, SQLITE_STATIC);
  return trellis_store_step_done (self, stmt, error);
}

/**
 * trellis_store_link_competency:
 * @self: a store
 * @goal_id: a goal
 * @competency_id: a competency of the plan’s framework
 * @error: return location for a #GError
 *
 * Records that the goal builds the competency (a history row says so). Linking twice is harmless.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_store_link_competency (TrellisStore  *self,
                               gint64         goal_id,
                               gint64         competency_id,
                               GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  if (!check_author (self, error))
    return FALSE;
  return change_link (self, goal_id, competency_id, TRUE, error);
}

gboolean
trellis_store_unlink_competency (TrellisStore  *self,
                                 gint64         goal_id,
                                 gint64         competency_id,
                                 GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  if (!check_author (self, error))
    return FALSE;
  return change_link (self, goal_id, competency_id, FALSE, error);
}

/**
 * trellis_store_list_goal_competencies:
 * @self: a store
 * @goal_id: a goal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GArray of `gint64` competency ids, in framework order
 */
GArray *
trellis_store_list_goal_competencies (TrellisStore  *self,
                                      gint64         goal_id,
                                      GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self,
                                "SELECT gc.competency_id FROM goal_competency gc "
                                "JOIN competency c ON c.id = gc.competency_id "
                                "JOIN attribute a ON a.id = c.attribute_id "
                                "WHERE gc.goal_id = ? ORDER BY a.position, c.position, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  trellis_store_append_ids (stmt, ids);
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/**
 * trellis_store_dup_setting:
 * @self: a store
 * @key: e.g. `school-name`
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
trellis_store_dup_setting (TrellisStore *self,
                           const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/**
 * trellis_store_has_setting:
 * @self: a store
 * @key: a setting
 *
 * Returns: whether @key is set to something other than “”, without reading a long value
 */
gboolean
trellis_store_has_setting (TrellisStore *self,
                           const char   *key)
{
  sqlite3_stmt *stmt;
  gboolean set = FALSE;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  stmt = trellis_store_prepare (self, "SELECT 1 FROM setting WHERE key = ? AND value <> ''", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  set = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return set;
}

gboolean
trellis_store_set_setting (TrellisStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("The setting contains text that is not valid UTF-8."));
      return FALSE;
    }
  if (!trellis_store_begin (self, error))
    return FALSE;
  stmt = trellis_store_prepare (self,
                                value ? "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)"
                                      : "DELETE FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return trellis_store_rollback_failed (self);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!trellis_store_step_done (self, stmt, error))
    return trellis_store_rollback_failed (self);
  queue_change (self, "setting", key, TRELLIS_STORE_CHANGE_UPDATED);
  return trellis_store_commit (self, error);
}

/**
 * trellis_store_get_default_framework:
 * @self: a store
 *
 * Returns: the id of the school’s default framework for new plans, 0 when there is none
 */
gint64
trellis_store_get_default_framework (TrellisStore *self)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  stmt = trellis_store_prepare (self,
                                "SELECT id FROM framework ORDER BY is_default DESC, id LIMIT 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

/**
 * trellis_store_check_external_change:
 * @self: a store
 *
 * Asks SQLite whether another connection changed the file since we last looked, and emits
 * #TrellisStore::external-change if so. Called every second from the main loop.
 *
 * Returns: %TRUE when there was a change
 */
gboolean
trellis_store_check_external_change (TrellisStore *self)
{
  gint64 version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;
  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);
  return TRUE;
}

void
trellis_store_notify_external_change (TrellisStore *self)
{
  g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);
}

gint64
trellis_store_count_children (TrellisStore  *self,
                              const char    *table,
                              const char    *column,
                              gint64         parent_id,
                              GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), -1);
  return count_children (self, table, column, parent_id, error);
}

/**
 * trellis_store_add_copy_origin:
 * @self: a store
 * @table: the kind of record
 * @copy_uuid: the copy's UUID
 * @source_uuid: the UUID of the record it was copied from (in an imported file)
 * @error: return location for a #GError
 *
 * Records where a copy came from, so that importing the same file again adds no second copy.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_store_add_copy_origin (TrellisStore  *self,
                               const char    *table,
                               const char    *copy_uuid,
                               const char    *source_uuid,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  stmt = trellis_store_prepare (self, "INSERT INTO copy_origin (entity, copy_uuid, source_uuid) "
                                      "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, copy_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, source_uuid, -1, SQLITE_STATIC);
  return trellis_store_step_done (self, stmt, error);
}

/**
 * trellis_store_lookup_copy:
 * @self: a store
 * @table: the kind of record
 * @source_uuid: the UUID a copy was made from
 * @error: return location for a #GError
 *
 * Returns: the row id of a copy of @source_uuid that is still here, 0 when there is none, -1
 *   with @error set on failure
 */
gint64
trellis_store_lookup_copy (TrellisStore  *self,
                           const char    *table,
                           const char    *source_uuid,
                           GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), -1);
  g_return_val_if_fail (trellis_store_type_for_table (table) != G_TYPE_INVALID, -1);

  sql = g_strdup_printf ("SELECT t.id FROM copy_origin o JOIN %s t ON t.uuid = o.copy_uuid "
                         "WHERE o.entity = ? AND o.source_uuid = ? ORDER BY t.id LIMIT 1", table);
  stmt = trellis_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source_uuid, -1, SQLITE_STATIC);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return id;
}
