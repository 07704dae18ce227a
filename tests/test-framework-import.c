/* test-framework-import.c — importing frameworks from Moodle CSV, CASE JSON, Mahara JSON, templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-csv-reader.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-import.h"
#include "trellis-framework-template.h"
#include "trellis-html-text.h"
#include "trellis-level.h"
#include "trellis-store-private.h"
#include "trellis-test-utils.h"

/* Generous for a build with sanitizers on a busy machine; a plain build takes well under. */
#define LARGE_FILE_SECONDS 10.0

/* The header line of a Moodle competency framework export. */
#define MOODLE_HEADER "\"Parent id number\",\"Id number\",Shortname,Description," \
                      "\"Description format\",\"Scale values\",\"Scale configuration\"," \
                      "\"Rule type (optional)\",\"Rule outcome (optional)\"," \
                      "\"Rule config (optional)\",\"Cross referenced competency id numbers\"," \
                      "\"Exported id (optional)\",\"Is framework\",Taxonomy\n"

typedef struct {
  char         *dir;
  TrellisStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = trellis_test_open_store (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_close_store (fixture->store, fixture->dir);
}

static TrellisFrameworkImport *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return trellis_framework_import_new_from_file (file, NULL, error);
}

static char *
fixture_path (const char *name)
{
  return trellis_test_source_path ("tests", "data", "frameworks", name, NULL);
}

static TrellisFrameworkImport *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return import_path (path, error);
}

/* Asserts that importing @path fails with @code and a message naming each of the
 * %NULL-terminated parts. */
G_GNUC_NULL_TERMINATED static void
assert_refused (const char   *path,
                int           code,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisFrameworkImport) import = import_path (path, &error);
  const char *part;
  va_list parts;

  g_assert_null (import);
  g_assert_error (error, TRELLIS_ERROR, code);
  g_test_message ("%s: %s", path, error->message);
  va_start (parts, code);
  while ((part = va_arg (parts, const char *)) != NULL)
    g_assert_nonnull (strstr (error->message, part));
  va_end (parts);
}

static TrellisFrameworkImport *
import_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  TrellisFrameworkImport *import = import_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
assert_parse_error (const char *name,
                    const char *expected_part)
{
  g_autofree char *path = fixture_path (name);

  assert_refused (path, TRELLIS_ERROR_PARSE, name, expected_part, NULL);
}

