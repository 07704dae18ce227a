/* trellis-error.h — the error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_ERROR (trellis_error_quark ())

/**
 * TrellisError:
 * @TRELLIS_ERROR_FAILED: something went wrong that has no better code
 * @TRELLIS_ERROR_INVALID: a value was refused (the message names the field)
 * @TRELLIS_ERROR_NOT_FOUND: the record does not exist (any more)
 * @TRELLIS_ERROR_NOT_A_DATABASE: the file is not a Trellis database, or is damaged
 * @TRELLIS_ERROR_TOO_NEW: the file was written by a newer Trellis
 * @TRELLIS_ERROR_BUSY: another program holds the database locked
 * @TRELLIS_ERROR_IO: the disk refused (full, read-only, no permission)
 * @TRELLIS_ERROR_IN_USE: the record is still used by another (e.g. a framework by a plan)
 * @TRELLIS_ERROR_PARSE: an imported file is malformed (the message says where)
 * @TRELLIS_ERROR_CANCELLED: the user cancelled
 * @TRELLIS_ERROR_NO_SPACE: the disk is full; nothing was changed
 * @TRELLIS_ERROR_CONFLICT: someone else stored a different value in a field this save
 *   changed too; nothing was overwritten (see #TrellisConflict)
 * @TRELLIS_ERROR_CHANGED: the database changed since an import's preview; nothing was imported
 *   and the import holds a new preview to show
 */
typedef enum {
  TRELLIS_ERROR_FAILED,
  TRELLIS_ERROR_INVALID,
  TRELLIS_ERROR_NOT_FOUND,
  TRELLIS_ERROR_NOT_A_DATABASE,
  TRELLIS_ERROR_TOO_NEW,
  TRELLIS_ERROR_BUSY,
  TRELLIS_ERROR_IO,
  TRELLIS_ERROR_IN_USE,
  TRELLIS_ERROR_PARSE,
  TRELLIS_ERROR_CANCELLED,
  TRELLIS_ERROR_CONFLICT,
  TRELLIS_ERROR_NO_SPACE,
  TRELLIS_ERROR_CHANGED,
} TrellisError;

GQuark trellis_error_quark (void);

G_END_DECLS
