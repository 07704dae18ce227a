/* trellis-roster-import.c — brings a school's OneRoster export (students, guardians, staff) in
 *
 * Three steps, as for a plan file. READ: the manifest says which files there are (bulk, delta
 * or absent) and which OneRoster version (1.1 or 1.2); every present file is read whole through
 * the shared CSV reader and checked (columns, identifiers, statuses, dates), and anything that
 * cannot be right is refused with file, line and column before the database is looked at. MAP:
 * users become students, guardians and staff; a student's homeroom is the class with
 * classType=homeroom they are enrolled in, its primary teacher their advisor; guardians come
 * from agentSourcedIds, given from either side. PLAN: each person is matched by sourcedId with
 * what the database holds and classified new, updated, archived or unchanged; links Trellis
 * cannot follow are listed as problems. APPLY: in one write transaction that plans again and
 * refuses when the database changed since the preview, through the store, so history records
 * each change. Only what the roster owns is written: names, grade, numbers, homeroom, advisor,
 * guardians' contacts. Profiles' own words, plans, goals and notes are never touched, and a
 * student is archived, never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-roster-import"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-guardian.h"
#include "trellis-roster-files.h"
#include "trellis-roster-import.h"
#include "trellis-store-job.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-vocabulary.h"

/* The import branch's TRELLIS_LIMIT_GUARDIANS_PER_STUDENT; more links are listed and skipped. */
#define MAX_GUARDIANS_PER_STUDENT 12

typedef enum {
  MODE_ABSENT,
  MODE_BULK,
  MODE_DELTA,
} FileMode;

typedef enum {
  FILE_ORGS,
  FILE_SESSIONS,
  FILE_USERS,
  FILE_CLASSES,
  FILE_ENROLLMENTS,
  FILE_DEMOGRAPHICS,
  FILE_ROLES,
  FILE_USER_PROFILES,
  N_FILES,
} FileId;

typedef struct {
  const char *manifest_key;   /* file.users */
  const char *file_name;      /* users.csv, lower case */
  gboolean    since_1_2;
  const char *required[8];
  const char *dates[3];
} FileSpec;

static const FileSpec file_specs[N_FILES] = {
  { "file.orgs", "orgs.csv", FALSE, { "sourcedId", "name", "type" }, { NULL } },
  { "file.academicSessions", "academicsessions.csv", FALSE,
    { "sourcedId", "title", "type", "startDate", "endDate", "schoolYear" }, { "startDate", "endDate" } },
  { "file.users", "users.csv", FALSE, { "sourcedId", "givenName", "familyName" }, { NULL } },
  { "file.classes", "classes.csv", FALSE, { "sourcedId", "title", "classType" }, { NULL } },
  { "file.enrollments", "enrollments.csv", FALSE,
    { "sourcedId", "classSourcedId", "userSourcedId", "role" }, { "beginDate", "endDate" } },
  { "file.demographics", "demographics.csv", FALSE, { "sourcedId" }, { "birthDate" } },
  { "file.roles", "roles.csv", TRUE,
    { "sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId" }, { "beginDate", "endDate" } },
  { "file.userProfiles", "userprofiles.csv", TRUE, { "sourcedId", "userSourcedId", "profileType" }, { NULL } },
};

typedef enum {
  PERSON_OTHER,
  PERSON_STUDENT,
  PERSON_GUARDIAN,
  PERSON_STAFF,
} PersonKind;

/* The student fields a roster owns, in the order of `Person.values`. */
enum {
  VALUE_GIVEN_NAME,
  VALUE_MIDDLE_NAME,
  VALUE_FAMILY_NAME,
  VALUE_PREFERRED_NAME,
  VALUE_PRONOUNS,
  VALUE_STUDENT_NUMBER,
  VALUE_GRADE_LEVEL,
  VALUE_EMAIL,
  VALUE_BIRTH_DATE,
  VALUE_HOMEROOM,
  VALUE_ADVISOR,
  N_STUDENT_VALUES,
};

static const char * const student_fields[N_STUDENT_VALUES] = {
  "given-name", "middle-name", "family-name", "preferred-name", "pronouns", "student-number",
  "grade-level", "email", "birth-date", "homeroom", "advisor",
};

/* The guardian fields a roster owns. */
enum {
  GVALUE_NAME,
  GVALUE_RELATIONSHIP,
  GVALUE_LANGUAGE,
  GVALUE_EMAIL,
  GVALUE_PHONE,
  N_GUARDIAN_VALUES,
};

static const char * const guardian_fields[N_GUARDIAN_VALUES] = {
  "name", "relationship", "preferred-language", "email", "phone",
};

typedef struct {
  char       *sourced_id;
  guint       line;
  PersonKind  kind;
  gboolean    deleted;          /* status tobedeleted */
  char       *role;             /* as the roster has it, lower case */
  char       *given;
  char       *family;
  char       *email;
  char       *identifier;
  /* students: what the roster says of each field, NULL where it says nothing */
  char       *values[N_STUDENT_VALUES];
  /* guardians */
  char       *gvalues[N_GUARDIAN_VALUES];
  char      **agents;
  GPtrArray  *guardians;        /* students: (element-type Person) unowned */
  gboolean    linked;           /* guardians: has a student */
} Person;

/* A stored roster guardian row, and whether the plan keeps it. */
typedef struct {
  TrellisEntity *row;
  gboolean       kept;
} StoredGuardian;

typedef enum {
  CHANGE_STUDENT_INSERT,
  CHANGE_STUDENT_SAVE,
  CHANGE_GUARDIAN_INSERT,
  CHANGE_GUARDIAN_SAVE,
  CHANGE_GUARDIAN_DELETE,
  CHANGE_STAFF_UPSERT,
  CHANGE_STAFF_ARCHIVE,
} ChangeKind;

typedef struct {
  ChangeKind     kind;
  Person        *person;        /* the student, guardian or staff member; unowned */
  Person        *student;       /* a guardian insert: the student it is for */
  TrellisEntity *entity;        /* the stored record to save or delete, or the one inserted */
  char          *sourced_id;    /* a staff member archived because the bulk file lacks them */
} Change;

struct _TrellisRosterImport
{
  GObject       parent_instance;

  TrellisStore *store;
  char         *path;

  /* read */
  char         *version;
  FileMode      modes[N_FILES];
  GHashTable   *people;         /* sourcedId → Person (owned) */
  GPtrArray    *order;          /* (element-type Person) in file order, unowned */
  char         *school_name;
  char         *school_year;
  GPtrArray    *read_problems;  /* (element-type utf8) found while reading */

  /* planned */
  gboolean      planned;
  GPtrArray    *problems;       /* read problems plus planning ones, NULL-terminated */
  GPtrArray    *changes;        /* (element-type Change) */
  guint         counts[TRELLIS_ROSTER_N_KINDS][TRELLIS_ROSTER_N_OUTCOMES];
  guint         n_more_problems;
  char         *digest;         /* of every planned change, to see the database move */
  gboolean      school_name_changes;
  gboolean      school_year_changes;
};

G_DEFINE_FINAL_TYPE (TrellisRosterImport, trellis_roster_import, G_TYPE_OBJECT)

/* Helpers: people and changes */

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->sourced_id);
  g_free (person->role);
  g_free (person->given);
  g_free (person->family);
  g_free (person->email);
  g_free (person->identifier);
  for (guint i = 0; i < N_STUDENT_VALUES; i++)
    g_free (person->values[i]);
  for (guint i = 0; i < N_GUARDIAN_VALUES; i++)
    g_free (person->gvalues[i]);
  g_strfreev (person->agents);
  g_clear_pointer (&person->guardians, g_ptr_array_unref);
  g_free (person);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->entity);
  g_free (change->sourced_id);
  g_free (change);
}

static Change *
add_change (TrellisRosterImport *self,
            ChangeKind           kind,
            Person              *person,
            TrellisEntity       *entity)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->person = person;
  change->entity = entity != NULL ? g_object_ref (entity) : NULL;
  g_ptr_array_add (self->changes, change);
  return change;
}

