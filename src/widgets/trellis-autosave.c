/* trellis-autosave.c — stores a record’s edits a moment after typing stops, field by field
 *
 * Bound widgets hand over their values as they change (any property, through GValue
 * transforms; a string is taken in the field’s text form); callers may also hand over values
 * themselves (trellis_autosave_set_field()). Edits are stored TRELLIS_AUTOSAVE_DELAY_MS after
 * the last one, when focus leaves a bound widget, on trellis_autosave_flush(), and for every
 * autosave when the window closes (trellis_autosave_flush_all()).
 *
 * Each field is checked on its own against a copy of the record: a value the record refuses
 * stays in its widget, marked with the reason, and waits for a fix, while the other fields are
 * stored. The record edited is the very instance given; by default it holds only what is
 * stored, while with %TRELLIS_AUTOSAVE_LIVE it follows every accepted keystroke, for the
 * widgets bound to it elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-autosave"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-autosave.h"
#include "trellis-conflict-dialog.h"
#include "trellis-error.h"

/* One widget that edits a field, or only shows its refusals (then @object is NULL). */
typedef struct {
  TrellisAutosave    *self;
  const char         *field;      /* interned, as property names are */
  GtkWidget          *widget;     /* weak: the binding lives as long as the autosave */
  GObject            *object;     /* weak: holds @property, the widget or a text view’s buffer */
  char               *property;
  gulong              notify_id;
  GtkEventController *focus;
  char               *title;      /* the row’s own title while it shows an error */
} Binding;

/* A value not stored yet: waiting for the pause, or refused and waiting for a fix. */
typedef struct {
  const char *field;   /* interned */
  GValue      value;
} Edit;

struct _TrellisAutosave
{
  GObject               parent_instance;

  TrellisAutosaveFlags  flags;
  TrellisStore         *store;      /* NULL while nothing is edited */
  TrellisEntity        *entity;     /* NULL while nothing is edited */
  GPtrArray            *edits;      /* Edit, in the order first made */
  GHashTable           *errors;     /* field name → message */
  GPtrArray            *bindings;   /* Binding */
  guint                 timeout_id;
  gboolean              dirty;      /* the record holds values not stored yet */
  gboolean              cancelled;
  gboolean              showing;    /* putting a stored value into widgets: not an edit */
  GPtrArray            *conflicts;  /* TrellisConflict: fields someone else changed too */
  guint                 retry_id;   /* the database was busy or the disk full: try again */
  guint                 retry_delay_ms;
  gint64                waiting_since;  /* monotonic µs of the first failed try, or 0 */
};

/* A busy database is retried after 250 ms, then less and less often, at most every 4 s. */
#define RETRY_FIRST_MS 250
#define RETRY_LONGEST_MS 4000

static gboolean on_timeout     (gpointer                 user_data);
static void     on_notify      (GObject                 *object,
                                GParamSpec              *pspec,
                                gpointer                 user_data);
static void     on_focus_leave (GtkEventControllerFocus *controller,
                                TrellisAutosave         *self);

G_DEFINE_FINAL_TYPE (TrellisAutosave, trellis_autosave, G_TYPE_OBJECT)

enum {
  FIELD_ERROR,
  SAVED,
  FAILED,
  CONFLICT,
  WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every live instance, so that closing the window can store them all. */
static GList *instances;

/* Helpers */

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_weak_pointer (&binding->widget);
  g_clear_weak_pointer (&binding->object);
  g_free (binding->property);
  g_free (binding->title);
  g_free (binding);
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_value_unset (&edit->value);
  g_free (edit);
}

static Edit *
find_edit (TrellisAutosave *self,
           const char      *field)
{
  for (guint i = 0; i < self->edits->len; i++)
    {
      Edit *edit = self->edits->pdata[i];

      if (g_strcmp0 (edit->field, field) == 0)
        return edit;
    }
  return NULL;
}

/* Marks the widget of @binding, or clears the mark when @message is %NULL. */
static void
mark_binding (Binding    *binding,
              const char *message)
{
  GtkWidget *widget = binding->widget;
  GtkWidget *row = NULL;

  if (widget == NULL)
    return;
  if ((binding->self->flags & TRELLIS_AUTOSAVE_ERROR_IN_TITLE) != 0)
    row = ADW_IS_PREFERENCES_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  if (message != NULL)
    gtk_widget_add_css_class (row ? row : widget, "error");
  else
    gtk_widget_remove_css_class (row ? row : widget, "error");

  if (row == NULL)
    gtk_widget_set_tooltip_text (widget, message);
  else if (message != NULL)
    {
      if (binding->title == NULL)
        binding->title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
    }
  else if (binding->title != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), binding->title);
      g_clear_pointer (&binding->title, g_free);
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_error (TrellisAutosave *self,
            const char      *field,
            const char      *message)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      if (g_strcmp0 (binding->field, field) == 0)
        mark_binding (binding, message);
    }
  g_signal_emit (self, signals[FIELD_ERROR], 0, field, message);
}

