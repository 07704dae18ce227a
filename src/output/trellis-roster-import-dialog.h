/* trellis-roster-import-dialog.h — main menu ▸ Import Roster: a OneRoster export previewed, then applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ROSTER_IMPORT_DIALOG (trellis_roster_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRosterImportDialog, trellis_roster_import_dialog, TRELLIS, ROSTER_IMPORT_DIALOG, AdwWindow)

GtkWidget *trellis_roster_import_dialog_new (GtkWindow    *parent,
                                          TrellisStore *store,
                                          const char   *path);

G_END_DECLS
