/* cs-case-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-case-people.h"
#include "cs-text-util.h"

const char * const cs_case_trait_names[CS_CASE_N_TRAITS] = {
  "assertiveness", "openness", "risk_tolerance", "analytical", "empathy",
};

#define NAME_WORD "(?:Mc|Mac|O['’])?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?"
#define FULL_NAME "(?<name>(?<first>" NAME_WORD ")(?:\\s+\\p{Lu}\\.)?\\s+(?<last>" NAME_WORD "))"

static const char * const role_words[] = {
  "founder", "co-founder", "cofounder", "owner", "president", "chair", "chairman",
  "chairwoman", "chairperson", "ceo", "cfo", "coo", "cto", "cmo", "cio", "vp", "director",
  "manager", "head", "chief", "officer", "executive", "buyer", "partner", "analyst",
  "engineer", "supervisor", "consultant", "controller", "accountant", "treasurer",
  "secretary", "representative", "adviser", "advisor", "lead", "leader", "coordinator",
  "specialist", "assistant", "administrator", "principal", "dean", "professor", "teacher",
  "nurse", "doctor", "physician", "surgeon", "lawyer", "attorney", "counsel",
  "superintendent", "mayor", "minister", "editor", "designer", "developer", "planner",
  "scientist", "researcher", "agent", "broker", "investor", "banker", "foreman",
  "technician", "operator", "steward", "entrepreneur", "shareholder", "trustee",
  "commissioner", "governor", "inspector", "auditor", "economist", "strategist",
  "recruiter", "salesperson", "clerk", "chef", "farmer", "architect", "organizer",
  "organiser", "negotiator", "estimator", "dispatcher", "pharmacist", "curator",
  "producer", "publisher", "journalist", "spokesperson", "associate", "intern",
  NULL
};

/* Capitalised words that start sentences or name things, never a person's first name. */
static const char * const not_first_names[] = {
  "The", "A", "An", "On", "In", "At", "By", "For", "From", "With", "And", "But", "When",
  "While", "After", "Before", "During", "If", "This", "That", "These", "Those", "Its",
  "Their", "His", "Her", "Our", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
  "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December", "Exhibit", "Table", "Figure",
  "Case", "Page", "North", "South", "East", "West", "New", "Chief", "Vice", "Senior",
  "Junior", "General", "Regional", "Head", "Director", "Manager", "President", "Mr", "Ms",
  "Mrs", "Dr", "Prof", "Professor", "Saint", "Lake", "Mount", "Fort", "Port", "Upper",
  "Lower", "Central", "Global", "National", "International", "United", "Royal", "Old",
  NULL
};

static const char * const not_last_names[] = {
  "Inc", "Ltd", "Limited", "Company", "Corporation", "Corp", "Group", "Bank", "University",
  "College", "School", "Street", "Avenue", "Road", "Centre", "Center", "Foundation",
  "Partners", "Holdings", "Hospital", "Council", "Department", "Board", "Industries",
  "Systems", "Services", "Solutions", "Capital", "Ventures", "Associates", "Institute",
  "Agency", "Authority", "Club", "Market", "Markets", "Stores", "Airlines", "Motors",
  "Energy", "Foods", "Press", "Media", "Labs", "Coffee", "Roasters", "Valley", "City",
  "County", "State", "Region", "Park", "Square", "Hall", "House", "Plaza",
  NULL
};

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

static gboolean
has_role_word (const char *phrase)
{
  g_autofree char *lower = g_utf8_strdown (phrase, -1);

  for (guint i = 0; role_words[i]; i++)
    if (cs_text_has_word (lower, role_words[i]))
      return TRUE;
  return FALSE;
}

static char *
role_alternation (void)
{
  GString *alt = g_string_new ("(?:");

  for (guint i = 0; role_words[i]; i++)
    {
      if (i)
        g_string_append_c (alt, '|');
      g_string_append (alt, role_words[i]);
    }
  g_string_append_c (alt, ')');
  return g_string_free (alt, FALSE);
}

