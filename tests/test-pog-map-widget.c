/* test-pog-map-widget.c — the map widget’s accessible bands and keyboard, the Graduate page, the group overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-evidence.h"
#include "trellis-framework-editing.h"
#include "trellis-goal.h"
#include "trellis-graduate-page.h"
#include "trellis-group-overview.h"
#include "trellis-plan.h"
#include "trellis-pog-map-widget.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-widgets.h"
#include "trellis-test-utils.h"

typedef struct
{
  char         *dir;
  TrellisStore *store;
  gint64        student;
  gint64        other_student;
  GtkWindow    *window;
} Fixture;

/* Helpers */

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gint64
insert (TrellisStore *store,
        gpointer      entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) owned = entity;

  trellis_store_insert (store, owned, &error);
  g_assert_no_error (error);
  return trellis_entity_get_id (owned);
}

/* A student whose first attribute is Proficient with one goal, evidence dated ten days ago;
 * another with nothing. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -10);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  gint64 framework, plan, goal, competency, level;

  fixture->store = trellis_test_open_store (&fixture->dir);
  framework = trellis_store_get_default_framework (fixture->store);
  competency = trellis_test_query_int (fixture->store,
                                       "SELECT c.id FROM competency c JOIN attribute a ON a.id = c.attribute_id "
                                       "ORDER BY a.position, c.position LIMIT 1", 0);
  level = trellis_test_query_int (fixture->store,
                                  "SELECT id FROM proficiency_level WHERE is_proficient ORDER BY value LIMIT 1", 0);

  fixture->student = insert (fixture->store, g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Mai",
                                                           "family-name", "Nguyễn", "grade-level", 7, NULL));
  fixture->other_student = insert (fixture->store, g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Tama",
                                                                 "family-name", "Rāwiri", "grade-level", 9, NULL));
  plan = insert (fixture->store, g_object_new (TRELLIS_TYPE_PLAN, "student-id", fixture->student,
                                               "school-year", "2026-2027", "framework-id", framework, NULL));
  goal = insert (fixture->store, g_object_new (TRELLIS_TYPE_GOAL, "plan-id", plan,
                                               "title", "Question everything", NULL));
  trellis_store_link_competency (fixture->store, goal, competency, &error);
  g_assert_no_error (error);
  insert (fixture->store, g_object_new (TRELLIS_TYPE_EVIDENCE, "goal-id", goal, "title", "Inquiry project",
                                        "evidence-date", date, "competency-id", competency,
                                        "level-id", level, NULL));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  drain ();
  trellis_test_close_store (fixture->store, fixture->dir);
}

static TrellisPogMapWidget *
show_map (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(TrellisPogMap) map = trellis_pog_map_new_for_student (fixture->store, fixture->student, now, &error);
  GtkWidget *widget = trellis_pog_map_widget_new ();

  g_assert_no_error (error);
  trellis_pog_map_widget_set_map (TRELLIS_POG_MAP_WIDGET (widget), map);
  gtk_window_set_child (fixture->window, widget);
  gtk_window_present (fixture->window);
  drain ();
  return TRELLIS_POG_MAP_WIDGET (widget);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_highlight (TrellisPogMapWidget *widget,
                 int                  index,
                 int                 *last)
{
  *last = index;
}

static void
record_activation (TrellisPogMapWidget *widget,
                   guint                index,
                   guint               *activated)
{
  *activated = index;
}

/* Activates band @i as Enter does; returns the index the widget reported. */
static guint
press_enter (TrellisPogMapWidget *widget,
             guint                i)
{
  guint activated = G_MAXUINT;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gulong handler = g_signal_connect (widget, "attribute-activated", G_CALLBACK (record_activation), &activated);

  gtk_widget_activate (trellis_pog_map_widget_get_attribute_child (widget, i));
  /* A button clicks at the end of its short press animation. */
  while (activated == G_MAXUINT && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (widget, handler);
  return activated;
}

/* Tests */

static void
test_widget_accessible_bands (Fixture       *fixture,
                              gconstpointer  data)
{
  TrellisPogMapWidget *widget = show_map (fixture);
  TrellisPogMap *map = trellis_pog_map_widget_get_map (widget);
  guint n = trellis_pog_map_get_n_attributes (map);
  g_autoptr(GString) all = g_string_new (trellis_pog_map_get_rule_description ());

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (trellis_pog_map_get_attribute_level_title (map, 0), ==, "Proficient");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_GROUP));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *band = trellis_pog_map_widget_get_attribute_child (widget, i);
      g_autofree char *expected = NULL;

      if (i == 0)
        expected = g_strdup_printf ("%s: Proficient, 1 goal working on it", trellis_pog_map_get_attribute_title (map, 0));
      else
        expected = g_strdup_printf ("%s: no level yet, no goals working on it", trellis_pog_map_get_attribute_title (map, i));
      g_assert_nonnull (band);
      g_assert_true (gtk_widget_get_focusable (band));
      g_assert_true (gtk_widget_get_mapped (band));
      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (band), GTK_ACCESSIBLE_ROLE_BUTTON));
      gtk_test_accessible_assert_property (band, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_string_append_printf (all, "\n%s", expected);
      /* Each band lies over its attribute in the drawing. */
      {
        graphene_rect_t bounds;
        cairo_rectangle_t area;

        g_assert_true (gtk_widget_compute_bounds (band, GTK_WIDGET (widget), &bounds));
        trellis_pog_map_get_attribute_area (map, gtk_widget_get_width (GTK_WIDGET (widget)),
                                            gtk_widget_get_height (GTK_WIDGET (widget)), i, &area);
        g_assert_cmpfloat_with_epsilon (bounds.origin.y, (int) area.y, 1.0);
      }
    }
  g_assert_null (trellis_pog_map_widget_get_attribute_child (widget, n));
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, all->str);
}