static void
add_problem (TrellisRosterImport *self,
             GPtrArray           *problems,
             const char          *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (TrellisRosterImport *self,
             GPtrArray           *problems,
             const char          *format,
             ...)
{
  va_list args;

  if (problems->len >= TRELLIS_ROSTER_MAX_PROBLEMS)
    {
      self->n_more_problems++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
reset (TrellisRosterImport *self)
{
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->school_name, g_free);
  g_clear_pointer (&self->school_year, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_ptr_array_set_size (self->changes, 0);
  g_ptr_array_set_size (self->order, 0);
  g_hash_table_remove_all (self->people);
  g_ptr_array_set_size (self->read_problems, 0);
  g_ptr_array_set_size (self->problems, 0);
  memset (self->counts, 0, sizeof self->counts);
  memset (self->modes, 0, sizeof self->modes);
  self->n_more_problems = 0;
  self->planned = FALSE;
}

/* Helpers: reading and checking */

/* Sets a refusal naming the file, line and column of a cell; always returns %FALSE. */
static gboolean
refuse (GError            **error,
        TrellisRosterTable *table,
        guint               row,
        int                 column,
        const char         *format,
        ...) G_GNUC_PRINTF (5, 6);

static gboolean
refuse (GError            **error,
        TrellisRosterTable *table,
        guint               row,
        int                 column,
        const char         *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
               /* Translators: “users.csv”, line 4, column 2 (status): <what is wrong> */
               _("“%s”, line %u, column %u (%s): %s Nothing was imported."),
               trellis_roster_table_get_name (table), trellis_roster_table_get_line (table, row),
               column + 1, trellis_roster_table_get_column_name (table, column), message);
  return FALSE;
}

static gboolean
is_valid_date (const char *text)
{
  int y, m, d;
  char end;

  return sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
is_valid_timestamp (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (is_valid_date (text))
    return TRUE;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL;
}

/* Reads one file the manifest lists and checks what every OneRoster file has. */
static TrellisRosterTable *
read_table (TrellisRosterImport  *self,
            GHashTable           *files,
            FileId                id,
            GError              **error)
{
  const FileSpec *spec = &file_specs[id];
  GBytes *bytes = g_hash_table_lookup (files, spec->file_name);
  g_autoptr(TrellisRosterTable) table = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *missing = g_ptr_array_new ();
  int sourced, status, modified;

  if (bytes == NULL)
    {
      g_ptr_array_unref (missing);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("The manifest lists “%s” as %s, but the roster has no such file. Nothing was "
                     "imported."), spec->file_name,
                   self->modes[id] == MODE_BULK ? "bulk" : "delta");
      return NULL;
    }
  table = trellis_roster_table_parse (spec->file_name, bytes, error);
  if (table == NULL)
    {
      g_ptr_array_unref (missing);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (spec->required) && spec->required[i] != NULL; i++)
    if (trellis_roster_table_find_column (table, spec->required[i]) < 0)
      g_ptr_array_add (missing, (gpointer) spec->required[i]);
  if (missing->len > 0)
    {
      g_ptr_array_add (missing, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **) missing->pdata);
      gboolean foreign = trellis_roster_table_find_column (table, "sourcedId") < 0;

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   foreign ? _("“%s”, line 1: the header has no %s column, so this is not a "
                               "OneRoster file (another program’s layout under OneRoster’s "
                               "file name?). Nothing was imported.")
                           : _("“%s”, line 1: the header lacks the OneRoster column(s) %s. "
                               "Nothing was imported."),
                   spec->file_name, list);
      g_ptr_array_unref (missing);
      return NULL;
    }
  g_ptr_array_unref (missing);

  sourced = trellis_roster_table_find_column (table, "sourcedId");
  status = trellis_roster_table_find_column (table, "status");
  modified = trellis_roster_table_find_column (table, "dateLastModified");
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint row = 0; row < trellis_roster_table_get_n_rows (table); row++)
    {
      const char *id_text = trellis_roster_table_get (table, row, sourced);
      const char *status_text = trellis_roster_table_get (table, row, status);
      const char *modified_text = trellis_roster_table_get (table, row, modified);
      gpointer first;

      if (*id_text == '\0')
        return refuse (error, table, row, sourced, _("the sourcedId is empty.")), NULL;
      if (g_hash_table_lookup_extended (seen, id_text, NULL, &first))
        return refuse (error, table, row, sourced, _("the sourcedId “%s” is also on line %u."),
                       id_text, trellis_roster_table_get_line (table, GPOINTER_TO_UINT (first))), NULL;
      g_hash_table_insert (seen, (gpointer) id_text, GUINT_TO_POINTER (row));
      if (*status_text != '\0' && g_ascii_strcasecmp (status_text, "active") != 0 &&
          g_ascii_strcasecmp (status_text, "tobedeleted") != 0 &&
          g_ascii_strcasecmp (status_text, "inactive") != 0)
        return refuse (error, table, row, status,
                       _("the status “%s” is neither active nor tobedeleted."), status_text), NULL;
      if (*modified_text != '\0' && !is_valid_timestamp (modified_text))
        return refuse (error, table, row, modified,
                       _("“%s” is not a date and time (expected 2026-09-01T12:00:00Z)."),
                       modified_text), NULL;
      for (guint d = 0; d < G_N_ELEMENTS (spec->dates) && spec->dates[d] != NULL; d++)
        {
          int column = trellis_roster_table_find_column (table, spec->dates[d]);
          const char *date = trellis_roster_table_get (table, row, column);

          if (*date != '\0' && !is_valid_date (date))
            return refuse (error, table, row, column,
                           _("“%s” is not a date (expected YYYY-MM-DD)."), date), NULL;
        }
      for (guint c = 0; c < trellis_roster_table_get_n_columns (table); c++)
        if (strlen (trellis_roster_table_get (table, row, c)) > TRELLIS_ROSTER_MAX_TEXT &&
            g_utf8_strlen (trellis_roster_table_get (table, row, c), -1) > TRELLIS_ROSTER_MAX_TEXT)
          return refuse (error, table, row, c, _("the value is longer than %d characters."),
                         TRELLIS_ROSTER_MAX_TEXT), NULL;
    }
  return g_steal_pointer (&table);
}

static gboolean
is_deleted (TrellisRosterTable *table,
            guint               row)
{
  int status = trellis_roster_table_find_column (table, "status");

  return g_ascii_strcasecmp (trellis_roster_table_get (table, row, status), "tobedeleted") == 0;
}

static gboolean
read_manifest (TrellisRosterImport  *self,
               GHashTable           *files,
               GError              **error)
{
  GBytes *bytes = g_hash_table_lookup (files, "manifest.csv");
  g_autoptr(TrellisRosterTable) table = NULL;
  int name_column, value_column;

  if (bytes == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“%s” has no manifest.csv, so it is not a OneRoster export. Nothing was "
                     "imported."), self->path);
      return FALSE;
    }
  table = trellis_roster_table_parse ("manifest.csv", bytes, error);
  if (table == NULL)
    return FALSE;
  name_column = trellis_roster_table_find_column (table, "propertyName");
  value_column = trellis_roster_table_find_column (table, "value");
  if (name_column < 0 || value_column < 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“manifest.csv”, line 1: the header needs the columns propertyName and value. "
                     "Nothing was imported."));
      return FALSE;
    }
  for (guint row = 0; row < trellis_roster_table_get_n_rows (table); row++)
    {
      const char *name = trellis_roster_table_get (table, row, name_column);
      const char *value = trellis_roster_table_get (table, row, value_column);

      if (g_ascii_strcasecmp (name, "oneroster.version") == 0)
        {
          if (strcmp (value, "1.1") != 0 && strcmp (value, "1.2") != 0)
            return refuse (error, table, row, value_column,
                           _("OneRoster version “%s” is not one Trellis reads (1.1 or 1.2)."), value);
          g_free (self->version);
          self->version = g_strdup (value);
          continue;
        }
      for (guint id = 0; id < N_FILES; id++)
        if (g_ascii_strcasecmp (name, file_specs[id].manifest_key) == 0)
          {
            if (g_ascii_strcasecmp (value, "bulk") == 0)
              self->modes[id] = MODE_BULK;
            else if (g_ascii_strcasecmp (value, "delta") == 0)
              self->modes[id] = MODE_DELTA;
            else if (g_ascii_strcasecmp (value, "absent") == 0)
              self->modes[id] = MODE_ABSENT;
            else
              return refuse (error, table, row, value_column,
                             _("“%s” is not bulk, delta or absent."), value);
          }
    }
  if (self->version == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“manifest.csv” does not say which OneRoster version the files are "
                     "(oneroster.version). Nothing was imported."));
      return FALSE;
    }
  if (self->modes[FILE_USERS] == MODE_ABSENT)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“manifest.csv” marks users.csv absent, so there is nobody to import. "
                     "Nothing was imported."));
      return FALSE;
    }
  if (strcmp (self->version, "1.1") == 0)
    for (guint id = 0; id < N_FILES; id++)
      if (file_specs[id].since_1_2)
        self->modes[id] = MODE_ABSENT;
  return TRUE;
}

