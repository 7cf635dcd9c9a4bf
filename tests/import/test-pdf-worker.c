/* test-pdf-worker.c: one thread per document; renders jump the queue; cancel works
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-import-error.h"
#include "cs-pdf-worker.h"
#include "cs-test-pdf.h"

static char *tmpdir;
static char *long_pdf;

typedef struct {
  GMainLoop *loop;
  guint      pending;
  /* results */
  gboolean   opened;
  GError    *open_error;
  CsPdfText *text;
  GError    *read_error;
  gint64     read_done_at;
  guint      n_progress;
  guint      last_done;
  cairo_surface_t *surface;
  GError    *render_error;
  gint64     render_done_at;
  GCancellable *read_cancellable;
  guint      cancel_after;
} Run;

static void
run_init (Run *run)
{
  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);
}

static void
run_clear (Run *run)
{
  g_main_loop_unref (run->loop);
  g_clear_error (&run->open_error);
  g_clear_object (&run->text);
  g_clear_error (&run->read_error);
  g_clear_pointer (&run->surface, cairo_surface_destroy);
  g_clear_error (&run->render_error);
  g_clear_object (&run->read_cancellable);
}

static void
done_one (Run *run)
{
  if (--run->pending == 0)
    g_main_loop_quit (run->loop);
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;

  run->opened = cs_pdf_worker_open_finish (CS_PDF_WORKER (source), result, &run->open_error);
  done_one (run);
}

static void
on_progress (guint done, guint total, gpointer data)
{
  Run *run = data;

  g_assert_cmpuint (done, >, run->last_done);
  g_assert_cmpuint (done, <=, total);
  run->last_done = done;
  run->n_progress++;
  if (run->cancel_after && done >= run->cancel_after)
    g_cancellable_cancel (run->read_cancellable);
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;

  run->text = cs_pdf_worker_read_finish (CS_PDF_WORKER (source), result, &run->read_error);
  run->read_done_at = g_get_monotonic_time ();
  done_one (run);
}

static void
on_rendered (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;

  run->surface = cs_pdf_worker_render_finish (CS_PDF_WORKER (source), result, &run->render_error);
  run->render_done_at = g_get_monotonic_time ();
  done_one (run);
}

static CsPdfWorker *
open_worker (const char *path,
             const char *password,
             Run        *run)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsPdfWorker *worker = cs_pdf_worker_new (file);

  run->pending = 1;
  cs_pdf_worker_open_async (worker, password, NULL, on_opened, run);
  g_main_loop_run (run->loop);
  return worker;
}

static void
test_open_and_info (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "case.pdf", NULL);
  g_autoptr(CsPdfWorker) worker = NULL;
  double width, height;
  Run run;

  run_init (&run);
  cs_test_pdf_write_case (path, FALSE);
  worker = open_worker (path, NULL, &run);
  g_assert_no_error (run.open_error);
  g_assert_true (run.opened);
  g_assert_cmpuint (cs_pdf_worker_get_n_pages (worker), ==, 3);
  cs_pdf_worker_get_page_size (worker, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
  g_assert_cmpstr (cs_pdf_worker_get_info (worker, "title"), ==, cs_test_pdf_title);

  /* a page renders at the asked width, the page's shape kept */
  run.pending = 1;
  cs_pdf_worker_render_async (worker, 0, 200, NULL, on_rendered, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.render_error);
  g_assert_cmpint (cairo_image_surface_get_width (run.surface), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (run.surface), ==, 259);
  run_clear (&run);
}

/* A render asked for while the text is read is done between two pages of the read. */
static void
test_render_jumps_queue (void)
{
  g_autoptr(CsPdfWorker) worker = NULL;
  Run run;

  run_init (&run);
  worker = open_worker (long_pdf, NULL, &run);
  g_assert_no_error (run.open_error);

  run.pending = 2;
  cs_pdf_worker_read_async (worker, on_progress, &run, NULL, on_read, &run);
  cs_pdf_worker_render_async (worker, 40, 120, NULL, on_rendered, &run);
  g_main_loop_run (run.loop);

  g_assert_no_error (run.read_error);
  g_assert_no_error (run.render_error);
  g_assert_nonnull (run.surface);
  g_assert_nonnull (run.text);
  g_assert_cmpuint (cs_pdf_text_get_n_pages (run.text), ==, cs_pdf_worker_get_n_pages (worker));
  g_assert_cmpint (run.render_done_at, <, run.read_done_at);
  g_assert_cmpuint (run.last_done, ==, cs_pdf_worker_get_n_pages (worker));
  g_assert_cmpuint (run.n_progress, >, 1);
  run_clear (&run);
}

