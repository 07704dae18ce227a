/* trellis-framework-template.c — reads the framework templates Trellis ships (GLib key files)
 *
 * A template is a key file: a [Framework] group, then [Level ID] groups in scale order, then
 * [Attribute ID] groups each followed by its [Competency CODE] groups. Keys may be translated
 * (Title[es]=…); the locale’s translation is used when present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-template"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-template.h"
#include "trellis-level.h"
#include "trellis-store-private.h"

#define TEMPLATE_FOLDER "/org/trellisplp/Trellis/core/frameworks"

/* language → (English text → its translation), for trellis_framework_template_translate() */
static GHashTable *translations;
G_LOCK_DEFINE_STATIC (translations);

/* Helpers */

static char *
dup_string (GKeyFile   *keyfile,
            const char *group,
            const char *key)
{
  char *value = g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);

  return value ? value : g_strdup ("");
}

static gboolean
insert_with (TrellisStore   *store,
             gpointer        entity,
             const char     *group,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (trellis_store_insert (store, entity, &local_error))
    return TRUE;
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               _("The framework template’s group [%s] is invalid: %s"), group, local_error->message);
  return FALSE;
}

/* The titles of the shipped templates in @language, keyed by their English words. */
static GHashTable *
read_translations (const char *language)
{
  g_auto(GStrv) paths = trellis_framework_template_list ();
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_auto(GStrv) groups = NULL;

      if (bytes == NULL ||
          !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
        continue;
      groups = g_key_file_get_groups (keyfile, NULL);
      for (guint j = 0; groups[j] != NULL; j++)
        {
          g_autofree char *english = g_key_file_get_string (keyfile, groups[j], "Title", NULL);
          g_autofree char *translated = g_key_file_get_locale_string (keyfile, groups[j], "Title",
                                                                      language, NULL);

          if (english != NULL && translated != NULL && !g_str_equal (english, translated))
            g_hash_table_replace (words, g_steal_pointer (&english), g_steal_pointer (&translated));
        }
    }
  return words;
}

/* Public API */

/**
 * trellis_framework_template_translate:
 * @language: a language tag (`es`, `es-MX`) or locale name (`es_MX`)
 * @text: a title as a framework stores it
 *
 * A framework made from a shipped template stores its titles in the language it was made in,
 * usually English. A report printed in a family’s language finds their translation here, in
 * the template’s `Title[LANG]` keys; a school’s own words have none.
 *
 * Returns: (transfer none) (nullable): the translation of @text into @language, or %NULL
 */
const char *
trellis_framework_template_translate (const char *language,
                                      const char *text)
{
  g_autofree char *locale = NULL;
  GHashTable *words;

  g_return_val_if_fail (language != NULL, NULL);

  if (text == NULL || *text == '\0')
    return NULL;
  locale = g_strdelimit (g_strdup (language), "-", '_');
  G_LOCK (translations);
  if (translations == NULL)
    translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  words = g_hash_table_lookup (translations, locale);
  if (words == NULL)
    {
      words = read_translations (locale);
      g_hash_table_insert (translations, g_strdup (locale), words);
    }
  G_UNLOCK (translations);
  /* The tables are never changed once made, so they are read without the lock. */
  return g_hash_table_lookup (words, text);
}

/**
 * trellis_framework_template_load_bytes:
 * @store: the store to add the framework to
 * @bytes: a template key file
 * @make_default: whether new plans should use this framework
 * @framework_id: (out) (optional): the new framework’s id
 * @error: return location for a #GError
 *
 * Adds the framework, its scale, attributes and competencies in one transaction.
 *
 * Returns: %FALSE with @error set, and nothing stored, when the template is malformed
 */
