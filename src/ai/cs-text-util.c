/* cs-text-util.c: passages, sentences, normalisation, stemming and concept coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-text-util.h"

/* ---- Passages as a boxed type ---------------------------------------------------------- */

CsPassage *
cs_passage_copy (const CsPassage *passage)
{
  CsPassage *copy;

  g_return_val_if_fail (passage != NULL, NULL);

  copy = g_memdup2 (passage, sizeof *passage);
  copy->text = g_strdup (passage->text);
  return copy;
}

void
cs_passage_free (CsPassage *passage)
{
  if (passage == NULL)
    return;
  g_free (passage->text);
  g_free (passage);
}

G_DEFINE_BOXED_TYPE (CsPassage, cs_passage, cs_passage_copy, cs_passage_free)

/* ---- Sentences ------------------------------------------------------------------------- */

/* Words that end with a full stop without ending the sentence. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "rev", "hon", "gen", "col",
  "capt", "lt", "sgt", "gov", "sen", "rep", "pres", "inc", "ltd", "corp", "co", "llc",
  "plc", "bros", "vs", "approx", "no", "nos", "fig", "figs", "vol", "pp", "ca", "cf",
  "al", "dept", "univ", "ave", "blvd", "rd", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec", "est", "min", "max", "avg", "mgr", "assn",
};

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == len && g_ascii_strncasecmp (abbreviations[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

static gsize
skip_spaces (const char *text,
             gsize       i,
             gsize       end)
{
  while (i < end && g_ascii_isspace (text[i]))
    i++;
  return i;
}

/* Whether a blank line starts at the '\n' at @i: returns the offset after it, or 0. */
static gsize
blank_line_end (const char *text,
                gsize       i,
                gsize       end)
{
  gsize j = i + 1;

  while (j < end && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
    j++;
  return (j < end && text[j] == '\n') || j == end ? j : 0;
}

static gboolean
is_closing (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB;
}

/* The full stop at @dot does not end a sentence after an abbreviation, an initial, an acronym
 * with inner stops (U.S., e.g.) or a list number at the start of a line. */
static gboolean
dot_ends_sentence (const char *text,
                   gsize       start,
                   gsize       dot)
{
  gsize w = dot;
  gsize len;
  gboolean digits = TRUE;

  while (w > start && !g_ascii_isspace (text[w - 1]))
    w--;
  while (w < dot && (text[w] == '(' || text[w] == '"' || text[w] == '\''))
    w++;
  len = dot - w;
  if (len == 0)
    return TRUE;
  if (memchr (text + w, '.', len) != NULL)
    return FALSE;
  if (len == 1 && g_ascii_isalpha (text[w]))
    return FALSE;
  if (is_abbreviation (text + w, len))
    return FALSE;
  for (gsize i = w; i < dot; i++)
    digits = digits && g_ascii_isdigit (text[i]);
  if (digits && len <= 3)
    {
      gsize b = w;

      while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t'))
        b--;
      if (b == 0 || text[b - 1] == '\n')
        return FALSE;
    }
  return TRUE;
}

static void
add_span (GArray     *spans,
          const char *text,
          gsize       start,
          gsize       end)
{
  CsTextSpan span;

  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  start = skip_spaces (text, start, end);
  if (end <= start)
    return;
  span.start = start;
  span.end = end;
  g_array_append_val (spans, span);
}

static void
split_sentences_range (const char *text,
                       gsize       start,
                       gsize       end,
                       GArray     *spans)
{
  gsize sentence = skip_spaces (text, start, end);
  gsize i = sentence;

  while (i < end)
    {
      gboolean ellipsis = g_str_has_prefix (text + i, "\xE2\x80\xA6"); /* … */
      char c = text[i];
      gsize after, next;
      gboolean single_dot;

      if (c == '\n')
        {
          gsize blank = blank_line_end (text, i, end);

          if (blank != 0)
            {
              add_span (spans, text, sentence, i);
              sentence = i = skip_spaces (text, blank, end);
              continue;
            }
        }
      if (c != '.' && c != '!' && c != '?' && !ellipsis)
        {
          i++;
          continue;
        }

      after = i;
      while (after < end && (text[after] == '.' || text[after] == '!' || text[after] == '?' ||
                             g_str_has_prefix (text + after, "\xE2\x80\xA6")))
        after += text[after] == '.' || text[after] == '!' || text[after] == '?' ? 1 : 3;
      single_dot = c == '.' && after == i + 1;
      while (after < end && is_closing (text + after))
        after = g_utf8_next_char (text + after) - text;

      if (after < end && !g_ascii_isspace (text[after]))
        {
          i = after;
          continue;
        }
      next = skip_spaces (text, after, end);
      if (next < end && g_unichar_islower (g_utf8_get_char_validated (text + next, end - next)))
        {
          i = after;
          continue;
        }
      if (single_dot && !dot_ends_sentence (text, sentence, i))
        {
          i = after;
          continue;
        }
      add_span (spans, text, sentence, after);
      sentence = i = next;
    }
  add_span (spans, text, sentence, end);
}

GArray *
cs_text_split_sentences (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CsTextSpan));

  g_return_val_if_fail (text != NULL, spans);

  split_sentences_range (text, 0, strlen (text), spans);
  return spans;
}

