/* trellis-student-view.c — the selected student: Profile, Plan, Graduate profile and History
 *
 * Every page of the view stack that has a “store” and a “student-id” property gets both set
 * when the student changes; a page is added or swapped in the .ui alone.
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

struct _TrellisStudentView
{
  GtkWidget     parent_instance;

  TrellisStore *store;
  gint64        student_id;

  GtkStack     *stack;
  AdwViewStack *view_stack;
};

G_DEFINE_FINAL_TYPE (TrellisStudentView, trellis_student_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STUDENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_student_page (GObject *page)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (page);

  return g_object_class_find_property (klass, "store") != NULL &&
         g_object_class_find_property (klass, "student-id") != NULL;
}

static void
update_pages (TrellisStudentView *self)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (self->view_stack));
  guint n = g_list_model_get_n_items (pages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
      GObject *child = G_OBJECT (adw_view_stack_page_get_child (page));

      if (is_student_page (child))
        g_object_set (child, "store", self->store, "student-id", self->student_id, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, self->store != NULL && self->student_id != 0 ? "student" : "none");
}

/* Overrides */

static void
trellis_student_view_dispose (GObject *object)
{
  TrellisStudentView *self = TRELLIS_STUDENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STUDENT_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (trellis_student_view_parent_class)->dispose (object);
}

static void
trellis_student_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisStudentView *self = TRELLIS_STUDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STUDENT_ID:
      g_value_set_int64 (value, self->student_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisStudentView *self = TRELLIS_STUDENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          update_pages (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STUDENT_ID:
      if (self->student_id != g_value_get_int64 (value))
        {
          self->student_id = g_value_get_int64 (value);
          update_pages (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_view_class_init (TrellisStudentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_view_dispose;
  object_class->get_property = trellis_student_view_get_property;
  object_class->set_property = trellis_student_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STUDENT_ID] =
    g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_GRADUATE_PAGE);
  g_type_ensure (TRELLIS_TYPE_PROFILE_PAGE);
  g_type_ensure (TRELLIS_TYPE_HISTORY_PAGE);
  g_type_ensure (TRELLIS_TYPE_PLAN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-student-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentView, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisStudentView, view_stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
 * trellis_student_view_get_store:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the database
 */
TrellisStore *
trellis_student_view_get_store (TrellisStudentView *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_VIEW (self), NULL);

  return self->store;
}

/**
 * trellis_student_view_get_student_id:
 * @self: a view
 *
 * Returns: the student shown, 0 for none
 */
gint64
trellis_student_view_get_student_id (TrellisStudentView *self)
{
  g_return_val_if_fail (TRELLIS_IS_STUDENT_VIEW (self), 0);

  return self->student_id;
}
