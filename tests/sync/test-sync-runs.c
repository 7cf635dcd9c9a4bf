/* test-sync-runs.c: runs sync both ways: a run played on one computer is pushed (progress,
 * scene progress, messages each once) and continues on another after a pull
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static CsMessage *
make_message (CsProgress *progress,
              CsScene    *scene,
              guint       position)
{
  g_autofree char *text = g_strdup_printf ("Message %u", position);
  CsMessage *message = cs_message_new (position % 2 ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                       position % 2 ? "Ana Ruiz" : "You", text);

  cs_message_set_progress_id (message, cs_record_get_id (CS_RECORD (progress)));
  cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
  cs_message_set_position (message, position);
  return message;
}

/* Saves one turn (two messages from @first) of @progress in @machine. */
static void
save_turn (SyncTestMachine *machine,
           CsProgress      *progress,
           CsSceneProgress *scene_progress,
           CsScene         *scene,
           guint            first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsMessage) a = make_message (progress, scene, first);
  g_autoptr(CsMessage) b = make_message (progress, scene, first + 1);
  CsMessage *messages[] = { a, b };

  cs_scene_progress_set_messages_sent (scene_progress, first / 2 + 1);
  cs_progress_set_total_attempts (progress, first / 2 + 1);
  g_assert_true (cs_store_save_run (machine->store, progress, &scene_progress, 1, messages, 2, &error));
  g_assert_no_error (error);
}

static int
count_where (const char *sql,
             const char *id)
{
  g_autofree char *value = sync_test_value (server.super, sql, id, NULL);

  return (int) g_ascii_strtoll (value, NULL, 10);
}

static void
test_run_on_two_machines (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Played on two computers");
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsProgress) on_b = NULL;
  g_autoptr(CsSceneProgress) scene_on_b = NULL;
  g_autoptr(GListModel) scenes_on_b = NULL;
  g_autofree char *state = NULL;
  const char *pid = cs_record_get_id (CS_RECORD (progress));
  const char *sid = cs_record_get_id (CS_RECORD (scenario));

  sync_test_rows (server.super, "DELETE FROM cs.user_progress", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);

  /* Machine A: the case and two turns of a run of it. */
  sync_test_save (&a, scenario);
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  cs_progress_set_scenario_id (progress, sid);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_current_scene_id (progress, cs_record_get_id (CS_RECORD (scene)));
  cs_progress_set_orchestrator_state (progress, "{\"scene_index\":0,\"turns\":2}");
  cs_scene_progress_set_progress_id (scene_progress, pid);
  cs_scene_progress_set_scene_id (scene_progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (scene_progress, CS_SCENE_STATUS_IN_PROGRESS);
  cs_scene_progress_set_criteria_results (scene_progress, "[{\"id\":\"c\",\"met\":false}]");
  save_turn (&a, progress, scene_progress, scene, 0);
  save_turn (&a, progress, scene_progress, scene, 2);
  g_assert_cmpint (cs_sync_get_pending_changes (a.sync), >, 0);

  g_assert_cmpuint (sync_test_push (&a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, 0);
  g_assert_cmpint (sync_test_count (&server, "user_progress"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "scene_progress"), ==, 1);
  g_assert_cmpint (count_where ("SELECT count (DISTINCT id) FROM cs.conversation_logs WHERE progress_id = $1", pid), ==, 4);
  g_assert_cmpint (count_where ("SELECT count (*) FROM cs.conversation_logs WHERE progress_id = $1", pid), ==, 4);
  /* The run is the signed-in person's, whatever the client said. */
  g_assert_cmpint (count_where ("SELECT count (*) FROM cs.user_progress p JOIN cs.users u ON u.id = p.user_id "
                                "WHERE p.id = $1 AND u.role_name LIKE 'syncer%'", pid), ==, 1);
  /* In the month partition of their time, not the default one. */
  g_assert_cmpint (sync_test_count (&server, "conversation_logs_default"), ==, 0);

  /* Machine B: pulls the case and the run, and finds it to continue. */
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);
  runs = cs_store_list_progress (b.store, NULL, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  on_b = g_list_model_get_item (runs, 0);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (on_b)), ==, pid);
  g_assert_cmpint (cs_progress_get_total_attempts (on_b), ==, 2);
  g_assert_cmpint (cs_progress_get_status (on_b), ==, CS_PROGRESS_STATUS_IN_PROGRESS);
  state = g_strdup (cs_progress_get_orchestrator_state (on_b));
  g_assert_nonnull (strstr (state, "\"turns\""));
  messages = cs_store_list_messages (b.store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 4);
  scenes_on_b = cs_store_list_scene_progress (b.store, pid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (scenes_on_b), ==, 1);
  scene_on_b = g_list_model_get_item (scenes_on_b, 0);
  g_assert_cmpint (cs_scene_progress_get_messages_sent (scene_on_b), ==, 2);
  /* Pulled rows are nothing to push back. */
  g_assert_cmpint (cs_store_count_outbox (b.store, NULL), ==, 0);

  /* B plays a third turn and pushes it; A pushes nothing twice. */
  save_turn (&b, on_b, scene_on_b, scene, 4);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_where ("SELECT count (*) FROM cs.conversation_logs WHERE progress_id = $1", pid), ==, 6);
  g_assert_cmpint (count_where ("SELECT count (DISTINCT id) FROM cs.conversation_logs WHERE progress_id = $1", pid), ==, 6);
  g_assert_cmpint (count_where ("SELECT total_attempts FROM cs.user_progress WHERE id = $1", pid), ==, 3);

  /* A gets B's turn back. */
  g_assert_cmpuint (sync_test_pull (&a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_clear_object (&messages);
  messages = cs_store_list_messages (a.store, pid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 6);

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* A new run of @scenario on @machine, at @attempt, with one turn. */
static CsProgress *
start_run (SyncTestMachine  *machine,
           CsScenario       *scenario,
           guint             attempt,
           CsSceneProgress **scene_progress)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  CsProgress *progress = cs_progress_new (NULL);

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_attempt (progress, attempt);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  *scene_progress = cs_scene_progress_new (NULL);
  cs_scene_progress_set_progress_id (*scene_progress, cs_record_get_id (CS_RECORD (progress)));
  cs_scene_progress_set_scene_id (*scene_progress, cs_record_get_id (CS_RECORD (scene)));
  save_turn (machine, progress, *scene_progress, scene, 0);
  return progress;
}

static guint
attempt_on (SyncTestMachine *machine,
            const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsProgress) progress = cs_store_load_progress (machine->store, id, &error);

  g_assert_no_error (error);
  return cs_progress_get_attempt (progress);
}

