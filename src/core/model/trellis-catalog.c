/* trellis-catalog.c — the translations of one language, looked up without changing the locale
 *
 * A printed plan speaks the family's language while the application (and every other thread)
 * keeps its own. gettext can only follow the process locale, so for one report we read the
 * compiled catalogue ourselves: `LOCALEDIR/LANG/LC_MESSAGES/trellis.mo` is a GNU .mo file,
 * a header and two tables of (length, offset) pairs whose originals are sorted, so a lookup is a
 * binary search in a read-only memory map. The file is checked once when it is opened and is
 * never written, so a catalogue is safe to share between threads.
 *
 * A plural message's original is “singular NUL plural” and its translation the forms one after
 * the other; which form a count takes is the catalogue's own `Plural-Forms` expression (a small C
 * expression over n), evaluated here.
 *
 * English is the language of the source strings: its catalogue has no file and returns each
 * message as it is. `TRELLIS_LOCALEDIR` overrides the folder (tests use the build tree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-catalog"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define MO_HEADER_SIZE   28

struct _TrellisCatalog
{
  GObject      parent_instance;

  char        *language;
  GMappedFile *file;        /* NULL for English */
  const char  *data;
  gsize        size;
  gboolean     swapped;
  guint32      n_strings;
  guint32      originals;   /* offset of the table of original strings */
  guint32      translations;
  guint        n_plurals;
  char        *plural;      /* the Plural-Forms expression, e.g. “(n != 1)” */
};

G_DEFINE_FINAL_TYPE (TrellisCatalog, trellis_catalog, G_TYPE_OBJECT)

/* Opened catalogues by requested language; a language without one maps to NULL. */
static GHashTable *catalogs;
G_LOCK_DEFINE_STATIC (catalogs);

/* Helpers */

