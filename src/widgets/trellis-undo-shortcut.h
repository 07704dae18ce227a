/* trellis-undo-shortcut.h — Ctrl+Z wherever focus is: the text being typed, or the journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_UNDO_SHORTCUT (trellis_undo_shortcut_get_type ())
G_DECLARE_FINAL_TYPE (TrellisUndoShortcut, trellis_undo_shortcut, TRELLIS, UNDO_SHORTCUT, GObject)

TrellisUndoShortcut *trellis_undo_shortcut_new       (GtkWindow           *window,
                                                      const char          *action);
void                 trellis_undo_shortcut_set_store (TrellisUndoShortcut *self,
                                                      TrellisStore        *store);

G_END_DECLS
