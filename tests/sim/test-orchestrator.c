/* test-orchestrator.c: runs of the sample case with the offline engine: addressing, persona
 * isolation across scenes, goal judging, hints, forced progression, counters, saving and
 * resuming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cs-hint-trigger.h"
#include "cs-judge-schema.h"
#include "cs-mention.h"
#include "cs-model.h"
#include "cs-offline-provider.h"
#include "cs-orchestrator.h"
#include "cs-retriever.h"
#include "cs-store.h"

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
  return scenario;
}

static CsPersona *
persona_named (CsScenario *scenario,
               const char *first_name)
{
  GListModel *personas = cs_scenario_get_personas (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);

      if (g_str_has_prefix (cs_persona_get_name (persona), first_name))
        return persona;
    }
  g_error ("No persona %s in the sample", first_name);
  return NULL;
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       position)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), position);

  return scene;
}

static const char *
id_of (gpointer record)
{
  return cs_record_get_id (CS_RECORD (record));
}

typedef struct {
  char  *dir;
  char  *path;
} TempLibrary;

static void
temp_library_init (TempLibrary *lib)
{
  g_autoptr(GError) error = NULL;

  lib->dir = g_dir_make_tmp ("cs-sim-XXXXXX", &error);
  g_assert_no_error (error);
  lib->path = g_build_filename (lib->dir, "library.db", NULL);
}

static void
temp_library_clear (TempLibrary *lib)
{
  g_autoptr(GDir) dir = g_dir_open (lib->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (lib->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (lib->dir);
  g_free (lib->dir);
  g_free (lib->path);
}

static CsStore *
open_store (TempLibrary *lib,
            CsScenario  *scenario)
{
  g_autoptr(GError) error = NULL;
  CsStore *store = cs_store_open (lib->path, &error);

  g_assert_no_error (error);
  if (scenario != NULL)
    {
      cs_store_save_scenario (store, scenario, &error);
      g_assert_no_error (error);
    }
  return store;
}

static CsOrchestrator *
new_run (CsScenario *scenario,
         CsStore    *store)
{
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autoptr(GError) error = NULL;
  CsOrchestrator *run = cs_orchestrator_new (scenario, CS_LLM_PROVIDER (provider), store);

  cs_orchestrator_start (run, &error);
  g_assert_no_error (error);
  return run;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Plays one message; returns the number of messages it added. */
static guint
say_full (CsOrchestrator *run,
          const char     *text,
          GCancellable   *cancellable,
          GError        **error)
{
  GListModel *messages = cs_orchestrator_get_messages (run);
  guint before = g_list_model_get_n_items (messages);
  g_autoptr(GAsyncResult) result = NULL;

  cs_orchestrator_send_message_async (run, text, cancellable, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  cs_orchestrator_send_message_finish (run, result, error);
  g_assert_false (cs_orchestrator_get_busy (run));
  return g_list_model_get_n_items (messages) - before;
}

static guint
say (CsOrchestrator *run,
     const char     *text)
{
  g_autoptr(GError) error = NULL;
  guint added = say_full (run, text, NULL, &error);

  g_assert_no_error (error);
  return added;
}

static CsMessage *
message_at (CsOrchestrator *run,
            guint           position)
{
  g_autoptr(CsMessage) message =
    g_list_model_get_item (cs_orchestrator_get_messages (run), position);

  return message;
}

/* The personas (ids, in order) who answered among the last @added messages. */
static GPtrArray *
answered_by (CsOrchestrator *run,
             guint           added)
{
  GPtrArray *ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (cs_orchestrator_get_messages (run));

  for (guint i = n - added; i < n; i++)
    {
      CsMessage *message = message_at (run, i);

      if (cs_message_get_kind (message) == CS_MESSAGE_KIND_PERSONA)
        {
          g_assert_true (cs_message_get_is_complete (message));
          g_assert_cmpuint (strlen (cs_message_get_content (message)), >, 0);
          g_ptr_array_add (ids, (gpointer) cs_message_get_persona_id (message));
        }
    }
  return ids;
}

static guint
count_kind (CsOrchestrator *run,
            guint           added,
            CsMessageKind   kind,
            const char     *containing)
{
  guint n = g_list_model_get_n_items (cs_orchestrator_get_messages (run));
  guint count = 0;

  for (guint i = n - added; i < n; i++)
    {
      CsMessage *message = message_at (run, i);

      if (cs_message_get_kind (message) == kind &&
          (containing == NULL || strstr (cs_message_get_content (message), containing) != NULL))
        count++;
    }
  return count;
}

/* Student lines that cover the criteria of the sample's first scene, in the student's own
 * words, and lines that cover nothing. */
static const char *scene1_good[] = {
  "So the core decision is Kellerton's future, and the board wants it by the October 17 "
  "deadline?",
  "Which business drivers matter most: the lost Tri-County contract, the falling margin or "
  "the low utilization?",
  "What constraints and stakeholders must the recommendation respect: the owners, the "
  "employees, the union notice and our customers?",
  NULL
};

static const char *off_topic[] = {
  "Did you see the football match last night?",
  "Is the coffee machine on the second floor any good?",
  "Do you like the new paintings in the lobby?",
  "Have you been on holiday this year?",
  NULL
};

/* ---- start, help, begin ---------------------------------------------------------------- */

static void
test_start_help_begin (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  CsProgress *progress = cs_orchestrator_get_progress (run);
  CsMessage *intro = message_at (run, 0);
  guint added;

  g_assert_cmpuint (g_list_model_get_n_items (cs_orchestrator_get_messages (run)), ==, 1);
  g_assert_cmpint (cs_message_get_kind (intro), ==, CS_MESSAGE_KIND_SYSTEM);
  g_assert_nonnull (strstr (cs_message_get_content (intro), cs_scenario_get_title (scenario)));
  g_assert_cmpint (cs_progress_get_status (progress), ==, CS_PROGRESS_STATUS_IN_PROGRESS);
  g_assert_cmpint (cs_progress_get_attempt (progress), ==, 1);
  g_assert_null (cs_orchestrator_get_current_scene (run));

  /* help lists the personas of the first scene who can answer; it is not a turn. */
  added = say (run, "  HELP ");
  g_assert_cmpuint (added, ==, 1);
  g_assert_nonnull (strstr (cs_message_get_content (message_at (run, 1)), "@Margaret Okafor"));
  g_assert_null (strstr (cs_message_get_content (message_at (run, 1)), "@Sunita"));
  g_assert_null (cs_orchestrator_get_current_scene (run));

  added = say (run, "begin");
  g_assert_cmpuint (added, ==, 1);
  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 0));
  g_assert_nonnull (strstr (cs_message_get_content (message_at (run, 2)),
                            cs_scene_get_title (scene_at (scenario, 0))));
  g_assert_cmpint (cs_scene_progress_get_messages_sent (cs_orchestrator_get_scene_progress (run)),
                   ==, 0);
  g_assert_cmpint (cs_scene_progress_get_attempts (cs_orchestrator_get_scene_progress (run)),
                   ==, 0);
  g_assert_cmpint (cs_progress_get_total_attempts (progress), ==, 0);

  /* begin again changes nothing; an empty message is refused. */
  say (run, "begin");
  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 0));
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (say_full (run, "   ", NULL, &error), ==, 0);
    g_assert_error (error, CS_SIM_ERROR, CS_SIM_ERROR_EMPTY);
  }
}

