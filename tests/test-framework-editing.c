/* test-framework-editing.c — create, duplicate, delete, default, order and proficiency threshold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-error.h"
#include "trellis-framework.h"
#include "trellis-framework-editing.h"
#include "trellis-framework-template.h"
#include "trellis-level.h"
#include "trellis-plan.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-test-utils.h"

typedef struct {
  char         *dir;
  TrellisStore *store;
  gint64        shipped;   /* the Profile of a Graduate a new database starts with */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = trellis_test_open_store (&fixture->dir);
  fixture->shipped = trellis_store_get_default_framework (fixture->store);
  g_assert_cmpint (fixture->shipped, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  trellis_test_close_store (fixture->store, fixture->dir);
}

#define COUNT_ATTRIBUTES "SELECT count(*) FROM attribute WHERE framework_id = ?"
#define COUNT_LEVELS "SELECT count(*) FROM proficiency_level WHERE framework_id = ?"
#define COUNT_COMPETENCIES "SELECT count(*) FROM competency c JOIN attribute a ON a.id = c.attribute_id " \
                           "WHERE a.framework_id = ?"
#define COUNT_ATTRIBUTE_COMPETENCIES "SELECT count(*) FROM competency WHERE attribute_id = ?"
#define COUNT_DEFAULTS "SELECT count(*) FROM framework WHERE is_default AND ? >= 0"

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) framework = NULL;
  gint64 id = 0;

  g_assert_false (trellis_framework_create (fixture->store, "  ", &id, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpint (trellis_store_count (fixture->store, TRELLIS_TYPE_FRAMEWORK), ==, 1);
  g_clear_error (&error);

  g_assert_true (trellis_framework_create (fixture->store, "Te Ara Whānui", &id, &error));
  g_assert_no_error (error);
  framework = trellis_store_load (fixture->store, TRELLIS_TYPE_FRAMEWORK, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_text (framework, "title"), ==, "Te Ara Whānui");
  g_assert_false (trellis_entity_get_boolean (framework, "is-default"));
  g_assert_cmpint (trellis_test_query_int (fixture->store, COUNT_LEVELS, id), ==, 4);
  g_assert_cmpint (trellis_test_query_int (fixture->store, COUNT_ATTRIBUTES, id), ==, 0);
  /* Proficient (value 3) is the threshold; Advanced above it counts too. */
  g_assert_cmpint (trellis_test_query_int (fixture->store,
                                           "SELECT count(*) FROM proficiency_level "
                                           "WHERE framework_id = ? AND is_proficient", id), ==, 2);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) copy = NULL;
  g_autoptr(GListModel) originals = NULL;
  g_autoptr(GListModel) copies = NULL;
  gint64 copy_id = 0;

  g_assert_true (trellis_framework_duplicate (store, fixture->shipped, NULL, &copy_id, &error));
  g_assert_no_error (error);
  copy = trellis_store_load (store, TRELLIS_TYPE_FRAMEWORK, copy_id, &error);
  g_assert_cmpstr (trellis_entity_get_text (copy, "title"), ==, "Profile of a Graduate (copy)");
  g_assert_false (trellis_entity_get_boolean (copy, "is-default"));
  g_assert_cmpint (trellis_test_query_int (store, COUNT_DEFAULTS, 0), ==, 1);

  g_assert_cmpint (trellis_test_query_int (store, COUNT_ATTRIBUTES, copy_id), ==,
                   trellis_test_query_int (store, COUNT_ATTRIBUTES, fixture->shipped));
  g_assert_cmpint (trellis_test_query_int (store, COUNT_COMPETENCIES, copy_id), ==,
                   trellis_test_query_int (store, COUNT_COMPETENCIES, fixture->shipped));
  g_assert_cmpint (trellis_test_query_int (store, COUNT_LEVELS, copy_id), ==,
                   trellis_test_query_int (store, COUNT_LEVELS, fixture->shipped));
  g_assert_cmpint (trellis_test_query_int (store, COUNT_COMPETENCIES, copy_id), >, 10);

  /* Same titles, order and colours; new records with new UUIDs. */
  originals = trellis_store_list (store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", fixture->shipped, NULL);
  copies = trellis_store_list (store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", copy_id, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (originals); i++)
    {
      g_autoptr(TrellisEntity) a = g_list_model_get_item (originals, i);
      g_autoptr(TrellisEntity) b = g_list_model_get_item (copies, i);

      g_assert_cmpstr (trellis_entity_get_text (a, "title"), ==, trellis_entity_get_text (b, "title"));
      g_assert_cmpstr (trellis_entity_get_text (a, "color"), ==, trellis_entity_get_text (b, "color"));
      g_assert_cmpint (trellis_entity_get_int (a, "position"), ==, trellis_entity_get_int (b, "position"));
      g_assert_cmpstr (trellis_entity_get_uuid (a), !=, trellis_entity_get_uuid (b));
      g_assert_cmpint (trellis_test_query_int (store, COUNT_ATTRIBUTE_COMPETENCIES, trellis_entity_get_id (a)), ==,
                       trellis_test_query_int (store, COUNT_ATTRIBUTE_COMPETENCIES, trellis_entity_get_id (b)));
    }

  {
    guint n_attributes, n_competencies, n_levels;

    trellis_framework_count_contents (store, copy_id, &n_attributes, &n_competencies, &n_levels);
    g_assert_cmpuint (n_attributes, ==, trellis_test_query_int (store, COUNT_ATTRIBUTES, fixture->shipped));
    g_assert_cmpuint (n_competencies, ==, trellis_test_query_int (store, COUNT_COMPETENCIES, fixture->shipped));
    g_assert_cmpuint (n_levels, ==, 4);
  }

  g_assert_false (trellis_framework_duplicate (store, 9999, "Nope", NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (trellis_store_count (store, TRELLIS_TYPE_FRAMEWORK), ==, 2);
}

static void
test_default (Fixture       *fixture,
              gconstpointer  data)
{
  TrellisStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 other = 0;

  trellis_framework_create (store, "Career readiness", &other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, fixture->shipped);

  g_assert_true (trellis_framework_set_default (store, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, other);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_DEFAULTS, 0), ==, 1);

  g_assert_false (trellis_framework_set_default (store, 4242, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, other);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_DEFAULTS, 0), ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  TrellisStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 copy_id = 0;
  gint64 n_competencies = trellis_test_query_int (store, COUNT_COMPETENCIES, fixture->shipped);

  trellis_test_add_plan (store, "Aroha", "Ngata", fixture->shipped);
  g_assert_cmpint (trellis_framework_count_plans (store, fixture->shipped), ==, 1);

  /* In use: refused with a message that names the framework and the plans; nothing deleted. */
  g_assert_false (trellis_framework_delete (store, fixture->shipped, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Profile of a Graduate"));
  g_assert_nonnull (strstr (error->message, "1 plan"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_COMPETENCIES, fixture->shipped), ==, n_competencies);

  /* The default, unused: deleted with everything it holds; the other becomes the default. */
  trellis_framework_duplicate (store, fixture->shipped, "Draft", &copy_id, &error);
  g_assert_no_error (error);
  trellis_framework_set_default (store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_framework_delete (store, copy_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_ATTRIBUTES, copy_id), ==, 0);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_LEVELS, copy_id), ==, 0);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_COMPETENCIES, copy_id), ==, 0);
  g_assert_cmpint (trellis_store_get_default_framework (store), ==, fixture->shipped);
  g_assert_cmpint (trellis_test_query_int (store, COUNT_DEFAULTS, 0), ==, 1);

  g_assert_false (trellis_framework_delete (store, copy_id, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
}

static char *
titles_in_order (TrellisStore *store,
                 GType         type,
                 const char   *parent_field,
                 gint64        parent_id)
{
  g_autoptr(GListModel) list = trellis_store_list (store, type, parent_field, parent_id, NULL);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisEntity) entity = g_list_model_get_item (list, i);
      g_string_append_printf (titles, "%s%s", i ? "|" : "", trellis_entity_get_text (entity, "title"));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_append_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisEntity) a = NULL;
  g_autoptr(TrellisEntity) b = NULL;
  g_autoptr(TrellisEntity) c = NULL;
  g_autoptr(TrellisEntity) bad = NULL;
  g_autofree char *order = NULL;
  gint64 id = 0;

  trellis_framework_create (store, "Order", &id, &error);
  g_assert_no_error (error);
  a = g_object_new (TRELLIS_TYPE_ATTRIBUTE, "framework-id", id, "title", "A", NULL);
  b = g_object_new (TRELLIS_TYPE_ATTRIBUTE, "framework-id", id, "title", "B", NULL);
  c = g_object_new (TRELLIS_TYPE_ATTRIBUTE, "framework-id", id, "title", "C", NULL);
  g_assert_true (trellis_framework_append (store, a, &error));
  g_assert_true (trellis_framework_append (store, b, &error));
  g_assert_true (trellis_framework_append (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_int (c, "position"), ==, 2);

  bad = g_object_new (TRELLIS_TYPE_ATTRIBUTE, "framework-id", id, "title", "", NULL);
  g_assert_false (trellis_framework_append (store, bad, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (trellis_framework_move (store, c, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_entity_get_int (c, "position"), ==, 1);
  order = titles_in_order (store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (order, ==, "A|C|B");
  g_clear_pointer (&order, g_free);

  g_assert_true (trellis_framework_move (store, a, -1, &error));   /* already first: stays */
  g_assert_true (trellis_framework_move (store, a, 5, &error));    /* past the end: last */
  g_assert_no_error (error);
  order = titles_in_order (store, TRELLIS_TYPE_ATTRIBUTE, "framework-id", id);
  g_assert_cmpstr (order, ==, "C|B|A");
  g_clear_pointer (&order, g_free);

  /* Competencies and levels move the same way, inside their own parent. */
  {
    g_autoptr(TrellisEntity) one = g_object_new (TRELLIS_TYPE_COMPETENCY, "attribute-id",
                                                 trellis_entity_get_id (a), "code", "A.1",
                                                 "title", "One", NULL);
    g_autoptr(TrellisEntity) two = g_object_new (TRELLIS_TYPE_COMPETENCY, "attribute-id",
                                                 trellis_entity_get_id (a), "code", "A.2",
                                                 "title", "Two", NULL);
    g_autoptr(GListModel) levels = trellis_store_list (store, TRELLIS_TYPE_LEVEL, "framework-id", id, NULL);
    g_autoptr(TrellisEntity) last = g_list_model_get_item (levels, 3);

    trellis_framework_append (store, one, &error);
    trellis_framework_append (store, two, &error);
    g_assert_true (trellis_framework_move (store, two, -1, &error));
    g_assert_no_error (error);
    order = titles_in_order (store, TRELLIS_TYPE_COMPETENCY, "attribute-id", trellis_entity_get_id (a));
    g_assert_cmpstr (order, ==, "Two|One");
    g_clear_pointer (&order, g_free);

    g_assert_true (trellis_framework_move (store, last, -3, &error));
    order = titles_in_order (store, TRELLIS_TYPE_LEVEL, "framework-id", id);
    g_assert_cmpstr (order, ==, "Advanced|Emerging|Developing|Proficient");
    g_clear_pointer (&order, g_free);
  }

  /* A deleted record cannot be moved. */
  g_assert_true (trellis_store_delete (store, b, NULL, &error));
  g_assert_false (trellis_framework_move (store, b, 1, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
}

static void
test_proficient_threshold (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(TrellisEntity) developing = NULL;
  g_autoptr(TrellisEntity) proficient = NULL;
  g_autoptr(TrellisEntity) foreign = NULL;
  gint64 id = 0;
  const char *flags_sql = "SELECT group_concat(is_proficient, '') FROM "
                          "(SELECT is_proficient FROM proficiency_level WHERE framework_id = ? ORDER BY position)";
  g_autofree char *flags = NULL;

  trellis_framework_create (store, "Scale", &id, &error);
  g_assert_no_error (error);
  levels = trellis_store_list (store, TRELLIS_TYPE_LEVEL, "framework-id", id, NULL);
  developing = g_list_model_get_item (levels, 1);
  proficient = g_list_model_get_item (levels, 2);
  g_assert_cmpint (trellis_framework_get_proficient_level (store, id), ==,
                   trellis_entity_get_id (proficient));

  g_assert_true (trellis_framework_set_proficient_level (store, id, trellis_entity_get_id (developing), &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_framework_get_proficient_level (store, id), ==,
                   trellis_entity_get_id (developing));
  flags = trellis_test_query_text (store, flags_sql, id);
  g_assert_cmpstr (flags, ==, "0111");

  /* A level of another framework is refused and nothing changes. */
  {
    g_autoptr(GListModel) shipped = trellis_store_list (store, TRELLIS_TYPE_LEVEL, "framework-id",
                                                        fixture->shipped, NULL);
    foreign = g_list_model_get_item (shipped, 0);
  }
  g_assert_false (trellis_framework_set_proficient_level (store, id, trellis_entity_get_id (foreign), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_framework_get_proficient_level (store, id), ==,
                   trellis_entity_get_id (developing));

  /* None: nothing counts as proficient. */
  g_assert_true (trellis_framework_set_proficient_level (store, id, 0, &error));
  g_assert_cmpint (trellis_framework_get_proficient_level (store, id), ==, 0);
}

static void
test_template_titles (void)
{
  g_auto(GStrv) templates = trellis_framework_template_list ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_assert_cmpuint (g_strv_length (templates), >=, 1);
  title = trellis_framework_dup_template_title (TRELLIS_DEFAULT_FRAMEWORK_RESOURCE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Profile of a Graduate");
  g_assert_null (trellis_framework_dup_template_title ("/org/trellisplp/Trellis/core/frameworks/none", &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/framework-editing/create", test_create);
  ADD ("/framework-editing/duplicate", test_duplicate);
  ADD ("/framework-editing/default", test_default);
  ADD ("/framework-editing/delete", test_delete);
  ADD ("/framework-editing/append-and-move", test_append_and_move);
  ADD ("/framework-editing/proficient-threshold", test_proficient_threshold);
#undef ADD
  g_test_add_func ("/framework-editing/template-titles", test_template_titles);

  return g_test_run ();
}
