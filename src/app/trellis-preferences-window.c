/* trellis-preferences-window.c — the school’s preferences, stored in its database
 *
 * One page per concern; the “School” page holds the school’s name, shown in the title and on
 * printed plans. Other pages (the framework editor) are added by their own classes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-preferences-window"

#include <glib/gi18n.h>

#include "trellis-frameworks-page.h"
#include "trellis-preferences-window.h"
#include "trellis-widget-utils.h"

struct _TrellisPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  TrellisStore         *store;

  AdwEntryRow          *school_name_row;
  TrellisFrameworksPage *frameworks_page;
};

G_DEFINE_FINAL_TYPE (TrellisPreferencesWindow, trellis_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* libadwaita 1.2 leaves the preferences window's search entry nameless. */
static void
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      trellis_accessible_set_label (GTK_WIDGET (widget), _("Search preferences"));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_search_entry (child);
}

static void
load (TrellisPreferencesWindow *self)
{
  g_autofree char *school = NULL;

  if (self->store != NULL)
    school = trellis_store_dup_setting (self->store, "school-name");
  gtk_editable_set_text (GTK_EDITABLE (self->school_name_row), school ? school : "");
}

/* Callbacks */

static void
on_school_name_apply (TrellisPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_name_row))));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!trellis_store_set_setting (self->store, "school-name", *name ? name : NULL, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* Overrides */

static void
trellis_preferences_window_dispose (GObject *object)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_preferences_window_parent_class)->dispose (object);
}

static void
trellis_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  TrellisPreferencesWindow *self = TRELLIS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          load (self);
          trellis_frameworks_page_set_store (self->frameworks_page, self->store);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_preferences_window_class_init (TrellisPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_preferences_window_dispose;
  object_class->get_property = trellis_preferences_window_get_property;
  object_class->set_property = trellis_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, school_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, frameworks_page);
  gtk_widget_class_bind_template_callback (widget_class, on_school_name_apply);
}

static void
trellis_preferences_window_init (TrellisPreferencesWindow *self)
{
  g_type_ensure (TRELLIS_TYPE_FRAMEWORKS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entry (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_preferences_window_new:
 * @store: the database whose preferences to edit
 *
 * Returns: (transfer floating): the window
 */
TrellisPreferencesWindow *
trellis_preferences_window_new (TrellisStore *store)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  return g_object_new (TRELLIS_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
}

/**
 * trellis_preferences_window_get_store:
 * @self: the window
 *
 * Returns: (transfer none): the database whose preferences are edited
 */
TrellisStore *
trellis_preferences_window_get_store (TrellisPreferencesWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}
