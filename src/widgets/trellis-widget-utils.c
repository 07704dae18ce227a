/* trellis-widget-utils.c — small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-widget-utils"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-error.h"
#include "trellis-undo-toast.h"
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

/* GtkListBox gains remove_all only in GTK 4.12. Only the rows go: the placeholder is a child
 * too, and removing it would leave an empty list a bare line instead of its hint. (A row
 * takes its header with it, so the walk starts again from the first child each time.) */
void
trellis_list_box_remove_all (GtkListBox *list)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  for (;;)
    {
      GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

      while (child != NULL && !GTK_IS_LIST_BOX_ROW (child))
        child = gtk_widget_get_next_sibling (child);
      if (child == NULL)
        return;
      gtk_list_box_remove (list, child);
    }
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

/**
 * trellis_format_date:
 * @date: (nullable): a stored date, YYYY-MM-DD
 *
 * Returns: (transfer full): the date as a person reads it (“28 Jan 2027”), @date itself if it
 *   is not a date, or "" for none
 */
char *
trellis_format_date (const char *date)
{
  g_autofree char *midnight = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  char *text;

  if (date == NULL || *date == '\0')
    return g_strdup ("");
  midnight = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (midnight, NULL);
  if (parsed == NULL)
    return g_strdup (date);
  /* Translators: a short date on goal cards, steps and evidence, see g_date_time_format() */
  text = g_date_time_format (parsed, _("%-d %b %Y"));
  return g_strstrip (text);
}

/**
 * trellis_widget_set_css_class:
 * @widget: a widget
 * @css_class: a style class
 * @set: whether @widget has it
 *
 * Adds or removes @css_class (GTK 4.8 has no call that takes the state).
 */
void
trellis_widget_set_css_class (GtkWidget  *widget,
                              const char *css_class,
                              gboolean    set)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * trellis_dup_text_excerpt:
 * @text: (nullable): a title, a step, a note
 *
 * What a toast or a question quotes of a record: its first line, cut at a word near
 * 40 characters with an ellipsis, so that a long step still leaves room for “Undo”.
 *
 * Returns: (transfer full): the excerpt, “” for %NULL
 */
char *
trellis_dup_text_excerpt (const char *text)
{
  enum { MAX_CHARS = 40 };
  g_autofree char *line = g_strstrip (g_strndup (text ? text : "", strcspn (text ? text : "", "\n")));
  const char *cut;
  const char *space;

  if (g_utf8_strlen (line, -1) <= MAX_CHARS)
    return g_steal_pointer (&line);
  cut = g_utf8_offset_to_pointer (line, MAX_CHARS);
  space = g_utf8_strrchr (line, cut - line, ' ');
  if (space != NULL && g_utf8_strlen (line, space - line) >= MAX_CHARS / 2)
    cut = space;
  return g_strdup_printf ("%.*s…", (int) (cut - line), line);
}

/**
 * trellis_format_date_time:
 * @time: a time
 *
 * Returns: (transfer full): @time in local time, e.g. “7 Dec 2026 08:10”
 */
char *
trellis_format_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a backup's date and time, see strftime(3); e.g. “7 Dec 2026 08:10” */
  return g_date_time_format (local, _("%-e %b %Y %H:%M"));
}

/**
 * trellis_delete_dialog_new:
 * @parent: a widget in the window the question is for
 * @heading: e.g. “Delete “Read 20 books”?”
 * @body: what goes with it, and how it comes back
 *
 * Returns: (transfer floating): the question, not yet presented; its "response" is "delete"
 *   or "cancel"
 */
AdwMessageDialog *
trellis_delete_dialog_new (GtkWidget  *parent,
                           const char *heading,
                           const char *body)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * trellis_file_chooser_dup_path:
 * @chooser: a file chooser that answered
 * @response: its response
 *
 * Returns: (transfer full) (nullable): the local path chosen, or %NULL when the person cancelled
 */
