/* trellis-conflict.h — a field that two people changed at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

/**
 * TrellisConflict:
 * @field: the field both sides changed
 * @mine: what this editor wrote, in the field’s text form
 * @theirs: what is stored now, in the field’s text form
 * @their_author: who stored @theirs
 * @their_time: when, an ISO 8601 UTC time
 *
 * Left by trellis_store_save_full() when another editor stored a different value in a field
 * this editor changed too. Nothing was overwritten: the record keeps @mine on top of a base
 * that now holds @theirs, so saving it again keeps mine, and putting @theirs back into the
 * field uses theirs.
 */
typedef struct {
  const TrellisField *field;
  char               *mine;
  char               *theirs;
  char               *their_author;
  char               *their_time;
} TrellisConflict;

#define TRELLIS_TYPE_CONFLICT (trellis_conflict_get_type ())

GType            trellis_conflict_get_type (void) G_GNUC_CONST;
TrellisConflict *trellis_conflict_new      (const TrellisField    *field,
                                            const char            *mine,
                                            const char            *theirs,
                                            const char            *their_author,
                                            const char            *their_time);
TrellisConflict *trellis_conflict_copy     (const TrellisConflict *conflict);
void             trellis_conflict_free     (TrellisConflict       *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisConflict, trellis_conflict_free)

G_END_DECLS
