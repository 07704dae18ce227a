/* test-history-page.c — the History tab says which record and how a field changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-history-page.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"

static void
collect_rows (GtkWidget *root,
              GPtrArray *texts)
{
  if (ADW_IS_ACTION_ROW (root))
    g_ptr_array_add (texts, g_strdup_printf ("%s | %s",
                                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                                             adw_action_row_get_subtitle (ADW_ACTION_ROW (root))));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, texts);
}

/* The rows, newest first, each “title | first line of the subtitle”. */
static GPtrArray *
dup_rows (GtkWidget *page)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  trellis_test_spin_idle ();
  collect_rows (page, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      char *text = texts->pdata[i];

      text[strcspn (text, "\n")] = '\0';
    }
  return g_steal_pointer (&texts);
}

static void
save_text (TrellisStore   *store,
           TrellisStudent *student,
           const char     *property,
           const char     *value)
{
  g_autoptr(GError) error = NULL;

  g_object_set (student, property, value, NULL);
  g_assert_true (trellis_store_save (store, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
}

/* “Student “Amara Okafor” added”, then “Set to …”, “old → new” and “Cleared (was …)”. */
static void
test_history_page_phrases (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Amara",
                                                    "family-name", "Okafor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (TRELLIS_TYPE_HISTORY_PAGE, NULL);

  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_object_set (page, "store", store, "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)), NULL);
  gtk_window_present (GTK_WINDOW (window));

  rows = dup_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_str_has_prefix (rows->pdata[0], "Student “Amara Okafor” added | Test Teacher (Teacher) · "));
  g_clear_pointer (&rows, g_ptr_array_unref);

  save_text (store, student, "pronouns", "she/her");
  save_text (store, student, "pronouns", "they/them");
  save_text (store, student, "pronouns", "");
  rows = dup_rows (page);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (rows->pdata[0], ==, "Student · Pronouns | Cleared (was “they/them”)");
  g_assert_cmpstr (rows->pdata[1], ==, "Student · Pronouns | she/her → they/them");
  g_assert_cmpstr (rows->pdata[2], ==, "Student · Pronouns | Set to “she/her”");

  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_close_store (g_steal_pointer (&store), g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/history-page/phrases", test_history_page_phrases);

  return g_test_run ();
}
