/* trellis-plan-workflow.c — the rules of plans: status, school years, goal order, notes, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-plan-workflow"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-plan-workflow.h"
#include "trellis-store-private.h"
#include "trellis-vocabulary.h"

/* The legal moves of a plan's status; everything else is refused. */
static const struct {
  const char *from;
  const char *to;
} transitions[] = {
  { "draft", "active" },
  { "active", "in-review" },
  { "in-review", "active" },
  { "in-review", "completed" },
  { "completed", "archived" },
};

/* Helpers */

static const char *
status_label (const char *status)
{
  return trellis_vocabulary_label (trellis_plan_statuses, status);
}

static char *
dup_stored_status (TrellisStore  *store,
                   TrellisPlan   *plan,
                   GError       **error)
{
  g_autoptr(TrellisPlan) stored = trellis_store_load (store, TRELLIS_TYPE_PLAN,
                                                      trellis_entity_get_id (TRELLIS_ENTITY (plan)),
                                                      error);

  if (stored == NULL)
    return NULL;
  return g_strdup (trellis_entity_get_text (TRELLIS_ENTITY (stored), "status"));
}

/* Sets the status with who and when; on failure the plan object is put back as it was. */
static gboolean
apply_status (TrellisStore  *store,
              TrellisPlan   *plan,
              const char    *to,
              const char    *reviewer,
              GError       **error)
{
  g_autoptr(TrellisEntity) before = trellis_entity_copy (TRELLIS_ENTITY (plan));
  g_autofree char *from = dup_stored_status (store, plan, error);
  g_autofree char *now = NULL;

  if (from == NULL)
    return FALSE;
  if (!trellis_plan_workflow_can_transition (from, to))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("A plan cannot go from “%s” to “%s”; its status was not changed."),
                   status_label (from), status_label (to));
      return FALSE;
    }

  now = trellis_now_iso8601 ();
  g_object_set (plan,
                "status", to,
                "status-changed-at", now,
                "status-changed-by", trellis_store_get_editor_name (store),
                NULL);
  if (reviewer != NULL)
    g_object_set (plan, "reviewer", reviewer, NULL);

  if (!trellis_store_save (store, TRELLIS_ENTITY (plan), error))
    {
      g_object_set (plan,
                    "status", trellis_entity_get_text (before, "status"),
                    "status-changed-at", trellis_entity_get_text (before, "status-changed-at"),
                    "status-changed-by", trellis_entity_get_text (before, "status-changed-by"),
                    "reviewer", trellis_entity_get_text (before, "reviewer"),
                    NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  return *g_strstrip (copy) == '\0';
}

/* The next free position among a parent's children. */
static int
next_position (TrellisStore *store,
               const char   *sql,
               gint64        parent_id)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);
  int position = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return position;
}

/* Inserts @entity and returns it as stored (empty texts are "" rather than NULL). */
static gpointer
insert_and_reload (TrellisStore   *store,
                   TrellisEntity  *entity,
                   GError        **error)
{
  if (!trellis_store_insert (store, entity, error))
    return NULL;
  return trellis_store_load (store, G_OBJECT_TYPE (entity), trellis_entity_get_id (entity), error);
}

/* A new record with the same field values but no identity, for carrying over. */
static TrellisEntity *
copy_as_new (TrellisEntity *entity)
{
  TrellisEntity *copy = trellis_entity_copy (entity);

  trellis_entity_set_identity (copy, 0, NULL, NULL, NULL, NULL, NULL);
  return copy;
}