/* ---- addressing ------------------------------------------------------------------------ */

static void
test_addressing (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *scene = scene_at (scenario, 0);
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  CsPersona *daniel = persona_named (scenario, "Daniel");
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint added;

  /* Sunita takes part in the first scene here; Daniel is not in it at all. A name with an
   * accent is addressed without one, and the other way round. */
  cs_scene_set_involvement (scene, id_of (sunita), CS_INVOLVEMENT_PARTICIPANT);
  cs_persona_set_name (sunita, "Sunita Raó");
  run = new_run (scenario, NULL);
  say (run, "begin");

  /* Unaddressed: the key persona. */
  added = say (run, "Good morning. Where do things stand with Kellerton?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (margaret));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* First name, any case, with or without accents. */
  added = say (run, "@SUNITA what do the numbers say?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (sunita));
  g_clear_pointer (&ids, g_ptr_array_unref);

  added = say (run, "@sunita rao, how large is the loss?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (sunita));
  g_clear_pointer (&ids, g_ptr_array_unref);

  added = say (run, "@Márgaret what does the board expect?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (margaret));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* The first mention wins. */
  added = say (run, "@Sunita Raó first, and then @Margaret: what is the timeline?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (sunita));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* @all: everyone in the scene, in the scene's order. */
  added = say (run, "@all what worries you most?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (margaret));
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, id_of (sunita));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* A persona who is not in the scene does not answer; nor does one only mentioned. */
  added = say (run, "@Daniel how is the plant doing?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM,
                                cs_persona_get_name (daniel)), ==, 1);
  g_clear_pointer (&ids, g_ptr_array_unref);

  cs_scene_set_involvement (scene, id_of (sunita), CS_INVOLVEMENT_MENTIONED);
  added = say (run, "@Sunita can you join us?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* An e-mail address is no mention, and an unknown name goes to the key persona. */
  added = say (run, "Write to ana@example.org and @nobody about it?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (margaret));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Each student message is a turn, each reply counted. */
  g_assert_cmpint (cs_scene_progress_get_messages_sent (cs_orchestrator_get_scene_progress (run)),
                   ==, 9);
  g_assert_cmpint (cs_scene_progress_get_ai_responses (cs_orchestrator_get_scene_progress (run)),
                   ==, 8);
}

/* A scene without a key persona: an unaddressed message goes to the first who takes part
 * (not to one only mentioned, who cannot answer); with nobody to answer, the student is
 * told so. */
static void
test_no_key_persona (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *scene = scene_at (scenario, 0);
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint added;

  /* Margaret, first in the scene, is only mentioned; Sunita takes part. */
  cs_scene_set_involvement (scene, id_of (margaret), CS_INVOLVEMENT_MENTIONED);
  cs_scene_set_involvement (scene, id_of (sunita), CS_INVOLVEMENT_PARTICIPANT);
  g_assert_cmpstr (cs_scene_get_key_persona_id (scene), ==, id_of (margaret));
  run = new_run (scenario, NULL);
  say (run, "begin");

  added = say (run, "Where do things stand with Kellerton?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id_of (sunita));
  g_clear_pointer (&ids, g_ptr_array_unref);

  cs_scene_set_involvement (scene, id_of (sunita), CS_INVOLVEMENT_MENTIONED);
  added = say (run, "Is anybody there?");
  ids = answered_by (run, added);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM, "Nobody in this scene"),
                    ==, 1);
}

/* ---- persona isolation ----------------------------------------------------------------- */

static void
assert_history_in_own_scenes (CsScenario    *scenario,
                              CsTurnContext *context,
                              CsPersona     *persona,
                              guint          expect_min)
{
  GListModel *history = cs_turn_context_get_history (context);
  guint n = g_list_model_get_n_items (history);

  g_assert_cmpuint (n, >=, expect_min);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (history, i);
      CsScene *scene = cs_scenario_find_scene (scenario, cs_message_get_scene_id (message));
      CsInvolvement involvement;

      g_assert_nonnull (scene);
      g_assert_true (cs_scene_get_involvement (scene, id_of (persona), &involvement));
      g_assert_cmpint (involvement, !=, CS_INVOLVEMENT_MENTIONED);
      g_assert_cmpint (cs_message_get_kind (message), !=, CS_MESSAGE_KIND_HINT);
    }
}

static guint
count_in_scene (CsTurnContext *context,
                CsScene       *scene)
{
  GListModel *history = cs_turn_context_get_history (context);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (history, i);

      if (g_strcmp0 (cs_message_get_scene_id (message), id_of (scene)) == 0)
        count++;
    }
  return count;
}

static void
test_isolation (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  CsPersona *daniel = persona_named (scenario, "Daniel");
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsTurnContext) context = NULL;

  /* Two turns per scene, then the scene ends. */
  for (guint i = 0; i < cs_scenario_get_n_scenes (scenario); i++)
    cs_scene_set_timeout_turns (scene_at (scenario, i), 2);
  run = new_run (scenario, NULL);

  say (run, "Tell me about the Kellerton plant and its people?");
  say (run, "What is the secret code word of this first meeting? It is pineapple.");
  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 1));

  /* Scene 2: Daniel (key) and Sunita (participant) were not in scene 1 (Sunita was only
   * mentioned): they know nothing of it. */
  context = cs_orchestrator_new_persona_context (run, daniel, "Hello?");
  assert_history_in_own_scenes (scenario, context, daniel, 0);
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 0)), ==, 0);
  g_clear_object (&context);
  context = cs_orchestrator_new_persona_context (run, sunita, "Hello?");
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 0)), ==, 0);
  g_clear_object (&context);

  say (run, "@Sunita how were the consolidation savings estimated?");
  say (run, "@Daniel what would moving the hygienic line to Ashby mean?");
  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 2));

  /* Scene 3: Margaret was in scene 1, not in scene 2 (Daniel is only mentioned here, so
   * he does not answer). Sunita heard scene 2, not scene 1. */
  context = cs_orchestrator_new_persona_context (run, margaret, "Hello?");
  assert_history_in_own_scenes (scenario, context, margaret, 4);
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 0)), ==, 4);
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 1)), ==, 0);
  g_clear_object (&context);
  context = cs_orchestrator_new_persona_context (run, sunita, "Hello?");
  assert_history_in_own_scenes (scenario, context, sunita, 4);
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 0)), ==, 0);
  g_assert_cmpuint (count_in_scene (context, scene_at (scenario, 1)), ==, 4);
  g_clear_object (&context);

  /* The request a persona gets holds no word of a scene it missed. */
  {
    g_autoptr(CsTurnContext) ctx = cs_orchestrator_new_persona_context (run, sunita, "Hello?");
    g_autoptr(CsLlmRequest) request = cs_turn_context_new_persona_request (ctx);
    g_autofree char *rendered = NULL;
    GString *all = g_string_new (NULL);

    for (guint i = 0; i < cs_llm_request_get_n_messages (request); i++)
      g_string_append (all, cs_llm_request_get_message_content (request, i));
    rendered = g_string_free (all, FALSE);
    g_assert_null (strstr (rendered, "pineapple"));
  }
  {
    g_autoptr(CsTurnContext) ctx = cs_orchestrator_new_persona_context (run, margaret, "Hi?");
    g_autoptr(CsLlmRequest) request = cs_turn_context_new_persona_request (ctx);
    g_autofree char *rendered = NULL;
    GString *all = g_string_new (NULL);

    for (guint i = 0; i < cs_llm_request_get_n_messages (request); i++)
      g_string_append (all, cs_llm_request_get_message_content (request, i));
    rendered = g_string_free (all, FALSE);
    g_assert_nonnull (strstr (rendered, "pineapple"));
  }
}

