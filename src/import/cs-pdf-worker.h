/* cs-pdf-worker.h: one thread that owns one PDF document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Poppler is not safe to use from several threads at once on one document, and a 300-page
 * case must not block the window, so each document gets a worker thread with a job queue:
 * opening, reading the text (page by page, with progress) and rendering pages. Renders
 * jump the queue and are served between the pages of a read, so thumbnails appear while
 * the text is still being read. Every job is an _async/_finish pair completing on the
 * caller's main context; a cancelled job completes with G_IO_ERROR_CANCELLED.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cs-pdf-text.h"
#include "cs-pdf-reader.h"

G_BEGIN_DECLS

#define CS_TYPE_PDF_WORKER (cs_pdf_worker_get_type ())
G_DECLARE_FINAL_TYPE (CsPdfWorker, cs_pdf_worker, CS, PDF_WORKER, GObject)


CsPdfWorker     *cs_pdf_worker_new             (GFile                *file);
GFile           *cs_pdf_worker_get_file        (CsPdfWorker          *self);

/* Opens the document (again, with a password after CS_IMPORT_ERROR_NEEDS_PASSWORD). */
void             cs_pdf_worker_open_async      (CsPdfWorker          *self,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean         cs_pdf_worker_open_finish     (CsPdfWorker          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* After a successful open: the pages, their sizes in points, and the document's
 * information ("title", "author", "subject", "keywords", "creator", "producer",
 * "created", "modified"; NULL when not set). */
guint            cs_pdf_worker_get_n_pages     (CsPdfWorker          *self);
void             cs_pdf_worker_get_page_size   (CsPdfWorker          *self,
                                                guint                 page,
                                                double               *width,
                                                double               *height);
const char      *cs_pdf_worker_get_info        (CsPdfWorker          *self,
                                                const char           *key);

/* Reads the text with its layout (cs_pdf_reader_read()); @progress is called on the
 * caller's main context with the pages done so far. */
void             cs_pdf_worker_read_async      (CsPdfWorker          *self,
                                                CsPdfReadProgress     progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CsPdfText       *cs_pdf_worker_read_finish     (CsPdfWorker          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Renders @page @width pixels wide on white. */
void             cs_pdf_worker_render_async    (CsPdfWorker          *self,
                                                guint                 page,
                                                int                   width,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
cairo_surface_t *cs_pdf_worker_render_finish   (CsPdfWorker          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* For tests and benchmarks: how many renders the thread has done. */
guint            cs_pdf_worker_get_n_rendered  (CsPdfWorker          *self);

/* Waits up to @timeout_ms for the threads of disposed workers to end; at exit. FALSE when
 * some thread is still busy. */
gboolean         cs_pdf_worker_wait_all        (guint                 timeout_ms);

G_END_DECLS
