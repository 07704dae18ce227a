/* trellis-group-overview.c — a heat map of a group of students × the attributes of a framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-group-overview"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "trellis-framework.h"
#include "trellis-group-overview.h"
#include "trellis-pog-map.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

/* One row per student, one column per attribute; each cell says the level in words (and the
 * goal count) on the level’s shade, so it reads without colour, in print and to a screen
 * reader. The shades are one hue, lighter to darker with the level, whatever colours the
 * framework gives its levels: a heat map of learning has no red, nothing reads as failing.
 *
 * The rows are GtkStringObjects holding the student’s row in the TrellisPogGroup, so the
 * column view’s own sorters can sort them without a row class of their own; above them, out
 * of the sorting, a summary row says how the students shown stand on each attribute. The
 * view does not scroll sideways, so the names stay in sight; its cells wrap instead. */

#define SUMMARY_ROW "summary"

typedef struct
{
  TrellisGroupOverview *self;
  int                   attribute;   /* -1 for the name column */
} ColumnData;

struct _TrellisGroupOverview
{
  AdwWindow           parent_instance;

  TrellisStore       *store;
  GArray             *student_ids;
  TrellisPogGroup    *group;
  GtkCssProvider     *css;
  char               *css_prefix;   /* unique per window: each has its own framework’s levels */
  ColumnData         *columns;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GListStore         *summary;       /* the one summary row */
  GArray             *grades;        /* the grade of each choice of grade_dropdown after “All” */
  GPtrArray          *homerooms;     /* the same for homeroom_dropdown */
  GArray             *framework_ids; /* the same for framework_dropdown (no “All”) */
  gboolean            filling;       /* choices being filled: their notifications are not choices */

  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkDropDown        *framework_dropdown;
  GtkDropDown        *grade_dropdown;
  GtkDropDown        *homeroom_dropdown;
  GtkLabel           *source_label;
  GtkFlowBox         *legend_box;
  GtkLabel           *rule_label;
  GtkScrolledWindow  *column_scroller;
  GtkColumnView      *column_view;   /* the scroller's child, made by load_group() */
};

enum {
  STUDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_cell_setup (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           ColumnData               *column);
static void on_cell_bind  (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           ColumnData               *column);

static void on_rows_sorted (GListModel           *model,
                            guint                 position,
                            guint                 removed,
                            guint                 added,
                            TrellisGroupOverview *self);

static void on_row_activated (TrellisGroupOverview *self,
                              guint                 position);

G_DEFINE_FINAL_TYPE (TrellisGroupOverview, trellis_group_overview, ADW_TYPE_WINDOW)

/* Helpers */

static gboolean
is_summary (gpointer item)
{
  return g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), SUMMARY_ROW) == 0;
}

static guint
item_student (gpointer item)
{
  return (guint) strtoul (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), NULL, 10);
}

static char *
level_class (TrellisGroupOverview *self,
             int                   level)
{
  return g_strdup_printf ("%s-level-%d", self->css_prefix, level);
}

/* Level @k of @n as a shade of one blue, from light (the first level) to dark (the last). */
static void
level_shade (guint    k,
             guint    n,
             GdkRGBA *color)
{
  static const GdkRGBA light = { 0.80, 0.88, 0.97, 1.0 };
  static const GdkRGBA dark = { 0.10, 0.31, 0.60, 1.0 };
  double t = n > 1 ? (double) k / (n - 1) : 1.0;

  color->red = light.red + (dark.red - light.red) * t;
  color->green = light.green + (dark.green - light.green) * t;
  color->blue = light.blue + (dark.blue - light.blue) * t;
  color->alpha = 1.0;
}

/* Each level’s shade as a CSS class, with black or white text, whichever reads better. */
static void
load_level_css (TrellisGroupOverview *self)
{
  GString *css = g_string_new (".pog-cell { padding: 4px 8px; border-radius: 6px; }\n"
                               ".pog-summary { font-weight: bold; }\n");
  guint n = trellis_pog_group_get_n_levels (self->group);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = level_class (self, k);
      GdkRGBA color;
      double luminance;

      level_shade (k, n, &color);
      luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
      g_string_append_printf (css, ".%s { background-color: rgb(%d,%d,%d); color: %s; }\n", name,
                              (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255),
                              luminance > 0.45 ? "#000000" : "#ffffff");
    }
  gtk_css_provider_load_from_data (self->css, css->str, css->len);
  g_string_free (css, TRUE);
}

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "pog-cell");
  return label;
}

