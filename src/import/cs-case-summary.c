/* cs-case-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-case-summary.h"
#include "cs-model.h"
#include "cs-text-util.h"

#define MONTHS "(?:January|February|March|April|May|June|July|August|September|October|" \
               "November|December)"

static GRegex *
deadline_regex (void)
{
  return g_regex_new ("\\b(?:by|before|on|until|no later than)\\s+(?:the\\s+\\w+\\s+(?:meeting\\s+)?on\\s+)?"
                      "(?<date>" MONTHS "\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+" MONTHS
                      "(?:\\s+\\d{4})?)", G_REGEX_OPTIMIZE, 0, NULL);
}

static char *
find_deadline (const char *text)
{
  g_autoptr(GRegex) regex = deadline_regex ();
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, text, 0, &match))
    return g_match_info_fetch_named (match, "date");
  return NULL;
}

guint
cs_case_summary_find_decision (GPtrArray *sentences)
{
  guint best = G_MAXUINT;
  int best_score = 2;

  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      g_autofree char *lower = g_utf8_strdown (s->text, -1);
      g_autofree char *deadline = NULL;
      int score = 0;

      if (strstr (lower, "decide") || strstr (lower, "decision on") || strstr (lower, "make a decision"))
        score += 3;
      else if (strstr (lower, "decision"))
        score += 1;
      if (strstr (lower, "whether to") || strstr (lower, "whether or not"))
        score += 2;
      if (strstr (lower, "choose between") || strstr (lower, "choice between") ||
          strstr (lower, "recommend") || strstr (lower, "the options"))
        score += 1;
      deadline = find_deadline (s->text);
      if (deadline)
        score += 1;
      if (score > best_score)
        {
          best_score = score;
          best = i;
        }
    }
  return best;
}

static void
find_options (const char *decision,
              GPtrArray  *options)
{
  const char *at = strstr (decision, "whether to ");
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GRegex) split = NULL;

  if (at == NULL)
    return;
  rest = cs_text_strip_end (at + strlen ("whether to "));
  split = g_regex_new (",\\s*or\\s+|\\s+or\\s+|,\\s*", 0, 0, NULL);
  parts = g_regex_split (split, rest, 0);
  if (g_strv_length (parts) < 2)
    return;
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (g_str_has_prefix (part, "to "))
        memmove (part, part + 3, strlen (part + 3) + 1);
      if (*part)
        g_ptr_array_add (options, g_steal_pointer (&part));
    }
}

char *
cs_case_summary_topic (GPtrArray  *sentences,
                       const char *heading)
{
  g_auto(GStrv) words = g_strsplit (heading, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      gboolean keep = FALSE;
      const char *w = words[i];

      if (*w == '\0')
        continue;
      if (g_utf8_strlen (w, -1) > 1 && g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (w))))
        keep = TRUE; /* an acronym */
      for (guint s = 0; s < sentences->len && !keep; s++)
        {
          const CsCaseSentence *sentence = g_ptr_array_index (sentences, s);
          const char *at = strstr (sentence->text, w);

          /* written with a capital inside a sentence: a name */
          while (at && !keep)
            {
              if (at != sentence->text && at[-1] == ' ' && at[-2] != '.')
                keep = TRUE;
              at = strstr (at + 1, w);
            }
        }
      if (out->len)
        g_string_append_c (out, ' ');
      if (keep)
        g_string_append (out, w);
      else
        {
          g_autofree char *lower = g_utf8_strdown (w, -1);

          g_string_append (out, lower);
        }
    }
  return g_string_free (out, FALSE);
}

/* --- the student's role ------------------------------------------------------------ */

