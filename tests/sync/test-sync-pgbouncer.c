/* test-sync-pgbouncer.c: push and pull through PgBouncer in transaction pooling mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Institutions put PgBouncer in front of PostgreSQL; in transaction mode each transaction
 * may run on another server connection, so sync must not rely on session state between
 * statements of different transactions. The test starts a real PgBouncer on a free port in
 * front of the test server (skipped when pgbouncer is not installed).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cs-dashboard.h"
#include "cs-test-scenario.h"
#include "sync-test-cluster.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;
static char *direct;
static char *bouncer_dir;
static GSubprocess *bouncer;
static char *instructor;

#define N_ROWS (1 + 2 + 3)

static void
skip (void)
{
  g_test_skip ("no test PostgreSQL server or no pgbouncer installed");
}

static gboolean
port_open (int port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

  return connection != NULL;
}

/* PgBouncer on a free port in front of the test server; the instructor of
 * sync_test_instructor_conninfo() logs in through it. Returns the port, or 0. */
static int
start_bouncer (const char *user)
{
  g_autofree char *pgbouncer = g_find_program_in_path ("pgbouncer");
  g_autofree char *config = NULL;
  g_autofree char *users = NULL;
  g_autofree char *text = NULL;
  g_autofree char *user_line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *pghost = g_getenv ("PGHOST");
  int port = sync_test_free_port ();

  if (pgbouncer == NULL && g_file_test ("/usr/sbin/pgbouncer", G_FILE_TEST_IS_EXECUTABLE))
    pgbouncer = g_strdup ("/usr/sbin/pgbouncer");
  if (pgbouncer == NULL || pghost == NULL)
    return 0;

  bouncer_dir = g_dir_make_tmp ("cs-pgbouncer-XXXXXX", &error);
  g_assert_no_error (error);
  g_chmod (bouncer_dir, 0777);
  config = g_build_filename (bouncer_dir, "pgbouncer.ini", NULL);
  users = g_build_filename (bouncer_dir, "users.txt", NULL);
  /* to the server over its Unix socket (trusted locally); clients are trusted by name */
  text = g_strdup_printf ("[databases]\n"
                          "* = host=%s port=%s\n"
                          "[pgbouncer]\n"
                          "listen_addr = 127.0.0.1\n"
                          "listen_port = %d\n"
                          "unix_socket_dir =\n"
                          "auth_type = trust\n"
                          "auth_file = %s\n"
                          "pool_mode = transaction\n"
                          "default_pool_size = 2\n"
                          "ignore_startup_parameters = extra_float_digits,options\n"
                          "logfile = %s/pgbouncer.log\n"
                          "pidfile = %s/pgbouncer.pid\n",
                          pghost, g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", port, users,
                          bouncer_dir, bouncer_dir);
  g_assert_true (g_file_set_contents (config, text, -1, NULL));
  user_line = g_strdup_printf ("\"%s\" \"\"\n", user);
  g_assert_true (g_file_set_contents (users, user_line, -1, NULL));
  g_chmod (config, 0644);
  g_chmod (users, 0644);

  /* PgBouncer does not run as root */
  if (getuid () == 0)
    {
      g_ptr_array_add (argv, "runuser");
      g_ptr_array_add (argv, "-u");
      g_ptr_array_add (argv, "postgres");
      g_ptr_array_add (argv, "--");
    }
  g_ptr_array_add (argv, pgbouncer);
  g_ptr_array_add (argv, config);
  g_ptr_array_add (argv, NULL);
  bouncer = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 100 && !port_open (port); i++)
    g_usleep (50 * 1000);
  g_assert_true (port_open (port));
  return port;
}