static gboolean
copy_goal (TrellisStore  *store,
           TrellisGoal   *goal,
           TrellisPlan   *new_plan,
           int            position,
           GError       **error)
{
  g_autoptr(TrellisEntity) copy = copy_as_new (TRELLIS_ENTITY (goal));
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GArray) competencies = NULL;
  gint64 old_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  gint64 new_id;
  sqlite3_stmt *stmt;

  g_object_set (copy,
                "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (new_plan)),
                "position", position,
                NULL);
  if (!trellis_store_insert (store, copy, error))
    return FALSE;
  new_id = trellis_entity_get_id (copy);

  steps = trellis_store_list (store, TRELLIS_TYPE_ACTION_STEP, "goal-id", old_id, error);
  if (steps == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(TrellisEntity) step = g_list_model_get_item (steps, i);
      g_autoptr(TrellisEntity) step_copy = copy_as_new (step);

      g_object_set (step_copy, "goal-id", new_id, "done-at", NULL, NULL);
      if (!trellis_store_insert (store, step_copy, error))
        return FALSE;
    }

  /* Only competencies of the new plan's framework can be linked to its goals. */
  competencies = trellis_store_list_goal_competencies (store, old_id, error);
  if (competencies == NULL)
    return FALSE;
  for (guint i = 0; i < competencies->len; i++)
    {
      gint64 competency_id = g_array_index (competencies, gint64, i);
      gint64 framework_id = 0;

      stmt = trellis_store_prepare (store,
                                    "SELECT a.framework_id FROM competency c "
                                    "JOIN attribute a ON a.id = c.attribute_id WHERE c.id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, competency_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        framework_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (framework_id != trellis_entity_get_reference (TRELLIS_ENTITY (new_plan), "framework-id"))
        continue;
      if (!trellis_store_link_competency (store, new_id, competency_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_note_author (TrellisStore  *store,
                   TrellisNote   *note,
                   GDateTime     *now,
                   gboolean       deleting,
                   GError       **error)
{
  TrellisEntity *entity = TRELLIS_ENTITY (note);
  const char *author = trellis_entity_get_text (entity, "author-name");
  const char *role = trellis_entity_get_text (entity, "author-role");
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  if (g_strcmp0 (author, trellis_store_get_editor_name (store)) != 0 ||
      g_strcmp0 (role, trellis_store_get_editor_role (store)) != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   deleting ? _("Only the note’s author, %s (%s), may delete it; nothing was deleted.")
                            : _("Only the note’s author, %s (%s), may change it. Add a new note "
                                "instead; nothing was changed."),
                   author, trellis_vocabulary_label (trellis_roles, role));
      return FALSE;
    }

  created = g_date_time_new_from_iso8601 (trellis_entity_get_created_at (entity), NULL);
  if (created == NULL ||
      g_date_time_difference (current, created) > TRELLIS_NOTE_EDIT_WINDOW_MINUTES * G_TIME_SPAN_MINUTE)
    {
      if (deleting)
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "A note can only be deleted within %d minute of writing it, so "
                                  "the record can be trusted; nothing was deleted.",
                                  "A note can only be deleted within %d minutes of writing it, so "
                                  "the record can be trusted; nothing was deleted.",
                                  TRELLIS_NOTE_EDIT_WINDOW_MINUTES),
                     TRELLIS_NOTE_EDIT_WINDOW_MINUTES);
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "A note can only be changed within %d minute of writing it, so "
                                  "the record can be trusted. Add a new note instead; nothing was "
                                  "changed.",
                                  "A note can only be changed within %d minutes of writing it, so "
                                  "the record can be trusted. Add a new note instead; nothing was "
                                  "changed.",
                                  TRELLIS_NOTE_EDIT_WINDOW_MINUTES),
                     TRELLIS_NOTE_EDIT_WINDOW_MINUTES);
      return FALSE;
    }
  return TRUE;
}

static GArray *
list_goal_ids (TrellisStore  *store,
               gint64         plan_id,
               GError       **error)
{
  g_autoptr(GListModel) goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, "plan-id", plan_id, error);
  GArray *ids;

  if (goals == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(TrellisEntity) goal = g_list_model_get_item (goals, i);
      gint64 id = trellis_entity_get_id (goal);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
chip_clear (gpointer data)
{
  TrellisGoalChip *chip = data;

  g_free (chip->code);
  g_free (chip->title);
  g_free (chip->color);
}

/* Public API */

/**
 * trellis_plan_workflow_can_transition:
 * @from: the current status
 * @to: the wished status
 *
 * Returns: whether draft → active → in review → completed → archived (or in review back to
 *   active) allows the move
 */
gboolean
trellis_plan_workflow_can_transition (const char *from,
                                      const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0 && g_strcmp0 (transitions[i].to, to) == 0)
      return TRUE;
  return FALSE;
}

/**
 * trellis_plan_workflow_transition:
 * @store: a store
 * @plan: a stored plan
 * @to: the new status, one of `trellis_plan_statuses`
 * @error: return location for a #GError
 *
 * Moves the plan to @to, recording who did it and when (and a history row).
 *
 * Returns: %FALSE with %TRELLIS_ERROR_INVALID naming both statuses when the move is not allowed
 */
