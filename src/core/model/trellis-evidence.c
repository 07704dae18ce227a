/* trellis-evidence.c — proof of learning attached to a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-evidence"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-evidence.h"
#include "trellis-vocabulary.h"

struct _TrellisEvidence
{
  TrellisEntity parent_instance;

  gint64   goal_id;
  char    *kind;
  char    *title;
  char    *description;
  char    *uri;
  char    *evidence_date;
  gint64   competency_id;
  gint64   level_id;
  char    *assessed_by;
};

G_DEFINE_FINAL_TYPE (TrellisEvidence, trellis_evidence, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "goal-id", "goal_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisEvidence, goal_id),
    N_("Goal"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "goal" },
  { "kind", "kind", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisEvidence, kind),
    N_("Kind"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_evidence_kinds, NULL },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisEvidence, title),
    N_("Title"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "description", "description", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisEvidence, description),
    N_("Description"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "uri", "uri", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisEvidence, uri),
    N_("File or web address"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "evidence-date", "evidence_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisEvidence, evidence_date),
    N_("Date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "competency-id", "competency_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisEvidence, competency_id),
    N_("Competency"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, "competency" },
  { "level-id", "level_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisEvidence, level_id),
    N_("Assessed level"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, "proficiency_level" },
  { "assessed-by", "assessed_by", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisEvidence, assessed_by),
    N_("Assessed by"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
};

static void
trellis_evidence_class_init (TrellisEvidenceClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "evidence";
  entity_class->label = N_("Evidence");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_evidence_init (TrellisEvidence *self)
{
  self->kind = g_strdup ("artifact");
}

TrellisEvidence *
trellis_evidence_new (void)
{
  return g_object_new (TRELLIS_TYPE_EVIDENCE, NULL);
}
