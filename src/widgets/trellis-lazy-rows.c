/* trellis-lazy-rows.c — fills a list view’s rows in sight at once, the others a few a frame
 *
 * GTK 4.8’s GtkListView keeps about 200 rows alive around the ones it shows, and before the
 * next frame it measures every row whose content changed. A keystroke in the search changes
 * what all of them show, so the frame after it would lay out the text of 200 rows for the
 * fifteen or so that can be seen. Rows are filled through this helper instead: a row in
 * sight is filled at once, the others a few per frame afterwards, nearest first, and at
 * once when a scroll brings them into sight before that.
 *
 * Which positions are in sight comes from the list view’s vertical adjustment, so the rows
 * must all have the same height, and not take it from what they show (TrellisStudentRow
 * measures without its text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-lazy-rows"

#include <math.h>

#include "trellis-lazy-rows.h"

/* Rows filled per frame once the rows in sight are; rows above and below the visible ones
 * that count as in sight. */
#define ROWS_PER_FRAME 8
#define EXTRA_ROWS 2

#define NO_POSITION G_MAXUINT

struct _TrellisLazyRows
{
  GObject              parent_instance;

  GtkListView         *list_view;     /* weak */
  GtkAdjustment       *vadjustment;
  GHashTable          *pending;       /* GtkListItem → itself: rows that show another item */
  TrellisLazyRowsFill  fill;
  gpointer             user_data;
  double               row_height;    /* 0 until the list view has been laid out */
  guint                expected;      /* where a scroll is going before the adjustment says so */
  guint                tick_id;
};

G_DEFINE_FINAL_TYPE (TrellisLazyRows, trellis_lazy_rows, G_TYPE_OBJECT)

/* Helpers */

/* The positions in sight, give or take EXTRA_ROWS; FALSE while that is not known yet. */
static gboolean
get_sight (TrellisLazyRows *self,
           guint           *first,
           guint           *last)
{
  double page;
  guint rows, top;

  if (self->vadjustment == NULL || self->row_height <= 0)
    return FALSE;
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (page <= 0)
    return FALSE;
  rows = (guint) ceil (page / self->row_height) + EXTRA_ROWS;
  if (self->expected != NO_POSITION)
    {
      /* scroll-to-item brings the row to the top or the bottom, whichever is nearer. */
      *first = self->expected > rows ? self->expected - rows : 0;
      *last = self->expected + rows;
      return TRUE;
    }
  top = (guint) (gtk_adjustment_get_value (self->vadjustment) / self->row_height);
  *first = top > EXTRA_ROWS ? top - EXTRA_ROWS : 0;
  *last = top + rows;
  return TRUE;
}

static guint
distance_from_sight (guint position,
                     guint first,
                     guint last)
{
  if (position < first)
    return first - position;
  return position > last ? position - last : 0;
}

static void
fill_item (TrellisLazyRows *self,
           GtkListItem     *item)
{
  g_hash_table_remove (self->pending, item);
  self->fill (item, self->user_data);
}

typedef struct
{
  GtkListItem *item;
  guint        distance;
} Pending;

static int
compare_distances (gconstpointer a,
                   gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  return pa->distance < pb->distance ? -1 : pa->distance > pb->distance;
}

/* Fills the pending rows in sight and the @limit nearest to it after them; returns how many
 * are left. */
static guint
fill_nearest (TrellisLazyRows *self,
              guint            limit)
{
  g_autoptr(GArray) pending = NULL;
  guint first = 0, last = G_MAXUINT - 1;
  GHashTableIter iter;
  gpointer item;

  if (g_hash_table_size (self->pending) == 0)
    return 0;
  get_sight (self, &first, &last);
  pending = g_array_sized_new (FALSE, FALSE, sizeof (Pending), g_hash_table_size (self->pending));
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      Pending p = { item, distance_from_sight (gtk_list_item_get_position (item), first, last) };

      g_array_append_val (pending, p);
    }
  g_array_sort (pending, compare_distances);
  for (guint i = 0, beyond = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      if (p->distance > 0 && beyond++ == limit)
        break;
      fill_item (self, p->item);
    }
  return g_hash_table_size (self->pending);
}