/* "the company's finance director" → "Finance director". NULL when nothing is left. */
static char *
clean_role (const char *phrase)
{
  g_autofree char *copy = g_strstrip (g_strdup (phrase));
  static const char * const cut_at[] = { " who ", " which ", " that ", " since ", " and has ",
                                          " and had ", " and was ", " and is ", NULL };
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);
  guint start = 0, n;

  for (guint i = 0; cut_at[i]; i++)
    {
      char *cut = strstr (copy, cut_at[i]);

      if (cut)
        *cut = '\0';
    }

  words = g_strsplit_set (copy, " \t\n", -1);
  n = g_strv_length (words);
  /* drop leading determiners and possessives ("the", "Northgate's", "the plant's") */
  while (start < n && (*words[start] == '\0' ||
                       g_ascii_strcasecmp (words[start], "the") == 0 ||
                       g_ascii_strcasecmp (words[start], "a") == 0 ||
                       g_ascii_strcasecmp (words[start], "an") == 0 ||
                       g_ascii_strcasecmp (words[start], "its") == 0 ||
                       g_ascii_strcasecmp (words[start], "their") == 0 ||
                       g_ascii_strcasecmp (words[start], "his") == 0 ||
                       g_ascii_strcasecmp (words[start], "her") == 0 ||
                       g_ascii_strcasecmp (words[start], "then") == 0 ||
                       g_str_has_suffix (words[start], "'s") ||
                       g_str_has_suffix (words[start], "’s")))
    start++;
  for (guint i = start; i < n && i < start + 12; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  /* Capitalise the first letter, but keep acronyms ("CEO") as they are. */
  {
    gunichar c = g_utf8_get_char (out->str);
    char buf[8];
    int len = g_unichar_to_utf8 (g_unichar_toupper (c), buf);
    const char *rest = g_utf8_next_char (out->str);
    char *result = g_strdup_printf ("%.*s%s", len, buf, rest);

    g_string_free (out, TRUE);
    return result;
  }
}

static void
person_free (gpointer data)
{
  CsCasePerson *person = data;

  g_free (person->name);
  g_free (person->first_name);
  g_free (person->last_name);
  g_free (person->role);
  g_free (person->background);
  g_clear_pointer (&person->goals, g_ptr_array_unref);
  g_clear_pointer (&person->sentences, g_array_unref);
  g_clear_pointer (&person->about, g_array_unref);
  g_free (person);
}

gboolean
cs_case_person_in (const CsCasePerson *person,
                   const char         *text)
{
  static const char * const honorifics[] = { "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mr",
                                              "Ms", "Mrs", "Dr", NULL };

  if (strstr (text, person->name) || cs_text_has_word (text, person->first_name))
    return TRUE;
  for (guint i = 0; honorifics[i]; i++)
    {
      g_autofree char *formal = g_strdup_printf ("%s %s", honorifics[i], person->last_name);

      if (strstr (text, formal))
        return TRUE;
    }
  return FALSE;
}

/* Where in @text @person is first named, or -1. */
static gssize
position_in (const CsCasePerson *person,
             const char         *text)
{
  gssize best = -1;
  const char *forms[3] = { person->name, person->first_name, person->last_name };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    for (const char *p = strstr (text, forms[i]); p; p = strstr (p + 1, forms[i]))
      {
        gsize len = strlen (forms[i]);
        gboolean start_ok = p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p)));
        gboolean end_ok = !g_unichar_isalnum (g_utf8_get_char (p + len));

        /* the surname alone counts only after an honorific */
        if (i == 2 && (p - text < 3 || !strchr (".sr", p[-2])))
          continue;
        if (start_ok && end_ok)
          {
            if (best < 0 || p - text < best)
              best = p - text;
            break;
          }
      }
  return best;
}

