/* trellis-framework-editing.c — the whole-framework edits of the framework editor
 *
 * Each function is one user action and so one transaction: it is applied whole or not at all,
 * and every change goes through the store so that history is written.
 *
 * Which levels count as proficient: a framework has one threshold level, and every level whose
 * numeric value is at or above the threshold’s counts as proficient (the is_proficient flag of
 * each level says so, for readers that only look at one level). The threshold is the proficient
 * level with the lowest value; trellis_framework_set_proficient_level() keeps the flags in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-editing"

#include <glib/gi18n-lib.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-editing.h"
#include "trellis-level.h"
#include "trellis-store-private.h"

/* Helpers */

static const TrellisField *
find_field_with_flag (TrellisEntity     *entity,
                      TrellisFieldFlags  flag)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & flag)
      return &klass->fields[i];
  return NULL;
}

/* A detached copy with no identity, so that inserting it makes a new record with a new UUID. */
static TrellisEntity *
copy_as_new (TrellisEntity *entity,
             const char    *parent_field,
             gint64         parent_id)
{
  TrellisEntity *copy = trellis_entity_copy (entity);

  trellis_entity_set_identity (copy, 0, NULL, NULL, NULL, NULL, NULL);
  if (parent_field != NULL)
    g_object_set (copy, parent_field, parent_id, NULL);
  return copy;
}

/* Copies every child of @type under @parent_id to @copy_parent_id; returns the copies’ ids in
 * the children’s order (so that grandchildren can follow). */
static GArray *
copy_children (TrellisStore  *store,
               GType          type,
               const char    *parent_field,
               gint64         parent_id,
               gint64         copy_parent_id,
               GArray       **original_ids,
               GError       **error)
{
  g_autoptr(GListModel) children = trellis_store_list (store, type, parent_field, parent_id, error);
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) originals = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (children == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(TrellisEntity) child = g_list_model_get_item (children, i);
      g_autoptr(TrellisEntity) copy = copy_as_new (child, parent_field, copy_parent_id);
      gint64 original_id = trellis_entity_get_id (child);
      gint64 copy_id;

      if (!trellis_store_insert (store, copy, error))
        return NULL;
      copy_id = trellis_entity_get_id (copy);
      g_array_append_val (copies, copy_id);
      g_array_append_val (originals, original_id);
    }
  if (original_ids != NULL)
    *original_ids = g_steal_pointer (&originals);
  return g_steal_pointer (&copies);
}

static gboolean
duplicate_contents (TrellisStore  *store,
                    gint64         framework_id,
                    gint64         copy_id,
                    GError       **error)
{
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) attributes = NULL;
  g_autoptr(GArray) original_attributes = NULL;

  levels = copy_children (store, TRELLIS_TYPE_LEVEL, "framework-id", framework_id, copy_id,
                          NULL, error);
  if (levels == NULL)
    return FALSE;
  attributes = copy_children (store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", framework_id, copy_id,
                              &original_attributes, error);
  if (attributes == NULL)
    return FALSE;
  for (guint i = 0; i < attributes->len; i++)
    {
      g_autoptr(GArray) competencies = copy_children (store, TRELLIS_TYPE_COMPETENCY, "attribute-id",
                                                      g_array_index (original_attributes, gint64, i),
                                                      g_array_index (attributes, gint64, i),
                                                      NULL, error);
      if (competencies == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_boolean_and_save (TrellisStore  *store,
                      TrellisEntity *entity,
                      const char    *property,
                      gboolean       value,
                      GError       **error)
{
  if (trellis_entity_get_boolean (entity, property) == value)
    return TRUE;
  g_object_set (entity, property, value, NULL);
  return trellis_store_save (store, entity, error);
}

static gboolean
add_level (TrellisStore  *store,
           gint64         framework_id,
           const char    *title,
           const char    *description,
           int            value,
           const char    *color,
           gboolean       proficient,
           GError       **error)
{
  g_autoptr(TrellisLevel) level = g_object_new (TRELLIS_TYPE_LEVEL,
                                                "framework-id", framework_id,
                                                "title", title,
                                                "description", description,
                                                "value", value,
                                                "color", color,
                                                "is-proficient", proficient,
                                                "position", value - 1,
                                                NULL);

  return trellis_store_insert (store, TRELLIS_ENTITY (level), error);
}

/* Public API */

/**
 * trellis_framework_create:
 * @store: a store
 * @title: the new framework’s title
 * @framework_id: (out) (optional): the new framework’s id
 * @error: return location for a #GError
 *
 * Adds a framework with no attributes and a four-level scale (Emerging, Developing, Proficient,
 * Advanced; Proficient and above count as proficient), since a scale is needed before any
 * evidence can be assessed. The first framework of a database becomes the school default.
 *
 * Returns: %FALSE with @error set, and nothing stored, when @title is empty or the disk refuses
 */
gboolean
trellis_framework_create (TrellisStore  *store,
                          const char    *title,
                          gint64        *framework_id,
                          GError       **error)
{
  g_autoptr(TrellisFramework) framework = NULL;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  framework = g_object_new (TRELLIS_TYPE_FRAMEWORK,
                            "title", title,
                            "is-default", trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK) == 0,
                            NULL);
  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!trellis_store_insert (store, TRELLIS_ENTITY (framework), error))
    return trellis_store_rollback_failed (store);
  id = trellis_entity_get_id (TRELLIS_ENTITY (framework));
  if (!add_level (store, id, _("Emerging"), _("Beginning to show the competency with support."),
                  1, "#99c1f1", FALSE, error) ||
      !add_level (store, id, _("Developing"), _("Shows the competency in familiar situations."),
                  2, "#62a0ea", FALSE, error) ||
      !add_level (store, id, _("Proficient"), _("Shows the competency independently and consistently."),
                  3, "#3584e4", TRUE, error) ||
      !add_level (store, id, _("Advanced"), _("Applies the competency in new situations."),
                  4, "#1a5fb4", TRUE, error) ||
      !trellis_store_commit (store, error))
    return trellis_store_rollback_failed (store);
  if (framework_id != NULL)
    *framework_id = id;
  return TRUE;
}

