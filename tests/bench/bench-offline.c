/* bench-offline.c: offline persona reply and judge latency on a 50-page case, against one
 * plain retriever query in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case is the sample case with its text grown to 50 pages (about 25,000 words): the
 * sample's paragraphs repeated with their figures changed (seeded, so every run is the
 * same), so that the index holds many near-duplicate passages, as a long case with
 * several exhibits and appendices does. Each turn goes through the whole provider:
 * chat_async, the worker thread, the deltas on the main loop, the result. The reference is
 * what every reply needs at least: one cs_retriever_search() of the same question on the
 * same text. The target for a reply is 50 ms. The contexts share one retriever, as the
 * simulation does (one per scenario); without it, rendering the request for a model builds
 * a retriever each time, which is measured separately.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-judge-schema.h"
#include "cs-model.h"
#include "cs-offline-provider.h"
#include "cs-retriever.h"
#include "cs-turn-context.h"

#define N_PAGES        50
#define WORDS_PER_PAGE 500
#define N_TURNS        400
#define TARGET_MS      50.0

static const char * const questions[] = {
  "What operating margin did Harlow make last year?",
  "How much notice does the union contract require before a plant closure?",
  "What is the scrap rate at Kellerton?",
  "When is the board meeting?",
  "How much would closing Kellerton cost?",
  "Why is the cost per unit higher at Kellerton than at Ashby?",
  "How fast are hygienic valve sales growing?",
  "What does the consolidation model assume about Ashby's capacity?",
  "How many people work at Kellerton and how long have they been there?",
  "What happened with the Tri-County contract?",
  "Could the hygienic line be rebuilt at Ashby, and how long would certification take?",
  "What do the food customers want from us?",
  "I am worried about the people at Kellerton. What happens to their jobs?",
  "What would the lean program save?",
  "Who owns the company and what do they expect?",
  "Hello!",
};

static CsScenario *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* The sample's text, then its paragraphs again and again with other digits. */
static char *
grow_text (const char *text,
           GRand      *rand)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  guint n = g_strv_length (paragraphs);
  GString *out = g_string_new (text);
  guint words = count_words (text);
  guint appendix = 0;

  while (words < N_PAGES * WORDS_PER_PAGE)
    {
      g_string_append_printf (out, "\n\nAppendix %u\n\n", ++appendix);
      for (guint i = 0; i < n && words < N_PAGES * WORDS_PER_PAGE; i++)
        {
          g_autofree char *copy = g_strdup (paragraphs[i]);

          for (char *p = copy; *p != '\0'; p++)
            if (g_ascii_isdigit (*p))
              *p = '0' + g_rand_int_range (rand, 0, 10);
          g_string_append (out, copy);
          g_string_append (out, "\n\n");
          words += count_words (copy);
        }
    }
  return g_string_free (out, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint) ((samples->len - 1) * p));
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_delta (CsLlmProvider *provider,
          const char    *delta,
          gpointer       user_data)
{
  *(guint *) user_data += 1;
}

