/* cs-text-util.h: passages, sentences, normalisation, stemming and concept coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Passages aim at CS_PASSAGE_MIN_WORDS..CS_PASSAGE_MAX_WORDS words: shorter paragraphs are
 * merged with the next one, longer ones are cut at sentence boundaries. */
#define CS_PASSAGE_MIN_WORDS 60
#define CS_PASSAGE_MAX_WORDS 180

/* A span of a UTF-8 text: byte offsets, @end excluded. */
typedef struct {
  gsize start;
  gsize end;
} CsTextSpan;

#define CS_TYPE_PASSAGE (cs_passage_get_type ())

/* One passage of a text. @start/@end are byte offsets into the text it was cut from
 * (so text + start is @text), @char_start/@char_end the same in characters (for
 * GtkTextBuffer). @document says which text that was when several were indexed together
 * (see CsRetriever); @score is the retrieval score, higher is better, 0 when not ranked. */
typedef struct {
  guint   index;
  guint   document;
  gsize   start;
  gsize   end;
  glong   char_start;
  glong   char_end;
  char   *text;
  double  score;
} CsPassage;

GType       cs_passage_get_type        (void) G_GNUC_CONST;
CsPassage  *cs_passage_copy            (const CsPassage *passage);
void        cs_passage_free            (CsPassage       *passage);

/* Paragraphs (separated by blank lines) merged or split to the passage size. The passages
 * are in order, do not overlap, and together hold every non-space character of @text.
 * Returns: (element-type CsPassage) (transfer full) */
GPtrArray  *cs_text_split_passages     (const char      *text);

/* Sentences of @text as trimmed spans in order. Copes with abbreviations (Mr., Dr., Inc.,
 * e.g., U.S.), initials, decimals (6.1 percent) and numbered list items; a blank line always
 * ends a sentence. A single line break does not (PDF text is hard-wrapped).
 * Returns: (element-type CsTextSpan) (transfer full) */
GArray     *cs_text_split_sentences    (const char      *text);

/* Casefolded, accents stripped (NFKD without combining marks), whitespace runs collapsed to
 * one space and trimmed. */
char       *cs_text_normalize          (const char      *text);
/* cs_text_normalize() of each line of @text, joined by line breaks. */
char       *cs_text_normalize_lines    (const char      *text);

/* The words of @text, normalised: runs of letters and digits (a decimal point or thousands
 * separator between digits stays in the word, without the comma), apostrophes dropped and a
 * possessive 's removed.
 * Returns: (transfer full) */
GStrv       cs_text_tokenize           (const char      *text);

gboolean    cs_text_is_stop_word       (const char      *word);

/* Porter's stemmer (1980) on a normalised word, after mapping British spellings to American
 * ones (utilisation → utilization, labour → labor) so both stem alike. Words with other than
 * ASCII letters are returned unchanged. */
char       *cs_text_stem               (const char      *word);

/* The British spelling of an American word or the American spelling of a British one, or NULL
 * when the word has no known variant (used to widen queries). */
char       *cs_text_spelling_variant   (const char      *word);

/* The set of stems of the content words (no stop words, no one-letter words) of @text.
 * Returns: (transfer full): a set (g_hash_table_contains) of strings */
GHashTable *cs_text_concepts           (const char      *text);

typedef struct _CsTextIdf CsTextIdf;

/* Inverse document frequencies of stems over @documents, to weight rare concepts above
 * common ones: cs_text_idf_weight() is in (0, 1], 1 for a stem in no document. */
CsTextIdf  *cs_text_idf_new            (const char * const *documents);
double      cs_text_idf_weight         (CsTextIdf       *idf,
                                        const char      *stem);
void        cs_text_idf_free           (CsTextIdf       *idf);

/* The fraction (0..1) of the concepts of @criterion found in @transcript, weighted by @idf
 * when given. A criterion without concepts scores 0. @evidence, when not NULL, is set to the
 * sentence of @transcript holding most of the concepts (an exact substring), or NULL when none
 * is found. Each line of @transcript is split into sentences separately. */
double      cs_text_coverage           (const char      *criterion,
                                        const char      *transcript,
                                        CsTextIdf       *idf,
                                        char           **evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsPassage, cs_passage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsTextIdf, cs_text_idf_free)

G_END_DECLS
