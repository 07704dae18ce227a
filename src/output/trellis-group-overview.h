/* trellis-group-overview.h — a heat map of a group of students × the attributes of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-pog-group.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GROUP_OVERVIEW (trellis_group_overview_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGroupOverview, trellis_group_overview, TRELLIS, GROUP_OVERVIEW, AdwWindow)

GtkWidget       *trellis_group_overview_new          (TrellisStore         *store,
                                                      GArray               *student_ids);
TrellisPogGroup *trellis_group_overview_get_group    (TrellisGroupOverview *self);
GtkColumnView   *trellis_group_overview_get_view     (TrellisGroupOverview *self);
guint            trellis_group_overview_get_row_student (TrellisGroupOverview *self,
                                                      guint                 position);

G_END_DECLS
