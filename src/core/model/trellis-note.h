/* trellis-note.h — a comment or reflection on a plan or a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_NOTE (trellis_note_get_type ())
G_DECLARE_FINAL_TYPE (TrellisNote, trellis_note, TRELLIS, NOTE, TrellisEntity)

TrellisNote *trellis_note_new (void);

G_END_DECLS
