/* trellis-plan-page.h — a student's plan for a school year: status, goals and the conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN_PAGE (trellis_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPlanPage, trellis_plan_page, TRELLIS, PLAN_PAGE, GtkWidget)

GtkWidget    *trellis_plan_page_new            (void);
TrellisStore *trellis_plan_page_get_store      (TrellisPlanPage *self);
void          trellis_plan_page_set_store      (TrellisPlanPage *self,
                                                TrellisStore    *store);
gint64        trellis_plan_page_get_student_id (TrellisPlanPage *self);
void          trellis_plan_page_set_student_id (TrellisPlanPage *self,
                                                gint64           student_id);

G_END_DECLS