static void
set_error (TrellisAutosave *self,
           const char      *field,
           const char      *message)
{
  if (g_strcmp0 (g_hash_table_lookup (self->errors, field), message) == 0)
    return;
  if (message != NULL)
    g_hash_table_replace (self->errors, g_strdup (field), g_strdup (message));
  else
    g_hash_table_remove (self->errors, field);
  show_error (self, field, message);
}

static void
clear_errors (TrellisAutosave *self)
{
  g_autoptr(GHashTable) errors = g_steal_pointer (&self->errors);
  GHashTableIter iter;
  gpointer field;

  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &field, NULL))
    show_error (self, field, NULL);
}

static void
copy_field (TrellisEntity *from,
            TrellisEntity *to,
            const char    *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (from), field, &value);
  g_object_set_property (G_OBJECT (to), field, &value);
}

/* Shows the record’s value in the bound property, converted to its type (a level’s int
 * becomes a spin button’s double). */
static void
show_value (TrellisAutosave *self,
            Binding         *binding)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (binding->object), binding->property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) shown = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (self->entity), binding->field, &value);
  /* A text field of a record made in memory is NULL until stored; widgets want "". */
  if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) == NULL)
    g_value_set_static_string (&value, "");
  g_value_init (&shown, pspec->value_type);
  if (!g_value_transform (&value, &shown))
    g_return_if_reached ();
  self->showing = TRUE;
  g_object_set_property (binding->object, binding->property, &shown);
  self->showing = FALSE;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static TrellisConflict *
find_conflict (TrellisAutosave *self,
               const char      *field)
{
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      TrellisConflict *conflict = self->conflicts->pdata[i];

      if (g_strcmp0 (conflict->field->name, field) == 0)
        return conflict;
    }
  return NULL;
}

/* Shows the record's value of @field in its widgets, but not in one being typed in. */
static void
show_field (TrellisAutosave *self,
            const char      *field)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      if (binding->object != NULL && g_strcmp0 (binding->field, field) == 0 &&
          !has_focus_within (binding->widget))
        show_value (self, binding);
    }
}

/* A string is the field’s text form (empty means “unset” for a date); any other value is
 * converted to the field’s type. */
static gboolean
apply_edit (TrellisEntity  *candidate,
            Edit           *edit,
            GError        **error)
{
  const TrellisField *field = trellis_entity_find_field (candidate, edit->field);
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (field != NULL);
  if (G_VALUE_HOLDS_STRING (&edit->value))
    {
      const char *text = g_value_get_string (&edit->value);

      if (text == NULL)
        text = "";
      if (field->type == TRELLIS_FIELD_DATE && *text == '\0')
        text = NULL;
      return trellis_entity_set_field_string (candidate, field, text, error);
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (candidate), edit->field);
  g_value_init (&value, pspec->value_type);
  if (!g_value_transform (&edit->value, &value))
    g_assert_not_reached ();
  g_object_set_property (G_OBJECT (candidate), edit->field, &value);
  return TRUE;
}

/* Tries the waiting values, in the order made, on a copy of the record; puts those it accepts
 * into the record and marks the others. One accepted value may make a refused one fine (a
 * family name for a cleared given name), so refused ones are tried again after it.
 *
 * Returns: (transfer container): the (interned) names of the fields accepted */