static void
find_student_role (CsCaseSummary *summary,
                   GPtrArray     *sentences,
                   GPtrArray     *people)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(?:an?|the|one)\\s+(?<role>(?:(?:outside|external|"
                                         "independent|new|junior|senior|young|trusted|"
                                         "recently hired)\\s+)?(?:adviser|advisor|consultant|"
                                         "analyst|intern|associate|assistant))\\b",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  const CsCasePerson *main_person = NULL;
  g_autofree char *adviser = NULL;

  for (guint i = 0; i < people->len; i++)
    if (((CsCasePerson *) g_ptr_array_index (people, i))->main_character)
      main_person = g_ptr_array_index (people, i);

  summary->student_role_sentence = G_MAXUINT;
  for (guint i = 0; i < sentences->len && adviser == NULL; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      g_autoptr(GMatchInfo) match = NULL;

      if (!(strstr (s->text, "asked") || strstr (s->text, "hired") || strstr (s->text, "brought in") ||
            strstr (s->text, "engaged") || strstr (s->text, "turned to") ||
            strstr (s->text, "invited") || strstr (s->text, "called in") ||
            strstr (s->text, "retained") || strstr (s->text, "appointed")))
        continue;
      if (g_regex_match (regex, s->text, 0, &match))
        {
          adviser = g_match_info_fetch_named (match, "role");
          summary->student_role_sentence = i;
        }
    }

  if (main_person)
    {
      g_autofree char *capital = cs_text_upper_first (adviser ? adviser : _("adviser"));

      if (main_person->role)
        {
          g_autofree char *role = cs_text_lower_first (main_person->role);

          /* TRANSLATORS: "Outside adviser to Elena Marsh, founder of Northgate" */
          summary->student_role = g_strdup_printf (_("%s to %s, %s"), capital, main_person->name, role);
        }
      else
        summary->student_role = g_strdup_printf (_("%s to %s"), capital, main_person->name);
    }
  else if (adviser)
    summary->student_role = cs_text_upper_first (adviser);
  else
    summary->student_role = g_strdup (_("Adviser to the decision maker"));
}

/* --- themes ------------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *cues;  /* space-separated; a trailing '*' makes a prefix */
} Theme;

static const Theme industries[] = {
  { N_("Food and beverage"), "coffee café cafés cafe cafes restaurant* food* beverage* bakery "
                             "beans roast* brewery brewer* wine* chocolate snack* dairy" },
  { N_("Retail"), "retail* store stores supermarket* shop shops shopper* merchandis* e-commerce "
                  "outlet outlets" },
  { N_("Manufacturing"), "manufactur* factory factories plant plants assembly machining pump pumps "
                         "foundry fabrication" },
  { N_("Healthcare"), "hospital* clinic* patient* health* medical pharma* nurse* physician*" },
  { N_("Technology"), "software app apps platform cloud digital saas algorithm* internet "
                      "startup* developer*" },
  { N_("Financial services"), "bank banks banking insurance insurer* fund funds portfolio* "
                              "brokerage fintech" },
  { N_("Energy"), "energy oil gas solar wind utility utilities electricity pipeline*" },
  { N_("Education"), "school* universit* campus teacher* tuition curriculum" },
  { N_("Hospitality and tourism"), "hotel* tourism tourist* travel resort* airline* guests" },
  { N_("Nonprofit"), "nonprofit non-profit charity charities donor* volunteer* ngo" },
  { N_("Logistics"), "logistics shipping freight warehouse* trucking courier* fleet" },
  { N_("Agriculture"), "farm farms farmer* crop* harvest* agricultur* livestock" },
};

static const Theme categories[] = {
  { N_("Strategy"), "growth grow* strateg* expan* compet* rival* market contract* acquisition* "
                    "partnership* independence control" },
  { N_("Finance"), "margin* loan* cash revenue* profit* cost* invest* capital debt dollars "
                   "budget* price* pricing" },
  { N_("Operations"), "capacity supply supplies supplier* production shift shifts deliver* "
                      "equipment training quality schedul* roaster* machine*" },
  { N_("Leadership"), "morale staff employee* hiring union culture team* leadership motivat*" },
  { N_("Marketing"), "brand* customer* advertis* campaign* segment* promotion*" },
};

static guint
theme_count (const Theme *theme,
             GHashTable  *token_counts)
{
  g_auto(GStrv) cues = g_strsplit (theme->cues, " ", -1);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, token_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; cues[i]; i++)
      {
        gsize len = strlen (cues[i]);

        if (len == 0)
          continue;
        if (cues[i][len - 1] == '*' ? strncmp (key, cues[i], len - 1) == 0
                                    : g_str_equal (key, cues[i]))
          {
            n += GPOINTER_TO_UINT (value);
            break;
          }
      }
  return n;
}

