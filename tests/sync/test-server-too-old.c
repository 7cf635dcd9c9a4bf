/* test-server-too-old.c: a client newer than its server stops syncing and says what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is migrated only up to 008 (before pulls by snapshot, 009, and before the
 * function that tells logins which migrations the server has, 012). Connecting, pushing and
 * pulling fail with CS_SYNC_ERROR_SERVER_TOO_OLD and a message naming the administrator's
 * command, live sync stops retrying, the CLI exits non-zero with the message, and the local
 * library keeps working. Once the server is migrated the same CsSync syncs again, and a
 * current server gives no such message.
 */

#include "config.h"

#include <string.h>

#include "cs-server-schema.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
connect_server (CsServer  *cs_server,
                GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cs_server_connect_async (cs_server, NULL, got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return cs_server_connect_finish (cs_server, result, error);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  (*(guint *) data)++;
}

static gboolean
stopped (SyncTestMachine *machine)
{
  return cs_sync_get_status (machine->sync) == CS_SYNC_STATUS_STOPPED;
}

static void
wait_until (gboolean       (*done) (SyncTestMachine *),
            SyncTestMachine *machine,
            guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (machine) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  g_assert_true (done (machine));
}

static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
}

static void
run_cli (const char  *library,
         const char * const *args,
         int         *status,
         char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("CS_BUILD_DIR"), "src", "cli", "case-studio-cli", NULL));
  g_ptr_array_add (argv, g_strdup_printf ("--library=%s", library));
  g_ptr_array_add (argv, g_strdup_printf ("--server=%s", conninfo));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (proc);
}

/* An instructor of a server at 008. */
static void
make_old_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = sync_test_user_name (&server, "oldtimer");
  g_autofree char *id = NULL;
  g_autofree char *top = NULL;
  guint applied = 0;

  g_assert_true (cs_server_schema_init_to (server.super, 8, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 8);
  top = sync_test_value (server.super, "SELECT max (version) FROM cs.schema_migrations", NULL);
  g_assert_cmpstr (top, ==, "8");
  id = cs_server_add_instructor (server.super, user, "old-server-pw", "Olga Old", &error);
  g_assert_no_error (error);
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=old-server-pw",
                              g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", server.dbname, user);
}

