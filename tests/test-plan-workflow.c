/* test-plan-workflow.c — plan status, carry-over, goal order, competencies, evidence and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-competency.h"
#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-history-entry.h"
#include "trellis-level.h"
#include "trellis-plan-workflow.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

typedef struct {
  char           *dir;
  TrellisStore   *store;
  TrellisStudent *student;
  TrellisPlan    *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = trellis_test_open_store (&fixture->dir);
  fixture->student = g_object_new (TRELLIS_TYPE_STUDENT, "given-name", "Amara", "family-name", "Okafor", NULL);
  trellis_store_insert (fixture->store, TRELLIS_ENTITY (fixture->student), &error);
  g_assert_no_error (error);
  fixture->plan = trellis_plan_workflow_start_plan (fixture->store,
                                                    trellis_entity_get_id (TRELLIS_ENTITY (fixture->student)),
                                                    "2026-2027", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->plan);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->student);
  trellis_test_close_store (fixture->store, fixture->dir);
}

/* The first @n competency ids of the plan's framework. */
static GArray *
first_competencies (TrellisStore *store,
                    guint         n)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store,
                                              "SELECT c.id FROM competency c JOIN attribute a "
                                              "ON a.id = c.attribute_id ORDER BY a.position, c.position "
                                              "LIMIT ?", NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sqlite3_bind_int (stmt, 1, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (ids->len, ==, n);
  return ids;
}

static guint
count_history (TrellisStore *store,
               const char   *student_uuid,
               const char   *entity_uuid,
               const char   *field)
{
  g_autoptr(GListModel) history = trellis_store_list_history (store, student_uuid, NULL);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TrellisHistoryEntry) entry = g_list_model_get_item (history, i);

      if (g_strcmp0 (trellis_history_entry_get_entity_uuid (entry), entity_uuid) == 0 &&
          g_strcmp0 (trellis_history_entry_get_field (entry), field) == 0)
        count++;
    }
  return count;
}

static void
test_transitions_legal (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) stored = NULL;
  g_autoptr(GListModel) notes = NULL;
  TrellisEntity *plan = TRELLIS_ENTITY (fixture->plan);

  g_assert_cmpstr (trellis_entity_get_text (plan, "status"), ==, "draft");
  g_assert_cmpint (trellis_entity_get_reference (plan, "framework-id"), ==,
                   trellis_store_get_default_framework (fixture->store));

  trellis_store_set_editor (fixture->store, "Ms. Rivera", "teacher");
  g_assert_true (trellis_plan_workflow_activate (fixture->store, fixture->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_text (plan, "status-changed-by"), ==, "Ms. Rivera");
  g_assert_nonnull (trellis_entity_get_text (plan, "status-changed-at"));

  g_assert_true (trellis_plan_workflow_request_review (fixture->store, fixture->plan, "  Mr. Chen ", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_plan_workflow_return_to_active (fixture->store, fixture->plan,
                                                         "Please add a career goal.", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_plan_workflow_request_review (fixture->store, fixture->plan, "Mr. Chen", &error));
  trellis_store_set_editor (fixture->store, "Mr. Chen", "counselor");
  g_assert_true (trellis_plan_workflow_complete (fixture->store, fixture->plan, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_plan_workflow_is_read_only (fixture->plan));
  g_assert_true (trellis_plan_workflow_archive (fixture->store, fixture->plan, &error));
  g_assert_no_error (error);

  stored = trellis_store_load (fixture->store, TRELLIS_TYPE_PLAN, trellis_entity_get_id (plan), &error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "status"), ==, "archived");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "reviewer"), ==, "Mr. Chen");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "status-changed-by"), ==, "Mr. Chen");
  /* draft→active, →review, →active, →review, →completed, →archived: six status rows */
  g_assert_cmpuint (count_history (fixture->store, trellis_entity_get_uuid (TRELLIS_ENTITY (fixture->student)),
                                   trellis_entity_get_uuid (plan), "status"), ==, 6);

  notes = trellis_store_list (fixture->store, TRELLIS_TYPE_NOTE, "plan-id", trellis_entity_get_id (plan), &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  {
    g_autoptr(TrellisEntity) note = g_list_model_get_item (notes, 0);
    g_assert_cmpstr (trellis_entity_get_text (note, "body"), ==, "Please add a career goal.");
    g_assert_cmpstr (trellis_entity_get_text (note, "author-name"), ==, "Ms. Rivera");
  }
}

