/* trellis-framework-import-json.c — reads CASE 1.0 packages and Mahara SmartEvidence matrices
 *
 * CASE: the CFDocument’s title names the framework; CFItems are the items; CFAssociations of
 * type isChildOf make the tree (origin = child, destination = parent or the document, each named
 * by identifier or URI; sequenceNumber orders siblings); the first CFRubricCriterion with levels
 * gives the scale. Other association types are left out with a warning.
 *
 * Mahara: $.framework names the framework; its standards are the top-level items and their
 * elements (nested in standards[].standardelement[], or flat in standardelements[] naming their
 * standardid) the items below, an element naming another with parentelementid; the evidence
 * statuses, where present, give the scale.
 *
 * Every message names the JSON path of the value it is about, e.g. $.CFItems[3].identifier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-framework-import-private.h"
#include "trellis-html-text.h"

typedef enum {
  PROBLEM_MISSING,
  PROBLEM_NOT_TEXT,
  PROBLEM_NOT_LIST,
  PROBLEM_NOT_OBJECT,
} Problem;

typedef struct {
  char   *title;
  char   *description;
  double  score;
  double  position;
  guint   index;
} RubricLevel;

/* Mahara’s evidence statuses, in the order of its constants; “begun” is not a level. */
static const struct {
  const char *key;
  const char *number;
  int         value;
} mahara_statuses[] = {
  { "begun", "0", 0 },
  { "incomplete", "1", 1 },
  { "partialcomplete", "2", 2 },
  { "completed", "3", 3 },
};

/* Helpers */

static gboolean
json_problem (TrellisFrameworkImport  *self,
              const char              *path,
              Problem                  problem,
              GError                 **error)
{
  const char *file_name = trellis_framework_import_get_file_name (self);

  switch (problem)
    {
    case PROBLEM_MISSING:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("In “%s”, %s is missing. Nothing was changed."), file_name, path);
      break;
    case PROBLEM_NOT_TEXT:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("In “%s”, %s should be text or a number. Nothing was changed."), file_name, path);
      break;
    case PROBLEM_NOT_LIST:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("In “%s”, %s should be a list in brackets. Nothing was changed."), file_name, path);
      break;
    case PROBLEM_NOT_OBJECT:
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("In “%s”, %s should be an object in braces. Nothing was changed."), file_name, path);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* The member as text (numbers written out); NULL when absent or null. */
static gboolean
dup_text (TrellisFrameworkImport  *self,
          JsonObject              *object,
          const char              *path,
          const char              *member,
          gboolean                 required,
          char                   **out,
          GError                 **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;

  *out = NULL;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        *out = g_strdup (json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          *out = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
    }
  if (*out != NULL)
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return json_problem (self, member_path, PROBLEM_NOT_TEXT, error);
  if (required)
    return json_problem (self, member_path, PROBLEM_MISSING, error);
  return TRUE;
}

static gboolean
get_number (JsonObject *object,
            const char *member,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return isfinite (*out);
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;

        *out = g_ascii_strtod (text, &end);
        return end != text && *end == '\0' && isfinite (*out);
      }
    default:
      return FALSE;
    }
}

/* Whether the node has the wanted type, or is absent (missing or null) and not required;
 * *present says which. */
static gboolean
check_node (TrellisFrameworkImport  *self,
            JsonNode                *node,
            const char              *path,
            JsonNodeType             wanted,
            gboolean                 required,
            gboolean                *present,
            GError                 **error)
{
  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || json_problem (self, path, PROBLEM_MISSING, error);
  if (JSON_NODE_TYPE (node) != wanted)
    return json_problem (self, path, wanted == JSON_NODE_ARRAY ? PROBLEM_NOT_LIST : PROBLEM_NOT_OBJECT,
                         error);
  *present = TRUE;
  return TRUE;
}

/* Gets a member that must be a list; *out is NULL (and TRUE returned) when an optional one is
 * absent. */
