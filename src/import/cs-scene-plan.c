/* cs-scene-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-scene-plan.h"

typedef enum {
  KIND_ASSESS,
  KIND_INVESTIGATE,
  KIND_DECIDE,
  KIND_IMPLEMENT,
} SceneKind;

typedef struct {
  char      *heading;
  guint      page;
  GArray    *sentences;  /* guint */
  SceneKind  kind;
} Chunk;

static void
chunk_clear (gpointer data)
{
  Chunk *chunk = data;

  g_free (chunk->heading);
  g_clear_pointer (&chunk->sentences, g_array_unref);
}

static gboolean
heading_has (const char         *heading,
             const char * const *words)
{
  g_autofree char *lower = heading ? g_utf8_strdown (heading, -1) : NULL;

  for (guint i = 0; lower && words[i]; i++)
    if (strstr (lower, words[i]))
      return TRUE;
  return FALSE;
}

static const char * const decide_words[] = { "decision", "decide", "recommend", "option",
                                             "choice", "next step", "conclusion", "what now",
                                             "the way forward", NULL };
static const char * const implement_words[] = { "implement", "execution", "rollout",
                                                "roll-out", "plan", "transition", NULL };

static GArray *
sections_as_chunks (CsCaseOutline *outline,
                    GPtrArray     *sentences)
{
  GArray *chunks = g_array_new (FALSE, TRUE, sizeof (Chunk));
  g_autoptr(GArray) opening = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_clear_func (chunks, chunk_clear);
  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);
      const CsSection *section = cs_case_outline_get_section (outline, s->section);

      if (section->heading == NULL || section->exhibit)
        {
          if (chunks->len == 0)
            g_array_append_val (opening, i);
          else
            g_array_append_val (g_array_index (chunks, Chunk, chunks->len - 1).sentences, i);
          continue;
        }
      if (chunks->len == 0 ||
          g_strcmp0 (g_array_index (chunks, Chunk, chunks->len - 1).heading, section->heading) != 0)
        {
          Chunk chunk = { g_strdup (section->heading), section->page,
                          g_array_new (FALSE, FALSE, sizeof (guint)), KIND_INVESTIGATE };

          if (chunks->len == 0)
            g_array_append_vals (chunk.sentences, opening->data, opening->len);
          g_array_append_val (chunks, chunk);
        }
      g_array_append_val (g_array_index (chunks, Chunk, chunks->len - 1).sentences, i);
    }

  /* more than six sections: merge the smallest neighbours */
  while (chunks->len > 6)
    {
      guint best = 0, best_size = G_MAXUINT;

      for (guint i = 0; i + 1 < chunks->len; i++)
        {
          guint size = g_array_index (chunks, Chunk, i).sentences->len +
                       g_array_index (chunks, Chunk, i + 1).sentences->len;

          if (size < best_size)
            {
              best_size = size;
              best = i;
            }
        }
      {
        Chunk *a = &g_array_index (chunks, Chunk, best);
        Chunk *b = &g_array_index (chunks, Chunk, best + 1);

        g_array_append_vals (a->sentences, b->sentences->data, b->sentences->len);
        g_array_remove_index (chunks, best + 1);
      }
    }
  return chunks;
}

static GArray *
default_arc (GPtrArray *sentences)
{
  const char *titles[] = { N_("Assessing the Situation"), N_("Investigating"),
                           N_("Making the Decision"), N_("Planning the Implementation") };
  GArray *chunks = g_array_new (FALSE, TRUE, sizeof (Chunk));
  guint n = sentences->len;

  g_array_set_clear_func (chunks, chunk_clear);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      Chunk chunk = { g_strdup (_(titles[c])), 0, g_array_new (FALSE, FALSE, sizeof (guint)), c };
      guint from = n * c / G_N_ELEMENTS (titles), to = n * (c + 1) / G_N_ELEMENTS (titles);

      /* deciding draws on the whole case */
      if (c == KIND_DECIDE)
        from = 0, to = n;
      for (guint i = from; i < to; i++)
        g_array_append_val (chunk.sentences, i);
      if (chunk.sentences->len > 0)
        chunk.page = ((CsCaseSentence *) g_ptr_array_index (sentences, g_array_index (chunk.sentences, guint, 0)))->page;
      g_array_append_val (chunks, chunk);
    }
  return chunks;
}

