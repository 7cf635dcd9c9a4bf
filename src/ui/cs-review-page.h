/* cs-review-page.h: review and correct a case drafted from a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the draft is editable in place (edits go straight into the draft
 * scenario); beside them, the passages of the PDF that a field, a person or a scene was
 * taken from. Activating a passage emits "show-source" with its page and text.
 */
#pragma once

#include <adwaita.h>

#include "cs-extraction.h"

G_BEGIN_DECLS

#define CS_TYPE_REVIEW_PAGE (cs_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CsReviewPage, cs_review_page, CS, REVIEW_PAGE, GtkWidget)

GtkWidget    *cs_review_page_new                (void);
void          cs_review_page_set_extraction     (CsReviewPage *self,
                                                 CsExtraction *extraction);
CsExtraction *cs_review_page_get_extraction     (CsReviewPage *self);
/* Shows the passages of @path ("persona:<id>", "title", …) under @heading. */
void          cs_review_page_show_sources       (CsReviewPage *self,
                                                 const char   *path,
                                                 const char   *heading);
/* For tests: the path shown and its number of passages. */
const char   *cs_review_page_get_sources_path   (CsReviewPage *self);
guint         cs_review_page_get_n_sources      (CsReviewPage *self);

G_END_DECLS
