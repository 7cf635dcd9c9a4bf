/* cs-offline-persona.c: a persona's reply composed from the case text, without a model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-offline-persona.h"
#include "cs-persona-voice.h"

/* Passages looked at for one reply, and the longest fact quoted (in words). */
#define SEARCH_PASSAGES 4
#define LONG_FACT_WORDS 55
#define MAX_SENTENCES 4

typedef struct {
  char    *text;      /* as the persona says it */
  gboolean is_row;    /* read out of an exhibit table */
  double   coverage;  /* share of the message's concepts (idf-weighted) */
  double   score;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  if (candidate == NULL)
    return;
  g_free (candidate->text);
  g_free (candidate);
}

/* Words of a conversation that say nothing about the case. */
static const char * const filler_words[] = {
  "tell", "think", "know", "want", "please", "hello", "hi", "hey", "thanks", "thank",
  "explain", "wonder", "like", "give", "say", "question", "ok", "okay", "yes", "good",
  "morning", "afternoon", "evening", "nice", "meet", "sure", "right", "well", "really",
  NULL
};

static GHashTable *
filler_stems (void)
{
  static GHashTable *stems;

  if (g_once_init_enter (&stems))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; filler_words[i] != NULL; i++)
        g_hash_table_add (set, cs_text_stem (filler_words[i]));
      g_once_init_leave (&stems, set);
    }
  return stems;
}

