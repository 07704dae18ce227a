/* trellis-entity.c — the base of every record that travels: identity, times and authorship
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-entity"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-limits.h"

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *created_at;
  char   *created_by;
  char   *updated_at;
  char   *updated_by;
  gint64  revision;  /* the row's revision when loaded or last stored; 0 until stored */
  TrellisEntity *base;  /* immutable: the values of that revision, what a save compares to */
} TrellisEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisEntity, trellis_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED_AT,
  PROP_CREATED_BY,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TrellisEntity *copy_values (TrellisEntity *self);

/* Helpers */

static gboolean
is_valid_date (const char *value)
{
  int y, m, d;
  char tail;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (strlen (value) != 10 || sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
is_valid_timestamp (const char *value)
{
  g_autoptr(GDateTime) dt = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  dt = g_date_time_new_from_iso8601 (value, NULL);
  return dt != NULL;
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_text_field (const TrellisField *field)
{
  return field->type == TRELLIS_FIELD_TEXT ||
         field->type == TRELLIS_FIELD_DATE ||
         field->type == TRELLIS_FIELD_TIMESTAMP;
}

static gboolean
check_field (TrellisEntity      *self,
             const TrellisField *field,
             GError            **error)
{
  if (is_text_field (field))
    {
      const char *value = *TRELLIS_FIELD_PTR (self, field, char *);

      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” contains text that is not valid UTF-8."), _(field->label));
          return FALSE;
        }
      /* No character is shorter than a byte: only a long text needs counting. */
      if (value != NULL && strlen (value) > TRELLIS_LIMIT_TEXT_CHARS &&
          g_utf8_strlen (value, -1) > TRELLIS_LIMIT_TEXT_CHARS)
        {
          g_autofree char *message = trellis_limits_dup_text_message (_(field->label),
                                                                      g_utf8_strlen (value, -1));

          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, message);
          return FALSE;
        }
      if ((field->flags & TRELLIS_FIELD_FLAG_REQUIRED) != 0 && is_blank (value))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” must not be empty."), _(field->label));
          return FALSE;
        }
      if (field->type == TRELLIS_FIELD_DATE && !is_valid_date (value))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” is not a date (expected year-month-day, e.g. 2026-09-01)."),
                       _(field->label));
          return FALSE;
        }
      if (field->type == TRELLIS_FIELD_TIMESTAMP && !is_valid_timestamp (value))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” is not a valid time."), _(field->label));
          return FALSE;
        }
      if (field->choices != NULL && value != NULL && *value != '\0' &&
          !g_strv_contains ((const char * const *) field->choices, value))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” cannot be “%s”."), _(field->label), value);
          return FALSE;
        }
    }
  else if (field->type == TRELLIS_FIELD_INT && field->min < field->max)
    {
      int value = *TRELLIS_FIELD_PTR (self, field, int);

      if (value < field->min || value > field->max)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” must be between %d and %d."), _(field->label),
                       field->min, field->max);
          return FALSE;
        }
    }

  return TRUE;
}

/* Keeps the old string when equal, so pointers from trellis_entity_get_uuid() and friends
 * stay valid across a save; callers may pass the entity’s own strings. */
static void
replace_string (char       **slot,
                const char  *value)
{
  char *old = *slot;

  if (g_strcmp0 (old, value) == 0)
    return;
  *slot = g_strdup (value);
  g_free (old);
}

/* Text has one empty form, "", as in the file; an unset date or time is NULL, as loaded. */
static const char *
normalize_text (const TrellisField *field,
                const char         *value)
{
  if (field->type == TRELLIS_FIELD_TEXT)
    return value != NULL ? value : "";
  return value != NULL && *value != '\0' ? value : NULL;
}

static GParamSpec *
param_spec_for_field (const TrellisField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case TRELLIS_FIELD_INT:
      return g_param_spec_int (field->name, NULL, NULL,
                               field->min < field->max ? field->min : G_MININT,
                               field->min < field->max ? field->max : G_MAXINT,
                               field->min < field->max ? MAX (field->min, MIN (0, field->max)) : 0,
                               flags);
    case TRELLIS_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    case TRELLIS_FIELD_REFERENCE:
      return g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

/* Callbacks: the generic property accessors every entity class uses */

static void
trellis_entity_get_field_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_CLASS (g_type_class_peek (pspec->owner_type));
  const TrellisField *field;

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  field = &klass->fields[prop_id - 1];

  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      g_value_set_string (value, *TRELLIS_FIELD_PTR (object, field, char *));
      break;
    case TRELLIS_FIELD_INT:
      g_value_set_int (value, *TRELLIS_FIELD_PTR (object, field, int));
      break;
    case TRELLIS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *TRELLIS_FIELD_PTR (object, field, gboolean));
      break;
    case TRELLIS_FIELD_REFERENCE:
      g_value_set_int64 (value, *TRELLIS_FIELD_PTR (object, field, gint64));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
