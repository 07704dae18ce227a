/* trellis-guardian-row.h — one guardian of a student, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-guardian.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GUARDIAN_ROW (trellis_guardian_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGuardianRow, trellis_guardian_row, TRELLIS, GUARDIAN_ROW, AdwExpanderRow)

GtkWidget       *trellis_guardian_row_new          (TrellisStore       *store,
                                                    TrellisGuardian    *guardian);
TrellisGuardian *trellis_guardian_row_get_guardian (TrellisGuardianRow *self);

G_END_DECLS