static PersonKind
kind_for_role (const char *role)
{
  static const char * const staff[] = {
    "teacher", "aide", "counselor", "administrator", "principal", "proctor",
    "siteadministrator", "districtadministrator", "systemadministrator",
  };

  if (g_ascii_strcasecmp (role, "student") == 0)
    return PERSON_STUDENT;
  if (g_ascii_strcasecmp (role, "parent") == 0 || g_ascii_strcasecmp (role, "guardian") == 0 ||
      g_ascii_strcasecmp (role, "relative") == 0)
    return PERSON_GUARDIAN;
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    if (g_ascii_strcasecmp (role, staff[i]) == 0)
      return PERSON_STAFF;
  return PERSON_OTHER;
}

/* OneRoster grade codes (CEDS): PK and younger are -1 in Trellis, KG is 0, 01–12 are 1–12. */
static char *
map_grade (const char *grades)
{
  g_auto(GStrv) codes = g_strsplit (grades, ",", 2);
  const char *code = codes[0] != NULL ? g_strstrip (codes[0]) : "";
  guint64 number;

  if (g_ascii_strcasecmp (code, "KG") == 0)
    return g_strdup ("0");
  if (g_ascii_strcasecmp (code, "PK") == 0 || g_ascii_strcasecmp (code, "PR") == 0 ||
      g_ascii_strcasecmp (code, "TK") == 0 || g_ascii_strcasecmp (code, "IT") == 0)
    return g_strdup ("-1");
  if (g_ascii_string_to_unsigned (code, 10, 1, 12, &number, NULL))
    return g_strdup_printf ("%d", (int) number);
  return NULL;
}

/* The roles of 1.2, from roles.csv: a primary role wins over a secondary one. */
static GHashTable *
read_roles (TrellisRosterTable *roles)
{
  GHashTable *by_user = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  int user = trellis_roster_table_find_column (roles, "userSourcedId");
  int type = trellis_roster_table_find_column (roles, "roleType");
  int role = trellis_roster_table_find_column (roles, "role");

  for (guint row = 0; row < trellis_roster_table_get_n_rows (roles); row++)
    {
      const char *id = trellis_roster_table_get (roles, row, user);
      gboolean primary = g_ascii_strcasecmp (trellis_roster_table_get (roles, row, type), "primary") == 0;

      if (is_deleted (roles, row))
        continue;
      if (primary || !g_hash_table_contains (by_user, id))
        g_hash_table_insert (by_user, (gpointer) id,
                             g_ascii_strdown (trellis_roster_table_get (roles, row, role), -1));
    }
  return by_user;
}

static char *
dup_or_null (TrellisRosterTable *table,
             guint               row,
             int                 column)
{
  return column >= 0 ? g_strdup (trellis_roster_table_get (table, row, column)) : NULL;
}

static int
find_first_column (TrellisRosterTable *table,
                   const char         *a,
                   const char         *b)
{
  int column = trellis_roster_table_find_column (table, a);

  return column >= 0 ? column : trellis_roster_table_find_column (table, b);
}

/* A metadata.* column about language (metadata.preferredLanguage, metadata.homeLanguage…). */
static int
find_language_column (TrellisRosterTable *table)
{
  for (guint c = 0; c < trellis_roster_table_get_n_columns (table); c++)
    {
      g_autofree char *name = g_ascii_strdown (trellis_roster_table_get_column_name (table, c), -1);

      if (g_str_has_prefix (name, "metadata.") && strstr (name, "language") != NULL)
        return (int) c;
    }
  return -1;
}

static gboolean
read_users (TrellisRosterImport  *self,
            TrellisRosterTable   *users,
            TrellisRosterTable   *roles,
            GError              **error)
{
  g_autoptr(GHashTable) role_of = roles != NULL ? read_roles (roles) : NULL;
  int sourced = trellis_roster_table_find_column (users, "sourcedId");
  int role = trellis_roster_table_find_column (users, "role");
  int given = trellis_roster_table_find_column (users, "givenName");
  int middle = trellis_roster_table_find_column (users, "middleName");
  int family = trellis_roster_table_find_column (users, "familyName");
  int preferred = find_first_column (users, "preferredFirstName", "preferredGivenName");
  int pronouns = trellis_roster_table_find_column (users, "pronouns");
  int identifier = trellis_roster_table_find_column (users, "identifier");
  int email = trellis_roster_table_find_column (users, "email");
  int phone = trellis_roster_table_find_column (users, "phone");
  int sms = trellis_roster_table_find_column (users, "sms");
  int agents = trellis_roster_table_find_column (users, "agentSourcedIds");
  int grades = trellis_roster_table_find_column (users, "grades");
  int language = find_language_column (users);
  const char *name = trellis_roster_table_get_name (users);

  if (role < 0 && role_of == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   strcmp (self->version, "1.1") == 0
                   ? _("“users.csv”, line 1: the header has no role column, which OneRoster 1.1 "
                       "requires. Nothing was imported.")
                   : _("OneRoster 1.2 gives users’ roles in roles.csv, but the manifest marks it "
                       "absent and users.csv has no role column. Nothing was imported."));
      return FALSE;
    }
  if (trellis_roster_table_get_n_rows (users) > TRELLIS_ROSTER_MAX_USERS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PARSE,
                   _("“users.csv” has more than %d users; Trellis imports one district at most. "
                     "Nothing was imported."), TRELLIS_ROSTER_MAX_USERS);
      return FALSE;
    }

  for (guint row = 0; row < trellis_roster_table_get_n_rows (users); row++)
    {
      Person *person = g_new0 (Person, 1);
      const char *role_text;
      g_autofree char *phone_text = NULL;

      person->sourced_id = g_strdup (trellis_roster_table_get (users, row, sourced));
      person->line = trellis_roster_table_get_line (users, row);
      person->deleted = is_deleted (users, row);
      role_text = role_of != NULL && g_hash_table_contains (role_of, person->sourced_id)
                  ? g_hash_table_lookup (role_of, person->sourced_id)
                  : trellis_roster_table_get (users, row, role);
      person->role = g_ascii_strdown (role_text, -1);
      person->kind = kind_for_role (person->role);
      person->given = g_strdup (trellis_roster_table_get (users, row, given));
      person->family = g_strdup (trellis_roster_table_get (users, row, family));
      person->email = g_strdup (trellis_roster_table_get (users, row, email));
      person->identifier = g_strdup (trellis_roster_table_get (users, row, identifier));
      person->agents = g_strsplit (trellis_roster_table_get (users, row, agents), ",", -1);
      for (guint i = 0; person->agents[i] != NULL; i++)
        g_strstrip (person->agents[i]);
      g_hash_table_insert (self->people, person->sourced_id, person);
      g_ptr_array_add (self->order, person);

      if (!trellis_is_valid_email (person->email))
        {
          add_problem (self, self->read_problems,
                       _("“%s”, line %u: “%s” is not an email address; it was left out."),
                       name, person->line, person->email);
          g_clear_pointer (&person->email, g_free);
          person->email = g_strdup ("");
        }
      if (person->kind == PERSON_OTHER && !person->deleted)
        {
          add_problem (self, self->read_problems,
                       *person->role == '\0'
                       ? _("“%s”, line %u: the user has no role; skipped.")
                       : _("“%s”, line %u: the role “%s” is not one Trellis imports; skipped."),
                       name, person->line, person->role);
          continue;
        }
      if (*person->given == '\0' && *person->family == '\0' && !person->deleted)
        {
          add_problem (self, self->read_problems,
                       _("“%s”, line %u: the user has neither a given nor a family name; skipped."),
                       name, person->line);
          person->kind = PERSON_OTHER;
          continue;
        }

      phone_text = g_strdup (trellis_roster_table_get (users, row, phone));
      if (*phone_text == '\0')
        {
          g_free (phone_text);
          phone_text = g_strdup (trellis_roster_table_get (users, row, sms));
        }
      if (person->kind == PERSON_STUDENT)
        {
          person->values[VALUE_GIVEN_NAME] = g_strdup (person->given);
          person->values[VALUE_MIDDLE_NAME] = dup_or_null (users, row, middle);
          person->values[VALUE_FAMILY_NAME] = g_strdup (person->family);
          person->values[VALUE_PREFERRED_NAME] = dup_or_null (users, row, preferred);
          person->values[VALUE_PRONOUNS] = dup_or_null (users, row, pronouns);
          person->values[VALUE_STUDENT_NUMBER] = g_strdup (person->identifier);
          person->values[VALUE_EMAIL] = g_strdup (person->email);
          if (grades >= 0 && *trellis_roster_table_get (users, row, grades) != '\0')
            {
              person->values[VALUE_GRADE_LEVEL] = map_grade (trellis_roster_table_get (users, row, grades));
              if (person->values[VALUE_GRADE_LEVEL] == NULL)
                add_problem (self, self->read_problems,
                             _("“%s”, line %u: the grade “%s” is not one from pre-kindergarten to "
                               "grade 12; the grade level was left as it is."),
                             name, person->line, trellis_roster_table_get (users, row, grades));
            }
          person->guardians = g_ptr_array_new ();
        }
      else if (person->kind == PERSON_GUARDIAN)
        {
          g_autofree char *full = g_strjoin (" ", person->given, person->family, NULL);

          person->gvalues[GVALUE_NAME] = g_strdup (g_strstrip (full));
          person->gvalues[GVALUE_RELATIONSHIP] = g_strdup (person->role);
          person->gvalues[GVALUE_LANGUAGE] = g_strdup (trellis_roster_table_get (users, row, language));
          person->gvalues[GVALUE_EMAIL] = g_strdup (person->email);
          person->gvalues[GVALUE_PHONE] = g_steal_pointer (&phone_text);
        }
    }
  return TRUE;
}