/* A persona's request: its profile and traits, the current scene and its own instructions
 * for that scene, never its instructions for another scene nor another persona's. */
static void
test_persona_prompt (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  CsScene *first = scene_at (scenario, 0), *third = scene_at (scenario, 2);
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsTurnContext) context = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  g_auto(GStrv) traits = cs_persona_dup_trait_names (margaret);
  const char * const *goals = cs_persona_get_primary_goals (margaret);
  const char *system;

  cs_scene_set_persona_instruction (first, id_of (margaret), "Mention the tangerine crate.");
  cs_scene_set_persona_instruction (third, id_of (margaret), "Mention the walnut desk.");
  cs_scene_set_persona_instruction (first, id_of (sunita), "Mention the copper kettle.");
  run = new_run (scenario, NULL);
  say (run, "begin");

  context = cs_orchestrator_new_persona_context (run, margaret, "What do you need from me?");
  request = cs_turn_context_new_persona_request (context);
  g_assert_cmpint (cs_llm_request_get_message_role (request, 0), ==, CS_LLM_ROLE_SYSTEM);
  system = cs_llm_request_get_message_content (request, 0);

  g_assert_nonnull (strstr (system, cs_persona_get_name (margaret)));
  g_assert_nonnull (strstr (system, cs_persona_get_role (margaret)));
  g_assert_nonnull (strstr (system, cs_persona_get_background (margaret)));
  g_assert_nonnull (strstr (system, cs_persona_get_correlation (margaret)));
  g_assert_true (goals != NULL && goals[0] != NULL);
  for (guint i = 0; goals[i] != NULL; i++)
    g_assert_nonnull (strstr (system, goals[i]));
  g_assert_true (traits != NULL && traits[0] != NULL);
  for (guint i = 0; traits[i] != NULL; i++)
    {
      g_autofree char *trait = g_strdup_printf ("%s %d", traits[i],
                                                cs_persona_get_trait (margaret, traits[i]));

      g_assert_nonnull (strstr (system, trait));
    }
  g_assert_nonnull (strstr (system, cs_scene_get_title (first)));
  g_assert_nonnull (strstr (system, cs_scene_get_user_goal (first)));
  g_assert_nonnull (strstr (system, "tangerine crate"));
  g_assert_null (strstr (system, "walnut desk"));
  g_assert_null (strstr (system, "copper kettle"));
  g_assert_null (strstr (system, cs_scene_get_title (third)));
  /* the student's message is the request's last */
  g_assert_cmpstr (cs_llm_request_get_message_content (request,
                                                       cs_llm_request_get_n_messages (request) - 1),
                   ==, "What do you need from me?");
}

