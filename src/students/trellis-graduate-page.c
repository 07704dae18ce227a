/* trellis-graduate-page.c — the “Graduate profile” tab: a student’s map, legend and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-graduate-page"

#include <glib/gi18n.h>

#include "trellis-graduate-page.h"
#include "trellis-pog-map-widget.h"
#include "trellis-vocabulary.h"

struct _TrellisGraduatePage
{
  TrellisStudentPage   parent_instance;

  TrellisPogMap       *map;
  int                  shown;         /* the attribute in the detail panel, -1 for none */
  guint                reload_id;
  GtkWidget           *first_list;    /* the detail panel’s first list, for keyboard focus */

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *page_scroller;
  GtkBox              *layout_box;
  GtkWidget           *layout_separator;
  GtkWidget           *detail_scroller;
  GtkLabel            *framework_label;
  TrellisPogMapWidget *map_widget;
  GtkBox              *detail_box;
};

G_DEFINE_FINAL_TYPE (TrellisGraduatePage, trellis_graduate_page, TRELLIS_TYPE_STUDENT_PAGE)

/* Helpers */

static GtkWidget *
add_label (TrellisGraduatePage *self,
           const char          *text,
           const char          *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->detail_box, label);
  return label;
}

/* A heading and a boxed list under it, labelled by the heading for screen readers. */
static GtkListBox *
add_section (TrellisGraduatePage *self,
             const char          *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (self->detail_box, box);
  if (self->first_list == NULL)
    self->first_list = list;
  return GTK_LIST_BOX (list);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* User text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static char *
dup_evidence_subtitle (TrellisPogMap *map,
                       guint          i,
                       guint          c,
                       guint          e,
                       const char    *today)
{
  const char *level = trellis_pog_map_get_evidence_level_title (map, i, c, e);
  const char *date = trellis_pog_map_get_evidence_date (map, i, c, e);
  const char *kind = trellis_vocabulary_label (trellis_evidence_kinds,
                                               trellis_pog_map_get_evidence_kind (map, i, c, e));
  g_autofree char *facts = NULL;

  /* Translators: evidence details: date · kind · assessed level · “for goal …” */
  facts = g_strdup_printf (_("%s · %s · %s · for “%s”"), date, kind,
                           level != NULL ? level : _("not assessed"),
                           trellis_pog_map_get_evidence_goal_title (map, i, c, e));
  if (trellis_pog_map_get_evidence_counts (map, i, c, e) || level == NULL)
    return g_steal_pointer (&facts);
  if (g_strcmp0 (date, today) > 0)
    /* Translators: assessed evidence dated after today, which the rule does not count yet */
    return g_strdup_printf (_("%s (not counted yet: dated in the future)"), facts);
  /* Translators: assessed evidence older than the rule’s 12 months */
  return g_strdup_printf (_("%s (not counted: older than 12 months)"), facts);
}

static void
add_competency (TrellisGraduatePage *self,
                guint                i,
                guint                c)
{
  const char *code = trellis_pog_map_get_competency_code (self->map, i, c);
  const char *title = trellis_pog_map_get_competency_title (self->map, i, c);
  const char *level = trellis_pog_map_get_competency_level_title (self->map, i, c);
  g_autofree char *heading = NULL;
  GtkListBox *list;
  guint n = trellis_pog_map_get_n_evidence (self->map, i, c);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: a competency heading: its title, then the level reached */
  heading = g_strdup_printf (_("%s%s%s — %s"), code, code[0] != '\0' ? " " : "", title,
                             level != NULL ? level : _("no level yet"));
  list = add_section (self, heading);
  for (guint e = 0; e < n; e++)
    {
      g_autofree char *subtitle = dup_evidence_subtitle (self->map, i, c, e, today);

      add_row (list, trellis_pog_map_get_evidence_title (self->map, i, c, e), subtitle);
    }
  if (n == 0)
    add_row (list, _("No evidence yet"), NULL);
}

static void
show_details (TrellisGraduatePage *self,
              int                  index)
{
  GtkWidget *child;
  GtkListBox *goals;
  g_autofree char *description = NULL;
  g_autofree char *rule = NULL;

  self->shown = index;
  self->first_list = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);

  if (self->map == NULL || index < 0 || (guint) index >= trellis_pog_map_get_n_attributes (self->map))
    {
      add_label (self, _("Choose an attribute on the map to see its competencies, goals and evidence."),
                 "dim-label");
    }
  else
    {
      add_label (self, trellis_pog_map_get_attribute_title (self->map, index), "title-3");
      description = trellis_pog_map_dup_attribute_description (self->map, index);
      add_label (self, description, NULL);

      goals = add_section (self, _("Goals Working on It"));
      for (guint g = 0; g < trellis_pog_map_get_attribute_goal_count (self->map, index); g++)
        add_row (goals, trellis_pog_map_get_goal_title (self->map, index, g),
                 trellis_vocabulary_label (trellis_goal_statuses,
                                           trellis_pog_map_get_goal_status (self->map, index, g)));
      if (trellis_pog_map_get_attribute_goal_count (self->map, index) == 0)
        add_row (goals, _("No goal of the current plan works on this attribute yet"), NULL);

      for (guint c = 0; c < trellis_pog_map_get_n_competencies (self->map, index); c++)
        add_competency (self, index, c);
    }

  /* Translators: %s is the rule sentence */
  rule = g_strdup_printf (_("How levels are found: %s"), trellis_pog_map_get_rule_description ());
  add_label (self, rule, "dim-label");
}

