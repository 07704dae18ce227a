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

/**
 * TrellisAutosaveFlags:
 * @TRELLIS_AUTOSAVE_DEFAULT: the record holds what is stored: edits are checked, and go into
 *   it, when they are stored, and a refused value is shown then
 * @TRELLIS_AUTOSAVE_LIVE: other widgets show the record too (a sidebar label is bound to its
 *   title): every accepted edit goes into it at once, and a refused one is shown at once
 * @TRELLIS_AUTOSAVE_ERROR_IN_TITLE: a refusal takes the place of the title of the
 *   #AdwPreferencesRow that holds the field, instead of the field’s tooltip
 */
typedef enum {
  TRELLIS_AUTOSAVE_DEFAULT        = 0,
  TRELLIS_AUTOSAVE_LIVE           = 1 << 0,
  TRELLIS_AUTOSAVE_ERROR_IN_TITLE = 1 << 1,
} TrellisAutosaveFlags;

#define TRELLIS_TYPE_AUTOSAVE (trellis_autosave_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAutosave, trellis_autosave, TRELLIS, AUTOSAVE, GObject)

TrellisAutosave *trellis_autosave_new             (TrellisStore         *store,
                                                   TrellisEntity        *entity,
                                                   TrellisAutosaveFlags  flags);
void             trellis_autosave_set_record      (TrellisAutosave      *self,
                                                   TrellisStore         *store,
                                                   TrellisEntity        *entity);
TrellisEntity   *trellis_autosave_get_entity      (TrellisAutosave      *self);
void             trellis_autosave_bind            (TrellisAutosave      *self,
                                                   GtkWidget            *widget,
                                                   const char           *property,
                                                   const char           *field);
void             trellis_autosave_bind_text_view  (TrellisAutosave      *self,
                                                   GtkTextView          *text_view,
                                                   const char           *field);
void             trellis_autosave_watch           (TrellisAutosave      *self,
                                                   GtkWidget            *widget,
                                                   const char           *field);
void             trellis_autosave_set_field       (TrellisAutosave      *self,
                                                   const char           *field,
                                                   const char           *value);
gboolean         trellis_autosave_has_pending     (TrellisAutosave      *self);
gboolean         trellis_autosave_flush           (TrellisAutosave      *self);
void             trellis_autosave_cancel          (TrellisAutosave      *self);
void             trellis_autosave_flush_all       (void);
GPtrArray       *trellis_autosave_get_conflicts   (TrellisAutosave      *self);
void             trellis_autosave_resolve         (TrellisAutosave      *self,
                                                   const char           *field,
                                                   gboolean              keep_mine);
gboolean         trellis_autosave_refresh         (TrellisAutosave      *self);

G_END_DECLS