/* The case text is indexed once per run: every persona's context gets the same retriever,
 * turn after turn, and the prompt still quotes the case. */
static void
test_retriever_once (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  g_autoptr(CsTurnContext) first = NULL;
  g_autoptr(CsTurnContext) later = NULL;
  g_autoptr(CsTurnContext) other = NULL;
  g_autoptr(CsLlmRequest) request = NULL;
  CsRetriever *retriever;
  GString *all = g_string_new (NULL);
  g_autofree char *rendered = NULL;

  say (run, "Tell me about the Kellerton plant?");
  first = cs_orchestrator_new_persona_context (run, margaret, "What about the Kellerton plant?");
  retriever = cs_turn_context_get_retriever (first);
  g_assert_nonnull (retriever);
  g_assert_cmpuint (cs_retriever_get_n_passages (retriever), >, 0);

  say (run, "And what is the margin?");
  later = cs_orchestrator_new_persona_context (run, margaret, "And the margin?");
  other = cs_orchestrator_new_persona_context (run, sunita, "And the margin?");
  g_assert_true (cs_turn_context_get_retriever (later) == retriever);
  g_assert_true (cs_turn_context_get_retriever (other) == retriever);

  request = cs_turn_context_new_persona_request (later);
  for (guint i = 0; i < cs_llm_request_get_n_messages (request); i++)
    g_string_append (all, cs_llm_request_get_message_content (request, i));
  rendered = g_string_free (all, FALSE);
  g_assert_nonnull (strstr (rendered, "From the case text"));
}

/* ---- goal judging --------------------------------------------------------------------- */

/* The weighted share of the criteria met according to a scene progress' results. */
static double
score_of_results (CsScene         *scene,
                  CsSceneProgress *progress,
                  GStrv            student_lines)
{
  g_autoptr(JsonNode) results = json_from_string (cs_scene_progress_get_criteria_results (progress),
                                                  NULL);
  JsonArray *array = json_node_get_array (results);
  double met = 0;

  g_assert_cmpuint (json_array_get_length (array), ==,
                    g_list_model_get_n_items (cs_scene_get_goal_criteria (scene)));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *evidence = json_object_get_string_member (entry, "evidence");

      if (!json_object_get_boolean_member (entry, "met"))
        continue;
      met += json_object_get_double_member (entry, "weight");
      /* Evidence is the student's own words. */
      {
        gboolean found = FALSE;

        for (guint j = 0; student_lines[j] != NULL && !found; j++)
          found = strstr (student_lines[j], evidence) != NULL;
        g_assert_true (found);
      }
    }
  return met / cs_scene_get_total_weight (scene);
}