/* --- facts ----------------------------------------------------------------------------- */

static guint
count_numbers (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p) && (p == text || (!g_ascii_isdigit (p[-1]) && p[-1] != '.' && p[-1] != ',')))
      n++;
  return n;
}

static const char * const reporting_verbs[] = {
  "worried", "warned", "said", "told", "feared", "noted", "believed", "argued", "knew",
  "found", "explained", "estimated", "hinted", "reported", "realised", "realized",
  "thought", "felt", "insisted", "suggested", "claimed", "showed", "meant", "expected",
  "calculated", "concluded", "admitted", "complained", "learned", "learnt", NULL
};

/* The content of a fact sentence, to follow "that": the clause after a reporting verb
 * ("David worried that X" → X), else the sentence with its first word in lower case unless
 * it is a name; cut to about 150 characters at a clause boundary. */
static char *
fact_clause (const char *sentence,
             GPtrArray  *people)
{
  g_autofree char *text = NULL;
  const char *start = sentence;

  for (const char *at = strstr (sentence, " that "); at; at = strstr (at + 1, " that "))
    {
      g_autofree char *before = g_strndup (sentence, at - sentence);
      g_auto(GStrv) words = g_strsplit (before, " ", -1);
      guint n = g_strv_length (words);

      for (guint back = 1; back <= 2 && back <= n; back++)
        if (g_strv_contains (reporting_verbs, words[n - back]))
          {
            start = at + strlen (" that ");
            goto found;
          }
    }
found:
  text = cs_text_strip_end (start);

  if (start == sentence)
    {
      gboolean name = FALSE;

      for (guint i = 0; i < people->len && !name; i++)
        {
          const CsCasePerson *person = g_ptr_array_index (people, i);

          name = g_str_has_prefix (text, person->first_name);
        }
      /* a capitalised first word that is not a name nor the organisation ("The", "By") */
      if (!name && g_unichar_isupper (g_utf8_get_char (text)))
        {
          const char *space = strchr (text, ' ');
          g_autofree char *word = space ? g_strndup (text, space - text) : g_strdup (text);
          static const char * const common[] = { "The", "A", "An", "By", "In", "On", "At", "For",
                                                 "Several", "Staff", "Two", "Three", "Most",
                                                 "Some", "Many", "Each", "Every", "This",
                                                 "Its", "Their", "Revenue", "Sales",
                                                 "Accepting", "Turning", "Training", NULL };

          if (g_strv_contains (common, word))
            {
              char *lower = g_strdup_printf ("%c%s", g_ascii_tolower (text[0]), text + 1);

              g_free (text);
              text = lower;
            }
        }
    }

  if (g_utf8_strlen (text, -1) > 160)
    {
      /* cut at the last clause boundary before 160 characters */
      const char *limit = g_utf8_offset_to_pointer (text, 160);
      char *cut = NULL;

      for (char *p = text; p < limit; p++)
        if (*p == ',' || *p == ';')
          cut = p;
      if (cut && cut - text > 50)
        *cut = '\0';
      else
        *(char *) limit = '\0';
    }
  return g_steal_pointer (&text);
}

