/* trellis-plan.h — one student’s learning plan for a school year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN (trellis_plan_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPlan, trellis_plan, TRELLIS, PLAN, TrellisEntity)

TrellisPlan *trellis_plan_new (void);

G_END_DECLS
