/* test-pog-map.c — the Profile of a Graduate map: the level rule, goal counts, drawing, groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-framework.h"
#include "trellis-goal.h"
#include "trellis-level.h"
#include "trellis-plan.h"
#include "trellis-pog-group.h"
#include "trellis-pog-map.h"
#include "trellis-sample-school.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-test-utils.h"

typedef struct
{
  char         *dir;
  TrellisStore *store;
  GDateTime    *now;
  gint64        framework;
  gint64        levels[4];       /* Emerging, Developing, Proficient, Advanced */
  gint64        competencies[4][2];
  gint64        student;
  gint64        plan;
  gint64        old_plan;
  gint64        bare_student;    /* no plan at all */
} Fixture;

static const char * const attribute_titles[] = {
  "Critical thinker", "Communicator", "Kaitiaki o te taiao", "Người hợp tác",
};

/* Helpers */

static gint64
insert (Fixture  *fixture,
        gpointer  entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) owned = entity;

  trellis_store_insert (fixture->store, owned, &error);
  g_assert_no_error (error);
  return trellis_entity_get_id (owned);
}

static char *
days_ago (Fixture *fixture,
          int      days)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (fixture->now);
  g_autoptr(GDateTime) when = g_date_time_add_days (local, -days);

  return g_date_time_format (when, "%Y-%m-%d");
}

static gint64
add_goal (Fixture    *fixture,
          gint64      plan,
          const char *title,
          int         position)
{
  return insert (fixture, g_object_new (TRELLIS_TYPE_GOAL, "plan-id", plan, "title", title,
                                        "position", position, NULL));
}

static void
link_goal (Fixture *fixture,
           gint64   goal,
           gint64   competency)
{
  g_autoptr(GError) error = NULL;

  trellis_store_link_competency (fixture->store, goal, competency, &error);
  g_assert_no_error (error);
}