int
cs_case_people_first_in (GPtrArray  *people,
                         const char *text)
{
  gssize best_pos = -1;
  int best = -1;

  for (guint i = 0; i < people->len; i++)
    {
      gssize pos = position_in (g_ptr_array_index (people, i), text);

      if (pos >= 0 && (best_pos < 0 || pos < best_pos))
        {
          best_pos = pos;
          best = i;
        }
    }
  return best;
}

typedef struct {
  GRegex *after;     /* Name Surname, the role */
  GRegex *before;    /* the role Name Surname */
  GRegex *copula;    /* Name Surname was the role */
  GRegex *honorific; /* Dr. Name Surname */
} Patterns;

static void
patterns_init (Patterns *p)
{
  g_autofree char *roles = role_alternation ();
  g_autofree char *after = g_strdup_printf ("\\b%s,\\s+(?<role>[^,.;:()]{3,100})", FULL_NAME);
  g_autofree char *before = g_strdup_printf ("(?i:(?<role>(?:[\\p{L}&'’-]+\\s+){0,3}%s))\\s+%s",
                                             roles, FULL_NAME);
  g_autofree char *copula = g_strdup_printf ("\\b%s\\s+(?:is|was|had been|has been|served as|"
                                             "worked as)\\s+(?<role>(?:the|a|an|its|their)\\s+"
                                             "[^,.;:()]{3,80})", FULL_NAME);
  g_autofree char *honorific = g_strdup_printf ("\\b(?:Mr|Ms|Mrs|Dr|Prof)\\.?\\s+%s", FULL_NAME);

  p->after = g_regex_new (after, G_REGEX_OPTIMIZE, 0, NULL);
  p->before = g_regex_new (before, G_REGEX_OPTIMIZE, 0, NULL);
  p->copula = g_regex_new (copula, G_REGEX_OPTIMIZE, 0, NULL);
  p->honorific = g_regex_new (honorific, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (p->after && p->before && p->copula && p->honorific);
}

static void
patterns_clear (Patterns *p)
{
  g_clear_pointer (&p->after, g_regex_unref);
  g_clear_pointer (&p->before, g_regex_unref);
  g_clear_pointer (&p->copula, g_regex_unref);
  g_clear_pointer (&p->honorific, g_regex_unref);
}

static CsCasePerson *
add_candidate (GPtrArray  *people,
               GHashTable *by_name,
               GMatchInfo *match,
               gboolean    with_role,
               guint       sentence)
{
  g_autofree char *name = g_match_info_fetch_named (match, "name");
  g_autofree char *first = g_match_info_fetch_named (match, "first");
  g_autofree char *last = g_match_info_fetch_named (match, "last");
  g_autofree char *role_text = with_role ? g_match_info_fetch_named (match, "role") : NULL;
  CsCasePerson *person;

  if (in_list (not_first_names, first) || in_list (not_last_names, last) ||
      in_list (not_first_names, last))
    return NULL;
  if (role_text && !has_role_word (role_text))
    return NULL;

  /* "Elena Marsh" and "Elena A. Marsh" are one person */
  {
    g_autofree char *key = g_strdup_printf ("%s %s", first, last);

    person = g_hash_table_lookup (by_name, key);
    if (person == NULL)
      {
        person = g_new0 (CsCasePerson, 1);
        person->name = g_steal_pointer (&key);
        person->first_name = g_strdup (first);
        person->last_name = g_strdup (last);
        person->intro_sentence = sentence;
        person->goals = g_ptr_array_new_with_free_func (g_free);
        person->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
        person->about = g_array_new (FALSE, FALSE, sizeof (guint));
        for (guint i = 0; i < CS_CASE_N_TRAITS; i++)
          person->traits[i] = 5;
        g_hash_table_insert (by_name, person->name, person);
        g_ptr_array_add (people, person);
      }
  }
  if (person->role == NULL && role_text)
    {
      person->role = clean_role (role_text);
      person->intro_sentence = sentence;
    }
  return person;
}

/* --- traits and goals -------------------------------------------------------------- */

typedef struct {
  const char *word;  /* a whole word, or a prefix when it ends with '*' */
  int         trait;
  int         sign;
} TraitCue;

static const TraitCue trait_cues[] = {
  /* assertiveness */
  { "direct", 0, 1 }, { "blunt", 0, 1 }, { "demanding", 0, 1 }, { "assertive", 0, 1 },
  { "forceful", 0, 1 }, { "decisive", 0, 1 }, { "insistent", 0, 1 }, { "outspoken", 0, 1 },
  { "tough", 0, 1 }, { "confident", 0, 1 }, { "determined", 0, 1 }, { "pushed", 0, 1 },
  { "pushy", 0, 1 }, { "commanding", 0, 1 }, { "frank", 0, 1 }, { "insisted", 0, 1 },
  { "shy", 0, -1 }, { "reserved", 0, -1 }, { "quiet", 0, -1 }, { "hesitant", 0, -1 },
  { "timid", 0, -1 }, { "soft-spoken", 0, -1 }, { "deferential", 0, -1 },
  { "passive", 0, -1 }, { "indecisive", 0, -1 }, { "meek", 0, -1 },
  /* openness */
  { "curious", 1, 1 }, { "open", 1, 1 }, { "creative", 1, 1 }, { "innovative", 1, 1 },
  { "imaginative", 1, 1 }, { "ideas", 1, 1 }, { "experiment*", 1, 1 }, { "flexible", 1, 1 },
  { "adaptable", 1, 1 }, { "visionary", 1, 1 }, { "inventive", 1, 1 }, { "sketched", 1, 1 },
  { "traditional", 1, -1 }, { "conservative", 1, -1 }, { "rigid", 1, -1 },
  { "resistant", 1, -1 }, { "skeptical", 1, -1 }, { "sceptical", 1, -1 },
  { "stubborn", 1, -1 }, { "old-fashioned", 1, -1 },
  /* risk tolerance */
  { "bold", 2, 1 }, { "ambitious", 2, 1 }, { "daring", 2, 1 }, { "entrepreneurial", 2, 1 },
  { "aggressive", 2, 1 }, { "adventurous", 2, 1 }, { "gamble*", 2, 1 },
  { "cautious", 2, -1 }, { "careful", 2, -1 }, { "prudent", 2, -1 }, { "risk-averse", 2, -1 },
  { "wary", 2, -1 }, { "worr*", 2, -1 }, { "feared", 2, -1 }, { "afraid", 2, -1 },
  { "nervous", 2, -1 }, { "warned", 2, -1 }, { "conservative", 2, -1 },
  /* analytical */
  { "analytical", 3, 1 }, { "data", 3, 1 }, { "spreadsheet", 3, 1 }, { "model", 3, 1 },
  { "numbers", 3, 1 }, { "figures", 3, 1 }, { "rigorous", 3, 1 }, { "methodical", 3, 1 },
  { "detail*", 3, 1 }, { "precise", 3, 1 }, { "quantitative", 3, 1 }, { "calculated", 3, 1 },
  { "forecast*", 3, 1 }, { "intuitive", 3, -1 }, { "gut", 3, -1 }, { "instinct*", 3, -1 },
  { "impulsive", 3, -1 },
  /* empathy */
  { "warm", 4, 1 }, { "caring", 4, 1 }, { "loyal", 4, 1 }, { "empathetic", 4, 1 },
  { "kind", 4, 1 }, { "supportive", 4, 1 }, { "friendly", 4, 1 }, { "compassionate", 4, 1 },
  { "patient", 4, 1 }, { "considerate", 4, 1 }, { "morale", 4, 1 }, { "listens", 4, 1 },
  { "generous", 4, 1 }, { "cold", 4, -1 }, { "harsh", 4, -1 }, { "blunt", 4, -1 },
  { "aloof", 4, -1 }, { "demanding", 4, -1 }, { "abrasive", 4, -1 }, { "dismissive", 4, -1 },
  { "impatient", 4, -1 }, { "ruthless", 4, -1 },
};

static gboolean
has_cue (char * const *tokens,
         const char   *cue)
{
  gsize len = strlen (cue);
  gboolean prefix = cue[len - 1] == '*';

  for (guint i = 0; tokens[i]; i++)
    if (prefix ? strncmp (tokens[i], cue, len - 1) == 0 : g_str_equal (tokens[i], cue))
      return TRUE;
  return FALSE;
}

static void
guess_traits (CsCasePerson *person,
              GPtrArray    *sentences)
{
  int score[CS_CASE_N_TRAITS] = { 0 };

  for (guint i = 0; i < person->about->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (person->about, guint, i));
      g_auto(GStrv) tokens = cs_text_tokenize (s->text);

      for (guint c = 0; c < G_N_ELEMENTS (trait_cues); c++)
        if (has_cue (tokens, trait_cues[c].word))
          score[trait_cues[c].trait] += trait_cues[c].sign;
    }
  /* one cue moves a trait two steps from the middle, more cues less each */
  for (guint t = 0; t < CS_CASE_N_TRAITS; t++)
    {
      int n = ABS (score[t]);
      int step = n == 0 ? 0 : n == 1 ? 2 : n == 2 ? 3 : 4;

      person->traits[t] = 5 + (score[t] < 0 ? -step : step);
    }
}

