/* cs-dashboard-pdf.c: a cohort's report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One A4 page per assignment (more when its students do not fit on one): the cohort, the
 * case and its due date, the distribution of the grades in force in ten bands with their
 * mean and median, then a row per student with status, progress and grade; an overridden
 * grade reads "85% (overridden from 70%)". What a page shows is copied from the dashboard
 * on the caller's thread; drawing (cairo and pango) and the atomic write run on a GTask
 * thread.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "cs-dashboard.h"
#include "cs-report-export.h"
#include "cs-sync-error.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.28
#define PAGE_HEIGHT 841.89
#define MARGIN      56.7
#define ROW_HEIGHT  18.0
#define N_BANDS     10

typedef struct {
  char   *name;
  char   *status;
  double  progress;  /* 0..1 */
  double  score;     /* in force, negative: none */
  double  computed;  /* negative: none */
  gboolean overridden;
  gboolean late;
} Row;

typedef struct {
  char      *title;
  char      *due;    /* NULL: none */
  GPtrArray *rows;   /* Row */
} Page;

typedef struct {
  char      *cohort;
  GPtrArray *pages;  /* Page */
  GFile     *file;
} Report;

static void
row_free (Row *row)
{
  g_free (row->name);
  g_free (row->status);
  g_free (row);
}

static void
page_free (Page *page)
{
  g_free (page->title);
  g_free (page->due);
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
report_free (Report *report)
{
  g_free (report->cohort);
  g_ptr_array_unref (report->pages);
  g_clear_object (&report->file);
  g_free (report);
}

static char *
percent (double fraction)
{
  /* Translators: a grade or a completion in the cohort report, e.g. "85%" */
  return fraction < 0 ? g_strdup ("—") : g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static const char *
status_text (CsDashboardCell *cell)
{
  switch (cs_dashboard_cell_get_status (cell))
    {
    case CS_DASHBOARD_COMPLETED:
      return _("Completed");
    case CS_DASHBOARD_IN_PROGRESS:
      return _("In progress");
    case CS_DASHBOARD_NOT_STARTED:
    default:
      return _("Not started");
    }
}

/* The copy, on the caller's thread. */
static Report *
copy_report (CsDashboard *self)
{
  Report *report = g_new0 (Report, 1);
  GListModel *assignments = cs_dashboard_get_assignments (self);
  GListModel *students = cs_dashboard_get_students (self);
  const char *code = cs_dashboard_get_course_code (self);

  report->cohort = *code ? g_strdup_printf ("%s · %s", cs_dashboard_get_title (self), code)
                         : g_strdup (cs_dashboard_get_title (self));
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, a);
      Page *page = g_new0 (Page, 1);
      gint64 due = cs_dashboard_assignment_get_due (assignment);

      page->title = g_strdup (cs_dashboard_assignment_get_title (assignment));
      if (due > 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (due);

          /* Translators: the due date in the cohort report (g_date_time_format) */
          page->due = g_date_time_format (when, _("%-d %B %Y, %H:%M"));
        }
      page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      for (guint s = 0; s < g_list_model_get_n_items (students); s++)
        {
          g_autoptr(CsDashboardStudent) student = g_list_model_get_item (students, s);
          CsDashboardCell *cell = a < cs_dashboard_student_get_n_cells (student)
                                  ? cs_dashboard_student_get_cell (student, a) : NULL;
          Row *row;

          if (!cell)
            continue;
          row = g_new0 (Row, 1);
          row->name = g_strdup (cs_dashboard_student_get_name (student));
          row->status = g_strdup (status_text (cell));
          row->progress = cs_dashboard_cell_get_progress (cell);
          row->score = cs_dashboard_cell_get_score (cell);
          row->computed = cs_dashboard_cell_get_computed_score (cell);
          row->overridden = cs_dashboard_cell_get_overridden (cell);
          row->late = cs_dashboard_cell_get_late (cell);
          g_ptr_array_add (page->rows, row);
        }
      g_ptr_array_add (report->pages, page);
    }
  return report;
}