static gboolean
has_warning (TrellisFrameworkImport *import,
             const char             *part)
{
  g_auto(GStrv) warnings = trellis_framework_import_dup_warnings (import);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_counts (TrellisFrameworkImport *import,
               guint                   n_attributes,
               guint                   n_competencies,
               guint                   n_levels)
{
  g_assert_cmpuint (trellis_framework_import_get_n_attributes (import), ==, n_attributes);
  g_assert_cmpuint (trellis_framework_import_get_n_competencies (import), ==, n_competencies);
  g_assert_cmpuint (trellis_framework_import_get_n_levels (import), ==, n_levels);
}

static gint64
apply (TrellisFrameworkImport *import,
       TrellisStore           *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (trellis_framework_import_apply (import, store, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GListModel *
list (TrellisStore *store,
      GType         type,
      const char   *parent_field,
      gint64        parent_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = trellis_store_list (store, type, parent_field, parent_id, &error);

  g_assert_no_error (error);
  return model;
}

static gpointer
item (GListModel *model,
      guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (model, position);

  g_assert_nonnull (object);
  return object;  /* the model keeps its reference */
}

/* The competencies of the attribute at @position. */
static GListModel *
competencies_of (TrellisStore *store,
                 GListModel   *attributes,
                 guint         position)
{
  return list (store, TRELLIS_TYPE_COMPETENCY, "attribute-id",
               trellis_entity_get_id (TRELLIS_ENTITY (item (attributes, position))));
}

static const char *
text (gpointer    entity,
      const char *field)
{
  return trellis_entity_get_text (TRELLIS_ENTITY (entity), field);
}

static void
assert_level (GListModel *levels,
              guint       position,
              const char *title,
              int         value,
              gboolean    proficient)
{
  gpointer level = item (levels, position);

  g_assert_cmpstr (text (level, "title"), ==, title);
  g_assert_cmpint (trellis_entity_get_int (TRELLIS_ENTITY (level), "value"), ==, value);
  g_assert_cmpint (trellis_entity_get_boolean (TRELLIS_ENTITY (level), "is-proficient"), ==, proficient);
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Tests: Moodle CSV */

static void
test_moodle_quoting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("moodle-quoting.csv");
  g_autoptr(TrellisFramework) framework = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GListModel) think = NULL;
  g_autoptr(GListModel) mana = NULL;
  gint64 id;

  g_assert_cmpstr (trellis_framework_import_get_title (import), ==, "Kahu Ako Graduate Profile, 2026");
  g_assert_cmpstr (trellis_framework_import_get_format_name (import), ==, "Moodle competency framework (CSV)");
  assert_counts (import, 2, 4, 4);
  {
    /* the preview names what comes in, not only how much (issue 17, item 15) */
    g_auto(GStrv) attribute_names = trellis_framework_import_dup_attribute_names (import);
    g_auto(GStrv) level_names = trellis_framework_import_dup_level_names (import);

    g_assert_cmpuint (g_strv_length (attribute_names), ==, 2);
    g_assert_cmpstr (attribute_names[0], ==, "Thinker, maker and \"doer\" (2)");
    g_assert_cmpstr (attribute_names[1], ==, "Manaakitanga (2)");
    g_assert_cmpuint (g_strv_length (level_names), ==, 4);
    g_assert_cmpstr (level_names[0], ==, "Not yet");
    g_assert_cmpstr (level_names[3], ==, "Excelling");
  }
  g_assert_true (has_warning (import, "cross references of 1 competency"));
  g_assert_true (has_warning (import, "completion rule of 1 competency"));

  id = apply (import, fixture->store);
  framework = trellis_store_load (fixture->store, TRELLIS_TYPE_FRAMEWORK, id, NULL);
  g_assert_cmpstr (text (framework, "description"), ==,
                   "The graduate profile of our Kāhui Ako & whānau.\n\nSecond paragraph.");
  g_assert_false (trellis_entity_get_boolean (TRELLIS_ENTITY (framework), "is-default"));

  levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);
  assert_level (levels, 0, "Not yet", 1, FALSE);
  assert_level (levels, 1, "Working towards", 2, FALSE);
  assert_level (levels, 2, "Achieved", 3, TRUE);
  assert_level (levels, 3, "Excelling", 4, TRUE);

  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpuint (g_list_model_get_n_items (attributes), ==, 2);
  g_assert_cmpstr (text (item (attributes, 0), "title"), ==, "Thinker, maker and \"doer\"");
  g_assert_cmpstr (text (item (attributes, 0), "description"), ==,
                   "Thinks critically,\ncreatively\nand carefully.");
  g_assert_cmpstr (text (item (attributes, 0), "color"), !=, text (item (attributes, 1), "color"));
  g_assert_cmpstr (text (item (attributes, 1), "description"), ==, "Caring for others — tiaki tangata.");

  think = competencies_of (fixture->store, attributes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (think), ==, 2);
  g_assert_cmpstr (text (item (think, 0), "code"), ==, "THINK.1");
  g_assert_cmpstr (text (item (think, 0), "description"), ==, "• Asks why\n• Asks how");

  mana = competencies_of (fixture->store, attributes, 1);
  g_assert_cmpstr (text (item (mana, 0), "title"), ==, "Tôn trọng mọi người");
  g_assert_cmpstr (text (item (mana, 0), "description"), ==, "Học sinh tôn trọng thầy cô, bạn bè và gia đình.");
  g_assert_cmpstr (text (item (mana, 1), "description"), ==, "Plain text with 5 < 6 & R&D");
}

static void
test_moodle_deep_tree (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("moodle-deep.csv");
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GListModel) communication = NULL;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GListModel) levels = NULL;
  gint64 id;

  /* D1 (with strands folded into paths), D2 and the attribute for the lost competency. */
  assert_counts (import, 3, 6, 3);
  g_assert_true (has_warning (import, "2 items between them were folded"));
  g_assert_true (has_warning (import, "“NOPE”"));
  g_assert_true (has_warning (import, "line 12"));

  id = apply (import, fixture->store);
  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (text (item (attributes, 0), "title"), ==, "Communication");
  g_assert_cmpstr (text (item (attributes, 1), "title"), ==, "Citizenship");
  g_assert_cmpstr (text (item (attributes, 2), "title"), ==, "Other competencies");

  communication = competencies_of (fixture->store, attributes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (communication), ==, 4);
  g_assert_cmpstr (text (item (communication, 0), "title"), ==, "Presents to a class");
  g_assert_cmpstr (text (item (communication, 0), "description"), ==,
                   "Path: Speaking\n\nGives a two-minute talk.");
  g_assert_cmpstr (text (item (communication, 1), "description"), ==, "Path: Speaking");
  g_assert_cmpstr (text (item (communication, 2), "description"), ==, "Path: Writing");
  g_assert_cmpstr (text (item (communication, 3), "title"), ==, "Listens");
  g_assert_cmpstr (text (item (communication, 3), "description"), ==, "");

  other = competencies_of (fixture->store, attributes, 2);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 1);
  g_assert_cmpstr (text (item (other, 0), "code"), ==, "X.1");

  /* No scale configuration: the upper half counts as proficient. */
  levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
  assert_level (levels, 0, "Beginning", 1, FALSE);
  assert_level (levels, 1, "Developing", 2, FALSE);
  assert_level (levels, 2, "Secure", 3, TRUE);
}

