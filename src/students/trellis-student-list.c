/* trellis-student-list.c — the sidebar: search, filters, sorting and the list of students
 *
 * The list holds summaries only (trellis_store_list_student_summaries()); searching and
 * filtering run in memory over each summary’s folded search key, so typing never queries the
 * database.
 *
 * The chosen student is the list’s own (selected_summary), not the selection model’s: a
 * search that hides the chosen student leaves them chosen (and shown beside the list), and
 * they are highlighted again when the search shows them. Only a click, Enter or
 * trellis_student_list_select_id() changes who is chosen, so typing never loads a student.
 *
 * The list view shows the filtered, sorted summaries through a TrellisSlotModel, so that a
 * keystroke re-binds the rows it has instead of making new ones (see trellis-slot-model.c),
 * and the rows show their students through a TrellisLazyRows, so that a keystroke lays out
 * the text of the rows in sight only (see trellis-lazy-rows.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-list"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-lazy-rows.h"
#include "trellis-slot-model.h"
#include "trellis-student-list.h"
#include "trellis-student-row.h"
#include "trellis-student-summary.h"
#include "trellis-vocabulary.h"
#include "trellis-widget-utils.h"

#define ANY_GRADE G_MININT

typedef enum {
  SORT_FAMILY_NAME,
  SORT_GIVEN_NAME,
  SORT_GRADE,
} SortKey;

typedef struct
{
  char *kind;   /* "homeroom" or "advisor" */
  char *value;
} Group;

struct _TrellisStudentList
{
  GtkWidget           parent_instance;

  TrellisStore       *store;
  GListStore         *summaries;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  TrellisSlotModel   *slot_model;
  TrellisLazyRows    *lazy_rows;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;   /* owned; set on the model unless the store’s order serves */
  GArray             *groups;   /* Group; index 0 of the drop-down is “all” */
  TrellisStudentSummary *selected_summary;   /* the chosen student, visible or not */
  gboolean            refiltering;   /* the selection model follows the models, not the user */
  guint               keys_id;       /* folds search keys while idle, so the first keystroke need not */
  guint               keys_done;

  char               *query;
  int                 grade;
  int                 group_index;
  int                 status_index;
  gboolean            show_archived;
  SortKey             sort_key;

  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkDropDown        *grade_dropdown;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkCheckButton     *archived_check;
  GtkRevealer        *hidden_revealer;
  GtkButton          *hidden_button;
  GtkLabel           *hidden_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
};

G_DEFINE_FINAL_TYPE (TrellisStudentList, trellis_student_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_ID,
  PROP_N_STUDENTS,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->kind);
  g_free (group->value);
}

