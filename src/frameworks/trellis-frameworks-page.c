/* trellis-frameworks-page.c — the preferences page that lists the school’s frameworks
 *
 * One row per framework, with a radio button for the school default (what new plans use), an
 * Edit button that opens its #TrellisFrameworkEditor, and a menu to rename, duplicate or
 * delete it. The Add menu creates an empty framework, one from a template Trellis ships, or
 * imports one from a file (Moodle CSV, CASE JSON, Mahara JSON): the file is read in a thread,
 * previewed, and stored only when the user confirms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-frameworks-page"

#include <glib/gi18n.h>

#include "trellis-backup.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-editing.h"
#include "trellis-framework-editor.h"
#include "trellis-framework-import.h"
#include "trellis-framework-template.h"
#include "trellis-frameworks-page.h"
#include "trellis-widget-utils.h"

struct _TrellisFrameworksPage
{
  AdwPreferencesPage  parent_instance;

  TrellisStore       *store;
  guint               rebuild_id;
  gint64              focus_id;        /* the framework whose row gets the focus after a rebuild */

  GCancellable       *import_cancellable;
  /* Never shown: every row's default button joins its group, so that one framework alone
   * still gets a round “choose one” button, as the description says, not a check box. */
  GtkCheckButton     *default_group;

  GtkListBox         *framework_list;
  GtkMenuButton      *add_button;
};

G_DEFINE_FINAL_TYPE (TrellisFrameworksPage, trellis_frameworks_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GtkWindow *
parent_window (TrellisFrameworksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (TrellisFrameworksPage *self,
           const char            *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  GtkWindow *window = parent_window (self);
  GtkWidget *overlay;

  if (ADW_IS_PREFERENCES_WINDOW (window))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (escaped));
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
show_message (TrellisFrameworksPage *self,
              const char            *heading,
              const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static TrellisEntity *
load_framework (TrellisFrameworksPage *self,
                gint64                 framework_id)
{
  g_autoptr(GError) error = NULL;
  TrellisEntity *framework = trellis_store_load (self->store, TRELLIS_TYPE_FRAMEWORK, framework_id, &error);

  if (framework == NULL)
    show_message (self, _("Framework Not Found"), error->message);
  return framework;
}

static char *
describe_framework (TrellisFrameworksPage *self,
                    TrellisEntity         *framework)
{
  gint64 id = trellis_entity_get_id (framework);
  guint n_attributes, n_competencies, n_levels;
  gint64 n_plans = trellis_framework_count_plans (self->store, id);
  g_autofree char *attributes = NULL;
  g_autofree char *competencies = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *plans = NULL;

  trellis_framework_count_contents (self->store, id, &n_attributes, &n_competencies, &n_levels);
  attributes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes", n_attributes),
                                n_attributes);
  competencies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u competency", "%u competencies",
                                               n_competencies), n_competencies);
  levels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", n_levels), n_levels);
  plans = n_plans == 0 ? g_strdup (_("no plans"))
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", n_plans),
                                          (guint) n_plans);
  /* Translators: attributes, competencies, levels and plans of a framework, e.g.
   * “6 attributes · 20 competencies · 4 levels · used by 12 plans” */
  return g_strdup_printf (_("%s · %s · %s · used by %s"), attributes, competencies, levels, plans);
}

static void
on_default_toggled (GtkCheckButton        *radio,
                    TrellisFrameworksPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (radio), ADW_TYPE_ACTION_ROW);
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "framework-id"));

  if (gtk_check_button_get_active (radio))
    gtk_widget_activate_action (GTK_WIDGET (self), "frameworks.set-default", "x", id);
}

static GtkWidget *
make_row (TrellisFrameworksPage *self,
          TrellisEntity         *framework)
{
  gint64 id = trellis_entity_get_id (framework);
  const char *title = trellis_entity_get_text (framework, "title");
  g_autofree char *subtitle = describe_framework (self, framework);
  g_autofree char *default_label = g_strdup_printf (_("Use “%s” for new plans"), title);
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), title);
  g_autofree char *more_label = g_strdup_printf (_("More actions for “%s”"), title);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *radio = gtk_check_button_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
  GtkWidget *more = gtk_menu_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "framework-id", GINT_TO_POINTER (id));

  /* One group, one school default. */
  gtk_check_button_set_group (GTK_CHECK_BUTTON (radio), self->default_group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (radio), trellis_entity_get_boolean (framework, "is-default"));
  gtk_widget_set_tooltip_text (radio, _("School default: new plans use this framework"));
  trellis_accessible_set_label (GTK_WIDGET (radio), default_label);
  g_signal_connect_object (radio, "toggled", G_CALLBACK (on_default_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), radio);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  trellis_accessible_set_label (GTK_WIDGET (edit), edit_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "frameworks.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  /* The row labels its activatable widget with its title; GTK 4.8 would say both names. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target (item, "frameworks.rename", "x", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Duplicate"), NULL);
  g_menu_item_set_action_and_target (item, "frameworks.duplicate", "x", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("De_lete…"), NULL);
  g_menu_item_set_action_and_target (item, "frameworks.delete", "x", id);
  g_menu_append_item (menu, item);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (more, _("More actions"));
  trellis_accessible_set_label (GTK_WIDGET (more), more_label);
  gtk_widget_add_css_class (more, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  return row;
}

