/* trellis-property-autosave.h — saves one shared record a moment after bound widget properties change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-autosave.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROPERTY_AUTOSAVE (trellis_property_autosave_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPropertyAutosave, trellis_property_autosave, TRELLIS, PROPERTY_AUTOSAVE, GObject)

TrellisPropertyAutosave *trellis_property_autosave_new           (TrellisStore     *store,
                                                 TrellisEntity    *entity);
TrellisEntity   *trellis_property_autosave_get_entity    (TrellisPropertyAutosave  *self);
void             trellis_property_autosave_bind          (TrellisPropertyAutosave  *self,
                                                 GtkWidget        *widget,
                                                 const char       *widget_property,
                                                 const char       *field);
gboolean         trellis_property_autosave_flush         (TrellisPropertyAutosave  *self);
void             trellis_property_autosave_cancel        (TrellisPropertyAutosave  *self);
gboolean         trellis_property_autosave_has_error     (TrellisPropertyAutosave  *self);

G_END_DECLS