static void
reload (TrellisGraduatePage *self)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  gint64 student_id = trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(TrellisPogMap) map = NULL;

  if (store == NULL || student_id == 0)
    {
      g_clear_object (&self->map);
      trellis_pog_map_widget_set_map (self->map_widget, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = g_date_time_new_now_local ();
  map = trellis_pog_map_new_for_student (store, student_id, now, &error);
  if (map == NULL)
    {
      g_clear_object (&self->map);
      trellis_pog_map_widget_set_map (self->map_widget, NULL);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->map, map);
  gtk_label_set_text (self->framework_label, trellis_pog_map_get_framework_title (map));
  trellis_pog_map_widget_set_map (self->map_widget, map);
  show_details (self, self->shown);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

/* Callbacks */

static gboolean
on_reload_idle (gpointer user_data)
{
  TrellisGraduatePage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_map_attribute_highlighted (TrellisPogMapWidget *map_widget,
                              int                  index,
                              TrellisGraduatePage *self)
{
  if (index >= 0 && index != self->shown)
    show_details (self, index);
}

static void
on_map_attribute_activated (TrellisPogMapWidget *map_widget,
                            guint                index,
                            TrellisGraduatePage *self)
{
  if ((int) index != self->shown)
    show_details (self, index);
  if (self->first_list != NULL)
    gtk_widget_child_focus (self->first_list, GTK_DIR_TAB_FORWARD);
}

/* Overrides */

static void
trellis_graduate_page_load (TrellisStudentPage *page,
                            gboolean            new_store)
{
  TrellisGraduatePage *self = TRELLIS_GRADUATE_PAGE (page);

  if (!new_store)
    self->shown = -1;
  reload (self);
}

/* Any edit may move a level (evidence), a count (goals) or the framework: redraw once the
 * burst of changes of one user action is over. */
static void
trellis_graduate_page_store_changed (TrellisStudentPage *page,
                                     const char         *table,
                                     const char         *uuid,
                                     TrellisStoreChange  kind)
{
  TrellisGraduatePage *self = TRELLIS_GRADUATE_PAGE (page);

  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle, self);
}

/* The page lays out its one child itself, to choose between side by side and one column
 * (libadwaita 1.2 has no breakpoints): below ONE_COLUMN_WIDTH the map takes the whole width,
 * with its words at a readable size, and the details come under it. */
#define ONE_COLUMN_WIDTH 640

static void
trellis_graduate_page_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
trellis_graduate_page_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TrellisGraduatePage *self = TRELLIS_GRADUATE_PAGE (widget);
  GtkOrientation wanted = width < ONE_COLUMN_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->layout_box)) != wanted)
    {
      gboolean one_column = wanted == GTK_ORIENTATION_VERTICAL;

      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layout_box), wanted);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layout_separator),
                                      one_column ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
      /* Side by side the details keep a column of their own and scroll in it; in one column
       * they take the full width, under the map at its natural height, and the page scrolls. */
      gtk_widget_set_size_request (self->detail_scroller, one_column ? -1 : 300, -1);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->detail_scroller), GTK_POLICY_NEVER,
                                      one_column ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->detail_scroller), one_column);
      gtk_scrolled_window_set_policy (self->page_scroller, GTK_POLICY_NEVER,
                                      one_column ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
      gtk_widget_set_vexpand (GTK_WIDGET (self->map_widget), !one_column);
    }
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
trellis_graduate_page_dispose (GObject *object)
{
  TrellisGraduatePage *self = TRELLIS_GRADUATE_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  trellis_student_page_disconnect_store (TRELLIS_STUDENT_PAGE (self));
  g_clear_object (&self->map);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GRADUATE_PAGE);

  G_OBJECT_CLASS (trellis_graduate_page_parent_class)->dispose (object);
}

static void
trellis_graduate_page_class_init (TrellisGraduatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisStudentPageClass *page_class = TRELLIS_STUDENT_PAGE_CLASS (klass);

  object_class->dispose = trellis_graduate_page_dispose;
  widget_class->measure = trellis_graduate_page_measure;
  widget_class->size_allocate = trellis_graduate_page_size_allocate;
  page_class->load = trellis_graduate_page_load;
  page_class->store_changed = trellis_graduate_page_store_changed;

  g_type_ensure (TRELLIS_TYPE_POG_MAP_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisplp/Trellis/trellis-graduate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, layout_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, layout_separator);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, framework_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, map_widget);
  gtk_widget_class_bind_template_child (widget_class, TrellisGraduatePage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, on_map_attribute_highlighted);
  gtk_widget_class_bind_template_callback (widget_class, on_map_attribute_activated);
}

static void
trellis_graduate_page_init (TrellisGraduatePage *self)
{
  self->shown = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);   /* see size_allocate */
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

GtkWidget *
trellis_graduate_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_GRADUATE_PAGE, NULL);
}
