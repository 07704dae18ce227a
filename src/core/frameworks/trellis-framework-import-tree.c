/* trellis-framework-import-tree.c — builds the tree of an imported framework and flattens it
 *
 * The readers give a flat list of items naming their parents by key. Here the keys are indexed
 * (two items with one key are refused), parents are linked (an unknown parent puts the item
 * under an extra “Other competencies” attribute), cycles and over-deep trees are refused in one
 * linear pass, and the tree is flattened to Trellis’ two levels: top-level items become
 * attributes, leaves become competencies, and the titles in between are kept as a “Path:” at
 * the start of each competency’s description. Nothing here recurses, so no input can exhaust
 * the stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-framework-import-private.h"
#include "trellis-limits.h"

/* A competency’s path is cut to this many characters (keeping its end), each title in it to
 * PATH_TITLE_MAX, so that a hostile tree cannot make the descriptions grow without bound. */
#define PATH_MAX_CHARS 500
#define PATH_TITLE_MAX 80

enum { NODE_NEW, NODE_ON_PATH, NODE_DONE };

/* The Okabe–Ito palette, which people with any common colour-vision deficiency can tell apart. */
static const char * const attribute_palette[] = {
  "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#999999",
};

/* From the lowest level to the highest: shades of one blue, lighter to darker, as in the
 * shipped Profile of a Graduate, so that no level of learning reads as failing (no red). */
static const char * const level_ramp[] = {
  "#c6dcf5", "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4",
};

/* Helpers */

/* The store refuses a text longer than TRELLIS_LIMIT_TEXT_CHARS, as every importer does; the
 * preview says so already, with where (importer defect 2), rather than Import failing later. */
static gboolean
check_text (TrellisFrameworkImport  *self,
            const char              *text,
            const char              *label,
            const char              *where,
            GError                 **error)
{
  glong n_chars;
  g_autofree char *message = NULL;

  if (text == NULL || strlen (text) <= TRELLIS_LIMIT_TEXT_CHARS ||
      (n_chars = g_utf8_strlen (text, -1)) <= TRELLIS_LIMIT_TEXT_CHARS)
    return TRUE;
  message = trellis_limits_dup_text_message (label, n_chars);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("“%s”, %s: %s Nothing was changed."),
               self->file_name, where, message);
  return FALSE;
}

static gboolean
check_text_lengths (TrellisFrameworkImport  *self,
                    GError                 **error)
{
  if (!check_text (self, self->title, _("Title"), _("the framework"), error) ||
      !check_text (self, self->description, _("Description"), _("the framework"), error))
    return FALSE;
  for (guint i = 0; i < self->nodes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);
      const char *where = node->where ? node->where : "";

      if (!check_text (self, node->title, _("Title"), where, error) ||
          !check_text (self, node->description, _("Description"), where, error) ||
          !check_text (self, node->code, _("Code"), where, error))
        return FALSE;
    }
  for (guint i = 0; i < self->levels->len; i++)
    {
      TrellisImportLevel *level = g_ptr_array_index (self->levels, i);

      if (!check_text (self, level->title, _("Title"), _("the proficiency scale"), error) ||
          !check_text (self, level->description, _("Description"), _("the proficiency scale"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_hex_color (const char *text)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static char *
describe_node (TrellisImportNode *node)
{
  if (!trellis_framework_import_is_blank (node->key))
    return g_strdup_printf ("“%s”", node->key);
  return g_strdup (node->where);
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const TrellisImportNode *x = *(TrellisImportNode * const *) a;
  const TrellisImportNode *y = *(TrellisImportNode * const *) b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static TrellisImportNode *
add_synthetic_root (TrellisFrameworkImport *self,
                    const char             *title)
{
  TrellisImportNode *node = g_new0 (TrellisImportNode, 1);

  node->title = g_strdup (title);
  node->where = g_strdup (title);
  node->order = G_MAXDOUBLE;
  node->index = self->nodes->len;
  node->state = NODE_DONE;
  g_ptr_array_add (self->nodes, node);
  return node;
}

static gboolean
index_keys (TrellisFrameworkImport  *self,
            GHashTable              *by_key,
            GError                 **error)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);
      char *keys[] = { node->key, node->alt_key };

      node->index = i;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          TrellisImportNode *other;

          if (trellis_framework_import_is_blank (keys[k]))
            continue;
          other = g_hash_table_lookup (by_key, keys[k]);
          if (other != NULL && other != node)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s” has two items with the id “%s” (%s and %s). Nothing was changed."),
                           self->file_name, keys[k], other->where, node->where);
              return FALSE;
            }
          g_hash_table_insert (by_key, keys[k], node);
        }
    }
  return TRUE;
}

/* Links each node to its parent; items whose parent is not in the file go under one extra
 * attribute, with a warning. */
