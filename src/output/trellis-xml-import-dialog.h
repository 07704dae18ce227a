/* trellis-xml-import-dialog.h — File ▸ Import from XML: what the file would change, conflicts, apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_XML_IMPORT_DIALOG (trellis_xml_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisXmlImportDialog, trellis_xml_import_dialog, TRELLIS, XML_IMPORT_DIALOG, AdwWindow)

GtkWidget *trellis_xml_import_dialog_new (GtkWindow    *parent,
                                          TrellisStore *store,
                                          const char   *path);

G_END_DECLS
