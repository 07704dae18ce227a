/* trellis-student.c — a learner and their profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student"

#include <glib/gi18n-lib.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-vocabulary.h"
#include "trellis-student.h"

struct _TrellisStudent
{
  TrellisEntity parent_instance;

  char    *given_name;
  char    *middle_name;
  char    *family_name;
  char    *preferred_name;
  char    *pronouns;
  char    *student_number;
  int      grade_level;
  char    *birth_date;
  char    *homeroom;
  char    *advisor;
  char    *home_language;
  char    *interests;
  char    *strengths;
  char    *aspirations;
  char    *learning_preferences;
  char    *supports;
  gboolean archived;
  char    *email;
  char    *sourced_id;
};

G_DEFINE_FINAL_TYPE (TrellisStudent, trellis_student, TRELLIS_TYPE_ENTITY)

static const TrellisField fields[] = {
  { "given-name", "given_name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, given_name),
    N_("Given name"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "middle-name", "middle_name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, middle_name),
    N_("Middle name"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "family-name", "family_name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, family_name),
    N_("Family name"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "preferred-name", "preferred_name", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, preferred_name),
    N_("Preferred name"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "pronouns", "pronouns", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, pronouns),
    N_("Pronouns"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "student-number", "student_number", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, student_number),
    N_("Student number"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "grade-level", "grade_level", TRELLIS_FIELD_INT, G_STRUCT_OFFSET (TrellisStudent, grade_level),
    N_("Grade level"), TRELLIS_FIELD_FLAG_NONE, -1, 12, NULL, NULL },
  { "birth-date", "birth_date", TRELLIS_FIELD_DATE, G_STRUCT_OFFSET (TrellisStudent, birth_date),
    N_("Birth date"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "homeroom", "homeroom", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, homeroom),
    N_("Homeroom"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "advisor", "advisor", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, advisor),
    N_("Advisor"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "home-language", "home_language", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, home_language),
    N_("Home language"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "interests", "interests", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, interests),
    N_("Interests"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "strengths", "strengths", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, strengths),
    N_("Strengths"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "aspirations", "aspirations", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, aspirations),
    N_("Aspirations"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "learning-preferences", "learning_preferences", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, learning_preferences),
    N_("Learning preferences"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "supports", "supports", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, supports),
    N_("Supports and accommodations"), TRELLIS_FIELD_FLAG_MULTILINE, 0, 0, NULL, NULL },
  { "archived", "archived", TRELLIS_FIELD_BOOLEAN, G_STRUCT_OFFSET (TrellisStudent, archived),
    N_("Archived"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  { "email", "email", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, email),
    N_("Email"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
  /* the student's OneRoster sourcedId when the student came from a roster import */
  { "sourced-id", "sourced_id", TRELLIS_FIELD_TEXT, G_STRUCT_OFFSET (TrellisStudent, sourced_id),
    N_("Roster identifier"), TRELLIS_FIELD_FLAG_NONE, 0, 0, NULL, NULL },
};

static gboolean
trellis_student_validate (TrellisEntity  *entity,
                          GError        **error)
{
  TrellisStudent *self = TRELLIS_STUDENT (entity);
  g_autofree char *given = g_strstrip (g_strdup (self->given_name ? self->given_name : ""));
  g_autofree char *family = g_strstrip (g_strdup (self->family_name ? self->family_name : ""));

  if (*given == '\0' && *family == '\0')
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("A student needs a given name or a family name."));
      return FALSE;
    }
  if (!trellis_is_valid_email (self->email))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not an email address (expected name@example.org)."), self->email);
      return FALSE;
    }
  return TRUE;
}

static void
trellis_student_class_init (TrellisStudentClass *klass)
{
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  entity_class->table = "student";
  entity_class->label = N_("Student");
  entity_class->fields = fields;
  entity_class->n_fields = G_N_ELEMENTS (fields);
  entity_class->validate = trellis_student_validate;
  trellis_entity_class_install_fields (entity_class);
}

static void
trellis_student_init (TrellisStudent *self)
{
}

TrellisStudent *
trellis_student_new (void)
{
  return g_object_new (TRELLIS_TYPE_STUDENT, NULL);
}
