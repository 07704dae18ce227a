/* trellis-xml-format.h — the Trellis plan file format: names, value forms and schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlschemas.h>

#include "trellis-entity.h"

G_BEGIN_DECLS

/* The namespace carries the major version; a change that old readers cannot ignore gets a new one. */
#define TRELLIS_XML_NAMESPACE     "https://trellisplp.org/ns/plp/1"
#define TRELLIS_XML_VERSION       "1.0"
#define TRELLIS_XML_ROOT          "trellis"
#define TRELLIS_XML_LINK          "competency-link"
#define TRELLIS_XML_SCHEMA_NAME   "trellis-plp-1.xsd"
#define TRELLIS_XML_SCHEMA_RESOURCE "/org/trellisplp/Trellis/core/" TRELLIS_XML_SCHEMA_NAME

/* Identity columns come first in every row trellis_xml_format_select_sql() reads. */
enum {
  TRELLIS_XML_COLUMN_ID,
  TRELLIS_XML_COLUMN_UUID,
  TRELLIS_XML_COLUMN_CREATED_AT,
  TRELLIS_XML_COLUMN_CREATED_BY,
  TRELLIS_XML_COLUMN_UPDATED_AT,
  TRELLIS_XML_COLUMN_UPDATED_BY,
  TRELLIS_XML_N_IDENTITY_COLUMNS,
};

/* The identity attributes, in the order of the columns above (the id has none). */
extern const char * const trellis_xml_identity_attributes[TRELLIS_XML_N_IDENTITY_COLUMNS];

/**
 * TrellisXmlType:
 * @type: the entity type
 * @klass: its class (held for the life of the process)
 * @element: the record's element name (`action-step`)
 * @parent: the index of the owning type in trellis_xml_format_types(), -1 at the top level
 * @parent_field: the field that references the owner, %NULL at the top level
 * @field_elements: per field, its element name (`framework-ref` for `framework-id`), %NULL for
 *   the parent field, which the nesting says
 *
 * What the format knows of one record type. The table follows the entity field tables, so the
 * format, the schema, the export and the import all follow the data model.
 */
typedef struct {
  GType                type;
  TrellisEntityClass  *klass;
  char                *element;
  int                  parent;
  const TrellisField  *parent_field;
  char               **field_elements;
} TrellisXmlType;

const TrellisXmlType *trellis_xml_format_types        (guint               *n_types);
int                   trellis_xml_format_find_type    (const char          *element);
gboolean              trellis_xml_format_is_top_level (const TrellisXmlType *type);

char                 *trellis_xml_format_select_sql   (const TrellisXmlType *type);
const char           *trellis_xml_format_value        (const TrellisField   *field,
                                                       const char          *column_text);
char                 *trellis_xml_format_canonical    (const TrellisField   *field,
                                                       const char          *xml_text);

char                 *trellis_xml_format_dup_schema   (void);
xmlSchemaPtr          trellis_xml_format_get_schema   (GError             **error);

G_END_DECLS