/* ---- Passages -------------------------------------------------------------------------- */

typedef struct {
  gsize start;
  gsize end;
  guint words;
} Unit;

static guint
count_words (const char *text,
             gsize       start,
             gsize       end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (gsize i = start; i < end; i++)
    {
      gboolean space = g_ascii_isspace (text[i]);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* The span trimmed, FALSE when it is all space. */
static gboolean
make_unit (const char *text,
           gsize       start,
           gsize       end,
           Unit       *unit)
{
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  start = skip_spaces (text, start, end);
  unit->start = start;
  unit->end = end;
  unit->words = count_words (text, start, end);
  return end > start;
}

static void
append_unit (GArray     *units,
             const char *text,
             gsize       start,
             gsize       end)
{
  Unit unit;

  if (make_unit (text, start, end, &unit))
    g_array_append_val (units, unit);
}

/* Pieces of at most CS_PASSAGE_MAX_WORDS words: the span itself, else its lines, else cut
 * every CS_PASSAGE_MAX_WORDS words (a sentence that long has no better place to cut). */
static void
append_atoms (GArray     *atoms,
              const char *text,
              gsize       start,
              gsize       end)
{
  const char *newline;
  guint words = 0;
  gsize piece = start;
  gboolean in_word = FALSE;

  if (count_words (text, start, end) <= CS_PASSAGE_MAX_WORDS)
    {
      append_unit (atoms, text, start, end);
      return;
    }
  newline = memchr (text + start, '\n', end - start);
  if (newline != NULL)
    {
      gsize line = start;

      while (line < end)
        {
          const char *nl = memchr (text + line, '\n', end - line);
          gsize line_end = nl != NULL ? (gsize) (nl - text) : end;

          append_atoms (atoms, text, line, line_end);
          line = line_end + 1;
        }
      return;
    }
  for (gsize i = start; i < end; i++)
    {
      gboolean space = g_ascii_isspace (text[i]);

      if (!space && !in_word && words++ == CS_PASSAGE_MAX_WORDS)
        {
          append_unit (atoms, text, piece, i);
          piece = i;
          words = 1;
        }
      in_word = !space;
    }
  append_unit (atoms, text, piece, end);
}

/* Cuts a long paragraph at sentence boundaries into pieces of at most CS_PASSAGE_MAX_WORDS
 * words and of about equal length. */
static void
split_paragraph (GArray     *units,
                 const char *text,
                 gsize       start,
                 gsize       end,
                 guint       words)
{
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (CsTextSpan));
  g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (Unit));
  guint n_pieces = (words + CS_PASSAGE_MAX_WORDS - 1) / CS_PASSAGE_MAX_WORDS;
  guint target = (words + n_pieces - 1) / n_pieces;
  Unit cur = { 0, 0, 0 };

  split_sentences_range (text, start, end, sentences);
  for (guint i = 0; i < sentences->len; i++)
    {
      CsTextSpan *s = &g_array_index (sentences, CsTextSpan, i);

      append_atoms (atoms, text, s->start, s->end);
    }
  for (guint i = 0; i < atoms->len; i++)
    {
      Unit *atom = &g_array_index (atoms, Unit, i);

      if (cur.words > 0 && (cur.words + atom->words > CS_PASSAGE_MAX_WORDS || cur.words >= target))
        {
          g_array_append_val (units, cur);
          cur.words = 0;
        }
      if (cur.words == 0)
        cur.start = atom->start;
      cur.end = atom->end;
      cur.words += atom->words;
    }
  if (cur.words > 0)
    g_array_append_val (units, cur);
}