static void
test_transitions_illegal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) stored = NULL;
  TrellisEntity *plan = TRELLIS_ENTITY (fixture->plan);

  g_assert_false (trellis_plan_workflow_complete (fixture->store, fixture->plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Draft"));
  g_assert_nonnull (strstr (error->message, "Completed"));
  g_clear_error (&error);
  g_assert_cmpstr (trellis_entity_get_text (plan, "status"), ==, "draft");
  g_assert_null (trellis_entity_get_text (plan, "status-changed-at"));

  /* a review needs a named reviewer, and a return needs a note */
  g_assert_true (trellis_plan_workflow_activate (fixture->store, fixture->plan, &error));
  g_assert_false (trellis_plan_workflow_request_review (fixture->store, fixture->plan, "   ", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_plan_workflow_transition (fixture->store, fixture->plan, "in-review", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_plan_workflow_activate (fixture->store, fixture->plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Active"));
  g_clear_error (&error);
  g_assert_false (trellis_plan_workflow_archive (fixture->store, fixture->plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (trellis_plan_workflow_request_review (fixture->store, fixture->plan, "Mr. Chen", &error));
  g_assert_false (trellis_plan_workflow_return_to_active (fixture->store, fixture->plan, " \n", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  /* a stale object cannot skip the rules: the stored status decides */
  g_object_set (fixture->plan, "status", "completed", NULL);
  g_assert_false (trellis_plan_workflow_archive (fixture->store, fixture->plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  stored = trellis_store_load (fixture->store, TRELLIS_TYPE_PLAN, trellis_entity_get_id (plan), &error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "status"), ==, "in-review");

  g_assert_true (trellis_plan_workflow_can_transition ("in-review", "active"));
  g_assert_false (trellis_plan_workflow_can_transition ("completed", "active"));
  g_assert_false (trellis_plan_workflow_can_transition ("archived", "draft"));
}

static void
test_one_plan_per_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) again = NULL;
  g_autoptr(TrellisPlan) found = NULL;
  gint64 student_id = trellis_entity_get_id (TRELLIS_ENTITY (fixture->student));
  g_autofree char *next = trellis_school_year_next ("2026-2027");

  again = trellis_plan_workflow_start_plan (fixture->store, student_id, "2026-2027", &error);
  g_assert_null (again);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-2027"));
  g_clear_error (&error);

  g_assert_cmpstr (next, ==, "2027-2028");
  g_assert_null (trellis_school_year_next ("2026"));
  found = trellis_plan_workflow_find_plan (fixture->store, student_id, "2026-2027", &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_id (TRELLIS_ENTITY (found)), ==,
                   trellis_entity_get_id (TRELLIS_ENTITY (fixture->plan)));
  g_assert_null (trellis_plan_workflow_find_plan (fixture->store, student_id, "2027-2028", &error));
  g_assert_no_error (error);
}

static void
test_carry_over (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) reading = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Read 20 books", NULL);
  g_autoptr(TrellisGoal) robotics = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Join robotics", NULL);
  g_autoptr(TrellisGoal) essay = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Write an essay", NULL);
  g_autoptr(TrellisActionStep) step1 = trellis_plan_workflow_add_step (fixture->store, reading, "Get a library card", NULL);
  g_autoptr(TrellisActionStep) step2 = trellis_plan_workflow_add_step (fixture->store, reading, "Read every evening", NULL);
  g_autoptr(GArray) competencies = first_competencies (fixture->store, 2);
  g_autoptr(TrellisPlan) next = NULL;
  g_autoptr(TrellisPlan) refused = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListModel) old_steps = NULL;
  g_autoptr(GArray) links = NULL;
  gint64 carry[2];
  gint64 achieved[1];

  g_assert_true (trellis_plan_workflow_set_step_done (fixture->store, step1, TRUE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < competencies->len; i++)
    g_assert_true (trellis_store_link_competency (fixture->store, trellis_entity_get_id (TRELLIS_ENTITY (reading)),
                                                  g_array_index (competencies, gint64, i), &error));
  g_object_set (reading, "status", "in-progress", "why-it-matters", "I love stories.", NULL);
  g_assert_true (trellis_store_save (fixture->store, TRELLIS_ENTITY (reading), &error));
  g_object_set (robotics, "status", "achieved", NULL);
  g_assert_true (trellis_store_save (fixture->store, TRELLIS_ENTITY (robotics), &error));

  /* an achieved goal stays behind: the whole carry-over is refused, nothing is created */
  achieved[0] = trellis_entity_get_id (TRELLIS_ENTITY (robotics));
  refused = trellis_plan_workflow_start_next_year (fixture->store, fixture->plan, achieved, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_PLAN), ==, 1);

  carry[0] = trellis_entity_get_id (TRELLIS_ENTITY (essay));
  carry[1] = trellis_entity_get_id (TRELLIS_ENTITY (reading));
  next = trellis_plan_workflow_start_next_year (fixture->store, fixture->plan, carry, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (next), "school-year"), ==, "2027-2028");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (next), "status"), ==, "draft");

  goals = trellis_store_list (fixture->store, TRELLIS_TYPE_GOAL, "plan-id",
                              trellis_entity_get_id (TRELLIS_ENTITY (next)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  {
    g_autoptr(TrellisEntity) first = g_list_model_get_item (goals, 0);
    g_autoptr(TrellisEntity) second = g_list_model_get_item (goals, 1);

    g_assert_cmpstr (trellis_entity_get_text (first, "title"), ==, "Write an essay");
    g_assert_cmpstr (trellis_entity_get_text (second, "title"), ==, "Read 20 books");
    g_assert_cmpstr (trellis_entity_get_text (second, "why-it-matters"), ==, "I love stories.");
    g_assert_cmpstr (trellis_entity_get_uuid (second), !=, trellis_entity_get_uuid (TRELLIS_ENTITY (reading)));

    steps = trellis_store_list (fixture->store, TRELLIS_TYPE_ACTION_STEP, "goal-id",
                                trellis_entity_get_id (second), &error);
    g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(TrellisEntity) step = g_list_model_get_item (steps, i);
        g_assert_null (trellis_entity_get_text (step, "done-at"));
      }
    links = trellis_store_list_goal_competencies (fixture->store, trellis_entity_get_id (second), &error);
    g_assert_cmpuint (links->len, ==, 2);
  }

  /* the old plan keeps its record */
  old_steps = trellis_store_list (fixture->store, TRELLIS_TYPE_ACTION_STEP, "goal-id",
                                  trellis_entity_get_id (TRELLIS_ENTITY (reading)), &error);
  {
    g_autoptr(TrellisEntity) done = g_list_model_get_item (old_steps, 0);
    g_assert_nonnull (trellis_entity_get_text (done, "done-at"));
  }
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_GOAL), ==, 5);

  /* a second start for the same year is refused whole */
  g_clear_object (&refused);
  refused = trellis_plan_workflow_start_next_year (fixture->store, fixture->plan, carry, 2, &error);
  g_assert_null (refused);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_GOAL), ==, 5);
}