/* A goal from a sentence about the person, or NULL. */
static char *
goal_from (const char *sentence)
{
  static const struct { const char *cue; const char *lead; } cues[] = {
    { "had to decide ", "Decide " }, { "has to decide ", "Decide " },
    { "must decide ", "Decide " }, { "needed to ", "" }, { "needs to ", "" },
    { "wanted to ", "" }, { "wants to ", "" }, { "hoped to ", "" }, { "hopes to ", "" },
    { "planned to ", "" }, { "plans to ", "" }, { "intends to ", "" },
    { "worried that ", "Make sure the plan deals with this: " },
    { "feared that ", "Make sure the plan deals with this: " },
    { "warned that ", "Make sure the plan allows for this: " },
    { "insisted that ", "Insist that " },
    { "needed a ", "Get a " }, { "needed an ", "Get an " }, { "needed the ", "Get the " },
    { "wanted a ", "Get a " }, { "wanted an ", "Get an " }, { "wanted the ", "Get the " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      const char *at = strstr (sentence, cues[i].cue);
      g_autofree char *rest = NULL;

      if (at == NULL)
        continue;
      rest = cs_text_strip_end (at + strlen (cues[i].cue));
      if (g_utf8_strlen (rest, -1) < 12)
        continue;
      if (*cues[i].lead)
        return g_strconcat (cues[i].lead, rest, NULL);
      return cs_text_upper_first (rest);
    }
  return NULL;
}

static void
describe (CsCasePerson *person,
          GPtrArray    *sentences)
{
  GString *background = g_string_new (NULL);

  for (guint i = 0; i < person->about->len && i < 3; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (person->about, guint, i));

      if (background->len)
        g_string_append_c (background, ' ');
      g_string_append (background, s->text);
    }
  person->background = g_string_free (background, FALSE);

  for (guint i = 0; i < person->about->len && person->goals->len < 3; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (person->about, guint, i));
      char *goal = goal_from (s->text);

      if (goal)
        g_ptr_array_add (person->goals, goal);
    }
}

