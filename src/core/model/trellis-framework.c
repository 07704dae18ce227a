/* trellis-framework.c — a Profile of a Graduate: attributes, competencies and a proficiency scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-framework.h"

struct _TrellisFramework
{
  TrellisEntity parent_instance;

  char    *title;
  char    *description;
  gboolean is_default;
};

G_DEFINE_FINAL_TYPE (TrellisFramework, trellis_framework, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisFramework, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisFramework, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "is-default", "is_default", TRELLIS_FIELD_BOOLEAN, G_STRUCT_OFFSET (TrellisFramework, is_default),
    N_("School default"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
};

static void
trellis_framework_class_init (TrellisFrameworkClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "framework";
  entity_class->label = N_("Framework");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_framework_init (TrellisFramework *self)
{
}

TrellisFramework *
trellis_framework_new (void)
{
  return g_object_new (TRELLIS_TYPE_FRAMEWORK, NULL);
}
