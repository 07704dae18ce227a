/* trellis-conflict-banner.h — “someone else changed this too”: both texts, and a choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-autosave.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CONFLICT_BANNER (trellis_conflict_banner_get_type ())

G_DECLARE_FINAL_TYPE (TrellisConflictBanner, trellis_conflict_banner, TRELLIS, CONFLICT_BANNER, GtkWidget)

GtkWidget *trellis_conflict_banner_new          (void);
void       trellis_conflict_banner_set_autosave (TrellisConflictBanner *self,
                                                 TrellisAutosave       *autosave);

G_END_DECLS
