/* trellis-attribute.c — one attribute of a Profile of a Graduate, e.g. “Critical thinker”
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-attribute"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-attribute.h"

struct _TrellisAttribute
{
  TrellisEntity parent_instance;

  gint64   framework_id;
  char    *title;
  char    *description;
  char    *color;
  int      position;
};

G_DEFINE_FINAL_TYPE (TrellisAttribute, trellis_attribute, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "framework-id", "framework_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisAttribute, framework_id),
    N_("Framework"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "framework" },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisAttribute, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisAttribute, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "color", "color", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisAttribute, color),
    N_("Colour"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisAttribute, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
};

static void
trellis_attribute_class_init (TrellisAttributeClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "attribute";
  entity_class->label = N_("Attribute");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_attribute_init (TrellisAttribute *self)
{
}

TrellisAttribute *
trellis_attribute_new (void)
{
  return g_object_new (TRELLIS_TYPE_ATTRIBUTE, NULL);
}
