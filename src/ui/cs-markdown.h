/* cs-markdown.h: the small Markdown of chat replies, as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * **bold**, *italic* and _italic_, `code`, "# " headings, "- " / "* " / "1. " list items
 * and blank-line paragraphs. Everything else is shown as written: the text is escaped, so
 * a reply can never inject markup. Used once a message is complete.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cs_markdown_to_pango (const char *text);

G_END_DECLS
