/* cs-cli-ai.c: "case-studio-cli ai …", the language model the app's settings name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The provider, server address and model come from the app's settings (Preferences), each
 * overridden by --provider, --base-url and --model; the API key from the keyring.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-ai-secret.h"
#include "cs-cli-ai.h"
#include "cs-model.h"
#include "cs-provider-factory.h"
#include "cs-turn-context.h"

#define EXIT_USAGE 2

static char *opt_provider;
static char *opt_base_url;
static char *opt_model;
static int opt_scene;

const GOptionEntry *
cs_cli_ai_option_entries (void)
{
  static const GOptionEntry entries[] = {
    { "provider", 0, 0, G_OPTION_ARG_STRING, &opt_provider,
      N_("Language model for this run: “offline” or “openai” (default: as in Preferences)"),
      N_("NAME") },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &opt_base_url,
      N_("Address of the OpenAI-compatible server, e.g. http://localhost:11434/v1"), N_("URL") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &opt_model, N_("Model to ask on that server"),
      N_("NAME") },
    { "scene", 0, 0, G_OPTION_ARG_INT, &opt_scene,
      N_("Scene of “ai ask”, from 1 (default: the first the persona is in)"), N_("N") },
    { NULL }
  };

  return entries;
}

CsAiSettings *
cs_cli_ai_load_settings (GError **error)
{
  g_autoptr(CsAiSettings) settings = cs_ai_settings_new_default ();

  if (!cs_ai_settings_apply_overrides (settings, opt_provider, opt_base_url, opt_model, error))
    return NULL;
  if (cs_ai_settings_get_provider (settings) == CS_AI_PROVIDER_OPENAI &&
      *cs_ai_settings_get_base_url (settings) != '\0')
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *key = cs_ai_secret_lookup_sync (cs_ai_settings_get_base_url (settings),
                                                       NULL, &local);

      /* No keyring (a server, a container): go on without a key, as for a local server. */
      if (key == NULL)
        g_debug ("No API key from the keyring: %s", local->message);
      cs_ai_settings_set_api_key (settings, key);
    }
  return g_steal_pointer (&settings);
}

static int
ai_status (CsAiSettings *settings)
{
  CsAiProviderKind kind = cs_ai_settings_get_provider (settings);

  g_print ("provider: %s\n", cs_ai_provider_kind_to_string (kind));
  if (kind == CS_AI_PROVIDER_OPENAI)
    {
      g_print ("base-url: %s\n", cs_ai_settings_get_base_url (settings));
      g_print ("model: %s\n", *cs_ai_settings_get_model (settings) != '\0' ?
                                cs_ai_settings_get_model (settings) : _("(the server's default)"));
      g_print ("api-key: %s\n", *cs_ai_settings_get_api_key (settings) != '\0' ?
                                  _("set") : _("none"));
    }
  return EXIT_SUCCESS;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static int
ai_models (CsLlmProvider  *provider,
           GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) models = NULL;

  cs_llm_provider_list_models_async (provider, NULL, on_done, &result);
  models = cs_llm_provider_list_models_finish (provider, wait_for (&result), error);
  if (models == NULL)
    return EXIT_FAILURE;
  for (guint i = 0; models[i] != NULL; i++)
    g_print ("%s\n", models[i]);
  return EXIT_SUCCESS;
}

static CsPersona *
find_persona (CsScenario  *scenario,
              const char  *name,
              GError     **error)
{
  GListModel *personas = cs_scenario_get_personas (scenario);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *full = g_utf8_casefold (cs_persona_get_name (persona), -1);

      if (g_str_has_prefix (full, wanted))
        return g_steal_pointer (&persona);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("The case has no persona called “%s” (see “case-studio-cli show”)"), name);
  return NULL;
}

static CsScene *
find_scene (CsScenario  *scenario,
            CsPersona   *persona,
            GError     **error)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  guint n = g_list_model_get_n_items (scenes);

  if (opt_scene > 0)
    {
      if ((guint) opt_scene > n)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The case has %u scenes: give --scene from 1 to %u"), n, n);
          return NULL;
        }
      return g_list_model_get_item (scenes, opt_scene - 1);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      CsInvolvement involvement;

      if (cs_scene_get_involvement (scene, cs_record_get_id (CS_RECORD (persona)), &involvement) &&
          involvement != CS_INVOLVEMENT_MENTIONED)
        return g_steal_pointer (&scene);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s is in no scene of the case"), cs_persona_get_name (persona));
  return NULL;
}

static void
on_delta (CsLlmProvider *provider,
          const char    *delta,
          gpointer       user_data)
{
  g_print ("%s", delta);
}

/* One persona turn, as the simulation would play it, the reply streamed to the terminal. */
static int
ai_ask (CsStore        *store,
        CsLlmProvider  *provider,
        int             argc,
        char          **argv,
        GError        **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(CsPersona) persona = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  g_autoptr(GAsyncResult) async = NULL;
  g_autoptr(CsLlmResult) result = NULL;
  g_autofree char *message = NULL;

  if (argc < 4)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“ai ask” needs a case id, a persona and a message"));
      return EXIT_USAGE;
    }
  if (!(list = cs_store_list_scenarios (store, error)))
    return EXIT_FAILURE;
  for (guint i = 0; i < g_list_model_get_n_items (list) && scenario == NULL; i++)
    {
      g_autoptr(CsScenario) s = g_list_model_get_item (list, i);

      if (g_str_has_prefix (cs_record_get_id (CS_RECORD (s)), argv[1]) && strlen (argv[1]) >= 4)
        scenario = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (s)), error);
    }
  if (scenario == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                     _("No case with id “%s” in the library (see “case-studio-cli list”)"),
                     argv[1]);
      return EXIT_FAILURE;
    }
  if (!(persona = find_persona (scenario, argv[2], error)) ||
      !(scene = find_scene (scenario, persona, error)))
    return EXIT_USAGE;

  message = g_strjoinv (" ", argv + 3);
  context = cs_turn_context_new (scenario, scene, persona, message);
  request = cs_turn_context_new_persona_request (context);
  g_print ("%s: ", cs_persona_get_name (persona));
  cs_llm_provider_chat_async (provider, request, on_delta, NULL, NULL, on_done, &async);
  result = cs_llm_provider_chat_finish (provider, wait_for (&async), error);
  g_print ("\n");
  if (result == NULL)
    return EXIT_FAILURE;
  if (cs_llm_result_get_is_offline (result))
    g_print (_("(offline estimate, no language model)\n"));
  return EXIT_SUCCESS;
}

int
cmd_ai (CsStore  *store,
        int       argc,
        char    **argv,
        GError  **error)
{
  g_autoptr(CsAiSettings) settings = NULL;
  g_autoptr(CsLlmProvider) provider = NULL;

  if (argc < 2 || !g_strv_contains ((const char * const[]) { "status", "models", "ask", NULL },
                                    argv[1]))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“ai” needs one of: status, models, ask ID PERSONA MESSAGE"));
      return EXIT_USAGE;
    }
  if (!(settings = cs_cli_ai_load_settings (error)))
    return EXIT_USAGE;
  if (g_str_equal (argv[1], "status"))
    return ai_status (settings);

  if (!(provider = cs_provider_factory_create (settings, error)))
    return EXIT_FAILURE;
  if (g_str_equal (argv[1], "models"))
    return ai_models (provider, error);
  return ai_ask (store, provider, argc - 1, argv + 1, error);
}
