/* trellis-student-row.c — one student in the list: name, grade, homeroom and plan status
 *
 * Built in code rather than from a template, with as few widgets as the layout needs (the
 * initials are a TrellisInitials): GTK 4.8’s list view keeps about 200 rows alive and makes
 * new ones for every student a keystroke brings into view, so a row’s cost is paid hundreds
 * of times per keystroke.
 *
 * For the same reason a row’s size does not depend on the student it shows: every row is as
 * tall as two lines of the name label’s fonts, so that showing another student costs no
 * measuring until the row is laid out, and the list can tell which rows are in sight from
 * its height (see trellis-lazy-rows.c). A row takes its student in two steps:
 * trellis_student_row_set_summary() names it for screen readers at once, and
 * trellis_student_row_fill() shows the student when the row is in sight.
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
  TrellisStudentSummary *shown;   /* the student the labels show */
  GtkWidget *initials;
  GtkLabel  *name_label;   /* the name, and grade and homeroom below it in small dim type */
  GtkLabel  *status_label;
};

G_DEFINE_FINAL_TYPE (TrellisStudentRow, trellis_student_row, GTK_TYPE_WIDGET)

#define SPACING 12

/* The name, then grade and homeroom, which look like the “caption” and “dim-label” styles.
 * Each line starts with a mark of the window’s direction (%s: U+200E or U+200F) and holds its
 * text as a bidi isolate (U+2068 … U+2069), so that both lines line up with the other rows,
 * whatever script a name is written in. */
#define NAME_MARKUP "%s\u2068%s\u2069\n<span size=\"9216\" alpha=\"55%%\">%s\u2068%s\u2069</span>"

/* The badge’s style per plan status; the CSS lives in ui/style.css. */
static const char * const status_classes[] = {
  "status-none", "status-draft", "status-active", "status-in-review", "status-completed",
  "status-archived",
};

/* Helpers */

/* How tall the name label’s two lines are in its fonts, whatever they say: measured once for
 * all rows, and again when the fonts change. */
static int
get_text_height (TrellisStudentRow *self)
{
  static PangoFontDescription *measured_font;
  static double measured_resolution;
  static int height;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->name_label));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (measured_font == NULL || resolution != measured_resolution ||
      !pango_font_description_equal (font, measured_font))
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->name_label), NULL);
      g_autofree char *markup = g_markup_printf_escaped (NAME_MARKUP, "", "Ág", "", "Ág");

      pango_layout_set_markup (layout, markup, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      g_clear_pointer (&measured_font, pango_font_description_free);
      measured_font = pango_font_description_copy (font);
      measured_resolution = resolution;
    }
  return height;
}

/* Gives @child its natural size for @width (or its natural width), centred on @height. */
static void
allocate_child (GtkWidget *child,
                int        x,
                int        width,
                int        height)
{
  int child_height;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, (height - child_height) / 2, width, child_height },
                            -1);
}

static int
get_natural_width (GtkWidget *child)
{
  int width;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

/* Overrides */

static void
trellis_student_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&TRELLIS_STUDENT_ROW (object)->summary);
  g_clear_object (&TRELLIS_STUDENT_ROW (object)->shown);

  G_OBJECT_CLASS (trellis_student_row_parent_class)->dispose (object);
}

static void
trellis_student_row_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  TrellisStudentRow *self = TRELLIS_STUDENT_ROW (widget);
  int initials;

  gtk_widget_measure (self->initials, orientation, -1, &initials, NULL, NULL, NULL);
  /* The name is ellipsized and the list is as wide as the sidebar: no width of its own. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = initials + 2 * SPACING;
  else
    *minimum = *natural = MAX (initials, get_text_height (self));
}

static void
trellis_student_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  TrellisStudentRow *self = TRELLIS_STUDENT_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int initials = get_natural_width (self->initials);
  int status = get_natural_width (GTK_WIDGET (self->status_label));
  int name = MAX (0, width - initials - status - 2 * SPACING);

  allocate_child (self->initials, rtl ? width - initials : 0, initials, height);
  allocate_child (GTK_WIDGET (self->name_label), rtl ? status + SPACING : initials + SPACING, name, height);
  allocate_child (GTK_WIDGET (self->status_label), rtl ? 0 : width - status, status, height);
}

static void
trellis_student_row_direction_changed (GtkWidget        *widget,
                                       GtkTextDirection  previous)
{
  TrellisStudentRow *self = TRELLIS_STUDENT_ROW (widget);

  /* The lines’ direction marks follow the widget’s. */
  if (self->shown != NULL)
    {
      g_clear_object (&self->shown);
      trellis_student_row_fill (self);
    }
  GTK_WIDGET_CLASS (trellis_student_row_parent_class)->direction_changed (widget, previous);
}

