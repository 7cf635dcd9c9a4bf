/* cs-boilerplate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-boilerplate.h"

/* Lines this close to the top or bottom edge (fraction of the page height) are where
 * running headers and footers live. */
#define EDGE_FRACTION 0.12

static const char * const notice_words[] = {
  "authorized for use only",
  "authorised for use only",
  "copying or posting",
  "infringement of copyright",
  "do not copy or post",
  "all rights reserved",
  "to order copies",
  "request permission to reproduce",
  "permission to reproduce",
  "no part of this publication may be",
  "reproduced, stored in a retrieval system",
  "for the exclusive use of",
  "this document is authorized",
  NULL
};

static const char * const disclaimer_words[] = {
  "prepared as the basis for class discussion",
  "basis for class discussion",
  "rather than to illustrate either effective or ineffective",
  "effective or ineffective handling",
  "solely as the basis for class discussion",
  "not intended to serve as endorsements, sources of primary data",
  NULL
};

static gboolean
contains_any (const char         *text,
              const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; words[i]; i++)
    if (strstr (lower, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
cs_boilerplate_is_notice (const char *line)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (strstr (line, "©") || strstr (line, "(c) 2") || strstr (line, "(C) 2"))
    return TRUE;
  return contains_any (line, notice_words);
}

gboolean
cs_boilerplate_is_disclaimer (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return contains_any (text, disclaimer_words);
}

/* "Page 3", "3", "- 3 -", "3 of 12", "Page 3 of 12", "iv" */
static gboolean
is_page_number (const char *line)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[-–— ]*(page\\s*)?([0-9]+|[ivxlc]+)"
                                         "(\\s*(of|/)\\s*[0-9]+)?[-–— ]*$",
                                         G_REGEX_CASELESS, 0, NULL);

  return g_regex_match (regex, line, 0, NULL);
}

/* The line with digits replaced and case and spaces folded, so that "Page 3" and
 * "Page 4" or "NCR-417 | 2" and "NCR-417 | 3" compare equal. */
static char *
line_key (const char *line)
{
  g_autofree char *lower = g_utf8_strdown (line, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (g_unichar_isalpha (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static gboolean
near_edge (CsPdfText       *text,
           const CsPdfLine *line)
{
  double height;

  cs_pdf_text_get_page_size (text, line->page, NULL, &height);
  if (height <= 0)
    return FALSE;
  return line->y < height * EDGE_FRACTION || line->y + line->height > height * (1 - EDGE_FRACTION);
}

/* Marks the paragraph around line @index: the lines above and below with the same font
 * size and no larger gap than a line and a half. */
static guint
mark_paragraph (CsPdfText *text,
                guint      index)
{
  CsPdfLine *center = cs_pdf_text_get_line_mutable (text, index);
  guint n = cs_pdf_text_get_n_lines (text);
  guint marked = 0;

  for (int dir = -1; dir <= 1; dir += 2)
    {
      const CsPdfLine *prev = center;

      for (int i = (int) index + dir; i >= 0 && i < (int) n; i += dir)
        {
          CsPdfLine *line = cs_pdf_text_get_line_mutable (text, i);
          double gap = dir > 0 ? line->y - (prev->y + prev->height) : prev->y - (line->y + line->height);

          if (line->page != center->page || ABS (line->font_size - center->font_size) > 0.5 ||
              gap > MAX (line->height, prev->height) * 0.45 || ABS (line->x - center->x) > 60)
            break;
          if (!line->boilerplate)
            {
              line->boilerplate = TRUE;
              marked++;
            }
          prev = line;
        }
    }
  if (!center->boilerplate)
    {
      center->boilerplate = TRUE;
      marked++;
    }
  return marked;
}

guint
cs_boilerplate_mark (CsPdfText *text)
{
  g_autoptr(GHashTable) pages_of = NULL;  /* key → GHashTable of page numbers */
  guint n_lines, n_pages, marked = 0;
  guint repeat_min;

  g_return_val_if_fail (CS_IS_PDF_TEXT (text), 0);

  n_lines = cs_pdf_text_get_n_lines (text);
  n_pages = cs_pdf_text_get_n_pages (text);
  /* a line is "running" when it is on at least half the pages (and on 2 or more) */
  repeat_min = MAX (2, (n_pages + 1) / 2);
  pages_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < n_lines; i++)
    {
      const CsPdfLine *line = cs_pdf_text_get_line (text, i);
      g_autofree char *key = NULL;
      GHashTable *pages;

      if (!near_edge (text, line))
        continue;
      key = line_key (line->text);
      pages = g_hash_table_lookup (pages_of, key);
      if (pages == NULL)
        {
          pages = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (pages_of, g_strdup (key), pages);
        }
      g_hash_table_add (pages, GUINT_TO_POINTER (line->page + 1));
    }

  for (guint i = 0; i < n_lines; i++)
    {
      CsPdfLine *line = cs_pdf_text_get_line_mutable (text, i);
      gboolean edge = near_edge (text, line);
      gboolean running = FALSE;

      if (line->boilerplate)
        continue;

      if (edge)
        {
          g_autofree char *key = line_key (line->text);
          GHashTable *pages = g_hash_table_lookup (pages_of, key);

          running = n_pages > 1 && pages && g_hash_table_size (pages) >= repeat_min;
        }

      if (running || (edge && is_page_number (line->text)) || cs_boilerplate_is_notice (line->text))
        {
          line->boilerplate = TRUE;
          marked++;
        }
      else if (cs_boilerplate_is_disclaimer (line->text))
        marked += mark_paragraph (text, i);
    }

  return marked;
}
