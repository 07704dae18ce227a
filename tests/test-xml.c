/* test-xml.c — the plan file: schema, export, safe import and merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-framework.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-plan.h"
#include "trellis-sample-school.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"
#include "trellis-xml-export.h"
#include "trellis-xml-format.h"
#include "trellis-xml-import.h"

#define EXPORTED_AT "2026-11-23T12:00:00.000Z"
#define NS "https://trellisplp.org/ns/plp/1"
#define ROOT "<trellis xmlns=\"" NS "\" version=\"1.0\" exported-at=\"2026-01-01T00:00:00Z\">"
#define IDENTITY \
  "created-at=\"2026-01-01T00:00:00Z\" created-by=\"\" updated-at=\"2026-01-01T00:00:00Z\" updated-by=\"\""
#define STUDENT_START \
  "<student uuid=\"00000000-0000-4000-8000-000000000001\" created-at=\"2026-01-01T00:00:00Z\" " \
  "created-by=\"\" updated-at=\"2026-01-01T00:00:00Z\" updated-by=\"\">"

/* Helpers */

static char *
schema_path (void)
{
  return trellis_test_source_path ("data", "trellis-plp-1.xsd", NULL);
}

static void
export_to (TrellisStore *store,
           const char   *path,
           const char   *student_uuid)
{
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(GError) error = NULL;

  trellis_xml_export_set_exported_at (export, EXPORTED_AT);
  if (student_uuid != NULL)
    trellis_xml_export_add_student_uuid (export, student_uuid);
  g_assert_true (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A database with no records at all: the default framework a new file gets is removed. */
static TrellisStore *
open_empty_store (char **dir)
{
  TrellisStore *store = trellis_test_open_store (dir);
  g_autoptr(TrellisEntity) framework = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK,
                                                           trellis_store_get_default_framework (store), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (framework);
  g_assert_true (trellis_store_delete (store, framework, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, 0);
  return store;
}

static TrellisXmlImport *
read_ok (TrellisStore *store,
         const char   *path)
{
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_xml_import_read (import, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
import_all (TrellisStore *store,
            const char   *path)
{
  g_autoptr(TrellisXmlImport) import = read_ok (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);
}

static gint64
student_id_of (TrellisStore *store,
               const char   *uuid)
{
  g_autoptr(TrellisEntity) student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, uuid, NULL);

  g_assert_nonnull (student);
  return trellis_entity_get_id (student);
}

/* The first goal of the student's first plan. */
static char *
first_goal_uuid (TrellisStore *store,
                 const char   *student_uuid)
{
  g_autoptr(GListModel) plans = trellis_store_list (store, TRELLIS_TYPE_PLAN, "student-id",
                                                    student_id_of (store, student_uuid), NULL);
  g_autoptr(TrellisEntity) plan = g_list_model_get_item (plans, 0);
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(TrellisEntity) goal = NULL;

  g_assert_nonnull (plan);
  goals = trellis_store_list (store, TRELLIS_TYPE_GOAL, "plan-id", trellis_entity_get_id (plan), NULL);
  goal = g_list_model_get_item (goals, 0);
  g_assert_nonnull (goal);
  return g_strdup (trellis_entity_get_uuid (goal));
}

static guint
n_links_of (TrellisStore *store,
            const char   *goal_uuid)
{
  g_autoptr(TrellisEntity) goal = trellis_store_load_by_uuid (store, TRELLIS_TYPE_GOAL, goal_uuid, NULL);
  g_autoptr(GArray) links = NULL;

  g_assert_nonnull (goal);
  links = trellis_store_list_goal_competencies (store, trellis_entity_get_id (goal), NULL);
  g_assert_nonnull (links);
  return links->len;
}

/* Links the goal to the first competency it is not linked to yet. */
static void
link_another_competency (TrellisStore *store,
                         const char   *goal_uuid)
{
  g_autoptr(TrellisEntity) goal = trellis_store_load_by_uuid (store, TRELLIS_TYPE_GOAL, goal_uuid, NULL);
  g_autoptr(GArray) links = trellis_store_list_goal_competencies (store, trellis_entity_get_id (goal), NULL);
  g_autoptr(GListModel) competencies = trellis_store_list (store, TRELLIS_TYPE_COMPETENCY, NULL, 0, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (competencies); i++)
    {
      g_autoptr(TrellisEntity) competency = g_list_model_get_item (competencies, i);
      gint64 id = trellis_entity_get_id (competency);
      gboolean linked = FALSE;

      for (guint l = 0; l < links->len; l++)
        linked = linked || g_array_index (links, gint64, l) == id;
      if (linked)
        continue;
      g_assert_true (trellis_store_link_competency (store, trellis_entity_get_id (goal), id, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

static guint
n_guardians_of (TrellisStore *store,
                const char   *student_uuid)
{
  g_autoptr(GListModel) guardians = trellis_store_list (store, TRELLIS_TYPE_GUARDIAN, "student-id",
                                                        student_id_of (store, student_uuid), NULL);

  return g_list_model_get_n_items (guardians);
}

static void
add_guardian (TrellisStore *store,
              const char   *student_uuid)
{
  g_autoptr(TrellisEntity) guardian = g_object_new (TRELLIS_TYPE_GUARDIAN,
                                                    "student-id", student_id_of (store, student_uuid),
                                                    "name", "Ayo Theirs", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_insert (store, guardian, &error));
  g_assert_no_error (error);
}

/* Tests: the format */

static void
test_xml_schema_follows_field_tables (void)
{
  g_autofree char *path = schema_path ();
  g_autofree char *generated = trellis_xml_format_dup_schema ();
  g_autofree char *shipped = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &shipped, NULL, &error));
  g_assert_no_error (error);
  /* When a field changes, regenerate data/trellis-plp-1.xsd from trellis_xml_format_dup_schema(). */
  g_assert_cmpstr (shipped, ==, generated);
  g_assert_nonnull (trellis_xml_format_get_schema (&error));
  g_assert_no_error (error);
}

static void
test_xml_samples_validate_and_import (void)
{
  const char *samples[] = { "one-student.xml", "sample-school.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = trellis_test_source_path ("data", "samples", samples[i], NULL);
      g_autofree char *dir = NULL;
      g_autoptr(TrellisStore) store = open_empty_store (&dir);
      g_autoptr(TrellisXmlImport) import = NULL;

      trellis_test_assert_valid_plan_file (path);
      import = read_ok (store, path);
      g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), >=, 1);
      g_assert_true (trellis_xml_import_apply (import, NULL, NULL));
      g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), >=, 1);
      g_clear_object (&store);
      trellis_test_remove_tree (dir);
    }
}

/* Tests: export */

static void
test_xml_round_trip_is_byte_identical (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) empty = open_empty_store (&empty_dir);
  g_autofree char *first = g_build_filename (dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (dir, "second.xml", NULL);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_sample_school_populate (store, 30, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  export_to (store, first, NULL);
  trellis_test_assert_valid_plan_file (first);

  import_all (empty, first);
  g_assert_cmpint (trellis_store_count (empty, TRELLIS_TYPE_STUDENT), ==, 30);
  export_to (empty, second, NULL);
  trellis_test_assert_valid_plan_file (second);

  first_bytes = trellis_test_read_bytes (first);
  second_bytes = trellis_test_read_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  g_clear_object (&store);
  g_clear_object (&empty);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (empty_dir);
}

static void
test_xml_export_selection (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *path = g_build_filename (dir, "one.xml", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(TrellisXmlExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) empty = open_empty_store (&empty_dir);

  g_assert_true (trellis_sample_school_populate (store, 5, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  uuid = trellis_test_dup_student_uuid (store, 2);
  export_to (store, path, uuid);
  trellis_test_assert_valid_plan_file (path);

  /* One student, with the framework the plan uses, so the file stands on its own. */
  import = read_ok (empty, path);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_NEW), ==, 1);

  export = trellis_xml_export_new (store);
  trellis_xml_export_add_student_uuid (export, "00000000-0000-4000-8000-00000000dead");
  g_assert_false (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);

  g_clear_object (&store);
  g_clear_object (&empty);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (empty_dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (listing) != NULL)
    count++;
  return count;
}

static void
test_xml_failed_export_keeps_earlier_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "plans.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "plans.xml", NULL);
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_sample_school_populate (store, 3, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the earlier export", -1, NULL));
  before = trellis_test_read_bytes (path);

  g_cancellable_cancel (cancellable);
  g_assert_false (trellis_xml_export_write (export, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED);
  g_clear_error (&error);
  after = trellis_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (out_dir), ==, 1);   /* no temporary file left behind */

  g_assert_false (trellis_xml_export_write (export, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (trellis_xml_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  trellis_test_assert_valid_plan_file (path);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

/* Tests: hostile and broken input */

typedef struct
{
  const char *name;
  const char *content;   /* NULL: made by the test */
  const char *expect;    /* a piece of the message */
} Hostile;

static const Hostile hostile[] = {
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n"
    ROOT STUDENT_START "<given-name>&lol9;</given-name></student></trellis>\n", "DOCTYPE" },
  { "external-entity-file",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE trellis [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
    ROOT STUDENT_START "<given-name>&secret;</given-name></student></trellis>\n", "DOCTYPE" },
  { "external-entity-url",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE trellis [<!ENTITY remote SYSTEM \"http://example.org/x\">]>\n"
    ROOT STUDENT_START "<given-name>&remote;</given-name></student></trellis>\n", "DOCTYPE" },
  { "external-dtd",
    "<?xml version=\"1.0\"?>\n<!-- a comment first -->\n<!DOCTYPE trellis SYSTEM \"http://example.org/plp.dtd\">\n"
    ROOT "</trellis>\n", "DOCTYPE" },
  { "truncated", "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START "<given-name>Lan</giv", "line 2" },
  { "wrong-namespace",
    "<?xml version=\"1.0\"?>\n<trellis xmlns=\"urn:example:other\" version=\"1.0\" "
    "exported-at=\"2026-01-01T00:00:00Z\"/>\n", "not a Trellis plan file" },
  { "newer-version",
    "<?xml version=\"1.0\"?>\n<trellis xmlns=\"" NS "\" version=\"2.0\" "
    "exported-at=\"2026-01-01T00:00:00Z\"/>\n", "version 2.0" },
  { "invalid-utf8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" ROOT STUDENT_START
    "<given-name>L\xc3\x28n</given-name></student></trellis>\n", "UTF-8" },
  { "not-the-format", "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START
    "<given-name>Lan</given-name><shoe-size>5</shoe-size></student></trellis>\n", "line 2, column" },
  { "dangling-reference", "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START
    "<given-name>Lan</given-name><plan uuid=\"00000000-0000-4000-8000-000000000002\" "
    "created-at=\"2026-01-01T00:00:00Z\" created-by=\"\" updated-at=\"2026-01-01T00:00:00Z\" updated-by=\"\">"
    "<school-year>2026-2027</school-year><framework-ref>00000000-0000-4000-8000-0000000000ff</framework-ref>"
    "</plan></student></trellis>\n", "neither in the file nor in this database" },
  /* Past the first 64 KB, libxml2 once parsed the DTD: the laughs were refused only by its limits. */
  { "doctype-after-long-comment", NULL, "DOCTYPE" },
  /* Applying goes in file order: a note's goal further on once lost its link without a word. */
  { "forward-reference", "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START "<given-name>Lan</given-name>"
    "<plan uuid=\"00000000-0000-4000-8000-000000000002\" " IDENTITY "><school-year>2026-2027</school-year>"
    "<note uuid=\"00000000-0000-4000-8000-000000000003\" " IDENTITY ">"
    "<goal-ref>00000000-0000-4000-8000-000000000005</goal-ref><author-name>Lan</author-name>"
    "<body>Next: my goal for next year.</body></note></plan>\n"
    "<plan uuid=\"00000000-0000-4000-8000-000000000004\" " IDENTITY "><school-year>2027-2028</school-year>"
    "<goal uuid=\"00000000-0000-4000-8000-000000000005\" " IDENTITY "><title>Speak up</title></goal>"
    "</plan></student></trellis>\n", "“Goal” refers to 00000000-0000-4000-8000-000000000005, which comes later" },
  /* A note may only be about a goal of its own plan, not another plan's (or student's). */
  { "goal-of-another-plan", "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START "<given-name>Lan</given-name>"
    "<plan uuid=\"00000000-0000-4000-8000-000000000002\" " IDENTITY "><school-year>2026-2027</school-year>"
    "<goal uuid=\"00000000-0000-4000-8000-000000000005\" " IDENTITY "><title>Speak up</title></goal></plan>\n"
    "<plan uuid=\"00000000-0000-4000-8000-000000000004\" " IDENTITY "><school-year>2027-2028</school-year>"
    "<note uuid=\"00000000-0000-4000-8000-000000000003\" " IDENTITY ">"
    "<goal-ref>00000000-0000-4000-8000-000000000005</goal-ref><author-name>Lan</author-name>"
    "<body>About someone else's goal.</body></note></plan></student></trellis>\n",
    "a goal of another plan" },
  { "deep-nesting", NULL, "line" },
  { "huge-text", NULL, "1 MB" },
  /* A '>' in an attribute or a text once made libxml2 parse quadratically: hours for 20 MB. */
  { "huge-attribute", NULL, "1 MB" },
  { "huge-text-of-markup", NULL, "1 MB" },
  { "too-large", NULL, "more than" },
};

/* @head, @megabytes MB of @fill repeated, then @tail. */
static void
write_huge_file (const char *path,
                 const char *head,
                 const char *fill,
                 guint       megabytes,
                 const char *tail)
{
  gsize chunk_len = 1024 * 1024, fill_len = strlen (fill);
  g_autofree char *chunk = g_malloc (chunk_len);
  FILE *file;

  for (gsize i = 0; i < chunk_len; i++)
    chunk[i] = fill[i % fill_len];
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  fputs (head, file);
  for (guint i = 0; i < megabytes; i++)
    fwrite (chunk, 1, chunk_len, file);
  fputs (tail, file);
  fclose (file);
}

static void
make_hostile_file (const Hostile *test,
                   const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (test->content != NULL)
    {
      g_assert_true (g_file_set_contents (path, test->content, -1, &error));
    }
  else if (g_str_equal (test->name, "doctype-after-long-comment"))
    {
      g_autoptr(GString) text = g_string_new (hostile[0].content);   /* the billion laughs */
      g_autoptr(GString) comment = g_string_new ("<!--");

      while (comment->len < 100 * 1024)
        g_string_append (comment, " a comment longer than 64 KB");
      g_string_append (comment, " -->\n");
      g_string_insert (text, strlen ("<?xml version=\"1.0\"?>\n"), comment->str);
      g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
    }
  else if (g_str_equal (test->name, "deep-nesting"))
    {
      g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n" ROOT);

      for (guint i = 0; i < 10000; i++)
        g_string_append (text, "<student>");
      for (guint i = 0; i < 10000; i++)
        g_string_append (text, "</student>");
      g_string_append (text, "</trellis>\n");
      g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
    }
  else if (g_str_equal (test->name, "huge-text"))
    {
      /* 100 MB: one name that never ends. */
      write_huge_file (path, "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START "<given-name>", "a", 100,
                       "</given-name></student></trellis>\n");
    }
  else if (g_str_equal (test->name, "huge-attribute"))
    {
      write_huge_file (path, "<?xml version=\"1.0\"?>\n<trellis xmlns=\"" NS "\" version=\"1.0\" exported-at=\"",
                       "a>", 20, "\"/>\n");
    }
  else if (g_str_equal (test->name, "huge-text-of-markup"))
    {
      write_huge_file (path, "<?xml version=\"1.0\"?>\n" ROOT STUDENT_START "<given-name>", ">", 20,
                       "</given-name></student></trellis>\n");
    }
  else if (g_str_equal (test->name, "too-large"))
    {
      /* A sparse file over the size limit: refused before a byte is read. */
      int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) TRELLIS_XML_IMPORT_MAX_SIZE + 64 * 1024 * 1024), ==, 0);
      close (fd);
    }
  g_assert_no_error (error);
}

static void
test_xml_hostile_input_is_refused (gconstpointer data)
{
  const Hostile *test = data;
  g_autofree char *dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autofree char *name = g_strdup_printf ("%s.xml", test->name);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 students, frameworks, start;

  make_hostile_file (test, path);
  students = trellis_store_count (store, TRELLIS_TYPE_STUDENT);
  frameworks = trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK);

  start = g_get_monotonic_time ();
  import = trellis_xml_import_new (store, path);
  g_assert_false (trellis_xml_import_read (import, NULL, &error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_assert_nonnull (error);
  g_assert_true (error->domain == TRELLIS_ERROR);
  g_test_message ("%s: %s", test->name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, test->expect));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_STUDENT), ==, students);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, frameworks);

  g_clear_object (&store);
  trellis_test_remove_tree (dir);
}

/* Tests: merge */

typedef struct
{
  char         *dir;
  TrellisStore *mine;       /* this machine */
  TrellisStore *theirs;     /* the other machine, where the file comes from */
  char         *file;
  char         *uuid;       /* the student both sides changed */
  char         *goal_uuid;  /* a goal of theirs that they linked to one more competency */
  guint         n_links;    /* how many links that goal has here */
  guint         n_guardians; /* how many guardians the student has here */
} Merge;

/* Two machines share three students; each then changes the same student's family name, and
 * they also add a guardian and a competency link to that student's plan. */
static void
merge_setup (Merge *merge)
{
  g_autofree char *first = NULL;
  g_autofree char *mine_dir = NULL;

  merge->theirs = trellis_test_open_store (&merge->dir);
  g_assert_true (trellis_sample_school_populate (merge->theirs, 3, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  first = g_build_filename (merge->dir, "first.xml", NULL);
  export_to (merge->theirs, first, NULL);

  merge->mine = open_empty_store (&mine_dir);
  import_all (merge->mine, first);
  g_usleep (5000);

  merge->uuid = trellis_test_dup_student_uuid (merge->theirs, 0);
  trellis_test_rename_student (merge->theirs, merge->uuid, "Theirs");
  merge->goal_uuid = first_goal_uuid (merge->theirs, merge->uuid);
  link_another_competency (merge->theirs, merge->goal_uuid);
  add_guardian (merge->theirs, merge->uuid);
  merge->n_links = n_links_of (merge->mine, merge->goal_uuid);
  merge->n_guardians = n_guardians_of (merge->mine, merge->uuid);
  g_assert_cmpuint (n_links_of (merge->theirs, merge->goal_uuid), ==, merge->n_links + 1);
  merge->file = g_build_filename (merge->dir, "second.xml", NULL);
  {
    g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (merge->theirs);
    g_assert_true (trellis_xml_export_write (export, merge->file, NULL, NULL, NULL, NULL));
  }
  g_usleep (5000);
  trellis_test_rename_student (merge->mine, merge->uuid, "Mine");
}

static void
merge_teardown (Merge *merge)
{
  g_autofree char *mine_dir = g_path_get_dirname (trellis_store_get_path (merge->mine));

  g_clear_object (&merge->mine);
  g_clear_object (&merge->theirs);
  trellis_test_remove_tree (merge->dir);
  trellis_test_remove_tree (mine_dir);
  g_free (merge->dir);
  g_free (merge->file);
  g_free (merge->uuid);
  g_free (merge->goal_uuid);
}

/* Importer defect 1: a new database seeds its own default framework; a plan file from another
 * machine carries that machine's default. After the import there is still one default, the
 * database's own, and the next export says so. */
static void
test_xml_import_keeps_one_default (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mine_dir = NULL;
  g_autoptr(TrellisStore) theirs = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) mine = trellis_test_open_store (&mine_dir);
  g_autofree char *file = g_build_filename (dir, "plans.xml", NULL);
  g_autoptr(TrellisXmlImport) import = NULL;
  gint64 own_default = trellis_store_get_default_framework (mine);

  g_assert_true (trellis_sample_school_populate (theirs, 2, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  export_to (theirs, file, NULL);
  import = read_ok (mine, file);
  g_assert_true (trellis_xml_import_apply (import, NULL, NULL));
  g_assert_cmpint (trellis_store_count (mine, TRELLIS_TYPE_FRAMEWORK), ==, 2);
  g_assert_cmpint (trellis_test_query_int (mine, "SELECT count(*) FROM framework WHERE is_default", 0), ==, 1);
  g_assert_cmpint (trellis_store_get_default_framework (mine), ==, own_default);
  /* and the database will not hold two, whoever tries */
  g_assert_cmpint (trellis_test_query_int (mine, "SELECT count(*) FROM sqlite_master WHERE name = 'framework_one_default'", 0),
                   ==, 1);

  g_clear_object (&theirs);
  g_clear_object (&mine);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (mine_dir);
}

static void
test_xml_merge_new_updated_unchanged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mine_dir = NULL;
  g_autoptr(TrellisStore) theirs = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) mine = NULL;
  g_autofree char *first = g_build_filename (dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (dir, "second.xml", NULL);
  g_autofree char *changed = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GListModel) history = NULL;

  g_assert_true (trellis_sample_school_populate (theirs, 3, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  export_to (theirs, first, NULL);
  mine = open_empty_store (&mine_dir);

  import = read_ok (mine, first);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, 3);
  g_assert_true (trellis_xml_import_apply (import, NULL, NULL));
  g_clear_object (&import);

  /* The same file again changes nothing. */
  import = read_ok (mine, first);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, 3);
  g_assert_cmpuint (trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, 1);
  g_assert_cmpuint (trellis_xml_import_get_n_conflicts (import), ==, 0);
  g_clear_object (&import);

  /* They change a student and add one: one new, one updated, two unchanged. */
  g_usleep (5000);
  changed = trellis_test_dup_student_uuid (theirs, 1);
  trellis_test_rename_student (theirs, changed, "Okafor-Reyes");
  g_assert_true (trellis_sample_school_populate (theirs, 1, 7, NULL, NULL, NULL));
  {
    g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (theirs);
    g_assert_true (trellis_xml_export_write (export, second, NULL, NULL, NULL, NULL));
  }
  import = read_ok (mine, second);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, 2);
  g_assert_true (trellis_xml_import_apply (import, NULL, NULL));

  g_assert_cmpint (trellis_store_count (mine, TRELLIS_TYPE_STUDENT), ==, 4);
  name = trellis_test_dup_family_name (mine, changed);
  g_assert_cmpstr (name, ==, "Okafor-Reyes");
  /* The update went through the store: history says who changed what. */
  history = trellis_store_list_history (mine, changed, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);

  g_clear_object (&theirs);
  g_clear_object (&mine);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (mine_dir);
}

static void
test_xml_merge_conflict (gconstpointer data)
{
  TrellisXmlResolution resolution = GPOINTER_TO_INT (data);
  Merge merge = { 0 };
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  merge_setup (&merge);
  import = read_ok (merge.mine, merge.file);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_CONFLICT), ==, 1);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_UNCHANGED), ==, 2);
  g_assert_cmpuint (trellis_xml_import_get_n_conflicts (import), ==, 1);
  title = trellis_xml_import_dup_conflict_title (import, 0);
  g_assert_nonnull (strstr (title, "Theirs"));
  {
    /* who changed it on each side, and when (importer defect 9) */
    g_autofree char *details = trellis_xml_import_dup_conflict_details (import, 0);

    g_assert_nonnull (strstr (details, ": changed here by "));
    g_assert_nonnull (strstr (details, ", and in the file by "));
    g_assert_null (strstr (details, "  "));
  }
  g_assert_cmpint (trellis_xml_import_get_resolution (import, 0), ==, TRELLIS_XML_RESOLUTION_MINE);

  trellis_xml_import_set_resolution (import, 0, resolution);
  g_assert_true (trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);

  name = trellis_test_dup_family_name (merge.mine, merge.uuid);
  switch (resolution)
    {
    case TRELLIS_XML_RESOLUTION_MINE:
      /* Mine entirely: neither their guardian nor their link is added. */
      g_assert_cmpstr (name, ==, "Mine");
      g_assert_cmpint (trellis_store_count (merge.mine, TRELLIS_TYPE_STUDENT), ==, 3);
      g_assert_cmpuint (n_links_of (merge.mine, merge.goal_uuid), ==, merge.n_links);
      g_assert_cmpuint (n_guardians_of (merge.mine, merge.uuid), ==, merge.n_guardians);
      break;
    case TRELLIS_XML_RESOLUTION_THEIRS:
      g_assert_cmpstr (name, ==, "Theirs");
      g_assert_cmpint (trellis_store_count (merge.mine, TRELLIS_TYPE_STUDENT), ==, 3);
      g_assert_cmpuint (n_links_of (merge.mine, merge.goal_uuid), ==, merge.n_links + 1);
      g_assert_cmpuint (n_guardians_of (merge.mine, merge.uuid), ==, merge.n_guardians + 1);
      break;
    case TRELLIS_XML_RESOLUTION_COPY:
      {
        g_autoptr(GListModel) students = trellis_store_list (merge.mine, TRELLIS_TYPE_STUDENT, NULL, 0, NULL);
        g_autoptr(TrellisEntity) copy = g_list_model_get_item (students, 3);

        g_assert_cmpstr (name, ==, "Mine");
        g_assert_cmpint (trellis_store_count (merge.mine, TRELLIS_TYPE_STUDENT), ==, 4);
        g_assert_cmpstr (trellis_entity_get_text (copy, "family-name"), ==, "Theirs");
        g_assert_cmpstr (trellis_entity_get_uuid (copy), !=, merge.uuid);
        g_assert_cmpuint (n_links_of (merge.mine, merge.goal_uuid), ==, merge.n_links);
        g_assert_cmpuint (n_guardians_of (merge.mine, merge.uuid), ==, merge.n_guardians);
        g_assert_cmpuint (n_guardians_of (merge.mine, trellis_entity_get_uuid (copy)), ==,
                          merge.n_guardians + 1);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  merge_teardown (&merge);
}

/* Keeping my framework in a conflict must not leave their plan pointing nowhere: a competency
 * only the file has, which a goal of the file is linked to, is still added. */
static void
test_xml_merge_framework_keeps_mine (void)
{
  Merge merge = { 0 };
  g_autoptr(TrellisEntity) framework = NULL;
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(TrellisEntity) attribute = NULL;
  g_autoptr(TrellisEntity) competency = NULL;
  g_autoptr(TrellisEntity) goal = NULL;
  g_autoptr(TrellisEntity) kept = NULL;
  g_autoptr(TrellisEntity) added = NULL;
  g_autoptr(TrellisXmlImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *framework_uuid = NULL;
  g_autofree char *goal_uuid = NULL;
  g_autofree char *student_uuid = NULL;
  g_autofree char *mine_dir = NULL;
  g_autofree char *trigger = NULL;
  guint n_links;

  merge.theirs = trellis_test_open_store (&merge.dir);
  g_assert_true (trellis_sample_school_populate (merge.theirs, 2, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  merge.file = g_build_filename (merge.dir, "first.xml", NULL);
  export_to (merge.theirs, merge.file, NULL);
  merge.mine = open_empty_store (&mine_dir);
  import_all (merge.mine, merge.file);
  g_usleep (5000);

  framework = trellis_store_load (merge.theirs, TRELLIS_TYPE_FRAMEWORK,
                                  trellis_store_get_default_framework (merge.theirs), NULL);
  framework_uuid = g_strdup (trellis_entity_get_uuid (framework));
  trellis_test_change_text (merge.theirs, TRELLIS_TYPE_FRAMEWORK, framework_uuid, "title", "Their profile");
  attributes = trellis_store_list (merge.theirs, TRELLIS_TYPE_ATTRIBUTE, "framework-id",
                                   trellis_entity_get_id (framework), NULL);
  attribute = g_list_model_get_item (attributes, 0);
  competency = g_object_new (TRELLIS_TYPE_COMPETENCY, "attribute-id", trellis_entity_get_id (attribute),
                             "title", "Listens to understand", NULL);
  g_assert_true (trellis_store_insert (merge.theirs, competency, &error));
  g_assert_no_error (error);
  student_uuid = trellis_test_dup_student_uuid (merge.theirs, 0);
  goal_uuid = first_goal_uuid (merge.theirs, student_uuid);
  n_links = n_links_of (merge.mine, goal_uuid);
  goal = trellis_store_load_by_uuid (merge.theirs, TRELLIS_TYPE_GOAL, goal_uuid, NULL);
  g_assert_true (trellis_store_link_competency (merge.theirs, trellis_entity_get_id (goal),
                                                trellis_entity_get_id (competency), &error));
  g_assert_no_error (error);
  g_free (merge.file);
  merge.file = g_build_filename (merge.dir, "second.xml", NULL);
  {
    g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (merge.theirs);
    g_assert_true (trellis_xml_export_write (export, merge.file, NULL, NULL, NULL, NULL));
  }
  g_usleep (5000);
  trellis_test_change_text (merge.mine, TRELLIS_TYPE_FRAMEWORK, framework_uuid, "title", "My profile");

  import = read_ok (merge.mine, merge.file);
  g_assert_cmpuint (trellis_xml_import_count_frameworks (import, TRELLIS_XML_OUTCOME_CONFLICT), ==, 1);
  trellis_xml_import_set_all_resolutions (import, TRELLIS_XML_RESOLUTION_MINE);

  /* A failed apply changes nothing, and leaves nothing behind for the next try either: the
   * competency it added for the link (then rolled back) is added again, not assumed. The
   * trigger is not TEMP: applying sets temp_store, which drops the temporary schema. */
  trigger = g_strdup_printf ("CREATE TRIGGER refuse_links BEFORE INSERT ON history "
                             "WHEN NEW.entity_uuid = '%s' "
                             "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END", goal_uuid);
  g_assert_cmpint (sqlite3_exec (trellis_store_get_db (merge.mine), trigger, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (trellis_xml_import_apply (import, NULL, &error));
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  g_clear_error (&error);
  g_assert_null (trellis_store_load_by_uuid (merge.mine, TRELLIS_TYPE_COMPETENCY,
                                             trellis_entity_get_uuid (competency), NULL));
  g_assert_cmpuint (n_links_of (merge.mine, goal_uuid), ==, n_links);
  sqlite3_exec (trellis_store_get_db (merge.mine), "DROP TRIGGER refuse_links", NULL, NULL, NULL);
  {
    /* Whatever takes the row id the rolled-back competency had must not get its link. */
    g_autoptr(TrellisEntity) mine = trellis_store_load_by_uuid (merge.mine, TRELLIS_TYPE_FRAMEWORK,
                                                                framework_uuid, NULL);
    g_autoptr(GListModel) mine_attributes = trellis_store_list (merge.mine, TRELLIS_TYPE_ATTRIBUTE, "framework-id",
                                                                trellis_entity_get_id (mine), NULL);
    g_autoptr(TrellisEntity) mine_attribute = g_list_model_get_item (mine_attributes, 0);
    g_autoptr(TrellisEntity) other = g_object_new (TRELLIS_TYPE_COMPETENCY, "attribute-id",
                                                   trellis_entity_get_id (mine_attribute),
                                                   "title", "Takes the row id", NULL);

    g_assert_true (trellis_store_insert (merge.mine, other, &error));
    g_assert_no_error (error);
  }

  g_assert_true (trellis_xml_import_apply (import, NULL, &error));
  g_assert_no_error (error);

  kept = trellis_store_load_by_uuid (merge.mine, TRELLIS_TYPE_FRAMEWORK, framework_uuid, NULL);
  g_assert_cmpstr (trellis_entity_get_text (kept, "title"), ==, "My profile");
  added = trellis_store_load_by_uuid (merge.mine, TRELLIS_TYPE_COMPETENCY,
                                     trellis_entity_get_uuid (competency), NULL);
  g_assert_nonnull (added);
  g_assert_cmpuint (n_links_of (merge.mine, goal_uuid), ==, n_links + 1);
  merge_teardown (&merge);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The UI's path: each step in a worker thread on a connection of its own. */
static void
test_xml_async_export_and_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *empty_dir = NULL;
  g_autoptr(TrellisStore) store = trellis_test_open_store (&dir);
  g_autoptr(TrellisStore) empty = open_empty_store (&empty_dir);
  g_autofree char *path = g_build_filename (dir, "async.xml", NULL);
  g_autoptr(TrellisXmlExport) export = trellis_xml_export_new (store);
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (empty, path);
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_sample_school_populate (store, 4, TRELLIS_SAMPLE_SEED, NULL, NULL, NULL));
  trellis_xml_export_add_student_id (export, 1);
  trellis_xml_export_add_student_id (export, 3);
  trellis_xml_export_write_async (export, path, NULL, on_async_done, &result);
  g_assert_true (trellis_xml_export_write_finish (export, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (trellis_xml_export_get_n_students (export), ==, 2);
  g_assert_cmpfloat (trellis_xml_export_get_fraction (export), ==, 1.0);
  trellis_test_assert_valid_plan_file (path);

  trellis_xml_import_read_async (import, NULL, on_async_done, &result);
  g_assert_true (trellis_xml_import_read_finish (import, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (trellis_xml_import_count_students (import, TRELLIS_XML_OUTCOME_NEW), ==, 2);

  trellis_xml_import_apply_async (import, NULL, on_async_done, &result);
  g_assert_true (trellis_xml_import_apply_finish (import, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  trellis_store_check_external_change (empty);
  g_assert_cmpint (trellis_store_count (empty, TRELLIS_TYPE_STUDENT), ==, 2);

  g_clear_object (&store);
  g_clear_object (&empty);
  trellis_test_remove_tree (dir);
  trellis_test_remove_tree (empty_dir);
}

/* Main */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/schema/follows-field-tables", test_xml_schema_follows_field_tables);
  g_test_add_func ("/xml/samples/validate-and-import", test_xml_samples_validate_and_import);
  g_test_add_func ("/xml/export/round-trip", test_xml_round_trip_is_byte_identical);
  g_test_add_func ("/xml/export/selection", test_xml_export_selection);
  g_test_add_func ("/xml/export/failure-keeps-earlier-file", test_xml_failed_export_keeps_earlier_file);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/import/refuses/%s", hostile[i].name);
      g_test_add_data_func (path, &hostile[i], test_xml_hostile_input_is_refused);
    }
  g_test_add_func ("/xml/async", test_xml_async_export_and_import);
  g_test_add_func ("/xml/import/merge/new-updated-unchanged", test_xml_merge_new_updated_unchanged);
  g_test_add_func ("/xml/import/keeps-one-default", test_xml_import_keeps_one_default);
  g_test_add_data_func ("/xml/import/merge/conflict-mine",
                        GINT_TO_POINTER (TRELLIS_XML_RESOLUTION_MINE), test_xml_merge_conflict);
  g_test_add_data_func ("/xml/import/merge/conflict-theirs",
                        GINT_TO_POINTER (TRELLIS_XML_RESOLUTION_THEIRS), test_xml_merge_conflict);
  g_test_add_data_func ("/xml/import/merge/conflict-copy",
                        GINT_TO_POINTER (TRELLIS_XML_RESOLUTION_COPY), test_xml_merge_conflict);
  g_test_add_func ("/xml/import/merge/framework-keeps-mine", test_xml_merge_framework_keeps_mine);

  return g_test_run ();
}
