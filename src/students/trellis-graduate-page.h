/* trellis-graduate-page.h — the “Graduate profile” tab: a student’s map, legend and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-student-page.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GRADUATE_PAGE (trellis_graduate_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGraduatePage, trellis_graduate_page, TRELLIS, GRADUATE_PAGE, TrellisStudentPage)

GtkWidget *trellis_graduate_page_new (void);

G_END_DECLS