static gboolean
get_array (TrellisFrameworkImport  *self,
           JsonObject              *object,
           const char              *path,
           const char              *member,
           gboolean                 required,
           JsonArray              **out,
           GError                 **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  gboolean present;

  if (!check_node (self, node, member_path, JSON_NODE_ARRAY, required, &present, error))
    return FALSE;
  *out = present ? json_node_get_array (node) : NULL;
  return TRUE;
}

static gboolean
get_object (TrellisFrameworkImport  *self,
            JsonNode                *node,
            const char              *path,
            gboolean                 required,
            JsonObject             **out,
            GError                 **error)
{
  gboolean present;

  if (!check_node (self, node, path, JSON_NODE_OBJECT, required, &present, error))
    return FALSE;
  *out = present ? json_node_get_object (node) : NULL;
  return TRUE;
}

static gboolean
get_member_object (TrellisFrameworkImport  *self,
                   JsonObject              *object,
                   const char              *path,
                   const char              *member,
                   gboolean                 required,
                   JsonObject             **out,
                   GError                 **error)
{
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  return get_object (self, json_object_get_member (object, member), member_path, required, out, error);
}

static gboolean
get_element_object (TrellisFrameworkImport  *self,
                    JsonArray               *array,
                    guint                    index,
                    const char              *element_path,
                    JsonObject             **out,
                    GError                 **error)
{
  return get_object (self, json_array_get_element (array, index), element_path, TRUE, out, error);
}

static char *
html_text (char *html)
{
  g_autofree char *owned = html;

  return owned != NULL ? trellis_html_to_text (owned) : NULL;
}

/* A CASE link (LinkURI): an object with identifier and uri, or, leniently, one string. */
static gboolean
dup_link (TrellisFrameworkImport  *self,
          JsonObject              *association,
          const char              *path,
          const char              *member,
          char                   **identifier,
          char                   **uri,
          GError                 **error)
{
  JsonNode *node = json_object_get_member (association, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  JsonObject *link;

  *identifier = NULL;
  *uri = NULL;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *identifier = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!get_object (self, node, member_path, TRUE, &link, error)
      || !dup_text (self, link, member_path, "identifier", FALSE, identifier, error)
      || !dup_text (self, link, member_path, "uri", FALSE, uri, error))
    return FALSE;
  if (*identifier == NULL && *uri == NULL)
    {
      g_autofree char *identifier_path = g_strdup_printf ("%s.identifier", member_path);
      return json_problem (self, identifier_path, PROBLEM_MISSING, error);
    }
  return TRUE;
}

static TrellisImportNode *
lookup_link (GHashTable *items,
             const char *identifier,
             const char *uri)
{
  TrellisImportNode *node = identifier != NULL ? g_hash_table_lookup (items, identifier) : NULL;

  return node != NULL ? node : (uri != NULL ? g_hash_table_lookup (items, uri) : NULL);
}

static gboolean
read_case_item (TrellisFrameworkImport  *self,
                JsonArray               *items,
                guint                    index,
                GHashTable              *by_key,
                GError                 **error)
{
  g_autofree char *path = g_strdup_printf ("$.CFItems[%u]", index);
  g_autofree char *full_statement = NULL;
  g_autofree char *abbreviated = NULL;
  TrellisImportNode *node;
  JsonObject *item;

  if (!get_element_object (self, items, index, path, &item, error))
    return FALSE;
  node = trellis_framework_import_add_node (self, path, error);
  if (node == NULL
      || !dup_text (self, item, path, "identifier", TRUE, &node->key, error)
      || !dup_text (self, item, path, "uri", FALSE, &node->alt_key, error)
      || !dup_text (self, item, path, "fullStatement", TRUE, &full_statement, error)
      || !dup_text (self, item, path, "abbreviatedStatement", FALSE, &abbreviated, error)
      || !dup_text (self, item, path, "humanCodingScheme", FALSE, &node->code, error))
    return FALSE;

  if (abbreviated != NULL && *abbreviated != '\0')
    {
      node->title = g_steal_pointer (&abbreviated);
      node->description = g_steal_pointer (&full_statement);
    }
  else
    node->title = g_steal_pointer (&full_statement);

  g_hash_table_insert (by_key, node->key, node);
  if (node->alt_key != NULL)
    g_hash_table_insert (by_key, node->alt_key, node);
  return TRUE;
}

