/* test-offline.c: the offline engine on the sample case: grounded, deterministic persona
 * replies that know only their own scenes, coloured by traits; the coverage judge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-json-schema.h"
#include "cs-judge-schema.h"
#include "cs-model.h"
#include "cs-offline-provider.h"
#include "cs-retriever.h"
#include "cs-turn-context.h"

/* ---- helpers --------------------------------------------------------------------------- */

static CsScenario *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cs_scenario_get_source_text (scenario));
  return scenario;
}

/* The text of @text between the first @before and the next @after. */
static char *
text_between (const char *text,
              const char *before,
              const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (before);
  end = strstr (start, after);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static CsPersona *
persona_named (CsScenario *scenario,
               const char *name)
{
  GListModel *personas = cs_scenario_get_personas (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);

      if (g_str_has_prefix (cs_persona_get_name (persona), name))
        return persona;
    }
  g_error ("No persona %s in the sample", name);
  return NULL;
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       position)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), position);

  g_assert_nonnull (scene);
  return scene;
}

/* The first scene @persona is present in (key or participant) or absent from. */
static CsScene *
scene_where (CsScenario *scenario,
             CsPersona  *persona,
             gboolean    present)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      CsInvolvement involvement;
      gboolean is_in = cs_scene_get_involvement (scene, cs_record_get_id (CS_RECORD (persona)),
                                                 &involvement) &&
                       involvement != CS_INVOLVEMENT_MENTIONED;

      if (is_in == present)
        return scene;
    }
  g_error ("No scene where %s is %s", cs_persona_get_name (persona),
           present ? "present" : "absent");
  return NULL;
}

static CsMessage *
message_in (CsScene       *scene,
            CsMessageKind  kind,
            CsPersona     *persona,
            const char    *content)
{
  CsMessage *message = cs_message_new (kind, persona != NULL ? cs_persona_get_name (persona) :
                                                               "Student", content);

  cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
  if (persona != NULL)
    cs_message_set_persona_id (message, cs_record_get_id (CS_RECORD (persona)));
  return message;
}

typedef struct {
  GString     *deltas;
  guint        n_deltas;
  GAsyncResult *result;
} Chat;

static void
on_delta (CsLlmProvider *provider,
          const char    *delta,
          gpointer       user_data)
{
  Chat *chat = user_data;

  g_assert_null (chat->result);
  g_string_append (chat->deltas, delta);
  chat->n_deltas++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Chat *chat = user_data;

  chat->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Chat *chat)
{
  while (chat->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return chat->result;
}

/* The persona's reply to @context, checked against the provider's contract: deltas in
 * order make the text, the result is labelled offline. */
static char *
reply_to (CsLlmProvider *provider,
          CsTurnContext *context)
{
  g_autoptr(CsLlmRequest) request = cs_turn_context_new_persona_request (context);
  g_autoptr(CsLlmResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Chat chat = { g_string_new (NULL), 0, NULL };

  cs_llm_provider_chat_async (provider, request, on_delta, &chat, NULL, on_done, &chat);
  result = cs_llm_provider_chat_finish (provider, wait_result (&chat), &error);
  g_assert_no_error (error);
  g_assert_true (cs_llm_result_get_is_offline (result));
  g_assert_cmpstr (cs_llm_result_get_model (result), ==, "offline");
  g_assert_cmpstr (chat.deltas->str, ==, cs_llm_result_get_text (result));
  g_assert_cmpuint (chat.n_deltas, >=, 2);
  g_clear_object (&chat.result);
  g_string_free (chat.deltas, TRUE);
  g_test_message ("%s", cs_llm_result_get_text (result));
  return g_strdup (cs_llm_result_get_text (result));
}

static char *
ask (CsLlmProvider *provider,
     CsScenario    *scenario,
     CsScene       *scene,
     CsPersona     *persona,
     const char    *question)
{
  g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, scene, persona, question);

  return reply_to (provider, context);
}

static guint
n_sentences (const char *text)
{
  g_autoptr(GArray) spans = cs_text_split_sentences (text);

  return spans->len;
}

static guint
n_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += g_ascii_isdigit (*p) != 0;
  return n;
}