static GHashTable *
count_tokens (GPtrArray *sentences,
              guint     *n_words)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *n_words = 0;
  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      g_auto(GStrv) tokens = cs_text_tokenize (s->text);

      for (guint t = 0; tokens[t]; t++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tokens[t]));

          g_hash_table_replace (counts, g_strdup (tokens[t]), GUINT_TO_POINTER (n + 1));
          (*n_words)++;
        }
    }
  return counts;
}

/* --- learning outcomes --------------------------------------------------------------- */

static void
add_outcomes (CsCaseSummary *summary,
              CsCaseOutline *outline,
              GPtrArray     *sentences,
              GPtrArray     *people)
{
  const CsCasePerson *main_person = NULL;
  g_autofree char *exhibit = NULL;
  guint n_topics = 0;

  for (guint i = 0; i < people->len; i++)
    if (((CsCasePerson *) g_ptr_array_index (people, i))->main_character)
      main_person = g_ptr_array_index (people, i);

  if (main_person)
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup_printf (_("Frame the decision %s faces%s and what a good answer must cover"),
                                      main_person->name, summary->deadline ? _(", its deadline") : ""));
  else
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup (_("Frame the decision the case poses and what a good answer must cover")));

  for (guint i = 0; i < cs_case_outline_get_n_sections (outline); i++)
    {
      const CsSection *section = cs_case_outline_get_section (outline, i);

      if (section->exhibit && exhibit == NULL)
        {
          const char *colon = strchr (section->heading, ':');

          exhibit = colon ? g_strndup (section->heading, colon - section->heading)
                          : g_strdup (section->heading);
        }
    }
  if (exhibit)
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup_printf (_("Use the figures in %s to compare the options"), exhibit));

  /* the middle sections: what the case asks the student to weigh */
  for (guint i = 1; i + 1 < cs_case_outline_get_n_sections (outline) && n_topics < 1; i++)
    {
      const CsSection *section = cs_case_outline_get_section (outline, i);
      g_autofree char *topic = NULL;
      g_autofree char *lower = NULL;

      if (section->exhibit || section->heading == NULL)
        continue;
      lower = g_utf8_strdown (section->heading, -1);
      if (strstr (lower, "background") || strstr (lower, "history") || strstr (lower, "introduction"))
        continue;
      topic = cs_case_summary_topic (sentences, section->heading);
      g_ptr_array_add (summary->learning_outcomes,
                       g_strdup_printf (_("Assess %s and how it bears on the decision"), topic));
      n_topics++;
    }

  if (people->len >= 2)
    {
      GString *roles = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; i < people->len && n < 3; i++)
        {
          const CsCasePerson *person = g_ptr_array_index (people, i);
          g_autofree char *role = NULL;

          if (person->main_character || person->role == NULL)
            continue;
          role = cs_case_person_dup_short_role (person);
          if (roles->len)
            g_string_append (roles, ", ");
          g_string_append (roles, role);
          n++;
        }
      if (n > 0)
        g_ptr_array_add (summary->learning_outcomes,
                         g_strdup_printf (_("Weigh the views of stakeholders with different priorities (%s)"),
                                          roles->str));
      g_string_free (roles, TRUE);
    }

  if (summary->options->len >= 2)
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup (_("Recommend one of the options and defend it with evidence from the case")));
  else
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup (_("Recommend a course of action and defend it with evidence from the case")));

  if (summary->learning_outcomes->len < 3)
    g_ptr_array_add (summary->learning_outcomes,
                     g_strdup (_("Anticipate the risks of the recommendation and how to manage them")));
  while (summary->learning_outcomes->len > 5)
    g_ptr_array_remove_index (summary->learning_outcomes, summary->learning_outcomes->len - 2);
}

