/* cs-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <string.h>

#include "cs-test-pdf.h"

#define PAGE_W 612.0
#define PAGE_H 792.0
#define MARGIN 72.0
#define BODY_SIZE 10.5
#define FONT "DejaVu Serif"

const char cs_test_pdf_title[] = "Northgate Coffee Roasters: The Wholesale Decision";
const char cs_test_pdf_case_number[] = "NCR-417";

const CsTestPdfPerson cs_test_pdf_people[] = {
  { "Elena Marsh", "founder" },
  { "David Chen", "finance" },
  { "Priya Natarajan", "roasting" },
  { "Tom Becker", "buyer" },
};
const guint cs_test_pdf_n_people = G_N_ELEMENTS (cs_test_pdf_people);

typedef enum { TITLE, SUBTITLE, HEADING, PARA, TABLE_ROW, CAPTION } Kind;

typedef struct {
  Kind        kind;
  const char *text;   /* for TABLE_ROW: cells separated by '|' */
} Block;

static const Block case_blocks[] = {
  { TITLE, "Northgate Coffee Roasters: The Wholesale Decision" },
  { SUBTITLE, "Case NCR-417 · Prepared by the Centre for Small Business Studies" },
  { PARA, "On a grey Monday morning in March 2024, Elena Marsh, the founder and chief executive "
          "of Northgate Coffee Roasters, read the email from FreshMart for the third time. The "
          "regional supermarket chain wanted Northgate's single-origin beans in 140 stores by "
          "September. The contract was worth 1.8 million dollars a year, more than half of "
          "Northgate's current revenue. Elena had to decide by April 15 whether to accept the "
          "offer, negotiate a smaller pilot, or turn it down and keep growing through the "
          "company's own cafés." },
  { PARA, "This case was prepared as the basis for class discussion rather than to illustrate "
          "either effective or ineffective handling of an administrative situation. Names and "
          "some figures have been disguised." },
  { HEADING, "Company Background" },
  { PARA, "Northgate was founded in 2014 in a converted garage in Portland. Elena, a former "
          "chemistry teacher, built the brand on careful sourcing and direct relationships with "
          "farmers in Colombia and Ethiopia. By 2023 the company ran six cafés, sold beans "
          "online, and employed 48 people. Revenue reached 3.2 million dollars with an "
          "operating margin of 7 percent. Elena is known among the staff as warm and loyal, "
          "but also cautious about debt: the company has never borrowed more than a small "
          "equipment loan." },
  { PARA, "David Chen, the company's finance director, joined in 2021 from a regional bank. "
          "He is analytical and blunt, and he built the spreadsheet model that the leadership "
          "team now uses for every investment. David worried that the FreshMart margin of 22 "
          "percent per bag would barely cover the extra roasting shifts, packaging and "
          "transport." },
  { HEADING, "The Wholesale Opportunity" },
  { PARA, "Tom Becker, a regional buyer for FreshMart, had tasted Northgate's Ethiopian roast "
          "at a trade fair and pushed his category team to list it. Tom is direct and "
          "demanding; he told Elena that FreshMart needed a reliable supply of 9 tonnes a "
          "month, delivered weekly to two distribution centres, with a penalty of 5 percent "
          "of the invoice for any late delivery. He hinted that a rival roaster had already "
          "offered lower prices." },
  { PARA, "Exhibit 1 summarises the figures that David prepared for the three options. The "
          "full contract would double volume but lower the average margin; the pilot of 40 "
          "stores would limit the risk but might not keep FreshMart interested." },
  { HEADING, "Operations Constraints" },
  { PARA, "Priya Natarajan, head of roasting operations, ran the only roaster, a 30-kilogram "
          "machine that already worked two shifts. She is curious and open to new ideas, and "
          "she had sketched a plan to lease a second roaster for 6,500 dollars a month. Priya "
          "warned that training new roasters would take at least eight weeks and that green "
          "bean supply from the Ethiopian cooperative was limited to 12 tonnes a quarter." },
  { PARA, "Staff morale was another concern. Several baristas feared that a supermarket deal "
          "would change the character of the brand, and two long-serving roasters had asked "
          "Priya whether weekend shifts would become mandatory." },
  { HEADING, "The Decision" },
  { PARA, "Elena had to weigh growth against control. Accepting the full contract would "
          "require a loan of about 400,000 dollars for equipment, stock and working capital. "
          "A pilot would keep the company's independence but might lose the account to the "
          "rival roaster. Turning the offer down would protect the cafés and the brand but "
          "leave the roastery under-used. She asked David, Priya and an outside adviser to "
          "bring her a recommendation before the board meeting on April 12." },
  { CAPTION, "Exhibit 1: Financial summary of the options (thousands of dollars per year)" },
  { TABLE_ROW, "Option|Revenue|Extra costs|Profit|Loan needed" },
  { TABLE_ROW, "Decline the offer|3,200|0|224|0" },
  { TABLE_ROW, "Pilot in 40 stores|3,714|402|286|120" },
  { TABLE_ROW, "Full contract|5,000|1,290|416|400" },
};