/* Callbacks */

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  TrellisLazyRows *self = TRELLIS_LAZY_ROWS (user_data);

  if (fill_nearest (self, ROWS_PER_FRAME) > 0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_adjustment_value_changed (TrellisLazyRows *self)
{
  self->expected = NO_POSITION;
  fill_nearest (self, 0);
}

static void
on_adjustment_changed (TrellisLazyRows *self)
{
  GtkSelectionModel *model = self->list_view ? gtk_list_view_get_model (self->list_view) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  double upper = gtk_adjustment_get_upper (self->vadjustment);

  /* All rows have one height, so the list’s height says what it is. */
  if (n > 0 && upper > 0)
    self->row_height = upper / n;
  on_adjustment_value_changed (self);
}

static void
set_vadjustment (TrellisLazyRows *self,
                 GtkAdjustment   *adjustment)
{
  if (self->vadjustment == adjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  self->row_height = 0;
  if (adjustment == NULL)
    return;
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (on_adjustment_changed), self);
}

static void
on_vadjustment_notify (GtkListView     *list_view,
                       GParamSpec      *pspec,
                       TrellisLazyRows *self)
{
  set_vadjustment (self, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view)));
}

/* Overrides */

static void
trellis_lazy_rows_dispose (GObject *object)
{
  TrellisLazyRows *self = TRELLIS_LAZY_ROWS (object);

  if (self->list_view != NULL)
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->tick_id);
      g_signal_handlers_disconnect_by_data (self->list_view, self);
      g_clear_weak_pointer (&self->list_view);
    }
  self->tick_id = 0;
  set_vadjustment (self, NULL);
  g_hash_table_remove_all (self->pending);

  G_OBJECT_CLASS (trellis_lazy_rows_parent_class)->dispose (object);
}

static void
trellis_lazy_rows_finalize (GObject *object)
{
  g_hash_table_unref (TRELLIS_LAZY_ROWS (object)->pending);

  G_OBJECT_CLASS (trellis_lazy_rows_parent_class)->finalize (object);
}

static void
trellis_lazy_rows_class_init (TrellisLazyRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_lazy_rows_dispose;
  object_class->finalize = trellis_lazy_rows_finalize;
}

static void
trellis_lazy_rows_init (TrellisLazyRows *self)
{
  self->pending = g_hash_table_new (NULL, NULL);
  self->expected = NO_POSITION;
}

/* Public API */

/**
 * trellis_lazy_rows_new:
 * @list_view: the list view whose rows to fill (not referenced)
 * @fill: (scope notified): makes a list item’s row show its item
 * @user_data: data for @fill
 *
 * Returns: (transfer full): a helper that calls @fill for the rows of @list_view
 */
TrellisLazyRows *
trellis_lazy_rows_new (GtkListView         *list_view,
                       TrellisLazyRowsFill  fill,
                       gpointer             user_data)
{
  TrellisLazyRows *self;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), NULL);
  g_return_val_if_fail (fill != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_LAZY_ROWS, NULL);
  self->fill = fill;
  self->user_data = user_data;
  g_set_weak_pointer (&self->list_view, list_view);
  g_signal_connect (list_view, "notify::vadjustment", G_CALLBACK (on_vadjustment_notify), self);
  on_vadjustment_notify (list_view, NULL, self);
  return self;
}

/**
 * trellis_lazy_rows_request:
 * @self: the helper
 * @item: a list item whose row is to show another item
 *
 * Fills the row at once when it is in sight (or when that is not known yet), otherwise in
 * one of the next frames.
 */
void
trellis_lazy_rows_request (TrellisLazyRows *self,
                           GtkListItem     *item)
{
  guint first, last;

  g_return_if_fail (TRELLIS_IS_LAZY_ROWS (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  if (!get_sight (self, &first, &last) ||
      distance_from_sight (gtk_list_item_get_position (item), first, last) == 0)
    {
      fill_item (self, item);
      return;
    }
  g_hash_table_add (self->pending, item);
  if (self->tick_id == 0 && self->list_view != NULL)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), on_tick, self, NULL);
}

/**
 * trellis_lazy_rows_forget:
 * @self: the helper
 * @item: a list item that is being unbound
 */
void
trellis_lazy_rows_forget (TrellisLazyRows *self,
                          GtkListItem     *item)
{
  g_return_if_fail (TRELLIS_IS_LAZY_ROWS (self));

  g_hash_table_remove (self->pending, item);
}

/**
 * trellis_lazy_rows_scroll_to:
 * @self: the helper
 * @position: a position of the list view’s model
 *
 * Scrolls the list view to show @position; rows filled before the scroll has happened count
 * the rows around @position as the ones in sight.
 */
void
trellis_lazy_rows_scroll_to (TrellisLazyRows *self,
                             guint            position)
{
  g_return_if_fail (TRELLIS_IS_LAZY_ROWS (self));

  if (self->list_view == NULL)
    return;
  self->expected = position;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}
