/* trellis-initials.h — a round badge with a person’s initials, cheap enough for long lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_INITIALS (trellis_initials_get_type ())
G_DECLARE_FINAL_TYPE (TrellisInitials, trellis_initials, TRELLIS, INITIALS, GtkWidget)

GtkWidget *trellis_initials_new      (int              size);
void       trellis_initials_set_name (TrellisInitials *self,
                                      const char      *name);

G_END_DECLS