static void
set_level_class (TrellisGroupOverview *self,
                 GtkWidget            *label,
                 int                   level)
{
  g_autofree char *name = level >= 0 ? level_class (self, level) : NULL;
  g_auto(GStrv) classes = gtk_widget_get_css_classes (label);

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], self->css_prefix))
      gtk_widget_remove_css_class (label, classes[i]);
  if (name != NULL)
    gtk_widget_add_css_class (label, name);
  trellis_widget_set_css_class (label, "dim-label", level < 0);
}

static void
fill_legend (TrellisGroupOverview *self)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL;)
    gtk_flow_box_remove (self->legend_box, child);
  for (int k = -1; k < (int) trellis_pog_group_get_n_levels (self->group); k++)
    {
      GtkWidget *label = new_cell_label ();

      gtk_label_set_text (GTK_LABEL (label), k >= 0 ? trellis_pog_group_get_level_title (self->group, k)
                                                    : _("No level yet"));
      set_level_class (self, label, k);
      gtk_flow_box_append (self->legend_box, label);
    }
  gtk_label_set_text (self->rule_label, trellis_pog_map_get_rule_description ());
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ColumnData *column = user_data;
  TrellisPogGroup *group = column->self->group;
  guint sa = item_student ((gpointer) a);
  guint sb = item_student ((gpointer) b);
  int order = 0;

  if (column->attribute >= 0)
    {
      order = trellis_pog_group_get_level (group, sa, column->attribute)
              - trellis_pog_group_get_level (group, sb, column->attribute);
      if (order == 0)
        order = (int) trellis_pog_group_get_goal_count (group, sa, column->attribute)
                - (int) trellis_pog_group_get_goal_count (group, sb, column->attribute);
    }
  if (order == 0)
    order = g_utf8_collate (trellis_pog_group_get_student_name (group, sa),
                            trellis_pog_group_get_student_name (group, sb));
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (TrellisGroupOverview *self,
            int                   attribute,
            const char           *title)
{
  ColumnData *data = &self->columns[attribute + 1];
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = NULL;

  data->self = self;
  data->attribute = attribute;
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), data);
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, data, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, attribute >= 0);
  if (attribute < 0)
    gtk_column_view_column_set_fixed_width (column, 180);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* The grade and homeroom chosen above the table; G_MININT and NULL for all. */
static int
chosen_grade (TrellisGroupOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->grade_dropdown);

  return selected > 0 && selected <= self->grades->len ? g_array_index (self->grades, int, selected - 1) : G_MININT;
}

static const char *
chosen_homeroom (TrellisGroupOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->homeroom_dropdown);

  return selected > 0 && selected <= self->homerooms->len ? g_ptr_array_index (self->homerooms, selected - 1) : NULL;
}

static gboolean
student_shown (gpointer item,
               gpointer user_data)
{
  TrellisGroupOverview *self = user_data;
  guint student = item_student (item);
  int grade;
  const char *homeroom;

  /* While the window is disposed, the column view’s sorter may still re-sort the rows. */
  if (self->grade_dropdown == NULL || self->homeroom_dropdown == NULL)
    return TRUE;
  grade = chosen_grade (self);
  homeroom = chosen_homeroom (self);

  return (grade == G_MININT || trellis_pog_group_get_student_grade (self->group, student) == grade) &&
         (homeroom == NULL || g_strcmp0 (trellis_pog_group_get_student_homeroom (self->group, student), homeroom) == 0);
}

/* How the students shown stand on @attribute: @counts[k] at level k (n_levels of them), how
 * many have no level yet, and how many are in the framework at all. */
