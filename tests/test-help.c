/* test-help.c — F1 and the main menu open the help; the shortcuts window lists the shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trellis-application.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-window.h"

/* One application for every test: GApplication starts up once per process. */
static TrellisApplication *app;
/* A help browser of our own, the default handler of help: URIs, writes what it is asked to
 * show here. */
static char *handler_home;
static char *shown_path;

/* Helpers */

static void
install_help_handler (void)
{
  g_autofree char *apps = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *mimeapps = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  handler_home = trellis_test_make_dir ();
  shown_path = g_build_filename (handler_home, "shown", NULL);
  apps = g_build_filename (handler_home, "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  desktop = g_build_filename (apps, "trellis-test-help.desktop", NULL);
  contents = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Help\n"
                              "Exec=/bin/sh -c 'printf %%s \"$0\" > %s' %%u\n"
                              "MimeType=x-scheme-handler/help;\nNoDisplay=true\n", shown_path);
  g_assert_true (g_file_set_contents (desktop, contents, -1, &error));
  g_assert_no_error (error);
  mimeapps = g_build_filename (handler_home, "mimeapps.list", NULL);
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\n"
                                      "x-scheme-handler/help=trellis-test-help.desktop\n", -1, &error));
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", handler_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", handler_home, TRUE);
}

/* Whether the menu @model, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) child = g_menu_link_iter_get_value (links);

          if (menu_has_action (child, action))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
menu_button_offers_help (GtkWidget     *widget,
                         gconstpointer  data)
{
  GMenuModel *model;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  return model != NULL && menu_has_action (model, "app.help");
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (accel != NULL)
        {
          g_auto(GStrv) each = g_strsplit (accel, " ", -1);

          for (guint i = 0; each[i] != NULL; i++)
            g_hash_table_add (accels, g_strdup (each[i]));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accels);
}

/* Tests */

/* F1 is the accelerator of app.help, the main menu has it, and it asks for help:trellis. */
static void
test_help_opens (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "school.db", NULL);
  TrellisWindow *window = trellis_test_open_window (GTK_APPLICATION (app), path);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_autofree char *shown = NULL;
  gint64 deadline;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (window), menu_button_offers_help, NULL));

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (shown_path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    trellis_test_spin (50);
  trellis_test_spin (200);
  g_assert_true (g_file_get_contents (shown_path, &shown, NULL, NULL));
  g_assert_cmpstr (shown, ==, "help:trellis");
  g_assert_null (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  trellis_test_close_window (window, g_steal_pointer (&dir));
}

/* The shortcuts window names the keys the pages and the application bind (issue 17, item 7). */
static void
test_shortcuts_window (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "school.db", NULL);
  TrellisWindow *window = trellis_test_open_window (GTK_APPLICATION (app), path);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *expected[] = { "<Alt>Left", "<Alt>Up", "<Alt>Down", "F1", "<Control>question",
                             "<Control>n", "<Control>f", "<Control>p", "<Control>comma" };

  g_assert_nonnull (overlay);
  collect_accelerators (GTK_WIDGET (overlay), accels);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (accels, expected[i]))
      g_error ("the shortcuts window does not list %s", expected[i]);

  trellis_test_close_window (window, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  install_help_handler ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = trellis_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/help/opens", test_help_opens);
  g_test_add_func ("/help/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();
  g_clear_object (&app);
  trellis_test_remove_tree (handler_home);
  g_free (shown_path);
  return status;
}