static char *
goal_titles (TrellisStore *store,
             TrellisPlan  *plan)
{
  g_autoptr(GListModel) goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, "plan-id",
                                                    trellis_entity_get_id (TRELLIS_ENTITY (plan)), NULL);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(TrellisEntity) goal = g_list_model_get_item (goals, i);
      g_string_append_printf (titles, "%s%s", i ? "," : "", trellis_entity_get_text (goal, "title"));
      g_assert_cmpint (trellis_entity_get_int (goal, "position"), ==, (int) i);
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_goal_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) a = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "A", NULL);
  g_autoptr(TrellisGoal) b = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "B", NULL);
  g_autoptr(TrellisGoal) c = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "C", NULL);
  g_autoptr(TrellisGoal) d = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "D", NULL);
  g_autoptr(TrellisGoal) empty = NULL;
  char *titles;

  titles = goal_titles (fixture->store, fixture->plan);
  g_assert_cmpstr (titles, ==, "A,B,C,D");
  g_free (titles);

  g_assert_true (trellis_plan_workflow_move_goal (fixture->store, d, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_int (TRELLIS_ENTITY (d), "position"), ==, 0);
  titles = goal_titles (fixture->store, fixture->plan);
  g_assert_cmpstr (titles, ==, "D,A,B,C");
  g_free (titles);

  g_assert_true (trellis_plan_workflow_move_goal_by (fixture->store, a, 1, &error));
  titles = goal_titles (fixture->store, fixture->plan);
  g_assert_cmpstr (titles, ==, "D,B,A,C");
  g_free (titles);

  g_assert_true (trellis_plan_workflow_move_goal_by (fixture->store, d, -1, &error));
  g_assert_true (trellis_plan_workflow_move_goal (fixture->store, b, 99, &error));
  titles = goal_titles (fixture->store, fixture->plan);
  g_assert_cmpstr (titles, ==, "D,A,C,B");
  g_free (titles);
  g_assert_no_error (error);

  /* a goal without a title is refused, and the order is untouched */
  empty = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "  ", &error);
  g_assert_null (empty);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  titles = goal_titles (fixture->store, fixture->plan);
  g_assert_cmpstr (titles, ==, "D,A,C,B");
  g_free (titles);
}