/* @fact is in the reply and in one of the passages the retriever ranks highest for the
 * question: the reply took it from the case. */
static void
assert_grounded (CsScenario *scenario,
                 const char *question,
                 const char *reply,
                 const char *fact)
{
  g_autoptr(CsRetriever) retriever = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_passage = FALSE;

  if (strstr (reply, fact) == NULL)
    g_error ("The reply to “%s” lacks “%s”: %s", question, fact, reply);
  retriever = cs_retriever_new_for_scenario (scenario, &error);
  g_assert_no_error (error);
  passages = cs_retriever_search (retriever, question, 4, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < passages->len; i++)
    in_passage |= strstr (((CsPassage *) passages->pdata[i])->text, fact) != NULL;
  g_assert_true (in_passage);
  g_assert_cmpuint (n_sentences (reply), >=, 2);
  g_assert_cmpuint (n_sentences (reply), <=, 4);
}

/* ---- persona replies ------------------------------------------------------------------- */

static void
test_provider (void)
{
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autofree char *name = cs_llm_provider_dup_name (CS_LLM_PROVIDER (provider));
  g_auto(GStrv) models = NULL;
  g_autoptr(GError) error = NULL;
  Chat chat = { NULL, 0, NULL };

  g_assert_true (cs_llm_provider_get_is_offline (CS_LLM_PROVIDER (provider)));
  g_assert_cmpuint (strlen (name), >, 0);
  cs_llm_provider_list_models_async (CS_LLM_PROVIDER (provider), NULL, on_done, &chat);
  models = cs_llm_provider_list_models_finish (CS_LLM_PROVIDER (provider), wait_result (&chat),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (models), ==, 1);
  g_clear_object (&chat.result);
}

static void
test_grounded (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsLlmProvider *llm = CS_LLM_PROVIDER (provider);
  const char *text = cs_scenario_get_source_text (scenario);
  CsPersona *cfo = persona_named (scenario, "Sunita");
  CsPersona *plant = persona_named (scenario, "Daniel");
  CsPersona *union_chair = persona_named (scenario, "Frank");
  CsPersona *ceo = persona_named (scenario, "Margaret");
  g_autofree char *margin = text_between (text, "an operating margin of ", " percent");
  g_autofree char *notice = text_between (text, "requires ", " notice");
  g_autofree char *scrap = text_between (text, "a scrap rate of ", " percent");
  g_autofree char *board = text_between (text, "at its meeting on ", ",");
  g_autofree char *severance = text_between (text, "estimated at $21.0 million: ", " of severance");
  struct {
    CsPersona  *persona;
    const char *question;
    const char *fact;
  } cases[] = {
    { cfo, "What operating margin did Harlow make last year?", margin },
    { union_chair, "How much notice does the union contract require before a plant closure?",
      notice },
    { plant, "How good is Kellerton's quality? What is the scrap rate?", scrap },
    { ceo, "When is the board meeting where the plan is due?", board },
    { cfo, "How much severance would closing Kellerton cost?", severance },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsScene) scene = g_object_ref (scene_where (scenario, cases[i].persona, TRUE));
      g_autofree char *reply = ask (llm, scenario, scene, cases[i].persona, cases[i].question);

      assert_grounded (scenario, cases[i].question, reply, cases[i].fact);
    }
}

/* A reply says something even to small talk, and says so when the case has nothing. */
static void
test_no_facts (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsPersona *ceo = persona_named (scenario, "Margaret");
  CsScene *scene = scene_at (scenario, 0);
  g_autofree char *hello = ask (CS_LLM_PROVIDER (provider), scenario, scene, ceo, "Hello!");
  g_autofree char *unknown = ask (CS_LLM_PROVIDER (provider), scenario, scene, ceo,
                                  "Do you like zebras from Madagascar?");

  g_assert_nonnull (strstr (hello, cs_persona_get_name (ceo)));
  g_assert_cmpuint (n_sentences (hello), >=, 2);
  g_assert_cmpuint (n_sentences (unknown), >=, 2);
  g_assert_cmpuint (n_sentences (unknown), <=, 4);
  g_assert_null (strstr (unknown, "zebra"));
}