/* Paragraphs, long ones already cut, in order. */
static GArray *
paragraph_units (const char *text)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  gsize len = strlen (text);
  gsize para = 0;

  for (gsize i = 0; i <= len; i++)
    {
      gsize blank = i < len && text[i] == '\n' ? blank_line_end (text, i, len) : 0;

      Unit unit;

      if (i < len && blank == 0)
        continue;
      if (make_unit (text, para, i, &unit) && unit.words > CS_PASSAGE_MAX_WORDS)
        split_paragraph (units, text, unit.start, unit.end, unit.words);
      else if (unit.words > 0)
        g_array_append_val (units, unit);
      if (blank != 0)
        i = para = blank;
    }
  return units;
}

GPtrArray *
cs_text_split_passages (const char *text)
{
  GPtrArray *passages = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_passage_free);
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) merged = NULL;
  gsize char_at = 0;
  glong chars = 0;

  g_return_val_if_fail (text != NULL, passages);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), passages);

  /* Short paragraphs (headings, one-line notes) join the next one while the result fits. */
  units = paragraph_units (text);
  merged = g_array_new (FALSE, FALSE, sizeof (Unit));
  for (guint i = 0; i < units->len; i++)
    {
      Unit *unit = &g_array_index (units, Unit, i);
      Unit *last = merged->len > 0 ? &g_array_index (merged, Unit, merged->len - 1) : NULL;

      if (last != NULL && last->words < CS_PASSAGE_MIN_WORDS &&
          last->words + unit->words <= CS_PASSAGE_MAX_WORDS)
        {
          last->end = unit->end;
          last->words += unit->words;
        }
      else
        g_array_append_val (merged, *unit);
    }
  /* A short tail joins the passage before it. */
  if (merged->len >= 2)
    {
      Unit *tail = &g_array_index (merged, Unit, merged->len - 1);
      Unit *prev = &g_array_index (merged, Unit, merged->len - 2);

      if (tail->words < CS_PASSAGE_MIN_WORDS && prev->words + tail->words <= CS_PASSAGE_MAX_WORDS)
        {
          prev->end = tail->end;
          prev->words += tail->words;
          g_array_set_size (merged, merged->len - 1);
        }
    }

  for (guint i = 0; i < merged->len; i++)
    {
      Unit *unit = &g_array_index (merged, Unit, i);
      CsPassage *passage = g_new0 (CsPassage, 1);

      chars += g_utf8_pointer_to_offset (text + char_at, text + unit->start);
      passage->index = i;
      passage->start = unit->start;
      passage->end = unit->end;
      passage->char_start = chars;
      passage->char_end = chars + g_utf8_pointer_to_offset (text + unit->start, text + unit->end);
      passage->text = g_strndup (text + unit->start, unit->end - unit->start);
      chars = passage->char_end;
      char_at = unit->end;
      g_ptr_array_add (passages, passage);
    }
  return passages;
}

/* ---- Normalisation and words ----------------------------------------------------------- */

char *
cs_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  folded = g_utf8_casefold (valid, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
cs_text_normalize_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = cs_text_normalize (lines[i]);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

GStrv
cs_text_tokenize (const char *text)
{
  g_autofree char *norm = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  gunichar prev = 0;

  g_return_val_if_fail (text != NULL, NULL);

  norm = cs_text_normalize (text);
  for (const char *p = norm;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *q = g_utf8_next_char (p);
      gunichar next = c != 0 ? g_utf8_get_char (q) : 0;

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          prev = c;
          continue;
        }
      if (word->len > 0 && g_unichar_isdigit (prev) && g_unichar_isdigit (next) &&
          (c == '.' || c == ','))
        {
          if (c == '.')
            g_string_append_c (word, '.');
          continue;
        }
      if (word->len > 0 && is_apostrophe (c) && g_unichar_isalnum (next))
        {
          gunichar after = g_utf8_get_char (g_utf8_next_char (q));

          if (next == 's' && !g_unichar_isalnum (after))
            p = q; /* a possessive 's: skip the s too */
          else
            continue;
        }
      if (word->len > 0)
        g_strv_builder_add (builder, word->str);
      g_string_truncate (word, 0);
      if (c == '%')
        g_strv_builder_add (builder, "percent");
      if (c == 0)
        break;
    }
  return g_strv_builder_end (builder);
}