static void
test_competencies_and_progress (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Lab report", NULL);
  g_autoptr(TrellisActionStep) past = trellis_plan_workflow_add_step (fixture->store, goal, "Outline", NULL);
  g_autoptr(TrellisActionStep) future = trellis_plan_workflow_add_step (fixture->store, goal, "Draft", NULL);
  g_autoptr(TrellisActionStep) done = trellis_plan_workflow_add_step (fixture->store, goal, "Topic", NULL);
  g_autoptr(GArray) competencies = first_competencies (fixture->store, 3);
  g_autoptr(GArray) chips = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 goal_id = trellis_entity_get_id (TRELLIS_ENTITY (goal));
  TrellisGoalProgress progress;

  g_object_set (past, "due-date", "2020-01-01", NULL);
  g_assert_true (trellis_store_save (fixture->store, TRELLIS_ENTITY (past), &error));
  g_object_set (future, "due-date", "2999-01-01", NULL);
  g_assert_true (trellis_store_save (fixture->store, TRELLIS_ENTITY (future), &error));
  g_object_set (done, "due-date", "2020-01-01", NULL);
  g_assert_true (trellis_plan_workflow_set_step_done (fixture->store, done, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (trellis_plan_workflow_step_is_overdue (past, "2026-11-23"));
  g_assert_false (trellis_plan_workflow_step_is_overdue (future, "2026-11-23"));
  g_assert_false (trellis_plan_workflow_step_is_overdue (done, "2026-11-23"));

  g_assert_true (trellis_plan_workflow_goal_progress (fixture->store, goal_id, &progress, &error));
  g_assert_cmpuint (progress.steps_done, ==, 1);
  g_assert_cmpuint (progress.steps_total, ==, 3);
  g_assert_cmpuint (progress.steps_overdue, ==, 1);
  rows = trellis_plan_workflow_list_progress (fixture->store, trellis_entity_get_id (TRELLIS_ENTITY (fixture->plan)), &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (rows, TrellisGoalProgress, 0).steps_done, ==, 1);
  g_assert_cmpuint (g_array_index (rows, TrellisGoalProgress, 0).steps_total, ==, 3);

  /* links come back in framework order, with their attribute's colour; unlinking removes one */
  for (guint i = competencies->len; i > 0; i--)
    g_assert_true (trellis_store_link_competency (fixture->store, goal_id,
                                                  g_array_index (competencies, gint64, i - 1), &error));
  g_assert_true (trellis_store_unlink_competency (fixture->store, goal_id,
                                                  g_array_index (competencies, gint64, 1), &error));
  chips = trellis_plan_workflow_list_chips (fixture->store, trellis_entity_get_id (TRELLIS_ENTITY (fixture->plan)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chips->len, ==, 2);
  g_assert_cmpint (g_array_index (chips, TrellisGoalChip, 0).competency_id, ==, g_array_index (competencies, gint64, 0));
  g_assert_cmpint (g_array_index (chips, TrellisGoalChip, 1).competency_id, ==, g_array_index (competencies, gint64, 2));
  g_assert_cmpint (g_array_index (chips, TrellisGoalChip, 0).goal_id, ==, goal_id);
  g_assert_cmpuint (strlen (g_array_index (chips, TrellisGoalChip, 0).color), ==, 7);
}

static void
test_evidence_with_level (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Exhibition", NULL);
  g_autoptr(GArray) competencies = first_competencies (fixture->store, 1);
  g_autoptr(GListModel) levels = trellis_store_list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id",
                                                     trellis_store_get_default_framework (fixture->store), NULL);
  g_autoptr(TrellisEntity) level = g_list_model_get_item (levels, 2);
  g_autoptr(TrellisEvidence) evidence = NULL;
  g_autoptr(TrellisEvidence) bad = NULL;
  g_autoptr(TrellisEvidence) stored = NULL;
  g_autoptr(TrellisSnapshot) snapshot = NULL;

  evidence = g_object_new (TRELLIS_TYPE_EVIDENCE,
                           "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                           "kind", "exhibition",
                           "title", "Science fair poster",
                           "uri", "file:///nonexistent/poster.pdf",
                           "evidence-date", "2026-10-02",
                           "competency-id", g_array_index (competencies, gint64, 0),
                           "level-id", trellis_entity_get_id (level),
                           "assessed-by", "Ms. Rivera",
                           NULL);
  g_assert_true (trellis_store_insert (fixture->store, TRELLIS_ENTITY (evidence), &error));
  g_assert_no_error (error);
  stored = trellis_store_load (fixture->store, TRELLIS_TYPE_EVIDENCE,
                               trellis_entity_get_id (TRELLIS_ENTITY (evidence)), &error);
  g_assert_cmpint (trellis_entity_get_reference (TRELLIS_ENTITY (stored), "level-id"), ==, trellis_entity_get_id (level));
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "assessed-by"), ==, "Ms. Rivera");
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "kind"), ==, "exhibition");

  /* a bad kind or date stores nothing */
  bad = g_object_new (TRELLIS_TYPE_EVIDENCE, "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                      "title", "Bad", "kind", "rumour", NULL);
  g_assert_false (trellis_store_insert (fixture->store, TRELLIS_ENTITY (bad), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (bad, "kind", "badge", "evidence-date", "2026-13-40", NULL);
  g_assert_false (trellis_store_insert (fixture->store, TRELLIS_ENTITY (bad), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_EVIDENCE), ==, 1);

  /* deleting the goal takes the evidence; Undo brings back both */
  g_assert_true (trellis_store_delete (fixture->store, TRELLIS_ENTITY (goal), &snapshot, &error));
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_EVIDENCE), ==, 0);
  g_assert_true (trellis_store_restore (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_EVIDENCE), ==, 1);
}