static void
test_deterministic (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) first = cs_offline_provider_new ();
  g_autoptr(CsOfflineProvider) second = cs_offline_provider_new ();
  CsPersona *plant = persona_named (scenario, "Daniel");
  CsScene *scene = scene_where (scenario, plant, TRUE);
  const char *question = "Why is the cost per unit at Kellerton higher than at Ashby?";
  g_autofree char *a = ask (CS_LLM_PROVIDER (first), scenario, scene, plant, question);
  g_autofree char *b = ask (CS_LLM_PROVIDER (first), scenario, scene, plant, question);
  g_autofree char *c = ask (CS_LLM_PROVIDER (second), scenario, scene, plant, question);
  g_autofree char *other = ask (CS_LLM_PROVIDER (first), scenario, scene, plant,
                                "Who would lose their jobs if the plant closed?");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (a, !=, other);
}

/* What a persona said in its own scenes is not repeated; what was said in scenes it was
 * not in is unknown to it and never comes up. */
static void
test_own_scenes_only (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsLlmProvider *llm = CS_LLM_PROVIDER (provider);
  CsPersona *cfo = persona_named (scenario, "Sunita");
  CsPersona *union_chair = persona_named (scenario, "Frank");
  CsScene *present = scene_where (scenario, cfo, TRUE);
  CsScene *absent = scene_where (scenario, cfo, FALSE);
  const char *question = "What savings does the consolidation model show?";
  const char *secret = "we will keep line 4 running with eleven welders";
  g_autofree char *alone = ask (llm, scenario, present, cfo, question);
  g_autofree char *with_absent = NULL;
  g_autofree char *with_present = NULL;
  GListModel *scenes = cs_scenario_get_scenes (scenario);

  g_assert_true (present != absent);

  /* The same words said in a scene she was not in (by her, the student and someone else):
   * nothing changes. */
  {
    g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, present, cfo, question);
    g_autoptr(CsMessage) student = NULL;
    g_autoptr(CsMessage) other = NULL;
    g_autoptr(CsMessage) own = NULL;
    g_autofree char *line = g_strdup_printf ("Frank, %s.", secret);

    student = message_in (absent, CS_MESSAGE_KIND_USER, NULL, line);
    other = message_in (absent, CS_MESSAGE_KIND_PERSONA, union_chair, "Then say it in writing.");
    /* her reply as if she had been there: must be ignored, so she may say it again */
    own = message_in (absent, CS_MESSAGE_KIND_PERSONA, cfo, alone);
    cs_turn_context_add_message (context, student);
    cs_turn_context_add_message (context, other);
    cs_turn_context_add_message (context, own);
    with_absent = reply_to (llm, context);
  }
  g_assert_cmpstr (with_absent, ==, alone);

  /* Said in her own scene, it is remembered: the reply moves on to another fact. */
  {
    g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, present, cfo, question);
    g_autoptr(CsMessage) own = message_in (present, CS_MESSAGE_KIND_PERSONA, cfo, alone);

    cs_turn_context_add_message (context, own);
    with_present = reply_to (llm, context);
  }
  g_assert_cmpstr (with_present, !=, alone);

  /* No reply of hers names a scene she was not in or repeats what was said there. */
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      CsInvolvement involvement;

      if (cs_scene_get_involvement (scene, cs_record_get_id (CS_RECORD (cfo)), &involvement) &&
          involvement != CS_INVOLVEMENT_MENTIONED)
        continue;
      g_assert_null (strstr (alone, cs_scene_get_title (scene)));
      g_assert_null (strstr (with_absent, cs_scene_get_title (scene)));
      g_assert_null (strstr (with_present, cs_scene_get_title (scene)));
    }
  g_assert_null (strstr (with_absent, secret));
  g_assert_null (strstr (with_absent, "in writing"));
}