static void
test_old_server (void)
{
  SyncTestMachine machine = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Made while the server is old");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(CsServer) fresh = NULL;
  g_autofree char *library = NULL;
  g_autofree char *err = NULL;
  const char *id = cs_record_get_id (CS_RECORD (scenario));
  guint notified = 0;
  int status;

  sync_test_machine_init (&machine, &server, conninfo);

  /* Signing in to it: the clear message, not an SQL error. */
  fresh = cs_server_new (conninfo);
  g_assert_false (connect_server (fresh, &error));
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD);
  g_assert_nonnull (strstr (error->message, "case-studio-cli server migrate"));
  g_assert_null (strstr (error->message, "SQLSTATE"));
  g_clear_error (&error);

  /* The library works offline as ever; push and pull fail with the same error. */
  sync_test_save (&machine, scenario);
  sync_test_push (&machine, &error);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD);
  g_clear_error (&error);
  g_assert_cmpint (cs_sync_get_status (machine.sync), ==, CS_SYNC_STATUS_STOPPED);
  g_assert_nonnull (strstr (cs_sync_get_last_error (machine.sync), "server migrate"));
  sync_test_pull (&machine, &error);
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD);
  g_clear_error (&error);
  g_assert_cmpint (cs_sync_get_pending_changes (machine.sync), >, 0);
  loaded = sync_test_load (&machine, id);
  g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Made while the server is old");
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenarios", NULL), ==, 0);

  /* Live: stopped, and it stays stopped: no retries every second or two, no pushes after
   * each local change. */
  g_signal_connect (machine.sync, "notify::status", G_CALLBACK (count_cb), &notified);
  cs_sync_start_live (machine.sync);
  {
    /* listening, it pushes and pulls (connecting…), and stops again */
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while ((notified < 2 || !stopped (&machine)) && g_get_monotonic_time () < deadline)
      spin (20);
  }
  g_assert_cmpuint (notified, >=, 2);
  wait_until (stopped, &machine, 1);
  spin (300);
  notified = 0;
  cs_scenario_set_title (loaded, "Edited while the server is old");
  sync_test_save (&machine, loaded);
  spin (3500);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpint (cs_sync_get_status (machine.sync), ==, CS_SYNC_STATUS_STOPPED);

  /* The CLI: the message on stderr and a failure status. */
  library = g_build_filename (server.tmpdir, "cli-library.db", NULL);
  run_cli (library, (const char *[]) { "server", "cohort", "list", NULL }, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "case-studio-cli server migrate"));
  g_clear_pointer (&err, g_free);

  /* The administrator migrates: the next sync goes through, and live sync is back. */
  g_assert_true (cs_server_schema_migrate (server.super, NULL, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (machine.sync, count_cb, &notified);
  sync_test_push (&machine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenarios WHERE id = $1 AND title = $2",
                                   id, "Edited while the server is old", NULL), ==, 1);
  g_assert_cmpint (cs_sync_get_pending_changes (machine.sync), ==, 0);
  g_assert_cmpint (cs_sync_get_status (machine.sync), !=, CS_SYNC_STATUS_STOPPED);
  g_assert_null (cs_sync_get_last_error (machine.sync));

  /* Live again: a local change is pushed by itself. */
  cs_scenario_set_title (loaded, "Edited once the server is new");
  sync_test_save (&machine, loaded);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (sync_test_rows (server.super, "SELECT FROM cs.scenarios WHERE id = $1 AND title = $2",
                           id, "Edited once the server is new", NULL) == 0 &&
           g_get_monotonic_time () < deadline)
      spin (50);
  }
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenarios WHERE id = $1 AND title = $2",
                                   id, "Edited once the server is new", NULL), ==, 1);
  cs_sync_stop_live (machine.sync);

  /* A current server: signing in and the CLI work. */
  g_clear_object (&fresh);
  fresh = cs_server_new (conninfo);
  g_assert_true (connect_server (fresh, &error));
  g_assert_no_error (error);
  run_cli (library, (const char *[]) { "server", "cohort", "list", NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  sync_test_machine_clear (&machine);
}

/* With 012, the server lists what it has: one missing migration is named. */
static void
test_missing_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsServer) fresh = NULL;
  g_autofree char *saved = sync_test_value (server.super, "SELECT checksum FROM cs.schema_migrations "
                                            "WHERE version = 10", NULL);

  g_assert_nonnull (saved);
  sync_test_rows (server.super, "DELETE FROM cs.schema_migrations WHERE version = 10", NULL);
  fresh = cs_server_new (conninfo);
  g_assert_false (connect_server (fresh, &error));
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD);
  g_assert_nonnull (strstr (error->message, "lacks update 010)"));
  g_assert_nonnull (strstr (error->message, "case-studio-cli server migrate"));
  g_clear_error (&error);
  sync_test_rows (server.super, "INSERT INTO cs.schema_migrations (version, name, checksum) "
                  "VALUES (10, '010-inbox.sql', $1)", saved, NULL);

  /* A migration of a newer Case Studio is no reason to stop. */
  sync_test_rows (server.super, "INSERT INTO cs.schema_migrations (version, name, checksum) "
                  "VALUES (99, '099-future.sql', repeat ('a', 64))", NULL);
  g_clear_object (&fresh);
  fresh = cs_server_new (conninfo);
  g_assert_true (connect_server (fresh, &error));
  g_assert_no_error (error);
  sync_test_rows (server.super, "DELETE FROM cs.schema_migrations WHERE version = 99", NULL);

  /* The students' and kiosks' groups may ask too; the enrolment login may not. */
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM unnest (ARRAY['cs_instructor', 'cs_student', "
                                   "'cs_kiosk']) AS r WHERE has_function_privilege (r, "
                                   "'cs.cs_schema_versions ()', 'EXECUTE')", NULL), ==, 3);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT WHERE has_function_privilege ('cs_enroll', "
                                   "'cs.cs_schema_versions ()', 'EXECUTE')", NULL), ==, 0);
}

static void
skip (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/too-old/no-server", skip);
      return g_test_run () == 0 ? 77 : 1;
    }

  make_old_server ();
  /* In order: the second one runs on the server the first one migrated. */
  g_test_add_func ("/sync/too-old/old-server", test_old_server);
  g_test_add_func ("/sync/too-old/missing-one", test_missing_one);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
