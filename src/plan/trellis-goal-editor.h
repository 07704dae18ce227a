/* trellis-goal-editor.h — every field of one goal, its competencies, steps, evidence and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-goal.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL_EDITOR (trellis_goal_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalEditor, trellis_goal_editor, TRELLIS, GOAL_EDITOR, GtkWidget)

void         trellis_goal_editor_set_goal (TrellisGoalEditor *self,
                                           TrellisStore      *store,
                                           TrellisGoal       *goal,
                                           gint64             framework_id,
                                           gboolean           read_only);
TrellisGoal *trellis_goal_editor_get_goal (TrellisGoalEditor *self);
void         trellis_goal_editor_refresh  (TrellisGoalEditor *self);
gboolean     trellis_goal_editor_flush    (TrellisGoalEditor *self);
void         trellis_goal_editor_focus_title (TrellisGoalEditor *self);

G_END_DECLS
