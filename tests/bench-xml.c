/* bench-xml.c — export and import of the 10,000-student sample school, against xmllint and sqlite3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "trellis-framework.h"
#include "trellis-sample-school.h"
#include "trellis-test-utils.h"
#include "trellis-xml-export.h"
#include "trellis-xml-import.h"

#define N_STUDENTS 10000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
time_command (const char *command)
{
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("“%s” failed: %s", command, error->message);
  return seconds_since (start);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *target_dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) target = trellis_test_open_store (&target_dir);
  g_autoptr(TrellisXmlExport) export = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(TrellisEntity) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "school.xml", NULL);
  g_autofree char *xsd = trellis_test_source_path ("data", "trellis-plp-1.xsd", NULL);
  g_autofree char *xmllint = NULL;
  g_autofree char *dump = NULL;
  double export_time, import_time, xmllint_time, dump_time;
  gint64 start;

  g_test_init (&argc, &argv, NULL);

  if (!trellis_sample_school_populate (store, N_STUDENTS, TRELLIS_SAMPLE_SEED, NULL, NULL, &error))
    g_error ("%s", error->message);

  export = trellis_xml_export_new (store);
  start = g_get_monotonic_time ();
  if (!trellis_xml_export_write (export, path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  export_time = seconds_since (start);

  /* The same tables the export reads, written to a file as the export is. */
  dump = g_strdup_printf ("sqlite3 '%s' '.dump framework attribute competency proficiency_level student "
                          "guardian plan goal action_step evidence note goal_competency' > '%s/dump.sql'",
                          trellis_store_get_path (store), dir);
  dump_time = time_command (dump);
  xmllint = g_strdup_printf ("xmllint --noout --schema '%s' '%s'", xsd, path);
  xmllint_time = time_command (xmllint);

  /* Into a database with no records at all. */
  framework = trellis_store_load (target, TRELLIS_TYPE_FRAMEWORK,
                                  trellis_store_get_default_framework (target), NULL);
  if (!trellis_store_delete (target, framework, NULL, &error))
    g_error ("%s", error->message);
  import = trellis_xml_import_new (target, path);
  start = g_get_monotonic_time ();
  if (!trellis_xml_import_read (import, NULL, &error) || !trellis_xml_import_apply (import, NULL, &error))
    g_error ("%s", error->message);
  import_time = seconds_since (start);

  printf ("sqlite3 .dump of the exported tables: %.2f s\n", dump_time);
  printf ("xml export of %d students: %.2f s (target ≤ %.2f s, 2× sqlite3 .dump; %.2f×)\n",
          N_STUDENTS, export_time, 2 * dump_time, export_time / dump_time);
  printf ("xmllint --noout --schema on the export: %.2f s\n", xmllint_time);
  printf ("xml import of %d students: %.2f s (target ≤ %.2f s, 3× xmllint; %.2f×)\n",
          N_STUDENTS, import_time, 3 * xmllint_time, import_time / xmllint_time);

  g_clear_object (&store);
  g_clear_object (&target);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (target_dir);
  return 0;
}
