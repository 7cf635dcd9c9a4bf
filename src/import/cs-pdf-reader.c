/* cs-pdf-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cs-import-error.h"
#include "cs-pdf-reader.h"

#define MAGIC_WINDOW 1024   /* the PDF header may follow some junk, as readers allow */
#define OCR_DPI      200.0


static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return g_filename_display_name (base ? base : "?");
}

static gboolean
check_header (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *name = display_name (file);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local = NULL;
  char head[MAGIC_WINDOW];
  gsize n = 0;

  in = g_file_read (file, cancellable, &local);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, cancellable, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_READ,
                   _("“%s” cannot be read: %s. Check that the file exists and that you may "
                     "read it."), name, local->message);
      return FALSE;
    }

  if (n == 0)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes). It was probably not copied or downloaded "
                     "completely; get the file again and import it."), name);
      return FALSE;
    }

  if (g_strstr_len (head, n, "%PDF-") == NULL)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NOT_PDF,
                   _("“%s” is not a PDF document, whatever its name says. Open it in the "
                     "program that made it and export or print it as PDF."), name);
      return FALSE;
    }

  return TRUE;
}

PopplerDocument *
cs_pdf_reader_open (GFile         *file,
                    const char    *password,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_header (file, cancellable, error))
    return NULL;

  name = display_name (file);
  document = poppler_document_new_from_gfile (file, password, cancellable, &local);
  if (document == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) &&
               (password == NULL || *password == '\0'))
        g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NEEDS_PASSWORD,
                     _("“%s” is protected by a password. Enter the password to import it."),
                     name);
      else if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_WRONG_PASSWORD,
                     _("The password does not open “%s”. Check the password and try again."),
                     name);
      else
        g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED,
                     _("“%s” is damaged or incomplete and cannot be read (%s). Download or "
                       "copy it again, or export it again from the program that made it."),
                     name, local ? local->message : _("unknown error"));
      return NULL;
    }

  if (poppler_document_get_n_pages (document) <= 0)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NO_PAGES,
                   _("“%s” has no pages. It is probably damaged; get the file again and "
                     "import it."), name);
      g_object_unref (document);
      return NULL;
    }

  return document;
}

/* --- text with layout ---------------------------------------------------------------- */

typedef struct {
  GString  *text;
  double    x1, y1, x2, y2;
  double    font_size;
  gboolean  bold;
  gboolean  empty;
} LineBuilder;

static void
line_reset (LineBuilder *b)
{
  g_string_truncate (b->text, 0);
  b->x1 = b->y1 = G_MAXDOUBLE;
  b->x2 = b->y2 = -G_MAXDOUBLE;
  b->font_size = 0;
  b->bold = FALSE;
  b->empty = TRUE;
}

static void
line_flush (LineBuilder *b,
            CsPdfText   *out)
{
  char *start = b->text->str;
  char *end;

  /* collapse whitespace */
  g_strstrip (start);
  end = start + strlen (start);
  if (start != end)
    {
      GString *clean = g_string_sized_new (end - start);
      gboolean space = FALSE, tab = FALSE;

      for (const char *p = start; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\t')
            tab = TRUE;
          else if (g_unichar_isspace (c))
            space = TRUE;
          else
            {
              if ((space || tab) && clean->len > 0)
                g_string_append_c (clean, tab ? '\t' : ' ');
              space = tab = FALSE;
              g_string_append_unichar (clean, c);
            }
        }
      if (b->x1 == G_MAXDOUBLE)
        b->x1 = b->y1 = b->x2 = b->y2 = 0;
      cs_pdf_text_add_line (out, clean->str, b->x1, b->y1, b->x2 - b->x1, b->y2 - b->y1,
                            b->font_size, b->bold);
      g_string_free (clean, TRUE);
    }
  line_reset (b);
}

static gboolean
font_is_bold (const char *font_name)
{
  g_autofree char *lower = font_name ? g_ascii_strdown (font_name, -1) : NULL;

  return lower && (strstr (lower, "bold") || strstr (lower, "black") || strstr (lower, "heavy"));
}

