/* trellis-group-overview.c — a heat map of a group of students × the attributes of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-group-overview"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "trellis-group-overview.h"
#include "trellis-pog-map.h"
#include "trellis-widget-utils.h"

/* One row per student, one column per attribute; each cell says the level in words (and the
 * goal count) on the level’s colour, so it reads without colour, in print and to a screen
 * reader. The rows are GtkStringObjects holding the student’s row in the TrellisPogGroup, so
 * the column view’s own sorters can sort them without a row class of their own. */

typedef struct
{
  TrellisGroupOverview *self;
  int                   attribute;   /* -1 for the name column */
} ColumnData;

struct _TrellisGroupOverview
{
  AdwWindow           parent_instance;

  TrellisPogGroup    *group;
  GtkCssProvider     *css;
  char               *css_prefix;   /* unique per window: each has its own framework’s colours */
  ColumnData         *columns;
  GtkSortListModel   *sorted;

  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkFlowBox         *legend_box;
  GtkLabel           *rule_label;
  GtkColumnView      *column_view;
};

static void on_cell_setup (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           ColumnData               *column);
static void on_cell_bind  (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           ColumnData               *column);

G_DEFINE_FINAL_TYPE (TrellisGroupOverview, trellis_group_overview, ADW_TYPE_WINDOW)

/* Helpers */

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

/* Each level’s colour as a CSS class, with black or white text, whichever reads better. */
static void
load_level_css (TrellisGroupOverview *self)
{
  GString *css = g_string_new (".pog-cell { padding: 4px 8px; border-radius: 6px; }\n");

  for (guint k = 0; k < trellis_pog_group_get_n_levels (self->group); k++)
    {
      g_autofree char *name = level_class (self, k);
      GdkRGBA color;
      double luminance;

      if (!gdk_rgba_parse (&color, trellis_pog_group_get_level_color (self->group, k)))
        gdk_rgba_parse (&color, "#deddda");
      luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
      g_string_append_printf (css, ".%s { background-color: rgb(%d,%d,%d); color: %s; }\n", name,
                              (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255),
                              luminance > 0.5 ? "#000000" : "#ffffff");
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
}

static void
fill_legend (TrellisGroupOverview *self)
{
  for (int k = -1; k < (int) trellis_pog_group_get_n_levels (self->group); k++)
    {
      GtkWidget *label = new_cell_label ();

      gtk_label_set_text (GTK_LABEL (label), k >= 0 ? trellis_pog_group_get_level_title (self->group, k)
                                                    : _("No level yet"));
      set_level_class (self, label, k);
      if (k < 0)
        gtk_widget_add_css_class (label, "dim-label");
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
    gtk_column_view_column_set_fixed_width (column, 200);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
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
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
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
  guint student = item_student (gtk_list_item_get_item (item));
  const char *name = trellis_pog_group_get_student_name (self->group, student);
  g_autofree char *sentence = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *text = NULL;
  const char *level;
  guint goals;

  if (column->attribute < 0)
    {
      gtk_label_set_text (GTK_LABEL (label), name);
      gtk_widget_set_tooltip_text (label, name);
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
  if (level == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* A new order starts at its top: the view would otherwise keep the row it showed first. */
static void
on_rows_sorted (GListModel           *model,
                guint                 position,
                guint                 removed,
                guint                 added,
                TrellisGroupOverview *self)
{
  if (self->column_view == NULL || g_list_model_get_n_items (model) == 0)
    return;   /* closing, or nothing to show */
  /* The rows are the column view’s inner list view, which owns the scroll action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
}

/* Overrides */

static void
trellis_group_overview_dispose (GObject *object)
{
  TrellisGroupOverview *self = TRELLIS_GROUP_OVERVIEW (object);

  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GROUP_OVERVIEW);
  g_clear_object (&self->css);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (trellis_group_overview_parent_class)->dispose (object);
}

static void
trellis_group_overview_finalize (GObject *object)
{
  TrellisGroupOverview *self = TRELLIS_GROUP_OVERVIEW (object);

  g_free (self->css_prefix);
  g_free (self->columns);

  G_OBJECT_CLASS (trellis_group_overview_parent_class)->finalize (object);
}

static void
trellis_group_overview_class_init (TrellisGroupOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_group_overview_dispose;
  object_class->finalize = trellis_group_overview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-group-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, error_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, legend_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, rule_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGroupOverview, column_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_group_overview_init (TrellisGroupOverview *self)
{
  static guint counter;

  gtk_widget_init_template (GTK_WIDGET (self));
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
 * Returns: (transfer full): a new window showing the group’s heat map
 */
GtkWidget *
trellis_group_overview_new (TrellisStore *store,
                            GArray       *student_ids)
{
  TrellisGroupOverview *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GtkStringList) rows = NULL;
  g_autofree char *subtitle = NULL;
  GtkColumnViewColumn *name_column;
  guint n_students, n_attributes;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (student_ids != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_GROUP_OVERVIEW, NULL);
  now = g_date_time_new_now_local ();
  self->group = trellis_pog_group_new (store, student_ids, now, &error);
  if (self->group == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return GTK_WIDGET (self);
    }

  n_students = trellis_pog_group_get_n_students (self->group);
  n_attributes = trellis_pog_group_get_n_attributes (self->group);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student · %s", "%u students · %s", n_students),
                              n_students, trellis_pog_group_get_framework_title (self->group));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  load_level_css (self);
  fill_legend (self);

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
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (self->sorted))));
  gtk_stack_set_visible_child_name (self->stack, n_students > 0 ? "table" : "empty");
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
 * Returns: (transfer none): the heat map’s column view (its sorter sorts the rows)
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
 * @position: a row as shown, after sorting
 *
 * Returns: the student’s index in trellis_group_overview_get_group() shown at @position
 */
guint
trellis_group_overview_get_row_student (TrellisGroupOverview *self,
                                        guint                 position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (TRELLIS_IS_GROUP_OVERVIEW (self), 0);
  g_return_val_if_fail (self->sorted != NULL, 0);
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  g_return_val_if_fail (item != NULL, 0);
  return item_student (item);
}
