/* trellis-student-page.h — the base of a widget that shows one student of an open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STUDENT_PAGE (trellis_student_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrellisStudentPage, trellis_student_page, TRELLIS, STUDENT_PAGE, GtkWidget)

/**
 * TrellisStudentPageClass:
 * @unload: called before the store or the student changes, while the old ones are still set:
 *   lets go of what belongs to them (stores edits not yet saved, closes an editor)
 * @load: called after the store or the student changed; @new_store is %TRUE when the store did
 * @store_changed: the store’s #TrellisStore::changed signal
 * @external_change: the store’s #TrellisStore::external-change signal; when unset,
 *   @store_changed is called with %TRELLIS_STORE_CHANGE_RELOAD
 * @go_back: Alt+Left or Back: returns to where the page came from inside itself (a goal
 *   back to the whole plan); %FALSE when the page has nowhere to go back to
 *
 * Every virtual function may be unset. A class with neither @store_changed nor
 * @external_change does not listen to the store at all.
 */
struct _TrellisStudentPageClass
{
  GtkWidgetClass parent_class;

  void (*unload)          (TrellisStudentPage *self);
  void (*load)            (TrellisStudentPage *self,
                           gboolean            new_store);
  void (*store_changed)   (TrellisStudentPage *self,
                           const char         *table,
                           const char         *uuid,
                           TrellisStoreChange  kind);
  void (*external_change) (TrellisStudentPage *self);
  gboolean (*go_back)     (TrellisStudentPage *self);
};

TrellisStore *trellis_student_page_get_store        (TrellisStudentPage *self);
void          trellis_student_page_set_store        (TrellisStudentPage *self,
                                                     TrellisStore       *store);
gint64        trellis_student_page_get_student_id   (TrellisStudentPage *self);
void          trellis_student_page_set_student_id   (TrellisStudentPage *self,
                                                     gint64              student_id);
void          trellis_student_page_disconnect_store (TrellisStudentPage *self);
gboolean      trellis_student_page_go_back          (TrellisStudentPage *self);

G_END_DECLS
