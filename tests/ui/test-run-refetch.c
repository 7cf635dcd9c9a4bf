/* test-run-refetch.c: an open run window of a live dashboard reads its run again only when
 * that run or its grade changed, not on every reload the other students' turns cause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-run-view.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

typedef struct {
  CsDashboard *dashboard;
  guint        loads;
} Watch;

static void
on_loaded (Watch *watch)
{
  watch->loads++;
}

static gboolean
loads_reach (gpointer data)
{
  Watch *watch = data;

  return watch->loads >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (watch->dashboard), "wanted"));
}

/* Waits for one more load of the dashboard than it has had. */
static void
wait_for_reload (Watch *watch)
{
  g_object_set_data (G_OBJECT (watch->dashboard), "wanted", GUINT_TO_POINTER (watch->loads + 1));
  ui_test_wait_for (loads_reach, watch, "the dashboard reloaded");
}

static gboolean
watching (gpointer data)
{
  return cs_dashboard_get_watching (data);
}

static gboolean
read_done (gpointer data)
{
  CsRunView *view = data;

  return !cs_run_view_get_loading (view) &&
         cs_run_view_get_n_reads (view) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "wanted"));
}

static void
wait_for_reads (CsRunView *view,
                guint      n)
{
  g_object_set_data (G_OBJECT (view), "wanted", GUINT_TO_POINTER (n));
  ui_test_wait_for (read_done, view, "the run read");
}

/* The first two cells with a run (of different students). */
static void
two_runs (CsDashboard      *dashboard,
          CsDashboardCell **mine,
          CsDashboardCell **other)
{
  GListModel *cells = cs_dashboard_get_cells (dashboard);

  *mine = *other = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (cells) && !*other; i++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (cells, i);

      if (!cs_dashboard_cell_get_progress_id (cell))
        continue;
      if (!*mine)
        *mine = g_steal_pointer (&cell);
      else if (g_strcmp0 (cs_dashboard_cell_get_student_id (cell), cs_dashboard_cell_get_student_id (*mine)) != 0)
        *other = g_steal_pointer (&cell);
    }
  g_assert_nonnull (*mine);
  g_assert_nonnull (*other);
}

/* As the student would push a turn: the run's last activity moves on. */
static void
touch_run (const char *progress_id)
{
  g_assert_cmpint (sync_test_rows (server.super, "UPDATE cs.user_progress SET last_activity = clock_timestamp (), "
                                   "updated_at = clock_timestamp () WHERE id = $1", progress_id, NULL), ==, 1);
}

static void
test_refetch_only_on_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
  g_autoptr(CsServer) worker = NULL;
  g_autoptr(CsDashboard) dashboard = NULL;
  g_autoptr(CsDashboardCell) mine = NULL;
  g_autoptr(CsDashboardCell) other = NULL;
  g_autofree char *mine_id = NULL;
  Watch watch = { 0 };
  CsRunView *view;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, 8, 1, 2);
  worker = cs_server_new (conninfo);
  dashboard = cs_dashboard_new (worker, cohort);
  watch.dashboard = dashboard;
  g_signal_connect_swapped (dashboard, "loaded", G_CALLBACK (on_loaded), &watch);
  cs_dashboard_watch (dashboard, NULL);
  ui_test_wait_for (watching, dashboard, "the dashboard listening");
  if (watch.loads == 0)
    wait_for_reload (&watch);

  two_runs (dashboard, &mine, &other);
  mine_id = g_strdup (cs_dashboard_cell_get_progress_id (mine));
  view = CS_RUN_VIEW (cs_run_view_new (NULL, dashboard, mine));
  gtk_window_present (GTK_WINDOW (view));
  wait_for_reads (view, 1);
  g_assert_cmpstr (cs_run_view_get_state (view), ==, "run");

  /* Other students' turns reload the dashboard, not the window. */
  for (guint i = 0; i < 3; i++)
    {
      touch_run (cs_dashboard_cell_get_progress_id (other));
      wait_for_reload (&watch);
    }
  ui_test_settle (200);
  g_assert_cmpuint (cs_run_view_get_n_reads (view), ==, 1);

  /* A turn of this run, twice within a second: read again each time. */
  touch_run (mine_id);
  wait_for_reload (&watch);
  wait_for_reads (view, 2);
  touch_run (mine_id);
  wait_for_reload (&watch);
  wait_for_reads (view, 3);

  /* Its grade changed: read again, and the header shows it. */
  g_free (sync_test_value (ann, "SELECT cs.cs_override_grade ($1, 0.77, 'Checked by hand')", mine_id, NULL));
  wait_for_reload (&watch);
  wait_for_reads (view, 4);
  g_assert_nonnull (strstr (cs_run_view_get_score_text (view), "77"));

  /* Another student's run unchanged but the dashboard reloaded: still nothing. */
  touch_run (cs_dashboard_cell_get_progress_id (other));
  wait_for_reload (&watch);
  ui_test_settle (200);
  g_assert_cmpuint (cs_run_view_get_n_reads (view), ==, 4);

  gtk_window_destroy (GTK_WINDOW (view));
  cs_dashboard_unwatch (dashboard);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_server_main (&argc, &argv, &server, "/ui/run-refetch/only-on-change", test_refetch_only_on_change);
}