static const char licence_stamp[] =
  "Authorized for use only in the course MGMT 501 at Lakeside University. "
  "Copying or posting is an infringement of copyright.";

typedef struct {
  cairo_t *cr;
  guint    page;
  double   y;
  int      column;       /* 0 or 1 */
  int      n_columns;
  double   top;          /* where columns start on this page */
} Writer;

static void
set_font (cairo_t *cr, double size, gboolean bold, gboolean sans)
{
  cairo_select_font_face (cr, sans ? "DejaVu Sans" : FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static void
show_at (cairo_t *cr, double x, double y, const char *text)
{
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* Running header, footer with the page number and the licence stamp. */
static void
page_furniture (Writer *w)
{
  g_autofree char *footer = g_strdup_printf ("Page %u", w->page);

  set_font (w->cr, 8, FALSE, TRUE);
  cairo_set_source_rgb (w->cr, 0.3, 0.3, 0.3);
  show_at (w->cr, MARGIN, 40, "NCR-417 | Northgate Coffee Roasters");
  show_at (w->cr, PAGE_W - MARGIN - 30, PAGE_H - 36, footer);
  set_font (w->cr, 6.5, FALSE, TRUE);
  show_at (w->cr, MARGIN, PAGE_H - 20, licence_stamp);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
begin_page (Writer *w)
{
  w->page++;
  w->y = w->top = MARGIN + 10;
  w->column = 0;
  page_furniture (w);
}

static double
column_width (Writer *w)
{
  double full = PAGE_W - 2 * MARGIN;

  return w->n_columns == 2 ? (full - 24) / 2 : full;
}

static double
column_x (Writer *w)
{
  return MARGIN + w->column * (column_width (w) + 24);
}

static void
next_line (Writer *w, double advance)
{
  w->y += advance;
  if (w->y > PAGE_H - MARGIN - 10)
    {
      if (w->n_columns == 2 && w->column == 0)
        {
          w->column = 1;
          w->y = w->top;
        }
      else
        {
          cairo_show_page (w->cr);
          begin_page (w);
        }
    }
}

/* Draws @text word-wrapped to the current column. */
static void
wrap (Writer *w, const char *text, double size, gboolean bold, double leading)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL);

  set_font (w->cr, size, bold, FALSE);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *candidate = line->len ? g_strdup_printf ("%s %s", line->str, words[i])
                                             : g_strdup (words[i]);
      cairo_text_extents_t ext;

      cairo_text_extents (w->cr, candidate, &ext);
      if (ext.x_advance > column_width (w) && line->len > 0)
        {
          show_at (w->cr, column_x (w), w->y, line->str);
          next_line (w, size * leading);
          set_font (w->cr, size, bold, FALSE);
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }
  if (line->len)
    {
      show_at (w->cr, column_x (w), w->y, line->str);
      next_line (w, size * leading);
    }
  g_string_free (line, TRUE);
}

static void
table_row (Writer *w, const char *row, gboolean header)
{
  g_auto(GStrv) cells = g_strsplit (row, "|", -1);
  double width = column_width (w);
  double x = column_x (w);
  double first = width * 0.34;
  double rest = (width - first) / MAX (1, g_strv_length (cells) - 1);

  set_font (w->cr, 8.5, header, TRUE);
  for (guint i = 0; cells[i]; i++)
    show_at (w->cr, i == 0 ? x : x + first + (i - 1) * rest, w->y, cells[i]);
  next_line (w, 13);
}

static void
write_blocks (cairo_t *cr, const Block *blocks, guint n, int n_columns)
{
  Writer w = { cr, 0, 0, 0, 1, 0 };

  begin_page (&w);
  for (guint i = 0; i < n; i++)
    {
      const Block *b = &blocks[i];

      switch (b->kind)
        {
        case TITLE:
          w.y += 60;
          wrap (&w, b->text, 22, TRUE, 1.25);
          break;
        case SUBTITLE:
          wrap (&w, b->text, 11, FALSE, 1.4);
          w.y += 24;
          /* the body starts here, in the chosen layout */
          w.n_columns = n_columns;
          w.top = w.y;
          break;
        case HEADING:
          next_line (&w, 8);
          wrap (&w, b->text, 14, TRUE, 1.4);
          break;
        case PARA:
          wrap (&w, b->text, BODY_SIZE, FALSE, 1.35);
          next_line (&w, 6);
          break;
        case CAPTION:
          /* exhibits start on a new page, one column, as in real cases */
          cairo_show_page (cr);
          w.n_columns = 1;
          begin_page (&w);
          wrap (&w, b->text, 11, TRUE, 1.5);
          next_line (&w, 6);
          break;
        case TABLE_ROW:
          table_row (&w, b->text, i > 0 && blocks[i - 1].kind == CAPTION);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_show_page (cr);
}

static cairo_surface_t *
new_pdf (const char *path, const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  "Centre for Small Business Studies");
  return surface;
}

static void
finish_pdf (cairo_surface_t *surface, cairo_t *cr)
{
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
cs_test_pdf_write_case (const char *path,
                        gboolean    two_columns)
{
  cairo_surface_t *surface = new_pdf (path, cs_test_pdf_title);
  cairo_t *cr = cairo_create (surface);

  write_blocks (cr, case_blocks, G_N_ELEMENTS (case_blocks), two_columns ? 2 : 1);
  finish_pdf (surface, cr);
}

void
cs_test_pdf_write_long (const char *path,
                        guint       n_pages)
{
  cairo_surface_t *surface = new_pdf (path, "A Long Case");
  cairo_t *cr = cairo_create (surface);
  Writer w = { cr, 0, 0, 0, 1, 0 };

  begin_page (&w);
  set_font (cr, 22, TRUE, FALSE);
  w.y += 40;
  show_at (cr, MARGIN, w.y, "A Long Case");
  next_line (&w, 40);
  /* stop while the last page still has room for a whole paragraph */
  while (w.page < n_pages || w.y < PAGE_H - MARGIN - 140)
    {
      g_autofree char *text = g_strdup_printf (
        "Paragraph on page %u. The operations director reviewed the capacity plan for the "
        "quarter, compared the supplier quotes and wrote to the finance team about the cash "
        "position, the pricing of the new contract and the staffing of the second shift.",
        w.page);

      wrap (&w, text, BODY_SIZE, FALSE, 1.35);
    }
  cairo_show_page (cr);
  finish_pdf (surface, cr);
}

void
cs_test_pdf_write_image_only (const char *path)
{
  cairo_surface_t *surface = new_pdf (path, "Scanned Case");
  cairo_t *cr = cairo_create (surface);

  for (guint page = 0; page < 2; page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1224, 1584);
      cairo_t *icr = cairo_create (image);
      double y = 200;

      cairo_set_source_rgb (icr, 1, 1, 1);
      cairo_paint (icr);
      cairo_set_source_rgb (icr, 0, 0, 0);
      set_font (icr, 40, TRUE, TRUE);
      show_at (icr, 144, y, "Scanned Case Page");
      set_font (icr, 26, FALSE, TRUE);
      for (guint i = 0; i < 8; i++)
        {
          y += 60;
          show_at (icr, 144, y, "The plant manager reviewed the budget for the year.");
        }
      cairo_destroy (icr);

      cairo_save (cr);
      cairo_scale (cr, 0.5, 0.5);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }
  finish_pdf (surface, cr);
}

void
cs_test_pdf_write_blank (const char *path)
{
  cairo_surface_t *surface = new_pdf (path, "Blank");
  cairo_t *cr = cairo_create (surface);

  cairo_show_page (cr);
  finish_pdf (surface, cr);
}

void
cs_test_pdf_write_truncated (const char *source,
                             const char *path,
                             double      fraction)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &data, &length, &error));
  g_assert_true (g_file_set_contents (path, data, (gssize) (length * fraction), &error));
}

gboolean
cs_test_pdf_write_encrypted (const char *source,
                             const char *path,
                             const char *password)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, "--encrypt", password, "owner-secret", "256", "--",
                         source, path, NULL };

  if (qpdf == NULL)
    return FALSE;
  argv[0] = qpdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}