static GPtrArray *
check_edits (TrellisAutosave *self)
{
  g_autoptr(TrellisEntity) candidate = trellis_entity_copy (self->entity);
  g_autoptr(GHashTable) refused = g_hash_table_new_full (NULL, NULL, NULL, g_free);   /* field → message */
  GPtrArray *accepted = g_ptr_array_new ();
  gboolean progress = TRUE;
  GHashTableIter iter;
  gpointer field, message;

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < self->edits->len; i++)
        {
          Edit *edit = self->edits->pdata[i];
          g_autoptr(GError) error = NULL;

          if (g_ptr_array_find (accepted, edit->field, NULL))
            continue;
          if (apply_edit (candidate, edit, &error) && trellis_entity_validate (candidate, &error))
            {
              copy_field (candidate, self->entity, edit->field);
              g_ptr_array_add (accepted, (gpointer) edit->field);
              g_hash_table_remove (refused, edit->field);
              progress = TRUE;
            }
          else
            {
              copy_field (self->entity, candidate, edit->field);
              g_hash_table_replace (refused, (gpointer) edit->field, g_strdup (error->message));
            }
        }
    }

  self->dirty |= accepted->len > 0;
  for (guint i = 0; i < accepted->len; i++)
    set_error (self, accepted->pdata[i], NULL);
  g_hash_table_iter_init (&iter, refused);
  while (g_hash_table_iter_next (&iter, &field, &message))
    set_error (self, field, message);
  return accepted;
}

static void
take_edit (TrellisAutosave *self,
           const char      *field,
           const GValue    *value)
{
  GParamSpec *pspec;
  Edit *edit;

  if (self->entity == NULL || self->cancelled || self->showing)
    return;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->entity), field);
  g_return_if_fail (trellis_entity_find_field (self->entity, field) != NULL && pspec != NULL);
  g_return_if_fail (G_VALUE_HOLDS_STRING (value) ||
                    g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type));

  edit = find_edit (self, field);
  if (edit == NULL)
    {
      edit = g_new0 (Edit, 1);
      edit->field = g_intern_string (field);
      g_ptr_array_add (self->edits, edit);
    }
  else
    g_value_unset (&edit->value);
  g_value_init (&edit->value, G_VALUE_TYPE (value));
  g_value_copy (value, &edit->value);

  if ((self->flags & TRELLIS_AUTOSAVE_LIVE) != 0)
    g_ptr_array_unref (check_edits (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (TRELLIS_AUTOSAVE_DELAY_MS, on_timeout, self);
}

static void
add_binding (TrellisAutosave *self,
             GtkWidget       *widget,
             GObject         *object,
             const char      *property,
             const char      *field)
{
  Binding *binding = g_new0 (Binding, 1);
  g_autofree char *signal = NULL;

  binding->self = self;
  binding->field = g_intern_string (field);
  g_set_weak_pointer (&binding->widget, widget);
  g_ptr_array_add (self->bindings, binding);
  if (object == NULL)
    return;

  binding->property = g_strdup (property);
  g_set_weak_pointer (&binding->object, object);
  if (self->entity != NULL)
    show_value (self, binding);
  signal = g_strconcat ("notify::", property, NULL);
  binding->notify_id = g_signal_connect (object, signal, G_CALLBACK (on_notify), binding);

  binding->focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (binding->focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, binding->focus);
}

/* The stored edits leave the list; refused ones and those in conflict wait. */
static void
drop_stored_edits (TrellisAutosave *self)
{
  for (guint i = self->edits->len; i > 0; i--)
    {
      Edit *edit = self->edits->pdata[i - 1];

      if (!g_hash_table_contains (self->errors, edit->field) && find_conflict (self, edit->field) == NULL)
        g_ptr_array_remove_index (self->edits, i - 1);
    }
}

/* What the others changed in fields not edited here is shown at once. */
static void
show_unedited_fields (TrellisAutosave *self)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self->entity);

  for (guint i = 0; i < klass->n_fields; i++)
    if (find_edit (self, klass->fields[i].name) == NULL)
      show_field (self, klass->fields[i].name);
}

static void
on_conflict_answer (gpointer   owner,
                    GPtrArray *conflicts,
                    gboolean   keep_mine)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (owner);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  /* Resolving may store, and storing may bring new conflicts: settle these by name. */
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (fields, g_strdup (((TrellisConflict *) conflicts->pdata[i])->field->name));
  for (guint i = 0; i < fields->len; i++)
    if (find_conflict (self, fields->pdata[i]) != NULL)
      trellis_autosave_resolve (self, fields->pdata[i], keep_mine);
}

/* Without a banner on the page, a dialog over the first field asks. */
static void
ask_about_conflicts (TrellisAutosave *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      if (binding->widget != NULL && gtk_widget_get_root (binding->widget) != NULL)
        {
          trellis_conflict_dialog_present (binding->widget, self->entity, self->conflicts,
                                           on_conflict_answer, self);
          return;
        }
    }
}