/* The best fact sentences of a chunk, in text order, leaving out @skip. */
static GArray *
pick_facts (const Chunk *chunk,
            GPtrArray   *sentences,
            GPtrArray   *people,
            guint        skip,
            guint        n_wanted)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < chunk->sentences->len; i++)
    {
      guint index = g_array_index (chunk->sentences, guint, i);
      const CsCaseSentence *s = g_ptr_array_index (sentences, index);
      gsize len = strlen (s->text);
      int score = 2 * MIN (count_numbers (s->text), 3);

      if (index == skip || len < 40)
        score = -1000;
      if (len > 300)
        score -= 2;
      if (cs_case_people_first_in (people, s->text) >= 0)
        score += 1;
      /* a pointer to an exhibit is not a fact */
      if (g_str_has_prefix (s->text, "Exhibit") || g_str_has_prefix (s->text, "Table") ||
          g_str_has_prefix (s->text, "Figure") || g_str_has_prefix (s->text, "See "))
        score -= 4;
      for (guint p = 0; p < people->len; p++)
        if (((CsCasePerson *) g_ptr_array_index (people, p))->intro_sentence == index)
          score -= 1;
      if (strstr (s->text, " that "))
        score += 1;
      g_array_append_val (scores, score);
    }
  while (picked->len < n_wanted)
    {
      int best = -1;

      for (guint i = 0; i < scores->len; i++)
        if (g_array_index (scores, int, i) > -1000 &&
            (best < 0 || g_array_index (scores, int, i) > g_array_index (scores, int, best)))
          best = i;
      if (best < 0)
        break;
      g_array_index (scores, int, best) = -1000;
      g_array_append_val (picked, g_array_index (chunk->sentences, guint, best));
    }
  /* text order */
  for (guint i = 1; i < picked->len; i++)
    for (guint j = i; j > 0 && g_array_index (picked, guint, j - 1) > g_array_index (picked, guint, j); j--)
      {
        guint t = g_array_index (picked, guint, j);

        g_array_index (picked, guint, j) = g_array_index (picked, guint, j - 1);
        g_array_index (picked, guint, j - 1) = t;
      }
  return picked;
}

/* --- people in a scene ------------------------------------------------------------------- */

static gboolean
array_has (GArray *array,
           guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return TRUE;
  return FALSE;
}

static guint
count_in_chunk (GArray      *indexes,
                const Chunk *chunk)
{
  guint n = 0;

  for (guint i = 0; i < indexes->len; i++)
    if (array_has (chunk->sentences, g_array_index (indexes, guint, i)))
      n++;
  return n;
}

/* --- building ---------------------------------------------------------------------------- */

static void
add_criteria (CsScene    *scene,
              GPtrArray  *texts)
{
  guint n = texts->len;

  /* whole percentages that sum to 100: 34, 33, 33 */
  for (guint i = 0; i < n; i++)
    {
      guint percent = 100 / n + (i < 100 % n ? 1 : 0);
      g_autoptr(CsGoalCriterion) criterion = cs_goal_criterion_new (g_ptr_array_index (texts, i),
                                                                    percent / 100.0);

      cs_scene_add_criterion (scene, criterion);
    }
}

static char *
join_options (GPtrArray *options)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < options->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == options->len ? _(" or ") : ", ");
      g_string_append (out, g_ptr_array_index (options, i));
    }
  return g_string_free (out, FALSE);
}

static guint
find_risk (GPtrArray *sentences,
           guint      skip)
{
  static const char * const cues[] = { "risk", "lose", "penalty", "warned", "worried", "feared",
                                       "limited", "threat", "danger", "could fail", NULL };

  for (guint i = 0; i < sentences->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, i);

      if (i == skip)
        continue;
      for (guint c = 0; cues[c]; c++)
        if (strstr (s->text, cues[c]))
          return i;
    }
  return G_MAXUINT;
}

