/* cs-persona-voice.c: how a persona of the offline engine speaks, from its role and traits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-persona-voice.h"

/* A trait stands out from this value (0..10); "low" traits from 10 minus it. */
#define STRONG 7

typedef enum {
  VOICE_NONE = -1,
  VOICE_ASSERTIVE,
  VOICE_HESITANT,
  VOICE_EMPATHETIC,
  VOICE_SCEPTICAL,
  VOICE_ANALYTICAL,
  VOICE_OPEN,
  VOICE_CAUTIOUS,
  N_VOICES
} Voice;

/* Two wordings each; NULL where a voice has no line of that kind. */
static const char * const openers[N_VOICES][2] = {
  [VOICE_ASSERTIVE]  = { "Let me be direct.", "Here is the short answer." },
  [VOICE_HESITANT]   = { "I am not completely sure, but this is what I know.",
                         "I may be wrong, but as far as I can tell it is like this." },
  [VOICE_EMPATHETIC] = { "That is a fair question, and I know it weighs on people here.",
                         "I understand why you are asking; a lot of people care about this." },
  [VOICE_SCEPTICAL]  = { "I have heard plenty of promises, so let us stick to the facts.",
                         "Before anyone gets excited, look at what is on record." },
};

/* When the student's message shows feelings, an empathetic persona names them. */
static const char * const feeling_openers[2] = {
  "I can hear that this worries you, and that is understandable.",
  "It is normal to feel uneasy about this; I do too.",
};

static const char * const closers[N_VOICES][2] = {
  [VOICE_ASSERTIVE]  = { "I need a clear position from you, not more analysis.",
                         "Come back to me with a view you can defend." },
  [VOICE_HESITANT]   = { "But please check that with someone who knows the details.",
                         "Others may see it differently, of course." },
  [VOICE_EMPATHETIC] = { "Whatever you decide, think about the people it touches.",
                         "Please keep the people in mind, not only the spreadsheet." },
  [VOICE_SCEPTICAL]  = { "Show me the numbers and I will listen.",
                         "I will believe it when I see it in writing." },
  [VOICE_ANALYTICAL] = { "Check how those figures were estimated before you build on them.",
                         "Start from the numbers and test the assumptions behind them." },
  [VOICE_OPEN]       = { "What is your read on that?", "I am curious how you see it." },
  [VOICE_CAUTIOUS]   = { "I would not bet the company on an optimistic forecast.",
                         "Whatever we do, the risks have to be counted first." },
};

static const char * const plain_closers[2] = {
  "What else do you need to know?",
  "Is there anything else you want to look at?",
};

typedef struct {
  const char * const *keywords;
  const char         *frames[2];
} RoleFrame;

static const char * const finance_words[] = { "financ", "cfo", "account", "controller",
                                              "treasur", NULL };
static const char * const labour_words[] = { "union", "steward", "council", "employee",
                                             "worker", "staff representative", NULL };
static const char * const operations_words[] = { "plant", "operations", "manufactur",
                                                 "production", "engineer", "supply",
                                                 "quality", NULL };
static const char * const sales_words[] = { "sales", "marketing", "customer", "commercial",
                                            NULL };
static const char * const executive_words[] = { "chief executive", "ceo", "president",
                                                "director", "chair", "founder", "owner",
                                                "board", "general manager", NULL };

/* In order: the first whose keyword occurs in the role wins ("Chief Financial Officer" is
 * finance, "Employee Council Chair" labour). */
static const RoleFrame role_frames[] = {
  { finance_words, { "From the finance side:", "The numbers are clear on this:" } },
  { labour_words, { "Our people know this well:", "From the shop floor's point of view:" } },
  { operations_words, { "From where I stand on the floor:", "On the plant side:" } },
  { sales_words, { "From what customers tell us:", "On the market side:" } },
  { executive_words, { "Here is what the board will look at:", "For the company as a whole:" } },
};

static const char * const default_frames[2] = { "What I can tell you is this:",
                                                "From what I know:" };

static const char * const feeling_words[] = {
  "worried", "worry", "worries", "concerned", "concern", "afraid", "fear", "scared",
  "upset", "angry", "frustrated", "anxious", "nervous", "stressed", "feel", "feeling",
  "unfair", "hurt", NULL
};