static void
link_parents (TrellisFrameworkImport *self,
              GHashTable             *by_key)
{
  TrellisImportNode *other_root = NULL;
  TrellisImportNode *first_orphan = NULL;
  guint n_orphans = 0, n_nodes = self->nodes->len;

  for (guint i = 0; i < n_nodes; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);

      if (trellis_framework_import_is_blank (node->parent_key))
        continue;
      node->parent = g_hash_table_lookup (by_key, node->parent_key);
      if (node->parent != NULL)
        continue;
      if (other_root == NULL)
        other_root = add_synthetic_root (self, _("Other competencies"));
      node->parent = other_root;
      if (n_orphans++ == 0)
        first_orphan = node;
    }

  if (n_orphans > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u item names a parent that is not in the file "
                                                "(%s names “%s”); it was put under the attribute “%s”.",
                                                "%u items name a parent that is not in the file "
                                                "(the first, %s, names “%s”); they were put under "
                                                "the attribute “%s”.", n_orphans),
                                   n_orphans, first_orphan->where, first_orphan->parent_key,
                                   other_root->title);
}

/* Finds cycles and depths in one pass: each walk up stops at a node already known. */
static gboolean
check_tree (TrellisFrameworkImport  *self,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < self->nodes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);
      TrellisImportNode *up;
      guint base;

      if (!trellis_framework_import_check_cancelled (cancellable, i, error))
        return FALSE;
      if (node->state == NODE_DONE)
        continue;

      g_ptr_array_set_size (path, 0);
      for (up = node; up != NULL && up->state == NODE_NEW; up = up->parent)
        {
          up->state = NODE_ON_PATH;
          g_ptr_array_add (path, up);
        }

      if (up != NULL && up->state == NODE_ON_PATH)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *first = describe_node (up);
          guint start = 0;

          while (g_ptr_array_index (path, start) != up)
            start++;
          for (guint k = start; k < path->len; k++)
            {
              g_autofree char *name = describe_node (g_ptr_array_index (path, k));
              g_string_append_printf (names, "%s → ", name);
            }
          g_string_append (names, first);
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                       _("“%s” is not a tree: its items are each other’s parents in a cycle (%s, "
                         "each item a child of the next). Nothing was changed."),
                       self->file_name, names->str);
          return FALSE;
        }

      base = up != NULL ? up->depth + 1 : 0;
      for (guint k = path->len; k > 0; k--)
        {
          TrellisImportNode *on_path = g_ptr_array_index (path, k - 1);

          on_path->depth = base + (path->len - k);
          on_path->state = NODE_DONE;
          if (on_path->depth > TRELLIS_IMPORT_MAX_DEPTH)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                           _("“%s”: the tree is more than %d levels deep at %s. Nothing was changed."),
                           self->file_name, TRELLIS_IMPORT_MAX_DEPTH, on_path->where);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static void
gather_roots (TrellisFrameworkImport *self)
{
  gboolean flat = TRUE;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);

      if (node->parent == NULL)
        g_ptr_array_add (self->attributes, node);
      else
        {
          if (node->parent->children == NULL)
            node->parent->children = g_ptr_array_new ();
          g_ptr_array_add (node->parent->children, node);
        }
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      TrellisImportNode *node = g_ptr_array_index (self->nodes, i);

      if (node->children != NULL)
        g_ptr_array_sort (node->children, compare_nodes);
    }
  g_ptr_array_sort (self->attributes, compare_nodes);

  for (guint i = 0; i < self->attributes->len && flat; i++)
    flat = ((TrellisImportNode *) g_ptr_array_index (self->attributes, i))->children == NULL;

  /* A flat list has no attributes of its own: keep it whole under one. */
  if (flat && self->attributes->len > 0)
    {
      TrellisImportNode *root = add_synthetic_root (self, self->title);

      root->children = g_ptr_array_copy (self->attributes, NULL, NULL);
      for (guint i = 0; i < root->children->len; i++)
        ((TrellisImportNode *) g_ptr_array_index (root->children, i))->parent = root;
      g_ptr_array_set_size (self->attributes, 0);
      g_ptr_array_add (self->attributes, root);
      trellis_framework_import_warn (self,
                                     _("The file lists its items without any grouping; they all "
                                       "became competencies of one attribute, “%s”."), root->title);
    }
}

static void
append_path_title (GString    *path,
                   const char *title)
{
  if (path->len > 0)
    g_string_append (path, " › ");
  if (g_utf8_strlen (title, -1) > PATH_TITLE_MAX)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, PATH_TITLE_MAX - 1);
      g_string_append_printf (path, "%s…", cut);
    }
  else
    g_string_append (path, title);
}

