/* trellis-pog-map-widget.h — draws a student’s Profile of a Graduate map, one focusable band per attribute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-pog-map.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_POG_MAP_WIDGET (trellis_pog_map_widget_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPogMapWidget, trellis_pog_map_widget, TRELLIS, POG_MAP_WIDGET, GtkWidget)

GtkWidget     *trellis_pog_map_widget_new                (void);
TrellisPogMap *trellis_pog_map_widget_get_map            (TrellisPogMapWidget *self);
void           trellis_pog_map_widget_set_map            (TrellisPogMapWidget *self,
                                                          TrellisPogMap       *map);
GtkWidget     *trellis_pog_map_widget_get_attribute_child (TrellisPogMapWidget *self,
                                                          guint                i);
gboolean       trellis_pog_map_widget_focus_attribute    (TrellisPogMapWidget *self,
                                                          guint                i);

G_END_DECLS