static int
trait (const CsOfflineTurn *turn,
       const char          *name,
       const char          *other_spelling)
{
  int value = cs_offline_turn_get_trait (turn, name);

  if (value < 0 && other_spelling != NULL)
    value = cs_offline_turn_get_trait (turn, other_spelling);
  return value;
}

/* How strongly each voice shows, 0 when it does not stand out. */
static void
voice_strengths (const CsOfflineTurn *turn,
                 int                  strengths[N_VOICES])
{
  int assertiveness = trait (turn, "assertiveness", "assertive");
  int empathy = trait (turn, "empathy", "empathetic");
  int scepticism = trait (turn, "skepticism", "scepticism");
  int analytical = trait (turn, "analytical", "analytical_thinking");
  int openness = trait (turn, "openness", NULL);
  int risk = trait (turn, "risk_tolerance", "risk tolerance");

  memset (strengths, 0, sizeof (int) * N_VOICES);
  if (assertiveness >= STRONG)
    strengths[VOICE_ASSERTIVE] = assertiveness;
  if (assertiveness >= 0 && 10 - assertiveness >= STRONG)
    strengths[VOICE_HESITANT] = 10 - assertiveness;
  if (empathy >= STRONG)
    strengths[VOICE_EMPATHETIC] = empathy;
  if (scepticism >= STRONG)
    strengths[VOICE_SCEPTICAL] = scepticism;
  if (analytical >= STRONG)
    strengths[VOICE_ANALYTICAL] = analytical;
  if (openness >= STRONG)
    strengths[VOICE_OPEN] = openness;
  if (risk >= 0 && 10 - risk >= STRONG)
    strengths[VOICE_CAUTIOUS] = 10 - risk;
}

static gboolean
shows_feelings (const char *message)
{
  g_auto(GStrv) words = cs_text_tokenize (message != NULL ? message : "");

  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (feeling_words, words[i]))
      return TRUE;
  return FALSE;
}

const char *
cs_persona_voice_opener (const CsOfflineTurn *turn,
                         const char          *student_message,
                         guint                variant,
                         int                 *dimension)
{
  int strengths[N_VOICES];
  Voice best = VOICE_NONE;
  int empathy;

  g_return_val_if_fail (turn != NULL, NULL);

  voice_strengths (turn, strengths);
  for (Voice v = VOICE_ASSERTIVE; v <= VOICE_SCEPTICAL; v++)
    if (strengths[v] > 0 && (best == VOICE_NONE || strengths[v] > strengths[best]))
      best = v;

  /* Feelings in the student's words come first for anyone of more than middling empathy. */
  empathy = trait (turn, "empathy", "empathetic");
  if (empathy >= STRONG - 1 && shows_feelings (student_message))
    {
      if (dimension != NULL)
        *dimension = VOICE_EMPATHETIC;
      return feeling_openers[variant % 2];
    }

  if (dimension != NULL)
    *dimension = best;
  return best == VOICE_NONE ? NULL : openers[best][variant % 2];
}

const char *
cs_persona_voice_frame (const CsOfflineTurn *turn,
                        guint                variant)
{
  g_autofree char *role = NULL;

  g_return_val_if_fail (turn != NULL, NULL);

  role = g_utf8_strdown (turn->persona_role != NULL ? turn->persona_role : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (role_frames); i++)
    for (guint k = 0; role_frames[i].keywords[k] != NULL; k++)
      if (strstr (role, role_frames[i].keywords[k]) != NULL)
        return role_frames[i].frames[variant % 2];
  return default_frames[variant % 2];
}

const char *
cs_persona_voice_closer (const CsOfflineTurn *turn,
                         int                  opener_dimension,
                         guint                variant)
{
  int strengths[N_VOICES];
  Voice best = VOICE_NONE;

  g_return_val_if_fail (turn != NULL, NULL);

  voice_strengths (turn, strengths);
  for (Voice v = 0; v < N_VOICES; v++)
    if ((int) v != opener_dimension && strengths[v] > 0 &&
        (best == VOICE_NONE || strengths[v] > strengths[best]))
      best = v;
  return best == VOICE_NONE ? NULL : closers[best][variant % 2];
}

const char *
cs_persona_voice_plain_closer (guint variant)
{
  return plain_closers[variant % 2];
}

int
cs_persona_voice_figures (const CsOfflineTurn *turn)
{
  int analytical;

  g_return_val_if_fail (turn != NULL, 0);

  analytical = trait (turn, "analytical", "analytical_thinking");
  if (analytical >= STRONG)
    return 1;
  if (analytical >= 0 && analytical <= 10 - STRONG)
    return -1;
  return 0;
}

