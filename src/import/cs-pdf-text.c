/* cs-pdf-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-pdf-text.h"

typedef struct {
  double width;
  double height;
  guint  first_line;
  guint  n_lines;
} Page;

struct _CsPdfText
{
  GObject     parent_instance;

  GArray     *pages;  /* Page */
  GArray     *lines;  /* CsPdfLine */
  GHashTable *info;   /* key → value */
  gboolean    ocr;
};

G_DEFINE_FINAL_TYPE (CsPdfText, cs_pdf_text, G_TYPE_OBJECT)

static void
clear_line (gpointer data)
{
  CsPdfLine *line = data;

  g_free (line->text);
}

static void
cs_pdf_text_finalize (GObject *object)
{
  CsPdfText *self = CS_PDF_TEXT (object);

  g_array_unref (self->pages);
  g_array_unref (self->lines);
  g_hash_table_unref (self->info);

  G_OBJECT_CLASS (cs_pdf_text_parent_class)->finalize (object);
}

static void
cs_pdf_text_class_init (CsPdfTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_pdf_text_finalize;
}

static void
cs_pdf_text_init (CsPdfText *self)
{
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->lines = g_array_new (FALSE, TRUE, sizeof (CsPdfLine));
  g_array_set_clear_func (self->lines, clear_line);
  self->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CsPdfText *
cs_pdf_text_new (void)
{
  return g_object_new (CS_TYPE_PDF_TEXT, NULL);
}

void
cs_pdf_text_add_page (CsPdfText *self,
                      double     width,
                      double     height)
{
  Page page = { width, height, self->lines->len, 0 };

  g_return_if_fail (CS_IS_PDF_TEXT (self));

  g_array_append_val (self->pages, page);
}

void
cs_pdf_text_add_line (CsPdfText  *self,
                      const char *text,
                      double      x,
                      double      y,
                      double      width,
                      double      height,
                      double      font_size,
                      gboolean    bold)
{
  CsPdfLine line = { 0 };
  Page *page;

  g_return_if_fail (CS_IS_PDF_TEXT (self));
  g_return_if_fail (self->pages->len > 0);
  g_return_if_fail (text != NULL && *text != '\0');

  page = &g_array_index (self->pages, Page, self->pages->len - 1);

  /* The same baseline, to the right of the last line of this page: one table row that the
   * PDF's reading order broke in two. Join it to that line after a tab. */
  if (page->n_lines > 0)
    {
      CsPdfLine *last = &g_array_index (self->lines, CsPdfLine, self->lines->len - 1);

      if (ABS (last->y - y) < 1.0 && ABS (last->height - height) < 1.0 &&
          x >= last->x + last->width - 0.5)
        {
          char *joined = g_strconcat (last->text, "\t", text, NULL);

          g_free (last->text);
          last->text = joined;
          last->width = x + width - last->x;
          last->font_size = MAX (last->font_size, font_size);
          last->bold = last->bold || bold;
          return;
        }
    }

  line.page = self->pages->len - 1;
  line.text = g_strdup (text);
  line.x = x;
  line.y = y;
  line.width = width;
  line.height = height;
  line.font_size = font_size;
  line.bold = bold;
  g_array_append_val (self->lines, line);
  page->n_lines++;
}

void
cs_pdf_text_set_info (CsPdfText  *self,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (CS_IS_PDF_TEXT (self));
  g_return_if_fail (key != NULL);

  if (value != NULL)
    {
      g_autofree char *copy = g_strstrip (g_strdup (value));

      if (*copy != '\0')
        {
          g_hash_table_replace (self->info, g_strdup (key), g_steal_pointer (&copy));
          return;
        }
    }
  g_hash_table_remove (self->info, key);
}

const char *
cs_pdf_text_get_info (CsPdfText  *self,
                      const char *key)
{
  g_return_val_if_fail (CS_IS_PDF_TEXT (self), NULL);

  return g_hash_table_lookup (self->info, key);
}

void
cs_pdf_text_set_ocr (CsPdfText *self,
                     gboolean   ocr)
{
  g_return_if_fail (CS_IS_PDF_TEXT (self));

  self->ocr = !!ocr;
}

gboolean
cs_pdf_text_get_ocr (CsPdfText *self)
{
  g_return_val_if_fail (CS_IS_PDF_TEXT (self), FALSE);

  return self->ocr;
}

guint
cs_pdf_text_get_n_pages (CsPdfText *self)
{
  g_return_val_if_fail (CS_IS_PDF_TEXT (self), 0);

  return self->pages->len;
}

void
cs_pdf_text_get_page_size (CsPdfText *self,
                           guint      page,
                           double    *width,
                           double    *height)
{
  const Page *p;

  g_return_if_fail (CS_IS_PDF_TEXT (self));
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  if (width)
    *width = p->width;
  if (height)
    *height = p->height;
}

guint
cs_pdf_text_get_n_lines (CsPdfText *self)
{
  g_return_val_if_fail (CS_IS_PDF_TEXT (self), 0);

  return self->lines->len;
}

const CsPdfLine *
cs_pdf_text_get_line (CsPdfText *self,
                      guint      index)
{
  return cs_pdf_text_get_line_mutable (self, index);
}

CsPdfLine *
cs_pdf_text_get_line_mutable (CsPdfText *self,
                              guint      index)
{
  g_return_val_if_fail (CS_IS_PDF_TEXT (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return &g_array_index (self->lines, CsPdfLine, index);
}

void
cs_pdf_text_get_page_lines (CsPdfText *self,
                            guint      page,
                            guint     *first,
                            guint     *n_lines)
{
  const Page *p;

  g_return_if_fail (CS_IS_PDF_TEXT (self));
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  *first = p->first_line;
  *n_lines = p->n_lines;
}

char *
cs_pdf_text_dup_page_text (CsPdfText *self,
                           guint      page)
{
  GString *text = g_string_new (NULL);
  guint first, n;

  g_return_val_if_fail (CS_IS_PDF_TEXT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  cs_pdf_text_get_page_lines (self, page, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_array_index (self->lines, CsPdfLine, i).text);
    }
  return g_string_free (text, FALSE);
}

char *
cs_pdf_text_dup_text (CsPdfText *self,
                      gboolean   skip_boilerplate)
{
  GString *text = g_string_new (NULL);
  guint page = 0;

  g_return_val_if_fail (CS_IS_PDF_TEXT (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const CsPdfLine *line = &g_array_index (self->lines, CsPdfLine, i);

      if (skip_boilerplate && line->boilerplate)
        continue;
      if (text->len > 0)
        g_string_append_c (text, line->page != page ? '\f' : '\n');
      page = line->page;
      g_string_append (text, line->text);
    }
  return g_string_free (text, FALSE);
}

gsize
cs_pdf_text_get_n_chars (CsPdfText *self)
{
  gsize n = 0;

  g_return_val_if_fail (CS_IS_PDF_TEXT (self), 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const CsPdfLine *line = &g_array_index (self->lines, CsPdfLine, i);

      if (!line->boilerplate)
        n += g_utf8_strlen (line->text, -1);
    }
  return n;
}
