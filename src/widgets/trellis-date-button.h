/* trellis-date-button.h — picks a calendar date from a popover, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_DATE_BUTTON (trellis_date_button_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDateButton, trellis_date_button, TRELLIS, DATE_BUTTON, GtkWidget)

GtkWidget  *trellis_date_button_new      (void);
const char *trellis_date_button_get_date (TrellisDateButton *self);
void        trellis_date_button_set_date (TrellisDateButton *self,
                                          const char        *date);

G_END_DECLS