/* Drawing, on the task's thread. */

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @text at (@x, @y) in @font, at most @width wide (ellipsized), right-aligned when
 * @right; returns its height. */
static double
text_at (cairo_t    *cr,
         const char *font,
         double      x,
         double      y,
         double      width,
         gboolean    right,
         const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height;

  /* Font sizes in points: one unit of the PDF surface is a point. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The distribution of the grades in force: ten bands, the count above each bar; returns
 * the height used. */
static double
draw_distribution (cairo_t *cr,
                   Page    *page,
                   double   y)
{
  const double chart_height = 110, width = PAGE_WIDTH - 2 * MARGIN, bar = width / N_BANDS;
  guint bands[N_BANDS] = { 0 }, most = 0;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *summary = NULL;
  double top = y + 18;

  for (guint i = 0; i < page->rows->len; i++)
    {
      Row *row = g_ptr_array_index (page->rows, i);

      if (row->score < 0)
        continue;
      g_array_append_val (scores, row->score);
      bands[MIN ((guint) (row->score * N_BANDS), N_BANDS - 1)]++;
    }
  for (guint b = 0; b < N_BANDS; b++)
    most = MAX (most, bands[b]);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  text_at (cr, "Sans Bold 11", MARGIN, y, width, FALSE, _("Grade distribution"));
  for (guint b = 0; b < N_BANDS; b++)
    {
      double h = most ? (chart_height - 14) * bands[b] / most : 0;
      double x = MARGIN + b * bar;
      g_autofree char *count = g_strdup_printf ("%u", bands[b]);
      g_autofree char *label = g_strdup_printf ("%u–%u", b * 10, b * 10 + 10);

      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, x + 3, top + chart_height - h, bar - 6, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      if (bands[b])
        text_at (cr, "Sans 8", x, top + chart_height - h - 12, bar, FALSE, count);
      text_at (cr, "Sans 7", x + 2, top + chart_height + 3, bar, FALSE, label);
    }
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, top + chart_height);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, top + chart_height);
  cairo_stroke (cr);

  if (scores->len)
    {
      double sum = 0, median;
      g_autofree char *mean_text = NULL;
      g_autofree char *median_text = NULL;

      g_array_sort (scores, compare_doubles);
      for (guint i = 0; i < scores->len; i++)
        sum += g_array_index (scores, double, i);
      median = scores->len % 2 ? g_array_index (scores, double, scores->len / 2)
                               : (g_array_index (scores, double, scores->len / 2 - 1) +
                                  g_array_index (scores, double, scores->len / 2)) / 2;
      mean_text = percent (sum / scores->len);
      median_text = percent (median);
      /* Translators: under the grade distribution: graded students, of all; mean; median */
      summary = g_strdup_printf (_("%u of %u graded · mean %s · median %s"), scores->len, page->rows->len,
                                 mean_text, median_text);
    }
  else
    summary = g_strdup (_("Nobody is graded yet"));
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  text_at (cr, "Sans 9", MARGIN, top + chart_height + 18, width, FALSE, summary);
  return 18 + chart_height + 40;
}

static void
draw_header (cairo_t    *cr,
             Report     *report,
             Page       *page,
             int         number,
             double     *y)
{
  g_autofree char *subtitle = page->due ? g_strdup_printf (_("%s · due %s"), report->cohort, page->due)
                                        : g_strdup (report->cohort);
  g_autofree char *footer = g_strdup_printf (_("%s · page %d"), report->cohort, number);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  *y = MARGIN;
  *y += text_at (cr, "Sans Bold 18", MARGIN, *y, PAGE_WIDTH - 2 * MARGIN, FALSE, page->title) + 4;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  *y += text_at (cr, "Sans 11", MARGIN, *y, PAGE_WIDTH - 2 * MARGIN, FALSE, subtitle) + 18;
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  text_at (cr, "Sans 8", MARGIN, PAGE_HEIGHT - MARGIN + 14, PAGE_WIDTH - 2 * MARGIN, FALSE, footer);
}

