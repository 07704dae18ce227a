/* trellis-csv-reader.h — reads RFC 4180 comma-separated records and knows their line numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A record with more fields than this is refused: no real file has it, and a hostile one could
 * otherwise make a million empty strings out of a line of commas. */
#define TRELLIS_CSV_MAX_FIELDS 1000

typedef struct _TrellisCsvReader TrellisCsvReader;

gboolean          trellis_csv_check_encoding    (const char        *name,
                                                 const char        *text,
                                                 gsize              length,
                                                 GError           **error);

TrellisCsvReader *trellis_csv_reader_new        (const char        *name,
                                                 const char        *text,
                                                 gsize              length);
void              trellis_csv_reader_free       (TrellisCsvReader  *self);
gboolean          trellis_csv_reader_read_header (TrellisCsvReader *self,
                                                 GPtrArray        **fields,
                                                 GError           **error);
gboolean          trellis_csv_reader_next       (TrellisCsvReader  *self,
                                                 GPtrArray        **fields,
                                                 GError           **error);
guint             trellis_csv_reader_get_line   (TrellisCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCsvReader, trellis_csv_reader_free)

G_END_DECLS