typedef struct {
  char      *document_identifier;
  char      *document_uri;
  GHashTable *placed;      /* items an isChildOf already placed */
  guint      n_other_types;
  guint      n_unknown_origins;
  guint      n_extra_parents;
} CaseTree;

static gboolean
read_case_association (TrellisFrameworkImport  *self,
                       JsonArray               *associations,
                       guint                    index,
                       GHashTable              *by_key,
                       CaseTree                *tree,
                       GError                 **error)
{
  g_autofree char *path = g_strdup_printf ("$.CFAssociations[%u]", index);
  g_autofree char *type = NULL;
  g_autofree char *origin_identifier = NULL, *origin_uri = NULL;
  g_autofree char *destination_identifier = NULL, *destination_uri = NULL;
  TrellisImportNode *child;
  JsonObject *association;
  double sequence;

  if (!get_element_object (self, associations, index, path, &association, error)
      || !dup_text (self, association, path, "associationType", TRUE, &type, error))
    return FALSE;
  if (strcmp (type, "isChildOf") != 0)
    {
      tree->n_other_types++;
      return TRUE;
    }
  if (!dup_link (self, association, path, "originNodeURI", &origin_identifier, &origin_uri, error)
      || !dup_link (self, association, path, "destinationNodeURI", &destination_identifier,
                    &destination_uri, error))
    return FALSE;

  child = lookup_link (by_key, origin_identifier, origin_uri);
  if (child == NULL)
    {
      tree->n_unknown_origins++;
      return TRUE;
    }
  if (!g_hash_table_add (tree->placed, child))
    {
      tree->n_extra_parents++;
      return TRUE;
    }

  if ((destination_identifier == NULL || g_strcmp0 (destination_identifier, tree->document_identifier) != 0)
      && (destination_uri == NULL || g_strcmp0 (destination_uri, tree->document_uri) != 0))
    child->parent_key = destination_identifier != NULL ? g_steal_pointer (&destination_identifier)
                                                        : g_steal_pointer (&destination_uri);
  if (get_number (association, "sequenceNumber", &sequence))
    child->order = sequence;
  return TRUE;
}

static int
compare_rubric_levels (gconstpointer a,
                       gconstpointer b)
{
  const RubricLevel *x = a, *y = b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static void
rubric_level_clear (gpointer data)
{
  RubricLevel *level = data;

  g_free (level->title);
  g_free (level->description);
}

/* The levels of one CFRubricCriterion, lowest first, become the scale. */
static gboolean
read_criterion_levels (TrellisFrameworkImport  *self,
                       JsonArray               *levels,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, TRUE, sizeof (RubricLevel));

  g_array_set_clear_func (sorted, rubric_level_clear);
  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      g_autofree char *level_path = g_strdup_printf ("%s[%u]", path, i);
      RubricLevel level = { NULL, NULL, 0, 0, i };
      g_autofree char *quality = NULL;
      JsonObject *object;

      if (!get_element_object (self, levels, i, level_path, &object, error)
          || !dup_text (self, object, level_path, "quality", FALSE, &quality, error)
          || !dup_text (self, object, level_path, "description", FALSE, &level.description, error))
        {
          g_free (level.description);
          return FALSE;
        }
      if (!get_number (object, "position", &level.position))
        level.position = i;
      if (!get_number (object, "score", &level.score))
        level.score = level.position + 1;
      if (quality != NULL && *quality != '\0')
        level.title = g_steal_pointer (&quality);
      else
        level.title = g_steal_pointer (&level.description);
      g_array_append_val (sorted, level);
    }
  g_array_sort (sorted, compare_rubric_levels);

  for (guint i = 0; i < sorted->len; i++)
    {
      RubricLevel *level = &g_array_index (sorted, RubricLevel, i);
      double value = CLAMP (round (level->score), -1e6, 1e6);

      if (!trellis_framework_import_add_level (self, level->title, level->description,
                                               (int) value, FALSE, path, error))
        return FALSE;
    }
  trellis_framework_import_mark_upper_half_proficient (self);
  return TRUE;
}

