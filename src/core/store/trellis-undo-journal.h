/* trellis-undo-journal.h — what Ctrl+Z takes back, newest first: stored edits and deletions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* How many steps a journal keeps; the oldest go first. */
#define TRELLIS_UNDO_JOURNAL_LENGTH 100

#define TRELLIS_TYPE_UNDO_JOURNAL (trellis_undo_journal_get_type ())
G_DECLARE_FINAL_TYPE (TrellisUndoJournal, trellis_undo_journal, TRELLIS, UNDO_JOURNAL, GObject)

TrellisUndoJournal *trellis_undo_journal_new             (void);
guint               trellis_undo_journal_push_deletion   (TrellisUndoJournal  *self,
                                                          TrellisSnapshot     *snapshot);
guint               trellis_undo_journal_push_edit       (TrellisUndoJournal  *self,
                                                          GType                type,
                                                          gint64               id,
                                                          const char          *name,
                                                          const char          *field,
                                                          const char          *old_value,
                                                          const char          *new_value);
gboolean            trellis_undo_journal_get_can_undo    (TrellisUndoJournal  *self);
guint               trellis_undo_journal_get_last        (TrellisUndoJournal  *self);
guint               trellis_undo_journal_get_last_deletion (TrellisUndoJournal *self);
gboolean            trellis_undo_journal_undo            (TrellisUndoJournal  *self,
                                                          TrellisStore        *store,
                                                          guint                step,
                                                          char               **message,
                                                          GError             **error);
void                trellis_undo_journal_clear           (TrellisUndoJournal  *self);

G_END_DECLS
