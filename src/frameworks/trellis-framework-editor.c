/* trellis-framework-editor.c — the window that edits one framework’s attributes, competencies and scale
 *
 * Three pages: the attributes (a sidebar of attributes; the selected one’s fields and its
 * competencies beside it), the proficiency scale (its levels and which of them counts as
 * proficient) and the framework’s details. Every field saves itself a second after the last
 * keystroke (#TrellisAutosave); adding, moving and deleting are saved at once, each as one
 * transaction, and a deletion can be undone from its toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-framework-editor"

#include <glib/gi18n.h>

#include "trellis-attribute.h"
#include "trellis-autosave.h"
#include "trellis-color-row.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-framework-editing.h"
#include "trellis-framework-editor.h"
#include "trellis-undo-toast.h"
#include "trellis-item-row.h"
#include "trellis-level.h"
#include "trellis-text-row.h"

#define ENTITY_KEY "trellis-entity"

struct _TrellisFrameworkEditor
{
  AdwWindow            parent_instance;

  TrellisStore        *store;
  TrellisFramework    *framework;
  TrellisAutosave     *framework_autosave;
  TrellisAutosave     *attribute_autosave;
  TrellisEntity       *attribute;          /* the selected attribute, or NULL */
  GListStore          *levels;             /* the levels in scale order: the threshold’s choices */
  gint64               threshold_id;
  gboolean             updating_threshold;
  TrellisSnapshot     *undo_snapshot;
  gint64               undo_attribute_id;  /* the attribute to show after Undo */

  AdwToastOverlay     *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *stack;
  GtkListBox          *attribute_list;
  GtkStack            *attribute_stack;
  AdwEntryRow         *attribute_title_row;
  TrellisTextRow      *attribute_description_row;
  TrellisColorRow     *attribute_color_row;
  GtkListBox          *competency_list;
  GtkListBox          *level_list;
  AdwComboRow         *threshold_row;
  AdwEntryRow         *framework_title_row;
  TrellisTextRow      *framework_description_row;
  AdwActionRow        *usage_row;
};

G_DEFINE_FINAL_TYPE (TrellisFrameworkEditor, trellis_framework_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FRAMEWORK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The colours new attributes take in turn; the same accessible palette as TrellisColorRow. */
static const char * const new_attribute_colors[] = {
  "#1c71d8", "#26802e", "#c64600", "#813d9c", "#1b7a85", "#c01c28", "#946200", "#865e3c",
};

static void sync_level_choices    (TrellisFrameworkEditor *self);
static void rebuild_competencies  (TrellisFrameworkEditor *self);
static void on_autosave_failed    (TrellisAutosave        *autosave,
                                   GError                 *error,
                                   TrellisFrameworkEditor *self);

/* Helpers */

static void
add_toast (TrellisFrameworkEditor *self,
           const char             *text,
           gboolean                can_undo)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (can_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "editor.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  else
    adw_toast_set_timeout (toast, 0);   /* errors stay until read */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report_error (TrellisFrameworkEditor *self,
              const GError           *error)
{
  add_toast (self, error->message, FALSE);
}

static TrellisEntity *
row_entity (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), ENTITY_KEY) : NULL;
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          gint64      id)
{
  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
       row != NULL;
       row = gtk_list_box_get_row_at_index (list, gtk_list_box_row_get_index (row) + 1))
    if (trellis_entity_get_id (row_entity (row)) == id)
      return row;
  return NULL;
}

/* Numbers the records in memory in the rows’ new order, as trellis_framework_move() numbered
 * them on disk (otherwise a later autosave of a sibling would write its old position back),
 * and lets the list sort itself; rows are never removed, so they keep their state and focus. */
static void
reorder (GtkListBox    *list,
         GtkListBoxRow *moved,
         int            to)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (row != moved)
      g_ptr_array_add (order, row);
  g_ptr_array_insert (order, MIN (to, (int) order->len), moved);
  for (guint i = 0; i < order->len; i++)
    g_object_set (row_entity (order->pdata[i]), "position", (int) i, NULL);
  gtk_list_box_invalidate_sort (list);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static int
compare_positions (GtkListBoxRow *a,
                   GtkListBoxRow *b,
                   gpointer       user_data)
{
  int pa = trellis_entity_get_int (row_entity (a), "position");
  int pb = trellis_entity_get_int (row_entity (b), "position");

  return pa < pb ? -1 : pa > pb;
}