static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
  "are", "aren", "as", "at", "be", "because", "been", "before", "being", "below", "between",
  "both", "but", "by", "can", "cannot", "could", "couldn", "did", "didn", "do", "does",
  "doesn", "doing", "don", "dont", "down", "during", "each", "either", "else", "ever", "few",
  "for", "from", "further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he",
  "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
  "im", "in", "into", "is", "isn", "isnt", "it", "its", "itself", "ive", "just", "let",
  "lets", "ll", "may", "me", "might", "more", "most", "much", "must", "mustn", "my",
  "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
  "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "re", "same", "shall",
  "shan", "she", "should", "shouldn", "so", "some", "such", "than", "that", "thats", "the",
  "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
  "through", "to", "too", "under", "until", "up", "upon", "us", "ve", "very", "was", "wasn",
  "we", "were", "weren", "what", "whats", "when", "where", "whether", "which", "while", "who",
  "whom", "whose", "why", "will", "with", "within", "without", "won", "wont", "would",
  "wouldn", "yet", "you", "youd", "youll", "your", "youre", "yours", "yourself",
  "yourselves", "youve",
};

gboolean
cs_text_is_stop_word (const char *word)
{
  static GHashTable *set;

  g_return_val_if_fail (word != NULL, FALSE);

  if (g_once_init_enter (&set))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (table, (gpointer) stop_words[i]);
      g_once_init_leave (&set, table);
    }
  return g_hash_table_contains (set, word);
}

/* ---- British and American spellings ---------------------------------------------------- */

typedef enum {
  TO_AMERICAN = 1 << 0,
  TO_BRITISH  = 1 << 1,
} SpellingDirection;

/* Stems spelled differently; a word is the stem plus one of word_endings (or, for stems
 * ending in e, plus nothing or s). */
static const char * const spelling_stems[][2] = {
  { "behaviour", "behavior" }, { "colour", "color" }, { "favour", "favor" },
  { "flavour", "flavor" }, { "honour", "honor" }, { "humour", "humor" },
  { "labour", "labor" }, { "neighbour", "neighbor" }, { "rumour", "rumor" },
  { "harbour", "harbor" }, { "vigour", "vigor" }, { "endeavour", "endeavor" },
  { "savour", "savor" }, { "armour", "armor" }, { "odour", "odor" }, { "tumour", "tumor" },
  { "centre", "center" }, { "metre", "meter" }, { "litre", "liter" }, { "fibre", "fiber" },
  { "theatre", "theater" }, { "programme", "program" }, { "catalogue", "catalog" },
  { "dialogue", "dialog" }, { "defence", "defense" }, { "offence", "offense" },
  { "licence", "license" }, { "judgement", "judgment" }, { "ageing", "aging" },
  { "sceptic", "skeptic" }, { "aluminium", "aluminum" }, { "mould", "mold" },
  { "grey", "gray" },
};

static const char * const word_endings[] = {
  "", "s", "ed", "ing", "er", "ers", "al", "ally", "able", "ably", "ite", "ites", "ful",
  "hood", "hoods", "less", "ly", "y", "ist", "ists", "ism", "ical", "ically",
};

/* -ise/-ize after these two letters (realise, utilise, organise), and -lyse/-lyze (analyse),
 * followed by one of ise_endings. Two-letter roots that also end -ise words in American
 * English (promise, expertise, exercise, surprise) are left out on purpose. */
static const char * const ise_roots[] = {
  "al", "il", "ol", "im", "it", "gn", "an", "or", "er", "at", "rd", "as", "og", "ar", "ic",
};
static const char * const ise_endings[] = {
  "e", "es", "ed", "ing", "er", "ers", "ation", "ations",
};

