/* cs-case-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cs-boilerplate.h"
#include "cs-case-outline.h"

#define HEADING_MAX_WORDS 12

struct _CsCaseOutline
{
  gatomicrefcount  ref_count;
  CsPdfText       *text;
  GArray          *paragraphs;  /* CsParagraph */
  GArray          *sections;    /* CsSection */
  double           body_size;
  double           line_gap;    /* the usual space between two lines of a paragraph */
  int              title;       /* paragraph index or -1 */
};

G_DEFINE_BOXED_TYPE (CsCaseOutline, cs_case_outline, cs_case_outline_ref, cs_case_outline_unref)

static void
clear_paragraph (gpointer data)
{
  g_free (((CsParagraph *) data)->text);
}

static void
clear_section (gpointer data)
{
  g_free (((CsSection *) data)->heading);
}

/* The font size that most characters of the text have, rounded to half points. */
static double
dominant_size (CsPdfText *text)
{
  g_autoptr(GHashTable) chars = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;
  double size = 10;

  for (guint i = 0; i < cs_pdf_text_get_n_lines (text); i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);
      guint half_points = (guint) lround (line->font_size * 2);
      guint n;

      if (line->boilerplate)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (chars, GUINT_TO_POINTER (half_points)));
      g_hash_table_insert (chars, GUINT_TO_POINTER (half_points),
                           GUINT_TO_POINTER (n + (guint) strlen (line->text)));
    }
  g_hash_table_iter_init (&iter, chars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        size = GPOINTER_TO_UINT (key) / 2.0;
      }
  return size > 0 ? size : 10;
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == '"' || text[len - 1] == ')' || (guchar) text[len - 1] >= 0x80))
    {
      /* skip closing quotes, including the UTF-8 ” and ’ */
      if ((guchar) text[len - 1] >= 0x80)
        {
          const char *prev = g_utf8_find_prev_char (text, text + len);

          if (prev == NULL)
            break;
          if (g_utf8_get_char (prev) != 0x201D && g_utf8_get_char (prev) != 0x2019)
            break;
          len = prev - text;
        }
      else
        len--;
    }
  return len > 0 && strchr (".!?:", text[len - 1]) != NULL;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gboolean
starts_exhibit (const char *text)
{
  static const char * const words[] = { "exhibit", "table", "figure", "appendix", "annex", NULL };

  for (guint i = 0; words[i]; i++)
    {
      gsize len = strlen (words[i]);

      if (g_ascii_strncasecmp (text, words[i], len) == 0 &&
          (text[len] == ' ' || text[len] == '\0') &&
          (g_ascii_isdigit (text[len + (text[len] ? 1 : 0)]) ||
           g_ascii_isupper (text[len + (text[len] ? 1 : 0)])))
        return TRUE;
    }
  return FALSE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median vertical gap between consecutive lines of the same size in the same column:
 * most pairs of lines are inside a paragraph, so this is the leading, and a clearly larger
 * gap starts a new paragraph. */
static double
usual_line_gap (CsPdfText *text)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  const CsPdfLine *prev = NULL;

  for (guint i = 0; i < cs_pdf_text_get_n_lines (text); i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);

      if (line->boilerplate)
        continue;
      if (prev && prev->page == line->page && ABS (prev->font_size - line->font_size) < 0.5 &&
          ABS (prev->x - line->x) < 40 && line->y > prev->y)
        {
          double gap = line->y - (prev->y + prev->height);

          g_array_append_val (gaps, gap);
        }
      prev = line;
    }
  if (gaps->len == 0)
    return 0;
  g_array_sort (gaps, compare_double);
  return MAX (0, g_array_index (gaps, double, gaps->len / 2));
}