char *
trellis_file_chooser_dup_path (GtkNativeDialog *chooser,
                               int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/**
 * trellis_file_chooser_new_export:
 * @parent: the export dialog
 * @title: the chooser’s title
 * @filter: (transfer none): the kind of file written
 * @name: the file name to suggest, without its extension
 * @extension: the extension, with its dot
 *
 * Returns: (transfer full): a modal chooser that saves an export, not shown yet
 */
GtkFileChooserNative *
trellis_file_chooser_new_export (GtkWindow     *parent,
                                 const char    *title,
                                 GtkFileFilter *filter,
                                 const char    *name,
                                 const char    *extension)
{
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = g_strconcat (name, extension, NULL);

  /* A student’s name may hold characters that cannot be in a file name. */
  g_strdelimit (file_name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  return chooser;
}

/**
 * trellis_load_shown:
 * @widget: the widget that will show the record (its toast overlay tells of a failure)
 * @store: the open database
 * @type: a #TrellisEntity type
 * @id: the record’s row id
 *
 * Loads a record to show. A record deleted meanwhile is simply gone; a database that fails
 * says why in a toast, instead of looking like a missing record.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL
 */
gpointer
trellis_load_shown (GtkWidget    *widget,
                    TrellisStore *store,
                    GType         type,
                    gint64        id)
{
  g_autoptr(GError) error = NULL;
  gpointer entity;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  entity = trellis_store_load (store, type, id, &error);
  if (entity == NULL && !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
    trellis_show_error_toast (widget, error);
  return entity;
}

/**
 * trellis_list_shown:
 * @widget: the widget that will show the records
 * @store: the open database
 * @type: a #TrellisEntity type
 * @parent_field: (nullable): as for trellis_store_list()
 * @parent_id: as for trellis_store_list()
 *
 * Lists records to show; a database that fails says why in a toast.
 *
 * Returns: (transfer full): the records, empty when the database failed
 */
GListModel *
trellis_list_shown (GtkWidget    *widget,
                    TrellisStore *store,
                    GType         type,
                    const char   *parent_field,
                    gint64        parent_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *records;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  records = trellis_store_list (store, type, parent_field, parent_id, &error);
  if (records != NULL)
    return records;
  trellis_show_error_toast (widget, error);
  return G_LIST_MODEL (g_list_store_new (type));
}

/**
 * trellis_load_student_name:
 * @widget: the widget that will show the name
 * @store: the open database
 * @student_id: a student, or 0
 *
 * Returns: (transfer full) (nullable): the name the student goes by, or %NULL when there is no
 *   such student (or the database failed, which a toast says)
 */
char *
trellis_load_student_name (GtkWidget    *widget,
                           TrellisStore *store,
                           gint64        student_id)
{
  g_autoptr(TrellisEntity) student = NULL;

  if (student_id <= 0)
    return NULL;
  student = trellis_load_shown (widget, store, TRELLIS_TYPE_STUDENT, student_id);
  if (student == NULL)
    return NULL;
  return trellis_student_display_name (trellis_entity_get_text (student, "given-name"),
                                       trellis_entity_get_text (student, "family-name"),
                                       trellis_entity_get_text (student, "preferred-name"));
}

/**
 * trellis_list_item_set_accessible_label:
 * @child: the child of a #GtkListView or #GtkGridView row
 * @label: what a screen reader says for the row
 *
 * GTK 4.8 gives the rows of a list view no accessible name of their own, so a screen reader
 * landing on one says nothing; this names the row that holds @child. Call it when binding.
 */
void
trellis_list_item_set_accessible_label (GtkWidget  *child,
                                        const char *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (label != NULL);

  row = gtk_widget_get_parent (child);
  if (row != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * trellis_widget_name_drop_downs:
 * @root: a widget
 *
 * GTK 4.8 leaves the button inside a #GtkDropDown nameless, so a screen reader landing on it
 * says only “toggle button”. Names the button of every drop-down under @root (popovers
 * included) after the label whose mnemonic points at the drop-down. Call it after building a
 * template; drop-downs made later are named with trellis_drop_down_name_button().
 */
void
trellis_widget_name_drop_downs (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    {
      g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (root);

      if (labels != NULL && GTK_IS_LABEL (labels->data))
        trellis_drop_down_name_button (GTK_DROP_DOWN (root), gtk_label_get_text (labels->data));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    trellis_widget_name_drop_downs (child);
}

/* What @dropdown shows chosen, as text, or NULL. */
static char *
dup_drop_down_text (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return NULL;
}

/* The button says what is chosen too: a screen reader hears “Grade, Grade 7”. */
static void
on_drop_down_selected_item (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  g_autofree char *text = dup_drop_down_text (dropdown);

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * trellis_drop_down_name_button:
 * @dropdown: a drop-down
 * @name: what it chooses, e.g. “Role”
 *
 * Gives the button inside @dropdown the name @name (see trellis_widget_name_drop_downs()),
 * and the choice shown as its description, kept up to date.
 */
void
trellis_drop_down_name_button (GtkDropDown *dropdown,
                               const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (g_signal_handler_find (dropdown, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_drop_down_selected_item, NULL) == 0)
    g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (on_drop_down_selected_item), NULL);
  on_drop_down_selected_item (dropdown);
}

#define EXPLICIT_NAME_KEY "trellis-explicit-accessible-name"

static void drop_raw_mnemonic_name (GtkWidget *widget,
                                    gboolean   recurse);

/* A label set after the button was shown (“_Add Note” → “_Save Changes”) brings the raw name
 * back; it is dropped again. */
static void
on_mnemonic_button_label (GtkWidget  *widget,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  drop_raw_mnemonic_name (widget, FALSE);
}

static void
drop_raw_mnemonic_name (GtkWidget *widget,
                        gboolean   recurse)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), EXPLICIT_NAME_KEY) == NULL && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_mnemonic_button_label, NULL) == 0)
        g_signal_connect (widget, "notify::label", G_CALLBACK (on_mnemonic_button_label), NULL);
    }

  if (recurse)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      drop_raw_mnemonic_name (child, TRUE);
}