trellis_entity_set_field_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_CLASS (g_type_class_peek (pspec->owner_type));
  const TrellisField *field;
  gboolean changed = FALSE;

  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  field = &klass->fields[prop_id - 1];

  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      {
        char **slot = TRELLIS_FIELD_PTR (object, field, char *);
        const char *new_value = normalize_text (field, g_value_get_string (value));

        if (g_strcmp0 (*slot, new_value) != 0)
          {
            g_free (*slot);
            *slot = g_strdup (new_value);
            changed = TRUE;
          }
      }
      break;
    case TRELLIS_FIELD_INT:
      {
        int *slot = TRELLIS_FIELD_PTR (object, field, int);

        changed = *slot != g_value_get_int (value);
        *slot = g_value_get_int (value);
      }
      break;
    case TRELLIS_FIELD_BOOLEAN:
      {
        gboolean *slot = TRELLIS_FIELD_PTR (object, field, gboolean);

        changed = !*slot != !g_value_get_boolean (value);
        *slot = !!g_value_get_boolean (value);
      }
      break;
    case TRELLIS_FIELD_REFERENCE:
      {
        gint64 *slot = TRELLIS_FIELD_PTR (object, field, gint64);

        changed = *slot != g_value_get_int64 (value);
        *slot = g_value_get_int64 (value);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

/* Overrides */

static void
trellis_entity_finalize (GObject *object)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (is_text_field (&klass->fields[i]))
      g_clear_pointer (TRELLIS_FIELD_PTR (self, &klass->fields[i], char *), g_free);

  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->created_by, g_free);
  g_clear_pointer (&priv->updated_at, g_free);
  g_clear_pointer (&priv->updated_by, g_free);
  g_clear_object (&priv->base);

  G_OBJECT_CLASS (trellis_entity_parent_class)->finalize (object);
}

static void
trellis_entity_constructed (GObject *object)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (object);

  /* A new record already looks as it will once stored: no NULL text. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      char **slot = TRELLIS_FIELD_PTR (object, &klass->fields[i], char *);

      if (klass->fields[i].type == TRELLIS_FIELD_TEXT && *slot == NULL)
        *slot = g_strdup ("");
    }

  G_OBJECT_CLASS (trellis_entity_parent_class)->constructed (object);
}

static void
trellis_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_CREATED_BY:
      g_value_set_string (value, priv->created_by);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, priv->updated_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_class_init (TrellisEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = trellis_entity_constructed;
  object_class->finalize = trellis_entity_finalize;
  object_class->get_property = trellis_entity_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_BY] =
    g_param_spec_string ("created-by", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_entity_init (TrellisEntity *self)
{
}

/* Private API */

void
trellis_entity_class_install_fields (TrellisEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = trellis_entity_get_field_property;
  object_class->set_property = trellis_entity_set_field_property;

  for (guint i = 0; i < klass->n_fields; i++)
    g_object_class_install_property (object_class, i + 1, param_spec_for_field (&klass->fields[i]));
}

void
trellis_entity_set_identity (TrellisEntity *self,
                             gint64         id,
                             const char    *uuid,
                             const char    *created_at,
                             const char    *created_by,
                             const char    *updated_at,
                             const char    *updated_by)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  priv->id = id;
  replace_string (&priv->uuid, uuid);
  replace_string (&priv->created_at, created_at);
  replace_string (&priv->created_by, created_by);
  replace_string (&priv->updated_at, updated_at);
  replace_string (&priv->updated_by, updated_by);
}

void
trellis_entity_set_stored (TrellisEntity *self,
                           gint64         revision)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  priv->revision = revision;
  g_clear_object (&priv->base);
  if (revision > 0)
    priv->base = copy_values (self);
}

void
trellis_entity_set_base (TrellisEntity *self,
                         TrellisEntity *stored)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityPrivate *stored_priv = trellis_entity_get_instance_private (stored);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (stored));

  priv->revision = stored_priv->revision;
  g_clear_object (&priv->base);
  priv->base = copy_values (stored);
  replace_string (&priv->updated_at, stored_priv->updated_at);
  replace_string (&priv->updated_by, stored_priv->updated_by);
}

TrellisEntity *
trellis_entity_get_base (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  return priv->base;
}

void
trellis_entity_set_id (TrellisEntity *self,
                       gint64         id)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  priv->id = id;
}

void
trellis_entity_take_text (TrellisEntity      *self,
                          const TrellisField *field,
                          char               *value)
{
  char **slot = TRELLIS_FIELD_PTR (self, field, char *);

  g_assert (is_text_field (field));
  g_free (*slot);
  *slot = value;
}

