/* trellis-window-private.h — what the window’s files share: its fields and helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-banner.h"
#include "trellis-student-list.h"
#include "trellis-student-view.h"
#include "trellis-undo-shortcut.h"
#include "trellis-window.h"

G_BEGIN_DECLS

struct _TrellisWindow
{
  AdwApplicationWindow  parent_instance;

  TrellisStore         *store;
  TrellisUndoShortcut  *undo_shortcut;   /* Ctrl+Z wherever focus is */
  GCancellable         *sample_cancellable;
  guint                 reload_id;
  guint                 waiting_id;      /* ticks while a write waits (busy, disk full) */
  char                 *refused_path;    /* the file shown as refused, while no store is open */
  char                 *opening_path;    /* the file last given to open */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *empty_window_title;
  TrellisStudentList   *student_list;
  TrellisStudentView   *student_view;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *editor_button;
  GtkMenuButton        *empty_editor_button;
  GtkWidget            *student_menu_button;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_buttons;
  GtkProgressBar       *sample_progress;
  AdwStatusPage        *refused_page;
  TrellisBanner        *banner;
};

void trellis_window_install_actions (GtkWidgetClass *widget_class);
void trellis_window_update_actions  (TrellisWindow  *self);
void trellis_window_update_editor   (TrellisWindow  *self);
void trellis_window_load_sample     (TrellisWindow  *self);
const char *trellis_window_get_database_path (TrellisWindow *self);

G_END_DECLS
