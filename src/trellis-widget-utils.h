/* trellis-widget-utils.h — small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char       *trellis_text_view_dup_text   (GtkTextView *view);
void        trellis_list_box_remove_all  (GtkListBox  *list);

void        trellis_language_row_setup   (AdwComboRow *row);
void        trellis_language_row_select  (AdwComboRow *row,
                                          const char  *tag);
const char *trellis_language_row_get_tag (AdwComboRow *row);

G_END_DECLS