static void
link_guardian (TrellisRosterImport *self,
               Person              *student,
               Person              *guardian)
{
  if (g_ptr_array_find (student->guardians, guardian, NULL))
    return;
  if (student->guardians->len >= MAX_GUARDIANS_PER_STUDENT)
    {
      add_problem (self, self->read_problems,
                   _("“users.csv”, line %u: the student has more than %d guardians; “%s” was "
                     "skipped."), student->line, MAX_GUARDIANS_PER_STUDENT, guardian->sourced_id);
      return;
    }
  g_ptr_array_add (student->guardians, guardian);
  guardian->linked = TRUE;
}

/* Links given from either side: a student's agents are guardians, a guardian's are students. */
static void
link_guardians (TrellisRosterImport *self)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Person *person = self->order->pdata[i];

      if (person->deleted || (person->kind != PERSON_STUDENT && person->kind != PERSON_GUARDIAN))
        continue;
      for (guint a = 0; person->agents[a] != NULL; a++)
        {
          const char *agent_id = person->agents[a];
          Person *agent = g_hash_table_lookup (self->people, agent_id);

          if (*agent_id == '\0')
            continue;
          if (agent == NULL)
            add_problem (self, self->read_problems,
                         _("“users.csv”, line %u: agentSourcedIds names “%s”, who is not in "
                           "users.csv; that link was skipped."), person->line, agent_id);
          else if (agent->deleted)
            continue;
          else if (person->kind == PERSON_STUDENT && agent->kind == PERSON_GUARDIAN)
            link_guardian (self, person, agent);
          else if (person->kind == PERSON_GUARDIAN && agent->kind == PERSON_STUDENT)
            link_guardian (self, agent, person);
          else if (agent->kind != PERSON_OTHER)
            add_problem (self, self->read_problems,
                         _("“users.csv”, line %u: agentSourcedIds names “%s” (%s), who is "
                           "neither this user’s guardian nor their student; that link was skipped."),
                         person->line, agent_id, agent->role);
        }
    }
}

static char *
dup_full_name (Person *person)
{
  g_autofree char *full = g_strjoin (" ", person->given, person->family, NULL);

  return g_strdup (g_strstrip (full));
}

/* Homerooms: the class with classType=homeroom a student is enrolled in, and its primary
 * teacher (or, when none is marked primary, its first teacher) as the advisor. */
static void
read_homerooms (TrellisRosterImport *self,
                TrellisRosterTable  *classes,
                TrellisRosterTable  *enrollments)
{
  g_autoptr(GHashTable) homerooms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) advisors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) primary_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) students = g_ptr_array_new ();
  g_autoptr(GPtrArray) student_classes = g_ptr_array_new ();
  int class_id = trellis_roster_table_find_column (classes, "sourcedId");
  int class_title = trellis_roster_table_find_column (classes, "title");
  int class_type = trellis_roster_table_find_column (classes, "classType");
  int e_class = trellis_roster_table_find_column (enrollments, "classSourcedId");
  int e_user = trellis_roster_table_find_column (enrollments, "userSourcedId");
  int e_role = trellis_roster_table_find_column (enrollments, "role");
  int e_primary = trellis_roster_table_find_column (enrollments, "primary");
  gboolean bulk = self->modes[FILE_ENROLLMENTS] == MODE_BULK && self->modes[FILE_CLASSES] == MODE_BULK;

  for (guint row = 0; row < trellis_roster_table_get_n_rows (classes); row++)
    {
      const char *id = trellis_roster_table_get (classes, row, class_id);

      g_hash_table_add (known, (gpointer) id);
      if (!is_deleted (classes, row) &&
          g_ascii_strcasecmp (trellis_roster_table_get (classes, row, class_type), "homeroom") == 0)
        g_hash_table_insert (homerooms, (gpointer) id,
                             (gpointer) trellis_roster_table_get (classes, row, class_title));
    }

  for (guint row = 0; row < trellis_roster_table_get_n_rows (enrollments); row++)
    {
      const char *class = trellis_roster_table_get (enrollments, row, e_class);
      const char *user_id = trellis_roster_table_get (enrollments, row, e_user);
      const char *role = trellis_roster_table_get (enrollments, row, e_role);
      Person *user = g_hash_table_lookup (self->people, user_id);
      guint line = trellis_roster_table_get_line (enrollments, row);

      if (is_deleted (enrollments, row))
        continue;
      if (!g_hash_table_contains (known, class))
        {
          if (self->modes[FILE_CLASSES] == MODE_BULK)
            add_problem (self, self->read_problems,
                         _("“enrollments.csv”, line %u: the class “%s” is not in classes.csv; "
                           "the enrollment was skipped."), line, class);
          continue;
        }
      if (!g_hash_table_contains (homerooms, class))
        continue;
      if (user == NULL)
        {
          add_problem (self, self->read_problems,
                       _("“enrollments.csv”, line %u: the user “%s” is not in users.csv; the "
                         "homeroom enrollment was skipped."), line, user_id);
          continue;
        }
      if (g_ascii_strcasecmp (role, "student") == 0 && user->kind == PERSON_STUDENT)
        {
          g_ptr_array_add (students, user);
          g_ptr_array_add (student_classes, (gpointer) class);
        }
      else if (g_ascii_strcasecmp (role, "teacher") == 0 && user->kind == PERSON_STAFF)
        {
          gboolean primary = g_ascii_strcasecmp (trellis_roster_table_get (enrollments, row, e_primary),
                                                 "true") == 0;

          if (!g_hash_table_contains (primary_set, class) &&
              (primary || !g_hash_table_contains (advisors, class)))
            g_hash_table_insert (advisors, (gpointer) class, user);
          if (primary)
            g_hash_table_add (primary_set, (gpointer) class);
        }
    }

  /* In bulk, a student in no homeroom has none; in a delta only enrollments listed change. */
  for (guint i = 0; bulk && i < self->order->len; i++)
    {
      Person *person = self->order->pdata[i];

      if (person->kind == PERSON_STUDENT)
        {
          person->values[VALUE_HOMEROOM] = g_strdup ("");
          person->values[VALUE_ADVISOR] = g_strdup ("");
        }
    }
  for (guint i = 0; i < students->len; i++)
    {
      Person *student = students->pdata[i];
      const char *class = student_classes->pdata[i];
      Person *advisor = g_hash_table_lookup (advisors, class);

      g_free (student->values[VALUE_HOMEROOM]);
      student->values[VALUE_HOMEROOM] = g_strdup (g_hash_table_lookup (homerooms, class));
      g_free (student->values[VALUE_ADVISOR]);
      student->values[VALUE_ADVISOR] = advisor != NULL ? dup_full_name (advisor) : g_strdup ("");
      if (advisor == NULL && g_hash_table_add (primary_set, (gpointer) class))
        add_problem (self, self->read_problems,
                     _("The homeroom “%s” has no teacher in enrollments.csv; its students get no "
                       "advisor."), (const char *) g_hash_table_lookup (homerooms, class));
    }
}