gboolean
trellis_plan_workflow_transition (TrellisStore  *store,
                                  TrellisPlan   *plan,
                                  const char    *to,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), FALSE);

  if (g_strcmp0 (to, "in-review") == 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("A review needs a reviewer: use “Request Review” and name them; "
                             "the status was not changed."));
      return FALSE;
    }
  return apply_status (store, plan, to, NULL, error);
}

gboolean
trellis_plan_workflow_activate (TrellisStore  *store,
                                TrellisPlan   *plan,
                                GError       **error)
{
  return trellis_plan_workflow_transition (store, plan, "active", error);
}

/**
 * trellis_plan_workflow_request_review:
 * @store: a store
 * @plan: an active plan
 * @reviewer: the teacher or counselor asked to review it
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set, nothing changed, when the plan is not active or no reviewer
 *   is named
 */
gboolean
trellis_plan_workflow_request_review (TrellisStore  *store,
                                      TrellisPlan   *plan,
                                      const char    *reviewer,
                                      GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (reviewer ? reviewer : ""));

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), FALSE);

  if (*name == '\0')
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Name the teacher or counselor who will review the plan; "
                             "the status was not changed."));
      return FALSE;
    }
  return apply_status (store, plan, "in-review", name, error);
}

/**
 * trellis_plan_workflow_return_to_active:
 * @store: a store
 * @plan: a plan in review
 * @note: what the reviewer asks for; added to the plan's notes
 * @error: return location for a #GError
 *
 * The status change and the note are one transaction.
 *
 * Returns: %FALSE with @error set, nothing changed, on failure
 */
gboolean
trellis_plan_workflow_return_to_active (TrellisStore  *store,
                                        TrellisPlan   *plan,
                                        const char    *note,
                                        GError       **error)
{
  g_autoptr(TrellisNote) added = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), FALSE);

  if (is_blank (note))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Say what should change before the plan goes back to active; "
                             "the status was not changed."));
      return FALSE;
    }
  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!apply_status (store, plan, "active", NULL, error))
    return trellis_store_rollback_failed (store);
  added = trellis_plan_workflow_add_note (store, trellis_entity_get_id (TRELLIS_ENTITY (plan)), 0,
                                          note, error);
  if (added == NULL)
    return trellis_store_rollback_failed (store);
  return trellis_store_commit (store, error);
}

gboolean
trellis_plan_workflow_complete (TrellisStore  *store,
                                TrellisPlan   *plan,
                                GError       **error)
{
  return trellis_plan_workflow_transition (store, plan, "completed", error);
}

gboolean
trellis_plan_workflow_archive (TrellisStore  *store,
                               TrellisPlan   *plan,
                               GError       **error)
{
  return trellis_plan_workflow_transition (store, plan, "archived", error);
}

/**
 * trellis_plan_workflow_is_read_only:
 * @plan: a plan
 *
 * Returns: %TRUE once the plan is completed or archived: its record is kept as it was
 */
gboolean
trellis_plan_workflow_is_read_only (TrellisPlan *plan)
{
  const char *status;

  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), TRUE);

  status = trellis_entity_get_text (TRELLIS_ENTITY (plan), "status");
  return g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "archived") == 0;
}

/**
 * trellis_school_year_display:
 * @school_year: a school year as stored, `2026-2027`
 *
 * Returns: (transfer full): the year as people read it, with an en dash: `2026–2027`; any
 *   other text unchanged
 */
char *
trellis_school_year_display (const char *school_year)
{
  g_auto(GStrv) years = g_strsplit (school_year ? school_year : "", "-", 2);

  if (g_strv_length (years) != 2)
    return g_strdup (school_year ? school_year : "");
  return g_strdup_printf ("%s–%s", years[0], years[1]);
}

/**
 * trellis_plan_dup_display_title:
 * @plan: a plan
 *
 * A plan stores a title only when someone typed one; otherwise its title is made here, in
 * the language of the user interface, so that a plan started in English reads in Spanish
 * on a Spanish desktop.
 *
 * Returns: (transfer full): the plan's own title, or “Learning plan 2026–2027”
 */
char *
trellis_plan_dup_display_title (TrellisPlan *plan)
{
  const char *title;
  g_autofree char *year = NULL;

  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), NULL);

  title = trellis_entity_get_text (TRELLIS_ENTITY (plan), "title");
  if (*title != '\0')
    return g_strdup (title);
  year = trellis_school_year_display (trellis_entity_get_text (TRELLIS_ENTITY (plan), "school-year"));
  /* Translators: the title of a plan nobody named; %s is the school year, “2026–2027” */
  return g_strdup_printf (_("Learning plan %s"), year);
}

