/* trellis-test-utils.h — shared fixtures for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* A fresh folder under the system temporary folder; removed by trellis_test_remove_tree(). */
char         *trellis_test_make_dir     (void);
void          trellis_test_remove_tree  (const char *path);

/* A new database in a fresh folder, with “Test Teacher” (teacher) as the editor. */
TrellisStore *trellis_test_open_store   (char      **dir_out);

/* Finalizes the store (asserting nothing else holds it) and removes @dir, which it frees. */
void          trellis_test_close_store  (TrellisStore *store,
                                         char         *dir);

/* A new student with a 2026–2027 plan using @framework_id; returns the plan’s row id. */
gint64        trellis_test_add_plan     (TrellisStore *store,
                                         const char   *given_name,
                                         const char   *family_name,
                                         gint64        framework_id);

/* The first column of the one row @sql returns, with @id bound to its parameter if it has one. */
gint64        trellis_test_query_int    (TrellisStore *store,
                                         const char   *sql,
                                         gint64        id);
char         *trellis_test_query_text   (TrellisStore *store,
                                         const char   *sql,
                                         gint64        id);

/* Turns the closed database at @path back into what the first Trellis (schema v1) wrote: no
 * revisions, trash, copy origins, roster ids or staff. Its rows stay. */
void          trellis_test_downgrade_to_v1 (const char *path);

/* The whole file, for byte-for-byte comparisons. */
GBytes       *trellis_test_read_bytes   (const char *path);

/* Every table's rows as text (opened read-only, nothing written): equal dumps, equal data. */
char         *trellis_test_dump_file    (const char *path);

/* Runs build/src/trellis with the arguments up to NULL, as a user types them, and returns
 * what it printed on standard output. With @home, XDG_DATA_HOME and XDG_CONFIG_HOME point there
 * (a fresh user); DISPLAY and WAYLAND_DISPLAY are unset, so nothing can reach a screen. With
 * @err_out, standard error is kept apart there; without, it is merged into the output. */
char         *trellis_test_run_trellis        (const char  *home,
                                               int         *status_out,
                                               char       **err_out,
                                               const char  *first_arg,
                                               ...) G_GNUC_NULL_TERMINATED;
char         *trellis_test_run_trellis_valist (const char  *home,
                                               int         *status_out,
                                               char       **err_out,
                                               const char  *first_arg,
                                               va_list      args);

/* A path under the source tree, e.g. trellis_test_source_path ("data", "x.xml", NULL). */
char         *trellis_test_source_path  (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Plan files: checked with xmllint and libxml2 against the shipped schema. */
void          trellis_test_assert_valid_plan_file (const char *path);

/* Sets a text property of a stored record and saves it, then pauses, so that later changes
 * are later. */
void          trellis_test_change_text      (TrellisStore *store,
                                             GType         type,
                                             const char   *uuid,
                                             const char   *property,
                                             const char   *value);

/* Students by position in the list, renamed (as trellis_test_change_text()). */
char         *trellis_test_dup_student_uuid (TrellisStore *store,
                                             guint         index);
void          trellis_test_rename_student   (TrellisStore *store,
                                             const char   *uuid,
                                             const char   *family_name);
char         *trellis_test_dup_family_name  (TrellisStore *store,
                                             const char   *uuid);

G_END_DECLS
