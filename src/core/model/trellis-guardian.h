/* trellis-guardian.h — a parent or other adult who cares for a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GUARDIAN (trellis_guardian_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGuardian, trellis_guardian, TRELLIS, GUARDIAN, TrellisEntity)

TrellisGuardian *trellis_guardian_new (void);

G_END_DECLS
