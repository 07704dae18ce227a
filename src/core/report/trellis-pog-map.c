/* trellis-pog-map.c — one student’s standing against every attribute of a Profile of a Graduate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-pog-map"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-framework-template.h"
#include "trellis-pog-map-private.h"
#include "trellis-store-private.h"

G_DEFINE_FINAL_TYPE (TrellisPogMap, trellis_pog_map, G_TYPE_OBJECT)

/* Helpers */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
level_free (gpointer data)
{
  TrellisPogLevel *level = data;

  g_free (level->title);
  g_free (level->color);
  g_free (level);
}

static void
evidence_free (gpointer data)
{
  TrellisPogEvidence *evidence = data;

  g_free (evidence->title);
  g_free (evidence->kind);
  g_free (evidence->date);
  g_free (evidence->goal_title);
  g_free (evidence);
}

static void
competency_free (gpointer data)
{
  TrellisPogCompetency *competency = data;

  g_free (competency->code);
  g_free (competency->title);
  g_ptr_array_unref (competency->evidence);
  g_free (competency);
}

static void
goal_free (gpointer data)
{
  TrellisPogGoal *goal = data;

  g_free (goal->title);
  g_free (goal->status);
  g_free (goal);
}

static void
attribute_free (gpointer data)
{
  TrellisPogAttribute *attribute = data;

  g_free (attribute->title);
  g_free (attribute->color);
  g_ptr_array_unref (attribute->competencies);
  g_ptr_array_unref (attribute->goals);
  g_free (attribute);
}

static TrellisPogAttribute *
get_attribute (TrellisPogMap *self,
               guint          i)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), NULL);
  g_return_val_if_fail (i < self->framework->attributes->len, NULL);

  return g_ptr_array_index (self->framework->attributes, i);
}

static TrellisPogCompetency *
get_competency (TrellisPogMap *self,
                guint          i,
                guint          c)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  g_return_val_if_fail (attribute != NULL && c < attribute->competencies->len, NULL);
  return g_ptr_array_index (attribute->competencies, c);
}

static TrellisPogGoal *
get_goal (TrellisPogMap *self,
          guint          i,
          guint          goal)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  g_return_val_if_fail (attribute != NULL && goal < attribute->goals->len, NULL);
  return g_ptr_array_index (attribute->goals, goal);
}

static TrellisPogEvidence *
get_evidence (TrellisPogMap *self,
              guint          i,
              guint          c,
              guint          e)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  g_return_val_if_fail (competency != NULL && e < competency->evidence->len, NULL);
  return g_ptr_array_index (competency->evidence, e);
}

static TrellisPogLevel *
scale_level (TrellisPogMap *self,
             int            level)
{
  if (level < 0)
    return NULL;
  return g_ptr_array_index (self->framework->levels, level);
}

static gboolean
find_current_plan (TrellisStore  *store,
                   gint64         student_id,
                   gint64        *plan_id,
                   gint64        *framework_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = trellis_store_prepare (store, "SELECT s.id, " TRELLIS_POG_CURRENT_PLAN ("s.id") ", "
                                       "(SELECT framework_id FROM plan WHERE id = "
                                       TRELLIS_POG_CURRENT_PLAN ("s.id") ") "
                                       "FROM student s WHERE s.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        {
          g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT, student_id);
          /* Translators: %s is a record number */
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("The student (record %s) no longer exists, so there is no "
                         "Profile of a Graduate map to show."), record);
        }
      else
        trellis_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *plan_id = sqlite3_column_int64 (stmt, 1);
  *framework_id = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  if (*framework_id == 0)
    *framework_id = trellis_store_get_default_framework (store);
  return TRUE;
}