static void
rebuild (TrellisFrameworksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) frameworks = NULL;
  GtkListBoxRow *old;
  GtkWidget *focus = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while ((old = gtk_list_box_get_row_at_index (self->framework_list, 0)) != NULL)
    gtk_list_box_remove (self->framework_list, GTK_WIDGET (old));
  if (self->store == NULL)
    return;

  frameworks = trellis_store_list (self->store, TRELLIS_TYPE_FRAMEWORK, NULL, 0, &error);
  if (frameworks == NULL)
    {
      g_warning ("The frameworks cannot be listed: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(TrellisEntity) framework = g_list_model_get_item (frameworks, i);
      GtkWidget *row = make_row (self, framework);

      gtk_list_box_append (self->framework_list, row);
      if (trellis_entity_get_id (framework) == self->focus_id)
        focus = row;
    }
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_id = 0;
}

static gboolean
on_rebuild_idle (gpointer user_data)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (user_data);

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (TrellisFrameworksPage *self)
{
  /* One rebuild for a burst of changes (a duplicate is dozens), yet before the next frame:
   * a default-idle source would wait behind the toast’s animation. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_rebuild_idle, self, NULL);
}

static void
open_editor (TrellisFrameworksPage *self,
             gint64                 framework_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(TrellisEntity) framework = NULL;
  TrellisFrameworkEditor *editor;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TRELLIS_IS_FRAMEWORK_EDITOR (window) &&
          trellis_entity_get_id (TRELLIS_ENTITY (trellis_framework_editor_get_framework (TRELLIS_FRAMEWORK_EDITOR (window)))) == framework_id)
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }

  framework = load_framework (self, framework_id);
  if (framework == NULL)
    return;
  editor = trellis_framework_editor_new (self->store, TRELLIS_FRAMEWORK (framework));
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
read_import_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  TrellisFrameworkImport *import = trellis_framework_import_new_from_file (task_data, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static char *
describe_import (TrellisFrameworkImport *import)
{
  g_auto(GStrv) warnings = trellis_framework_import_dup_warnings (import);
  g_auto(GStrv) attributes = trellis_framework_import_dup_attribute_names (import);
  g_auto(GStrv) levels = trellis_framework_import_dup_level_names (import);
  guint n_attributes = trellis_framework_import_get_n_attributes (import);
  guint n_competencies = trellis_framework_import_get_n_competencies (import);
  guint n_levels = trellis_framework_import_get_n_levels (import);
  GString *body = g_string_new (NULL);

  /* Translators: the preview of an import, e.g. “Moodle competency framework (CSV)” */
  g_string_append_printf (body, _("Format: %s"), trellis_framework_import_get_format_name (import));
  g_string_append_c (body, '\n');
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes", n_attributes),
                          n_attributes);
  g_string_append (body, " · ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u competency", "%u competencies", n_competencies),
                          n_competencies);
  g_string_append (body, " · ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", n_levels), n_levels);
  if (attributes != NULL && attributes[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", attributes);

      g_string_append_c (body, '\n');
      /* Translators: the preview of an import: its attributes, each with its number of competencies */
      g_string_append_printf (body, _("Attributes: %s"), list);
    }
  if (levels != NULL && levels[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", levels);

      g_string_append_c (body, '\n');
      /* Translators: the preview of an import: its proficiency levels, lowest first */
      g_string_append_printf (body, _("Levels: %s"), list);
    }
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_string_append_printf (body, "\n• %s", warnings[i]);
  g_string_append_c (body, '\n');
  g_string_append (body, _("Nothing is stored until you choose Import."));
  return g_string_free (body, FALSE);
}

/* Callbacks */

static void
on_import_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    TrellisFrameworksPage *self)
{
  TrellisFrameworkImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 framework_id = 0;

  g_autoptr(TrellisBackup) backup = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  /* Main Menu ▸ Backups can undo the import. */
  backup = trellis_backup_take (self->store, TRELLIS_BACKUP_BEFORE_IMPORT, NULL, &error);
  if (backup == NULL || !trellis_framework_import_apply (import, self->store, &framework_id, &error))
    {
      show_message (self, _("Framework Not Imported"), error->message);
      return;
    }
  self->focus_id = framework_id;
  message = g_strdup_printf (_("“%s” imported"), trellis_framework_import_get_title (import));
  add_toast (self, message);
}

