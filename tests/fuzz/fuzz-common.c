/* fuzz-common.c — what both fuzz targets share: one store per process, reopened now and then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "trellis-store-private.h"

static char *dir;
static char *input_path;
static TrellisStore *shared_store;
static guint n_inputs;

/* Criticals and warnings from the importers are bugs. GLib's fatal logging traps (SIGTRAP),
 * which libFuzzer does not catch; an abort it reports with the input. */
static void
abort_on_warning (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static void
remove_dir (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
}

TrellisStore *
fuzz_store (guint every)
{
  if (dir == NULL)
    {
      g_log_set_default_handler (abort_on_warning, NULL);
      dir = g_dir_make_tmp ("trellis-fuzz-XXXXXX", NULL);
      g_assert_nonnull (dir);
    }
  if (shared_store != NULL && n_inputs++ % every == 0)
    {
      g_clear_object (&shared_store);
      remove_dir ();
    }
  if (shared_store == NULL)
    {
      g_autofree char *path = g_build_filename (dir, "fuzz.db", NULL);
      g_autoptr(GError) error = NULL;

      shared_store = trellis_store_open (path, &error);
      g_assert_no_error (error);
      trellis_store_set_editor (shared_store, "Fuzz", "teacher");
    }
  return shared_store;
}

const char *
fuzz_write_input (const char   *name,
                  const guint8 *data,
                  gsize         size)
{
  g_autoptr(GError) error = NULL;

  if (input_path != NULL)
    g_unlink (input_path);
  g_free (input_path);
  input_path = g_build_filename (dir, name, NULL);
  g_file_set_contents (input_path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return input_path;
}

gint64
fuzz_count_rows (TrellisStore *store)
{
  static const char * const tables[] = {
    "framework", "proficiency_level", "attribute", "competency", "student", "guardian", "staff", "plan", "goal",
    "goal_competency", "action_step", "evidence", "note", "history",
  };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);

      if (stmt == NULL)
        continue;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        total += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return total;
}
