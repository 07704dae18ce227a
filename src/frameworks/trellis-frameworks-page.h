/* trellis-frameworks-page.h — the preferences page that lists the school’s frameworks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FRAMEWORKS_PAGE (trellis_frameworks_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFrameworksPage, trellis_frameworks_page, TRELLIS, FRAMEWORKS_PAGE, AdwPreferencesPage)

TrellisFrameworksPage *trellis_frameworks_page_new       (TrellisStore          *store);
TrellisStore          *trellis_frameworks_page_get_store (TrellisFrameworksPage *self);
void                   trellis_frameworks_page_set_store (TrellisFrameworksPage *self,
                                                          TrellisStore          *store);
void                   trellis_frameworks_page_import_file (TrellisFrameworksPage *self,
                                                          GFile                 *file);

G_END_DECLS