static gboolean
load_goals (TrellisPogMap  *self,
            TrellisStore   *store,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->plan_id == 0)
    return TRUE;
  stmt = trellis_store_prepare (store,
                                "SELECT DISTINCT c.attribute_id, g.id, g.title, g.status "
                                "FROM goal g JOIN goal_competency gc ON gc.goal_id = g.id "
                                "JOIN competency c ON c.id = gc.competency_id "
                                "WHERE g.plan_id = ? ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int a = trellis_pog_framework_find_attribute (self->framework, sqlite3_column_int64 (stmt, 0));
      TrellisPogAttribute *attribute;
      TrellisPogGoal *goal;

      if (a < 0)
        continue;
      attribute = g_ptr_array_index (self->framework->attributes, a);
      goal = g_new0 (TrellisPogGoal, 1);
      goal->id = sqlite3_column_int64 (stmt, 1);
      goal->title = column_text (stmt, 2);
      goal->status = column_text (stmt, 3);
      g_ptr_array_add (attribute->goals, goal);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || trellis_store_set_sqlite_error (store, error);
}

static TrellisPogCompetency *
find_competency (TrellisPogMap        *self,
                 gint64                competency_id,
                 TrellisPogAttribute **attribute_out)
{
  for (guint a = 0; a < self->framework->attributes->len; a++)
    {
      TrellisPogAttribute *attribute = g_ptr_array_index (self->framework->attributes, a);

      for (guint c = 0; c < attribute->competencies->len; c++)
        {
          TrellisPogCompetency *competency = g_ptr_array_index (attribute->competencies, c);

          if (competency->id == competency_id)
            {
              *attribute_out = attribute;
              return competency;
            }
        }
    }
  return NULL;
}

static int
higher_level (TrellisPogMap *self,
              int            a,
              int            b)
{
  if (a < 0 || b < 0)
    return MAX (a, b);
  return scale_level (self, a)->value >= scale_level (self, b)->value ? a : b;
}

