/* trellis-attribute.h — one attribute of a Profile of a Graduate, e.g. “Critical thinker”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ATTRIBUTE (trellis_attribute_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAttribute, trellis_attribute, TRELLIS, ATTRIBUTE, TrellisEntity)

TrellisAttribute *trellis_attribute_new (void);

G_END_DECLS