/* GTK 4.8 leaves a menu button's tooltip up when its menu opens, over the first item: the
 * tooltip is off while the menu is open. */
static void
on_menu_toggle_active (GtkToggleButton *toggle,
                       GParamSpec      *pspec,
                       GtkWidget       *menu_button)
{
  gtk_widget_set_has_tooltip (menu_button, !gtk_toggle_button_get_active (toggle));
}

/* (GtkMenuButton says it is open only from GTK 4.10: its inner toggle button says so here.) */
static void
quiet_menu_tooltip (GtkWidget *widget)
{
  GtkWidget *toggle = GTK_IS_MENU_BUTTON (widget) ? gtk_widget_get_first_child (widget) : NULL;

  if (GTK_IS_TOGGLE_BUTTON (toggle) &&
      g_signal_handler_find (toggle, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_menu_toggle_active, NULL) == 0)
    g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_menu_toggle_active), widget, 0);
}

/* A window being shown fixes all it holds, hidden tabs included (GTK 4.8 exposes them to
 * screen readers too); a widget mapped later fixes itself. */
static gboolean
on_widget_map_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  drop_raw_mnemonic_name (widget, GTK_IS_WINDOW (widget));
  quiet_menu_tooltip (widget);
  return TRUE;
}

/**
 * trellis_fix_mnemonic_button_names:
 *
 * GTK 4.8 gives a button with a mnemonic label the raw label as its accessible name and then
 * adds the label it is labelled by, so a screen reader hears “_Add Goal Add Goal”. Dropping the
 * raw name when a button is mapped leaves the clean one (“Add Goal”). Call once, at startup;
 * it covers every button of every window, dialogs included. (The same hook keeps a menu
 * button's tooltip from covering its open menu.)
 */
void
trellis_fix_mnemonic_button_names (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* Signals exist once the class is initialised; the reference keeps it so. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

/**
 * trellis_widget_fix_mnemonic_names:
 * @root: a widget
 *
 * What trellis_fix_mnemonic_button_names() does when a widget is mapped, at once, for the
 * buttons under @root that are not mapped yet but that a screen reader already finds (a
 * button in a closed #GtkRevealer).
 */
void
trellis_widget_fix_mnemonic_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  drop_raw_mnemonic_name (root, TRUE);
}

/**
 * trellis_accessible_set_label:
 * @widget: a widget
 * @label: what a screen reader says for it
 *
 * Names @widget for screen readers, and only so: GTK 4.8 would otherwise append the text of the
 * label the widget is labelled by (“Edit “Profile of a Graduate” Edit…”).
 */
void
trellis_accessible_set_label (GtkWidget  *widget,
                              const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), EXPLICIT_NAME_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