static void
stop_bouncer (void)
{
  if (bouncer)
    {
      g_subprocess_send_signal (bouncer, SIGTERM);
      g_subprocess_wait (bouncer, NULL, NULL);
      g_clear_object (&bouncer);
    }
  if (bouncer_dir)
    {
      g_autoptr(GDir) dir = g_dir_open (bouncer_dir, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (bouncer_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (bouncer_dir);
      g_clear_pointer (&bouncer_dir, g_free);
    }
}

static void
test_push_pull_through_bouncer (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Pooled Case");
  g_autoptr(CsScenario) on_a = NULL;
  g_autoptr(CsScenario) on_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);

  sync_test_save (&a, scenario);
  g_assert_cmpuint (sync_test_push (&a, &error), ==, N_ROWS);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_count (&server, "scenarios"), ==, 1);
  g_assert_cmpint (sync_test_count (&server, "scene_personas"), ==, 6);

  g_assert_cmpuint (sync_test_pull (&a, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_test_pull (&b, &error), ==, 1);
  g_assert_no_error (error);
  on_a = sync_test_load (&a, cs_record_get_id (CS_RECORD (scenario)));
  on_b = sync_test_load (&b, cs_record_get_id (CS_RECORD (scenario)));
  cs_test_assert_scenarios_equal (on_a, on_b);

  /* an edit on B, pushed through the pool, changes exactly what it should */
  before = sync_test_server_state (&server);
  cs_scenario_set_title (on_b, "Pooled Case, edited");
  sync_test_save (&b, on_b);
  g_assert_cmpuint (sync_test_push (&b, &error), >=, 1);
  g_assert_no_error (error);
  after = sync_test_server_state (&server);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (sync_test_pull (&a, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&on_a);
  on_a = sync_test_load (&a, cs_record_get_id (CS_RECORD (scenario)));
  g_assert_cmpstr (cs_scenario_get_title (on_a), ==, "Pooled Case, edited");

  sync_test_machine_clear (&a);
  sync_test_machine_clear (&b);

  /* and it really went through the pool */
  {
    g_autofree char *log_path = g_build_filename (bouncer_dir, "pgbouncer.log", NULL);
    g_autofree char *log = NULL;

    g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
    g_assert_nonnull (strstr (log, server.dbname));
  }
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

/* Sync goes through the pool; the one LISTEN connection goes straight to the server (it
 * needs a session of its own, which a pool in transaction mode does not keep): B's change
 * reaches A live within two seconds. */
static void
test_live_behind_bouncer (void)
{
  SyncTestMachine a = { 0 }, b = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Heard through the pool");
  g_autoptr(GError) error = NULL;
  Heard heard = { cs_record_get_id (CS_RECORD (scenario)), 0 };
  gint64 deadline, pushed_at;

  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  sync_test_machine_init (&a, &server, conninfo);
  sync_test_machine_init (&b, &server, conninfo);
  cs_sync_set_listen_conninfo (a.sync, direct);
  cs_sync_start_live (a.sync);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((!cs_sync_get_last_sync (a.sync) || cs_sync_get_status (a.sync) != CS_SYNC_STATUS_IDLE) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (cs_sync_get_status (a.sync), ==, CS_SYNC_STATUS_IDLE);
  /* the listening session is on the server itself, not on one of the pool's */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    const char *sql = "SELECT FROM pg_stat_activity WHERE datname = current_database () "
                      "AND query = 'LISTEN cs_changes' AND client_addr IS NOT NULL";

    /* (the pool reaches the server over its socket, with no client address) */
    while (sync_test_rows (server.super, sql, NULL) == 0 && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE), g_usleep (20000);
    g_assert_cmpint (sync_test_rows (server.super, sql, NULL), ==, 1);
  }

  g_signal_connect (a.store, "scenario-changed", G_CALLBACK (scenario_changed_cb), &heard);
  sync_test_save (&b, scenario);
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

static void
dashboard_changed_cb (CsDashboard *dashboard,
                      const char  *table,
                      gint64      *heard_at)
{
  if (table && !*heard_at)
    *heard_at = g_get_monotonic_time ();
}

static void
dashboard_loaded_cb (CsDashboard *dashboard,
                     guint       *n_loads)
{
  (*n_loads)++;
}

/* The dashboard's live updates behind the pool: its loads go through PgBouncer, its LISTEN
 * straight to the server (the sync account's listen connection, as the Cohorts window
 * passes it); a student's turn reaches it within two seconds. */
static void
test_dashboard_behind_bouncer (void)
{
  g_autofree char *cohort = sync_test_seed_cohort (&server, instructor, 3, 1, 2);
  g_autofree char *run = sync_test_value (server.super, "SELECT p.id FROM cs.user_progress p "
                                          "JOIN cs.cohort_students s ON s.student_id = p.user_id "
                                          "WHERE s.cohort_id = $1 ORDER BY p.id LIMIT 1", cohort, NULL);
  g_autoptr(CsServer) pooled = cs_server_new (conninfo);
  g_autoptr(CsDashboard) dashboard = cs_dashboard_new (pooled, cohort);
  const char *listening = "SELECT FROM pg_stat_activity WHERE datname = current_database () "
                          "AND query = 'LISTEN cs_dashboard' AND client_addr IS NOT NULL";
  gint64 heard_at = 0, changed_at, deadline;
  guint n_loads = 0, loads_before;

  g_assert_nonnull (run);
  g_signal_connect (dashboard, "changed", G_CALLBACK (dashboard_changed_cb), &heard_at);
  g_signal_connect (dashboard, "loaded", G_CALLBACK (dashboard_loaded_cb), &n_loads);
  cs_dashboard_watch (dashboard, direct);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((!cs_dashboard_get_watching (dashboard) || n_loads == 0) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (cs_dashboard_get_watching (dashboard));
  g_assert_cmpuint (n_loads, >, 0);  /* the catch-up load, through the pool */
  g_assert_cmpuint (cs_dashboard_get_n_students (dashboard), ==, 3);
  /* the listening session is on the server itself (the pool's have no client address) */
  g_assert_cmpint (sync_test_rows (server.super, listening, NULL), ==, 1);
  while (cs_dashboard_get_loading (dashboard))
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);

  loads_before = n_loads;
  sync_test_rows (server.super, "UPDATE cs.user_progress SET total_time_spent = 4321 WHERE id = $1", run, NULL);
  changed_at = g_get_monotonic_time ();
  deadline = changed_at + 5 * G_USEC_PER_SEC;
  while ((!heard_at || n_loads == loads_before) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpint (heard_at, >, 0);
  g_assert_cmpint (heard_at - changed_at, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (n_loads, >, loads_before);  /* and reloaded through the pool */

  cs_dashboard_unwatch (dashboard);
  g_signal_handlers_disconnect_by_data (dashboard, &heard_at);
  g_signal_handlers_disconnect_by_data (dashboard, &n_loads);
}

int
main (int argc, char **argv)
{
  int status, port;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/pgbouncer/skipped", skip);
      return g_test_run ();
    }
  direct = sync_test_instructor_conninfo (&server, NULL);
  {
    g_autofree char *user = g_strdup (strstr (direct, " user=") + 6);
    char *space = strchr (user, ' ');

    if (space)
      *space = '\0';
    port = start_bouncer (user);
    instructor = g_steal_pointer (&user);
  }
  if (port == 0)
    {
      g_test_add_func ("/sync/pgbouncer/skipped", skip);
      status = g_test_run ();
      sync_test_server_tear_down (&server);
      return status;
    }
  {
    g_autofree char *extra = g_strdup_printf ("port=%d", port);

    /* the same login, but through the pool (a later port= wins in a connection string) */
    conninfo = sync_test_instructor_conninfo (&server, extra);
  }

  g_test_add_func ("/sync/pgbouncer/push-pull", test_push_pull_through_bouncer);
  g_test_add_func ("/sync/pgbouncer/live", test_live_behind_bouncer);
  g_test_add_func ("/sync/pgbouncer/dashboard-live", test_dashboard_behind_bouncer);
  status = g_test_run ();

  g_free (conninfo);
  g_free (direct);
  g_free (instructor);
  stop_bouncer ();
  sync_test_server_tear_down (&server);
  return status;
}
