/* trellis-autosave.c — stores a record’s edits a moment after typing stops, field by field
 *
 * Widgets hand over text as it is typed; it is stored TRELLIS_AUTOSAVE_DELAY_MS after typing
 * stops, when focus leaves the field, and when the window closes (trellis_autosave_flush_all()).
 * Each field is checked on its own: a value the record refuses stays in its widget, marked
 * with the reason, and is not stored, while the other fields are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-autosave"

#include <glib/gi18n.h>

#include "trellis-autosave.h"

struct _TrellisAutosave
{
  GObject        parent_instance;

  TrellisStore  *store;     /* NULL while nothing is edited */
  TrellisEntity *entity;    /* as stored, NULL while nothing is edited */
  GHashTable    *pending;   /* field name → text not yet stored */
  GHashTable    *errors;    /* field name → message */
  GHashTable    *widgets;   /* field name → GtkWidget (unowned, weak) */
  guint          timeout_id;
};

G_DEFINE_FINAL_TYPE (TrellisAutosave, trellis_autosave, G_TYPE_OBJECT)

enum {
  FIELD_ERROR,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every live instance, so that closing the window can store them all. */
static GList *instances;

/* Helpers */

static void
show_error (TrellisAutosave *self,
            const char      *field,
            const char      *message)
{
  GtkWidget *widget = g_hash_table_lookup (self->widgets, field);

  if (message != NULL)
    g_hash_table_replace (self->errors, g_strdup (field), g_strdup (message));
  else if (!g_hash_table_remove (self->errors, field))
    return;

  if (widget != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      if (message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_signal_emit (self, signals[FIELD_ERROR], 0, field, message);
}

/* Empty text means “unset” for dates, which are NULL rather than “”. */
static const char *
normalize_value (const TrellisField *field,
                 const char         *value)
{
  if (field->type == TRELLIS_FIELD_DATE && value != NULL && *value == '\0')
    return NULL;
  return value;
}

/* Applies one pending value to @candidate; on refusal puts the stored value back. */
static gboolean
apply_field (TrellisAutosave *self,
             TrellisEntity   *candidate,
             const char      *name,
             const char      *value)
{
  const TrellisField *field = trellis_entity_find_field (candidate, name);
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  if (trellis_entity_set_field_string (candidate, field, normalize_value (field, value), &error) &&
      trellis_entity_validate (candidate, &error))
    {
      show_error (self, name, NULL);
      return TRUE;
    }

  stored = trellis_entity_dup_field_string (self->entity, field);
  trellis_entity_set_field_string (candidate, field, stored, NULL);
  show_error (self, name, error->message);
  return FALSE;
}

static gboolean
on_timeout (gpointer user_data)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (user_data);

  self->timeout_id = 0;
  trellis_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_editable_changed (GtkEditable     *editable,
                     TrellisAutosave *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "trellis-field");

  trellis_autosave_set_field (self, field, gtk_editable_get_text (editable));
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   TrellisAutosave *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "trellis-field");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  trellis_autosave_set_field (self, field, text);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                TrellisAutosave         *self)
{
  trellis_autosave_flush (self);
}

/* Overrides */

static void
trellis_autosave_dispose (GObject *object)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (object);

  /* A page that goes away keeps its last edits. */
  trellis_autosave_flush (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  instances = g_list_remove (instances, self);

  G_OBJECT_CLASS (trellis_autosave_parent_class)->dispose (object);
}

static void
trellis_autosave_finalize (GObject *object)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->entity);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->widgets, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_autosave_parent_class)->finalize (object);
}

static void
trellis_autosave_class_init (TrellisAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_autosave_dispose;
  object_class->finalize = trellis_autosave_finalize;

  /**
   * TrellisAutosave::field-error:
   * @field: the field’s property name
   * @message: (nullable): why its value was refused, %NULL when it is fine again
   */
  signals[FIELD_ERROR] =
    g_signal_new ("field-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * TrellisAutosave::saved:
   *
   * Emitted after edits were stored.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_autosave_init (TrellisAutosave *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  instances = g_list_prepend (instances, self);
}

/* Public API */

/**
 * trellis_autosave_new:
 * @store: (nullable): the store that holds @entity
 * @entity: (nullable): a stored record; the autosave keeps its own copy
 *
 * Returns: (transfer full): a new autosave for @entity
 */
TrellisAutosave *
trellis_autosave_new (TrellisStore  *store,
                      TrellisEntity *entity)
{
  TrellisAutosave *self = g_object_new (TRELLIS_TYPE_AUTOSAVE, NULL);

  trellis_autosave_set_record (self, store, entity);
  return self;
}

/**
 * trellis_autosave_set_record:
 * @self: an autosave
 * @store: (nullable): the store that holds @entity
 * @entity: (nullable): a stored record, %NULL to edit nothing (edits are then ignored, e.g.
 *   while a page fills its fields)
 *
 * Stores what waits for the previous record, then edits @entity. The bound widgets stay bound.
 */
void
trellis_autosave_set_record (TrellisAutosave *self,
                             TrellisStore    *store,
                             TrellisEntity   *entity)
{
  g_autoptr(GList) fields = NULL;

  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (store == NULL || TRELLIS_IS_STORE (store));
  g_return_if_fail (entity == NULL || TRELLIS_IS_ENTITY (entity));

  trellis_autosave_flush (self);
  g_hash_table_remove_all (self->pending);
  fields = g_hash_table_get_keys (self->errors);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strdup (l->data);   /* the table frees its key */
      show_error (self, field, NULL);
    }

  g_set_object (&self->store, store);
  g_clear_object (&self->entity);
  if (entity != NULL)
    self->entity = trellis_entity_copy (entity);
}

/**
 * trellis_autosave_get_entity:
 * @self: an autosave
 *
 * Returns: (transfer none) (nullable): the record as last stored
 */
TrellisEntity *
trellis_autosave_get_entity (TrellisAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), NULL);

  return self->entity;
}

