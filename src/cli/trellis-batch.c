/* trellis-batch.c — the command-line work that runs without a display
 *
 * `trellis --database PATH --populate-sample N` and the other batch options are handled here,
 * before any window (or display connection) exists, so they work on a server or in CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-batch"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "trellis-backup.h"
#include "trellis-batch.h"
#include "trellis-catalog.h"
#include "trellis-error.h"
#include "trellis-framework-import.h"
#include "trellis-report-pdf.h"
#include "trellis-roster-import.h"
#include "trellis-sample-school.h"
#include "trellis-student.h"
#include "trellis-xml-export.h"
#include "trellis-xml-import.h"

/* The options that make a run headless; the application declares them all. */
static const char * const batch_options[] = {
  "import-framework",
  "populate-sample",
  "remove-sample",
  "print-pdf",
  "export-xml",
  "import-xml",
  "backup",
  "restore",
  "import-roster",
  NULL
};

/* Helpers */

/* --remove-sample: the sample's students go, those someone worked on stay and are named. */
static int
run_remove_sample (TrellisStore *store,
                   const char   *database_path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;
  guint removed = 0;

  if (!trellis_sample_school_is_present (store))
    {
      g_print (_("There is no sample school in %s: nothing was removed.\n"), database_path);
      return 0;
    }
  if (!trellis_sample_school_remove (store, &removed, &kept, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u sample student from %s (it is in the Trash).\n",
                        "Removed %u sample students from %s (they are in the Trash).\n", removed),
           removed, database_path);
  if (kept != NULL && kept[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", kept);

      g_print (g_dngettext (GETTEXT_PACKAGE, "Kept %u that someone has worked on: %s.\n",
                            "Kept %u that someone has worked on: %s.\n", g_strv_length (kept)),
               g_strv_length (kept), names);
    }
  return 0;
}

/* Every import is preceded by a backup, so that it can be undone from Backups. */
static gboolean
backup_before_import (TrellisStore *store)
{
  g_autoptr(TrellisBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = trellis_backup_take (store, TRELLIS_BACKUP_BEFORE_IMPORT, NULL, &error);
  if (backup == NULL)
    {
      g_printerr ("trellis: %s\n", error->message);
      g_printerr ("trellis: %s\n", _("Nothing was imported, since the database could not be backed up first."));
      return FALSE;
    }
  return TRUE;
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\r%3.0f %%", fraction * 100.0);
}

/* The students --print-pdf prints: those named with --student (in that order), otherwise every
 * current student by name; --homeroom and --grade narrow either. */
static GArray *
select_students (TrellisStore  *store,
                 GVariantDict  *options,
                 GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree const char **uuids = NULL;
  g_autofree char *homeroom = NULL;
  gboolean has_grade;
  int grade = 0;

  g_variant_dict_lookup (options, "student", "^a&s", &uuids);
  g_variant_dict_lookup (options, "homeroom", "s", &homeroom);
  has_grade = g_variant_dict_lookup (options, "grade", "i", &grade);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      g_autoptr(TrellisStudent) student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, uuids[i], NULL);

      if (student == NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("No student has the identifier “%s” (--student); no PDF was written."), uuids[i]);
          return NULL;
        }
    }
  ids = trellis_store_select_student_ids (store, (const char * const *) uuids, homeroom,
                                          has_grade ? &grade : NULL, error);
  if (ids == NULL)
    return NULL;

  if (ids->len == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, "%s",
                   _("No student matches the --student, --homeroom and --grade options; no PDF was written."));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static TrellisReportOptions *
parse_report_options (GVariantDict  *options,
                GError       **error)
{
  g_autoptr(TrellisReportOptions) report_options = trellis_report_options_new ();
  g_autofree char *paper = NULL;
  g_autofree char *language = NULL;

  if (g_variant_dict_lookup (options, "paper", "s", &paper) &&
      !trellis_paper_from_string (paper, &report_options->paper))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("--paper must be “a4” or “letter”, not “%s”; no PDF was written."), paper);
      return NULL;
    }
  if (g_variant_dict_lookup (options, "language", "s", &language))
    {
      g_autoptr(TrellisCatalog) catalog = trellis_catalog_get (language);

      if (catalog == NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Trellis has no translation into the language “%s” (--language); no PDF was written."),
                       language);
          return NULL;
        }
      trellis_report_options_set_language (report_options, language);
    }
  report_options->double_sided = g_variant_dict_contains (options, "double-sided");
  report_options->include_supports = g_variant_dict_contains (options, "include-supports");
  return g_steal_pointer (&report_options);
}

