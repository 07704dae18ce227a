/* trellis-preferences-window.h — the school’s preferences, stored in its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PREFERENCES_WINDOW (trellis_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPreferencesWindow, trellis_preferences_window, TRELLIS, PREFERENCES_WINDOW, AdwPreferencesWindow)

TrellisPreferencesWindow *trellis_preferences_window_new       (TrellisStore             *store);
TrellisStore             *trellis_preferences_window_get_store (TrellisPreferencesWindow *self);

G_END_DECLS
