/* main.c — starts Trellis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-application.h"

/* Run from the build tree (build-aux/run, tests), Trellis uses the catalogues built there, so
 * the Spanish report and interface work without installing. */
static const char *
find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S) &&
      g_file_test (LOCALE_BUILD_DIR, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("TRELLIS_LOCALEDIR") == NULL)
        g_setenv ("TRELLIS_LOCALEDIR", LOCALE_BUILD_DIR, TRUE);
      return LOCALE_BUILD_DIR;
    }
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = trellis_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