static void
test_judge_passes (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0);
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  CsSceneProgress *progress = NULL;
  guint added = 0;

  say (run, "begin");
  progress = g_object_ref (cs_orchestrator_get_scene_progress (run));
  for (guint i = 0; scene1_good[i] != NULL; i++)
    {
      added = say (run, scene1_good[i]);
      if (cs_orchestrator_get_current_scene (run) != first)
        break;
      /* Not yet covered: still the first scene, with a score below the threshold. */
      g_assert_cmpfloat (cs_scene_progress_get_score (progress), <,
                         cs_scene_get_success_threshold (first));
    }

  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 1));
  g_assert_cmpint (cs_scene_progress_get_status (progress), ==, CS_SCENE_STATUS_PASSED);
  g_assert_true (cs_scene_progress_get_goal_achieved (progress));
  g_assert_false (cs_scene_progress_get_forced_progression (progress));
  g_assert_cmpfloat (cs_scene_progress_get_score (progress), >=,
                     cs_scene_get_success_threshold (first));
  g_assert_cmpfloat_with_epsilon (cs_scene_progress_get_score (progress),
                                  score_of_results (first, progress, (GStrv) scene1_good), 1e-9);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM,
                                cs_scene_get_title (first)), ==, 1);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM,
                                cs_scene_get_title (scene_at (scenario, 1))), ==, 1);
  g_assert_cmpstrv (cs_progress_get_scenes_completed (cs_orchestrator_get_progress (run)),
                    ((const char *[]) { id_of (first), NULL }));
  g_assert_cmpfloat_with_epsilon (cs_progress_get_completion_percentage (cs_orchestrator_get_progress (run)),
                                  100.0 / cs_scenario_get_n_scenes (scenario), 1e-9);
  g_object_unref (progress);
}

static void
test_judge_fails_off_topic (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0);
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  CsSceneProgress *progress;

  for (guint i = 0; off_topic[i] != NULL; i++)
    say (run, off_topic[i]);
  progress = cs_orchestrator_get_scene_progress (run);
  g_assert_true (cs_orchestrator_get_current_scene (run) == first);
  g_assert_cmpint (cs_scene_progress_get_status (progress), ==, CS_SCENE_STATUS_IN_PROGRESS);
  g_assert_cmpfloat (cs_scene_progress_get_score (progress), <,
                     cs_scene_get_success_threshold (first));
  g_assert_cmpint (cs_scene_progress_get_attempts (progress), ==, 4);
}

/* Quotes are checked against the student's messages, normalised; invented ones count for
 * nothing, and neither does a quote of a persona or one spread over two messages. */
static void
test_fabricated_quotes (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *scene = scene_at (scenario, 0);
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  g_autoptr(CsGoalCriterion) c0 = g_list_model_get_item (criteria, 0);
  g_autoptr(CsGoalCriterion) c1 = g_list_model_get_item (criteria, 1);
  g_autoptr(CsGoalCriterion) c2 = g_list_model_get_item (criteria, 2);
  const char *transcript = "What is the  Board deadline?\nAnd the Tri-County contract?";
  g_autofree char *json = g_strdup_printf (
    "{\"criteria\": ["
    "{\"id\": \"%s\", \"met\": true, \"confidence\": 0.9, \"evidence\": \"what is the board   DEADLINE\"},"
    "{\"id\": \"%s\", \"met\": true, \"confidence\": 0.9, \"evidence\": \"the falling margin is the driver\"},"
    "{\"id\": \"%s\", \"met\": true, \"confidence\": 0.9, \"evidence\": \"deadline? And the\"}"
    "], \"feedback\": \"\"}",
    cs_goal_criterion_get_id (c0), cs_goal_criterion_get_id (c1), cs_goal_criterion_get_id (c2));
  g_autoptr(JsonNode) answer = json_from_string (json, NULL);
  g_autoptr(GArray) verdicts = NULL;
  double score = cs_judge_score (answer, scene, transcript, &verdicts);

  g_assert_true (g_array_index (verdicts, CsJudgeVerdict, 0).met);
  g_assert_false (g_array_index (verdicts, CsJudgeVerdict, 1).met);
  g_assert_false (g_array_index (verdicts, CsJudgeVerdict, 2).met);
  g_assert_cmpfloat_with_epsilon (score, cs_goal_criterion_get_weight (c0) /
                                         cs_scene_get_total_weight (scene), 1e-9);
}

/* ---- hints and forced progression ------------------------------------------------------ */

static void
test_hints (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  CsProgress *progress = cs_orchestrator_get_progress (run);
  CsSceneProgress *scene_progress;
  guint added;

  /* One failed check: no hint; the second in a row: a hint. */
  added = say (run, off_topic[0]);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_HINT, NULL), ==, 0);
  added = say (run, off_topic[1]);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_HINT, NULL), ==, 1);
  /* The count starts again after a hint. */
  added = say (run, off_topic[2]);
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_HINT, NULL), ==, 0);
  scene_progress = cs_orchestrator_get_scene_progress (run);
  g_assert_cmpint (cs_scene_progress_get_hints_used (scene_progress), ==, 1);
  g_assert_cmpint (cs_progress_get_hints_used (progress), ==, 1);

  /* A hint trigger of the scene ("student asks Margaret for the answer") gives a hint at
   * once. */
  added = say (run, "Margaret, what should I do? Just tell me the answer?");
  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_HINT, NULL), ==, 1);
  g_assert_cmpint (cs_scene_progress_get_hints_used (scene_progress), ==, 2);
  g_assert_cmpint (cs_progress_get_hints_used (progress), ==, 2);
  g_assert_cmpint (cs_scene_progress_get_attempts (scene_progress), ==, 4);
  g_assert_cmpint (cs_progress_get_total_attempts (progress), ==, 4);
}