/* The student's message without @mentions ("@Sunita", "@all"). */
static char *
strip_mentions (const char *message)
{
  GString *out = g_string_new (NULL);
  const char *p = message != NULL ? message : "";

  while (*p != '\0')
    {
      if (*p == '@' && (p == message || g_ascii_isspace (p[-1])))
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* The content concepts of the message, less the persona's own name and small talk. */
static GHashTable *
query_concepts (const CsOfflineTurn *turn,
                const char          *query)
{
  GHashTable *concepts = cs_text_concepts (query);
  g_autoptr(GHashTable) name = cs_text_concepts (turn->persona_name != NULL ?
                                                 turn->persona_name : "");
  GHashTable *fillers = filler_stems ();
  GHashTableIter iter;
  gpointer stem;

  g_hash_table_iter_init (&iter, concepts);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    if (g_hash_table_contains (name, stem) || g_hash_table_contains (fillers, stem))
      g_hash_table_iter_remove (&iter);
  return concepts;
}

static double
weight_of (CsTextIdf  *idf,
           const char *stem)
{
  return idf != NULL ? cs_text_idf_weight (idf, stem) : 1.0;
}

static double
total_weight (GHashTable *concepts,
              CsTextIdf  *idf)
{
  GHashTableIter iter;
  gpointer stem;
  double total = 0;

  g_hash_table_iter_init (&iter, concepts);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    total += weight_of (idf, stem);
  return total;
}

static char *
collapse_spaces (const char *text,
                 gsize       len)
{
  GString *out = g_string_sized_new (len);
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* A statement of the case: not a question, heading, source line or fragment. */
static gboolean
is_statement (const char *sentence)
{
  gsize len = strlen (sentence);

  if (count_words (sentence) < 5 || g_str_has_prefix (sentence, "Source:") ||
      strchr (sentence, '?') != NULL)
    return FALSE;
  /* Look past closing quotes and brackets. */
  for (;;)
    {
      if (len >= 1 && strchr ("\"')", sentence[len - 1]) != NULL)
        len--;
      else if (len >= 3 && memcmp (sentence + len - 3, "\u201d", 3) == 0)
        len -= 3;
      else
        break;
    }
  return len > 0 && (sentence[len - 1] == '.' || sentence[len - 1] == '!');
}

static gboolean
is_separator_row (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (strchr ("|-: \t", *p) == NULL)
      return FALSE;
  return TRUE;
}

static GStrv
table_cells (const char *line)
{
  g_auto(GStrv) raw = g_strsplit (line, "|", -1);
  GPtrArray *cells = g_ptr_array_new ();

  /* "| a | b |" splits into "", " a ", " b ", "" */
  for (guint i = 1; raw[i] != NULL && raw[i + 1] != NULL; i++)
    g_ptr_array_add (cells, g_strstrip (g_strdup (raw[i])));
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (cells, FALSE);
}

/* "| Utilization | 61% | 58% |" under "| Measure | Ashby | Kellerton |" is read out as
 * "Utilization: Ashby 61%, Kellerton 58%." */
static char *
table_row_sentence (GStrv header,
                    GStrv row)
{
  GString *out;
  guint n = MIN (g_strv_length (header), g_strv_length (row));

  if (n < 2 || *row[0] == '\0')
    return NULL;
  out = g_string_new (row[0]);
  g_string_append_c (out, ':');
  for (guint i = 1; i < n; i++)
    g_string_append_printf (out, "%s %s %s", i > 1 ? "," : "", header[i], row[i]);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static void
add_candidate (GPtrArray  *candidates,
               const char *text,
               gboolean    is_row)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->text = g_strdup (text);
  candidate->is_row = is_row;
  g_ptr_array_add (candidates, candidate);
}

static const char * const pronoun_starts[] = {
  "He ", "She ", "His ", "Her ", "It ", "Its ", "They ", "Their ", "This ", "These ", "That ",
  NULL
};

/* The sentence leans on the one before it; @personal: on a person named there. */
static gboolean
starts_with_pronoun (const char *sentence,
                     gboolean   *personal)
{
  for (guint i = 0; pronoun_starts[i] != NULL; i++)
    if (g_str_has_prefix (sentence, pronoun_starts[i]))
      {
        *personal = i < 4;
        return TRUE;
      }
  *personal = FALSE;
  return FALSE;
}

static gboolean
blank_line_between (const char *text,
                    gsize       from,
                    gsize       to)
{
  gboolean newline = FALSE;

  for (gsize i = from; i < to; i++)
    {
      if (text[i] == '\n')
        {
          if (newline)
            return TRUE;
          newline = TRUE;
        }
      else if (!g_ascii_isspace (text[i]))
        newline = FALSE;
    }
  return FALSE;
}

/* The sentences of the prose of a passage as the persona says them: its own name and, in
 * the sentences that follow one about it, its pronouns in the first person; a sentence
 * that starts with a pronoun of something else comes with the sentence before it. */
static void
split_prose (GPtrArray           *candidates,
             const CsOfflineTurn *turn,
             const char          *prose)
{
  g_autoptr(GArray) spans = cs_text_split_sentences (prose);
  g_autofree char *prev = NULL;
  gboolean prev_about = FALSE;
  gsize prev_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      CsTextSpan *span = &g_array_index (spans, CsTextSpan, i);
      g_autofree char *raw = collapse_spaces (prose + span->start, span->end - span->start);
      g_autofree char *text = NULL;
      gboolean personal, leans, about;

      if (blank_line_between (prose, prev_end, span->start))
        {
          g_clear_pointer (&prev, g_free);
          prev_about = FALSE;
        }
      prev_end = span->end;

      leans = starts_with_pronoun (raw, &personal);
      /* After a sentence about the persona, "he" and "she" are the persona. */
      about = cs_persona_voice_mentions (turn, raw) ||
              (prev_about && (personal || cs_persona_voice_has_pronoun (raw)));
      text = cs_persona_voice_first_person (turn, raw, about);
      if (is_statement (text))
        {
          if (leans && !about && prev != NULL &&
              count_words (prev) + count_words (text) <= LONG_FACT_WORDS)
            {
              g_autofree char *joined = g_strdup_printf ("%s %s", prev, text);

              add_candidate (candidates, joined, FALSE);
            }
          else
            add_candidate (candidates, text, FALSE);
        }
      g_free (prev);
      prev = is_statement (text) ? g_steal_pointer (&text) : NULL;
      prev_about = about;
    }
}

/* The sentences and table rows of a passage, as candidates (unscored). */
static void
split_passage (GPtrArray           *candidates,
               const CsOfflineTurn *turn,
               const char          *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) prose = g_string_new (NULL);
  g_auto(GStrv) header = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line != '|')
        {
          g_clear_pointer (&header, g_strfreev);
          g_string_append (prose, line);
          g_string_append_c (prose, '\n');
          continue;
        }
      /* Tables are read row by row; in the prose they leave a paragraph break. */
      g_string_append_c (prose, '\n');
      if (is_separator_row (line))
        continue;
      if (header == NULL)
        header = table_cells (line);
      else
        {
          g_auto(GStrv) row = table_cells (line);
          g_autofree char *sentence = table_row_sentence (header, row);

          if (sentence != NULL)
            add_candidate (candidates, sentence, TRUE);
        }
    }
  split_prose (candidates, turn, prose->str);
}