static gboolean
matches (TrellisStudentSummary *summary,
         TrellisStudentList    *self)
{
  if (!self->show_archived && trellis_student_summary_get_archived (summary))
    return FALSE;
  if (self->grade != ANY_GRADE && trellis_student_summary_get_grade_level (summary) != self->grade)
    return FALSE;
  if (self->group_index > 0)
    {
      Group *group = &g_array_index (self->groups, Group, self->group_index - 1);
      const char *value = g_str_equal (group->kind, "homeroom")
                            ? trellis_student_summary_get_homeroom (summary)
                            : trellis_student_summary_get_advisor (summary);
      if (g_strcmp0 (value, group->value) != 0)
        return FALSE;
    }
  if (self->status_index > 0)
    {
      const char *status = trellis_student_summary_get_plan_status (summary);
      const char *wanted = self->status_index == 1 ? NULL : trellis_plan_statuses[self->status_index - 2];

      if (g_strcmp0 (status, wanted) != 0)
        return FALSE;
    }
  if (self->query != NULL && strstr (trellis_student_summary_get_search_key (summary), self->query) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  return matches (TRELLIS_STUDENT_SUMMARY (item), TRELLIS_STUDENT_LIST (user_data));
}

/* Collation keys are made once per summary: comparing them is a strcmp. */
static const char *
collate_key (TrellisStudentSummary *summary,
             gboolean               given)
{
  static GQuark given_quark, family_quark;
  GQuark quark;
  char *key;

  if (given_quark == 0)
    {
      given_quark = g_quark_from_static_string ("trellis-given-collate-key");
      family_quark = g_quark_from_static_string ("trellis-family-collate-key");
    }
  quark = given ? given_quark : family_quark;
  key = g_object_get_qdata (G_OBJECT (summary), quark);
  if (key == NULL)
    {
      const char *text = given ? trellis_student_summary_get_given_name (summary)
                               : trellis_student_summary_get_family_name (summary);

      key = g_utf8_collate_key (text ? text : "", -1);
      g_object_set_qdata_full (G_OBJECT (summary), quark, key, g_free);
    }
  return key;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (user_data);
  TrellisStudentSummary *sa = TRELLIS_STUDENT_SUMMARY ((gpointer) a);
  TrellisStudentSummary *sb = TRELLIS_STUDENT_SUMMARY ((gpointer) b);
  int result = 0;

  if (self->sort_key == SORT_GRADE)
    result = trellis_student_summary_get_grade_level (sa) - trellis_student_summary_get_grade_level (sb);
  if (result == 0 && self->sort_key == SORT_GIVEN_NAME)
    result = strcmp (collate_key (sa, TRUE), collate_key (sb, TRUE));
  if (result == 0)
    result = strcmp (collate_key (sa, FALSE), collate_key (sb, FALSE));
  if (result == 0)
    result = strcmp (collate_key (sa, TRUE), collate_key (sb, TRUE));
  if (result == 0)
    result = trellis_student_summary_get_id (sa) < trellis_student_summary_get_id (sb) ? -1 : 1;
  return result;
}

static gboolean
any_filter_active (TrellisStudentList *self)
{
  return self->grade != ANY_GRADE || self->group_index > 0 || self->status_index > 0 ||
         self->show_archived;
}

static TrellisStudentSummary *get_highlighted (TrellisStudentList *self);

/* The student open on the right but hidden by the search or filters: the list says so, lest
 * a counselor act on the open student while reading another's row. */
static void
update_hidden_notice (TrellisStudentList *self)
{
  TrellisStudentSummary *highlighted;
  gboolean hidden;

  /* Once the template is disposed there is nothing left to update. */
  if (self->hidden_revealer == NULL)
    return;
  highlighted = get_highlighted (self);
  hidden = self->selected_summary != NULL &&
           (highlighted == NULL || trellis_student_summary_get_id (highlighted) !=
                                   trellis_student_summary_get_id (self->selected_summary));

  if (hidden)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the student whose profile and plan stay open on the right */
      text = g_strdup_printf (_("%s, open on the right, is hidden by the search or filters."),
                              trellis_student_summary_get_display_name (self->selected_summary));
      gtk_label_set_text (self->hidden_label, text);
    }
  gtk_revealer_set_reveal_child (self->hidden_revealer, hidden);
}

static void
update_view (TrellisStudentList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "no-results" : "list");
  update_hidden_notice (self);
  if (any_filter_active (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static TrellisStudentSummary *
find_summary (TrellisStudentList *self,
              gint64              id)
{
  GListModel *model = G_LIST_MODEL (self->summaries);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisStudentSummary) summary = g_list_model_get_item (model, i);

      if (trellis_student_summary_get_id (summary) == id)
        return summary;
    }
  return NULL;
}

/* Where the list shows @summary, or GTK_INVALID_LIST_POSITION. In the store’s order it is
 * the number of shown students before it, which needs no look-ups in the filtered model. */
static guint
find_position (TrellisStudentList    *self,
               TrellisStudentSummary *summary)
{
  GListModel *model = G_LIST_MODEL (self->summaries);
  guint index, position = 0;

  if (summary == NULL || !matches (summary, self) || !g_list_store_find (self->summaries, summary, &index))
    return GTK_INVALID_LIST_POSITION;
  if (gtk_sort_list_model_get_sorter (self->sort_model) != NULL)
    {
      model = G_LIST_MODEL (self->sort_model);
      index = g_list_model_get_n_items (model);
    }
  for (guint i = 0; i < index; i++)
    {
      g_autoptr(TrellisStudentSummary) other = g_list_model_get_item (model, i);

      if (other == summary)
        return i;
      if (model == G_LIST_MODEL (self->summaries) && matches (other, self))
        position++;
    }
  return model == G_LIST_MODEL (self->summaries) ? position : GTK_INVALID_LIST_POSITION;
}

