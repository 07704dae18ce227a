/* trellis-student-scope.c — which students an export takes: the selected one, the ones shown, all
 *
 * The three choices of the XML and PDF export dialogs, as one group of rows with a check
 * button each. The dialogs give the group its title and description, the last row its title
 * (“Whole database”, “All current students”) and each row’s subtitle, which says how many
 * students it takes; a choice that takes nobody cannot be chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-scope"

#include <glib/gi18n.h>

#include "trellis-student-scope.h"

struct _TrellisStudentScope
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *selected_row;
  AdwActionRow        *shown_row;
  AdwActionRow        *all_row;
  GtkCheckButton      *selected_check;
  GtkCheckButton      *shown_check;
  GtkCheckButton      *all_check;
};

G_DEFINE_FINAL_TYPE (TrellisStudentScope, trellis_student_scope, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ALL_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
trellis_student_scope_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_STUDENT_SCOPE);

  G_OBJECT_CLASS (trellis_student_scope_parent_class)->dispose (object);
}

static void
trellis_student_scope_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisStudentScope *self = TRELLIS_STUDENT_SCOPE (object);

  switch (prop_id)
    {
    case PROP_ALL_TITLE:
      g_value_set_string (value, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->all_row)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_scope_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisStudentScope *self = TRELLIS_STUDENT_SCOPE (object);
  const char *title;

  switch (prop_id)
    {
    case PROP_ALL_TITLE:
      title = g_value_get_string (value);
      if (g_strcmp0 (title, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->all_row))) == 0)
        break;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row), title ? title : "");
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_scope_class_init (TrellisStudentScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_scope_dispose;
  object_class->get_property = trellis_student_scope_get_property;
  object_class->set_property = trellis_student_scope_set_property;

  /**
   * TrellisStudentScope:all-title:
   *
   * The title of the last choice, with a mnemonic: what “everyone” means to this export.
   */
  properties[PROP_ALL_TITLE] =
    g_param_spec_string ("all-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-student-scope.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, selected_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, shown_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, all_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, selected_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, shown_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentScope, all_check);
}

static void
trellis_student_scope_init (TrellisStudentScope *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_student_scope_set_counts:
 * @self: the choices
 * @selected_name: (nullable): the selected student’s name, %NULL when no one is selected
 * @shown: how many students the list shows, in the export’s words (“12 plans”)
 * @any_shown: whether the list shows anyone
 * @all: how many students “all” takes, in the export’s words
 * @any_at_all: whether “all” takes anyone
 *
 * Says what each choice takes, and chooses the selected student, or everyone when no one is
 * selected.
 */
void
trellis_student_scope_set_counts (TrellisStudentScope *self,
                                  const char          *selected_name,
                                  const char          *shown,
                                  gboolean             any_shown,
                                  const char          *all,
                                  gboolean             any_at_all)
{
  g_return_if_fail (TRELLIS_IS_STUDENT_SCOPE (self));

  adw_action_row_set_subtitle (self->selected_row, selected_name ? selected_name
                                                                 : _("No student is selected"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->selected_row), selected_name != NULL);
  adw_action_row_set_subtitle (self->shown_row, shown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shown_row), any_shown);
  adw_action_row_set_subtitle (self->all_row, all);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_row), any_at_all);
  gtk_check_button_set_active (selected_name ? self->selected_check : self->all_check, TRUE);
}

/**
 * trellis_student_scope_get_choice:
 * @self: the choices
 *
 * Returns: the students chosen
 */
TrellisStudentScopeChoice
trellis_student_scope_get_choice (TrellisStudentScope *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SCOPE (self), TRELLIS_STUDENT_SCOPE_ALL);

  if (gtk_check_button_get_active (self->selected_check))
    return TRELLIS_STUDENT_SCOPE_SELECTED;
  if (gtk_check_button_get_active (self->shown_check))
    return TRELLIS_STUDENT_SCOPE_SHOWN;
  return TRELLIS_STUDENT_SCOPE_ALL;
}
