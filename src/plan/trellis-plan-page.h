/* trellis-plan-page.h — a student's plan for a school year: status, goals and the conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-student-page.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN_PAGE (trellis_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPlanPage, trellis_plan_page, TRELLIS, PLAN_PAGE, TrellisStudentPage)

GtkWidget *trellis_plan_page_new (void);

G_END_DECLS
