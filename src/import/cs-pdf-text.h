/* cs-pdf-text.h: the text of a PDF with its layout, page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the case analysis works on. Made by the reader on the document's worker thread and
 * not changed afterwards (except cs_pdf_text_mark_boilerplate), so it can be shared across
 * threads once built. Positions are in PDF points with the origin at the top left of the
 * page; pages and lines are numbered from 0.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  guint    page;
  char    *text;          /* one visual line, whitespace collapsed, never empty; a tab
                           * stands for a wide gap (table cells, columns) */
  double   x, y;          /* top left */
  double   width, height;
  double   font_size;     /* the largest font size on the line */
  gboolean bold;
  gboolean boilerplate;   /* a running header, page number, licence stamp … */
} CsPdfLine;

#define CS_TYPE_PDF_TEXT (cs_pdf_text_get_type ())
G_DECLARE_FINAL_TYPE (CsPdfText, cs_pdf_text, CS, PDF_TEXT, GObject)

CsPdfText       *cs_pdf_text_new               (void);

/* Building (the reader). Pages are added in order; lines go to the last page added. */
void             cs_pdf_text_add_page          (CsPdfText   *self,
                                                double       width,
                                                double       height);
void             cs_pdf_text_add_line          (CsPdfText   *self,
                                                const char  *text,
                                                double       x,
                                                double       y,
                                                double       width,
                                                double       height,
                                                double       font_size,
                                                gboolean     bold);
/* Document information: "title", "author", "subject", "keywords", "creator", "producer",
 * "created", "modified"; NULL or empty values are ignored. */
void             cs_pdf_text_set_info          (CsPdfText   *self,
                                                const char  *key,
                                                const char  *value);
const char      *cs_pdf_text_get_info          (CsPdfText   *self,
                                                const char  *key);
/* Set when the text was read by OCR from page images. */
void             cs_pdf_text_set_ocr           (CsPdfText   *self,
                                                gboolean     ocr);
gboolean         cs_pdf_text_get_ocr           (CsPdfText   *self);

guint            cs_pdf_text_get_n_pages       (CsPdfText   *self);
void             cs_pdf_text_get_page_size     (CsPdfText   *self,
                                                guint        page,
                                                double      *width,
                                                double      *height);
guint            cs_pdf_text_get_n_lines       (CsPdfText   *self);
const CsPdfLine *cs_pdf_text_get_line          (CsPdfText   *self,
                                                guint        index);
CsPdfLine       *cs_pdf_text_get_line_mutable  (CsPdfText   *self,
                                                guint        index);
/* The lines of @page are [*first, *first + *n_lines). */
void             cs_pdf_text_get_page_lines    (CsPdfText   *self,
                                                guint        page,
                                                guint       *first,
                                                guint       *n_lines);
/* The lines of a page (all of them) joined by newlines. */
char            *cs_pdf_text_dup_page_text     (CsPdfText   *self,
                                                guint        page);
/* The whole text, pages separated by form feeds, boilerplate lines left out when asked. */
char            *cs_pdf_text_dup_text          (CsPdfText   *self,
                                                gboolean     skip_boilerplate);
/* The number of characters of text (not counting boilerplate). */
gsize            cs_pdf_text_get_n_chars       (CsPdfText   *self);

G_END_DECLS
