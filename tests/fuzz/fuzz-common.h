/* fuzz-common.h — what both fuzz targets share: one store per process, reopened now and then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trellis-store.h"

/* The store for this input; a fresh database every @every inputs keeps it small. */
TrellisStore *fuzz_store           (guint        every);
/* Writes the input where an importer can read it; the path stays valid until the next call. */
const char   *fuzz_write_input     (const char  *name,
                                    const guint8 *data,
                                    gsize        size);
/* Rows in the tables an import adds to: a failed import must leave it as it was. */
gint64        fuzz_count_rows      (TrellisStore *store);