static CsPersona *
with_traits (CsPersona  *persona,
             const char *first,
             int         first_value,
             const char *second,
             int         second_value)
{
  CsPersona *copy = cs_persona_new (cs_record_get_id (CS_RECORD (persona)));
  g_auto(GStrv) names = cs_persona_dup_trait_names (persona);

  cs_persona_set_name (copy, cs_persona_get_name (persona));
  cs_persona_set_role (copy, cs_persona_get_role (persona));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (cs_persona_set_trait (copy, names[i], 5));
  g_assert_true (cs_persona_set_trait (copy, first, first_value));
  if (second != NULL)
    g_assert_true (cs_persona_set_trait (copy, second, second_value));
  return copy;
}

/* Traits change the wording, never the facts. */
static void
test_traits (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsLlmProvider *llm = CS_LLM_PROVIDER (provider);
  CsPersona *plant = persona_named (scenario, "Daniel");
  CsScene *scene = scene_where (scenario, plant, TRUE);
  const char *text = cs_scenario_get_source_text (scenario);
  g_autofree char *tenure = text_between (text, "| Average employee tenure (years) |", "\n");
  const char *question = "How long have the Kellerton employees worked there on average?";
  const char *worried = "I am worried about the Kellerton employees. How long have they worked there?";
  g_autoptr(CsPersona) neutral = with_traits (plant, "assertiveness", 5, NULL, 0);
  g_autoptr(CsPersona) assertive = with_traits (plant, "assertiveness", 9, NULL, 0);
  g_autoptr(CsPersona) hesitant = with_traits (plant, "assertiveness", 1, NULL, 0);
  g_autoptr(CsPersona) warm = with_traits (plant, "empathy", 9, NULL, 0);
  g_autoptr(CsPersona) cold = with_traits (plant, "empathy", 1, NULL, 0);
  g_autoptr(CsPersona) analyst = with_traits (plant, "analytical", 9, NULL, 0);
  g_autoptr(CsPersona) intuitive = with_traits (plant, "analytical", 2, NULL, 0);
  g_autofree char *r_neutral = ask (llm, scenario, scene, neutral, question);
  g_autofree char *r_assertive = ask (llm, scenario, scene, assertive, question);
  g_autofree char *r_hesitant = ask (llm, scenario, scene, hesitant, question);
  g_autofree char *r_warm = ask (llm, scenario, scene, warm, worried);
  g_autofree char *r_cold = ask (llm, scenario, scene, cold, worried);
  g_autofree char *r_analyst = ask (llm, scenario, scene, analyst, question);
  g_autofree char *r_intuitive = ask (llm, scenario, scene, intuitive, question);
  g_auto(GStrv) tenure_cells = g_strsplit (tenure, "|", -1);
  g_autofree char *kellerton_tenure = g_strstrip (g_strdup (tenure_cells[1]));

  g_assert_cmpstr (r_assertive, !=, r_hesitant);
  g_assert_cmpstr (r_assertive, !=, r_neutral);
  g_assert_cmpstr (r_hesitant, !=, r_neutral);
  g_assert_cmpstr (r_warm, !=, r_cold);
  g_assert_cmpstr (r_analyst, !=, r_intuitive);

  /* The opener and closer differ, the fact stays: the longest sentence is shared. */
  {
    g_autoptr(GArray) spans = cs_text_split_sentences (r_neutral);
    gsize longest = 0;
    g_autofree char *fact = NULL;

    for (guint i = 0; i < spans->len; i++)
      {
        CsTextSpan *span = &g_array_index (spans, CsTextSpan, i);

        if (span->end - span->start > longest)
          {
            longest = span->end - span->start;
            g_free (fact);
            fact = g_strndup (r_neutral + span->start, longest);
          }
      }
    /* without the role's lead-in */
    if (strchr (fact, ':') != NULL)
      memmove (fact, strchr (fact, ':') + 2, strlen (strchr (fact, ':') + 2) + 1);
    g_assert_nonnull (strstr (r_assertive, fact));
    g_assert_nonnull (strstr (r_hesitant, fact));
  }

  /* The analytical persona cites figures, here the exhibit's tenure. */
  g_assert_cmpuint (n_digits (r_analyst), >, n_digits (r_intuitive));
  g_assert_nonnull (strstr (r_analyst, kellerton_tenure));
  /* The empathetic one answers the student's worry before the facts. */
  g_assert_cmpuint (n_sentences (r_warm), >, 0);
  {
    g_autoptr(GArray) warm_spans = cs_text_split_sentences (r_warm);
    g_autoptr(GArray) cold_spans = cs_text_split_sentences (r_cold);
    CsTextSpan *w = &g_array_index (warm_spans, CsTextSpan, 0);
    CsTextSpan *c = &g_array_index (cold_spans, CsTextSpan, 0);

    g_assert_false (w->end - w->start == c->end - c->start &&
                    strncmp (r_warm + w->start, r_cold + c->start, w->end - w->start) == 0);
  }
}