/**
 * trellis_school_year_next:
 * @school_year: a valid school year, `2026-2027`
 *
 * Returns: (transfer full) (nullable): `2027-2028`, or %NULL when @school_year is not valid
 */
char *
trellis_school_year_next (const char *school_year)
{
  guint64 first;

  if (!trellis_is_valid_school_year (school_year))
    return NULL;
  first = g_ascii_strtoull (school_year, NULL, 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, first + 1, first + 2);
}

/**
 * trellis_plan_workflow_find_plan:
 * @store: a store
 * @student_id: a student
 * @school_year: e.g. `2026-2027`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the student's plan for that year; %NULL without an
 *   error when there is none
 */
TrellisPlan *
trellis_plan_workflow_find_plan (TrellisStore  *store,
                                 gint64         student_id,
                                 const char    *school_year,
                                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  stmt = trellis_store_prepare (store, "SELECT id FROM plan WHERE student_id = ? AND school_year = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_text (stmt, 2, school_year, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    return NULL;
  return trellis_store_load (store, TRELLIS_TYPE_PLAN, id, error);
}

/**
 * trellis_plan_workflow_start_plan:
 * @store: a store
 * @student_id: a student
 * @school_year: the year of the new plan
 * @error: return location for a #GError
 *
 * Creates a draft plan on the school's default framework.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set when the student
 *   already has a plan for that year
 */
TrellisPlan *
trellis_plan_workflow_start_plan (TrellisStore  *store,
                                  gint64         student_id,
                                  const char    *school_year,
                                  GError       **error)
{
  g_autoptr(TrellisPlan) existing = NULL;
  g_autoptr(TrellisPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 framework_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  existing = trellis_plan_workflow_find_plan (store, student_id, school_year, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (existing != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("This student already has a plan for %s; a student has one plan per school "
                     "year. Nothing was added."), school_year);
      return NULL;
    }

  /* No title is stored: the page and the printout name the plan in their own language
   * (trellis_plan_dup_display_title()). */
  framework_id = trellis_store_get_default_framework (store);
  plan = g_object_new (TRELLIS_TYPE_PLAN,
                       "student-id", student_id,
                       "school-year", school_year,
                       "framework-id", framework_id,
                       NULL);
  return insert_and_reload (store, TRELLIS_ENTITY (plan), error);
}

/**
 * trellis_plan_workflow_start_next_year:
 * @store: a store
 * @plan: last year's plan; it keeps its record unchanged
 * @goal_ids: (array length=n_goal_ids): goals of @plan to carry over, none achieved
 * @n_goal_ids: how many
 * @error: return location for a #GError
 *
 * Creates the plan of the following school year and copies the chosen goals into it with
 * their action steps (not done) and competency links, all in one transaction.
 *
 * Returns: (transfer full) (nullable): the new plan, or %NULL with @error set and nothing
 *   changed
 */
TrellisPlan *
trellis_plan_workflow_start_next_year (TrellisStore  *store,
                                       TrellisPlan   *plan,
                                       const gint64  *goal_ids,
                                       guint          n_goal_ids,
                                       GError       **error)
{
  g_autofree char *next_year = NULL;
  g_autoptr(TrellisPlan) next = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 plan_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (goal_ids != NULL || n_goal_ids == 0, NULL);

  plan_id = trellis_entity_get_id (TRELLIS_ENTITY (plan));
  next_year = trellis_school_year_next (trellis_entity_get_text (TRELLIS_ENTITY (plan), "school-year"));
  if (next_year == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("The plan has no valid school year, so the next one is unknown; "
                             "nothing was added."));
      return NULL;
    }

  for (guint i = 0; i < n_goal_ids; i++)
    {
      TrellisGoal *goal = trellis_store_load (store, TRELLIS_TYPE_GOAL, goal_ids[i], error);

      if (goal == NULL)
        return NULL;
      g_ptr_array_add (goals, goal);
      if (trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id") != plan_id)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("The goal “%s” belongs to another plan and cannot be carried over; "
                         "nothing was added."), trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"));
          return NULL;
        }
      if (g_strcmp0 (trellis_entity_get_text (TRELLIS_ENTITY (goal), "status"), "achieved") == 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("The goal “%s” was achieved, so it stays in last year’s plan; "
                         "nothing was added."), trellis_entity_get_text (TRELLIS_ENTITY (goal), "title"));
          return NULL;
        }
    }

  if (!trellis_store_begin (store, error))
    return NULL;
  next = trellis_plan_workflow_start_plan (store,
                                           trellis_entity_get_reference (TRELLIS_ENTITY (plan), "student-id"),
                                           next_year, error);
  if (next == NULL)
    {
      trellis_store_rollback (store);
      return NULL;
    }
  for (guint i = 0; i < goals->len; i++)
    if (!copy_goal (store, goals->pdata[i], next, (int) i, error))
      {
        trellis_store_rollback (store);
        return NULL;
      }
  if (!trellis_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&next);
}

