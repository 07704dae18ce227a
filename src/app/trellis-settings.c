/* trellis-settings.c — the user’s settings (window, databases, who is editing) as properties
 *
 * Every key of org.trellisplp.Trellis is bound to a property of one object, so widgets bind to
 * properties and tests run on GSETTINGS_BACKEND=memory without touching the user’s settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-settings"

#include "trellis-settings.h"

#define MAX_RECENT 8

struct _TrellisSettings
{
  GObject    parent_instance;

  GSettings *settings;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  char      *last_database;
  char      *editor_name;
  char      *editor_role;
};

G_DEFINE_FINAL_TYPE (TrellisSettings, trellis_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_LAST_DATABASE,
  PROP_EDITOR_NAME,
  PROP_EDITOR_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys bound one to one to the properties of the same name. */
static const char * const bound_keys[] = {
  "window-width", "window-height", "window-maximized", "last-database", "editor-name", "editor-role",
};

/* Helpers */

static void
set_string (TrellisSettings *self,
            char           **field,
            const char      *value,
            int              prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (TrellisSettings *self,
         int             *field,
         int              value,
         int              prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Puts @value first in a list of at most MAX_RECENT, without repeats. */
static GVariant *
prepend_recent (GVariant   *list,
                GVariant   *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *child;
  guint n = 1;

  g_variant_builder_init (&builder, g_variant_get_type (list));
  g_variant_builder_add_value (&builder, owned);
  g_variant_iter_init (&iter, list);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      if (n < MAX_RECENT && !g_variant_equal (child, owned))
        {
          g_variant_builder_add_value (&builder, child);
          n++;
        }
      g_variant_unref (child);
    }
  return g_variant_builder_end (&builder);
}

/* Overrides */

static void
trellis_settings_constructed (GObject *object)
{
  TrellisSettings *self = TRELLIS_SETTINGS (object);

  G_OBJECT_CLASS (trellis_settings_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bound_keys); i++)
    g_settings_bind (self->settings, bound_keys[i], self, bound_keys[i], G_SETTINGS_BIND_DEFAULT);
}

static void
trellis_settings_finalize (GObject *object)
{
  TrellisSettings *self = TRELLIS_SETTINGS (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_database, g_free);
  g_clear_pointer (&self->editor_name, g_free);
  g_clear_pointer (&self->editor_role, g_free);

  G_OBJECT_CLASS (trellis_settings_parent_class)->finalize (object);
}

static void
trellis_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisSettings *self = TRELLIS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    case PROP_LAST_DATABASE:
      g_value_set_string (value, self->last_database);
      break;
    case PROP_EDITOR_NAME:
      g_value_set_string (value, self->editor_name);
      break;
    case PROP_EDITOR_ROLE:
      g_value_set_string (value, self->editor_role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrellisSettings *self = TRELLIS_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_MAXIMIZED:
      set_int (self, &self->window_maximized, g_value_get_boolean (value), prop_id);
      break;
    case PROP_LAST_DATABASE:
      set_string (self, &self->last_database, g_value_get_string (value), prop_id);
      break;
    case PROP_EDITOR_NAME:
      set_string (self, &self->editor_name, g_value_get_string (value), prop_id);
      break;
    case PROP_EDITOR_ROLE:
      set_string (self, &self->editor_role, g_value_get_string (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_settings_class_init (TrellisSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = trellis_settings_constructed;
  object_class->finalize = trellis_settings_finalize;
  object_class->get_property = trellis_settings_get_property;
  object_class->set_property = trellis_settings_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, 0, G_MAXINT, 1100, flags);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, 0, G_MAXINT, 740, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_DATABASE] =
    g_param_spec_string ("last-database", NULL, NULL, "", flags);
  properties[PROP_EDITOR_NAME] =
    g_param_spec_string ("editor-name", NULL, NULL, "", flags);
  properties[PROP_EDITOR_ROLE] =
    g_param_spec_string ("editor-role", NULL, NULL, "teacher", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_settings_init (TrellisSettings *self)
{
  self->last_database = g_strdup ("");
  self->editor_name = g_strdup ("");
  self->editor_role = g_strdup ("teacher");
}

/* Public API */

/**
 * trellis_settings_new:
 * @settings: a #GSettings of the `org.trellisplp.Trellis` schema
 *
 * Returns: (transfer full): a wrapper bound to @settings
 */
TrellisSettings *
trellis_settings_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TRELLIS_TYPE_SETTINGS, "settings", settings, NULL);
}

/**
 * trellis_settings_get_default:
 *
 * The settings of the application. When the schema is not installed (a run from the build
 * folder), the schema compiled in the build folder is used.
 *
 * Returns: (transfer none): the shared settings
 */
TrellisSettings *
trellis_settings_get_default (void)
{
  static TrellisSettings *instance;

  if (instance == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchemaSource) build_source = NULL;
      g_autoptr(GSettingsSchema) schema = NULL;
      g_autoptr(GSettings) settings = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema == NULL)
        {
          build_source = g_settings_schema_source_new_from_directory (SCHEMA_BUILD_DIR, source,
                                                                      FALSE, NULL);
          if (build_source != NULL)
            schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, TRUE);
        }
      if (schema == NULL)
        g_error ("The settings schema %s is not installed.", APPLICATION_ID);
      settings = g_settings_new_full (schema, NULL, NULL);
      instance = trellis_settings_new (settings);
    }
  return instance;
}

