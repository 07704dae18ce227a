/* trellis-history-page.h — every recorded change to a student’s record, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-student-page.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HISTORY_PAGE (trellis_history_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHistoryPage, trellis_history_page, TRELLIS, HISTORY_PAGE, TrellisStudentPage)

guint trellis_history_page_get_n_entries (TrellisHistoryPage *self);

G_END_DECLS