static void
build_scene (CsExtraction  *extraction,
             const Chunk   *chunk,
             guint          position,
             CsCaseOutline *outline,
             GPtrArray     *sentences,
             GPtrArray     *people,
             GPtrArray     *persona_ids,
             CsCaseSummary *summary)
{
  CsScenario *scenario = cs_extraction_get_scenario (extraction);
  g_autofree char *id = cs_uuid_new ();
  g_autoptr(CsScene) scene = cs_scene_new (id);
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) facts = NULL;
  g_autofree char *path = g_strdup_printf ("scene:%s", id);
  g_autofree char *topic = cs_case_summary_topic (sentences, chunk->heading);
  g_autofree char *options = join_options (summary->options);
  g_autofree char *key_role = NULL;
  const CsCasePerson *main_person = NULL, *key = NULL;
  int key_index = -1, main_index = -1;
  GString *context = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    if (((CsCasePerson *) g_ptr_array_index (people, i))->main_character)
      {
        main_index = i;
        main_person = g_ptr_array_index (people, i);
      }

  /* the key persona */
  if ((chunk->kind == KIND_ASSESS || chunk->kind == KIND_DECIDE) && main_index >= 0)
    key_index = main_index;
  else
    {
      guint best = 0;

      for (guint i = 0; i < people->len; i++)
        {
          const CsCasePerson *person = g_ptr_array_index (people, i);
          guint n = count_in_chunk (person->sentences, chunk) * 2 + count_in_chunk (person->about, chunk);

          if ((int) i != main_index && n > best)
            {
              best = n;
              key_index = i;
            }
        }
      if (key_index < 0)
        key_index = main_index >= 0 ? main_index : (people->len > 0 ? 0 : -1);
    }
  key = key_index >= 0 ? g_ptr_array_index (people, key_index) : NULL;
  key_role = key ? cs_case_person_dup_short_role (key) : NULL;

  /* who takes part */
  for (guint i = 0; i < people->len; i++)
    {
      const CsCasePerson *person = g_ptr_array_index (people, i);
      const char *persona_id = g_ptr_array_index (persona_ids, i);
      guint about = count_in_chunk (person->about, chunk);
      guint mentions = count_in_chunk (person->sentences, chunk);
      g_autofree char *role = cs_case_person_dup_short_role (person);
      g_autofree char *instruction = NULL;

      if ((int) i == key_index)
        {
          cs_scene_set_involvement (scene, persona_id, CS_INVOLVEMENT_KEY);
          if (chunk->kind == KIND_DECIDE)
            instruction = g_strdup_printf (_("You are %s. Listen to the student's recommendation, "
                                             "push back on weak reasoning with the facts of the "
                                             "case, and ask what the plan does about the risks. "
                                             "Do not choose an option yourself."), person->name);
          else
            instruction = g_strdup_printf (_("You are %s. Share what the case says about %s when "
                                             "the student asks good questions; do not hand over "
                                             "the answer or recommend an option yourself. Answer "
                                             "in 2–4 sentences."), person->name, topic);
        }
      else if (about > 0 && mentions > 0)
        {
          cs_scene_set_involvement (scene, persona_id, CS_INVOLVEMENT_PARTICIPANT);
          instruction = g_strdup_printf (_("You are %s%s%s. Add your own view when it matters to "
                                           "you, from what the case says about you."),
                                         person->name, role ? ", " : "", role ? role : "");
        }
      else if (mentions > 0)
        {
          cs_scene_set_involvement (scene, persona_id, CS_INVOLVEMENT_MENTIONED);
          instruction = g_strdup_printf (_("%s is only mentioned in this scene."), person->name);
        }
      if (instruction)
        cs_scene_set_persona_instruction (scene, persona_id, instruction);
    }

  /* facts and criteria */
  facts = pick_facts (chunk, sentences, people, summary->challenge_sentence,
                      chunk->kind == KIND_INVESTIGATE ? 2 : 1);
  switch (chunk->kind)
    {
    case KIND_ASSESS:
      if (summary->options->len >= 2)
        g_ptr_array_add (criteria, g_strdup_printf (_("Identifies the decision: whether to %s"), options));
      else if (main_person)
        g_ptr_array_add (criteria, g_strdup_printf (_("Identifies the decision %s has to make"),
                                                    main_person->first_name));
      else
        g_ptr_array_add (criteria, g_strdup (_("Identifies the decision the case poses")));
      if (summary->deadline)
        g_ptr_array_add (criteria, g_strdup_printf (_("Finds out the deadline (%s)"), summary->deadline));
      break;
    case KIND_INVESTIGATE:
      break;
    case KIND_DECIDE:
      if (summary->options->len >= 2)
        g_ptr_array_add (criteria, g_strdup_printf (_("Recommends one option (%s) and says why"), options));
      else
        g_ptr_array_add (criteria, g_strdup (_("Makes a clear recommendation and says why")));
      g_ptr_array_add (criteria, g_strdup (_("Supports the recommendation with figures from the case")));
      break;
    case KIND_IMPLEMENT:
    default:
      g_ptr_array_add (criteria, g_strdup (_("Proposes concrete next steps with owners and dates")));
      break;
    }
  for (guint i = 0; i < facts->len; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (facts, guint, i));
      g_autofree char *clause = fact_clause (s->text, people);

      if (chunk->kind == KIND_DECIDE)
        continue;
      if (chunk->kind == KIND_IMPLEMENT)
        g_ptr_array_add (criteria, g_strdup_printf (_("Plans for the constraint that %s"), clause));
      else
        g_ptr_array_add (criteria, g_strdup_printf (_("Brings out that %s"), clause));
      cs_extraction_add_source (extraction, path, s->page, s->text);
    }
  if (chunk->kind == KIND_DECIDE)
    {
      guint risk = find_risk (sentences, summary->challenge_sentence);

      if (risk != G_MAXUINT)
        {
          const CsCaseSentence *s = g_ptr_array_index (sentences, risk);
          g_autofree char *clause = fact_clause (s->text, people);

          g_ptr_array_add (criteria, g_strdup_printf (_("Addresses the risk that %s"), clause));
          cs_extraction_add_source (extraction, path, s->page, s->text);
        }
    }
  if (chunk->kind == KIND_INVESTIGATE && key)
    g_ptr_array_add (criteria, g_strdup_printf (_("Asks %s open questions about %s"),
                                                key->first_name, topic));
  if (chunk->kind == KIND_IMPLEMENT)
    g_ptr_array_add (criteria, g_strdup (_("Says how success will be measured")));
  if (criteria->len < 2)
    g_ptr_array_add (criteria, g_strdup_printf (_("Asks about %s"), topic));
  while (criteria->len > 4)
    g_ptr_array_remove_index (criteria, criteria->len - 1);
  add_criteria (scene, criteria);

  /* the rest of the scene */
  cs_scene_set_title (scene, chunk->heading);
  switch (chunk->kind)
    {
    case KIND_ASSESS:
      {
        g_autofree char *goal = key ? g_strdup_printf (_("Find out from %s what decision has to be made, by when, and why it matters."), key->first_name)
                                    : g_strdup (_("Find out what decision has to be made, by when, and why it matters."));

        cs_scene_set_user_goal (scene, goal);
      }
      break;
    case KIND_INVESTIGATE:
      {
        g_autofree char *goal = key ? g_strdup_printf (_("Learn from %s about %s and what it means for the decision."), key->first_name, topic)
                                    : g_strdup_printf (_("Learn about %s and what it means for the decision."), topic);

        cs_scene_set_user_goal (scene, goal);
      }
      break;
    case KIND_DECIDE:
      {
        g_autofree char *goal = summary->options->len >= 2
          ? g_strdup_printf (_("Recommend to %s whether to %s, and back it with the facts of the case."),
                             key ? key->first_name : _("the decision maker"), options)
          : g_strdup_printf (_("Recommend a course of action to %s and back it with the facts of the case."),
                             key ? key->first_name : _("the decision maker"));

        cs_scene_set_user_goal (scene, goal);
      }
      break;
    case KIND_IMPLEMENT:
    default:
      {
        g_autofree char *goal = g_strdup_printf (_("Agree with %s how to carry out the decision: who does what, by when, and what could go wrong."),
                                                 key ? key->first_name : _("the team"));

        cs_scene_set_user_goal (scene, goal);
      }
      break;
    }

  {
    g_autofree char *description = NULL;
    g_autofree char *who = NULL;

    if (key)
      who = key_role ? g_strdup_printf ("%s, %s,", key->name, key_role) : g_strdup (key->name);
    if (key == NULL)
      description = g_strdup_printf (_("A scene about %s."), topic);
    else if (chunk->kind == KIND_ASSESS)
      /* TRANSLATORS: "Elena Marsh, founder, briefs you on the situation." */
      description = g_strdup_printf (_("%s briefs you on the situation."), who);
    else if (chunk->kind == KIND_DECIDE)
      description = g_strdup_printf (_("You bring %s your recommendation."), key->name);
    else if (chunk->kind == KIND_IMPLEMENT)
      description = g_strdup_printf (_("You plan with %s how to carry out the decision."), key->name);
    else
      description = g_strdup_printf (_("%s takes you through %s."), who, topic);
    cs_scene_set_description (scene, description);
  }

  for (guint i = 0; i < chunk->sentences->len && i < 2; i++)
    {
      const CsCaseSentence *s = g_ptr_array_index (sentences, g_array_index (chunk->sentences, guint, i));

      if (context->len > 0 && context->len + strlen (s->text) > 450)
        break;
      if (context->len)
        g_string_append_c (context, ' ');
      g_string_append (context, s->text);
      if (i == 0)
        cs_extraction_add_source (extraction, path, s->page, s->text);
    }
  cs_scene_set_scene_context (scene, context->str);
  g_string_free (context, TRUE);

  if (key)
    g_ptr_array_add (triggers, g_strdup_printf (_("student asks %s for the answer"), key->first_name));
  g_ptr_array_add (triggers, g_strdup (_("no question after three turns")));
  if (chunk->kind == KIND_DECIDE)
    g_ptr_array_add (triggers, g_strdup (_("student recommends without giving a reason")));
  g_ptr_array_add (triggers, NULL);
  cs_scene_set_hint_triggers (scene, (const char * const *) triggers->pdata);

  {
    int turns = chunk->kind == KIND_ASSESS ? 10 : chunk->kind == KIND_DECIDE ? 15 : 12;

    cs_scene_set_timeout_turns (scene, turns);
    cs_scene_set_estimated_duration (scene, turns);
  }
  cs_scene_set_success_threshold (scene, 0.7);
  cs_scene_set_max_attempts (scene, 3);

  (void) outline;
  (void) position;
  cs_scenario_append_scene (scenario, scene);
}

