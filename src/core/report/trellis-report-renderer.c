/* trellis-report-renderer.c — lays a report out on pages with Pango and draws them with Cairo
 *
 * The same code serves the print dialog, its preview, PDF export and the headless batch: it only
 * needs a page size in points and a cairo_t. Each block of the report becomes an item of Pango
 * layouts measured once; pagination then places items, splitting long paragraphs between lines
 * (never through one), keeping a heading or a goal’s title with the first lines of what follows,
 * and leaving no single line of a paragraph alone at the foot or head of a page. Every page gets
 * the running header (school, student, plan) and the footer (print date, “Page X of Y”).
 *
 * Layouts are made in a device-independent Pango context (72 dpi, no hinting), so the lines break
 * the same on a preview, a printer and a PDF, and pages measured once can be drawn at any scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-report-renderer"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "trellis-report-renderer.h"

/* System fonts that cover Latin, Vietnamese, Cyrillic, Arabic and CJK; fontconfig falls back for
 * any other script. */
#define FONT_FAMILIES "Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, DejaVu Sans"

/* Geometry in points. */
#define MARGIN_X        50.0
#define MARGIN_TOP      32.0
#define MARGIN_BOTTOM   28.0
#define HEADER_HEIGHT   26.0
#define FOOTER_HEIGHT   22.0
#define LABEL_WIDTH     98.0
#define COLUMN_GAP      10.0
#define BAR_WIDTH       84.0
#define BAR_HEIGHT      6.0
#define WRITING_LINE    24.0
#define MIN_SPLIT_LINES 2

typedef enum {
  FONT_BODY,
  FONT_QUOTE,
  FONT_LABEL,
  FONT_SMALL,
  FONT_SECTION,
  FONT_GOAL,
  FONT_NAME,
  N_FONTS
} Font;

typedef struct {
  double red, green, blue;
} Color;

static const Color ink = { 0.14, 0.12, 0.19 };
static const Color muted = { 0.37, 0.36, 0.40 };
static const Color rule = { 0.80, 0.81, 0.80 };
static const Color accent = { 0.11, 0.42, 0.31 };
static const Color accent_light = { 0.87, 0.94, 0.90 };

/* What the title of the first page is made of: not a block of the report. */
#define ITEM_TITLE ((TrellisReportBlockKind) -1)

typedef struct {
  TrellisReportBlockKind    kind;
  const TrellisReportBlock *block;
  PangoLayout              *label;        /* the left column, the first piece only */
  PangoLayout              *text;         /* what is split between pages, line by line */
  PangoLayout              *extra;        /* a second line: details, a goal’s status, a hint */
  GPtrArray                *items;        /* signatures: who signs */
  double                    text_x;       /* where the text column starts, from the margin */
  double                    height;
  double                    space_before;
  gboolean                  keep_with_next;
  gboolean                  splittable;
  GArray                   *line_tops;    /* double; the top of each text line, then the bottom */
  guint                     n_writing_lines;
} Item;

typedef struct {
  guint  page;
  guint  item;
  guint  first_line;
  guint  end_line;
  double y;
} Piece;

struct _TrellisReportRenderer
{
  GObject                parent_instance;

  double                 page_width;
  double                 page_height;
  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  TrellisReport         *report;
  GArray                *items;    /* Item */
  GArray                *pieces;   /* Piece, in page order */
  guint                  n_pages;
  PangoLayout           *chrome;   /* reused for the header and footer */
};

G_DEFINE_FINAL_TYPE (TrellisReportRenderer, trellis_report_renderer, G_TYPE_OBJECT)

/* Helpers */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->label);
  g_clear_object (&item->text);
  g_clear_object (&item->extra);
  g_clear_pointer (&item->items, g_ptr_array_unref);
  g_clear_pointer (&item->line_tops, g_array_unref);
}

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static double
content_width (TrellisReportRenderer *self)
{
  return self->page_width - 2 * MARGIN_X;
}

/* The map speaks the report’s language in the report’s type, at the size of its body text. */
static TrellisPogMapStyle
map_style (TrellisReportRenderer *self)
{
  TrellisPogMapStyle style = { 0 };

  style.catalog = trellis_report_get_catalog (self->report);
  style.font_family = FONT_FAMILIES;
  style.font_size = pango_font_description_get_size (self->fonts[FONT_BODY]) / (double) PANGO_SCALE;
  style.flush = TRUE;
  return style;
}

