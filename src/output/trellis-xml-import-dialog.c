/* trellis-xml-import-dialog.c — File ▸ Import from XML: what the file would change, conflicts, apply
 *
 * Reading, checking and applying run in worker threads on their own database connections. The
 * preview shows how many students and frameworks are new, updated or unchanged and lists the
 * conflicts, each with its own choice and one choice for all. When the import is applied the
 * dialog emits ::imported and closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-xml-import-dialog"

#include <glib/gi18n.h>

#include "trellis-backup.h"
#include "trellis-error.h"
#include "trellis-xml-import.h"
#include "trellis-xml-import-dialog.h"

struct _TrellisXmlImportDialog
{
  AdwWindow            parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  GtkLabel            *busy_label;
  AdwActionRow        *students_row;
  AdwActionRow        *frameworks_row;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *conflicts_group;
  AdwComboRow         *all_row;

  TrellisXmlImport    *import;
  TrellisStore        *store;           /* backed up before the import is applied */
  GCancellable        *cancellable;
  GPtrArray           *conflict_rows;   /* AdwComboRow, one per conflict */
};

G_DEFINE_FINAL_TYPE (TrellisXmlImportDialog, trellis_xml_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* The choices in TrellisXmlResolution order. */
static GListModel *
new_choices (void)
{
  const char *choices[] = { _("Keep mine"), _("Take theirs"), _("Keep both"), NULL };

  return G_LIST_MODEL (gtk_string_list_new (choices));
}

static char *
describe_counts (guint n_new,
                 guint n_updated,
                 guint n_unchanged,
                 guint n_conflicts)
{
  /* Translators: counts of students or frameworks in an import preview */
  return g_strdup_printf (_("%u new, %u updated, %u unchanged, %u in conflict"),
                          n_new, n_updated, n_unchanged, n_conflicts);
}

static void
show_error_and_close (TrellisXmlImportDialog *self,
                      const GError           *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The File Was Not Imported"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_preview (TrellisXmlImportDialog *self)
{
  TrellisXmlImport *import = self->import;
  g_autofree char *students = NULL;
  g_autofree char *frameworks = NULL;
  guint n_conflicts = trellis_xml_import_get_n_conflicts (import);

  /* Shown again after the database changed under a preview: the old choices go. */
  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, self->conflict_rows->pdata[i]);
  g_ptr_array_set_size (self->conflict_rows, 0);

  students = describe_counts (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW),
                              trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UPDATED),
                              trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED),
                              trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_CONFLICT));
  frameworks = describe_counts (trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_NEW),
                                trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_UPDATED),
                                trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_UNCHANGED),
                                trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_CONFLICT));
  adw_action_row_set_subtitle (self->students_row, students);
  adw_action_row_set_subtitle (self->frameworks_row, frameworks);

  for (guint i = 0; i < n_conflicts; i++)
    {
      g_autofree char *title = trellis_xml_import_dup_conflict_title (import, i);
      g_autofree char *details = trellis_xml_import_dup_conflict_details (import, i);
      g_autoptr(GListModel) choices = new_choices ();
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      adw_combo_row_set_model (row, choices);
      adw_combo_row_set_selected (row, trellis_xml_import_get_resolution (import, i));
      adw_preferences_group_add (self->conflicts_group, GTK_WIDGET (row));
      g_ptr_array_add (self->conflict_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n_conflicts > 0);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

/* Callbacks */

static void
on_read_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TrellisXmlImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!trellis_xml_import_read_finish (TRELLIS_XML_IMPORT (source), result, &error))
    {
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_error_and_close (self, error);
      return;
    }
  show_preview (self);
}

static void
on_apply_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrellisXmlImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!trellis_xml_import_apply_finish (TRELLIS_XML_IMPORT (source), result, &error))
    {
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CHANGED))
        {
          /* The import holds a preview of the database as it is now: ask again on that. */
          g_autofree char *again = g_strdup_printf ("%s\n%s", error->message,
                                                    _("Check what will change now and import again."));

          adw_preferences_group_set_description (self->summary_group, again);
          show_preview (self);
        }
      else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_error_and_close (self, error);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_all_selected (TrellisXmlImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->all_row);

  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_combo_row_set_selected (self->conflict_rows->pdata[i], selected);
}

static void
on_import_clicked (TrellisXmlImportDialog *self)
{
  g_autoptr(TrellisBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  /* Main Menu ▸ Backups can undo the import. */
  backup = trellis_backup_take (self->store, TRELLIS_BACKUP_BEFORE_IMPORT, NULL, &error);
  if (backup == NULL)
    {
      show_error_and_close (self, error);
      return;
    }
  for (guint i = 0; i < self->conflict_rows->len; i++)
    trellis_xml_import_set_resolution (self->import, i,
                                       adw_combo_row_get_selected (self->conflict_rows->pdata[i]));

  gtk_label_set_label (self->busy_label, _("Importing…"));
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->cancellable = g_cancellable_new ();
  trellis_xml_import_apply_async (self->import, self->cancellable, on_apply_done, g_object_ref (self));
}

static void
on_cancel_clicked (TrellisXmlImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
trellis_xml_import_dialog_dispose (GObject *object)
{
  TrellisXmlImportDialog *self = TRELLIS_XML_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_XML_IMPORT_DIALOG);

  G_OBJECT_CLASS (trellis_xml_import_dialog_parent_class)->dispose (object);
}

static void
trellis_xml_import_dialog_finalize (GObject *object)
{
  TrellisXmlImportDialog *self = TRELLIS_XML_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_xml_import_dialog_parent_class)->finalize (object);
}

static void
trellis_xml_import_dialog_class_init (TrellisXmlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_xml_import_dialog_dispose;
  object_class->finalize = trellis_xml_import_dialog_finalize;

  /**
   * TrellisXmlImportDialog::imported:
   *
   * The file was merged into the database (on a connection of the dialog's own).
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-xml-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, students_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, frameworks_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisXmlImportDialog, all_row);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_all_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_xml_import_dialog_init (TrellisXmlImportDialog *self)
{
  g_autoptr(GListModel) choices = new_choices ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->conflict_rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->all_row, choices);
}

/* Public API */

/**
 * trellis_xml_import_dialog_new:
 * @parent: the main window
 * @store: the open database
 * @path: the plan file to import
 *
 * Starts reading the file at once.
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
trellis_xml_import_dialog_new (GtkWindow    *parent,
                               TrellisStore *store,
                               const char   *path)
{
  TrellisXmlImportDialog *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_XML_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->import = trellis_xml_import_new (store, path);
  self->store = g_object_ref (store);
  self->cancellable = g_cancellable_new ();
  trellis_xml_import_read_async (self->import, self->cancellable, on_read_done, g_object_ref (self));
  return GTK_WIDGET (self);
}