static void
read_demographics (TrellisRosterImport *self,
                   TrellisRosterTable  *demographics)
{
  int sourced = trellis_roster_table_find_column (demographics, "sourcedId");
  int birth = trellis_roster_table_find_column (demographics, "birthDate");

  for (guint row = 0; birth >= 0 && row < trellis_roster_table_get_n_rows (demographics); row++)
    {
      Person *person = g_hash_table_lookup (self->people,
                                            trellis_roster_table_get (demographics, row, sourced));
      const char *date = trellis_roster_table_get (demographics, row, birth);

      if (person != NULL && person->kind == PERSON_STUDENT && !is_deleted (demographics, row) &&
          *date != '\0')
        {
          g_free (person->values[VALUE_BIRTH_DATE]);
          person->values[VALUE_BIRTH_DATE] = g_strdup (date);
        }
    }
}

static void
read_school (TrellisRosterImport *self,
             TrellisRosterTable  *orgs)
{
  int name = trellis_roster_table_find_column (orgs, "name");
  int type = trellis_roster_table_find_column (orgs, "type");
  guint n_schools = 0;

  for (guint row = 0; row < trellis_roster_table_get_n_rows (orgs); row++)
    if (!is_deleted (orgs, row) &&
        g_ascii_strcasecmp (trellis_roster_table_get (orgs, row, type), "school") == 0 &&
        n_schools++ == 0)
      self->school_name = g_strdup (trellis_roster_table_get (orgs, row, name));
  if (n_schools > 1)
    add_problem (self, self->read_problems,
                 _("“orgs.csv” lists %u schools; Trellis keeps one school name, “%s”."),
                 n_schools, self->school_name);
}

/* The school year that holds today, else the latest, as Trellis writes it: 2026-2027. */
static void
read_school_year (TrellisRosterImport *self,
                  TrellisRosterTable  *sessions)
{
  int type = trellis_roster_table_find_column (sessions, "type");
  int start = trellis_roster_table_find_column (sessions, "startDate");
  int end = trellis_roster_table_find_column (sessions, "endDate");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *best_start = NULL, *best_end = NULL;
  gboolean best_current = FALSE;

  for (guint row = 0; row < trellis_roster_table_get_n_rows (sessions); row++)
    {
      const char *s = trellis_roster_table_get (sessions, row, start);
      const char *e = trellis_roster_table_get (sessions, row, end);
      gboolean current = strcmp (s, today) <= 0 && strcmp (today, e) <= 0;

      if (is_deleted (sessions, row) || *s == '\0' || *e == '\0' ||
          g_ascii_strcasecmp (trellis_roster_table_get (sessions, row, type), "schoolYear") != 0)
        continue;
      if (best_start == NULL || (current && !best_current) ||
          (current == best_current && strcmp (e, best_end) > 0))
        {
          best_start = s;
          best_end = e;
          best_current = current;
        }
    }
  if (best_start != NULL)
    self->school_year = g_strdup_printf ("%.4s-%.4s", best_start, best_end);
}

static gboolean
read_roster (TrellisRosterImport  *self,
             GHashTable           *files,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_roster_table_free);
  TrellisRosterTable *tables[N_FILES] = { NULL };

  if (!read_manifest (self, files, error))
    return FALSE;
  for (guint id = 0; id < N_FILES; id++)
    {
      if (self->modes[id] == MODE_ABSENT)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      tables[id] = read_table (self, files, id, error);
      if (tables[id] == NULL)
        return FALSE;
      g_ptr_array_add (owned, tables[id]);
    }
  if (!read_users (self, tables[FILE_USERS], tables[FILE_ROLES], error))
    return FALSE;
  link_guardians (self);
  for (guint i = 0; i < self->order->len; i++)
    {
      Person *person = self->order->pdata[i];

      if (person->kind == PERSON_GUARDIAN && !person->deleted && !person->linked)
        add_problem (self, self->read_problems,
                     _("“users.csv”, line %u: the guardian “%s” is linked to no student in the "
                       "roster; skipped."), person->line, person->gvalues[GVALUE_NAME]);
    }
  if (tables[FILE_CLASSES] != NULL && tables[FILE_ENROLLMENTS] != NULL)
    read_homerooms (self, tables[FILE_CLASSES], tables[FILE_ENROLLMENTS]);
  if (tables[FILE_DEMOGRAPHICS] != NULL)
    read_demographics (self, tables[FILE_DEMOGRAPHICS]);
  if (tables[FILE_ORGS] != NULL)
    read_school (self, tables[FILE_ORGS]);
  if (tables[FILE_SESSIONS] != NULL)
    read_school_year (self, tables[FILE_SESSIONS]);
  return TRUE;
}

/* Helpers: planning */

static void
count (TrellisRosterImport  *self,
       TrellisRosterKind     kind,
       TrellisRosterOutcome  outcome)
{
  self->counts[kind][outcome]++;
}

/* Every stored record of @type that has a sourcedId, keyed by it (the guardian rows of one
 * person share one, so for them @all is the list to use). */
static gboolean
load_roster_records (TrellisStore  *store,
                     GType          type,
                     GHashTable   **by_sourced_id,
                     GPtrArray    **all,
                     GError       **error)
{
  TrellisEntityClass *klass = g_type_class_ref (type);
  g_autofree char *columns = trellis_store_select_columns (type);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.sourced_id <> ''",
                                          columns, klass->table);
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, error);
  int rc;

  g_type_class_unref (klass);
  if (stmt == NULL)
    return FALSE;
  *by_sourced_id = g_hash_table_new (g_str_hash, g_str_equal);
  *all = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisEntity *entity = trellis_store_entity_from_row (type, stmt);

      g_ptr_array_add (*all, entity);
      g_hash_table_insert (*by_sourced_id, (gpointer) trellis_entity_get_text (entity, "sourced-id"),
                           entity);
    }
  return trellis_store_finish_statement (store, stmt, rc, error);
}

static gboolean
values_differ (TrellisEntity      *entity,
               const char * const *names,
               char * const       *values,
               guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *stored = NULL;

      if (values[i] == NULL)
        continue;
      stored = trellis_entity_dup_field_string (entity, trellis_entity_find_field (entity, names[i]));
      if (g_strcmp0 (stored != NULL ? stored : "", values[i]) != 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
set_values (TrellisEntity      *entity,
            const char * const *names,
            char * const       *values,
            guint               n_values,
            GError            **error)
{
  for (guint i = 0; i < n_values; i++)
    {
      const TrellisField *field = trellis_entity_find_field (entity, names[i]);
      const char *value = values[i];

      if (value == NULL)
        continue;
      if (field->type == TRELLIS_FIELD_DATE && *value == '\0')
        value = NULL;
      if (!trellis_entity_set_field_string (entity, field, value, error))
        return FALSE;
    }
  return TRUE;
}

static void
digest_change (GChecksum  *digest,
               const char *kind,
               const char *id)
{
  g_checksum_update (digest, (const guchar *) kind, -1);
  g_checksum_update (digest, (const guchar *) id, strlen (id) + 1);
}

static void
plan_students (TrellisRosterImport *self,
               GHashTable          *stored_students,
               GPtrArray           *all_students,
               GChecksum           *digest)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Person *person = self->order->pdata[i];
      TrellisEntity *stored = NULL;

      if (person->kind != PERSON_STUDENT)
        continue;
      stored = g_hash_table_lookup (stored_students, person->sourced_id);
      if (person->deleted)
        {
          if (stored != NULL && !trellis_entity_get_boolean (stored, "archived"))
            {
              add_change (self, CHANGE_STUDENT_SAVE, person, stored);
              count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_ARCHIVED);
              digest_change (digest, "student-archive", person->sourced_id);
            }
          else if (stored != NULL)
            count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_UNCHANGED);
          continue;
        }
      if (stored == NULL)
        {
          add_change (self, CHANGE_STUDENT_INSERT, person, NULL);
          count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_NEW);
          digest_change (digest, "student-new", person->sourced_id);
        }
      else if (trellis_entity_get_boolean (stored, "archived") ||
               values_differ (stored, student_fields, person->values, N_STUDENT_VALUES))
        {
          add_change (self, CHANGE_STUDENT_SAVE, person, stored);
          count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_UPDATED);
          digest_change (digest, "student-update", person->sourced_id);
        }
      else
        count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_UNCHANGED);
    }

  /* A bulk file lists every student: one it lacks has left the school. */
  if (self->modes[FILE_USERS] != MODE_BULK)
    return;
  for (guint i = 0; i < all_students->len; i++)
    {
      TrellisEntity *stored = all_students->pdata[i];
      Person *person = g_hash_table_lookup (self->people, trellis_entity_get_text (stored, "sourced-id"));

      if ((person == NULL || person->kind != PERSON_STUDENT) &&
          !trellis_entity_get_boolean (stored, "archived"))
        {
          add_change (self, CHANGE_STUDENT_SAVE, NULL, stored);
          count (self, TRELLIS_ROSTER_STUDENTS, TRELLIS_ROSTER_ARCHIVED);
          digest_change (digest, "student-archive", trellis_entity_get_text (stored, "sourced-id"));
        }
    }
}

