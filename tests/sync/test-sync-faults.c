/* test-sync-faults.c: a connection killed mid-push, a statement timeout, a bad password
 * and a bad address; nothing is lost and nothing is applied twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;

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

static void
assert_pushed_once (SyncTestMachine *machine,
                    CsScenario      *scenario)
{
  g_autofree char *version = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, cs_record_get_version (CS_RECORD (scenario)));

  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, 2);
  g_assert_cmpint (sync_test_count (&server, "scenes"), ==, 3);
  g_assert_cmpint (sync_test_count (&server, "scene_personas"), ==, 6);
  version = sync_test_value (server.super, "SELECT version FROM cs.scenarios WHERE id = $1",
                             cs_record_get_id (CS_RECORD (scenario)), NULL);
  g_assert_cmpstr (version, ==, expected);
  g_assert_cmpint (cs_store_count_outbox (machine->store, NULL), ==, 0);
}

/* Kills the push connection from the superuser's after statement @data of the push. */
typedef struct {
  guint    at;
  gboolean killed;
} Kill;

static void
kill_hook (PGconn   *conn,
           guint     n_statements,
           gpointer  data)
{
  Kill *kill = data;
  g_autofree char *pid = NULL;
  gint64 deadline;

  if (kill->killed || n_statements != kill->at)
    return;
  kill->killed = TRUE;
  pid = g_strdup_printf ("%d", PQbackendPID (conn));
  sync_test_rows (server.super, "SELECT pg_terminate_backend ($1::integer)", pid, NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (sync_test_rows (server.super, "SELECT FROM pg_stat_activity WHERE pid = $1::integer", pid, NULL) > 0 &&
         g_get_monotonic_time () < deadline)
    g_usleep (10000);
}

static void
test_killed_mid_push (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Killed");
  g_autoptr(GError) error = NULL;
  /* Statements 1-3 lock the rows of each kind, 4-6 write them: kill after the scenario and
   * its personas were written, before the scenes. */
  Kill kill = { .at = 5 };

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_save (&a, scenario);
  cs_sync_set_push_hook (a.sync, kill_hook, &kill);

  g_assert_cmpuint (sync_test_push (&a, &error), ==, G_MAXUINT);
  g_assert_true (kill.killed);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_CONNECTION_LOST);
  g_test_message ("%s", error->message);
  g_assert_cmpint (cs_sync_get_status (a.sync), ==, CS_SYNC_STATUS_ERROR);
  g_assert_cmpstr (cs_sync_get_last_error (a.sync), ==, error->message);
  g_clear_error (&error);

  /* Rolled back on the server, intact here. */
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 0);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, 0);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);
  g_assert_cmpint (cs_sync_get_pending_changes (a.sync), ==, N_ROWS);

  /* The retry reconnects and applies every change once. */
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  assert_pushed_once (&a, scenario);
  g_assert_cmpint (cs_sync_get_status (a.sync), ==, CS_SYNC_STATUS_IDLE);
  g_assert_null (cs_sync_get_last_error (a.sync));

  sync_test_machine_clear (&a);
}

static void
test_statement_timeout (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Slow");
  g_autoptr(GError) error = NULL;
  g_autofree char *slow = sync_test_instructor_conninfo (&server, "options='-c statement_timeout=300'");
  g_autoptr(PGconn) blocker = NULL;
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { server.dbname, NULL };

  clear_server ();
  sync_test_machine_init (&a, &server, slow);
  sync_test_save (&a, scenario);

  /* Another session keeps every writer out of the scenarios: the push waits longer than it
   * may. */
  blocker = PQconnectdbParams (keys, values, 0);
  g_assert_cmpint (PQstatus (blocker), ==, CONNECTION_OK);
  sync_test_rows (blocker, "BEGIN", NULL);
  sync_test_rows (blocker, "LOCK TABLE cs.scenarios IN SHARE MODE", NULL);

  g_assert_cmpuint (sync_test_push (&a, &error), ==, G_MAXUINT);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_TIMEOUT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 0);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);

  sync_test_rows (blocker, "ROLLBACK", NULL);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  assert_pushed_once (&a, scenario);

  sync_test_machine_clear (&a);
}

/* Runs @argv; TRUE when it exited with 0. */
static gboolean
run_quietly (const char * const *argv)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s: %s", argv[0], err);
      return FALSE;
    }
  return TRUE;
}

/* A tablespace on a file system of 512 kB, full: the push that needs a new page there fails
 * as a whole, the outbox is intact, the user is told why; once there is room, the retry
 * applies every change once. Needs root to mount the file system; skipped otherwise. */
