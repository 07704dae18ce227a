/* trellis-entity.h — the base of every record that travels: identity, times and authorship
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TrellisFieldType:
 * @TRELLIS_FIELD_TEXT: a UTF-8 string (`char *`), never %NULL once stored
 * @TRELLIS_FIELD_DATE: an ISO 8601 calendar date `YYYY-MM-DD` (`char *`), or %NULL
 * @TRELLIS_FIELD_TIMESTAMP: an ISO 8601 UTC time (`char *`), or %NULL
 * @TRELLIS_FIELD_INT: an `int`
 * @TRELLIS_FIELD_BOOLEAN: a `gboolean`
 * @TRELLIS_FIELD_REFERENCE: a `gint64` row id of another record, 0 for none
 *
 * The C type behind a field; it decides the #GParamSpec, the SQL binding and the XML form.
 */
typedef enum {
  TRELLIS_FIELD_TEXT,
  TRELLIS_FIELD_DATE,
  TRELLIS_FIELD_TIMESTAMP,
  TRELLIS_FIELD_INT,
  TRELLIS_FIELD_BOOLEAN,
  TRELLIS_FIELD_REFERENCE,
} TrellisFieldType;

typedef enum {
  TRELLIS_FIELD_FLAG_NONE      = 0,
  TRELLIS_FIELD_FLAG_REQUIRED  = 1 << 0, /* a text that may not be empty */
  TRELLIS_FIELD_FLAG_MULTILINE = 1 << 1, /* written as paragraphs */
  TRELLIS_FIELD_FLAG_PARENT    = 1 << 2, /* the reference to the owning record */
  TRELLIS_FIELD_FLAG_POSITION  = 1 << 3, /* the order among siblings */
  TRELLIS_FIELD_FLAG_CASCADE   = 1 << 4, /* a reference whose deletion deletes this record too */
} TrellisFieldFlags;

/**
 * TrellisField:
 * @name: the property name, also the XML element name (`given-name`)
 * @column: the SQL column (`given_name`)
 * @type: the C type
 * @offset: where the value lives in the instance struct
 * @label: the user-visible name, marked with N_() and translated when shown
 * @flags: #TrellisFieldFlags
 * @min: the least value of an int field
 * @max: the greatest value of an int field
 * @choices: for a text field with a fixed vocabulary, the %NULL-terminated allowed values
 * @references: for a reference field, the table of the record it points at
 *
 * One field of a record. The same table drives the GObject properties, the SQL, the history
 * rows and the XML, so a field is declared once.
 */
typedef struct {
  const char         *name;
  const char         *column;
  TrellisFieldType    type;
  gsize               offset;
  const char         *label;
  TrellisFieldFlags   flags;
  int                 min;
  int                 max;
  const char * const *choices;
  const char         *references;
} TrellisField;

#define TRELLIS_TYPE_ENTITY (trellis_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrellisEntity, trellis_entity, TRELLIS, ENTITY, GObject)

struct _TrellisEntityClass
{
  GObjectClass parent_class;

  /*< public >*/
  const char         *table;        /* SQL table, also the XML element name */
  const char         *label;        /* N_("Student") */
  const TrellisField *fields;
  guint               n_fields;

  /* Checks the record beyond what the field table says; NULL-safe default accepts. */
  gboolean (*validate) (TrellisEntity  *self,
                        GError        **error);
};

gint64              trellis_entity_get_id             (TrellisEntity *self);
gint64              trellis_entity_get_revision       (TrellisEntity *self);
const char         *trellis_entity_get_uuid           (TrellisEntity *self);
const char         *trellis_entity_get_created_at     (TrellisEntity *self);
const char         *trellis_entity_get_created_by     (TrellisEntity *self);
const char         *trellis_entity_get_updated_at     (TrellisEntity *self);
const char         *trellis_entity_get_updated_by     (TrellisEntity *self);

const TrellisField *trellis_entity_class_find_field   (TrellisEntityClass *klass,
                                                       const char         *name);
const TrellisField *trellis_entity_find_field         (TrellisEntity      *self,
                                                       const char         *name);

char               *trellis_entity_dup_field_string   (TrellisEntity      *self,
                                                       const TrellisField *field);
gboolean            trellis_entity_set_field_string   (TrellisEntity      *self,
                                                       const TrellisField *field,
                                                       const char         *value,
                                                       GError            **error);
const char         *trellis_entity_get_text           (TrellisEntity      *self,
                                                       const char         *name);
int                 trellis_entity_get_int            (TrellisEntity      *self,
                                                       const char         *name);
gint64              trellis_entity_get_reference      (TrellisEntity      *self,
                                                       const char         *name);
gboolean            trellis_entity_get_boolean        (TrellisEntity      *self,
                                                       const char         *name);
gboolean            trellis_entity_validate           (TrellisEntity      *self,
                                                       GError            **error);
TrellisEntity      *trellis_entity_copy               (TrellisEntity      *self);

G_END_DECLS
