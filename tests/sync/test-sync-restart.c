/* test-sync-restart.c: the server stops and starts again while the app syncs live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a private cluster (the shared test server keeps serving the other programs): a change
 * made while the server is down waits in the outbox, the library stays usable, the sync says
 * what went wrong; once the server is back the retry sends every change once and the
 * listener hears the server again.
 */

#include "config.h"

#include <gio/gio.h>

#include "sync-test-cluster.h"
#include "sync-test-machine.h"

static SyncTestCluster cluster;
static SyncTestServer server;
static char *conninfo;

#define N_ROWS (1 + 2 + 3)

static void
skip (void)
{
  g_test_skip ("no PostgreSQL server programs to start a private cluster with");
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

typedef gboolean (*Done) (SyncTestMachine *machine);

static gboolean
wait_until (SyncTestMachine *machine,
            Done             done,
            guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (machine) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return done (machine);
}

static gboolean
is_idle (SyncTestMachine *machine)
{
  return cs_sync_get_last_sync (machine->sync) && cs_sync_get_status (machine->sync) == CS_SYNC_STATUS_IDLE;
}

static gboolean
has_failed (SyncTestMachine *machine)
{
  return cs_sync_get_status (machine->sync) == CS_SYNC_STATUS_ERROR;
}

static gboolean
outbox_empty (SyncTestMachine *machine)
{
  return cs_store_count_outbox (machine->store, NULL) == 0 && is_idle (machine);
}

static void
test_restart (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Through the restart");
  g_autoptr(CsScenario) later = sync_test_make_scenario ("Heard after the restart");
  g_autoptr(CsScenario) kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = cs_record_get_id (CS_RECORD (scenario));
  Heard heard = { cs_record_get_id (CS_RECORD (later)), 0 };
  gint64 pushed_at, deadline;

  sync_test_machine_init (&a, &server, conninfo);
  cs_sync_start_live (a.sync);
  g_assert_true (wait_until (&a, is_idle, 10));

  sync_test_cluster_stop (&cluster);

  /* Edited while the server is down: kept here, the sync says why it cannot send it. */
  sync_test_save (&a, scenario);
  g_assert_true (wait_until (&a, has_failed, 10));
  g_test_message ("%s", cs_sync_get_last_error (a.sync));
  g_assert_nonnull (strstr (cs_sync_get_last_error (a.sync), "kept"));
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);
  kept = sync_test_load (&a, id);
  g_assert_cmpstr (cs_scenario_get_title (kept), ==, "Through the restart");

  sync_test_cluster_start (&cluster);
  PQreset (server.super);
  g_assert_cmpint (PQstatus (server.super), ==, CONNECTION_OK);

  /* The backoff retry sends it all, once. */
  g_assert_true (wait_until (&a, outbox_empty, 40));
  g_assert_null (cs_sync_get_last_error (a.sync));
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, 2);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 3);
  g_assert_cmpint (sync_test_count (&server, "scene_personas"), ==, 6);

  /* The listener is back: another machine's change reaches A without a poll. */
  g_signal_connect (a.store, "scenario-changed", G_CALLBACK (scenario_changed_cb), &heard);
  sync_test_machine_init (&b, &server, conninfo);
  /* The listener may still be waiting out its own backoff: give it the first retries. */
  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  while (sync_test_rows (server.super, "SELECT FROM pg_stat_activity WHERE query LIKE 'LISTEN%'", NULL) == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (20000);
  sync_test_save (&b, later);
  g_assert_cmpuint (sync_test_push (&b, &error), ==, N_ROWS);
  g_assert_no_error (error);
  pushed_at = g_get_monotonic_time ();
  deadline = pushed_at + 5 * G_USEC_PER_SEC;
  while (!heard.heard_at && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (heard.heard_at, >, 0);
  g_assert_cmpint (heard.heard_at - pushed_at, <, 2 * G_USEC_PER_SEC);

  g_signal_handlers_disconnect_by_data (a.store, &heard);
  cs_sync_stop_live (a.sync);
  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_cluster_init (&cluster, NULL))
    {
      g_test_add_func ("/sync/restart/skipped", skip);
      return g_test_run ();
    }
  sync_test_cluster_use (&cluster);
  g_assert_true (sync_test_server_set_up (&server));
  conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/sync/restart/live", test_restart);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  sync_test_cluster_clear (&cluster);
  return status;
}