static void
test_moodle_malformed (void)
{
  assert_parse_error ("moodle-unclosed.csv", "line 4");
  assert_parse_error ("moodle-stray-quote.csv", "line 4");
  assert_parse_error ("moodle-cycle.csv", "“A”");
  assert_parse_error ("moodle-cycle.csv", "“C”");
  assert_parse_error ("empty.csv", "empty");
}

static void
test_moodle_bad_files (void)
{
  g_autofree char *dir = trellis_test_make_dir ();
  g_autofree char *latin1 = write_temp_file (dir, "latin1.csv", "a,b\nd\xe9j\xe0,c\n", -1);
  g_autofree char *blank = write_temp_file (dir, "blank.csv", "\xEF\xBB\xBF \r\n\r\n", -1);
  g_autofree char *narrow = write_temp_file (dir, "narrow.csv", "name,email\nAroha,a@example.org\n", -1);
  g_autofree char *nested = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  static const char * const hiding[] = { "{\"framework\":['\"',", "{\"framework\":[/*\"*/" };

  assert_refused (latin1, TRELLIS_ERROR_PARSE, "line 2", NULL);
  assert_refused (blank, TRELLIS_ERROR_PARSE, "empty", NULL);
  assert_refused (narrow, TRELLIS_ERROR_PARSE, "Moodle", NULL);

  /* Nesting that would exhaust json-glib’s recursive parser is refused first, also behind what
   * json-glib reads as a string or a comment and a plain scan would not. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  nested = write_temp_file (dir, "nested.json", deep->str, deep->len);
  assert_refused (nested, TRELLIS_ERROR_PARSE, "nested", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hiding); i++)
    {
      g_autofree char *hidden = NULL;

      g_string_overwrite (deep, 0, hiding[i]);
      hidden = write_temp_file (dir, "hidden.json", deep->str, deep->len);
      assert_refused (hidden, TRELLIS_ERROR_PARSE, "nested", NULL);
    }

  /* Importer defect 5: two documents run together were read as the last one. */
  {
    g_autofree char *source = fixture_path ("mahara-flat.json");
    g_autofree char *one = NULL;
    g_autofree char *twice = NULL;
    g_autofree char *joined = NULL;
    g_autofree char *spaced = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (source, &one, &length, NULL));
    twice = g_strconcat (one, "\n", one, NULL);
    joined = write_temp_file (dir, "joined.json", twice, -1);
    assert_refused (joined, TRELLIS_ERROR_PARSE, "more JSON follows", "line ", NULL);
    /* Importer defect 6: \u0000 would cut a text short, a lone surrogate is no character;
     * both are refused where they are. A whole pair (an emoji) is a character. */
    {
      static const struct { const char *name; const char *escape; const char *said; } escapes[] = {
        { "nul.json", "\\u0000", "\\u0000" },
        { "high.json", "\\ud83d!", "half of a character" },
        { "low.json", "\\ude00", "half of a character" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
        {
          g_autofree char *name = g_strdup_printf ("\"name\": \"A%sB", escapes[i].escape);
          g_autoptr(GString) text = g_string_new (one);
          g_autofree char *path = NULL;

          g_assert_cmpuint (g_string_replace (text, "\"name\": \"", name, 1), ==, 1);
          path = write_temp_file (dir, escapes[i].name, text->str, -1);
          assert_refused (path, TRELLIS_ERROR_PARSE, escapes[i].said, "line 3", NULL);
        }
      {
        g_autoptr(GString) text = g_string_new (one);
        g_autofree char *path = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(TrellisFrameworkImport) import = NULL;

        g_string_replace (text, "\"name\": \"", "\"name\": \"\\ud83d\\ude00 ", 1);
        path = write_temp_file (dir, "pair.json", text->str, -1);
        import = import_path (path, &error);
        g_assert_no_error (error);
        g_assert_true (g_str_has_prefix (trellis_framework_import_get_title (import), "😀 "));
      }
    }
    /* Importer defect 2: the preview refuses a text the store would, saying where. */
    {
      g_autoptr(GString) text = g_string_new (one);
      g_autoptr(GString) long_name = g_string_new ("\"name\": \"");
      g_autofree char *path = NULL;

      for (guint i = 0; i < 20001; i++)
        g_string_append_c (long_name, 'x');
      g_string_replace (text, "\"name\": \"", long_name->str, 1);
      path = write_temp_file (dir, "long.json", text->str, -1);
      assert_refused (path, TRELLIS_ERROR_INVALID, "the framework", "at most 20000", NULL);
    }
    /* a document followed by blank lines and a comment is one document */
    g_free (twice);
    twice = g_strconcat (one, "\n\n  /* exported by hand */\n", NULL);
    spaced = write_temp_file (dir, "spaced.json", twice, -1);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisFrameworkImport) import = import_path (spaced, &error);

      g_assert_no_error (error);
      g_assert_nonnull (import);
    }
  }

  trellis_test_remove_tree (dir);
}

