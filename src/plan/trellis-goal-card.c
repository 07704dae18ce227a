/* trellis-goal-card.c — one goal in the plan's list: what, how far, which competencies, whose words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-goal-card"

#include <glib/gi18n.h>

#include "trellis-goal-card.h"
#include "trellis-plan-workflow.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisGoalCard
{
  GtkListBoxRow  parent_instance;

  TrellisGoal   *goal;
  gboolean       movable;
  char          *progress_text;
  char          *status_class;  /* the goal-status-* class on the status label */

  GtkLabel      *title_label;
  GtkLabel      *status_label;
  GtkLabel      *category_label;
  GtkLabel      *target_label;
  GtkLabel      *progress_label;
  GtkLabel      *overdue_label;
  GtkLevelBar   *progress_bar;
  GtkBox        *chips_box;
  GtkLabel      *author_label;
  GtkWidget     *move_up_button;
  GtkWidget     *move_down_button;
  GtkWidget     *drag_handle;
};

G_DEFINE_FINAL_TYPE (TrellisGoalCard, trellis_goal_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_accessible (TrellisGoalCard *self)
{
  TrellisEntity *goal = TRELLIS_ENTITY (self->goal);
  g_autofree char *label = NULL;

  /* Translators: what a screen reader says for a goal card: title, status, category, progress */
  label = g_strdup_printf (_("Goal: %s. %s, %s. %s. %s"),
                           trellis_entity_get_text (goal, "title"),
                           trellis_vocabulary_label (trellis_goal_statuses, trellis_entity_get_text (goal, "status")),
                           trellis_vocabulary_label (trellis_goal_categories, trellis_entity_get_text (goal, "category")),
                           gtk_label_get_text (self->target_label),
                           self->progress_text ? self->progress_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press Enter to open; Alt+Up and Alt+Down move the goal"), -1);
}

static void
fill (TrellisGoalCard *self)
{
  TrellisEntity *goal = TRELLIS_ENTITY (self->goal);
  const char *status = trellis_entity_get_text (goal, "status");
  const char *target = trellis_entity_get_text (goal, "target-date");
  const char *author = trellis_entity_get_created_by (goal);
  g_autofree char *target_text = NULL;
  g_autofree char *author_text = NULL;
  g_autofree char *today = trellis_plan_workflow_today ();
  gboolean late = trellis_plan_workflow_goal_is_overdue (self->goal, today);

  gtk_label_set_text (self->title_label, trellis_entity_get_text (goal, "title"));
  gtk_label_set_text (self->status_label, trellis_vocabulary_label (trellis_goal_statuses, status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class = g_strconcat ("goal-status-", status, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
  gtk_label_set_text (self->category_label,
                      trellis_vocabulary_label (trellis_goal_categories, trellis_entity_get_text (goal, "category")));
  if (target != NULL)
    {
      g_autofree char *date = trellis_format_date (target);

      if (late)
        /* Translators: a goal still open after its target date; %s is the date */
        target_text = g_strdup_printf (_("Overdue: target %s"), date);
      else
        /* Translators: %s is a date, e.g. “Target 28 Jan 2027” */
        target_text = g_strdup_printf (_("Target %s"), date);
    }
  gtk_label_set_text (self->target_label, target_text ? target_text : _("No target date"));
  trellis_widget_set_css_class (GTK_WIDGET (self->target_label), "overdue", late);
  /* Translators: who wrote a goal */
  author_text = g_strdup_printf (_("Written by %s"), author && *author ? author : _("unknown"));
  gtk_label_set_text (self->author_label, author_text);

  gtk_widget_set_visible (self->move_up_button, self->movable);
  gtk_widget_set_visible (self->move_down_button, self->movable);
  gtk_widget_set_visible (self->drag_handle, self->movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-up", self->movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-down", self->movable);
}

static void
clear_chips (TrellisGoalCard *self)
{
  for (GtkWidget *chip; (chip = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL;)
    gtk_box_remove (self->chips_box, chip);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
}

/* Callbacks */

/* Tooltips are answered on demand: gtk_widget_set_tooltip_text() asks the display where the
 * pointer is each time it is called, a round trip per chip and button of every card. */
static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  TrellisGoalCard *self)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "chip-title");

  if (widget == self->drag_handle)
    text = _("Drag to reorder");
  else if (widget == self->move_up_button)
    text = _("Move Up (Alt+Up)");
  else if (widget == self->move_down_button)
    text = _("Move Down (Alt+Down)");
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_move_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, g_strcmp0 (action_name, "card.move-up") == 0 ? -1 : 1);
}

/* Overrides */

static void
trellis_goal_card_dispose (GObject *object)
{
  TrellisGoalCard *self = TRELLIS_GOAL_CARD (object);

  g_clear_object (&self->goal);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GOAL_CARD);

  G_OBJECT_CLASS (trellis_goal_card_parent_class)->dispose (object);
}

static void
trellis_goal_card_finalize (GObject *object)
{
  TrellisGoalCard *self = TRELLIS_GOAL_CARD (object);

  g_free (self->progress_text);
  g_free (self->status_class);

  G_OBJECT_CLASS (trellis_goal_card_parent_class)->finalize (object);
}

static void
trellis_goal_card_class_init (TrellisGoalCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_goal_card_dispose;
  object_class->finalize = trellis_goal_card_finalize;

  /**
   * TrellisGoalCard::move:
   * @delta: -1 to move the goal up, 1 to move it down
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-goal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, category_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, chips_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, author_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, drag_handle);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);

  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, on_move_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, on_move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "card.move-down", NULL);
}

static void
trellis_goal_card_init (TrellisGoalCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_goal_card_new:
 *
 * A card shows no goal until trellis_goal_card_set_goal() is called; the plan page reuses its
 * cards from one student to the next.
 *
 * Returns: (transfer floating): a new card
 */
GtkWidget *
trellis_goal_card_new (void)
{
  return g_object_new (TRELLIS_TYPE_GOAL_CARD, NULL);
}

/**
 * trellis_goal_card_set_goal:
 * @self: a card
 * @goal: the goal to show
 * @movable: whether it may be reordered (not in a completed plan)
 *
 * Shows @goal, with no progress and no competencies until they are set.
 */
void
trellis_goal_card_set_goal (TrellisGoalCard *self,
                            TrellisGoal     *goal,
                            gboolean         movable)
{
  g_return_if_fail (TRELLIS_IS_GOAL_CARD (self));
  g_return_if_fail (TRELLIS_IS_GOAL (goal));

  g_set_object (&self->goal, goal);
  self->movable = movable;
  clear_chips (self);
  fill (self);
  trellis_goal_card_set_progress (self, 0, 0, 0);
}

TrellisGoal *
trellis_goal_card_get_goal (TrellisGoalCard *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_CARD (self), NULL);
  return self->goal;
}

gboolean
trellis_goal_card_get_movable (TrellisGoalCard *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_CARD (self), FALSE);
  return self->goal != NULL && self->movable;
}

