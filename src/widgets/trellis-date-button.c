/* trellis-date-button.c — picks a calendar date from a popover, or none
 *
 * The date is an ISO 8601 calendar date (`2012-02-29`) or %NULL, the form of DATE fields, so
 * nothing typed by hand can be malformed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-date-button"

#include <glib/gi18n.h>

#include "trellis-date-button.h"
#include "trellis-widget-utils.h"

struct _TrellisDateButton
{
  GtkWidget      parent_instance;

  char          *date;
  char          *what;      /* what the date is, e.g. “Target date”, for screen readers */
  gboolean       picked;    /* a day was clicked; stored when the popover closes */

  GtkMenuButton *menu_button;
  GtkLabel      *label;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
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
update_label (TrellisDateButton *self)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *text = NULL;

  if (self->date != NULL)
    {
      g_autofree char *midnight = g_strconcat (self->date, "T00:00:00Z", NULL);
      parsed = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (parsed != NULL)
    /* Translators: a date on a button, see g_date_time_format() */
    text = g_date_time_format (parsed, _("%-e %B %Y"));
  gtk_label_set_label (self->label, text != NULL ? g_strstrip (text) : _("Not set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->label), -1);
  if (self->what != NULL)
    {
      /* Translators: a date button's spoken name: what the date is, then the date */
      g_autofree char *spoken = g_strdup_printf (_("%s: %s"), self->what, gtk_label_get_label (self->label));
      trellis_accessible_set_label (GTK_WIDGET (self->menu_button), spoken);
    }
  else
    /* Without a label (a row’s title says what it is), the button says at least its date. */
    trellis_accessible_set_label (GTK_WIDGET (self->menu_button), gtk_label_get_label (self->label));
}

/* Callbacks */

/* Browsing months and years also selects days: only the day showing when the popover closes
 * counts, so the history gets one change, not one per month browsed. */
static void
on_day_selected (TrellisDateButton *self)
{
  self->picked = TRUE;
}

static void
on_popover_closed (TrellisDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (!self->picked)
    return;
  self->picked = FALSE;
  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  trellis_date_button_set_date (self, date);
}

static void
on_set_clicked (TrellisDateButton *self)
{
  self->picked = TRUE;
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (TrellisDateButton *self)
{
  self->picked = FALSE;
  gtk_popover_popdown (self->popover);
  trellis_date_button_set_date (self, NULL);
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
  g_free (TRELLIS_DATE_BUTTON (object)->date);
  g_free (TRELLIS_DATE_BUTTON (object)->what);

  G_OBJECT_CLASS (trellis_date_button_parent_class)->finalize (object);
}

static void
trellis_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, TRELLIS_DATE_BUTTON (object)->date);
      break;
    case PROP_LABEL:
      g_value_set_string (value, TRELLIS_DATE_BUTTON (object)->what);
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
  switch (prop_id)
    {
    case PROP_DATE:
      trellis_date_button_set_date (TRELLIS_DATE_BUTTON (object), g_value_get_string (value));
      break;
    case PROP_LABEL:
      {
        TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

        if (g_strcmp0 (self->what, g_value_get_string (value)) == 0)
          break;
        g_free (self->what);
        self->what = g_value_dup_string (value);
        update_label (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
trellis_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRELLIS_DATE_BUTTON (widget)->menu_button));
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
  widget_class->grab_focus = trellis_date_button_grab_focus;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_set_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_date_button_init (TrellisDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

/* Public API */

GtkWidget *
trellis_date_button_new (void)
{
  return g_object_new (TRELLIS_TYPE_DATE_BUTTON, NULL);
}

/**
 * trellis_date_button_get_date:
 * @self: a date button
 *
 * Returns: (nullable): the chosen date as `YYYY-MM-DD`, %NULL when none is
 */
const char *
trellis_date_button_get_date (TrellisDateButton *self)
{
  g_return_val_if_fail (TRELLIS_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

/**
 * trellis_date_button_set_date:
 * @self: a date button
 * @date: (nullable): a date as `YYYY-MM-DD`, or %NULL for none
 */
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

  if (date != NULL)
    {
      g_autofree char *midnight = g_strconcat (date, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (midnight, NULL);

      if (parsed != NULL)
        {
          g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
          gtk_calendar_select_day (self->calendar, parsed);
          g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
        }
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
