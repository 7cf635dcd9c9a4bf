/* bench-import.c: PDF text extraction, first thumbnail and case analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. The text of a 300-page PDF (drawn with cairo) read with its layout, against
 *    `pdftotext` on the same file in the same run (target: within 1.3×).
 * 2. Time to the first thumbnail from a new worker (open, render page 1), against
 *    `pdftoppm` drawing that page at the same size.
 * 3. The offline analysis of a 50-page case (the realistic case's pages repeated), after
 *    its text was read (target under 200 ms), with the reading time as reference.
 * Each figure is the median of five runs.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "cs-offline-extractor.h"
#include "cs-pdf-reader.h"
#include "cs-pdf-worker.h"
#include "cs-test-pdf.h"

#define RUNS 5

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

/* Wall time of a command in ms, or -1 when it cannot run. */
static double
time_command (const char * const *argv)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (proc == NULL || !g_subprocess_wait_check (proc, NULL, &error))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static CsPdfText *
read_text (const char *path, double *ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  CsPdfText *text;

  document = cs_pdf_reader_open (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = cs_pdf_reader_read (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  return text;
}

typedef struct {
  GMainLoop       *loop;
  cairo_surface_t *surface;
} ThumbRun;

static void
on_rendered (GObject *source, GAsyncResult *result, gpointer data)
{
  ThumbRun *run = data;

  run->surface = cs_pdf_worker_render_finish (CS_PDF_WORKER (source), result, NULL);
  g_main_loop_quit (run->loop);
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  g_assert_true (cs_pdf_worker_open_finish (CS_PDF_WORKER (source), result, NULL));
  cs_pdf_worker_render_async (CS_PDF_WORKER (source), 0, 224, NULL, on_rendered, data);
}

static double
time_first_thumbnail (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ThumbRun run = { g_main_loop_new (NULL, FALSE), NULL };
  gint64 start = g_get_monotonic_time ();
  CsPdfWorker *worker = cs_pdf_worker_new (file);
  double ms;

  cs_pdf_worker_open_async (worker, NULL, NULL, on_opened, &run);
  g_main_loop_run (run.loop);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_nonnull (run.surface);
  cairo_surface_destroy (run.surface);
  g_object_unref (worker);
  g_main_loop_unref (run.loop);
  return ms;
}

/* The 3-page case repeated to @n_pages pages. */
static CsPdfText *
repeat_case (CsPdfText *one, guint n_pages)
{
  CsPdfText *text = cs_pdf_text_new ();
  guint n = cs_pdf_text_get_n_pages (one);

  for (guint p = 0; p < n_pages; p++)
    {
      double width, height;
      guint first, n_lines;

      cs_pdf_text_get_page_size (one, p % n, &width, &height);
      cs_pdf_text_add_page (text, width, height);
      cs_pdf_text_get_page_lines (one, p % n, &first, &n_lines);
      for (guint i = first; i < first + n_lines; i++)
        {
          const CsPdfLine *l = cs_pdf_text_get_line (one, i);

          cs_pdf_text_add_line (text, l->text, l->x, l->y, l->width, l->height, l->font_size, l->bold);
        }
    }
  return text;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-import-XXXXXX", NULL);
  g_autofree char *long_pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *case_pdf = g_build_filename (dir, "case.pdf", NULL);
  g_autofree char *out_txt = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *out_png = g_build_filename (dir, "page", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(CsOfflineExtractor) extractor = cs_offline_extractor_new ();
  double ours[RUNS], theirs[RUNS], thumb[RUNS], ppm[RUNS], analysis[RUNS], reading[RUNS];
  double read_ms, text_ratio = 0, n_chars = 0;
  int status = EXIT_SUCCESS;

  cs_test_pdf_write_long (long_pdf, 300);
  cs_test_pdf_write_case (case_pdf, FALSE);

  /* 1. text extraction */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(CsPdfText) text = read_text (long_pdf, &ours[r]);
      const char *cmd[] = { pdftotext, long_pdf, out_txt, NULL };

      n_chars = cs_pdf_text_get_n_chars (text);
      theirs[r] = pdftotext ? time_command (cmd) : -1;
    }
  printf ("text of 300 pages (%.0f characters): %.1f ms", n_chars, median (ours, RUNS));
  if (pdftotext && median (theirs, RUNS) > 0)
    {
      text_ratio = median (ours, RUNS) / median (theirs, RUNS);
      printf (", pdftotext %.1f ms, ratio %.2f (target <= 1.30)\n", median (theirs, RUNS), text_ratio);
    }
  else
    printf (" (pdftotext is not installed: no reference)\n");

  /* 2. first thumbnail */
  for (guint r = 0; r < RUNS; r++)
    {
      const char *cmd[] = { pdftoppm, "-f", "1", "-l", "1", "-scale-to-x", "224", "-scale-to-y", "-1",
                            "-png", long_pdf, out_png, NULL };

      thumb[r] = time_first_thumbnail (long_pdf);
      ppm[r] = pdftoppm ? time_command (cmd) : -1;
    }
  printf ("first thumbnail of the 300-page PDF: %.1f ms", median (thumb, RUNS));
  if (pdftoppm && median (ppm, RUNS) > 0)
    printf (", pdftoppm %.1f ms, ratio %.2f\n", median (ppm, RUNS), median (thumb, RUNS) / median (ppm, RUNS));
  else
    printf ("\n");

  /* 3. analysis of a 50-page case */
  {
    g_autoptr(CsPdfText) one = read_text (case_pdf, &read_ms);

    for (guint r = 0; r < RUNS; r++)
      {
        g_autoptr(CsPdfText) fifty = repeat_case (one, 50);
        g_autoptr(CsExtraction) extraction = NULL;
        g_autoptr(GError) error = NULL;
        gint64 start = g_get_monotonic_time ();

        extraction = cs_offline_extractor_extract (extractor, fifty, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        analysis[r] = (g_get_monotonic_time () - start) / 1000.0;
        /* reference: reading that many pages of text, scaled from the 3-page case */
        reading[r] = read_ms * 50.0 / cs_pdf_text_get_n_pages (one);
      }
    printf ("analysis of a 50-page case: %.1f ms (target < 200 ms), %.2f of the time to read "
            "its text\n", median (analysis, RUNS), median (analysis, RUNS) / median (reading, RUNS));
  }

  if (text_ratio > 1.3 || median (analysis, RUNS) >= 200)
    status = EXIT_FAILURE;

  g_unlink (out_txt);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
  return status;
}