static gboolean
in_list_n (const char         *word,
           gsize               len,
           const char * const *list,
           gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == len && strncmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static char *
spelling_variant (const char        *word,
                  SpellingDirection  direction)
{
  gsize len = strlen (word);

  for (gsize i = 0; i < G_N_ELEMENTS (spelling_stems); i++)
    for (guint d = 0; d < 2; d++)
      {
        const char *from = spelling_stems[i][d];
        const char *to = spelling_stems[i][1 - d];
        gsize from_len = strlen (from);
        const char *rest = word + from_len;
        gboolean e_stem = g_str_has_suffix (from, "e") || g_str_has_suffix (to, "e");

        if ((direction & (d == 0 ? TO_AMERICAN : TO_BRITISH)) == 0 ||
            len < from_len || strncmp (word, from, from_len) != 0)
          continue;
        if (e_stem ? (strcmp (rest, "") == 0 || strcmp (rest, "s") == 0)
                   : in_list_n (rest, strlen (rest), word_endings,
                                G_N_ELEMENTS (word_endings)))
          return g_strconcat (to, rest, NULL);
      }

  for (gsize e = 0; e < G_N_ELEMENTS (ise_endings); e++)
    {
      gsize end_len = strlen (ise_endings[e]);
      gsize at; /* the s or z */
      gboolean ise, lyse;

      if (len < end_len + 5 || strcmp (word + len - end_len, ise_endings[e]) != 0)
        continue;
      at = len - end_len - 1;
      if (!(word[at] == 's' && (direction & TO_AMERICAN)) &&
          !(word[at] == 'z' && (direction & TO_BRITISH)))
        continue;
      lyse = word[at - 2] == 'l' && word[at - 1] == 'y';
      ise = word[at - 1] == 'i' &&
            in_list_n (word + at - 3, 2, ise_roots, G_N_ELEMENTS (ise_roots));
      if (lyse || ise)
        {
          char *variant = g_strdup (word);

          variant[at] = word[at] == 's' ? 'z' : 's';
          return variant;
        }
    }
  return NULL;
}

char *
cs_text_spelling_variant (const char *word)
{
  g_return_val_if_fail (word != NULL, NULL);

  return spelling_variant (word, TO_AMERICAN | TO_BRITISH);
}

/* ---- Porter's stemmer ------------------------------------------------------------------ */

/* After M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980, following
 * his reference C implementation: b[0..k] is the word, j marks the end of a stem. */
typedef struct {
  char *b;
  int   k;
  int   j;
} Stemmer;

static gboolean
cons (Stemmer *z,
      int      i)
{
  switch (z->b[i])
    {
    case 'a': case 'e': case 'i': case 'o': case 'u':
      return FALSE;
    case 'y':
      return i == 0 ? TRUE : !cons (z, i - 1);
    default:
      return TRUE;
    }
}

/* The number of vowel-consonant sequences in b[0..j]: [C](VC){m}[V]. */
static int
measure (Stemmer *z)
{
  int n = 0;
  int i = 0;

  while (TRUE)
    {
      if (i > z->j)
        return n;
      if (!cons (z, i))
        break;
      i++;
    }
  i++;
  while (TRUE)
    {
      while (TRUE)
        {
          if (i > z->j)
            return n;
          if (cons (z, i))
            break;
          i++;
        }
      i++;
      n++;
      while (TRUE)
        {
          if (i > z->j)
            return n;
          if (!cons (z, i))
            break;
          i++;
        }
      i++;
    }
}

static gboolean
vowel_in_stem (Stemmer *z)
{
  for (int i = 0; i <= z->j; i++)
    if (!cons (z, i))
      return TRUE;
  return FALSE;
}

static gboolean
double_cons (Stemmer *z,
             int      j)
{
  return j >= 1 && z->b[j] == z->b[j - 1] && cons (z, j);
}

/* consonant-vowel-consonant ending at i, the last not w, x or y (hop, not hoop or bow) */
static gboolean
cvc (Stemmer *z,
     int      i)
{
  if (i < 2 || !cons (z, i) || cons (z, i - 1) || !cons (z, i - 2))
    return FALSE;
  return z->b[i] != 'w' && z->b[i] != 'x' && z->b[i] != 'y';
}

static gboolean
ends (Stemmer    *z,
      const char *s)
{
  int length = strlen (s);

  if (length > z->k + 1 || memcmp (z->b + z->k - length + 1, s, length) != 0)
    return FALSE;
  z->j = z->k - length;
  return TRUE;
}

/* Replaces b[j+1..k] by @s; b has room, it held the longer unstemmed word. */
static void
set_to (Stemmer    *z,
        const char *s)
{
  int length = strlen (s);

  memmove (z->b + z->j + 1, s, length);
  z->k = z->j + length;
}

static void
replace (Stemmer    *z,
         const char *s)
{
  if (measure (z) > 0)
    set_to (z, s);
}

/* Plurals and -ed or -ing. */
static void
step1ab (Stemmer *z)
{
  if (z->b[z->k] == 's')
    {
      if (ends (z, "sses"))
        z->k -= 2;
      else if (ends (z, "ies"))
        set_to (z, "i");
      else if (z->b[z->k - 1] != 's')
        z->k--;
    }
  if (ends (z, "eed"))
    {
      if (measure (z) > 0)
        z->k--;
    }
  else if ((ends (z, "ed") || ends (z, "ing")) && vowel_in_stem (z))
    {
      z->k = z->j;
      if (ends (z, "at"))
        set_to (z, "ate");
      else if (ends (z, "bl"))
        set_to (z, "ble");
      else if (ends (z, "iz"))
        set_to (z, "ize");
      else if (double_cons (z, z->k))
        {
          char ch = z->b[z->k - 1];

          if (ch != 'l' && ch != 's' && ch != 'z')
            z->k--;
        }
      else if (measure (z) == 1 && cvc (z, z->k))
        {
          z->j = z->k;
          set_to (z, "e");
        }
    }
}

static void
step1c (Stemmer *z)
{
  if (ends (z, "y") && vowel_in_stem (z))
    z->b[z->k] = 'i';
}

typedef struct {
  const char *suffix;
  const char *replacement;
} Rule;

static gboolean
apply_rules (Stemmer    *z,
             const Rule *rules,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (ends (z, rules[i].suffix))
      {
        replace (z, rules[i].replacement);
        return TRUE;
      }
  return FALSE;
}

/* Double suffixes to single ones (-ization → -ize), if the stem has m > 0. */
static void
step2 (Stemmer *z)
{
  static const Rule rules[] = {
    { "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" }, { "anci", "ance" },
    { "izer", "ize" }, { "bli", "ble" }, { "alli", "al" }, { "entli", "ent" }, { "eli", "e" },
    { "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" }, { "ator", "ate" },
    { "alism", "al" }, { "iveness", "ive" }, { "fulness", "ful" }, { "ousness", "ous" },
    { "aliti", "al" }, { "iviti", "ive" }, { "biliti", "ble" }, { "logi", "log" },
  };

  if (z->k >= 1)
    apply_rules (z, rules, G_N_ELEMENTS (rules));
}

static void
step3 (Stemmer *z)
{
  static const Rule rules[] = {
    { "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" }, { "ical", "ic" },
    { "ful", "" }, { "ness", "" },
  };

  apply_rules (z, rules, G_N_ELEMENTS (rules));
}

/* Drops -ant, -ence, -ment … when the stem has m > 1. */
static void
step4 (Stemmer *z)
{
  static const char * const suffixes[] = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
  };
  gboolean found = FALSE;

  if (z->k < 1)
    return;
  /* The first suffix that matches decides, even when its stem is too short (so -ment is
   * not tried once -ement matched). */
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes) && !found; i++)
    found = ends (z, suffixes[i]);
  if (!found && ends (z, "ion"))
    found = z->j >= 0 && (z->b[z->j] == 's' || z->b[z->j] == 't');
  if (found && measure (z) > 1)
    z->k = z->j;
}