static gboolean
load_evidence (TrellisPogMap  *self,
               TrellisStore   *store,
               gint64          student_id,
               GDateTime      *now,
               GError        **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  trellis_pog_window (now, &from, &to);
  stmt = trellis_store_prepare (store,
                                "SELECT e.id, e.competency_id, e.title, e.kind, "
                                TRELLIS_POG_EVIDENCE_DAY " AS day, e.level_id, g.title "
                                "FROM evidence e JOIN goal g ON g.id = e.goal_id "
                                "JOIN plan p ON p.id = g.plan_id "
                                "WHERE p.student_id = ? AND e.competency_id IS NOT NULL "
                                "ORDER BY day DESC, e.id DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisPogAttribute *attribute = NULL;
      TrellisPogCompetency *competency = find_competency (self, sqlite3_column_int64 (stmt, 1), &attribute);
      TrellisPogEvidence *evidence;

      if (competency == NULL)
        continue;   /* a competency of another framework */
      evidence = g_new0 (TrellisPogEvidence, 1);
      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->title = column_text (stmt, 2);
      evidence->kind = column_text (stmt, 3);
      evidence->date = column_text (stmt, 4);
      evidence->level = trellis_pog_framework_find_level (self->framework, sqlite3_column_int64 (stmt, 5));
      evidence->goal_title = column_text (stmt, 6);
      evidence->counts = evidence->level >= 0
                         && g_strcmp0 (evidence->date, from) >= 0
                         && g_strcmp0 (evidence->date, to) <= 0;
      g_ptr_array_add (competency->evidence, evidence);
      if (evidence->counts)
        {
          competency->level = higher_level (self, competency->level, evidence->level);
          attribute->level = higher_level (self, attribute->level, evidence->level);
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || trellis_store_set_sqlite_error (store, error);
}

/* Overrides */

static void
trellis_pog_map_finalize (GObject *object)
{
  TrellisPogMap *self = TRELLIS_POG_MAP (object);

  g_clear_pointer (&self->framework, trellis_pog_framework_free);
  g_clear_pointer (&self->layout, trellis_pog_map_layout_free);

  G_OBJECT_CLASS (trellis_pog_map_parent_class)->finalize (object);
}

static void
trellis_pog_map_class_init (TrellisPogMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_pog_map_finalize;
}

static void
trellis_pog_map_init (TrellisPogMap *self)
{
  self->direction = PANGO_DIRECTION_LTR;
}

/* Shared with the group heat map (trellis-pog-map-private.h) */

/* Loads the scale, the attributes and their competencies of @framework_id; 0 gives an empty
 * framework (a school without one yet). */
TrellisPogFramework *
trellis_pog_framework_load (TrellisStore  *store,
                            gint64         framework_id,
                            GError       **error)
{
  g_autoptr(TrellisPogFramework) framework = g_new0 (TrellisPogFramework, 1);
  sqlite3_stmt *stmt;
  int rc;

  framework->framework_id = framework_id;
  framework->framework_title = g_strdup ("");
  framework->levels = g_ptr_array_new_with_free_func (level_free);
  framework->attributes = g_ptr_array_new_with_free_func (attribute_free);
  if (framework_id == 0)
    return g_steal_pointer (&framework);

  stmt = trellis_store_prepare (store, "SELECT title FROM framework WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (framework->framework_title);
      framework->framework_title = column_text (stmt, 0);
    }
  sqlite3_reset (stmt);

  stmt = trellis_store_prepare (store, "SELECT id, title, value, color FROM proficiency_level "
                                       "WHERE framework_id = ? ORDER BY value, position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisPogLevel *level = g_new0 (TrellisPogLevel, 1);

      level->id = sqlite3_column_int64 (stmt, 0);
      level->title = column_text (stmt, 1);
      level->value = sqlite3_column_int (stmt, 2);
      level->color = column_text (stmt, 3);
      g_ptr_array_add (framework->levels, level);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_sqlite_error (store, error);
      return NULL;
    }

  stmt = trellis_store_prepare (store,
                                "SELECT a.id, a.title, a.color, c.id, c.code, c.title "
                                "FROM attribute a LEFT JOIN competency c ON c.attribute_id = a.id "
                                "WHERE a.framework_id = ? ORDER BY a.position, a.id, c.position, c.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisPogAttribute *attribute = NULL;
      gint64 attribute_id = sqlite3_column_int64 (stmt, 0);

      if (framework->attributes->len > 0)
        attribute = g_ptr_array_index (framework->attributes, framework->attributes->len - 1);
      if (attribute == NULL || attribute->id != attribute_id)
        {
          attribute = g_new0 (TrellisPogAttribute, 1);
          attribute->id = attribute_id;
          attribute->title = column_text (stmt, 1);
          attribute->color = column_text (stmt, 2);
          attribute->level = -1;
          attribute->competencies = g_ptr_array_new_with_free_func (competency_free);
          attribute->goals = g_ptr_array_new_with_free_func (goal_free);
          g_ptr_array_add (framework->attributes, attribute);
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          TrellisPogCompetency *competency = g_new0 (TrellisPogCompetency, 1);

          competency->id = sqlite3_column_int64 (stmt, 3);
          competency->code = column_text (stmt, 4);
          competency->title = column_text (stmt, 5);
          competency->level = -1;
          competency->evidence = g_ptr_array_new_with_free_func (evidence_free);
          g_ptr_array_add (attribute->competencies, competency);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&framework);
}

void
trellis_pog_framework_free (TrellisPogFramework *framework)
{
  g_free (framework->framework_title);
  g_ptr_array_unref (framework->levels);
  g_ptr_array_unref (framework->attributes);
  g_free (framework);
}

/* The index of @level_id in the scale, or -1 when it is not a level of this framework. */
int
trellis_pog_framework_find_level (TrellisPogFramework *framework,
                                  gint64               level_id)
{
  for (guint i = 0; level_id != 0 && i < framework->levels->len; i++)
    if (((TrellisPogLevel *) g_ptr_array_index (framework->levels, i))->id == level_id)
      return i;
  return -1;
}

int
trellis_pog_framework_find_attribute (TrellisPogFramework *framework,
                                      gint64               attribute_id)
{
  for (guint i = 0; i < framework->attributes->len; i++)
    if (((TrellisPogAttribute *) g_ptr_array_index (framework->attributes, i))->id == attribute_id)
      return i;
  return -1;
}

/* The first and last days (ISO dates, both included) whose evidence counts on @now’s day. */
void
trellis_pog_window (GDateTime  *now,
                    char      **from,
                    char      **to)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) start = g_date_time_add_months (local, -12);

  *from = g_date_time_format (start, "%Y-%m-%d");
  *to = g_date_time_format (local, "%Y-%m-%d");
}

/* “Critical thinker: Proficient, 2 goals working on it”: the sentence screen readers hear. */
char *
trellis_pog_describe (const char *attribute,
                      const char *level,
                      guint       goals)
{
  g_autofree char *goal_text = NULL;

  goal_text = goals == 0
                ? g_strdup (_("no goals working on it"))
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal working on it",
                                                "%u goals working on it", goals), goals);
  /* Translators: “Critical thinker: Proficient, 2 goals working on it” */
  return g_strdup_printf (_("%s: %s, %s"), attribute, level != NULL ? level : _("no level yet"), goal_text);
}