static void
read_page_lines (PopplerPage *page,
                 CsPdfText   *out)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GList *attributes = NULL;
  GList *attr;
  guint n_rects = 0;
  glong n_chars;
  LineBuilder b = { g_string_new (NULL) };
  glong index = 0;
  double last_x2 = 0;
  gboolean spaced = FALSE;
  PopplerTextAttributes *last_attr = NULL;
  gboolean last_bold = FALSE;

  if (text == NULL || *text == '\0')
    {
      g_string_free (b.text, TRUE);
      return;
    }

  n_chars = g_utf8_strlen (text, -1);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects) || (glong) n_rects != n_chars)
    g_clear_pointer (&rects, g_free);
  attributes = poppler_page_get_text_attributes (page);
  attr = attributes;

  line_reset (&b);
  for (const char *p = text; *p; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      PopplerTextAttributes *a;

      if (c == '\n')
        {
          line_flush (&b, out);
          continue;
        }

      /* A wide gap between two glyphs of one line separates table cells or columns
       * that the PDF drew without a space: keep it as a tab. */
      if (rects && !g_unichar_isspace (c) && !b.empty)
        {
          double em = MAX (b.font_size, 6.0);
          double gap = rects[index].x1 - last_x2;

          if ((!spaced && gap > em * 0.3) || gap > em * 1.5)
            g_string_append_c (b.text, '\t');
        }

      g_string_append_unichar (b.text, c);
      if (g_unichar_isspace (c))
        {
          spaced = TRUE;
          continue;
        }
      spaced = FALSE;
      b.empty = FALSE;
      if (rects)
        last_x2 = rects[index].x2;

      while (attr && ((PopplerTextAttributes *) attr->data)->end_index < index)
        attr = attr->next;
      a = attr ? attr->data : NULL;
      if (a && a->start_index <= index)
        {
          /* an attribute run covers many glyphs: look at its font name once */
          if (a != last_attr)
            {
              last_attr = a;
              last_bold = font_is_bold (a->font_name);
            }
          b.font_size = MAX (b.font_size, a->font_size);
          b.bold = b.bold || last_bold;
        }
      if (rects)
        {
          const PopplerRectangle *r = &rects[index];

          b.x1 = MIN (b.x1, r->x1);
          b.y1 = MIN (b.y1, r->y1);
          b.x2 = MAX (b.x2, r->x2);
          b.y2 = MAX (b.y2, r->y2);
        }
    }
  line_flush (&b, out);

  poppler_page_free_text_attributes (attributes);
  g_string_free (b.text, TRUE);
}

static gboolean
page_has_images (PopplerPage *page)
{
  GList *images = poppler_page_get_image_mapping (page);
  gboolean any = images != NULL;

  poppler_page_free_image_mapping (images);
  return any;
}

/* --- OCR ------------------------------------------------------------------------------ */

static gboolean
ocr_page (PopplerDocument  *document,
          guint             index,
          const char       *tesseract,
          const char       *dir,
          CsPdfText        *out,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *png = g_strdup_printf ("%s/page-%u.png", dir, index + 1);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_auto(GStrv) lines = NULL;
  double width, height, y = 0;
  const double line_height = 14;

  poppler_page_get_size (page, &width, &height);
  cs_pdf_text_add_page (out, width, height);

  surface = cs_pdf_reader_render_page (document, index, (int) (width * OCR_DPI / 72.0), error);
  if (surface == NULL)
    return FALSE;
  if (cairo_surface_write_to_png (surface, png) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OCR_FAILED,
                   _("The page images could not be prepared for text recognition. Check "
                     "that the temporary folder has free space and try again."));
      return FALSE;
    }

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           error, tesseract, png, "-", NULL);
  if (proc == NULL ||
      !g_subprocess_communicate_utf8 (proc, NULL, cancellable, &stdout_text, &stderr_text, error))
    return FALSE;
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OCR_FAILED,
                   _("Text recognition (tesseract) failed on page %u: %s"),
                   index + 1, stderr_text ? g_strstrip (stderr_text) : "");
      return FALSE;
    }

  lines = g_strsplit (stdout_text ? stdout_text : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      y += line_height;
      if (*lines[i] != '\0')
        cs_pdf_text_add_line (out, lines[i], 72, y, width - 144, line_height, 10, FALSE);
    }
  return TRUE;
}