static void
test_note_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisNote) note = NULL;
  g_autoptr(TrellisNote) staff = NULL;
  g_autoptr(TrellisNote) stored = NULL;
  g_autoptr(TrellisNote) empty = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) created = NULL;
  gint64 plan_id = trellis_entity_get_id (TRELLIS_ENTITY (fixture->plan));

  trellis_store_set_editor (fixture->store, "Amara Okafor", "student");
  note = trellis_plan_workflow_add_note (fixture->store, plan_id, 0, "I want to try robotics.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (note), "author-role"), ==, "student");

  empty = trellis_plan_workflow_add_note (fixture->store, plan_id, 0, "  ", &error);
  g_assert_null (empty);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  /* the author may fix a typo at once */
  g_assert_true (trellis_plan_workflow_edit_note (fixture->store, note, "I want to join robotics.", &error));
  g_assert_no_error (error);

  /* someone else may not, even with the same name in another role */
  trellis_store_set_editor (fixture->store, "Amara Okafor", "teacher");
  g_assert_false (trellis_plan_workflow_edit_note (fixture->store, note, "Changed by staff", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amara Okafor"));
  g_clear_error (&error);
  trellis_store_set_editor (fixture->store, "Ms. Rivera", "teacher");
  g_assert_false (trellis_plan_workflow_delete_note (fixture->store, note, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (note), "body"), ==, "I want to join robotics.");

  /* nor the author after the window closes */
  trellis_store_set_editor (fixture->store, "Amara Okafor", "student");
  created = g_date_time_new_from_iso8601 (trellis_entity_get_created_at (TRELLIS_ENTITY (note)), NULL);
  later = g_date_time_add_minutes (created, TRELLIS_NOTE_EDIT_WINDOW_MINUTES + 1);
  g_assert_true (trellis_plan_workflow_can_edit_note (fixture->store, note, created, NULL));
  g_assert_false (trellis_plan_workflow_can_edit_note (fixture->store, note, later, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  /* an old note (its time set back, as if written yesterday) is immutable */
  trellis_entity_set_identity (TRELLIS_ENTITY (note), trellis_entity_get_id (TRELLIS_ENTITY (note)),
                               trellis_entity_get_uuid (TRELLIS_ENTITY (note)), "2020-01-01T10:00:00.000Z",
                               "Amara Okafor", "2020-01-01T10:00:00.000Z", "Amara Okafor");
  g_assert_false (trellis_plan_workflow_edit_note (fixture->store, note, "Rewritten history", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  stored = trellis_store_load (fixture->store, TRELLIS_TYPE_NOTE, trellis_entity_get_id (TRELLIS_ENTITY (note)), &error);
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (stored), "body"), ==, "I want to join robotics.");

  /* without an author there is no note */
  trellis_store_set_editor (fixture->store, "", "teacher");
  staff = trellis_plan_workflow_add_note (fixture->store, plan_id, 0, "Anonymous", &error);
  g_assert_null (staff);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

/* A plan nobody named is named in the language of the desktop, with the year as people write
 * it; a title someone typed is kept as typed. */
static void
test_display_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *unnamed = trellis_plan_dup_display_title (fixture->plan);
  g_autofree char *named = NULL;
  g_autofree char *year = trellis_school_year_display ("2026-2027");
  g_autofree char *odd = trellis_school_year_display ("next year");

  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (fixture->plan), "title"), ==, "");
  g_assert_cmpstr (unnamed, ==, "Learning plan 2026–2027");
  g_assert_cmpstr (year, ==, "2026–2027");
  g_assert_cmpstr (odd, ==, "next year");

  g_object_set (fixture->plan, "title", "Amara’s senior year", NULL);
  named = trellis_plan_dup_display_title (fixture->plan);
  g_assert_cmpstr (named, ==, "Amara’s senior year");
}

/* A goal still open after its target date is overdue; the steps suggest its next status. */
static void
test_goal_overdue_and_suggestion (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = trellis_plan_workflow_add_goal (fixture->store, fixture->plan, "Swim", &error);
  TrellisGoalProgress none = { 0, 0, 0, 0 }, some = { 0, 1, 3, 0 }, all = { 0, 3, 3, 0 };

  g_assert_no_error (error);
  g_assert_false (trellis_plan_workflow_goal_is_overdue (goal, "2027-01-10"));
  g_object_set (goal, "target-date", "2027-01-09", NULL);
  g_assert_true (trellis_plan_workflow_goal_is_overdue (goal, "2027-01-10"));
  g_assert_false (trellis_plan_workflow_goal_is_overdue (goal, "2027-01-09"));

  g_assert_null (trellis_plan_workflow_suggest_status (goal, &none));
  g_assert_cmpstr (trellis_plan_workflow_suggest_status (goal, &some), ==, "in-progress");
  g_assert_cmpstr (trellis_plan_workflow_suggest_status (goal, &all), ==, "achieved");
  g_object_set (goal, "status", "in-progress", NULL);
  g_assert_null (trellis_plan_workflow_suggest_status (goal, &some));
  g_assert_cmpstr (trellis_plan_workflow_suggest_status (goal, &all), ==, "achieved");
  g_object_set (goal, "status", "achieved", NULL);
  g_assert_null (trellis_plan_workflow_suggest_status (goal, &all));
  g_assert_false (trellis_plan_workflow_goal_is_overdue (goal, "2027-01-10"));
}

/* Evidence points at a file or at an address with a server; words are neither. */
static void
test_check_location (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *good[] = { "", "  ", "/home/ana/Documents/essay.odt", "file:///media/usb/poster.png",
                         "https://drive.example.org/d/123", "http://school.example/portfolio", "smb://server/share/work.pdf" };
  const char *bad[] = { "Google Drive folder Math", "www.example.org/work", "essay.odt", "https://", "mailto:" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (trellis_plan_workflow_check_location (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (trellis_plan_workflow_check_location (bad[i], &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-workflow/transitions/legal", test_transitions_legal);
  ADD ("/plan-workflow/transitions/illegal", test_transitions_illegal);
  ADD ("/plan-workflow/one-plan-per-year", test_one_plan_per_year);
  ADD ("/plan-workflow/carry-over", test_carry_over);
  ADD ("/plan-workflow/goal-order", test_goal_order);
  ADD ("/plan-workflow/competencies-and-progress", test_competencies_and_progress);
  ADD ("/plan-workflow/evidence-with-level", test_evidence_with_level);
  ADD ("/plan-workflow/note-rules", test_note_rules);
  ADD ("/plan-workflow/display-title", test_display_title);
  ADD ("/plan-workflow/check-location", test_check_location);
  ADD ("/plan-workflow/goal-overdue-and-suggestion", test_goal_overdue_and_suggestion);
#undef ADD

  return g_test_run ();
}
