/* test-orchestrator-llm.c: a run with the OpenAI-compatible provider against a local fake
 * server: the judge's quotes are checked by the orchestrator, not trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cs-model.h"
#include "cs-openai-provider.h"
#include "cs-orchestrator.h"

typedef struct {
  SoupServer *server;
  char       *base_url;
  char       *judge_content;  /* the judge's answer, as the model's message content */
  guint       n_chats;
  guint       n_judgements;
} Fake;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fake *fake = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonNode) request = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  JsonObject *object = request != NULL ? json_node_get_object (request) : NULL;
  g_autofree char *reply = NULL;

  g_assert_nonnull (object);
  /* A persona's turn is plain chat; the judge asks for JSON by schema. */
  if (!json_object_has_member (object, "response_format"))
    {
      fake->n_chats++;
      reply = g_strdup ("data: {\"choices\":[{\"delta\":{\"content\":\"I see. \"}}]}\n\n"
                        "data: {\"choices\":[{\"delta\":{\"content\":\"Go on.\"},"
                        "\"finish_reason\":\"stop\"}]}\n\n"
                        "data: [DONE]\n\n");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/event-stream", SOUP_MEMORY_TAKE,
                                        g_steal_pointer (&reply), strlen (reply));
      return;
    }

  fake->n_judgements++;
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "model");
    json_builder_add_string_value (builder, "test-model");
    json_builder_set_member_name (builder, "choices");
    json_builder_begin_array (builder);
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "finish_reason");
    json_builder_add_string_value (builder, "stop");
    json_builder_set_member_name (builder, "message");
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "role");
    json_builder_add_string_value (builder, "assistant");
    json_builder_set_member_name (builder, "content");
    json_builder_add_string_value (builder, fake->judge_content);
    json_builder_end_object (builder);
    json_builder_end_object (builder);
    json_builder_end_array (builder);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    reply = json_to_string (root, FALSE);
  }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&reply), strlen (reply));
}

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, handle, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return fake;
}

static void
fake_free (Fake *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (fake->base_url);
  g_free (fake->judge_content);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

/* Every criterion of @scene met, with @evidence as its quote. */
static char *
all_met_with (CsScene    *scene,
              const char *evidence)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *criteria = cs_scene_get_goal_criteria (scene);

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
      json_builder_add_string_value (builder, evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "feedback");
  json_builder_add_string_value (builder, "Well done.");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
say (CsOrchestrator *run,
     const char     *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cs_orchestrator_send_message_async (run, text, NULL, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  cs_orchestrator_send_message_finish (run, result, &error);
  g_assert_no_error (error);
}

static void
test_forged_quotes (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(Fake) fake = fake_new ();
  g_autoptr(CsOpenaiProvider) provider = NULL;
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsScene) first = NULL;
  CsSceneProgress *progress;

  g_assert_no_error (error);
  first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  provider = cs_openai_provider_new (fake->base_url, "", "test-model");
  run = cs_orchestrator_new (scenario, CS_LLM_PROVIDER (provider), NULL);
  cs_orchestrator_start (run, &error);
  g_assert_no_error (error);

  /* The model claims everything is met, quoting words the student never wrote. */
  fake->judge_content = all_met_with (first, "the board deadline is the core decision");
  say (run, "What is the board deadline?");
  progress = cs_orchestrator_get_scene_progress (run);
  g_assert_cmpuint (fake->n_chats, ==, 1);
  g_assert_cmpuint (fake->n_judgements, ==, 1);
  g_assert_true (cs_orchestrator_get_current_scene (run) == first);
  g_assert_cmpfloat (cs_scene_progress_get_score (progress), ==, 0);
  g_assert_null (strstr (cs_scene_progress_get_criteria_results (progress),
                         "deadline is the core"));

  /* A real quote, in other case and spacing, counts. */
  g_free (fake->judge_content);
  fake->judge_content = all_met_with (first, "what is the   BOARD deadline");
  say (run, "Tell me more.");
  g_assert_cmpuint (fake->n_judgements, ==, 2);
  g_assert_cmpfloat (cs_scene_progress_get_score (progress), ==, 1);
  g_assert_cmpint (cs_scene_progress_get_status (progress), ==, CS_SCENE_STATUS_PASSED);
  g_assert_false (cs_orchestrator_get_current_scene (run) == first);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/llm/forged-quotes", test_forged_quotes);

  return g_test_run ();
}