/* Every persona in every scene, on questions of all kinds: 2 to 4 sentences, the same twice,
 * and never the title of a scene the persona was not in. */
static void
test_sweep (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  GListModel *personas = cs_scenario_get_personas (scenario);
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  const char *questions[] = {
    "What is the real problem here?",
    "How reliable are the savings estimates?",
    "What happens to the people at Kellerton if we close it?",
    "What do customers of hygienic valves want?",
    "Can you tell me about the union contract and the notice period?",
    "Thanks, that helps.",
  };

  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    for (guint c = 0; c < g_list_model_get_n_items (scenes); c++)
      for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
        {
          g_autoptr(CsPersona) persona = g_list_model_get_item (personas, p);
          g_autoptr(CsScene) scene = g_list_model_get_item (scenes, c);
          g_autofree char *reply = ask (CS_LLM_PROVIDER (provider), scenario, scene, persona,
                                        questions[q]);
          g_autofree char *again = ask (CS_LLM_PROVIDER (provider), scenario, scene, persona,
                                        questions[q]);

          g_assert_cmpstr (reply, ==, again);
          g_assert_cmpuint (n_sentences (reply), >=, 2);
          g_assert_cmpuint (n_sentences (reply), <=, 4);
          for (guint other = 0; other < g_list_model_get_n_items (scenes); other++)
            {
              g_autoptr(CsScene) foreign = g_list_model_get_item (scenes, other);
              CsInvolvement involvement;

              if (other == c ||
                  (cs_scene_get_involvement (foreign, cs_record_get_id (CS_RECORD (persona)),
                                             &involvement) &&
                   involvement != CS_INVOLVEMENT_MENTIONED))
                continue;
              g_assert_null (strstr (reply, cs_scene_get_title (foreign)));
            }
        }
}

/* ---- judge ----------------------------------------------------------------------------- */

static JsonNode *
judge (CsLlmProvider *provider,
       CsTurnContext *context)
{
  g_autoptr(CsLlmRequest) request = cs_judge_request_new (context);
  g_autoptr(GError) error = NULL;
  Chat chat = { NULL, 0, NULL };
  JsonNode *answer;

  cs_llm_provider_complete_json_async (provider, request, cs_judge_schema_get (), NULL, on_done,
                                       &chat);
  answer = cs_llm_provider_complete_json_finish (provider, wait_result (&chat), &error);
  g_assert_no_error (error);
  g_clear_object (&chat.result);
  return answer;
}

