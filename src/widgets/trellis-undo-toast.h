/* trellis-undo-toast.h — a deletion’s “Undo” toast, and Ctrl+Z: the store’s undo journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

void trellis_show_undo_toast (GtkWidget       *widget,
                              TrellisStore    *store,
                              TrellisSnapshot *snapshot,
                              const char      *title);
void trellis_undo_last       (GtkWidget       *widget,
                              TrellisStore    *store);
void trellis_show_error_toast (GtkWidget    *widget,
                               const GError *error);

G_END_DECLS
