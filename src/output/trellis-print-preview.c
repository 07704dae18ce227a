/* trellis-print-preview.c — a window that shows a printed plan page by page before printing
 *
 * GTK hands previews to an external viewer that lab machines often lack; this window draws the
 * very pages the printer gets, with the same renderer, scaled to fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-print-preview"

#include <glib/gi18n.h>

#include "trellis-print-preview.h"

#define PAGE_MARGIN 16.0

struct _TrellisPrintPreview
{
  AdwWindow              parent_instance;

  AdwWindowTitle        *window_title;
  GtkDrawingArea        *page_area;

  TrellisReportRenderer *renderer;
  double                 page_width;
  double                 page_height;
  guint                  page;
};

G_DEFINE_FINAL_TYPE (TrellisPrintPreview, trellis_print_preview, ADW_TYPE_WINDOW)

/* Helpers */

static void
show_page (TrellisPrintPreview *self,
           guint                page)
{
  guint n_pages = trellis_report_renderer_get_n_pages (self->renderer);
  g_autofree char *subtitle = NULL;

  self->page = MIN (page, n_pages - 1);
  subtitle = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* Callbacks */

static void
on_page_area_draw (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  TrellisPrintPreview *self = user_data;
  double scale = MIN ((width - 2 * PAGE_MARGIN) / self->page_width,
                      (height - 2 * PAGE_MARGIN) / self->page_height);
  double x = (width - self->page_width * scale) / 2;
  double y = (height - self->page_height * scale) / 2;

  if (scale <= 0)
    return;

  /* The sheet: white with a soft edge, whatever the theme. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, self->page_width * scale, self->page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, self->page_width * scale, self->page_height * scale);
  cairo_fill (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  trellis_report_renderer_draw_page (self->renderer, cr, self->page);
}

static void
on_previous_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);

  if (self->page > 0)
    show_page (self, self->page - 1);
}

static void
on_next_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);

  show_page (self, self->page + 1);
}

/* Overrides */

static void
trellis_print_preview_dispose (GObject *object)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (object);

  g_clear_object (&self->renderer);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PRINT_PREVIEW);

  G_OBJECT_CLASS (trellis_print_preview_parent_class)->dispose (object);
}

static void
trellis_print_preview_class_init (TrellisPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_print_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, on_previous_activated);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, on_next_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_print_preview_init (TrellisPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, on_page_area_draw, self, NULL);
}

/* Public API */

/**
 * trellis_print_preview_new:
 * @renderer: a renderer that has paginated a report
 * @title: what is previewed, e.g. the student’s name
 * @page_width: the paper’s width in points
 * @page_height: the paper’s height in points
 *
 * Returns: (transfer full): a new preview window on the first page
 */
TrellisPrintPreview *
trellis_print_preview_new (TrellisReportRenderer *renderer,
                           const char            *title,
                           double                 page_width,
                           double                 page_height)
{
  TrellisPrintPreview *self;

  g_return_val_if_fail (TRELLIS_IS_REPORT_RENDERER (renderer), NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_PREVIEW, NULL);
  self->renderer = g_object_ref (renderer);
  self->page_width = page_width;
  self->page_height = page_height;
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  show_page (self, 0);
  return self;
}
