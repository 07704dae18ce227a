/* trellis-pog-map-widget.c — draws a student’s Profile of a Graduate map, one focusable band per attribute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-pog-map-widget"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-pog-map-widget.h"
#include "trellis-widget-utils.h"

/* The picture is drawn by the core (trellis_pog_map_render), the same drawing the printed
 * report uses. Over each attribute’s band lies a flat, empty button: it gives the band a
 * hover highlight, a focus ring, a place in the Tab order and an accessible name that says the
 * attribute, its level and its goal count, so a screen reader reads the map band by band. */

struct _TrellisPogMapWidget
{
  GtkWidget       parent_instance;

  TrellisPogMap  *map;
  GPtrArray      *bands;        /* GtkButton, one per attribute */
  int             highlighted;  /* the band hovered or focused last, -1 for none */
};

G_DEFINE_FINAL_TYPE (TrellisPogMapWidget, trellis_pog_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MAP,
  N_PROPS
};

enum {
  ATTRIBUTE_ACTIVATED,
  ATTRIBUTE_HIGHLIGHTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static int
band_index (TrellisPogMapWidget *self,
            GtkWidget           *band)
{
  guint index;

  return g_ptr_array_find (self->bands, band, &index) ? (int) index : -1;
}

static int
focused_band (TrellisPogMapWidget *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return child != NULL ? band_index (self, child) : -1;
}

static void
highlight (TrellisPogMapWidget *self,
           int                  index)
{
  if (self->highlighted == index)
    return;
  self->highlighted = index;
  g_signal_emit (self, signals[ATTRIBUTE_HIGHLIGHTED], 0, index);
}

/* The whole map in words: the rule, then one sentence per attribute. */
static void
update_accessible (TrellisPogMapWidget *self)
{
  g_autofree char *attributes = self->map != NULL ? trellis_pog_map_dup_description (self->map) : NULL;
  g_autofree char *description = NULL;

  description = g_strconcat (trellis_pog_map_get_rule_description (),
                             attributes != NULL ? "\n" : NULL, attributes, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
remove_bands (TrellisPogMapWidget *self)
{
  for (guint i = 0; i < self->bands->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->bands, i));
  g_ptr_array_set_size (self->bands, 0);
}

static void
move_focus_by (TrellisPogMapWidget *self,
               int                  delta)
{
  int current = focused_band (self);
  int n = self->bands->len;

  if (n == 0)
    return;
  if (current < 0)
    current = delta > 0 ? -1 : n;
  trellis_pog_map_widget_focus_attribute (self, CLAMP (current + delta, 0, n - 1));
}

/* Callbacks */

static void
on_band_clicked (GtkButton           *band,
                 TrellisPogMapWidget *self)
{
  int index = band_index (self, GTK_WIDGET (band));

  if (index >= 0)
    {
      highlight (self, index);
      g_signal_emit (self, signals[ATTRIBUTE_ACTIVATED], 0, (guint) index);
    }
}

static void
on_band_pointer_enter (GtkEventControllerMotion *controller,
                       double                    x,
                       double                    y,
                       TrellisPogMapWidget      *self)
{
  highlight (self, band_index (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
on_style_dark_changed (TrellisPogMapWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);
  int delta = g_variant_get_int32 (parameter);

  /* Left and Right follow the reading direction. */
  if (g_str_equal (action_name, "pog-map.move-horizontal") &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  move_focus_by (self, delta);
}

/* Overrides */

static void
trellis_pog_map_widget_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);
  guint n = self->map != NULL ? trellis_pog_map_get_n_attributes (self->map) : 0;

  /* Any size works (the drawing shrinks to fit); these only ask for a readable one. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 640;
    }
  else
    {
      *minimum = 160;
      *natural = MAX (200, (int) n * 70 + 130);
    }
}

static void
trellis_pog_map_widget_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);

  for (guint i = 0; i < self->bands->len; i++)
    {
      GtkWidget *band = g_ptr_array_index (self->bands, i);
      cairo_rectangle_t area;
      int min_width, min_height;

      trellis_pog_map_get_attribute_area (self->map, width, height, i, &area);
      gtk_widget_measure (band, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (band, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (band,
                                &(GtkAllocation) { (int) area.x, (int) area.y,
                                                   MAX ((int) area.width, min_width),
                                                   MAX ((int) area.height, min_height) },
                                -1);
    }
}

static void
trellis_pog_map_widget_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->map != NULL && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      trellis_pog_map_render (self->map, cr, width, height, dark);
      cairo_destroy (cr);
    }
  for (guint i = 0; i < self->bands->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->bands, i), snapshot);
}

/* Keyboard focus moving onto a band (Tab, arrows, a click) highlights its attribute. */
static void
trellis_pog_map_widget_set_focus_child (GtkWidget *widget,
                                        GtkWidget *child)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);

  GTK_WIDGET_CLASS (trellis_pog_map_widget_parent_class)->set_focus_child (widget, child);
  if (child != NULL && band_index (self, child) >= 0)
    highlight (self, band_index (self, child));
}

static void
trellis_pog_map_widget_direction_changed (GtkWidget        *widget,
                                          GtkTextDirection  previous)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (widget);

  if (self->map != NULL)
    trellis_pog_map_set_direction (self->map, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                              ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  gtk_widget_queue_allocate (widget);
  GTK_WIDGET_CLASS (trellis_pog_map_widget_parent_class)->direction_changed (widget, previous);
}

static void
trellis_pog_map_widget_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_pog_map_widget_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_MAP:
      trellis_pog_map_widget_set_map (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_pog_map_widget_dispose (GObject *object)
{
  TrellisPogMapWidget *self = TRELLIS_POG_MAP_WIDGET (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_style_dark_changed, self);
  if (self->bands != NULL)
    {
      remove_bands (self);
      g_clear_pointer (&self->bands, g_ptr_array_unref);
    }
  g_clear_object (&self->map);

  G_OBJECT_CLASS (trellis_pog_map_widget_parent_class)->dispose (object);
}

static void
trellis_pog_map_widget_class_init (TrellisPogMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_pog_map_widget_dispose;
  object_class->get_property = trellis_pog_map_widget_get_property;
  object_class->set_property = trellis_pog_map_widget_set_property;
  widget_class->measure = trellis_pog_map_widget_measure;
  widget_class->size_allocate = trellis_pog_map_widget_size_allocate;
  widget_class->snapshot = trellis_pog_map_widget_snapshot;
  widget_class->direction_changed = trellis_pog_map_widget_direction_changed;
  widget_class->set_focus_child = trellis_pog_map_widget_set_focus_child;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, TRELLIS_TYPE_POG_MAP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisPogMapWidget::attribute-activated:
   * @self: the widget
   * @index: the attribute’s index in the map
   *
   * An attribute was clicked, or activated with Enter or Space.
   */
  signals[ATTRIBUTE_ACTIVATED] =
    g_signal_new ("attribute-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TrellisPogMapWidget::attribute-highlighted:
   * @self: the widget
   * @index: the attribute’s index, or -1
   *
   * The pointer or the keyboard focus moved to another attribute.
   */
  signals[ATTRIBUTE_HIGHLIGHTED] =
    g_signal_new ("attribute-highlighted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "pog-map.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "pog-map.move-horizontal", "i", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "pog-map.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "pog-map.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "pog-map.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "pog-map.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "pog-map.move-horizontal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "pog-map.move-horizontal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "pog-map.move", "i", -G_MAXINT16);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "pog-map.move", "i", G_MAXINT16);

  gtk_widget_class_set_css_name (widget_class, "pogmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trellis_pog_map_widget_init (TrellisPogMapWidget *self)
{
  self->bands = g_ptr_array_new ();
  self->highlighted = -1;
  trellis_accessible_set_label (GTK_WIDGET (self), _("Profile of a Graduate map"));
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_style_dark_changed), self);
}

/* Public API */

GtkWidget *
trellis_pog_map_widget_new (void)
{
  return g_object_new (TRELLIS_TYPE_POG_MAP_WIDGET, NULL);
}

/**
 * trellis_pog_map_widget_get_map:
 * @self: a map widget
 *
 * Returns: (transfer none) (nullable): the map shown
 */
TrellisPogMap *
trellis_pog_map_widget_get_map (TrellisPogMapWidget *self)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP_WIDGET (self), NULL);
  return self->map;
}

/**
 * trellis_pog_map_widget_set_map:
 * @self: a map widget
 * @map: (nullable): the map to show
 *
 * Shows @map; a band that had the keyboard focus keeps it when the new map has as many
 * attributes (a refresh after an edit).
 */
void
trellis_pog_map_widget_set_map (TrellisPogMapWidget *self,
                                TrellisPogMap       *map)
{
  int focused;
  guint n;

  g_return_if_fail (TRELLIS_IS_POG_MAP_WIDGET (self));
  g_return_if_fail (map == NULL || TRELLIS_IS_POG_MAP (map));

  if (self->map == map)
    return;
  focused = focused_band (self);
  g_set_object (&self->map, map);
  if (map != NULL)
    trellis_pog_map_set_direction (map, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                        ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  remove_bands (self);
  n = map != NULL ? trellis_pog_map_get_n_attributes (map) : 0;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *band = gtk_button_new ();
      GtkEventController *motion = gtk_event_controller_motion_new ();
      g_autofree char *description = trellis_pog_map_dup_attribute_description (map, i);

      gtk_widget_add_css_class (band, "flat");
      gtk_widget_set_tooltip_text (band, description);
      trellis_accessible_set_label (GTK_WIDGET (band), description);
      g_signal_connect (band, "clicked", G_CALLBACK (on_band_clicked), self);
      g_signal_connect (motion, "enter", G_CALLBACK (on_band_pointer_enter), self);
      gtk_widget_add_controller (band, motion);
      gtk_widget_set_parent (band, GTK_WIDGET (self));
      g_ptr_array_add (self->bands, band);
    }
  update_accessible (self);
  self->highlighted = -1;
  if (focused >= 0 && (guint) focused < n)
    trellis_pog_map_widget_focus_attribute (self, focused);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
}

/**
 * trellis_pog_map_widget_get_attribute_child:
 * @self: a map widget
 * @i: the attribute’s index
 *
 * Returns: (transfer none) (nullable): the focusable band of attribute @i
 */
GtkWidget *
trellis_pog_map_widget_get_attribute_child (TrellisPogMapWidget *self,
                                            guint                i)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP_WIDGET (self), NULL);
  return i < self->bands->len ? g_ptr_array_index (self->bands, i) : NULL;
}

/**
 * trellis_pog_map_widget_focus_attribute:
 * @self: a map widget
 * @i: the attribute’s index
 *
 * Moves the keyboard focus to attribute @i.
 *
 * Returns: %TRUE if the focus moved there
 */
gboolean
trellis_pog_map_widget_focus_attribute (TrellisPogMapWidget *self,
                                        guint                i)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP_WIDGET (self), FALSE);
  if (i >= self->bands->len)
    return FALSE;
  return gtk_widget_grab_focus (g_ptr_array_index (self->bands, i));
}
