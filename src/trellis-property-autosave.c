/* trellis-property-autosave.c — saves one shared record a moment after bound widget properties change
 *
 * Each bound widget property is copied to the record’s field as the user types. A value the
 * record refuses (an empty title) is shown at its row — the row’s title becomes the message —
 * and kept out of the record, so that what is saved is always the last valid state. Valid
 * changes are saved TRELLIS_AUTOSAVE_DELAY_MS after the last keystroke, when the widget loses
 * the focus, or when the editor closes (trellis_property_autosave_flush()).
 *
 * Unlike #TrellisAutosave, which stores text edits of its own copy of a record, this edits
 * the very instance that other widgets show (a sidebar label, an expander’s title are bound to
 * it) and binds any widget property (a spin button’s value, a colour row’s colour) through
 * GValue transforms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-property-autosave"

#include <glib/gi18n.h>

#include "trellis-property-autosave.h"

typedef struct {
  TrellisPropertyAutosave *self;
  GtkWidget       *widget;           /* weak: the binding lives as long as the autosave */
  char            *widget_property;
  char            *field;
  char            *row_title;        /* the row’s own title while it shows an error */
  GtkEventController *focus;
} Binding;

struct _TrellisPropertyAutosave
{
  GObject         parent_instance;

  TrellisStore   *store;
  TrellisEntity  *entity;
  GPtrArray      *bindings;
  guint           timeout_id;
  guint           n_errors;
  gboolean        dirty;
  gboolean        cancelled;
};

G_DEFINE_FINAL_TYPE (TrellisPropertyAutosave, trellis_property_autosave, G_TYPE_OBJECT)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_weak_pointer (&binding->widget);
  g_free (binding->widget_property);
  g_free (binding->field);
  g_free (binding->row_title);
  g_free (binding);
}

static AdwPreferencesRow *
binding_row (Binding *binding)
{
  GtkWidget *row;

  if (binding->widget == NULL)
    return NULL;
  row = ADW_IS_PREFERENCES_ROW (binding->widget)
          ? binding->widget
          : gtk_widget_get_ancestor (binding->widget, ADW_TYPE_PREFERENCES_ROW);
  return row ? ADW_PREFERENCES_ROW (row) : NULL;
}