/**
 * trellis_autosave_set_field:
 * @self: an autosave
 * @field: a property name of the record, e.g. `given-name`
 * @value: the new value in the text form of trellis_entity_set_field_string()
 *
 * Remembers an edit and stores it after the typing pause.
 */
void
trellis_autosave_set_field (TrellisAutosave *self,
                            const char      *field,
                            const char      *value)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));

  if (self->entity == NULL)
    return;
  g_return_if_fail (trellis_entity_find_field (self->entity, field) != NULL);

  g_hash_table_replace (self->pending, g_strdup (field), g_strdup (value ? value : ""));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (TRELLIS_AUTOSAVE_DELAY_MS, on_timeout, self);
}

/**
 * trellis_autosave_watch:
 * @self: an autosave
 * @field: a property name of the record
 * @widget: the widget that edits @field
 *
 * Refusals of @field are shown on @widget: the `error` style, a tooltip and an accessible
 * description with the reason.
 */
void
trellis_autosave_watch (TrellisAutosave *self,
                        const char      *field,
                        GtkWidget       *widget)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_hash_table_replace (self->widgets, g_strdup (field), widget);
}

static void
watch_focus (TrellisAutosave *self,
             GtkWidget       *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
}

/**
 * trellis_autosave_bind_editable:
 * @self: an autosave
 * @field: a text property of the record
 * @editable: an entry (or #AdwEntryRow) already showing the stored value
 *
 * Stores what is typed in @editable, and stores it at once when focus leaves it.
 */
void
trellis_autosave_bind_editable (TrellisAutosave *self,
                                const char      *field,
                                GtkEditable     *editable)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_object_set_data_full (G_OBJECT (editable), "trellis-field", g_strdup (field), g_free);
  g_signal_connect_object (editable, "changed", G_CALLBACK (on_editable_changed), self, 0);
  watch_focus (self, GTK_WIDGET (editable));
  trellis_autosave_watch (self, field, GTK_WIDGET (editable));
}

/**
 * trellis_autosave_bind_text_view:
 * @self: an autosave
 * @field: a multi-line text property of the record
 * @text_view: a text view already showing the stored value
 */
void
trellis_autosave_bind_text_view (TrellisAutosave *self,
                                 const char      *field,
                                 GtkTextView     *text_view)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  buffer = gtk_text_view_get_buffer (text_view);
  g_object_set_data_full (G_OBJECT (buffer), "trellis-field", g_strdup (field), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, 0);
  watch_focus (self, GTK_WIDGET (text_view));
  trellis_autosave_watch (self, field, GTK_WIDGET (text_view));
}

/**
 * trellis_autosave_has_pending:
 * @self: an autosave
 *
 * Returns: whether edits wait to be stored (or were refused and wait for a fix)
 */
gboolean
trellis_autosave_has_pending (TrellisAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}

/**
 * trellis_autosave_flush:
 * @self: an autosave
 *
 * Stores the waiting edits now, in one transaction. Refused values stay pending and are
 * shown at their widgets.
 *
 * Returns: %TRUE when nothing is left pending
 */
gboolean
trellis_autosave_flush (TrellisAutosave *self)
{
  g_autoptr(TrellisEntity) candidate = NULL;
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0 || self->entity == NULL || self->store == NULL)
    return TRUE;

  candidate = trellis_entity_copy (self->entity);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (apply_field (self, candidate, key, value))
      g_ptr_array_add (applied, g_strdup (key));

  if (applied->len == 0)
    return FALSE;

  if (!trellis_store_save (self->store, candidate, &error))
    {
      for (guint i = 0; i < applied->len; i++)
        show_error (self, applied->pdata[i], error->message);
      return FALSE;
    }

  for (guint i = 0; i < applied->len; i++)
    g_hash_table_remove (self->pending, applied->pdata[i]);
  g_set_object (&self->entity, candidate);
  g_signal_emit (self, signals[SAVED], 0);
  return g_hash_table_size (self->pending) == 0;
}

/**
 * trellis_autosave_flush_all:
 *
 * Stores the waiting edits of every record being edited; called when a window closes or the
 * database changes.
 */
void
trellis_autosave_flush_all (void)
{
  /* Storing may make views reload and drop their autosaves: hold each one meanwhile. */
  GList *copy = g_list_copy (instances);

  for (GList *l = copy; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = copy; l != NULL; l = l->next)
    trellis_autosave_flush (l->data);
  g_list_free_full (copy, g_object_unref);
}
