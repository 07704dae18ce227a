/* trellis-limits.c — how much one record may hold, the same in every importer and editor
 *
 * The store refuses a record past its owner's limit (so every editor does), the plan-file and
 * framework importers refuse a file past one before anything is stored, and the entity's field
 * check refuses an overlong text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-limits"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-limits.h"

static const TrellisLimit limits[] = {
  { "guardian", "student", TRELLIS_LIMIT_GUARDIANS_PER_STUDENT },
  { "plan", "student", TRELLIS_LIMIT_PLANS_PER_STUDENT },
  { "goal", "plan", TRELLIS_LIMIT_GOALS_PER_PLAN },
  { "action_step", "goal", TRELLIS_LIMIT_STEPS_PER_GOAL },
  { "evidence", "goal", TRELLIS_LIMIT_EVIDENCE_PER_GOAL },
  { "note", "plan", TRELLIS_LIMIT_NOTES_PER_PLAN },
  { "attribute", "framework", TRELLIS_LIMIT_ATTRIBUTES_PER_FRAMEWORK },
  /* An attribute may hold every competency its framework may have. */
  { "competency", "attribute", TRELLIS_LIMIT_COMPETENCIES_PER_FRAMEWORK },
  { "proficiency_level", "framework", TRELLIS_LIMIT_LEVELS_PER_FRAMEWORK },
  { "goal_competency", "goal", TRELLIS_LIMIT_LINKS_PER_GOAL },
};

/* The sentences of trellis_limits_dup_message() follow this table's order. */
G_STATIC_ASSERT (G_N_ELEMENTS (limits) == 10);

/* Public API */

/**
 * trellis_limits_for_table:
 * @table: a record kind (an SQL table, e.g. `goal`, or `goal_competency` for links)
 *
 * Returns: (nullable) (transfer none): how many of them one owner may hold, %NULL when the kind
 *   has no owner (students, frameworks)
 */
const TrellisLimit *
trellis_limits_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if (g_strcmp0 (limits[i].table, table) == 0)
      return &limits[i];
  return NULL;
}

/**
 * trellis_limits_dup_message:
 * @limit: a limit from trellis_limits_for_table()
 *
 * Returns: (transfer full): the limit in a sentence, e.g. “A plan can have at most 40 goals.”
 */
char *
trellis_limits_dup_message (const TrellisLimit *limit)
{
  guint n;

  g_return_val_if_fail (limit >= limits && limit < limits + G_N_ELEMENTS (limits), NULL);
  n = limit->max;
  switch (limit - limits)
    {
    case 0:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A student can have at most %u guardian.",
                                           "A student can have at most %u guardians.", n), n);
    case 1:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A student can have at most %u plan.",
                                           "A student can have at most %u plans.", n), n);
    case 2:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A plan can have at most %u goal.",
                                           "A plan can have at most %u goals.", n), n);
    case 3:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A goal can have at most %u action step.",
                                           "A goal can have at most %u action steps.", n), n);
    case 4:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A goal can have at most %u piece of evidence.",
                                           "A goal can have at most %u pieces of evidence.", n), n);
    case 5:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A plan can have at most %u note.",
                                           "A plan can have at most %u notes.", n), n);
    case 6:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A framework can have at most %u attribute.",
                                           "A framework can have at most %u attributes.", n), n);
    case 7:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A framework can have at most %u competency.",
                                           "A framework can have at most %u competencies.", n), n);
    case 8:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A proficiency scale can have at most %u level.",
                                           "A proficiency scale can have at most %u levels.", n), n);
    case 9:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A goal can be linked to at most %u competency.",
                                           "A goal can be linked to at most %u competencies.", n), n);
    default:
      g_assert_not_reached ();
    }
}

/**
 * trellis_limits_dup_text_message:
 * @field_label: the field's name, translated
 * @n_chars: how long the text is
 *
 * Returns: (transfer full): why a text of @n_chars characters is refused
 */
char *
trellis_limits_dup_text_message (const char *field_label,
                                 glong       n_chars)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has %ld character; a text can have at most %d.",
                                       "“%s” has %ld characters; a text can have at most %d.",
                                       (gulong) n_chars),
                          field_label, n_chars, TRELLIS_LIMIT_TEXT_CHARS);
}