static void
test_forced_progression (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0);
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsSceneProgress) scene_progress = NULL;
  CsProgress *progress;
  guint added = 0;

  cs_scene_set_timeout_turns (first, 3);
  run = new_run (scenario, NULL);
  progress = cs_orchestrator_get_progress (run);
  say (run, "begin");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (cs_orchestrator_get_current_scene (run) == first);
      added = say (run, off_topic[i]);
      if (scene_progress == NULL)
        scene_progress = g_object_ref (cs_orchestrator_get_scene_progress (run));
      if (i < 2)
        g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM, "Time's up"), ==, 0);
    }

  g_assert_cmpuint (count_kind (run, added, CS_MESSAGE_KIND_SYSTEM, "Time's up"), ==, 1);
  g_assert_true (cs_orchestrator_get_current_scene (run) == scene_at (scenario, 1));
  g_assert_cmpint (cs_scene_progress_get_status (scene_progress), ==, CS_SCENE_STATUS_FORCED);
  g_assert_true (cs_scene_progress_get_forced_progression (scene_progress));
  g_assert_false (cs_scene_progress_get_goal_achieved (scene_progress));
  g_assert_cmpint (cs_scene_progress_get_attempts (scene_progress), ==, 3);
  g_assert_cmpint (cs_scene_progress_get_messages_sent (scene_progress), ==, 3);
  g_assert_cmpint (cs_scene_progress_get_ai_responses (scene_progress), ==, 3);
  g_assert_cmpint (cs_scene_progress_get_hints_used (scene_progress), ==, 1);
  g_assert_nonnull (cs_scene_progress_get_completed_at (scene_progress));
  g_assert_cmpint (cs_progress_get_forced_progressions (progress), ==, 1);
  g_assert_cmpint (cs_progress_get_total_attempts (progress), ==, 3);

  /* The whole run by forced progression: it completes, with the mean of the scene scores. */
  for (guint i = 1; i < cs_scenario_get_n_scenes (scenario); i++)
    cs_scene_set_timeout_turns (scene_at (scenario, i), 1);
  for (guint i = 1; i < cs_scenario_get_n_scenes (scenario); i++)
    say (run, off_topic[3]);
  g_assert_cmpint (cs_progress_get_status (progress), ==, CS_PROGRESS_STATUS_COMPLETED);
  g_assert_cmpint (cs_progress_get_forced_progressions (progress), ==,
                   cs_scenario_get_n_scenes (scenario));
  g_assert_cmpfloat_with_epsilon (cs_progress_get_completion_percentage (progress), 100, 1e-9);
  {
    GListModel *list = cs_orchestrator_get_scene_progresses (run);
    double total = 0;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, cs_scenario_get_n_scenes (scenario));
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(CsSceneProgress) item = g_list_model_get_item (list, i);

        total += cs_scene_progress_get_score (item);
      }
    g_assert_cmpfloat_with_epsilon (cs_progress_get_final_score (progress),
                                    total / g_list_model_get_n_items (list), 1e-9);
  }
  {
    g_autoptr(GError) error = NULL;

    say_full (run, "Anything else?", NULL, &error);
    g_assert_error (error, CS_SIM_ERROR, CS_SIM_ERROR_FINISHED);
  }
}

/* ---- saving and resuming --------------------------------------------------------------- */

typedef struct {
  CsStore *store;
  guint    stored_at_first_delta;
} DeltaCheck;

static void
on_delta (CsOrchestrator *run,
          CsMessage      *message,
          const char     *delta,
          DeltaCheck     *check)
{
  g_autoptr(GListModel) stored = NULL;

  g_assert_false (cs_message_get_is_complete (message));
  if (check->stored_at_first_delta > 0)
    return;
  stored = cs_store_list_messages (check->store, cs_message_get_progress_id (message), NULL);
  check->stored_at_first_delta = g_list_model_get_n_items (stored);
}

static void
assert_same_messages (GListModel *a,
                      GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(CsMessage) x = g_list_model_get_item (a, i);
      g_autoptr(CsMessage) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (id_of (x), ==, id_of (y));
      g_assert_cmpstr (cs_message_get_content (x), ==, cs_message_get_content (y));
      g_assert_cmpint (cs_message_get_kind (x), ==, cs_message_get_kind (y));
      g_assert_cmpstr (cs_message_get_persona_id (x), ==, cs_message_get_persona_id (y));
      g_assert_cmpstr (cs_message_get_scene_id (x), ==, cs_message_get_scene_id (y));
      g_assert_cmpint (cs_message_get_position (y), ==, (int) i);
    }
}

