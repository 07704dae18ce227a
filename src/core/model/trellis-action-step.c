/* trellis-action-step.c — a concrete step toward a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-action-step"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-action-step.h"
#include "trellis-vocabulary.h"

struct _TrellisActionStep
{
  TrellisEntity parent_instance;

  gint64   goal_id;
  char    *text;
  char    *owner;
  char    *due_date;
  char    *done_at;
  int      position;
};

G_DEFINE_FINAL_TYPE (TrellisActionStep, trellis_action_step, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "goal-id", "goal_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisActionStep, goal_id),
    N_("Goal"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "goal" },
  { "text", "text", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisActionStep, text),
    N_("Step"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "owner", "owner", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisActionStep, owner),
    N_("Owner"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_step_owners, NULL },
  { "due-date", "due_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisActionStep, due_date),
    N_("Due date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "done-at", "done_at", TRELLIS_FIELD_TIMESTAMP, G_STRUCT_OFFSET (TrellisActionStep, done_at),
    N_("Done"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisActionStep, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
};

static void
trellis_action_step_class_init (TrellisActionStepClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "action_step";
  entity_class->label = N_("Action step");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_action_step_init (TrellisActionStep *self)
{
  self->owner = g_strdup ("student");
}

TrellisActionStep *
trellis_action_step_new (void)
{
  return g_object_new (TRELLIS_TYPE_ACTION_STEP, NULL);
}
