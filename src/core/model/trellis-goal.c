/* trellis-goal.c — a SMART goal inside a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-goal"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-goal.h"
#include "trellis-vocabulary.h"

struct _TrellisGoal
{
  TrellisEntity parent_instance;

  gint64   plan_id;
  char    *title;
  char    *description;
  char    *why_it_matters;
  char    *category;
  char    *status;
  char    *priority;
  char    *start_date;
  char    *target_date;
  char    *success_criteria;
  int      position;
};

G_DEFINE_FINAL_TYPE (TrellisGoal, trellis_goal, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "plan-id", "plan_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisGoal, plan_id),
    N_("Plan"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "plan" },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "why-it-matters", "why_it_matters", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, why_it_matters),
    N_("Why this matters to me"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "category", "category", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, category),
    N_("Category"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_goal_categories, NULL },
  { "status", "status", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, status),
    N_("Status"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_goal_statuses, NULL },
  { "priority", "priority", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, priority),
    N_("Priority"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_goal_priorities, NULL },
  { "start-date", "start_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisGoal, start_date),
    N_("Start date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "target-date", "target_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisGoal, target_date),
    N_("Target date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "success-criteria", "success_criteria", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGoal, success_criteria),
    N_("Success criteria"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisGoal, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
};

static void
trellis_goal_class_init (TrellisGoalClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "goal";
  entity_class->label = N_("Goal");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_goal_init (TrellisGoal *self)
{
  self->category = g_strdup ("academic");
  self->status = g_strdup ("not-started");
  self->priority = g_strdup ("medium");
}

TrellisGoal *
trellis_goal_new (void)
{
  return g_object_new (TRELLIS_TYPE_GOAL, NULL);
}
