/* trellis-note.c — a comment or reflection on a plan or a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-note"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-note.h"
#include "trellis-vocabulary.h"

struct _TrellisNote
{
  TrellisEntity parent_instance;

  gint64   plan_id;
  gint64   goal_id;
  char    *author_name;
  char    *author_role;
  char    *body;
};

G_DEFINE_FINAL_TYPE (TrellisNote, trellis_note, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "plan-id", "plan_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisNote, plan_id),
    N_("Plan"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "plan" },
  { "goal-id", "goal_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisNote, goal_id),
    N_("Goal"), TRELLIS_FIELD_FLAG_CASCADE, 0, 0, NULL, "goal" },
  { "author-name", "author_name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisNote, author_name),
    N_("Author"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "author-role", "author_role", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisNote, author_role),
    N_("Role"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_roles, NULL },
  { "body", "body", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisNote, body),
    N_("Note"), TRELLIS_FIELD_FLAG_REQUIRED | TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
};

static void
trellis_note_class_init (TrellisNoteClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "note";
  entity_class->label = N_("Note");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_note_init (TrellisNote *self)
{
  self->author_role = g_strdup ("teacher");
}

TrellisNote *
trellis_note_new (void)
{
  return g_object_new (TRELLIS_TYPE_NOTE, NULL);
}
