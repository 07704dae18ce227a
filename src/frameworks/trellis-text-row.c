/* trellis-text-row.c — a boxed-list row that edits a paragraph of text
 *
 * AdwEntryRow holds one line; descriptions are paragraphs, so this row puts a wrapping text
 * view under its title. Tab leaves the text (it never inserts a tab), so the row stays usable
 * from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-text-row"

#include <glib/gi18n.h>

#include "trellis-text-row.h"

struct _TrellisTextRow
{
  AdwPreferencesRow  parent_instance;

  char              *text;

  GtkLabel          *label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (TrellisTextRow, trellis_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static void
on_buffer_changed (GtkTextBuffer  *buffer,
                   TrellisTextRow *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* Overrides */

static void
trellis_text_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisTextRow *self = TRELLIS_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, trellis_text_row_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_text_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrellisTextRow *self = TRELLIS_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      trellis_text_row_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (trellis_text_row_parent_class)->dispose (object);
}

static void
trellis_text_row_finalize (GObject *object)
{
  g_free (TRELLIS_TEXT_ROW (object)->text);

  G_OBJECT_CLASS (trellis_text_row_parent_class)->finalize (object);
}

static void
trellis_text_row_class_init (TrellisTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = trellis_text_row_get_property;
  object_class->set_property = trellis_text_row_set_property;
  object_class->dispose = trellis_text_row_dispose;
  object_class->finalize = trellis_text_row_finalize;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisTextRow, label);
  gtk_widget_class_bind_template_child (widget_class, TrellisTextRow, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed);
}

static void
trellis_text_row_init (TrellisTextRow *self)
{
  self->text = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "title", self->label, "label", G_BINDING_SYNC_CREATE);
}

/* Public API */

const char *
trellis_text_row_get_text (TrellisTextRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEXT_ROW (self), NULL);
  return self->text;
}

void
trellis_text_row_set_text (TrellisTextRow *self,
                           const char     *text)
{
  g_return_if_fail (TRELLIS_IS_TEXT_ROW (self));

  /* The buffer’s changed handler updates self->text and notifies. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}
