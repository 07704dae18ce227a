/* trellis-student-row.c — one student in the list: name, grade, homeroom and plan status
 *
 * Built in code rather than from a template: the list makes and remakes these rows while the
 * user types, and parsing a template per row costs milliseconds that search-as-you-type lacks.
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
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_student_row_parent_class)->dispose (object);
}

static void
trellis_student_row_class_init (TrellisStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkLabel *
new_label (GtkBox     *box,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    {
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, style);
    }
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
trellis_student_row_init (TrellisStudentRow *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_parent (row, GTK_WIDGET (self));

  self->avatar = ADW_AVATAR (adw_avatar_new (36, NULL, TRUE));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->avatar));

  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (row), names);
  self->name_label = new_label (GTK_BOX (names), NULL);
  self->details_label = new_label (GTK_BOX (names), "dim-label");

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "status-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->status_label));
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
  trellis_accessible_set_label (GTK_WIDGET (self), accessible);
  trellis_list_item_set_accessible_label (GTK_WIDGET (self), accessible);
}
