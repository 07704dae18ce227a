/* trellis-pog-map-render.c — draws a student’s Profile of a Graduate map with Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-pog-map"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "trellis-pog-map-private.h"

/* The map is a list of bands, one per attribute: the title, a bar of one segment per level of
 * the scale filled in the attribute’s colour up to the level reached, and the level and goal
 * count in words. Words carry the meaning, so a black-and-white print reads as well as the
 * screen. Below, the legend: the scale, and the rule in one sentence.
 *
 * A band takes one of three shapes by the room there is: a narrow map puts the title above
 * the bar and the words under it; a wider one puts the title beside the bar; a printed map as
 * wide as the page reads like a table, title, bar and words on one line.
 *
 * Everything is measured before it is drawn. Without a given font size the font shrinks until
 * the whole map fits the rectangle; past the smallest readable size the drawing is scaled down
 * as a whole, so text is never clipped, only smaller. With a size (a printed report), the map
 * is laid out at that size and says how tall it is. */

#define MIN_FONT 8.0
#define MAX_FONT 20.0
#define MIN_WIDTH_EMS 14.0   /* below this logical width, scale the drawing instead */
#define MAX_WIDTH_EMS 64.0   /* wider than this, centre the map rather than stretch bars */
#define BESIDE_EMS 26.0      /* from this width the title stands beside the bar */
#define TABLE_EMS 40.0       /* from this width the level words follow the bar on its line */
#define STATUS_RATIO 0.9     /* the level words, relative to body text */
#define SMALL_RATIO 0.85     /* the legend and the rule */

typedef enum
{
  FONT_TITLE,
  FONT_STATUS,
  FONT_SMALL,
  FONT_BODY,
  N_FONTS
} Font;

typedef struct
{
  cairo_rectangle_t  area;    /* the whole band, for hit tests and focus */
  cairo_rectangle_t  bar;
  cairo_rectangle_t  title_box;
  cairo_rectangle_t  status_box;
  PangoLayout       *title;
  PangoLayout       *status;
} Row;

typedef struct
{
  cairo_rectangle_t  swatch;
  cairo_rectangle_t  label_box;
  PangoLayout       *label;
} LegendItem;

struct _TrellisPogMapLayout
{
  double                width;       /* the device rectangle this was measured for */
  double                height;
  TrellisCatalog       *catalog;     /* the style it was measured in */
  char                 *font_family;
  double                font_size;
  gboolean              flush;
  double                scale;       /* device units per logical unit */
  double                offset_x;    /* logical: centres a map narrower than the rectangle */
  double                font;        /* logical size of body text */
  double                content_width;
  double                total_height;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  Row                  *rows;
  guint                 n_rows;
  LegendItem           *legend;
  guint                 n_legend;
  PangoLayout          *rule;
  cairo_rectangle_t     rule_box;
  PangoLayout          *empty;
  cairo_rectangle_t     empty_box;
};

typedef struct
{
  double r, g, b, a;
} Rgba;

static const TrellisPogMapStyle default_style = { NULL, NULL, 0, FALSE };

/* Helpers */

static void
clear_rows (TrellisPogMapLayout *layout)
{
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_clear_object (&layout->rows[i].title);
      g_clear_object (&layout->rows[i].status);
    }
  for (guint i = 0; i < layout->n_legend; i++)
    g_clear_object (&layout->legend[i].label);
  g_clear_object (&layout->rule);
  g_clear_object (&layout->empty);
}

static PangoContext *
create_context (PangoDirection direction)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics measure the same on screen, in a PDF and in a test. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_base_dir (context, direction);
  cairo_font_options_destroy (options);
  return context;
}