static gboolean
already_said (const CsOfflineTurn *turn,
              const char          *text)
{
  for (guint i = 0; i < turn->persona_said->len; i++)
    if (strstr (turn->persona_said->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
score_candidate (Candidate           *candidate,
                 const CsOfflineTurn *turn,
                 GHashTable          *query,
                 double               query_weight,
                 CsTextIdf           *idf,
                 double               passage_prior)
{
  g_autoptr(GHashTable) concepts = cs_text_concepts (candidate->text);
  gboolean is_row = candidate->is_row;
  int figures = cs_persona_voice_figures (turn);
  GHashTableIter iter;
  gpointer stem;
  double overlap = 0;
  double score;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    if (g_hash_table_contains (concepts, stem))
      overlap += weight_of (idf, stem);

  candidate->coverage = query_weight > 0 ? overlap / query_weight : 0;
  score = candidate->coverage + 0.25 * passage_prior;
  if (figures > 0 && has_digit (candidate->text))
    score += 0.3;
  if (figures < 0 && is_row)
    score -= 0.3;
  else if (figures == 0 && is_row)
    score -= 0.1;
  if (count_words (candidate->text) > LONG_FACT_WORDS)
    score -= 0.2;
  if (g_str_has_prefix (candidate->text, "I ") || g_str_has_prefix (candidate->text, "My ") ||
      strstr (candidate->text, " my ") != NULL)
    score += 0.1;
  candidate->score = score;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(const Candidate **) a;
  const Candidate *y = *(const Candidate **) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return strcmp (x->text, y->text);
}

/* The facts worth quoting, best first: each shares a concept with the message. */
static GPtrArray *
find_facts (const CsOfflineTurn  *turn,
            GHashTable           *query,
            const char           *query_text,
            CsRetriever          *retriever,
            CsTextIdf            *idf,
            GError              **error)
{
  g_autoptr(GPtrArray) passages = NULL;
  GPtrArray *facts = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double query_weight = total_weight (query, idf);
  gboolean from_case = FALSE;
  double top_score;

  passages = cs_retriever_search (retriever, query_text, SEARCH_PASSAGES, error);
  if (passages == NULL)
    {
      g_ptr_array_unref (facts);
      return NULL;
    }
  if (passages->len == 0)
    return facts;

  /* The description and challenge are written to the student ("As the director, you
   * must …"): a persona speaks from the case text itself when it has something. */
  for (guint i = 0; i < passages->len; i++)
    from_case |= ((CsPassage *) passages->pdata[i])->document == CS_RETRIEVER_DOCUMENT_SOURCE_TEXT;

  top_score = ((CsPassage *) passages->pdata[0])->score;
  for (guint i = 0; i < passages->len; i++)
    {
      CsPassage *passage = passages->pdata[i];
      g_autoptr(GPtrArray) candidates = NULL;
      double prior = top_score > 0 ? passage->score / top_score : 0;

      if (from_case && passage->document != CS_RETRIEVER_DOCUMENT_SOURCE_TEXT)
        continue;
      candidates = g_ptr_array_new_with_free_func (candidate_free);

      split_passage (candidates, turn, passage->text);
      for (guint c = 0; c < candidates->len; c++)
        {
          Candidate *candidate = candidates->pdata[c];

          score_candidate (candidate, turn, query, query_weight, idf, prior);
          if (candidate->coverage <= 0 || already_said (turn, candidate->text) ||
              g_hash_table_contains (seen, candidate->text))
            continue;
          candidates->pdata[c] = NULL;
          g_hash_table_add (seen, candidate->text);
          g_ptr_array_add (facts, candidate);
        }
    }
  g_ptr_array_sort (facts, compare_candidates);
  return facts;
}

static void
add_sentence (GPtrArray  *sentences,
              const char *sentence)
{
  if (sentence != NULL && *sentence != '\0')
    g_ptr_array_add (sentences, g_strdup (sentence));
}

static guint
n_sentences (GPtrArray *parts)
{
  guint n = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      g_autoptr(GArray) spans = cs_text_split_sentences (parts->pdata[i]);

      n += MAX (spans->len, 1);
    }
  return n;
}

/* The reply in at most MAX_SENTENCES sentences (a quoted fact may hold several): the closer
 * goes first, then the opener, then the second fact. */
static char *
join_within_limit (GPtrArray *parts,
                   gboolean   has_opener,
                   gboolean   has_closer)
{
  if (n_sentences (parts) > MAX_SENTENCES && has_closer && parts->len > 2)
    g_ptr_array_remove_index (parts, parts->len - 1);
  if (n_sentences (parts) > MAX_SENTENCES && has_opener && parts->len > 1)
    g_ptr_array_remove_index (parts, 0);
  while (n_sentences (parts) > MAX_SENTENCES && parts->len > 1)
    g_ptr_array_remove_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (GStrv) parts->pdata);
}

char *
cs_offline_persona_reply (const CsOfflineTurn  *turn,
                          CsRetriever          *retriever,
                          CsTextIdf            *idf,
                          GError              **error)
{
  g_autofree char *query_text = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  const char *opener, *closer;
  int dimension = -1;
  guint variant;

  g_return_val_if_fail (turn != NULL, NULL);
  g_return_val_if_fail (turn->persona_id != NULL, NULL);
  g_return_val_if_fail (CS_IS_RETRIEVER (retriever), NULL);

  /* Deterministic, yet not the same wording for every message and persona. */
  variant = g_str_hash (turn->student_message) * 31 + g_str_hash (turn->persona_id);
  query_text = strip_mentions (turn->student_message);
  query = query_concepts (turn, query_text);

  if (g_hash_table_size (query) == 0)
    {
      g_autofree char *intro = g_strdup_printf ("Hello, I am %s, %s.", turn->persona_name,
                                                turn->persona_role != NULL ?
                                                  turn->persona_role : "");

      add_sentence (sentences, intro);
      add_sentence (sentences, "What would you like to know?");
      g_ptr_array_add (sentences, NULL);
      return g_strjoinv (" ", (GStrv) sentences->pdata);
    }

  facts = find_facts (turn, query, query_text, retriever, idf, error);
  if (facts == NULL)
    return NULL;

  opener = cs_persona_voice_opener (turn, turn->student_message, variant, &dimension);
  add_sentence (sentences, opener);
  if (facts->len == 0)
    {
      g_autofree char *nothing = g_strdup_printf ("That is not something I can speak to as %s.",
                                                  turn->persona_role != NULL ?
                                                    turn->persona_role : "myself");

      add_sentence (sentences, nothing);
    }
  else
    {
      Candidate *first = facts->pdata[0];
      g_autofree char *framed = g_strdup_printf ("%s %s",
                                                 cs_persona_voice_frame (turn, variant >> 1),
                                                 first->text);

      add_sentence (sentences, framed);
      /* A second fact for an analytical persona, or when the first says little. */
      if (facts->len > 1 &&
          (cs_persona_voice_figures (turn) > 0 || count_words (first->text) < 15))
        {
          Candidate *second = facts->pdata[1];

          if (second->coverage >= first->coverage * 2 / 3)
            add_sentence (sentences, second->text);
        }
    }

  closer = cs_persona_voice_closer (turn, dimension, variant >> 2);
  if (closer == NULL && sentences->len < 2)
    closer = cs_persona_voice_plain_closer (variant >> 2);
  add_sentence (sentences, closer);

  return join_within_limit (sentences, opener != NULL, closer != NULL);
}