/**
 * trellis_goal_card_set_neighbours:
 * @self: a card
 * @above: whether a goal is above this one
 * @below: whether a goal is below this one
 *
 * Moving up (or down) is offered only where there is somewhere to go.
 */
void
trellis_goal_card_set_neighbours (TrellisGoalCard *self,
                                  gboolean         above,
                                  gboolean         below)
{
  g_return_if_fail (TRELLIS_IS_GOAL_CARD (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-up", self->movable && above);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-down", self->movable && below);
}

void
trellis_goal_card_set_progress (TrellisGoalCard *self,
                                guint            done,
                                guint            total,
                                guint            overdue)
{
  g_autofree char *shown = NULL;
  g_autofree char *late = NULL;

  g_return_if_fail (TRELLIS_IS_GOAL_CARD (self));

  if (total == 0)
    shown = g_strdup (_("No steps yet"));
  else
    /* Translators: the progress of a goal, steps done / steps, e.g. “1/2 steps done” */
    shown = g_strdup_printf (_("%u/%u steps done"), done, total);
  gtk_label_set_text (self->progress_label, shown);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (total, 1));
  gtk_level_bar_set_value (self->progress_bar, done);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), total > 0);
  /* Translators: how many steps of a goal are late, after its progress */
  late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue), overdue);
  gtk_label_set_text (self->overdue_label, late);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue > 0);

  g_free (self->progress_text);
  if (overdue > 0)
    /* Translators: screen reader text: progress, then how many steps are late */
    self->progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u of %u steps done; %u step is overdue",
                                                        "%u of %u steps done; %u steps are overdue",
                                                        overdue), done, total, overdue);
  else
    self->progress_text = g_strdup_printf (_("%u of %u steps done"), done, total);
  trellis_accessible_set_label (GTK_WIDGET (self->progress_label), self->progress_text);
  if (self->goal != NULL)
    update_accessible (self);
}

void
trellis_goal_card_add_chip (TrellisGoalCard *self,
                            const char      *code,
                            const char      *title,
                            const char      *css_class)
{
  GtkWidget *chip;

  g_return_if_fail (TRELLIS_IS_GOAL_CARD (self));

  chip = gtk_label_new (code && *code ? code : title);
  g_object_set_data_full (G_OBJECT (chip), "chip-title", g_strdup (title), g_free);
  gtk_widget_set_has_tooltip (chip, TRUE);
  g_signal_connect (chip, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_add_css_class (chip, "competency-chip");
  if (css_class != NULL)
    gtk_widget_add_css_class (chip, css_class);
  trellis_accessible_set_label (GTK_WIDGET (chip), title);
  gtk_box_append (self->chips_box, chip);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), TRUE);
}
