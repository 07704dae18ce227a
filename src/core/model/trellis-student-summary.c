/* trellis-student-summary.c — the light row of the student list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-summary"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-student-summary.h"

struct _TrellisStudentSummary
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *given_name;
  char    *family_name;
  char    *preferred_name;
  char    *display_name;
  char    *student_number;
  int      grade_level;
  char    *homeroom;
  char    *advisor;
  gboolean archived;
  char    *plan_status;
  char    *search_key;
};

G_DEFINE_FINAL_TYPE (TrellisStudentSummary, trellis_student_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DISPLAY_NAME,
  PROP_STUDENT_NUMBER,
  PROP_GRADE_LEVEL,
  PROP_HOMEROOM,
  PROP_ADVISOR,
  PROP_ARCHIVED,
  PROP_PLAN_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Overrides */

static void
trellis_student_summary_finalize (GObject *object)
{
  TrellisStudentSummary *self = TRELLIS_STUDENT_SUMMARY (object);

  g_free (self->uuid);
  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->preferred_name);
  g_free (self->display_name);
  g_free (self->student_number);
  g_free (self->homeroom);
  g_free (self->advisor);
  g_free (self->plan_status);
  g_free (self->search_key);

  G_OBJECT_CLASS (trellis_student_summary_parent_class)->finalize (object);
}

static void
trellis_student_summary_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TrellisStudentSummary *self = TRELLIS_STUDENT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_STUDENT_NUMBER:
      g_value_set_string (value, self->student_number);
      break;
    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;
    case PROP_HOMEROOM:
      g_value_set_string (value, self->homeroom);
      break;
    case PROP_ADVISOR:
      g_value_set_string (value, self->advisor);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_PLAN_STATUS:
      g_value_set_string (value, self->plan_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_summary_class_init (TrellisStudentSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_student_summary_finalize;
  object_class->get_property = trellis_student_summary_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_STUDENT_NUMBER] = g_param_spec_string ("student-number", NULL, NULL, NULL, flags);
  properties[PROP_GRADE_LEVEL] = g_param_spec_int ("grade-level", NULL, NULL, -1, 12, 0, flags);
  properties[PROP_HOMEROOM] = g_param_spec_string ("homeroom", NULL, NULL, NULL, flags);
  properties[PROP_ADVISOR] = g_param_spec_string ("advisor", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_PLAN_STATUS] = g_param_spec_string ("plan-status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_student_summary_init (TrellisStudentSummary *self)
{
}

/* Public API */

/**
 * trellis_student_display_name:
 * @given_name: (nullable): the given name
 * @family_name: (nullable): the family name
 * @preferred_name: (nullable): the name the student goes by, used instead of the given name
 *
 * Returns: (transfer full): “Preferred Family”, or whichever parts exist
 */
char *
trellis_student_display_name (const char *given_name,
                              const char *family_name,
                              const char *preferred_name)
{
  const char *first = (preferred_name && *preferred_name) ? preferred_name : given_name;

  if (first == NULL || *first == '\0')
    return g_strdup (family_name ? family_name : "");
  if (family_name == NULL || *family_name == '\0')
    return g_strdup (first);
  /* Translators: a student’s name: %1$s is the given (or preferred) name, %2$s the family name */
  return g_strdup_printf (_("%1$s %2$s"), first, family_name);
}

/**
 * trellis_search_fold:
 * @text: any UTF-8 text
 *
 * Returns: (transfer full): @text case-folded and without accents, for search-as-you-type
 *   (“Nguyễn” matches “nguyen”)
 */
char *
trellis_search_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GString) stripped = NULL;
  const char *p;

  /* Most names are plain ASCII: nothing to decompose, and folding is lower-casing. */
  for (p = text ? text : ""; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text ? text : "", -1);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  stripped = g_string_sized_new (strlen (normalized));

  for (p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0111 || c == 0x0110)   /* Vietnamese đ has no decomposition */
        c = 'd';
      g_string_append_unichar (stripped, c);
    }
  return g_utf8_casefold (stripped->str, -1);
}

/**
 * trellis_student_summary_new:
 * @id: the student's row id
 * @uuid: their UUID
 * @given_name: (nullable): the names, number, homeroom and advisor; %NULL is empty
 * @family_name: (nullable):
 * @preferred_name: (nullable):
 * @student_number: (nullable):
 * @grade_level: the grade (-1 pre-K, 0 kindergarten)
 * @homeroom: (nullable):
 * @advisor: (nullable):
 * @archived: whether the student is archived
 * @plan_status: (nullable): the status of the newest plan, %NULL without a plan
 *
 * Returns: (transfer full): a new summary, as the store read it
 */
TrellisStudentSummary *
trellis_student_summary_new (gint64      id,
                             const char *uuid,
                             const char *given_name,
                             const char *family_name,
                             const char *preferred_name,
                             const char *student_number,
                             int         grade_level,
                             const char *homeroom,
                             const char *advisor,
                             gboolean    archived,
                             const char *plan_status)
{
  TrellisStudentSummary *self = g_object_new (TRELLIS_TYPE_STUDENT_SUMMARY, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid ? uuid : "");
  self->given_name = g_strdup (given_name ? given_name : "");
  self->family_name = g_strdup (family_name ? family_name : "");
  self->preferred_name = g_strdup (preferred_name ? preferred_name : "");
  self->student_number = g_strdup (student_number ? student_number : "");
  self->grade_level = grade_level;
  self->homeroom = g_strdup (homeroom ? homeroom : "");
  self->advisor = g_strdup (advisor ? advisor : "");
  self->archived = archived;
  self->plan_status = g_strdup (plan_status);
  self->display_name = trellis_student_display_name (self->given_name, self->family_name,
                                                     self->preferred_name);
  return self;
}

gint64
trellis_student_summary_get_id (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), 0);
  return self->id;
}

const char *
trellis_student_summary_get_uuid (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->uuid;
}

const char *
trellis_student_summary_get_given_name (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->given_name;
}

const char *
trellis_student_summary_get_family_name (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->family_name;
}

const char *
trellis_student_summary_get_display_name (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->display_name;
}

const char *
trellis_student_summary_get_student_number (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->student_number;
}

int
trellis_student_summary_get_grade_level (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), 0);
  return self->grade_level;
}

const char *
trellis_student_summary_get_homeroom (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->homeroom;
}

const char *
trellis_student_summary_get_advisor (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->advisor;
}

gboolean
trellis_student_summary_get_archived (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), FALSE);
  return self->archived;
}

/**
 * trellis_student_summary_get_plan_status:
 * @self: a summary
 *
 * Returns: (nullable): the status of the newest plan, %NULL when the student has none
 */
const char *
trellis_student_summary_get_plan_status (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);
  return self->plan_status;
}

/**
 * trellis_student_summary_get_search_key:
 * @self: a summary
 *
 * Returns: the names and number folded by trellis_search_fold(), computed on first use
 */
const char *
trellis_student_summary_get_search_key (TrellisStudentSummary *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (self), NULL);

  /* Folding is a third of the cost of loading 10,000 summaries; only a search needs it. */
  if (self->search_key == NULL)
    {
      g_autofree char *key = g_strjoin (" ", self->given_name, self->family_name,
                                        self->preferred_name, self->student_number, NULL);
      self->search_key = trellis_search_fold (key);
    }
  return self->search_key;
}