static void
test_widget_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisPogMapWidget *widget = show_map (fixture);
  guint n = trellis_pog_map_get_n_attributes (trellis_pog_map_widget_get_map (widget));
  GtkWidget *first = trellis_pog_map_widget_get_attribute_child (widget, 0);
  GtkWidget *second = trellis_pog_map_widget_get_attribute_child (widget, 1);
  GtkWidget *last = trellis_pog_map_widget_get_attribute_child (widget, n - 1);
  int highlighted = -2;

  g_signal_connect (widget, "attribute-highlighted", G_CALLBACK (count_highlight), &highlighted);

  g_assert_true (trellis_pog_map_widget_focus_attribute (widget, 1));
  drain ();
  g_assert_true (gtk_window_get_focus (fixture->window) == second);
  g_assert_cmpint (highlighted, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move", "i", -1);    /* Up */
  g_assert_true (gtk_window_get_focus (fixture->window) == first);
  g_assert_cmpint (highlighted, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move", "i", 1);     /* Down */
  g_assert_true (gtk_window_get_focus (fixture->window) == second);
  g_assert_cmpint (highlighted, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move", "i", G_MAXINT16);   /* End */
  g_assert_true (gtk_window_get_focus (fixture->window) == last);
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move", "i", 1);     /* stays at the end */
  g_assert_true (gtk_window_get_focus (fixture->window) == last);
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move", "i", -G_MAXINT16);  /* Home */
  g_assert_true (gtk_window_get_focus (fixture->window) == first);

  /* Right moves forward left to right, backward right to left. */
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move-horizontal", "i", 1);
  g_assert_true (gtk_window_get_focus (fixture->window) == second);
  gtk_widget_set_direction (GTK_WIDGET (widget), GTK_TEXT_DIR_RTL);
  gtk_widget_activate_action (GTK_WIDGET (widget), "pog-map.move-horizontal", "i", 1);
  g_assert_true (gtk_window_get_focus (fixture->window) == first);

  /* Tab reaches the next band too. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (widget), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (fixture->window) == second);

  /* Enter on a band activates its attribute. */
  g_assert_cmpuint (press_enter (widget, 1), ==, 1);
}

/* Gives @window the size a user would drag it to and waits until it is laid out at it. */
static gboolean
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  while (gtk_widget_get_width (GTK_WIDGET (window)) != width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  drain ();
  return gtk_widget_get_width (GTK_WIDGET (window)) == width;
}

static void
test_graduate_page (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = g_object_new (TRELLIS_TYPE_GRADUATE_PAGE, "store", fixture->store,
                                  "student-id", fixture->student, NULL);
  TrellisPogMapWidget *widget;
  TrellisPogMap *map;
  g_autoptr(GError) error = NULL;
  gint64 student = 0;

  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  drain ();
  widget = TRELLIS_POG_MAP_WIDGET (find_descendant (page, TRELLIS_TYPE_POG_MAP_WIDGET));
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (widget)));
  map = trellis_pog_map_widget_get_map (widget);
  g_assert_nonnull (map);
  g_assert_cmpstr (trellis_pog_map_get_attribute_level_title (map, 0), ==, "Proficient");
  g_object_get (page, "student-id", &student, NULL);
  g_assert_cmpint (student, ==, fixture->student);

  /* Focusing and activating an attribute fill the detail panel without warnings. */
  trellis_pog_map_widget_focus_attribute (widget, 0);
  g_assert_cmpuint (press_enter (widget, 0), ==, 0);
  drain ();
  g_assert_false (gtk_widget_has_focus (trellis_pog_map_widget_get_attribute_child (widget, 0)));

  /* Narrow, one column: the map over the details, at the full width (issue 17, item 13). */
  {
    GtkWidget *layout = trellis_test_find_named (page, "graduate-layout");

    g_assert_true (resize_window (fixture->window, 600, 700));
    g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (layout)), ==, GTK_ORIENTATION_VERTICAL);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (widget)), >=, 540);
    g_assert_true (resize_window (fixture->window, 1000, 700));
    g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (layout)), ==, GTK_ORIENTATION_HORIZONTAL);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (widget)), <, 700);
  }

  /* An edit refreshes the map. */
  trellis_store_set_setting (fixture->store, "school-name", "Kura", &error);
  g_assert_no_error (error);
  drain ();

  /* Another student, then none. */
  g_object_set (page, "student-id", fixture->other_student, NULL);
  drain ();
  map = trellis_pog_map_widget_get_map (widget);
  g_assert_null (trellis_pog_map_get_attribute_level_title (map, 0));
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), 0);
  g_assert_null (trellis_pog_map_widget_get_map (widget));
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), 424242);   /* deleted: an error page */
  g_assert_null (trellis_pog_map_widget_get_map (widget));
}

