/* trellis-plan-workflow.h — the rules of plans: status, school years, goal order, notes, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-action-step.h"
#include "trellis-goal.h"
#include "trellis-note.h"
#include "trellis-plan.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* How long after writing it the author may still correct a note. */
#define TRELLIS_NOTE_EDIT_WINDOW_MINUTES 15

/**
 * TrellisGoalProgress:
 * @goal_id: the goal
 * @steps_done: action steps ticked done
 * @steps_total: all action steps
 * @steps_overdue: steps not done whose due date has passed
 */
typedef struct {
  gint64 goal_id;
  guint  steps_done;
  guint  steps_total;
  guint  steps_overdue;
} TrellisGoalProgress;

/**
 * TrellisGoalChip:
 * @goal_id: the goal
 * @competency_id: a competency it builds
 * @code: the competency's short code, may be empty
 * @title: the competency's title
 * @color: its attribute's colour (`#rrggbb`), may be empty
 */
typedef struct {
  gint64  goal_id;
  gint64  competency_id;
  char   *code;
  char   *title;
  char   *color;
} TrellisGoalChip;

gboolean      trellis_plan_workflow_can_transition   (const char     *from,
                                                      const char     *to);
gboolean      trellis_plan_workflow_transition       (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      const char     *to,
                                                      GError        **error);
gboolean      trellis_plan_workflow_activate         (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      GError        **error);
gboolean      trellis_plan_workflow_request_review   (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      const char     *reviewer,
                                                      GError        **error);
gboolean      trellis_plan_workflow_return_to_active (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      const char     *note,
                                                      GError        **error);
gboolean      trellis_plan_workflow_complete         (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      GError        **error);
gboolean      trellis_plan_workflow_archive          (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      GError        **error);
gboolean      trellis_plan_workflow_is_read_only     (TrellisPlan    *plan);

char         *trellis_school_year_display            (const char     *school_year);
char         *trellis_plan_dup_display_title         (TrellisPlan    *plan);
char         *trellis_school_year_next               (const char     *school_year);
TrellisPlan  *trellis_plan_workflow_find_plan        (TrellisStore   *store,
                                                      gint64          student_id,
                                                      const char     *school_year,
                                                      GError        **error);
TrellisPlan  *trellis_plan_workflow_start_plan       (TrellisStore   *store,
                                                      gint64          student_id,
                                                      const char     *school_year,
                                                      GError        **error);
TrellisPlan  *trellis_plan_workflow_start_next_year  (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      const gint64   *goal_ids,
                                                      guint           n_goal_ids,
                                                      GError        **error);

TrellisGoal  *trellis_plan_workflow_add_goal         (TrellisStore   *store,
                                                      TrellisPlan    *plan,
                                                      const char     *title,
                                                      GError        **error);
TrellisActionStep *trellis_plan_workflow_add_step    (TrellisStore   *store,
                                                      TrellisGoal    *goal,
                                                      const char     *text,
                                                      GError        **error);
gboolean      trellis_plan_workflow_move_goal        (TrellisStore   *store,
                                                      TrellisGoal    *goal,
                                                      guint           index,
                                                      GError        **error);
gboolean      trellis_plan_workflow_move_goal_by     (TrellisStore   *store,
                                                      TrellisGoal    *goal,
                                                      int             delta,
                                                      GError        **error);
gboolean      trellis_plan_workflow_set_step_done    (TrellisStore      *store,
                                                      TrellisActionStep *step,
                                                      gboolean           done,
                                                      GError           **error);

TrellisNote  *trellis_plan_workflow_add_note         (TrellisStore   *store,
                                                      gint64          plan_id,
                                                      gint64          goal_id,
                                                      const char     *body,
                                                      GError        **error);
GListModel   *trellis_plan_workflow_list_plan_notes  (TrellisStore   *store,
                                                      gint64          plan_id,
                                                      GError        **error);
gboolean      trellis_plan_workflow_can_edit_note    (TrellisStore   *store,
                                                      TrellisNote    *note,
                                                      GDateTime      *now,
                                                      GError        **error);
gboolean      trellis_plan_workflow_edit_note        (TrellisStore   *store,
                                                      TrellisNote    *note,
                                                      const char     *body,
                                                      GError        **error);
gboolean      trellis_plan_workflow_delete_note      (TrellisStore     *store,
                                                      TrellisNote      *note,
                                                      TrellisSnapshot **snapshot,
                                                      GError          **error);

gboolean      trellis_plan_workflow_step_is_overdue  (TrellisActionStep *step,
                                                      const char        *today);
gboolean      trellis_plan_workflow_goal_is_overdue  (TrellisGoal       *goal,
                                                      const char        *today);
const char   *trellis_plan_workflow_suggest_status   (TrellisGoal               *goal,
                                                      const TrellisGoalProgress *progress);
gboolean      trellis_plan_workflow_check_location   (const char        *location,
                                                      GError           **error);
gboolean      trellis_plan_workflow_location_is_missing_file (const char *location);
char         *trellis_plan_workflow_today            (void);
gboolean      trellis_plan_workflow_goal_progress    (TrellisStore        *store,
                                                      gint64               goal_id,
                                                      TrellisGoalProgress *progress,
                                                      GError             **error);
GArray       *trellis_plan_workflow_list_progress    (TrellisStore   *store,
                                                      gint64          plan_id,
                                                      GError        **error);
GArray       *trellis_plan_workflow_list_chips       (TrellisStore   *store,
                                                      gint64          plan_id,
                                                      GError        **error);

G_END_DECLS
