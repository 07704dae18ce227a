/* trellis-pog-group.c — a group of students × the attributes of one framework, by level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-pog-group"

#include <glib/gi18n-lib.h>

#include "trellis-pog-group.h"
#include "trellis-pog-map-private.h"
#include "trellis-store-private.h"
#include "trellis-student-summary.h"

typedef struct
{
  gint64    id;
  char     *name;
  gboolean  in_framework;
  int       grade_level;
  char     *homeroom;
} GroupStudent;

struct _TrellisPogGroup
{
  GObject              parent_instance;

  TrellisPogFramework *framework;
  GArray              *students;   /* GroupStudent */
  GHashTable          *rows;       /* student id → row index */
  int                 *levels;     /* n_students × n_attributes scale indices, -1 for none */
  guint               *goals;      /* n_students × n_attributes goal counts */
};

G_DEFINE_FINAL_TYPE (TrellisPogGroup, trellis_pog_group, G_TYPE_OBJECT)

/* Helpers */

static void
clear_student (gpointer data)
{
  g_free (((GroupStudent *) data)->name);
  g_free (((GroupStudent *) data)->homeroom);
}

/* The ids as a JSON array, so one statement takes the whole group through json_each(). */
static char *
ids_to_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gsize
cell (TrellisPogGroup *self,
      guint            student,
      guint            attribute)
{
  g_assert (student < self->students->len);
  g_assert (attribute < self->framework->attributes->len);
  return (gsize) student * self->framework->attributes->len + attribute;
}

