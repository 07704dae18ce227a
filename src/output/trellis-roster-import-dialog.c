/* trellis-roster-import-dialog.c — main menu ▸ Import Roster: a OneRoster export previewed, then applied
 *
 * Reading, checking and applying run in worker threads on their own database connections, and
 * Cancel stops either (nothing is stored). The preview gives the counts of new, updated,
 * archived and unchanged students, guardians and staff, and lists the problems: what will be
 * skipped or left as it is. When the roster is applied the dialog emits ::imported and closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-roster-import-dialog"

#include <glib/gi18n.h>

#include "trellis-error.h"
#include "trellis-roster-import.h"
#include "trellis-roster-import-dialog.h"

struct _TrellisRosterImportDialog
{
  AdwWindow            parent_instance;

  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  GtkLabel            *busy_label;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *students_row;
  AdwActionRow        *guardians_row;
  AdwActionRow        *staff_row;
  AdwPreferencesGroup *problems_group;
  GtkLabel            *problems_label;

  TrellisRosterImport *import;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (TrellisRosterImportDialog, trellis_roster_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
show_counts (TrellisRosterImportDialog *self,
             AdwActionRow              *row,
             TrellisRosterKind          kind,
             const char                *archived_word)
{
  TrellisRosterImport *import = self->import;
  g_autofree char *text = NULL;

  /* Translators: counts in a roster preview; the third %s is “archived” or “removed” */
  text = g_strdup_printf (_("%u new, %u updated, %u %s, %u unchanged"),
                          trellis_roster_import_count (import, kind, TRELLIS_ROSTER_NEW),
                          trellis_roster_import_count (import, kind, TRELLIS_ROSTER_UPDATED),
                          trellis_roster_import_count (import, kind, TRELLIS_ROSTER_ARCHIVED),
                          archived_word,
                          trellis_roster_import_count (import, kind, TRELLIS_ROSTER_UNCHANGED));
  adw_action_row_set_subtitle (row, text);
}

static void
show_preview (TrellisRosterImportDialog *self)
{
  const char * const *problems = trellis_roster_import_get_problems (self->import);
  g_autofree char *list = g_strjoinv ("\n", (char **) problems);

  show_counts (self, self->students_row, TRELLIS_ROSTER_STUDENTS, _("archived"));
  show_counts (self, self->guardians_row, TRELLIS_ROSTER_GUARDIANS, _("removed"));
  show_counts (self, self->staff_row, TRELLIS_ROSTER_STAFF, _("archived"));
  gtk_label_set_label (self->problems_label, list);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems[0] != NULL);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
show_error_and_close (TrellisRosterImportDialog *self,
                      const GError              *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Roster Was Not Imported"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A finished job: cancelled closes, a changed database shows the new preview, other errors close. */
static gboolean
job_succeeded (TrellisRosterImportDialog *self,
               gboolean                   ok,
               const GError              *error)
{
  g_clear_object (&self->cancellable);
  if (ok)
    return TRUE;
  if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT))
    {
      show_preview (self);
      adw_preferences_group_set_description (self->summary_group, error->message);
    }
  else
    show_error_and_close (self, error);
  return FALSE;
}

/* Callbacks */

static void
on_read_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TrellisRosterImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = trellis_roster_import_read_finish (TRELLIS_ROSTER_IMPORT (source), result, &error);

  if (job_succeeded (self, ok, error))
    show_preview (self);
}

static void
on_apply_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrellisRosterImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = trellis_roster_import_apply_finish (TRELLIS_ROSTER_IMPORT (source), result, &error);

  if (job_succeeded (self, ok, error))
    {
      g_signal_emit (self, signals[IMPORTED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
on_import_clicked (TrellisRosterImportDialog *self)
{
  gtk_label_set_label (self->busy_label, _("Importing the roster…"));
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->cancellable = g_cancellable_new ();
  trellis_roster_import_apply_async (self->import, self->cancellable, on_apply_done, g_object_ref (self));
}

static void
on_cancel_clicked (TrellisRosterImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
trellis_roster_import_dialog_dispose (GObject *object)
{
  TrellisRosterImportDialog *self = TRELLIS_ROSTER_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_ROSTER_IMPORT_DIALOG);

  G_OBJECT_CLASS (trellis_roster_import_dialog_parent_class)->dispose (object);
}

static void
trellis_roster_import_dialog_finalize (GObject *object)
{
  TrellisRosterImportDialog *self = TRELLIS_ROSTER_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (trellis_roster_import_dialog_parent_class)->finalize (object);
}

static void
trellis_roster_import_dialog_class_init (TrellisRosterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_roster_import_dialog_dispose;
  object_class->finalize = trellis_roster_import_dialog_finalize;

  /**
   * TrellisRosterImportDialog::imported:
   *
   * The roster was stored in the database (on a connection of the dialog's own).
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-roster-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, students_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, guardians_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisRosterImportDialog, problems_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_roster_import_dialog_init (TrellisRosterImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_roster_import_dialog_new:
 * @parent: the main window
 * @store: the open database
 * @path: the OneRoster export: a folder or a zip file
 *
 * Starts reading the roster at once.
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWidget *
trellis_roster_import_dialog_new (GtkWindow    *parent,
                                  TrellisStore *store,
                                  const char   *path)
{
  TrellisRosterImportDialog *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_ROSTER_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->import = trellis_roster_import_new (store, path);
  self->cancellable = g_cancellable_new ();
  trellis_roster_import_read_async (self->import, self->cancellable, on_read_done, g_object_ref (self));
  return GTK_WIDGET (self);
}