typedef struct {
  guint existing;
  guint removed;
  guint changed;
  guint added;
} GuardianTally;

static GuardianTally *
tally_for (GHashTable *tallies,
           const char *sourced_id)
{
  GuardianTally *tally = g_hash_table_lookup (tallies, sourced_id);

  if (tally == NULL)
    {
      tally = g_new0 (GuardianTally, 1);
      g_hash_table_insert (tallies, (gpointer) sourced_id, tally);
    }
  return tally;
}

static void
guardian_change (TrellisRosterImport *self,
                 ChangeKind           kind,
                 Person              *guardian,
                 TrellisEntity       *row,
                 GHashTable          *tallies,
                 GChecksum           *digest)
{
  const char *sourced_id = guardian != NULL ? guardian->sourced_id
                                            : trellis_entity_get_text (row, "sourced-id");
  GuardianTally *tally = tally_for (tallies, sourced_id);

  add_change (self, kind, guardian, row);
  if (kind == CHANGE_GUARDIAN_DELETE)
    tally->removed++;
  else
    tally->changed++;
  digest_change (digest, kind == CHANGE_GUARDIAN_DELETE ? "guardian-remove" : "guardian-update",
                 trellis_entity_get_uuid (row));
}

static void
plan_guardians (TrellisRosterImport *self,
                GHashTable          *stored_students,
                GPtrArray           *all_guardians,
                GChecksum           *digest)
{
  g_autoptr(GHashTable) rows_by_student = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                                 (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) handled = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean bulk = self->modes[FILE_USERS] == MODE_BULK;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < all_guardians->len; i++)
    {
      TrellisEntity *row = all_guardians->pdata[i];
      gpointer student_key = GSIZE_TO_POINTER ((gsize) trellis_entity_get_reference (row, "student-id"));
      GPtrArray *rows = g_hash_table_lookup (rows_by_student, student_key);

      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (rows_by_student, student_key, rows);
        }
      g_ptr_array_add (rows, row);
      tally_for (tallies, trellis_entity_get_text (row, "sourced-id"))->existing++;
    }

  /* The students in the roster: their guardians are the roster's links. */
  for (guint i = 0; i < self->order->len; i++)
    {
      Person *student = self->order->pdata[i];
      TrellisEntity *stored;
      GPtrArray *rows = NULL;

      if (student->kind != PERSON_STUDENT || student->deleted)
        continue;
      stored = g_hash_table_lookup (stored_students, student->sourced_id);
      if (stored != NULL)
        rows = g_hash_table_lookup (rows_by_student,
                                    GSIZE_TO_POINTER ((gsize) trellis_entity_get_id (stored)));
      for (guint g = 0; g < student->guardians->len; g++)
        {
          Person *guardian = student->guardians->pdata[g];
          TrellisEntity *row = NULL;

          for (guint r = 0; rows != NULL && r < rows->len && row == NULL; r++)
            if (strcmp (trellis_entity_get_text (rows->pdata[r], "sourced-id"), guardian->sourced_id) == 0)
              row = rows->pdata[r];
          if (row != NULL)
            {
              g_hash_table_add (handled, row);
              if (values_differ (row, guardian_fields, guardian->gvalues, N_GUARDIAN_VALUES))
                guardian_change (self, CHANGE_GUARDIAN_SAVE, guardian, row, tallies, digest);
              continue;
            }
          add_change (self, CHANGE_GUARDIAN_INSERT, guardian, stored)->student = student;
          tally_for (tallies, guardian->sourced_id)->added++;
          digest_change (digest, "guardian-link", guardian->sourced_id);
          digest_change (digest, "", student->sourced_id);
        }
      for (guint r = 0; rows != NULL && r < rows->len; r++)
        {
          TrellisEntity *row = rows->pdata[r];
          Person *guardian = g_hash_table_lookup (self->people, trellis_entity_get_text (row, "sourced-id"));

          /* A delta may list the student without the guardian it still has. */
          if (g_hash_table_contains (handled, row) ||
              !(bulk || (guardian != NULL && guardian->kind == PERSON_GUARDIAN)))
            continue;
          g_hash_table_add (handled, row);
          guardian_change (self, CHANGE_GUARDIAN_DELETE, NULL, row, tallies, digest);
        }
    }

  /* Rows of students the roster does not list (a delta; archived students keep theirs). */
  for (guint i = 0; i < all_guardians->len; i++)
    {
      TrellisEntity *row = all_guardians->pdata[i];
      Person *guardian = g_hash_table_lookup (self->people, trellis_entity_get_text (row, "sourced-id"));

      if (g_hash_table_contains (handled, row) || guardian == NULL || guardian->kind != PERSON_GUARDIAN)
        continue;
      if (guardian->deleted)
        guardian_change (self, CHANGE_GUARDIAN_DELETE, NULL, row, tallies, digest);
      else if (values_differ (row, guardian_fields, guardian->gvalues, N_GUARDIAN_VALUES))
        guardian_change (self, CHANGE_GUARDIAN_SAVE, guardian, row, tallies, digest);
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GuardianTally *tally = value;
      Person *guardian = g_hash_table_lookup (self->people, key);
      gboolean listed = guardian != NULL && guardian->kind == PERSON_GUARDIAN && !guardian->deleted &&
                        guardian->linked;

      if (tally->existing == 0)
        count (self, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_NEW);
      else if (!listed && tally->removed == tally->existing)
        count (self, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_ARCHIVED);
      else if (tally->added + tally->changed + tally->removed > 0)
        count (self, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_UPDATED);
      else if (listed)
        count (self, TRELLIS_ROSTER_GUARDIANS, TRELLIS_ROSTER_UNCHANGED);
    }
}

/* Staff rows as one comparable text each. */
static char *
staff_text (const char *given,
            const char *family,
            const char *role,
            const char *email,
            const char *identifier,
            gboolean    archived)
{
  return g_strjoin ("\x1f", given, family, role, email, identifier, archived ? "1" : "0", NULL);
}

static gboolean
plan_staff (TrellisRosterImport  *self,
            TrellisStore         *store,
            GChecksum            *digest,
            GError              **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = trellis_store_prepare (store, "SELECT sourced_id, given_name, family_name, "
                                              "role, email, identifier, archived FROM staff", error);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text[6];

      for (int c = 0; c < 6; c++)
        text[c] = (const char *) sqlite3_column_text (stmt, c);
      g_hash_table_insert (stored, g_strdup (text[0]),
                           staff_text (text[1], text[2], text[3], text[4], text[5],
                                       sqlite3_column_int (stmt, 6)));
    }
  if (!trellis_store_finish_statement (store, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < self->order->len; i++)
    {
      Person *person = self->order->pdata[i];
      const char *was;
      g_autofree char *now = NULL;

      if (person->kind != PERSON_STAFF)
        continue;
      was = g_hash_table_lookup (stored, person->sourced_id);
      now = staff_text (person->given, person->family, person->role, person->email,
                        person->identifier, person->deleted);
      if (person->deleted && was == NULL)
        continue;
      if (was == NULL)
        count (self, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_NEW);
      else if (strcmp (was, now) == 0)
        count (self, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_UNCHANGED);
      else
        count (self, TRELLIS_ROSTER_STAFF, person->deleted ? TRELLIS_ROSTER_ARCHIVED : TRELLIS_ROSTER_UPDATED);
      if (was == NULL || strcmp (was, now) != 0)
        {
          add_change (self, CHANGE_STAFF_UPSERT, person, NULL);
          digest_change (digest, "staff", person->sourced_id);
        }
    }
  if (self->modes[FILE_USERS] != MODE_BULK)
    return TRUE;
  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Person *person = g_hash_table_lookup (self->people, key);

      if ((person == NULL || person->kind != PERSON_STAFF) && !g_str_has_suffix (value, "\x1f" "1"))
        {
          add_change (self, CHANGE_STAFF_ARCHIVE, NULL, NULL)->sourced_id = g_strdup (key);
          count (self, TRELLIS_ROSTER_STAFF, TRELLIS_ROSTER_ARCHIVED);
          digest_change (digest, "staff-archive", key);
        }
    }
  return TRUE;
}

