/* trellis-slot-model.h — another list model’s items, seen through positions that stay put
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-list-slot.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SLOT_MODEL (trellis_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (TrellisSlotModel, trellis_slot_model, TRELLIS, SLOT_MODEL, GObject)

TrellisSlotModel *trellis_slot_model_new (GListModel *model);

G_END_DECLS