/* Final -e, and -ll to -l, when m > 1. */
static void
step5 (Stemmer *z)
{
  z->j = z->k;
  if (z->b[z->k] == 'e')
    {
      int a = measure (z);

      if (a > 1 || (a == 1 && !cvc (z, z->k - 1)))
        z->k--;
    }
  if (z->b[z->k] == 'l' && double_cons (z, z->k) && measure (z) > 1)
    z->k--;
}

char *
cs_text_stem (const char *word)
{
  g_autofree char *american = NULL;
  Stemmer z;

  g_return_val_if_fail (word != NULL, NULL);

  for (const char *p = word; *p != '\0'; p++)
    if (*p < 'a' || *p > 'z')
      return g_strdup (word);
  american = spelling_variant (word, TO_AMERICAN);
  z.b = american != NULL ? g_steal_pointer (&american) : g_strdup (word);
  z.k = strlen (z.b) - 1;
  z.j = 0;
  if (z.k <= 1)
    return z.b;

  step1ab (&z);
  if (z.k > 0)
    {
      step1c (&z);
      step2 (&z);
      step3 (&z);
      step4 (&z);
      step5 (&z);
    }
  z.b[z.k + 1] = '\0';
  return z.b;
}

/* ---- Concepts and coverage ------------------------------------------------------------- */

