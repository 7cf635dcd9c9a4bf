/* cs-case-sentences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-case-sentences.h"
#include "cs-text-util.h"

static void
sentence_free (gpointer data)
{
  CsCaseSentence *sentence = data;

  g_free (sentence->text);
  g_free (sentence);
}

GPtrArray *
cs_case_sentences_new (CsCaseOutline *outline)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (sentence_free);

  g_return_val_if_fail (outline != NULL, sentences);

  for (guint i = 0; i < cs_case_outline_get_n_paragraphs (outline); i++)
    {
      const CsParagraph *p = cs_case_outline_get_paragraph (outline, i);
      g_autoptr(GArray) spans = NULL;

      if (p->kind != CS_PARAGRAPH_BODY)
        continue;
      spans = cs_text_split_sentences (p->text);
      for (guint j = 0; j < spans->len; j++)
        {
          const CsTextSpan *span = &g_array_index (spans, CsTextSpan, j);
          CsCaseSentence *sentence;

          if (span->end <= span->start)
            continue;
          sentence = g_new0 (CsCaseSentence, 1);
          sentence->text = g_strndup (p->text + span->start, span->end - span->start);
          sentence->paragraph = i;
          sentence->section = p->section;
          sentence->page = p->page;
          sentence->index = sentences->len;
          sentence->first_in_paragraph = j == 0;
          g_ptr_array_add (sentences, sentence);
        }
    }
  return sentences;
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || c == '-';
}

gboolean
cs_text_has_word (const char *text,
                  const char *word)
{
  gsize len;

  g_return_val_if_fail (text != NULL && word != NULL, FALSE);

  len = strlen (word);
  if (len == 0)
    return FALSE;
  for (const char *p = strstr (text, word); p; p = strstr (p + 1, word))
    {
      gboolean start_ok = p == text || !is_word_char (g_utf8_find_prev_char (text, p));
      gboolean end_ok = p[len] == '\0' || !is_word_char (p + len);

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

char *
cs_text_strip_end (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);

  while (len > 0 && strchr (".;:,?!", copy[len - 1]))
    copy[--len] = '\0';
  return copy;
}

char *
cs_text_upper_first (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  char buf[8];
  int len = g_unichar_to_utf8 (g_unichar_toupper (c), buf);

  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

char *
cs_text_lower_first (const char *text)
{
  const char *next = g_utf8_next_char (text);
  char buf[8];
  int len;

  if (*text == '\0' || g_unichar_isupper (g_utf8_get_char (next)))
    return g_strdup (text);
  len = g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (text)), buf);
  return g_strdup_printf ("%.*s%s", len, buf, next);
}