void
trellis_pog_parse_color (const char *text,
                         double     *red,
                         double     *green,
                         double     *blue)
{
  PangoColor color;

  if (text == NULL || !pango_color_parse (&color, text))
    color.red = color.green = color.blue = 0x7777;
  *red = color.red / 65535.;
  *green = color.green / 65535.;
  *blue = color.blue / 65535.;
}

/* Public API */

/**
 * trellis_pog_map_new_for_student:
 * @store: the store
 * @student_id: the student’s row id
 * @now: the moment the 12-month window ends (usually now)
 * @error: return location for a #GError
 *
 * Computes the student’s map by the rule in trellis-pog-map.h, in a few queries.
 *
 * Returns: (transfer full): the map, or %NULL with @error set (e.g. the student does not exist)
 */
TrellisPogMap *
trellis_pog_map_new_for_student (TrellisStore  *store,
                                 gint64         student_id,
                                 GDateTime     *now,
                                 GError       **error)
{
  g_autoptr(TrellisPogMap) self = NULL;
  gint64 framework_id = 0;
  gint64 plan_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!find_current_plan (store, student_id, &plan_id, &framework_id, error))
    return NULL;

  self = g_object_new (TRELLIS_TYPE_POG_MAP, NULL);
  self->plan_id = plan_id;
  self->framework = trellis_pog_framework_load (store, framework_id, error);
  if (self->framework == NULL)
    return NULL;
  if (!load_goals (self, store, error) || !load_evidence (self, store, student_id, now, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trellis_pog_map_get_rule_description:
 *
 * Returns: the rule by which levels are computed, as one translated sentence for legends and
 *   printed reports
 */
const char *
trellis_pog_map_get_rule_description (void)
{
  return trellis_pog_map_get_rule_description_in (NULL);
}

/**
 * trellis_pog_map_get_rule_description_in:
 * @catalog: (nullable): the language, %NULL for the application’s
 *
 * Returns: the rule of trellis_pog_map_get_rule_description() in the language of @catalog
 */
const char *
trellis_pog_map_get_rule_description_in (TrellisCatalog *catalog)
{
  return trellis_catalog_translate (catalog,
                                    N_("An attribute’s level is the highest level assessed in evidence "
                                       "for any of its competencies in the 12 months before today."));
}

/**
 * trellis_pog_map_format_goal_count:
 * @n_goals: a goal count
 *
 * Returns: (transfer full): “no goals”, “1 goal”, “2 goals”…, translated
 */
char *
trellis_pog_map_format_goal_count (guint n_goals)
{
  return trellis_pog_map_format_goal_count_in (NULL, n_goals);
}

/**
 * trellis_pog_map_format_goal_count_in:
 * @catalog: (nullable): the language, %NULL for the application’s
 * @n_goals: a goal count
 *
 * Returns: (transfer full): trellis_pog_map_format_goal_count() in the language of @catalog
 */
char *
trellis_pog_map_format_goal_count_in (TrellisCatalog *catalog,
                                      guint           n_goals)
{
  if (n_goals == 0)
    return g_strdup (trellis_catalog_translate (catalog, N_("no goals")));
  return g_strdup_printf (trellis_catalog_translate_plural (catalog, "%u goal", "%u goals", n_goals),
                          n_goals);
}

/**
 * trellis_pog_map_translate_title:
 * @catalog: (nullable): the language of a printed report, or %NULL
 * @title: a level’s, attribute’s or competency’s title as the framework stores it
 *
 * A framework’s words are stored in the language it was made in. The default scale’s words
 * (Emerging, Developing, Proficient, Advanced) are Trellis’s own, so a report in a family’s
 * language looks them up in its catalogue, and the titles of the frameworks Trellis ships are
 * translated in their templates; a school’s own words have no translation and stay as they
 * are. Without a catalogue (the application’s own screens) the stored words are shown.
 *
 * Returns: (transfer none): the title to print
 */
const char *
trellis_pog_map_translate_title (TrellisCatalog *catalog,
                                 const char     *title)
{
  const char *translated;

  if (catalog == NULL || title == NULL || *title == '\0')
    return title;
  translated = trellis_catalog_translate (catalog, title);
  if (translated != title)
    return translated;
  translated = trellis_framework_template_translate (trellis_catalog_get_language (catalog), title);
  return translated != NULL ? translated : title;
}

gint64
trellis_pog_map_get_framework_id (TrellisPogMap *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  return self->framework->framework_id;
}

const char *
trellis_pog_map_get_framework_title (TrellisPogMap *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), NULL);
  return self->framework->framework_title;
}