static gboolean
print_pdf (TrellisStore  *store,
           const char    *path,
           GVariantDict  *options,
           GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(TrellisReportOptions) report_options = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  report_options = parse_report_options (options, error);
  if (report_options == NULL)
    return FALSE;
  ids = select_students (store, options, error);
  if (ids == NULL)
    return FALSE;
  if (!trellis_report_pdf_write (store, (const gint64 *) ids->data, ids->len, report_options, now, path,
                                 on_progress, NULL, NULL, error))
    return FALSE;
  if (isatty (fileno (stderr)))
    g_printerr ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Printed the plan of %u student to %s.\n",
                        "Printed the plans of %u students to %s.\n", ids->len),
           ids->len, path);
  return TRUE;
}

static int
run_export_xml (TrellisStore *store,
                const char   *path,
                GVariantDict *options)
{
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree const char **uuids = NULL;

  if (g_variant_dict_lookup (options, "student", "^a&s", &uuids))
    for (guint i = 0; uuids[i] != NULL; i++)
      trellis_xml_export_add_student_uuid (export, uuids[i]);

  if (!trellis_xml_export_write (export, path, on_progress, NULL, NULL, &error))
    {
      g_printerr ("%strellis: %s\n", isatty (fileno (stderr)) ? "\n" : "", error->message);
      return 1;
    }
  if (isatty (fileno (stderr)))
    g_printerr ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u student to %s.\n",
                        "Exported %u students to %s.\n", trellis_xml_export_get_n_students (export)),
           trellis_xml_export_get_n_students (export), path);
  return 0;
}

static int
run_import_xml (TrellisStore *store,
                const char   *path,
                GVariantDict *options)
{
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (store, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *choice = NULL;
  gboolean dry_run = FALSE;

  g_variant_dict_lookup (options, "dry-run", "b", &dry_run);
  if (g_variant_dict_lookup (options, "on-conflict", "s", &choice) &&
      g_strcmp0 (choice, "mine") != 0 && g_strcmp0 (choice, "theirs") != 0 &&
      g_strcmp0 (choice, "copy") != 0)
    {
      g_printerr ("trellis: %s\n", _("--on-conflict must be “mine”, “theirs” or “copy”."));
      return 1;
    }

  if (!trellis_xml_import_read (import, NULL, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  summary = trellis_xml_import_dup_summary (import);
  g_print ("%s", summary);
  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return 0;
    }

  if (trellis_xml_import_get_n_conflicts (import) > 0)
    {
      if (choice == NULL)
        {
          g_printerr ("trellis: %s\n",
                      _("Some records were changed both here and in the file. Choose what to keep with "
                        "--on-conflict mine, theirs or copy. Nothing was imported."));
          return 1;
        }
      trellis_xml_import_set_all_resolutions (import,
                                              g_str_equal (choice, "theirs") ? TRELLIS_XML_RESOLUTION_THEIRS
                                              : g_str_equal (choice, "copy") ? TRELLIS_XML_RESOLUTION_COPY
                                              : TRELLIS_XML_RESOLUTION_MINE);
    }
  if (!backup_before_import (store))
    return 1;
  if (!trellis_xml_import_apply (import, NULL, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      /* What was printed above is out of date; a person decides again on the new preview. */
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_CHANGED))
        g_printerr ("trellis: %s\n", _("Run the import again to see what it would do now."));
      return 1;
    }
  g_print (_("Imported %s into %s.\n"), path, trellis_store_get_path (store));
  return 0;
}

/* Restores into an open store when the database opens, else replaces the refused file. */
static int
run_restore (const char *database_path,
             const char *backup_path)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = trellis_backup_dup_folder ();
  gboolean ok;

  if (!trellis_backup_check (backup_path, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  store = trellis_store_open (database_path, &error);
  if (store != NULL)
    ok = trellis_store_restore_backup (store, backup_path, NULL, &error);
  else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_DATABASE) ||
           g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_TOO_NEW))
    {
      g_clear_error (&error);
      ok = trellis_backup_restore_file (database_path, backup_path, NULL, &error);
    }
  else
    ok = FALSE;
  if (!ok)
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  g_print (_("Restored %s from %s; the database as it was is kept in %s.\n"),
           database_path, backup_path, folder);
  return 0;
}

