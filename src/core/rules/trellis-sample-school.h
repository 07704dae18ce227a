/* trellis-sample-school.h — a deterministic sample school for first runs, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_SAMPLE_SEED 20261123

typedef void (*TrellisProgressFunc) (double   fraction,
                                     gpointer user_data);

gboolean trellis_sample_school_populate (TrellisStore        *store,
                                         guint                n_students,
                                         guint32              seed,
                                         TrellisProgressFunc  progress,
                                         gpointer             user_data,
                                         GError             **error);
gboolean trellis_sample_school_is_present (TrellisStore        *store);
gboolean trellis_sample_school_remove   (TrellisStore        *store,
                                         guint               *n_removed,
                                         GStrv               *kept,
                                         GError             **error);

G_END_DECLS
