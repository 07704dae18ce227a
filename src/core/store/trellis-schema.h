/* trellis-schema.h — the database schema and its forward migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The newest schema this program knows; PRAGMA user_version holds the file's. */
#define TRELLIS_SCHEMA_VERSION 3

/* PRAGMA application_id of every Trellis file (“Trls”), so that another program’s SQLite
 * database, which may also use user_version, is never taken for ours. */
#define TRELLIS_APPLICATION_ID 0x54726c73

gboolean trellis_schema_migrate (sqlite3  *db,
                                 int       from_version,
                                 GError  **error);

G_END_DECLS