GHashTable *
cs_text_concepts (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) tokens = NULL;

  g_return_val_if_fail (text != NULL, set);

  tokens = cs_text_tokenize (text);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_utf8_strlen (tokens[i], -1) < 2 || cs_text_is_stop_word (tokens[i]))
        continue;
      g_hash_table_add (set, cs_text_stem (tokens[i]));
    }
  return set;
}

struct _CsTextIdf {
  GHashTable *df;
  guint       n_documents;
};

CsTextIdf *
cs_text_idf_new (const char * const *documents)
{
  CsTextIdf *idf = g_new0 (CsTextIdf, 1);

  idf->df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      g_autoptr(GHashTable) concepts = cs_text_concepts (documents[i]);
      GHashTableIter iter;
      gpointer stem;

      g_hash_table_iter_init (&iter, concepts);
      while (g_hash_table_iter_next (&iter, &stem, NULL))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (idf->df, stem));

          g_hash_table_insert (idf->df, g_strdup (stem), GUINT_TO_POINTER (n + 1));
        }
      idf->n_documents++;
    }
  return idf;
}

double
cs_text_idf_weight (CsTextIdf  *idf,
                    const char *stem)
{
  double n, df;

  g_return_val_if_fail (idf != NULL, 1.0);
  g_return_val_if_fail (stem != NULL, 1.0);

  /* The smoothed share of documents without the stem: 1 for an unseen stem, 1/(n+1) for one
   * in every document. Linear rather than the usual logarithm, which needs no libm and
   * ranks concepts the same way. */
  n = idf->n_documents;
  df = GPOINTER_TO_UINT (g_hash_table_lookup (idf->df, stem));
  return (n - df + 1.0) / (n + 1.0);
}

void
cs_text_idf_free (CsTextIdf *idf)
{
  if (idf == NULL)
    return;
  g_hash_table_unref (idf->df);
  g_free (idf);
}

static double
weighted_overlap (GHashTable *wanted,
                  GHashTable *found,
                  CsTextIdf  *idf,
                  double     *total)
{
  GHashTableIter iter;
  gpointer stem;
  double sum = 0;

  *total = 0;
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    {
      double w = idf != NULL ? cs_text_idf_weight (idf, stem) : 1.0;

      *total += w;
      if (g_hash_table_contains (found, stem))
        sum += w;
    }
  return sum;
}

static char *
best_sentence (const char *transcript,
               GHashTable *wanted,
               CsTextIdf  *idf)
{
  gsize len = strlen (transcript);
  gsize line = 0;
  double best = 0;
  CsTextSpan best_span = { 0, 0 };

  while (line < len)
    {
      const char *nl = memchr (transcript + line, '\n', len - line);
      gsize line_end = nl != NULL ? (gsize) (nl - transcript) : len;
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CsTextSpan));

      split_sentences_range (transcript, line, line_end, spans);
      for (guint i = 0; i < spans->len; i++)
        {
          CsTextSpan *span = &g_array_index (spans, CsTextSpan, i);
          g_autofree char *sentence = g_strndup (transcript + span->start, span->end - span->start);
          g_autoptr(GHashTable) found = cs_text_concepts (sentence);
          double total;
          double score = weighted_overlap (wanted, found, idf, &total);

          if (score > best)
            {
              best = score;
              best_span = *span;
            }
        }
      line = line_end + 1;
    }
  if (best <= 0)
    return NULL;
  return g_strndup (transcript + best_span.start, best_span.end - best_span.start);
}

double
cs_text_coverage (const char  *criterion,
                  const char  *transcript,
                  CsTextIdf   *idf,
                  char       **evidence)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GHashTable) found = NULL;
  double total, score;

  if (evidence != NULL)
    *evidence = NULL;
  g_return_val_if_fail (criterion != NULL, 0);
  g_return_val_if_fail (transcript != NULL, 0);

  wanted = cs_text_concepts (criterion);
  found = cs_text_concepts (transcript);
  score = weighted_overlap (wanted, found, idf, &total);
  if (total <= 0 || score <= 0)
    return 0;
  if (evidence != NULL)
    *evidence = best_sentence (transcript, wanted, idf);
  return score / total;
}