static void
test_persistence_resume (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  TempLibrary lib;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsOrchestrator) run = NULL;
  g_autoptr(CsOrchestrator) resumed = NULL;
  g_autoptr(CsOrchestrator) again = NULL;
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(CsProgress) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress_id = NULL;
  DeltaCheck check = { NULL, 0 };
  gint64 outbox_before, outbox_after;
  guint added;

  temp_library_init (&lib);
  store = open_store (&lib, scenario);
  check.store = store;
  outbox_before = cs_store_count_outbox (store, NULL);

  run = new_run (scenario, store);
  progress_id = g_strdup (id_of (cs_orchestrator_get_progress (run)));
  g_signal_connect (run, "delta", G_CALLBACK (on_delta), &check);
  say (run, scene1_good[0]);
  /* The student's message was saved before the reply began: intro, scene, message. */
  g_assert_cmpuint (check.stored_at_first_delta, ==, 3);

  stored = cs_store_list_messages (store, progress_id, &error);
  g_assert_no_error (error);
  assert_same_messages (cs_orchestrator_get_messages (run), stored);
  g_clear_object (&stored);
  outbox_after = cs_store_count_outbox (store, NULL);
  /* One entry per message, plus the run and its scene progress. */
  g_assert_cmpint (outbox_after - outbox_before, ==,
                   g_list_model_get_n_items (cs_orchestrator_get_messages (run)) + 2);

  loaded = cs_store_load_progress (store, progress_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_progress_get_total_attempts (loaded), ==, 1);
  g_assert_cmpstr (cs_progress_get_current_scene_id (loaded), ==, id_of (scene_at (scenario, 0)));
  g_clear_object (&loaded);

  /* Closed mid-scene and reopened: the same run, where it was, with one failed check in a
   * row remembered (the next failure brings the hint). */
  g_clear_object (&run);
  g_clear_object (&store);
  store = open_store (&lib, NULL);
  resumed = cs_orchestrator_new (scenario, CS_LLM_PROVIDER (provider), store);
  cs_orchestrator_resume (resumed, progress_id, &error);
  g_assert_no_error (error);
  stored = cs_store_list_messages (store, progress_id, &error);
  assert_same_messages (cs_orchestrator_get_messages (resumed), stored);
  g_clear_object (&stored);
  g_assert_true (cs_orchestrator_get_current_scene (resumed) == scene_at (scenario, 0));
  g_assert_cmpint (cs_progress_get_session_count (cs_orchestrator_get_progress (resumed)), ==, 2);
  g_assert_cmpint (cs_scene_progress_get_messages_sent (cs_orchestrator_get_scene_progress (resumed)),
                   ==, 1);
  added = say (resumed, off_topic[0]);
  g_assert_cmpuint (count_kind (resumed, added, CS_MESSAGE_KIND_HINT, NULL), ==, 1);
  stored = cs_store_list_messages (store, progress_id, &error);
  assert_same_messages (cs_orchestrator_get_messages (resumed), stored);
  g_clear_object (&stored);

  /* Finishing the scene is saved with its score. */
  for (guint i = 1; scene1_good[i] != NULL; i++)
    say (resumed, scene1_good[i]);
  g_assert_true (cs_orchestrator_get_current_scene (resumed) == scene_at (scenario, 1));
  stored = cs_store_list_scene_progress (store, progress_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 2);
  {
    g_autoptr(CsSceneProgress) first = g_list_model_get_item (stored, 0);

    g_assert_cmpstr (cs_scene_progress_get_scene_id (first), ==, id_of (scene_at (scenario, 0)));
    g_assert_cmpint (cs_scene_progress_get_status (first), ==, CS_SCENE_STATUS_PASSED);
    g_assert_cmpfloat (cs_scene_progress_get_score (first), >=,
                       cs_scene_get_success_threshold (scene_at (scenario, 0)));
    g_assert_cmpint (cs_scene_progress_get_hints_used (first), ==, 1);
    g_assert_nonnull (cs_scene_progress_get_criteria_results (first));
  }
  g_clear_object (&stored);

  /* Restarting makes a new attempt and keeps the old one. */
  again = new_run (scenario, store);
  g_assert_cmpint (cs_progress_get_attempt (cs_orchestrator_get_progress (again)), ==, 2);
  runs = cs_store_list_progress (store, NULL, id_of (scenario), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 2);
  stored = cs_store_list_messages (store, progress_id, &error);
  assert_same_messages (cs_orchestrator_get_messages (resumed), stored);

  g_clear_object (&again);
  g_clear_object (&resumed);
  g_clear_object (&store);
  temp_library_clear (&lib);
}

/* A stopped reply keeps what was said and skips judging. */
static void
test_cancel (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsOrchestrator) run = new_run (scenario, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CsSceneProgress *progress;

  g_signal_connect_swapped (run, "delta", G_CALLBACK (g_cancellable_cancel), cancellable);
  say_full (run, scene1_good[0], cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  progress = cs_orchestrator_get_scene_progress (run);
  g_assert_cmpint (cs_scene_progress_get_attempts (progress), ==, 0);
  g_assert_cmpint (cs_scene_progress_get_messages_sent (progress), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (cs_orchestrator_get_messages (run)); i++)
    g_assert_true (cs_message_get_is_complete (message_at (run, i)));

  /* The run goes on. */
  g_clear_error (&error);
  say (run, off_topic[0]);
  g_assert_cmpint (cs_scene_progress_get_attempts (progress), ==, 1);
}

/* ---- mentions and hint triggers -------------------------------------------------------- */

static void
test_mention_rules (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *daniel = persona_named (scenario, "Daniel");
  g_autoptr(CsPersona) other = cs_persona_new (NULL);
  gboolean all = TRUE;

  /* A second Margaret: her full name beats the first name of the first one. */
  cs_persona_set_name (other, "Margaret Élise Dubois");
  cs_scenario_add_persona (scenario, other);

  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "Hi @margaret, how are you?", &all);

    g_assert_true (found == margaret);
    g_assert_false (all);
  }
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "@MARGARET ELISE   DUBOIS hello", &all);

    g_assert_true (found == other);
  }
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "@Danielle? no, @daniel reyes", &all);

    g_assert_true (found == daniel);
  }
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "@all and @Daniel", &all);

    g_assert_null (found);
    g_assert_true (all);
  }
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "@Daniel and @all", &all);

    g_assert_true (found == daniel);
    g_assert_false (all);
  }
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, "mail daniel@example.org", &all);

    g_assert_null (found);
    g_assert_false (all);
  }
}

