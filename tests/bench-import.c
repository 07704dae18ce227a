/* bench-import.c — a generated 10,000-student OneRoster export imported into an empty database,
 * against the sqlite3 tool .import-ing the same CSV files, and re-imported with 2% changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "trellis-roster-import.h"
#include "trellis-test-utils.h"

#define N_STUDENTS    10000
#define N_GUARDIANS   15000
#define N_STAFF       600
#define N_CLASSES     400
#define N_ENROLLMENTS 12000

static const char * const given_names[] = {
  "Lan", "José", "Zoë", "Amina", "Liam", "Sofía", "Noah", "Aiyana", "Mateo", "Hoa", "Chloé", "Ravi",
};
static const char * const family_names[] = {
  "Nguyễn", "García", "O'Malley", "Khan", "Smith", "Pérez", "Zhang", "Okafor", "Müller", "Díaz",
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
write_file (const char *dir,
            const char *name,
            GString    *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

/* Students 0..N-1; guardians: student i has guardian i % N_GUARDIANS-ish so that siblings share;
 * every 50th row of users.csv (2%) gets another family name when @changed. */
static void
write_roster (const char *dir,
              gboolean    changed)
{
  g_autoptr(GString) users = g_string_new ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,"
                                           "role,username,userIds,givenName,familyName,middleName,"
                                           "identifier,email,sms,phone,agentSourcedIds,grades,password,"
                                           "metadata.preferredLanguage\n");
  g_autoptr(GString) classes = g_string_new ("sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
                                             "classCode,classType,location,schoolSourcedId,termSourcedIds,"
                                             "subjects,subjectCodes,periods\n");
  g_autoptr(GString) enrollments = g_string_new ("sourcedId,status,dateLastModified,classSourcedId,"
                                                 "schoolSourcedId,userSourcedId,role,primary,beginDate,"
                                                 "endDate\n");
  g_autoptr(GString) manifest = g_string_new ("propertyName,value\nmanifest.version,1.0\n"
                                              "oneroster.version,1.1\nfile.users,bulk\nfile.orgs,bulk\n"
                                              "file.classes,bulk\nfile.enrollments,bulk\n"
                                              "file.academicSessions,bulk\n");
  g_autoptr(GString) orgs = g_string_new ("sourcedId,status,dateLastModified,name,type,identifier,"
                                          "parentSourcedId\norg-1,,,\"Riverside School, North\",school,R1,\n");
  g_autoptr(GString) sessions = g_string_new ("sourcedId,status,dateLastModified,title,type,startDate,"
                                              "endDate,parentSourcedId,schoolYear\n"
                                              "as-1,,,2026-2027,schoolYear,2026-08-20,2027-06-15,,2027\n");
  guint row = 0;

  for (guint i = 0; i < N_STUDENTS; i++, row++)
    {
      /* guardians g(2i) and g(2i+1) mod N_GUARDIANS: 15,000 guardians, some shared by siblings */
      guint a = (2 * i) % N_GUARDIANS, b = (2 * i + 1) % N_GUARDIANS;
      const char *family = family_names[i % G_N_ELEMENTS (family_names)];

      g_string_append_printf (users, "stu-%u,,,true,org-1,student,s%u,,%s,\"%s%s\",,S%05u,s%u@example.org,,,"
                              "\"gua-%u,gua-%u\",%02u,,\n",
                              i, i, given_names[i % G_N_ELEMENTS (given_names)], family,
                              changed && row % 50 == 0 ? "-Changed" : "", i, i, a, b, 1 + i % 12);
    }
  for (guint i = 0; i < N_GUARDIANS; i++, row++)
    g_string_append_printf (users, "gua-%u,,,true,org-1,%s,,,%s,%s%s,,,g%u@example.org,,555-%04u,,,,%s\n",
                            i, i % 3 == 0 ? "guardian" : "parent", given_names[(i + 3) % G_N_ELEMENTS (given_names)],
                            family_names[i % G_N_ELEMENTS (family_names)],
                            changed && row % 50 == 0 ? "-Changed" : "", i, i % 10000, i % 4 == 0 ? "es" : "en");
  for (guint i = 0; i < N_STAFF; i++, row++)
    g_string_append_printf (users, "tea-%u,,,true,org-1,teacher,t%u,,%s,%s%s,,T%03u,t%u@example.org,,,,,,\n",
                            i, i, given_names[i % G_N_ELEMENTS (given_names)],
                            family_names[(i + 1) % G_N_ELEMENTS (family_names)],
                            changed && row % 50 == 0 ? "-Changed" : "", i, i);
  for (guint i = 0; i < N_CLASSES; i++)
    g_string_append_printf (classes, "cls-%u,,,\"%s %u\",09,crs-%u,C%u,%s,Room %u,org-1,as-1,,,\n", i,
                            i < N_STUDENTS / 30 ? "Homeroom" : "Class", i, i, i,
                            i < N_STUDENTS / 30 ? "homeroom" : "scheduled", i);
  /* 10,000 homeroom enrollments of students in 333 homerooms, then teachers (primary) */
  for (guint i = 0; i < N_ENROLLMENTS; i++)
    {
      if (i < N_STUDENTS)
        g_string_append_printf (enrollments, "enr-%u,,,cls-%u,org-1,stu-%u,student,false,,\n", i,
                                i % (N_STUDENTS / 30), i);
      else
        g_string_append_printf (enrollments, "enr-%u,,,cls-%u,org-1,tea-%u,teacher,true,,\n", i,
                                (i - N_STUDENTS) % N_CLASSES, (i - N_STUDENTS) % N_STAFF);
    }
  write_file (dir, "manifest.csv", manifest);
  write_file (dir, "users.csv", users);
  write_file (dir, "classes.csv", classes);
  write_file (dir, "enrollments.csv", enrollments);
  write_file (dir, "orgs.csv", orgs);
  write_file (dir, "academicSessions.csv", sessions);
}