static void
draw_attribute_swatch (GtkDrawingArea *area,
                       cairo_t        *cr,
                       int             width,
                       int             height,
                       gpointer        user_data)
{
  const char *color = trellis_entity_get_text (TRELLIS_ENTITY (user_data), "color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
make_attribute_row (TrellisEntity *attribute)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (swatch, 14, 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_attribute_swatch,
                                  g_object_ref (attribute), g_object_unref);
  g_signal_connect_object (attribute, "notify::color", G_CALLBACK (gtk_widget_queue_draw),
                           swatch, G_CONNECT_SWAPPED);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_bind_property (attribute, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The row says the attribute’s title, also after it is renamed. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_object_set_data_full (G_OBJECT (row), ENTITY_KEY, g_object_ref (attribute), g_object_unref);
  return row;
}

static void
show_attribute (TrellisFrameworkEditor *self,
                TrellisEntity          *attribute)
{
  /* Disposing the autosave saves what is pending and frees the widgets for the next record. */
  g_clear_object (&self->attribute_autosave);
  g_set_object (&self->attribute, attribute);

  gtk_stack_set_visible_child_name (self->attribute_stack, attribute ? "attribute" : "empty");
  if (attribute == NULL)
    {
      remove_all_rows (self->competency_list);
      return;
    }

  self->attribute_autosave = trellis_autosave_new (self->store, attribute, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);
  g_signal_connect_object (self->attribute_autosave, "failed", G_CALLBACK (on_autosave_failed), self, 0);
  trellis_autosave_bind (self->attribute_autosave, GTK_WIDGET (self->attribute_title_row), "text", "title");
  trellis_autosave_bind (self->attribute_autosave, GTK_WIDGET (self->attribute_description_row), "text", "description");
  trellis_autosave_bind (self->attribute_autosave, GTK_WIDGET (self->attribute_color_row), "color", "color");
  rebuild_competencies (self);
}

static void
rebuild_attributes (TrellisFrameworkEditor *self,
                    gint64                  select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attributes = NULL;
  GtkListBoxRow *selected;

  attributes = trellis_store_list (self->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id",
                                   trellis_entity_get_id (TRELLIS_ENTITY (self->framework)), &error);
  if (attributes == NULL)
    {
      report_error (self, error);
      return;
    }
  show_attribute (self, NULL);
  remove_all_rows (self->attribute_list);
  for (guint i = 0; i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(TrellisEntity) attribute = g_list_model_get_item (attributes, i);
      gtk_list_box_append (self->attribute_list, make_attribute_row (attribute));
    }

  selected = find_row (self->attribute_list, select_id);
  if (selected == NULL)
    selected = gtk_list_box_get_row_at_index (self->attribute_list, 0);
  gtk_list_box_select_row (self->attribute_list, selected);
}

static TrellisItemRow *
add_item_row (TrellisFrameworkEditor *self,
              GtkListBox             *list,
              TrellisEntity          *entity);

static void
fill_item_list (TrellisFrameworkEditor *self,
                GtkListBox             *list,
                GType                   type,
                const char             *parent_field,
                gint64                  parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = trellis_store_list (self->store, type, parent_field, parent_id, &error);

  remove_all_rows (list);
  if (items == NULL)
    {
      report_error (self, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TrellisEntity) item = g_list_model_get_item (items, i);
      add_item_row (self, list, item);
    }
}

static void
rebuild_competencies (TrellisFrameworkEditor *self)
{
  g_return_if_fail (self->attribute != NULL);
  fill_item_list (self, self->competency_list, TRELLIS_TYPE_COMPETENCY, "attribute-id",
                  trellis_entity_get_id (self->attribute));
}

/* Shows the threshold and keeps the levels’ flags in memory as the store has them. */
static void
sync_threshold (TrellisFrameworkEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->levels));
  guint selected = GTK_INVALID_LIST_POSITION;
  int threshold = G_MAXINT;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisEntity) level = g_list_model_get_item (G_LIST_MODEL (self->levels), i);
      if (trellis_entity_get_id (level) == self->threshold_id)
        {
          selected = i;
          threshold = trellis_entity_get_int (level, "value");
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisEntity) level = g_list_model_get_item (G_LIST_MODEL (self->levels), i);
      g_object_set (level, "is-proficient", trellis_entity_get_int (level, "value") >= threshold, NULL);
    }
  self->updating_threshold = TRUE;
  adw_combo_row_set_selected (self->threshold_row, selected);
  self->updating_threshold = FALSE;
}

