/* cs-case-sentences.h: the body sentences of a case, with where each one is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-case-outline.h"

G_BEGIN_DECLS

typedef struct {
  char  *text;
  guint  paragraph;  /* index in the outline */
  guint  section;
  guint  page;
  guint  index;      /* in the array */
  gboolean first_in_paragraph;
} CsCaseSentence;

/* The sentences of the body paragraphs in reading order.
 * Returns: (element-type CsCaseSentence) (transfer full) */
GPtrArray *cs_case_sentences_new (CsCaseOutline *outline);

/* TRUE when @word occurs in @text as a whole word (case-sensitive). */
gboolean   cs_text_has_word      (const char    *text,
                                  const char    *word);

/* Copies without trailing spaces and punctuation (. ; : , ? !). */
char      *cs_text_strip_end     (const char    *text);
/* With the first letter in upper or lower case; lower_first keeps acronyms ("CEO of"). */
char      *cs_text_upper_first   (const char    *text);
char      *cs_text_lower_first   (const char    *text);

G_END_DECLS
