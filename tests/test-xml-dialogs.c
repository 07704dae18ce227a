/* test-xml-dialogs.c — File ▸ Export to XML and Import from XML, driven through their dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "trellis-sample-school.h"
#include "trellis-student.h"
#include "trellis-student-list.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"
#include "trellis-window.h"
#include "trellis-xml-export.h"
#include "trellis-xml-export-dialog.h"
#include "trellis-xml-format.h"
#include "trellis-xml-import.h"
#include "trellis-roster-import-dialog.h"
#include "trellis-xml-import-dialog.h"

/* Long enough for a loaded machine; the work itself takes well under a second. */
#define WAIT_MS 30000

/* One application for every test: GApplication starts up once per process. */
static TrellisApplication *app;

typedef struct
{
  TrellisWindow *window;
  char          *dir;
} Fixture;

/* Helpers */

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so; fails the test after WAIT_MS. */
static void
wait_until (gboolean      (*done) (gconstpointer data),
            gconstpointer   data,
            const char     *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, on_wait_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Waited in vain for %s", what);
  g_source_remove (timeout);
}

static gboolean
is_label_starting_with (GtkWidget     *widget,
                        gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_row_title_ending (GtkWidget     *widget,
                     gconstpointer  end)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), end);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = trellis_test_find_widget_matching (root, is_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = trellis_test_find_widget_matching (root, is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_no_toplevel (gconstpointer type)
{
  return trellis_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static gboolean
has_toplevel (gconstpointer type)
{
  return trellis_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} LabelWait;

static gboolean
shows_label (gconstpointer data)
{
  const LabelWait *wait = data;

  return trellis_test_find_widget_matching (wait->root, is_label_starting_with, wait->prefix) != NULL;
}

static gboolean
row_has_subtitle (gconstpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW ((gpointer) row));

  return subtitle != NULL && *subtitle != '\0';
}

static TrellisStore *
store_of (Fixture *fixture)
{
  return trellis_window_get_store (fixture->window);
}

/* The UUIDs of the students in a plan file, in file order. */
static GPtrArray *
students_in_file (const char *path)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) "student") == 0)
      {
        xmlChar *uuid = xmlGetProp (node, (const xmlChar *) "uuid");

        g_ptr_array_add (uuids, g_strdup ((const char *) uuid));
        xmlFree (uuid);
      }
  xmlFreeDoc (doc);
  return g_steal_pointer (&uuids);
}

