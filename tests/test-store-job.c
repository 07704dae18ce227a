/* test-store-job.c — work in worker threads, each on a connection and main context of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-error.h"
#include "trellis-store-job.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

#define STUDENTS_PER_JOB 200

typedef struct
{
  const char *family_name;
  GThread    *thread;        /* where the work ran */
  gboolean    own_context;   /* a thread-default context that is not the main loop’s */
  gboolean    watch_on_main; /* the worker store's change watch sat on the main loop */
} Work;

static gboolean
add_students (gpointer       data,
              TrellisStore  *store,
              GCancellable  *cancellable,
              GError       **error)
{
  Work *work = data;
  GMainContext *context = g_main_context_get_thread_default ();

  work->thread = g_thread_self ();
  work->own_context = context != NULL && context != g_main_context_default ();
  work->watch_on_main = g_main_context_find_source_by_user_data (g_main_context_default (), store) != NULL;
  for (guint i = 0; i < STUDENTS_PER_JOB; i++)
    {
      g_autofree char *given = g_strdup_printf ("Student %u", i);
      g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", given,
                                                        "family-name", work->family_name, "grade-level", 7, NULL);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED, "cancelled");
          return FALSE;
        }
      if (!trellis_store_insert (store, TRELLIS_ENTITY (student), error))
        return FALSE;
    }
  return TRUE;
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_job_finish (result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (trellis_store_job_get_data (result));
  (*n_done)++;
}

/* Two workers and the main loop at once: each worker on its own thread, connection and main
 * context (its store's one-second watch is not on the main loop), the main store's watch sees
 * their commits, and every row arrives, signed with the main store's editor. */
static void
test_two_workers_and_main_loop (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  Work first = { "Okafor", NULL, FALSE, TRUE };
  Work second = { "Nguyen", NULL, FALSE, TRUE };
  guint n_done = 0;
  guint n_external = 0;

  g_signal_connect_swapped (store, "external-change", G_CALLBACK (count_signal), &n_external);
  trellis_store_job_run_data_async (NULL, store, add_students, &first, NULL, test_two_workers_and_main_loop,
                                    NULL, on_done, &n_done);
  trellis_store_job_run_data_async (NULL, store, add_students, &second, NULL, test_two_workers_and_main_loop,
                                    NULL, on_done, &n_done);
  while (n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (first.own_context);
  g_assert_true (second.own_context);
  g_assert_false (first.watch_on_main);
  g_assert_false (second.watch_on_main);
  g_assert_true (first.thread != g_thread_self ());
  g_assert_true (second.thread != g_thread_self ());
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 2 * STUDENTS_PER_JOB);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student WHERE created_by = 'Test Teacher' AND ? = 0", 0),
                   ==, 2 * STUDENTS_PER_JOB);

  /* The main store's own watch, on the main loop, tells of the workers' commits. */
  while (n_external == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_external, >, 0);
  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

/* A cancelled job says so with TRELLIS_ERROR_CANCELLED. */
static void
on_cancelled_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *finished = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (trellis_store_job_finish (result, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED);
  *finished = TRUE;
}

static void
test_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Work work = { "Okafor", NULL, FALSE, TRUE };
  gboolean finished = FALSE;

  g_cancellable_cancel (cancellable);
  trellis_store_job_run_data_async (NULL, store, add_students, &work, NULL, test_cancelled, cancellable,
                                    on_cancelled_done, &finished);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 0);
  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-job/two-workers-and-main-loop", test_two_workers_and_main_loop);
  g_test_add_func ("/store-job/cancelled", test_cancelled);
  return g_test_run ();
}
