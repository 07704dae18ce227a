/* trellis-conflict.c — a field that two people changed at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-conflict.h"

G_DEFINE_BOXED_TYPE (TrellisConflict, trellis_conflict, trellis_conflict_copy, trellis_conflict_free)

TrellisConflict *
trellis_conflict_new (const TrellisField *field,
                      const char         *mine,
                      const char         *theirs,
                      const char         *their_author,
                      const char         *their_time)
{
  TrellisConflict *conflict = g_new0 (TrellisConflict, 1);

  g_return_val_if_fail (field != NULL, NULL);

  conflict->field = field;
  conflict->mine = g_strdup (mine ? mine : "");
  conflict->theirs = g_strdup (theirs ? theirs : "");
  conflict->their_author = g_strdup (their_author ? their_author : "");
  conflict->their_time = g_strdup (their_time ? their_time : "");
  return conflict;
}

TrellisConflict *
trellis_conflict_copy (const TrellisConflict *conflict)
{
  g_return_val_if_fail (conflict != NULL, NULL);

  return trellis_conflict_new (conflict->field, conflict->mine, conflict->theirs,
                               conflict->their_author, conflict->their_time);
}

void
trellis_conflict_free (TrellisConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->their_author);
  g_free (conflict->their_time);
  g_free (conflict);
}
