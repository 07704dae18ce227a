/* trellis-framework-template.h — reads the framework templates Trellis ships (GLib key files)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_DEFAULT_FRAMEWORK_RESOURCE "/org/trellisplp/Trellis/core/frameworks/profile-of-a-graduate.framework"

gboolean  trellis_framework_template_load_bytes   (TrellisStore  *store,
                                                   GBytes        *bytes,
                                                   gboolean       make_default,
                                                   gint64        *framework_id,
                                                   GError       **error);
gboolean  trellis_framework_template_load_default (TrellisStore  *store,
                                                   gint64        *framework_id,
                                                   GError       **error);
char    **trellis_framework_template_list         (void);
const char *trellis_framework_template_translate  (const char    *language,
                                                   const char    *text);

G_END_DECLS