static void
store_int64 (gint64 *out,
             gint64  value)
{
  *out = value;
}

static void
test_group_overview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TrellisGroupOverview *overview;
  GtkColumnView *view;
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) first_attribute = NULL;
  TrellisPogGroup *group;

  g_array_append_val (ids, fixture->other_student);
  g_array_append_val (ids, fixture->student);
  overview = TRELLIS_GROUP_OVERVIEW (trellis_group_overview_new (fixture->store, ids));
  gtk_window_present (GTK_WINDOW (overview));
  drain ();

  group = trellis_group_overview_get_group (overview);
  g_assert_nonnull (group);
  g_assert_cmpuint (trellis_pog_group_get_n_students (group), ==, 2);
  view = trellis_group_overview_get_view (overview);
  columns = gtk_column_view_get_columns (view);
  g_object_ref (columns);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 1 + trellis_pog_group_get_n_attributes (group));

  {
    /* a summary row first, out of the sorting */
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    g_autoptr(GtkStringObject) first = g_list_model_get_item (rows, 0);

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "summary");
  }

  /* By name first (Mai before Tama), then by the first attribute, highest level first. */
  g_assert_cmpint (trellis_pog_group_get_student_id (group, trellis_group_overview_get_row_student (overview, 0)),
                   ==, fixture->student);
  first_attribute = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, first_attribute, GTK_SORT_ASCENDING);
  g_assert_cmpint (trellis_pog_group_get_student_id (group, trellis_group_overview_get_row_student (overview, 0)),
                   ==, fixture->other_student);
  gtk_column_view_sort_by_column (view, first_attribute, GTK_SORT_DESCENDING);
  g_assert_cmpint (trellis_pog_group_get_student_id (group, trellis_group_overview_get_row_student (overview, 0)),
                   ==, fixture->student);
  g_assert_cmpstr (trellis_pog_group_get_level_title_at (group, trellis_group_overview_get_row_student (overview, 0), 0),
                   ==, "Proficient");

  /* It fits a 1366×768 screen, at the size it opens (issue 17, item 12). */
  {
    int min_width, min_height;

    gtk_widget_measure (GTK_WIDGET (overview), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (overview), GTK_ORIENTATION_VERTICAL, 1366, &min_height, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 1366);
    g_assert_cmpint (min_height, <=, 700);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (overview)), <=, 1366);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (overview)), <=, 700);
  }

  /* A click on a student (not on the summary) says who, for the main window to show them. */
  {
    gint64 activated = 0;

    g_signal_connect_swapped (overview, "student-activated", G_CALLBACK (store_int64), &activated);
    g_signal_emit_by_name (view, "activate", 0);
    g_assert_cmpint (activated, ==, 0);
    g_signal_emit_by_name (view, "activate", 1);
    g_assert_cmpint (activated, ==, trellis_pog_group_get_student_id (group, trellis_group_overview_get_row_student (overview, 0)));
  }

  /* Its own grade filter: the rows, the subtitle and the summary follow it. */
  {
    GtkDropDown *grades = GTK_DROP_DOWN (trellis_test_find_named (GTK_WIDGET (overview), "overview-grade"));
    GListModel *choices = gtk_drop_down_get_model (grades);

    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);   /* all, grade 7, grade 9 */
    gtk_drop_down_set_selected (grades, 2);
    drain ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 2);
    g_assert_cmpint (trellis_pog_group_get_student_id (group, trellis_group_overview_get_row_student (overview, 0)),
                     ==, fixture->other_student);
    g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (trellis_test_find_widget (GTK_WIDGET (overview), ADW_TYPE_WINDOW_TITLE))),
                              "1 of 2 students"));
    gtk_drop_down_set_selected (grades, 0);
    drain ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 3);
  }

  /* Another framework: the levels are read in it. */
  {
    GtkDropDown *frameworks = GTK_DROP_DOWN (trellis_test_find_named (GTK_WIDGET (overview), "overview-framework"));
    g_autoptr(GError) error = NULL;
    gint64 civic = 0;

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (frameworks)));   /* one framework: no choice */
    gtk_window_destroy (GTK_WINDOW (overview));
    drain ();
    g_assert_true (trellis_framework_create (fixture->store, "Civic Readiness", &civic, &error));
    g_assert_no_error (error);
    overview = TRELLIS_GROUP_OVERVIEW (trellis_group_overview_new (fixture->store, ids));
    gtk_window_present (GTK_WINDOW (overview));
    drain ();
    frameworks = GTK_DROP_DOWN (trellis_test_find_named (GTK_WIDGET (overview), "overview-framework"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (frameworks)));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (frameworks)), ==, 2);
    gtk_drop_down_set_selected (frameworks, gtk_drop_down_get_selected (frameworks) == 0 ? 1 : 0);
    drain ();
    g_assert_cmpint (trellis_pog_group_get_framework_id (trellis_group_overview_get_group (overview)), ==, civic);
  }
  gtk_window_destroy (GTK_WINDOW (overview));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pog-map-widget/accessible-bands", test_widget_accessible_bands);
  ADD ("/pog-map-widget/keyboard", test_widget_keyboard);
  ADD ("/pog-map-widget/graduate-page", test_graduate_page);
  ADD ("/pog-map-widget/group-overview", test_group_overview);
#undef ADD

  return g_test_run ();
}