/**
 * trellis_framework_duplicate:
 * @store: a store
 * @framework_id: the framework to copy
 * @title: (nullable): the copy’s title, or %NULL for “TITLE (copy)”
 * @copy_id: (out) (optional): the copy’s id
 * @error: return location for a #GError
 *
 * Copies a framework with its scale, attributes and competencies, each with a new UUID, in one
 * transaction. The copy is never the school default, and no plan uses it.
 *
 * Returns: %FALSE with @error set, and nothing stored, on failure
 */
gboolean
trellis_framework_duplicate (TrellisStore  *store,
                             gint64         framework_id,
                             const char    *title,
                             gint64        *copy_id,
                             GError       **error)
{
  g_autoptr(TrellisEntity) framework = NULL;
  g_autoptr(TrellisEntity) copy = NULL;
  g_autofree char *copy_title = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  framework = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, framework_id, error);
  if (framework == NULL)
    return FALSE;

  /* Translators: the title of a copy of a framework */
  copy_title = title != NULL ? g_strdup (title)
                             : g_strdup_printf (_("%s (copy)"), trellis_entity_get_text (framework, "title"));
  copy = copy_as_new (framework, NULL, 0);
  g_object_set (copy, "title", copy_title, "is-default", FALSE, NULL);

  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!trellis_store_insert (store, copy, error) ||
      !duplicate_contents (store, framework_id, trellis_entity_get_id (copy), error) ||
      !trellis_store_commit (store, error))
    return trellis_store_rollback_failed (store);
  if (copy_id != NULL)
    *copy_id = trellis_entity_get_id (copy);
  return TRUE;
}

/**
 * trellis_framework_delete:
 * @store: a store
 * @framework_id: the framework to delete
 * @error: return location for a #GError
 *
 * Deletes a framework with its scale, attributes and competencies. When it was the school
 * default, the oldest remaining framework becomes the default, in the same transaction.
 *
 * Returns: %FALSE with @error set, and nothing deleted, when a plan uses the framework
 *   (%TRELLIS_ERROR_IN_USE, the message says how many) or on failure
 */
gboolean
trellis_framework_delete (TrellisStore  *store,
                          gint64         framework_id,
                          GError       **error)
{
  g_autoptr(TrellisEntity) framework = NULL;
  gboolean was_default;
  gint64 next;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  framework = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, framework_id, error);
  if (framework == NULL)
    return FALSE;
  was_default = trellis_entity_get_boolean (framework, "is-default");

  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!trellis_store_delete (store, framework, NULL, error))
    return trellis_store_rollback_failed (store);
  next = trellis_store_get_default_framework (store);
  if (was_default && next > 0 && !trellis_framework_set_default (store, next, error))
    return trellis_store_rollback_failed (store);
  return trellis_store_commit (store, error);
}

