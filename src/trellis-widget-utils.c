/* trellis-widget-utils.c — small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-widget-utils"

#include <glib/gi18n.h>

#include "trellis-widget-utils.h"

/* The languages families in US schools most often speak, each in its own name (endonym) so
 * a family member can find theirs without reading English. Stored as BCP 47 tags. */
static const struct {
  const char *tag;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "es", "Español" },
  { "ar", "العربية" },
  { "zh-Hans", "中文（简体）" },
  { "zh-Hant", "中文（繁體）" },
  { "vi", "Tiếng Việt" },
  { "ht", "Kreyòl ayisyen" },
  { "so", "Soomaali" },
  { "ru", "Русский" },
  { "uk", "Українська" },
  { "pt", "Português" },
  { "fr", "Français" },
  { "tl", "Tagalog" },
  { "ko", "한국어" },
  { "hmn", "Hmoob" },
  { "prs", "دری" },
  { "ps", "پښتو" },
  { "fa", "فارسی" },
  { "ur", "اردو" },
  { "hi", "हिन्दी" },
  { "bn", "বাংলা" },
  { "ne", "नेपाली" },
  { "my", "မြန်မာ" },
  { "km", "ខ្មែរ" },
  { "am", "አማርኛ" },
  { "ti", "ትግርኛ" },
  { "sw", "Kiswahili" },
  { "pl", "Polski" },
  { "ja", "日本語" },
  { "de", "Deutsch" },
  { "it", "Italiano" },
  { "tr", "Türkçe" },
  { "he", "עברית" },
  { "ta", "தமிழ்" },
  { "th", "ไทย" },
  { "lo", "ລາວ" },
  { "ro", "Română" },
  { "el", "Ελληνικά" },
  { "sv", "Svenska" },
  { "mi", "Te reo Māori" },
  { "sm", "Gagana Sāmoa" },
  { "nv", "Diné bizaad" },
};

#define LANGUAGE_TAGS_KEY "trellis-language-tags"

/**
 * trellis_text_view_dup_text:
 * @view: a text view
 *
 * Returns: (transfer full): all of its text
 */
char *
trellis_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* GtkListBox gains remove_all only in GTK 4.12. */
void
trellis_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * trellis_language_row_setup:
 * @row: a combo row
 *
 * Makes @row a choice of language: “Not specified”, then the languages families most often
 * speak, each in its own name. Use trellis_language_row_select() and
 * trellis_language_row_get_tag() to show and read the choice as a BCP 47 tag.
 */
void
trellis_language_row_setup (AdwComboRow *row)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  gtk_string_list_append (names, _("Not specified"));
  g_ptr_array_add (tags, g_strdup (""));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (names, languages[i].name);
      g_ptr_array_add (tags, g_strdup (languages[i].tag));
    }
  g_object_set_data_full (G_OBJECT (row), LANGUAGE_TAGS_KEY, tags, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

/**
 * trellis_language_row_select:
 * @row: a row set up by trellis_language_row_setup()
 * @tag: (nullable): a BCP 47 tag, or %NULL or "" for none
 *
 * Selects @tag; a tag that is not in the list (from an import) is added, shown as it is.
 */
void
trellis_language_row_select (AdwComboRow *row,
                             const char  *tag)
{
  GPtrArray *tags;
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  tags = g_object_get_data (G_OBJECT (row), LANGUAGE_TAGS_KEY);
  g_return_if_fail (tags != NULL);

  if (tag != NULL && *tag != '\0')
    {
      for (position = 1; position < tags->len; position++)
        if (g_ascii_strcasecmp (tags->pdata[position], tag) == 0)
          break;
      if (position == tags->len)
        {
          g_ptr_array_add (tags, g_strdup (tag));
          gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (row)), tag);
        }
    }
  adw_combo_row_set_selected (row, position);
}

/**
 * trellis_language_row_get_tag:
 * @row: a row set up by trellis_language_row_setup()
 *
 * Returns: the BCP 47 tag of the chosen language, "" for none
 */
const char *
trellis_language_row_get_tag (AdwComboRow *row)
{
  GPtrArray *tags;
  guint position;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), "");
  tags = g_object_get_data (G_OBJECT (row), LANGUAGE_TAGS_KEY);
  g_return_val_if_fail (tags != NULL, "");

  position = adw_combo_row_get_selected (row);
  return position < tags->len ? tags->pdata[position] : "";
}