/**
 * trellis_settings_get_gsettings:
 * @self: the settings
 *
 * Returns: (transfer none): the wrapped #GSettings, for g_settings_bind() and actions
 */
GSettings *
trellis_settings_get_gsettings (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return self->settings;
}

/**
 * trellis_settings_get_editor_name:
 * @self: the settings
 *
 * Returns: who is editing on this machine, “” until the first launch asked
 */
const char *
trellis_settings_get_editor_name (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return self->editor_name;
}

/**
 * trellis_settings_get_editor_role:
 * @self: the settings
 *
 * Returns: the editor’s role, one of `trellis_roles`
 */
const char *
trellis_settings_get_editor_role (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return self->editor_role;
}

/**
 * trellis_settings_set_editor:
 * @self: the settings
 * @name: the person’s name
 * @role: one of `trellis_roles`
 *
 * Makes @name the current editor and puts them first among the recent editors.
 */
void
trellis_settings_set_editor (TrellisSettings *self,
                             const char      *name,
                             const char      *role)
{
  g_autoptr(GVariant) recent = NULL;

  g_return_if_fail (TRELLIS_IS_SETTINGS (self));
  g_return_if_fail (name != NULL && role != NULL);

  g_object_set (self, "editor-name", name, "editor-role", role, NULL);
  recent = g_settings_get_value (self->settings, "recent-editors");
  g_settings_set_value (self->settings, "recent-editors",
                        prepend_recent (recent, g_variant_new ("(ss)", name, role)));
}

/**
 * trellis_settings_dup_recent_editors:
 * @self: the settings
 *
 * Returns: (transfer full): an `a(ss)` of (name, role), newest first
 */
GVariant *
trellis_settings_dup_recent_editors (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return g_settings_get_value (self->settings, "recent-editors");
}

/**
 * trellis_settings_get_last_database:
 * @self: the settings
 *
 * Returns: the database opened last, “” for the default one
 */
const char *
trellis_settings_get_last_database (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return self->last_database;
}

/**
 * trellis_settings_add_recent_database:
 * @self: the settings
 * @path: a database that was just opened
 *
 * Makes @path the last database and puts it first among the recent ones.
 */
void
trellis_settings_add_recent_database (TrellisSettings *self,
                                      const char      *path)
{
  g_autoptr(GVariant) recent = NULL;

  g_return_if_fail (TRELLIS_IS_SETTINGS (self));
  g_return_if_fail (path != NULL);

  g_object_set (self, "last-database", path, NULL);
  recent = g_settings_get_value (self->settings, "recent-databases");
  g_settings_set_value (self->settings, "recent-databases",
                        prepend_recent (recent, g_variant_new_string (path)));
}

/**
 * trellis_settings_dup_recent_databases:
 * @self: the settings
 *
 * Returns: (transfer full): the recent databases, newest first
 */
char **
trellis_settings_dup_recent_databases (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return g_settings_get_strv (self->settings, "recent-databases");
}

/**
 * trellis_settings_dup_print_settings:
 * @self: the settings
 *
 * Returns: (transfer full): the `a{sv}` of the last print’s GtkPrintSettings, empty before
 *   the first print
 */
GVariant *
trellis_settings_dup_print_settings (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return g_settings_get_value (self->settings, "print-settings");
}

/**
 * trellis_settings_dup_page_setup:
 * @self: the settings
 *
 * Returns: (transfer full): the `a{sv}` of the last print’s GtkPageSetup, empty before the
 *   first print
 */
GVariant *
trellis_settings_dup_page_setup (TrellisSettings *self)
{
  g_return_val_if_fail (TRELLIS_IS_SETTINGS (self), NULL);

  return g_settings_get_value (self->settings, "page-setup");
}

/**
 * trellis_settings_set_print_setup:
 * @self: the settings
 * @print_settings: an `a{sv}` from gtk_print_settings_to_gvariant(); floating references are sunk
 * @page_setup: an `a{sv}` from gtk_page_setup_to_gvariant()
 *
 * Remembers the choices of a print for the next one, in this session and the following.
 */
void
trellis_settings_set_print_setup (TrellisSettings *self,
                                  GVariant        *print_settings,
                                  GVariant        *page_setup)
{
  g_return_if_fail (TRELLIS_IS_SETTINGS (self));
  g_return_if_fail (g_variant_is_of_type (print_settings, G_VARIANT_TYPE_VARDICT));
  g_return_if_fail (g_variant_is_of_type (page_setup, G_VARIANT_TYPE_VARDICT));

  /* One change for both keys: a reader never sees the printer of one print with the paper of
   * another. */
  g_settings_delay (self->settings);
  g_settings_set_value (self->settings, "print-settings", print_settings);
  g_settings_set_value (self->settings, "page-setup", page_setup);
  g_settings_apply (self->settings);
}
