/* test-report.c — the printed plan: content, pagination, scripts, languages and the PDF file
 *
 * Every test renders a real PDF and reads it back with poppler, as a family’s printer would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "trellis-catalog.h"
#include "trellis-error.h"
#include "trellis-framework-template.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-plan.h"
#include "trellis-report-pdf.h"
#include "trellis-sample-school.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

/* poppler-glib 22 declares no automatic cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  TrellisStore *store;
  char         *dir;
  char         *pdf;
} Fixture;

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = trellis_test_open_store (&fixture->dir);
  fixture->pdf = g_build_filename (fixture->dir, "plans.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_close_store (fixture->store, fixture->dir);
  g_free (fixture->pdf);
}

static GDateTime *
print_date (void)
{
  return g_date_time_new_utc (2027, 3, 5, 15, 0, 0);
}

static gint64
add_student (TrellisStore *store,
             const char   *given,
             const char   *family,
             const char   *guardian_language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStudent) student = g_object_new (TRELLIS_TYPE_STUDENT,
                                                    "given-name", given,
                                                    "family-name", family,
                                                    "grade-level", 7,
                                                    "homeroom", "104",
                                                    NULL);

  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (student), &error));
  g_assert_no_error (error);
  if (guardian_language != NULL)
    {
      g_autoptr(TrellisGuardian) guardian = g_object_new (TRELLIS_TYPE_GUARDIAN,
        "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
        "name", "Carmen Ruiz",
        "preferred-language", guardian_language,
        NULL);
      g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (guardian), &error));
      g_assert_no_error (error);
    }
  return trellis_entity_get_id (TRELLIS_ENTITY (student));
}

static gint64
add_plan (TrellisStore *store,
          gint64        student_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPlan) plan = g_object_new (TRELLIS_TYPE_PLAN,
                                              "student-id", student_id,
                                              "school-year", "2026-2027",
                                              NULL);

  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (plan), &error));
  g_assert_no_error (error);
  return trellis_entity_get_id (TRELLIS_ENTITY (plan));
}

static void
add_goal (TrellisStore *store,
          gint64        plan_id,
          const char   *title,
          const char   *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisGoal) goal = g_object_new (TRELLIS_TYPE_GOAL,
                                              "plan-id", plan_id,
                                              "title", title,
                                              "why-it-matters", why,
                                              "target-date", "2027-05-14",
                                              NULL);

  g_assert_true (trellis_store_insert (store, TRELLIS_ENTITY (goal), &error));
  g_assert_no_error (error);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static PopplerDocument *
render (Fixture                    *fixture,
        const gint64               *ids,
        guint                       n_ids,
        const TrellisReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = print_date ();

  g_assert_true (trellis_report_pdf_write (fixture->store, ids, n_ids, options, now, fixture->pdf,
                                           NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return open_pdf (fixture->pdf);
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);

  return poppler_page_get_text (page);
}

/* Searches as a reader would: poppler’s plain text gives right-to-left words in visual order. */
static gboolean
page_shows (PopplerDocument *document,
            int              index,
            const char      *text)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  GList *matches = poppler_page_find_text (page, text);
  gboolean found = matches != NULL;

  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  return found;
}

static char *
all_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);
      g_string_append (text, page);
    }
  return g_string_free (text, FALSE);
}

/* The name on every page and “Page i of n” at the foot of each (@page and @of in the report’s
 * language). */
static void
assert_every_page (PopplerDocument *document,
                   const char      *name,
                   const char      *page,
                   const char      *of)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_autofree char *number = g_strdup_printf ("%s %d %s %d", page, i + 1, of, n_pages);

      g_assert_nonnull (strstr (text, name));
      g_assert_nonnull (strstr (text, number));
    }
}

static void
assert_page_size (PopplerDocument *document,
                  TrellisPaper     paper)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  double width, height, expected_width, expected_height;

  poppler_page_get_size (page, &width, &height);
  trellis_paper_get_size (paper, &expected_width, &expected_height);
  g_assert_cmpfloat_with_epsilon (width, expected_width, 1.0);
  g_assert_cmpfloat_with_epsilon (height, expected_height, 1.0);
}

