/* test-sync.c: push, pull, conflicts and live notifications between two local libraries
 * ("two machines") and the throwaway PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "cs-test-scenario.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;

/* The rows a scenario of sync_test_make_scenario() makes on the server. */
#define N_ROWS (1 + 2 + 3)

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static void
clear_server (void)
{
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
}

static const char *
id_of (gpointer record)
{
  return cs_record_get_id (CS_RECORD (record));
}

static void
test_push_then_pull (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Harlow Valves");
  g_autoptr(CsScenario) on_a = NULL;
  g_autoptr(CsScenario) on_b = NULL;
  g_autoptr(CsScenario) edited = NULL;
  g_autoptr(GError) error = NULL;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  g_assert_cmpint (cs_sync_get_status (a.sync), ==, CS_SYNC_STATUS_OFFLINE);
  g_assert_null (cs_sync_get_last_sync (a.sync));

  sync_test_save (&a, scenario);
  g_assert_cmpint (cs_sync_get_pending_changes (a.sync), ==, N_ROWS);

  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  g_assert_cmpint (cs_sync_get_pending_changes (a.sync), ==, 0);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, 0);
  g_assert_cmpint (cs_sync_get_status (a.sync), ==, CS_SYNC_STATUS_IDLE);
  g_assert_nonnull (cs_sync_get_last_sync (a.sync));
  g_assert_null (cs_sync_get_last_error (a.sync));
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, 2);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 3);
  g_assert_cmpint (sync_test_count (&server, "scene_personas"), ==, 6);

  /* Both pull (A gets the owner the server set); then both hold the same scenario. */
  g_assert_cmpuint (sync_test_pull (&a, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_count_outbox (b.store, NULL), ==, 0);
  on_a = sync_test_load (&a, id_of (scenario));
  on_b = sync_test_load (&b, id_of (scenario));
  g_assert_nonnull (cs_scenario_get_owner_id (on_b));
  cs_test_assert_scenarios_equal (on_a, on_b);
  g_assert_cmpstr (cs_scenario_get_title (on_b), ==, "Harlow Valves");
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (on_b)), ==, 3);

  /* Nothing new: a second pull applies nothing. */
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 0);
  g_assert_no_error (error);

  /* B edits and removes a scene; A gets both. */
  cs_scenario_set_title (on_b, "Harlow Valves, revised");
  {
    g_autoptr(CsScene) last = g_list_model_get_item (cs_scenario_get_scenes (on_b), 2);

    g_assert_true (cs_scenario_remove_scene (on_b, id_of (last)));
  }
  sync_test_save (&b, on_b);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 2);
  g_assert_cmpuint (sync_test_pull (&a, &error), ==, 1);
  g_assert_no_error (error);
  edited = sync_test_load (&a, id_of (scenario));
  g_clear_object (&on_b);
  on_b = sync_test_load (&b, id_of (scenario));
  cs_test_assert_scenarios_equal (edited, on_b);
  g_assert_cmpstr (cs_scenario_get_title (edited), ==, "Harlow Valves, revised");
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (edited)), ==, 2);

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* Copies the outbox rows of @store's file, to put them back after a push. */
static char *
dump_outbox (CsStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (cs_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_group_array (json_object ('entity', entity, "
                                       "'entity_id', entity_id, 'op', op, 'version', version, "
                                       "'payload', payload, 'created_at', created_at)) FROM outbox",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
restore_outbox (CsStore    *store,
                const char *dump)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (cs_store_get_path (store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 3000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO outbox (entity, entity_id, op, version, payload, created_at) "
                                       "SELECT e ->> 'entity', e ->> 'entity_id', e ->> 'op', e ->> 'version', "
                                       "       e ->> 'payload', e ->> 'created_at' "
                                       "  FROM (SELECT value AS e FROM json_each (?1))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, dump, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_push_twice (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Twice");
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_save (&a, scenario);
  dump = dump_outbox (a.store);

  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  before = sync_test_server_state (&server);
  g_assert_nonnull (before);

  /* As if the local delete after COMMIT had been lost: the same entries go again. */
  restore_outbox (a.store, dump);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  after = sync_test_server_state (&server);

  /* Not one row was written again: same versions, same change_seq. */
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "scene_personas"), ==, 6);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, 0);

  sync_test_machine_clear (&a);
}

typedef struct {
  char *scenario_id;
  char *copy_id;
  char *description;
  guint count;
} Conflict;

static void
conflict_cb (CsSync     *sync,
             const char *scenario_id,
             const char *copy_id,
             const char *description,
             Conflict   *conflict)
{
  conflict->count++;
  g_free (conflict->scenario_id);
  g_free (conflict->copy_id);
  g_free (conflict->description);
  conflict->scenario_id = g_strdup (scenario_id);
  conflict->copy_id = g_strdup (copy_id);
  conflict->description = g_strdup (description);
}

static void
test_conflict (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Shared case");
  g_autoptr(CsScenario) on_b = NULL;
  g_autoptr(CsScenario) on_a = NULL;
  g_autoptr(CsScenario) copy = NULL;
  g_autoptr(GError) error = NULL;
  Conflict conflict = { 0 };

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  g_signal_connect (a.sync, "conflict", G_CALLBACK (conflict_cb), &conflict);

  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);

  /* Both edit the same scenario; B is first to push. */
  on_b = sync_test_load (&b, id_of (scenario));
  cs_scenario_set_title (on_b, "Edited on B");
  sync_test_save (&b, on_b);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, 1);
  g_assert_no_error (error);

  cs_scenario_set_title (scenario, "Edited on A");
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, 0);
  g_assert_no_error (error);

  /* A was told; the server kept B's version, and A now shows it ... */
  g_assert_cmpuint (conflict.count, ==, 1);
  g_assert_cmpstr (conflict.scenario_id, ==, id_of (scenario));
  g_assert_nonnull (strstr (conflict.description, "Edited on A"));
  on_a = sync_test_load (&a, id_of (scenario));
  g_assert_cmpstr (cs_scenario_get_title (on_a), ==, "Edited on B");
  g_assert_cmpint (cs_store_count_conflicts (a.store, NULL), ==, 1);
  {
    g_autofree char *title = sync_test_value (server.super, "SELECT title FROM cs.scenarios WHERE id = $1",
                                              id_of (scenario), NULL);

    g_assert_cmpstr (title, ==, "Edited on B");
  }

  /* ... and keeps its own edit as a copy, which syncs like any scenario. */
  copy = sync_test_load (&a, conflict.copy_id);
  g_assert_cmpstr (cs_scenario_get_title (copy), ==, "Edited on A (your version)");
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (copy)), ==, 3);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 2);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 2);  /* the copy, and B's own edit back */
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = sync_test_load (&b, conflict.copy_id);
  g_assert_cmpstr (cs_scenario_get_title (copy), ==, "Edited on A (your version)");

  g_free (conflict.scenario_id);
  g_free (conflict.copy_id);
  g_free (conflict.description);
  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* B deletes a scene that A edits: A keeps its edit in a copy, and gets B's deletion. */
