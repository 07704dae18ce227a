/* trellis-color-row.h — a row to pick a colour from an accessible palette, or any colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_COLOR_ROW (trellis_color_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisColorRow, trellis_color_row, TRELLIS, COLOR_ROW, AdwActionRow)

const char *trellis_color_row_get_color (TrellisColorRow *self);
void        trellis_color_row_set_color (TrellisColorRow *self,
                                         const char      *color);

G_END_DECLS