/* Does @line continue the paragraph whose last line is @prev? */
static gboolean
continues (const CsPdfLine *prev,
           const CsPdfLine *line,
           double           body_size,
           double           line_gap)
{
  double gap;

  /* a sentence running on into the next column or page: body text that does not end a
   * sentence, followed by body text of the same size starting in lower case */
  if ((line->page != prev->page || line->y < prev->y) &&
      ABS (line->font_size - prev->font_size) <= 0.5 && line->bold == prev->bold &&
      ABS (prev->font_size - body_size) <= 0.5 && !ends_sentence (prev->text) &&
      g_unichar_islower (g_utf8_get_char (line->text)) && !strchr (line->text, '\t'))
    return TRUE;

  if (line->page != prev->page)
    return FALSE;
  if (ABS (line->font_size - prev->font_size) > 0.5 || line->bold != prev->bold)
    return FALSE;
  /* a new column or an indented block */
  if (ABS (line->x - prev->x) > 40 || line->y < prev->y)
    return FALSE;
  /* a first-line indent starts a paragraph */
  if (line->x > prev->x + 6)
    return FALSE;
  gap = line->y - (prev->y + prev->height);
  if (gap > line_gap + MAX (prev->height, line->height) * 0.3)
    return FALSE;
  /* table rows keep their cells apart with tabs: each row is its own paragraph */
  if (strchr (line->text, '\t') || strchr (prev->text, '\t'))
    return FALSE;
  /* table rows: short lines at body size that end without a full stop, side by side
   * cells; keep each as its own paragraph when the font is small and the line short */
  if (line->font_size < body_size - 1 && prev->width < 200)
    return FALSE;
  return TRUE;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    {
      /* mend "re-\nport" but keep "cost-\nbased" joined with the hyphen only when the
       * next part starts with a capital */
      if (text->str[text->len - 1] == '-' && text->len > 1 &&
          g_ascii_isalpha (text->str[text->len - 2]) && g_ascii_islower (line[0]))
        g_string_truncate (text, text->len - 1);
      else
        g_string_append_c (text, ' ');
    }
  g_string_append (text, line);
}

static void
build_paragraphs (CsCaseOutline *self)
{
  CsPdfText *text = self->text;
  guint n = cs_pdf_text_get_n_lines (text);
  const CsPdfLine *prev = NULL;
  CsParagraph current = { 0 };
  GString *buffer = g_string_new (NULL);

  for (guint i = 0; i <= n; i++)
    {
      const CsPdfLine *line = i < n ? cs_pdf_text_get_line (text, i) : NULL;

      if (line && line->boilerplate)
        continue;

      if (prev && (line == NULL || !continues (prev, line, self->body_size, self->line_gap)))
        {
          current.text = g_string_free (g_steal_pointer (&buffer), FALSE);
          g_array_append_val (self->paragraphs, current);
          buffer = g_string_new (NULL);
          memset (&current, 0, sizeof current);
          prev = NULL;
        }
      if (line == NULL)
        break;

      if (prev == NULL)
        {
          current.page = line->page;
          current.first_line = i;
          current.font_size = line->font_size;
          current.bold = line->bold;
        }
      append_line (buffer, line->text);
      current.n_lines++;
      current.font_size = MAX (current.font_size, line->font_size);
      prev = line;
    }
  g_string_free (buffer, TRUE);
}

static void
classify (CsCaseOutline *self)
{
  double largest = 0;
  gboolean in_exhibit = FALSE;

  /* the title: the largest text of the first page that has text, above body size */
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      CsParagraph *p = &g_array_index (self->paragraphs, CsParagraph, i);

      if (p->page > g_array_index (self->paragraphs, CsParagraph, 0).page)
        break;
      if (p->font_size > largest && p->font_size > self->body_size * 1.3 &&
          count_words (p->text) <= 25)
        {
          largest = p->font_size;
          self->title = i;
        }
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      CsParagraph *p = &g_array_index (self->paragraphs, CsParagraph, i);
      gboolean big = p->font_size >= self->body_size * 1.15;
      gboolean short_text = count_words (p->text) <= HEADING_MAX_WORDS;

      if ((int) i == self->title)
        p->kind = CS_PARAGRAPH_TITLE;
      else if (in_exhibit && strchr (p->text, '\t'))
        p->kind = CS_PARAGRAPH_EXHIBIT_BODY;
      else if (starts_exhibit (p->text) && count_words (p->text) <= 25 &&
               (p->bold || big || p->n_lines == 1))
        {
          p->kind = CS_PARAGRAPH_EXHIBIT;
          in_exhibit = TRUE;
        }
      else if ((big || p->bold) && short_text && !ends_sentence (p->text))
        {
          p->kind = CS_PARAGRAPH_HEADING;
          in_exhibit = FALSE;
        }
      else if (cs_boilerplate_is_disclaimer (p->text))
        p->kind = CS_PARAGRAPH_DISCLAIMER;
      else if (in_exhibit)
        p->kind = CS_PARAGRAPH_EXHIBIT_BODY;
      else if ((int) i < self->title || (self->title >= 0 && p->page == 0 &&
               (guint) self->title + 1 == i && p->font_size > self->body_size + 0.25 &&
               !ends_sentence (p->text)))
        /* text above the title, or a subtitle right under it */
        p->kind = CS_PARAGRAPH_DISCLAIMER;
      else
        p->kind = CS_PARAGRAPH_BODY;
    }
}

