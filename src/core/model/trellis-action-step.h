/* trellis-action-step.h — a concrete step toward a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ACTION_STEP (trellis_action_step_get_type ())
G_DECLARE_FINAL_TYPE (TrellisActionStep, trellis_action_step, TRELLIS, ACTION_STEP, TrellisEntity)

TrellisActionStep *trellis_action_step_new (void);

G_END_DECLS
