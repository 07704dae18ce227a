/* trellis-report-options.c — what a printed plan includes, on which paper, in which language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-report-options"

#include <langinfo.h>

#include "trellis-report-options.h"

G_DEFINE_BOXED_TYPE (TrellisReportOptions, trellis_report_options,
                     trellis_report_options_copy, trellis_report_options_free)

/* Paper sizes in PostScript points (1/72 in), the unit of the whole report. */
static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [TRELLIS_PAPER_A4] = { "a4", 595.276, 841.89 },
  [TRELLIS_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

/**
 * trellis_report_options_new:
 *
 * Returns: (transfer full): the options of a family’s copy: map and notes, no supports, the
 *   locale’s paper, single-sided, the family’s language
 */
TrellisReportOptions *
trellis_report_options_new (void)
{
  TrellisReportOptions *self = g_new0 (TrellisReportOptions, 1);

  self->include_map = TRUE;
  self->include_notes = TRUE;
  self->include_supports = FALSE;
  self->paper = trellis_paper_get_default ();
  return self;
}

/**
 * trellis_report_options_copy:
 * @self: options
 *
 * Returns: (transfer full): a copy of @self
 */
TrellisReportOptions *
trellis_report_options_copy (const TrellisReportOptions *self)
{
  TrellisReportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->language = g_strdup (self->language);
  return copy;
}

void
trellis_report_options_free (TrellisReportOptions *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self);
}

/**
 * trellis_report_options_set_language:
 * @self: options
 * @language: (nullable): a language tag, or %NULL (or empty) for the family’s language
 */
void
trellis_report_options_set_language (TrellisReportOptions *self,
                                     const char           *language)
{
  g_return_if_fail (self != NULL);

  g_free (self->language);
  self->language = (language != NULL && *language != '\0') ? g_strdup (language) : NULL;
}

/**
 * trellis_paper_from_string:
 * @text: `a4` or `letter`, in any case
 * @paper: (out): the paper
 *
 * Returns: %FALSE when @text names no paper Trellis prints on
 */
gboolean
trellis_paper_from_string (const char   *text,
                           TrellisPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (text, papers[i].name) == 0)
      {
        *paper = (TrellisPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
trellis_paper_to_string (TrellisPaper paper)
{
  g_return_val_if_fail (paper <= TRELLIS_PAPER_LETTER, NULL);

  return papers[paper].name;
}

/**
 * trellis_paper_get_size:
 * @paper: a paper
 * @width: (out): the width in points
 * @height: (out): the height in points
 */
void
trellis_paper_get_size (TrellisPaper  paper,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (paper <= TRELLIS_PAPER_LETTER);

  *width = papers[paper].width;
  *height = papers[paper].height;
}

/**
 * trellis_paper_get_default:
 *
 * Returns: US Letter where the locale’s paper is 216 mm wide (the Americas), A4 elsewhere
 */
TrellisPaper
trellis_paper_get_default (void)
{
#ifdef __GLIBC__
  /* glibc answers this “string” query with a number in the pointer itself. */
  if (GPOINTER_TO_UINT (nl_langinfo (_NL_PAPER_WIDTH)) == 216)
    return TRELLIS_PAPER_LETTER;
#endif
  return TRELLIS_PAPER_A4;
}
