/* trellis-student-view.c — the selected student: Profile, Plan, Graduate profile and History
 *
 * The .ui declares the pages (name, title, icon) with an empty AdwBin each; page_kinds says
 * which widget fills it. A page is made the first time it is shown, which keeps the window’s
 * start-up short, and only the page on screen loads the student: the others load when they
 * are switched to. Loading waits for the main loop to be idle, and for a moment after the
 * previous load, so that walking down the list with the arrow keys stays fluid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-view"

#include <glib/gi18n.h>

#include "trellis-graduate-page.h"
#include "trellis-history-page.h"
#include "trellis-plan-page.h"
#include "trellis-profile-page.h"
#include "trellis-student-view.h"

/* How long after one load the next one waits, when the chosen student keeps changing. */
#define LOAD_INTERVAL_MS 150

typedef struct
{
  const char *name;                /* the AdwViewStackPage’s name in the .ui */
  GType     (*get_type) (void);    /* a TrellisStudentPage */
} PageKind;

static const PageKind page_kinds[] = {
  { "profile", trellis_profile_page_get_type },
  { "plan", trellis_plan_page_get_type },
  { "graduate", trellis_graduate_page_get_type },
  { "history", trellis_history_page_get_type },
};

#define N_PAGES G_N_ELEMENTS (page_kinds)

/* A TrellisStudentPage itself, for its “store” and “student-id”, which it hands on to its pages;
 * it does not listen to the store: each page does. */
struct _TrellisStudentView
{
  TrellisStudentPage  parent_instance;

  gboolean            stale[N_PAGES];   /* the page shows another student than the view */
  guint               load_id;
  gint64              last_load;        /* monotonic time of the last load */

  GtkStack           *stack;
  AdwViewStack       *view_stack;
};

G_DEFINE_FINAL_TYPE (TrellisStudentView, trellis_student_view, TRELLIS_TYPE_STUDENT_PAGE)

/* Helpers */

/* Gives @page the view’s store and student. */
static void
hand_on (TrellisStudentView *self,
         GtkWidget          *page)
{
  TrellisStudentPage *view = TRELLIS_STUDENT_PAGE (self);

  trellis_student_page_set_store (TRELLIS_STUDENT_PAGE (page), trellis_student_page_get_store (view));
  trellis_student_page_set_student_id (TRELLIS_STUDENT_PAGE (page), trellis_student_page_get_student_id (view));
}

static AdwBin *
get_bin (TrellisStudentView *self,
         guint               index)
{
  return ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, page_kinds[index].name));
}

/* Shows the current student on page @index, making the page if it is its first time. */
static void
load_page (TrellisStudentView *self,
           guint               index)
{
  AdwBin *bin = get_bin (self, index);
  GtkWidget *page = adw_bin_get_child (bin);

  if (page == NULL)
    {
      page = g_object_new (page_kinds[index].get_type (), NULL);
      adw_bin_set_child (bin, page);
    }
  else if (!self->stale[index])
    return;
  hand_on (self, page);
  self->stale[index] = FALSE;
}

static void
load_visible_page (TrellisStudentView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  g_clear_handle_id (&self->load_id, g_source_remove);
  self->last_load = g_get_monotonic_time ();
  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (name, page_kinds[i].name) == 0)
      load_page (self, i);
}

static gboolean
on_load_timeout (gpointer user_data)
{
  TrellisStudentView *self = TRELLIS_STUDENT_VIEW (user_data);

  self->load_id = 0;
  load_visible_page (self);
  return G_SOURCE_REMOVE;
}

static gboolean
has_student (TrellisStudentView *self)
{
  return trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self)) != NULL &&
         trellis_student_page_get_student_id (TRELLIS_STUDENT_PAGE (self)) != 0;
}

static void
update_pages (TrellisStudentView *self)
{
  gboolean shown = has_student (self);
  gint64 since_last = (g_get_monotonic_time () - self->last_load) / 1000;

  g_clear_handle_id (&self->load_id, g_source_remove);
  gtk_stack_set_visible_child_name (self->stack, shown ? "student" : "none");

  /* No student (or another database): every page lets go of what it showed, at once. */
  if (!shown)
    {
      for (guint i = 0; i < N_PAGES; i++)
        {
          GtkWidget *page = adw_bin_get_child (get_bin (self, i));

          if (page != NULL)
            hand_on (self, page);
          self->stale[i] = FALSE;
        }
      return;
    }

  for (guint i = 0; i < N_PAGES; i++)
    self->stale[i] = TRUE;
  if (since_last >= LOAD_INTERVAL_MS)
    self->load_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_load_timeout, self, NULL);
  else
    self->load_id = g_timeout_add (LOAD_INTERVAL_MS - since_last, on_load_timeout, self);
}

/* The page on screen, made and showing the current student; %NULL without a student. */
static TrellisStudentPage *
get_visible_page (TrellisStudentView *self)
{
  GtkWidget *bin;
  GtkWidget *page;

  if (!has_student (self))
    return NULL;
  load_visible_page (self);
  bin = adw_view_stack_get_visible_child (self->view_stack);
  page = ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;
  return page != NULL ? TRELLIS_STUDENT_PAGE (page) : NULL;
}

/* Callbacks */

static void
on_visible_page_changed (TrellisStudentView *self)
{
  if (has_student (self))
    load_visible_page (self);
}

/* Overrides */

static gboolean
trellis_student_view_go_back (TrellisStudentPage *page)
{
  TrellisStudentPage *visible = get_visible_page (TRELLIS_STUDENT_VIEW (page));

  return visible != NULL && trellis_student_page_go_back (visible);
}

static void
trellis_student_view_load (TrellisStudentPage *page,
                           gboolean            new_store)
{
  update_pages (TRELLIS_STUDENT_VIEW (page));
}

static void
trellis_student_view_dispose (GObject *object)
{
  TrellisStudentView *self = TRELLIS_STUDENT_VIEW (object);

  g_clear_handle_id (&self->load_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STUDENT_VIEW);

  G_OBJECT_CLASS (trellis_student_view_parent_class)->dispose (object);
}

static void
trellis_student_view_class_init (TrellisStudentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisStudentPageClass *page_class = TRELLIS_STUDENT_PAGE_CLASS (klass);

  object_class->dispose = trellis_student_view_dispose;
  page_class->load = trellis_student_view_load;
  page_class->go_back = trellis_student_view_go_back;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-student-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentView, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
}

static void
trellis_student_view_init (TrellisStudentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_student_view_get_stack:
 * @self: a view
 *
 * Returns: (transfer none): the pages, for the window’s view switchers
 */
AdwViewStack *
trellis_student_view_get_stack (TrellisStudentView *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_VIEW (self), NULL);

  return self->view_stack;
}

/**
 * trellis_student_view_focus_page:
 * @self: a view
 *
 * Puts the keyboard focus on the first control of the page on screen, showing the current
 * student at once rather than after the usual pause: what choosing a student with Enter does.
 *
 * Returns: whether a control took the focus
 */
gboolean
trellis_student_view_focus_page (TrellisStudentView *self)
{
  TrellisStudentPage *visible;

  g_return_val_if_fail (TRELLIS_IS_STUDENT_VIEW (self), FALSE);

  visible = get_visible_page (self);
  return visible != NULL && gtk_widget_child_focus (GTK_WIDGET (visible), GTK_DIR_TAB_FORWARD);
}
