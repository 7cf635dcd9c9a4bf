/* cs-pdf-reader.h: opening a PDF with poppler and reading its text and layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Poppler documents are not thread-safe: a PopplerDocument opened here must only be used
 * from the thread that opened it (CsPdfWorker keeps one thread per document). Errors are
 * CS_IMPORT_ERROR with a message the user can act on.
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <poppler.h>

#include "cs-pdf-text.h"

G_BEGIN_DECLS

/* poppler-glib 22 has no autoptr support of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Called after each page is read, on the reading thread. */
typedef void (*CsPdfReadProgress) (guint    pages_done,
                                   guint    n_pages,
                                   gpointer user_data);

/* Checks that @file is a non-empty PDF, then opens it; @password may be NULL. */
PopplerDocument *cs_pdf_reader_open        (GFile              *file,
                                            const char         *password,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* Reads every page's lines with positions and font sizes. When no page has text but pages
 * have images, runs tesseract on the page images when it is installed, else fails with
 * CS_IMPORT_ERROR_NO_TEXT. */
CsPdfText       *cs_pdf_reader_read        (PopplerDocument    *document,
                                            CsPdfReadProgress   progress,
                                            gpointer            user_data,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* Renders @page to an ARGB32 image @width pixels wide, white background. */
cairo_surface_t *cs_pdf_reader_render_page (PopplerDocument    *document,
                                            guint               page,
                                            int                 width,
                                            GError            **error);

G_END_DECLS