static void
apply_threshold (TrellisFrameworkEditor *self,
                 gint64                  level_id)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_framework_set_proficient_level (self->store,
                                               trellis_entity_get_id (TRELLIS_ENTITY (self->framework)),
                                               level_id, &error))
    report_error (self, error);
  else
    self->threshold_id = level_id;
  sync_threshold (self);
}

/* The threshold’s choices follow the level rows, in their order. */
static void
sync_level_choices (TrellisFrameworkEditor *self)
{
  gint64 framework_id = trellis_entity_get_id (TRELLIS_ENTITY (self->framework));

  /* The combo row selects whatever it likes while its model changes: not a user’s choice. */
  self->updating_threshold = TRUE;
  g_list_store_remove_all (self->levels);
  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->level_list, 0);
       row != NULL;
       row = gtk_list_box_get_row_at_index (self->level_list, gtk_list_box_row_get_index (row) + 1))
    g_list_store_append (self->levels, row_entity (row));
  self->updating_threshold = FALSE;
  self->threshold_id = trellis_framework_get_proficient_level (self->store, framework_id);
  sync_threshold (self);
}

static void
rebuild_levels (TrellisFrameworkEditor *self)
{
  fill_item_list (self, self->level_list, TRELLIS_TYPE_LEVEL, "framework-id",
                  trellis_entity_get_id (TRELLIS_ENTITY (self->framework)));
  sync_level_choices (self);
}

static void
update_usage (TrellisFrameworkEditor *self)
{
  gint64 n = trellis_framework_count_plans (self->store,
                                            trellis_entity_get_id (TRELLIS_ENTITY (self->framework)));
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No plan uses this framework yet: it can be deleted."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u plan uses this framework. Changes show in it at once.",
                                         "%u plans use this framework. Changes show in them at once.",
                                         n), (guint) n);
  adw_action_row_set_subtitle (self->usage_row, text);
}

static void
move_entity (TrellisFrameworkEditor *self,
             GtkListBox             *list,
             TrellisEntity          *entity,
             int                     delta)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row = find_row (list, trellis_entity_get_id (entity));
  int to;

  g_return_if_fail (row != NULL);
  if (!trellis_framework_move (self->store, entity, delta, &error))
    {
      report_error (self, error);
      return;
    }
  to = trellis_entity_get_int (entity, "position");
  if (to == gtk_list_box_row_get_index (row))
    return;

  reorder (list, row, to);
  if (list == self->level_list)
    sync_level_choices (self);
}

static void
delete_entity (TrellisFrameworkEditor *self,
               GtkListBox             *list,
               TrellisEntity          *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisSnapshot) snapshot = NULL;
  g_autoptr(TrellisEntity) kept = g_object_ref (entity);
  g_autofree char *message = NULL;
  GtkListBoxRow *row = find_row (list, trellis_entity_get_id (entity));
  GtkListBoxRow *neighbour = NULL;

  g_return_if_fail (row != NULL);

  /* Nothing may save the record between its deletion and its row going away. */
  if (TRELLIS_IS_ITEM_ROW (row))
    trellis_autosave_cancel (trellis_item_row_get_autosave (TRELLIS_ITEM_ROW (row)));
  else if (self->attribute_autosave != NULL && entity == self->attribute)
    trellis_autosave_cancel (self->attribute_autosave);

  if (!trellis_store_delete (self->store, kept, &snapshot, &error))
    {
      report_error (self, error);
      return;
    }

  g_clear_pointer (&self->undo_snapshot, trellis_snapshot_free);
  self->undo_snapshot = g_steal_pointer (&snapshot);
  self->undo_attribute_id = TRELLIS_IS_ATTRIBUTE (kept)
                              ? trellis_entity_get_id (kept)
                              : (self->attribute ? trellis_entity_get_id (self->attribute) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", TRUE);

  if (list == self->attribute_list)
    {
      neighbour = gtk_list_box_get_row_at_index (list, gtk_list_box_row_get_index (row) + 1);
      if (neighbour == NULL)
        neighbour = gtk_list_box_get_row_at_index (list, gtk_list_box_row_get_index (row) - 1);
    }
  gtk_list_box_remove (list, GTK_WIDGET (row));
  if (list == self->attribute_list)
    {
      gtk_list_box_select_row (list, neighbour);
      if (neighbour == NULL)
        show_attribute (self, NULL);
    }
  else if (list == self->level_list)
    sync_level_choices (self);

  /* Translators: a toast after deleting an attribute, competency or level */
  message = g_strdup_printf (_("“%s” deleted"), trellis_entity_get_text (kept, "title"));
  add_toast (self, message, TRUE);
}

