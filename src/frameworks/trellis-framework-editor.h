/* trellis-framework-editor.h — the window that edits one framework’s attributes, competencies and scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-framework.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FRAMEWORK_EDITOR (trellis_framework_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFrameworkEditor, trellis_framework_editor, TRELLIS, FRAMEWORK_EDITOR, AdwWindow)

TrellisFrameworkEditor *trellis_framework_editor_new              (TrellisStore           *store,
                                                                   TrellisFramework       *framework);
TrellisFramework       *trellis_framework_editor_get_framework    (TrellisFrameworkEditor *self);
gboolean                trellis_framework_editor_select_attribute (TrellisFrameworkEditor *self,
                                                                   gint64                  attribute_id);
void                    trellis_framework_editor_show_page        (TrellisFrameworkEditor *self,
                                                                   const char             *name);

G_END_DECLS
