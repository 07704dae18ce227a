/* trellis-test-widgets.c — shared helpers for the tests and benchmarks that open windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-settings.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
trellis_test_find_widget_matching (GtkWidget              *root,
                                   TrellisTestWidgetMatch  match,
                                   gconstpointer           data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = trellis_test_find_widget_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
trellis_test_find_widget (GtkWidget *root,
                          GType      type)
{
  return trellis_test_find_widget_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
trellis_test_find_named (GtkWidget  *root,
                         const char *name)
{
  return trellis_test_find_widget_matching (root, is_named, name);
}

GtkWindow *
trellis_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

void
trellis_test_spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_spin_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
trellis_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

TrellisWindow *
trellis_test_open_window (GtkApplication *app,
                          const char     *path)
{
  TrellisWindow *window;

  trellis_settings_set_editor (trellis_settings_get_default (), "Test Teacher", "teacher");
  window = g_object_new (TRELLIS_TYPE_WINDOW, "application", app, NULL);
  g_assert_true (trellis_window_open_database (window, path));
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin_idle ();
  return window;
}

void
trellis_test_close_window (TrellisWindow *window,
                           char          *dir)
{
  GtkWindow *dialog;

  while ((dialog = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_spin_idle ();
  trellis_test_remove_tree (dir);
  g_free (dir);
}
