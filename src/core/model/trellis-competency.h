/* trellis-competency.h — a competency inside an attribute of a framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_COMPETENCY (trellis_competency_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCompetency, trellis_competency, TRELLIS, COMPETENCY, TrellisEntity)

TrellisCompetency *trellis_competency_new (void);

G_END_DECLS
