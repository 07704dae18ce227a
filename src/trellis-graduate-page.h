/* trellis-graduate-page.h — the “Graduate profile” tab: a student’s map, legend and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GRADUATE_PAGE (trellis_graduate_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGraduatePage, trellis_graduate_page, TRELLIS, GRADUATE_PAGE, AdwBin)

GtkWidget    *trellis_graduate_page_new            (void);
TrellisStore *trellis_graduate_page_get_store      (TrellisGraduatePage *self);
void          trellis_graduate_page_set_store      (TrellisGraduatePage *self,
                                                    TrellisStore        *store);
gint64        trellis_graduate_page_get_student_id (TrellisGraduatePage *self);
void          trellis_graduate_page_set_student_id (TrellisGraduatePage *self,
                                                    gint64               student_id);

G_END_DECLS
