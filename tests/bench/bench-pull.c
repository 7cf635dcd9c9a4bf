/* bench-pull.c: an instructor's pull next to a cohort of 500 students × 10 cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is seeded as the dashboard's benchmark seeds it (published cases, a cohort, its
 * students with runs and scene progress), plus ten conversation messages for every started
 * run. The instructor's library, empty, pulls: it gets none of the students' runs (those
 * are read on the server by the dashboard, see bench-dashboard), so its pull stays small
 * however big the cohort. The reference, in the same run: psql reading the cohort's rows
 * out with \copy, which is what the pull would carry if it brought the runs. Then one
 * student pulls their own ten runs on a new computer. Prints the times and ratios.
 * Needs the test server of build-aux/check (PGHOST etc.).
 */

#include "config.h"

#include <sqlite3.h>

#include "sync-test-cohort.h"
#include "sync-test-machine.h"

#define N_STUDENTS    500
#define N_ASSIGNMENTS 10
#define N_SCENES      3

static double
run_psql (SyncTestServer *server,
          const char    **commands)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status = 0;

  g_ptr_array_add (argv, "psql");
  g_ptr_array_add (argv, "-X");
  g_ptr_array_add (argv, "-q");
  g_ptr_array_add (argv, "-v");
  g_ptr_array_add (argv, "ON_ERROR_STOP=1");
  g_ptr_array_add (argv, "-d");
  g_ptr_array_add (argv, server->dbname);
  for (guint i = 0; commands[i]; i++)
    {
      g_ptr_array_add (argv, "-c");
      g_ptr_array_add (argv, (char *) commands[i]);
    }
  g_ptr_array_add (argv, NULL);
  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
count_local (const char *path,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

int
main (int argc, char **argv)
{
  SyncTestServer server;
  SyncTestMachine teacher = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *n_progress = NULL;
  g_autofree char *n_scenes = NULL;
  g_autofree char *n_messages = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *copies[] = {
    "\\copy (SELECT * FROM cs.scenarios) TO '/dev/null'",
    "\\copy (SELECT * FROM cs.scenes) TO '/dev/null'",
    "\\copy (SELECT * FROM cs.user_progress) TO '/dev/null'",
    "\\copy (SELECT * FROM cs.scene_progress) TO '/dev/null'",
    "\\copy (SELECT * FROM cs.conversation_logs) TO '/dev/null'",
    NULL,
  };
  double pull_ms, again_ms, copy_ms;
  guint pulled;

  if (!sync_test_server_set_up (&server))
    {
      g_print ("bench-pull: PGHOST is not set, skipped\n");
      return 77;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);
  conn = cs_pg_connect (conninfo, &error);
  g_assert_no_error (error);
  instructor = sync_test_value (conn, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, N_STUDENTS, N_ASSIGNMENTS, N_SCENES);
  sync_test_rows (server.super,
                  "INSERT INTO cs.conversation_logs (id, progress_id, kind, sender_name, content, position) "
                  "SELECT gen_random_uuid (), p.id, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'persona' END, "
                  "       CASE WHEN g % 2 = 0 THEN 'You' ELSE 'Ana Ruiz' END, "
                  "       'A message of the run, about as long as a chat turn is, number ' || g, g "
                  "  FROM cs.user_progress p, generate_series (0, 9) g WHERE p.status <> 'not_started'", NULL);
  sync_test_rows (server.super, "ANALYZE", NULL);
  n_progress = sync_test_value (server.super, "SELECT count(*) FROM cs.user_progress", NULL);
  n_scenes = sync_test_value (server.super, "SELECT count(*) FROM cs.scene_progress", NULL);
  n_messages = sync_test_value (server.super, "SELECT count(*) FROM cs.conversation_logs", NULL);
  g_print ("seeded %u students × %u cases: %s runs, %s scene progress, %s messages in %.1f s\n",
           N_STUDENTS, N_ASSIGNMENTS, n_progress, n_scenes, n_messages, g_timer_elapsed (timer, NULL));

  {
    g_autofree char *seen = sync_test_value (conn, "SELECT count(*) || ' ' || coalesce (min (change_seq), -1) FROM cs.scenarios", NULL);
    g_autofree char *runs = sync_test_value (conn, "SELECT count(*) FROM cs.user_progress", NULL);

    g_print ("the instructor sees: %s cases, %s runs\n", seen, runs);
  }
  sync_test_machine_init (&teacher, &server, conninfo);
  g_timer_start (timer);
  pulled = sync_test_pull (&teacher, &error);
  pull_ms = g_timer_elapsed (timer, NULL) * 1000;
  g_assert_no_error (error);
  g_print ("cases pulled: %u\n", pulled);
  g_timer_start (timer);
  g_assert_cmpuint (sync_test_pull (&teacher, &error), ==, 0);
  g_assert_no_error (error);
  again_ms = g_timer_elapsed (timer, NULL) * 1000;

  {
    g_autofree char *path = NULL;

    g_object_get (teacher.store, "path", &path, NULL);
    g_print ("local: %" G_GINT64_FORMAT " runs, %" G_GINT64_FORMAT " scene progress, %" G_GINT64_FORMAT " messages\n",
             count_local (path, "progress"), count_local (path, "scene_progress"), count_local (path, "messages"));
    g_assert_cmpint (count_local (path, "progress"), ==, 0);
    g_assert_cmpint (count_local (path, "messages"), ==, 0);
  }

  copy_ms = run_psql (&server, copies);
  g_print ("the instructor's pull into an empty library: %.1f ms\n", pull_ms);
  g_print ("psql \\copy of the cohort's rows out: %.1f ms\n", copy_ms);
  g_print ("ratio pull / \\copy: %.2f\n", pull_ms / copy_ms);
  g_print ("the next pull, nothing new: %.1f ms (ratio to the first: %.2f)\n", again_ms, again_ms / pull_ms);

  sync_test_machine_clear (&teacher);
  sync_test_server_tear_down (&server);
  return 0;
}