/* A scale configuration nested deeper than json-glib can parse is no configuration. */
static void
test_moodle_deep_scale_configuration (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (MOODLE_HEADER ",F,Deep,,2,\"One,Two\",\"");
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (csv, '[');
  g_string_append (csv, "\",,,,,,1,\n,C1,A competency,,2,,,,,,,,,\n");
  path = write_temp_file (fixture->dir, "deep-scale.csv", csv->str, csv->len);

  import = import_path (path, &error);
  g_assert_no_error (error);
  assert_counts (import, 1, 1, 2);
  g_assert_true (has_warning (import, "line 2 is not valid JSON (nested too deep)"));
  apply (import, fixture->store);

  /* Importer defect 7: a malformed configuration is named by line and by what is wrong. */
  {
    g_autofree char *broken = write_temp_file (fixture->dir, "broken-scale.csv",
                                               MOODLE_HEADER ",F,Broken,,2,\"One,Two\",\"[{\"\"scaleid\"\":\"\"3\"\",\",,,,,,1,\n"
                                               ",C1,A competency,,2,,,,,,,,,\n", -1);
    g_autofree char *not_list = write_temp_file (fixture->dir, "object-scale.csv",
                                                 MOODLE_HEADER ",F,Object,,2,\"One,Two\",\"{}\",,,,,,1,\n"
                                                 ",C1,A competency,,2,,,,,,,,,\n", -1);
    g_autoptr(TrellisFrameworkImport) broken_import = import_path (broken, &error);
    g_autoptr(TrellisFrameworkImport) object_import = NULL;

    g_assert_no_error (error);
    g_assert_true (has_warning (broken_import, "line 2 is not valid JSON (at character "));
    object_import = import_path (not_list, &error);
    g_assert_no_error (error);
    g_assert_true (has_warning (object_import, "line 2 is not a list of levels"));
  }
}

/* Tests: CASE */

/* A rubric level with neither a quality nor a description is named by its value. */
static void
test_case_untitled_levels (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char json[] =
    "{\"CFDocument\": {\"title\": \"Untitled levels\"},"
    " \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"A competency\"}],"
    " \"CFRubrics\": [{\"CFRubricCriteria\": [{\"CFRubricCriterionLevels\":"
    "   [{\"score\": 1}, {\"score\": 2, \"quality\": \"\"}]}]}]}";
  g_autofree char *path = write_temp_file (fixture->dir, "untitled-levels.json", json, -1);
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  import = import_path (path, &error);
  g_assert_no_error (error);
  assert_counts (import, 1, 1, 2);

  id = apply (import, fixture->store);
  levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
  assert_level (levels, 0, "Level 1", 1, FALSE);
  assert_level (levels, 1, "Level 2", 2, TRUE);
}

