/* trellis-xml-export.h — writes students, their plans and the frameworks they use to a plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-sample-school.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_XML_EXPORT (trellis_xml_export_get_type ())
G_DECLARE_FINAL_TYPE (TrellisXmlExport, trellis_xml_export, TRELLIS, XML_EXPORT, GObject)

TrellisXmlExport *trellis_xml_export_new              (TrellisStore        *store);
void              trellis_xml_export_add_student_id   (TrellisXmlExport    *self,
                                                       gint64               student_id);
void              trellis_xml_export_add_student_uuid (TrellisXmlExport    *self,
                                                       const char          *student_uuid);
void              trellis_xml_export_set_exported_at  (TrellisXmlExport    *self,
                                                       const char          *iso8601);
guint             trellis_xml_export_get_n_students   (TrellisXmlExport    *self);
double            trellis_xml_export_get_fraction     (TrellisXmlExport    *self);

gboolean          trellis_xml_export_write            (TrellisXmlExport    *self,
                                                       const char          *path,
                                                       TrellisProgressFunc  progress,
                                                       gpointer             user_data,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void              trellis_xml_export_write_async      (TrellisXmlExport    *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          trellis_xml_export_write_finish     (TrellisXmlExport    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
