/* trellis-vocabulary.c — the fixed words of the domain (statuses, categories, roles) and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-vocabulary"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-catalog.h"
#include "trellis-vocabulary.h"

const char * const trellis_plan_statuses[] = {
  "draft", "active", "in-review", "completed", "archived", NULL
};
static const char * const plan_status_labels[] = {
  N_("Draft"), N_("Active"), N_("In review"), N_("Completed"), N_("Archived"), NULL
};

const char * const trellis_goal_categories[] = {
  "academic", "career", "personal", "social-emotional", "civic", NULL
};
static const char * const goal_category_labels[] = {
  N_("Academic"), N_("Career"), N_("Personal"), N_("Social-emotional"), N_("Civic"), NULL
};

const char * const trellis_goal_statuses[] = {
  "not-started", "in-progress", "achieved", "revised", "set-aside", NULL
};
static const char * const goal_status_labels[] = {
  N_("Not started"), N_("In progress"), N_("Achieved"), N_("Revised"), N_("Set aside"), NULL
};

const char * const trellis_goal_priorities[] = {
  "low", "medium", "high", NULL
};
static const char * const goal_priority_labels[] = {
  N_("Low"), N_("Medium"), N_("High"), NULL
};

const char * const trellis_step_owners[] = {
  "student", "teacher", "family", "other", NULL
};
static const char * const step_owner_labels[] = {
  N_("Student"), N_("Teacher"), N_("Family"), N_("Other"), NULL
};

const char * const trellis_evidence_kinds[] = {
  "artifact", "performance-task", "exhibition", "observation", "assessment", "badge", NULL
};
static const char * const evidence_kind_labels[] = {
  N_("Artifact"), N_("Performance task"), N_("Exhibition"), N_("Observation"), N_("Assessment"),
  N_("Micro-credential or badge"), NULL
};

const char * const trellis_roles[] = {
  "student", "teacher", "counselor", "family", "administrator", NULL
};
static const char * const role_labels[] = {
  N_("Student"), N_("Teacher"), N_("Counselor"), N_("Family member"), N_("Administrator"), NULL
};

static const struct {
  const char * const *values;
  const char * const *labels;
} vocabularies[] = {
  { trellis_plan_statuses, plan_status_labels },
  { trellis_goal_categories, goal_category_labels },
  { trellis_goal_statuses, goal_status_labels },
  { trellis_goal_priorities, goal_priority_labels },
  { trellis_step_owners, step_owner_labels },
  { trellis_evidence_kinds, evidence_kind_labels },
  { trellis_roles, role_labels },
};

/**
 * trellis_vocabulary_label:
 * @vocabulary: one of the exported vocabularies, e.g. `trellis_goal_statuses`
 * @value: a stored value
 *
 * Returns: the translated label, or @value itself when it is not in the vocabulary
 */
const char *
trellis_vocabulary_label (const char * const *vocabulary,
                          const char         *value)
{
  return trellis_vocabulary_label_in (NULL, vocabulary, value);
}

/**
 * trellis_vocabulary_label_in:
 * @catalog: (nullable): the language of the label, %NULL for the application’s
 * @vocabulary: one of the exported vocabularies, e.g. `trellis_goal_statuses`
 * @value: a stored value
 *
 * Returns: the label translated with @catalog, or @value itself when it is not in the vocabulary
 */
const char *
trellis_vocabulary_label_in (TrellisCatalog     *catalog,
                             const char * const *vocabulary,
                             const char         *value)
{
  if (value == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    {
      if (vocabularies[i].values != vocabulary)
        continue;
      for (guint j = 0; vocabulary[j] != NULL; j++)
        if (strcmp (vocabulary[j], value) == 0)
          return trellis_catalog_translate (catalog, vocabularies[i].labels[j]);
    }
  return value;
}

/**
 * trellis_grade_level_label:
 * @grade_level: -1 for pre-kindergarten, 0 for kindergarten, 1 to 12
 *
 * Returns: (transfer full): “Pre-K”, “Kindergarten” or “Grade 7”
 */
char *
trellis_grade_level_label (int grade_level)
{
  return trellis_grade_level_label_in (NULL, grade_level);
}

/**
 * trellis_grade_level_label_in:
 * @catalog: (nullable): the language of the label, %NULL for the application’s
 * @grade_level: -1 for pre-kindergarten, 0 for kindergarten, 1 to 12
 *
 * Returns: (transfer full): the grade level as trellis_grade_level_label(), in @catalog’s language
 */
char *
trellis_grade_level_label_in (TrellisCatalog *catalog,
                              int             grade_level)
{
  if (grade_level < 0)
    return g_strdup (trellis_catalog_translate (catalog, N_("Pre-K")));
  if (grade_level == 0)
    return g_strdup (trellis_catalog_translate (catalog, N_("Kindergarten")));
  return g_strdup_printf (trellis_catalog_translate (catalog, N_("Grade %d")), grade_level);
}

gboolean
trellis_is_valid_email (const char *email)
{
  const char *at;
  const char *dot;

  if (email == NULL || *email == '\0')
    return TRUE;
  if (strchr (email, ' ') != NULL || strchr (email, '\n') != NULL)
    return FALSE;
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* A school year is written “2026-2027”: two consecutive years. */
gboolean
trellis_is_valid_school_year (const char *school_year)
{
  guint64 first, second;
  char *end = NULL;

  if (school_year == NULL || strlen (school_year) != 9 || school_year[4] != '-')
    return FALSE;
  first = g_ascii_strtoull (school_year, &end, 10);
  if (end != school_year + 4)
    return FALSE;
  second = g_ascii_strtoull (school_year + 5, &end, 10);
  return *end == '\0' && second == first + 1 && first >= 1900;
}

/* School years start in August: on 2026-11-23 the year is 2026-2027. */
char *
trellis_school_year_for_date (GDateTime *date)
{
  int year = g_date_time_get_year (date);

  if (g_date_time_get_month (date) < 8)
    year--;
  return g_strdup_printf ("%d-%d", year, year + 1);
}

/**
 * trellis_now_iso8601:
 *
 * Returns: (transfer full): the current UTC time as `2026-11-23T18:30:00.123Z`
 */
char *
trellis_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/**
 * trellis_format_timestamp:
 * @iso8601: (nullable): a stored time
 *
 * Returns: (transfer full): the time in the local zone, as a person reads it
 */
char *
trellis_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: a date and time in history and notes, see g_date_time_format() */
  return g_date_time_format (local, _("%-e %b %Y, %H:%M"));
}

gboolean
trellis_role_is_staff (const char *role)
{
  return g_strcmp0 (role, "student") != 0 && g_strcmp0 (role, "family") != 0;
}
