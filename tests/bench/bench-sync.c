/* bench-sync.c: pushing 10,000 rows through CsSync against psql's \copy of the same rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. One scenario with 10,000 personas: 10,001 outbox entries pushed in one transaction as
 *    idempotent upserts (with the conflict check), then the same persona rows are deleted
 *    and loaded again with `psql -c "\copy cs.personas FROM …"` in the same run; best of
 *    three rounds, each with a scenario of its own.
 * 2. One run with 10,000 messages (plus its progress and scene progress): pushed as
 *    append-only inserts into the month partition, then the same message rows deleted and
 *    loaded again with \copy.
 * Both fire the server's change_seq and NOTIFY triggers. Prints the times and ratios.
 * Needs the test server of build-aux/check (PGHOST etc.).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sync-test-machine.h"

#define N_ROWS 10000

static double
run_psql (SyncTestServer *server,
          const char     *command)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server->dbname, "-c", command, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Marks when the lock pass and the write pass end (one statement per kind of row to lock,
 * then one per kind to write). */
static gint64 marks[2];

static void
mark_hook (PGconn   *conn,
           guint     n_statements,
           gpointer  data)
{
  if (n_statements == 2)
    marks[0] = g_get_monotonic_time ();
  else if (n_statements == 2 + 2)
    marks[1] = g_get_monotonic_time ();
}

/* When each statement of the message push ended. */
static gint64 stamps[32];
static guint n_stamps;

static void
stamp_hook (PGconn   *conn,
            guint     n_statements,
            gpointer  data)
{
  if (n_stamps < G_N_ELEMENTS (stamps))
    stamps[n_stamps++] = g_get_monotonic_time ();
}

/* One round: a new run of @played with 10,000 messages pushed, then the same message rows
 * deleted and loaded again with \\copy. */
static void
messages_round (SyncTestServer  *server,
                SyncTestMachine *a,
                CsScenario      *played,
                guint            attempt,
                double          *push_ms,
                double          *copy_ms)
{
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (played), 0);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (server->tmpdir, "messages.copy", NULL);
  g_autofree char *copy_out = NULL;
  g_autofree char *copy_in = NULL;
  const char *pid = cs_record_get_id (CS_RECORD (progress));
  const char *columns = "id, progress_id, scene_id, kind, sender_name, persona_id, content, position, "
                        "attempt_number, model, processing_time, is_complete, created_at, updated_at, version";
  gint64 start;
  guint sent;

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (played)));
  cs_progress_set_attempt (progress, attempt);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_current_scene_id (progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_progress_id (scene_progress, pid);
  cs_scene_progress_set_scene_id (scene_progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (scene_progress, CS_SCENE_STATUS_IN_PROGRESS);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Message %u: a line about as long as a chat turn "
                                               "usually is, with a question at the end?", i);
      CsMessage *message = cs_message_new (i % 2 ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                           i % 2 ? "Ana Ruiz" : "You", text);

      cs_message_set_progress_id (message, pid);
      cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
      cs_message_set_position (message, i);
      g_ptr_array_add (messages, message);
    }
  g_assert_true (cs_store_save_run (a->store, progress, &scene_progress, 1,
                                    (CsMessage **) messages->pdata, messages->len, &error));
  g_assert_no_error (error);

  n_stamps = 0;
  cs_sync_set_push_hook (a->sync, stamp_hook, NULL);
  start = g_get_monotonic_time ();
  sent = sync_test_push (a, &error);
  *push_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, N_ROWS + 2);
  g_print ("  message push: %.1f ms; ms to each statement's end:", *push_ms);
  for (guint i = 0; i < n_stamps; i++)
    g_print (" %.1f", (stamps[i] - (i ? stamps[i - 1] : start)) / 1000.0);
  g_print ("; then %.1f to the end\n", (start + *push_ms * 1000 - stamps[n_stamps - 1]) / 1000.0);
  g_assert_cmpint (sync_test_rows (server->super, "SELECT FROM cs.conversation_logs WHERE progress_id = $1",
                                   pid, NULL), ==, N_ROWS);

  copy_out = g_strdup_printf ("\\copy (SELECT %s FROM cs.conversation_logs WHERE progress_id = '%s') TO '%s'",
                              columns, pid, file);
  copy_in = g_strdup_printf ("\\copy cs.conversation_logs (%s) FROM '%s'", columns, file);
  run_psql (server, copy_out);
  sync_test_rows (server->super, "DELETE FROM cs.conversation_logs WHERE progress_id = $1", pid, NULL);
  *copy_ms = run_psql (server, copy_in);
  g_print ("  \\copy: %.1f ms\n", *copy_ms);
  g_assert_cmpint (sync_test_rows (server->super, "SELECT FROM cs.conversation_logs WHERE progress_id = $1",
                                   pid, NULL), ==, N_ROWS);
  g_unlink (file);
}