/* ---- first person ---------------------------------------------------------------------- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

static const char * const modal_verbs[] = {
  "had", "can", "could", "would", "will", "must", "should", "may", "might", "did", NULL
};

/* Irregular past forms, the same in every person. */
static const char * const irregular_past[] = {
  "led", "ran", "made", "said", "won", "took", "built", "knew", "told", "came", "went",
  "gave", "saw", "got", "left", "kept", "met", "sent", "held", "began", "grew", "brought",
  "thought", "became", "heard", "felt", "found", "lost", "paid", "sold", "spent", "wrote",
  "joined", NULL
};

static const char * const adverbs[] = {
  "also", "then", "still", "never", "always", "often", "already", "later", "once", "now",
  NULL
};

/* The verb after a name or pronoun, in the first person, or NULL when @word is not plainly a
 * verb of the third person singular or past ("estimates", "has", "argued"). */
static char *
first_person_verb (const char *word,
                   gsize       len)
{
  g_autofree char *copy = g_strndup (word, len);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (word[i]))
      return NULL;
  if (g_str_equal (copy, "has"))
    return g_strdup ("have");
  if (g_str_equal (copy, "is"))
    return g_strdup ("am");
  if (g_str_equal (copy, "does"))
    return g_strdup ("do");
  if (g_str_equal (copy, "was") || g_strv_contains (modal_verbs, copy) ||
      g_strv_contains (irregular_past, copy) ||
      (len > 3 && g_str_has_suffix (copy, "ed")))
    return g_steal_pointer (&copy);
  if (len > 4 && g_str_has_suffix (copy, "ies"))
    return g_strdup_printf ("%.*sy", (int) (len - 3), word);
  if (len > 3 && word[len - 1] == 's' && word[len - 2] != 's' && word[len - 2] != 'u')
    return g_strndup (word, len - 1);
  return NULL;
}

/* "I" and the verb that follows at @word, or 0 when it is not plainly a verb; returns the
 * bytes of @word used. */
static gsize
append_i_verb (GString    *out,
               const char *word)
{
  gsize len = 0;
  gsize skip = 0;
  g_autofree char *verb = NULL;
  g_autofree char *first = NULL;

  while (g_ascii_isalpha (word[len]))
    len++;
  first = g_strndup (word, len);
  /* "he also believes" → "I also believe" */
  if (g_strv_contains (adverbs, first) && word[len] == ' ')
    {
      skip = len + 1;
      for (len = 0; g_ascii_isalpha (word[skip + len]); len++)
        ;
    }
  if (len == 0 || !(word[skip + len] == ' ' || word[skip + len] == ',' ||
                    word[skip + len] == '.'))
    return 0;
  if ((verb = first_person_verb (word + skip, len)) == NULL)
    return 0;
  g_string_append_printf (out, "I %.*s%s", (int) skip, word, verb);
  return skip + len;
}

static const char * const object_followers[] = {
  "for", "to", "a", "an", "the", "that", "and", "with", "in", "on", "of", "at", "by", "from",
  "about", "as", "if", "what", "whether", "how", NULL
};

/* A pronoun of the persona at @p (a word start), in the first person; returns the bytes
 * consumed or 0. */
static gsize
replace_pronoun (GString    *out,
                 const char *p)
{
  gsize len = 0;
  g_autofree char *word = NULL;
  gboolean upper = g_ascii_isupper (*p);

  while (g_ascii_isalpha (p[len]))
    len++;
  if (len == 0 || len > 7)
    return 0;
  word = g_ascii_strdown (p, len);

  if ((g_str_equal (word, "he") || g_str_equal (word, "she")) && p[len] == ' ')
    {
      gsize used = append_i_verb (out, p + len + 1);

      return used > 0 ? len + 1 + used : 0;
    }
  if (g_str_equal (word, "his"))
    {
      g_string_append (out, upper ? "My" : "my");
      return len;
    }
  if (g_str_equal (word, "him"))
    {
      g_string_append (out, "me");
      return len;
    }
  if (g_str_equal (word, "himself") || g_str_equal (word, "herself"))
    {
      g_string_append (out, "myself");
      return len;
    }
  if (g_str_equal (word, "her"))
    {
      const char *next = p + len;
      gsize next_len = 0;
      g_autofree char *following = NULL;

      while (*next == ' ')
        next++;
      while (g_ascii_isalpha (next[next_len]))
        next_len++;
      following = g_ascii_strdown (next, next_len);
      /* "asked her for a plan" → "me"; "her model" → "my" */
      if (next_len == 0 || g_strv_contains (object_followers, following))
        g_string_append (out, upper ? "Me" : "me");
      else
        g_string_append (out, upper ? "My" : "my");
      return len;
    }
  return 0;
}