static void
test_disk_full (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Full");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *space = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *fill_error = NULL;
  struct passwd *postgres;
  gboolean mounted;

  postgres = getpwnam ("postgres");
  if (getuid () != 0 || postgres == NULL)
    {
      g_test_skip ("needs root and a postgres user to mount a small file system for a tablespace");
      return;
    }
  dir = g_build_filename (g_get_tmp_dir (), "cs-full-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp_full (dir, 0711));
  {
    g_autofree char *options = g_strdup_printf ("size=512k,mode=0700,uid=%u,gid=%u",
                                                (guint) postgres->pw_uid, (guint) postgres->pw_gid);
    const char *argv[] = { "mount", "-t", "tmpfs", "-o", options, "tmpfs", dir, NULL };

    mounted = run_quietly (argv);
  }
  if (!mounted)
    {
      g_rmdir (dir);
      g_test_skip ("could not mount a small file system for a tablespace here");
      return;
    }

  clear_server ();
  space = g_strdup_printf ("cs_full_%s", server.tag);
  sql = g_strdup_printf ("CREATE TABLESPACE %s LOCATION '%s'", space, dir);
  sync_test_rows (server.super, sql, NULL);
  g_free (sql);
  /* cs.scenes moves there empty (truncated: moving copies its pages, free room and all),
   * then a filler takes all the room. */
  sync_test_rows (server.super, "TRUNCATE cs.scenes CASCADE", NULL);
  sql = g_strdup_printf ("ALTER TABLE cs.scenes SET TABLESPACE %s", space);
  sync_test_rows (server.super, sql, NULL);
  g_free (sql);
  sql = g_strdup_printf ("CREATE TABLE public.filler (t text) TABLESPACE %s", space);
  sync_test_rows (server.super, sql, NULL);
  sync_test_rows (server.super, "ALTER TABLE public.filler ALTER t SET STORAGE PLAIN", NULL);
  fill_error = sync_test_error (server.super, "INSERT INTO public.filler "
                                "SELECT repeat (md5 (i::text), 60) FROM generate_series (1, 10000) i", NULL);
  g_assert_cmpstr (fill_error, ==, "53100");

  sync_test_machine_init (&a, &server, conninfo);
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, G_MAXUINT);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_FULL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "kept"));
  g_assert_cmpstr (cs_sync_get_last_error (a.sync), ==, error->message);
  g_clear_error (&error);
  /* The scenario and personas went in before the scenes failed: all rolled back. */
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 0);
  g_assert_cmpint (sync_test_count (&server, "personas"), ==, 0);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);

  sync_test_rows (server.super, "DROP TABLE public.filler", NULL);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  assert_pushed_once (&a, scenario);
  sync_test_machine_clear (&a);

  sync_test_rows (server.super, "ALTER TABLE cs.scenes SET TABLESPACE pg_default", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DROP TABLESPACE %s", space);
  sync_test_rows (server.super, sql, NULL);
  {
    const char *argv[] = { "umount", dir, NULL };
    const char *lazy[] = { "umount", "-l", dir, NULL };

    if (!run_quietly (argv))
      g_assert_true (run_quietly (lazy));
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A pull that times out applies nothing and keeps the cursor; the next one gets it all. */
static void
test_pull_timeout (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Pulled late");
  g_autoptr(GError) error = NULL;
  g_autofree char *slow = sync_test_instructor_conninfo (&server, "options='-c statement_timeout=300'");
  g_autoptr(PGconn) blocker = NULL;
  g_autoptr(GListModel) listed = NULL;
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { server.dbname, NULL };

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, slow);
  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);

  blocker = PQconnectdbParams (keys, values, 0);
  g_assert_cmpint (PQstatus (blocker), ==, CONNECTION_OK);
  sync_test_rows (blocker, "BEGIN", NULL);
  sync_test_rows (blocker, "LOCK TABLE cs.scenes IN ACCESS EXCLUSIVE MODE", NULL);

  g_assert_cmpuint (sync_test_pull (&b, &error), ==, G_MAXUINT);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_TIMEOUT);
  g_clear_error (&error);
  listed = cs_store_list_scenarios (b.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  /* Had the cursor moved on, this pull would find nothing. */
  sync_test_rows (blocker, "ROLLBACK", NULL);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&listed);
  listed = cs_store_list_scenarios (b.store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);
}

/* A cancelled push sends nothing and keeps the outbox. */
static void
test_cancelled_push (void)
{
  SyncTestMachine a = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  clear_server ();
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_save (&a, scenario);

  g_cancellable_cancel (cancellable);
  cs_sync_push_async (a.sync, cancellable, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cs_sync_push_finish (a.sync, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 0);
  g_assert_cmpint (cs_store_count_outbox (a.store, NULL), ==, N_ROWS);
  g_assert_cmpint (cs_sync_get_status (a.sync), !=, CS_SYNC_STATUS_ERROR);

  sync_test_machine_clear (&a);
}

static GError *
connect_error (const char *info)
{
  g_autoptr(CsServer) cs_server = cs_server_new (info);
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  cs_server_connect_async (cs_server, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cs_server_connect_finish (cs_server, result, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  return error;
}

static void
test_bad_credentials (void)
{
  g_autofree char *wrong = g_strdup_printf ("%s password=not-the-password", conninfo);
  g_autofree char *nobody = g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=nobody_%s password=x",
                                             g_getenv ("PGPORT"), server.dbname, server.tag);
  g_autoptr(GError) error = NULL;

  error = connect_error (wrong);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "user name or password"));
  g_clear_error (&error);

  error = connect_error (nobody);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_CREDENTIALS);
}

static void
test_bad_address (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = NULL;
  guint16 port;

  /* A port nobody listens on: bound here, never listened to. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  closed = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x user=x password=x", port);

  error = connect_error (closed);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_ADDRESS);
  g_assert_nonnull (strstr (error->message, "server address"));
  g_clear_error (&error);

  error = connect_error ("host=no-such-host.invalid dbname=x user=x password=x connect_timeout=3");
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_ADDRESS);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/faults/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/sync/faults/killed-mid-push", test_killed_mid_push);
  g_test_add_func ("/sync/faults/statement-timeout", test_statement_timeout);
  g_test_add_func ("/sync/faults/pull-timeout", test_pull_timeout);
  g_test_add_func ("/sync/faults/disk-full", test_disk_full);
  g_test_add_func ("/sync/faults/cancelled-push", test_cancelled_push);
  g_test_add_func ("/sync/faults/bad-credentials", test_bad_credentials);
  g_test_add_func ("/sync/faults/bad-address", test_bad_address);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