/* The student the list highlights, if any. */
static TrellisStudentSummary *
get_highlighted (TrellisStudentList *self)
{
  TrellisListSlot *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? trellis_list_slot_get_item (slot) : NULL;
}

/* Makes @summary the chosen student; notifies only when that is another student. */
static void
set_selected_summary (TrellisStudentList    *self,
                      TrellisStudentSummary *summary)
{
  gint64 before = trellis_student_list_get_selected_id (self);

  g_set_object (&self->selected_summary, summary);
  update_hidden_notice (self);
  if (trellis_student_list_get_selected_id (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* After the models changed: highlight the chosen student if the list shows them. The
 * selection model usually kept them already, so the list is searched only when they
 * reappear. */
static void
sync_selection (TrellisStudentList *self)
{
  guint position;

  if (get_highlighted (self) == self->selected_summary)
    return;
  position = find_position (self, self->selected_summary);
  self->refiltering = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->refiltering = FALSE;
}

static void
refilter (TrellisStudentList *self,
          GtkFilterChange     change)
{
  /* The template’s drop-downs notify while being built, before the models exist. */
  if (self->selection == NULL)
    return;
  self->refiltering = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  self->refiltering = FALSE;
  sync_selection (self);
  update_view (self);
}

static int
find_group (GArray     *groups,
            const char *kind,
            const char *value)
{
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = &g_array_index (groups, Group, i);

      if (g_str_equal (group->kind, kind) && g_str_equal (group->value, value))
        return i;
    }
  return -1;
}

static void
add_groups (GArray     *groups,
            GListModel *model,
            const char *kind)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisStudentSummary) summary = g_list_model_get_item (model, i);
      const char *value = g_str_equal (kind, "homeroom")
                            ? trellis_student_summary_get_homeroom (summary)
                            : trellis_student_summary_get_advisor (summary);
      Group group;

      if (value == NULL || *value == '\0' || find_group (groups, kind, value) >= 0)
        continue;
      group.kind = g_strdup (kind);
      group.value = g_strdup (value);
      g_array_append_val (groups, group);
    }
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = a;
  const Group *gb = b;
  int result = g_strcmp0 (gb->kind, ga->kind);   /* homerooms before advisors */

  return result != 0 ? result : g_utf8_collate (ga->value, gb->value);
}

