/* trellis-xml-import.h — reads a plan file safely, shows what it would change, and merges it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* Files larger than this are refused before a byte is parsed (about 25,000 students). */
#define TRELLIS_XML_IMPORT_MAX_SIZE   (512 * 1024 * 1024)
/* No text in a plan is longer than this; a longer one is refused. */
#define TRELLIS_XML_IMPORT_MAX_TEXT   (1024 * 1024)
/* The format nests six levels; anything beyond this is refused at once. */
#define TRELLIS_XML_IMPORT_MAX_DEPTH  64

/**
 * TrellisXmlOutcome:
 * @TRELLIS_XML_OUTCOME_NEW: not in this database yet
 * @TRELLIS_XML_OUTCOME_UPDATED: the file has changes for it
 * @TRELLIS_XML_OUTCOME_UNCHANGED: this database already has the same, or a newer, version
 * @TRELLIS_XML_OUTCOME_CONFLICT: changed both here and in the file since the file was exported
 *
 * What importing a file does to a student or framework (with everything it owns).
 */
typedef enum {
  TRELLIS_XML_OUTCOME_NEW,
  TRELLIS_XML_OUTCOME_UPDATED,
  TRELLIS_XML_OUTCOME_UNCHANGED,
  TRELLIS_XML_OUTCOME_CONFLICT,
} TrellisXmlOutcome;

/**
 * TrellisXmlResolution:
 * @TRELLIS_XML_RESOLUTION_MINE: keep this database's version of the student or framework
 *   entirely: nothing of the file's is saved over it or added to it, links included
 * @TRELLIS_XML_RESOLUTION_THEIRS: take the file's version of them
 * @TRELLIS_XML_RESOLUTION_COPY: keep this database's version and add the file's as a copy with
 *   new identifiers
 */
typedef enum {
  TRELLIS_XML_RESOLUTION_MINE,
  TRELLIS_XML_RESOLUTION_THEIRS,
  TRELLIS_XML_RESOLUTION_COPY,
} TrellisXmlResolution;

#define TRELLIS_TYPE_XML_IMPORT (trellis_xml_import_get_type ())
G_DECLARE_FINAL_TYPE (TrellisXmlImport, trellis_xml_import, TRELLIS, XML_IMPORT, GObject)

TrellisXmlImport     *trellis_xml_import_new                (TrellisStore         *store,
                                                             const char           *path);
const char           *trellis_xml_import_get_path           (TrellisXmlImport     *self);

gboolean              trellis_xml_import_read               (TrellisXmlImport     *self,
                                                             GCancellable         *cancellable,
                                                             GError              **error);
void                  trellis_xml_import_read_async         (TrellisXmlImport     *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              trellis_xml_import_read_finish        (TrellisXmlImport     *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

guint                 trellis_xml_import_count_students     (TrellisXmlImport     *self,
                                                             TrellisXmlOutcome     outcome);
guint                 trellis_xml_import_count_frameworks   (TrellisXmlImport     *self,
                                                             TrellisXmlOutcome     outcome);
guint                 trellis_xml_import_get_n_conflicts    (TrellisXmlImport     *self);
char                 *trellis_xml_import_dup_conflict_title (TrellisXmlImport     *self,
                                                             guint                 index);
char                 *trellis_xml_import_dup_conflict_details (TrellisXmlImport   *self,
                                                             guint                 index);
TrellisXmlResolution  trellis_xml_import_get_resolution     (TrellisXmlImport     *self,
                                                             guint                 index);
void                  trellis_xml_import_set_resolution     (TrellisXmlImport     *self,
                                                             guint                 index,
                                                             TrellisXmlResolution  resolution);
void                  trellis_xml_import_set_all_resolutions (TrellisXmlImport    *self,
                                                             TrellisXmlResolution  resolution);
char                 *trellis_xml_import_dup_summary        (TrellisXmlImport     *self);

gboolean              trellis_xml_import_apply              (TrellisXmlImport     *self,
                                                             GCancellable         *cancellable,
                                                             GError              **error);
void                  trellis_xml_import_apply_async        (TrellisXmlImport     *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              trellis_xml_import_apply_finish       (TrellisXmlImport     *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
