/* trellis-student-row.c — one student in the list: name, grade, homeroom and plan status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-row"

#include <glib/gi18n.h>

#include "trellis-student-row.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisStudentRow
{
  GtkWidget  parent_instance;

  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *details_label;
  GtkLabel  *status_label;
};

G_DEFINE_FINAL_TYPE (TrellisStudentRow, trellis_student_row, GTK_TYPE_WIDGET)

/* The badge’s style per plan status; the CSS lives in ui/style.css. */
static const char * const status_classes[] = {
  "status-none", "status-draft", "status-active", "status-in-review", "status-completed",
  "status-archived",
};

/* Overrides */

static void
trellis_student_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_STUDENT_ROW);

  G_OBJECT_CLASS (trellis_student_row_parent_class)->dispose (object);
}

static void
trellis_student_row_class_init (TrellisStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-student-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentRow, status_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_student_row_init (TrellisStudentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
trellis_student_row_new (void)
{
  return g_object_new (TRELLIS_TYPE_STUDENT_ROW, NULL);
}

/**
 * trellis_student_row_set_summary:
 * @self: a row
 * @summary: the student to show
 */
void
trellis_student_row_set_summary (TrellisStudentRow     *self,
                                 TrellisStudentSummary *summary)
{
  g_autofree char *grade = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *homeroom;
  const char *status;
  const char *status_label;
  guint status_index = 0;

  g_return_if_fail (TRELLIS_IS_STUDENT_ROW (self));
  g_return_if_fail (TRELLIS_IS_STUDENT_SUMMARY (summary));

  grade = trellis_grade_level_label (trellis_student_summary_get_grade_level (summary));
  homeroom = trellis_student_summary_get_homeroom (summary);
  if (homeroom != NULL && *homeroom != '\0')
    /* Translators: the grade, then the homeroom: “Grade 7 · Room 12” */
    details = g_strdup_printf (_("%s · %s"), grade, homeroom);
  else
    details = g_strdup (grade);

  status = trellis_student_summary_get_plan_status (summary);
  status_label = status != NULL ? trellis_vocabulary_label (trellis_plan_statuses, status)
                                : _("No plan");
  if (trellis_student_summary_get_archived (summary))
    status_label = _("Archived student");
  for (guint i = 0; status != NULL && trellis_plan_statuses[i] != NULL; i++)
    if (g_strcmp0 (trellis_plan_statuses[i], status) == 0)
      status_index = i + 1;

  adw_avatar_set_text (self->avatar, trellis_student_summary_get_display_name (summary));
  gtk_label_set_label (self->name_label, trellis_student_summary_get_display_name (summary));
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->status_label, status_label);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status_index]);
  gtk_widget_set_opacity (GTK_WIDGET (self), trellis_student_summary_get_archived (summary) ? 0.6 : 1.0);

  /* Translators: what a screen reader says for a row: name, grade and homeroom, plan status */
  accessible = g_strdup_printf (_("%s, %s, %s"), trellis_student_summary_get_display_name (summary),
                                details, status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  trellis_list_item_set_accessible_label (GTK_WIDGET (self), accessible);
}
