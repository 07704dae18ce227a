/* test-print-ui.c — the print dialog’s Plan tab and remembered setup, and the Export Plans to PDF dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trellis-pdf-export-dialog.h"
#include "trellis-print-operation.h"
#include "trellis-report-options-box.h"
#include "trellis-sample-school.h"
#include "trellis-student-scope.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"

static void
test_options_box_round_trip (void)
{
  GtkWidget *box = g_object_ref_sink (trellis_report_options_box_new (TRUE));
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(TrellisReportOptions) chosen = NULL;
  g_autoptr(TrellisReportOptions) defaults = NULL;

  /* A family’s copy by default: no private supports, each family’s language. */
  defaults = trellis_report_options_box_dup_options (TRELLIS_REPORT_OPTIONS_BOX (box));
  g_assert_false (defaults->include_supports);
  g_assert_true (defaults->include_notes);
  g_assert_null (defaults->language);

  options->include_map = FALSE;
  options->include_notes = FALSE;
  options->include_supports = TRUE;
  options->double_sided = TRUE;
  options->paper = TRELLIS_PAPER_LETTER;
  trellis_report_options_set_language (options, "es");
  trellis_report_options_box_set_options (TRELLIS_REPORT_OPTIONS_BOX (box), options);
  chosen = trellis_report_options_box_dup_options (TRELLIS_REPORT_OPTIONS_BOX (box));

  g_assert_false (chosen->include_map);
  g_assert_false (chosen->include_notes);
  g_assert_true (chosen->include_supports);
  g_assert_true (chosen->double_sided);
  g_assert_cmpint (chosen->paper, ==, TRELLIS_PAPER_LETTER);
  g_assert_cmpstr (chosen->language, ==, "es");

  g_object_unref (box);
}

static void
test_print_operation_tab (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPrintOperation) operation = NULL;
  GtkWidget *tab = NULL;

  g_assert_true (trellis_sample_school_populate (store, 2, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  operation = trellis_print_operation_new (store, 1);

  /* The Plan tab offers what to include, but not the paper: the dialog’s own tab does. */
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (TRELLIS_IS_REPORT_OPTIONS_BOX (tab));
  g_object_ref_sink (tab);
  g_assert_null (trellis_print_operation_get_report_error (operation));
  g_object_unref (tab);
  g_clear_object (&operation);
  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

/* The printer, paper and sides of one print are where the next starts; a cancelled dialog
 * changes nothing. */
static void
test_print_operation_remembers_setup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPrintOperation) first = NULL;
  g_autoptr(TrellisPrintOperation) second = NULL;
  g_autoptr(TrellisPrintOperation) third = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GtkPrintSettings) other = gtk_print_settings_new ();
  GtkPrintSettings *restored;
  GtkPageSetup *restored_setup;

  g_assert_true (trellis_sample_school_populate (store, 2, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Before any print: no printer chosen yet, the report’s paper. */
  first = trellis_print_operation_new (store, 1);
  g_assert_null (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (first)));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (
                     gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (first)))), ==,
                   GTK_PAPER_NAME_A4);

  gtk_print_settings_set_printer (settings, "Room 104 laser");
  gtk_print_settings_set_duplex (settings, GTK_PRINT_DUPLEX_VERTICAL);
  gtk_page_setup_set_paper_size_and_default_margins (setup, letter);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (first), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), setup);
  g_signal_emit_by_name (first, "done", GTK_PRINT_OPERATION_RESULT_APPLY);

  second = trellis_print_operation_new (store, 2);
  restored = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (second));
  restored_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
  g_assert_nonnull (restored);
  g_assert_cmpstr (gtk_print_settings_get_printer (restored), ==, "Room 104 laser");
  g_assert_cmpint (gtk_print_settings_get_duplex (restored), ==, GTK_PRINT_DUPLEX_VERTICAL);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored_setup)), ==,
                   GTK_PAPER_NAME_LETTER);

  /* A cancelled print is forgotten. */
  gtk_print_settings_set_printer (other, "Library inkjet");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (second), other);
  g_signal_emit_by_name (second, "done", GTK_PRINT_OPERATION_RESULT_CANCEL);
  third = trellis_print_operation_new (store, 1);
  g_assert_cmpstr (gtk_print_settings_get_printer (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (third))),
                   ==, "Room 104 laser");

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&third);
  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

static void
test_export_dialog_scopes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 2;
  GtkWidget *dialog;
  GtkWidget *box;

  g_assert_true (trellis_sample_school_populate (store, 5, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_array_append_val (visible, id);
  dialog = trellis_pdf_export_dialog_new (NULL, store, 0, visible);
  box = trellis_test_find_widget (dialog, TRELLIS_TYPE_REPORT_OPTIONS_BOX);
  g_assert_nonnull (box);

  /* With no student selected, that choice is unavailable and the whole school is chosen. */
  {
    GtkWidget *selected_check = trellis_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON);
    GtkWidget *selected_row = gtk_widget_get_ancestor (selected_check, ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (selected_row);
    g_assert_false (gtk_widget_get_sensitive (selected_row));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (selected_check)));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (selected_row)), ==, "No student is selected");
    g_assert_cmpint (trellis_student_scope_get_choice (TRELLIS_STUDENT_SCOPE (trellis_test_find_widget (dialog, TRELLIS_TYPE_STUDENT_SCOPE))),
                     ==, TRELLIS_STUDENT_SCOPE_ALL);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* With a student selected, their plan is the one chosen; the list’s students are one click away. */
  dialog = trellis_pdf_export_dialog_new (NULL, store, id, visible);
  {
    TrellisStudentScope *scope = TRELLIS_STUDENT_SCOPE (trellis_test_find_widget (dialog, TRELLIS_TYPE_STUDENT_SCOPE));
    GtkWidget *check = trellis_test_find_widget (GTK_WIDGET (scope), GTK_TYPE_CHECK_BUTTON);
    GtkWidget *shown_check = NULL;

    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    g_assert_cmpint (trellis_student_scope_get_choice (scope), ==, TRELLIS_STUDENT_SCOPE_SELECTED);
    /* The suggested file says whose plan and which year (issue 16). */
    {
      g_autofree char *name = trellis_pdf_export_dialog_dup_file_name (TRELLIS_PDF_EXPORT_DIALOG (dialog));
      g_autofree char *student = trellis_test_query_text (store, "SELECT CASE preferred_name WHEN '' THEN given_name "
                                                                 "ELSE preferred_name END || ' ' || family_name "
                                                                 "FROM student WHERE id = ?", id);

      g_assert_true (g_str_has_prefix (name, student));
      g_assert_nonnull (strstr (name, " – plan 20"));
    }
    for (GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW); row != NULL && shown_check == NULL;
         row = gtk_widget_get_next_sibling (row))
      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1 plan") == 0)
        shown_check = trellis_test_find_widget (row, GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (shown_check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (shown_check), TRUE);
    g_assert_cmpint (trellis_student_scope_get_choice (scope), ==, TRELLIS_STUDENT_SCOPE_SHOWN);
    {
      g_autofree char *name = trellis_pdf_export_dialog_dup_file_name (TRELLIS_PDF_EXPORT_DIALOG (dialog));

      g_assert_true (g_str_has_prefix (name, "Learning plans 20"));
    }
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print-ui/options-box", test_options_box_round_trip);
  g_test_add_func ("/print-ui/print-operation-tab", test_print_operation_tab);
  g_test_add_func ("/print-ui/remembers-setup", test_print_operation_remembers_setup);
  g_test_add_func ("/print-ui/export-dialog-scopes", test_export_dialog_scopes);

  return g_test_run ();
}
