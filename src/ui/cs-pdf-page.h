/* cs-pdf-page.h: one page of a PDF in the import preview (thumbnail grid item)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_PDF_PAGE (cs_pdf_page_get_type ())
G_DECLARE_FINAL_TYPE (CsPdfPage, cs_pdf_page, CS, PDF_PAGE, GObject)

/* Properties: "index" (0-based), "label" ("3"), "texture" (the thumbnail once rendered,
 * kept as a cache), "loading" (a render is under way). */
CsPdfPage    *cs_pdf_page_new            (guint         index);
guint         cs_pdf_page_get_index      (CsPdfPage    *self);
GdkTexture   *cs_pdf_page_get_texture    (CsPdfPage    *self);
void          cs_pdf_page_set_texture    (CsPdfPage    *self,
                                          GdkTexture   *texture);
/* The cancellable of the render under way, or NULL. */
GCancellable *cs_pdf_page_get_loading    (CsPdfPage    *self);
void          cs_pdf_page_set_loading    (CsPdfPage    *self,
                                          GCancellable *cancellable);

/* A texture with the pixels of a cairo ARGB32 image surface. */
GdkTexture   *cs_texture_new_for_surface (cairo_surface_t *surface);

G_END_DECLS
