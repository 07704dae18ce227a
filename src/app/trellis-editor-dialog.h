/* trellis-editor-dialog.h — asks who is using Trellis on this machine: name and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_EDITOR_DIALOG (trellis_editor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEditorDialog, trellis_editor_dialog, TRELLIS, EDITOR_DIALOG, AdwMessageDialog)

GtkWidget *trellis_editor_dialog_new (GtkWindow *parent);

G_END_DECLS
