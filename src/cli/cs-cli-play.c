/* cs-cli-play.c: "case-studio-cli play ID", a run in the terminal from a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line of standard input is one student message, played to the end of its turn; what
 * the turn added to the run is then printed in order, with the scene changes as events.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cs-cli-ai.h"
#include "cs-cli-play.h"
#include "cs-orchestrator.h"
#include "cs-provider-factory.h"
#include "cs-report-export.h"
#include "cs-run-report.h"

static gboolean opt_no_save;
static char *opt_report;
static char *opt_transcript;

const GOptionEntry *
cs_cli_play_option_entries (void)
{
  static const GOptionEntry entries[] = {
    { "no-save", 0, 0, G_OPTION_ARG_NONE, &opt_no_save,
      N_("Play without saving the run in the library (play)"), NULL },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &opt_report,
      N_("Write the run’s report to this PDF file at the end (play)"), N_("FILE.pdf") },
    { "transcript", 0, 0, G_OPTION_ARG_FILENAME, &opt_transcript,
      N_("Write the conversation to this Markdown file at the end (play)"), N_("FILE.md") },
    { NULL }
  };

  return entries;
}

typedef struct {
  CsOrchestrator *run;
  gboolean        json;
  guint           printed;       /* messages printed so far */
  char           *scene_id;      /* of the scene begun last */
  gboolean        scene_ended;   /* its end was printed */
  gboolean        finished;      /* run-finished was printed */
  CsMessage      *streaming;     /* the reply being printed as it streams (text only) */
} Player;

static void
emit (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *line = json_to_string (root, FALSE);

  g_print ("%s\n", line);
  fflush (stdout);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static CsSceneReport *
scene_report (CsRunReport *report,
              const char  *scene_id)
{
  GListModel *scenes = cs_run_report_get_scenes (report);

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);

      if (g_strcmp0 (cs_scene_report_get_scene_id (scene), scene_id) == 0)
        return g_steal_pointer (&scene);
    }
  return NULL;
}

static void
print_scene_started (Player     *player,
                     const char *scene_id)
{
  CsScenario *scenario = cs_orchestrator_get_scenario (player->run);
  CsScene *scene = cs_scenario_find_scene (scenario, scene_id);
  g_autoptr(JsonBuilder) builder = NULL;

  g_free (player->scene_id);
  player->scene_id = g_strdup (scene_id);
  player->scene_ended = FALSE;
  if (scene == NULL)
    return;
  if (!player->json)
    {
      g_print ("=== ");
      g_print (_("Scene %u of %u: %s"), cs_scene_get_position (scene) + 1,
               cs_scenario_get_n_scenes (scenario), cs_scene_get_title (scene));
      g_print (" ===\n\n");
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "scene-started");
  add_int (builder, "scene", cs_scene_get_position (scene) + 1);
  add_string (builder, "scene_id", scene_id);
  add_string (builder, "title", cs_scene_get_title (scene));
  add_string (builder, "goal", cs_scene_get_user_goal (scene));
  add_int (builder, "turn_limit", cs_scene_get_timeout_turns (scene));
  add_double (builder, "threshold", cs_scene_get_success_threshold (scene));
  json_builder_end_object (builder);
  emit (builder);
}

