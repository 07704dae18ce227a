/* trellis-date-button.c — a date chosen from a calendar popover, never typed as free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-date-button"

#include <glib/gi18n.h>

#include "trellis-date-button.h"

struct _TrellisDateButton
{
  GtkWidget       parent_instance;

  char           *date;      /* YYYY-MM-DD or NULL */
  char           *label;     /* what the date is, e.g. “Target date”, for screen readers */

  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkButton      *clear_button;
};

G_DEFINE_FINAL_TYPE (TrellisDateButton, trellis_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update_display (TrellisDateButton *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (self->date != NULL)
    {
      g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", self->date);
      when = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (when != NULL)
    /* Translators: a date on a button, see g_date_time_format() */
    shown = g_date_time_format (when, _("%e %b %Y"));
  else
    shown = g_strdup (_("No date"));
  g_strstrip (shown);

  gtk_menu_button_set_label (self->menu_button, shown);
  /* Translators: “Target date: 3 Mar 2027”, the accessible name of a date button */
  accessible = g_strdup_printf (_("%s: %s"), self->label ? self->label : _("Date"), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->date != NULL);

  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (when),
                                                          g_date_time_get_month (when),
                                                          g_date_time_get_day_of_month (when), 12, 0, 0);
      gtk_calendar_select_day (self->calendar, local);
    }
}

/* Callbacks */

static void
on_calendar_day_selected (TrellisDateButton *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  trellis_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (TrellisDateButton *self)
{
  trellis_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

/* Overrides */

static void
trellis_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_DATE_BUTTON);

  G_OBJECT_CLASS (trellis_date_button_parent_class)->dispose (object);
}

static void
trellis_date_button_finalize (GObject *object)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->label);

  G_OBJECT_CLASS (trellis_date_button_parent_class)->finalize (object);
}

static void
trellis_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_date_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      trellis_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      update_display (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_date_button_class_init (TrellisDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_date_button_dispose;
  object_class->finalize = trellis_date_button_finalize;
  object_class->get_property = trellis_date_button_get_property;
  object_class->set_property = trellis_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_date_button_init (TrellisDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_display (self);
}

/* Public API */

GtkWidget *
trellis_date_button_new (const char *label)
{
  return g_object_new (TRELLIS_TYPE_DATE_BUTTON, "label", label, NULL);
}

/**
 * trellis_date_button_get_date:
 * @self: a date button
 *
 * Returns: (nullable): the chosen date as `YYYY-MM-DD`, or %NULL for none
 */
const char *
trellis_date_button_get_date (TrellisDateButton *self)
{
  g_return_val_if_fail (TRELLIS_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

void
trellis_date_button_set_date (TrellisDateButton *self,
                              const char        *date)
{
  g_return_if_fail (TRELLIS_IS_DATE_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