/**
 * trellis_plan_workflow_add_goal:
 * @store: a store
 * @plan: a plan
 * @title: the goal's title
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new goal, last in the plan
 */
TrellisGoal *
trellis_plan_workflow_add_goal (TrellisStore  *store,
                                TrellisPlan   *plan,
                                const char    *title,
                                GError       **error)
{
  g_autoptr(TrellisGoal) goal = NULL;
  gint64 plan_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), NULL);

  plan_id = trellis_entity_get_id (TRELLIS_ENTITY (plan));
  goal = g_object_new (TRELLIS_TYPE_GOAL,
                       "plan-id", plan_id,
                       "title", title,
                       "position", next_position (store, "SELECT coalesce(max(position) + 1, 0) "
                                                         "FROM goal WHERE plan_id = ?", plan_id),
                       NULL);
  return insert_and_reload (store, TRELLIS_ENTITY (goal), error);
}

/**
 * trellis_plan_workflow_add_step:
 * @store: a store
 * @goal: a goal
 * @text: what to do
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new step, last of the goal
 */
TrellisActionStep *
trellis_plan_workflow_add_step (TrellisStore  *store,
                                TrellisGoal   *goal,
                                const char    *text,
                                GError       **error)
{
  g_autoptr(TrellisActionStep) step = NULL;
  gint64 goal_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), NULL);

  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  step = g_object_new (TRELLIS_TYPE_ACTION_STEP,
                       "goal-id", goal_id,
                       "text", text,
                       "position", next_position (store, "SELECT coalesce(max(position) + 1, 0) "
                                                         "FROM action_step WHERE goal_id = ?", goal_id),
                       NULL);
  return insert_and_reload (store, TRELLIS_ENTITY (step), error);
}

/**
 * trellis_plan_workflow_move_goal:
 * @store: a store
 * @goal: a stored goal
 * @index: its new place among the plan's goals (clamped to the last)
 * @error: return location for a #GError
 *
 * Rewrites the positions of the plan's goals in one transaction.
 *
 * Returns: %FALSE with @error set, order unchanged, on failure
 */
gboolean
trellis_plan_workflow_move_goal (TrellisStore  *store,
                                 TrellisGoal   *goal,
                                 guint          index,
                                 GError       **error)
{
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  TrellisEntity *moved = NULL;
  gint64 goal_id;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), FALSE);

  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, "plan-id",
                              trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id"), error);
  if (goals == NULL)
    return FALSE;

  n = g_list_model_get_n_items (goals);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *item = g_list_model_get_item (goals, i);

      if (trellis_entity_get_id (item) == goal_id)
        moved = item;
      else
        g_ptr_array_add (order, item);
    }
  if (moved == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                           _("The goal is no longer in its plan; the order was not changed."));
      return FALSE;
    }
  /* The positions as stored now, not as @goal last saw them: moving is never a conflict. */
  g_ptr_array_insert (order, MIN (index, order->len), moved);

  if (!trellis_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      TrellisEntity *item = order->pdata[i];

      if (trellis_entity_get_int (item, "position") == (int) i)
        continue;
      g_object_set (item, "position", (int) i, NULL);
      if (!trellis_store_save (store, item, error))
        return trellis_store_rollback_failed (store);
    }
  if (!trellis_store_commit (store, error))
    return FALSE;
  g_object_set (goal, "position", trellis_entity_get_int (moved, "position"), NULL);
  trellis_entity_set_base (TRELLIS_ENTITY (goal), moved);
  return TRUE;
}

/**
 * trellis_plan_workflow_move_goal_by:
 * @store: a store
 * @goal: a stored goal
 * @delta: -1 to move it up, 1 to move it down
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set on failure; moving the first goal up does nothing
 */