static void
print_scene_ended (Player *player)
{
  g_autoptr(CsRunReport) report = cs_run_report_new_for_orchestrator (player->run);
  g_autoptr(CsSceneReport) scene = scene_report (report, player->scene_id);
  g_autoptr(JsonBuilder) builder = NULL;
  CsSceneStatus status;

  player->scene_ended = TRUE;
  if (scene == NULL)
    return;
  status = cs_scene_report_get_status (scene);
  if (!player->json)
    {
      const char *outcome = status == CS_SCENE_STATUS_PASSED ? _("passed") :
                            status == CS_SCENE_STATUS_FORCED ? _("time’s up") : _("not finished");

      g_print ("--- ");
      g_print (_("Scene %u ended: score %.0f%% (pass mark %.0f%%), %s"),
               cs_scene_report_get_position (scene) + 1, cs_scene_report_get_score (scene) * 100,
               cs_scene_report_get_threshold (scene) * 100, outcome);
      g_print (" ---\n\n");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "scene-ended");
  add_int (builder, "scene", cs_scene_report_get_position (scene) + 1);
  add_string (builder, "title", cs_scene_report_get_title (scene));
  add_string (builder, "status", cs_enum_to_nick (CS_TYPE_SCENE_STATUS, status));
  add_double (builder, "score", cs_scene_report_get_score (scene));
  add_double (builder, "threshold", cs_scene_report_get_threshold (scene));
  add_bool (builder, "forced", cs_scene_report_get_forced (scene));
  add_int (builder, "turns", cs_scene_report_get_turns (scene));
  add_int (builder, "attempts", cs_scene_report_get_attempts (scene));
  add_int (builder, "hints_used", cs_scene_report_get_hints_used (scene));
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_scene_report_get_n_criteria (scene); i++)
    {
      const CsCriterionReport *criterion = cs_scene_report_get_criterion (scene, i);

      json_builder_begin_object (builder);
      add_string (builder, "text", criterion->text);
      add_double (builder, "weight", criterion->weight);
      add_bool (builder, "met", criterion->met);
      add_string (builder, "evidence", criterion->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emit (builder);
}

static void
print_run_finished (Player *player)
{
  g_autoptr(CsRunReport) report = cs_run_report_new_for_orchestrator (player->run);
  GListModel *scenes = cs_run_report_get_scenes (report);
  g_autoptr(JsonBuilder) builder = NULL;

  player->finished = TRUE;
  if (!player->json)
    {
      g_print ("=== ");
      g_print (_("Overall score: %.0f%% (%u of %u scenes passed)"),
               cs_run_report_get_overall_score (report) * 100,
               cs_run_report_get_passed_scenes (report), g_list_model_get_n_items (scenes));
      g_print (" ===\n");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "run-finished");
  add_double (builder, "score", cs_run_report_get_overall_score (report));
  json_builder_set_member_name (builder, "scene_scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);

      json_builder_add_double_value (builder, cs_scene_report_get_score (scene));
    }
  json_builder_end_array (builder);
  add_int (builder, "passed", cs_run_report_get_passed_scenes (report));
  add_int (builder, "forced", cs_run_report_get_forced_scenes (report));
  add_int (builder, "turns", cs_run_report_get_turns (report));
  add_int (builder, "hints_used", cs_run_report_get_hints_used (report));
  add_string (builder, "progress_id",
              cs_record_get_id (CS_RECORD (cs_orchestrator_get_progress (player->run))));
  json_builder_end_object (builder);
  emit (builder);
}

/* The score of the scene @scene_id so far: the latest judgement's, or -1 before the first. */
static double
scene_score (Player     *player,
             const char *scene_id)
{
  GListModel *list = cs_orchestrator_get_scene_progresses (player->run);

  for (guint i = g_list_model_get_n_items (list); scene_id != NULL && i > 0; i--)
    {
      g_autoptr(CsSceneProgress) progress = g_list_model_get_item (list, i - 1);

      if (g_strcmp0 (cs_scene_progress_get_scene_id (progress), scene_id) == 0)
        return cs_scene_progress_get_attempts (progress) > 0 ?
                 cs_scene_progress_get_score (progress) : -1;
    }
  return -1;
}

static void
print_message (Player    *player,
               CsMessage *message)
{
  CsScenario *scenario = cs_orchestrator_get_scenario (player->run);
  CsMessageKind kind = cs_message_get_kind (message);
  const char *scene_id = cs_message_get_scene_id (message);
  CsScene *scene = scene_id != NULL ? cs_scenario_find_scene (scenario, scene_id) : NULL;
  const char *persona_id = cs_message_get_persona_id (message);
  CsPersona *persona = persona_id != NULL ? cs_scenario_find_persona (scenario, persona_id) : NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  double score;
  static const char *roles[] = {
    [CS_MESSAGE_KIND_USER] = "student", [CS_MESSAGE_KIND_PERSONA] = "persona",
    [CS_MESSAGE_KIND_SYSTEM] = "narrator", [CS_MESSAGE_KIND_HINT] = "hint",
  };

  if (!player->json)
    {
      if (message == player->streaming)
        {
          /* already printed as it came */
          g_print ("\n\n");
          player->streaming = NULL;
          return;
        }
      if (persona != NULL && cs_persona_get_role (persona) != NULL)
        g_print ("%s (%s): %s\n\n", cs_message_get_sender_name (message),
                 cs_persona_get_role (persona), cs_message_get_content (message));
      else
        g_print ("%s: %s\n\n", cs_message_get_sender_name (message),
                 cs_message_get_content (message));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", kind == CS_MESSAGE_KIND_HINT ? "hint" :
                               kind == CS_MESSAGE_KIND_SYSTEM ? "system" : "message");
  add_string (builder, "speaker", cs_message_get_sender_name (message));
  add_string (builder, "role", roles[kind]);
  add_string (builder, "persona_id", persona_id);
  add_string (builder, "text", cs_message_get_content (message));
  json_builder_set_member_name (builder, "scene");
  if (scene != NULL)
    json_builder_add_int_value (builder, cs_scene_get_position (scene) + 1);
  else
    json_builder_add_null_value (builder);
  /* the scene's score once its turn is judged (null before the first judgement) */
  json_builder_set_member_name (builder, "score");
  if (scene != NULL && (score = scene_score (player, scene_id)) >= 0)
    json_builder_add_double_value (builder, score);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  emit (builder);
}

/* Prints what the run added since the last call. */
static void
print_new (Player *player)
{
  GListModel *messages = cs_orchestrator_get_messages (player->run);
  guint n = g_list_model_get_n_items (messages);
  gboolean complete = cs_progress_get_status (cs_orchestrator_get_progress (player->run)) ==
                      CS_PROGRESS_STATUS_COMPLETED;

  for (; player->printed < n; player->printed++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, player->printed);
      const char *scene_id = cs_message_get_scene_id (message);

      /* a reply still coming: printed when it is complete */
      if (!cs_message_get_is_complete (message))
        return;
      if (scene_id != NULL && g_strcmp0 (scene_id, player->scene_id) != 0)
        {
          if (player->scene_id != NULL && !player->scene_ended)
            print_scene_ended (player);
          print_scene_started (player, scene_id);
        }
      /* The last message of a complete run is its closing one: the last scene ends first. */
      if (complete && player->printed == n - 1 && player->scene_id != NULL &&
          !player->scene_ended)
        print_scene_ended (player);
      print_message (player, message);
    }
  if (complete && !player->finished)
    print_run_finished (player);
}

