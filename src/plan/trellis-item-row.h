/* trellis-item-row.h — an expandable row that edits one competency or one proficiency level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-autosave.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ITEM_ROW (trellis_item_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisItemRow, trellis_item_row, TRELLIS, ITEM_ROW, AdwExpanderRow)

TrellisItemRow  *trellis_item_row_new          (TrellisStore   *store,
                                                TrellisEntity  *entity);
TrellisEntity   *trellis_item_row_get_entity   (TrellisItemRow *self);
TrellisAutosave *trellis_item_row_get_autosave (TrellisItemRow *self);
void             trellis_item_row_focus_title  (TrellisItemRow *self);

G_END_DECLS