static void
test_case_package (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("case-package.json");
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GListModel) thinker = NULL;
  g_autoptr(GListModel) communicator = NULL;
  gint64 id;

  g_assert_cmpstr (trellis_framework_import_get_title (import), ==, "Hồ sơ học sinh tốt nghiệp — Graduate Profile");
  g_assert_cmpstr (trellis_framework_import_get_format_name (import), ==, "1EdTech CASE 1.0 package (JSON)");
  assert_counts (import, 2, 5, 4);
  g_assert_true (has_warning (import, "isRelatedTo"));
  g_assert_true (has_warning (import, "$.CFRubrics[0].CFRubricCriteria[0]"));
  g_assert_true (has_warning (import, "1 item between them was folded"));

  id = apply (import, fixture->store);
  levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
  assert_level (levels, 0, "Beginning", 1, FALSE);
  assert_level (levels, 1, "Approaching", 2, FALSE);
  assert_level (levels, 2, "Meets", 3, TRUE);
  assert_level (levels, 3, "Exceeds", 4, TRUE);
  g_assert_cmpstr (text (item (levels, 2), "description"), ==, "Meets the standard independently.");

  /* Sequence numbers order the attributes and competencies, not the file order. */
  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (text (item (attributes, 0), "title"), ==, "Critical thinker");
  g_assert_cmpstr (text (item (attributes, 0), "description"), ==, "Graduates think critically and solve problems.");
  g_assert_cmpstr (text (item (attributes, 1), "title"), ==, "Communicator");

  thinker = competencies_of (fixture->store, attributes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (thinker), ==, 3);
  g_assert_cmpstr (text (item (thinker, 0), "code"), ==, "PG.1.R.1");
  g_assert_cmpstr (text (item (thinker, 0), "description"), ==, "Path: Reasoning strand");
  g_assert_cmpstr (text (item (thinker, 1), "code"), ==, "PG.1.R.2");   /* linked by URI */
  g_assert_cmpstr (text (item (thinker, 2), "code"), ==, "PG.1.2");

  communicator = competencies_of (fixture->store, attributes, 1);
  g_assert_cmpstr (text (item (communicator, 0), "title"), ==, "Thuyết trình");
  g_assert_cmpstr (text (item (communicator, 0), "description"), ==, "Trình bày ý tưởng rõ ràng trước lớp.");
  g_assert_cmpstr (text (item (communicator, 1), "title"), ==,
                   "Writes for a purpose — e.g. a letter to the city council.");
}

static void
test_case_missing_parent (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("case-missing-parent.json");
  g_autoptr(GListModel) attributes = NULL;
  gint64 id;

  assert_counts (import, 2, 2, 4);
  g_assert_true (has_warning (import, "“gone”"));
  g_assert_true (has_warning (import, "$.CFItems[2]"));
  g_assert_true (has_warning (import, "default four-level scale"));

  id = apply (import, fixture->store);
  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (text (item (attributes, 1), "title"), ==, "Other competencies");
}

static void
test_case_malformed (void)
{
  assert_parse_error ("case-cycle.json", "“x”");
  assert_parse_error ("case-cycle.json", "“z”");
  assert_parse_error ("case-no-identifier.json", "$.CFItems[2].identifier");
  assert_parse_error ("case-syntax-error.json", "line 3, column");
}

/* Tests: Mahara */

static void
test_mahara_nested (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("mahara-nested.json");
  g_autoptr(TrellisFramework) framework = NULL;
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GListModel) relationships = NULL;
  g_autoptr(GListModel) unused = NULL;
  gint64 id;

  g_assert_cmpstr (trellis_framework_import_get_format_name (import), ==, "Mahara SmartEvidence matrix (JSON)");
  g_assert_cmpstr (trellis_framework_import_get_title (import), ==, "Ngā Paerewa — Graduate Standards");
  assert_counts (import, 3, 3, 4);

  id = apply (import, fixture->store);
  framework = trellis_store_load (fixture->store, TRELLIS_TYPE_FRAMEWORK, id, NULL);
  g_assert_cmpstr (text (framework, "description"), ==, "Standards for our ākonga.");
  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (text (item (attributes, 0), "title"), ==, "Builds relationships");
  g_assert_cmpstr (text (item (attributes, 0), "description"), ==, "Relationships with whānau & community.");

  relationships = competencies_of (fixture->store, attributes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (relationships), ==, 2);
  g_assert_cmpstr (text (item (relationships, 1), "code"), ==, "1.2");
  g_assert_cmpstr (text (item (relationships, 1), "title"), ==, "Works with whānau");
  g_assert_cmpstr (text (item (relationships, 1), "description"), ==, "• listens\n• responds");

  unused = competencies_of (fixture->store, attributes, 2);
  g_assert_cmpuint (g_list_model_get_n_items (unused), ==, 0);
}