/* Callbacks */

static void
on_autosave_failed (TrellisAutosave        *autosave,
                    GError                 *error,
                    TrellisFrameworkEditor *self)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
  add_toast (self, message, FALSE);
}

static void
on_item_row_move (TrellisItemRow         *row,
                  int                     delta,
                  TrellisFrameworkEditor *self)
{
  trellis_autosave_flush (trellis_item_row_get_autosave (row));
  move_entity (self, GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))),
               trellis_item_row_get_entity (row), delta);
}

static void
on_item_row_delete (TrellisItemRow         *row,
                    TrellisFrameworkEditor *self)
{
  delete_entity (self, GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))),
                 trellis_item_row_get_entity (row));
}

static void
on_level_saved (TrellisAutosave        *autosave,
                TrellisFrameworkEditor *self)
{
  /* A new value may move a level across the threshold. */
  apply_threshold (self, self->threshold_id);
}

static TrellisItemRow *
add_item_row (TrellisFrameworkEditor *self,
              GtkListBox             *list,
              TrellisEntity          *entity)
{
  TrellisItemRow *row = trellis_item_row_new (self->store, entity);
  TrellisAutosave *autosave = trellis_item_row_get_autosave (row);

  g_signal_connect_object (row, "move", G_CALLBACK (on_item_row_move), self, 0);
  g_signal_connect_object (row, "delete", G_CALLBACK (on_item_row_delete), self, 0);
  g_signal_connect_object (autosave, "failed", G_CALLBACK (on_autosave_failed), self, 0);
  if (TRELLIS_IS_LEVEL (entity))
    g_signal_connect_object (autosave, "saved", G_CALLBACK (on_level_saved), self, 0);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

static void
on_attribute_row_selected (GtkListBox             *list,
                           GtkListBoxRow          *row,
                           TrellisFrameworkEditor *self)
{
  TrellisEntity *attribute = row_entity (row);

  if (attribute != self->attribute)
    show_attribute (self, attribute);
}

static void
on_threshold_selected (AdwComboRow            *row,
                       GParamSpec             *pspec,
                       TrellisFrameworkEditor *self)
{
  g_autoptr(TrellisEntity) level = NULL;

  if (self->updating_threshold)
    return;
  level = adw_combo_row_get_selected_item (row) ? g_object_ref (adw_combo_row_get_selected_item (row)) : NULL;
  apply_threshold (self, level ? trellis_entity_get_id (level) : 0);
}

static void
on_store_changed (TrellisStore           *store,
                  const char             *table,
                  const char             *uuid,
                  TrellisStoreChange      kind,
                  TrellisFrameworkEditor *self)
{
  if (kind == TRELLIS_STORE_CHANGE_DELETED && g_strcmp0 (table, "framework") == 0 &&
      g_strcmp0 (uuid, trellis_entity_get_uuid (TRELLIS_ENTITY (self->framework))) == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_external_change (TrellisStore           *store,
                    TrellisFrameworkEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) still_there = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK,
                                                             trellis_entity_get_id (TRELLIS_ENTITY (self->framework)),
                                                             &error);

  /* Deleted elsewhere: the editor goes; a database that fails says so and keeps the editor. */
  if (still_there == NULL && g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (still_there == NULL)
    {
      trellis_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  rebuild_attributes (self, self->attribute ? trellis_entity_get_id (self->attribute) : 0);
  rebuild_levels (self);
  update_usage (self);
}

static void
add_attribute_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  guint n = 0;
  g_autoptr(TrellisEntity) attribute = NULL;
  GtkWidget *row;

  while (gtk_list_box_get_row_at_index (self->attribute_list, n) != NULL)
    n++;
  attribute = g_object_new (TRELLIS_TYPE_ATTRIBUTE,
                            "framework-id", trellis_entity_get_id (TRELLIS_ENTITY (self->framework)),
                            "title", _("New attribute"),
                            "color", new_attribute_colors[n % G_N_ELEMENTS (new_attribute_colors)],
                            NULL);
  if (!trellis_framework_append (self->store, attribute, &error))
    {
      report_error (self, error);
      return;
    }
  row = make_attribute_row (attribute);
  gtk_list_box_append (self->attribute_list, row);
  gtk_list_box_select_row (self->attribute_list, GTK_LIST_BOX_ROW (row));
  adw_view_stack_set_visible_child_name (self->stack, "attributes");
  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_title_row));
}

