/* trellis-guardian-row.c — one guardian of a student, edited in place
 *
 * Name, relationship, preferred language (chosen from languages written in their own names,
 * stored as a BCP 47 tag), phone and email, each stored as it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-guardian-row"

#include <glib/gi18n.h>

#include "trellis-autosave.h"
#include "trellis-guardian-row.h"
#include "trellis-widget-utils.h"

struct _TrellisGuardianRow
{
  AdwExpanderRow   parent_instance;

  TrellisAutosave *autosave;

  AdwEntryRow     *name_row;
  AdwEntryRow     *relationship_row;
  AdwComboRow     *language_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
};

G_DEFINE_FINAL_TYPE (TrellisGuardianRow, trellis_guardian_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_heading (TrellisGuardianRow *self,
                const char         *error)
{
  TrellisEntity *guardian = trellis_autosave_get_entity (self->autosave);
  const char *name = trellis_entity_get_text (guardian, "name");
  const char *relationship = trellis_entity_get_text (guardian, "relationship");
  GtkStringObject *choice = adw_combo_row_get_selected_item (self->language_row);
  const char *language = *trellis_language_row_get_tag (self->language_row) != '\0' && choice != NULL
                           ? gtk_string_object_get_string (choice) : NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name != NULL && *name != '\0' ? name : _("New guardian"));
  if (error != NULL)
    subtitle = g_strdup (error);
  else if (language != NULL && relationship != NULL && *relationship != '\0')
    /* Translators: a guardian’s relationship and preferred language: “Mother · Español” */
    subtitle = g_strdup_printf (_("%s · %s"), relationship, language);
  else if (language != NULL)
    subtitle = g_strdup (language);
  else
    subtitle = g_strdup (relationship);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

/* Callbacks */

static void
on_language_selected (TrellisGuardianRow *self)
{
  trellis_autosave_set_field (self->autosave, "preferred-language", trellis_language_row_get_tag (self->language_row));
  trellis_autosave_flush (self->autosave);
}

static void
on_field_error (TrellisGuardianRow *self,
                const char         *field,
                const char         *message)
{
  update_heading (self, message);
}

static void
on_saved (TrellisGuardianRow *self)
{
  update_heading (self, NULL);
}

static void
on_remove_clicked (TrellisGuardianRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Overrides */

static void
trellis_guardian_row_dispose (GObject *object)
{
  TrellisGuardianRow *self = TRELLIS_GUARDIAN_ROW (object);

  if (self->autosave != NULL)
    trellis_autosave_flush (self->autosave);
  g_clear_object (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GUARDIAN_ROW);

  G_OBJECT_CLASS (trellis_guardian_row_parent_class)->dispose (object);
}

static void
trellis_guardian_row_class_init (TrellisGuardianRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_guardian_row_dispose;

  /**
   * TrellisGuardianRow::remove:
   *
   * The user asked to remove this guardian.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-guardian-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGuardianRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuardianRow, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuardianRow, language_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuardianRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuardianRow, email_row);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
trellis_guardian_row_init (TrellisGuardianRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_language_row_setup (self->language_row);
}

/* Public API */

/**
 * trellis_guardian_row_new:
 * @store: where @guardian is stored
 * @guardian: a stored guardian
 *
 * Returns: (transfer floating): a row that stores edits to @guardian as they are typed
 */
GtkWidget *
trellis_guardian_row_new (TrellisStore    *store,
                          TrellisGuardian *guardian)
{
  TrellisGuardianRow *self;
  TrellisEntity *entity = TRELLIS_ENTITY (guardian);

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_GUARDIAN (guardian), NULL);

  self = g_object_new (TRELLIS_TYPE_GUARDIAN_ROW, NULL);
  trellis_language_row_select (self->language_row, trellis_entity_get_text (entity, "preferred-language"));

  /* Binding shows the stored values; the language is shown before its handler is connected,
   * so showing it stores nothing. */
  self->autosave = trellis_autosave_new (store, entity, TRELLIS_AUTOSAVE_DEFAULT);
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->name_row), "text", "name");
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->relationship_row), "text", "relationship");
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->phone_row), "text", "phone");
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->email_row), "text", "email");
  trellis_autosave_watch (self->autosave, GTK_WIDGET (self->language_row), "preferred-language");
  g_signal_connect_object (self->autosave, "field-error", G_CALLBACK (on_field_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected),
                           self, G_CONNECT_SWAPPED);
  update_heading (self, NULL);
  return GTK_WIDGET (self);
}

/**
 * trellis_guardian_row_get_guardian:
 * @self: a row
 *
 * Returns: (transfer none): the guardian as last stored
 */
TrellisGuardian *
trellis_guardian_row_get_guardian (TrellisGuardianRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_GUARDIAN_ROW (self), NULL);

  return TRELLIS_GUARDIAN (trellis_autosave_get_entity (self->autosave));
}