static gboolean
setting_differs (TrellisStore *store,
                 const char   *key,
                 const char   *value)
{
  g_autofree char *stored = NULL;

  if (value == NULL || *value == '\0')
    return FALSE;
  stored = trellis_store_dup_setting (store, key);
  return g_strcmp0 (stored, value) != 0;
}

/* Matches every person with the database and works out the changes. */
static gboolean
plan_import (TrellisRosterImport  *self,
             TrellisStore         *store,
             GError              **error)
{
  g_autoptr(GHashTable) students = NULL;
  g_autoptr(GHashTable) guardians = NULL;
  g_autoptr(GPtrArray) all_students = NULL;
  g_autoptr(GPtrArray) all_guardians = NULL;
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);

  self->planned = FALSE;
  g_ptr_array_set_size (self->changes, 0);
  g_ptr_array_set_size (self->problems, 0);
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < self->read_problems->len; i++)
    g_ptr_array_add (self->problems, g_strdup (self->read_problems->pdata[i]));

  if (!load_roster_records (store, TRELLIS_TYPE_STUDENT, &students, &all_students, error) ||
      !load_roster_records (store, TRELLIS_TYPE_GUARDIAN, &guardians, &all_guardians, error))
    return FALSE;
  plan_students (self, students, all_students, digest);
  plan_guardians (self, students, all_guardians, digest);
  if (!plan_staff (self, store, digest, error))
    return FALSE;
  self->school_name_changes = setting_differs (store, "school-name", self->school_name);
  self->school_year_changes = setting_differs (store, "school-year", self->school_year);
  digest_change (digest, "school", self->school_name_changes ? self->school_name : "");
  digest_change (digest, "year", self->school_year_changes ? self->school_year : "");

  g_free (self->digest);
  self->digest = g_strdup (g_checksum_get_string (digest));
  g_ptr_array_add (self->problems, NULL);
  self->planned = TRUE;
  return TRUE;
}

/* Helpers: applying */

static gboolean
apply_student (TrellisRosterImport  *self,
               TrellisStore         *store,
               Change               *change,
               GHashTable           *inserted,
               GError              **error)
{
  Person *person = change->person;

  if (change->kind == CHANGE_STUDENT_INSERT)
    {
      g_autoptr(TrellisStudent) student = trellis_student_new ();

      if (!set_values (TRELLIS_ENTITY (student), student_fields, person->values, N_STUDENT_VALUES, error))
        return FALSE;
      g_object_set (student, "sourced-id", person->sourced_id, NULL);
      /* Like every import, new records carry no history row each: the roster is their source. */
      if (!trellis_store_insert_full (store, TRELLIS_ENTITY (student), TRUE, error))
        return FALSE;
      g_hash_table_insert (inserted, person, g_object_ref (student));
      return TRUE;
    }
  if (person != NULL && !person->deleted &&
      !set_values (change->entity, student_fields, person->values, N_STUDENT_VALUES, error))
    return FALSE;
  g_object_set (change->entity, "archived", person == NULL || person->deleted, NULL);
  return trellis_store_save (store, change->entity, error);
}

static gboolean
apply_guardian (TrellisRosterImport  *self,
                TrellisStore         *store,
                Change               *change,
                GHashTable           *inserted,
                GError              **error)
{
  g_autoptr(TrellisGuardian) guardian = NULL;
  TrellisEntity *student;
  sqlite3_stmt *stmt;
  int position = 0;

  if (change->kind == CHANGE_GUARDIAN_DELETE)
    return trellis_store_delete (store, change->entity, NULL, error);
  if (change->kind == CHANGE_GUARDIAN_SAVE)
    return set_values (change->entity, guardian_fields, change->person->gvalues, N_GUARDIAN_VALUES, error) &&
           trellis_store_save (store, change->entity, error);

  student = change->entity != NULL ? change->entity : g_hash_table_lookup (inserted, change->student);
  g_assert (student != NULL);
  stmt = trellis_store_prepare (store, "SELECT COALESCE(MAX(position) + 1, 0) FROM guardian "
                                       "WHERE student_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_entity_get_id (student));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  guardian = trellis_guardian_new ();
  if (!set_values (TRELLIS_ENTITY (guardian), guardian_fields, change->person->gvalues,
                   N_GUARDIAN_VALUES, error))
    return FALSE;
  g_object_set (guardian, "student-id", trellis_entity_get_id (student), "position", position,
                "sourced-id", change->person->sourced_id, NULL);
  return trellis_store_insert_full (store, TRELLIS_ENTITY (guardian), TRUE, error);
}

static gboolean
apply_staff (TrellisRosterImport  *self,
             TrellisStore         *store,
             Change               *change,
             const char           *now,
             GError              **error)
{
  const char *author = trellis_store_get_editor_name (store);
  Person *person = change->person;
  sqlite3_stmt *stmt;

  if (change->kind == CHANGE_STAFF_ARCHIVE)
    {
      stmt = trellis_store_prepare (store, "UPDATE staff SET archived = 1, updated_at = ?, "
                                           "updated_by = ? WHERE sourced_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, author, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, change->sourced_id, -1, SQLITE_STATIC);
      return trellis_store_step_done (store, stmt, error);
    }
  stmt = trellis_store_prepare (store,
                                "INSERT INTO staff (sourced_id, given_name, family_name, role, email, "
                                "identifier, archived, created_at, updated_at, updated_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sourced_id) DO UPDATE "
                                "SET given_name = excluded.given_name, family_name = excluded.family_name, "
                                "role = excluded.role, email = excluded.email, "
                                "identifier = excluded.identifier, archived = excluded.archived, "
                                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person->sourced_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, person->given, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, person->family, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, person->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, person->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, person->identifier, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, person->deleted);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, author, -1, SQLITE_STATIC);
  return trellis_store_step_done (store, stmt, error);
}

static gboolean
apply_changes (TrellisRosterImport  *self,
               TrellisStore         *store,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autoptr(GHashTable) inserted = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          g_object_unref);
  g_autoptr(GDateTime) time = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format_iso8601 (time);

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = self->changes->pdata[i];
      gboolean ok;

      if ((i & 0xff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED,
                               _("The roster import was cancelled; nothing was imported."));
          return FALSE;
        }
      switch (change->kind)
        {
        case CHANGE_STUDENT_INSERT:
        case CHANGE_STUDENT_SAVE:
          ok = apply_student (self, store, change, inserted, error);
          break;
        case CHANGE_GUARDIAN_INSERT:
        case CHANGE_GUARDIAN_SAVE:
        case CHANGE_GUARDIAN_DELETE:
          ok = apply_guardian (self, store, change, inserted, error);
          break;
        case CHANGE_STAFF_UPSERT:
        case CHANGE_STAFF_ARCHIVE:
          ok = apply_staff (self, store, change, now, error);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }
  if (self->school_name_changes &&
      !trellis_store_set_setting (store, "school-name", self->school_name, error))
    return FALSE;
  if (self->school_year_changes &&
      !trellis_store_set_setting (store, "school-year", self->school_year, error))
    return FALSE;
  return TRUE;
}

/* GObject */

static void
trellis_roster_import_finalize (GObject *object)
{
  TrellisRosterImport *self = TRELLIS_ROSTER_IMPORT (object);

  reset (self);
  g_clear_object (&self->store);
  g_free (self->path);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->order);
  g_hash_table_unref (self->people);
  g_ptr_array_unref (self->read_problems);
  g_ptr_array_unref (self->problems);
  G_OBJECT_CLASS (trellis_roster_import_parent_class)->finalize (object);
}

static void
trellis_roster_import_class_init (TrellisRosterImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_roster_import_finalize;
}

static void
trellis_roster_import_init (TrellisRosterImport *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->order = g_ptr_array_new ();
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, person_free);
  self->read_problems = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