static gboolean
in_some_message (const char  *quote,
                 const char **messages)
{
  for (guint i = 0; messages[i] != NULL; i++)
    if (strstr (messages[i], quote) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_judge (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsLlmProvider *llm = CS_LLM_PROVIDER (provider);
  CsScene *scene = scene_at (scenario, 0);
  CsPersona *ceo = persona_named (scenario, "Margaret");
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  g_autoptr(CsGoalCriterion) first = g_list_model_get_item (criteria, 0);
  g_autoptr(CsGoalCriterion) second = g_list_model_get_item (criteria, 1);
  /* The student's words cover the second criterion; the persona repeats the first one's
   * words, which must not count. */
  g_autofree char *student_first = g_strdup ("Thanks for seeing me this morning.");
  g_autofree char *student_second = g_strdup_printf ("I would like to understand the business drivers. "
                                                     "Is it mainly the lost Tri-County contract, "
                                                     "the falling margin or the low utilization?");
  const char *student_messages[] = { student_first, student_second, NULL };
  g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, scene, NULL, student_second);
  g_autoptr(CsMessage) m1 = message_in (scene, CS_MESSAGE_KIND_USER, NULL, student_first);
  g_autoptr(CsMessage) m2 = message_in (scene, CS_MESSAGE_KIND_PERSONA, ceo,
                                        cs_goal_criterion_get_text (first));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GArray) verdicts = NULL;
  g_autofree char *transcript = NULL;
  JsonArray *entries;
  double score;

  cs_turn_context_add_message (context, m1);
  cs_turn_context_add_message (context, m2);
  answer = judge (llm, context);
  again = judge (llm, context);
  g_assert_true (json_node_equal (answer, again));

  entries = json_object_get_array_member (json_node_get_object (answer), "criteria");
  g_assert_cmpuint (json_array_get_length (entries), ==, g_list_model_get_n_items (criteria));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      const char *evidence = json_object_get_string_member (entry, "evidence");

      g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==,
                       cs_goal_criterion_get_id (criterion));
      if (json_object_get_boolean_member (entry, "met"))
        {
          g_assert_cmpuint (strlen (evidence), >, 0);
          g_assert_true (in_some_message (evidence, student_messages));
        }
      else
        g_assert_cmpstr (evidence, ==, "");
    }
  /* The persona's words are no evidence of the first criterion; the student's are of the
   * second. */
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (entries, 0),
                                                  "met"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (entries, 1),
                                                 "met"));

  transcript = cs_turn_context_dup_student_transcript (context);
  score = cs_judge_score (answer, scene, transcript, &verdicts);
  g_assert_cmpuint (verdicts->len, ==, g_list_model_get_n_items (criteria));
  {
    double met = 0;

    for (guint i = 0; i < verdicts->len; i++)
      {
        CsJudgeVerdict *verdict = &g_array_index (verdicts, CsJudgeVerdict, i);
        g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

        if (verdict->met)
          met += cs_goal_criterion_get_weight (criterion);
      }
    g_assert_cmpfloat_with_epsilon (score, met / cs_scene_get_total_weight (scene), 1e-9);
    g_assert_cmpfloat (score, >=, cs_goal_criterion_get_weight (second) /
                                  cs_scene_get_total_weight (scene) - 1e-9);
  }
}

/* The words of a criterion said by the student count; the same said only by a persona
 * do not. */
static void
test_judge_student_only (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsScene *scene = scene_at (scenario, 1);
  CsPersona *key = NULL;
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  guint n = g_list_model_get_n_items (criteria);
  g_autoptr(CsTurnContext) persona_says = cs_turn_context_new (scenario, scene, NULL, "Okay.");
  g_autoptr(CsTurnContext) student_says = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) every = NULL;
  g_autofree char *transcript = NULL;

  key = persona_named (scenario, "Daniel");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(CsMessage) message = message_in (scene, CS_MESSAGE_KIND_PERSONA, key,
                                                 cs_goal_criterion_get_text (criterion));

      cs_turn_context_add_message (persona_says, message);
      g_string_append_printf (all, "%s%s.", i > 0 ? " " : "", cs_goal_criterion_get_text (criterion));
    }
  none = judge (CS_LLM_PROVIDER (provider), persona_says);
  transcript = cs_turn_context_dup_student_transcript (persona_says);
  g_assert_cmpfloat (cs_judge_score (none, scene, transcript, NULL), ==, 0);

  student_says = cs_turn_context_new (scenario, scene, NULL, all->str);
  every = judge (CS_LLM_PROVIDER (provider), student_says);
  g_clear_pointer (&transcript, g_free);
  transcript = cs_turn_context_dup_student_transcript (student_says);
  g_assert_cmpfloat_with_epsilon (cs_judge_score (every, scene, transcript, NULL), 1.0, 1e-9);
}

