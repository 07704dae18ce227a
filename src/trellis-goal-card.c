/* trellis-goal-card.c — one goal in the plan's list: what, how far, which competencies, whose words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-goal-card"

#include <glib/gi18n.h>

#include "trellis-goal-card.h"
#include "trellis-vocabulary.h"

struct _TrellisGoalCard
{
  GtkListBoxRow  parent_instance;

  TrellisGoal   *goal;
  gboolean       movable;
  char          *progress_text;

  GtkLabel      *title_label;
  GtkLabel      *status_label;
  GtkLabel      *category_label;
  GtkLabel      *target_label;
  GtkLabel      *progress_label;
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
  GOAL_DROPPED,
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
  g_autofree char *status_class = g_strconcat ("goal-status-", status, NULL);
  g_autofree char *target_text = NULL;
  g_autofree char *author_text = NULL;

  gtk_label_set_text (self->title_label, trellis_entity_get_text (goal, "title"));
  gtk_label_set_text (self->status_label, trellis_vocabulary_label (trellis_goal_statuses, status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  gtk_label_set_text (self->category_label,
                      trellis_vocabulary_label (trellis_goal_categories, trellis_entity_get_text (goal, "category")));
  /* Translators: %s is a date, YYYY-MM-DD */
  target_text = target ? g_strdup_printf (_("Target %s"), target) : g_strdup (_("No target date"));
  gtk_label_set_text (self->target_label, target_text);
  /* Translators: who wrote a goal */
  author_text = g_strdup_printf (_("Written by %s"), author && *author ? author : _("unknown"));
  gtk_label_set_text (self->author_label, author_text);

  gtk_widget_set_visible (self->move_up_button, self->movable);
  gtk_widget_set_visible (self->move_down_button, self->movable);
  gtk_widget_set_visible (self->drag_handle, self->movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-up", self->movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-down", self->movable);
  update_accessible (self);
}

/* Callbacks */

static void
on_move_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, g_strcmp0 (action_name, "card.move-up") == 0 ? -1 : 1);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource   *source,
                 double           x,
                 double           y,
                 TrellisGoalCard *self)
{
  if (!self->movable)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, trellis_entity_get_id (TRELLIS_ENTITY (self->goal)));
}

static void
on_drag_begin (GtkDragSource   *source,
               GdkDrag         *drag,
               TrellisGoalCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         TrellisGoalCard *self)
{
  gint64 goal_id = g_value_get_int64 (value);

  if (!self->movable || goal_id == trellis_entity_get_id (TRELLIS_ENTITY (self->goal)))
    return FALSE;
  g_signal_emit (self, signals[GOAL_DROPPED], 0, goal_id);
  return TRUE;
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
  g_free (TRELLIS_GOAL_CARD (object)->progress_text);

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
  /**
   * TrellisGoalCard::goal-dropped:
   * @goal_id: the goal dragged onto this card; it should take this card's place
   */
  signals[GOAL_DROPPED] =
    g_signal_new ("goal-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-goal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, category_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, chips_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, author_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGoalCard, drag_handle);

  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, on_move_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, on_move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "card.move-down", NULL);
}

static void
trellis_goal_card_init (TrellisGoalCard *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Public API */

/**
 * trellis_goal_card_new:
 * @goal: the goal
 * @movable: whether it may be reordered (not in a completed plan)
 *
 * Returns: (transfer floating): a new card
 */
GtkWidget *
trellis_goal_card_new (TrellisGoal *goal,
                       gboolean     movable)
{
  TrellisGoalCard *self;

  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), NULL);

  self = g_object_new (TRELLIS_TYPE_GOAL_CARD, NULL);
  self->goal = g_object_ref (goal);
  self->movable = movable;
  trellis_goal_card_set_progress (self, 0, 0, 0);
  fill (self);
  return GTK_WIDGET (self);
}

TrellisGoal *
trellis_goal_card_get_goal (TrellisGoalCard *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_CARD (self), NULL);
  return self->goal;
}

void
trellis_goal_card_set_progress (TrellisGoalCard *self,
                                guint            done,
                                guint            total,
                                guint            overdue)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (TRELLIS_IS_GOAL_CARD (self));

  /* Translators: the progress of a goal, steps done / steps, e.g. “1/2 steps done” */
  shown = g_strdup_printf (_("%u/%u steps done"), done, total);
  gtk_label_set_text (self->progress_label, shown);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (total, 1));
  gtk_level_bar_set_value (self->progress_bar, done);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), total > 0);

  g_free (self->progress_text);
  if (overdue > 0)
    /* Translators: screen reader text: progress, then how many steps are late */
    self->progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u of %u steps done; %u step is overdue",
                                                        "%u of %u steps done; %u steps are overdue",
                                                        overdue), done, total, overdue);
  else
    self->progress_text = g_strdup_printf (_("%u of %u steps done"), done, total);
  if (overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "overdue");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->progress_text, -1);
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
  gtk_widget_set_tooltip_text (chip, title);
  gtk_widget_add_css_class (chip, "competency-chip");
  if (css_class != NULL)
    gtk_widget_add_css_class (chip, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (self->chips_box, chip);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), TRUE);
}
