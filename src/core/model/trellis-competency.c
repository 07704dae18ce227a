/* trellis-competency.c — a competency inside an attribute of a framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-competency"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-competency.h"

struct _TrellisCompetency
{
  TrellisEntity parent_instance;

  gint64   attribute_id;
  char    *code;
  char    *title;
  char    *description;
  int      position;
};

G_DEFINE_FINAL_TYPE (TrellisCompetency, trellis_competency, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "attribute-id", "attribute_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisCompetency, attribute_id),
    N_("Attribute"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "attribute" },
  { "code", "code", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisCompetency, code),
    N_("Code"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisCompetency, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisCompetency, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisCompetency, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
};

static void
trellis_competency_class_init (TrellisCompetencyClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "competency";
  entity_class->label = N_("Competency");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_competency_init (TrellisCompetency *self)
{
}

TrellisCompetency *
trellis_competency_new (void)
{
  return g_object_new (TRELLIS_TYPE_COMPETENCY, NULL);
}