/**
 * trellis_roster_import_new:
 * @store: the database to import into
 * @path: a OneRoster export: a folder or a zip file
 *
 * Returns: (transfer full): an import that has read nothing yet
 */
TrellisRosterImport *
trellis_roster_import_new (TrellisStore *store,
                           const char   *path)
{
  TrellisRosterImport *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_ROSTER_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  return self;
}

const char *
trellis_roster_import_get_path (TrellisRosterImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), NULL);
  return self->path;
}

static gboolean
read_files (TrellisRosterImport  *self,
            TrellisStore         *store,
            GHashTable           *files,
            GCancellable         *cancellable,
            GError              **error)
{
  gint64 start = g_get_monotonic_time ();

  if (files == NULL)
    return FALSE;
  if (!read_roster (self, files, cancellable, error))
    {
      reset (self);
      return FALSE;
    }
  g_debug ("Read %u users in %.2f s", self->order->len, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  if (!plan_import (self, store, error))
    {
      reset (self);
      return FALSE;
    }
  g_debug ("Planned %u changes in %.2f s", self->changes->len, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

static gboolean
read_job (TrellisRosterImport  *self,
          TrellisStore         *store,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(GHashTable) files = NULL;

  reset (self);
  files = trellis_roster_files_read (self->path, cancellable, error);
  return read_files (self, store, files, cancellable, error);
}

/**
 * trellis_roster_import_read:
 * @self: an import
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and checks every file of the export, then works out what applying it would do (the
 * preview). Changes nothing.
 *
 * Returns: %FALSE with @error set (%TRELLIS_ERROR_PARSE naming file, line and column) when the
 *   roster cannot be imported
 */
gboolean
trellis_roster_import_read (TrellisRosterImport  *self,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), FALSE);

  return read_job (self, self->store, cancellable, error);
}

/**
 * trellis_roster_import_read_async:
 * @self: an import
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * trellis_roster_import_read() in a worker thread, on a connection of its own.
 */
void
trellis_roster_import_read_async (TrellisRosterImport *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_ROSTER_IMPORT (self));
  trellis_store_job_run_async (self, self->store, (TrellisStoreJobFunc) read_job,
                               trellis_roster_import_read_async, cancellable, callback, user_data);
}

gboolean
trellis_roster_import_read_finish (TrellisRosterImport  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * trellis_roster_import_read_zip_data:
 * @self: an import
 * @data: (array length=size): a zip file in memory
 * @size: its length
 * @error: return location for a #GError
 *
 * As trellis_roster_import_read(), for a zip already in memory (the fuzzer's way in).
 *
 * Returns: %FALSE with @error set when the roster cannot be imported
 */
gboolean
trellis_roster_import_read_zip_data (TrellisRosterImport  *self,
                                     const void           *data,
                                     gsize                 size,
                                     GError              **error)
{
  g_autoptr(GHashTable) files = NULL;

  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), FALSE);

  reset (self);
  files = trellis_roster_files_read_zip_data (self->path, data, size, error);
  return read_files (self, self->store, files, NULL, error);
}

/**
 * trellis_roster_import_get_version:
 * @self: an import that was read
 *
 * Returns: (nullable): the OneRoster version the manifest gives, `1.1` or `1.2`
 */
const char *
trellis_roster_import_get_version (TrellisRosterImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), NULL);
  return self->version;
}

/**
 * trellis_roster_import_count:
 * @self: an import that was read
 * @kind: students, guardians or staff
 * @outcome: what applying does to them
 *
 * Returns: how many people of @kind applying the roster would treat so
 */
guint
trellis_roster_import_count (TrellisRosterImport  *self,
                             TrellisRosterKind     kind,
                             TrellisRosterOutcome  outcome)
{
  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), 0);
  g_return_val_if_fail (kind < TRELLIS_ROSTER_N_KINDS && outcome < TRELLIS_ROSTER_N_OUTCOMES, 0);
  return self->counts[kind][outcome];
}

/**
 * trellis_roster_import_get_problems:
 * @self: an import that was read
 *
 * Returns: (transfer none): what the import skipped or left as it was, one sentence each with
 *   its file and line; empty when there was nothing
 */
const char * const *
trellis_roster_import_get_problems (TrellisRosterImport *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), NULL);
  return self->planned ? (const char * const *) self->problems->pdata : none;
}

/**
 * trellis_roster_import_dup_summary:
 * @self: an import that was read
 *
 * Returns: (transfer full): the preview in sentences (a dry run prints it)
 */
char *
trellis_roster_import_dup_summary (TrellisRosterImport *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  const guint *c;
  guint n_problems;

  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), NULL);
  g_return_val_if_fail (self->planned, NULL);

  g_string_append_printf (summary, _("OneRoster %s, users %s\n"), self->version,
                          self->modes[FILE_USERS] == MODE_BULK ? _("in bulk") : _("as a delta"));
  c = self->counts[TRELLIS_ROSTER_STUDENTS];
  g_string_append_printf (summary, _("Students: %u new, %u updated, %u archived, %u unchanged\n"),
                          c[TRELLIS_ROSTER_NEW], c[TRELLIS_ROSTER_UPDATED], c[TRELLIS_ROSTER_ARCHIVED],
                          c[TRELLIS_ROSTER_UNCHANGED]);
  c = self->counts[TRELLIS_ROSTER_GUARDIANS];
  g_string_append_printf (summary, _("Guardians: %u new, %u updated, %u removed, %u unchanged\n"),
                          c[TRELLIS_ROSTER_NEW], c[TRELLIS_ROSTER_UPDATED], c[TRELLIS_ROSTER_ARCHIVED],
                          c[TRELLIS_ROSTER_UNCHANGED]);
  c = self->counts[TRELLIS_ROSTER_STAFF];
  g_string_append_printf (summary, _("Staff: %u new, %u updated, %u archived, %u unchanged\n"),
                          c[TRELLIS_ROSTER_NEW], c[TRELLIS_ROSTER_UPDATED], c[TRELLIS_ROSTER_ARCHIVED],
                          c[TRELLIS_ROSTER_UNCHANGED]);
  if (self->school_name_changes)
    g_string_append_printf (summary, _("School: %s\n"), self->school_name);
  if (self->school_year_changes)
    g_string_append_printf (summary, _("School year: %s\n"), self->school_year);
  n_problems = self->problems->len - 1 + self->n_more_problems;
  if (n_problems > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u problem:\n", "%u problems:\n",
                                                  n_problems), n_problems);
  for (guint i = 0; i + 1 < self->problems->len; i++)
    g_string_append_printf (summary, "  %s\n", (const char *) self->problems->pdata[i]);
  if (self->n_more_problems > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "  … and %u more\n",
                                                  "  … and %u more\n", self->n_more_problems),
                            self->n_more_problems);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static gboolean
apply_job (TrellisRosterImport  *self,
           TrellisStore         *store,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autofree char *previewed = g_strdup (self->digest);

  if (!trellis_store_begin (store, error))
    return FALSE;
  if (!plan_import (self, store, error))
    return trellis_store_rollback_failed (store);
  if (strcmp (previewed, self->digest) != 0)
    {
      trellis_store_rollback (store);
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                           _("The database changed since the preview was made, so nothing was "
                             "imported. The preview now shows what importing would do; import "
                             "again to apply it."));
      return FALSE;
    }
  if (!apply_changes (self, store, cancellable, error))
    return trellis_store_rollback_failed (store);
  return trellis_store_commit (store, error);
}

/**
 * trellis_roster_import_apply:
 * @self: an import that was read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Applies the previewed changes in one transaction that first plans again: when the database
 * changed since the preview, nothing is stored, the preview is brought up to date and the
 * error says so.
 *
 * Returns: %FALSE with @error set, and nothing changed, on failure
 */
gboolean
trellis_roster_import_apply (TrellisRosterImport  *self,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_return_val_if_fail (TRELLIS_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (self->planned, FALSE);
  return apply_job (self, self->store, cancellable, error);
}

/**
 * trellis_roster_import_apply_async:
 * @self: an import that was read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * trellis_roster_import_apply() in a worker thread, on a connection of its own.
 */
void
trellis_roster_import_apply_async (TrellisRosterImport *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_ROSTER_IMPORT (self));
  g_return_if_fail (self->planned);
  trellis_store_job_run_async (self, self->store, (TrellisStoreJobFunc) apply_job,
                               trellis_roster_import_apply_async, cancellable, callback, user_data);
}

gboolean
trellis_roster_import_apply_finish (TrellisRosterImport  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