gboolean
trellis_plan_workflow_move_goal_by (TrellisStore  *store,
                                    TrellisGoal   *goal,
                                    int            delta,
                                    GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 goal_id;
  int index = -1;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), FALSE);

  goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  ids = list_goal_ids (store, trellis_entity_get_reference (TRELLIS_ENTITY (goal), "plan-id"), error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == goal_id)
      index = (int) i;
  if (index < 0 || index + delta < 0 || index + delta >= (int) ids->len)
    return TRUE;
  return trellis_plan_workflow_move_goal (store, goal, (guint) (index + delta), error);
}

/**
 * trellis_plan_workflow_set_step_done:
 * @store: a store
 * @step: an action step
 * @done: whether it is done
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_plan_workflow_set_step_done (TrellisStore       *store,
                                     TrellisActionStep  *step,
                                     gboolean            done,
                                     GError            **error)
{
  g_autofree char *now = NULL;
  const char *done_at;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ACTION_STEP (step), FALSE);

  done_at = trellis_entity_get_text (TRELLIS_ENTITY (step), "done-at");
  if ((done_at != NULL) == done)
    return TRUE;
  now = done ? trellis_now_iso8601 () : NULL;
  g_object_set (step, "done-at", now, NULL);
  if (!trellis_store_save (store, TRELLIS_ENTITY (step), error))
    {
      g_object_set (step, "done-at", done ? NULL : done_at, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_plan_workflow_add_note:
 * @store: a store
 * @plan_id: the plan
 * @goal_id: the goal, or 0 for a note on the whole plan
 * @body: the note
 * @error: return location for a #GError
 *
 * Adds a note by the current editor (name and role).
 *
 * Returns: (transfer full) (nullable): the note, or %NULL with @error set
 */
TrellisNote *
trellis_plan_workflow_add_note (TrellisStore  *store,
                                gint64         plan_id,
                                gint64         goal_id,
                                const char    *body,
                                GError       **error)
{
  g_autoptr(TrellisNote) note = NULL;
  const char *author;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  author = trellis_store_get_editor_name (store);
  if (is_blank (author))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("A note needs an author: say who is writing (name and role) first; "
                             "the note was not added."));
      return NULL;
    }
  if (is_blank (body))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("The note is empty; nothing was added."));
      return NULL;
    }
  note = g_object_new (TRELLIS_TYPE_NOTE,
                       "plan-id", plan_id,
                       "goal-id", goal_id,
                       "author-name", author,
                       "author-role", trellis_store_get_editor_role (store),
                       "body", body,
                       NULL);
  return insert_and_reload (store, TRELLIS_ENTITY (note), error);
}

/**
 * trellis_plan_workflow_list_plan_notes:
 * @store: a store
 * @plan_id: a plan
 * @error: return location for a #GError
 *
 * The notes on the plan as a whole (not on one of its goals), oldest first.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TrellisNote
 */
GListModel *
trellis_plan_workflow_list_plan_notes (TrellisStore  *store,
                                       gint64         plan_id,
                                       GError       **error)
{
  g_autofree char *columns = trellis_store_select_columns (TRELLIS_TYPE_NOTE);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM note WHERE plan_id = ? AND goal_id IS NULL "
                                          "ORDER BY id", columns);
  g_autoptr(GListStore) notes = g_list_store_new (TRELLIS_TYPE_NOTE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  stmt = trellis_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrellisEntity) note = trellis_store_entity_from_row (TRELLIS_TYPE_NOTE, stmt);
      g_list_store_append (notes, note);
    }
  if (!trellis_store_finish_statement (store, stmt, rc, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&notes));
}

/**
 * trellis_plan_workflow_can_edit_note:
 * @store: a store; its editor is who wants to change the note
 * @note: a stored note
 * @now: (nullable): the time to judge by, %NULL for now
 * @error: return location for a #GError
 *
 * Notes are a record people rely on: only their author may change them, and only within
 * %TRELLIS_NOTE_EDIT_WINDOW_MINUTES of writing them.
 *
 * Returns: %TRUE when the current editor may change @note, else %FALSE with @error saying why
 */
gboolean
trellis_plan_workflow_can_edit_note (TrellisStore  *store,
                                     TrellisNote   *note,
                                     GDateTime     *now,
                                     GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NOTE (note), FALSE);

  return check_note_author (store, note, now, FALSE, error);
}

/**
 * trellis_plan_workflow_edit_note:
 * @store: a store
 * @note: a stored note
 * @body: the corrected text
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set, the note unchanged, when the rules refuse or @body is empty
 */
