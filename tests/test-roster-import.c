/* test-roster-import.c — the shared CSV reader and OneRoster import: mapping, re-import,
 * archiving, deltas, zips, every refusal, and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-csv-reader.h"
#include "trellis-error.h"
#include "trellis-roster-import.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-xml-export.h"
#include "trellis-xml-import.h"

/* CSV reader */

static GPtrArray *
read_all (const char  *text,
          gboolean     header,
          GError     **error)
{
  g_autoptr(TrellisCsvReader) reader = trellis_csv_reader_new ("t.csv", text, strlen (text));
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields = NULL;
  GError *local_error = NULL;

  if (header)
    {
      if (!trellis_csv_reader_read_header (reader, &fields, error))
        return NULL;
      g_ptr_array_add (records, fields);
    }
  while (trellis_csv_reader_next (reader, &fields, &local_error))
    g_ptr_array_add (records, fields);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

#define FIELD(records, r, f) ((const char *) ((GPtrArray *) (records)->pdata[r])->pdata[f])

static void
test_csv_quotes_newlines_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records =
    read_all ("\xEF\xBB\xBF" "a,b,c,,\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n1,2,3,,\r\n",
              TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (((GPtrArray *) records->pdata[0])->len, ==, 3);   /* empty trailing columns */
  g_assert_cmpstr (FIELD (records, 0, 0), ==, "a");
  g_assert_cmpstr (FIELD (records, 1, 0), ==, "x, y");
  g_assert_cmpstr (FIELD (records, 1, 1), ==, "say \"hi\"");
  g_assert_cmpstr (FIELD (records, 1, 2), ==, "two\nlines");
  g_assert_cmpstr (FIELD (records, 2, 2), ==, "3");
  g_assert_cmpuint (((GPtrArray *) records->pdata[2])->len, ==, 3);
}

static void
test_csv_refusals (void)
{
  const struct { const char *text; const char *message; } cases[] = {
    /* Importer defect 8: a file cut in the middle of a record */
    { "a,b,c\n1,2,3\n4,5", "line 3, column 4: the record ends after 2 of the header’s 3 fields" },
    { "a,b\n1,\"open\n", "line 2, column 3: a quoted field that starts here is never closed" },
    { "a,b\n1,\"x\"y\n", "line 2, column 6: there is text after the closing quote" },
    { "a;b;c\n1;2;3\n", "separated by semicolons" },
    { "a\tb\tc\n1\t2\t3\n", "separated by tabs" },
    { "a,b\n1,2,3\n", "line 2: the record has 3 fields but the header only 2" },
    { "", "is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = read_all (cases[i].text, TRUE, &error);

      g_assert_null (records);
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

static void
test_csv_encodings (void)
{
  const struct { const char *text; gsize length; const char *message; } cases[] = {
    { "name\nJos\xE9\n", 10, "line 2, column 4: the file is not UTF-8; it looks like Windows-1252" },
    { "\xFF\xFEn\0a\0", 6, "UTF-16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (trellis_csv_check_encoding ("t.csv", cases[i].text, cases[i].length, &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  g_assert_true (trellis_csv_check_encoding ("t.csv", "Zoë,Nguyễn\n", strlen ("Zoë,Nguyễn\n"), NULL));
}

/* Roster import */

static char *
fixture_path (const char *name)
{
  return trellis_test_source_path ("tests", "data", "roster", name, NULL);
}

static TrellisRosterImport *
preview (TrellisStore *store,
         const char   *path)
{
  g_autoptr(TrellisRosterImport) import = trellis_roster_import_new (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_roster_import_read (import, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
import_fixture (TrellisStore *store,
                const char   *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(TrellisRosterImport) import = preview (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_counts (TrellisRosterImport *import,
               TrellisRosterKind    kind,
               guint                n_new,
               guint                n_updated,
               guint                n_archived,
               guint                n_unchanged)
{
  g_assert_cmpuint (trellis_roster_import_count (import, kind, TRELLIS_ROSTER_NEW), ==, n_new);
  g_assert_cmpuint (trellis_roster_import_count (import, kind, TRELLIS_ROSTER_UPDATED), ==, n_updated);
  g_assert_cmpuint (trellis_roster_import_count (import, kind, TRELLIS_ROSTER_ARCHIVED), ==, n_archived);
  g_assert_cmpuint (trellis_roster_import_count (import, kind, TRELLIS_ROSTER_UNCHANGED), ==, n_unchanged);
}

static char *
student_text (TrellisStore *store,
              const char   *column,
              const char   *sourced_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM student WHERE sourced_id = '%s'",
                                          column, sourced_id);

  return trellis_test_query_text (store, sql, 0);
}

static void
test_roster_bulk_1_1 (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = fixture_path ("bulk-1.1");
  g_autoptr(TrellisRosterImport) import = preview (store, path);
  g_autoptr(TrellisRosterImport) again = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *problems = trellis_roster_import_get_problems (import);
  g_autofree char *summary = trellis_roster_import_dup_summary (import);
  g_autofree char *again_summary = NULL;
  const struct { const char *column, *id, *value; } expected[] = {
    { "family_name", "stu-1", "Nguyễn" },
    { "middle_name", "stu-1", "Thị" },
    { "homeroom", "stu-1", "Room 12, Ms. Khan" },   /* a quoted comma */
    { "advisor", "stu-1", "Amina Khan" },           /* the homeroom's primary teacher */
    { "birth_date", "stu-1", "2011-03-04" },
    { "student_number", "stu-1", "S1001" },
    { "family_name", "stu-3", "O'Malley, Jr." },
    { "homeroom", "stu-2", "Room 3" },              /* classType in another case */
    { "advisor", "stu-2", "Bo Li" },
    { "email", "stu-4", "" },                       /* not an address: left out, listed */
  };

  g_assert_cmpstr (trellis_roster_import_get_version (import), ==, "1.1");
  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 4, 0, 0, 0);
  /* par-1 is the guardian of two siblings: one guardian */
  assert_counts (import, TRELLIS_ROSTER_GUARDIANS, 3, 0, 0, 0);
  assert_counts (import, TRELLIS_ROSTER_STAFF, 4, 0, 0, 0);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 3);
  /* the embedded line break in stu-2's notes does not shift the line numbers after it */
  g_assert_nonnull (strstr (problems[0], "“users.csv”, line 6: “not-an-email”"));
  g_assert_nonnull (strstr (problems[1], "“par-9”"));
  g_assert_nonnull (strstr (problems[2], "“enrollments.csv”, line 9"));
  g_assert_nonnull (strstr (summary, "Students: 4 new, 0 updated, 0 archived, 0 unchanged"));
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student", 0), ==, 0);

  g_assert_true (trellis_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = student_text (store, expected[i].column, expected[i].id);

      g_assert_cmpstr (value, ==, expected[i].value);
    }
  g_assert_cmpint (trellis_test_query_int (store, "SELECT grade_level FROM student WHERE sourced_id = 'stu-2'", 0), ==, 0);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT grade_level FROM student WHERE sourced_id = 'stu-4'", 0), ==, -1);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM guardian WHERE sourced_id = 'par-1'", 0), ==, 2);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM guardian g JOIN student s ON s.id = g.student_id "
                                                  "WHERE s.sourced_id = 'stu-2'", 0), ==, 2);
  {
    g_autofree char *language = trellis_test_query_text (store, "SELECT preferred_language FROM guardian "
                                                                "WHERE sourced_id = 'par-3'", 0);
    g_autofree char *school = trellis_store_dup_setting (store, "school-name");
    g_autofree char *year = trellis_store_dup_setting (store, "school-year");
    g_autofree char *role = trellis_test_query_text (store, "SELECT role FROM staff WHERE sourced_id = 'cou-1'", 0);

    g_assert_cmpstr (language, ==, "es");
    g_assert_cmpstr (school, ==, "Riverside Community School, Upper Campus");
    g_assert_cmpstr (year, ==, "2026-2027");
    g_assert_cmpstr (role, ==, "counselor");
  }

  /* Idempotence: the second preview changes nothing. */
  again = preview (store, path);
  again_summary = trellis_roster_import_dup_summary (again);
  g_assert_nonnull (strstr (again_summary, "Students: 0 new, 0 updated, 0 archived, 4 unchanged"));
  assert_counts (again, TRELLIS_ROSTER_GUARDIANS, 0, 0, 0, 3);
  assert_counts (again, TRELLIS_ROSTER_STAFF, 0, 0, 0, 4);
  g_clear_object (&again);
  g_clear_object (&import);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* A delta archives a tobedeleted student and updates one guardian on both siblings; what
 * people wrote stays. */
static void
test_roster_delta_and_own_words (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = fixture_path ("delta-1.1");
  g_autofree char *uuid = NULL;
  g_autoptr(TrellisRosterImport) import = NULL;
  g_autofree char *interests = NULL;
  g_autofree char *family = NULL;

  import_fixture (store, "bulk-1.1");
  uuid = student_text (store, "uuid", "stu-1");
  trellis_test_change_text (store, TRELLIS_TYPE_STUDENT, uuid, "interests", "Robotics and drawing");
  trellis_test_change_text (store, TRELLIS_TYPE_STUDENT, uuid, "preferred-name", "Lanny");

  import = preview (store, path);
  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 0, 1, 1, 0);
  assert_counts (import, TRELLIS_ROSTER_GUARDIANS, 0, 1, 0, 0);
  g_assert_true (trellis_roster_import_apply (import, NULL, NULL));

  interests = student_text (store, "interests", "stu-1");
  family = student_text (store, "family_name", "stu-1");
  g_assert_cmpstr (interests, ==, "Robotics and drawing");
  g_assert_cmpstr (family, ==, "Nguyễn-Tran");
  g_clear_pointer (&family, g_free);
  family = student_text (store, "preferred_name", "stu-1");   /* 1.1 has no preferred name */
  g_assert_cmpstr (family, ==, "Lanny");
  g_assert_cmpint (trellis_test_query_int (store, "SELECT grade_level FROM student WHERE sourced_id = 'stu-1'", 0), ==, 10);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT archived FROM student WHERE sourced_id = 'stu-3'", 0), ==, 1);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student", 0), ==, 4);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM guardian WHERE sourced_id = 'par-1' "
                                                  "AND email = 'hoa.nguyen@example.org'", 0), ==, 2);
  g_clear_object (&import);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* OneRoster 1.2: roles from roles.csv, preferred names and pronouns; a bulk file that lacks the
 * earlier school's students archives them (never deletes). */
static void
test_roster_1_2_and_missing_from_bulk (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = fixture_path ("bulk-1.2");
  g_autoptr(TrellisRosterImport) import = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *pronouns = NULL;
  g_autofree char *advisor = NULL;

  import_fixture (store, "bulk-1.1");
  import = preview (store, path);
  g_assert_cmpstr (trellis_roster_import_get_version (import), ==, "1.2");
  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 2, 0, 4, 0);
  assert_counts (import, TRELLIS_ROSTER_GUARDIANS, 1, 0, 0, 0);
  assert_counts (import, TRELLIS_ROSTER_STAFF, 1, 0, 4, 0);
  g_assert_true (trellis_roster_import_apply (import, NULL, NULL));

  preferred = student_text (store, "preferred_name", "u-s1");
  pronouns = student_text (store, "pronouns", "u-s1");
  advisor = student_text (store, "advisor", "u-s1");
  g_assert_cmpstr (preferred, ==, "Anita");
  g_assert_cmpstr (pronouns, ==, "she/her");
  g_assert_cmpstr (advisor, ==, "Marta Gómez");
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student WHERE archived", 0), ==, 4);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student", 0), ==, 6);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM guardian WHERE sourced_id = 'u-p1'", 0), ==, 2);
  g_clear_object (&import);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

