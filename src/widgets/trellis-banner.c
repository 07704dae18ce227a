/* trellis-banner.c — a message across the window with an optional button (AdwBanner is 1.3)
 *
 * Slides in and out with a GtkRevealer. Screen readers hear it as a status with its title as
 * its name; the button is a normal, focusable button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-banner"

#include "trellis-banner.h"

struct _TrellisBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (TrellisBanner, trellis_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BUTTON_LABEL,
  PROP_REVEALED,
  N_PROPS
};

enum {
  BUTTON_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Callbacks */

static void
on_button_clicked (TrellisBanner *self)
{
  g_signal_emit (self, signals[BUTTON_CLICKED], 0);
}

/* Overrides */

static void
trellis_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_BANNER);

  G_OBJECT_CLASS (trellis_banner_parent_class)->dispose (object);
}

static void
trellis_banner_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisBanner *self = TRELLIS_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, trellis_banner_get_title (self));
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, trellis_banner_get_button_label (self));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, trellis_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_banner_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisBanner *self = TRELLIS_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      trellis_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_BUTTON_LABEL:
      trellis_banner_set_button_label (self, g_value_get_string (value));
      break;
    case PROP_REVEALED:
      trellis_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_banner_class_init (TrellisBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_banner_dispose;
  object_class->get_property = trellis_banner_get_property;
  object_class->set_property = trellis_banner_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisBanner::button-clicked:
   *
   * The banner’s button was activated.
   */
  signals[BUTTON_CLICKED] =
    g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "trellisbanner");
}

static void
trellis_banner_init (TrellisBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_banner_new:
 * @title: the message
 *
 * A hidden banner; show it with trellis_banner_set_revealed().
 *
 * Returns: (transfer floating): the banner
 */
GtkWidget *
trellis_banner_new (const char *title)
{
  return g_object_new (TRELLIS_TYPE_BANNER, "title", title, NULL);
}

const char *
trellis_banner_get_title (TrellisBanner *self)
{
  g_return_val_if_fail (TRELLIS_IS_BANNER (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/**
 * trellis_banner_set_title:
 * @self: a banner
 * @title: the message, also the banner’s accessible name
 */
void
trellis_banner_set_title (TrellisBanner *self,
                          const char    *title)
{
  g_return_if_fail (TRELLIS_IS_BANNER (self));

  if (g_strcmp0 (title, trellis_banner_get_title (self)) == 0)
    return;
  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * trellis_banner_get_button_label:
 * @self: a banner
 *
 * Returns: (nullable): the button’s label, %NULL when the banner has no button
 */
const char *
trellis_banner_get_button_label (TrellisBanner *self)
{
  g_return_val_if_fail (TRELLIS_IS_BANNER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->button)))
    return NULL;
  return gtk_button_get_label (self->button);
}

/**
 * trellis_banner_set_button_label:
 * @self: a banner
 * @label: (nullable): the button’s label with a mnemonic (“_Restore…”), %NULL for no button
 */
void
trellis_banner_set_button_label (TrellisBanner *self,
                                 const char    *label)
{
  g_return_if_fail (TRELLIS_IS_BANNER (self));

  if (g_strcmp0 (label, trellis_banner_get_button_label (self)) == 0)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
  if (label != NULL)
    gtk_button_set_label (self->button, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
trellis_banner_get_revealed (TrellisBanner *self)
{
  g_return_val_if_fail (TRELLIS_IS_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

void
trellis_banner_set_revealed (TrellisBanner *self,
                             gboolean       revealed)
{
  g_return_if_fail (TRELLIS_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == trellis_banner_get_revealed (self))
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}
