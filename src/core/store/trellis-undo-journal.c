/* trellis-undo-journal.c — what Ctrl+Z takes back, newest first: stored edits and deletions
 *
 * Each store keeps one journal for the person at that window: every field they store through
 * trellis_store_save_edits() and every deletion handed over with
 * trellis_undo_journal_push_deletion(). Undoing an edit stores the old text again, as a new
 * signed change, and only while the field still holds what was stored then: a field someone
 * changed since is theirs and stays. Undoing a deletion restores its snapshot (and takes it
 * out of the Trash). Either way the open views are told as if another program had changed
 * the record, so that they show it without disturbing a field being typed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-undo-journal"

#include <glib/gi18n-lib.h>

#include "trellis-entity.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-undo-journal.h"

typedef struct
{
  guint            id;
  TrellisSnapshot *snapshot;   /* a deletion, or NULL for an edit */
  char            *name;       /* the record, as the person knows it */
  GType            type;       /* an edit: the record … */
  gint64           record_id;
  const char      *field;      /* … its field (interned) … */
  char            *old_value;  /* … and its text forms before and after */
  char            *new_value;
} Step;

struct _TrellisUndoJournal
{
  GObject  parent_instance;

  GQueue   steps;   /* Step, newest at the head */
  guint    last_id;
};

G_DEFINE_FINAL_TYPE (TrellisUndoJournal, trellis_undo_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STEP_GONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->snapshot, trellis_snapshot_free);
  g_free (step->name);
  g_free (step->old_value);
  g_free (step->new_value);
  g_free (step);
}

static void drop_step (TrellisUndoJournal *self,
                       GList              *link);

static guint
push (TrellisUndoJournal *self,
      Step               *step)
{
  gboolean could_undo = !g_queue_is_empty (&self->steps);

  step->id = ++self->last_id;
  g_queue_push_head (&self->steps, step);
  while (g_queue_get_length (&self->steps) > TRELLIS_UNDO_JOURNAL_LENGTH)
    drop_step (self, self->steps.tail);
  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return step->id;
}

static GList *
find_step (TrellisUndoJournal *self,
           guint               id)
{
  if (id == 0)
    return self->steps.head;
  for (GList *l = self->steps.head; l != NULL; l = l->next)
    if (((Step *) l->data)->id == id)
      return l;
  return NULL;
}

static void
drop_step (TrellisUndoJournal *self,
           GList              *link)
{
  guint id = ((Step *) link->data)->id;

  step_free (link->data);
  g_queue_delete_link (&self->steps, link);
  g_signal_emit (self, signals[STEP_GONE], 0, id);
  if (g_queue_is_empty (&self->steps))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* Stores the old text again if the field still holds what this step stored. */
static gboolean
undo_edit (Step          *step,
           TrellisStore  *store,
           char         **message,
           GError       **error)
{
  g_autoptr(TrellisEntity) entity = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *current = NULL;
  const TrellisField *field;

  entity = trellis_store_load (store, step->type, step->record_id, &load_error);
  if (entity == NULL)
    {
      if (g_error_matches (load_error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                     _("“%s” was deleted since; there is no change of it to undo."), step->name);
      else
        g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }
  field = trellis_entity_find_field (entity, step->field);
  current = trellis_entity_dup_field_string (entity, field);
  if (g_strcmp0 (current, step->new_value) != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                   _("“%s” of “%s” was changed again since (by %s); Undo leaves it as it is."),
                   _(field->label), step->name, trellis_entity_get_updated_by (entity));
      return FALSE;
    }
  if (!trellis_entity_set_field_string (entity, field, step->old_value, error) ||
      !trellis_store_save (store, entity, error))
    return FALSE;
  trellis_store_notify_external_change (store);
  *message = g_strdup_printf (_("“%s” of “%s” is back to what it was."), _(field->label), step->name);
  return TRUE;
}

static gboolean
undo_deletion (Step          *step,
               TrellisStore  *store,
               char         **message,
               GError       **error)
{
  if (!trellis_store_restore (store, step->snapshot, error))
    return FALSE;
  trellis_store_notify_external_change (store);
  *message = g_strdup_printf (_("“%s” is back."), step->name);
  return TRUE;
}

/* Overrides */

static void
trellis_undo_journal_finalize (GObject *object)
{
  TrellisUndoJournal *self = TRELLIS_UNDO_JOURNAL (object);

  g_queue_clear_full (&self->steps, step_free);

  G_OBJECT_CLASS (trellis_undo_journal_parent_class)->finalize (object);
}

static void
trellis_undo_journal_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisUndoJournal *self = TRELLIS_UNDO_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, trellis_undo_journal_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_undo_journal_class_init (TrellisUndoJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_undo_journal_finalize;
  object_class->get_property = trellis_undo_journal_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisUndoJournal::step-gone:
   * @step: the id of a step that was undone, or dropped (too old, or no longer possible)
   *
   * An Undo button for @step has nothing left to do.
   */
  signals[STEP_GONE] =
    g_signal_new ("step-gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
trellis_undo_journal_init (TrellisUndoJournal *self)
{
  g_queue_init (&self->steps);
}

/* Public API */

/**
 * trellis_undo_journal_new:
 *
 * Returns: (transfer full): an empty journal
 */
TrellisUndoJournal *
trellis_undo_journal_new (void)
{
  return g_object_new (TRELLIS_TYPE_UNDO_JOURNAL, NULL);
}

/**
 * trellis_undo_journal_push_deletion:
 * @self: a journal
 * @snapshot: (transfer full): what trellis_store_delete() took
 *
 * Returns: the step’s id, for an Undo button that takes back this deletion and no other
 */
guint
trellis_undo_journal_push_deletion (TrellisUndoJournal *self,
                                    TrellisSnapshot    *snapshot)
{
  Step *step;

  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), 0);
  g_return_val_if_fail (snapshot != NULL, 0);

  step = g_new0 (Step, 1);
  step->snapshot = snapshot;
  step->name = g_strdup (snapshot->label);
  return push (self, step);
}

/**
 * trellis_undo_journal_push_edit:
 * @self: a journal
 * @type: the record’s #TrellisEntity type
 * @id: its row id
 * @name: the record as the person knows it
 * @field: the property name of the field stored
 * @old_value: (nullable): its text form before
 * @new_value: (nullable): its text form stored
 *
 * Records one stored field. A second store of the same field of the same record, right after
 * the first, joins it: one Undo takes the field back to before the first.
 *
 * Returns: the step’s id
 */
guint
trellis_undo_journal_push_edit (TrellisUndoJournal *self,
                                GType               type,
                                gint64              id,
                                const char         *name,
                                const char         *field,
                                const char         *old_value,
                                const char         *new_value)
{
  Step *newest;
  Step *step;

  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), 0);
  g_return_val_if_fail (g_type_is_a (type, TRELLIS_TYPE_ENTITY), 0);
  g_return_val_if_fail (field != NULL, 0);

  newest = g_queue_peek_head (&self->steps);
  if (newest != NULL && newest->snapshot == NULL && newest->type == type &&
      newest->record_id == id && newest->field == g_intern_string (field))
    {
      g_free (newest->new_value);
      newest->new_value = g_strdup (new_value);
      return newest->id;
    }

  step = g_new0 (Step, 1);
  step->type = type;
  step->record_id = id;
  step->name = g_strdup (name);
  step->field = g_intern_string (field);
  step->old_value = g_strdup (old_value);
  step->new_value = g_strdup (new_value);
  return push (self, step);
}