static void
test_cancel (void)
{
  g_autoptr(CsPdfWorker) worker = NULL;
  g_autoptr(GCancellable) render_cancellable = g_cancellable_new ();
  guint rendered_before;
  Run run;

  run_init (&run);
  worker = open_worker (long_pdf, NULL, &run);
  g_assert_no_error (run.open_error);

  /* cancelled mid-read */
  run.read_cancellable = g_cancellable_new ();
  run.cancel_after = 5;
  run.pending = 1;
  cs_pdf_worker_read_async (worker, on_progress, &run, run.read_cancellable, on_read, &run);
  g_main_loop_run (run.loop);
  g_assert_error (run.read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.text);
  g_assert_cmpuint (run.last_done, <, cs_pdf_worker_get_n_pages (worker));

  /* a render cancelled before its turn is not drawn at all */
  rendered_before = cs_pdf_worker_get_n_rendered (worker);
  g_cancellable_cancel (render_cancellable);
  run.pending = 1;
  cs_pdf_worker_render_async (worker, 3, 120, render_cancellable, on_rendered, &run);
  g_main_loop_run (run.loop);
  g_assert_error (run.render_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cs_pdf_worker_get_n_rendered (worker), ==, rendered_before);
  run_clear (&run);
}

static void
test_bad_files (void)
{
  g_autofree char *fake = g_build_filename (tmpdir, "fake.pdf", NULL);
  g_autofree char *good = g_build_filename (tmpdir, "good.pdf", NULL);
  g_autofree char *locked = g_build_filename (tmpdir, "locked.pdf", NULL);
  Run run;

  g_assert_true (g_file_set_contents (fake, "GIF89a not a pdf", -1, NULL));
  run_init (&run);
  g_object_unref (open_worker (fake, NULL, &run));
  g_assert_error (run.open_error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NOT_PDF);
  run_clear (&run);

  cs_test_pdf_write_case (good, FALSE);
  if (!cs_test_pdf_write_encrypted (good, locked, "pw"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (locked);
    g_autoptr(CsPdfWorker) worker = cs_pdf_worker_new (file);

    /* the password prompt: first without, then wrong, then right, on one worker */
    run_init (&run);
    run.pending = 1;
    cs_pdf_worker_open_async (worker, NULL, NULL, on_opened, &run);
    g_main_loop_run (run.loop);
    g_assert_error (run.open_error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NEEDS_PASSWORD);
    g_clear_error (&run.open_error);

    run.pending = 1;
    cs_pdf_worker_open_async (worker, "nope", NULL, on_opened, &run);
    g_main_loop_run (run.loop);
    g_assert_error (run.open_error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_WRONG_PASSWORD);
    g_clear_error (&run.open_error);

    run.pending = 1;
    cs_pdf_worker_open_async (worker, "pw", NULL, on_opened, &run);
    g_main_loop_run (run.loop);
    g_assert_no_error (run.open_error);
    g_assert_cmpuint (cs_pdf_worker_get_n_pages (worker), ==, 3);
    run_clear (&run);
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cs-worker-XXXXXX", NULL);
  long_pdf = g_build_filename (tmpdir, "long.pdf", NULL);
  cs_test_pdf_write_long (long_pdf, 80);

  g_test_add_func ("/import/worker/open-and-info", test_open_and_info);
  g_test_add_func ("/import/worker/render-jumps-queue", test_render_jumps_queue);
  g_test_add_func ("/import/worker/cancel", test_cancel);
  g_test_add_func ("/import/worker/bad-files", test_bad_files);

  ret = g_test_run ();
  g_assert_true (cs_pdf_worker_wait_all (5000));

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmpdir);
  }
  g_free (long_pdf);
  g_free (tmpdir);
  return ret;
}