/* A quote that does not occur in the student's words is no evidence, whatever the judge
 * says (a model may invent one). */
static void
test_judge_score_checks_quotes (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *scene = scene_at (scenario, 0);
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *transcript = "What does the board need from us, and by when?";
  double score;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cs_goal_criterion_get_id (criterion));
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, 0.9);
      json_builder_set_member_name (builder, "evidence");
      /* only the first quote is real */
      json_builder_add_string_value (builder, i == 0 ? "What does the board need from us" :
                                                       "I asked about the union notice");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "feedback");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  g_assert_true (cs_json_schema_validate (cs_judge_schema_get (), answer, &error));
  g_assert_no_error (error);
  score = cs_judge_score (answer, scene, transcript, NULL);
  {
    g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, 0);

    g_assert_cmpfloat_with_epsilon (score, cs_goal_criterion_get_weight (criterion) /
                                           cs_scene_get_total_weight (scene), 1e-9);
  }
}

/* ---- what the engine does not do ------------------------------------------------------- */

static void
test_not_supported (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  CsLlmProvider *llm = CS_LLM_PROVIDER (provider);
  g_autoptr(CsLlmRequest) plain = cs_llm_request_new ();
  g_autoptr(JsonNode) other_schema = json_from_string ("{\"type\": \"object\"}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Chat chat = { NULL, 0, NULL };
  CsLlmResult *result;
  JsonNode *node;

  cs_llm_request_add_message (plain, CS_LLM_ROLE_USER, "Hello");
  cs_llm_provider_chat_async (llm, plain, NULL, NULL, NULL, on_done, &chat);
  result = cs_llm_provider_chat_finish (llm, wait_result (&chat), &error);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_NOT_SUPPORTED);
  g_assert_null (result);
  g_clear_error (&error);
  g_clear_object (&chat.result);

  cs_llm_provider_complete_json_async (llm, plain, other_schema, NULL, on_done, &chat);
  node = cs_llm_provider_complete_json_finish (llm, wait_result (&chat), &error);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_NOT_SUPPORTED);
  g_assert_null (node);
  g_clear_error (&error);
  g_clear_object (&chat.result);

  /* A cancelled turn completes with G_IO_ERROR_CANCELLED and no deltas. */
  {
    CsPersona *ceo = persona_named (scenario, "Margaret");
    g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, scene_at (scenario, 0),
                                                            ceo, "What is the margin?");
    g_autoptr(CsLlmRequest) request = cs_turn_context_new_persona_request (context);

    chat.deltas = g_string_new (NULL);
    cs_llm_provider_chat_async (llm, request, on_delta, &chat, cancellable, on_done, &chat);
    g_cancellable_cancel (cancellable);
    result = cs_llm_provider_chat_finish (llm, wait_result (&chat), &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (result);
    g_assert_cmpuint (chat.n_deltas, ==, 0);
    g_string_free (chat.deltas, TRUE);
    g_clear_object (&chat.result);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/offline/provider", test_provider);
  g_test_add_func ("/offline/persona/grounded", test_grounded);
  g_test_add_func ("/offline/persona/no-facts", test_no_facts);
  g_test_add_func ("/offline/persona/deterministic", test_deterministic);
  g_test_add_func ("/offline/persona/own-scenes-only", test_own_scenes_only);
  g_test_add_func ("/offline/persona/traits", test_traits);
  g_test_add_func ("/offline/persona/sweep", test_sweep);
  g_test_add_func ("/offline/judge/evidence", test_judge);
  g_test_add_func ("/offline/judge/student-only", test_judge_student_only);
  g_test_add_func ("/offline/judge/score-checks-quotes", test_judge_score_checks_quotes);
  g_test_add_func ("/offline/not-supported", test_not_supported);

  return g_test_run ();
}
