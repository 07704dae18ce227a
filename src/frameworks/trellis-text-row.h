/* trellis-text-row.h — a boxed-list row that edits a paragraph of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_TEXT_ROW (trellis_text_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisTextRow, trellis_text_row, TRELLIS, TEXT_ROW, AdwPreferencesRow)

const char *trellis_text_row_get_text (TrellisTextRow *self);
void        trellis_text_row_set_text (TrellisTextRow *self,
                                       const char     *text);

G_END_DECLS
