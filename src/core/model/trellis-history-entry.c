/* trellis-history-entry.c — one recorded change: which field, old → new, who and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-history-entry"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-entity.h"
#include "trellis-history-entry.h"
#include "trellis-store-private.h"

struct _TrellisHistoryEntry
{
  GObject  parent_instance;

  char    *entity;
  char    *entity_uuid;
  char    *field;
  char    *old_value;
  char    *new_value;
  char    *author_name;
  char    *author_role;
  char    *changed_at;
};

G_DEFINE_FINAL_TYPE (TrellisHistoryEntry, trellis_history_entry, G_TYPE_OBJECT)

/* Helpers */

/* Overrides */

static void
trellis_history_entry_finalize (GObject *object)
{
  TrellisHistoryEntry *self = TRELLIS_HISTORY_ENTRY (object);

  g_free (self->entity);
  g_free (self->entity_uuid);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->author_name);
  g_free (self->author_role);
  g_free (self->changed_at);

  G_OBJECT_CLASS (trellis_history_entry_parent_class)->finalize (object);
}

static void
trellis_history_entry_class_init (TrellisHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_history_entry_finalize;
}

static void
trellis_history_entry_init (TrellisHistoryEntry *self)
{
}

/* Public API */

/**
 * trellis_history_entry_new:
 * @entity: (nullable): the record's table
 * @entity_uuid: (nullable): the record's UUID
 * @field: (nullable): the property name that changed, %NULL or "" for a whole record
 * @old_value: (nullable): its text form before
 * @new_value: (nullable): its text form after (or what happened to the whole record)
 * @author_name: (nullable): who changed it
 * @author_role: (nullable): their role
 * @changed_at: (nullable): when, ISO 8601 in UTC
 *
 * Returns: (transfer full): a new entry, as the store read it
 */
TrellisHistoryEntry *
trellis_history_entry_new (const char *entity,
                           const char *entity_uuid,
                           const char *field,
                           const char *old_value,
                           const char *new_value,
                           const char *author_name,
                           const char *author_role,
                           const char *changed_at)
{
  TrellisHistoryEntry *self = g_object_new (TRELLIS_TYPE_HISTORY_ENTRY, NULL);

  self->entity = g_strdup (entity);
  self->entity_uuid = g_strdup (entity_uuid);
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
  self->author_name = g_strdup (author_name);
  self->author_role = g_strdup (author_role);
  self->changed_at = g_strdup (changed_at);
  return self;
}

const char *
trellis_history_entry_get_entity (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->entity;
}

const char *
trellis_history_entry_get_entity_uuid (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->entity_uuid;
}

/**
 * trellis_history_entry_get_field:
 * @self: an entry
 *
 * Returns: the property name that changed, or "" for a whole record created, deleted or restored
 */
const char *
trellis_history_entry_get_field (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->field;
}

const char *
trellis_history_entry_get_old_value (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->old_value;
}

const char *
trellis_history_entry_get_new_value (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->new_value;
}

const char *
trellis_history_entry_get_author_name (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->author_name;
}

const char *
trellis_history_entry_get_author_role (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->author_role;
}

const char *
trellis_history_entry_get_changed_at (TrellisHistoryEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);
  return self->changed_at;
}

/* A note's whole text would not fit a title: its first line, at most 40 characters. */
static char *
shorten_name (const char *name)
{
  g_autofree char *line = g_strndup (name, strcspn (name, "\n"));
  const glong max_chars = 40;

  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (line, max_chars) - line), line);
}

/**
 * trellis_history_entry_dup_summary:
 * @self: an entry
 *
 * Returns: (transfer full): what happened in words, e.g. “Goal · Title changed” or
 *   “Student created”
 */
char *
trellis_history_entry_dup_summary (TrellisHistoryEntry *self)
{
  GType type;
  TrellisEntityClass *klass;
  const TrellisField *field = NULL;
  const char *what;
  char *summary;

  g_return_val_if_fail (TRELLIS_IS_HISTORY_ENTRY (self), NULL);

  type = trellis_store_type_for_table (self->entity);
  if (type == G_TYPE_INVALID)
    return g_strdup (self->entity);
  klass = g_type_class_ref (type);
  what = _(klass->label);

  if ((self->field == NULL || *self->field == '\0') && self->old_value != NULL && *self->old_value != '\0')
    {
      /* A whole-record row names the record (its title, name or text) in old_value; older rows
       do not. */
      g_autofree char *name = shorten_name (self->old_value);

      if (g_strcmp0 (self->new_value, "created") == 0)
        /* Translators: a kind of record and its name: “Goal “Read 12 books” added” */
        summary = g_strdup_printf (_("%s “%s” added"), what, name);
      else if (g_strcmp0 (self->new_value, "deleted") == 0)
        /* Translators: a kind of record and its name: “Goal “Read 12 books” deleted” */
        summary = g_strdup_printf (_("%s “%s” deleted"), what, name);
      else
        /* Translators: a kind of record and its name: “Goal “Read 12 books” restored” */
        summary = g_strdup_printf (_("%s “%s” restored"), what, name);
    }
  else if (self->field == NULL || *self->field == '\0')
    {
      if (g_strcmp0 (self->new_value, "created") == 0)
        /* Translators: %s is a kind of record, e.g. “Goal” */
        summary = g_strdup_printf (_("%s added"), what);
      else if (g_strcmp0 (self->new_value, "deleted") == 0)
        summary = g_strdup_printf (_("%s deleted"), what);
      else
        summary = g_strdup_printf (_("%s restored"), what);
    }
  else
    {
      const char *field_label;

      field = trellis_entity_class_find_field (klass, self->field);
      field_label = field ? _(field->label)
                          : g_strcmp0 (self->field, "competencies") == 0 ? _("Competencies")
                                                                         : self->field;
      /* Translators: “Goal · Title”: the kind of record and the field that changed */
      summary = g_strdup_printf (_("%s · %s"), what, field_label);
    }
  g_type_class_unref (klass);
  return summary;
}
