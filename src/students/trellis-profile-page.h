/* trellis-profile-page.h — a student’s profile: identity, school, about me, supports, family
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-student-page.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROFILE_PAGE (trellis_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisProfilePage, trellis_profile_page, TRELLIS, PROFILE_PAGE, TrellisStudentPage)

GtkWidget *trellis_profile_page_get_field_widget (TrellisProfilePage *self,
                                                  const char         *field);
gboolean   trellis_profile_page_flush            (TrellisProfilePage *self);

G_END_DECLS