/* The homeroom/advisor choices follow the data; the chosen one survives a reload. */
static void
rebuild_groups (TrellisStudentList *self)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  Group *chosen = self->group_index > 0 ? &g_array_index (self->groups, Group, self->group_index - 1) : NULL;
  int index = 0;
  gboolean same;

  g_array_set_clear_func (groups, group_clear);
  add_groups (groups, G_LIST_MODEL (self->summaries), "homeroom");
  add_groups (groups, G_LIST_MODEL (self->summaries), "advisor");
  g_array_sort (groups, compare_groups);

  same = groups->len == self->groups->len;
  for (guint i = 0; same && i < groups->len; i++)
    same = compare_groups (&g_array_index (groups, Group, i), &g_array_index (self->groups, Group, i)) == 0;
  if (same)
    return;

  if (chosen != NULL)
    index = find_group (groups, chosen->kind, chosen->value) + 1;

  gtk_string_list_append (labels, _("All homerooms and advisors"));
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = &g_array_index (groups, Group, i);
      g_autofree char *label = NULL;

      if (g_str_equal (group->kind, "homeroom"))
        /* Translators: a choice in the list filter, %s is a homeroom */
        label = g_strdup_printf (_("Homeroom %s"), group->value);
      else
        /* Translators: a choice in the list filter, %s is a teacher’s name */
        label = g_strdup_printf (_("Advisory of %s"), group->value);
      gtk_string_list_append (labels, label);
    }

  g_clear_pointer (&self->groups, g_array_unref);
  self->groups = g_steal_pointer (&groups);
  self->group_index = index;
  g_signal_handlers_block_matched (self->group_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->group_dropdown, index);
  g_signal_handlers_unblock_matched (self->group_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* Callbacks */

static gboolean
on_prepare_search_keys (gpointer user_data)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (user_data);
  GListModel *model = G_LIST_MODEL (self->summaries);
  guint n = g_list_model_get_n_items (model);
  guint end = MIN (n, self->keys_done + 1000);

  for (; self->keys_done < end; self->keys_done++)
    {
      g_autoptr(TrellisStudentSummary) summary = g_list_model_get_item (model, self->keys_done);

      trellis_student_summary_get_search_key (summary);
    }
  if (self->keys_done < n)
    return G_SOURCE_CONTINUE;
  self->keys_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          TrellisStudentList       *self)
{
  gtk_list_item_set_child (item, trellis_student_row_new ());
  /* The slot’s notifications reach the item; the item knows its list. */
  g_object_set_data (G_OBJECT (item), "trellis-student-list", self);
}

static void
fill_row (GtkListItem *item,
          gpointer     user_data)
{
  trellis_student_row_fill (TRELLIS_STUDENT_ROW (gtk_list_item_get_child (item)));
}

static void
on_slot_item_changed (TrellisListSlot    *slot,
                      GParamSpec         *pspec,
                      GtkListItem        *item)
{
  TrellisStudentList *self = g_object_get_data (G_OBJECT (item), "trellis-student-list");
  TrellisStudentSummary *summary = trellis_list_slot_get_item (slot);

  if (summary != NULL &&
      trellis_student_row_set_summary (TRELLIS_STUDENT_ROW (gtk_list_item_get_child (item)), summary))
    trellis_lazy_rows_request (self->lazy_rows, item);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TrellisStudentList       *self)
{
  TrellisListSlot *slot = gtk_list_item_get_item (item);

  g_signal_connect_object (slot, "notify::item", G_CALLBACK (on_slot_item_changed), item, 0);
  on_slot_item_changed (slot, NULL, item);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TrellisStudentList       *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_item_changed, item);
  trellis_lazy_rows_forget (self->lazy_rows, item);
}

static void
on_selection_changed (TrellisStudentList *self)
{
  if (self->refiltering)
    return;
  set_selected_summary (self, get_highlighted (self));
}

