/* test-pdf-reader.c: reading real PDFs drawn with cairo, and every kind of bad file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-import-error.h"
#include "cs-pdf-reader.h"
#include "cs-test-pdf.h"

static char *tmpdir;

static char *
fixture (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static PopplerDocument *
open_path (const char *path, const char *password, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cs_pdf_reader_open (file, password, NULL, error);
}

static CsPdfText *
read_path (const char *path, GError **error)
{
  g_autoptr(PopplerDocument) document = open_path (path, NULL, error);

  if (document == NULL)
    return NULL;
  return cs_pdf_reader_read (document, NULL, NULL, NULL, error);
}

static const CsPdfLine *
find_line (CsPdfText *text, const char *needle, guint *index)
{
  for (guint i = 0; i < cs_pdf_text_get_n_lines (text); i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);

      if (strstr (line->text, needle))
        {
          if (index)
            *index = i;
          return line;
        }
    }
  return NULL;
}

/* The line containing @needle; the test fails when there is none. */
static const CsPdfLine *
need_line (CsPdfText *text, const char *needle, guint *index)
{
  const CsPdfLine *line = find_line (text, needle, index);

  if (line == NULL)
    g_error ("no line contains “%s”", needle);
  return line;
}

static void
test_case_layout (void)
{
  g_autofree char *path = fixture ("case.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;
  const CsPdfLine *title, *heading, *body, *header, *footer;
  g_autofree char *all = NULL;

  cs_test_pdf_write_case (path, FALSE);
  text = read_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (cs_pdf_text_get_n_pages (text), >=, 3);
  g_assert_cmpstr (cs_pdf_text_get_info (text, "title"), ==, cs_test_pdf_title);
  g_assert_cmpstr (cs_pdf_text_get_info (text, "author"), ==, "Centre for Small Business Studies");

  title = need_line (text, "Northgate Coffee Roasters: The", NULL);
  heading = need_line (text, "Company Background", NULL);
  body = need_line (text, "On a grey Monday morning", NULL);
  header = need_line (text, "NCR-417 | Northgate", NULL);
  footer = need_line (text, "Page 2", NULL);

  /* font sizes and weights come through */
  g_assert_cmpfloat_with_epsilon (title->font_size, 22, 0.6);
  g_assert_true (title->bold);
  g_assert_cmpfloat_with_epsilon (heading->font_size, 14, 0.6);
  g_assert_true (heading->bold);
  g_assert_cmpfloat_with_epsilon (body->font_size, 10.5, 0.6);
  g_assert_false (body->bold);

  /* positions: the header is at the top of its page, the footer at the bottom */
  g_assert_cmpfloat (header->y, <, 50);
  g_assert_cmpfloat (footer->y, >, 700);
  g_assert_cmpfloat (body->x, >, 70);
  g_assert_cmpfloat (body->x, <, 75);
  g_assert_cmpfloat (body->width, >, 400);
  g_assert_cmpuint (body->page, ==, 0);
  g_assert_cmpuint (footer->page, ==, 1);

  /* the exhibit table is on the last page, its cells on one line each */
  g_assert_nonnull (find_line (text, "Exhibit 1: Financial summary", NULL));
  body = need_line (text, "Full contract", NULL);
  g_assert_cmpuint (body->page, ==, cs_pdf_text_get_n_pages (text) - 1);

  all = cs_pdf_text_dup_text (text, FALSE);
  g_assert_nonnull (strstr (all, "Tom Becker, a regional buyer for FreshMart"));
  g_assert_nonnull (strchr (all, '\f'));
}

static void
test_two_columns (void)
{
  g_autofree char *path = fixture ("two-columns.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;
  const CsPdfLine *left, *right;
  guint left_index = 0, right_index = 0;

  cs_test_pdf_write_case (path, TRUE);
  text = read_path (path, &error);
  g_assert_no_error (error);

  /* two columns: lines are narrow, some start at the right half */
  left = need_line (text, "On a grey Monday", &left_index);
  right = need_line (text, "David Chen, the", &right_index);
  g_assert_cmpfloat (left->width, <, 240);
  g_assert_cmpfloat (right->width, <, 240);
  /* reading order follows the columns: the whole first column comes before the second */
  g_assert_cmpuint (left_index, <, right_index);
  for (guint i = 0; i < cs_pdf_text_get_n_lines (text); i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);

      if (line->page == 0 && line->x > 300 && i < left_index)
        g_error ("a line of the right column (“%s”) comes before the first paragraph",
                 line->text);
    }
}

static void
test_long (void)
{
  g_autofree char *path = fixture ("long.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;
  g_autofree char *last = NULL;

  cs_test_pdf_write_long (path, 300);
  text = read_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_pdf_text_get_n_pages (text), ==, 300);
  last = cs_pdf_text_dup_page_text (text, 299);
  g_assert_nonnull (strstr (last, "Paragraph on page 300."));
}

static void
progress_cb (guint done, guint n_pages, gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (n_pages, ==, 300);
  (*calls)++;
}

static void
cancel_after_ten (guint done, guint n_pages, gpointer user_data)
{
  if (done == 10)
    g_cancellable_cancel (user_data);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *path = fixture ("long-progress.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;
  guint calls = 0;

  cs_test_pdf_write_long (path, 300);
  document = open_path (path, NULL, &error);
  g_assert_no_error (error);

  text = cs_pdf_reader_read (document, progress_cb, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 300);
  g_clear_object (&text);

  text = cs_pdf_reader_read (document, cancel_after_ten, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (text);
}

static void
test_render (void)
{
  g_autofree char *path = fixture ("render.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guchar *data;
  int stride, dark = 0;

  cs_test_pdf_write_case (path, FALSE);
  document = open_path (path, NULL, &error);
  g_assert_no_error (error);
  surface = cs_pdf_reader_render_page (document, 0, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 259);  /* 792/612 × 200 */

  /* the page is white with dark text on it */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 259; y++)
    for (int x = 0; x < 200; x++)
      if (data[y * stride + x * 4 + 1] < 128)
        dark++;
  g_assert_cmpint (dark, >, 200);
  g_assert_cmpint (dark, <, 200 * 259 / 4);
  cairo_surface_destroy (surface);

  g_assert_null (cs_pdf_reader_render_page (document, 99, 200, &error));
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED);
}

static void
assert_open_fails (const char *path, const char *password, int code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = open_path (path, password, &error);

  g_assert_null (document);
  g_assert_error (error, CS_IMPORT_ERROR, code);
  if (!g_pattern_match_simple (words, error->message))
    g_error ("message “%s” does not match “%s”", error->message, words);
}

static void
test_bad_files (void)
{
  g_autofree char *good = fixture ("good.pdf");
  g_autofree char *empty = fixture ("empty.pdf");
  g_autofree char *text_file = fixture ("notes.pdf");
  g_autofree char *truncated = fixture ("truncated.pdf");
  g_autofree char *missing = fixture ("missing.pdf");
  g_autoptr(GError) error = NULL;

  cs_test_pdf_write_case (good, FALSE);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_open_fails (empty, NULL, CS_IMPORT_ERROR_EMPTY, "*empty*get the file again*");

  g_assert_true (g_file_set_contents (text_file, "Meeting notes\nNot a PDF at all.\n", -1, NULL));
  assert_open_fails (text_file, NULL, CS_IMPORT_ERROR_NOT_PDF, "*not a PDF*export*");

  assert_open_fails (missing, NULL, CS_IMPORT_ERROR_READ, "*cannot be read*");

  /* Poppler rebuilds what it can of a cut file; if it opens at all, the pages left must
   * still read or the reader reports the damage. */
  cs_test_pdf_write_truncated (good, truncated, 0.4);
  {
    g_autoptr(PopplerDocument) document = open_path (truncated, NULL, &error);

    if (document == NULL)
      {
        g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED);
        g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
      }
    else
      g_test_message ("poppler repaired the truncated file (%d pages)",
                      poppler_document_get_n_pages (document));
  }
  g_clear_error (&error);

  cs_test_pdf_write_truncated (good, truncated, 0.02);
  assert_open_fails (truncated, NULL, CS_IMPORT_ERROR_DAMAGED, "*damaged or incomplete*");
}

static void
test_encrypted (void)
{
  g_autofree char *good = fixture ("plain.pdf");
  g_autofree char *locked = fixture ("locked.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(CsPdfText) text = NULL;

  cs_test_pdf_write_case (good, FALSE);
  if (!cs_test_pdf_write_encrypted (good, locked, "kellerton"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  assert_open_fails (locked, NULL, CS_IMPORT_ERROR_NEEDS_PASSWORD, "*password*");
  assert_open_fails (locked, "wrong", CS_IMPORT_ERROR_WRONG_PASSWORD, "*does not open*");

  document = open_path (locked, "kellerton", &error);
  g_assert_no_error (error);
  text = cs_pdf_reader_read (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_line (text, "Elena Marsh", NULL));
}

static void
test_blank (void)
{
  g_autofree char *path = fixture ("blank.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;

  cs_test_pdf_write_blank (path);
  text = read_path (path, &error);
  g_assert_null (text);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_LITTLE);
  g_assert_nonnull (strstr (error->message, "blank"));
}

static void
test_image_only (void)
{
  g_autofree char *path = fixture ("scanned.pdf");
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPdfText) text = NULL;

  cs_test_pdf_write_image_only (path);

  /* Without tesseract on PATH the message says what to install. */
  {
    g_autofree char *saved = g_strdup (g_getenv ("PATH"));

    g_setenv ("PATH", tmpdir, TRUE);
    text = read_path (path, &error);
    g_setenv ("PATH", saved, TRUE);
    g_assert_null (text);
    g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NO_TEXT);
    g_assert_nonnull (strstr (error->message, "tesseract"));
    g_clear_error (&error);
  }

  if (tesseract == NULL)
    {
      g_test_skip ("tesseract is not installed: OCR itself is not tested");
      return;
    }
  text = read_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (cs_pdf_text_get_ocr (text));
  g_assert_cmpuint (cs_pdf_text_get_n_pages (text), ==, 2);
  g_assert_nonnull (find_line (text, "budget", NULL));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cs-test-pdf-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/import/reader/case-layout", test_case_layout);
  g_test_add_func ("/import/reader/two-columns", test_two_columns);
  g_test_add_func ("/import/reader/long", test_long);
  g_test_add_func ("/import/reader/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/import/reader/render", test_render);
  g_test_add_func ("/import/reader/bad-files", test_bad_files);
  g_test_add_func ("/import/reader/encrypted", test_encrypted);
  g_test_add_func ("/import/reader/blank", test_blank);
  g_test_add_func ("/import/reader/image-only", test_image_only);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_remove (path);
      }
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }
  return status;
}