/**
 * trellis_pog_map_get_plan_id:
 * @self: a map
 *
 * Returns: the current plan whose goals are counted, or 0 when the student has no plan
 */
gint64
trellis_pog_map_get_plan_id (TrellisPogMap *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  return self->plan_id;
}

guint
trellis_pog_map_get_n_levels (TrellisPogMap *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  return self->framework->levels->len;
}

const char *
trellis_pog_map_get_level_title (TrellisPogMap *self,
                                 guint          level)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), NULL);
  g_return_val_if_fail (level < self->framework->levels->len, NULL);
  return scale_level (self, level)->title;
}

int
trellis_pog_map_get_level_value (TrellisPogMap *self,
                                 guint          level)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  g_return_val_if_fail (level < self->framework->levels->len, 0);
  return scale_level (self, level)->value;
}

const char *
trellis_pog_map_get_level_color (TrellisPogMap *self,
                                 guint          level)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), NULL);
  g_return_val_if_fail (level < self->framework->levels->len, NULL);
  return scale_level (self, level)->color;
}

/**
 * trellis_pog_map_get_max_level_value:
 * @self: a map
 *
 * Returns: the value of the top of the scale, 0 when the framework has no scale
 */
int
trellis_pog_map_get_max_level_value (TrellisPogMap *self)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  n = self->framework->levels->len;
  return n > 0 ? scale_level (self, n - 1)->value : 0;
}

guint
trellis_pog_map_get_n_attributes (TrellisPogMap *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  return self->framework->attributes->len;
}

gint64
trellis_pog_map_get_attribute_id (TrellisPogMap *self,
                                  guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL ? attribute->id : 0;
}

const char *
trellis_pog_map_get_attribute_title (TrellisPogMap *self,
                                     guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL ? attribute->title : NULL;
}

/**
 * trellis_pog_map_get_attribute_color:
 * @self: a map
 * @i: the attribute’s index
 *
 * Returns: the attribute’s colour as stored (`#rrggbb`), possibly empty
 */
const char *
trellis_pog_map_get_attribute_color (TrellisPogMap *self,
                                     guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL ? attribute->color : NULL;
}

/**
 * trellis_pog_map_get_attribute_level_id:
 * @self: a map
 * @i: the attribute’s index
 *
 * Returns: the row id of the level reached, 0 for none
 */
gint64
trellis_pog_map_get_attribute_level_id (TrellisPogMap *self,
                                        guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL && attribute->level >= 0 ? scale_level (self, attribute->level)->id : 0;
}

