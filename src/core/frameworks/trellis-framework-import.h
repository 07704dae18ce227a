/* trellis-framework-import.h — reads a framework kept elsewhere (Moodle, CASE, Mahara, a template)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FRAMEWORK_IMPORT (trellis_framework_import_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFrameworkImport, trellis_framework_import, TRELLIS, FRAMEWORK_IMPORT, GObject)

TrellisFrameworkImport *trellis_framework_import_new_from_file     (GFile                   *file,
                                                                    GCancellable            *cancellable,
                                                                    GError                 **error);
const char             *trellis_framework_import_get_title         (TrellisFrameworkImport  *self);
const char             *trellis_framework_import_get_format_name   (TrellisFrameworkImport  *self);
guint                   trellis_framework_import_get_n_attributes  (TrellisFrameworkImport  *self);
guint                   trellis_framework_import_get_n_competencies (TrellisFrameworkImport *self);
guint                   trellis_framework_import_get_n_levels      (TrellisFrameworkImport  *self);
GStrv                   trellis_framework_import_dup_attribute_names (TrellisFrameworkImport *self);
GStrv                   trellis_framework_import_dup_level_names   (TrellisFrameworkImport  *self);
GStrv                   trellis_framework_import_dup_warnings      (TrellisFrameworkImport  *self);
gboolean                trellis_framework_import_apply             (TrellisFrameworkImport  *self,
                                                                    TrellisStore            *store,
                                                                    gint64                  *framework_id,
                                                                    GError                 **error);

G_END_DECLS
