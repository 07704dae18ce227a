/* trellis-test-widgets.c — shared helpers for the tests and benchmarks that open windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-test-widgets.h"

GtkWidget *
trellis_test_find_widget (GtkWidget *root,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = trellis_test_find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}
