/* test-case-outline.c: telling the case from its boilerplate, and finding its structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-boilerplate.h"
#include "cs-case-outline.h"
#include "cs-pdf-reader.h"
#include "cs-test-pdf.h"

static char *tmpdir;

static CsPdfText *
read_fixture (gboolean two_columns)
{
  g_autofree char *path = g_build_filename (tmpdir, two_columns ? "case2.pdf" : "case.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CsPdfText *text;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    cs_test_pdf_write_case (path, two_columns);
  document = cs_pdf_reader_open (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = cs_pdf_reader_read (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_notice_wording (void)
{
  g_assert_true (cs_boilerplate_is_notice ("Authorized for use only in the course MGMT 501."));
  g_assert_true (cs_boilerplate_is_notice ("Copying or posting is an infringement of copyright."));
  g_assert_true (cs_boilerplate_is_notice ("© 2024 Lakeside University. All rights reserved."));
  g_assert_false (cs_boilerplate_is_notice ("Elena had to decide by April 15 whether to accept."));
  g_assert_false (cs_boilerplate_is_notice ("David worried about the copyright of the brand name"
                                            " they had registered years ago, and said so."));
  g_assert_true (cs_boilerplate_is_disclaimer ("This case was prepared as the basis for class "
                                               "discussion rather than to illustrate either "
                                               "effective or ineffective handling."));
  g_assert_false (cs_boilerplate_is_disclaimer ("The class of 2024 discussed the case."));
}

static void
test_marks_boilerplate (gconstpointer data)
{
  gboolean two_columns = GPOINTER_TO_INT (data);
  g_autoptr(CsPdfText) text = read_fixture (two_columns);
  guint marked, n_header = 0, n_footer = 0, n_stamp = 0, n_body_marked = 0;

  marked = cs_boilerplate_mark (text);
  g_assert_cmpuint (marked, >, 0);

  for (guint i = 0; i < cs_pdf_text_get_n_lines (text); i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);

      if (strstr (line->text, "NCR-417 | Northgate"))
        {
          g_assert_true (line->boilerplate);
          n_header++;
        }
      else if (g_str_has_prefix (line->text, "Page "))
        {
          g_assert_true (line->boilerplate);
          n_footer++;
        }
      else if (strstr (line->text, "Authorized for use only"))
        {
          g_assert_true (line->boilerplate);
          n_stamp++;
        }
      else if (line->boilerplate &&
               (strstr (line->text, "FreshMart") || strstr (line->text, "Priya")))
        n_body_marked++;
    }
  g_assert_cmpuint (n_header, >=, 2);
  g_assert_cmpuint (n_footer, ==, cs_pdf_text_get_n_pages (text));
  g_assert_cmpuint (n_stamp, >=, 1);
  /* Case text that merely repeats a name is never boilerplate. */
  g_assert_cmpuint (n_body_marked, ==, 0);
}

static void
test_outline (gconstpointer data)
{
  gboolean two_columns = GPOINTER_TO_INT (data);
  g_autoptr(CsPdfText) text = read_fixture (two_columns);
  g_autoptr(CsCaseOutline) outline = cs_case_outline_new (text);
  const char *headings[] = { "Company Background", "The Wholesale Opportunity",
                             "Operations Constraints", "The Decision" };
  guint n_headings = 0, exhibit_section = G_MAXUINT, n_disclaimer = 0;
  g_autofree char *body = NULL;
  g_autofree char *decision = NULL;

  g_assert_cmpstr (cs_case_outline_get_title (outline), ==, cs_test_pdf_title);
  g_assert_cmpuint (cs_case_outline_get_title_page (outline), ==, 0);
  g_assert_cmpfloat (cs_case_outline_get_body_size (outline), >, 8.0);
  g_assert_cmpfloat (cs_case_outline_get_body_size (outline), <, 14.0);

  for (guint i = 0; i < cs_case_outline_get_n_sections (outline); i++)
    {
      const CsSection *section = cs_case_outline_get_section (outline, i);

      if (section->exhibit)
        {
          g_assert_true (g_str_has_prefix (section->heading, "Exhibit 1"));
          exhibit_section = i;
        }
      else if (section->heading != NULL)
        {
          g_assert_cmpuint (n_headings, <, G_N_ELEMENTS (headings));
          g_assert_cmpstr (section->heading, ==, headings[n_headings]);
          if (n_headings == 3)
            decision = cs_case_outline_dup_section_text (outline, i);
          n_headings++;
        }
    }
  g_assert_cmpuint (n_headings, ==, G_N_ELEMENTS (headings));
  g_assert_cmpuint (exhibit_section, !=, G_MAXUINT);

  for (guint i = 0; i < cs_case_outline_get_n_paragraphs (outline); i++)
    {
      const CsParagraph *p = cs_case_outline_get_paragraph (outline, i);

      if (p->kind == CS_PARAGRAPH_DISCLAIMER)
        n_disclaimer++;
      if (p->kind == CS_PARAGRAPH_BODY)
        {
          /* Lines are joined into whole paragraphs, no stray header text inside. */
          g_assert_null (strstr (p->text, "NCR-417 |"));
          g_assert_null (strstr (p->text, "Authorized for use"));
          g_assert_null (strchr (p->text, '\n'));
        }
    }
  g_assert_cmpuint (n_disclaimer, ==, 1);

  /* The decision section holds its own paragraph, joined across lines. */
  g_assert_nonnull (decision);
  g_assert_nonnull (strstr (decision, "Elena had to weigh growth against control."));
  g_assert_nonnull (strstr (decision, "before the board meeting on April 12."));
  g_assert_null (strstr (decision, "Decline the offer"));

  body = cs_case_outline_dup_body_text (outline);
  g_assert_nonnull (strstr (body, "a 30-kilogram machine that already worked two shifts"));
  g_assert_null (strstr (body, "prepared as the basis for class discussion"));
  g_assert_null (strstr (body, "Page 2"));
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cs-outline-XXXXXX", NULL);

  g_test_add_func ("/import/boilerplate/wording", test_notice_wording);
  g_test_add_data_func ("/import/boilerplate/marks", GINT_TO_POINTER (FALSE), test_marks_boilerplate);
  g_test_add_data_func ("/import/boilerplate/marks-two-columns", GINT_TO_POINTER (TRUE),
                        test_marks_boilerplate);
  g_test_add_data_func ("/import/outline/case", GINT_TO_POINTER (FALSE), test_outline);
  g_test_add_data_func ("/import/outline/two-columns", GINT_TO_POINTER (TRUE), test_outline);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