static int
run_import_roster (TrellisStore *store,
                   const char   *path,
                   GVariantDict *options)
{
  g_autoptr(TrellisRosterImport) import = trellis_roster_import_new (store, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean dry_run = FALSE;

  g_variant_dict_lookup (options, "dry-run", "b", &dry_run);
  if (!trellis_roster_import_read (import, NULL, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  summary = trellis_roster_import_dup_summary (import);
  g_print ("%s", summary);
  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return 0;
    }
  if (!trellis_roster_import_apply (import, NULL, &error))
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  g_print (_("Imported the roster %s into %s.\n"), path, trellis_store_get_path (store));
  return 0;
}

/* Reads the file before the database is opened, so that a bad file leaves no trace at all. */
static TrellisFrameworkImport *
read_framework (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  import = trellis_framework_import_new_from_file (file, NULL, &error);
  if (import == NULL)
    {
      g_printerr ("trellis: %s\n", error->message);
      return NULL;
    }

  g_print (_("Framework: %s\n"), trellis_framework_import_get_title (import));
  g_print (_("Format: %s\n"), trellis_framework_import_get_format_name (import));
  g_print (_("Attributes: %u\n"), trellis_framework_import_get_n_attributes (import));
  g_print (_("Competencies: %u\n"), trellis_framework_import_get_n_competencies (import));
  g_print (_("Proficiency levels: %u\n"), trellis_framework_import_get_n_levels (import));
  warnings = trellis_framework_import_dup_warnings (import);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_print (_("Note: %s\n"), warnings[i]);
  return g_steal_pointer (&import);
}

/* Public API */

gboolean
trellis_batch_wants_run (GVariantDict *options)
{
  for (guint i = 0; batch_options[i] != NULL; i++)
    if (g_variant_dict_contains (options, batch_options[i]))
      return TRUE;
  return FALSE;
}

/**
 * trellis_batch_run:
 * @database_path: the database to work on
 * @options: the parsed command-line options
 *
 * Returns: the process exit status: 0 on success, 1 with a message on standard error otherwise
 */
int
trellis_batch_run (const char   *database_path,
                   GVariantDict *options)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisFrameworkImport) framework_import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *framework_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *restore_path = NULL;
  int n_students = 0;

  if (g_variant_dict_lookup (options, "import-framework", "^ay", &framework_path))
    {
      framework_import = read_framework (framework_path);
      if (framework_import == NULL)
        return 1;
    }

  /* A restore works even on a database Trellis refuses to open (damaged, too new). */
  if (g_variant_dict_lookup (options, "restore", "^ay", &restore_path))
    return run_restore (database_path, restore_path);

  /* A dry run changes nothing: not even by making the database it was pointed at
   * (importer defect 1). */
  if (g_variant_dict_contains (options, "dry-run") && !g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("trellis: ");
      g_printerr (_("There is no database at %s. A dry run changes nothing, so none was made."), database_path);
      g_printerr ("\n");
      return 1;
    }

  store = trellis_store_open (database_path, &error);
  if (store == NULL)
    {
      g_printerr ("trellis: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *author = NULL;

    /* Every change is signed: by --author, or by the login's name. */
    if (!g_variant_dict_lookup (options, "author", "s", &author) || *g_strstrip (author) == '\0')
      {
        g_free (author);
        author = g_strdup (g_strcmp0 (g_get_real_name (), "Unknown") != 0 && *g_get_real_name () != '\0'
                             ? g_get_real_name () : g_get_user_name ());
      }
    trellis_store_set_editor (store, author, "administrator");
  }

  if (g_variant_dict_lookup (options, "backup", "^ay", &backup_path))
    {
      if (!trellis_store_write_backup (store, backup_path, &error))
        {
          g_printerr ("trellis: %s\n", error->message);
          return 1;
        }
      g_print (_("Backed up %s to %s.\n"), database_path, backup_path);
    }

  /* Before --populate-sample, so that the two together give a fresh sample school. */
  if (g_variant_dict_contains (options, "remove-sample") && run_remove_sample (store, database_path) != 0)
    return 1;

  if (g_variant_dict_lookup (options, "populate-sample", "i", &n_students))
    {
      if (n_students < 0)
        {
          g_printerr ("trellis: %s\n", _("--populate-sample needs a number of students of 0 or more."));
          return 1;
        }
      if (!trellis_sample_school_populate (store, n_students, TRELLIS_SAMPLE_SEED,
                                           on_progress, NULL, &error))
        {
          g_printerr ("\ntrellis: %s\n", error->message);
          return 1;
        }
      if (isatty (fileno (stderr)))
        g_printerr ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE, "Added %d sample student to %s.\n",
                            "Added %d sample students to %s.\n", n_students),
               n_students, database_path);
    }

  if (framework_import != NULL)
    {
      if (!backup_before_import (store))
        return 1;
      if (!trellis_framework_import_apply (framework_import, store, NULL, &error))
        {
          g_printerr ("trellis: %s\n", error->message);
          return 1;
        }
      g_print (_("Imported “%s” into %s.\n"),
               trellis_framework_import_get_title (framework_import), database_path);
    }

  if (g_variant_dict_lookup (options, "export-xml", "^ay", &xml_path) &&
      run_export_xml (store, xml_path, options) != 0)
    return 1;
  g_clear_pointer (&xml_path, g_free);
  if (g_variant_dict_lookup (options, "import-xml", "^ay", &xml_path) &&
      run_import_xml (store, xml_path, options) != 0)
    return 1;
  g_clear_pointer (&xml_path, g_free);
  if (g_variant_dict_lookup (options, "import-roster", "^ay", &xml_path) &&
      run_import_roster (store, xml_path, options) != 0)
    return 1;

  if (g_variant_dict_lookup (options, "print-pdf", "^ay", &pdf_path))
    {
      if (!print_pdf (store, pdf_path, options, &error))
        {
          g_printerr ("\ntrellis: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