static gboolean
read_case_rubrics (TrellisFrameworkImport  *self,
                   JsonObject              *root,
                   GError                 **error)
{
  g_autofree char *used_path = NULL;
  JsonArray *rubrics;
  guint n_with_levels = 0;

  if (!get_array (self, root, "$", "CFRubrics", FALSE, &rubrics, error))
    return FALSE;
  for (guint r = 0; rubrics != NULL && r < json_array_get_length (rubrics); r++)
    {
      g_autofree char *rubric_path = g_strdup_printf ("$.CFRubrics[%u]", r);
      JsonObject *rubric;
      JsonArray *criteria;

      if (!get_element_object (self, rubrics, r, rubric_path, &rubric, error)
          || !get_array (self, rubric, rubric_path, "CFRubricCriteria", FALSE, &criteria, error))
        return FALSE;
      for (guint c = 0; criteria != NULL && c < json_array_get_length (criteria); c++)
        {
          g_autofree char *criterion_path = g_strdup_printf ("%s.CFRubricCriteria[%u]", rubric_path, c);
          g_autofree char *levels_path = NULL;
          JsonObject *criterion;
          JsonArray *levels;

          if (!get_element_object (self, criteria, c, criterion_path, &criterion, error)
              || !get_array (self, criterion, criterion_path, "CFRubricCriterionLevels", FALSE,
                             &levels, error))
            return FALSE;
          if (levels == NULL || json_array_get_length (levels) == 0)
            continue;
          if (n_with_levels++ > 0)
            continue;
          levels_path = g_strdup_printf ("%s.CFRubricCriterionLevels", criterion_path);
          if (!read_criterion_levels (self, levels, levels_path, error))
            return FALSE;
          used_path = g_steal_pointer (&criterion_path);
        }
    }

  if (n_with_levels > 1)
    trellis_framework_import_warn (self, _("The file has %u rubric criteria with levels; the "
                                           "levels of the first (%s) became the scale."),
                                   n_with_levels, used_path);
  return TRUE;
}

static void
warn_case_tree (TrellisFrameworkImport *self,
                CaseTree               *tree)
{
  if (tree->n_other_types > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u association other than isChildOf (a cross "
                                                "reference such as isRelatedTo) was ignored.",
                                                "%u associations other than isChildOf (cross "
                                                "references such as isRelatedTo) were ignored.",
                                                tree->n_other_types), tree->n_other_types);
  if (tree->n_unknown_origins > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u isChildOf association starts from an item that "
                                                "is not in the file; it was ignored.",
                                                "%u isChildOf associations start from items that "
                                                "are not in the file; they were ignored.",
                                                tree->n_unknown_origins), tree->n_unknown_origins);
  if (tree->n_extra_parents > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u item has more than one parent; only its first "
                                                "isChildOf association was used.",
                                                "%u items have more than one parent; only their "
                                                "first isChildOf association was used.",
                                                tree->n_extra_parents), tree->n_extra_parents);
}

static gboolean
read_mahara_item (TrellisFrameworkImport  *self,
                  JsonObject              *object,
                  const char              *path,
                  const char              *key_member,
                  const char              *key_label,
                  TrellisImportNode      **out,
                  GError                 **error)
{
  g_autofree char *shortname = NULL, *name = NULL, *description = NULL, *id = NULL;
  TrellisImportNode *node = trellis_framework_import_add_node (self, path, error);

  if (node == NULL
      || !dup_text (self, object, path, "shortname", FALSE, &shortname, error)
      || !dup_text (self, object, path, "name", FALSE, &name, error)
      || !dup_text (self, object, path, "description", FALSE, &description, error)
      || !dup_text (self, object, path, key_member, FALSE, &id, error))
    return FALSE;

  if (id != NULL && *id != '\0')
    node->key = g_strdup_printf ("%s %s", key_label, id);
  if (name != NULL && *name != '\0')
    {
      node->title = g_steal_pointer (&name);
      if (shortname != NULL && strcmp (shortname, node->title) != 0)
        node->code = g_steal_pointer (&shortname);
    }
  else
    node->title = g_steal_pointer (&shortname);
  node->description = html_text (g_steal_pointer (&description));
  *out = node;
  return TRUE;
}