static guint32
read_word (TrellisCatalog *self,
           gsize           offset)
{
  guint32 word;

  memcpy (&word, self->data + offset, sizeof word);
  return self->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Entry @index of the table at @table: its string, checked to lie inside the file and end
 * with a NUL, or NULL. */
static const char *
table_string (TrellisCatalog *self,
              guint32         table,
              guint32         index,
              guint32        *length)
{
  guint32 len = read_word (self, table + 8 * (gsize) index);
  guint32 offset = read_word (self, table + 8 * (gsize) index + 4);

  if ((gsize) offset + len >= self->size || self->data[offset + len] != '\0')
    return NULL;
  if (length != NULL)
    *length = len;
  return self->data + offset;
}

static gboolean
check_file (TrellisCatalog *self)
{
  guint32 magic;

  if (self->size < MO_HEADER_SIZE)
    return FALSE;
  memcpy (&magic, self->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return FALSE;
  self->swapped = magic == MO_MAGIC_SWAPPED;
  if (read_word (self, 4) >> 16 != 0)   /* only major revision 0 exists */
    return FALSE;
  self->n_strings = read_word (self, 8);
  self->originals = read_word (self, 12);
  self->translations = read_word (self, 16);
  if (self->n_strings > self->size / 16 ||
      (gsize) self->originals + 8 * (gsize) self->n_strings > self->size ||
      (gsize) self->translations + 8 * (gsize) self->n_strings > self->size)
    return FALSE;
  for (guint32 i = 0; i < self->n_strings; i++)
    if (table_string (self, self->originals, i, NULL) == NULL ||
        table_string (self, self->translations, i, NULL) == NULL)
      return FALSE;
  return TRUE;
}

/* The translation of @msgid and its length (all its plural forms), or NULL. */
static const char *
find_translation (TrellisCatalog *self,
                  const char     *msgid,
                  guint32        *length)
{
  guint32 low = 0;
  guint32 high = self->n_strings;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      /* A plural original is “singular NUL plural”: strcmp stops at the singular. */
      int cmp = strcmp (msgid, table_string (self, self->originals, middle, NULL));

      if (cmp == 0)
        {
          const char *translation = table_string (self, self->translations, middle, length);
          return *length > 0 ? translation : NULL;
        }
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* A recursive-descent evaluator for Plural-Forms expressions: C’s ?:, ||, &&, ==, !=, <, >,
 * <=, >=, +, -, *, /, %, ! and parentheses over n and integers. A malformed expression
 * gives 0, the first form. */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    failed;
} Plural;

static gulong plural_ternary (Plural *e);

static gboolean
plural_take (Plural     *e,
             const char *token)
{
  gsize length = strlen (token);

  while (g_ascii_isspace (*e->p))
    e->p++;
  if (strncmp (e->p, token, length) != 0)
    return FALSE;
  /* “<” is not “<=”, “!” is not “!=”, “=” alone is not an operator. */
  if (length == 1 && strchr ("<>!", token[0]) != NULL && e->p[1] == '=')
    return FALSE;
  e->p += length;
  return TRUE;
}

static gulong
plural_primary (Plural *e)
{
  gulong value;

  if (plural_take (e, "!"))
    return !plural_primary (e);
  if (plural_take (e, "("))
    {
      value = plural_ternary (e);
      if (!plural_take (e, ")"))
        e->failed = TRUE;
      return value;
    }
  if (plural_take (e, "n"))
    return e->n;
  if (g_ascii_isdigit (*e->p))
    {
      char *end;

      value = strtoul (e->p, &end, 10);
      e->p = end;
      return value;
    }
  e->failed = TRUE;
  return 0;
}

static gulong
plural_binary (Plural *e,
               guint   level)
{
  static const char * const operators[][4] = {
    { "||" }, { "&&" }, { "==", "!=" }, { "<=", ">=", "<", ">" }, { "+", "-" }, { "*", "/", "%" },
  };
  gulong left;

  if (level == G_N_ELEMENTS (operators))
    return plural_primary (e);
  left = plural_binary (e, level + 1);
  while (!e->failed)
    {
      const char *op = NULL;
      gulong right;

      for (guint i = 0; i < 4 && operators[level][i] != NULL && op == NULL; i++)
        if (plural_take (e, operators[level][i]))
          op = operators[level][i];
      if (op == NULL)
        break;
      right = plural_binary (e, level + 1);
      if (g_str_equal (op, "||"))
        left = left || right;
      else if (g_str_equal (op, "&&"))
        left = left && right;
      else if (g_str_equal (op, "=="))
        left = left == right;
      else if (g_str_equal (op, "!="))
        left = left != right;
      else if (g_str_equal (op, "<="))
        left = left <= right;
      else if (g_str_equal (op, ">="))
        left = left >= right;
      else if (g_str_equal (op, "<"))
        left = left < right;
      else if (g_str_equal (op, ">"))
        left = left > right;
      else if (g_str_equal (op, "+"))
        left = left + right;
      else if (g_str_equal (op, "-"))
        left = left - right;
      else if (g_str_equal (op, "*"))
        left = left * right;
      else if (right == 0)
        e->failed = TRUE;   /* division by zero */
      else
        left = g_str_equal (op, "/") ? left / right : left % right;
    }
  return left;
}

static gulong
plural_ternary (Plural *e)
{
  gulong condition = plural_binary (e, 0);
  gulong yes, no;

  if (!plural_take (e, "?"))
    return condition;
  yes = plural_ternary (e);
  if (!plural_take (e, ":"))
    e->failed = TRUE;
  no = plural_ternary (e);
  return condition ? yes : no;
}

/* Reads “nplurals=N; plural=EXPR;” from the catalogue’s header (the translation of “”). */
static void
read_plural_forms (TrellisCatalog *self)
{
  guint32 length = 0;
  const char *header = find_translation (self, "", &length);
  const char *line = header != NULL ? strstr (header, "Plural-Forms:") : NULL;
  const char *count = line != NULL ? strstr (line, "nplurals=") : NULL;
  const char *expression = line != NULL ? strstr (line, "plural=") : NULL;

  self->n_plurals = 2;
  self->plural = g_strdup ("n != 1");
  if (count == NULL || expression == NULL)
    return;
  self->n_plurals = CLAMP (strtoul (count + strlen ("nplurals="), NULL, 10), 1, 16);
  g_free (self->plural);
  self->plural = g_strndup (expression + strlen ("plural="),
                            strcspn (expression + strlen ("plural="), ";\n"));
}

static TrellisCatalog *
open_catalog (const char *language)
{
  g_autofree char *directory = trellis_catalog_dup_directory ();
  g_autofree char *normalized = g_strdelimit (g_strdup (language), "-", '_');
  g_auto(GStrv) variants = NULL;

  /* English needs no file, whatever the region. */
  if (g_ascii_strcasecmp (normalized, "en") == 0 || g_ascii_strncasecmp (normalized, "en_", 3) == 0)
    {
      TrellisCatalog *self = g_object_new (TRELLIS_TYPE_CATALOG, NULL);
      self->language = g_strdup (language);
      return self;
    }

  variants = g_get_locale_variants (normalized);
  for (guint i = 0; variants[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, variants[i], "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
      g_autoptr(TrellisCatalog) self = NULL;

      if (file == NULL)
        continue;
      self = g_object_new (TRELLIS_TYPE_CATALOG, NULL);
      self->language = g_strdup (language);
      self->data = g_mapped_file_get_contents (file);
      self->size = g_mapped_file_get_length (file);
      self->file = g_steal_pointer (&file);
      if (check_file (self))
        {
          read_plural_forms (self);
          return g_steal_pointer (&self);
        }
      g_warning ("The translation catalogue %s is damaged and is not used.", path);
    }
  return NULL;
}

/* Overrides */

static void
trellis_catalog_finalize (GObject *object)
{
  TrellisCatalog *self = TRELLIS_CATALOG (object);

  g_free (self->language);
  g_free (self->plural);
  g_clear_pointer (&self->file, g_mapped_file_unref);

  G_OBJECT_CLASS (trellis_catalog_parent_class)->finalize (object);
}

static void
trellis_catalog_class_init (TrellisCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_catalog_finalize;
}

static void
trellis_catalog_init (TrellisCatalog *self)
{
}

/* Public API */

/**
 * trellis_catalog_dup_directory:
 *
 * Returns: (transfer full): the folder holding `LANG/LC_MESSAGES/trellis.mo`: `TRELLIS_LOCALEDIR`
 *   when set, otherwise the installed locale folder
 */
char *
trellis_catalog_dup_directory (void)
{
  const char *directory = g_getenv ("TRELLIS_LOCALEDIR");

  return g_strdup (directory != NULL && *directory != '\0' ? directory : LOCALEDIR);
}

/**
 * trellis_catalog_get:
 * @language: a BCP 47 language tag (`es`, `es-MX`) or a locale name (`es_MX`)
 *
 * Finds the translation of Trellis into @language. Catalogues are opened once and shared.
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL when no translation into
 *   @language is installed
 */
TrellisCatalog *
trellis_catalog_get (const char *language)
{
  TrellisCatalog *catalog;

  if (language == NULL || *language == '\0')
    return NULL;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      catalog = open_catalog (language);
      if (catalog != NULL)
        g_hash_table_insert (catalogs, g_strdup (language), catalog);
      else
        g_hash_table_insert (catalogs, g_strdup (language), NULL);
    }
  G_UNLOCK (catalogs);

  return catalog != NULL ? g_object_ref (catalog) : NULL;
}

const char *
trellis_catalog_get_language (TrellisCatalog *self)
{
  g_return_val_if_fail (TRELLIS_IS_CATALOG (self), NULL);

  return self->language;
}

/**
 * trellis_catalog_translate:
 * @self: (nullable): a catalogue, or %NULL for the application’s own language
 * @msgid: the English message
 *
 * Returns: (transfer none): the translation of @msgid, or @msgid itself when it has none
 */
const char *
trellis_catalog_translate (TrellisCatalog *self,
                           const char     *msgid)
{
  const char *translation;
  guint32 length = 0;

  g_return_val_if_fail (self == NULL || TRELLIS_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (self->file == NULL)
    return msgid;
  translation = find_translation (self, msgid, &length);
  return translation != NULL ? translation : msgid;
}

/**
 * trellis_catalog_translate_plural:
 * @self: (nullable): a catalogue, or %NULL for the application’s own language
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the count that chooses the form
 *
 * Returns: (transfer none): the form of the translation that @n takes in the catalogue’s
 *   language, or @msgid or @msgid_plural (as English would) when it has none
 */
const char *
trellis_catalog_translate_plural (TrellisCatalog *self,
                                  const char     *msgid,
                                  const char     *msgid_plural,
                                  gulong          n)
{
  const char *translation;
  const char *end;
  guint32 length = 0;
  Plural plural;
  gulong form;

  g_return_val_if_fail (self == NULL || TRELLIS_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (self == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  translation = self->file != NULL ? find_translation (self, msgid, &length) : NULL;
  if (translation == NULL)
    return n == 1 ? msgid : msgid_plural;

  plural = (Plural) { self->plural, n, FALSE };
  form = plural_ternary (&plural);
  if (plural.failed || form >= self->n_plurals)
    form = 0;
  /* The forms lie one after the other, each ending with a NUL, within length. */
  end = translation + length;
  for (; form > 0; form--)
    {
      const char *next = translation + strlen (translation) + 1;

      if (next >= end)
        break;
      translation = next;
    }
  return *translation != '\0' ? translation : (n == 1 ? msgid : msgid_plural);
}
