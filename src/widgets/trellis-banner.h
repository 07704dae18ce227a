/* trellis-banner.h — a message across the window with an optional button (AdwBanner is 1.3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_BANNER (trellis_banner_get_type ())
G_DECLARE_FINAL_TYPE (TrellisBanner, trellis_banner, TRELLIS, BANNER, GtkWidget)

GtkWidget  *trellis_banner_new               (const char    *title);
const char *trellis_banner_get_title         (TrellisBanner *self);
void        trellis_banner_set_title         (TrellisBanner *self,
                                              const char    *title);
const char *trellis_banner_get_button_label  (TrellisBanner *self);
void        trellis_banner_set_button_label  (TrellisBanner *self,
                                              const char    *label);
gboolean    trellis_banner_get_revealed      (TrellisBanner *self);
void        trellis_banner_set_revealed      (TrellisBanner *self,
                                              gboolean       revealed);

G_END_DECLS
