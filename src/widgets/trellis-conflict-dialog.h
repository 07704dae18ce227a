/* trellis-conflict-dialog.h — asks which texts to keep when a save met another editor's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

typedef void (*TrellisConflictResolved) (gpointer   owner,
                                         GPtrArray *conflicts,
                                         gboolean   keep_mine);

GtkWidget *trellis_conflict_dialog_present (GtkWidget               *parent,
                                            TrellisEntity           *entity,
                                            GPtrArray               *conflicts,
                                            TrellisConflictResolved  resolved,
                                            gpointer                 owner);

G_END_DECLS
