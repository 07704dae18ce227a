/* trellis-goal-card.h — one goal in the plan's list: what, how far, which competencies, whose words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-goal.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL_CARD (trellis_goal_card_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalCard, trellis_goal_card, TRELLIS, GOAL_CARD, GtkListBoxRow)

GtkWidget   *trellis_goal_card_new            (void);
void         trellis_goal_card_set_goal       (TrellisGoalCard *self,
                                               TrellisGoal     *goal,
                                               gboolean         movable);
TrellisGoal *trellis_goal_card_get_goal       (TrellisGoalCard *self);
gboolean     trellis_goal_card_get_movable    (TrellisGoalCard *self);
void         trellis_goal_card_set_neighbours (TrellisGoalCard *self,
                                               gboolean         above,
                                               gboolean         below);
void         trellis_goal_card_set_progress (TrellisGoalCard *self,
                                             guint            done,
                                             guint            total,
                                             guint            overdue);
void         trellis_goal_card_add_chip     (TrellisGoalCard *self,
                                             const char      *code,
                                             const char      *title,
                                             const char      *css_class);

G_END_DECLS