static void
on_list_view_activate (GtkListView        *list_view,
                       guint               position,
                       TrellisStudentList *self)
{
  /* Enter on a focused row both chooses and shows the student. */
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
on_search_changed (GtkSearchEntry     *entry,
                   TrellisStudentList *self)
{
  g_autofree char *query = trellis_search_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean scrolled;

  g_strstrip (query);
  if (*query == '\0')
    g_clear_pointer (&query, g_free);
  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* Typing one more letter only narrows the list: the filter then skips hidden rows. */
  if (query != NULL && (self->query == NULL || strstr (query, self->query) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query != NULL && (query == NULL || strstr (self->query, query) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  /* The rows stay where they were (see trellis-slot-model.c): show the best matches first.
   * Scrolling before filtering keeps the rows the list view has: filtering first could
   * remove the position it shows, and it would make new rows there before the scroll. An
   * empty list scrolls once it has rows. */
  scrolled = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0;
  if (scrolled)
    trellis_lazy_rows_scroll_to (self->lazy_rows, 0);
  refilter (self, change);
  if (!scrolled && g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
    trellis_lazy_rows_scroll_to (self->lazy_rows, 0);
}

/* Enter in the search field opens the best match: the first student listed. */
static void
on_search_activate (GtkSearchEntry     *entry,
                    TrellisStudentList *self)
{
  /* The list follows the field after a typing pause; Enter does not wait for it. */
  on_search_changed (entry, self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  trellis_lazy_rows_scroll_to (self->lazy_rows, 0);
  gtk_single_selection_set_selected (self->selection, 0);
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
on_search_stop (GtkSearchEntry     *entry,
                TrellisStudentList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_hidden_show_clicked (TrellisStudentList *self)
{
  trellis_student_list_select_id (self, trellis_student_list_get_selected_id (self));
}

static void
on_filter_changed (TrellisStudentList *self)
{
  guint grade = gtk_drop_down_get_selected (self->grade_dropdown);

  /* Drop-down rows: 0 all, 1 pre-K (−1), 2 kindergarten (0), then grades 1 to 12. */
  self->grade = grade == 0 || grade == GTK_INVALID_LIST_POSITION ? ANY_GRADE : (int) grade - 2;
  self->group_index = MAX (0, (int) gtk_drop_down_get_selected (self->group_dropdown));
  self->status_index = MAX (0, (int) gtk_drop_down_get_selected (self->status_dropdown));
  self->show_archived = gtk_check_button_get_active (self->archived_check);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_sort_changed (TrellisStudentList *self)
{
  if (self->selection == NULL)
    return;
  self->sort_key = gtk_drop_down_get_selected (self->sort_dropdown);
  self->refiltering = TRUE;
  /* The store already lists by family name, then given name: no sorting needed for that. */
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  self->sort_key == SORT_FAMILY_NAME ? NULL : GTK_SORTER (self->sorter));
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->refiltering = FALSE;
  sync_selection (self);
}

/* Overrides */

static void
trellis_student_list_dispose (GObject *object)
{
  GtkWidget *child;

  TrellisStudentList *self = TRELLIS_STUDENT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STUDENT_LIST);
  /* The template’s unnamed top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->keys_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->slot_model);
  g_clear_object (&self->lazy_rows);
  g_clear_object (&self->sorter);
  g_clear_object (&self->selected_summary);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_student_list_parent_class)->dispose (object);
}

static void
trellis_student_list_finalize (GObject *object)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (object);

  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (trellis_student_list_parent_class)->finalize (object);
}

static void
trellis_student_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, trellis_student_list_get_selected_id (self));
      break;
    case PROP_N_STUDENTS:
      g_value_set_uint (value, trellis_student_list_get_n_students (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      trellis_student_list_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
trellis_student_list_grab_focus (GtkWidget *widget)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The list of students is one stop of Tab, as a sidebar is: from a row, Tab goes on to the
 * page and Shift+Tab back to the controls above, instead of walking every student (GTK 4.8's
 * list view moves from row to row). Coming in, Tab reaches the search field first. */
static gboolean
trellis_student_list_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  TrellisStudentList *self = TRELLIS_STUDENT_LIST (widget);
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean in_list = focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list));

  if (in_list && direction == GTK_DIR_TAB_FORWARD)
    return FALSE;
  if (in_list && direction == GTK_DIR_TAB_BACKWARD)
    {
      if (gtk_revealer_get_child_revealed (self->hidden_revealer) &&
          gtk_widget_grab_focus (GTK_WIDGET (self->hidden_button)))
        return TRUE;
      return gtk_widget_child_focus (GTK_WIDGET (self->filter_button), direction);
    }
  return gtk_widget_child_focus (gtk_widget_get_first_child (widget), direction);
}

static void
trellis_student_list_class_init (TrellisStudentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_list_dispose;
  object_class->finalize = trellis_student_list_finalize;
  object_class->get_property = trellis_student_list_get_property;
  object_class->set_property = trellis_student_list_set_property;
  widget_class->grab_focus = trellis_student_list_grab_focus;
  widget_class->focus = trellis_student_list_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STUDENTS] =
    g_param_spec_uint ("n-students", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisStudentList::activated:
   *
   * A student was chosen with a click or Enter (a narrow window then shows the student).
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-student-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, archived_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, hidden_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, hidden_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, list_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentList, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hidden_show_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fill_choices (GtkDropDown *dropdown,
              const char  *all,
              const char  *none,
              char        *(*label) (int),
              int          first,
              int          last)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all);
  if (none != NULL)
    gtk_string_list_append (labels, none);
  for (int i = first; i <= last; i++)
    {
      g_autofree char *text = label (i);
      gtk_string_list_append (labels, text);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

static char *
plan_status_label (int index)
{
  return g_strdup (trellis_vocabulary_label (trellis_plan_statuses, trellis_plan_statuses[index]));
}

static void
trellis_student_list_init (TrellisStudentList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->grade = ANY_GRADE;
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, group_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_widget_name_drop_downs (GTK_WIDGET (self));

  fill_choices (self->grade_dropdown, _("All grades"), NULL, trellis_grade_level_label, -1, 12);
  fill_choices (self->status_dropdown, _("Any plan status"), _("No plan"), plan_status_label,
                0, g_strv_length ((char **) trellis_plan_statuses) - 1);

  self->summaries = g_list_store_new (TRELLIS_TYPE_STUDENT_SUMMARY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->summaries), GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  self->slot_model = trellis_slot_model_new (G_LIST_MODEL (self->sort_model));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slot_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  self->lazy_rows = trellis_lazy_rows_new (self->list_view, fill_row, NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_view (self);
}

/* Public API */

/**
 * trellis_student_list_get_store:
 * @self: a list
 *
 * Returns: (transfer none) (nullable): the store whose students are listed
 */
TrellisStore *
trellis_student_list_get_store (TrellisStudentList *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), NULL);

  return self->store;
}

/**
 * trellis_student_list_set_store:
 * @self: a list
 * @store: (nullable): the store to list
 */
void
trellis_student_list_set_store (TrellisStudentList *self,
                                TrellisStore       *store)
{
  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));
  g_return_if_fail (store == NULL || TRELLIS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  set_selected_summary (self, NULL);
  trellis_student_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * trellis_student_list_reload:
 * @self: a list
 *
 * Reads the summaries again (after a change) and keeps the selected student selected.
 */
void
trellis_student_list_reload (TrellisStudentList *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TrellisStudentSummary *still_there = NULL;
  gint64 selected;
  guint n_before, n;

  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));

  selected = trellis_student_list_get_selected_id (self);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
  if (self->store != NULL)
    {
      model = trellis_store_list_student_summaries (self->store, &error);
      if (model == NULL)
        g_warning ("The student list could not be read: %s", error->message);
    }

  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      TrellisStudentSummary *summary = g_list_model_get_item (model, i);

      if (selected != 0 && trellis_student_summary_get_id (summary) == selected)
        still_there = summary;
      g_ptr_array_add (items, summary);
    }

  /* The chosen student stays chosen unless they were deleted. */
  self->refiltering = TRUE;
  g_list_store_splice (self->summaries, 0, n_before, items->pdata, items->len);
  rebuild_groups (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->refiltering = FALSE;
  g_set_object (&self->selected_summary, still_there);
  sync_selection (self);

  update_view (self);
  self->keys_done = 0;
  if (self->keys_id == 0 && n > 0)
    self->keys_id = g_idle_add_full (G_PRIORITY_LOW, on_prepare_search_keys, self, NULL);
  if (trellis_student_list_get_selected_id (self) != selected)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  if (n != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STUDENTS]);
}

/**
 * trellis_student_list_get_n_students:
 * @self: a list
 *
 * Returns: how many students the database holds, archived ones included
 */
guint
trellis_student_list_get_n_students (TrellisStudentList *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
}

/**
 * trellis_student_list_get_n_visible:
 * @self: a list
 *
 * Returns: how many students the search and filters show
 */
guint
trellis_student_list_get_n_visible (TrellisStudentList *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

/**
 * trellis_student_list_get_selected_id:
 * @self: a list
 *
 * Returns: the row id of the selected student, 0 when none is
 */
gint64
trellis_student_list_get_selected_id (TrellisStudentList *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), 0);

  return self->selected_summary != NULL ? trellis_student_summary_get_id (self->selected_summary) : 0;
}

/**
 * trellis_student_list_get_neighbour_id:
 * @self: a list
 *
 * Who a deletion leaves chosen, so that the keyboard and the page carry on from there.
 *
 * Returns: the row id of the student shown after the selected one, or before it when it is
 *   the last; 0 when no other student is shown
 */
gint64
trellis_student_list_get_neighbour_id (TrellisStudentList *self)
{
  GListModel *shown;
  guint position, n;
  g_autoptr(TrellisStudentSummary) neighbour = NULL;

  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), 0);

  shown = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (shown);
  position = find_position (self, self->selected_summary);
  if (position == GTK_INVALID_LIST_POSITION || n < 2)
    return 0;
  neighbour = g_list_model_get_item (shown, position + 1 < n ? position + 1 : position - 1);
  return trellis_student_summary_get_id (neighbour);
}