static void
test_mahara_flat (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("mahara-flat.json");
  g_autoptr(GListModel) attributes = NULL;
  g_autoptr(GListModel) readiness = NULL;
  g_autoptr(GListModel) levels = NULL;
  gint64 id;

  assert_counts (import, 2, 3, 3);
  g_assert_true (has_warning (import, "Ready for assessment"));

  id = apply (import, fixture->store);
  levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
  assert_level (levels, 0, "Doesn't meet the competency", 1, FALSE);
  assert_level (levels, 1, "Partially meets the competency", 2, FALSE);
  assert_level (levels, 2, "Meets the competency", 3, TRUE);

  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (text (item (attributes, 1), "title"), ==, "Life skills");
  readiness = competencies_of (fixture->store, attributes, 0);
  g_assert_cmpuint (g_list_model_get_n_items (readiness), ==, 2);
  g_assert_cmpstr (text (item (readiness, 0), "title"), ==, "Analyses data");
  g_assert_cmpstr (text (item (readiness, 0), "description"), ==, "Path: Critical thinking\n\nA sub-element.");
  g_assert_cmpstr (text (item (readiness, 1), "title"), ==, "Communication");
}

/* Tests: applying, templates, limits */

static void
test_apply_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrellisFrameworkImport) import = import_ok ("moodle-quoting.csv");
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  gint64 id = 0;

  /* A new database holds the shipped Profile of a Graduate already. */
  const GType types[] = { TRELLIS_TYPE_FRAMEWORK, TRELLIS_TYPE_LEVEL, TRELLIS_TYPE_ATTRIBUTE,
                          TRELLIS_TYPE_COMPETENCY };
  gint64 before[G_N_ELEMENTS (types)];

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    before[i] = trellis_store_count (fixture->store, types[i]);

  /* The framework goes in first; its first level, the second insert, is refused. */
  sqlite3_exec (trellis_store_get_db (fixture->store),
                "CREATE TEMP TRIGGER refuse_levels BEFORE INSERT ON main.proficiency_level "
                "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                NULL, NULL, &message);
  g_assert_null (message);

  g_assert_false (trellis_framework_import_apply (import, fixture->store, &id, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_assert_cmpint (id, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpint (trellis_store_count (fixture->store, types[i]), ==, before[i]);
  g_clear_error (&error);

  /* Once the obstacle is gone the same import applies whole. */
  sqlite3_exec (trellis_store_get_db (fixture->store), "DROP TRIGGER refuse_levels", NULL, NULL, NULL);
  apply (import, fixture->store);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_FRAMEWORK), ==, before[0] + 1);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_COMPETENCY), ==, before[3] + 4);
}

static void
test_shipped_templates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(GStrv) paths = trellis_framework_template_list ();

  g_assert_cmpuint (g_strv_length (paths), >=, 3);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GListModel) attributes = NULL;
      g_autoptr(GListModel) levels = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = 0;

      g_test_message ("%s", paths[i]);
      g_assert_nonnull (bytes);
      g_assert_true (trellis_framework_template_load_bytes (fixture->store, bytes, FALSE, &id, &error));
      g_assert_no_error (error);

      attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
      g_assert_cmpuint (g_list_model_get_n_items (attributes), >=, 5);
      g_assert_cmpuint (g_list_model_get_n_items (attributes), <=, 6);
      for (guint a = 0; a < g_list_model_get_n_items (attributes); a++)
        {
          g_autoptr(GListModel) competencies = competencies_of (fixture->store, attributes, a);

          g_assert_cmpuint (g_list_model_get_n_items (competencies), >=, 3);
          g_assert_cmpuint (g_list_model_get_n_items (competencies), <=, 4);
        }
      levels = list (fixture->store, TRELLIS_TYPE_LEVEL, "framework-id", id);
      g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);
      g_assert_false (trellis_entity_get_boolean (TRELLIS_ENTITY (item (levels, 1)), "is-proficient"));
      g_assert_true (trellis_entity_get_boolean (TRELLIS_ENTITY (item (levels, 2)), "is-proficient"));
    }
}

static void
test_template_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = trellis_test_source_path ("data", "frameworks", "career-readiness.framework", NULL);
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attributes = NULL;
  gint64 competencies_before = trellis_store_count (fixture->store, TRELLIS_TYPE_COMPETENCY);
  gint64 id;

  import = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_framework_import_get_format_name (import), ==, "Trellis framework template");
  g_assert_cmpstr (trellis_framework_import_get_title (import), ==, "Career-Ready Graduate");
  assert_counts (import, 6, 19, 4);

  id = apply (import, fixture->store);
  attributes = list (fixture->store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpuint (g_list_model_get_n_items (attributes), ==, 6);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_COMPETENCY), ==, competencies_before + 19);
}

