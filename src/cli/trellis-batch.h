/* trellis-batch.h — the command-line work that runs without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean trellis_batch_wants_run (GVariantDict *options);
int      trellis_batch_run       (const char   *database_path,
                                  GVariantDict *options);

G_END_DECLS
