/* trellis-window.h — the main window: the student list beside the selected student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-application.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_WINDOW (trellis_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisWindow, trellis_window, TRELLIS, WINDOW, AdwApplicationWindow)

TrellisWindow *trellis_window_new                      (TrellisApplication *application,
                                                        const char         *location);
TrellisStore  *trellis_window_get_store                (TrellisWindow      *self);
gboolean       trellis_window_open_database            (TrellisWindow      *self,
                                                        const char         *path);
gint64         trellis_window_get_selected_student_id  (TrellisWindow      *self);
void           trellis_window_select_student           (TrellisWindow      *self,
                                                        gint64              student_id);
GArray        *trellis_window_dup_visible_student_ids  (TrellisWindow      *self);
gboolean       trellis_window_restore_backup           (TrellisWindow      *self,
                                                        const char         *database_path,
                                                        const char         *backup_path,
                                                        GError            **error);
void           trellis_window_add_toast                (TrellisWindow      *self,
                                                        AdwToast           *toast);

G_END_DECLS
