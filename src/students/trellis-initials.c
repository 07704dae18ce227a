/* trellis-initials.c — a round badge with a person’s initials, cheap enough for long lists
 *
 * AdwAvatar makes a Pango context and measures its label whenever its text changes; the
 * student list binds a few hundred rows per keystroke, so that cost adds up. This badge
 * only stores the initials and lays them out when it is drawn (a dozen visible rows). Its
 * CSS node is an `avatar` with the same colour classes, so it looks like AdwAvatar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-initials"

#include "trellis-initials.h"

/* As many colours as libadwaita’s avatar style has (avatar.color1 … avatar.color14). */
#define N_COLORS 14

struct _TrellisInitials
{
  GtkWidget  parent_instance;

  int        size;
  char      *initials;
  guint      color;   /* 1 … N_COLORS, 0 before a name is set */
};

G_DEFINE_FINAL_TYPE (TrellisInitials, trellis_initials, GTK_TYPE_WIDGET)

/* Helpers */

static void
append_initial (GString    *initials,
                const char *word)
{
  gunichar c = g_utf8_get_char (word);

  g_string_append_unichar (initials, g_unichar_toupper (c));
}

/* The first letters of the first and the last word, as AdwAvatar shows them. */
static char *
make_initials (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  guint n = 0;

  if (normalized == NULL)
    return g_string_free (initials, FALSE);
  words = g_strsplit_set (g_strstrip (normalized), " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (n == 0)
          append_initial (initials, words[i]);
        n++;
      }
  for (guint i = g_strv_length (words); n > 1 && i > 0; i--)
    if (*words[i - 1] != '\0')
      {
        append_initial (initials, words[i - 1]);
        break;
      }
  return g_string_free (initials, FALSE);
}

/* Overrides */

static void
trellis_initials_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TrellisInitials *self = TRELLIS_INITIALS (widget);

  *minimum = *natural = self->size;
}

static void
trellis_initials_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TrellisInitials *self = TRELLIS_INITIALS (widget);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attributes;
  PangoRectangle ink;
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* The circle is the CSS background; only the letters are drawn here. */
  if (self->initials == NULL || *self->initials == '\0')
    return;

  layout = gtk_widget_create_pango_layout (widget, self->initials);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (self->size * 0.4 * PANGO_SCALE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - ink.width) / 2.0f - ink.x,
                                                          (height - ink.height) / 2.0f - ink.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
trellis_initials_finalize (GObject *object)
{
  TrellisInitials *self = TRELLIS_INITIALS (object);

  g_free (self->initials);

  G_OBJECT_CLASS (trellis_initials_parent_class)->finalize (object);
}

static void
trellis_initials_class_init (TrellisInitialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trellis_initials_finalize;
  widget_class->measure = trellis_initials_measure;
  widget_class->snapshot = trellis_initials_snapshot;
  gtk_widget_class_set_css_name (widget_class, "avatar");
  /* Decoration: the row around it says the name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
trellis_initials_init (TrellisInitials *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Public API */

/**
 * trellis_initials_new:
 * @size: the diameter in pixels
 *
 * Returns: (transfer floating): a badge without a name yet
 */
GtkWidget *
trellis_initials_new (int size)
{
  TrellisInitials *self = g_object_new (TRELLIS_TYPE_INITIALS, NULL);

  self->size = size;
  return GTK_WIDGET (self);
}

/**
 * trellis_initials_set_name:
 * @self: a badge
 * @name: the person’s name; its hash picks the colour, as AdwAvatar’s does
 */
void
trellis_initials_set_name (TrellisInitials *self,
                           const char      *name)
{
  g_autofree char *initials = NULL;
  guint color;

  g_return_if_fail (TRELLIS_IS_INITIALS (self));
  g_return_if_fail (name != NULL);

  initials = make_initials (name);
  color = g_str_hash (name) % N_COLORS + 1;
  if (color != self->color)
    {
      char old_class[16], new_class[16];

      g_snprintf (old_class, sizeof old_class, "color%u", self->color);
      g_snprintf (new_class, sizeof new_class, "color%u", color);
      gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), new_class);
      self->color = color;
    }
  if (g_strcmp0 (initials, self->initials) != 0)
    {
      g_free (self->initials);
      self->initials = g_steal_pointer (&initials);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}