static void
count_levels (TrellisGroupOverview *self,
              guint                 attribute,
              guint                *counts,
              guint                *no_level,
              guint                *in_framework)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);

  *no_level = *in_framework = 0;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      guint student = item_student (item);
      int level = trellis_pog_group_get_level (self->group, student, attribute);

      if (!trellis_pog_group_get_student_in_framework (self->group, student))
        continue;
      (*in_framework)++;
      if (level >= 0 && (guint) level < trellis_pog_group_get_n_levels (self->group))
        counts[level]++;
      else
        (*no_level)++;
    }
}

/* The summary of one attribute: the level most of the assessed students are at, with how
 * many were assessed; in full (every level's count) for the tooltip and screen readers. */
static void
bind_summary_cell (TrellisGroupOverview *self,
                   GtkWidget            *label,
                   guint                 attribute)
{
  guint n_levels = trellis_pog_group_get_n_levels (self->group);
  g_autofree guint *counts = g_new0 (guint, MAX (n_levels, 1));
  g_autoptr(GString) full = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint no_level, in_framework, assessed;
  int most = -1;

  count_levels (self, attribute, counts, &no_level, &in_framework);
  assessed = in_framework - no_level;
  for (guint k = 0; k < n_levels; k++)
    {
      if (counts[k] > 0 && (most < 0 || counts[k] >= counts[most]))
        most = k;
      /* Translators: a part of a summary: how many students are at a level, “3 Developing” */
      g_string_append_printf (full, _("%u %s, "), counts[k], trellis_pog_group_get_level_title (self->group, k));
    }
  g_string_append_printf (full, g_dngettext (GETTEXT_PACKAGE, "%u with no level yet", "%u with no level yet",
                                             no_level), no_level);

  if (most < 0)
    text = g_strdup (_("No levels yet"));
  else
    /* Translators: a summary cell: the level most students are at, then how many have a level */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mostly %s\n%u of %u assessed", "Mostly %s\n%u of %u assessed",
                                         in_framework),
                            trellis_pog_group_get_level_title (self->group, most), assessed, in_framework);
  gtk_label_set_text (GTK_LABEL (label), text);
  set_level_class (self, label, most);
  {
    /* Translators: what a screen reader says for a summary cell: the attribute, then every level's count */
    g_autofree char *said = g_strdup_printf (_("%s, across the students shown: %s"),
                                             trellis_pog_group_get_attribute_title (self->group, attribute), full->str);

    gtk_widget_set_tooltip_text (label, said);
    trellis_accessible_set_label (label, said);
  }
}

static void
update_subtitle (TrellisGroupOverview *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = trellis_pog_group_get_n_students (self->group);
  g_autofree char *subtitle = NULL;

  if (shown == all)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student · %s", "%u students · %s", all),
                                all, trellis_pog_group_get_framework_title (self->group));
  else
    /* Translators: the overview's subtitle when its filters hide some students */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u student · %s", "%u of %u students · %s", all),
                                shown, all, trellis_pog_group_get_framework_title (self->group));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "table" : "empty");
}

/* Shows the first row, the summary. */
static void
scroll_to_top (TrellisGroupOverview *self)
{
  if (self->column_view == NULL || gtk_column_view_get_model (self->column_view) == NULL)
    return;   /* closing, or not filled yet */
  /* The rows are the column view’s inner list view, which owns the scroll action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
}

/* The summary row is made again, so that the view binds it again with the new counts; the
 * view, which keeps the row it showed first, is taken back to it. */
static void
refresh_summary (TrellisGroupOverview *self)
{
  g_autoptr(GtkStringObject) row = gtk_string_object_new (SUMMARY_ROW);

  g_list_store_splice (self->summary, 0, g_list_model_get_n_items (G_LIST_MODEL (self->summary)),
                       (gpointer *) &row, 1);
  update_subtitle (self);
  scroll_to_top (self);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(char * const *) a, *(char * const *) b);
}