void
trellis_entity_put_int64 (TrellisEntity      *self,
                          const TrellisField *field,
                          gint64              value)
{
  switch (field->type)
    {
    case TRELLIS_FIELD_INT:
      *TRELLIS_FIELD_PTR (self, field, int) = (int) value;
      break;
    case TRELLIS_FIELD_BOOLEAN:
      *TRELLIS_FIELD_PTR (self, field, gboolean) = value != 0;
      break;
    case TRELLIS_FIELD_REFERENCE:
      *TRELLIS_FIELD_PTR (self, field, gint64) = value;
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
trellis_field_equal (TrellisEntity      *a,
                     TrellisEntity      *b,
                     const TrellisField *field)
{
  g_autofree char *va = trellis_entity_dup_field_string (a, field);
  g_autofree char *vb = trellis_entity_dup_field_string (b, field);

  return g_strcmp0 (va ? va : "", vb ? vb : "") == 0;
}

/* Public API */

/**
 * trellis_entity_get_revision:
 * @self: an entity
 *
 * Returns: the revision of the stored row this record was loaded from (or last saved as), 0
 *   for a record not stored yet. Only the store sets it: a save is a compare-and-set on it.
 */
gint64
trellis_entity_get_revision (TrellisEntity *self)
{
  TrellisEntityPrivate *priv;

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), 0);

  priv = trellis_entity_get_instance_private (self);
  return priv->revision;
}

gint64
trellis_entity_get_id (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), 0);
  return priv->id;
}

const char *
trellis_entity_get_uuid (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);
  return priv->uuid;
}

const char *
trellis_entity_get_created_at (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);
  return priv->created_at;
}

const char *
trellis_entity_get_created_by (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);
  return priv->created_by;
}

const char *
trellis_entity_get_updated_at (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);
  return priv->updated_at;
}

const char *
trellis_entity_get_updated_by (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);
  return priv->updated_by;
}

/**
 * trellis_entity_class_find_field:
 * @klass: an entity class
 * @name: a property name such as `given-name`
 *
 * Returns: (nullable): the field, or %NULL when the class has none of that name
 */
const TrellisField *
trellis_entity_class_find_field (TrellisEntityClass *klass,
                                 const char         *name)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_CLASS (klass), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, name) == 0)
      return &klass->fields[i];
  return NULL;
}

const TrellisField *
trellis_entity_find_field (TrellisEntity *self,
                           const char    *name)
{
  return trellis_entity_class_find_field (TRELLIS_ENTITY_GET_CLASS (self), name);
}

/**
 * trellis_entity_dup_field_string:
 * @self: an entity
 * @field: one of its fields
 *
 * The field's value as text, the form used by history rows and XML: integers in decimal,
 * booleans as `true`/`false`, references as the row id.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for an unset text field
 */
char *
trellis_entity_dup_field_string (TrellisEntity      *self,
                                 const TrellisField *field)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  switch (field->type)
    {
    case TRELLIS_FIELD_TEXT:
    case TRELLIS_FIELD_DATE:
    case TRELLIS_FIELD_TIMESTAMP:
      return g_strdup (*TRELLIS_FIELD_PTR (self, field, char *));
    case TRELLIS_FIELD_INT:
      return g_strdup_printf ("%d", *TRELLIS_FIELD_PTR (self, field, int));
    case TRELLIS_FIELD_BOOLEAN:
      return g_strdup (*TRELLIS_FIELD_PTR (self, field, gboolean) ? "true" : "false");
    case TRELLIS_FIELD_REFERENCE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *TRELLIS_FIELD_PTR (self, field, gint64));
    default:
      g_assert_not_reached ();
    }
}

/**
 * trellis_entity_set_field_string:
 * @self: an entity
 * @field: one of its fields
 * @value: (nullable): the value in the form trellis_entity_dup_field_string() gives
 * @error: return location for a #GError
 *
 * Parses @value for the field's type and sets the property (notifying on change).
 *
 * Returns: %FALSE, with @error set and nothing changed, when @value does not parse
 */
