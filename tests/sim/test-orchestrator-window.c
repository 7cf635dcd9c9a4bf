/* test-orchestrator-window.c: a long scene: what a persona is asked with stays bounded and is
 * the latest of what it heard, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model.h"
#include "cs-offline-provider.h"
#include "cs-orchestrator.h"

#define WINDOW 200

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
test_long_scene (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsScene) first = NULL;
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsScenePersona) key = NULL;
  g_autoptr(CsMessage) last_heard = NULL;
  GListModel *messages, *history;
  CsPersona *persona;
  g_autofree char *latest = NULL;

  g_assert_no_error (error);
  first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  cs_scene_set_timeout_turns (first, 1000);
  run = cs_orchestrator_new (scenario, CS_LLM_PROVIDER (provider), NULL);
  g_assert_true (cs_orchestrator_start (run, &error));
  say (run, "begin");
  for (guint i = 0; i < WINDOW / 2 + 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("Did you see match number %u last night?", i);

      say (run, text);
    }
  latest = g_strdup ("What about the Tri-County contract, then?");
  say (run, latest);
  messages = cs_orchestrator_get_messages (run);
  g_assert_cmpuint (g_list_model_get_n_items (messages), >, WINDOW + 20);
  g_assert_true (cs_orchestrator_get_current_scene (run) == first);

  key = g_list_model_get_item (cs_scene_get_involved (first), 0);
  persona = cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (key));
  context = cs_orchestrator_new_persona_context (run, persona, "One more question.");
  history = cs_turn_context_get_history (context);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, WINDOW);
  /* the latest of what it heard, in order */
  last_heard = g_list_model_get_item (history, WINDOW - 1);
  g_assert_cmpint (cs_message_get_kind (last_heard), ==, CS_MESSAGE_KIND_PERSONA);
  for (guint i = 1; i < WINDOW; i++)
    {
      g_autoptr(CsMessage) a = g_list_model_get_item (history, i - 1);
      g_autoptr(CsMessage) b = g_list_model_get_item (history, i);

      g_assert_cmpint (cs_message_get_position (a), <, cs_message_get_position (b));
    }
  {
    g_autoptr(CsMessage) student = g_list_model_get_item (history, WINDOW - 2);

    g_assert_cmpstr (cs_message_get_content (student), ==, latest);
  }
}

int
main (int argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/orchestrator/long-scene-window", test_long_scene);

  return g_test_run ();
}
