/* trellis-autosave.h — saves one record a moment after its fields are edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_AUTOSAVE_DELAY_MS 1000

#define TRELLIS_TYPE_AUTOSAVE (trellis_autosave_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAutosave, trellis_autosave, TRELLIS, AUTOSAVE, GObject)

TrellisAutosave *trellis_autosave_new           (TrellisStore     *store,
                                                 TrellisEntity    *entity);
TrellisEntity   *trellis_autosave_get_entity    (TrellisAutosave  *self);
void             trellis_autosave_bind          (TrellisAutosave  *self,
                                                 GtkWidget        *widget,
                                                 const char       *widget_property,
                                                 const char       *field);
gboolean         trellis_autosave_flush         (TrellisAutosave  *self);
void             trellis_autosave_cancel        (TrellisAutosave  *self);
gboolean         trellis_autosave_has_error     (TrellisAutosave  *self);

G_END_DECLS
