/* trellis-autosave.h — stores a record’s edits a moment after typing stops, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

/* How long typing must pause before an edit is stored. */
#define TRELLIS_AUTOSAVE_DELAY_MS 1000

#define TRELLIS_TYPE_AUTOSAVE (trellis_autosave_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAutosave, trellis_autosave, TRELLIS, AUTOSAVE, GObject)

TrellisAutosave *trellis_autosave_new             (TrellisStore    *store,
                                                   TrellisEntity   *entity);
void             trellis_autosave_set_record      (TrellisAutosave *self,
                                                   TrellisStore    *store,
                                                   TrellisEntity   *entity);
TrellisEntity   *trellis_autosave_get_entity      (TrellisAutosave *self);
void             trellis_autosave_set_field       (TrellisAutosave *self,
                                                   const char      *field,
                                                   const char      *value);
void             trellis_autosave_watch           (TrellisAutosave *self,
                                                   const char      *field,
                                                   GtkWidget       *widget);
void             trellis_autosave_bind_editable   (TrellisAutosave *self,
                                                   const char      *field,
                                                   GtkEditable     *editable);
void             trellis_autosave_bind_text_view  (TrellisAutosave *self,
                                                   const char      *field,
                                                   GtkTextView     *text_view);
gboolean         trellis_autosave_has_pending     (TrellisAutosave *self);
gboolean         trellis_autosave_flush           (TrellisAutosave *self);
void             trellis_autosave_flush_all       (void);

G_END_DECLS