/* Loads the students in the order given, and picks the framework most of their plans use. */
static gboolean
load_students (TrellisPogGroup  *self,
               TrellisStore     *store,
               const char       *json,
               GArray           *student_ids,
               gint64           *framework_id,
               GError          **error)
{
  g_autoptr(GHashTable) uses = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) frameworks = g_array_new (FALSE, TRUE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint best = 0;
  gboolean chosen = *framework_id != 0;   /* asked for: not the most used one */
  int rc;

  g_array_set_size (frameworks, student_ids->len);
  for (guint i = 0; i < student_ids->len; i++)
    {
      GroupStudent student = { g_array_index (student_ids, gint64, i), NULL, FALSE, 0, NULL };

      if (g_hash_table_contains (self->rows, &g_array_index (student_ids, gint64, i)))
        continue;
      g_array_append_val (self->students, student);
      g_hash_table_insert (self->rows, &g_array_index (student_ids, gint64, i),
                           GUINT_TO_POINTER (self->students->len));
    }

  stmt = trellis_store_prepare (store,
                                "SELECT s.id, s.given_name, s.family_name, s.preferred_name, "
                                "(SELECT framework_id FROM plan WHERE id = " TRELLIS_POG_CURRENT_PLAN ("s.id") "), "
                                "s.grade_level, s.homeroom "
                                "FROM student s WHERE s.id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, &id)) - 1;
      GroupStudent *student = &g_array_index (self->students, GroupStudent, row);
      gint64 plan_framework = sqlite3_column_int64 (stmt, 4);
      guint count;

      student->name = trellis_student_display_name ((const char *) sqlite3_column_text (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3));
      student->grade_level = sqlite3_column_int (stmt, 5);
      student->homeroom = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_array_index (frameworks, gint64, row) = plan_framework;
      if (plan_framework == 0 || chosen)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (uses, &g_array_index (frameworks, gint64, row))) + 1;
      g_hash_table_insert (uses, &g_array_index (frameworks, gint64, row), GUINT_TO_POINTER (count));
      if (count > best)
        {
          best = count;
          *framework_id = plan_framework;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_store_set_sqlite_error (store, error);

  if (*framework_id == 0)
    *framework_id = trellis_store_get_default_framework (store);
  for (guint i = 0; i < self->students->len; i++)
    {
      GroupStudent *student = &g_array_index (self->students, GroupStudent, i);
      gint64 plan_framework = g_array_index (frameworks, gint64, i);

      if (student->name == NULL)
        student->name = g_strdup (_("(deleted student)"));
      student->in_framework = plan_framework == 0 || plan_framework == *framework_id;
    }
  return TRUE;
}

/* One statement for all the levels: the best assessed level per student and attribute. */
static gboolean
load_levels (TrellisPogGroup  *self,
             TrellisStore     *store,
             const char       *json,
             GDateTime        *now,
             GError          **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  trellis_pog_window (now, &from, &to);
  stmt = trellis_store_prepare (store,
                                "SELECT p.student_id, c.attribute_id, l.id, MAX (l.value) "
                                "FROM evidence e JOIN goal g ON g.id = e.goal_id "
                                "JOIN plan p ON p.id = g.plan_id "
                                "JOIN competency c ON c.id = e.competency_id "
                                "JOIN attribute a ON a.id = c.attribute_id AND a.framework_id = ?1 "
                                "JOIN proficiency_level l ON l.id = e.level_id AND l.framework_id = ?1 "
                                "WHERE p.student_id IN (SELECT value FROM json_each (?2)) "
                                "AND " TRELLIS_POG_EVIDENCE_DAY " BETWEEN ?3 AND ?4 "
                                "GROUP BY p.student_id, c.attribute_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->framework->framework_id);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, &id)) - 1;
      int attribute = trellis_pog_framework_find_attribute (self->framework, sqlite3_column_int64 (stmt, 1));

      /* SQLite gives the bare column l.id from the row holding MAX (l.value). */
      if (attribute >= 0)
        self->levels[cell (self, row, attribute)] =
          trellis_pog_framework_find_level (self->framework, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || trellis_store_set_sqlite_error (store, error);
}

static gboolean
load_goal_counts (TrellisPogGroup  *self,
                  TrellisStore     *store,
                  const char       *json,
                  GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = trellis_store_prepare (store,
                                "SELECT p.student_id, c.attribute_id, COUNT (DISTINCT g.id) "
                                "FROM plan p JOIN goal g ON g.plan_id = p.id "
                                "JOIN goal_competency gc ON gc.goal_id = g.id "
                                "JOIN competency c ON c.id = gc.competency_id "
                                "JOIN attribute a ON a.id = c.attribute_id AND a.framework_id = ?1 "
                                "WHERE p.student_id IN (SELECT value FROM json_each (?2)) "
                                "AND p.id = " TRELLIS_POG_CURRENT_PLAN ("p.student_id") " "
                                "GROUP BY p.student_id, c.attribute_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->framework->framework_id);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, &id)) - 1;
      int attribute = trellis_pog_framework_find_attribute (self->framework, sqlite3_column_int64 (stmt, 1));

      if (attribute >= 0)
        self->goals[cell (self, row, attribute)] = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || trellis_store_set_sqlite_error (store, error);
}

static TrellisPogLevel *
level_at (TrellisPogGroup *self,
          guint            student,
          guint            attribute)
{
  int level;

  g_return_val_if_fail (student < self->students->len, NULL);
  g_return_val_if_fail (attribute < self->framework->attributes->len, NULL);
  level = self->levels[cell (self, student, attribute)];
  return level >= 0 ? g_ptr_array_index (self->framework->levels, level) : NULL;
}

static TrellisPogAttribute *
get_attribute (TrellisPogGroup *self,
               guint            attribute)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  g_return_val_if_fail (attribute < self->framework->attributes->len, NULL);
  return g_ptr_array_index (self->framework->attributes, attribute);
}

static TrellisPogLevel *
get_scale_level (TrellisPogGroup *self,
                 guint            level)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  g_return_val_if_fail (level < self->framework->levels->len, NULL);
  return g_ptr_array_index (self->framework->levels, level);
}

static GroupStudent *
get_student (TrellisPogGroup *self,
             guint            student)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  g_return_val_if_fail (student < self->students->len, NULL);
  return &g_array_index (self->students, GroupStudent, student);
}

/* Overrides */

static void
trellis_pog_group_finalize (GObject *object)
{
  TrellisPogGroup *self = TRELLIS_POG_GROUP (object);

  g_clear_pointer (&self->framework, trellis_pog_framework_free);
  g_clear_pointer (&self->students, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->goals, g_free);

  G_OBJECT_CLASS (trellis_pog_group_parent_class)->finalize (object);
}

static void
trellis_pog_group_class_init (TrellisPogGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_pog_group_finalize;
}

static void
trellis_pog_group_init (TrellisPogGroup *self)
{
  self->students = g_array_new (FALSE, TRUE, sizeof (GroupStudent));
  g_array_set_clear_func (self->students, clear_student);
  self->rows = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/* Public API */

/**
 * trellis_pog_group_new:
 * @store: the store
 * @student_ids: (element-type gint64): the students, in the order to show them; duplicates are
 *   shown once, ids of deleted students as “(deleted student)” without levels
 * @now: the moment the 12-month window ends
 * @error: return location for a #GError
 *
 * Computes every student’s level and goal count per attribute in three queries, whatever the
 * size of the group. The group keeps pointers into @student_ids only while it is built.
 *
 * Returns: (transfer full): the group, or %NULL with @error set
 */
TrellisPogGroup *
trellis_pog_group_new (TrellisStore  *store,
                       GArray        *student_ids,
                       GDateTime     *now,
                       GError       **error)
{
  return trellis_pog_group_new_in_framework (store, student_ids, 0, now, error);
}

/**
 * trellis_pog_group_new_in_framework:
 * @store: a store
 * @student_ids: (element-type gint64): the students, in any order; duplicates are ignored
 * @framework_id: the framework to read the levels in, 0 for the one most of the students'
 *   plans use (as trellis_pog_group_new())
 * @now: today, for the rule's window
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the group, or %NULL with @error set
 */
TrellisPogGroup *
trellis_pog_group_new_in_framework (TrellisStore  *store,
                                    GArray        *student_ids,
                                    gint64         framework_id,
                                    GDateTime     *now,
                                    GError       **error)
{
  g_autoptr(TrellisPogGroup) self = NULL;
  g_autofree char *json = NULL;
  gsize n_cells;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (student_ids != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_POG_GROUP, NULL);
  json = ids_to_json (student_ids);
  if (!load_students (self, store, json, student_ids, &framework_id, error))
    return NULL;
  /* The hash table’s keys point into @student_ids; rekey them on our own copies. */
  g_hash_table_remove_all (self->rows);
  for (guint i = 0; i < self->students->len; i++)
    g_hash_table_insert (self->rows, &g_array_index (self->students, GroupStudent, i).id,
                         GUINT_TO_POINTER (i + 1));

  self->framework = trellis_pog_framework_load (store, framework_id, error);
  if (self->framework == NULL)
    return NULL;
  n_cells = (gsize) self->students->len * self->framework->attributes->len;
  self->levels = g_new (int, MAX (n_cells, 1));
  for (gsize i = 0; i < n_cells; i++)
    self->levels[i] = -1;
  self->goals = g_new0 (guint, MAX (n_cells, 1));
  if (!load_levels (self, store, json, now, error) || !load_goal_counts (self, store, json, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
trellis_pog_group_get_framework_id (TrellisPogGroup *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  return self->framework->framework_id;
}

const char *
trellis_pog_group_get_framework_title (TrellisPogGroup *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  return self->framework->framework_title;
}

guint
trellis_pog_group_get_n_levels (TrellisPogGroup *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  return self->framework->levels->len;
}

const char *
trellis_pog_group_get_level_title (TrellisPogGroup *self,
                                   guint            level)
{
  TrellisPogLevel *l = get_scale_level (self, level);

  return l != NULL ? l->title : NULL;
}

const char *
trellis_pog_group_get_level_color (TrellisPogGroup *self,
                                   guint            level)
{
  TrellisPogLevel *l = get_scale_level (self, level);

  return l != NULL ? l->color : NULL;
}

guint
trellis_pog_group_get_n_attributes (TrellisPogGroup *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  return self->framework->attributes->len;
}

const char *
trellis_pog_group_get_attribute_title (TrellisPogGroup *self,
                                       guint            attribute)
{
  TrellisPogAttribute *a = get_attribute (self, attribute);

  return a != NULL ? a->title : NULL;
}

const char *
trellis_pog_group_get_attribute_color (TrellisPogGroup *self,
                                       guint            attribute)
{
  TrellisPogAttribute *a = get_attribute (self, attribute);

  return a != NULL ? a->color : NULL;
}

guint
trellis_pog_group_get_n_students (TrellisPogGroup *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  return self->students->len;
}

gint64
trellis_pog_group_get_student_id (TrellisPogGroup *self,
                                  guint            student)
{
  GroupStudent *s = get_student (self, student);

  return s != NULL ? s->id : 0;
}

const char *
trellis_pog_group_get_student_name (TrellisPogGroup *self,
                                    guint            student)
{
  GroupStudent *s = get_student (self, student);

  return s != NULL ? s->name : NULL;
}

/**
 * trellis_pog_group_get_student_in_framework:
 * @self: a group
 * @student: the student’s row in the group
 *
 * Returns: %FALSE when the student’s current plan uses another framework than the group’s, so
 *   their levels cannot be shown in it
 */
gboolean
trellis_pog_group_get_student_in_framework (TrellisPogGroup *self,
                                            guint            student)
{
  GroupStudent *s = get_student (self, student);

  return s != NULL && s->in_framework;
}

/**
 * trellis_pog_group_get_level:
 * @self: a group
 * @student: the student’s row
 * @attribute: the attribute’s index
 *
 * Returns: the index in the scale (lowest first) of the level reached, -1 for none
 */
int
trellis_pog_group_get_level (TrellisPogGroup *self,
                             guint            student,
                             guint            attribute)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), -1);
  g_return_val_if_fail (student < self->students->len, -1);
  g_return_val_if_fail (attribute < self->framework->attributes->len, -1);
  return self->levels[cell (self, student, attribute)];
}

/**
 * trellis_pog_group_get_level_title_at:
 * @self: a group
 * @student: the student’s row
 * @attribute: the attribute’s index
 *
 * Returns: (nullable): the title of the level reached, %NULL for none
 */
const char *
trellis_pog_group_get_level_title_at (TrellisPogGroup *self,
                                      guint            student,
                                      guint            attribute)
{
  TrellisPogLevel *level;

  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  level = level_at (self, student, attribute);
  return level != NULL ? level->title : NULL;
}

int
trellis_pog_group_get_level_value (TrellisPogGroup *self,
                                   guint            student,
                                   guint            attribute)
{
  TrellisPogLevel *level;

  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  level = level_at (self, student, attribute);
  return level != NULL ? level->value : 0;
}

guint
trellis_pog_group_get_goal_count (TrellisPogGroup *self,
                                  guint            student,
                                  guint            attribute)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  g_return_val_if_fail (student < self->students->len, 0);
  g_return_val_if_fail (attribute < self->framework->attributes->len, 0);
  return self->goals[cell (self, student, attribute)];
}

/**
 * trellis_pog_group_dup_cell_description:
 * @self: a group
 * @student: the student’s row
 * @attribute: the attribute’s index
 *
 * Returns: (transfer full): the sentence a screen reader says for the cell, as for one
 *   student’s map
 */
char *
trellis_pog_group_dup_cell_description (TrellisPogGroup *self,
                                        guint            student,
                                        guint            attribute)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), NULL);
  g_return_val_if_fail (student < self->students->len, NULL);
  g_return_val_if_fail (attribute < self->framework->attributes->len, NULL);

  return trellis_pog_describe (get_attribute (self, attribute)->title,
                               trellis_pog_group_get_level_title_at (self, student, attribute),
                               trellis_pog_group_get_goal_count (self, student, attribute));
}

/**
 * trellis_pog_group_get_student_grade:
 * @self: a group
 * @student: a row, below trellis_pog_group_get_n_students()
 *
 * Returns: the student's grade level (-1 pre-K, 0 kindergarten, 1 to 12)
 */
int
trellis_pog_group_get_student_grade (TrellisPogGroup *self,
                                     guint            student)
{
  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), 0);
  g_return_val_if_fail (student < self->students->len, 0);

  return g_array_index (self->students, GroupStudent, student).grade_level;
}

/**
 * trellis_pog_group_get_student_homeroom:
 * @self: a group
 * @student: a row, below trellis_pog_group_get_n_students()
 *
 * Returns: the student's homeroom, “” when none
 */
const char *
trellis_pog_group_get_student_homeroom (TrellisPogGroup *self,
                                        guint            student)
{
  const char *homeroom;

  g_return_val_if_fail (TRELLIS_IS_POG_GROUP (self), "");
  g_return_val_if_fail (student < self->students->len, "");

  homeroom = g_array_index (self->students, GroupStudent, student).homeroom;
  return homeroom != NULL ? homeroom : "";
}