gboolean
trellis_plan_workflow_edit_note (TrellisStore  *store,
                                 TrellisNote   *note,
                                 const char    *body,
                                 GError       **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NOTE (note), FALSE);

  if (!check_note_author (store, note, NULL, FALSE, error))
    return FALSE;
  before = g_strdup (trellis_entity_get_text (TRELLIS_ENTITY (note), "body"));
  g_object_set (note, "body", body, NULL);
  if (!trellis_store_save (store, TRELLIS_ENTITY (note), error))
    {
      g_object_set (note, "body", before, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_plan_workflow_delete_note:
 * @store: a store
 * @note: a stored note
 * @snapshot: (out) (optional) (transfer full): for Undo
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set, nothing deleted, when the note rules refuse
 */
gboolean
trellis_plan_workflow_delete_note (TrellisStore     *store,
                                   TrellisNote      *note,
                                   TrellisSnapshot **snapshot,
                                   GError          **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_NOTE (note), FALSE);

  if (!check_note_author (store, note, NULL, TRUE, error))
    return FALSE;
  return trellis_store_delete (store, TRELLIS_ENTITY (note), snapshot, error);
}

/**
 * trellis_plan_workflow_today:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`
 */
char *
trellis_plan_workflow_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Whether the date @date (`YYYY-MM-DD`) is set and before @today (an unset date is NULL). */
static gboolean
is_before (const char *date,
           const char *today)
{
  return date != NULL && today != NULL && strcmp (date, today) < 0;
}

/**
 * trellis_plan_workflow_step_is_overdue:
 * @step: an action step
 * @today: today as `YYYY-MM-DD`
 *
 * Returns: %TRUE when the step is not done and its due date is before @today
 */
gboolean
trellis_plan_workflow_step_is_overdue (TrellisActionStep *step,
                                       const char        *today)
{
  const char *due;

  g_return_val_if_fail (TRELLIS_IS_ACTION_STEP (step), FALSE);

  due = trellis_entity_get_text (TRELLIS_ENTITY (step), "due-date");
  return trellis_entity_get_text (TRELLIS_ENTITY (step), "done-at") == NULL && is_before (due, today);
}

/**
 * trellis_plan_workflow_check_location:
 * @location: where a piece of evidence is, as typed: a file or a web address
 * @error: return location for a #GError
 *
 * Evidence points at a file (a path from the root, or a `file://` address) or at a web
 * address with a server (`https://…`, `smb://server/share/…`); nothing is fine too. A
 * folder name or words (“Google Drive folder Math”) are neither, and nothing could open them.
 *
 * Returns: %FALSE with %TRELLIS_ERROR_INVALID when @location is not empty and not one of those
 */
gboolean
trellis_plan_workflow_check_location (const char  *location,
                                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = g_strstrip (g_strdup (location ? location : ""));

  if (*text == '\0' || g_path_is_absolute (text))
    return TRUE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && (g_strcmp0 (g_uri_get_scheme (uri), "file") == 0 ||
                      (g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')))
    return TRUE;
  if (strchr (text, ' ') == NULL && strchr (text, '.') != NULL && uri == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 /* Translators: %s is what was typed, e.g. “www.example.org/work” */
                 _("“%s” needs its beginning: web addresses start with https://, as in https://%s"), text, text);
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("“%s” is not a web address or a file. Paste the whole address (https://…) or choose a file."),
                 text);
  return FALSE;
}

/**
 * trellis_plan_workflow_location_is_missing_file:
 * @location: where a piece of evidence is
 *
 * Returns: %TRUE when @location names a file (a path from the root or a `file://` address)
 *   that is not there; web addresses are not checked (there may be no network)
 */
gboolean
trellis_plan_workflow_location_is_missing_file (const char *location)
{
  g_autoptr(GFile) file = NULL;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "file://"))
    file = g_file_new_for_uri (location);
  else if (g_path_is_absolute (location))
    file = g_file_new_for_path (location);
  return file != NULL && !g_file_query_exists (file, NULL);
}

/* Goals still being worked on; the others are reached, revised or set aside. */
static gboolean
goal_is_open (TrellisGoal *goal)
{
  const char *status = trellis_entity_get_text (TRELLIS_ENTITY (goal), "status");

  return g_strcmp0 (status, "not-started") == 0 || g_strcmp0 (status, "in-progress") == 0;
}

/**
 * trellis_plan_workflow_goal_is_overdue:
 * @goal: a goal
 * @today: today as `YYYY-MM-DD`
 *
 * Returns: %TRUE when the goal is still open (not started or in progress) and its target
 *   date is before @today
 */