static void
populate (TrellisStore *store,
          guint         n_students,
          guint         seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_sample_school_populate (store, n_students, seed, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
export_all (TrellisStore *store,
            const char   *path)
{
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GtkWindow *
open_export_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-xml", NULL);
  trellis_test_spin_idle ();
  dialog = trellis_test_find_toplevel (TRELLIS_TYPE_XML_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

/* The import dialog for @path, as the window opens it once a file is chosen. */
static void
on_imported (TrellisXmlImportDialog *dialog,
             gboolean               *imported)
{
  *imported = TRUE;
}

static GtkWindow *
open_import_dialog (Fixture    *fixture,
                    const char *path,
                    gboolean   *imported)
{
  GtkWidget *dialog = trellis_xml_import_dialog_new (GTK_WINDOW (fixture->window), store_of (fixture), path);

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), imported);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = trellis_test_make_dir ();
  path = g_build_filename (fixture->dir, "school.db", NULL);
  fixture->window = trellis_test_open_window (GTK_APPLICATION (app), path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_close_window (fixture->window, fixture->dir);
}

/* Tests */

/* Search, export the students the list shows, and the toast names the file. */
static void
test_xml_dialogs_export_shown (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "shown.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *announcement = NULL;
  TrellisStudentList *list;
  GtkWidget *row;
  GtkWindow *dialog;
  LabelWait toast = { GTK_WIDGET (fixture->window), "Exported " };

  populate (store_of (fixture), 12, TRELLIS_SAMPLE_SEED);
  trellis_test_spin_idle ();
  list = TRELLIS_STUDENT_LIST (trellis_test_find_widget (GTK_WIDGET (fixture->window),
                                                         TRELLIS_TYPE_STUDENT_LIST));
  trellis_student_list_set_search_text (list, "an");
  trellis_test_spin_idle ();
  shown = trellis_window_dup_visible_student_ids (fixture->window);
  g_assert_cmpuint (shown->len, >, 0);
  g_assert_cmpuint (shown->len, <, 12);
  for (guint i = 0; i < shown->len; i++)
    {
      g_autoptr(TrellisEntity) student = trellis_store_load (store_of (fixture), TRELLIS_TYPE_STUDENT,
                                                             g_array_index (shown, gint64, i), NULL);
      g_hash_table_add (expected, g_strdup (trellis_entity_get_uuid (student)));
    }

  dialog = open_export_dialog (fixture);
  row = find_row (GTK_WIDGET (dialog), "Students _shown in the list");
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_true (gtk_widget_activate (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
                   adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  trellis_xml_export_dialog_export_to (TRELLIS_XML_EXPORT_DIALOG (dialog), file);

  wait_until (shows_label, &toast, "the toast announcing the export");
  g_assert_null (trellis_test_find_toplevel (TRELLIS_TYPE_XML_EXPORT_DIALOG));
  announcement = g_strdup_printf ("Exported %u students to “shown.xml”", shown->len);
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_label_starting_with, announcement));
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_button_labelled, "Show in _Folder"));

  trellis_test_assert_valid_plan_file (path);
  exported = students_in_file (path);
  g_assert_cmpuint (exported->len, ==, shown->len);
  for (guint i = 0; i < exported->len; i++)
    g_assert_true (g_hash_table_contains (expected, exported->pdata[i]));
}

/* Cancelling while the file is written leaves the earlier file as it was, and no stray file. */
static void
test_xml_dialogs_export_cancel (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plans.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char earlier[] = "<earlier/>\n";
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GtkWindow *dialog, *message;
  guint n_files = 0;

  populate (store_of (fixture), 300, TRELLIS_SAMPLE_SEED);
  trellis_test_spin_idle ();
  g_assert_true (g_file_set_contents (path, earlier, -1, NULL));

  dialog = open_export_dialog (fixture);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (
                   ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "_Whole database"))))));
  trellis_xml_export_dialog_export_to (TRELLIS_XML_EXPORT_DIALOG (dialog), file);
  click (GTK_WIDGET (dialog), "_Cancel");
  wait_until (has_no_toplevel, GSIZE_TO_POINTER (TRELLIS_TYPE_XML_EXPORT_DIALOG), "the dialog to close");

  message = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (message ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)) : NULL, ==, NULL);
  g_assert_null (trellis_test_find_widget_matching (GTK_WIDGET (fixture->window), is_label_starting_with, "Exported "));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, earlier);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") || strstr (name, ".xml.") != NULL)
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* A file with a new student, an updated one and two in conflict: the preview counts them, one
 * conflict is resolved for all and the other on its own row, and the store gets exactly that. */