/* Evidence @days old (undated when @days < -1000), naming @competency, assessed at @level. */
static void
add_evidence (Fixture    *fixture,
              gint64      goal,
              const char *title,
              int         days,
              gint64      competency,
              gint64      level)
{
  g_autofree char *date = days > -1000 ? days_ago (fixture, days) : NULL;

  insert (fixture, g_object_new (TRELLIS_TYPE_EVIDENCE, "goal-id", goal, "title", title,
                                 "evidence-date", date, "competency-id", competency,
                                 "level-id", level, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const level_titles[] = { "Emerging", "Developing", "Proficient", "Advanced" };
  static const char * const colors[] = { "#1c71d8", "#9141ac", "#26a269", "" };
  gint64 goal, other_goal, old_goal, foreign_competency;

  fixture->store = trellis_test_open_store (&fixture->dir);
  fixture->now = g_date_time_new_now_utc ();
  fixture->framework = insert (fixture, g_object_new (TRELLIS_TYPE_FRAMEWORK, "title", "Test profile", NULL));
  for (int k = 0; k < 4; k++)
    fixture->levels[k] = insert (fixture, g_object_new (TRELLIS_TYPE_LEVEL,
                                                        "framework-id", fixture->framework,
                                                        "title", level_titles[k], "value", k + 1,
                                                        "position", 3 - k, NULL));
  for (int a = 0; a < 4; a++)
    {
      gint64 attribute = insert (fixture, g_object_new (TRELLIS_TYPE_ATTRIBUTE,
                                                        "framework-id", fixture->framework,
                                                        "title", attribute_titles[a],
                                                        "color", colors[a], "position", a, NULL));
      for (int c = 0; c < 2; c++)
        {
          g_autofree char *title = g_strdup_printf ("Competency %d.%d", a + 1, c + 1);

          fixture->competencies[a][c] = insert (fixture, g_object_new (TRELLIS_TYPE_COMPETENCY,
                                                                       "attribute-id", attribute,
                                                                       "title", title, "position", c,
                                                                       NULL));
        }
    }

  fixture->student = insert (fixture, g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Aroha",
                                                    "family-name", "Ngata", NULL));
  fixture->bare_student = insert (fixture, g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Lan",
                                                         "family-name", "Trần", NULL));
  fixture->old_plan = insert (fixture, g_object_new (TRELLIS_TYPE_PLAN, "student-id", fixture->student,
                                                     "school-year", "2024-2025",
                                                     "framework-id", fixture->framework, NULL));
  fixture->plan = insert (fixture, g_object_new (TRELLIS_TYPE_PLAN, "student-id", fixture->student,
                                                 "school-year", "2025-2026",
                                                 "framework-id", fixture->framework, NULL));

  /* Critical thinker: Developing (2 months) and Proficient (5 months) count; Advanced 13
   * months ago and Advanced next week do not; unassessed evidence does not. */
  goal = add_goal (fixture, fixture->plan, "Argue from evidence", 0);
  link_goal (fixture, goal, fixture->competencies[0][0]);
  link_goal (fixture, goal, fixture->competencies[0][1]);
  add_evidence (fixture, goal, "Debate", 60, fixture->competencies[0][0], fixture->levels[1]);
  add_evidence (fixture, goal, "Lab report", 150, fixture->competencies[0][1], fixture->levels[2]);
  add_evidence (fixture, goal, "Old project", 400, fixture->competencies[0][1], fixture->levels[3]);
  add_evidence (fixture, goal, "Planned exhibition", -7, fixture->competencies[0][0], fixture->levels[3]);
  add_evidence (fixture, goal, "Draft", 10, fixture->competencies[0][0], 0);

  /* Communicator: only evidence older than 12 months → no level; two goals work on it. */
  other_goal = add_goal (fixture, fixture->plan, "Present to the class", 1);
  link_goal (fixture, other_goal, fixture->competencies[0][0]);
  link_goal (fixture, other_goal, fixture->competencies[1][1]);
  link_goal (fixture, goal, fixture->competencies[1][0]);
  add_evidence (fixture, other_goal, "Speech", 380, fixture->competencies[1][1], fixture->levels[3]);

  /* Kaitiaki: undated evidence counts by the day it was recorded (today), and evidence of the
   * older plan counts too; the old plan’s goals are not counted. */
  add_evidence (fixture, other_goal, "Garden log", -10000, fixture->competencies[2][0], fixture->levels[0]);
  old_goal = add_goal (fixture, fixture->old_plan, "Restore the stream", 0);
  link_goal (fixture, old_goal, fixture->competencies[2][1]);
  add_evidence (fixture, old_goal, "Stream survey", 200, fixture->competencies[2][1], fixture->levels[1]);

  /* Người hợp tác: a level of another framework and a competency of another framework do not
   * count. */
  {
    gint64 default_framework = trellis_store_get_default_framework (fixture->store);
    g_autoptr(GListModel) attributes = trellis_store_list (fixture->store, TRELLIS_TYPE_ATTRIBUTE,
                                                           "framework-id", default_framework, NULL);
    g_autoptr(TrellisAttribute) first = g_list_model_get_item (attributes, 0);
    g_autoptr(GListModel) competencies = trellis_store_list (fixture->store, TRELLIS_TYPE_COMPETENCY,
                                                             "attribute-id",
                                                             trellis_entity_get_id (TRELLIS_ENTITY (first)),
                                                             NULL);
    g_autoptr(TrellisCompetency) competency = g_list_model_get_item (competencies, 0);
    g_autoptr(GListModel) levels = trellis_store_list (fixture->store, TRELLIS_TYPE_LEVEL,
                                                       "framework-id", default_framework, NULL);
    g_autoptr(TrellisLevel) foreign_level = g_list_model_get_item (levels, 3);

    foreign_competency = trellis_entity_get_id (TRELLIS_ENTITY (competency));
    add_evidence (fixture, other_goal, "Team project", 20, fixture->competencies[3][0],
                  trellis_entity_get_id (TRELLIS_ENTITY (foreign_level)));
    add_evidence (fixture, other_goal, "Elsewhere", 20, foreign_competency, fixture->levels[3]);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_date_time_unref (fixture->now);
  trellis_test_close_store (fixture->store, fixture->dir);
}

static TrellisPogMap *
load_map (Fixture *fixture,
          gint64   student)
{
  g_autoptr(GError) error = NULL;
  TrellisPogMap *map = trellis_pog_map_new_for_student (fixture->store, student, fixture->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static guint
count_inked_pixels (cairo_surface_t *surface)
{
  const guchar *data;
  int stride, width, height;
  guint inked = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        inked++;
  return inked;
}

/* Tests */

static void
test_pog_map_levels (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);

  g_assert_cmpint (trellis_pog_map_get_framework_id (map), ==, fixture->framework);
  g_assert_cmpint (trellis_pog_map_get_plan_id (map), ==, fixture->plan);
  g_assert_cmpuint (trellis_pog_map_get_n_levels (map), ==, 4);
  g_assert_cmpstr (trellis_pog_map_get_level_title (map, 0), ==, "Emerging");   /* by value, not position */
  g_assert_cmpint (trellis_pog_map_get_max_level_value (map), ==, 4);
  g_assert_cmpuint (trellis_pog_map_get_n_attributes (map), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (trellis_pog_map_get_attribute_title (map, i), ==, attribute_titles[i]);

  /* The highest level in the window wins; older and future evidence are ignored. */
  g_assert_cmpstr (trellis_pog_map_get_attribute_level_title (map, 0), ==, "Proficient");
  g_assert_cmpint (trellis_pog_map_get_attribute_level_value (map, 0), ==, 3);
  g_assert_cmpint (trellis_pog_map_get_attribute_level_id (map, 0), ==, fixture->levels[2]);
  g_assert_cmpstr (trellis_pog_map_get_competency_level_title (map, 0, 0), ==, "Developing");
  g_assert_cmpstr (trellis_pog_map_get_competency_level_title (map, 0, 1), ==, "Proficient");

  /* Only evidence older than 12 months: no level. */
  g_assert_null (trellis_pog_map_get_attribute_level_title (map, 1));
  g_assert_cmpint (trellis_pog_map_get_attribute_level_value (map, 1), ==, 0);
  g_assert_cmpint (trellis_pog_map_get_attribute_level_id (map, 1), ==, 0);

  /* Undated evidence counts by its recording day; an older plan’s evidence counts. */
  g_assert_cmpstr (trellis_pog_map_get_attribute_level_title (map, 2), ==, "Developing");
  g_assert_cmpstr (trellis_pog_map_get_competency_level_title (map, 2, 0), ==, "Emerging");

  /* Levels and competencies of another framework count for nothing. */
  g_assert_null (trellis_pog_map_get_attribute_level_title (map, 3));
  g_assert_null (trellis_pog_map_get_attribute_level_color (map, 3));
}

static void
test_pog_map_goals_and_evidence (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);

  /* A goal linked to two competencies of one attribute counts once; the old plan’s goal not. */
  g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, 0), ==, 2);
  g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, 1), ==, 2);
  g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, 2), ==, 0);
  g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, 3), ==, 0);
  g_assert_cmpstr (trellis_pog_map_get_goal_title (map, 0, 0), ==, "Argue from evidence");
  g_assert_cmpstr (trellis_pog_map_get_goal_title (map, 0, 1), ==, "Present to the class");
  g_assert_cmpstr (trellis_pog_map_get_goal_status (map, 0, 0), ==, "not-started");

  /* The evidence behind a competency, newest first, with whether it counts. */
  g_assert_cmpuint (trellis_pog_map_get_n_competencies (map, 0), ==, 2);
  g_assert_cmpstr (trellis_pog_map_get_competency_title (map, 0, 0), ==, "Competency 1.1");
  g_assert_cmpuint (trellis_pog_map_get_n_evidence (map, 0, 0), ==, 3);
  g_assert_cmpstr (trellis_pog_map_get_evidence_title (map, 0, 0, 0), ==, "Planned exhibition");
  g_assert_false (trellis_pog_map_get_evidence_counts (map, 0, 0, 0));
  g_assert_cmpstr (trellis_pog_map_get_evidence_title (map, 0, 0, 1), ==, "Draft");
  g_assert_false (trellis_pog_map_get_evidence_counts (map, 0, 0, 1));
  g_assert_null (trellis_pog_map_get_evidence_level_title (map, 0, 0, 1));
  g_assert_cmpstr (trellis_pog_map_get_evidence_title (map, 0, 0, 2), ==, "Debate");
  g_assert_true (trellis_pog_map_get_evidence_counts (map, 0, 0, 2));
  g_assert_cmpstr (trellis_pog_map_get_evidence_level_title (map, 0, 0, 2), ==, "Developing");
  g_assert_cmpstr (trellis_pog_map_get_evidence_goal_title (map, 0, 0, 2), ==, "Argue from evidence");
  g_assert_cmpstr (trellis_pog_map_get_evidence_kind (map, 0, 0, 2), ==, "artifact");
  g_assert_cmpuint (trellis_pog_map_get_n_evidence (map, 0, 1), ==, 2);
  g_assert_false (trellis_pog_map_get_evidence_counts (map, 0, 1, 1));
  g_assert_cmpuint (trellis_pog_map_get_n_evidence (map, 3, 0), ==, 1);
  g_assert_false (trellis_pog_map_get_evidence_counts (map, 3, 0, 0));
}

