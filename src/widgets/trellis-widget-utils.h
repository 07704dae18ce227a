/* trellis-widget-utils.h — small helpers the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trellis-store.h"

G_BEGIN_DECLS

char *trellis_text_view_dup_text    (GtkTextView *view);
void  trellis_list_box_remove_all   (GtkListBox  *list);
char *trellis_format_date           (const char  *date);
char *trellis_format_date_time      (GDateTime   *time);
char *trellis_dup_text_excerpt      (const char  *text);
void  trellis_widget_set_css_class  (GtkWidget   *widget,
                                    const char  *css_class,
                                    gboolean     set);
/* “Delete …?” with Cancel (the default, also Escape) and a destructive “_Delete” (“delete”). */
AdwMessageDialog *trellis_delete_dialog_new (GtkWidget  *parent,
                                             const char *heading,
                                             const char *body);
GtkFileChooserNative *trellis_file_chooser_new_export (GtkWindow     *parent,
                                                       const char    *title,
                                                       GtkFileFilter *filter,
                                                       const char    *name,
                                                       const char    *extension);
char *trellis_file_chooser_dup_path (GtkNativeDialog *chooser,
                                     int              response);
gpointer trellis_load_shown         (GtkWidget      *widget,
                                    TrellisStore   *store,
                                    GType           type,
                                    gint64          id);
GListModel *trellis_list_shown       (GtkWidget      *widget,
                                    TrellisStore   *store,
                                    GType           type,
                                    const char     *parent_field,
                                    gint64          parent_id);
char    *trellis_load_student_name  (GtkWidget      *widget,
                                    TrellisStore   *store,
                                    gint64          student_id);
void  trellis_list_item_set_accessible_label (GtkWidget  *child,
                                              const char *label);

void  trellis_widget_name_drop_downs (GtkWidget   *root);
void  trellis_drop_down_name_button  (GtkDropDown *dropdown,
                                      const char  *name);

void  trellis_fix_mnemonic_button_names (void);
void  trellis_widget_fix_mnemonic_names (GtkWidget *root);
void  trellis_accessible_set_label      (GtkWidget  *widget,
                                         const char *label);

void        trellis_language_row_setup   (AdwComboRow *row);
void        trellis_language_row_select  (AdwComboRow *row,
                                          const char  *tag);
const char *trellis_language_row_get_tag (AdwComboRow *row);

G_END_DECLS