/* Prefixes a leaf’s description with the titles between its attribute and itself. */
static void
set_path (TrellisImportNode *leaf,
          GPtrArray         *stack)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *description = NULL;

  /* stack[0] is the attribute and the last entry the leaf: neither is in the path. */
  for (guint i = 1; i + 1 < stack->len; i++)
    append_path_title (path, ((TrellisImportNode *) g_ptr_array_index (stack, i))->title);
  if (path->len == 0)
    return;
  if (g_utf8_strlen (path->str, -1) > PATH_MAX_CHARS)
    {
      const char *tail = g_utf8_offset_to_pointer (path->str + path->len,
                                                   -(glong) (PATH_MAX_CHARS - 1));
      g_autofree char *kept = g_strdup (tail);

      g_string_assign (path, "…");
      g_string_append (path, kept);
    }

  description = leaf->description;
  leaf->description = trellis_framework_import_is_blank (description)
                      ? g_strdup_printf (_("Path: %s"), path->str)
                      : g_strdup_printf (_("Path: %s\n\n%s"), path->str, description);
}

static void
ensure_title (TrellisImportNode *node,
              guint             *n_untitled)
{
  if (!trellis_framework_import_is_blank (node->title))
    return;
  g_free (node->title);
  if (!trellis_framework_import_is_blank (node->code))
    node->title = g_strdup (node->code);
  else if (!trellis_framework_import_is_blank (node->key))
    node->title = g_strdup (node->key);
  else
    node->title = g_strdup (_("Untitled"));
  (*n_untitled)++;
}

/* Walks each attribute’s subtree without recursion; leaves become its competencies. */
static void
flatten (TrellisFrameworkImport *self)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) next_child = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_folded = 0, n_untitled = 0;

  for (guint a = 0; a < self->attributes->len; a++)
    {
      TrellisImportNode *attribute = g_ptr_array_index (self->attributes, a);
      guint zero = 0;

      ensure_title (attribute, &n_untitled);
      if (!is_hex_color (attribute->color))
        {
          g_free (attribute->color);
          attribute->color = g_strdup (attribute_palette[a % G_N_ELEMENTS (attribute_palette)]);
        }
      attribute->competencies = g_ptr_array_new ();

      g_ptr_array_add (stack, attribute);
      g_array_append_val (next_child, zero);
      while (stack->len > 0)
        {
          TrellisImportNode *top = g_ptr_array_index (stack, stack->len - 1);
          guint *next = &g_array_index (next_child, guint, next_child->len - 1);

          if (top->children != NULL && *next < top->children->len)
            {
              TrellisImportNode *child = g_ptr_array_index (top->children, (*next)++);

              ensure_title (child, &n_untitled);
              g_ptr_array_add (stack, child);
              g_array_append_val (next_child, zero);
              if (child->children == NULL)
                {
                  set_path (child, stack);
                  g_ptr_array_add (attribute->competencies, child);
                }
              else
                n_folded++;
              continue;
            }
          g_ptr_array_set_size (stack, stack->len - 1);
          g_array_set_size (next_child, next_child->len - 1);
        }
      self->n_competencies += attribute->competencies->len;
    }

  if (n_folded > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The tree is deeper than attributes and competencies: "
                                                "%u item between them was folded into the “Path:” "
                                                "at the start of its competencies’ descriptions.",
                                                "The tree is deeper than attributes and competencies: "
                                                "%u items between them were folded into the “Path:” "
                                                "at the start of their competencies’ descriptions.",
                                                n_folded), n_folded);
  if (n_untitled > 0)
    trellis_framework_import_warn (self,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u item has no title; it was given its code or id.",
                                                "%u items have no title; they were given their code "
                                                "or id.", n_untitled), n_untitled);
}

/* Private API */

gboolean
trellis_framework_import_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Builds, checks and flattens the tree the reader filled in; names the file’s title when it has
 * none and colours the levels. */
gboolean
trellis_framework_import_build_tree (TrellisFrameworkImport  *self,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (trellis_framework_import_is_blank (self->title))
    {
      g_autofree char *stem = g_strdup (self->file_name);
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      g_free (self->title);
      self->title = g_steal_pointer (&stem);
      trellis_framework_import_warn (self, _("The file gives the framework no title; it was "
                                             "named after the file, “%s”."), self->title);
    }
  if (self->nodes->len == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” holds no competencies. Nothing was changed."), self->file_name);
      return FALSE;
    }

  if (!check_text_lengths (self, error))
    return FALSE;
  if (!index_keys (self, by_key, error))
    return FALSE;
  link_parents (self, by_key);
  if (!check_tree (self, cancellable, error))
    return FALSE;
  gather_roots (self);
  flatten (self);

  if (self->levels->len == 0)
    trellis_framework_import_warn (self, _("The file brings no proficiency scale; Trellis’ "
                                           "default four-level scale will be used."));
  for (guint i = 0; i < self->levels->len; i++)
    {
      TrellisImportLevel *level = g_ptr_array_index (self->levels, i);
      guint n = self->levels->len;

      level->color = g_strdup (level_ramp[n > 1 ? i * (G_N_ELEMENTS (level_ramp) - 1) / (n - 1) : 0]);
    }
  return TRUE;
}
