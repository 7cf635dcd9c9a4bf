/* test-sync-concurrent.c: writers that overlap in time: a row whose transaction commits
 * after a pull already saw later rows still comes with the next pull, and pushes of
 * different students do not wait for each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sync-test-machine.h"

static SyncTestServer server;
static char *conninfo;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static gboolean
has_scenario (SyncTestMachine *machine,
              const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_store_load_scenario (machine->store, id, &error);

  return scenario != NULL;
}

static PGconn *
connect (const char *info)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = cs_pg_connect (info, &error);

  g_assert_no_error (error);
  return conn;
}

#define INSERT_CASE \
  "INSERT INTO cs.scenarios (id, owner_id, title) VALUES ($1, (SELECT cs.uid (current_user)), $2)"

/* T1 writes a case and stays open; T2 writes another one, with a higher change_seq, and
 * commits; a pull gets T2's case. Then T1 commits: the next pull must get its case, though
 * the pull before already saw a higher change_seq. All the while an unrelated transaction
 * holds a transaction id open: it must hold up nothing but its own rows. */
static void
test_commit_after_pull (void)
{
  SyncTestMachine reader = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) t1 = connect (conninfo);
  g_autoptr(PGconn) t2 = connect (conninfo);
  g_autoptr(PGconn) idle = connect (conninfo);
  g_autofree char *seq1 = NULL;
  g_autofree char *seq2 = NULL;
  const char *first = "3f0b8a9e-55d1-4c1e-9d43-7a1f2c9b0e01";
  const char *second = "3f0b8a9e-55d1-4c1e-9d43-7a1f2c9b0e02";

  sync_test_machine_init (&reader, &server, conninfo);
  g_assert_cmpuint (sync_test_pull (&reader, &error), !=, G_MAXUINT);
  g_assert_no_error (error);

  /* Older than both writers, open to the end. */
  sync_test_rows (idle, "BEGIN", NULL);
  sync_test_rows (idle, "SELECT pg_current_xact_id ()", NULL);

  sync_test_rows (t1, "BEGIN", NULL);
  sync_test_rows (t1, INSERT_CASE, first, "Written first, committed last", NULL);
  sync_test_rows (t2, INSERT_CASE, second, "Written second, committed first", NULL);
  seq1 = sync_test_value (t1, "SELECT change_seq FROM cs.scenarios WHERE id = $1", first, NULL);
  seq2 = sync_test_value (t2, "SELECT change_seq FROM cs.scenarios WHERE id = $1", second, NULL);
  g_assert_cmpint (g_ascii_strtoll (seq1, NULL, 10), <, g_ascii_strtoll (seq2, NULL, 10));

  /* T1 is open: its case cannot come yet, T2's does, the idle transaction notwithstanding. */
  g_assert_cmpuint (sync_test_pull (&reader, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (has_scenario (&reader, second));
  g_assert_false (has_scenario (&reader, first));

  sync_test_rows (t1, "COMMIT", NULL);
  g_assert_cmpuint (sync_test_pull (&reader, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (has_scenario (&reader, first));

  /* Nothing new: nothing comes twice. */
  g_assert_cmpuint (sync_test_pull (&reader, &error), ==, 0);
  g_assert_no_error (error);

  sync_test_rows (idle, "COMMIT", NULL);
  sync_test_machine_clear (&reader);
}

/* A library whose cursor is a change_seq (pulled with an older Case Studio) takes the rows
 * above it, then goes on by snapshot. */
/* The pull cursor of @machine's only server: its snapshot (or NULL), its change_seq. */
static char *
stored_cursor (SyncTestMachine *machine,
               const char      *set)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *cursor = NULL;

  g_assert_cmpint (sqlite3_open (cs_store_get_path (machine->store), &db), ==, SQLITE_OK);
  if (set)
    g_assert_cmpint (sqlite3_exec (db, set, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT coalesce (pull_snapshot, '-') || ' ' || last_change_seq "
                                       "FROM sync_state", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  cursor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return cursor;
}

/* A library whose cursor is a change_seq (pulled with an older Case Studio) takes the rows
 * above it and those written since the server recorded writers, then goes on by snapshot. */
static void
test_cursor_of_older_version (void)
{
  SyncTestMachine reader = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) writer = connect (conninfo);
  g_autofree char *cursor = NULL;
  g_autofree char *set = NULL;
  g_autofree char *seq = NULL;
  const char *old = "5d2e7c10-8b7f-4f6a-a0c3-1e9d4b6a2f01";
  const char *newer = "5d2e7c10-8b7f-4f6a-a0c3-1e9d4b6a2f02";

  sync_test_machine_init (&reader, &server, conninfo);
  g_assert_cmpuint (sync_test_pull (&reader, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  cursor = stored_cursor (&reader, NULL);
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+:[0-9,]* 0$", cursor, 0, 0));
  g_clear_pointer (&cursor, g_free);

  /* "old" as if written before the server recorded writers (change_xid 0, the triggers
   * left out), and at the older cursor: the library has it. "newer" comes after. */
  sync_test_rows (writer, INSERT_CASE, old, "Pulled before", NULL);
  sync_test_rows (server.super, "SET session_replication_role = replica", NULL);
  sync_test_rows (server.super, "UPDATE cs.scenarios SET change_xid = '0' WHERE id = $1", old, NULL);
  sync_test_rows (server.super, "RESET session_replication_role", NULL);
  seq = sync_test_value (server.super, "SELECT change_seq FROM cs.scenarios WHERE id = $1", old, NULL);
  sync_test_rows (writer, INSERT_CASE, newer, "Written after", NULL);
  set = g_strdup_printf ("UPDATE sync_state SET pull_snapshot = NULL, last_change_seq = %s", seq);
  g_free (stored_cursor (&reader, set));

  g_assert_cmpuint (sync_test_pull (&reader, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  g_assert_true (has_scenario (&reader, newer));
  g_assert_false (has_scenario (&reader, old));
  /* A snapshot again, and nothing comes twice. */
  cursor = stored_cursor (&reader, NULL);
  g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+:[0-9,]* [0-9]+$", cursor, 0, 0));
  g_assert_cmpuint (sync_test_pull (&reader, &error), ==, 0);
  g_assert_no_error (error);

  sync_test_machine_clear (&reader);
}

typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean held;      /* the push's writes are on the server, not committed */
  gboolean released;
} Hold;

/* Keeps the push transaction open after its first write until the test releases it. The
 * writes of a push of runs go in one pipeline: when the first result is in, the server has
 * run them all. */
static void
hold_hook (PGconn   *conn,
           guint     n_statements,
           gpointer  data)
{
  Hold *hold = data;

  g_mutex_lock (&hold->lock);
  if (n_statements >= 3 && !hold->held)
    {
      hold->held = TRUE;
      g_cond_broadcast (&hold->cond);
      while (!hold->released)
        g_cond_wait (&hold->cond, &hold->lock);
    }
  g_mutex_unlock (&hold->lock);
}

static gboolean
is_held (Hold *hold)
{
  gboolean held;

  g_mutex_lock (&hold->lock);
  held = hold->held;
  g_mutex_unlock (&hold->lock);
  return held;
}

/* Iterates the main context until *@result is set or @seconds passed. */
static gboolean
wait_for (GAsyncResult **result,
          guint          seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*result && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  return *result != NULL;
}

typedef struct {
  SyncTestMachine  machine;
  CsProgress      *progress;
  CsSceneProgress *scene_progress;
  CsScene         *scene;
} Student;

static void
student_clear (Student *student)
{
  g_clear_object (&student->progress);
  g_clear_object (&student->scene_progress);
  g_clear_object (&student->scene);
  sync_test_machine_clear (&student->machine);
}

/* A student who joined with @code (or with the login @login when set, else @login is
 * set), on a machine of their own that pulled the case @version; when @play, with a run of
 * it that has one turn (two messages) saved. */
static void
student_init (Student     *student,
              const char  *code,
              const char  *version,
              char       **login,
              gboolean     play)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) played = NULL;
  CsMessage *messages[2];

  if (!*login)
    {
      g_autofree char *base = g_strdup_printf ("pupil%u", g_random_int_range (0, 100000));
      g_autofree char *name = sync_test_user_name (&server, base);

      *login = sync_test_join (&server, (int) g_ascii_strtoll (g_getenv ("PGPORT"), NULL, 10), code, name,
                               "pupil-password");
    }
  sync_test_machine_init (&student->machine, &server, *login);
  g_assert_cmpuint (sync_test_pull (&student->machine, &error), ==, 1);
  g_assert_no_error (error);
  played = sync_test_load (&student->machine, version);
  student->scene = g_list_model_get_item (cs_scenario_get_scenes (played), 0);
  if (!play)
    return;

  sync_test_start_run (version, student->scene, &student->progress, &student->scene_progress);
  for (guint i = 0; i < 2; i++)
    {
      messages[i] = cs_message_new (i ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                    i ? "Ana Ruiz" : "You", i ? "Why now?" : "What would waiting cost?");
      cs_message_set_progress_id (messages[i], cs_record_get_id (CS_RECORD (student->progress)));
      cs_message_set_scene_id (messages[i], cs_record_get_id (CS_RECORD (student->scene)));
      cs_message_set_position (messages[i], i);
    }
  g_assert_true (cs_store_save_run (student->machine.store, student->progress, &student->scene_progress, 1,
                                    messages, 2, &error));
  g_assert_no_error (error);
  g_object_unref (messages[0]);
  g_object_unref (messages[1]);
}

/* Student A's push is held open after its writes; student B's push completes meanwhile.
 * A's other computer does not see A's run until A's push commits, and then it does. */
static void
test_students_do_not_wait (void)
{
  SyncTestMachine teacher = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Played at once");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) pushed_a = NULL;
  g_autoptr(GAsyncResult) pushed_b = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autofree char *version = NULL;
  g_autofree char *code = NULL;
  g_autofree char *login_a = NULL;
  g_autofree char *login_b = NULL;
  Student a = { 0 }, a_elsewhere = { 0 }, b = { 0 };
  Hold hold = { 0 };
  gboolean b_done;
  guint n = 0;

  sync_test_machine_init (&teacher, &server, conninfo);
  version = sync_test_open_class (&teacher, conninfo, scenario, "At once", 2, &code);

  /* A plays on one computer and has another one (the same login), where the run is not
   * saved; B plays on a computer of their own. */
  student_init (&a, code, version, &login_a, TRUE);
  student_init (&a_elsewhere, code, version, &login_a, FALSE);
  student_init (&b, code, version, &login_b, TRUE);

  g_mutex_init (&hold.lock);
  g_cond_init (&hold.cond);
  cs_sync_set_push_hook (a.machine.sync, hold_hook, &hold);
  cs_sync_push_async (a.machine.sync, NULL, sync_test_got_result, &pushed_a);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (!is_held (&hold) && !pushed_a && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  }
  g_assert_true (is_held (&hold));

  /* A's transaction is open with its rows written: B's push goes through all the same. */
  cs_sync_push_async (b.machine.sync, NULL, sync_test_got_result, &pushed_b);
  b_done = wait_for (&pushed_b, 20);

  /* A's other computer: A's run is not on the server yet. */
  if (b_done)
    {
      g_assert_cmpuint (sync_test_pull (&a_elsewhere.machine, &error), !=, G_MAXUINT);
      g_assert_no_error (error);
      runs = cs_store_list_progress (a_elsewhere.machine.store, NULL, version, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 0);
      g_clear_object (&runs);
    }

  g_mutex_lock (&hold.lock);
  hold.released = TRUE;
  g_cond_broadcast (&hold.cond);
  g_mutex_unlock (&hold.lock);
  g_assert_true (wait_for (&pushed_a, 30));
  g_assert_true (cs_sync_push_finish (a.machine.sync, pushed_a, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (b_done);
  g_assert_true (wait_for (&pushed_b, 30));
  g_assert_true (cs_sync_push_finish (b.machine.sync, pushed_b, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  /* Committed now: A's other computer gets the run and both its messages. */
  g_assert_cmpuint (sync_test_pull (&a_elsewhere.machine, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  runs = cs_store_list_progress (a_elsewhere.machine.store, NULL, version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  messages = cs_store_list_messages (a_elsewhere.machine.store, cs_record_get_id (CS_RECORD (a.progress)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);

  cs_sync_set_push_hook (a.machine.sync, NULL, NULL);
  g_mutex_clear (&hold.lock);
  g_cond_clear (&hold.cond);
  student_clear (&a);
  student_clear (&a_elsewhere);
  student_clear (&b);
  sync_test_machine_clear (&teacher);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/concurrent/no-server", skip_without_server);
      /* 77: meson reports the whole program as skipped. */
      return g_test_run () == 0 ? 77 : 1;
    }
  conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/sync/concurrent/commit-after-pull", test_commit_after_pull);
  g_test_add_func ("/sync/concurrent/cursor-of-older-version", test_cursor_of_older_version);
  g_test_add_func ("/sync/concurrent/students-do-not-wait", test_students_do_not_wait);
  status = g_test_run ();

  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