/* Text output shows a reply as it streams in. */
static void
on_delta (CsOrchestrator *run,
          CsMessage      *message,
          const char     *delta,
          Player         *player)
{
  if (player->json)
    return;
  if (message != player->streaming)
    {
      CsScenario *scenario = cs_orchestrator_get_scenario (run);
      const char *persona_id = cs_message_get_persona_id (message);
      CsPersona *persona = persona_id != NULL ? cs_scenario_find_persona (scenario, persona_id) : NULL;

      /* what came before it first (the student's message, a note) */
      print_new (player);
      if (player->streaming != NULL)
        g_print ("\n\n");
      player->streaming = message;
      if (persona != NULL && cs_persona_get_role (persona) != NULL)
        g_print ("%s (%s): ", cs_message_get_sender_name (message), cs_persona_get_role (persona));
      else
        g_print ("%s: ", cs_message_get_sender_name (message));
    }
  g_print ("%s", delta);
  fflush (stdout);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
play_line (Player      *player,
           const char  *line,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local = NULL;

  cs_orchestrator_send_message_async (player->run, line, NULL, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!cs_orchestrator_send_message_finish (player->run, result, &local) &&
      !g_error_matches (local, CS_SIM_ERROR, CS_SIM_ERROR_EMPTY))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static gboolean
export (Player      *player,
        const char  *what,
        const char  *path,
        GError     **error)
{
  g_autoptr(CsRunReport) report = cs_run_report_new_for_orchestrator (player->run);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_str_equal (what, "report"))
    bytes = cs_report_export_pdf (report, error);
  else
    {
      char *markdown = cs_report_export_markdown (report);

      bytes = g_bytes_new_take (markdown, strlen (markdown));
    }
  if (bytes == NULL || !cs_report_export_save (bytes, file, NULL, error))
    return FALSE;

  if (player->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "type", "exported");
      add_string (builder, "what", what);
      add_string (builder, "file", name);
      json_builder_end_object (builder);
      emit (builder);
    }
  else if (g_str_equal (what, "report"))
    g_print (_("Report written to %s\n"), name);
  else
    g_print (_("Transcript written to %s\n"), name);
  return TRUE;
}

int
cs_cli_play (CsStore     *store,
             CsScenario  *scenario,
             gboolean     json,
             GError     **error)
{
  g_autoptr(CsAiSettings) settings = NULL;
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(CsOrchestrator) run = NULL;
  Player player = { NULL, json, 0, NULL, FALSE, FALSE, NULL };
  g_autofree char *line = NULL;
  size_t size = 0;
  int status = EXIT_SUCCESS;

  if (!(settings = cs_cli_ai_load_settings (error)) ||
      !(provider = cs_provider_factory_create (settings, error)))
    return EXIT_FAILURE;
  run = cs_orchestrator_new (scenario, provider, opt_no_save ? NULL : store);
  if (!cs_orchestrator_start (run, error))
    return EXIT_FAILURE;
  player.run = run;
  g_signal_connect (run, "delta", G_CALLBACK (on_delta), &player);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      CsProgress *progress = cs_orchestrator_get_progress (run);

      json_builder_begin_object (builder);
      add_string (builder, "type", "run-started");
      add_string (builder, "title", cs_scenario_get_title (scenario));
      add_int (builder, "attempt", cs_progress_get_attempt (progress));
      add_string (builder, "progress_id", cs_record_get_id (CS_RECORD (progress)));
      add_bool (builder, "saved", !opt_no_save);
      json_builder_end_object (builder);
      emit (builder);
    }
  print_new (&player);

  while (!player.finished && getline (&line, &size, stdin) >= 0)
    {
      g_strstrip (line);
      if (*line == '\0')
        continue;
      if (!play_line (&player, line, error))
        {
          print_new (&player);
          status = EXIT_FAILURE;
          break;
        }
      print_new (&player);
    }

  if (status == EXIT_SUCCESS &&
      ((opt_report != NULL && !export (&player, "report", opt_report, error)) ||
       (opt_transcript != NULL && !export (&player, "transcript", opt_transcript, error))))
    status = EXIT_FAILURE;

  g_free (player.scene_id);
  g_clear_pointer (&opt_report, g_free);
  g_clear_pointer (&opt_transcript, g_free);
  return status;
}
