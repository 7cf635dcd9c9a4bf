/* test-cohorts-listen.c: the Cohorts window listens for live updates on the sync account's
 * listen connection, not on the server connection it reads through (behind a pooler in
 * transaction mode LISTEN there hears nothing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-cohorts-window.h"
#include "cs-open-target.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

static gboolean
watching_cohort (gpointer data)
{
  CsCohortsWindow *window = data;
  CsDashboard *dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (window));

  return dashboard && cs_dashboard_get_watching (dashboard);
}

/* Sessions of the test database named @application that LISTEN on the dashboard channel. */
static int
listening_as (const char *application)
{
  return sync_test_rows (server.super, "SELECT FROM pg_stat_activity WHERE datname = current_database () "
                         "AND application_name = $1 AND query = 'LISTEN cs_dashboard'", application, NULL);
}

typedef struct {
  const char *application;
  int         n;
} Listening;

static gboolean
listening_is (gpointer data)
{
  Listening *l = data;

  return listening_as (l->application) == l->n;
}

static void
loaded_cb (CsDashboard *dashboard,
           gboolean    *loaded)
{
  *loaded = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_listens_on_listen_connection (void)
{
  g_autofree char *main_info = sync_test_instructor_conninfo (&server, "application_name=cs-test-main");
  g_autofree char *listen_info = sync_test_instructor_conninfo (&server, "application_name=cs-test-listen");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) ann = cs_pg_connect (main_info, &error);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *run = NULL;
  g_autoptr(CsServer) worker = NULL;
  CsCohortsWindow *window;
  CsDashboard *dashboard;
  gboolean loaded = FALSE;
  gint64 start;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, 4, 1, 2);
  run = sync_test_value (server.super, "SELECT p.id FROM cs.user_progress p JOIN cs.cohort_students s "
                         "ON s.student_id = p.user_id WHERE s.cohort_id = $1 ORDER BY p.id LIMIT 1", cohort, NULL);
  g_assert_nonnull (run);

  /* Opened as the main window's Cohorts action and the notifications open it. */
  worker = cs_server_new (main_info);
  window = cs_open_cohorts_window (NULL, worker, listen_info, "instructor", 0);
  g_assert_cmpstr (cs_cohorts_window_get_listen_conninfo (window), ==, listen_info);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (watching_cohort, window, "the cohort's dashboard listening");

  /* Its LISTEN is on the listen connection; the server connection listens to nothing. */
  {
    Listening there = { "cs-test-listen", 1 };

    ui_test_wait_for (listening_is, &there, "LISTEN on the listen connection");
  }
  g_assert_cmpint (listening_as ("cs-test-main"), ==, 0);

  /* A student's turn reaches the open dashboard within 2 s. */
  dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (window));
  while (cs_dashboard_get_loading (dashboard))
    ui_test_settle (20);
  g_signal_connect (dashboard, "loaded", G_CALLBACK (loaded_cb), &loaded);
  start = g_get_monotonic_time ();
  sync_test_rows (server.super, "UPDATE cs.user_progress SET total_time_spent = 999 WHERE id = $1", run, NULL);
  ui_test_wait_for (is_true, &loaded, "the dashboard reloaded");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_signal_handlers_disconnect_by_data (dashboard, &loaded);

  /* Without a listen connection it falls back to the server's, moving the dashboard shown. */
  cs_cohorts_window_set_listen_conninfo (window, NULL);
  {
    Listening here = { "cs-test-main", 1 };
    Listening gone = { "cs-test-listen", 0 };

    ui_test_wait_for (listening_is, &here, "LISTEN on the server connection");
    ui_test_wait_for (listening_is, &gone, "no LISTEN left on the listen connection");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!ui_test_server_set_up (&server))
    return g_test_run ();

  g_test_add_func ("/ui/cohorts-listen/listen-connection", test_listens_on_listen_connection);
  status = g_test_run ();

  sync_test_server_tear_down (&server);
  return status;
}
