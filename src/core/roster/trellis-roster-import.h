/* trellis-roster-import.h — brings a school's OneRoster export (students, guardians, staff) in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* A district export holds at most this many users; a file with more is refused. */
#define TRELLIS_ROSTER_MAX_USERS     200000
/* The same figure as TRELLIS_LIMIT_TEXT_CHARS in the import branch's trellis-limits.h; one
 * roster value longer than this is refused. */
#define TRELLIS_ROSTER_MAX_TEXT      20000
/* Problems listed in a preview; more are counted. */
#define TRELLIS_ROSTER_MAX_PROBLEMS  500

/**
 * TrellisRosterKind:
 * @TRELLIS_ROSTER_STUDENTS: students
 * @TRELLIS_ROSTER_GUARDIANS: guardians (parents, guardians, relatives), each counted once however
 *   many students they have
 * @TRELLIS_ROSTER_STAFF: teachers, counselors, administrators and other staff
 */
typedef enum {
  TRELLIS_ROSTER_STUDENTS,
  TRELLIS_ROSTER_GUARDIANS,
  TRELLIS_ROSTER_STAFF,
  TRELLIS_ROSTER_N_KINDS,
} TrellisRosterKind;

/**
 * TrellisRosterOutcome:
 * @TRELLIS_ROSTER_NEW: not in this database yet
 * @TRELLIS_ROSTER_UPDATED: the roster changes it
 * @TRELLIS_ROSTER_ARCHIVED: marked tobedeleted or missing from a bulk file: a student or staff
 *   member is archived (kept, hidden); a guardian is removed from their students
 * @TRELLIS_ROSTER_UNCHANGED: already as the roster says
 */
typedef enum {
  TRELLIS_ROSTER_NEW,
  TRELLIS_ROSTER_UPDATED,
  TRELLIS_ROSTER_ARCHIVED,
  TRELLIS_ROSTER_UNCHANGED,
  TRELLIS_ROSTER_N_OUTCOMES,
} TrellisRosterOutcome;

#define TRELLIS_TYPE_ROSTER_IMPORT (trellis_roster_import_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRosterImport, trellis_roster_import, TRELLIS, ROSTER_IMPORT, GObject)

TrellisRosterImport *trellis_roster_import_new           (TrellisStore         *store,
                                                          const char           *path);
const char          *trellis_roster_import_get_path      (TrellisRosterImport  *self);
gboolean             trellis_roster_import_read          (TrellisRosterImport  *self,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                 trellis_roster_import_read_async    (TrellisRosterImport  *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             trellis_roster_import_read_finish   (TrellisRosterImport  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
gboolean             trellis_roster_import_read_zip_data (TrellisRosterImport  *self,
                                                          const void           *data,
                                                          gsize                 size,
                                                          GError              **error);
const char          *trellis_roster_import_get_version   (TrellisRosterImport  *self);
guint                trellis_roster_import_count         (TrellisRosterImport  *self,
                                                          TrellisRosterKind     kind,
                                                          TrellisRosterOutcome  outcome);
const char * const  *trellis_roster_import_get_problems  (TrellisRosterImport  *self);
char                *trellis_roster_import_dup_summary   (TrellisRosterImport  *self);
gboolean             trellis_roster_import_apply         (TrellisRosterImport  *self,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

void                 trellis_roster_import_apply_async   (TrellisRosterImport  *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             trellis_roster_import_apply_finish  (TrellisRosterImport  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
