/* bench-sync.c: pushing 10,000 rows through CsSync against psql's \copy of the same rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scenario with 10,000 personas: 10,001 outbox entries pushed in one transaction as
 * idempotent upserts (with the conflict check), then the same persona rows are deleted
 * and loaded again with `psql -c "\copy cs.personas FROM …"` in the same run. Both fire
 * the server's change_seq and NOTIFY triggers. Prints both times and their ratio.
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

/* Marks when the lock pass and the write pass end (statement 1 is the push lock, then one
 * statement per kind of row to lock, one per kind to write). */
static gint64 marks[3];

static void
mark_hook (PGconn   *conn,
           guint     n_statements,
           gpointer  data)
{
  if (n_statements == 1)
    marks[0] = g_get_monotonic_time ();
  else if (n_statements == 1 + 2)
    marks[1] = g_get_monotonic_time ();
  else if (n_statements == 1 + 2 + 2)
    marks[2] = g_get_monotonic_time ();
}

int
main (int argc, char **argv)
{
  SyncTestServer server;
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *file = NULL;
  g_autofree char *copy_out = NULL;
  g_autofree char *copy_in = NULL;
  const char *id;
  gint64 start;
  double push_ms, copy_ms;
  guint sent;

  if (!sync_test_server_set_up (&server))
    {
      g_print ("bench-sync: PGHOST is not set, skipped\n");
      return 77;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);
  sync_test_machine_init (&a, &server, conninfo);

  scenario = cs_scenario_new (NULL);
  cs_scenario_set_title (scenario, "Ten thousand people");
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(CsPersona) persona = cs_persona_new (NULL);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      cs_persona_set_name (persona, name);
      cs_persona_set_background (persona, "A line of background text, about as long as a chat message.");
      cs_scenario_add_persona (scenario, persona);
    }
  sync_test_save (&a, scenario);
  id = cs_record_get_id (CS_RECORD (scenario));

  cs_sync_set_push_hook (a.sync, mark_hook, NULL);
  start = g_get_monotonic_time ();
  sent = sync_test_push (&a, &error);
  push_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, N_ROWS + 1);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, N_ROWS);

  file = g_build_filename (server.tmpdir, "personas.copy", NULL);
  copy_out = g_strdup_printf ("\\copy (SELECT * FROM cs.personas WHERE scenario_id = '%s') TO '%s'", id, file);
  copy_in = g_strdup_printf ("\\copy cs.personas FROM '%s'", file);
  run_psql (&server, copy_out);
  sync_test_rows (server.super, "DELETE FROM cs.personas WHERE scenario_id = $1", id, NULL);
  copy_ms = run_psql (&server, copy_in);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, N_ROWS);

  g_print ("push of %u rows: %.1f ms (%.0f rows/s)\n", N_ROWS + 1, push_ms, (N_ROWS + 1) / (push_ms / 1000.0));
  g_print ("  before the transaction: %.1f ms, locking rows: %.1f ms, writing rows: %.1f ms, "
           "commit and local bookkeeping: %.1f ms\n",
           (marks[0] - start) / 1000.0, (marks[1] - marks[0]) / 1000.0,
           (marks[2] - marks[1]) / 1000.0, (start + push_ms * 1000 - marks[2]) / 1000.0);
  g_print ("psql \\copy of %u rows: %.1f ms\n", N_ROWS, copy_ms);
  g_print ("ratio push / \\copy: %.2f\n", push_ms / copy_ms);

  g_unlink (file);
  sync_test_machine_clear (&a);
  sync_test_server_tear_down (&server);
  return 0;
}