static void
test_xml_dialogs_import_merge (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *theirs_dir = NULL;
  g_autoptr(TrellisStore) theirs = trellis_test_open_store (&theirs_dir);
  g_autofree char *first = g_build_filename (theirs_dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (theirs_dir, "second.xml", NULL);
  g_autofree char *updated = NULL;
  g_autofree char *for_all = NULL;
  g_autofree char *own_row = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *students_row, *all_row;
  AdwComboRow *conflict_row;
  AdwComboRow *all_conflict_row;
  gboolean imported = FALSE;

  /* Both machines start from the same three students. */
  populate (theirs, 3, TRELLIS_SAMPLE_SEED);
  export_all (theirs, first);
  import = trellis_xml_import_new (store_of (fixture), first);
  g_assert_true (trellis_xml_import_read (import, NULL, &error) && trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  g_usleep (5000);

  /* They change all three and add one; here two of the three change too. */
  updated = trellis_test_dup_student_uuid (theirs, 0);
  for_all = trellis_test_dup_student_uuid (theirs, 1);
  own_row = trellis_test_dup_student_uuid (theirs, 2);
  trellis_test_rename_student (theirs, updated, "Their update");
  trellis_test_rename_student (theirs, for_all, "Their change");
  trellis_test_rename_student (theirs, own_row, "Their other change");
  populate (theirs, 1, 7);
  export_all (theirs, second);
  g_usleep (5000);
  trellis_test_rename_student (store_of (fixture), for_all, "My change");
  trellis_test_rename_student (store_of (fixture), own_row, "My other change");
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 3);

  dialog = open_import_dialog (fixture, second, &imported);
  students_row = find_row (GTK_WIDGET (dialog), "Students");
  wait_until (row_has_subtitle, students_row, "the preview");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (students_row)), ==,
                   "1 new, 1 updated, 0 unchanged, 2 in conflict");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), "Frameworks"))),
                   ==, "0 new, 0 updated, 1 unchanged, 0 in conflict");

  /* “Take theirs” for all, then “Keep mine” on the row of the other change. */
  all_row = find_row (GTK_WIDGET (dialog), "_For all conflicts");
  adw_combo_row_set_selected (ADW_COMBO_ROW (all_row), TRELLIS_XML_RESOLUTION_THEIRS);
  conflict_row = ADW_COMBO_ROW (trellis_test_find_widget_matching (GTK_WIDGET (dialog), is_row_title_ending,
                                                     " Their other change"));
  all_conflict_row = ADW_COMBO_ROW (trellis_test_find_widget_matching (GTK_WIDGET (dialog), is_row_title_ending,
                                                         " Their change"));
  g_assert_nonnull (conflict_row);
  g_assert_nonnull (all_conflict_row);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (conflict_row)),
                                   "Student "));
  g_assert_cmpuint (adw_combo_row_get_selected (conflict_row), ==, TRELLIS_XML_RESOLUTION_THEIRS);
  g_assert_cmpuint (adw_combo_row_get_selected (all_conflict_row), ==, TRELLIS_XML_RESOLUTION_THEIRS);
  adw_combo_row_set_selected (conflict_row, TRELLIS_XML_RESOLUTION_MINE);

  click (GTK_WIDGET (dialog), "_Import");
  wait_until (has_no_toplevel, GSIZE_TO_POINTER (TRELLIS_TYPE_XML_IMPORT_DIALOG), "the import to finish");
  g_assert_true (imported);
  g_assert_null (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  trellis_store_check_external_change (store_of (fixture));
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 4);
  name = trellis_test_dup_family_name (store_of (fixture), updated);
  g_assert_cmpstr (name, ==, "Their update");
  g_free (name);
  name = trellis_test_dup_family_name (store_of (fixture), for_all);
  g_assert_cmpstr (name, ==, "Their change");
  g_free (name);
  name = trellis_test_dup_family_name (store_of (fixture), own_row);
  g_assert_cmpstr (name, ==, "My other change");

  g_clear_object (&theirs);
  trellis_test_remove_tree (theirs_dir);
}

static gboolean
row_shows_conflict (gconstpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW ((gpointer) row));

  return subtitle != NULL && strstr (subtitle, "1 in conflict") != NULL;
}

/* The preview said “3 unchanged”; before Import is pressed another program changes one of the
 * students. The dialog stays, says what changed, shows the new preview, and imports only when
 * asked again. */
static void
test_xml_dialogs_import_changed_since_preview (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "all.xml", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TrellisStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gboolean imported = FALSE;
  GtkWindow *dialog;
  GtkWidget *students_row;
  GtkWidget *summary;

  populate (store_of (fixture), 3, TRELLIS_SAMPLE_SEED);
  export_all (store_of (fixture), path);
  uuid = trellis_test_dup_student_uuid (store_of (fixture), 0);
  g_usleep (5000);

  dialog = open_import_dialog (fixture, path, &imported);
  students_row = find_row (GTK_WIDGET (dialog), "Students");
  wait_until (row_has_subtitle, students_row, "the preview");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (students_row)), ==,
                   "0 new, 0 updated, 3 unchanged, 0 in conflict");

  other = trellis_store_open (trellis_store_get_path (store_of (fixture)), &error);
  g_assert_no_error (error);
  trellis_store_set_editor (other, "Other Teacher", "teacher");
  trellis_test_rename_student (other, uuid, "Changed-Elsewhere");

  click (GTK_WIDGET (dialog), "_Import");
  wait_until (row_shows_conflict, students_row, "the new preview");
  g_assert_nonnull (trellis_test_find_toplevel (TRELLIS_TYPE_XML_IMPORT_DIALOG));
  g_assert_null (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (imported);
  summary = gtk_widget_get_ancestor (students_row, ADW_TYPE_PREFERENCES_GROUP);
  g_test_message ("%s", adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (summary)),
                            "changed since"));

  /* Asked again, the default keeps the other program's change. */
  click (GTK_WIDGET (dialog), "_Import");
  wait_until (has_no_toplevel, GSIZE_TO_POINTER (TRELLIS_TYPE_XML_IMPORT_DIALOG), "the import to finish");
  g_assert_true (imported);
  trellis_store_check_external_change (store_of (fixture));
  name = trellis_test_dup_family_name (store_of (fixture), uuid);
  g_assert_cmpstr (name, ==, "Changed-Elsewhere");
}

