/* test-sync-session.c: signing in to a server as the account page does, then syncing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-server-schema.h"
#include "cs-sync-error.h"
#include "cs-sync-session.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *instructor;
static char *password;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_connected (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->ok = cs_sync_session_connect_finish (CS_SYNC_SESSION (source), result, NULL, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
connect_session (CsSyncSession *session, const char *user, const char *pw, GError **error)
{
  g_autoptr(CsServerAccount) account = cs_server_account_new ("127.0.0.1",
                                                               atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432"),
                                                               server.dbname, user);
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  cs_sync_session_connect_async (session, account, pw, NULL, on_connected, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static void
test_conninfo_quoting (void)
{
  g_autoptr(CsServerAccount) account = cs_server_account_new (" db.example.org ", 0, NULL, "ann");
  g_autofree char *conninfo = cs_server_account_dup_conninfo (account, "it's a \\ secret");

  /* defaults, trimming and libpq's quoting of quotes and backslashes */
  g_assert_cmpint (account->port, ==, 5432);
  g_assert_cmpstr (account->database, ==, "casestudio");
  g_assert_nonnull (strstr (conninfo, "host='db.example.org'"));
  g_assert_nonnull (strstr (conninfo, "password='it\\'s a \\\\ secret'"));
  {
    PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
    gboolean found = FALSE;

    if (options == NULL)
      g_error ("libpq cannot parse “%s”", conninfo);
    for (PQconninfoOption *o = options; o->keyword; o++)
      if (g_str_equal (o->keyword, "password"))
        {
          g_assert_cmpstr (o->val, ==, "it's a \\ secret");
          found = TRUE;
        }
    g_assert_true (found);
    PQconninfoFree (options);
  }
}

static gboolean
scenario_on_server (gpointer data)
{
  return sync_test_count (&server, "scenarios") == 1;
}

static void
wait_for_kind (CsSyncSession *session,
               const char    *kind)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (cs_sync_session_get_kind (session), kind) != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cs_sync_session_get_kind (session), ==, kind);
}

static void
test_connect_sync_disconnect (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CsSyncSession) session = NULL;
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Session Case");
  g_autofree char *host = NULL;
  gint64 deadline;

  g_assert_no_error (error);
  sync_test_rows (server.super, "DELETE FROM cs.scenarios", NULL);
  cs_server_account_forget (settings);
  session = cs_sync_session_new (store, settings);

  /* a wrong password: a clear error, and nothing remembered */
  g_assert_false (connect_session (session, instructor, "not-the-password", &error));
  g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_CREDENTIALS);
  g_clear_error (&error);
  g_assert_null (cs_sync_session_get_sync (session));
  host = g_settings_get_string (settings, "server-host");
  g_assert_cmpstr (host, ==, "");
  g_clear_pointer (&host, g_free);

  /* the right one: remembered, and what the library has goes to the server */
  g_assert_true (cs_store_save_scenario (store, scenario, &error));
  g_assert_no_error (error);
  g_assert_true (connect_session (session, instructor, password, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cs_sync_session_get_sync (session));
  host = g_settings_get_string (settings, "server-host");
  g_assert_cmpstr (host, ==, "127.0.0.1");
  g_assert_cmpstr (cs_sync_session_get_account (session)->user, ==, instructor);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!scenario_on_server (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (scenario_on_server (NULL));

  /* the server says what the login is, and that is remembered for working offline */
  wait_for_kind (session, "instructor");
  g_assert_true (cs_sync_session_can_author (session));
  {
    g_autofree char *kind = g_settings_get_string (settings, "server-kind");

    g_assert_cmpstr (kind, ==, "instructor");
  }

  /* disconnecting forgets the server; the library keeps its cases */
  cs_sync_session_disconnect (session);
  g_assert_null (cs_sync_session_get_kind (session));
  {
    g_autofree char *kind = g_settings_get_string (settings, "server-kind");

    g_assert_cmpstr (kind, ==, "");
  }
  g_assert_null (cs_sync_session_get_sync (session));
  g_assert_null (cs_sync_session_get_account (session));
  g_clear_pointer (&host, g_free);
  host = g_settings_get_string (settings, "server-host");
  g_assert_cmpstr (host, ==, "");
  {
    g_autoptr(CsScenario) kept = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (scenario)), &error);

    g_assert_no_error (error);
    g_assert_nonnull (kept);
  }
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
}

/* A student's session knows it is one (no publishing, no cohorts to run); offline at the
 * next start, the remembered kind still holds. */
static void
test_student_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *student = sync_test_user_name (&server, "learner");
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CsSyncSession) session = NULL;
  g_autoptr(CsSyncSession) offline = NULL;

  g_assert_no_error (error);
  made = sync_test_value (server.super, "SELECT cs.create_person ($1, 'learner-password', 'Lea Learner', 'student')",
                          student, NULL);
  g_assert_nonnull (made);
  cs_server_account_forget (settings);
  session = cs_sync_session_new (store, settings);
  g_assert_null (cs_sync_session_get_kind (session));
  g_assert_true (connect_session (session, student, "learner-password", &error));
  g_assert_no_error (error);
  wait_for_kind (session, "student");
  g_assert_false (cs_sync_session_can_author (session));

  /* The next start, with the server gone: still a student. */
  g_settings_set_string (settings, "server-host", "no-such-host.invalid");
  offline = cs_sync_session_new (store, settings);
  cs_sync_session_resume (offline);
  g_assert_cmpstr (cs_sync_session_get_kind (offline), ==, "student");
  g_assert_false (cs_sync_session_can_author (offline));

  cs_sync_session_disconnect (session);
  cs_sync_session_disconnect (offline);
  g_clear_object (&offline);
  g_clear_object (&session);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/session/conninfo-quoting", test_conninfo_quoting);
  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/session/no-server", skip_without_server);
      return g_test_run ();
    }
  g_assert_true (cs_server_schema_init (server.super, NULL, &error));
  g_assert_no_error (error);
  instructor = sync_test_user_name (&server, "session");
  password = g_strdup_printf ("pw-%08x", g_random_int ());
  id = cs_server_add_instructor (server.super, instructor, password, "Session Tester", &error);
  g_assert_no_error (error);

  g_test_add_func ("/sync/session/connect-sync-disconnect", test_connect_sync_disconnect);
  g_test_add_func ("/sync/session/student-kind", test_student_kind);
  status = g_test_run ();

  g_free (instructor);
  g_free (password);
  sync_test_server_tear_down (&server);
  return status;
}
