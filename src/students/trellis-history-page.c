/* trellis-history-page.c — every recorded change to a student’s record, newest first
 *
 * Shows what changed (field, old → new), who changed it and when, for the student and what
 * they own (guardians, plans, goals, evidence, notes). Reads again when shown after a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-history-page"

#include <glib/gi18n.h>

#include "trellis-history-entry.h"
#include "trellis-history-page.h"
#include "trellis-widget-utils.h"
#include "trellis-student.h"
#include "trellis-vocabulary.h"

#define MAX_VALUE_CHARS 80

struct _TrellisHistoryPage
{
  TrellisStudentPage  parent_instance;

  char               *student_uuid;
  gboolean            stale;
  guint               n_entries;

  GtkStack           *stack;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (TrellisHistoryPage, trellis_history_page, TRELLIS_TYPE_STUDENT_PAGE)

/* Helpers */

static char *
shorten (const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));
  flat = g_strdelimit (g_strdup (value), "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&flat);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (flat, MAX_VALUE_CHARS) - flat), flat);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TrellisHistoryEntry *entry = TRELLIS_HISTORY_ENTRY (item);
  g_autofree char *summary = trellis_history_entry_dup_summary (entry);
  g_autofree char *when = trellis_format_timestamp (trellis_history_entry_get_changed_at (entry));
  const char *role = trellis_history_entry_get_author_role (entry);
  const char *author = trellis_history_entry_get_author_name (entry);
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: who made a change, and when: “Ana Rivera (Teacher) · 3 Nov 2026, 14:02” */
  who = g_strdup_printf (_("%s (%s) · %s"), author && *author ? author : _("Someone"),
                         trellis_vocabulary_label (trellis_roles, role), when);

  if (trellis_history_entry_get_field (entry) != NULL && *trellis_history_entry_get_field (entry) != '\0')
    {
      const char *old_raw = trellis_history_entry_get_old_value (entry);
      const char *new_raw = trellis_history_entry_get_new_value (entry);
      g_autofree char *old_value = shorten (old_raw);
      g_autofree char *new_value = shorten (new_raw);

      if (old_raw == NULL || *old_raw == '\0')
        /* Translators: a field's first value, then who and when: “Set to “Dana Rivera”” */
        subtitle = g_strdup_printf (_("Set to “%s”\n%s"), new_value, who);
      else if (new_raw == NULL || *new_raw == '\0')
        /* Translators: a field emptied, then who and when: “Cleared (was “Dana Rivera”)” */
        subtitle = g_strdup_printf (_("Cleared (was “%s”)\n%s"), old_value, who);
      else
        /* Translators: a change: the old value → the new value, then who and when */
        subtitle = g_strdup_printf (_("%s → %s\n%s"), old_value, new_value, who);
    }
  else
    subtitle = g_strdup (who);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (TrellisHistoryPage *self)
{
  TrellisStore *store = trellis_student_page_get_store (TRELLIS_STUDENT_PAGE (self));
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  if (store != NULL && self->student_uuid != NULL)
    {
      model = trellis_store_list_history (store, self->student_uuid, &error);
      if (model == NULL)
        g_warning ("The history could not be read: %s", error->message);
    }
  self->n_entries = model != NULL ? g_list_model_get_n_items (model) : 0;
  gtk_list_box_bind_model (self->list_box, model, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, self->n_entries > 0 ? "list" : "empty");
}

/* Reads now if shown, otherwise when next shown. */
static void
invalidate (TrellisHistoryPage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

/* Overrides */

static void
trellis_history_page_load (TrellisStudentPage *page,
                           gboolean            new_store)
{
  TrellisHistoryPage *self = TRELLIS_HISTORY_PAGE (page);
  TrellisStore *store = trellis_student_page_get_store (page);
  gint64 student_id = trellis_student_page_get_student_id (page);
  g_autoptr(TrellisStudent) student = NULL;

  g_clear_pointer (&self->student_uuid, g_free);
  if (store != NULL && student_id != 0)
    student = trellis_load_shown (GTK_WIDGET (self), store, TRELLIS_TYPE_STUDENT, student_id);
  if (student != NULL)
    self->student_uuid = g_strdup (trellis_entity_get_uuid (TRELLIS_ENTITY (student)));
  invalidate (self);
}

static void
trellis_history_page_store_changed (TrellisStudentPage *page,
                                    const char         *table,
                                    const char         *uuid,
                                    TrellisStoreChange  kind)
{
  invalidate (TRELLIS_HISTORY_PAGE (page));
}

static void
trellis_history_page_map (GtkWidget *widget)
{
  TrellisHistoryPage *self = TRELLIS_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (trellis_history_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
trellis_history_page_dispose (GObject *object)
{
  TrellisHistoryPage *self = TRELLIS_HISTORY_PAGE (object);

  trellis_student_page_disconnect_store (TRELLIS_STUDENT_PAGE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_HISTORY_PAGE);
  g_clear_pointer (&self->student_uuid, g_free);

  G_OBJECT_CLASS (trellis_history_page_parent_class)->dispose (object);
}

static void
trellis_history_page_class_init (TrellisHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisStudentPageClass *page_class = TRELLIS_STUDENT_PAGE_CLASS (klass);

  object_class->dispose = trellis_history_page_dispose;
  widget_class->map = trellis_history_page_map;
  page_class->load = trellis_history_page_load;
  page_class->store_changed = trellis_history_page_store_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisplp/Trellis/trellis-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisHistoryPage, list_box);
}

static void
trellis_history_page_init (TrellisHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * trellis_history_page_get_n_entries:
 * @self: a page
 *
 * Returns: how many changes the page lists
 */
guint
trellis_history_page_get_n_entries (TrellisHistoryPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HISTORY_PAGE (self), 0);

  if (self->stale)
    reload (self);
  return self->n_entries;
}
