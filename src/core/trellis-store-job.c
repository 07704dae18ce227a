/* trellis-store-job.c — long work in a worker thread, on a store connection of its own
 *
 * A store connection belongs to one thread, so the thread opens its own on the same file, with
 * the caller's editor, and a main context of its own; the result lands on the caller's context.
 * Every import runs its read and apply through here; no class copies this pattern.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-store-job"

#include "trellis-store-job.h"

typedef struct
{
  TrellisStoreJobFunc  func;
  char                *database_path;
  char                *editor_name;
  char                *editor_role;
} StoreJob;

/* Helpers */

static void
store_job_free (gpointer data)
{
  StoreJob *job = data;

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
      ok = job->func (source_object, store, cancellable, &error);
      g_clear_object (&store);
    }
  g_main_context_pop_thread_default (context);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
 *   g_task_propagate_boolean()
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
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  StoreJob *job = g_new0 (StoreJob, 1);

  job->func = func;
  job->database_path = g_strdup (trellis_store_get_path (store));
  job->editor_name = g_strdup (trellis_store_get_editor_name (store));
  job->editor_role = g_strdup (trellis_store_get_editor_role (store));
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, store_job_free);
  g_task_run_in_thread (task, run_store_job);
}