static double
one_reply (CsLlmProvider *provider,
           CsRetriever   *shared,
           CsScenario    *scenario,
           CsScene       *scene,
           CsPersona     *persona,
           const char    *question)
{
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  g_autoptr(CsLlmResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *async = NULL;
  guint deltas = 0;
  gint64 start = g_get_monotonic_time ();

  context = cs_turn_context_new (scenario, scene, persona, question);
  cs_turn_context_set_retriever (context, shared);
  request = cs_turn_context_new_persona_request (context);
  cs_llm_provider_chat_async (provider, request, on_delta, &deltas, NULL, on_done, &async);
  result = cs_llm_provider_chat_finish (provider, wait_result (&async), &error);
  g_assert_no_error (error);
  g_assert_true (cs_llm_result_get_is_offline (result));
  g_assert_cmpuint (deltas, >, 0);
  g_object_unref (async);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
one_judgement (CsLlmProvider *provider,
               CsScenario    *scenario,
               CsScene       *scene,
               const char    *question)
{
  g_autoptr(CsTurnContext) context = cs_turn_context_new (scenario, scene, NULL, question);
  g_autoptr(CsLlmRequest) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *async = NULL;
  gint64 start = g_get_monotonic_time ();

  request = cs_judge_request_new (context);
  cs_llm_provider_complete_json_async (provider, request, cs_judge_schema_get (), NULL, on_done,
                                       &async);
  answer = cs_llm_provider_complete_json_finish (provider, wait_result (&async), &error);
  g_assert_no_error (error);
  g_object_unref (async);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240902);
  g_autofree char *text = grow_text (cs_scenario_get_source_text (scenario), rand);
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autoptr(CsRetriever) retriever = NULL;
  g_autoptr(GArray) replies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) judgements = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) queries = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unshared = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  GListModel *personas, *scenes;
  double first_turn, build_ms, reply_median, query_median;
  gint64 start;

  cs_scenario_set_source_text (scenario, text);
  personas = cs_scenario_get_personas (scenario);
  scenes = cs_scenario_get_scenes (scenario);

  /* The first turn builds the provider's index of the case. */
  {
    g_autoptr(CsPersona) persona = g_list_model_get_item (personas, 0);
    g_autoptr(CsScene) scene = g_list_model_get_item (scenes, 0);

    first_turn = one_reply (CS_LLM_PROVIDER (provider), NULL, scenario, scene, persona,
                            questions[0]);
  }

  start = g_get_monotonic_time ();
  retriever = cs_retriever_new_for_scenario (scenario, &error);
  g_assert_no_error (error);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;

  for (guint i = 0; i < N_TURNS; i++)
    {
      const char *question = questions[i % G_N_ELEMENTS (questions)];
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas,
                                                            i % g_list_model_get_n_items (personas));
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes,
                                                        (i / 7) % g_list_model_get_n_items (scenes));
      g_autoptr(GPtrArray) passages = NULL;
      double ms;

      ms = one_reply (CS_LLM_PROVIDER (provider), retriever, scenario, scene, persona, question);
      g_array_append_val (replies, ms);

      ms = one_reply (CS_LLM_PROVIDER (provider), NULL, scenario, scene, persona, question);
      g_array_append_val (unshared, ms);

      ms = one_judgement (CS_LLM_PROVIDER (provider), scenario, scene, question);
      g_array_append_val (judgements, ms);

      start = g_get_monotonic_time ();
      passages = cs_retriever_search (retriever, question, 4, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (queries, ms);
    }

  reply_median = percentile (replies, 0.5);
  query_median = percentile (queries, 0.5);
  printf ("case: %u words (%u pages of %u), %u passages\n", count_words (text), N_PAGES,
          WORDS_PER_PAGE, cs_retriever_get_n_passages (retriever));
  printf ("first turn (builds the index): %.2f ms; a retriever alone builds in %.2f ms\n",
          first_turn, build_ms);
  printf ("persona reply: median %.3f ms, p95 %.3f ms, max %.3f ms over %u turns (target < %.0f ms)\n",
          reply_median, percentile (replies, 0.95), percentile (replies, 1.0), N_TURNS, TARGET_MS);
  printf ("persona reply without a shared retriever: median %.3f ms, p95 %.3f ms\n",
          percentile (unshared, 0.5), percentile (unshared, 0.95));
  printf ("judge: median %.3f ms, p95 %.3f ms\n", percentile (judgements, 0.5),
          percentile (judgements, 0.95));
  printf ("reference, one retriever query: median %.3f ms, p95 %.3f ms\n", query_median,
          percentile (queries, 0.95));
  printf ("ratio reply/query (medians): %.1f\n", query_median > 0 ? reply_median / query_median : 0);
  printf ("target %s\n", percentile (replies, 0.95) < TARGET_MS ? "met (p95 under 50 ms)" :
                                                                    "MISSED");
  return percentile (replies, 0.95) < TARGET_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
