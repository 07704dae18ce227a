/* trellis-test-widgets.h — shared helpers for the tests and benchmarks that open windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget of @type in @root’s tree (depth first), or NULL. */
GtkWidget *trellis_test_find_widget (GtkWidget *root,
                                     GType      type);

G_END_DECLS