/**
 * trellis_student_list_get_selected_name:
 * @self: a list
 *
 * Returns: (nullable): the name shown for the selected student, %NULL when none is
 */
const char *
trellis_student_list_get_selected_name (TrellisStudentList *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), NULL);

  return self->selected_summary != NULL ? trellis_student_summary_get_display_name (self->selected_summary)
                                        : NULL;
}

/**
 * trellis_student_list_select_id:
 * @self: a list
 * @id: a student’s row id, 0 for none
 *
 * Chooses the student and scrolls to it. A student hidden by the search or the filters is
 * shown by clearing them first.
 */
void
trellis_student_list_select_id (TrellisStudentList *self,
                                gint64              id)
{
  TrellisStudentSummary *summary;
  guint position;

  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));

  summary = id ? find_summary (self, id) : NULL;
  position = find_position (self, summary);
  if (summary != NULL && position == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->query, g_free);
      gtk_drop_down_set_selected (self->grade_dropdown, 0);
      gtk_drop_down_set_selected (self->group_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_check_button_set_active (self->archived_check, TRUE);
      on_filter_changed (self);
      position = find_position (self, summary);
    }
  gtk_single_selection_set_selected (self->selection, position);
  /* Nothing was highlighted (a search hid the chosen student): no notification came. */
  set_selected_summary (self, get_highlighted (self));
  if (position != GTK_INVALID_LIST_POSITION)
    trellis_lazy_rows_scroll_to (self->lazy_rows, position);
}

