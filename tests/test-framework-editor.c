/* test-framework-editor.c — the Frameworks page and the framework editor, driven as a user would
 *
 * Set TRELLIS_SCREENSHOT_DIR to save a PNG of every screen on the way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-autosave.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-editing.h"
#include "trellis-framework-editor.h"
#include "trellis-frameworks-page.h"
#include "trellis-item-row.h"
#include "trellis-level.h"
#include "trellis-plan.h"
#include "trellis-sample-school.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-test-widgets.h"

/* Helpers */

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (checked after each iteration) or @ms pass. */
static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, on_wait_timeout, &timed_out);

  while (!timed_out && (done == NULL || !done (data)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static void
settle (void)
{
  iterate_until (NULL, NULL, 150);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("TRELLIS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  settle ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (type));
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  iterate_until (toplevel_shown, GSIZE_TO_POINTER (type), 5000);
  window = find_toplevel (type);
  g_assert_nonnull (window);
  return window;
}

static gboolean
is_entry_row_with_text (GtkWidget     *widget,
                        gconstpointer  text)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_item_row_for (GtkWidget     *widget,
                 gconstpointer  title)
{
  return TRELLIS_IS_ITEM_ROW (widget) &&
         g_strcmp0 (trellis_entity_get_text (trellis_item_row_get_entity (TRELLIS_ITEM_ROW (widget)), "title"),
                    title) == 0;
}

static gboolean
is_combo_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget);
}

static GtkWidget *
entry_row_with_text (GtkWidget  *root,
                     const char *text)
{
  GtkWidget *row = trellis_test_find_widget_matching (root, is_entry_row_with_text, text);

  g_assert_nonnull (row);
  return row;
}

static gint64
query_int (TrellisStore *store,
           const char   *sql,
           const char   *text)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);
  gint64 value = -1;

  g_assert_nonnull (stmt);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

typedef struct {
  TrellisStore *store;
  const char   *sql;
  const char   *text;
  gint64        expected;
} Query;

static gboolean
query_matches (gpointer data)
{
  Query *query = data;
  return query_int (query->store, query->sql, query->text) == query->expected;
}

/* Waits for the autosave: the value must reach the file without anyone pressing Save. */
static void
assert_stored_soon (TrellisStore *store,
                    const char   *sql,
                    const char   *text,
                    gint64        expected)
{
  Query query = { store, sql, text, expected };

  iterate_until (query_matches, &query, TRELLIS_AUTOSAVE_DELAY_MS * 4);
  g_assert_cmpint (query_int (store, sql, text), ==, expected);
}

static void
respond (const char *response,
         const char *entry_text)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  if (entry_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), entry_text);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

#define FRAMEWORK_BY_TITLE "SELECT id FROM framework WHERE title = ?"
#define ATTRIBUTE_BY_TITLE "SELECT count(*) FROM attribute WHERE title = ?"
#define COMPETENCY_BY_TITLE "SELECT count(*) FROM competency WHERE title = ?"
#define COMPETENCY_CODE "SELECT count(*) FROM competency WHERE code = ?"

