/* trellis-history-entry.h — one recorded change: which field, old → new, who and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_HISTORY_ENTRY (trellis_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHistoryEntry, trellis_history_entry, TRELLIS, HISTORY_ENTRY, GObject)

TrellisHistoryEntry *trellis_history_entry_new             (const char          *entity,
                                                            const char          *entity_uuid,
                                                            const char          *field,
                                                            const char          *old_value,
                                                            const char          *new_value,
                                                            const char          *author_name,
                                                            const char          *author_role,
                                                            const char          *changed_at);
const char          *trellis_history_entry_get_entity      (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_entity_uuid (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_field       (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_old_value   (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_new_value   (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_author_name (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_author_role (TrellisHistoryEntry *self);
const char          *trellis_history_entry_get_changed_at  (TrellisHistoryEntry *self);
char                *trellis_history_entry_dup_summary     (TrellisHistoryEntry *self);

G_END_DECLS