static void
add_item (TrellisFrameworkEditor *self,
          GtkListBox             *list,
          TrellisEntity          *item)
{
  g_autoptr(GError) error = NULL;
  TrellisItemRow *row;

  if (!trellis_framework_append (self->store, item, &error))
    {
      report_error (self, error);
      return;
    }
  row = add_item_row (self, list, item);
  trellis_item_row_focus_title (row);
}

static void
add_competency_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (widget);
  g_autoptr(TrellisEntity) competency = NULL;

  if (self->attribute == NULL)
    return;
  competency = g_object_new (TRELLIS_TYPE_COMPETENCY,
                             "attribute-id", trellis_entity_get_id (self->attribute),
                             "title", _("New competency"),
                             NULL);
  add_item (self, self->competency_list, competency);
}

static void
add_level_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (widget);
  g_autoptr(TrellisEntity) level = NULL;
  int value = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->levels)); i++)
    {
      g_autoptr(TrellisEntity) other = g_list_model_get_item (G_LIST_MODEL (self->levels), i);
      value = MAX (value, trellis_entity_get_int (other, "value"));
    }
  level = g_object_new (TRELLIS_TYPE_LEVEL,
                        "framework-id", trellis_entity_get_id (TRELLIS_ENTITY (self->framework)),
                        "title", _("New level"),
                        "value", value + 1,
                        NULL);
  add_item (self, self->level_list, level);
  sync_level_choices (self);
  /* Above every other level: proficient whenever there is a threshold. */
  apply_threshold (self, self->threshold_id);
}

static void
move_attribute (TrellisFrameworkEditor *self,
                int                     delta)
{
  /* From the scale or details page the shortcut would move an attribute out of sight. */
  if (self->attribute == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "attributes") != 0)
    return;
  trellis_autosave_flush (self->attribute_autosave);
  move_entity (self, self->attribute_list, self->attribute, delta);
}

static void
move_attribute_up_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  move_attribute (TRELLIS_FRAMEWORK_EDITOR (widget), -1);
}

static void
move_attribute_down_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  move_attribute (TRELLIS_FRAMEWORK_EDITOR (widget), 1);
}

static void
delete_attribute_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (widget);

  if (self->attribute != NULL)
    delete_entity (self, self->attribute_list, self->attribute);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (widget);
  g_autoptr(TrellisSnapshot) snapshot = g_steal_pointer (&self->undo_snapshot);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "editor.undo", FALSE);
  if (snapshot == NULL)
    return;
  if (!trellis_store_restore (self->store, snapshot, &error))
    {
      report_error (self, error);
      return;
    }
  rebuild_attributes (self, self->undo_attribute_id);
  rebuild_levels (self);
}

/* Overrides */

static void
trellis_framework_editor_constructed (GObject *object)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (object);
  TrellisEntity *framework = TRELLIS_ENTITY (self->framework);

  G_OBJECT_CLASS (trellis_framework_editor_parent_class)->constructed (object);

  g_object_bind_property (framework, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (framework, "title", self->switcher_title, "title", G_BINDING_SYNC_CREATE);

  self->framework_autosave = trellis_autosave_new (self->store, framework, TRELLIS_AUTOSAVE_LIVE | TRELLIS_AUTOSAVE_ERROR_IN_TITLE);
  g_signal_connect_object (self->framework_autosave, "failed", G_CALLBACK (on_autosave_failed), self, 0);
  trellis_autosave_bind (self->framework_autosave, GTK_WIDGET (self->framework_title_row), "text", "title");
  trellis_autosave_bind (self->framework_autosave, GTK_WIDGET (self->framework_description_row), "text", "description");

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "external-change", G_CALLBACK (on_external_change), self, 0);

  rebuild_attributes (self, 0);
  rebuild_levels (self);
  update_usage (self);
}

