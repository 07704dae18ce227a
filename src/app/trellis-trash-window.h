/* trellis-trash-window.h — Main Menu ▸ Trash: what was deleted, restorable for 30 days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_TRASH_WINDOW (trellis_trash_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisTrashWindow, trellis_trash_window, TRELLIS, TRASH_WINDOW, AdwWindow)

TrellisTrashWindow *trellis_trash_window_new (GtkWindow    *parent,
                                              TrellisStore *store);

G_END_DECLS