/* The whole workflow, in the order a school would go through it. */
static void
test_framework_editor_workflow (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 shipped = trellis_store_get_default_framework (store);
  GtkWidget *preferences;
  TrellisFrameworksPage *page;
  GtkWindow *editor;
  GtkWidget *row;
  gint64 civic_id, copy_id;

  g_assert_true (trellis_sample_school_populate (store, 20, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  preferences = adw_preferences_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (preferences), 800, 640);
  page = trellis_frameworks_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (preferences));
  wait_for_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  save_screenshot (preferences, "frameworks-page.png");
  {
    /* one framework alone still gets the round “choose one” button the description speaks of */
    GtkWidget *check = trellis_test_find_widget (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON);

    g_assert_nonnull (check);
    g_assert_cmpstr (gtk_widget_get_css_name (gtk_widget_get_first_child (check)), ==, "radio");
  }

  /* Create: the name dialog refuses a blank name, then the editor opens on the new framework. */
  gtk_widget_activate_action (GTK_WIDGET (page), "frameworks.create", NULL);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

    gtk_editable_set_text (entry, "   ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
    gtk_editable_set_text (entry, "Civic Readiness");
    save_screenshot (GTK_WIDGET (dialog), "create-dialog.png");
  }
  respond ("create", NULL);
  civic_id = query_int (store, FRAMEWORK_BY_TITLE, "Civic Readiness");
  g_assert_cmpint (civic_id, >, 0);
  editor = wait_for_toplevel (TRELLIS_TYPE_FRAMEWORK_EDITOR);
  g_assert_cmpint (trellis_entity_get_id (TRELLIS_ENTITY (trellis_framework_editor_get_framework (TRELLIS_FRAMEWORK_EDITOR (editor)))),
                   ==, civic_id);
  save_screenshot (GTK_WIDGET (editor), "editor-empty.png");

  /* Add an attribute and give it a title; an empty title is refused at the field. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-attribute", NULL);
  settle ();
  row = entry_row_with_text (GTK_WIDGET (editor), "New attribute");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "“Title” must not be empty.");
  save_screenshot (GTK_WIDGET (editor), "editor-attribute-error.png");
  gtk_editable_set_text (GTK_EDITABLE (row), "Kaitiakitanga");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Title");
  assert_stored_soon (store, ATTRIBUTE_BY_TITLE, "Kaitiakitanga", 1);
  g_assert_cmpint (query_int (store, ATTRIBUTE_BY_TITLE, "New attribute"), ==, 0);

  /* Add two competencies with codes, then put the second first. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-competency", NULL);
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (entry_row_with_text (GTK_WIDGET (editor), "New competency")),
                         "Takes part in the community");
  {
    GtkWidget *item = trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Takes part in the community");
    g_assert_nonnull (item);
    gtk_editable_set_text (GTK_EDITABLE (trellis_test_find_widget_matching (item, is_entry_row_titled, "Code")), "KT.1");
  }
  assert_stored_soon (store, COMPETENCY_CODE, "KT.1", 1);
  g_assert_cmpint (query_int (store, COMPETENCY_BY_TITLE, "Takes part in the community"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-competency", NULL);
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (entry_row_with_text (GTK_WIDGET (editor), "New competency")),
                         "Weighs what is fair");
  {
    GtkWidget *item = trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Weighs what is fair");
    g_assert_nonnull (item);
    gtk_widget_activate_action (item, "item.move-up", NULL);
  }
  g_assert_cmpint (query_int (store, "SELECT position FROM competency WHERE title = ?", "Weighs what is fair"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT position FROM competency WHERE title = ?", "Takes part in the community"), ==, 1);
  save_screenshot (GTK_WIDGET (editor), "editor-attributes.png");

  /* Delete a competency, then Undo. */
  {
    GtkWidget *item = trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Takes part in the community");
    gtk_widget_activate_action (item, "item.delete", NULL);
  }
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 0);
  g_assert_null (trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Takes part in the community"));
  save_screenshot (GTK_WIDGET (editor), "editor-undo-toast.png");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  settle ();
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 1);
  g_assert_nonnull (trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Takes part in the community"));

  /* Delete the attribute with its competencies, then Undo brings all back. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-attribute", NULL);
  g_assert_cmpint (query_int (store, ATTRIBUTE_BY_TITLE, "Kaitiakitanga"), ==, 0);
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  settle ();
  g_assert_cmpint (query_int (store, ATTRIBUTE_BY_TITLE, "Kaitiakitanga"), ==, 1);
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 1);
  g_assert_nonnull (entry_row_with_text (GTK_WIDGET (editor), "Kaitiakitanga"));

  /* The scale: Developing becomes the threshold, so three levels count as proficient. */
  trellis_framework_editor_show_page (TRELLIS_FRAMEWORK_EDITOR (editor), "scale");
  {
    g_autoptr(GListModel) levels = trellis_store_list (store, TRELLIS_TYPE_LEVEL, "framework-id", civic_id, NULL);
    g_autoptr(TrellisEntity) developing = g_list_model_get_item (levels, 1);
    GtkWidget *combo = trellis_test_find_widget_matching (GTK_WIDGET (editor), is_combo_row, NULL);

    g_assert_nonnull (combo);
    g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 2);   /* Proficient */
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
    g_assert_cmpint (trellis_framework_get_proficient_level (store, civic_id), ==,
                     trellis_entity_get_id (developing));
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM proficiency_level WHERE is_proficient "
                                "AND framework_id = (SELECT id FROM framework WHERE title = ?)",
                                "Civic Readiness"), ==, 3);
    row = trellis_test_find_widget_matching (GTK_WIDGET (editor), is_item_row_for, "Developing");
    g_assert_nonnull (row);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  }
  save_screenshot (GTK_WIDGET (editor), "editor-scale.png");
  trellis_framework_editor_show_page (TRELLIS_FRAMEWORK_EDITOR (editor), "details");
  save_screenshot (GTK_WIDGET (editor), "editor-details.png");
  gtk_window_destroy (editor);
  settle ();

  /* Rename from the page. */
  {
    g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (civic_id));
    gtk_widget_activate_action_variant (GTK_WIDGET (page), "frameworks.rename", target);
  }
  respond ("rename", "Civic Readiness Profile");
  g_assert_cmpint (query_int (store, FRAMEWORK_BY_TITLE, "Civic Readiness Profile"), ==, civic_id);

  /* Set the school default: exactly one. */
  gtk_widget_activate_action (GTK_WIDGET (page), "frameworks.set-default", "x", civic_id);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, civic_id);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework WHERE is_default", NULL), ==, 1);

  /* Duplicate: a deep copy with new records. */
  gtk_widget_activate_action (GTK_WIDGET (page), "frameworks.duplicate", "x", civic_id);
  copy_id = query_int (store, FRAMEWORK_BY_TITLE, "Civic Readiness Profile (copy)");
  g_assert_cmpint (copy_id, >, 0);
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 2);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, civic_id);
  settle ();
  save_screenshot (preferences, "frameworks-page-after.png");

  /* Delete refused while a plan uses the framework: nothing deleted, the reason shown. */
  trellis_test_add_plan (store, "Mai", "Trần", civic_id);
  gtk_widget_activate_action (GTK_WIDGET (page), "frameworks.delete", "x", civic_id);
  save_screenshot (GTK_WIDGET (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete-dialog.png");
  respond ("delete", NULL);
  {
    AdwMessageDialog *refusal = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Framework Not Deleted");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "1 plan uses it"));
    save_screenshot (GTK_WIDGET (refusal), "delete-refused.png");
  }
  respond ("close", NULL);
  g_assert_cmpint (query_int (store, FRAMEWORK_BY_TITLE, "Civic Readiness Profile"), ==, civic_id);
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 2);

  /* The shipped framework is used by the sample plans too. */
  g_assert_cmpint (trellis_framework_count_plans (store, shipped), >, 0);

  /* Delete the unused copy. */
  gtk_widget_activate_action (GTK_WIDGET (page), "frameworks.delete", "x", copy_id);
  respond ("delete", NULL);
  g_assert_cmpint (query_int (store, FRAMEWORK_BY_TITLE, "Civic Readiness Profile (copy)"), ==, -1);
  g_assert_cmpint (query_int (store, COMPETENCY_CODE, "KT.1"), ==, 1);

  /* Import: a preview first, stored only on Import; a malformed file is named in the error. */
  {
    g_autofree char *path = trellis_test_source_path ("tests", "data", "frameworks", "moodle-quoting.csv", NULL);
    g_autofree char *bad_path = trellis_test_source_path ("tests", "data", "frameworks", "moodle-unclosed.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    gint64 before = trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK);
    AdwMessageDialog *dialog;

    trellis_frameworks_page_import_file (page, bad);
    dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Framework Not Imported");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "moodle-unclosed.csv"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 4"));
    save_screenshot (GTK_WIDGET (dialog), "import-error.png");
    respond ("close", NULL);
    g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, before);

    trellis_frameworks_page_import_file (page, file);
    dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Import “"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Format: "));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Attributes: Thinker, maker and \"doer\" (2), Manaakitanga (2)"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Levels: Not yet, Working towards, Achieved, Excelling"));
    save_screenshot (GTK_WIDGET (dialog), "import-preview.png");
    g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, before);
    respond ("import", NULL);
    g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, before + 1);
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  settle ();
  trellis_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/framework-editor/workflow", test_framework_editor_workflow);

  return g_test_run ();
}