/* The grades and homerooms of the students, as choices; “All” first. */
static void
fill_filters (TrellisGroupOverview *self)
{
  g_autoptr(GtkStringList) grade_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) homeroom_labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_size (self->grades, 0);
  g_ptr_array_set_size (self->homerooms, 0);
  for (guint s = 0; s < trellis_pog_group_get_n_students (self->group); s++)
    {
      int grade = trellis_pog_group_get_student_grade (self->group, s);
      const char *homeroom = trellis_pog_group_get_student_homeroom (self->group, s);
      gboolean known = FALSE;

      for (guint i = 0; i < self->grades->len && !known; i++)
        known = g_array_index (self->grades, int, i) == grade;
      if (!known)
        g_array_append_val (self->grades, grade);
      if (*homeroom != '\0' && g_hash_table_add (seen, (gpointer) homeroom))
        g_ptr_array_add (self->homerooms, g_strdup (homeroom));
    }
  g_array_sort (self->grades, compare_ints);
  g_ptr_array_sort (self->homerooms, compare_strings);

  gtk_string_list_append (grade_labels, _("All grades"));
  for (guint i = 0; i < self->grades->len; i++)
    {
      g_autofree char *label = trellis_grade_level_label (g_array_index (self->grades, int, i));

      gtk_string_list_append (grade_labels, label);
    }
  gtk_string_list_append (homeroom_labels, _("All homerooms"));
  for (guint i = 0; i < self->homerooms->len; i++)
    gtk_string_list_append (homeroom_labels, g_ptr_array_index (self->homerooms, i));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grade_labels));
  gtk_drop_down_set_model (self->homeroom_dropdown, G_LIST_MODEL (homeroom_labels));
  gtk_drop_down_set_selected (self->grade_dropdown, 0);
  gtk_drop_down_set_selected (self->homeroom_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->homeroom_dropdown), self->homerooms->len > 0);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->homeroom_dropdown)), self->homerooms->len > 0);
  self->filling = FALSE;
}

/* Every framework of the database, the group's chosen. */
static void
fill_frameworks (TrellisGroupOverview *self)
{
  g_autoptr(GListModel) frameworks = trellis_store_list (self->store, TRELLIS_TYPE_FRAMEWORK, NULL, 0, NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->framework_ids, 0);
  for (guint i = 0; frameworks != NULL && i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(TrellisEntity) framework = g_list_model_get_item (frameworks, i);
      gint64 id = trellis_entity_get_id (framework);

      if (id == trellis_pog_group_get_framework_id (self->group))
        selected = i;
      g_array_append_val (self->framework_ids, id);
      gtk_string_list_append (titles, trellis_entity_get_text (framework, "title"));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->framework_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->framework_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->framework_dropdown), self->framework_ids->len > 1);
  self->filling = FALSE;
}

/* Reads the group in @framework_id (0: the one most of the plans use) and shows it. */
static void
load_group (TrellisGroupOverview *self,
            gint64                framework_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) rows = NULL;
  g_autoptr(GListStore) parts = NULL;
  GtkColumnViewColumn *name_column;
  TrellisPogGroup *group;
  ColumnData *old_columns;
  guint n_students, n_attributes;

  group = trellis_pog_group_new_in_framework (self->store, self->student_ids, framework_id, now, &error);
  if (group == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* A new view for each framework (its columns are the framework's attributes): the old one
   * goes with its rows, its sorter and its columns, which read the old group till the end. */
  old_columns = g_steal_pointer (&self->columns);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->summary);
  gtk_scrolled_window_set_child (self->column_scroller, NULL);
  g_free (old_columns);
  self->summary = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_clear_object (&self->group);
  self->group = group;
  self->column_view = GTK_COLUMN_VIEW (g_object_new (GTK_TYPE_COLUMN_VIEW,
                                                     "reorderable", FALSE,
                                                     "single-click-activate", TRUE,
                                                     NULL));
  trellis_accessible_set_label (GTK_WIDGET (self->column_view), _("Levels by student and attribute"));
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (self->column_scroller, GTK_WIDGET (self->column_view));

  n_students = trellis_pog_group_get_n_students (self->group);
  n_attributes = trellis_pog_group_get_n_attributes (self->group);
  load_level_css (self);
  fill_legend (self);
  fill_filters (self);

  self->columns = g_new0 (ColumnData, n_attributes + 1);
  name_column = add_column (self, -1, _("Student"));
  for (guint a = 0; a < n_attributes; a++)
    add_column (self, a, trellis_pog_group_get_attribute_title (self->group, a));

  rows = gtk_string_list_new (NULL);
  for (guint s = 0; s < n_students; s++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", s);
      gtk_string_list_append (rows, number);
    }
  /* Sort before the view sees the rows, so it opens scrolled to the first name. */
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_rows_sorted), self, G_CONNECT_AFTER);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)),
                                              GTK_FILTER (gtk_custom_filter_new (student_shown, self, NULL)));
  refresh_summary (self);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, self->summary);
  g_list_store_append (parts, self->filtered);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)))))));
}