static void
take_conflicts (TrellisAutosave *self,
                GPtrArray       *conflicts)
{
  g_ptr_array_set_size (self->conflicts, 0);
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (self->conflicts, trellis_conflict_copy (conflicts->pdata[i]));
  /* The other fields were stored. */
  self->dirty = (self->flags & TRELLIS_AUTOSAVE_LIVE) != 0;
  drop_stored_edits (self);
  show_unedited_fields (self);
  if (g_signal_has_handler_pending (self, signals[CONFLICT], 0, TRUE))
    g_signal_emit (self, signals[CONFLICT], 0);
  else
    ask_about_conflicts (self);
}

static void
stop_waiting (TrellisAutosave *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_delay_ms = 0;
  if (self->waiting_since != 0)
    {
      self->waiting_since = 0;
      g_signal_emit (self, signals[WAITING], 0, NULL, 0u);
    }
}

static gboolean
on_retry (gpointer user_data)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (user_data);

  self->retry_id = 0;
  trellis_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

static void
wait_and_retry (TrellisAutosave *self,
                const GError    *error)
{
  gint64 now = g_get_monotonic_time ();

  if (self->waiting_since == 0)
    self->waiting_since = now;
  self->retry_delay_ms = self->retry_delay_ms == 0 ? RETRY_FIRST_MS
                                                   : MIN (self->retry_delay_ms * 2, RETRY_LONGEST_MS);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (self->retry_delay_ms, on_retry, self);
  g_signal_emit (self, signals[WAITING], 0, error,
                 (guint) ((now - self->waiting_since) / G_USEC_PER_SEC));
}

/* Callbacks */

static gboolean
on_timeout (gpointer user_data)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (user_data);

  self->timeout_id = 0;
  trellis_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Binding *binding = user_data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (object, binding->property, &value);
  take_edit (binding->self, binding->field, &value);
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
  g_clear_handle_id (&self->retry_id, g_source_remove);
  instances = g_list_remove (instances, self);

  /* The widgets may be reused for another record: leave them as they were. */
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = self->bindings->pdata[i];

      if (g_hash_table_contains (self->errors, binding->field))
        mark_binding (binding, NULL);
      if (binding->object != NULL)
        g_signal_handler_disconnect (binding->object, binding->notify_id);
      if (binding->widget != NULL && binding->focus != NULL)
        gtk_widget_remove_controller (binding->widget, binding->focus);
    }
  g_ptr_array_set_size (self->bindings, 0);
  g_ptr_array_set_size (self->edits, 0);
  g_hash_table_remove_all (self->errors);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_autosave_parent_class)->dispose (object);
}

static void
trellis_autosave_finalize (GObject *object)
{
  TrellisAutosave *self = TRELLIS_AUTOSAVE (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

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
   * @message: (nullable): why its value was not stored, %NULL when it is fine again
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

  /**
   * TrellisAutosave::failed:
   * @error: why the store refused (the disk is full, the record was deleted elsewhere)
   *
   * Without %TRELLIS_AUTOSAVE_LIVE the fields also show @error, as for a refused value.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * TrellisAutosave::conflict:
   *
   * Someone else stored other texts in fields being edited here; nothing was overwritten.
   * Handlers show trellis_autosave_get_conflicts() and call trellis_autosave_resolve(). Also
   * emitted when the last conflict is resolved, with none left.
   */
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TrellisAutosave::waiting:
   * @error: (nullable): why the edits wait (the database is busy, the disk is full), %NULL
   *   once they are stored
   * @seconds: how long they have waited
   *
   * The edits are kept in memory and tried again, less and less often, until stored.
   */
  signals[WAITING] =
    g_signal_new ("waiting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_UINT);
}

static void
trellis_autosave_init (TrellisAutosave *self)
{
  self->edits = g_ptr_array_new_with_free_func (edit_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_conflict_free);
  instances = g_list_prepend (instances, self);
}

/* Public API */

/**
 * trellis_autosave_new:
 * @store: (nullable): the store that holds @entity
 * @entity: (nullable): a stored record, edited in place
 * @flags: how edits reach @entity and how refusals are shown
 *
 * Returns: (transfer full): a new autosave for @entity
 */
TrellisAutosave *
trellis_autosave_new (TrellisStore         *store,
                      TrellisEntity        *entity,
                      TrellisAutosaveFlags  flags)
{
  TrellisAutosave *self = g_object_new (TRELLIS_TYPE_AUTOSAVE, NULL);

  self->flags = flags;
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
 * Stores what waits for the previous record, then edits @entity. The bound widgets stay bound
 * and keep what they show.
 */
void
trellis_autosave_set_record (TrellisAutosave *self,
                             TrellisStore    *store,
                             TrellisEntity   *entity)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (store == NULL || TRELLIS_IS_STORE (store));
  g_return_if_fail (entity == NULL || TRELLIS_IS_ENTITY (entity));

  trellis_autosave_flush (self);
  g_ptr_array_set_size (self->edits, 0);
  clear_errors (self);
  self->dirty = FALSE;
  self->cancelled = FALSE;
  stop_waiting (self);
  if (self->conflicts->len > 0)
    {
      g_ptr_array_set_size (self->conflicts, 0);
      g_signal_emit (self, signals[CONFLICT], 0);
    }

  g_set_object (&self->store, store);
  g_set_object (&self->entity, entity);
}

/**
 * trellis_autosave_get_entity:
 * @self: an autosave
 *
 * Returns: (transfer none) (nullable): the record: as last stored, or with
 *   %TRELLIS_AUTOSAVE_LIVE as last accepted
 */
TrellisEntity *
trellis_autosave_get_entity (TrellisAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), NULL);

  return self->entity;
}