/**
 * trellis_pog_map_get_attribute_level_title:
 * @self: a map
 * @i: the attribute’s index
 *
 * Returns: (nullable): the title of the level reached, %NULL when none is
 */
const char *
trellis_pog_map_get_attribute_level_title (TrellisPogMap *self,
                                           guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL && attribute->level >= 0 ? scale_level (self, attribute->level)->title : NULL;
}

/**
 * trellis_pog_map_get_attribute_level_value:
 * @self: a map
 * @i: the attribute’s index
 *
 * Returns: the numeric value of the level reached, 0 when none is
 */
int
trellis_pog_map_get_attribute_level_value (TrellisPogMap *self,
                                           guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL && attribute->level >= 0 ? scale_level (self, attribute->level)->value : 0;
}

/**
 * trellis_pog_map_get_attribute_level_color:
 * @self: a map
 * @i: the attribute’s index
 *
 * Returns: (nullable): the colour of the level reached, %NULL when none is
 */
const char *
trellis_pog_map_get_attribute_level_color (TrellisPogMap *self,
                                           guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL && attribute->level >= 0 ? scale_level (self, attribute->level)->color : NULL;
}

guint
trellis_pog_map_get_attribute_goal_count (TrellisPogMap *self,
                                          guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL ? attribute->goals->len : 0;
}

/**
 * trellis_pog_map_dup_attribute_description:
 * @self: a map
 * @i: the attribute’s index
 *
 * A sentence for screen readers and captions, e.g. “Critical thinker: Proficient, 2 goals
 * working on it”.
 *
 * Returns: (transfer full): the sentence
 */
char *
trellis_pog_map_dup_attribute_description (TrellisPogMap *self,
                                           guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  g_return_val_if_fail (attribute != NULL, NULL);
  return trellis_pog_describe (attribute->title, trellis_pog_map_get_attribute_level_title (self, i),
                               attribute->goals->len);
}

/**
 * trellis_pog_map_dup_description:
 * @self: a map
 *
 * Every attribute’s sentence, one a line, for a screen reader’s summary of the whole map.
 *
 * Returns: (transfer full): the text
 */
char *
trellis_pog_map_dup_description (TrellisPogMap *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), NULL);
  for (guint i = 0; i < self->framework->attributes->len; i++)
    {
      g_autofree char *line = trellis_pog_map_dup_attribute_description (self, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

gint64
trellis_pog_map_get_goal_id (TrellisPogMap *self,
                             guint          i,
                             guint          goal)
{
  TrellisPogGoal *g = get_goal (self, i, goal);

  return g != NULL ? g->id : 0;
}

const char *
trellis_pog_map_get_goal_title (TrellisPogMap *self,
                                guint          i,
                                guint          goal)
{
  TrellisPogGoal *g = get_goal (self, i, goal);

  return g != NULL ? g->title : NULL;
}

/**
 * trellis_pog_map_get_goal_status:
 * @self: a map
 * @i: the attribute’s index
 * @goal: the goal’s index among the attribute’s goals
 *
 * Returns: the goal’s status keyword (`in-progress`, …; see trellis-vocabulary.h)
 */
const char *
trellis_pog_map_get_goal_status (TrellisPogMap *self,
                                 guint          i,
                                 guint          goal)
{
  TrellisPogGoal *g = get_goal (self, i, goal);

  return g != NULL ? g->status : NULL;
}

guint
trellis_pog_map_get_n_competencies (TrellisPogMap *self,
                                    guint          i)
{
  TrellisPogAttribute *attribute = get_attribute (self, i);

  return attribute != NULL ? attribute->competencies->len : 0;
}

const char *
trellis_pog_map_get_competency_code (TrellisPogMap *self,
                                     guint          i,
                                     guint          c)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  return competency != NULL ? competency->code : NULL;
}

const char *
trellis_pog_map_get_competency_title (TrellisPogMap *self,
                                      guint          i,
                                      guint          c)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  return competency != NULL ? competency->title : NULL;
}