static void
test_conflict_with_deletion (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Deleted there");
  g_autoptr(CsScenario) on_b = NULL;
  g_autoptr(CsScenario) on_a = NULL;
  g_autoptr(CsScenario) copy = NULL;
  g_autoptr(CsScene) last = NULL;
  g_autoptr(GError) error = NULL;
  Conflict conflict = { 0 };

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  g_signal_connect (a.sync, "conflict", G_CALLBACK (conflict_cb), &conflict);

  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);

  on_b = sync_test_load (&b, id_of (scenario));
  last = g_list_model_get_item (cs_scenario_get_scenes (on_b), 2);
  g_assert_true (cs_scenario_remove_scene (on_b, id_of (last)));
  sync_test_save (&b, on_b);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, 2);  /* the scene deleted, the scenario bumped */
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 2);

  g_clear_object (&last);
  last = g_list_model_get_item (cs_scenario_get_scenes (scenario), 2);
  cs_scene_set_title (last, "The board, rewritten on A");
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (conflict.count, ==, 1);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 2);
  on_a = sync_test_load (&a, id_of (scenario));
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (on_a)), ==, 2);
  copy = sync_test_load (&a, conflict.copy_id);
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (copy)), ==, 3);
  {
    g_autoptr(CsScene) kept = g_list_model_get_item (cs_scenario_get_scenes (copy), 2);

    g_assert_cmpstr (cs_scene_get_title (kept), ==, "The board, rewritten on A");
  }

  g_free (conflict.scenario_id);
  g_free (conflict.copy_id);
  g_free (conflict.description);
  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

typedef struct {
  const char *id;
  gint64      heard_at;
} Heard;

static void
scenario_changed_cb (CsStore    *store,
                     const char *id,
                     Heard      *heard)
{
  if (g_strcmp0 (id, heard->id) == 0 && !heard->heard_at)
    heard->heard_at = g_get_monotonic_time ();
}

