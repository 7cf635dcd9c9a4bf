/* cs-boilerplate.h: finding the text of a teaching-case PDF that is not the case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Licence stamps ("Authorized for use only in …"), copyright and ordering notes, running
 * headers and footers (the same line, numbers aside, on many pages near the top or bottom
 * edge), page numbers, and the "prepared as the basis for class discussion" disclaimer.
 */
#pragma once

#include "cs-pdf-text.h"

G_BEGIN_DECLS

/* Sets CsPdfLine.boilerplate on each such line; returns how many were marked. */
guint    cs_boilerplate_mark          (CsPdfText  *text);

/* TRUE when @line's wording alone shows it is a licence, copyright or ordering note. */
gboolean cs_boilerplate_is_notice     (const char *line);
/* TRUE for the wording of the class-discussion disclaimer. */
gboolean cs_boilerplate_is_disclaimer (const char *text);

G_END_DECLS