/* Every word of the document is at least @points tall: what a family has to read. */
static void
assert_smallest_text (PopplerDocument *document,
                      double           points)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      GList *attributes = poppler_page_get_text_attributes (page);

      g_assert_nonnull (attributes);
      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *run = l->data;

          g_assert_cmpfloat (run->font_size, >=, points - 0.05);
        }
      poppler_page_free_text_attributes (attributes);
    }
}

/* A .mo file of one plural message and a header, as msgfmt writes it: the originals sorted. */
static void
write_plural_catalog (const char *path,
                      const char *plural_forms,
                      const char *forms,
                      gsize       forms_length)
{
  static const char original[] = "%u file\0%u files";
  g_autofree char *header = g_strdup_printf ("Content-Type: text/plain; charset=UTF-8\n"
                                             "Plural-Forms: %s\n", plural_forms);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint32 strings = 28 + 4 * 8;
  guint32 words[] = {
    0x950412de, 0, 2, 28, 28 + 16, 0, 0,
    /* originals: “”, then the plural message */
    0, strings, sizeof original - 1, strings + 1,
    /* translations: the header, then the forms */
    strlen (header), strings + sizeof original + 1, forms_length,
    strings + sizeof original + 1 + strlen (header) + 1,
  };

  g_byte_array_append (file, (const guint8 *) words, sizeof words);
  g_byte_array_append (file, (const guint8 *) "", 1);
  g_byte_array_append (file, (const guint8 *) original, sizeof original);
  g_byte_array_append (file, (const guint8 *) header, strlen (header) + 1);
  g_byte_array_append (file, (const guint8 *) forms, forms_length + 1);
  g_assert_true (g_file_set_contents (path, (const char *) file->data, file->len, &error));
  g_assert_no_error (error);
}

static gint64
first_sample_student (TrellisStore *store,
                      const char   *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT s.id FROM student s %s ORDER BY s.id LIMIT 1", where);
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static char *
dup_column_text (TrellisStore *store,
                 const char   *sql,
                 gint64        id)
{
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* Tests */

static void
test_report_typical_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  gint64 id;
  g_autofree char *name = NULL;
  g_autofree char *supports = NULL;
  sqlite3_stmt *stmt;
  guint n_goals;

  g_assert_true (trellis_sample_school_populate (fixture->store, 12, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  id = trellis_test_query_int (fixture->store,
                               "SELECT s.id FROM student s WHERE s.supports <> '' ORDER BY s.id LIMIT 1", 0);
  name = trellis_test_query_text (fixture->store,
                                  "SELECT CASE preferred_name WHEN '' THEN given_name ELSE preferred_name END "
                                  "|| ' ' || family_name FROM student WHERE id = ?", id);
  supports = trellis_test_query_text (fixture->store, "SELECT supports FROM student WHERE id = ?", id);
  trellis_report_options_set_language (options, "en");

  for (TrellisPaper paper = TRELLIS_PAPER_A4; paper <= TRELLIS_PAPER_LETTER; paper++)
    {
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;

      options->paper = paper;
      document = render (fixture, &id, 1, options);
      g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
      g_assert_cmpint (poppler_document_get_n_pages (document), <=, 2);
      assert_page_size (document, paper);
      assert_every_page (document, name, "Page", "of");
      assert_smallest_text (document, 8.0);

      text = all_text (document);
      stmt = trellis_store_prepare (fixture->store,
                                    "SELECT g.title FROM goal g JOIN plan p ON p.id = g.plan_id "
                                    "WHERE p.student_id = ?", NULL);
      sqlite3_bind_int64 (stmt, 1, id);
      n_goals = 0;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_assert_nonnull (strstr (text, (const char *) sqlite3_column_text (stmt, 0)));
          n_goals++;
        }
      sqlite3_reset (stmt);
      g_assert_cmpuint (n_goals, ==, 5);

      /* The steps still to do are printed by name, with who does them (issue 16). */
      stmt = trellis_store_prepare (fixture->store,
                                    "SELECT s.text FROM action_step s JOIN goal g ON g.id = s.goal_id "
                                    "JOIN plan p ON p.id = g.plan_id WHERE p.student_id = ? AND s.done_at = '' "
                                    "ORDER BY g.position, s.position LIMIT 1", NULL);
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *next = g_strdup_printf ("%s (", (const char *) sqlite3_column_text (stmt, 0));

          g_assert_nonnull (strstr (text, next));
          g_assert_nonnull (strstr (text, "Still to do"));
        }
      sqlite3_reset (stmt);

      g_assert_nonnull (strstr (text, "About me"));
      g_assert_nonnull (strstr (text, "Riverside Community School"));
      g_assert_nonnull (strstr (text, "Printed March 5, 2027"));
      g_assert_nonnull (strstr (text, "Next steps"));
      /* Supports are private unless asked for. */
      g_assert_null (strstr (text, "Supports and accommodations"));
      g_assert_null (strstr (text, supports));
    }

  options->include_supports = TRUE;
  {
    g_autoptr(PopplerDocument) document = render (fixture, &id, 1, options);
    g_autofree char *text = all_text (document);

    g_assert_nonnull (strstr (text, "Supports and accommodations"));
    g_assert_nonnull (strstr (text, supports));
  }
}

static void
test_report_long_plan (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) long_why = g_string_new (NULL);
  gint64 id = add_student (fixture->store, "Минь", "Nguyễn", NULL);
  gint64 plan_id = add_plan (fixture->store, id);
  int n_pages;

  for (int i = 0; i < 120; i++)
    g_string_append_printf (long_why, "Sentence%03d of a very long reason. ", i);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Goal title %02d", i);
      g_autofree char *why = g_strdup_printf ("Reason %02d: I want to get better at this.", i);

      add_goal (fixture->store, plan_id, title, i == 20 ? long_why->str : why);
    }
  trellis_report_options_set_language (options, "en");
  options->paper = TRELLIS_PAPER_LETTER;
  document = render (fixture, &id, 1, options);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >, 3);
  assert_every_page (document, "Минь Nguyễn", "Page", "of");

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Goal title %02d", i);
      g_autofree char *why = i == 20 ? g_strdup ("Sentence000") : g_strdup_printf ("Reason %02d", i);
      int found = 0;

      /* A goal’s title shares its page with the first line of what follows it. */
      for (int p = 0; p < n_pages; p++)
        {
          g_autofree char *text = page_text (document, p);

          if (strstr (text, title) == NULL)
            continue;
          found++;
          g_assert_nonnull (strstr (text, why));
        }
      g_assert_cmpint (found, ==, 1);
    }

  /* The long paragraph is split between lines: every sentence is printed, once. */
  {
    g_autofree char *text = all_text (document);

    for (int i = 0; i < 120; i++)
      {
        g_autofree char *sentence = g_strdup_printf ("Sentence%03d", i);
        const char *at = strstr (text, sentence);

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, sentence));
      }
  }
}