CsCaseSummary *
cs_case_summary_new (CsCaseOutline *outline,
                     GPtrArray     *sentences,
                     GPtrArray     *people,
                     guint          decision)
{
  CsCaseSummary *summary = g_new0 (CsCaseSummary, 1);
  g_autoptr(GHashTable) counts = NULL;
  const char *title = cs_case_outline_get_title (outline);
  guint best = 0;

  summary->options = g_ptr_array_new_with_free_func (g_free);
  summary->learning_outcomes = g_ptr_array_new_with_free_func (g_free);
  summary->tags = g_ptr_array_new_with_free_func (g_free);
  summary->challenge_sentence = decision;
  summary->description_sentence = G_MAXUINT;

  /* title and organisation */
  summary->title = g_strdup (title ? title : _("Untitled case"));
  summary->title_page = cs_case_outline_get_title_page (outline);
  {
    const char *colon = strchr (summary->title, ':');

    if (colon && colon - summary->title < 60 && g_unichar_isupper (g_utf8_get_char (summary->title)))
      summary->organisation = g_strstrip (g_strndup (summary->title, colon - summary->title));
  }

  /* the situation: the first three sentences of the opening paragraph */
  if (sentences->len > 0)
    {
      const CsCaseSentence *first = g_ptr_array_index (sentences, 0);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < sentences->len && i < 3; i++)
        {
          const CsCaseSentence *s = g_ptr_array_index (sentences, i);

          if (s->paragraph != first->paragraph || (text->len > 0 && text->len + strlen (s->text) > 700))
            break;
          if (text->len)
            g_string_append_c (text, ' ');
          g_string_append (text, s->text);
        }
      summary->description = g_string_free (text, FALSE);
      summary->description_sentence = 0;
    }
  else
    summary->description = g_strdup ("");

  /* the decision */
  if (decision < sentences->len)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, decision);

      summary->challenge = g_strdup (s->text);
      summary->deadline = find_deadline (s->text);
      find_options (s->text, summary->options);
    }
  else
    summary->challenge = g_strdup ("");
  for (guint i = 0; i < sentences->len && summary->deadline == NULL; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);

      if (strstr (s->text, "deadline") || strstr (s->text, "board meeting") || strstr (s->text, "due"))
        summary->deadline = find_deadline (s->text);
    }

  find_student_role (summary, sentences, people);

  /* industry, category, tags, difficulty */
  counts = count_tokens (sentences, &summary->n_words);
  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    {
      guint n = theme_count (&industries[i], counts);

      if (n > best)
        {
          best = n;
          g_free (summary->industry);
          summary->industry = g_strdup (_(industries[i].name));
        }
    }
  if (summary->industry == NULL)
    summary->industry = g_strdup ("");
  {
    guint scores[G_N_ELEMENTS (categories)];
    gboolean used[G_N_ELEMENTS (categories)] = { FALSE };

    for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
      scores[i] = theme_count (&categories[i], counts);
    /* a case about taking on or growing a business is a strategy case first */
    if (summary->challenge && (strstr (summary->challenge, "whether to accept") ||
                               strstr (summary->challenge, "expand") ||
                               strstr (summary->challenge, "acquire") ||
                               strstr (summary->challenge, "enter")))
      scores[0] += 1000;
    for (guint round = 0; round < 3; round++)
      {
        int pick = -1;

        for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
          if (!used[i] && scores[i] > 0 && (pick < 0 || scores[i] > scores[pick]))
            pick = i;
        if (pick < 0)
          break;
        used[pick] = TRUE;
        if (round == 0)
          summary->category = g_strdup (_(categories[pick].name));
        g_ptr_array_add (summary->tags, g_utf8_strdown (_(categories[pick].name), -1));
      }
    if (summary->category == NULL)
      summary->category = g_strdup (_("Strategy"));
    if (*summary->industry)
      g_ptr_array_add (summary->tags, g_utf8_strdown (summary->industry, -1));
  }
  summary->difficulty = summary->n_words < 2500 ? CS_DIFFICULTY_BEGINNER
                      : summary->n_words < 8000 ? CS_DIFFICULTY_INTERMEDIATE
                      : CS_DIFFICULTY_ADVANCED;

  add_outcomes (summary, outline, sentences, people);
  return summary;
}

void
cs_case_summary_free (CsCaseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->organisation);
  g_free (summary->description);
  g_free (summary->challenge);
  g_free (summary->deadline);
  g_ptr_array_unref (summary->options);
  g_free (summary->student_role);
  g_ptr_array_unref (summary->learning_outcomes);
  g_free (summary->industry);
  g_free (summary->category);
  g_ptr_array_unref (summary->tags);
  g_free (summary);
}
