/* trellis-xml-export-dialog.h — File ▸ Export to XML: which students, where, and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_XML_EXPORT_DIALOG (trellis_xml_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisXmlExportDialog, trellis_xml_export_dialog, TRELLIS, XML_EXPORT_DIALOG, AdwWindow)

GtkWidget *trellis_xml_export_dialog_new (GtkWindow    *parent,
                                          TrellisStore *store,
                                          gint64        selected_student_id,
                                          GArray       *visible_student_ids);
void       trellis_xml_export_dialog_export_to (TrellisXmlExportDialog *self,
                                                GFile                  *file);

G_END_DECLS