static guint
count_spaces (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Replaces one mention of @name at @p in @out; returns the bytes consumed, 0 when the
 * mention stays. */
static gsize
replace_mention (GString    *out,
                 const char *sentence,
                 const char *p,
                 const char *name)
{
  gsize name_len = strlen (name);
  const char *after = p + name_len;
  gboolean at_start = p == sentence;

  if (g_str_has_prefix (after, "'s ") || g_str_has_prefix (after, "\u2019s "))
    {
      g_string_append (out, at_start ? "My " : "my ");
      return (gsize) (strchr (after, ' ') + 1 - p);
    }
  if (*after == ' ')
    {
      gsize used = append_i_verb (out, after + 1);

      if (used > 0)
        return name_len + 1 + used;
    }
  /* "Sunita Rao, the chief financial officer, had built" → "I had built" */
  if (g_str_has_prefix (after, ", ") && g_ascii_islower (after[2]))
    {
      const char *end = strstr (after + 2, ", ");
      g_autofree char *apposition = end != NULL ? g_strndup (after + 2, end - after - 2) : NULL;
      gsize used;

      if (apposition != NULL && count_spaces (apposition) < 6 &&
          (used = append_i_verb (out, end + 2)) > 0)
        return (gsize) (end + 2 - p) + used;
    }
  return 0;
}

static const char * const personal_pronouns[] = {
  "he", "she", "his", "her", "him", "himself", "herself", NULL
};

gboolean
cs_persona_voice_has_pronoun (const char *sentence)
{
  g_auto(GStrv) words = cs_text_tokenize (sentence != NULL ? sentence : "");

  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (personal_pronouns, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
cs_persona_voice_mentions (const CsOfflineTurn *turn,
                           const char          *sentence)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (turn != NULL, FALSE);

  if (turn->persona_name == NULL || sentence == NULL)
    return FALSE;
  parts = g_strsplit (turn->persona_name, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = g_utf8_strlen (parts[i], -1) >= 3 ? strstr (sentence, parts[i]) : NULL;

      if (found != NULL && (found == sentence ||
                            !is_word_char (g_utf8_get_char (g_utf8_prev_char (found)))) &&
          !is_word_char (g_utf8_get_char (found + strlen (parts[i]))))
        return TRUE;
    }
  return FALSE;
}

char *
cs_persona_voice_first_person (const CsOfflineTurn *turn,
                               const char          *sentence,
                               gboolean             pronouns)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (turn != NULL, NULL);
  g_return_val_if_fail (sentence != NULL, NULL);

  if (turn->persona_name == NULL || *turn->persona_name == '\0')
    return g_strdup (sentence);

  /* Longest first: the full name, then each part of it of three letters or more. */
  g_ptr_array_add (names, g_strdup (turn->persona_name));
  parts = g_strsplit (turn->persona_name, " ", -1);
  for (guint i = g_strv_length (parts); i > 0; i--)
    if (g_utf8_strlen (parts[i - 1], -1) >= 3 && !g_str_equal (parts[i - 1], turn->persona_name))
      g_ptr_array_add (names, g_strdup (parts[i - 1]));

  out = g_string_new (NULL);
  p = sentence;
  while (*p != '\0')
    {
      gboolean boundary = p == sentence ||
                          !is_word_char (g_utf8_get_char (g_utf8_prev_char (p)));
      gsize used = 0;

      for (guint i = 0; boundary && used == 0 && i < names->len; i++)
        {
          const char *name = names->pdata[i];
          gsize len = strlen (name);

          if (strncmp (p, name, len) == 0 && !is_word_char (g_utf8_get_char (p + len)))
            used = replace_mention (out, sentence, p, name);
        }
      if (boundary && used == 0 && pronouns)
        used = replace_pronoun (out, p);
      if (used > 0)
        {
          p += used;
          continue;
        }
      g_string_append_unichar (out, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