/* What the chat's completion inserts and offers: the first name unless it clashes, and
 * prefixes of any word of the name, accents and case aside. */
static void
test_mention_names (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *daniel = persona_named (scenario, "Daniel");
  g_autoptr(CsPersona) other = cs_persona_new (NULL);
  g_autofree char *before = cs_mention_dup_name (scenario, margaret);
  g_autofree char *dan = cs_mention_dup_name (scenario, daniel);
  g_autofree char *after = NULL;
  g_autofree char *other_name = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (before, ==, "Margaret");
  g_assert_cmpstr (dan, ==, "Daniel");

  cs_persona_set_name (other, "Márgaret Élise Dubois");
  cs_scenario_add_persona (scenario, other);
  after = cs_mention_dup_name (scenario, margaret);
  other_name = cs_mention_dup_name (scenario, other);
  g_assert_cmpstr (after, ==, cs_persona_get_name (margaret));
  g_assert_cmpstr (other_name, ==, "Márgaret Élise Dubois");

  /* what is inserted addresses that persona */
  text = g_strdup_printf ("@%s what do you think?", other_name);
  {
    g_autoptr(CsPersona) found = cs_mention_find (scenario, text, NULL);

    g_assert_true (found == other);
  }

  g_assert_true (cs_mention_matches_prefix (margaret, ""));
  g_assert_true (cs_mention_matches_prefix (margaret, "MAR"));
  g_assert_true (cs_mention_matches_prefix (other, "marg"));
  g_assert_true (cs_mention_matches_prefix (other, "eli"));
  g_assert_false (cs_mention_matches_prefix (margaret, "dan"));
  g_assert_false (cs_mention_matches_prefix (margaret, "arg"));
}

static void
test_hint_triggers (void)
{
  const char *asking[] = { "Good morning?", "So what should I do here?", NULL };
  const char *no_questions[] = { "Hello?", "I see.", "Right.", "OK then.", NULL };
  const char *with_question[] = { "I see.", "Right?", "OK then.", NULL };
  const char *four_plain[] = { "I see.", "Right.", "OK then.", "Fine.", NULL };
  const char *six_plain[] = { "I see.", "Right.", "OK then.", "Fine.", "Sure.", "Noted.", NULL };
  const char *words[] = { "I only blame the union for this.", NULL };

  g_assert_true (cs_hint_trigger_fires ("student asks Margaret for the answer", asking));
  g_assert_false (cs_hint_trigger_fires ("student asks Margaret for the answer", no_questions));
  g_assert_true (cs_hint_trigger_fires ("no question after three turns", no_questions));
  g_assert_false (cs_hint_trigger_fires ("no question after three turns", with_question));
  g_assert_false (cs_hint_trigger_fires ("no question after 5 turns", no_questions));
  /* It fires again only after another three turns without a question. */
  g_assert_false (cs_hint_trigger_fires ("no question after three turns", four_plain));
  g_assert_true (cs_hint_trigger_fires ("no question after three turns", six_plain));
  g_assert_true (cs_hint_trigger_fires ("student blames the union", words));
  g_assert_false (cs_hint_trigger_fires ("student blames the employees", words));
  g_assert_false (cs_hint_trigger_fires ("student blames the union", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/mention-rules", test_mention_rules);
  g_test_add_func ("/sim/mention-names", test_mention_names);
  g_test_add_func ("/sim/hint-triggers", test_hint_triggers);
  g_test_add_func ("/sim/start-help-begin", test_start_help_begin);
  g_test_add_func ("/sim/addressing", test_addressing);
  g_test_add_func ("/sim/no-key-persona", test_no_key_persona);
  g_test_add_func ("/sim/isolation", test_isolation);
  g_test_add_func ("/sim/persona-prompt", test_persona_prompt);
  g_test_add_func ("/sim/retriever-once", test_retriever_once);
  g_test_add_func ("/sim/judge-passes", test_judge_passes);
  g_test_add_func ("/sim/judge-fails-off-topic", test_judge_fails_off_topic);
  g_test_add_func ("/sim/fabricated-quotes", test_fabricated_quotes);
  g_test_add_func ("/sim/hints", test_hints);
  g_test_add_func ("/sim/forced-progression", test_forced_progression);
  g_test_add_func ("/sim/persistence-resume", test_persistence_resume);
  g_test_add_func ("/sim/cancel", test_cancel);

  return g_test_run ();
}