/**
 * trellis_student_list_dup_visible_ids:
 * @self: a list
 *
 * Returns: (transfer full) (element-type gint64): the ids of the students the search and
 *   filters show, in list order
 */
GArray *
trellis_student_list_dup_visible_ids (TrellisStudentList *self)
{
  GListModel *model;
  GArray *ids;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_STUDENT_LIST (self), NULL);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisStudentSummary) summary = g_list_model_get_item (model, i);
      gint64 id = trellis_student_summary_get_id (summary);

      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * trellis_student_list_set_search_text:
 * @self: a list
 * @text: what to search for in names and student numbers
 *
 * Filters the list at once, as if @text had been typed and the typing pause had passed.
 */
void
trellis_student_list_set_search_text (TrellisStudentList *self,
                                      const char         *text)
{
  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));

  /* Setting the text empties the entry first, which GtkSearchEntry reports at once: one
   * filtering for @text, not two. */
  g_signal_handlers_block_matched (self->search_entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_search_changed, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_matched (self->search_entry, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_search_changed, NULL);
  on_search_changed (self->search_entry, self);
}

/**
 * trellis_student_list_focus_search:
 * @self: a list
 */
void
trellis_student_list_focus_search (TrellisStudentList *self)
{
  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * trellis_student_list_set_show_archived:
 * @self: a list
 * @show_archived: whether archived students are listed
 */
void
trellis_student_list_set_show_archived (TrellisStudentList *self,
                                        gboolean            show_archived)
{
  g_return_if_fail (TRELLIS_IS_STUDENT_LIST (self));

  gtk_check_button_set_active (self->archived_check, show_archived);
}
