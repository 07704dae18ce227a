/* trellis-application.h — the application: command line, actions and the open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPLICATION (trellis_application_get_type ())
G_DECLARE_FINAL_TYPE (TrellisApplication, trellis_application, TRELLIS, APPLICATION, AdwApplication)

TrellisApplication *trellis_application_new              (void);
const char         *trellis_application_get_database_path (TrellisApplication *self);

G_END_DECLS