static void
test_report_scripts (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *names[][2] = {
    { "يوسف", "حداد" }, { "美玲", "王" }, { "Minh Đức", "Trần" }, { "Анна", "Смирнова" },
  };
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ids[i] = add_student (fixture->store, names[i][0], names[i][1], NULL);
  {
    g_autoptr(TrellisStudent) student = trellis_store_load (fixture->store, TRELLIS_TYPE_STUDENT, ids[0], &error);
    g_object_set (student, "interests", "أحب الرسم وكرة القدم والقراءة.", NULL);
    g_assert_true (trellis_store_save (fixture->store, TRELLIS_ENTITY (student), &error));
    g_assert_no_error (error);
  }

  trellis_report_options_set_language (options, "en");
  {
    g_autoptr(PopplerDocument) document = render (fixture, ids, G_N_ELEMENTS (ids), options);
    g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
    g_autofree char *text = page_text (document, 0);
    GList *matches = NULL;
    double width, height;

    /* Each student starts on a new page; the text of every script comes back out. */
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, G_N_ELEMENTS (names));
    g_assert_true (page_shows (document, 0, "يوسف"));
    g_assert_true (page_shows (document, 0, "حداد"));
    g_assert_null (strstr (text, "Aspirations"));
    for (guint i = 1; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *other = page_text (document, i);
        g_assert_nonnull (strstr (other, names[i][0]));
        g_assert_nonnull (strstr (other, names[i][1]));
      }

    /* The Arabic paragraph is set right to left: it ends at the right margin. */
    poppler_page_get_size (page, &width, &height);
    matches = poppler_page_find_text (page, "الرسم");
    g_assert_nonnull (matches);
    {
      PopplerRectangle *rect = matches->data;
      g_assert_cmpfloat (MAX (rect->x1, rect->x2), >, width - 50 - 80);
      g_assert_cmpfloat (MIN (rect->x1, rect->x2), >, width / 2);
    }
    g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  }
}

