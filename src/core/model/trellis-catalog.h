/* trellis-catalog.h — the translations of one language, looked up without changing the locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_CATALOG (trellis_catalog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCatalog, trellis_catalog, TRELLIS, CATALOG, GObject)

TrellisCatalog *trellis_catalog_get           (const char     *language);
const char     *trellis_catalog_get_language  (TrellisCatalog *self);
const char     *trellis_catalog_translate     (TrellisCatalog *self,
                                               const char     *msgid) G_GNUC_FORMAT (2);
const char     *trellis_catalog_translate_plural (TrellisCatalog *self,
                                                  const char     *msgid,
                                                  const char     *msgid_plural,
                                                  gulong          n) G_GNUC_FORMAT (2);
char           *trellis_catalog_dup_directory (void);

G_END_DECLS
