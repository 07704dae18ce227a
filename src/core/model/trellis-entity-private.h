/* trellis-entity-private.h — what the entity classes and the store share about records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

#define TRELLIS_FIELD_PTR(obj, field, ctype) ((ctype *) (gpointer) ((guint8 *) (obj) + (field)->offset))

/* Installs one property per field; property ids are the field index + 1. */
void     trellis_entity_class_install_fields (TrellisEntityClass *klass);

/* Sets the identity columns as loaded from the database, without notification or checks. */
void     trellis_entity_set_identity         (TrellisEntity *self,
                                              gint64         id,
                                              const char    *uuid,
                                              const char    *created_at,
                                              const char    *created_by,
                                              const char    *updated_at,
                                              const char    *updated_by);
/* Records that the entity now holds the stored row of @revision: its values become the base a
 * later save compares to (0: not stored, no base). */
void     trellis_entity_set_stored           (TrellisEntity *self,
                                              gint64         revision);
/* Takes @stored's revision and values as the base, keeping the entity's own values: after a
 * merge, the fields still differing are the caller's changes on top of @stored. */
void     trellis_entity_set_base             (TrellisEntity *self,
                                              TrellisEntity *stored);
/* (transfer none) (nullable): the values as stored at the entity's revision */
TrellisEntity *trellis_entity_get_base       (TrellisEntity *self);
void     trellis_entity_set_id               (TrellisEntity *self,
                                              gint64         id);

/* Stores a value straight into the struct (loading from SQL, no notify). */
void     trellis_entity_take_text            (TrellisEntity      *self,
                                              const TrellisField *field,
                                              char               *value);
void     trellis_entity_put_int64            (TrellisEntity      *self,
                                              const TrellisField *field,
                                              gint64              value);

gboolean trellis_field_equal                 (TrellisEntity      *a,
                                              TrellisEntity      *b,
                                              const TrellisField *field);

G_END_DECLS