gboolean
trellis_plan_workflow_goal_is_overdue (TrellisGoal *goal,
                                       const char  *today)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), FALSE);

  return goal_is_open (goal) && is_before (trellis_entity_get_text (TRELLIS_ENTITY (goal), "target-date"), today);
}

/**
 * trellis_plan_workflow_suggest_status:
 * @goal: a goal
 * @progress: its steps
 *
 * What the goal's status could now be, to offer rather than to set: “achieved” when every
 * step is done, “in-progress” when a step is done on a goal not started.
 *
 * Returns: (nullable): a value of #trellis_goal_statuses, or %NULL when the status fits
 */
const char *
trellis_plan_workflow_suggest_status (TrellisGoal               *goal,
                                      const TrellisGoalProgress *progress)
{
  const char *status;

  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), NULL);
  g_return_val_if_fail (progress != NULL, NULL);

  status = trellis_entity_get_text (TRELLIS_ENTITY (goal), "status");
  if (!goal_is_open (goal) || progress->steps_done == 0)
    return NULL;
  if (progress->steps_done == progress->steps_total)
    return "achieved";
  return g_strcmp0 (status, "not-started") == 0 ? "in-progress" : NULL;
}

/**
 * trellis_plan_workflow_goal_progress:
 * @store: a store
 * @goal_id: a goal
 * @progress: (out caller-allocates): its steps done, total and overdue
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_plan_workflow_goal_progress (TrellisStore         *store,
                                     gint64                goal_id,
                                     TrellisGoalProgress  *progress,
                                     GError              **error)
{
  g_autofree char *today = trellis_plan_workflow_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  stmt = trellis_store_prepare (store,
                                "SELECT count(*), count(nullif(done_at, '')), "
                                "sum(done_at = '' AND due_date <> '' AND due_date < ?) "
                                "FROM action_step WHERE goal_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, goal_id);
  *progress = (TrellisGoalProgress) { goal_id, 0, 0, 0 };
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      progress->steps_total = sqlite3_column_int (stmt, 0);
      progress->steps_done = sqlite3_column_int (stmt, 1);
      progress->steps_overdue = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * trellis_plan_workflow_list_progress:
 * @store: a store
 * @plan_id: a plan
 * @error: return location for a #GError
 *
 * The progress of every goal of a plan in one query (goals without steps are left out).
 *
 * Returns: (transfer full) (nullable): a #GArray of #TrellisGoalProgress
 */
GArray *
trellis_plan_workflow_list_progress (TrellisStore  *store,
                                     gint64         plan_id,
                                     GError       **error)
{
  g_autofree char *today = trellis_plan_workflow_today ();
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TrellisGoalProgress));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  stmt = trellis_store_prepare (store,
                                "SELECT s.goal_id, count(*), count(nullif(s.done_at, '')), "
                                "sum(s.done_at = '' AND s.due_date <> '' AND s.due_date < ?) "
                                "FROM action_step s JOIN goal g ON g.id = s.goal_id "
                                "WHERE g.plan_id = ? GROUP BY s.goal_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TrellisGoalProgress row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 2),
        sqlite3_column_int (stmt, 1),
        sqlite3_column_int (stmt, 3),
      };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/**
 * trellis_plan_workflow_list_chips:
 * @store: a store
 * @plan_id: a plan
 * @error: return location for a #GError
 *
 * The competencies linked to each goal of a plan, with their attribute's colour, in one query.
 *
 * Returns: (transfer full) (nullable): a #GArray of #TrellisGoalChip in framework order
 */
GArray *
trellis_plan_workflow_list_chips (TrellisStore  *store,
                                  gint64         plan_id,
                                  GError       **error)
{
  g_autoptr(GArray) chips = g_array_new (FALSE, TRUE, sizeof (TrellisGoalChip));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  g_array_set_clear_func (chips, chip_clear);
  stmt = trellis_store_prepare (store,
                                "SELECT gc.goal_id, c.id, c.code, c.title, a.color "
                                "FROM goal_competency gc JOIN goal g ON g.id = gc.goal_id "
                                "JOIN competency c ON c.id = gc.competency_id "
                                "JOIN attribute a ON a.id = c.attribute_id "
                                "WHERE g.plan_id = ? ORDER BY a.position, c.position, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TrellisGoalChip chip = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };
      g_array_append_val (chips, chip);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&chips);
}