static void
test_report_language (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = print_date ();
  gint64 family_es = add_student (fixture->store, "Sofía", "García", "es-MX");
  gint64 family_vi = add_student (fixture->store, "Lan", "Nguyễn", "vi");
  gint64 plan_id = add_plan (fixture->store, family_es);

  add_goal (fixture->store, plan_id, "Leer doce libros", "Me ayuda a escribir mejor.");
  add_goal (fixture->store, add_plan (fixture->store, family_vi), "Read twelve books", "");

  /* By default, the family’s language when Trellis speaks it. */
  {
    g_autoptr(PopplerDocument) document = render (fixture, &family_es, 1, options);
    g_autofree char *text = all_text (document);

    g_assert_nonnull (strstr (text, "Mis metas"));
    g_assert_nonnull (strstr (text, "Por qué es importante"));
    g_assert_nonnull (strstr (text, "Fecha prevista: 14 de mayo de 2027"));
    g_assert_nonnull (strstr (text, "Impreso el 5 de marzo de 2027"));
    g_assert_null (strstr (text, "My goals"));
    assert_every_page (document, "Sofía García", "Página", "de");
    /* the title a PDF reader lists, and a screen reader says first, in the report's words */
    {
      g_autofree char *title = poppler_document_get_title (document);

      g_assert_true (g_str_has_prefix (title, "Sofía García – Plan de aprendizaje "));
    }
  }

  /* Otherwise the application’s (English in the tests), and always what was asked for. */
  {
    g_autoptr(PopplerDocument) document = render (fixture, &family_vi, 1, options);
    g_autofree char *text = all_text (document);

    g_assert_nonnull (strstr (text, "My goals"));
    g_assert_nonnull (strstr (text, "Read twelve books"));
    g_assert_null (strstr (text, "Why it matters"));   /* it was left empty */
  }
  trellis_report_options_set_language (options, "es");
  {
    g_autoptr(PopplerDocument) document = render (fixture, &family_vi, 1, options);
    g_autofree char *text = all_text (document);

    g_assert_nonnull (strstr (text, "Mis metas"));
    g_assert_nonnull (strstr (text, "7.º grado"));
    assert_every_page (document, "Lan Nguyễn", "Página", "de");
  }

  /* A language without a translation is refused, and nothing is written. */
  g_assert_true (g_file_test (fixture->pdf, G_FILE_TEST_EXISTS));
  g_unlink (fixture->pdf);
  trellis_report_options_set_language (options, "xx");
  g_assert_false (trellis_report_pdf_write (fixture->store, &family_vi, 1, options, now, fixture->pdf,
                                            NULL, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_false (g_file_test (fixture->pdf, G_FILE_TEST_EXISTS));
}

/* The sample school never repeats a note within a plan, so a report never quotes one twice;
 * the same seed still gives the same notes. */
static void
test_report_sample_notes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(TrellisStore) other = trellis_test_open_store (&other_dir);
  const char *sql = "SELECT group_concat (body, '|') FROM (SELECT body FROM note ORDER BY id)";
  const char *repeats = "SELECT count(*) FROM (SELECT 1 FROM note GROUP BY plan_id, body HAVING count(*) > 1)";
  sqlite3_stmt *stmt;
  g_autofree char *bodies = NULL;
  g_autofree char *other_bodies = NULL;
  gint64 id;

  g_assert_true (trellis_sample_school_populate (fixture->store, 60, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_sample_school_populate (other, 60, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  stmt = trellis_store_prepare (fixture->store, repeats, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  bodies = dup_column_text (fixture->store, sql, 0);
  other_bodies = dup_column_text (other, sql, 0);
  g_assert_nonnull (strstr (bodies, "|"));
  g_assert_cmpstr (bodies, ==, other_bodies);
  g_clear_object (&other);
  trellis_test_remove_tree (other_dir);

  /* On paper: every quoted note of the first plan appears once. */
  id = first_sample_student (fixture->store, "");
  trellis_report_options_set_language (options, "en");
  {
    g_autoptr(PopplerDocument) document = render (fixture, &id, 1, options);
    g_autofree char *text = all_text (document);
    guint quoted = 0;

    stmt = trellis_store_prepare (fixture->store,
                                  "SELECT n.body FROM note n JOIN plan p ON p.id = n.plan_id WHERE p.student_id = ?",
                                  &error);
    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *body = (const char *) sqlite3_column_text (stmt, 0);
        const char *first = strstr (text, body);

        if (first == NULL)
          continue;   /* only the latest notes are printed */
        quoted++;
        g_assert_null (strstr (first + strlen (body), body));
      }
    sqlite3_reset (stmt);
    g_assert_cmpuint (quoted, >=, 2);
  }
}

static void
test_report_empty_fields (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  gint64 id = add_student (fixture->store, "Riley", "Johnson", NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  trellis_report_options_set_language (options, "en");
  document = render (fixture, &id, 1, options);
  text = all_text (document);

  /* Nothing to say gives no heading and no label. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (text, "Riley Johnson"));
  g_assert_null (strstr (text, "About me"));
  g_assert_null (strstr (text, "Interests"));
  g_assert_null (strstr (text, "My goals"));
  g_assert_null (strstr (text, "Notes"));
  g_assert_null (strstr (text, "Advisor"));
  g_assert_nonnull (strstr (text, "Grade 7"));
  g_assert_nonnull (strstr (text, "Next steps"));
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  GCancellable *cancellable = user_data;
  guint *calls = g_object_get_data (G_OBJECT (cancellable), "calls");

  (*calls)++;
  g_assert_cmpfloat (fraction, >, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (*calls == 2)
    g_cancellable_cancel (cancellable);
}

static void
test_report_pdf_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = print_date ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 ids[3];
  gint64 missing[2];
  guint calls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *family = g_strdup_printf ("Family%u", i);
      ids[i] = add_student (fixture->store, "Student", family, NULL);
    }
  missing[0] = ids[0];
  missing[1] = 9999;
  trellis_report_options_set_language (options, "en");

  /* Double-sided: a one-page plan is followed by a blank back. */
  options->double_sided = TRUE;
  {
    g_autoptr(PopplerDocument) document = render (fixture, ids, G_N_ELEMENTS (ids), options);
    g_autofree char *third = page_text (document, 2);
    g_autofree char *blank = page_text (document, 1);

    g_autofree char *title = poppler_document_get_title (document);

    g_assert_cmpstr (title, ==, "Learning plans");
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 5);
    g_assert_nonnull (strstr (third, "Family1"));
    g_assert_cmpstr (g_strstrip (blank), ==, "");
  }
  before = trellis_test_read_bytes (fixture->pdf);

  /* A failure halfway leaves the previous file as it was, and no temporary file. */
  g_assert_false (trellis_report_pdf_write (fixture->store, missing, 2, options, now, fixture->pdf,
                                            NULL, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_object_set_data (G_OBJECT (cancellable), "calls", &calls);
  g_assert_false (trellis_report_pdf_write (fixture->store, ids, G_N_ELEMENTS (ids), options, now,
                                            fixture->pdf, count_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 2);
  g_clear_error (&error);

  after = trellis_test_read_bytes (fixture->pdf);
  g_assert_true (g_bytes_equal (before, after));
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_false (g_str_has_prefix (name, "plans.pdf."));

  /* An unwritable folder is a clear error. */
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "plans.pdf", NULL);

    g_assert_false (trellis_report_pdf_write (fixture->store, ids, 1, options, now, nowhere,
                                              NULL, NULL, NULL, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, nowhere));
  }
}

static void
test_report_catalog (void)
{
  g_autoptr(TrellisCatalog) spanish = trellis_catalog_get ("es");
  g_autoptr(TrellisCatalog) mexican = trellis_catalog_get ("es-MX");
  g_autoptr(TrellisCatalog) english = trellis_catalog_get ("en_GB");
  g_autoptr(TrellisCatalog) damaged = NULL;
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *messages = g_build_filename (dir, "zz", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, "trellis.mo", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("TRELLIS_LOCALEDIR"));
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (spanish);
  g_assert_cmpstr (trellis_catalog_translate (spanish, "About me"), ==, "Sobre mí");
  g_assert_cmpstr (trellis_catalog_translate (spanish, "Page %1$u of %2$u"), ==, "Página %1$u de %2$u");
  g_assert_cmpstr (trellis_catalog_translate (spanish, "Not in the catalogue"), ==, "Not in the catalogue");
  g_assert_nonnull (mexican);
  g_assert_cmpstr (trellis_catalog_translate (mexican, "My goals"), ==, "Mis metas");
  g_assert_cmpstr (trellis_catalog_translate (english, "My goals"), ==, "My goals");
  g_assert_null (trellis_catalog_get ("vi"));
  g_assert_null (trellis_catalog_get (""));

  /* Plurals: the catalogue’s own rule chooses the form. */
  g_assert_cmpstr (trellis_catalog_translate_plural (spanish, "%u goal", "%u goals", 1), ==, "%u meta");
  g_assert_cmpstr (trellis_catalog_translate_plural (spanish, "%u goal", "%u goals", 0), ==, "%u metas");
  g_assert_cmpstr (trellis_catalog_translate_plural (spanish, "%u goal", "%u goals", 2), ==, "%u metas");
  g_assert_cmpstr (trellis_catalog_translate_plural (english, "%u goal", "%u goals", 1), ==, "%u goal");
  g_assert_cmpstr (trellis_catalog_translate_plural (english, "%u goal", "%u goals", 7), ==, "%u goals");
  g_assert_cmpstr (trellis_catalog_translate_plural (spanish, "%u cat", "%u cats", 7), ==, "%u cats");
  g_assert_cmpstr (trellis_catalog_translate_plural (NULL, "%u goal", "%u goals", 3), ==, "%u goals");

  /* A damaged catalogue is refused with a warning, never read past its end. */
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mo, "\xde\x12\x04\x95\0\0\0\0\xff\xff\0\0\x1c\0\0\0\x1c\0\0\0\0\0\0\0\0\0\0\0", 28, &error));
  g_assert_no_error (error);
  g_setenv ("TRELLIS_LOCALEDIR", dir, TRUE);
  g_test_expect_message ("trellis-catalog", G_LOG_LEVEL_WARNING, "*damaged*");
  damaged = trellis_catalog_get ("zz");
  g_test_assert_expected_messages ();
  g_assert_null (damaged);

  /* Three forms chosen by Russian’s rule, and a rule that cannot be read (the first form). */
  {
    static const char russian[] = "%u файл\0%u файла\0%u файлов";
    static const char broken[] = "%u one\0%u other";
    static const struct { gulong n; const char *form; } counts[] = {
      { 1, "%u файл" }, { 21, "%u файл" }, { 2, "%u файла" }, { 24, "%u файла" }, { 5, "%u файлов" },
      { 11, "%u файлов" }, { 12, "%u файлов" }, { 111, "%u файлов" }, { 0, "%u файлов" },
    };
    g_autofree char *ru = g_build_filename (dir, "ru", "LC_MESSAGES", NULL);
    g_autofree char *ru_mo = g_build_filename (ru, "trellis.mo", NULL);
    g_autofree char *yy = g_build_filename (dir, "yy", "LC_MESSAGES", NULL);
    g_autofree char *yy_mo = g_build_filename (yy, "trellis.mo", NULL);
    g_autoptr(TrellisCatalog) catalog = NULL;
    g_autoptr(TrellisCatalog) odd = NULL;

    g_assert_cmpint (g_mkdir_with_parents (ru, 0700), ==, 0);
    g_assert_cmpint (g_mkdir_with_parents (yy, 0700), ==, 0);
    write_plural_catalog (ru_mo, "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                          "(n%100<10 || n%100>=20) ? 1 : 2);", russian, sizeof russian - 1);
    write_plural_catalog (yy_mo, "nplurals=2; plural=(n % 0 +;", broken, sizeof broken - 1);
    catalog = trellis_catalog_get ("ru");
    odd = trellis_catalog_get ("yy");
    g_assert_nonnull (catalog);
    g_assert_nonnull (odd);
    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      g_assert_cmpstr (trellis_catalog_translate_plural (catalog, "%u file", "%u files", counts[i].n), ==,
                       counts[i].form);
    g_assert_cmpstr (trellis_catalog_translate_plural (odd, "%u file", "%u files", 5), ==, "%u one");
  }
  g_setenv ("TRELLIS_LOCALEDIR", saved, TRUE);
  trellis_test_remove_tree (dir);
}

/* The shipped frameworks’ words have translations; a school’s own words do not. */
static void
test_report_framework_words (void)
{
  g_assert_cmpstr (trellis_framework_template_translate ("es", "Critical thinker"), ==, "Pensador crítico");
  g_assert_cmpstr (trellis_framework_template_translate ("es-MX", "Sets and pursues goals"), ==,
                   "Se fija metas y trabaja por ellas");
  g_assert_cmpstr (trellis_framework_template_translate ("es_US", "Not yet"), ==, "Todavía no");
  g_assert_null (trellis_framework_template_translate ("es", "Our own school’s attribute"));
  g_assert_null (trellis_framework_template_translate ("es", ""));
  g_assert_null (trellis_framework_template_translate ("zz", "Critical thinker"));
  g_assert_null (trellis_framework_template_translate ("en", "Critical thinker"));
}

/* Where @text starts on the first page, in points from the left. */
static double
find_text_x (PopplerDocument *document,
             const char      *text)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  GList *found = poppler_page_find_text (page, text);
  double x;

  g_assert_nonnull (found);
  x = ((PopplerRectangle *) found->data)->x1;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return x;
}

/* The map in a Spanish report speaks Spanish, at a size a family can read. */
static void
test_report_map_language (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const spanish[] = {
    "Perfil del egresado", "Inicial", "En desarrollo", "Competente", "Avanzado", "El nivel de un atributo",
    /* The shipped framework’s attributes, from its template’s Title[es] keys */
    "Pensador crítico", "Comunicador eficaz", "Innovador creativo",
  };
  static const char * const english[] = {
    "No level yet", "Emerging", "Developing", "Proficient", "Advanced", "highest level", "goals",
    "Critical thinker", "Effective communicator", "Creative innovator", "Self-directed learner",
  };
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (trellis_sample_school_populate (fixture->store, 6, TRELLIS_SAMPLE_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  id = first_sample_student (fixture->store, "");
  trellis_report_options_set_language (options, "es");
  for (TrellisPaper paper = TRELLIS_PAPER_A4; paper <= TRELLIS_PAPER_LETTER; paper++)
    {
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;

      options->paper = paper;
      document = render (fixture, &id, 1, options);
      text = all_text (document);
      g_assert_cmpint (poppler_document_get_n_pages (document), <=, 2);
      for (guint i = 0; i < G_N_ELEMENTS (spanish); i++)
        g_assert_nonnull (strstr (text, spanish[i]));
      for (guint i = 0; i < G_N_ELEMENTS (english); i++)
        g_assert_null (strstr (text, english[i]));
      /* Each band says its level or that it has none, and its goals, in words. */
      g_assert_true (strstr (text, "Aún sin nivel · ") != NULL || strstr (text, "Competente · ") != NULL ||
                     strstr (text, "Avanzado · ") != NULL);
      g_assert_true (strstr (text, " metas") != NULL || strstr (text, " meta") != NULL);
      assert_smallest_text (document, 8.0);
      /* The map lines up with the text column, under its heading. */
      g_assert_cmpfloat_with_epsilon (find_text_x (document, "Pensador crítico"),
                                      find_text_x (document, "Perfil del egresado"), 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The application’s language is English here; reports may still speak Spanish. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/catalog", test_report_catalog);
  g_test_add ("/report/typical-plan", Fixture, NULL, fixture_set_up, test_report_typical_plan, fixture_tear_down);
  g_test_add ("/report/long-plan", Fixture, NULL, fixture_set_up, test_report_long_plan, fixture_tear_down);
  g_test_add ("/report/scripts", Fixture, NULL, fixture_set_up, test_report_scripts, fixture_tear_down);
  g_test_add ("/report/language", Fixture, NULL, fixture_set_up, test_report_language, fixture_tear_down);
  g_test_add_func ("/report/framework-words", test_report_framework_words);
  g_test_add ("/report/map-language", Fixture, NULL, fixture_set_up, test_report_map_language, fixture_tear_down);
  g_test_add ("/report/sample-notes", Fixture, NULL, fixture_set_up, test_report_sample_notes, fixture_tear_down);
  g_test_add ("/report/empty-fields", Fixture, NULL, fixture_set_up, test_report_empty_fields, fixture_tear_down);
  g_test_add ("/report/pdf-file", Fixture, NULL, fixture_set_up, test_report_pdf_file, fixture_tear_down);

  return g_test_run ();
}
