/* test-trash-window.c — Main Menu ▸ Trash: restore a deleted student, empty the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-trash-window.h"
#include "trellis-window.h"

static TrellisApplication *app;

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_sensitive (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) != NULL;
}

static gint64
add_student (TrellisStore *store,
             const char   *given,
             const char   *family)
{
  g_autoptr(TrellisEntity) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", given,
                                                   "family-name", family, NULL);
  g_autoptr(GError) error = NULL;

  trellis_store_insert (store, student, &error);
  g_assert_no_error (error);
  return trellis_entity_get_id (student);
}

static void
delete_student (TrellisStore *store,
                gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, id, &error);

  g_assert_no_error (error);
  g_assert_true (trellis_store_delete (store, student, NULL, &error));
  g_assert_no_error (error);
}

static GtkWindow *
open_trash (TrellisWindow *window)
{
  GtkWindow *trash;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.trash", NULL);
  trellis_test_spin_idle ();
  trash = trellis_test_find_toplevel (TRELLIS_TYPE_TRASH_WINDOW);
  g_assert_nonnull (trash);
  return trash;
}

/* A deleted student is listed with who deleted it; Restore brings it back, and the list says
 * the trash is empty. */
static void
test_trash_window_restore (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "school.db", NULL);
  TrellisWindow *window = trellis_test_open_window (GTK_APPLICATION (app), path);
  TrellisStore *store = trellis_window_get_store (window);
  GtkWindow *trash;
  GtkWidget *row, *button;

  add_student (store, "Ana", "Keeps");
  delete_student (store, add_student (store, "Noor", "Haddad"));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 1);

  trash = open_trash (window);
  row = trellis_test_find_widget_matching (GTK_WIDGET (trash), is_row_titled, "Student “Noor Haddad”");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Deleted by Test Teacher"));
  button = trellis_test_find_widget_matching (row, is_button_labelled, "_Restore");
  g_assert_nonnull (button);
  g_assert_true (gtk_window_get_focus (trash) == button);   /* the keyboard starts here, not at Empty Trash */
  g_signal_emit_by_name (button, "clicked");
  trellis_test_spin_idle ();

  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 2);
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (trash), is_row_titled, "The trash is empty"));
  g_assert_null (trellis_test_find_widget_matching (GTK_WIDGET (trash), is_button_labelled, "_Empty Trash…"));
  gtk_window_destroy (trash);
  trellis_test_close_window (window, g_steal_pointer (&dir));
}

/* Empty Trash asks first; Cancel keeps everything, Empty Trash makes it final. */
static void
test_trash_window_empty (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "school.db", NULL);
  TrellisWindow *window = trellis_test_open_window (GTK_APPLICATION (app), path);
  TrellisStore *store = trellis_window_get_store (window);
  GtkWindow *trash, *question;
  GtkWidget *button;
  g_autoptr(GListModel) left = NULL;

  delete_student (store, add_student (store, "Noor", "Haddad"));
  delete_student (store, add_student (store, "Lan", "Nguyen"));
  trash = open_trash (window);
  button = trellis_test_find_widget_matching (GTK_WIDGET (trash), is_button_labelled, "_Empty Trash…");
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  trellis_test_spin_idle ();
  question = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), "2 deleted records"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  trellis_test_spin_idle ();
  left = trellis_store_list_trash (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 2);
  g_clear_object (&left);

  g_signal_emit_by_name (button, "clicked");
  trellis_test_spin_idle ();
  question = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "empty");
  trellis_test_spin_idle ();
  left = trellis_store_list_trash (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (trash), is_row_titled, "The trash is empty"));
  gtk_window_destroy (trash);
  trellis_test_close_window (window, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = trellis_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/trash-restore", test_trash_window_restore);
  g_test_add_func ("/window/trash-empty", test_trash_window_empty);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