static void
trellis_student_row_class_init (TrellisStudentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_row_dispose;
  widget_class->measure = trellis_student_row_measure;
  widget_class->size_allocate = trellis_student_row_size_allocate;
  widget_class->direction_changed = trellis_student_row_direction_changed;
}

static void
trellis_student_row_init (TrellisStudentRow *self)
{
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->initials = trellis_initials_new (36);
  gtk_widget_set_parent (self->initials, GTK_WIDGET (self));

  /* One label for two lines: each line is ellipsized on its own. */
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (GTK_WIDGET (self->name_label), GTK_WIDGET (self));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
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

/* The second line of the name label, and what the status badge says. */
static char *
dup_details (TrellisStudentSummary *summary)
{
  g_autofree char *grade = trellis_grade_level_label (trellis_student_summary_get_grade_level (summary));
  const char *homeroom = trellis_student_summary_get_homeroom (summary);

  if (homeroom != NULL && *homeroom != '\0')
    /* Translators: the grade, then the homeroom: “Grade 7 · Room 12” */
    return g_strdup_printf (_("%s · %s"), grade, homeroom);
  return g_steal_pointer (&grade);
}

static const char *
get_status_label (TrellisStudentSummary *summary,
                  guint                 *index)
{
  const char *status = trellis_student_summary_get_plan_status (summary);

  *index = 0;
  for (guint i = 0; status != NULL && trellis_plan_statuses[i] != NULL; i++)
    if (g_strcmp0 (trellis_plan_statuses[i], status) == 0)
      *index = i + 1;
  if (trellis_student_summary_get_archived (summary))
    return _("Archived student");
  return status != NULL ? trellis_vocabulary_label (trellis_plan_statuses, status) : _("No plan");
}

/**
 * trellis_student_row_set_summary:
 * @self: a row
 * @summary: the student the row stands for
 *
 * Names the row for screen readers; trellis_student_row_fill() shows the student.
 *
 * Returns: whether the row is to be filled again
 */
gboolean
trellis_student_row_set_summary (TrellisStudentRow     *self,
                                 TrellisStudentSummary *summary)
{
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  guint status_index;

  g_return_val_if_fail (TRELLIS_IS_STUDENT_ROW (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STUDENT_SUMMARY (summary), FALSE);

  /* A search moves students up and down the rows; a row that keeps its student is done. */
  if (!g_set_object (&self->summary, summary))
    return self->shown != summary;

  details = dup_details (summary);
  /* Translators: what a screen reader says for a row: name, grade and homeroom, plan status */
  accessible = g_strdup_printf (_("%s, %s, %s"), trellis_student_summary_get_display_name (summary),
                                details, get_status_label (summary, &status_index));
  trellis_accessible_set_label (GTK_WIDGET (self), accessible);
  trellis_list_item_set_accessible_label (GTK_WIDGET (self), accessible);
  return self->shown != summary;
}

/**
 * trellis_student_row_fill:
 * @self: a row
 *
 * Shows the student given to trellis_student_row_set_summary().
 */
void
trellis_student_row_fill (TrellisStudentRow *self)
{
  g_autofree char *details = NULL;
  g_autofree char *markup = NULL;
  TrellisStudentSummary *summary;
  const char *mark;
  guint status_index;

  g_return_if_fail (TRELLIS_IS_STUDENT_ROW (self));

  summary = self->summary;
  if (summary == NULL || !g_set_object (&self->shown, summary))
    return;

  details = dup_details (summary);
  trellis_initials_set_name (TRELLIS_INITIALS (self->initials), trellis_student_summary_get_display_name (summary));
  mark = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E";
  markup = g_markup_printf_escaped (NAME_MARKUP, mark, trellis_student_summary_get_display_name (summary),
                                    mark, details);
  gtk_label_set_markup (self->name_label, markup);
  gtk_label_set_label (self->status_label, get_status_label (summary, &status_index));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status_index]);
  gtk_widget_set_opacity (GTK_WIDGET (self), trellis_student_summary_get_archived (summary) ? 0.6 : 1.0);
}

/**
 * trellis_student_row_get_summary:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the student the row stands for
 */
TrellisStudentSummary *
trellis_student_row_get_summary (TrellisStudentRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_ROW (self), NULL);

  return self->summary;
}

/**
 * trellis_student_row_is_filled:
 * @self: a row
 *
 * Returns: whether the row shows the student it stands for
 */
gboolean
trellis_student_row_is_filled (TrellisStudentRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_ROW (self), FALSE);

  return self->summary != NULL && self->shown == self->summary;
}