/**
 * trellis_framework_set_default:
 * @store: a store
 * @framework_id: the framework new plans should use
 * @error: return location for a #GError
 *
 * Makes @framework_id the one school default, and no other, in one transaction.
 *
 * Returns: %FALSE with @error set, and nothing changed, when the framework does not exist
 */
gboolean
trellis_framework_set_default (TrellisStore  *store,
                               gint64         framework_id,
                               GError       **error)
{
  g_autoptr(TrellisEntity) chosen = NULL;
  g_autoptr(GListModel) frameworks = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  chosen = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, framework_id, error);
  if (chosen == NULL)
    return FALSE;
  frameworks = trellis_store_list (store, TRELLIS_TYPE_FRAMEWORK, NULL, 0, error);
  if (frameworks == NULL)
    return FALSE;

  if (!trellis_store_begin (store, error))
    return FALSE;
  /* The old default first: the database holds one default at every moment. */
  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(TrellisEntity) framework = g_list_model_get_item (frameworks, i);

      if (trellis_entity_get_id (framework) != framework_id &&
          !set_boolean_and_save (store, framework, "is-default", FALSE, error))
        return trellis_store_rollback_failed (store);
    }
  if (!set_boolean_and_save (store, chosen, "is-default", TRUE, error))
    return trellis_store_rollback_failed (store);
  return trellis_store_commit (store, error);
}

/**
 * trellis_framework_count_plans:
 * @store: a store
 * @framework_id: a framework
 *
 * Returns: how many plans use the framework (those keep it from being deleted)
 */
gint64
trellis_framework_count_plans (TrellisStore *store,
                               gint64        framework_id)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), 0);

  stmt = trellis_store_prepare (store, "SELECT count(*) FROM plan WHERE framework_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/**
 * trellis_framework_count_contents:
 * @store: a store
 * @framework_id: a framework
 * @n_attributes: (out): its number of attributes
 * @n_competencies: (out): its number of competencies, over all attributes
 * @n_levels: (out): the number of levels of its scale
 */
void
trellis_framework_count_contents (TrellisStore *store,
                                  gint64        framework_id,
                                  guint        *n_attributes,
                                  guint        *n_competencies,
                                  guint        *n_levels)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (TRELLIS_IS_STORE (store));
  g_return_if_fail (n_attributes != NULL && n_competencies != NULL && n_levels != NULL);

  *n_attributes = *n_competencies = *n_levels = 0;
  stmt = trellis_store_prepare (store,
                                "SELECT (SELECT count(*) FROM attribute WHERE framework_id = ?1), "
                                "(SELECT count(*) FROM competency c JOIN attribute a ON a.id = c.attribute_id "
                                "WHERE a.framework_id = ?1), "
                                "(SELECT count(*) FROM proficiency_level WHERE framework_id = ?1)", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *n_attributes = sqlite3_column_int (stmt, 0);
      *n_competencies = sqlite3_column_int (stmt, 1);
      *n_levels = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
}

/**
 * trellis_framework_dup_template_title:
 * @resource_path: a path from trellis_framework_template_list()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the template’s title in the user’s language, for a menu
 */
char *
trellis_framework_dup_template_title (const char  *resource_path,
                                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;
  return g_key_file_get_locale_string (keyfile, "Framework", "Title", NULL, error);
}

/**
 * trellis_framework_append:
 * @store: a store
 * @entity: a new attribute, competency or level with its parent set
 * @error: return location for a #GError
 *
 * Inserts @entity after its last sibling.
 *
 * Returns: %FALSE with @error set, and nothing stored, when the record is invalid
 */
gboolean
trellis_framework_append (TrellisStore   *store,
                          TrellisEntity  *entity,
                          GError        **error)
{
  const TrellisField *parent;
  const TrellisField *position;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int next = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  parent = find_field_with_flag (entity, TRELLIS_FIELD_FLAG_PARENT);
  position = find_field_with_flag (entity, TRELLIS_FIELD_FLAG_POSITION);
  g_return_val_if_fail (parent != NULL && position != NULL, FALSE);

  sql = g_strdup_printf ("SELECT coalesce(max(%s) + 1, 0) FROM %s WHERE %s = ?", position->column,
                         TRELLIS_ENTITY_GET_CLASS (entity)->table, parent->column);
  stmt = trellis_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_entity_get_reference (entity, parent->name));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  g_object_set (entity, position->name, next, NULL);
  return trellis_store_insert (store, entity, error);
}