static void
test_notify_pulls (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Live");
  g_autoptr(GError) error = NULL;
  Heard heard = { 0 };
  gint64 pushed_at, deadline;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);

  /* B goes live: it catches up once it listens. */
  cs_sync_start_live (b.sync);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!cs_sync_get_last_sync (b.sync) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (cs_sync_get_last_sync (b.sync));
  while (cs_sync_get_status (b.sync) != CS_SYNC_STATUS_IDLE && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  heard.id = id_of (scenario);
  g_signal_connect (b.store, "scenario-changed", G_CALLBACK (scenario_changed_cb), &heard);

  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  pushed_at = g_get_monotonic_time ();

  deadline = pushed_at + 5 * G_USEC_PER_SEC;
  while (!heard.heard_at && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (heard.heard_at, >, 0);
  g_test_message ("B had the change %" G_GINT64_FORMAT " ms after A's push",
                  (heard.heard_at - pushed_at) / 1000);
  g_assert_cmpint (heard.heard_at - pushed_at, <, 2 * G_USEC_PER_SEC);
  {
    g_autoptr(CsScenario) on_b = sync_test_load (&b, id_of (scenario));

    g_assert_cmpstr (cs_scenario_get_title (on_b), ==, "Live");
  }

  g_signal_handlers_disconnect_by_data (b.store, &heard);
  cs_sync_stop_live (b.sync);
  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

static char *
listen_backend (void)
{
  return sync_test_value (server.super,
                          "SELECT pid::text FROM pg_stat_activity "
                          " WHERE datname = current_database () AND query = 'LISTEN cs_changes' "
                          " ORDER BY backend_start DESC LIMIT 1", NULL);
}

static void
wait_idle (SyncTestMachine *machine)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!cs_sync_get_last_sync (machine->sync) || cs_sync_get_status (machine->sync) != CS_SYNC_STATUS_IDLE) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (cs_sync_get_status (machine->sync), ==, CS_SYNC_STATUS_IDLE);
}

/* The LISTEN connection dies; the listener makes it again (after its backoff) and the
 * next change still reaches B. */
static void
test_listen_reconnects (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("After the break");
  g_autoptr(GError) error = NULL;
  g_autofree char *old_pid = NULL;
  g_autofree char *new_pid = NULL;
  Heard heard = { 0 };
  gint64 deadline, pushed_at;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  cs_sync_start_live (b.sync);
  wait_idle (&b);

  old_pid = listen_backend ();
  g_assert_nonnull (old_pid);
  sync_test_rows (server.super, "SELECT pg_terminate_backend ($1::integer)", old_pid, NULL);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&new_pid, g_free);
      new_pid = listen_backend ();
      if (new_pid && g_strcmp0 (new_pid, old_pid) != 0)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (new_pid);
  g_assert_cmpstr (new_pid, !=, old_pid);
  wait_idle (&b);

  heard.id = id_of (scenario);
  g_signal_connect (b.store, "scenario-changed", G_CALLBACK (scenario_changed_cb), &heard);
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  pushed_at = g_get_monotonic_time ();
  deadline = pushed_at + 5 * G_USEC_PER_SEC;
  while (!heard.heard_at && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (heard.heard_at, >, 0);
  g_assert_cmpint (heard.heard_at - pushed_at, <, 2 * G_USEC_PER_SEC);

  g_signal_handlers_disconnect_by_data (b.store, &heard);
  cs_sync_stop_live (b.sync);
  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* A run of a case (progress and messages waiting in the outbox, which push does not send
 * yet) is no local edit of the case: B still gets A's changes to it. */
static void
test_run_does_not_block_pull (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Played case");
  g_autoptr(CsScenario) on_a = NULL;
  g_autoptr(CsScenario) on_b = NULL;
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsMessage) message = cs_message_new (CS_MESSAGE_KIND_USER, "You", "Hello?");
  g_autoptr(GError) error = NULL;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);

  /* B plays the case. */
  cs_progress_set_scenario_id (progress, id_of (scenario));
  cs_message_set_progress_id (message, id_of (progress));
  g_assert_true (cs_store_save_run (b.store, progress, NULL, 0, &message, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_count_outbox (b.store, NULL), ==, 2);

  /* A edits it; B's pull applies the edit. */
  on_a = sync_test_load (&a, id_of (scenario));
  cs_scenario_set_title (on_a, "Played case, revised");
  sync_test_save (&a, on_a);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);
  on_b = sync_test_load (&b, id_of (scenario));
  g_assert_cmpstr (cs_scenario_get_title (on_b), ==, "Played case, revised");

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/sync/push-then-pull", test_push_then_pull);
  g_test_add_func ("/sync/push-twice", test_push_twice);
  g_test_add_func ("/sync/conflict", test_conflict);
  g_test_add_func ("/sync/conflict-with-deletion", test_conflict_with_deletion);
  g_test_add_func ("/sync/notify-pulls", test_notify_pulls);
  g_test_add_func ("/sync/listen-reconnects", test_listen_reconnects);
  g_test_add_func ("/sync/run-does-not-block-pull", test_run_does_not_block_pull);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
