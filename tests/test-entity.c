/* test-entity.c — the field tables: properties, validation and text forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-error.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-plan.h"
#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-test-utils.h"

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_entity_properties_follow_fields (void)
{
  g_autoptr(TrellisStudent) student = trellis_student_new ();
  g_autofree char *given = NULL;
  int grade = 0;
  guint notified = 0;

  g_signal_connect_swapped (student, "notify", G_CALLBACK (count_notify), &notified);
  g_object_set (student, "given-name", "Lan", "grade-level", 7, NULL);
  g_object_set (student, "given-name", "Lan", NULL);
  g_object_get (student, "given-name", &given, "grade-level", &grade, NULL);

  g_assert_cmpstr (given, ==, "Lan");
  g_assert_cmpint (grade, ==, 7);
  g_assert_cmpuint (notified, ==, 2);   /* the repeated value notifies nothing */
  g_assert_cmpstr (trellis_entity_get_text (TRELLIS_ENTITY (student), "given-name"), ==, "Lan");
}

static void
test_entity_validation (void)
{
  g_autoptr(TrellisStudent) student = trellis_student_new ();
  g_autoptr(TrellisGuardian) guardian = trellis_guardian_new ();
  g_autoptr(TrellisPlan) plan = trellis_plan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (trellis_entity_validate (TRELLIS_ENTITY (student), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (student, "family-name", "Nguyễn", "birth-date", "2012-02-30", NULL);
  g_assert_false (trellis_entity_validate (TRELLIS_ENTITY (student), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (student, "birth-date", "2012-02-29", NULL);
  g_assert_true (trellis_entity_validate (TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);

  g_object_set (guardian, "name", "Hùng Nguyễn", "email", "hung at example", NULL);
  g_assert_false (trellis_entity_validate (TRELLIS_ENTITY (guardian), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (plan, "school-year", "2026-2028", NULL);
  g_assert_false (trellis_entity_validate (TRELLIS_ENTITY (plan), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (plan, "school-year", "2026-2027", "status", "finished", NULL);
  g_assert_false (trellis_entity_validate (TRELLIS_ENTITY (plan), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

static void
test_entity_field_strings (void)
{
  g_autoptr(TrellisGoal) goal = trellis_goal_new ();
  g_autoptr(TrellisEntity) copy = NULL;
  g_autoptr(GError) error = NULL;
  const TrellisField *position = trellis_entity_find_field (TRELLIS_ENTITY (goal), "position");
  g_autofree char *text = NULL;

  g_assert_true (trellis_entity_set_field_string (TRELLIS_ENTITY (goal), position, "4", &error));
  g_assert_no_error (error);
  text = trellis_entity_dup_field_string (TRELLIS_ENTITY (goal), position);
  g_assert_cmpstr (text, ==, "4");
  g_assert_false (trellis_entity_set_field_string (TRELLIS_ENTITY (goal), position, "four", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);

  g_object_set (goal, "title", "Read 12 books", NULL);
  copy = trellis_entity_copy (TRELLIS_ENTITY (goal));
  g_assert_cmpstr (trellis_entity_get_text (copy, "title"), ==, "Read 12 books");
  g_assert_cmpint (trellis_entity_get_int (copy, "position"), ==, 4);
  g_assert_cmpstr (trellis_entity_get_text (copy, "status"), ==, "not-started");
}

static void
test_search_fold (void)
{
  g_autofree char *folded = trellis_search_fold ("Nguyễn Đức");
  g_autofree char *name = trellis_student_display_name ("Oleksandr", "Kovalenko", "Sasha");

  g_assert_cmpstr (folded, ==, "nguyen duc");
  g_assert_cmpstr (name, ==, "Sasha Kovalenko");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/properties", test_entity_properties_follow_fields);
  g_test_add_func ("/entity/validation", test_entity_validation);
  g_test_add_func ("/entity/field-strings", test_entity_field_strings);
  g_test_add_func ("/entity/search-fold", test_search_fold);

  return g_test_run ();
}
