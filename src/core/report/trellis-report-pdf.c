/* trellis-report-pdf.c — one PDF of many students’ plans, written atomically
 *
 * Serves “Export to PDF” and `trellis --print-pdf`. The PDF is written to a temporary file
 * beside the target and renamed over it only once complete, so a cancelled or failed export
 * never leaves half a file, nor destroys the one that was there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-report-pdf"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "trellis-catalog.h"
#include "trellis-error.h"
#include "trellis-report.h"
#include "trellis-report-pdf.h"
#include "trellis-report-renderer.h"
#include "trellis-store-private.h"

typedef struct {
  int fd;
  int saved_errno;
} Output;

/* Helpers */

static cairo_status_t
write_output (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Output *output = closure;

  while (length > 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          output->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IO,
               _("Could not write the PDF “%s”: %s. No file was written."),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* Draws every student’s pages on @surface. */
static gboolean
draw_reports (TrellisStore               *store,
              const gint64               *student_ids,
              guint                       n_students,
              const TrellisReportOptions *options,
              GDateTime                  *now,
              cairo_surface_t            *surface,
              TrellisProgressFunc         progress,
              gpointer                    user_data,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_autoptr(TrellisReportRenderer) renderer = NULL;
  cairo_t *cr = cairo_create (surface);
  double width, height;
  gboolean ok = TRUE;

  trellis_paper_get_size (options->paper, &width, &height);
  renderer = trellis_report_renderer_new (width, height);

  for (guint i = 0; i < n_students && ok; i++)
    {
      g_autoptr(TrellisReport) report = NULL;
      guint n_pages;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      report = trellis_report_new_for_student (store, student_ids[i], options, now, error);
      if (report == NULL)
        {
          ok = FALSE;
          break;
        }
      /* The PDF's title, which a reader lists and a screen reader says first, in the words
       * of the report: the student and the plan for one, “Learning plans” for a batch. */
      if (i == 0)
        {
          g_autofree char *title = n_students == 1
            ? g_strdup_printf ("%s – %s", trellis_report_get_student_name (report), trellis_report_get_title (report))
            : g_strdup (trellis_catalog_translate (trellis_report_get_catalog (report), N_("Learning plans")));

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        }
      n_pages = trellis_report_renderer_paginate (renderer, report);
      for (guint page = 0; page < n_pages; page++)
        {
          trellis_report_renderer_draw_page (renderer, cr, page);
          cairo_show_page (cr);
        }
      /* Double-sided: the next student starts on the front of a new sheet. */
      if (options->double_sided && n_pages % 2 == 1 && i + 1 < n_students)
        cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (i + 1) / n_students, user_data);
    }
  cairo_destroy (cr);
  return ok;
}

/* Public API */

/**
 * trellis_report_pdf_write:
 * @store: the store to read
 * @student_ids: (array length=n_students): the students, in printing order
 * @n_students: how many, at least one
 * @options: what to include, the paper and the language
 * @now: the print date
 * @path: the PDF to write; replaced only when the new one is complete
 * @progress: (nullable) (scope call): called with the fraction done after each student
 * @user_data: data for @progress
 * @cancellable: (nullable): cancels between two students
 * @error: return location for a #GError
 *
 * Writes one PDF where each student starts on a new page (on an odd page when
 * @options asks for double-sided).
 *
 * Returns: %FALSE with @error set, and @path untouched, on failure or cancellation
 */
gboolean
trellis_report_pdf_write (TrellisStore               *store,
                          const gint64               *student_ids,
                          guint                       n_students,
                          const TrellisReportOptions *options,
                          GDateTime                  *now,
                          const char                 *path,
                          TrellisProgressFunc         progress,
                          gpointer                    user_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Output output = { -1, 0 };
  double width, height;
  gboolean ok;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (student_ids != NULL && n_students > 0, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temporary = g_strdup_printf ("%s.XXXXXX", path);
  output.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (output.fd < 0)
    return set_io_error (error, path, errno);

  trellis_paper_get_size (options->paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_output, &output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);

  ok = draw_reports (store, student_ids, n_students, options, now, surface,
                     progress, user_data, cancellable, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    ok = set_io_error (error, path, output.saved_errno != 0 ? output.saved_errno : EIO);
  if (ok && fsync (output.fd) != 0)
    ok = set_io_error (error, path, errno);
  if (close (output.fd) != 0 && ok)
    ok = set_io_error (error, path, errno);
  if (ok && g_rename (temporary, path) != 0)
    ok = set_io_error (error, path, errno);
  if (!ok)
    g_unlink (temporary);
  return ok;
}

/**
 * trellis_report_pdf_dup_current_student_ids:
 * @store: the store to read
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the `gint64` ids of every student not archived, in the
 *   order a counselor hands plans out: by family name, then given name
 */
GArray *
trellis_report_pdf_dup_current_student_ids (TrellisStore  *store,
                                            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  stmt = trellis_store_prepare (store,
                                "SELECT id FROM student WHERE NOT archived "
                                "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}
