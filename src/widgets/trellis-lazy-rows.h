/* trellis-lazy-rows.h — fills a list view’s rows in sight at once, the others a few a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_LAZY_ROWS (trellis_lazy_rows_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLazyRows, trellis_lazy_rows, TRELLIS, LAZY_ROWS, GObject)

/**
 * TrellisLazyRowsFill:
 * @item: the list item whose row is to show its item now
 * @user_data: the data given to trellis_lazy_rows_new()
 */
typedef void (*TrellisLazyRowsFill) (GtkListItem *item,
                                     gpointer     user_data);

TrellisLazyRows *trellis_lazy_rows_new        (GtkListView         *list_view,
                                               TrellisLazyRowsFill  fill,
                                               gpointer             user_data);
void             trellis_lazy_rows_request    (TrellisLazyRows     *self,
                                               GtkListItem         *item);
void             trellis_lazy_rows_forget     (TrellisLazyRows     *self,
                                               GtkListItem         *item);
void             trellis_lazy_rows_scroll_to  (TrellisLazyRows     *self,
                                               guint                position);

G_END_DECLS