static gboolean
starts_with_pronoun (const char *text)
{
  return g_str_has_prefix (text, "He ") || g_str_has_prefix (text, "She ") ||
         g_str_has_prefix (text, "His ") || g_str_has_prefix (text, "Her ");
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const CsCasePerson *x = *(CsCasePerson * const *) a;
  const CsCasePerson *y = *(CsCasePerson * const *) b;

  if (x->n_mentions != y->n_mentions)
    return x->n_mentions > y->n_mentions ? -1 : 1;
  return (x->intro_sentence > y->intro_sentence) - (x->intro_sentence < y->intro_sentence);
}

GPtrArray *
cs_case_people_find (GPtrArray *sentences,
                     guint      decision)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *people = g_ptr_array_new_with_free_func (person_free);
  Patterns patterns;
  int subject = -1;
  guint last_paragraph = G_MAXUINT;

  g_return_val_if_fail (sentences != NULL, people);

  patterns_init (&patterns);
  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      struct { GRegex *regex; gboolean role; } kinds[] = {
        { patterns.after, TRUE }, { patterns.before, TRUE }, { patterns.copula, TRUE },
        { patterns.honorific, FALSE },
      };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          g_regex_match (kinds[k].regex, s->text, 0, &match);
          while (g_match_info_matches (match))
            {
              add_candidate (people, by_name, match, kinds[k].role, i);
              g_match_info_next (match, NULL);
            }
        }
    }
  patterns_clear (&patterns);

  /* follow each person through the text */
  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      int first;

      if (s->paragraph != last_paragraph)
        subject = -1;
      last_paragraph = s->paragraph;

      for (guint p = 0; p < people->len; p++)
        {
          CsCasePerson *person = g_ptr_array_index (people, p);

          if (cs_case_person_in (person, s->text))
            {
              g_array_append_val (person->sentences, i);
              person->n_mentions++;
            }
        }

      first = cs_case_people_first_in (people, s->text);
      if (first >= 0 && position_in (g_ptr_array_index (people, first), s->text) < 90)
        subject = first;
      else if (!(starts_with_pronoun (s->text) && subject >= 0))
        subject = -1;
      if (subject >= 0)
        {
          CsCasePerson *person = g_ptr_array_index (people, subject);

          g_array_append_val (person->about, i);
          if (first < 0)
            g_array_append_val (person->sentences, i);
        }
    }

  /* someone found by a pattern but never again is still a person of the case */
  g_ptr_array_sort (people, compare_people);

  for (guint p = 0; p < people->len; p++)
    {
      CsCasePerson *person = g_ptr_array_index (people, p);

      guess_traits (person, sentences);
      describe (person, sentences);
    }

  if (people->len > 0)
    {
      CsCasePerson *main_person = g_ptr_array_index (people, 0);

      if (decision < sentences->len)
        {
          const CsCaseSentence *s = g_ptr_array_index (sentences, decision);
          int named = cs_case_people_first_in (people, s->text);

          if (named > 0 && ((CsCasePerson *) g_ptr_array_index (people, named))->n_mentions * 2 >=
                           main_person->n_mentions)
            main_person = g_ptr_array_index (people, named);
        }
      main_person->main_character = TRUE;
    }
  return people;
}

char *
cs_case_person_dup_short_role (const CsCasePerson *person)
{
  g_autofree char *role = NULL;
  static const char * const links[] = { " of ", " for ", " at ", NULL };

  g_return_val_if_fail (person != NULL, NULL);

  if (person->role == NULL)
    return NULL;
  role = g_strdup (person->role);
  /* "founder of Northgate Coffee Roasters" → "founder", but "head of roasting operations"
   * stays whole: only an organisation's name is cut off */
  for (guint i = 0; links[i]; i++)
    {
      char *cut = strstr (role, links[i]);

      if (cut && g_unichar_isupper (g_utf8_get_char (cut + strlen (links[i]))))
        {
          *cut = '\0';
          break;
        }
    }
  if (g_utf8_strlen (role, -1) > 1 && !g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (role))))
    {
      char *lower = g_strdup_printf ("%c%s", g_ascii_tolower (role[0]), role + 1);

      g_free (role);
      role = lower;
    }
  return g_steal_pointer (&role);
}
