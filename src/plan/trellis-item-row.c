/* trellis-item-row.c — an expandable row that edits one competency or one proficiency level
 *
 * Competencies and levels are edited alike (title, description, order, delete); a competency
 * adds its code, a level its numeric value and colour. The row edits through a
 * #TrellisAutosave and leaves moving and deleting — which change its list — to its owner,
 * through the #TrellisItemRow::move and #TrellisItemRow::delete signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-item-row"

#include <glib/gi18n.h>

#include "trellis-color-row.h"
#include "trellis-competency.h"
#include "trellis-item-row.h"
#include "trellis-level.h"
#include "trellis-text-row.h"
#include "trellis-widget-utils.h"

struct _TrellisItemRow
{
  AdwExpanderRow    parent_instance;

  TrellisStore     *store;
  TrellisEntity    *entity;
  TrellisAutosave  *autosave;

  AdwEntryRow      *code_row;
  AdwEntryRow      *title_row;
  TrellisTextRow   *description_row;
  AdwActionRow     *value_row;
  GtkSpinButton    *value_spin;
  TrellisColorRow  *color_row;
  GtkButton        *delete_button;
  GtkButton        *move_up_button;
  GtkButton        *move_down_button;
};

G_DEFINE_FINAL_TYPE (TrellisItemRow, trellis_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_level_subtitle (TrellisItemRow *self)
{
  g_autofree char *subtitle = NULL;
  int value = trellis_entity_get_int (self->entity, "value");

  if (trellis_entity_get_boolean (self->entity, "is-proficient"))
    subtitle = g_strdup_printf (_("Value %d · counts as proficient"), value);
  else
    subtitle = g_strdup_printf (_("Value %d"), value);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/* Names the row’s buttons after the record, so that a screen reader says which one they act on. */
static void
update_button_labels (TrellisItemRow *self)
{
  const char *title = trellis_entity_get_text (self->entity, "title");
  g_autofree char *up = g_strdup_printf (_("Move “%s” up"), title);
  g_autofree char *down = g_strdup_printf (_("Move “%s” down"), title);
  g_autofree char *delete = g_strdup_printf (_("Delete “%s”"), title);

  trellis_accessible_set_label (GTK_WIDGET (self->move_up_button), up);
  trellis_accessible_set_label (GTK_WIDGET (self->move_down_button), down);
  trellis_accessible_set_label (GTK_WIDGET (self->delete_button), delete);
  /* libadwaita 1.2 leaves the expander row itself nameless. */
  trellis_accessible_set_label (GTK_WIDGET (self), title);
}

/* Callbacks */

static void
on_entity_notify (TrellisItemRow *self)
{
  if (TRELLIS_IS_LEVEL (self->entity))
    update_level_subtitle (self);
  update_button_labels (self);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[DELETE], 0);
}

/* Overrides */

static void
trellis_item_row_dispose (GObject *object)
{
  TrellisItemRow *self = TRELLIS_ITEM_ROW (object);

  /* Saves what was typed in the last second before the row goes away. */
  g_clear_object (&self->autosave);
  if (self->entity != NULL)
    g_signal_handlers_disconnect_by_data (self->entity, self);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_ITEM_ROW);

  G_OBJECT_CLASS (trellis_item_row_parent_class)->dispose (object);
}

static void
trellis_item_row_class_init (TrellisItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_item_row_dispose;

  /**
   * TrellisItemRow::move:
   * @delta: -1 to move the record up, 1 down
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * TrellisItemRow::delete:
   *
   * The user asked to delete the record.
   */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, code_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, value_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, value_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, color_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisItemRow, move_down_button);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "item.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "item.move-down", NULL);

  g_type_ensure (TRELLIS_TYPE_COLOR_ROW);
  g_type_ensure (TRELLIS_TYPE_TEXT_ROW);
}

static void
trellis_item_row_init (TrellisItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_item_row_new:
 * @store: the store to save to
 * @entity: a stored #TrellisCompetency or #TrellisLevel, edited in place
 *
 * Returns: (transfer floating): a new row
 */
TrellisItemRow *
trellis_item_row_new (TrellisStore  *store,
                      TrellisEntity *entity)
{
  TrellisItemRow *self;
  gboolean is_level;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_COMPETENCY (entity) || TRELLIS_IS_LEVEL (entity), NULL);

  is_level = TRELLIS_IS_LEVEL (entity);
  self = g_object_new (TRELLIS_TYPE_ITEM_ROW, NULL);
  self->store = g_object_ref (store);
  self->entity = g_object_ref (entity);
  self->autosave = trellis_autosave_new (store, entity, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);

  g_object_set_data (G_OBJECT (self), "trellis-entity", entity);
  g_object_bind_property (entity, "title", self, "title", G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), !is_level);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), is_level);
  gtk_widget_set_visible (GTK_WIDGET (self->color_row), is_level);

  if (is_level)
    {
      trellis_autosave_bind (self->autosave, GTK_WIDGET (self->value_spin), "value", "value");
      trellis_autosave_bind (self->autosave, GTK_WIDGET (self->color_row), "color", "color");
      gtk_button_set_label (self->delete_button, _("Delete Level"));
    }
  else
    {
      g_object_bind_property (entity, "code", self, "subtitle", G_BINDING_SYNC_CREATE);
      trellis_autosave_bind (self->autosave, GTK_WIDGET (self->code_row), "text", "code");
      gtk_button_set_label (self->delete_button, _("Delete Competency"));
    }
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->title_row), "text", "title");
  trellis_autosave_bind (self->autosave, GTK_WIDGET (self->description_row), "text", "description");

  g_signal_connect_swapped (entity, "notify", G_CALLBACK (on_entity_notify), self);
  on_entity_notify (self);
  return self;
}

/**
 * trellis_item_row_get_entity:
 * @self: a row
 *
 * Returns: (transfer none): the competency or level the row edits
 */
TrellisEntity *
trellis_item_row_get_entity (TrellisItemRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_ITEM_ROW (self), NULL);
  return self->entity;
}

/**
 * trellis_item_row_get_autosave:
 * @self: a row
 *
 * Returns: (transfer none): the row’s autosave
 */
TrellisAutosave *
trellis_item_row_get_autosave (TrellisItemRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_ITEM_ROW (self), NULL);
  return self->autosave;
}

/**
 * trellis_item_row_focus_title:
 * @self: a row
 *
 * Expands the row and puts the cursor in its title, e.g. right after it was added.
 */
void
trellis_item_row_focus_title (TrellisItemRow *self)
{
  g_return_if_fail (TRELLIS_IS_ITEM_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
