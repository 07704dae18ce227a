/* trellis-html-text.h — turns the HTML of imported descriptions into plain paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *trellis_html_to_text (const char *html);

G_END_DECLS