static void
on_import_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisFrameworkImport) import = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (import == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The importer’s message names the file, the line or JSON path, and that nothing changed. */
      show_message (self, _("Framework Not Imported"), error->message);
      return;
    }

  heading = g_strdup_printf (_("Import “%s”?"), trellis_framework_import_get_title (import));
  body = describe_import (import);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import", g_steal_pointer (&import), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_chooser_response (GtkNativeDialog       *chooser,
                          int                    response,
                          TrellisFrameworksPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    trellis_frameworks_page_import_file (self, file);
}

static void
on_store_changed (TrellisStore          *store,
                  const char            *table,
                  const char            *uuid,
                  TrellisStoreChange     kind,
                  TrellisFrameworksPage *self)
{
  static const char * const tables[] = { "framework", "attribute", "competency", "proficiency_level", "plan", NULL };

  if (kind == TRELLIS_STORE_CHANGE_RELOAD || g_strv_contains (tables, table))
    queue_rebuild (self);
}

static void
on_name_entry_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "response");

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

static void
on_name_dialog_response (AdwMessageDialog      *dialog,
                         const char            *response,
                         TrellisFrameworksPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 framework_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "framework-id"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") == 0)
    {
      if (!trellis_framework_create (self->store, name, &framework_id, &error))
        show_message (self, _("Framework Not Created"), error->message);
      else
        {
          self->focus_id = framework_id;
          open_editor (self, framework_id);
        }
    }
  else if (g_strcmp0 (response, "rename") == 0)
    {
      g_autoptr(TrellisEntity) framework = load_framework (self, framework_id);

      if (framework == NULL)
        return;
      g_object_set (framework, "title", name, NULL);
      self->focus_id = framework_id;
      if (!trellis_store_save (self->store, framework, &error))
        show_message (self, _("Framework Not Renamed"), error->message);
    }
}

/* Asks for a framework’s name; @response is “create” or “rename”. */
static void
ask_name (TrellisFrameworksPage *self,
          const char            *heading,
          const char            *response,
          const char            *response_label,
          const char            *initial,
          gint64                 framework_id)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  trellis_accessible_set_label (GTK_WIDGET (entry), _("Name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "response", g_strdup (response), g_free);
  g_object_set_data (G_OBJECT (dialog), "framework-id", GINT_TO_POINTER (framework_id));
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_entry_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_dialog_response), self, 0);
  on_name_entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    TrellisFrameworksPage *self)
{
  gint64 framework_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "framework-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!trellis_framework_delete (self->store, framework_id, &error))
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE))
        body = g_strdup_printf ("%s %s", error->message,
                                _("Choose another framework for those plans first; nothing was deleted."));
      show_message (self, _("Framework Not Deleted"), body ? body : error->message);
      return;
    }
  add_toast (self, _("Framework deleted"));
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ask_name (TRELLIS_FRAMEWORKS_PAGE (widget), _("New Framework"), "create", _("C_reate"),
            _("Profile of a Graduate"), 0);
}

