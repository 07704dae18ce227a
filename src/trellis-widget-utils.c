/* trellis-widget-utils.c — small helpers the plan widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-widget-utils"

#include "trellis-student.h"
#include "trellis-student-summary.h"
#include "trellis-widget-utils.h"

/**
 * trellis_text_view_dup_text:
 * @view: a text view
 *
 * Returns: (transfer full): all of its text
 */
char *
trellis_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* GtkListBox gains remove_all only in GTK 4.12. */
void
trellis_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * trellis_file_chooser_dup_path:
 * @chooser: a file chooser that answered
 * @response: its response
 *
 * Returns: (transfer full) (nullable): the local path chosen, or %NULL when the person cancelled
 */
char *
trellis_file_chooser_dup_path (GtkNativeDialog *chooser,
                               int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/**
 * trellis_store_dup_student_name:
 * @store: the open database
 * @student_id: a student, or 0
 *
 * Returns: (transfer full) (nullable): the name the student goes by, or %NULL when there is no
 *   such student
 */
char *
trellis_store_dup_student_name (TrellisStore *store,
                                gint64        student_id)
{
  g_autoptr(TrellisEntity) student = NULL;

  if (student_id <= 0)
    return NULL;
  student = trellis_store_load (store, TRELLIS_TYPE_STUDENT, student_id, NULL);
  if (student == NULL)
    return NULL;
  return trellis_student_display_name (trellis_entity_get_text (student, "given-name"),
                                       trellis_entity_get_text (student, "family-name"),
                                       trellis_entity_get_text (student, "preferred-name"));
}
