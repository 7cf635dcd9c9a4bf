/* cs-test-pdf.h: case-study PDFs drawn with cairo for the import tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The realistic case ("Northgate Coffee Roasters: The Wholesale Decision") has a title
 * page, headings, four named people introduced in the ways real cases do, an exhibit
 * table, a running header with the case number, page-number footers, a licence stamp on
 * every page and a disclaimer paragraph, so that the analysis has to tell case text from
 * the rest.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The realistic multi-page case; @two_columns lays the body out in two columns. */
void   cs_test_pdf_write_case       (const char *path,
                                     gboolean    two_columns);
/* @n_pages pages of numbered case-like text (for the 300-page tests). */
void   cs_test_pdf_write_long       (const char *path,
                                     guint       n_pages);
/* Two pages that are pictures of text: no text layer at all. */
void   cs_test_pdf_write_image_only (const char *path);
/* One page with nothing on it. */
void   cs_test_pdf_write_blank      (const char *path);
/* The first @fraction of @source's bytes. */
void   cs_test_pdf_write_truncated  (const char *source,
                                     const char *path,
                                     double      fraction);
/* @source encrypted with qpdf (AES-256) and the user password @password. Returns FALSE
 * (and the test should skip) when qpdf is not installed. */
gboolean cs_test_pdf_write_encrypted (const char *source,
                                      const char *path,
                                      const char *password);

/* The people of the realistic case, as the tests expect them to be found. */
typedef struct {
  const char *name;
  const char *role_word;  /* a word the found role must contain (lower case) */
} CsTestPdfPerson;

extern const CsTestPdfPerson cs_test_pdf_people[];
extern const guint           cs_test_pdf_n_people;
extern const char            cs_test_pdf_title[];
extern const char            cs_test_pdf_case_number[];

G_END_DECLS