/* A template is held to the limits of the other formats. */
static void
test_template_limits (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) levels = g_string_new ("[Framework]\nTitle=Many levels\n");
  g_autoptr(GString) items = g_string_new ("[Framework]\nTitle=Many competencies\n[Attribute A]\nTitle=A\n");
  g_autofree char *levels_path = NULL;
  g_autofree char *items_path = NULL;

  for (guint i = 0; i < 21; i++)
    g_string_append_printf (levels, "[Level %u]\nTitle=Level %u\nValue=%u\n", i, i, i);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (items, "[Competency C%u]\nTitle=C\n", i);
  levels_path = write_temp_file (fixture->dir, "levels.framework", levels->str, levels->len);
  items_path = write_temp_file (fixture->dir, "items.framework", items->str, items->len);

  assert_refused (levels_path, TRELLIS_ERROR_PARSE, "[Level 20]", "more than 20 levels", NULL);
  assert_refused (items_path, TRELLIS_ERROR_INVALID, "[Competency C19999]", "more than 20000", NULL);
}

static void
append_csv_row (GString    *csv,
                const char *parent,
                const char *id,
                const char *description)
{
  g_string_append_printf (csv, "%s,%s,\"Competency %s, with a comma\",\"%s\",2,,,,,,,,,\n",
                          parent, id, id, description);
}

static void
test_large_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (MOODLE_HEADER ",BIG,Big framework,,2,\"One,Two,Three,Four\",,,,,,,1,\n");
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) many = NULL;
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *too_many = NULL;
  gint64 frameworks_before = trellis_store_count (fixture->store, TRELLIS_TYPE_FRAMEWORK);
  gint64 competencies_before = trellis_store_count (fixture->store, TRELLIS_TYPE_COMPETENCY);

  while (description->len < 9000)
    g_string_append (description, "Ako, whānau and ngā \"\"kōrero\"\" — học tập suốt đời. ");
  for (guint a = 0; a < 20; a++)
    {
      g_autofree char *attribute = g_strdup_printf ("A%u", a);

      append_csv_row (csv, "", attribute, "An attribute");
      for (guint c = 0; c < 120; c++)
        {
          g_autofree char *competency = g_strdup_printf ("A%u.%u", a, c);
          append_csv_row (csv, attribute, competency, description->str);
        }
    }
  g_assert_cmpuint (csv->len, >=, 20 * 1024 * 1024);
  path = write_temp_file (fixture->dir, "big.csv", csv->str, csv->len);

  timer = g_timer_new ();
  import = import_path (path, &error);
  g_assert_no_error (error);
  assert_counts (import, 20, 2400, 4);
  apply (import, fixture->store);
  g_test_message ("a %.1f MB file imported in %.2f s", csv->len / 1048576.0, g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, LARGE_FILE_SECONDS);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_COMPETENCY), ==, competencies_before + 2400);
  g_clear_object (&import);

  /* 20 MB of tiny rows is more competencies than any framework has: refused quickly. */
  many = g_string_new (csv->str);
  g_string_truncate (many, strstr (many->str, "\n,A0,") - many->str + 1);
  while (many->len < 20 * 1024 * 1024)
    {
      g_autofree char *competency = g_strdup_printf ("C%" G_GSIZE_FORMAT, many->len);
      append_csv_row (many, "", competency, "x");
    }
  too_many = write_temp_file (fixture->dir, "many.csv", many->str, many->len);
  g_timer_start (timer);
  assert_refused (too_many, TRELLIS_ERROR_INVALID, NULL);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, LARGE_FILE_SECONDS);

  /* Past the size limit the file is not even parsed. */
  while (many->len <= 51 * 1024 * 1024)
    g_string_append_len (many, many->str + 400, 1024 * 1024);
  g_clear_pointer (&too_many, g_free);
  too_many = write_temp_file (fixture->dir, "huge.csv", many->str, many->len);
  g_timer_start (timer);
  assert_refused (too_many, TRELLIS_ERROR_INVALID, "50 MB", NULL);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, LARGE_FILE_SECONDS);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_FRAMEWORK), ==, frameworks_before + 1);
}

static void
test_cancelled (void)
{
  g_autofree char *path = fixture_path ("case-package.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  import = trellis_framework_import_new_from_file (file, cancellable, &error);
  g_assert_null (import);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CANCELLED);
}