static double
content_top (TrellisReportRenderer *self)
{
  return MARGIN_TOP + HEADER_HEIGHT;
}

static double
content_bottom (TrellisReportRenderer *self)
{
  return self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT;
}

/* A layout of @text in @font, wrapped at @width. People’s words follow their own direction
 * (an Arabic paragraph is right-aligned in its column); the report’s own lines stay in the
 * direction of its labels. */
static PangoLayout *
make_layout (TrellisReportRenderer *self,
             Font                   font,
             const char            *text,
             double                 width,
             gboolean               own_direction)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, own_direction);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  do
    {
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  {
    double bottom = (double) y1 / PANGO_SCALE;
    g_array_append_val (tops, bottom);
  }
  pango_layout_iter_free (iter);
  return tops;
}

static guint
item_n_lines (const Item *item)
{
  return item->line_tops != NULL ? item->line_tops->len - 1 : 1;
}

static double
line_top (const Item *item,
          guint       line)
{
  return g_array_index (item->line_tops, double, line);
}

/* The least of an item that may stand at the foot of a page: a whole item, or the first lines
 * of a paragraph. */
static double
item_min_height (const Item *item)
{
  guint lines;

  if (!item->splittable)
    return item->height;
  lines = MIN (item_n_lines (item), MIN_SPLIT_LINES);
  return MAX (line_top (item, lines), layout_height (item->label));
}

/* How much room item @index needs at the foot of a page for it and what it keeps with. */
static double
needed_height (TrellisReportRenderer *self,
               guint                  index)
{
  const Item *item = &g_array_index (self->items, Item, index);
  const Item *next;

  if (!item->keep_with_next || index + 1 >= self->items->len)
    return item_min_height (item);
  next = item + 1;
  return item->height + next->space_before + needed_height (self, index + 1);
}

/* The label in the left column and the text beside it. */
static void
init_columns (TrellisReportRenderer *self,
              Item                  *item,
              Font                   text_font,
              const char            *label,
              const char            *text,
              PangoAttrList         *attributes)
{
  double width = content_width (self);

  if (label != NULL)
    {
      item->label = make_layout (self, FONT_LABEL, label, LABEL_WIDTH, FALSE);
      item->text_x = LABEL_WIDTH + COLUMN_GAP;
    }
  item->text = make_layout (self, text_font, text, width - item->text_x, TRUE);
  pango_layout_set_attributes (item->text, attributes);
  item->line_tops = measure_lines (item->text);
  item->splittable = TRUE;
  item->height = MAX (layout_height (item->label), layout_height (item->text));
}

