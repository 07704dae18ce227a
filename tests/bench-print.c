/* bench-print.c — printing the plans of 500 students of a 10,000-student school to one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "trellis-report-pdf.h"
#include "trellis-sample-school.h"
#include "trellis-store-private.h"
#include "trellis-test-utils.h"

#define N_SCHOOL   10000
#define N_PRINTED  500
#define TARGET     50.0

/* Prints @ids to one PDF in @dir; returns the seconds it took and the file’s size. */
static double
print_plans (TrellisStore *store,
             GArray       *ids,
             const char   *dir,
             gboolean      include_map,
             double       *megabytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *pdf = g_build_filename (dir, "plans.pdf", NULL);
  g_autoptr(GTimer) timer = NULL;
  double seconds;
  struct stat info;

  /* Each family’s language, as on conference night. */
  options->paper = TRELLIS_PAPER_LETTER;
  options->include_map = include_map;
  timer = g_timer_new ();
  if (!trellis_report_pdf_write (store, (const gint64 *) ids->data, ids->len, options, now, pdf,
                                 NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  *megabytes = info.st_size / 1e6;
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  double seconds, megabytes;

  if (!trellis_sample_school_populate (store, N_SCHOOL, TRELLIS_SAMPLE_SEED, NULL, NULL, &error))
    g_error ("%s", error->message);

  stmt = trellis_store_prepare (store, "SELECT id FROM student ORDER BY id LIMIT ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, N_PRINTED);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (ids->len, ==, N_PRINTED);

  seconds = print_plans (store, ids, dir, TRUE, &megabytes);
  g_print ("print-plans: %.1f plans/s (target >= %.0f plans/s; %d plans in %.2f s, %.1f MB PDF)\n",
           N_PRINTED / seconds, TARGET, N_PRINTED, seconds, megabytes);
  /* The same without the Profile-of-a-Graduate map, to see what the map costs. */
  seconds = print_plans (store, ids, dir, FALSE, &megabytes);
  g_print ("print-plans-without-map: %.1f plans/s (no target; %d plans in %.2f s, %.1f MB PDF)\n",
           N_PRINTED / seconds, N_PRINTED, seconds, megabytes);

  g_clear_object (&store);
  trellis_test_remove_tree (dir);
  return 0;
}