static void
test_roster_zip (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = fixture_path ("bulk-1.1.zip");
  g_autoptr(TrellisRosterImport) import = preview (store, path);

  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 4, 0, 0, 0);
  assert_counts (import, TRELLIS_ROSTER_GUARDIANS, 3, 0, 0, 0);
  g_clear_object (&import);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* The preview is one snapshot: a change in between is refused and the preview brought up to date. */
static void
test_roster_changed_since_preview (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = fixture_path ("bulk-1.1");
  g_autoptr(TrellisRosterImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *family = NULL;

  import_fixture (store, "bulk-1.1");
  import = preview (store, path);
  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 0, 0, 0, 4);
  uuid = student_text (store, "uuid", "stu-2");
  trellis_test_change_text (store, TRELLIS_TYPE_STUDENT, uuid, "family-name", "Nguyen");
  g_assert_false (trellis_roster_import_apply (import, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  family = student_text (store, "family_name", "stu-2");
  g_assert_cmpstr (family, ==, "Nguyen");
  /* the preview now shows the database as it is */
  assert_counts (import, TRELLIS_ROSTER_STUDENTS, 0, 1, 0, 3);
  g_clear_error (&error);
  g_assert_true (trellis_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&family, g_free);
  family = student_text (store, "family_name", "stu-2");
  g_assert_cmpstr (family, ==, "Nguyễn");
  g_clear_object (&import);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* Roster identifiers travel in plan files; a copy made by “Keep both” is another person to the
 * roster, so it has none (the identifier stays unique). */
static void
test_roster_plan_file_copy (void)
{
  g_autofree char *dir = NULL;
  TrellisStore *store = trellis_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "school.xml", NULL);
  g_autoptr(TrellisXmlExport) export = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *contents = NULL;

  import_fixture (store, "bulk-1.1");
  export = trellis_xml_export_new (store);
  g_assert_true (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  trellis_test_assert_valid_plan_file (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<sourced-id>stu-1</sourced-id>"));
  g_assert_nonnull (strstr (contents, "<middle-name>Thị</middle-name>"));

  uuid = student_text (store, "uuid", "stu-1");
  trellis_test_change_text (store, TRELLIS_TYPE_STUDENT, uuid, "family-name", "Changed here");
  import = trellis_xml_import_new (store, path);
  g_assert_true (trellis_xml_import_read (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_xml_import_get_n_conflicts (import), ==, 1);
  trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_COPY);
  g_assert_true (trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student", 0), ==, 5);
  g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student WHERE sourced_id = 'stu-1'", 0), ==, 1);
  g_clear_object (&import);
  g_clear_object (&export);
  trellis_test_close_store (store, g_steal_pointer (&dir));
}

/* Refusals: a copy of the 1.1 fixture with one file changed */

static void
copy_fixture (const char *name,
              const char *to)
{
  g_autofree char *from = fixture_path (name);
  g_autoptr(GDir) folder = g_dir_open (from, 0, NULL);
  const char *file;

  while ((file = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, file, NULL);
      g_autofree char *target = g_build_filename (to, file, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
    }
}

static void
rewrite (const char *dir,
         const char *file,
         const char *from,
         const char *to,
         gssize      to_length)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  if (from == NULL)
    {
      g_assert_true (g_remove (path) == 0);
      return;
    }
  g_assert_nonnull (strstr (text->str, from));
  {
    gsize at = strstr (text->str, from) - text->str;

    g_string_erase (text, at, strlen (from));
    g_string_insert_len (text, at, to, to_length < 0 ? (gssize) strlen (to) : to_length);
  }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

static void
test_roster_refusals (void)
{
  const struct {
    const char *file, *from, *to;
    gssize      to_length;
    const char *message;
  } cases[] = {
    { "manifest.csv", NULL, NULL, 0, "has no manifest.csv" },
    { "manifest.csv", "oneroster.version,1.1", "oneroster.version,1.3", -1, "“manifest.csv”, line 3, column 2 (value): OneRoster version “1.3”" },
    { "manifest.csv", "file.users,bulk", "file.users,sometimes", -1, "“sometimes” is not bulk, delta or absent" },
    { "manifest.csv", "file.users,bulk", "file.users,absent", -1, "marks users.csv absent" },
    { "classes.csv", NULL, NULL, 0, "The manifest lists “classes.csv” as bulk, but the roster has no such file" },
    { "users.csv", ",givenName,", ",firstName,", -1, "lacks the OneRoster column(s) givenName" },
    { "users.csv", "sourcedId,status", "id,status", -1, "has no sourcedId column, so this is not a OneRoster file" },
    { "users.csv", "par-2,,,", "par-1,,,", -1, "“users.csv”, line 8, column 1 (sourcedId): the sourcedId “par-1” is also on line 7" },
    { "users.csv", "stu-4,,", "stu-4,gone,", -1, "line 6, column 2 (status): the status “gone”" },
    { "users.csv", "Zoë", "Zo\xEB", -1, "“users.csv”, line 6, column 39: the file is not UTF-8; it looks like Windows-1252" },
    { "users.csv", "adm-1,,,true,org-s1,administrator,pmoss,,Pat,Moss,,A01,,,,,,,,\n", "adm-1,,,true,org-s1,adm", -1,
      "“users.csv”, line 13, column 24: the record ends after 6 of the header’s 20 fields" },
    { "demographics.csv", "2011-03-04", "2011-13-04", -1, "line 2, column 4 (birthDate): “2011-13-04” is not a date" },
    { "enrollments.csv", ",,,cls-hr1,org-s1,stu-1", ",,yesterday,cls-hr1,org-s1,stu-1", -1, "(dateLastModified): “yesterday” is not a date and time" },
    { "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n",
      "sourcedId;status;dateLastModified;name;type;identifier;parentSourcedId\r\n", -1, "separated by semicolons" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = NULL;
      TrellisStore *store = trellis_test_open_store (&dir);
      g_autofree char *roster = g_build_filename (dir, "roster", NULL);
      g_autoptr(TrellisRosterImport) import = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_mkdir (roster, 0700) == 0);
      copy_fixture ("bulk-1.1", roster);
      rewrite (roster, cases[i].file, cases[i].from, cases[i].to, cases[i].to_length);
      import = trellis_roster_import_new (store, roster);
      g_assert_false (trellis_roster_import_read (import, NULL, &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
      g_assert_cmpint (trellis_test_query_int (store, "SELECT count(*) FROM student", 0), ==, 0);
      g_clear_object (&import);
      trellis_test_close_store (store, g_steal_pointer (&dir));
    }
}

/* The command line, as a school's script runs it. */
static void
test_roster_command_line (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *database = g_build_filename (dir, "school.db", NULL);
  g_autofree char *roster = fixture_path ("bulk-1.1");
  g_autofree char *binary = g_build_filename (g_getenv ("TRELLIS_BUILD_ROOT"), "src", "trellis", NULL);
  const char *argv[] = { binary, "--database", database, "--import-roster", roster, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  for (guint run = 0; run < 2; run++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      argv[5] = run == 1 ? "--dry-run" : NULL;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("trellis failed: %s", err);
      g_assert_nonnull (strstr (out, run == 0 ? "Students: 4 new, 0 updated, 0 archived, 0 unchanged"
                                              : "Students: 0 new, 0 updated, 0 archived, 4 unchanged"));
    }
  g_assert_nonnull (strstr (out, "Dry run: nothing was changed."));
  trellis_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quotes-newlines-bom-crlf", test_csv_quotes_newlines_bom_crlf);
  g_test_add_func ("/csv/refusals", test_csv_refusals);
  g_test_add_func ("/csv/encodings", test_csv_encodings);
  g_test_add_func ("/roster/bulk-1.1", test_roster_bulk_1_1);
  g_test_add_func ("/roster/delta-and-own-words", test_roster_delta_and_own_words);
  g_test_add_func ("/roster/1.2-and-missing-from-bulk", test_roster_1_2_and_missing_from_bulk);
  g_test_add_func ("/roster/zip", test_roster_zip);
  g_test_add_func ("/roster/changed-since-preview", test_roster_changed_since_preview);
  g_test_add_func ("/roster/plan-file-copy", test_roster_plan_file_copy);
  g_test_add_func ("/roster/refusals", test_roster_refusals);
  g_test_add_func ("/roster/command-line", test_roster_command_line);
  return g_test_run ();
}