static CsPdfText *
read_by_ocr (PopplerDocument    *document,
             CsPdfReadProgress   progress,
             gpointer            user_data,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autoptr(CsPdfText) out = NULL;
  g_autofree char *dir = NULL;
  int n_pages = poppler_document_get_n_pages (document);
  gboolean ok = TRUE;

  if (tesseract == NULL)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NO_TEXT,
                   _("This PDF holds only scanned images of its pages, without text. "
                     "Install the tesseract text recognition program (Debian package "
                     "“tesseract-ocr”) to read it, or import a PDF with selectable text."));
      return NULL;
    }

  dir = g_dir_make_tmp ("case-studio-ocr-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  out = cs_pdf_text_new ();
  cs_pdf_text_set_ocr (out, TRUE);
  for (int i = 0; i < n_pages && ok; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = ocr_page (document, i, tesseract, dir, out, cancellable, error);
      if (ok && progress)
        progress (i + 1, n_pages, user_data);
    }

  /* remove the page images */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (d && (entry = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        g_remove (path);
      }
    g_rmdir (dir);
  }

  if (!ok)
    return NULL;
  if (cs_pdf_text_get_n_lines (out) == 0)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OCR_FAILED,
                   _("Text recognition found no text on the page images. Check that the "
                     "scan is readable, or import a PDF with selectable text."));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static void
read_info (PopplerDocument *document,
           CsPdfText       *out)
{
  struct { const char *key; char *value; } info[] = {
    { "title", poppler_document_get_title (document) },
    { "author", poppler_document_get_author (document) },
    { "subject", poppler_document_get_subject (document) },
    { "keywords", poppler_document_get_keywords (document) },
    { "creator", poppler_document_get_creator (document) },
    { "producer", poppler_document_get_producer (document) },
  };
  GDateTime *created = poppler_document_get_creation_date_time (document);
  GDateTime *modified = poppler_document_get_modification_date_time (document);

  for (guint i = 0; i < G_N_ELEMENTS (info); i++)
    {
      cs_pdf_text_set_info (out, info[i].key, info[i].value);
      g_free (info[i].value);
    }
  if (created)
    {
      g_autofree char *text = g_date_time_format_iso8601 (created);

      cs_pdf_text_set_info (out, "created", text);
      g_date_time_unref (created);
    }
  if (modified)
    {
      g_autofree char *text = g_date_time_format_iso8601 (modified);

      cs_pdf_text_set_info (out, "modified", text);
      g_date_time_unref (modified);
    }
}

CsPdfText *
cs_pdf_reader_read (PopplerDocument    *document,
                    CsPdfReadProgress   progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(CsPdfText) out = cs_pdf_text_new ();
  int n_pages;
  gboolean images = FALSE;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      double width, height;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED,
                       _("Page %d of the PDF is damaged and cannot be read. Download or "
                         "copy the file again, or export it again as PDF."), i + 1);
          return NULL;
        }
      poppler_page_get_size (page, &width, &height);
      cs_pdf_text_add_page (out, width, height);
      read_page_lines (page, out);
      if (progress)
        progress (i + 1, n_pages, user_data);
    }

  if (cs_pdf_text_get_n_lines (out) == 0)
    {
      for (int i = 0; i < n_pages && !images; i++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);

          images = page && page_has_images (page);
        }
      if (!images)
        {
          g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_LITTLE,
                       _("This PDF has no text: its pages are blank. Check that you chose "
                         "the right file."));
          return NULL;
        }
      g_clear_object (&out);
      out = read_by_ocr (document, progress, user_data, cancellable, error);
      if (out == NULL)
        return NULL;
    }

  read_info (document, out);
  return g_steal_pointer (&out);
}

cairo_surface_t *
cs_pdf_reader_render_page (PopplerDocument  *document,
                           guint             index,
                           int               width,
                           GError          **error)
{
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  double page_width, page_height, scale;
  int height;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (width > 0, NULL);

  if (index < (guint) poppler_document_get_n_pages (document))
    page = poppler_document_get_page (document, index);
  if (page == NULL)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED,
                   _("Page %u of the PDF cannot be shown: it is missing or damaged."),
                   index + 1);
      return NULL;
    }

  poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    page_width = page_height = 1;
  scale = width / page_width;
  height = MAX (1, (int) (page_height * scale + 0.5));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_surface_flush (surface);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DAMAGED,
                   _("Page %u of the PDF could not be drawn (%s)."),
                   index + 1, cairo_status_to_string (cairo_status (cr)));
      return NULL;
    }
  return g_steal_pointer (&surface);
}