static void
draw_table_head (cairo_t *cr,
                 double  *y)
{
  const double width = PAGE_WIDTH - 2 * MARGIN;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  text_at (cr, "Sans Bold 9", MARGIN, *y, width * 0.33, FALSE, _("Student"));
  text_at (cr, "Sans Bold 9", MARGIN + width * 0.34, *y, width * 0.2, FALSE, _("Status"));
  text_at (cr, "Sans Bold 9", MARGIN + width * 0.54, *y, width * 0.11, TRUE, _("Progress"));
  text_at (cr, "Sans Bold 9", MARGIN + width * 0.65, *y, width * 0.35, TRUE, _("Grade"));
  *y += ROW_HEIGHT;
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, *y - 4);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, *y - 4);
  cairo_stroke (cr);
}

static void
draw_row (cairo_t *cr,
          Row     *row,
          double   y)
{
  const double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *progress = percent (row->progress);
  g_autofree char *score = percent (row->score);
  g_autofree char *grade = NULL;
  g_autofree char *status = row->late ? g_strdup_printf (_("%s, late"), row->status) : g_strdup (row->status);

  if (row->overridden)
    {
      g_autofree char *computed = percent (row->computed);

      /* Translators: the grade in force and the computed grade, as in "85% (overridden from 70%)" */
      grade = g_strdup_printf (_("%s (overridden from %s)"), score, computed);
    }
  else
    grade = g_steal_pointer (&score);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  text_at (cr, "Sans 9", MARGIN, y, width * 0.33, FALSE, row->name);
  text_at (cr, "Sans 9", MARGIN + width * 0.34, y, width * 0.2, FALSE, status);
  text_at (cr, "Sans 9", MARGIN + width * 0.54, y, width * 0.11, TRUE, progress);
  text_at (cr, row->overridden ? "Sans Bold 9" : "Sans 9", MARGIN + width * 0.65, y, width * 0.35, TRUE, grade);
}

static GBytes *
draw_report (Report  *report,
             GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_bytes, data, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  int number = 0;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->cohort);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Case Studio");
  for (guint p = 0; p < report->pages->len; p++)
    {
      Page *page = g_ptr_array_index (report->pages, p);
      double y;

      draw_header (cr, report, page, ++number, &y);
      y += draw_distribution (cr, page, y);
      draw_table_head (cr, &y);
      for (guint r = 0; r < page->rows->len; r++)
        {
          if (y + ROW_HEIGHT > PAGE_HEIGHT - MARGIN)
            {
              cairo_show_page (cr);
              draw_header (cr, report, page, ++number, &y);
              draw_table_head (cr, &y);
            }
          draw_row (cr, g_ptr_array_index (page->rows, r), y);
          y += ROW_HEIGHT;
        }
      cairo_show_page (cr);
    }
  if (report->pages->len == 0)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      text_at (cr, "Sans Bold 18", MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, FALSE, report->cohort);
      text_at (cr, "Sans 10", MARGIN, MARGIN + 28, PAGE_WIDTH - 2 * MARGIN, FALSE, _("No case is assigned yet."));
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_FAILED,
                   _("The cohort report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Report *report = data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (!(bytes = draw_report (report, &error)) ||
      !cs_report_export_save (bytes, report->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_dashboard_export_pdf_async (CsDashboard         *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Report *report;

  g_return_if_fail (CS_IS_DASHBOARD (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_dashboard_export_pdf_async);
  report = copy_report (self);
  report->file = g_object_ref (file);
  g_task_set_task_data (task, report, (GDestroyNotify) report_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cs_dashboard_export_pdf_finish (CsDashboard   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