static void
test_pog_map_no_plan_or_student (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->bare_student);
  g_autoptr(GError) error = NULL;
  TrellisPogMap *missing;

  /* No plan: the school’s default framework, no levels, no goals. */
  g_assert_cmpint (trellis_pog_map_get_framework_id (map), ==,
                   trellis_store_get_default_framework (fixture->store));
  g_assert_cmpint (trellis_pog_map_get_plan_id (map), ==, 0);
  g_assert_cmpuint (trellis_pog_map_get_n_attributes (map), >, 0);
  for (guint i = 0; i < trellis_pog_map_get_n_attributes (map); i++)
    {
      g_assert_null (trellis_pog_map_get_attribute_level_title (map, i));
      g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, i), ==, 0);
    }

  missing = trellis_pog_map_new_for_student (fixture->store, 987654, fixture->now, &error);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_pog_map_descriptions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);
  g_autofree char *first = trellis_pog_map_dup_attribute_description (map, 0);
  g_autofree char *second = trellis_pog_map_dup_attribute_description (map, 2);
  g_autofree char *all = trellis_pog_map_dup_description (map);
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);

  g_assert_cmpstr (first, ==, "Critical thinker: Proficient, 2 goals working on it");
  g_assert_cmpstr (second, ==, "Kaitiaki o te taiao: Developing, no goals working on it");
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *line = trellis_pog_map_dup_attribute_description (map, i);

      g_assert_true (g_str_has_prefix (lines[i], attribute_titles[i]));
      g_assert_cmpstr (lines[i], ==, line);
    }
  g_assert_nonnull (strstr (trellis_pog_map_get_rule_description (), "12 months"));
}