/* Callbacks */

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *column)
{
  GtkWidget *label = column->attribute >= 0 ? new_cell_label () : gtk_label_new (NULL);

  if (column->attribute < 0)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *column)
{
  TrellisGroupOverview *self = column->self;
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer row = gtk_list_item_get_item (item);
  guint student;
  const char *name;
  g_autofree char *sentence = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *text = NULL;
  const char *level;
  guint goals;

  trellis_widget_set_css_class (label, "pog-summary", is_summary (row));
  if (is_summary (row))
    {
      if (column->attribute >= 0)
        bind_summary_cell (self, label, column->attribute);
      else
        {
          guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
          g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u student shown",
                                                               "All %u students shown", shown), shown);

          gtk_label_set_text (GTK_LABEL (label), all);
          gtk_widget_set_tooltip_text (label, NULL);
        }
      return;
    }

  student = item_student (row);
  name = trellis_pog_group_get_student_name (self->group, student);
  if (column->attribute < 0)
    {
      gtk_label_set_text (GTK_LABEL (label), name);
      gtk_widget_set_tooltip_text (label, _("Open this student in the main window"));
      return;
    }

  level = trellis_pog_group_get_level_title_at (self->group, student, column->attribute);
  goals = trellis_pog_group_get_goal_count (self->group, student, column->attribute);
  if (!trellis_pog_group_get_student_in_framework (self->group, student))
    {
      text = g_strdup (_("Other framework"));
      sentence = g_strdup (text);
    }
  else
    {
      g_autofree char *goal_text = trellis_pog_map_format_goal_count (goals);

      /* Translators: a heat map cell: the level, then the goal count on a second line */
      text = g_strdup_printf (_("%s\n%s"), level != NULL ? level : _("No level"), goal_text);
      sentence = trellis_pog_group_dup_cell_description (self->group, student, column->attribute);
    }
  /* Translators: what a screen reader says for a heat map cell: the student, then the sentence */
  accessible = g_strdup_printf (_("%s — %s"), name, sentence);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, accessible);
  trellis_accessible_set_label (GTK_WIDGET (label), accessible);
  set_level_class (self, label, level != NULL ? trellis_pog_group_get_level (self->group, student,
                                                                             column->attribute) : -1);
}

/* A new order starts at its top: the view would otherwise keep the row it showed first. */
static void
on_rows_sorted (GListModel           *model,
                guint                 position,
                guint                 removed,
                guint                 added,
                TrellisGroupOverview *self)
{
  if (g_list_model_get_n_items (model) > 0)
    scroll_to_top (self);
}

static void
on_filter_selected (TrellisGroupOverview *self)
{
  GtkFilter *filter;

  if (self->filling || self->filtered == NULL)
    return;
  filter = gtk_filter_list_model_get_filter (self->filtered);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  refresh_summary (self);
}

static void
on_framework_selected (TrellisGroupOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->framework_dropdown);

  if (self->filling || selected >= self->framework_ids->len)
    return;
  load_group (self, g_array_index (self->framework_ids, gint64, selected));
}

/* A click or Enter on a student opens them in the main window. */
static void
on_row_activated (TrellisGroupOverview *self,
                  guint                 position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(GObject) row = model != NULL ? g_list_model_get_item (model, position) : NULL;

  if (row == NULL || is_summary (row))
    return;
  g_signal_emit (self, signals[STUDENT_ACTIVATED], 0,
                 trellis_pog_group_get_student_id (self->group, item_student (row)));
}

/* Overrides */

static void
trellis_group_overview_dispose (GObject *object)
{
  TrellisGroupOverview *self = TRELLIS_GROUP_OVERVIEW (object);

  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  /* The view and its rows go before the widgets their filter reads. */
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  if (self->column_scroller != NULL)
    gtk_scrolled_window_set_child (self->column_scroller, NULL);
  self->column_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GROUP_OVERVIEW);
  g_clear_object (&self->css);
  g_clear_object (&self->summary);
  g_clear_object (&self->group);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_group_overview_parent_class)->dispose (object);
}

