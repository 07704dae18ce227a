/* test-backups-window.c — Main Menu ▸ Backups, the refused-file page and the file banner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "trellis-add-student-dialog.h"
#include "trellis-backup.h"
#include "trellis-backups-window.h"
#include "trellis-banner.h"
#include "trellis-sample-school.h"
#include "trellis-settings.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-window.h"

static TrellisApplication *app;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = trellis_test_make_dir ();
  f->path = g_build_filename (f->dir, "school.db", NULL);
  store = trellis_store_open (f->path, &error);
  g_assert_no_error (error);
  trellis_store_set_editor (store, "Test Teacher", "teacher");
  g_assert_true (trellis_sample_school_populate (store, 4, 3, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) backups = trellis_backup_list (f->path);

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(TrellisBackup) backup = g_list_model_get_item (backups, i);
      g_unlink (trellis_backup_get_path (backup));
    }
  trellis_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
take_backup (const char *path)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  store = trellis_store_open (path, &error);
  g_assert_no_error (error);
  backup = trellis_backup_take (store, TRELLIS_BACKUP_DAILY, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
}

static void
damage (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + 2 * 4096, 0x5a, 5 * 4096);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
}

static gboolean
is_shown_status_page (GtkWidget     *widget,
                      gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_restore_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Restore…") == 0;
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return TRELLIS_IS_BANNER (widget);
}

static TrellisWindow *
new_window (void)
{
  TrellisWindow *window;

  trellis_settings_set_editor (trellis_settings_get_default (), "Test Teacher", "teacher");
  window = g_object_new (TRELLIS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin_idle ();
  return window;
}

/* Opens Backups, presses the newest backup's Restore and confirms; returns the question asked. */
static char *
restore_newest (TrellisWindow *window)
{
  GtkWindow *backups;
  GtkWindow *question;
  GtkWidget *button;
  char *body;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL);
  trellis_test_spin_idle ();
  backups = trellis_test_find_toplevel (TRELLIS_TYPE_BACKUPS_WINDOW);
  g_assert_nonnull (backups);
  button = trellis_test_find_widget_matching (GTK_WIDGET (backups), is_restore_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  trellis_test_spin (100);

  question = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "restore");
  trellis_test_spin_idle ();
  g_assert_null (trellis_test_find_toplevel (TRELLIS_TYPE_BACKUPS_WINDOW));
  return body;
}

static void
close_window (TrellisWindow *window)
{
  GtkWindow *dialog;

  while ((dialog = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_spin_idle ();
}

/* Tests */

/* Broken item 11: a refused file showed “No Students Yet”. It shows why, and its way out:
 * Restore a Backup… lists the file's backups and puts one back. */
static void
test_window_refused_file_shows_reason (Fixture       *f,
                                       gconstpointer  data)
{
  TrellisWindow *window;
  GtkWidget *page;
  g_autofree char *body = NULL;

  take_backup (f->path);
  damage (f->path);

  window = new_window ();
  g_assert_false (trellis_window_open_database (window, f->path));
  trellis_test_spin_idle ();
  /* No dialog: the window itself explains. */
  g_assert_null (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  page = trellis_test_find_widget_matching (GTK_WIDGET (window), is_shown_status_page, NULL);
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), "school.db"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "damaged"));
  g_assert_null (trellis_window_get_store (window));

  body = restore_newest (window);
  g_assert_nonnull (strstr (body, "will be lost"));
  g_assert_nonnull (trellis_window_get_store (window));
  g_assert_cmpint (trellis_store_count (trellis_window_get_store (window), TRELLIS_TYPE_STUDENT), ==, 4);
  page = trellis_test_find_widget_matching (GTK_WIDGET (window), is_shown_status_page, NULL);
  g_assert_true (page == NULL || strstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), "Could Not") == NULL);
  close_window (window);
}

/* Restore replaces the open database (after a backup of it) and the window shows the backup. */
static void
test_window_backups_restore_open_database (Fixture       *f,
                                           gconstpointer  data)
{
  TrellisWindow *window;
  g_autoptr(TrellisEntity) student = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  TrellisStore *store;

  take_backup (f->path);
  window = new_window ();
  g_assert_true (trellis_window_open_database (window, f->path));
  store = trellis_window_get_store (window);
  student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Iris", "family-name", "Later", NULL);
  g_assert_true (trellis_store_insert (store, student, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, 5);

  body = restore_newest (window);
  g_assert_nonnull (strstr (body, "backed up"));
  g_assert_cmpint (trellis_store_count (trellis_window_get_store (window), TRELLIS_TYPE_STUDENT), ==, 4);
  /* Two copies now: the day's, and the one of what was replaced, which holds Iris. */
  {
    g_autoptr(GListModel) backups = trellis_backup_list (f->path);
    g_autoptr(TrellisBackup) newest = g_list_model_get_item (backups, 0);

    g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
    g_assert_cmpint (trellis_backup_get_reason (newest), ==, TRELLIS_BACKUP_BEFORE_RESTORE);
    g_assert_cmpint (trellis_backup_get_n_students (newest), ==, 5);
  }
  close_window (window);
}

/* A file others can read says so in a banner (it belongs to someone else); a read-only one
 * says so and offers no editing. */
static void
test_window_file_banner (Fixture       *f,
                         gconstpointer  data)
{
  TrellisWindow *window;
  TrellisBanner *banner;

  window = new_window ();
  g_assert_true (trellis_window_open_database (window, f->path));
  banner = TRELLIS_BANNER (trellis_test_find_widget_matching (GTK_WIDGET (window), is_banner, NULL));
  g_assert_nonnull (banner);
  g_assert_false (trellis_banner_get_revealed (banner));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  close_window (window);

  window = new_window ();
  if (geteuid () == 0)
    {
      /* Root may write anywhere: the file of another user, readable by all, stands in. */
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
      g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
      g_assert_true (trellis_window_open_database (window, f->path));
      banner = TRELLIS_BANNER (trellis_test_find_widget_matching (GTK_WIDGET (window), is_banner, NULL));
      g_assert_true (trellis_banner_get_revealed (banner));
      g_assert_nonnull (strstr (trellis_banner_get_title (banner), "Other users"));
    }
  else
    {
      g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
      g_assert_true (trellis_window_open_database (window, f->path));
      banner = TRELLIS_BANNER (trellis_test_find_widget_matching (GTK_WIDGET (window), is_banner, NULL));
      g_assert_true (trellis_banner_get_revealed (banner));
      g_assert_nonnull (strstr (trellis_banner_get_title (banner), "read-only"));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.add-student", NULL);
      trellis_test_spin_idle ();
      g_assert_null (trellis_test_find_toplevel (TRELLIS_TYPE_ADD_STUDENT_DIALOG));
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
    }
  close_window (window);
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

  g_test_add ("/window/refused-file-shows-reason", Fixture, NULL, fixture_set_up,
              test_window_refused_file_shows_reason, fixture_tear_down);
  g_test_add ("/window/backups-restore-open-database", Fixture, NULL, fixture_set_up,
              test_window_backups_restore_open_database, fixture_tear_down);
  g_test_add ("/window/file-banner", Fixture, NULL, fixture_set_up, test_window_file_banner, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
