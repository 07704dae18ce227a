/* fuzz-xml-import.c — libFuzzer target: a plan file read, planned, summarised and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-xml-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        gsize         size)
{
  TrellisStore *store = fuzz_store (2000);
  const char *path = fuzz_write_input ("input.xml", data, size);
  g_autoptr(TrellisXmlImport) import = trellis_xml_import_new (store, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 rows = fuzz_count_rows (store);

  if (!trellis_xml_import_read (import, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (fuzz_count_rows (store), ==, rows);
      return 0;
    }
  g_assert_no_error (error);

  for (TrellisXmlOutcome o = TRELLIS_XML_OUTCOME_NEW; o <= TRELLIS_XML_OUTCOME_CONFLICT; o++)
    {
      trellis_xml_import_count_students (import, o);
      trellis_xml_import_count_frameworks (import, o);
    }
  for (guint i = 0; i < trellis_xml_import_get_n_conflicts (import); i++)
    {
      g_autofree char *title = trellis_xml_import_dup_conflict_title (import, i);
      g_autofree char *details = trellis_xml_import_dup_conflict_details (import, i);

      g_assert_true (title != NULL && details != NULL);
    }
  summary = trellis_xml_import_dup_summary (import);
  g_assert_nonnull (summary);
  trellis_xml_import_set_all_resolutions (import, size % 3);

  if (!trellis_xml_import_apply (import, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (fuzz_count_rows (store), ==, rows);
    }
  return 0;
}