/**
 * trellis_pog_map_get_competency_level_title:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index within the attribute
 *
 * Returns: (nullable): the level the competency reached by the rule, %NULL when none
 */
const char *
trellis_pog_map_get_competency_level_title (TrellisPogMap *self,
                                            guint          i,
                                            guint          c)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  return competency != NULL && competency->level >= 0 ? scale_level (self, competency->level)->title : NULL;
}

int
trellis_pog_map_get_competency_level_value (TrellisPogMap *self,
                                            guint          i,
                                            guint          c)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  return competency != NULL && competency->level >= 0 ? scale_level (self, competency->level)->value : 0;
}

/**
 * trellis_pog_map_get_n_evidence:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index within the attribute
 *
 * Returns: how many pieces of the student’s evidence name this competency, counted or not
 */
guint
trellis_pog_map_get_n_evidence (TrellisPogMap *self,
                                guint          i,
                                guint          c)
{
  TrellisPogCompetency *competency = get_competency (self, i, c);

  return competency != NULL ? competency->evidence->len : 0;
}

gint64
trellis_pog_map_get_evidence_id (TrellisPogMap *self,
                                 guint          i,
                                 guint          c,
                                 guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL ? evidence->id : 0;
}

const char *
trellis_pog_map_get_evidence_title (TrellisPogMap *self,
                                    guint          i,
                                    guint          c,
                                    guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL ? evidence->title : NULL;
}

/**
 * trellis_pog_map_get_evidence_kind:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index
 * @e: the evidence’s index
 *
 * Returns: the kind keyword (`artifact`, `observation`, …; see trellis-vocabulary.h)
 */
const char *
trellis_pog_map_get_evidence_kind (TrellisPogMap *self,
                                   guint          i,
                                   guint          c,
                                   guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL ? evidence->kind : NULL;
}

/**
 * trellis_pog_map_get_evidence_date:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index
 * @e: the evidence’s index
 *
 * Returns: the ISO date the evidence counts by (its date, else the day it was recorded)
 */
const char *
trellis_pog_map_get_evidence_date (TrellisPogMap *self,
                                   guint          i,
                                   guint          c,
                                   guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL ? evidence->date : NULL;
}

/**
 * trellis_pog_map_get_evidence_level_title:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index
 * @e: the evidence’s index
 *
 * Returns: (nullable): the assessed level, %NULL when the evidence was not assessed
 */
const char *
trellis_pog_map_get_evidence_level_title (TrellisPogMap *self,
                                          guint          i,
                                          guint          c,
                                          guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL && evidence->level >= 0 ? scale_level (self, evidence->level)->title : NULL;
}

const char *
trellis_pog_map_get_evidence_goal_title (TrellisPogMap *self,
                                         guint          i,
                                         guint          c,
                                         guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL ? evidence->goal_title : NULL;
}

/**
 * trellis_pog_map_get_evidence_counts:
 * @self: a map
 * @i: the attribute’s index
 * @c: the competency’s index
 * @e: the evidence’s index
 *
 * Returns: %TRUE when the evidence is assessed and inside the 12-month window, so the rule
 *   counts it
 */
gboolean
trellis_pog_map_get_evidence_counts (TrellisPogMap *self,
                                     guint          i,
                                     guint          c,
                                     guint          e)
{
  TrellisPogEvidence *evidence = get_evidence (self, i, c, e);

  return evidence != NULL && evidence->counts;
}

/**
 * trellis_pog_map_set_direction:
 * @self: a map
 * @direction: %PANGO_DIRECTION_RTL to lay the map out right to left
 *
 * Sets the direction of the drawing (labels on the right, bars filling leftwards).
 */
void
trellis_pog_map_set_direction (TrellisPogMap  *self,
                               PangoDirection  direction)
{
  g_return_if_fail (TRELLIS_IS_POG_MAP (self));

  direction = direction == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  if (self->direction == direction)
    return;
  self->direction = direction;
  g_clear_pointer (&self->layout, trellis_pog_map_layout_free);
}