/* Tests: the building blocks */

static void
test_csv_reader (void)
{
  static const char text[] = "\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n"
                             "\"two\r\nlines\",x\rlast,\"\"";
  g_autoptr(TrellisCsvReader) reader = trellis_csv_reader_new ("t.csv", text, strlen (text));
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_csv_reader_next (reader, &row, &error));
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "b,c");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "say \"hi\"");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (trellis_csv_reader_next (reader, &row, &error));
  g_assert_cmpuint (trellis_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "two\nlines");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_true (trellis_csv_reader_next (reader, &row, &error));
  g_assert_cmpuint (trellis_csv_reader_get_line (reader), ==, 5);
  g_assert_cmpuint (row->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "");
  g_clear_pointer (&row, g_ptr_array_unref);

  g_assert_false (trellis_csv_reader_next (reader, &row, &error));
  g_assert_no_error (error);
  g_assert_null (row);
}

static void
test_html_to_text (void)
{
  static const struct {
    const char *html;
    const char *text;
  } cases[] = {
    { "<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines" },
    { "  spaced \n\t out  ", "spaced out" },
    { "&lt;b&gt; &amp;amp; &#233;&#x1F600; &eacute;&nbsp;x &bogus; &#xD800;", "<b> &amp; é\xF0\x9F\x98\x80 é x &bogus; \xEF\xBF\xBD" },
    { "<script>alert('x')</script>kept<style>p{}</style>", "kept" },
    { "a<!-- hidden -->b <!-- never closed", "ab" },
    { "5 < 6 and <<<< a", "5 < 6 and <<<< a" },
    { "<a href=\"x\">link</a> <unclosed", "link <unclosed" },
    { "<h2>Title</h2><ul><li>one</li><li>two</li></ul>after", "Title\n\n• one\n• two\n\nafter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = trellis_html_to_text (cases[i].html);

      g_assert_cmpstr (result, ==, cases[i].text);
      g_assert_true (g_utf8_validate (result, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/framework-import/moodle/quoting", Fixture, NULL, fixture_set_up, test_moodle_quoting, fixture_tear_down);
  g_test_add ("/framework-import/moodle/deep-tree", Fixture, NULL, fixture_set_up, test_moodle_deep_tree, fixture_tear_down);
  g_test_add_func ("/framework-import/moodle/malformed", test_moodle_malformed);
  g_test_add_func ("/framework-import/bad-files", test_moodle_bad_files);
  g_test_add ("/framework-import/moodle/deep-scale-configuration", Fixture, NULL, fixture_set_up,
              test_moodle_deep_scale_configuration, fixture_tear_down);
  g_test_add ("/framework-import/case/package", Fixture, NULL, fixture_set_up, test_case_package, fixture_tear_down);
  g_test_add ("/framework-import/case/untitled-levels", Fixture, NULL, fixture_set_up, test_case_untitled_levels,
              fixture_tear_down);
  g_test_add ("/framework-import/case/missing-parent", Fixture, NULL, fixture_set_up, test_case_missing_parent, fixture_tear_down);
  g_test_add_func ("/framework-import/case/malformed", test_case_malformed);
  g_test_add ("/framework-import/mahara/nested", Fixture, NULL, fixture_set_up, test_mahara_nested, fixture_tear_down);
  g_test_add ("/framework-import/mahara/flat", Fixture, NULL, fixture_set_up, test_mahara_flat, fixture_tear_down);
  g_test_add ("/framework-import/apply-all-or-nothing", Fixture, NULL, fixture_set_up, test_apply_all_or_nothing, fixture_tear_down);
  g_test_add ("/framework-import/shipped-templates", Fixture, NULL, fixture_set_up, test_shipped_templates, fixture_tear_down);
  g_test_add ("/framework-import/template-file", Fixture, NULL, fixture_set_up, test_template_file, fixture_tear_down);
  g_test_add ("/framework-import/template-limits", Fixture, NULL, fixture_set_up, test_template_limits,
              fixture_tear_down);
  g_test_add ("/framework-import/large-file", Fixture, NULL, fixture_set_up, test_large_file, fixture_tear_down);
  g_test_add_func ("/framework-import/cancelled", test_cancelled);
  g_test_add_func ("/framework-import/csv-reader", test_csv_reader);
  g_test_add_func ("/framework-import/html-to-text", test_html_to_text);

  return g_test_run ();
}