static void
trellis_group_overview_finalize (GObject *object)
{
  TrellisGroupOverview *self = TRELLIS_GROUP_OVERVIEW (object);

  g_free (self->css_prefix);
  g_free (self->columns);
  g_clear_pointer (&self->student_ids, g_array_unref);
  g_clear_pointer (&self->grades, g_array_unref);
  g_clear_pointer (&self->homerooms, g_ptr_array_unref);
  g_clear_pointer (&self->framework_ids, g_array_unref);

  G_OBJECT_CLASS (trellis_group_overview_parent_class)->finalize (object);
}

static void
trellis_group_overview_class_init (TrellisGroupOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_group_overview_dispose;
  object_class->finalize = trellis_group_overview_finalize;

  /**
   * TrellisGroupOverview::student-activated:
   * @student_id: the student's row id
   *
   * A student's row was clicked or Entered: the main window shows them.
   */
  signals[STUDENT_ACTIVATED] =
    g_signal_new ("student-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-group-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, error_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, framework_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, homeroom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, source_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, legend_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, rule_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, column_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_framework_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_group_overview_init (TrellisGroupOverview *self)
{
  static guint counter;

  self->grades = g_array_new (FALSE, FALSE, sizeof (int));
  self->homerooms = g_ptr_array_new_with_free_func (g_free);
  self->framework_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_widget_name_drop_downs (GTK_WIDGET (self));
  trellis_drop_down_name_button (self->framework_dropdown, _("Framework"));
  self->css_prefix = g_strdup_printf ("pog-overview-%u", ++counter);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Public API */

/**
 * trellis_group_overview_new:
 * @store: the store
 * @student_ids: (element-type gint64): the students to show, e.g. those the student list shows
 *
 * Returns: (transfer full): a new window showing the group’s heat map, in the framework most
 *   of their plans use; its own choices narrow it to a grade or a homeroom, or change the
 *   framework
 */
GtkWidget *
trellis_group_overview_new (TrellisStore *store,
                            GArray       *student_ids)
{
  TrellisGroupOverview *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (student_ids != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_GROUP_OVERVIEW, NULL);
  self->store = g_object_ref (store);
  self->student_ids = g_array_copy (student_ids);
  gtk_label_set_text (self->source_label, _("The students the main list shows: its search and filters choose them."));
  load_group (self, 0);
  /* Once: the choice is not refilled while it is being made. */
  if (self->group != NULL)
    fill_frameworks (self);
  return GTK_WIDGET (self);
}

/**
 * trellis_group_overview_get_group:
 * @self: an overview
 *
 * Returns: (transfer none) (nullable): the data shown, %NULL when it could not be read
 */
TrellisPogGroup *
trellis_group_overview_get_group (TrellisGroupOverview *self)
{
  g_return_val_if_fail (TRELLIS_IS_GROUP_OVERVIEW (self), NULL);
  return self->group;
}

/**
 * trellis_group_overview_get_view:
 * @self: an overview
 *
 * Returns: (transfer none): the heat map’s column view (its sorter sorts the rows; its first
 *   row is the summary)
 */
GtkColumnView *
trellis_group_overview_get_view (TrellisGroupOverview *self)
{
  g_return_val_if_fail (TRELLIS_IS_GROUP_OVERVIEW (self), NULL);
  return self->column_view;
}

/**
 * trellis_group_overview_get_row_student:
 * @self: an overview
 * @position: a student's row as shown, after sorting and filtering (the summary row above
 *   them not counted)
 *
 * Returns: the student’s index in trellis_group_overview_get_group() shown at @position
 */
guint
trellis_group_overview_get_row_student (TrellisGroupOverview *self,
                                        guint                 position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (TRELLIS_IS_GROUP_OVERVIEW (self), 0);
  g_return_val_if_fail (self->filtered != NULL, 0);
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_return_val_if_fail (item != NULL, 0);
  return item_student (item);
}
