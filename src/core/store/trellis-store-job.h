/* trellis-store-job.h — long work in a worker thread, on a store connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* The work: runs in the thread with @store, a connection of its own with the caller's editor. */
typedef gboolean (*TrellisStoreJobFunc) (gpointer       source_object,
                                         TrellisStore  *store,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The same for work whose input and output travel in @job_data, not in an object. */
typedef gboolean (*TrellisStoreJobDataFunc) (gpointer       job_data,
                                             TrellisStore  *store,
                                             GCancellable  *cancellable,
                                             GError       **error);

void     trellis_store_job_run_async       (gpointer                 source_object,
                                            TrellisStore            *store,
                                            TrellisStoreJobFunc      func,
                                            gpointer                 source_tag,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
void     trellis_store_job_run_data_async  (gpointer                 source_object,
                                            TrellisStore            *store,
                                            TrellisStoreJobDataFunc  func,
                                            gpointer                 job_data,
                                            GDestroyNotify           job_data_free,
                                            gpointer                 source_tag,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gpointer trellis_store_job_get_data        (GAsyncResult            *result);
gboolean trellis_store_job_finish          (GAsyncResult            *result,
                                            GError                 **error);

G_END_DECLS