/**
 * trellis_autosave_bind:
 * @self: an autosave
 * @widget: an editing widget: an #AdwEntryRow (“text”), a #TrellisTextRow, a #GtkSpinButton
 *   (“value”)…
 * @property: the widget property holding the value
 * @field: the record’s property it edits
 *
 * Shows the field’s value in @widget (when there is a record), then stores what the user
 * enters there, at once when focus leaves it. Refusals are shown at @widget.
 */
void
trellis_autosave_bind (TrellisAutosave *self,
                       GtkWidget       *widget,
                       const char      *property,
                       const char      *field)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), property) != NULL);

  add_binding (self, widget, G_OBJECT (widget), property, field);
}

/**
 * trellis_autosave_bind_text_view:
 * @self: an autosave
 * @text_view: a text view
 * @field: a multi-line text property of the record
 *
 * Like trellis_autosave_bind() for the text of @text_view’s buffer.
 */
void
trellis_autosave_bind_text_view (TrellisAutosave *self,
                                 GtkTextView     *text_view,
                                 const char      *field)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  add_binding (self, GTK_WIDGET (text_view), G_OBJECT (gtk_text_view_get_buffer (text_view)), "text", field);
}

/**
 * trellis_autosave_watch:
 * @self: an autosave
 * @widget: the widget that edits @field, whose values the caller hands over with
 *   trellis_autosave_set_field()
 * @field: a property name of the record
 *
 * Refusals of @field are shown at @widget, as for a bound widget.
 */
void
trellis_autosave_watch (TrellisAutosave *self,
                        GtkWidget       *widget,
                        const char      *field)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  add_binding (self, widget, NULL, NULL, field);
}

/**
 * trellis_autosave_set_field:
 * @self: an autosave
 * @field: a property name of the record, e.g. `given-name`
 * @value: (nullable): the new value in the text form of trellis_entity_set_field_string()
 *
 * Remembers an edit and stores it after the typing pause (or at once with
 * trellis_autosave_flush(), e.g. for a choice).
 */
void
trellis_autosave_set_field (TrellisAutosave *self,
                            const char      *field,
                            const char      *value)
{
  g_auto(GValue) text = G_VALUE_INIT;

  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, value);
  take_edit (self, field, &text);
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

  return self->edits->len > 0 || self->dirty;
}

/**
 * trellis_autosave_flush:
 * @self: an autosave
 *
 * Stores the waiting edits now, in one transaction. Refused values stay pending and are
 * shown at their widgets; a failure of the store is reported with #TrellisAutosave::failed.
 *
 * Returns: %TRUE when nothing is left pending
 */
