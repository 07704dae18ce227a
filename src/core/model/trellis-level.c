/* trellis-level.c — one level of a framework’s proficiency scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-level"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-level.h"

struct _TrellisLevel
{
  TrellisEntity parent_instance;

  gint64   framework_id;
  char    *title;
  char    *description;
  int      value;
  char    *color;
  gboolean is_proficient;
  int      position;
};

G_DEFINE_FINAL_TYPE (TrellisLevel, trellis_level, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "framework-id", "framework_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisLevel, framework_id),
    N_("Framework"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "framework" },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisLevel, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisLevel, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "value", "value", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisLevel, value),
    N_("Value"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "color", "color", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisLevel, color),
    N_("Colour"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "is-proficient", "is_proficient", TRELLIS_FIELD_BOOLEAN, G_STRUCT_OFFSET (TrellisLevel, is_proficient),
    N_("Counts as proficient"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisLevel, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
};

static void
trellis_level_class_init (TrellisLevelClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "proficiency_level";
  entity_class->label = N_("Proficiency level");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_level_init (TrellisLevel *self)
{
}

TrellisLevel *
trellis_level_new (void)
{
  return g_object_new (TRELLIS_TYPE_LEVEL, NULL);
}