static void
check_areas_inside (TrellisPogMap *map,
                    double         width,
                    double         height)
{
  double previous_bottom = -1;

  for (guint i = 0; i < trellis_pog_map_get_n_attributes (map); i++)
    {
      cairo_rectangle_t area;

      trellis_pog_map_get_attribute_area (map, width, height, i, &area);
      g_assert_cmpfloat (area.x, >=, -0.01);
      g_assert_cmpfloat (area.y, >=, -0.01);
      g_assert_cmpfloat (area.x + area.width, <=, width + 0.01);
      g_assert_cmpfloat (area.y + area.height, <=, height + 0.01);
      g_assert_cmpfloat (area.y, >=, previous_bottom - 0.01);   /* bands never overlap */
      previous_bottom = area.y + area.height;
      g_assert_cmpint (trellis_pog_map_hit_test (map, width, height, area.x + area.width / 2,
                                                 area.y + area.height / 2), ==, (int) i);
    }
  g_assert_cmpint (trellis_pog_map_hit_test (map, width, height, -5, -5), ==, -1);
}

static void
test_pog_map_render_image (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = {
    { 1, 1 }, { 12, 300 }, { 300, 12 }, { 120, 90 }, { 360, 640 }, { 800, 480 }, { 1600, 300 },
    { 3000, 4000 },
  };
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark < 2; dark++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s].width,
                                                               sizes[s].height);
        cairo_t *cr = cairo_create (surface);

        trellis_pog_map_render (map, cr, sizes[s].width, sizes[s].height, dark);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        if (sizes[s].width * sizes[s].height >= 10000)
          g_assert_cmpuint (count_inked_pixels (surface), >, sizes[s].width * sizes[s].height / 100);
        check_areas_inside (map, sizes[s].width, sizes[s].height);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Right to left: the same bands, mirrored. */
  {
    cairo_rectangle_t ltr, rtl;

    trellis_pog_map_get_attribute_area (map, 800, 480, 0, &ltr);
    trellis_pog_map_set_direction (map, PANGO_DIRECTION_RTL);
    trellis_pog_map_get_attribute_area (map, 800, 480, 0, &rtl);
    g_assert_cmpfloat_with_epsilon (rtl.x, 800 - ltr.x - ltr.width, 0.01);
    g_assert_cmpfloat_with_epsilon (rtl.y, ltr.y, 0.01);
    check_areas_inside (map, 800, 480);
  }
}

static void
test_pog_map_render_pdf (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);
  g_autofree char *path = g_build_filename (fixture->dir, "map.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  trellis_pog_map_render (map, cr, 515, 400, FALSE);
  cairo_show_page (cr);
  trellis_pog_map_render (map, cr, 40, 30, FALSE);
  cairo_translate (cr, 10, 10);
  trellis_pog_map_render (map, cr, 2000, 2000, TRUE);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  bytes = trellis_test_read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF"));
}

