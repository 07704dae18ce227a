/* trellis-list-slot.h — one position of a TrellisSlotModel: whatever item is there now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_LIST_SLOT (trellis_list_slot_get_type ())
G_DECLARE_FINAL_TYPE (TrellisListSlot, trellis_list_slot, TRELLIS, LIST_SLOT, GObject)

TrellisListSlot *trellis_list_slot_new      (GListModel      *model,
                                             guint            position);
gpointer         trellis_list_slot_get_item (TrellisListSlot *self);
void             trellis_list_slot_changed  (TrellisListSlot *self);
void             trellis_list_slot_detach   (TrellisListSlot *self);

G_END_DECLS