void
cs_scene_plan_build (CsExtraction  *extraction,
                     CsCaseOutline *outline,
                     GPtrArray     *sentences,
                     GPtrArray     *people,
                     GPtrArray     *persona_ids,
                     CsCaseSummary *summary)
{
  g_autoptr(GArray) chunks = sections_as_chunks (outline, sentences);
  int decide = -1;

  g_return_if_fail (CS_IS_EXTRACTION (extraction));
  g_return_if_fail (people->len == persona_ids->len);

  if (chunks->len < 3)
    {
      g_clear_pointer (&chunks, g_array_unref);
      chunks = default_arc (sentences);
    }
  else
    {
      for (guint i = 0; i < chunks->len; i++)
        {
          Chunk *chunk = &g_array_index (chunks, Chunk, i);

          if (i == 0)
            chunk->kind = KIND_ASSESS;
          else if (heading_has (chunk->heading, decide_words))
            decide = i;
          else if (heading_has (chunk->heading, implement_words) && i + 1 == chunks->len)
            chunk->kind = KIND_IMPLEMENT;
        }
      if (decide < 0)
        {
          /* the last scene decides, unless it is about implementing; then the one before */
          decide = chunks->len - 1;
          if (g_array_index (chunks, Chunk, decide).kind == KIND_IMPLEMENT)
            decide--;
        }
      g_array_index (chunks, Chunk, decide).kind = KIND_DECIDE;
    }

  for (guint i = 0; i < chunks->len; i++)
    build_scene (extraction, &g_array_index (chunks, Chunk, i), i, outline, sentences, people,
                 persona_ids, summary);
}
