/* trellis-goal.h — a SMART goal inside a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL (trellis_goal_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoal, trellis_goal, TRELLIS, GOAL, TrellisEntity)

TrellisGoal *trellis_goal_new (void);

G_END_DECLS