static double
time_import (TrellisStore *store,
             const char   *path,
             guint        *n_new,
             guint        *n_updated)
{
  g_autoptr(TrellisRosterImport) import = trellis_roster_import_new (store, path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!trellis_roster_import_read (import, NULL, &error) ||
      !trellis_roster_import_apply (import, NULL, &error))
    g_error ("%s", error->message);
  g_debug ("students %u updated, guardians %u, staff %u",
           trellis_roster_import_count (import, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_UPDATED),
           trellis_roster_import_count (import, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_UPDATED),
           trellis_roster_import_count (import, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_UPDATED));
  *n_new = trellis_roster_import_count (import, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_NEW) +
           trellis_roster_import_count (import, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_NEW) +
           trellis_roster_import_count (import, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_NEW);
  *n_updated = trellis_roster_import_count (import, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_UPDATED) +
               trellis_roster_import_count (import, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_UPDATED) +
               trellis_roster_import_count (import, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_UPDATED);
  return seconds_since (start);
}

/* The same files into plain tables by the sqlite3 tool, in one process, as the floor. */
static double
time_sqlite3_import (const char *dir)
{
  g_autofree char *database = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *script = g_strdup_printf (
    "cd '%s' && sqlite3 '%s' -cmd '.mode csv' -cmd '.import users.csv users' "
    "-cmd '.import classes.csv classes' -cmd '.import enrollments.csv enrollments' "
    "-cmd '.import orgs.csv orgs' -cmd '.import academicSessions.csv sessions' "
    "-cmd '.import manifest.csv manifest' 'SELECT count(*) FROM users'", dir, database);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 failed: %s", error->message);
  return seconds_since (start);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *roster = g_build_filename (dir, "roster", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  double trellis_time, sqlite_time, reimport_time;
  guint n_new, n_updated;

  g_mkdir_with_parents (roster, 0700);
  g_mkdir_with_parents (plain, 0700);
  write_roster (roster, FALSE);
  write_roster (plain, FALSE);

  sqlite_time = time_sqlite3_import (plain);
  trellis_time = time_import (store, roster, &n_new, &n_updated);
  printf ("roster import (%d students, %d guardians, %d staff, %d classes, %d enrollments): "
          "%.2f s for %u new people; sqlite3 .import of the same CSVs: %.2f s; ratio %.1f× (target ≤ 3×)\n",
          N_STUDENTS, N_GUARDIANS, N_STAFF, N_CLASSES, N_ENROLLMENTS, trellis_time, n_new, sqlite_time,
          trellis_time / sqlite_time);

  write_roster (roster, TRUE);
  reimport_time = time_import (store, roster, &n_new, &n_updated);
  printf ("re-import with 2%% of users.csv rows changed: %.2f s, %u people updated, %u new (target ≤ 1 s)\n",
          reimport_time, n_updated, n_new);

  g_clear_object (&store);
  trellis_test_remove_tree (g_steal_pointer (&dir));
  return 0;
}
