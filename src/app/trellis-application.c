/* trellis-application.c — the application: command line, actions and the open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-application"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "trellis-application.h"
#include "trellis-autosave.h"
#include "trellis-batch.h"
#include "trellis-editor-dialog.h"
#include "trellis-settings.h"
#include "trellis-widget-utils.h"
#include "trellis-window.h"

struct _TrellisApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
};

G_DEFINE_FINAL_TYPE (TrellisApplication, trellis_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "populate-sample", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Add N sample students to the database, without a display, and quit"), N_("N") },
  { "remove-sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Remove the sample school’s students (not those anyone has worked on), without a display, and quit"),
    NULL },
  { "print-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the plans of the chosen students (all by default) to one PDF, without a display, and quit"),
    N_("FILE") },
  { "homeroom", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --print-pdf: print only the students of this homeroom"), N_("NAME") },
  { "grade", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --print-pdf: print only the students of this grade (0 for kindergarten)"), N_("N") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --print-pdf: the paper size, a4 or letter"), N_("SIZE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --print-pdf: the language of the labels (by default each family’s)"), N_("LANG") },
  { "double-sided", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --print-pdf: start each student on an odd page"), NULL },
  { "include-supports", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --print-pdf: also print the private supports and accommodations"), NULL },
  { "export-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write students and their plans to the plan file FILE, without a display, and quit"), N_("FILE") },
  { "student", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --export-xml or --print-pdf: only the student with this UUID (repeat for more)"),
    N_("UUID") },
  { "import-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the plan file FILE into the database, without a display, and quit"), N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-xml or --import-roster: show what the import would change, and change nothing"), NULL },
  { "on-conflict", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-xml: for records changed both here and in the file, keep “mine”, take "
       "“theirs” or keep both as a “copy”"), N_("CHOICE") },
  { "author", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sign the changes a command-line run makes with NAME (default: your login name)"), N_("NAME") },
  { "import-roster", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the students, guardians and staff of a OneRoster 1.1 or 1.2 export (a folder or a "
       ".zip) into the database, without a display, and quit"), N_("PATH") },
  { "import-framework", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a competency framework (Moodle CSV, CASE JSON, Mahara JSON or a Trellis template) "
       "into the database, without a display, and quit"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a checked copy of the database to FILE, without a display, and quit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database by the backup FILE (the current one is backed up first), without a "
       "display, and quit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version of Trellis and quit"), NULL },
  { NULL }
};

/* Callbacks */

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Trellis developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Trellis"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Trellis developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Personalized learning plans, written together"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

/* Without a help browser (yelp) the user still learns why nothing opened. */
static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  dialog = adw_message_dialog_new (parent, _("The Help Could Not Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("No help browser could show it (%s). Install the “yelp” package, "
                                    "or read the pages in /usr/share/help/C/trellis."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (window, "help:" PACKAGE_NAME, GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
}

/* Logout, shutdown, `kill` and Ctrl+C end Trellis as Ctrl+Q does: the typing of the last
 * second is stored, then the windows close and the database is closed whole. */
static gboolean
on_unix_signal (gpointer user_data)
{
  trellis_autosave_flush_all ();
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* The session is ending: store what waits now, while the session still lets us. */
static void
on_query_end (GtkApplication *application)
{
  trellis_autosave_flush_all ();
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated },
  { "about", on_about_activated },
  { "help", on_help_activated },
};

/* Overrides */

static int
trellis_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  g_autofree char *path = NULL;

  /* Answered before anything else: no database is opened, no display is needed. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  if (trellis_batch_wants_run (options))
    return trellis_batch_run (trellis_application_get_database_path (self), options);

  return -1;
}

static void
trellis_application_activate (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  TrellisSettings *settings = trellis_settings_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  const char *last = trellis_settings_get_last_database (settings);

  /* Without --database, the database used last (if it is still there) reopens. */
  if (self->database_path == NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    self->database_path = g_strdup (last);

  if (window == NULL)
    window = GTK_WINDOW (trellis_window_new (self, trellis_application_get_database_path (self)));
  gtk_window_present (window);

  /* The first launch on a machine asks who is using it: history and notes are signed. */
  if (*trellis_settings_get_editor_name (settings) == '\0')
    gtk_window_present (GTK_WINDOW (trellis_editor_dialog_new (window)));
}

static void
trellis_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (trellis_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
  trellis_fix_mnemonic_button_names ();

  g_unix_signal_add (SIGTERM, on_unix_signal, application);
  g_unix_signal_add (SIGHUP, on_unix_signal, application);
  g_unix_signal_add (SIGINT, on_unix_signal, application);
  g_object_set (application, "register-session", TRUE, NULL);
  g_signal_connect (application, "query-end", G_CALLBACK (on_query_end), NULL);
}

/* However Trellis ends, pending edits are stored and every window lets go of its database,
 * so that the last connection closes it: SQLite then folds the WAL into the file and removes
 * it, and the .db alone holds everything (a copy on a USB stick is complete). */
static void
trellis_application_shutdown (GApplication *application)
{
  GList *windows;

  trellis_autosave_flush_all ();
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (windows->data);

  G_APPLICATION_CLASS (trellis_application_parent_class)->shutdown (application);
}

static void
trellis_application_finalize (GObject *object)
{
  TrellisApplication *self = TRELLIS_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (trellis_application_parent_class)->finalize (object);
}

static void
trellis_application_class_init (TrellisApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = trellis_application_finalize;
  app_class->handle_local_options = trellis_application_handle_local_options;
  app_class->activate = trellis_application_activate;
  app_class->startup = trellis_application_startup;
  app_class->shutdown = trellis_application_shutdown;
}

static void
trellis_application_init (TrellisApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Personalized learning plans, written together."));
}

/* Public API */

TrellisApplication *
trellis_application_new (void)
{
  /* NON_UNIQUE: two lab users may each open their own database from one account. */
  return g_object_new (TRELLIS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/trellisplp/Trellis",
                       NULL);
}

/**
 * trellis_application_get_database_path:
 * @self: the application
 *
 * Returns: the database given with `--database`, or the default one
 */
const char *
trellis_application_get_database_path (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = trellis_store_default_path ();
  return self->database_path;
}
