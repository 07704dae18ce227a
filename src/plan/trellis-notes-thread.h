/* trellis-notes-thread.h — the conversation on a plan or a goal: every voice with name, role and time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_NOTES_THREAD (trellis_notes_thread_get_type ())
G_DECLARE_FINAL_TYPE (TrellisNotesThread, trellis_notes_thread, TRELLIS, NOTES_THREAD, GtkWidget)

void trellis_notes_thread_set_target (TrellisNotesThread *self,
                                      TrellisStore       *store,
                                      gint64              plan_id,
                                      gint64              goal_id);
void trellis_notes_thread_reload     (TrellisNotesThread *self);

G_END_DECLS