/* A printed report gives the map its language and a fixed size of type: the map says how tall
 * it is, keeps every word at a readable size and speaks the family’s language. */
static void
test_pog_map_render_styled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = load_map (fixture, fixture->student);
  g_autoptr(TrellisCatalog) spanish = trellis_catalog_get ("es");
  TrellisPogMapStyle style = { spanish, "Sans", 9.5, FALSE };
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_height, narrow_height;
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;
  g_autofree char *none = NULL;

  g_assert_nonnull (spanish);
  two = trellis_pog_map_format_goal_count_in (spanish, 2);
  one = trellis_pog_map_format_goal_count_in (spanish, 1);
  none = trellis_pog_map_format_goal_count_in (spanish, 0);
  g_assert_cmpstr (two, ==, "2 metas");
  g_assert_cmpstr (one, ==, "1 meta");
  g_assert_cmpstr (none, ==, "ninguna meta");
  g_assert_cmpstr (trellis_pog_map_translate_title (spanish, "Advanced"), ==, "Avanzado");
  g_assert_cmpstr (trellis_pog_map_translate_title (spanish, "Kaitiaki"), ==, "Kaitiaki");
  g_assert_cmpstr (trellis_pog_map_translate_title (NULL, "Advanced"), ==, "Advanced");
  g_assert_true (g_str_has_prefix (trellis_pog_map_get_rule_description_in (spanish), "El nivel"));

  /* A page’s width: one line per band, no smaller than 8 points. */
  page_height = trellis_pog_map_measure_height (map, 495, &style);
  g_assert_cmpfloat (page_height, >, 4 * 9.5 * 1.2);
  g_assert_cmpfloat (page_height, <, 4 * 9.5 * 4);
  g_assert_cmpfloat (trellis_pog_map_get_smallest_text_size (map, 495, page_height, &style), >=, 8.0);
  /* A narrow column stacks each band, taller, at the same size. */
  narrow_height = trellis_pog_map_measure_height (map, 200, &style);
  g_assert_cmpfloat (narrow_height, >, page_height);
  g_assert_cmpfloat (trellis_pog_map_get_smallest_text_size (map, 200, narrow_height, &style), >=, 8.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 495, (int) ceil (page_height));
  cr = cairo_create (surface);
  trellis_pog_map_render_styled (map, cr, 495, page_height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (count_inked_pixels (surface), >, 495 * page_height / 50);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Left to fit a small rectangle, the map scales itself down, and says so. */
  g_assert_cmpfloat (trellis_pog_map_get_smallest_text_size (map, 120, 90, NULL), <, 8.0);
  g_assert_cmpfloat (trellis_pog_map_get_smallest_text_size (map, 800, 480, NULL), >=, 8.0 * 0.85);
}

