/* trellis-list-slot.c — one position of a TrellisSlotModel: whatever item is there now
 *
 * The item is looked up when asked for, so that a search that changes every position only
 * costs a look-up for the few hundred slots the list view shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-list-slot"

#include "trellis-list-slot.h"

struct _TrellisListSlot
{
  GObject     parent_instance;

  GListModel *model;      /* unowned: the slot model drops its slots before the model */
  guint       position;
  GObject    *item;       /* the item at @position, NULL until asked for */
};

G_DEFINE_FINAL_TYPE (TrellisListSlot, trellis_list_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
trellis_list_slot_dispose (GObject *object)
{
  TrellisListSlot *self = TRELLIS_LIST_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (trellis_list_slot_parent_class)->dispose (object);
}

static void
trellis_list_slot_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisListSlot *self = TRELLIS_LIST_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, trellis_list_slot_get_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_list_slot_class_init (TrellisListSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_list_slot_dispose;
  object_class->get_property = trellis_list_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_list_slot_init (TrellisListSlot *self)
{
}

/* Public API */

/**
 * trellis_list_slot_new:
 * @model: the model whose items the slot shows (not referenced)
 * @position: the slot’s position in @model
 *
 * Returns: (transfer full): a slot
 */
TrellisListSlot *
trellis_list_slot_new (GListModel *model,
                       guint       position)
{
  TrellisListSlot *self = g_object_new (TRELLIS_TYPE_LIST_SLOT, NULL);

  self->model = model;
  self->position = position;
  return self;
}

/**
 * trellis_list_slot_get_item:
 * @self: a slot
 *
 * Returns: (transfer none) (nullable): the item now at the slot’s position, %NULL once the
 *   slot is no longer part of its model
 */
gpointer
trellis_list_slot_get_item (TrellisListSlot *self)
{
  g_return_val_if_fail (TRELLIS_IS_LIST_SLOT (self), NULL);

  if (self->item == NULL && self->model != NULL)
    self->item = g_list_model_get_item (self->model, self->position);
  return self->item;
}

/**
 * trellis_list_slot_changed:
 * @self: a slot
 *
 * Another item may be at the slot’s position now: the next trellis_list_slot_get_item()
 * looks it up, and #TrellisListSlot:item is notified if anyone had asked for the old one.
 */
void
trellis_list_slot_changed (TrellisListSlot *self)
{
  g_return_if_fail (TRELLIS_IS_LIST_SLOT (self));

  if (self->item == NULL)
    return;
  g_clear_object (&self->item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * trellis_list_slot_detach:
 * @self: a slot
 *
 * The slot’s position no longer exists: it shows nothing from now on.
 */
void
trellis_list_slot_detach (TrellisListSlot *self)
{
  g_return_if_fail (TRELLIS_IS_LIST_SLOT (self));

  self->model = NULL;
  g_clear_object (&self->item);
}
