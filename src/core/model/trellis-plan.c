/* trellis-plan.c — one student’s learning plan for a school year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-plan"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-plan.h"
#include "trellis-vocabulary.h"

struct _TrellisPlan
{
  TrellisEntity parent_instance;

  gint64   student_id;
  char    *school_year;
  char    *title;
  char    *status;
  gint64   framework_id;
  char    *reviewer;
  char    *status_changed_at;
  char    *status_changed_by;
  char    *start_date;
  char    *end_date;
};

G_DEFINE_FINAL_TYPE (TrellisPlan, trellis_plan, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "student-id", "student_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisPlan, student_id),
    N_("Student"), TRELLIS_FIELD_FLAG_PARENT, 0, 0, NULL, "student" },
  { "school-year", "school_year", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisPlan, school_year),
    N_("School year"), TRELLIS_FIELD_FLAG_REQUIRED, 0, 0, NULL, NULL },
  { "title", "title", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisPlan, title),
    N_("Title"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "status", "status", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisPlan, status),
    N_("Status"), TRELLIS_FIELD_FLAG_NONE, 0, 0, trellis_plan_statuses, NULL },
  { "framework-id", "framework_id", TRELLIS_FIELD_REFERENCE, G_STRUCT_OFFSET (TrellisPlan, framework_id),
    N_("Framework"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, "framework" },
  { "reviewer", "reviewer", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisPlan, reviewer),
    N_("Reviewer"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "status-changed-at", "status_changed_at", TRELLIS_FIELD_TIMESTAMP, G_STRUCT_OFFSET (TrellisPlan, status_changed_at),
    N_("Status changed"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "status-changed-by", "status_changed_by", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisPlan, status_changed_by),
    N_("Status changed by"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "start-date", "start_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisPlan, start_date),
    N_("Start date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "end-date", "end_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisPlan, end_date),
    N_("End date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
};

static gboolean
trellis_plan_validate (TrellisEntity  *entity,
                       GError        **error)
{
  TrellisPlan *self = TRELLIS_PLAN (entity);

  if (!trellis_is_valid_school_year (self->school_year))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not a school year (expected two years, e.g. 2026-2027)."),
                   self->school_year ? self->school_year : "");
      return FALSE;
    }
  return TRUE;
}

static void
trellis_plan_class_init (TrellisPlanClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "plan";
  entity_class->label = N_("Plan");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  entity_class->validate = trellis_plan_validate;
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_plan_init (TrellisPlan *self)
{
  self->status = g_strdup ("draft");
}

TrellisPlan *
trellis_plan_new (void)
{
  return g_object_new (TRELLIS_TYPE_PLAN, NULL);
}
