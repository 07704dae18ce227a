/* trellis-roster-files.h — the CSV files of a OneRoster export, from a folder or a zip, as tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* No OneRoster file of a district is near this; a larger one (or a zip entry that inflates to
 * more) is refused before it is read. */
#define TRELLIS_ROSTER_MAX_FILE_SIZE  (256 * 1024 * 1024)
/* All the files of one export together. */
#define TRELLIS_ROSTER_MAX_TOTAL_SIZE (1024 * 1024 * 1024)

typedef struct _TrellisRosterTable TrellisRosterTable;

GHashTable         *trellis_roster_files_read      (const char          *path,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
GHashTable         *trellis_roster_files_read_zip_data (const char      *name,
                                                    const void          *data,
                                                    gsize                size,
                                                    GError             **error);

TrellisRosterTable *trellis_roster_table_parse     (const char          *name,
                                                    GBytes              *bytes,
                                                    GError             **error);
void                trellis_roster_table_free      (TrellisRosterTable  *self);
const char         *trellis_roster_table_get_name  (TrellisRosterTable  *self);
guint               trellis_roster_table_get_n_rows (TrellisRosterTable *self);
int                 trellis_roster_table_find_column (TrellisRosterTable *self,
                                                    const char          *column);
const char         *trellis_roster_table_get_column_name (TrellisRosterTable *self,
                                                    int                  column);
guint               trellis_roster_table_get_n_columns (TrellisRosterTable *self);
const char         *trellis_roster_table_get      (TrellisRosterTable  *self,
                                                    guint                row,
                                                    int                  column);
guint               trellis_roster_table_get_line  (TrellisRosterTable  *self,
                                                    guint                row);
guint               trellis_roster_table_get_header_column (TrellisRosterTable *self,
                                                    int                  column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisRosterTable, trellis_roster_table_free)

G_END_DECLS
