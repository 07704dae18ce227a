/* trellis-test-widgets.h — shared helpers for the tests and benchmarks that open windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-window.h"

G_BEGIN_DECLS

typedef gboolean (*TrellisTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

/* The first widget under @root (depth first, @root included) that @match accepts, or NULL. */
GtkWidget     *trellis_test_find_widget_matching (GtkWidget              *root,
                                                  TrellisTestWidgetMatch  match,
                                                  gconstpointer           data);

/* The first widget of @type in @root’s tree (depth first), or NULL. */
GtkWidget     *trellis_test_find_widget          (GtkWidget              *root,
                                                  GType                   type);

/* The first widget whose gtk_widget_get_name() is @name, or NULL. */
GtkWidget     *trellis_test_find_named           (GtkWidget              *root,
                                                  const char             *name);

/* The newest visible toplevel of @type (a dialog just presented), or NULL. */
GtkWindow     *trellis_test_find_toplevel        (GType                   type);

/* Runs what is ready to run: idle reloads, redraws. */
void           trellis_test_spin_idle            (void);

/* Runs the main loop, frames included, for @ms milliseconds (timers such as the autosave
 * delay fire). */
void           trellis_test_spin                 (guint                   ms);

/* A presented main window of @app on a new database at @path; someone is editing already
 * (“Test Teacher”), so no first-launch question pops up. */
TrellisWindow *trellis_test_open_window          (GtkApplication         *app,
                                                  const char             *path);

/* Destroys the message dialogs left open, then @window; removes @dir, which it frees. */
void           trellis_test_close_window         (TrellisWindow          *window,
                                                  char                   *dir);

G_END_DECLS
