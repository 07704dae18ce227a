/* trellis-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-window"

#include <glib/gi18n.h>

#include "trellis-student.h"
#include "trellis-window.h"

struct _TrellisWindow
{
  AdwApplicationWindow  parent_instance;

  TrellisStore         *store;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static void
show_database (TrellisWindow *self,
               const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 count;

  g_clear_object (&self->store);
  self->store = trellis_store_open (path, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The database could not be opened"));
      adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  count = trellis_store_count (self->store, TRELLIS_TYPE_STUDENT);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%" G_GINT64_FORMAT " student",
                                              "%s\n%" G_GINT64_FORMAT " students", count),
                                 path, count);
  adw_status_page_set_title (self->status_page, _("Trellis"));
  adw_status_page_set_description (self->status_page, description);
}

/* Overrides */

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, status_page);
}

static void
trellis_window_init (TrellisWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

TrellisWindow *
trellis_window_new (TrellisApplication *application)
{
  TrellisWindow *self = g_object_new (TRELLIS_TYPE_WINDOW, "application", application, NULL);

  show_database (self, trellis_application_get_database_path (application));
  return self;
}