/* An element belongs to its standard unless it names a parent element. */
static gboolean
read_mahara_element (TrellisFrameworkImport  *self,
                     JsonObject              *element,
                     const char              *path,
                     const char              *standard_key,
                     GError                 **error)
{
  g_autofree char *parent_element = NULL, *standard_id = NULL;
  TrellisImportNode *node;

  if (!read_mahara_item (self, element, path, "elementid", "elementid", &node, error)
      || !dup_text (self, element, path, "parentelementid", FALSE, &parent_element, error))
    return FALSE;

  if (parent_element != NULL && *parent_element != '\0' && strcmp (parent_element, "0") != 0)
    node->parent_key = g_strdup_printf ("elementid %s", parent_element);
  else if (standard_key != NULL)
    node->parent_key = g_strdup (standard_key);
  else
    {
      if (!dup_text (self, element, path, "standardid", TRUE, &standard_id, error))
        return FALSE;
      node->parent_key = g_strdup_printf ("standardid %s", standard_id);
    }
  return TRUE;
}

static gboolean
read_mahara_statuses (TrellisFrameworkImport  *self,
                      JsonObject              *framework,
                      GError                 **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  JsonArray *statuses;
  guint n_unknown = 0;

  if (!get_array (self, framework, "$.framework", "evidencestatuses", FALSE, &statuses, error))
    return FALSE;
  if (statuses == NULL)
    return TRUE;

  g_ptr_array_set_size (kept, G_N_ELEMENTS (mahara_statuses));
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.framework.evidencestatuses[%u]", i);
      g_autoptr(GList) members = NULL;
      JsonObject *status;

      if (!get_element_object (self, statuses, i, path, &status, error))
        return FALSE;
      members = json_object_get_members (status);
      for (GList *m = members; m != NULL; m = m->next)
        {
          char *name = NULL;
          guint k;

          for (k = 0; k < G_N_ELEMENTS (mahara_statuses); k++)
            if (strcmp (m->data, mahara_statuses[k].key) == 0 || strcmp (m->data, mahara_statuses[k].number) == 0)
              break;
          if (k == G_N_ELEMENTS (mahara_statuses))
            {
              n_unknown++;
              continue;
            }
          if (!dup_text (self, status, path, m->data, TRUE, &name, error))
            return FALSE;
          g_free (g_ptr_array_index (kept, k));
          g_ptr_array_index (kept, k) = name;
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (mahara_statuses); k++)
    if (g_ptr_array_index (kept, k) != NULL && mahara_statuses[k].value > 0
        && !trellis_framework_import_add_level (self, g_ptr_array_index (kept, k), NULL,
                                                mahara_statuses[k].value,
                                                mahara_statuses[k].value == 3,
                                                "$.framework.evidencestatuses", error))
      return FALSE;
  if (g_ptr_array_index (kept, 0) != NULL)
    trellis_framework_import_warn (self, _("The evidence status “%s” is a step of Mahara’s "
                                           "workflow, not a level of proficiency; it was left out "
                                           "of the scale."), (char *) g_ptr_array_index (kept, 0));
  if (n_unknown > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u evidence status Mahara does not define was ignored.",
                                                "%u evidence statuses Mahara does not define were ignored.",
                                                n_unknown), n_unknown);
  return TRUE;
}

/* Private API */