static void
new_from_template_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autofree char *title = trellis_framework_dup_template_title (path, NULL);
  g_autofree char *message = NULL;
  gint64 framework_id = 0;

  if (bytes == NULL ||
      !trellis_framework_template_load_bytes (self->store, bytes, FALSE, &framework_id, &error))
    {
      show_message (self, _("Framework Not Added"), error->message);
      return;
    }
  self->focus_id = framework_id;
  message = g_strdup_printf (_("“%s” added"), title ? title : path);
  add_toast (self, message);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  static const char * const all[] = { "*.csv", "*.CSV", "*.json", "*.JSON", "*.framework", NULL };
  static const char * const csv[] = { "*.csv", "*.CSV", NULL };
  static const char * const json[] = { "*.json", "*.JSON", NULL };
  static const char * const trellis[] = { "*.framework", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Framework"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All framework files"), all);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Moodle competency framework (CSV)"), csv);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CASE package or Mahara matrix (JSON)"), json);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Trellis framework template"), trellis);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_editor (TRELLIS_FRAMEWORKS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(TrellisEntity) framework = load_framework (self, id);

  if (framework != NULL)
    ask_name (self, _("Rename Framework"), "rename", _("_Rename"),
              trellis_entity_get_text (framework, "title"), id);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 copy_id = 0;

  if (!trellis_framework_duplicate (self->store, g_variant_get_int64 (parameter), NULL, &copy_id, &error))
    {
      show_message (self, _("Framework Not Duplicated"), error->message);
      return;
    }
  self->focus_id = copy_id;
  add_toast (self, _("Framework duplicated"));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(TrellisEntity) framework = load_framework (self, id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (framework == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), trellis_entity_get_text (framework, "title"));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Its attributes, competencies and proficiency scale are deleted "
                                     "with it. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "framework-id", GINT_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_default_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (trellis_store_get_default_framework (self->store) == id)
    return;
  self->focus_id = id;
  if (!trellis_framework_set_default (self->store, id, &error))
    show_message (self, _("School Default Not Changed"), error->message);
}

/* Overrides */

static void
trellis_frameworks_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, TRELLIS_FRAMEWORKS_PAGE (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_frameworks_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      trellis_frameworks_page_set_store (TRELLIS_FRAMEWORKS_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_frameworks_page_dispose (GObject *object)
{
  TrellisFrameworksPage *self = TRELLIS_FRAMEWORKS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->default_group);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_FRAMEWORKS_PAGE);

  G_OBJECT_CLASS (trellis_frameworks_page_parent_class)->dispose (object);
}

static void
trellis_frameworks_page_class_init (TrellisFrameworksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = trellis_frameworks_page_get_property;
  object_class->set_property = trellis_frameworks_page_set_property;
  object_class->dispose = trellis_frameworks_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-frameworks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworksPage, framework_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworksPage, add_button);

  gtk_widget_class_install_action (widget_class, "frameworks.create", NULL, create_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.new-from-template", "s", new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.edit", "x", edit_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.rename", "x", rename_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.duplicate", "x", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "frameworks.set-default", "x", set_default_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "frameworks.create", NULL);
}

static void
trellis_frameworks_page_init (TrellisFrameworksPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) templates = g_menu_new ();
  g_auto(GStrv) paths = trellis_framework_template_list ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->default_group = g_object_ref_sink (GTK_CHECK_BUTTON (gtk_check_button_new ()));

  g_menu_append (menu, _("_New Framework…"), "frameworks.create");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *title = trellis_framework_dup_template_title (paths[i], NULL);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (title == NULL)
        continue;
      /* Translators: a menu item that adds a copy of a framework template Trellis ships */
      label = g_strdup_printf (_("From Template: %s"), title);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "frameworks.new-from-template", "s", paths[i]);
      g_menu_append_item (templates, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (templates));
  g_menu_append (menu, _("_Import from File…"), "frameworks.import");
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));
}

/* Public API */

/**
 * trellis_frameworks_page_new:
 * @store: (nullable): the open store
 *
 * Returns: (transfer floating): a new page
 */
TrellisFrameworksPage *
trellis_frameworks_page_new (TrellisStore *store)
{
  return g_object_new (TRELLIS_TYPE_FRAMEWORKS_PAGE, "store", store, NULL);
}

/**
 * trellis_frameworks_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the store whose frameworks are listed
 */
TrellisStore *
trellis_frameworks_page_get_store (TrellisFrameworksPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORKS_PAGE (self), NULL);
  return self->store;
}

void
trellis_frameworks_page_set_store (TrellisFrameworksPage *self,
                                   TrellisStore          *store)
{
  g_return_if_fail (TRELLIS_IS_FRAMEWORKS_PAGE (self));
  g_return_if_fail (store == NULL || TRELLIS_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
      g_signal_connect_object (store, "external-change", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "frameworks.create", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "frameworks.import", store != NULL);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * trellis_frameworks_page_import_file:
 * @self: a page
 * @file: a Moodle CSV, CASE JSON, Mahara JSON or Trellis template file
 *
 * Reads @file in a thread, then shows what it holds and asks before storing it. A file that
 * cannot be read is reported in a dialog that names it; nothing is stored then.
 */
void
trellis_frameworks_page_import_file (TrellisFrameworksPage *self,
                                     GFile                 *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRELLIS_IS_FRAMEWORKS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->import_cancellable, on_import_read, NULL);
  g_task_set_source_tag (task, trellis_frameworks_page_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_import_in_thread);
}