gboolean
trellis_entity_set_field_string (TrellisEntity      *self,
                                 const TrellisField *field,
                                 const char         *value,
                                 GError            **error)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), FALSE);

  if (is_text_field (field))
    {
      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” contains text that is not valid UTF-8."), _(field->label));
          return FALSE;
        }
      g_object_set (self, field->name, value, NULL);
      return TRUE;
    }

  if (field->type == TRELLIS_FIELD_BOOLEAN)
    {
      if (g_strcmp0 (value, "true") != 0 && g_strcmp0 (value, "false") != 0 &&
          g_strcmp0 (value, "1") != 0 && g_strcmp0 (value, "0") != 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” must be true or false."), _(field->label));
          return FALSE;
        }
      g_object_set (self, field->name,
                    g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0, NULL);
      return TRUE;
    }

  {
    gint64 number = 0;

    if (value == NULL ||
        !g_ascii_string_to_signed (value, 10,
                                   field->type == TRELLIS_FIELD_INT ? G_MININT : 0,
                                   field->type == TRELLIS_FIELD_INT ? G_MAXINT : G_MAXINT64,
                                   &number, NULL))
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("“%s” must be a whole number."), _(field->label));
        return FALSE;
      }
    if (field->type == TRELLIS_FIELD_INT && field->min < field->max &&
        (number < field->min || number > field->max))
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("“%s” must be between %d and %d."), _(field->label),
                     field->min, field->max);
        return FALSE;
      }
    if (field->type == TRELLIS_FIELD_INT)
      g_object_set (self, field->name, (int) number, NULL);
    else
      g_object_set (self, field->name, number, NULL);
  }
  return TRUE;
}

const char *
trellis_entity_get_text (TrellisEntity *self,
                         const char    *name)
{
  const TrellisField *field = trellis_entity_find_field (self, name);

  g_return_val_if_fail (field != NULL && is_text_field (field), NULL);
  return *TRELLIS_FIELD_PTR (self, field, char *);
}

int
trellis_entity_get_int (TrellisEntity *self,
                        const char    *name)
{
  const TrellisField *field = trellis_entity_find_field (self, name);

  g_return_val_if_fail (field != NULL && field->type == TRELLIS_FIELD_INT, 0);
  return *TRELLIS_FIELD_PTR (self, field, int);
}

gint64
trellis_entity_get_reference (TrellisEntity *self,
                              const char    *name)
{
  const TrellisField *field = trellis_entity_find_field (self, name);

  g_return_val_if_fail (field != NULL && field->type == TRELLIS_FIELD_REFERENCE, 0);
  return *TRELLIS_FIELD_PTR (self, field, gint64);
}

gboolean
trellis_entity_get_boolean (TrellisEntity *self,
                            const char    *name)
{
  const TrellisField *field = trellis_entity_find_field (self, name);

  g_return_val_if_fail (field != NULL && field->type == TRELLIS_FIELD_BOOLEAN, FALSE);
  return *TRELLIS_FIELD_PTR (self, field, gboolean);
}

/**
 * trellis_entity_validate:
 * @self: an entity
 * @error: return location for a #GError
 *
 * Checks every field (UTF-8, required text, dates, ranges, vocabularies), then the class's
 * own rule.
 *
 * Returns: %TRUE when the record may be stored
 */
gboolean
trellis_entity_validate (TrellisEntity  *self,
                         GError        **error)
{
  TrellisEntityClass *klass;

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), FALSE);

  klass = TRELLIS_ENTITY_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!check_field (self, &klass->fields[i], error))
      return FALSE;

  return klass->validate == NULL || klass->validate (self, error);
}

/**
 * trellis_entity_copy:
 * @self: an entity
 *
 * A detached copy with the same identity and values, for editing without touching a shared
 * instance.
 *
 * Returns: (transfer full): the copy
 */
TrellisEntity *
trellis_entity_copy (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityPrivate *copy_priv;
  TrellisEntity *copy;

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  copy = copy_values (self);
  copy_priv = trellis_entity_get_instance_private (copy);
  copy_priv->revision = priv->revision;
  g_set_object (&copy_priv->base, priv->base);
  return copy;
}

static TrellisEntity *
copy_values (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self);
  TrellisEntity *copy = g_object_new (G_OBJECT_TYPE (self), NULL);

  trellis_entity_set_identity (copy, priv->id, priv->uuid, priv->created_at, priv->created_by,
                               priv->updated_at, priv->updated_by);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TrellisField *field = &klass->fields[i];

      switch (field->type)
        {
        case TRELLIS_FIELD_INT:
          *TRELLIS_FIELD_PTR (copy, field, int) = *TRELLIS_FIELD_PTR (self, field, int);
          break;
        case TRELLIS_FIELD_BOOLEAN:
          *TRELLIS_FIELD_PTR (copy, field, gboolean) = *TRELLIS_FIELD_PTR (self, field, gboolean);
          break;
        case TRELLIS_FIELD_REFERENCE:
          *TRELLIS_FIELD_PTR (copy, field, gint64) = *TRELLIS_FIELD_PTR (self, field, gint64);
          break;
        default:
          trellis_entity_take_text (copy, field, g_strdup (*TRELLIS_FIELD_PTR (self, field, char *)));
        }
    }
  return copy;
}