gboolean
trellis_framework_import_read_case (TrellisFrameworkImport  *self,
                                    JsonObject              *root,
                                    GCancellable            *cancellable,
                                    GError                 **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autofree char *title = NULL, *description = NULL;
  g_autofree char *document_identifier = NULL, *document_uri = NULL;
  CaseTree tree = { 0 };
  JsonObject *document;
  JsonArray *items, *associations;

  if (!get_member_object (self, root, "$", "CFDocument", FALSE, &document, error))
    return FALSE;
  if (document != NULL
      && (!dup_text (self, document, "$.CFDocument", "title", TRUE, &title, error)
          || !dup_text (self, document, "$.CFDocument", "description", FALSE, &description, error)
          || !dup_text (self, document, "$.CFDocument", "identifier", FALSE, &document_identifier, error)
          || !dup_text (self, document, "$.CFDocument", "uri", FALSE, &document_uri, error)))
    return FALSE;
  trellis_framework_import_set_framework (self, title, description);

  if (!get_array (self, root, "$", "CFItems", TRUE, &items, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (!trellis_framework_import_check_cancelled (cancellable, i, error)
        || !read_case_item (self, items, i, by_key, error))
      return FALSE;

  tree.document_identifier = document_identifier;
  tree.document_uri = document_uri;
  tree.placed = placed;
  if (!get_array (self, root, "$", "CFAssociations", FALSE, &associations, error))
    return FALSE;
  for (guint i = 0; associations != NULL && i < json_array_get_length (associations); i++)
    if (!trellis_framework_import_check_cancelled (cancellable, i, error)
        || !read_case_association (self, associations, i, by_key, &tree, error))
      return FALSE;
  warn_case_tree (self, &tree);

  return read_case_rubrics (self, root, error);
}

gboolean
trellis_framework_import_read_mahara (TrellisFrameworkImport  *self,
                                      JsonObject              *root,
                                      GCancellable            *cancellable,
                                      GError                 **error)
{
  g_autofree char *name = NULL, *description = NULL;
  JsonObject *framework;
  JsonArray *standards, *elements;

  if (!get_member_object (self, root, "$", "framework", TRUE, &framework, error)
      || !dup_text (self, framework, "$.framework", "name", TRUE, &name, error)
      || !dup_text (self, framework, "$.framework", "description", FALSE, &description, error))
    return FALSE;
  description = html_text (g_steal_pointer (&description));
  trellis_framework_import_set_framework (self, name, description);

  if (!read_mahara_statuses (self, framework, error)
      || !get_array (self, framework, "$.framework", "standards", TRUE, &standards, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (standards); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.framework.standards[%u]", i);
      TrellisImportNode *standard;
      JsonObject *object;
      JsonArray *nested;

      if (!get_element_object (self, standards, i, path, &object, error)
          || !read_mahara_item (self, object, path, "standardid", "standardid", &standard, error)
          || !get_array (self, object, path, "standardelement", FALSE, &nested, error))
        return FALSE;
      if (standard->key == NULL)
        standard->key = g_strdup_printf ("standards[%u]", i);

      for (guint j = 0; nested != NULL && j < json_array_get_length (nested); j++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s.standardelement[%u]", path, j);
          JsonObject *element;

          if (!trellis_framework_import_check_cancelled (cancellable, j, error)
              || !get_element_object (self, nested, j, element_path, &element, error)
              || !read_mahara_element (self, element, element_path, standard->key, error))
            return FALSE;
        }
    }

  if (!get_array (self, framework, "$.framework", "standardelements", FALSE, &elements, error))
    return FALSE;
  for (guint k = 0; elements != NULL && k < json_array_get_length (elements); k++)
    {
      g_autofree char *path = g_strdup_printf ("$.framework.standardelements[%u]", k);
      JsonObject *element;

      if (!trellis_framework_import_check_cancelled (cancellable, k, error)
          || !get_element_object (self, elements, k, path, &element, error)
          || !read_mahara_element (self, element, path, NULL, error))
        return FALSE;
    }
  return TRUE;
}