/* Both computers start attempt 1 of the case while offline: the run that reaches the server
 * second becomes attempt 2 there, and both computers end up with both runs, numbered as
 * the server has them; neither push fails. */
static void
test_same_attempt_on_two_machines (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Started twice");
  g_autoptr(CsProgress) on_a = NULL;
  g_autoptr(CsProgress) on_b = NULL;
  g_autoptr(CsSceneProgress) scene_a = NULL;
  g_autoptr(CsSceneProgress) scene_b = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  const char *sid = cs_record_get_id (CS_RECORD (scenario));
  g_autofree char *run_a = NULL;
  g_autofree char *run_b = NULL;

  sync_test_rows (server.super, "DELETE FROM cs.user_progress", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);

  on_a = start_run (&a, scenario, 1, &scene_a);
  on_b = start_run (&b, scenario, 1, &scene_b);
  run_a = g_strdup (cs_record_get_id (CS_RECORD (on_a)));
  run_b = g_strdup (cs_record_get_id (CS_RECORD (on_b)));

  g_assert_cmpuint (sync_test_push (&a, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpint (count_where ("SELECT attempt FROM cs.user_progress WHERE id = $1", run_a), ==, 1);
  g_assert_cmpint (count_where ("SELECT attempt FROM cs.user_progress WHERE id = $1", run_b), ==, 2);
  g_assert_cmpint (count_where ("SELECT count (*) FROM cs.conversation_logs WHERE progress_id = $1", run_b), ==, 2);

  /* B learns its run's number and gets A's run, though A's came first with the old number. */
  g_assert_cmpuint (sync_test_pull (&b, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt_on (&b, run_b), ==, 2);
  g_assert_cmpuint (attempt_on (&b, run_a), ==, 1);
  messages = cs_store_list_messages (b.store, run_a, &error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);
  g_assert_cmpuint (sync_test_pull (&a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  runs = cs_store_list_progress (a.store, NULL, sid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 2);
  g_assert_cmpuint (attempt_on (&a, run_b), ==, 2);

  /* B goes on playing its run: the server keeps its number. */
  g_clear_object (&on_b);
  on_b = cs_store_load_progress (b.store, run_b, &error);
  {
    g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);

    save_turn (&b, on_b, scene_b, scene, 2);
  }
  g_assert_cmpuint (sync_test_push (&b, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_assert_cmpint (count_where ("SELECT attempt FROM cs.user_progress WHERE id = $1", run_b), ==, 2);
  g_assert_cmpint (count_where ("SELECT count (*) FROM cs.conversation_logs WHERE progress_id = $1", run_b), ==, 4);
  g_assert_cmpint (cs_store_count_outbox (b.store, NULL), ==, 0);

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* A run of a case the server does not have waits in the outbox and blocks nothing. */
static void
test_run_of_local_case_waits (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) other = sync_test_make_scenario ("Pushed meanwhile");
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsMessage) message = NULL;

  sync_test_rows (server.super, "DELETE FROM cs.user_progress", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_save (&a, other);
  g_assert_cmpuint (sync_test_push (&a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);

  /* The case is gone from the server (as a case of the local library only would be). */
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  scene = g_list_model_get_item (cs_scenario_get_scenes (other), 0);
  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (other)));
  cs_scene_progress_set_progress_id (scene_progress, cs_record_get_id (CS_RECORD (progress)));
  cs_scene_progress_set_scene_id (scene_progress, cs_record_get_id (CS_RECORD (scene)));
  message = make_message (progress, scene, 0);
  g_assert_true (cs_store_save_run (a.store, progress, &scene_progress, 1, &message, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sync_test_push (&a, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, 3);
  g_assert_cmpint (sync_test_count (&server, "user_progress"), ==, 0);
  /* kept on purpose, so not shown as waiting for the server */
  g_assert_cmpint (cs_sync_get_kept_changes (a.sync), ==, 3);
  g_assert_cmpint (cs_sync_get_pending_changes (a.sync), ==, 0);

  sync_test_machine_clear (&a);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/runs/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/sync/runs/two-machines", test_run_on_two_machines);
  g_test_add_func ("/sync/runs/local-case-waits", test_run_of_local_case_waits);
  g_test_add_func ("/sync/runs/same-attempt-on-two-machines", test_same_attempt_on_two_machines);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