static void
init_item (TrellisReportRenderer    *self,
           Item                     *item,
           const TrellisReportBlock *block)
{
  double width = content_width (self);

  item->block = block;
  item->kind = block->kind;
  item->keep_with_next = block->keep_with_next;
  switch (block->kind)
    {
    case TRELLIS_REPORT_BLOCK_SECTION:
      item->text = make_layout (self, FONT_SECTION, block->text, width, FALSE);
      item->height = layout_height (item->text) + 5;
      item->space_before = 14;
      item->keep_with_next = TRUE;
      break;

    case TRELLIS_REPORT_BLOCK_FIELD:
      init_columns (self, item, FONT_BODY, block->label, block->text, NULL);
      item->space_before = 5;
      break;

    case TRELLIS_REPORT_BLOCK_NOTE:
      {
        /* Translators: a note quoted on the printed plan; use your language’s quotation marks */
        g_autofree char *quoted = g_strdup_printf (trellis_report_translate (self->report, N_("“%s”")),
                                                   block->text);
        g_autofree char *text = g_strdup_printf ("%s  —  %s", quoted, block->label);
        PangoAttrList *attributes = pango_attr_list_new ();
        PangoAttribute *attribute;

        /* The note in italics, who wrote it smaller and quieter after it. */
        attribute = pango_attr_font_desc_new (self->fonts[FONT_SMALL]);
        attribute->start_index = strlen (quoted);
        pango_attr_list_insert (attributes, attribute);
        attribute = pango_attr_foreground_new (muted.red * 65535, muted.green * 65535, muted.blue * 65535);
        attribute->start_index = strlen (quoted);
        pango_attr_list_insert (attributes, attribute);
        init_columns (self, item, FONT_QUOTE, NULL, text, attributes);
        pango_attr_list_unref (attributes);
        item->space_before = 6;
      }
      break;

    case TRELLIS_REPORT_BLOCK_GOAL:
      item->text = make_layout (self, FONT_GOAL, block->text, width, TRUE);
      item->extra = make_layout (self, FONT_SMALL, block->label, width, FALSE);
      item->height = layout_height (item->text) + 1 + layout_height (item->extra);
      item->space_before = 11;
      item->keep_with_next = TRUE;
      break;

    case TRELLIS_REPORT_BLOCK_PROGRESS:
      item->label = make_layout (self, FONT_LABEL, block->label, LABEL_WIDTH, FALSE);
      item->text_x = LABEL_WIDTH + COLUMN_GAP;
      item->text = make_layout (self, FONT_BODY, block->text, width - item->text_x - BAR_WIDTH - 8, FALSE);
      item->height = MAX (layout_height (item->label), layout_height (item->text));
      item->space_before = 5;
      break;

    case TRELLIS_REPORT_BLOCK_MAP:
      {
        TrellisPogMapStyle style = map_style (self);

        item->height = trellis_pog_map_measure_height (block->map, width, &style);
        item->space_before = 4;
      }
      break;

    case TRELLIS_REPORT_BLOCK_LINES:
      item->extra = make_layout (self, FONT_SMALL, block->text, width, FALSE);
      item->n_writing_lines = block->count;
      item->height = layout_height (item->extra) + block->count * WRITING_LINE;
      item->space_before = 4;
      break;

    case TRELLIS_REPORT_BLOCK_SIGNATURES:
      {
        double column = width / g_strv_length (block->items);

        item->items = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = 0; block->items[i] != NULL; i++)
          g_ptr_array_add (item->items, make_layout (self, FONT_SMALL, block->items[i], column * 0.6, FALSE));
        item->label = make_layout (self, FONT_SMALL, block->label, column * 0.3, FALSE);
        item->height = 30 + layout_height (item->label);
        item->space_before = 16;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
init_title (TrellisReportRenderer *self,
            Item                  *item)
{
  double width = content_width (self);

  item->kind = ITEM_TITLE;
  item->text = make_layout (self, FONT_NAME, trellis_report_get_student_name (self->report), width, FALSE);
  item->extra = make_layout (self, FONT_BODY, trellis_report_get_details (self->report), width, FALSE);
  item->height = layout_height (item->text) + 2 + layout_height (item->extra);
  item->keep_with_next = TRUE;
}

static void
place (TrellisReportRenderer *self,
       guint                  index,
       guint                  first_line,
       guint                  end_line,
       double                 y)
{
  Piece piece = { self->n_pages - 1, index, first_line, end_line, y };

  g_array_append_val (self->pieces, piece);
}

/* Places item @index from @y on; returns where the next item may start. */
static double
place_item (TrellisReportRenderer *self,
            guint                  index,
            double                 y)
{
  const Item *item = &g_array_index (self->items, Item, index);
  double top = content_top (self);
  double bottom = content_bottom (self);
  double space = y > top ? item->space_before : 0;
  guint n_lines, first = 0;

  if (y > top && y + space + needed_height (self, index) > bottom)
    {
      self->n_pages++;
      y = top;
      space = 0;
    }

  if (!item->splittable)
    {
      place (self, index, 0, 1, y + space);
      return y + space + item->height;
    }

  n_lines = item_n_lines (item);
  while (TRUE)
    {
      double available = bottom - (y + space);
      guint end = first;

      while (end < n_lines && line_top (item, end + 1) - line_top (item, first) <= available)
        end++;
      if (end == n_lines)
        {
          double height = line_top (item, n_lines) - line_top (item, first);

          if (first == 0)
            height = item->height;
          place (self, index, first, n_lines, y + space);
          return y + space + height;
        }

      /* No orphan at the foot, no widow at the head of the next page. */
      if (end - first < MIN_SPLIT_LINES)
        end = first;
      else if (n_lines - end < MIN_SPLIT_LINES)
        {
          guint pulled_back = n_lines - MIN_SPLIT_LINES;
          end = pulled_back >= first + MIN_SPLIT_LINES ? pulled_back : first;
        }
      /* A paragraph taller than a whole page still has to go somewhere. */
      if (end == first && y <= top)
        end = MAX (first + 1, end);
      if (end > first)
        {
          place (self, index, first, end, y + space);
          first = end;
        }
      self->n_pages++;
      y = top;
      space = 0;
    }
}

static void
lay_out_pages (TrellisReportRenderer *self)
{
  double y = content_top (self);

  g_array_set_size (self->pieces, 0);
  self->n_pages = 1;
  for (guint i = 0; i < self->items->len; i++)
    y = place_item (self, i, y);
}

static Item *
find_writing_lines (TrellisReportRenderer *self)
{
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = &g_array_index (self->items, Item, i - 1);

      if (item->kind == TRELLIS_REPORT_BLOCK_LINES)
        return item;
    }
  return NULL;
}

/* Whether the last page starts with the closing: the writing lines, their heading and the
 * signatures, which follow everything else. */
static gboolean
closing_overflows (TrellisReportRenderer *self)
{
  Item *lines = find_writing_lines (self);
  guint closing_start;

  if (self->n_pages < 2 || lines == NULL || lines->n_writing_lines <= 1)
    return FALSE;
  closing_start = (guint) (lines - &g_array_index (self->items, Item, 0));
  if (closing_start > 0 && (lines - 1)->kind == TRELLIS_REPORT_BLOCK_SECTION)
    closing_start--;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page == self->n_pages - 1)
        return piece->item >= closing_start;
    }
  return FALSE;
}