/**
 * trellis_framework_move:
 * @store: a store
 * @entity: a stored attribute, competency or level
 * @delta: how many places to move it: -1 is up (earlier), 1 is down
 * @error: return location for a #GError
 *
 * Moves @entity among its siblings and numbers them all 0, 1, 2… in one transaction. A move past
 * the first or last place stops there. Only the position of @entity is updated in memory; its
 * other fields are neither saved nor reloaded.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure
 */
gboolean
trellis_framework_move (TrellisStore   *store,
                        TrellisEntity  *entity,
                        int             delta,
                        GError        **error)
{
  const TrellisField *parent;
  const TrellisField *position;
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  guint n, from = G_MAXUINT, to;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  parent = find_field_with_flag (entity, TRELLIS_FIELD_FLAG_PARENT);
  position = find_field_with_flag (entity, TRELLIS_FIELD_FLAG_POSITION);
  g_return_val_if_fail (parent != NULL && position != NULL, FALSE);

  siblings = trellis_store_list (store, G_OBJECT_TYPE (entity), parent->name,
                                 trellis_entity_get_reference (entity, parent->name), error);
  if (siblings == NULL)
    return FALSE;
  n = g_list_model_get_n_items (siblings);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *sibling = g_list_model_get_item (siblings, i);

      if (trellis_entity_get_id (sibling) == trellis_entity_get_id (entity))
        from = i;
      g_ptr_array_add (order, sibling);
    }
  if (from == G_MAXUINT)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("“%s” cannot be moved: it was deleted."),
                   trellis_entity_get_text (entity, "title"));
      return FALSE;
    }

  to = (guint) CLAMP ((int) from + delta, 0, (int) n - 1);
  if (to != from)
    {
      gpointer moved = g_ptr_array_steal_index (order, from);
      g_ptr_array_insert (order, to, moved);
    }

  if (!trellis_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *sibling = order->pdata[i];

      if (trellis_entity_get_int (sibling, position->name) == (int) i)
        continue;
      g_object_set (sibling, position->name, (int) i, NULL);
      if (!trellis_store_save (store, sibling, error))
        return trellis_store_rollback_failed (store);
    }
  if (!trellis_store_commit (store, error))
    return FALSE;
  g_object_set (entity, position->name, (int) to, NULL);
  return TRUE;
}

/**
 * trellis_framework_get_proficient_level:
 * @store: a store
 * @framework_id: a framework
 *
 * Returns: the threshold level: the proficient level with the lowest value, or 0 when no level
 *   counts as proficient
 */
gint64
trellis_framework_get_proficient_level (TrellisStore *store,
                                        gint64        framework_id)
{
  sqlite3_stmt *stmt;
  gint64 level_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), 0);

  stmt = trellis_store_prepare (store,
                                "SELECT id FROM proficiency_level WHERE framework_id = ? "
                                "AND is_proficient ORDER BY value, position, id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    level_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return level_id;
}

/**
 * trellis_framework_set_proficient_level:
 * @store: a store
 * @framework_id: a framework
 * @level_id: the threshold level of that framework, or 0 for none
 * @error: return location for a #GError
 *
 * Marks as proficient every level of the framework whose value is at or above the value of
 * @level_id, and no other, in one transaction. Call it again after a level’s value changes.
 *
 * Returns: %FALSE with @error set, and nothing changed, when @level_id is not a level of the
 *   framework
 */
gboolean
trellis_framework_set_proficient_level (TrellisStore  *store,
                                        gint64         framework_id,
                                        gint64         level_id,
                                        GError       **error)
{
  g_autoptr(GListModel) levels = NULL;
  gboolean found = level_id == 0;
  int threshold = G_MAXINT;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  levels = trellis_store_list (store, TRELLIS_TYPE_LEVEL, "framework-id", framework_id, error);
  if (levels == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(TrellisEntity) level = g_list_model_get_item (levels, i);

      if (trellis_entity_get_id (level) == level_id)
        {
          threshold = trellis_entity_get_int (level, "value");
          found = TRUE;
        }
    }
  if (!found)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The proficiency threshold must be a level of the same framework; nothing was changed."));
      return FALSE;
    }

  if (!trellis_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(TrellisEntity) level = g_list_model_get_item (levels, i);

      if (!set_boolean_and_save (store, level, "is-proficient",
                                 trellis_entity_get_int (level, "value") >= threshold, error))
        return trellis_store_rollback_failed (store);
    }
  return trellis_store_commit (store, error);
}