gboolean
trellis_autosave_flush (TrellisAutosave *self)
{
  g_autoptr(TrellisEntity) stored = NULL;
  g_autoptr(GPtrArray) accepted = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->entity == NULL || self->store == NULL || (self->edits->len == 0 && !self->dirty))
    return TRUE;

  /* Unless live, the record holds what is stored: what the store refuses goes back out. */
  if ((self->flags & TRELLIS_AUTOSAVE_LIVE) == 0)
    stored = trellis_entity_copy (self->entity);
  accepted = check_edits (self);
  if (!self->dirty)
    return FALSE;
  /* A field in conflict waits for the person's choice: its edit is not stored meanwhile. */
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      TrellisConflict *conflict = self->conflicts->pdata[i];

      trellis_entity_set_field_string (self->entity, conflict->field, conflict->theirs, NULL);
    }

  if (!trellis_store_save_edits (self->store, self->entity, &conflicts, &error))
    {
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT))
        {
          take_conflicts (self, conflicts);
          return FALSE;
        }
      if (stored != NULL)
        for (guint i = 0; i < accepted->len; i++)
          copy_field (stored, self->entity, accepted->pdata[i]);
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY) ||
          g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE))
        {
          /* Kept in memory, tried again: a busy database or a full disk loses nothing. */
          self->dirty = stored == NULL;
          wait_and_retry (self, error);
          return FALSE;
        }
      if (stored != NULL)
        {
          for (guint i = 0; i < accepted->len; i++)
            set_error (self, accepted->pdata[i], error->message);
          self->dirty = FALSE;
        }
      g_signal_emit (self, signals[FAILED], 0, error);
      return FALSE;
    }

  self->dirty = FALSE;
  drop_stored_edits (self);
  stop_waiting (self);
  g_signal_emit (self, signals[SAVED], 0);
  return self->edits->len == 0;
}

/**
 * trellis_autosave_cancel:
 * @self: an autosave
 *
 * Drops the waiting edits and stores nothing more until the next trellis_autosave_set_record(),
 * e.g. because the record is being deleted.
 */
void
trellis_autosave_cancel (TrellisAutosave *self)
{
  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_ptr_array_set_size (self->edits, 0);
  self->dirty = FALSE;
  self->cancelled = TRUE;
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

/**
 * trellis_autosave_get_conflicts:
 * @self: an autosave
 *
 * Returns: (transfer none) (element-type TrellisConflict): the fields someone else changed
 *   while they were edited here, waiting for trellis_autosave_resolve()
 */
GPtrArray *
trellis_autosave_get_conflicts (TrellisAutosave *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), NULL);

  return self->conflicts;
}

/**
 * trellis_autosave_resolve:
 * @self: an autosave
 * @field: a field in conflict
 * @keep_mine: %TRUE to store the text written here over theirs, %FALSE to take theirs
 *
 * Settles one conflict: stores this editor’s text now, or shows theirs in the field and
 * forgets the edit.
 */
void
trellis_autosave_resolve (TrellisAutosave *self,
                          const char      *field,
                          gboolean         keep_mine)
{
  TrellisConflict *conflict;
  guint index;

  g_return_if_fail (TRELLIS_IS_AUTOSAVE (self));

  conflict = find_conflict (self, field);
  g_return_if_fail (conflict != NULL);

  if (!keep_mine)
    {
      Edit *edit = find_edit (self, field);

      trellis_entity_set_field_string (self->entity, conflict->field, conflict->theirs, NULL);
      if (edit != NULL)
        g_ptr_array_remove (self->edits, edit);
      set_error (self, field, NULL);
    }
  g_ptr_array_find (self->conflicts, conflict, &index);
  g_ptr_array_remove_index (self->conflicts, index);
  if (!keep_mine)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        {
          Binding *binding = self->bindings->pdata[i];

          if (binding->object != NULL && g_strcmp0 (binding->field, field) == 0)
            show_value (self, binding);
        }
    }
  else
    trellis_autosave_flush (self);
  g_signal_emit (self, signals[CONFLICT], 0);
}

/**
 * trellis_autosave_refresh:
 * @self: an autosave
 *
 * Another program changed the file: what it stored in this record reaches the widgets, except
 * in fields edited here (those are merged, or become conflicts, when stored) and in the
 * widget being typed in.
 *
 * Returns: %FALSE when the record no longer exists
 */
gboolean
trellis_autosave_refresh (TrellisAutosave *self)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new ();
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRELLIS_IS_AUTOSAVE (self), FALSE);

  if (self->entity == NULL || self->store == NULL)
    return TRUE;
  for (guint i = 0; i < self->edits->len; i++)
    g_ptr_array_add (held, (gpointer) ((Edit *) self->edits->pdata[i])->field);
  g_ptr_array_add (held, NULL);
  if (!trellis_store_refresh (self->store, self->entity, (const char * const *) held->pdata,
                              &updated, &error))
    return !g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  for (guint i = 0; i < updated->len; i++)
    show_field (self, ((const TrellisField *) updated->pdata[i])->name);
  return TRUE;
}
