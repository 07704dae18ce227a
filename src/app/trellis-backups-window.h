/* trellis-backups-window.h — Main Menu ▸ Backups: the copies of a database, each restorable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-window.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_BACKUPS_WINDOW (trellis_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisBackupsWindow, trellis_backups_window, TRELLIS, BACKUPS_WINDOW, AdwWindow)

TrellisBackupsWindow *trellis_backups_window_new (TrellisWindow *window,
                                                  const char    *database_path);

G_END_DECLS
