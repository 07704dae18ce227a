/* trellis-color-row.c — a row to pick a colour from an accessible palette, or any colour
 *
 * The palette’s colours all have a contrast of at least 4.5:1 with white, so that white text
 * on an attribute’s colour (the map, the print report) stays readable, and at least 3:1 with a
 * dark background. Each swatch is a toggle button with the colour’s name for screen readers;
 * “Custom colour” opens the colour chooser for anything else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-color-row"

#include <glib/gi18n.h>

#include "trellis-color-row.h"
#include "trellis-widget-utils.h"

struct _TrellisColorRow
{
  AdwActionRow     parent_instance;

  char            *color;           /* "#rrggbb", or "" for none */
  GPtrArray       *swatches;        /* GtkToggleButton, in palette order */
  gboolean         updating;

  GtkBox          *palette_box;
  GtkColorButton  *custom_button;
};

G_DEFINE_FINAL_TYPE (TrellisColorRow, trellis_color_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *color;
  const char *name;
} palette[] = {
  { "#1c71d8", N_("Blue") },
  { "#1b7a85", N_("Teal") },
  { "#26802e", N_("Green") },
  { "#946200", N_("Ochre") },
  { "#c64600", N_("Orange") },
  { "#c01c28", N_("Red") },
  { "#813d9c", N_("Purple") },
  { "#865e3c", N_("Brown") },
  { "#5e5c64", N_("Slate") },
};

/* Helpers */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GdkRGBA rgba;
  double radius = MIN (width, height) / 2.0;

  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (area));

  if (!gdk_rgba_parse (&rgba, user_data))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);

  /* The chosen colour carries a white tick: every palette colour has 4.5:1 contrast with it. */
  if (GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (2.0, radius / 4.0));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, width / 2.0 - radius * 0.45, height / 2.0);
      cairo_line_to (cr, width / 2.0 - radius * 0.1, height / 2.0 + radius * 0.35);
      cairo_line_to (cr, width / 2.0 + radius * 0.45, height / 2.0 - radius * 0.35);
      cairo_stroke (cr);
    }
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

/* Shows the colour without reporting it back as a user change. */
static void
sync_widgets (TrellisColorRow *self)
{
  GdkRGBA rgba;

  self->updating = TRUE;
  for (guint i = 0; i < self->swatches->len; i++)
    gtk_toggle_button_set_active (self->swatches->pdata[i],
                                  g_ascii_strcasecmp (self->color, palette[i].color) == 0);
  if (gdk_rgba_parse (&rgba, self->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->custom_button), &rgba);
  self->updating = FALSE;
}

static void
take_color (TrellisColorRow *self,
            char            *color)
{
  if (g_ascii_strcasecmp (self->color, color) == 0)
    {
      g_free (color);
      return;
    }
  g_free (self->color);
  self->color = color;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/* Callbacks */

static void
on_swatch_toggled (GtkToggleButton *button,
                   TrellisColorRow *self)
{
  gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (button)));
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  take_color (self, g_strdup (g_object_get_data (G_OBJECT (button), "color")));
}

static void
on_custom_color_set (GtkColorButton  *button,
                     TrellisColorRow *self)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  take_color (self, rgba_to_hex (&rgba));
}

/* Overrides */

static void
trellis_color_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, TRELLIS_COLOR_ROW (object)->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_color_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COLOR:
      trellis_color_row_set_color (TRELLIS_COLOR_ROW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_color_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_COLOR_ROW);

  G_OBJECT_CLASS (trellis_color_row_parent_class)->dispose (object);
}

static void
trellis_color_row_finalize (GObject *object)
{
  TrellisColorRow *self = TRELLIS_COLOR_ROW (object);

  g_free (self->color);
  g_clear_pointer (&self->swatches, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_color_row_parent_class)->finalize (object);
}

static void
trellis_color_row_class_init (TrellisColorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = trellis_color_row_get_property;
  object_class->set_property = trellis_color_row_set_property;
  object_class->dispose = trellis_color_row_dispose;
  object_class->finalize = trellis_color_row_finalize;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-color-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisColorRow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisColorRow, custom_button);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_color_set);
}

static void
trellis_color_row_init (TrellisColorRow *self)
{
  GtkToggleButton *group = NULL;

  self->color = g_strdup ("");
  self->swatches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 leaves the button inside a GtkColorButton nameless. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->custom_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Custom colour"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_set_size_request (swatch, 20, 20);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      (gpointer) palette[i].color, NULL);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, _(palette[i].name));
      trellis_accessible_set_label (GTK_WIDGET (button), _(palette[i].name));
      g_object_set_data (G_OBJECT (button), "color", (gpointer) palette[i].color);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_swatch_toggled), self);
      gtk_box_append (self->palette_box, button);
      g_ptr_array_add (self->swatches, button);
    }
}

/* Public API */

const char *
trellis_color_row_get_color (TrellisColorRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_COLOR_ROW (self), NULL);
  return self->color;
}

void
trellis_color_row_set_color (TrellisColorRow *self,
                             const char      *color)
{
  g_return_if_fail (TRELLIS_IS_COLOR_ROW (self));
  take_color (self, g_strdup (color ? color : ""));
}