/* Three rounds; the fastest of each side, which is least disturbed by whatever else the
 * machine does. */
static void
bench_messages (SyncTestServer  *server,
                SyncTestMachine *a)
{
  g_autoptr(CsScenario) played = sync_test_make_scenario ("Played ten thousand times");
  g_autoptr(GError) error = NULL;
  double best_push = G_MAXDOUBLE, best_copy = G_MAXDOUBLE;

  sync_test_save (a, played);
  g_assert_cmpuint (sync_test_push (a, &error), !=, G_MAXUINT);
  g_assert_no_error (error);

  for (guint round = 0; round < 3; round++)
    {
      double push_ms, copy_ms;

      messages_round (server, a, played, round + 1, &push_ms, &copy_ms);
      best_push = MIN (best_push, push_ms);
      best_copy = MIN (best_copy, copy_ms);
    }
  g_print ("push of a run with %u messages: %.1f ms (%.0f rows/s), best of 3\n", N_ROWS, best_push,
           (N_ROWS + 2) / (best_push / 1000.0));
  g_print ("psql \\copy of %u messages: %.1f ms, best of 3\n", N_ROWS, best_copy);
  g_print ("ratio push / \\copy (messages): %.2f\n", best_push / best_copy);
}

/* One round: a new scenario with 10,000 personas pushed, then the same persona rows deleted
 * and loaded again with \\copy. */
static void
personas_round (SyncTestServer  *server,
                SyncTestMachine *a,
                guint            round,
                double          *push_ms,
                double          *copy_ms)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Ten thousand people, round %u", round);
  g_autofree char *file = g_build_filename (server->tmpdir, "personas.copy", NULL);
  g_autofree char *copy_out = NULL;
  g_autofree char *copy_in = NULL;
  const char *id;
  gint64 start;
  guint sent;

  cs_scenario_set_title (scenario, title);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(CsPersona) persona = cs_persona_new (NULL);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      cs_persona_set_name (persona, name);
      cs_persona_set_background (persona, "A line of background text, about as long as a chat message.");
      cs_scenario_add_persona (scenario, persona);
    }
  sync_test_save (a, scenario);
  id = cs_record_get_id (CS_RECORD (scenario));

  cs_sync_set_push_hook (a->sync, mark_hook, NULL);
  start = g_get_monotonic_time ();
  sent = sync_test_push (a, &error);
  *push_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, N_ROWS + 1);
  g_assert_cmpint (sync_test_rows (server->super, "SELECT FROM cs.personas WHERE scenario_id = $1", id, NULL),
                   ==, N_ROWS);

  copy_out = g_strdup_printf ("\\copy (SELECT * FROM cs.personas WHERE scenario_id = '%s') TO '%s'", id, file);
  copy_in = g_strdup_printf ("\\copy cs.personas FROM '%s'", file);
  run_psql (server, copy_out);
  sync_test_rows (server->super, "DELETE FROM cs.personas WHERE scenario_id = $1", id, NULL);
  *copy_ms = run_psql (server, copy_in);
  g_assert_cmpint (sync_test_rows (server->super, "SELECT FROM cs.personas WHERE scenario_id = $1", id, NULL),
                   ==, N_ROWS);

  g_print ("  persona push: %.1f ms: reading the outbox and locking rows %.1f ms, writing rows %.1f ms, "
           "commit and local bookkeeping %.1f ms; \\copy: %.1f ms\n",
           *push_ms, (marks[0] - start) / 1000.0, (marks[1] - marks[0]) / 1000.0,
           (start + *push_ms * 1000 - marks[1]) / 1000.0, *copy_ms);
  g_unlink (file);
}

int
main (int argc, char **argv)
{
  SyncTestServer server;
  SyncTestMachine a = { 0 };
  g_autofree char *conninfo = NULL;
  double best_push = G_MAXDOUBLE, best_copy = G_MAXDOUBLE;

  if (!sync_test_server_set_up (&server))
    {
      g_print ("bench-sync: PGHOST is not set, skipped\n");
      return 77;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);
  sync_test_machine_init (&a, &server, conninfo);

  /* Three rounds, the fastest of each side (as for the messages below). */
  for (guint round = 0; round < 3; round++)
    {
      double push_ms, copy_ms;

      personas_round (&server, &a, round + 1, &push_ms, &copy_ms);
      best_push = MIN (best_push, push_ms);
      best_copy = MIN (best_copy, copy_ms);
    }
  g_print ("push of %u rows: %.1f ms (%.0f rows/s), best of 3\n", N_ROWS + 1, best_push,
           (N_ROWS + 1) / (best_push / 1000.0));
  g_print ("psql \\copy of %u rows: %.1f ms, best of 3\n", N_ROWS, best_copy);
  g_print ("ratio push / \\copy: %.2f\n", best_push / best_copy);

  bench_messages (&server, &a);
  sync_test_machine_clear (&a);
  sync_test_server_tear_down (&server);
  return 0;
}
