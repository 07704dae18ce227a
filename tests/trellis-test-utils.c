/* trellis-test-utils.c — shared fixtures for the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>

#include "trellis-plan.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-xml-format.h"

char *
trellis_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("trellis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
trellis_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        trellis_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

TrellisStore *
trellis_test_open_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "trellis.db", NULL);
  TrellisStore *store = trellis_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  trellis_store_set_editor (store, "Test Teacher", "teacher");
  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);
  return store;
}

void
trellis_test_close_store (TrellisStore *store,
                          char         *dir)
{
  g_assert_finalize_object (store);
  trellis_test_remove_tree (dir);
  g_free (dir);
}

/* The statement stepped to its one row; the caller reads it, then resets it. */
static sqlite3_stmt *
query_row (TrellisStore *store,
           const char   *sql,
           gint64        id)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
trellis_test_query_int (TrellisStore *store,
                        const char   *sql,
                        gint64        id)
{
  sqlite3_stmt *stmt = query_row (store, sql, id);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_reset (stmt);
  return value;
}

char *
trellis_test_query_text (TrellisStore *store,
                         const char   *sql,
                         gint64        id)
{
  sqlite3_stmt *stmt = query_row (store, sql, id);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_reset (stmt);
  return value;
}

gint64
trellis_test_add_plan (TrellisStore *store,
                       const char   *given_name,
                       const char   *family_name,
                       gint64        framework_id)
{
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", given_name,
                                                    "family-name", family_name, NULL);
  g_autoptr(TrellisPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  trellis_store_insert (store, TRELLIS_ENTITY (student), &error);
  g_assert_no_error (error);
  plan = g_object_new (TRELLIS_TYPE_PLAN, "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
                       "school-year", "2026-2027", "framework-id", framework_id, NULL);
  trellis_store_insert (store, TRELLIS_ENTITY (plan), &error);
  g_assert_no_error (error);
  return trellis_entity_get_id (TRELLIS_ENTITY (plan));
}

GBytes *
trellis_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
trellis_test_source_path (const char *first,
                          ...)
{
  const char *root = g_getenv ("TRELLIS_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* Both checkers a district might use: the xmllint program and libxml2's schema API. */
void
trellis_test_assert_valid_plan_file (const char *path)
{
  g_autofree char *xsd = trellis_test_source_path ("data", "trellis-plp-1.xsd", NULL);
  const char *argv[] = { "xmllint", "--noout", "--schema", xsd, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  xmlSchemaValidCtxtPtr context;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused %s: %s", path, err);

  context = xmlSchemaNewValidCtxt (trellis_xml_format_get_schema (&error));
  g_assert_no_error (error);
  g_assert_cmpint (xmlSchemaValidateFile (context, path, 0), ==, 0);
  xmlSchemaFreeValidCtxt (context);
}

char *
trellis_test_dup_student_uuid (TrellisStore *store,
                               guint         index)
{
  g_autoptr(GListModel) students = trellis_store_list (store, TRELLIS_TYPE_STUDENT, NULL, 0, NULL);
  g_autoptr(TrellisEntity) student = g_list_model_get_item (students, index);

  g_assert_nonnull (student);
  return g_strdup (trellis_entity_get_uuid (student));
}

void
trellis_test_change_text (TrellisStore *store,
                          GType         type,
                          const char   *uuid,
                          const char   *property,
                          const char   *value)
{
  g_autoptr(TrellisEntity) entity = trellis_store_load_by_uuid (store, type, uuid, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (entity);
  g_object_set (entity, property, value, NULL);
  g_assert_true (trellis_store_save (store, entity, &error));
  g_assert_no_error (error);
  /* Stored times have millisecond precision; later steps must be later. */
  g_usleep (5000);
}

void
trellis_test_rename_student (TrellisStore *store,
                             const char   *uuid,
                             const char   *family_name)
{
  trellis_test_change_text (store, TRELLIS_TYPE_STUDENT, uuid, "family-name", family_name);
}

char *
trellis_test_dup_family_name (TrellisStore *store,
                              const char   *uuid)
{
  g_autoptr(TrellisEntity) student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, uuid, NULL);

  g_assert_nonnull (student);
  return g_strdup (trellis_entity_get_text (student, "family-name"));
}

static int
compare_strings (const char **a,
                 const char **b)
{
  return strcmp (*a, *b);
}

/* Every table's rows, as text in rowid order: equal dumps mean equal contents. */
char *
trellis_test_dump_file (const char *path)
{
  GString *dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (trellis_store_open_for_reading (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (dump, "%s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
      if (sqlite3_column_text (stmt, 1) != NULL &&
          g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  /* Rows sorted as text: tables WITHOUT ROWID have no rowid to order by. */
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (const char *) tables->pdata[i]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new ((const char *) tables->pdata[i]);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (row, "|%s", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                    ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, (GCompareFunc) compare_strings);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (dump, "%s\n", (const char *) rows->pdata[r]);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
trellis_test_downgrade_to_v1 (const char *path)
{
  static const char * const tables[] = {
    "framework", "attribute", "competency", "proficiency_level", "student", "guardian", "plan",
    "goal", "action_step", "evidence", "note",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "DROP INDEX framework_one_default;"   /* version 3 */
                "DROP TABLE trash; DROP TABLE copy_origin; DROP TABLE staff;"
                "DROP INDEX student_sourced_id; DROP INDEX guardian_sourced_id;"
                "ALTER TABLE student DROP COLUMN middle_name; ALTER TABLE student DROP COLUMN email;"
                "ALTER TABLE student DROP COLUMN sourced_id;"
                "ALTER TABLE guardian DROP COLUMN sourced_id");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s DROP COLUMN revision", tables[i]);

      exec_sql (db, sql);
    }
  exec_sql (db, "PRAGMA user_version = 1");
  sqlite3_close (db);
}

char *
trellis_test_run_trellis_valist (const char  *home,
                                 int         *status_out,
                                 char       **err_out,
                                 const char  *first_arg,
                                 va_list      args)
{
  g_autofree char *trellis = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (err_out != NULL ? G_SUBPROCESS_FLAGS_STDERR_PIPE
                                                         : G_SUBPROCESS_FLAGS_STDERR_MERGE));
  g_ptr_array_add (argv, trellis);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  if (home != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err_out, &error));
  g_assert_no_error (error);
  *status_out = g_subprocess_get_exit_status (process);
  return out;
}

char *
trellis_test_run_trellis (const char  *home,
                          int         *status_out,
                          char       **err_out,
                          const char  *first_arg,
                          ...)
{
  va_list args;
  char *out;

  va_start (args, first_arg);
  out = trellis_test_run_trellis_valist (home, status_out, err_out, first_arg, args);
  va_end (args);
  return out;
}
