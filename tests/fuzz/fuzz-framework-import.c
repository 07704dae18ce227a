/* fuzz-framework-import.c — libFuzzer target: a framework file (Moodle CSV, CASE or Mahara JSON,
 * template) read, previewed and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-framework-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        gsize         size)
{
  TrellisStore *store = fuzz_store (500);
  /* Templates are also recognised by their name, whatever they hold. */
  const char *path = fuzz_write_input (size % 8 == 7 ? "input.framework" : "input.csv", data, size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisFrameworkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  gint64 rows = fuzz_count_rows (store);

  import = trellis_framework_import_new_from_file (file, NULL, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);

  g_assert_nonnull (trellis_framework_import_get_title (import));
  g_assert_nonnull (trellis_framework_import_get_format_name (import));
  trellis_framework_import_get_n_attributes (import);
  trellis_framework_import_get_n_competencies (import);
  trellis_framework_import_get_n_levels (import);
  warnings = trellis_framework_import_dup_warnings (import);

  if (!trellis_framework_import_apply (import, store, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (fuzz_count_rows (store), ==, rows);
    }
  return 0;
}
