/* trellis-level.h — one level of a framework’s proficiency scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LEVEL (trellis_level_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLevel, trellis_level, TRELLIS, LEVEL, TrellisEntity)

TrellisLevel *trellis_level_new (void);

G_END_DECLS