gboolean
trellis_framework_template_load_bytes (TrellisStore  *store,
                                       GBytes        *bytes,
                                       gboolean       make_default,
                                       gint64        *framework_id,
                                       GError       **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(TrellisFramework) framework = NULL;
  g_autoptr(TrellisAttribute) attribute = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  int level_position = 0, attribute_position = 0, competency_position = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("The framework template cannot be read: %s"), local_error->message);
      return FALSE;
    }
  if (!g_key_file_has_group (keyfile, "Framework"))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("The framework template has no [Framework] group."));
      return FALSE;
    }

  if (!trellis_store_begin (store, error))
    return FALSE;

  title = dup_string (keyfile, "Framework", "Title");
  description = dup_string (keyfile, "Framework", "Description");
  framework = g_object_new (TRELLIS_TYPE_FRAMEWORK,
                            "title", title,
                            "description", description,
                            "is-default", make_default,
                            NULL);
  if (!insert_with (store, framework, "Framework", error))
    return trellis_store_rollback_failed (store);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      g_autofree char *group_title = dup_string (keyfile, group, "Title");
      g_autofree char *group_description = dup_string (keyfile, group, "Description");
      g_autofree char *color = dup_string (keyfile, group, "Color");
      g_autoptr(TrellisEntity) entity = NULL;

      if (g_str_has_prefix (group, "Level "))
        entity = g_object_new (TRELLIS_TYPE_LEVEL,
                               "framework-id", trellis_entity_get_id (TRELLIS_ENTITY (framework)),
                               "title", group_title,
                               "description", group_description,
                               "value", g_key_file_get_integer (keyfile, group, "Value", NULL),
                               "color", color,
                               "is-proficient", g_key_file_get_boolean (keyfile, group, "Proficient", NULL),
                               "position", level_position++,
                               NULL);
      else if (g_str_has_prefix (group, "Attribute "))
        {
          g_clear_object (&attribute);
          attribute = g_object_new (TRELLIS_TYPE_ATTRIBUTE,
                                    "framework-id", trellis_entity_get_id (TRELLIS_ENTITY (framework)),
                                    "title", group_title,
                                    "description", group_description,
                                    "color", color,
                                    "position", attribute_position++,
                                    NULL);
          competency_position = 0;
          if (!insert_with (store, attribute, group, error))
            return trellis_store_rollback_failed (store);
          continue;
        }
      else if (g_str_has_prefix (group, "Competency "))
        {
          if (attribute == NULL)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("The framework template’s competency [%s] comes before any attribute."),
                           group);
              return trellis_store_rollback_failed (store);
            }
          entity = g_object_new (TRELLIS_TYPE_COMPETENCY,
                                 "attribute-id", trellis_entity_get_id (TRELLIS_ENTITY (attribute)),
                                 "code", group + strlen ("Competency "),
                                 "title", group_title,
                                 "description", group_description,
                                 "position", competency_position++,
                                 NULL);
        }
      else
        continue;

      if (!insert_with (store, entity, group, error))
        return trellis_store_rollback_failed (store);
    }

  if (!trellis_store_commit (store, error))
    return FALSE;
  if (framework_id != NULL)
    *framework_id = trellis_entity_get_id (TRELLIS_ENTITY (framework));
  return TRUE;
}

/**
 * trellis_framework_template_load_default:
 * @store: a store
 * @framework_id: (out) (optional): the new framework’s id
 * @error: return location for a #GError
 *
 * Adds the general Profile of a Graduate that ships with Trellis and makes it the default.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
trellis_framework_template_load_default (TrellisStore  *store,
                                         gint64        *framework_id,
                                         GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TRELLIS_DEFAULT_FRAMEWORK_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return FALSE;
  return trellis_framework_template_load_bytes (store, bytes, TRUE, framework_id, error);
}

/**
 * trellis_framework_template_list:
 *
 * Returns: (transfer full): the resource paths of every shipped template
 */
char **
trellis_framework_template_list (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (TEMPLATE_FOLDER,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATE_FOLDER "/", names[i], NULL);
      g_strv_builder_add (paths, path);
    }
  return g_strv_builder_end (paths);
}