static void
show_error (Binding    *binding,
            const char *message)
{
  AdwPreferencesRow *row = binding_row (binding);
  gboolean had_error = binding->row_title != NULL;

  if (binding->widget == NULL)
    return;

  if (message != NULL && !had_error)
    binding->self->n_errors++;
  else if (message == NULL && had_error)
    binding->self->n_errors--;

  if (row != NULL)
    {
      if (message != NULL)
        {
          if (!had_error)
            binding->row_title = g_strdup (adw_preferences_row_get_title (row));
          adw_preferences_row_set_title (row, message);
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
        }
      else if (had_error)
        {
          adw_preferences_row_set_title (row, binding->row_title);
          gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
        }
    }
  else if (message != NULL && !had_error)
    binding->row_title = g_strdup ("");

  if (message == NULL)
    g_clear_pointer (&binding->row_title, g_free);

  gtk_accessible_update_state (GTK_ACCESSIBLE (binding->widget), GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (binding->widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (binding->widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Copies between a widget property and an entity property of possibly different types
 * (a spin button’s double and a level’s int). */
static void
copy_property (GObject    *from,
               const char *from_property,
               GObject    *to,
               const char *to_property)
{
  GParamSpec *to_spec = g_object_class_find_property (G_OBJECT_GET_CLASS (to), to_property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) converted = G_VALUE_INIT;

  g_return_if_fail (to_spec != NULL);
  g_object_get_property (from, from_property, &value);
  /* A text field of a record made in memory is NULL until stored; widgets want "". */
  if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) == NULL)
    g_value_set_static_string (&value, "");
  g_value_init (&converted, to_spec->value_type);
  if (!g_value_transform (&value, &converted))
    g_return_if_reached ();
  g_object_set_property (to, to_property, &converted);
}

static gboolean
on_timeout (gpointer user_data)
{
  TrellisPropertyAutosave *self = TRELLIS_PROPERTY_AUTOSAVE (user_data);

  self->timeout_id = 0;
  trellis_property_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_widget_notify (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  Binding *binding = user_data;
  TrellisPropertyAutosave *self = binding->self;
  g_autoptr(TrellisEntity) candidate = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancelled)
    return;

  /* Try the value on a copy, so that the record itself only ever holds valid values. */
  candidate = trellis_entity_copy (self->entity);
  copy_property (object, binding->widget_property, G_OBJECT (candidate), binding->field);
  if (!trellis_entity_validate (candidate, &error))
    {
      show_error (binding, error->message);
      return;
    }
  show_error (binding, NULL);

  copy_property (object, binding->widget_property, G_OBJECT (self->entity), binding->field);
  self->dirty = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (TRELLIS_AUTOSAVE_DELAY_MS, on_timeout, self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  trellis_property_autosave_flush (TRELLIS_PROPERTY_AUTOSAVE (user_data));
}

/* Overrides */

static void
trellis_property_autosave_dispose (GObject *object)
{
  TrellisPropertyAutosave *self = TRELLIS_PROPERTY_AUTOSAVE (object);

  trellis_property_autosave_flush (self);
  for (guint i = 0; self->bindings != NULL && i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      /* The widgets may be reused for another record: leave them as they were. */
      if (binding->widget != NULL)
        {
          show_error (binding, NULL);
          g_signal_handlers_disconnect_by_data (binding->widget, binding);
          gtk_widget_remove_controller (binding->widget, binding->focus);
        }
    }
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_property_autosave_parent_class)->dispose (object);
}

static void
trellis_property_autosave_class_init (TrellisPropertyAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_property_autosave_dispose;

  /**
   * TrellisPropertyAutosave::saved:
   *
   * The record was written to the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TrellisPropertyAutosave::failed:
   * @error: why the store refused (the disk is full, the record was deleted elsewhere)
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
trellis_property_autosave_init (TrellisPropertyAutosave *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
}

/* Public API */

/**
 * trellis_property_autosave_new:
 * @store: the store to save to
 * @entity: a stored record; the autosave edits this very instance
 *
 * Returns: (transfer full): a new autosave
 */
TrellisPropertyAutosave *
trellis_property_autosave_new (TrellisStore  *store,
                      TrellisEntity *entity)
{
  TrellisPropertyAutosave *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), NULL);

  self = g_object_new (TRELLIS_TYPE_PROPERTY_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->entity = g_object_ref (entity);
  return self;
}

/**
 * trellis_property_autosave_get_entity:
 * @self: an autosave
 *
 * Returns: (transfer none): the record being edited
 */
TrellisEntity *
trellis_property_autosave_get_entity (TrellisPropertyAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROPERTY_AUTOSAVE (self), NULL);
  return self->entity;
}

/**
 * trellis_property_autosave_bind:
 * @self: an autosave
 * @widget: an editing widget: an #AdwEntryRow, a #TrellisTextRow, a #GtkSpinButton…
 * @widget_property: the widget property holding the value (“text”, “value”)
 * @field: the record’s property it edits
 *
 * Shows the field’s value in @widget, then saves what the user types there. Errors are shown
 * at @widget, or at the #AdwPreferencesRow it sits in.
 */
void
trellis_property_autosave_bind (TrellisPropertyAutosave *self,
                       GtkWidget       *widget,
                       const char      *widget_property,
                       const char      *field)
{
  g_autofree char *signal = NULL;
  GtkEventController *focus;
  Binding *binding;

  g_return_if_fail (TRELLIS_IS_PROPERTY_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  copy_property (G_OBJECT (self->entity), field, G_OBJECT (widget), widget_property);

  binding = g_new0 (Binding, 1);
  binding->self = self;
  g_set_weak_pointer (&binding->widget, widget);
  binding->widget_property = g_strdup (widget_property);
  binding->field = g_strdup (field);
  g_ptr_array_add (self->bindings, binding);

  signal = g_strconcat ("notify::", widget_property, NULL);
  g_signal_connect (widget, signal, G_CALLBACK (on_widget_notify), binding);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
  binding->focus = focus;
}

/**
 * trellis_property_autosave_flush:
 * @self: an autosave
 *
 * Saves pending changes now. A failure is reported with #TrellisPropertyAutosave::failed.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
trellis_property_autosave_flush (TrellisPropertyAutosave *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROPERTY_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->dirty || self->cancelled)
    return TRUE;
  if (!trellis_store_save (self->store, self->entity, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return FALSE;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * trellis_property_autosave_cancel:
 * @self: an autosave
 *
 * Drops pending changes and saves nothing more, e.g. because the record is being deleted.
 */
void
trellis_property_autosave_cancel (TrellisPropertyAutosave *self)
{
  g_return_if_fail (TRELLIS_IS_PROPERTY_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->cancelled = TRUE;
  self->dirty = FALSE;
}

/**
 * trellis_property_autosave_has_error:
 * @self: an autosave
 *
 * Returns: whether a bound field currently shows a value the record refused
 */
gboolean
trellis_property_autosave_has_error (TrellisPropertyAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROPERTY_AUTOSAVE (self), FALSE);
  return self->n_errors > 0;
}