static void
test_pog_map_render_empty_framework (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(TrellisPogMap) map = NULL;
  gint64 bare_framework = insert (fixture, g_object_new (TRELLIS_TYPE_FRAMEWORK, "title", "Empty", NULL));
  gint64 student = insert (fixture, g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Sione", NULL));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);

  insert (fixture, g_object_new (TRELLIS_TYPE_PLAN, "student-id", student, "school-year", "2025-2026",
                                 "framework-id", bare_framework, NULL));
  map = load_map (fixture, student);
  g_assert_cmpuint (trellis_pog_map_get_n_attributes (map), ==, 0);
  g_assert_cmpint (trellis_pog_map_get_max_level_value (map), ==, 0);
  trellis_pog_map_render (map, cr, 400, 200, FALSE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (count_inked_pixels (surface), >, 100);   /* the explanation is drawn */
  g_assert_cmpint (trellis_pog_map_hit_test (map, 400, 200, 200, 100), ==, -1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pog_group_matches_maps (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TrellisPogGroup) group = NULL;
  gint64 missing = 987654;

  g_array_append_val (ids, fixture->student);
  g_array_append_val (ids, missing);
  g_array_append_val (ids, fixture->bare_student);
  g_array_append_val (ids, fixture->student);
  group = trellis_pog_group_new (fixture->store, ids, fixture->now, &error);
  g_assert_no_error (error);

  g_assert_cmpint (trellis_pog_group_get_framework_id (group), ==, fixture->framework);
  g_assert_cmpuint (trellis_pog_group_get_n_students (group), ==, 3);   /* duplicates once */
  g_assert_cmpstr (trellis_pog_group_get_student_name (group, 0), ==, "Aroha Ngata");
  g_assert_cmpstr (trellis_pog_group_get_student_name (group, 1), ==, "(deleted student)");
  g_assert_cmpint (trellis_pog_group_get_student_id (group, 2), ==, fixture->bare_student);
  g_assert_true (trellis_pog_group_get_student_in_framework (group, 0));
  g_assert_cmpuint (trellis_pog_group_get_n_attributes (group), ==, 4);
  g_assert_cmpuint (trellis_pog_group_get_n_levels (group), ==, 4);
  g_assert_cmpstr (trellis_pog_group_get_level_title_at (group, 0, 0), ==, "Proficient");
  g_assert_cmpint (trellis_pog_group_get_level (group, 0, 0), ==, 2);
  g_assert_cmpint (trellis_pog_group_get_level_value (group, 0, 0), ==, 3);
  g_assert_null (trellis_pog_group_get_level_title_at (group, 0, 1));
  g_assert_cmpstr (trellis_pog_group_get_level_title_at (group, 0, 2), ==, "Developing");
  g_assert_null (trellis_pog_group_get_level_title_at (group, 0, 3));
  g_assert_cmpuint (trellis_pog_group_get_goal_count (group, 0, 0), ==, 2);
  g_assert_cmpuint (trellis_pog_group_get_goal_count (group, 0, 1), ==, 2);
  g_assert_cmpint (trellis_pog_group_get_level (group, 1, 0), ==, -1);
  {
    g_autofree char *text = trellis_pog_group_dup_cell_description (group, 0, 0);
    g_assert_cmpstr (text, ==, "Critical thinker: Proficient, 2 goals working on it");
  }
}

/* On a sample school, the group’s few queries agree with every student’s own map. */
static void
test_pog_group_sample_school (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) students = NULL;
  g_autoptr(TrellisPogGroup) group = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 15, 12, 0, 0);
  guint levels_seen = 0;

  trellis_sample_school_populate (store, 40, TRELLIS_SAMPLE_SEED, NULL, NULL, &error);
  g_assert_no_error (error);
  students = trellis_store_list_student_summaries (store, &error);
  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (students); i > 0; i--)
    {
      g_autoptr(GObject) summary = g_list_model_get_item (students, i - 1);
      gint64 id = trellis_student_summary_get_id ((gpointer) summary);

      g_array_append_val (ids, id);
    }

  group = trellis_pog_group_new (store, ids, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_pog_group_get_n_students (group), ==, 40);
  for (guint s = 0; s < 40; s++)
    {
      g_autoptr(TrellisPogMap) map = trellis_pog_map_new_for_student (store, g_array_index (ids, gint64, s),
                                                                      now, &error);

      g_assert_no_error (error);
      g_assert_cmpint (trellis_pog_group_get_student_id (group, s), ==, g_array_index (ids, gint64, s));
      g_assert_cmpuint (trellis_pog_map_get_n_attributes (map), ==, trellis_pog_group_get_n_attributes (group));
      for (guint a = 0; a < trellis_pog_map_get_n_attributes (map); a++)
        {
          g_assert_cmpstr (trellis_pog_map_get_attribute_level_title (map, a), ==,
                           trellis_pog_group_get_level_title_at (group, s, a));
          g_assert_cmpuint (trellis_pog_map_get_attribute_goal_count (map, a), ==,
                            trellis_pog_group_get_goal_count (group, s, a));
          levels_seen += trellis_pog_map_get_attribute_level_title (map, a) != NULL;
        }
    }
  g_assert_cmpuint (levels_seen, >, 20);   /* the comparison was not vacuous */
  g_clear_object (&group);
  g_assert_finalize_object (g_steal_pointer (&store));
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pog-map/levels", test_pog_map_levels);
  ADD ("/pog-map/goals-and-evidence", test_pog_map_goals_and_evidence);
  ADD ("/pog-map/no-plan-or-student", test_pog_map_no_plan_or_student);
  ADD ("/pog-map/descriptions", test_pog_map_descriptions);
  ADD ("/pog-map/render-image", test_pog_map_render_image);
  ADD ("/pog-map/render-pdf", test_pog_map_render_pdf);
  ADD ("/pog-map/render-styled", test_pog_map_render_styled);
  ADD ("/pog-map/render-empty-framework", test_pog_map_render_empty_framework);
  ADD ("/pog-group/matches-maps", test_pog_group_matches_maps);
#undef ADD
  g_test_add_func ("/pog-group/sample-school", test_pog_group_sample_school);

  return g_test_run ();
}