/* The fonts of body size @f, made once per size rather than once per line of text. */
static void
set_fonts (TrellisPogMapLayout *layout,
           double               f)
{
  static const struct { double ratio; PangoWeight weight; } fonts[N_FONTS] = {
    [FONT_TITLE] = { 1.0, PANGO_WEIGHT_BOLD },
    [FONT_STATUS] = { STATUS_RATIO, PANGO_WEIGHT_NORMAL },
    [FONT_SMALL] = { SMALL_RATIO, PANGO_WEIGHT_NORMAL },
    [FONT_BODY] = { 1.0, PANGO_WEIGHT_NORMAL },
  };

  layout->font = f;
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&layout->fonts[i], pango_font_description_free);
      layout->fonts[i] = pango_font_description_from_string (layout->font_family != NULL
                                                             ? layout->font_family : "Sans");
      pango_font_description_set_absolute_size (layout->fonts[i], fonts[i].ratio * f * PANGO_SCALE);
      pango_font_description_set_weight (layout->fonts[i], fonts[i].weight);
    }
}

static double
text_height (PangoLayout *text)
{
  int height;

  pango_layout_get_size (text, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_natural_width (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The height of the first line, to align a bar or a swatch with it. */
static double
first_line_height (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (text, 0), NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* A paragraph wrapped @width wide (not wrapped when @width is 0), measured: returns its height. */
static PangoLayout *
make_text (TrellisPogMapLayout *layout,
           Font                 font,
           const char          *text,
           double               width,
           double              *height)
{
  PangoLayout *result = pango_layout_new (layout->context);

  pango_layout_set_font_description (result, layout->fonts[font]);
  pango_layout_set_wrap (result, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (result, (int) floor (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_text (result, text, -1);
  *height = text_height (result);
  return result;
}

/* Gives a paragraph measured unwrapped its column: shaping is the costly part of a map, so a
 * line that fits (the usual case) is not laid out again. Right to left, it needs the width to
 * find the column’s right edge. */
static double
fit_text (PangoLayout *text,
          double       natural,
          double       width,
          gboolean     rtl)
{
  if (natural <= width && !rtl)
    return text_height (text);
  pango_layout_set_width (text, (int) floor (MAX (width, 1.0) * PANGO_SCALE));
  return text_height (text);
}

static char *
dup_status (TrellisPogMap  *self,
            TrellisCatalog *catalog,
            guint           i)
{
  const char *level = trellis_pog_map_get_attribute_level_title (self, i);
  guint goals = trellis_pog_map_get_attribute_goal_count (self, i);
  g_autofree char *goal_text = trellis_pog_map_format_goal_count_in (catalog, goals);

  /* Translators: under an attribute’s bar: the level reached, then the goal count,
   * e.g. “Proficient · 2 goals” */
  return g_strdup_printf (trellis_catalog_translate (catalog, N_("%s · %s")),
                          level != NULL ? trellis_pog_map_translate_title (catalog, level)
                                        : trellis_catalog_translate (catalog, N_("No level yet")),
                          goal_text);
}

static void
set_rect (cairo_rectangle_t *rect,
          double             x,
          double             y,
          double             width,
          double             height)
{
  rect->x = x;
  rect->y = y;
  rect->width = width;
  rect->height = height;
}

static void
mirror_rect (cairo_rectangle_t *rect,
             double             width)
{
  rect->x = width - rect->x - rect->width;
}

/* Lays the legend out as items flowing in lines, then the rule; returns the height used. */
static double
build_legend (TrellisPogMap       *self,
              TrellisPogMapLayout *layout,
              double               top,
              double               width)
{
  double f = layout->font;
  double small = SMALL_RATIO * f;
  double swatch_w = 0.55 * f * MAX (1, layout->n_legend);
  double x = 0, y = top, line_h = 0, rule_h;

  for (guint k = 0; k < layout->n_legend; k++)
    {
      LegendItem *item = &layout->legend[k];
      const char *title = trellis_pog_map_translate_title (layout->catalog,
                                                           trellis_pog_map_get_level_title (self, k));
      double label_h, natural, label_w, item_w;

      /* Measured unwrapped, wrapped only when wider than the map. */
      item->label = make_text (layout, FONT_SMALL, title, 0, &label_h);
      natural = text_natural_width (item->label);
      label_w = MIN (natural, MAX (width - swatch_w - 0.4 * f, f)) + 1;
      label_h = fit_text (item->label, natural, label_w, self->direction == PANGO_DIRECTION_RTL);
      item_w = swatch_w + 0.4 * f + label_w;
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += line_h + 0.35 * f;
          line_h = 0;
        }
      set_rect (&item->swatch, x, y + MAX (0, (MIN (label_h, small * 1.3) - 0.6 * f) / 2),
                swatch_w, 0.6 * f);
      set_rect (&item->label_box, x + swatch_w + 0.4 * f, y, label_w, label_h);
      line_h = MAX (line_h, MAX (label_h, 0.6 * f));
      x += item_w + 1.2 * f;
    }
  if (layout->n_legend > 0)
    y += line_h + 0.6 * f;

  layout->rule = make_text (layout, FONT_SMALL, trellis_pog_map_get_rule_description_in (layout->catalog),
                            width, &rule_h);
  set_rect (&layout->rule_box, 0, y, width, rule_h);
  return y + rule_h - top;
}

/* Lays everything out at body size @f in a logical width; returns the height needed. */
static double
build (TrellisPogMap       *self,
       TrellisPogMapLayout *layout,
       double               logical_width,
       double               f)
{
  g_autofree double *naturals = NULL;
  /* On screen a margin keeps the map off the widget’s edges; on paper it lines up with the text. */
  double pad = layout->flush ? 0 : 0.5 * f;
  double width, title_w, bar_x, bar_w, status_x, status_w, y, widest = 0;
  gboolean beside, table = FALSE;

  clear_rows (layout);
  set_fonts (layout, f);
  width = MIN (logical_width - 2 * pad, MAX_WIDTH_EMS * f);
  layout->content_width = width;
  if (!layout->flush)
    layout->offset_x = (logical_width - width) / 2;
  else
    layout->offset_x = self->direction == PANGO_DIRECTION_RTL ? logical_width - width : 0;
  y = pad;

  if (layout->n_rows == 0)
    {
      double h;

      layout->empty = make_text (layout, FONT_BODY,
                                 trellis_catalog_translate (layout->catalog,
                                                            N_("There is no Profile of a Graduate framework to "
                                                               "draw: choose one in Preferences, or import one.")),
                                 width, &h);
      set_rect (&layout->empty_box, 0, y, width, h);
      return y + h + pad;
    }

  /* The level words first, unwrapped: their widest sizes the last column of a table. */
  naturals = g_new (double, layout->n_rows);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_autofree char *status = dup_status (self, layout->catalog, i);
      double height;

      layout->rows[i].status = make_text (layout, FONT_STATUS, status, 0, &height);
      naturals[i] = text_natural_width (layout->rows[i].status);
      widest = MAX (widest, naturals[i]);
    }

  beside = width >= BESIDE_EMS * f;
  title_w = beside ? CLAMP (0.32 * width, 7 * f, 16 * f) : width;
  bar_x = beside ? title_w + f : 0;
  bar_w = beside ? width - bar_x : width;
  status_x = bar_x;
  status_w = bar_w;
  /* The table shape saves height, which is what a map laid out at a given size (on paper)
   * needs; a map fitted to its rectangle (on screen) grows its type instead. */
  if (layout->font_size > 0 && width >= TABLE_EMS * f)
    {
      /* The words keep their natural width when the bar still gets a third of the line. */
      double words = MIN (widest + 1, 0.3 * width);

      table = width - bar_x - words - f >= width / 3;
      if (table)
        {
          bar_w = width - bar_x - words - f;
          status_x = bar_x + bar_w + f;
          status_w = words;
        }
    }

  for (guint i = 0; i < layout->n_rows; i++)
    {
      Row *row = &layout->rows[i];
      double title_h, status_h, bar_h, bar_y, line_h, row_h;

      row->title = make_text (layout, FONT_TITLE,
                              trellis_pog_map_translate_title (layout->catalog,
                                                               trellis_pog_map_get_attribute_title (self, i)),
                              title_w, &title_h);
      status_h = fit_text (row->status, naturals[i], status_w, self->direction == PANGO_DIRECTION_RTL);
      set_rect (&row->title_box, 0, y, title_w, title_h);
      line_h = first_line_height (row->title);
      if (table)
        {
          /* Bar and words centred on the title’s first line. */
          bar_h = 0.9 * f;
          bar_y = y + (line_h - bar_h) / 2;
          set_rect (&row->bar, bar_x, bar_y, bar_w, bar_h);
          set_rect (&row->status_box, status_x, y + (line_h - first_line_height (row->status)) / 2,
                    status_w, status_h);
          row_h = MAX (title_h, row->status_box.y + status_h - y);
          set_rect (&row->area, -0.3 * f, y - 0.2 * f, width + 0.6 * f, row_h + 0.4 * f);
          y += row_h + 0.5 * f;
          continue;
        }
      bar_h = 1.1 * f;
      bar_y = beside ? y + MAX (0, (MIN (title_h, line_h) - bar_h) / 2) : y + title_h + 0.25 * f;
      set_rect (&row->bar, bar_x, bar_y, bar_w, bar_h);
      set_rect (&row->status_box, status_x, bar_y + bar_h + 0.2 * f, status_w, status_h);
      row_h = MAX (title_h, row->status_box.y + status_h - y);
      set_rect (&row->area, -0.3 * f, y - 0.3 * f, width + 0.6 * f, row_h + 0.6 * f);
      y += row_h + 0.9 * f;
    }

  y += 0.2 * f;
  y += build_legend (self, layout, y, width);
  return y + pad;
}

static void
mirror_layout (TrellisPogMapLayout *layout)
{
  double width = layout->content_width;

  for (guint i = 0; i < layout->n_rows; i++)
    {
      mirror_rect (&layout->rows[i].area, width);
      mirror_rect (&layout->rows[i].bar, width);
      mirror_rect (&layout->rows[i].title_box, width);
      mirror_rect (&layout->rows[i].status_box, width);
    }
  for (guint k = 0; k < layout->n_legend; k++)
    {
      mirror_rect (&layout->legend[k].swatch, width);
      mirror_rect (&layout->legend[k].label_box, width);
    }
}

/* Whether @layout was measured for this rectangle in this style. A given font size makes the
 * layout independent of the height, so measuring and then drawing lays out once. */
static gboolean
layout_matches (TrellisPogMapLayout      *layout,
                double                    width,
                double                    height,
                const TrellisPogMapStyle *style)
{
  return layout != NULL && layout->width == width &&
         (style->font_size > 0 || layout->height == height) &&
         layout->catalog == style->catalog && layout->font_size == style->font_size &&
         layout->flush == style->flush && g_strcmp0 (layout->font_family, style->font_family) == 0;
}

static TrellisPogMapLayout *
ensure_layout (TrellisPogMap            *self,
               double                    width,
               double                    height,
               const TrellisPogMapStyle *style)
{
  TrellisPogMapLayout *layout = self->layout;
  guint n_rows = self->framework->attributes->len;
  double f, scale = 1.0;

  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  if (style == NULL)
    style = &default_style;
  if (layout_matches (layout, width, height, style))
    return layout;
  g_clear_pointer (&self->layout, trellis_pog_map_layout_free);

  layout = g_new0 (TrellisPogMapLayout, 1);
  layout->width = width;
  layout->height = height;
  layout->catalog = style->catalog != NULL ? g_object_ref (style->catalog) : NULL;
  layout->font_family = g_strdup (style->font_family);
  layout->font_size = style->font_size;
  layout->flush = style->flush;
  layout->n_rows = n_rows;
  layout->rows = g_new0 (Row, n_rows);
  layout->n_legend = self->framework->levels->len;
  layout->legend = g_new0 (LegendItem, layout->n_legend);
  layout->context = create_context (self->direction);

  if (style->font_size > 0)
    {
      f = style->font_size;
      if (width < MIN_WIDTH_EMS * f)
        scale = width / (MIN_WIDTH_EMS * f);
      layout->total_height = build (self, layout, width / scale, f);
    }
  else
    {
      f = CLAMP (MIN (width / 24, height / (n_rows * 3.6 + 6)), MIN_FONT, MAX_FONT);
      if (width < MIN_WIDTH_EMS * f)
        scale = width / (MIN_WIDTH_EMS * f);

      /* Shrink the font first, then the whole drawing; bounded, since each step shrinks by 10%. */
      for (guint step = 0; step < 200; step++)
        {
          double needed = build (self, layout, width / scale, f);

          layout->total_height = needed;
          if (needed <= height / scale)
            break;
          if (f > MIN_FONT)
            f = MAX (MIN_FONT, f * 0.9);
          else
            scale *= 0.9;
        }

      /* A poster-sized rectangle (more than twice what the largest text needs): grow the whole
       * drawing rather than leave it small in a corner. */
      if (scale == 1.0 && f >= MAX_FONT)
        {
          double up = MIN (height / layout->total_height, width / (layout->content_width + f));

          if (up > 2.0)
            {
              scale = up;
              layout->total_height = build (self, layout, width / scale, f);
            }
        }
    }

  layout->scale = scale;
  if (self->direction == PANGO_DIRECTION_RTL)
    mirror_layout (layout);
  self->layout = layout;
  return layout;
}

static void
set_source (cairo_t    *cr,
            const Rgba *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

/* A rectangle, rounded by @radius (0 for square corners). */
static void
add_rect (cairo_t                 *cr,
          const cairo_rectangle_t *rect,
          double                   radius)
{
  double r = MIN (radius, MIN (rect->width, rect->height) / 2);

  if (r <= 0)
    {
      cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, rect->x + rect->width - r, rect->y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, rect->x + rect->width - r, rect->y + rect->height - r, r, 0, G_PI / 2);
  cairo_arc (cr, rect->x + r, rect->y + rect->height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, rect->x + r, rect->y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A bar of @n segments with the first @filled in @fill (from the end side when @rtl). On paper
 * the corners are square: a PDF spells each rounded corner out as curves, which made the map
 * a third of a printed plan’s file and time, for a rounding of a point and a half. */
static void
draw_segments (cairo_t                 *cr,
               const cairo_rectangle_t *bar,
               guint                    n,
               int                      filled,
               const Rgba              *fill,
               const Rgba              *track,
               const Rgba              *outline,
               gboolean                 rtl,
               gboolean                 vector)
{
  double gap = MIN (bar->height * 0.15, bar->width / (4.0 * MAX (n, 1)));
  double seg_w;

  n = MAX (n, 1);
  seg_w = (bar->width - gap * (n - 1)) / n;
  cairo_set_line_width (cr, MAX (0.5, bar->height / 14));
  for (guint k = 0; k < n; k++)
    {
      guint slot = rtl ? n - 1 - k : k;
      cairo_rectangle_t seg = { bar->x + slot * (seg_w + gap), bar->y, seg_w, bar->height };

      add_rect (cr, &seg, vector ? 0 : bar->height * 0.2);
      set_source (cr, (int) k < filled ? fill : track);
      cairo_fill_preserve (cr);
      set_source (cr, outline);
      cairo_stroke (cr);
    }
}

static void
show_text (cairo_t                 *cr,
           PangoLayout             *text,
           const cairo_rectangle_t *box,
           const Rgba              *color)
{
  if (text == NULL)
    return;
  cairo_move_to (cr, box->x, box->y);
  set_source (cr, color);
  pango_cairo_show_layout (cr, text);
}

/* Overrides of the layout’s lifetime */

void
trellis_pog_map_layout_free (TrellisPogMapLayout *layout)
{
  clear_rows (layout);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&layout->fonts[i], pango_font_description_free);
  g_clear_object (&layout->context);
  g_clear_object (&layout->catalog);
  g_free (layout->font_family);
  g_free (layout->rows);
  g_free (layout->legend);
  g_free (layout);
}

/* Public API */

/**
 * trellis_pog_map_render:
 * @self: a map
 * @cr: where to draw; the map fills (0, 0, @width, @height) in its user space
 * @width: the width in user units (pixels on screen, points in a PDF)
 * @height: the height in user units
 * @dark: %TRUE to draw light text for a dark background
 *
 * Draws the map and its legend (the scale and the rule) in the application’s language. No
 * background is painted. Text wraps and shrinks to fit and is never clipped; below a readable
 * size the whole drawing is scaled.
 */
void
trellis_pog_map_render (TrellisPogMap *self,
                        cairo_t       *cr,
                        double         width,
                        double         height,
                        gboolean       dark)
{
  TrellisPogMapStyle style = default_style;

  style.dark = dark;
  trellis_pog_map_render_styled (self, cr, width, height, &style);
}

/**
 * trellis_pog_map_render_styled:
 * @self: a map
 * @cr: where to draw; the map fills (0, 0, @width, @height) in its user space
 * @width: the width in user units (pixels on screen, points in a PDF)
 * @height: the height in user units; with a font size in @style, the map’s measured height
 * @style: (nullable): the language, fonts and colours; %NULL as trellis_pog_map_render()
 *
 * Draws the map like trellis_pog_map_render(), in the language and type of @style.
 */
void
trellis_pog_map_render_styled (TrellisPogMap            *self,
                               cairo_t                  *cr,
                               double                    width,
                               double                    height,
                               const TrellisPogMapStyle *style)
{
  TrellisPogMapLayout *layout;
  gboolean rtl, dark, vector;
  Rgba text, dim, track, outline, neutral;

  g_return_if_fail (TRELLIS_IS_POG_MAP (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  if (style == NULL)
    style = &default_style;
  dark = style->dark;
  text = dark ? (Rgba) { 1, 1, 1, 0.92 } : (Rgba) { 0.12, 0.12, 0.14, 1 };
  dim = dark ? (Rgba) { 1, 1, 1, 0.7 } : (Rgba) { 0.12, 0.12, 0.14, 0.75 };
  track = dark ? (Rgba) { 1, 1, 1, 0.08 } : (Rgba) { 0.95, 0.95, 0.96, 1 };
  outline = dark ? (Rgba) { 1, 1, 1, 0.45 } : (Rgba) { 0.35, 0.35, 0.38, 1 };
  neutral = dark ? (Rgba) { 1, 1, 1, 0.6 } : (Rgba) { 0.45, 0.45, 0.48, 1 };
  layout = ensure_layout (self, width, height, style);
  rtl = self->direction == PANGO_DIRECTION_RTL;
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      vector = TRUE;
      break;
    default:
      vector = FALSE;
      break;
    }

  cairo_save (cr);
  cairo_scale (cr, layout->scale, layout->scale);
  cairo_translate (cr, layout->offset_x, 0);

  show_text (cr, layout->empty, &layout->empty_box, &dim);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      Row *row = &layout->rows[i];
      TrellisPogAttribute *attribute = g_ptr_array_index (self->framework->attributes, i);
      Rgba fill = { 0, 0, 0, 1 };

      trellis_pog_parse_color (attribute->color, &fill.r, &fill.g, &fill.b);
      show_text (cr, row->title, &row->title_box, &text);
      draw_segments (cr, &row->bar, self->framework->levels->len, attribute->level + 1,
                     &fill, &track, &outline, rtl, vector);
      show_text (cr, row->status, &row->status_box, &dim);
    }

  for (guint k = 0; k < layout->n_legend; k++)
    {
      LegendItem *item = &layout->legend[k];

      draw_segments (cr, &item->swatch, layout->n_legend, k + 1, &neutral, &track, &outline, rtl, vector);
      show_text (cr, item->label, &item->label_box, &dim);
    }
  show_text (cr, layout->rule, &layout->rule_box, &dim);
  cairo_restore (cr);
}

/**
 * trellis_pog_map_measure_height:
 * @self: a map
 * @width: the width the map will be drawn at, in user units
 * @style: a style with a font size
 *
 * Returns: the height the map needs at @width in @style’s font size, to draw it with
 *   trellis_pog_map_render_styled() without shrinking
 */
double
trellis_pog_map_measure_height (TrellisPogMap            *self,
                                double                    width,
                                const TrellisPogMapStyle *style)
{
  TrellisPogMapLayout *layout;

  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);
  g_return_val_if_fail (style != NULL && style->font_size > 0, 0);

  layout = ensure_layout (self, width, 1, style);
  return layout->total_height * layout->scale;
}

/**
 * trellis_pog_map_get_smallest_text_size:
 * @self: a map
 * @width: the width the map is drawn at
 * @height: the height the map is drawn at
 * @style: (nullable): the style it is drawn in
 *
 * Returns: the size of the smallest text drawn, in user units (points on paper), after any
 *   scaling: what a reader has to read
 */
double
trellis_pog_map_get_smallest_text_size (TrellisPogMap            *self,
                                        double                    width,
                                        double                    height,
                                        const TrellisPogMapStyle *style)
{
  TrellisPogMapLayout *layout;

  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), 0);

  layout = ensure_layout (self, width, height, style);
  /* Without attributes only the explanation is drawn, at body size. */
  return (layout->n_rows == 0 ? 1.0 : MIN (STATUS_RATIO, SMALL_RATIO)) * layout->font * layout->scale;
}

/**
 * trellis_pog_map_get_attribute_area:
 * @self: a map
 * @width: the width the map is drawn at
 * @height: the height the map is drawn at
 * @i: the attribute’s index
 * @area: (out caller-allocates): the band of attribute @i, in the same user units
 *
 * Where trellis_pog_map_render() draws attribute @i, for focus rings and hit tests.
 */
void
trellis_pog_map_get_attribute_area (TrellisPogMap     *self,
                                    double             width,
                                    double             height,
                                    guint              i,
                                    cairo_rectangle_t *area)
{
  TrellisPogMapLayout *layout;
  const cairo_rectangle_t *row;

  g_return_if_fail (TRELLIS_IS_POG_MAP (self));
  g_return_if_fail (area != NULL);
  g_return_if_fail (i < self->framework->attributes->len);

  layout = ensure_layout (self, width, height, NULL);
  row = &layout->rows[i].area;
  area->x = (row->x + layout->offset_x) * layout->scale;
  area->y = row->y * layout->scale;
  area->width = row->width * layout->scale;
  area->height = row->height * layout->scale;
}

/**
 * trellis_pog_map_hit_test:
 * @self: a map
 * @width: the width the map is drawn at
 * @height: the height the map is drawn at
 * @x: a point in the same user units
 * @y: a point in the same user units
 *
 * Returns: the index of the attribute drawn at (@x, @y), or -1 for none
 */
int
trellis_pog_map_hit_test (TrellisPogMap *self,
                          double         width,
                          double         height,
                          double         x,
                          double         y)
{
  g_return_val_if_fail (TRELLIS_IS_POG_MAP (self), -1);

  for (guint i = 0; i < self->framework->attributes->len; i++)
    {
      cairo_rectangle_t area;

      trellis_pog_map_get_attribute_area (self, width, height, i, &area);
      if (x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height)
        return i;
    }
  return -1;
}
