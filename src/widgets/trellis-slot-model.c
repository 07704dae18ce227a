/* trellis-slot-model.c — another list model’s items, seen through positions that stay put
 *
 * Its items are TrellisListSlot objects, one per position of the wrapped model. When the
 * wrapped model changes, the slots that exist are told that their item may have changed
 * and only the count changes at the end of the list. A GtkListView on it keeps its row
 * widgets and re-binds the few hundred it holds, where GTK 4.8 would otherwise destroy
 * them and make new ones for every item a search filters in or out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-slot-model"

#include "trellis-slot-model.h"

struct _TrellisSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;   /* TrellisListSlot or NULL, one per position of @model */
};

static void trellis_slot_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisSlotModel, trellis_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, trellis_slot_model_list_model_init))

/* Helpers */

static void
detach_slot (gpointer data)
{
  if (data != NULL)
    {
      trellis_list_slot_detach (data);
      g_object_unref (data);
    }
}

/* Callbacks */

static void
on_model_items_changed (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        TrellisSlotModel *self)
{
  guint before = self->slots->len;
  guint after = g_list_model_get_n_items (model);

  for (guint i = position; i < MIN (before, after); i++)
    if (g_ptr_array_index (self->slots, i) != NULL)
      trellis_list_slot_changed (g_ptr_array_index (self->slots, i));

  g_ptr_array_set_size (self->slots, after);
  if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
  else if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
}

/* GListModel */

static GType
trellis_slot_model_get_item_type (GListModel *model)
{
  return TRELLIS_TYPE_LIST_SLOT;
}

static guint
trellis_slot_model_get_n_items (GListModel *model)
{
  return TRELLIS_SLOT_MODEL (model)->slots->len;
}

static gpointer
trellis_slot_model_get_item (GListModel *model,
                             guint       position)
{
  TrellisSlotModel *self = TRELLIS_SLOT_MODEL (model);

  if (position >= self->slots->len)
    return NULL;
  if (g_ptr_array_index (self->slots, position) == NULL)
    g_ptr_array_index (self->slots, position) = trellis_list_slot_new (self->model, position);
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
trellis_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = trellis_slot_model_get_item_type;
  iface->get_n_items = trellis_slot_model_get_n_items;
  iface->get_item = trellis_slot_model_get_item;
}

/* Overrides */

static void
trellis_slot_model_dispose (GObject *object)
{
  TrellisSlotModel *self = TRELLIS_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (trellis_slot_model_parent_class)->dispose (object);
}

static void
trellis_slot_model_class_init (TrellisSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_slot_model_dispose;
}

static void
trellis_slot_model_init (TrellisSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (detach_slot);
}

/* Public API */

/**
 * trellis_slot_model_new:
 * @model: the model to show through slots
 *
 * Returns: (transfer full): a model of #TrellisListSlot, as many as @model has items
 */
TrellisSlotModel *
trellis_slot_model_new (GListModel *model)
{
  TrellisSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (TRELLIS_TYPE_SLOT_MODEL, NULL);
  self->model = g_object_ref (model);
  g_ptr_array_set_size (self->slots, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_model_items_changed), self);
  return self;
}
