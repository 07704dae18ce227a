/* trellis-settings.h — the user’s settings (window, databases, who is editing, printing) as properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_SETTINGS (trellis_settings_get_type ())
G_DECLARE_FINAL_TYPE (TrellisSettings, trellis_settings, TRELLIS, SETTINGS, GObject)

TrellisSettings  *trellis_settings_get_default          (void);
TrellisSettings  *trellis_settings_new                  (GSettings       *settings);
GSettings        *trellis_settings_get_gsettings        (TrellisSettings *self);

const char       *trellis_settings_get_editor_name      (TrellisSettings *self);
const char       *trellis_settings_get_editor_role      (TrellisSettings *self);
void              trellis_settings_set_editor           (TrellisSettings *self,
                                                         const char      *name,
                                                         const char      *role);
GVariant         *trellis_settings_dup_recent_editors   (TrellisSettings *self);

const char       *trellis_settings_get_last_database    (TrellisSettings *self);
void              trellis_settings_add_recent_database  (TrellisSettings *self,
                                                         const char      *path);
char            **trellis_settings_dup_recent_databases (TrellisSettings *self);

GVariant         *trellis_settings_dup_print_settings   (TrellisSettings *self);
GVariant         *trellis_settings_dup_page_setup       (TrellisSettings *self);
void              trellis_settings_set_print_setup      (TrellisSettings *self,
                                                         GVariant        *print_settings,
                                                         GVariant        *page_setup);

G_END_DECLS