/* The lines [@first, @end) of @layout, the first one’s top at (@x, @y). */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = 0;
  guint line = 0;

  do
    {
      PangoRectangle logical;
      int y0;

      if (line >= end)
        break;
      if (line < first)
        continue;
      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (line == first)
        origin = (double) y0 / PANGO_SCALE;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y - origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (line++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_line (cairo_t *cr,
           double   x0,
           double   x1,
           double   y,
           double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_progress (cairo_t    *cr,
               const Item *item,
               double      x,
               double      y)
{
  double line = layout_height (item->text) / pango_layout_get_line_count (item->text);
  double bar_y = y + (line - BAR_HEIGHT) / 2;
  double fraction = CLAMP (item->block->fraction, 0, 1);

  set_color (cr, &accent_light);
  cairo_rectangle (cr, x, bar_y, BAR_WIDTH, BAR_HEIGHT);
  cairo_fill (cr);
  if (fraction > 0)
    {
      set_color (cr, &accent);
      cairo_rectangle (cr, x, bar_y, BAR_WIDTH * fraction, BAR_HEIGHT);
      cairo_fill (cr);
    }
  set_color (cr, &ink);
  show_layout (cr, item->text, x + BAR_WIDTH + 8, y);
}

static void
draw_signatures (TrellisReportRenderer *self,
                 cairo_t               *cr,
                 const Item            *item,
                 double                 y)
{
  double column = content_width (self) / item->items->len;
  double line_y = y + 26;

  for (guint i = 0; i < item->items->len; i++)
    {
      double x = MARGIN_X + i * column;

      set_color (cr, &muted);
      draw_line (cr, x, x + column * 0.6, line_y, 0.6);
      draw_line (cr, x + column * 0.66, x + column * 0.92, line_y, 0.6);
      show_layout (cr, g_ptr_array_index (item->items, i), x, line_y + 3);
      show_layout (cr, item->label, x + column * 0.66, line_y + 3);
    }
}

static void
draw_piece (TrellisReportRenderer *self,
            cairo_t               *cr,
            const Piece           *piece)
{
  const Item *item = &g_array_index (self->items, Item, piece->item);
  double x = MARGIN_X;
  double y = piece->y;
  double width = content_width (self);

  switch ((int) item->kind)
    {
    case ITEM_TITLE:
      set_color (cr, &ink);
      show_layout (cr, item->text, x, y);
      set_color (cr, &muted);
      show_layout (cr, item->extra, x, y + layout_height (item->text) + 2);
      break;

    case TRELLIS_REPORT_BLOCK_SECTION:
      set_color (cr, &accent);
      show_layout (cr, item->text, x, y);
      set_color (cr, &accent_light);
      draw_line (cr, x, x + width, y + item->height - 1.5, 1.2);
      break;

    case TRELLIS_REPORT_BLOCK_GOAL:
      set_color (cr, &accent);
      cairo_rectangle (cr, x - 9, y + 1, 3, item->height - 2);
      cairo_fill (cr);
      set_color (cr, &ink);
      show_layout (cr, item->text, x, y);
      set_color (cr, &muted);
      show_layout (cr, item->extra, x, y + layout_height (item->text) + 1);
      break;

    case TRELLIS_REPORT_BLOCK_FIELD:
    case TRELLIS_REPORT_BLOCK_NOTE:
      if (item->label != NULL && piece->first_line == 0)
        {
          set_color (cr, &muted);
          show_layout (cr, item->label, x, y);
        }
      set_color (cr, &ink);
      show_lines (cr, item->text, x + item->text_x, y, piece->first_line, piece->end_line);
      break;

    case TRELLIS_REPORT_BLOCK_PROGRESS:
      set_color (cr, &muted);
      show_layout (cr, item->label, x, y);
      draw_progress (cr, item, x + item->text_x, y);
      break;

    case TRELLIS_REPORT_BLOCK_MAP:
      {
        TrellisPogMapStyle style = map_style (self);

        cairo_save (cr);
        cairo_translate (cr, x, y);
        trellis_pog_map_render_styled (item->block->map, cr, width, item->height, &style);
        cairo_restore (cr);
      }
      break;

    case TRELLIS_REPORT_BLOCK_LINES:
      set_color (cr, &muted);
      show_layout (cr, item->extra, x, y);
      set_color (cr, &rule);
      for (guint i = 1; i <= item->n_writing_lines; i++)
        draw_line (cr, x, x + width, y + layout_height (item->extra) + i * WRITING_LINE, 0.5);
      break;

    case TRELLIS_REPORT_BLOCK_SIGNATURES:
      draw_signatures (self, cr, item, y);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* One line of the running header or footer: @start at the start, @end at the end. */
static void
draw_chrome_line (TrellisReportRenderer *self,
                  cairo_t               *cr,
                  const char            *start,
                  const char            *end,
                  double                 y)
{
  pango_layout_set_width (self->chrome, (int) (content_width (self) * PANGO_SCALE));
  if (start != NULL)
    {
      pango_layout_set_alignment (self->chrome, PANGO_ALIGN_LEFT);
      pango_layout_set_text (self->chrome, start, -1);
      show_layout (cr, self->chrome, MARGIN_X, y);
    }
  pango_layout_set_alignment (self->chrome, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (self->chrome, end, -1);
  show_layout (cr, self->chrome, MARGIN_X, y);
}

static void
draw_chrome (TrellisReportRenderer *self,
             cairo_t               *cr,
             guint                  page)
{
  TrellisReport *report = self->report;
  g_autofree char *plan = g_strdup_printf ("%s  ·  %s", trellis_report_get_student_name (report),
                                           trellis_report_get_title (report));
  /* Translators: the page number at the foot of every printed page */
  g_autofree char *number = g_strdup_printf (trellis_report_translate (report, N_("Page %1$u of %2$u")),
                                             page + 1, self->n_pages);
  double footer_y = self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT + 10;

  set_color (cr, &muted);
  draw_chrome_line (self, cr, trellis_report_get_school_name (report), plan, MARGIN_TOP);
  draw_chrome_line (self, cr, trellis_report_get_print_date (report), number, footer_y);
  set_color (cr, &rule);
  draw_line (cr, MARGIN_X, self->page_width - MARGIN_X, MARGIN_TOP + HEADER_HEIGHT - 12, 0.5);
  draw_line (cr, MARGIN_X, self->page_width - MARGIN_X, footer_y - 5, 0.5);
}

/* Overrides */

static void
trellis_report_renderer_finalize (GObject *object)
{
  TrellisReportRenderer *self = TRELLIS_REPORT_RENDERER (object);

  g_clear_object (&self->report);
  g_clear_object (&self->chrome);
  g_array_unref (self->items);
  g_array_unref (self->pieces);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_report_renderer_parent_class)->finalize (object);
}

static void
trellis_report_renderer_class_init (TrellisReportRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_report_renderer_finalize;
}

static void
trellis_report_renderer_init (TrellisReportRenderer *self)
{
  static const struct {
    double       size;
    PangoWeight  weight;
    PangoStyle   style;
  } fonts[N_FONTS] = {
    [FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [FONT_QUOTE] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    [FONT_LABEL] = { 8.5, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL },
    [FONT_SMALL] = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [FONT_SECTION] = { 12.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [FONT_GOAL] = { 11.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [FONT_NAME] = { 20.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  };
  g_autoptr(PangoFontMap) font_map = NULL;
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The thread’s own font map: a batch may run in a worker thread. */
  font_map = g_object_ref (pango_cairo_font_map_get_default ());
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  /* The labels are English or Spanish: left to right; people’s words still find their own. */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_size (self->fonts[i], (int) (fonts[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], fonts[i].weight);
      pango_font_description_set_style (self->fonts[i], fonts[i].style);
    }

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->chrome = pango_layout_new (self->context);
  pango_layout_set_font_description (self->chrome, self->fonts[FONT_SMALL]);
  pango_layout_set_auto_dir (self->chrome, FALSE);
  pango_layout_set_ellipsize (self->chrome, PANGO_ELLIPSIZE_MIDDLE);
}

/* Public API */

/**
 * trellis_report_renderer_new:
 * @page_width: the paper’s width in points
 * @page_height: the paper’s height in points
 *
 * Returns: (transfer full): a renderer for pages of that size
 */
TrellisReportRenderer *
trellis_report_renderer_new (double page_width,
                             double page_height)
{
  TrellisReportRenderer *self = g_object_new (TRELLIS_TYPE_REPORT_RENDERER, NULL);

  trellis_report_renderer_set_page_size (self, page_width, page_height);
  return self;
}

/**
 * trellis_report_renderer_set_page_size:
 * @self: a renderer
 * @page_width: the paper’s width in points
 * @page_height: the paper’s height in points
 *
 * Takes effect at the next trellis_report_renderer_paginate().
 */
void
trellis_report_renderer_set_page_size (TrellisReportRenderer *self,
                                       double                 page_width,
                                       double                 page_height)
{
  g_return_if_fail (TRELLIS_IS_REPORT_RENDERER (self));
  g_return_if_fail (page_width > 4 * MARGIN_X && page_height > 8 * MARGIN_TOP);

  self->page_width = page_width;
  self->page_height = page_height;
}

/**
 * trellis_report_renderer_paginate:
 * @self: a renderer
 * @report: the report to lay out
 *
 * Measures @report and decides what goes on which page.
 *
 * Returns: the number of pages, at least 1
 */
guint
trellis_report_renderer_paginate (TrellisReportRenderer *self,
                                  TrellisReport         *report)
{
  GPtrArray *blocks;

  g_return_val_if_fail (TRELLIS_IS_REPORT_RENDERER (self), 0);
  g_return_val_if_fail (TRELLIS_IS_REPORT (report), 0);

  g_set_object (&self->report, report);
  g_array_set_size (self->items, 0);
  blocks = trellis_report_get_blocks (report);

  g_array_set_size (self->items, blocks->len + 1);
  init_title (self, &g_array_index (self->items, Item, 0));
  for (guint i = 0; i < blocks->len; i++)
    init_item (self, &g_array_index (self->items, Item, i + 1), g_ptr_array_index (blocks, i));

  lay_out_pages (self);
  if (closing_overflows (self))
    {
      /* Rather than a last page holding only the writing lines and signatures, write on
       * fewer lines. */
      Item *lines = find_writing_lines (self);

      lines->height -= (lines->n_writing_lines - 1) * WRITING_LINE;
      lines->n_writing_lines = 1;
      lay_out_pages (self);
    }
  return self->n_pages;
}

guint
trellis_report_renderer_get_n_pages (TrellisReportRenderer *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT_RENDERER (self), 0);

  return self->n_pages;
}

/**
 * trellis_report_renderer_draw_page:
 * @self: a renderer that has paginated a report
 * @cr: a context whose user space is the page in points, origin at the paper’s top left
 * @page: the page, from 0
 */
void
trellis_report_renderer_draw_page (TrellisReportRenderer *self,
                                   cairo_t               *cr,
                                   guint                  page)
{
  g_return_if_fail (TRELLIS_IS_REPORT_RENDERER (self));
  g_return_if_fail (self->report != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  draw_chrome (self, cr, page);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->page == page)
        draw_piece (self, cr, piece);
      else if (piece->page > page)
        break;
    }
  cairo_restore (cr);
}