/**
 * trellis_undo_journal_get_can_undo:
 * @self: a journal
 *
 * Returns: whether a step waits to be undone
 */
gboolean
trellis_undo_journal_get_can_undo (TrellisUndoJournal *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), FALSE);

  return !g_queue_is_empty (&self->steps);
}

/**
 * trellis_undo_journal_get_last:
 * @self: a journal
 *
 * Returns: the id of the newest step, 0 when there is none
 */
guint
trellis_undo_journal_get_last (TrellisUndoJournal *self)
{
  Step *newest;

  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), 0);

  newest = g_queue_peek_head (&self->steps);
  return newest != NULL ? newest->id : 0;
}

/**
 * trellis_undo_journal_get_last_deletion:
 * @self: a journal
 *
 * Returns: the id of the newest deletion still to be undone, 0 when there is none; ids grow,
 *   so a caller can tell whether a deletion came after some moment
 */
guint
trellis_undo_journal_get_last_deletion (TrellisUndoJournal *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), 0);

  for (GList *l = self->steps.head; l != NULL; l = l->next)
    if (((Step *) l->data)->snapshot != NULL)
      return ((Step *) l->data)->id;
  return 0;
}

/**
 * trellis_undo_journal_undo:
 * @self: a journal
 * @store: the store its steps were made in
 * @step: a step’s id, or 0 for the newest
 * @message: (out) (transfer full): on success, what came back, as a sentence
 * @error: return location for a #GError
 *
 * Takes back one step. A step that can no longer be undone (its record was deleted, or its
 * field changed again since) is dropped with @error saying why; one that failed for a passing
 * reason (a busy database, a full disk) stays for another try.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure
 */
gboolean
trellis_undo_journal_undo (TrellisUndoJournal  *self,
                           TrellisStore        *store,
                           guint                step,
                           char               **message,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GList *link;
  Step *found;
  gboolean ok;

  g_return_val_if_fail (TRELLIS_IS_UNDO_JOURNAL (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (message != NULL && *message == NULL, FALSE);

  link = find_step (self, step);
  if (link == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                           _("There is nothing to undo."));
      return FALSE;
    }
  found = link->data;
  ok = found->snapshot != NULL ? undo_deletion (found, store, message, &local_error)
                               : undo_edit (found, store, message, &local_error);
  if (ok || !(g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_BUSY) ||
              g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_NO_SPACE)))
    drop_step (self, link);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_undo_journal_clear:
 * @self: a journal
 *
 * Forgets every step, e.g. after a restore replaced the database.
 */
void
trellis_undo_journal_clear (TrellisUndoJournal *self)
{
  g_return_if_fail (TRELLIS_IS_UNDO_JOURNAL (self));

  if (g_queue_is_empty (&self->steps))
    return;
  g_queue_clear_full (&self->steps, step_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}
