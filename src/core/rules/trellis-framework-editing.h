/* trellis-framework-editing.h — the whole-framework edits of the framework editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

gboolean  trellis_framework_create                 (TrellisStore   *store,
                                                    const char     *title,
                                                    gint64         *framework_id,
                                                    GError        **error);
gboolean  trellis_framework_duplicate              (TrellisStore   *store,
                                                    gint64          framework_id,
                                                    const char     *title,
                                                    gint64         *copy_id,
                                                    GError        **error);
gboolean  trellis_framework_delete                 (TrellisStore   *store,
                                                    gint64          framework_id,
                                                    GError        **error);
gboolean  trellis_framework_set_default            (TrellisStore   *store,
                                                    gint64          framework_id,
                                                    GError        **error);
gint64    trellis_framework_count_plans            (TrellisStore   *store,
                                                    gint64          framework_id);
void      trellis_framework_count_contents         (TrellisStore   *store,
                                                    gint64          framework_id,
                                                    guint          *n_attributes,
                                                    guint          *n_competencies,
                                                    guint          *n_levels);
char     *trellis_framework_dup_template_title     (const char     *resource_path,
                                                    GError        **error);

gboolean  trellis_framework_append                 (TrellisStore   *store,
                                                    TrellisEntity  *entity,
                                                    GError        **error);
gboolean  trellis_framework_move                   (TrellisStore   *store,
                                                    TrellisEntity  *entity,
                                                    int             delta,
                                                    GError        **error);

gint64    trellis_framework_get_proficient_level   (TrellisStore   *store,
                                                    gint64          framework_id);
gboolean  trellis_framework_set_proficient_level   (TrellisStore   *store,
                                                    gint64          framework_id,
                                                    gint64          level_id,
                                                    GError        **error);

G_END_DECLS
