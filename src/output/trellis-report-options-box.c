/* trellis-report-options-box.c — the choices of a printed plan: what to include, language, paper
 *
 * Shown as the “Plan” tab of the print dialog (whose own tabs choose the paper and the sides)
 * and inside the Export to PDF dialog (where this box offers paper and double-sided too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-report-options-box"

#include <glib/gi18n.h>

#include "trellis-catalog.h"
#include "trellis-report-options-box.h"

struct _TrellisReportOptionsBox
{
  GtkWidget       parent_instance;

  GtkWidget      *grid;
  GtkCheckButton *map_check;
  GtkCheckButton *notes_check;
  GtkCheckButton *supports_check;
  GtkDropDown    *language_dropdown;
  GtkWidget      *paper_label;
  GtkDropDown    *paper_dropdown;
  GtkCheckButton *double_sided_check;

  GPtrArray      *languages;   /* the codes behind the drop-down; NULL for the family’s */
};

G_DEFINE_FINAL_TYPE (TrellisReportOptionsBox, trellis_report_options_box, GTK_TYPE_WIDGET)

/* Languages offered, each named in itself; only those with an installed translation show. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "es", "Español" },
};

/* Helpers */

static void
fill_languages (TrellisReportOptionsBox *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->languages = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Each family’s language"));
  g_ptr_array_add (self->languages, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(TrellisCatalog) catalog = trellis_catalog_get (languages[i].code);

      if (catalog == NULL)
        continue;
      gtk_string_list_append (names, languages[i].name);
      g_ptr_array_add (self->languages, g_strdup (languages[i].code));
    }
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));
}

/* Overrides */

static void
trellis_report_options_box_dispose (GObject *object)
{
  TrellisReportOptionsBox *self = TRELLIS_REPORT_OPTIONS_BOX (object);

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_REPORT_OPTIONS_BOX);

  G_OBJECT_CLASS (trellis_report_options_box_parent_class)->dispose (object);
}

static void
trellis_report_options_box_class_init (TrellisReportOptionsBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_report_options_box_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-report-options-box.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, grid);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, map_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, notes_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, supports_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, paper_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisReportOptionsBox, double_sided_check);
}

static void
trellis_report_options_box_init (TrellisReportOptionsBox *self)
{
  g_autoptr(TrellisReportOptions) defaults = trellis_report_options_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_languages (self);
  trellis_report_options_box_set_options (self, defaults);
}

/* Public API */

/**
 * trellis_report_options_box_new:
 * @show_paper: whether to offer the paper and double-sided printing (the print dialog has its own)
 *
 * Returns: (transfer floating): a new options box showing the default options
 */
GtkWidget *
trellis_report_options_box_new (gboolean show_paper)
{
  TrellisReportOptionsBox *self = g_object_new (TRELLIS_TYPE_REPORT_OPTIONS_BOX, NULL);

  gtk_widget_set_visible (self->paper_label, show_paper);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_dropdown), show_paper);
  gtk_widget_set_visible (GTK_WIDGET (self->double_sided_check), show_paper);
  return GTK_WIDGET (self);
}

void
trellis_report_options_box_set_options (TrellisReportOptionsBox    *self,
                                        const TrellisReportOptions *options)
{
  guint language = 0;

  g_return_if_fail (TRELLIS_IS_REPORT_OPTIONS_BOX (self));
  g_return_if_fail (options != NULL);

  gtk_check_button_set_active (self->map_check, options->include_map);
  gtk_check_button_set_active (self->notes_check, options->include_notes);
  gtk_check_button_set_active (self->supports_check, options->include_supports);
  gtk_check_button_set_active (self->double_sided_check, options->double_sided);
  gtk_drop_down_set_selected (self->paper_dropdown, options->paper);
  for (guint i = 1; i < self->languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->languages, i), options->language) == 0)
      language = i;
  gtk_drop_down_set_selected (self->language_dropdown, language);
}

/**
 * trellis_report_options_box_dup_options:
 * @self: an options box
 *
 * Returns: (transfer full): the options as chosen
 */
TrellisReportOptions *
trellis_report_options_box_dup_options (TrellisReportOptionsBox *self)
{
  TrellisReportOptions *options;
  guint language;

  g_return_val_if_fail (TRELLIS_IS_REPORT_OPTIONS_BOX (self), NULL);

  options = trellis_report_options_new ();
  options->include_map = gtk_check_button_get_active (self->map_check);
  options->include_notes = gtk_check_button_get_active (self->notes_check);
  options->include_supports = gtk_check_button_get_active (self->supports_check);
  options->double_sided = gtk_check_button_get_active (self->double_sided_check);
  options->paper = gtk_drop_down_get_selected (self->paper_dropdown) == TRELLIS_PAPER_LETTER
                     ? TRELLIS_PAPER_LETTER : TRELLIS_PAPER_A4;
  language = gtk_drop_down_get_selected (self->language_dropdown);
  if (language < self->languages->len)
    trellis_report_options_set_language (options, g_ptr_array_index (self->languages, language));
  return options;
}