static void
trellis_framework_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_framework_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_framework_editor_dispose (GObject *object)
{
  TrellisFrameworkEditor *self = TRELLIS_FRAMEWORK_EDITOR (object);

  /* Saves what was typed in the last second. */
  g_clear_object (&self->framework_autosave);
  g_clear_object (&self->attribute_autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_FRAMEWORK_EDITOR);
  g_clear_object (&self->attribute);
  g_clear_object (&self->levels);
  g_clear_pointer (&self->undo_snapshot, trellis_snapshot_free);
  g_clear_object (&self->framework);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_framework_editor_parent_class)->dispose (object);
}

static void
trellis_framework_editor_class_init (TrellisFrameworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_framework_editor_constructed;
  object_class->get_property = trellis_framework_editor_get_property;
  object_class->set_property = trellis_framework_editor_set_property;
  object_class->dispose = trellis_framework_editor_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL, TRELLIS_TYPE_FRAMEWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_COLOR_ROW);
  g_type_ensure (TRELLIS_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-framework-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, attribute_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, attribute_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, attribute_title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, attribute_description_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, attribute_color_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, competency_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, level_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, framework_title_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, framework_description_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFrameworkEditor, usage_row);
  gtk_widget_class_bind_template_callback (widget_class, on_attribute_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_selected);

  gtk_widget_class_install_action (widget_class, "editor.add-attribute", NULL, add_attribute_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-competency", NULL, add_competency_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-level", NULL, add_level_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-attribute-up", NULL, move_attribute_up_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-attribute-down", NULL, move_attribute_down_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete-attribute", NULL, delete_attribute_activated);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-attribute-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-attribute-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_framework_editor_init (TrellisFrameworkEditor *self)
{
  self->levels = g_list_store_new (TRELLIS_TYPE_LEVEL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->attribute_list, compare_positions, NULL, NULL);
  gtk_list_box_set_sort_func (self->competency_list, compare_positions, NULL, NULL);
  gtk_list_box_set_sort_func (self->level_list, compare_positions, NULL, NULL);

  self->updating_threshold = TRUE;
  adw_combo_row_set_model (self->threshold_row, G_LIST_MODEL (self->levels));
  adw_combo_row_set_expression (self->threshold_row,
                                gtk_property_expression_new (TRELLIS_TYPE_LEVEL, NULL, "title"));
  self->updating_threshold = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
}

/* Public API */

/**
 * trellis_framework_editor_new:
 * @store: the open store
 * @framework: the framework to edit
 *
 * Returns: (transfer floating): a new editor window
 */
TrellisFrameworkEditor *
trellis_framework_editor_new (TrellisStore     *store,
                              TrellisFramework *framework)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK (framework), NULL);

  return g_object_new (TRELLIS_TYPE_FRAMEWORK_EDITOR, "store", store, "framework", framework, NULL);
}

/**
 * trellis_framework_editor_get_framework:
 * @self: an editor
 *
 * Returns: (transfer none): the framework being edited
 */
TrellisFramework *
trellis_framework_editor_get_framework (TrellisFrameworkEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_EDITOR (self), NULL);
  return self->framework;
}

/**
 * trellis_framework_editor_select_attribute:
 * @self: an editor
 * @attribute_id: an attribute of the framework
 *
 * Shows the attribute and its competencies.
 *
 * Returns: %FALSE when the framework has no such attribute
 */
gboolean
trellis_framework_editor_select_attribute (TrellisFrameworkEditor *self,
                                           gint64                  attribute_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TRELLIS_IS_FRAMEWORK_EDITOR (self), FALSE);

  row = find_row (self->attribute_list, attribute_id);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->attribute_list, row);
  adw_view_stack_set_visible_child_name (self->stack, "attributes");
  return TRUE;
}

/**
 * trellis_framework_editor_show_page:
 * @self: an editor
 * @name: “attributes”, “scale” or “details”
 */
void
trellis_framework_editor_show_page (TrellisFrameworkEditor *self,
                                    const char             *name)
{
  g_return_if_fail (TRELLIS_IS_FRAMEWORK_EDITOR (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}
