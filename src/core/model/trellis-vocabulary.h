/* trellis-vocabulary.h — the fixed words of the domain (statuses, categories, roles) and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trellis-catalog.h"

G_BEGIN_DECLS

/* Each list is the stored form (stable, used in SQL and XML); the label is for people. */
extern const char * const trellis_plan_statuses[];
extern const char * const trellis_goal_categories[];
extern const char * const trellis_goal_statuses[];
extern const char * const trellis_goal_priorities[];
extern const char * const trellis_step_owners[];
extern const char * const trellis_evidence_kinds[];
extern const char * const trellis_roles[];

const char *trellis_vocabulary_label      (const char * const *vocabulary,
                                           const char         *value);
const char *trellis_vocabulary_label_in   (TrellisCatalog     *catalog,
                                           const char * const *vocabulary,
                                           const char         *value);
char       *trellis_grade_level_label     (int                 grade_level);
char       *trellis_grade_level_label_in  (TrellisCatalog     *catalog,
                                           int                 grade_level);
gboolean    trellis_is_valid_email        (const char         *email);
gboolean    trellis_is_valid_school_year  (const char         *school_year);
char       *trellis_school_year_for_date  (GDateTime          *date);
char       *trellis_now_iso8601           (void);
char       *trellis_format_timestamp      (const char         *iso8601);
gboolean    trellis_role_is_staff         (const char         *role);

G_END_DECLS
