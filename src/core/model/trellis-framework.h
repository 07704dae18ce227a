/* trellis-framework.h — a Profile of a Graduate: attributes, competencies and a proficiency scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FRAMEWORK (trellis_framework_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFramework, trellis_framework, TRELLIS, FRAMEWORK, TrellisEntity)

TrellisFramework *trellis_framework_new (void);

G_END_DECLS