static void
build_sections (CsCaseOutline *self)
{
  CsSection current = { NULL, 0, 0, 0, FALSE };

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      CsParagraph *p = &g_array_index (self->paragraphs, CsParagraph, i);

      if (p->kind == CS_PARAGRAPH_HEADING || p->kind == CS_PARAGRAPH_EXHIBIT)
        {
          if (current.n_paragraphs > 0 || current.heading)
            g_array_append_val (self->sections, current);
          current.heading = g_strdup (p->text);
          current.page = p->page;
          current.first_paragraph = i;
          current.n_paragraphs = 0;
          current.exhibit = p->kind == CS_PARAGRAPH_EXHIBIT;
        }
      else if (current.n_paragraphs == 0 && current.heading == NULL)
        {
          current.page = p->page;
          current.first_paragraph = i;
        }
      p->section = self->sections->len;
      current.n_paragraphs = i - current.first_paragraph + 1;
    }
  if (current.n_paragraphs > 0 || current.heading)
    g_array_append_val (self->sections, current);
}

CsCaseOutline *
cs_case_outline_new (CsPdfText *text)
{
  CsCaseOutline *self;

  g_return_val_if_fail (CS_IS_PDF_TEXT (text), NULL);

  self = g_new0 (CsCaseOutline, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_object_ref (text);
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (CsParagraph));
  g_array_set_clear_func (self->paragraphs, clear_paragraph);
  self->sections = g_array_new (FALSE, TRUE, sizeof (CsSection));
  g_array_set_clear_func (self->sections, clear_section);
  self->title = -1;

  cs_boilerplate_mark (text);
  self->body_size = dominant_size (text);
  self->line_gap = usual_line_gap (text);
  build_paragraphs (self);
  classify (self);
  build_sections (self);
  return self;
}

CsCaseOutline *
cs_case_outline_ref (CsCaseOutline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cs_case_outline_unref (CsCaseOutline *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_object_unref (self->text);
      g_array_unref (self->paragraphs);
      g_array_unref (self->sections);
      g_free (self);
    }
}

CsPdfText *
cs_case_outline_get_text (CsCaseOutline *self)
{
  return self->text;
}

const char *
cs_case_outline_get_title (CsCaseOutline *self)
{
  if (self->title >= 0)
    return g_array_index (self->paragraphs, CsParagraph, self->title).text;
  return cs_pdf_text_get_info (self->text, "title");
}

guint
cs_case_outline_get_title_page (CsCaseOutline *self)
{
  if (self->title >= 0)
    return g_array_index (self->paragraphs, CsParagraph, self->title).page;
  return 0;
}

double
cs_case_outline_get_body_size (CsCaseOutline *self)
{
  return self->body_size;
}

guint
cs_case_outline_get_n_paragraphs (CsCaseOutline *self)
{
  return self->paragraphs->len;
}

const CsParagraph *
cs_case_outline_get_paragraph (CsCaseOutline *self,
                               guint          index)
{
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return &g_array_index (self->paragraphs, CsParagraph, index);
}

guint
cs_case_outline_get_n_sections (CsCaseOutline *self)
{
  return self->sections->len;
}

const CsSection *
cs_case_outline_get_section (CsCaseOutline *self,
                             guint          index)
{
  g_return_val_if_fail (index < self->sections->len, NULL);

  return &g_array_index (self->sections, CsSection, index);
}

char *
cs_case_outline_dup_section_text (CsCaseOutline *self,
                                  guint          section)
{
  const CsSection *s = cs_case_outline_get_section (self, section);
  GString *out = g_string_new (NULL);

  for (guint i = s->first_paragraph; i < s->first_paragraph + s->n_paragraphs; i++)
    {
      const CsParagraph *p = cs_case_outline_get_paragraph (self, i);

      if (p->kind != CS_PARAGRAPH_BODY && p->kind != CS_PARAGRAPH_EXHIBIT_BODY)
        continue;
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append (out, p->text);
    }
  return g_string_free (out, FALSE);
}

char *
cs_case_outline_dup_body_text (CsCaseOutline *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const CsParagraph *p = cs_case_outline_get_paragraph (self, i);

      if (p->kind != CS_PARAGRAPH_BODY)
        continue;
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append (out, p->text);
    }
  return g_string_free (out, FALSE);
}
