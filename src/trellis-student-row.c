/* trellis-student-row.c — one student in the list: name, grade, homeroom and plan status
 *
 * Built in code rather than from a template, with as few widgets as the layout needs (the
 * row lays out its three parts itself, the initials are a TrellisInitials): GTK 4.8’s list
 * view keeps about 200 rows alive and makes new ones for every student a keystroke brings
 * into view, so a row’s cost is paid hundreds of times per keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-row"

#include <glib/gi18n.h>

#include "trellis-initials.h"
#include "trellis-student-row.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

struct _TrellisStudentRow
{
  GtkWidget  parent_instance;

  TrellisStudentSummary *summary;
  GtkWidget *initials;
  GtkLabel  *name_label;   /* the name, and grade and homeroom below it in small dim type */
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
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&TRELLIS_STUDENT_ROW (object)->summary);

  G_OBJECT_CLASS (trellis_student_row_parent_class)->dispose (object);
}

static void
trellis_student_row_class_init (TrellisStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
trellis_student_row_init (TrellisStudentRow *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->initials = trellis_initials_new (36);
  gtk_widget_set_valign (self->initials, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->initials, GTK_WIDGET (self));

  /* One label for two lines: each line is ellipsized on its own. */
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (GTK_WIDGET (self->name_label), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->name_label), GTK_WIDGET (self));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "status-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), GTK_WIDGET (self));
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
  g_autofree char *markup = NULL;
  const char *homeroom;
  const char *status;
  const char *status_label;
  guint status_index = 0;

  g_return_if_fail (TRELLIS_IS_STUDENT_ROW (self));
  g_return_if_fail (TRELLIS_IS_STUDENT_SUMMARY (summary));

  /* A search moves students up and down the rows; a row that keeps its student is done. */
  if (!g_set_object (&self->summary, summary))
    return;

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

  trellis_initials_set_name (TRELLIS_INITIALS (self->initials), trellis_student_summary_get_display_name (summary));
  /* The second line looks like the “caption” and “dim-label” styles. */
  markup = g_markup_printf_escaped ("%s\n<span size=\"9216\" alpha=\"55%%\">%s</span>",
                                    trellis_student_summary_get_display_name (summary), details);
  gtk_label_set_markup (self->name_label, markup);
  gtk_label_set_label (self->status_label, status_label);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status_index]);
  gtk_widget_set_opacity (GTK_WIDGET (self), trellis_student_summary_get_archived (summary) ? 0.6 : 1.0);

  /* Translators: what a screen reader says for a row: name, grade and homeroom, plan status */
  accessible = g_strdup_printf (_("%s, %s, %s"), trellis_student_summary_get_display_name (summary),
                                details, status_label);
  trellis_accessible_set_label (GTK_WIDGET (self), accessible);
  trellis_list_item_set_accessible_label (GTK_WIDGET (self), accessible);
}
