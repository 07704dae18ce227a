/* trellis-store-job.c — long work in a worker thread, on a store connection of its own
 *
 * A store connection belongs to one thread, so the thread opens its own on the same file, with
 * the caller's editor, and a main context of its own; the result lands on the caller's context.
 * Every import, export, PDF and the sample school run their work through here; no class copies
 * this pattern. Without a context of its own, the thread's store would attach its one-second
 * change watch to the main loop, which would then poll the worker's connection from the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-store-job"

#include "trellis-store-job.h"

typedef struct
{
  TrellisStoreJobFunc      func;
  TrellisStoreJobDataFunc  data_func;
  gpointer                 data;
  GDestroyNotify           data_free;
  char                *database_path;
  char                *editor_name;
  char                *editor_role;
} StoreJob;

/* Helpers */

static void
store_job_free (gpointer data)
{
  StoreJob *job = data;

  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job->database_path);
  g_free (job->editor_name);
  g_free (job->editor_role);
  g_free (job);
}

static void
run_store_job (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  StoreJob *job = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(TrellisStore) store = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  g_main_context_push_thread_default (context);
  store = trellis_store_open (job->database_path, &error);
  if (store != NULL)
    {
      trellis_store_set_editor (store, job->editor_name, job->editor_role);
      ok = job->func != NULL ? job->func (source_object, store, cancellable, &error)
                             : job->data_func (job->data, store, cancellable, &error);
      g_clear_object (&store);
    }
  g_main_context_pop_thread_default (context);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start (gpointer             source_object,
       TrellisStore        *store,
       StoreJob            *job,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  job->database_path = g_strdup (trellis_store_get_path (store));
  job->editor_name = g_strdup (trellis_store_get_editor_name (store));
  job->editor_role = g_strdup (trellis_store_get_editor_role (store));
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, store_job_free);
  g_task_run_in_thread (task, run_store_job);
}

/* Public API */

/**
 * trellis_store_job_run_async:
 * @source_object: the object the job works for (an import); the task's source
 * @store: the caller's store, whose file and editor the thread's connection takes
 * @func: the work
 * @source_tag: the caller's `_async` function
 * @cancellable: (nullable): a #GCancellable, passed to @func
 * @callback: called on the caller's main context when done; finish with
 *   trellis_store_job_finish()
 * @user_data: data for @callback
 *
 * Runs @func in a worker thread. The job itself says what happened: cancelled
 * (%TRELLIS_ERROR_CANCELLED, nothing changed) or, when the cancel came too late, done; GTask
 * would otherwise report %G_IO_ERROR_CANCELLED even then.
 */
void
trellis_store_job_run_async (gpointer             source_object,
                             TrellisStore        *store,
                             TrellisStoreJobFunc  func,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  StoreJob *job;

  g_return_if_fail (TRELLIS_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = g_new0 (StoreJob, 1);
  job->func = func;
  start (source_object, store, job, source_tag, cancellable, callback, user_data);
}

/**
 * trellis_store_job_run_data_async:
 * @source_object: (nullable): the object the job works for; the task's source
 * @store: the caller's store, whose file and editor the thread's connection takes
 * @func: the work, given @job_data
 * @job_data: what the work reads and writes; the thread owns it until the job is done
 * @job_data_free: (nullable): frees @job_data after @callback
 * @source_tag: the caller's `_async` function
 * @cancellable: (nullable): a #GCancellable, passed to @func
 * @callback: called on the caller's main context when done; it may read @job_data with
 *   trellis_store_job_get_data(), and finishes with trellis_store_job_finish()
 * @user_data: data for @callback
 *
 * As trellis_store_job_run_async(), for work that is not an object's.
 */
void
trellis_store_job_run_data_async (gpointer                 source_object,
                                  TrellisStore            *store,
                                  TrellisStoreJobDataFunc  func,
                                  gpointer                 job_data,
                                  GDestroyNotify           job_data_free,
                                  gpointer                 source_tag,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  StoreJob *job;

  g_return_if_fail (TRELLIS_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = g_new0 (StoreJob, 1);
  job->data_func = func;
  job->data = job_data;
  job->data_free = job_data_free;
  start (source_object, store, job, source_tag, cancellable, callback, user_data);
}

/**
 * trellis_store_job_get_data:
 * @result: the result of trellis_store_job_run_data_async()
 *
 * Returns: (transfer none): its job data
 */
gpointer
trellis_store_job_get_data (GAsyncResult *result)
{
  StoreJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  return job->data;
}

/**
 * trellis_store_job_finish:
 * @result: the result of a store job
 * @error: return location for a #GError
 *
 * Returns: whether the work succeeded
 */
gboolean
trellis_store_job_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
