/* trellis-guardian.c — a parent or other adult who cares for a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-guardian"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-vocabulary.h"
#include "trellis-guardian.h"

struct _TrellisGuardian
{
  TrellisEntity parent_instance;

  gint64   student_id;
  char    *name;
  char    *relationship;
  char    *preferred_language;
  char    *email;
  char    *phone;
  int      position;
  char    *sourced_id;
};

G_DEFINE_FINAL_TYPE (TrellisGuardian, trellis_guardian, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "student-id", "student_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisGuardian, student_id),
    N_("Student"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "student" },
  { "name", "name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, name),
    N_("Name"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "relationship", "relationship", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, relationship),
    N_("Relationship"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "preferred-language", "preferred_language", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, preferred_language),
    N_("Preferred language"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "email", "email", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, email),
    N_("Email"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "phone", "phone", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, phone),
    N_("Phone"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "position", "position", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisGuardian, position),
    N_("Position"), TRELLIS_FIELD_FLAG_POSITION, 0, 0, NULL, NULL },
  /* the guardian's OneRoster sourcedId when the guardian came from a roster import */
  { "sourced-id", "sourced_id", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisGuardian, sourced_id),
    N_("Roster identifier"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
};

static gboolean
trellis_guardian_validate (TrellisEntity  *entity,
                           GError        **error)
{
  TrellisGuardian *self = TRELLIS_GUARDIAN (entity);

  if (!trellis_is_valid_email (self->email))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not an email address (expected name@example.org)."), self->email);
      return FALSE;
    }
  return TRUE;
}

static void
trellis_guardian_class_init (TrellisGuardianClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "guardian";
  entity_class->label = N_("Guardian");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  entity_class->validate = trellis_guardian_validate;
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_guardian_init (TrellisGuardian *self)
{
}

TrellisGuardian *
trellis_guardian_new (void)
{
  return g_object_new (TRELLIS_TYPE_GUARDIAN, NULL);
}