/* A file that is not what it claims: the error names the file and the line; nothing is stored. */
static void
test_xml_dialogs_import_hostile (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.xml", NULL);
  static const char hostile[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<trellis xmlns=\"" TRELLIS_XML_NAMESPACE "\" version=\"1.0\" exported-at=\"2026-01-01T00:00:00Z\">\n"
    "  <student uuid=\"00000000-0000-4000-8000-000000000001\" created-at=\"2026-01-01T00:00:00Z\" "
    "created-by=\"\" updated-at=\"2026-01-01T00:00:00Z\" updated-by=\"\">\n"
    "    <given-name>&xxe;</given-name>\n"
    "  </student>\n"
    "</trellis>\n";
  gboolean imported = FALSE;
  GtkWindow *message;
  const char *body;

  populate (store_of (fixture), 2, TRELLIS_SAMPLE_SEED);
  g_assert_true (g_file_set_contents (path, hostile, -1, NULL));

  open_import_dialog (fixture, path, &imported);
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the error");
  message = trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "hostile.xml"));
  g_assert_nonnull (strstr (body, "line 4"));
  g_assert_nonnull (strstr (body, "Nothing was imported"));
  g_assert_null (trellis_test_find_toplevel (TRELLIS_TYPE_XML_IMPORT_DIALOG));
  g_assert_false (imported);
  g_assert_cmpint (trellis_store_count (store_of (fixture), TRELLIS_TYPE_STUDENT), ==, 2);
}

/* Main ▸ Import Roster: the preview counts people and lists problems; Import stores them and
 * the students appear. */
static void
on_roster_imported (TrellisRosterImportDialog *dialog,
                    gboolean                  *imported)
{
  *imported = TRUE;
}

static void
test_xml_dialogs_import_roster (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *roster = trellis_test_source_path ("tests", "data", "roster", "bulk-1.1", NULL);
  gboolean imported = FALSE;
  GtkWidget *dialog;
  GtkWidget *students_row;
  GtkWidget *problems;

  /* the menu opens the choice of a zip or a folder */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-roster", NULL);
  trellis_test_spin_idle ();
  g_assert_nonnull (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (trellis_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  dialog = trellis_roster_import_dialog_new (GTK_WINDOW (fixture->window), store_of (fixture), roster);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_roster_imported), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  students_row = find_row (dialog, "Students");
  wait_until (row_has_subtitle, students_row, "the preview");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (students_row)), ==,
                   "4 new, 0 updated, 0 archived, 0 unchanged");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (dialog, "Guardians"))), ==,
                   "3 new, 0 updated, 0 removed, 0 unchanged");
  problems = trellis_test_find_widget_matching (dialog, is_label_starting_with, "“users.csv”, line 6");
  g_assert_nonnull (problems);

  click (dialog, "_Import");
  wait_until (has_no_toplevel, GSIZE_TO_POINTER (TRELLIS_TYPE_ROSTER_IMPORT_DIALOG), "the import to finish");
  g_assert_true (imported);
  trellis_store_check_external_change (store_of (fixture));
  g_assert_cmpint (trellis_test_query_int (store_of (fixture),
                                           "SELECT count(*) FROM student WHERE sourced_id <> ''", 0), ==, 4);
}

/* Main */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = trellis_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/xml-dialogs/export/shown-students", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_export_shown, fixture_tear_down);
  g_test_add ("/xml-dialogs/export/cancel-keeps-earlier-file", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_export_cancel, fixture_tear_down);
  g_test_add ("/xml-dialogs/import/merge-with-choices", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_import_merge, fixture_tear_down);
  g_test_add ("/xml-dialogs/import/changed-since-preview", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_import_changed_since_preview, fixture_tear_down);
  g_test_add ("/xml-dialogs/import/hostile-file", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_import_hostile, fixture_tear_down);
  g_test_add ("/xml-dialogs/import/roster", Fixture, NULL, fixture_set_up,
              test_xml_dialogs_import_roster, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
