/* trellis-student-page.c — the base of a widget that shows one student of an open database
 *
 * Holds the “store” and “student-id” properties that the student view and each of its pages
 * share, listens to the store on behalf of the subclass, and tells it when to let go of what it
 * shows (unload) and when to show the new store or student (load).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-student-page"

#include "trellis-student-page.h"

typedef struct
{
  TrellisStore *store;
  gint64        student_id;
  gulong        changed_id;
  gulong        external_change_id;
} TrellisStudentPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisStudentPage, trellis_student_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STUDENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
unload (TrellisStudentPage *self)
{
  TrellisStudentPageClass *klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);

  if (klass->unload != NULL)
    klass->unload (self);
}

static void
load (TrellisStudentPage *self,
      gboolean            new_store)
{
  TrellisStudentPageClass *klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);

  if (klass->load != NULL)
    klass->load (self, new_store);
}

/* Callbacks */

static void
on_store_changed (TrellisStore       *store,
                  const char         *table,
                  const char         *uuid,
                  TrellisStoreChange  kind,
                  TrellisStudentPage *self)
{
  TrellisStudentPageClass *klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, table, uuid, kind);
}

static void
on_store_external_change (TrellisStore       *store,
                          TrellisStudentPage *self)
{
  TrellisStudentPageClass *klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);

  if (klass->external_change != NULL)
    klass->external_change (self);
  else if (klass->store_changed != NULL)
    klass->store_changed (self, NULL, NULL, TRELLIS_STORE_CHANGE_RELOAD);
}

/* Overrides */

static void
trellis_student_page_dispose (GObject *object)
{
  TrellisStudentPage *self = TRELLIS_STUDENT_PAGE (object);
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  trellis_student_page_disconnect_store (self);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (trellis_student_page_parent_class)->dispose (object);
}

static void
trellis_student_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisStudentPage *self = TRELLIS_STUDENT_PAGE (object);
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_STUDENT_ID:
      g_value_set_int64 (value, priv->student_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisStudentPage *self = TRELLIS_STUDENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      trellis_student_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_STUDENT_ID:
      trellis_student_page_set_student_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_student_page_class_init (TrellisStudentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_student_page_dispose;
  object_class->get_property = trellis_student_page_get_property;
  object_class->set_property = trellis_student_page_set_property;

  /**
   * TrellisStudentPage:store: (nullable)
   *
   * The open database.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TrellisStudentPage:student-id:
   *
   * The row id of the student shown, 0 for none.
   */
  properties[PROP_STUDENT_ID] =
    g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Subclasses inherit it: each shows one child, its template’s top widget. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_student_page_init (TrellisStudentPage *self)
{
}

/* Public API */

/**
 * trellis_student_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the open database
 */
TrellisStore *
trellis_student_page_get_store (TrellisStudentPage *self)
{
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_STUDENT_PAGE (self), NULL);

  return priv->store;
}

/**
 * trellis_student_page_set_store:
 * @self: a page
 * @store: (nullable): the open database
 *
 * Unloads what the page shows, listens to @store instead of the old one, and loads again.
 */
void
trellis_student_page_set_store (TrellisStudentPage *self,
                                TrellisStore       *store)
{
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);
  TrellisStudentPageClass *klass;

  g_return_if_fail (TRELLIS_IS_STUDENT_PAGE (self));
  g_return_if_fail (store == NULL || TRELLIS_IS_STORE (store));

  if (priv->store == store)
    return;
  /* What the page stores while unloading goes to the old database without redrawing it. */
  trellis_student_page_disconnect_store (self);
  unload (self);
  g_set_object (&priv->store, store);
  klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);
  if (store != NULL && (klass->store_changed != NULL || klass->external_change != NULL))
    {
      priv->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
      priv->external_change_id = g_signal_connect (store, "external-change",
                                                   G_CALLBACK (on_store_external_change), self);
    }
  load (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * trellis_student_page_get_student_id:
 * @self: a page
 *
 * Returns: the row id of the student shown, 0 for none
 */
gint64
trellis_student_page_get_student_id (TrellisStudentPage *self)
{
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_STUDENT_PAGE (self), 0);

  return priv->student_id;
}

/**
 * trellis_student_page_set_student_id:
 * @self: a page
 * @student_id: the student’s row id, 0 for none
 *
 * Unloads what the page shows and loads that student.
 */
void
trellis_student_page_set_student_id (TrellisStudentPage *self,
                                     gint64              student_id)
{
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  g_return_if_fail (TRELLIS_IS_STUDENT_PAGE (self));
  g_return_if_fail (student_id >= 0);

  if (priv->student_id == student_id)
    return;
  unload (self);
  priv->student_id = student_id;
  load (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_ID]);
}

/**
 * trellis_student_page_disconnect_store:
 * @self: a page
 *
 * Stops the store’s signals reaching the page; the page keeps the store. For a subclass’s
 * dispose, before its template goes: a child that stores its last edits while it is disposed
 * must not make a half-disposed page reload.
 */
void
trellis_student_page_disconnect_store (TrellisStudentPage *self)
{
  TrellisStudentPagePrivate *priv = trellis_student_page_get_instance_private (self);

  g_return_if_fail (TRELLIS_IS_STUDENT_PAGE (self));

  if (priv->store == NULL)
    return;
  g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_signal_handler (&priv->external_change_id, priv->store);
}

/**
 * trellis_student_page_go_back:
 * @self: a page
 *
 * Returns: %TRUE when the page went back inside itself (see #TrellisStudentPageClass.go_back)
 */
gboolean
trellis_student_page_go_back (TrellisStudentPage *self)
{
  TrellisStudentPageClass *klass;

  g_return_val_if_fail (TRELLIS_IS_STUDENT_PAGE (self), FALSE);

  klass = TRELLIS_STUDENT_PAGE_GET_CLASS (self);
  return klass->go_back != NULL && klass->go_back (self);
}
