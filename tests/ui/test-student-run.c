/* test-student-run.c: a student opens their own run of an assignment from their view of the
 * cohort, read-only, from their local library (report and transcript); a run that was
 * played on another computer and is not in the library says so; an assignment not begun
 * offers nothing to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-report-view.h"
#include "cs-run-view.h"
#include "cs-student-page.h"
#include "cs-store.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

static GtkWidget *
find_run_view (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CS_IS_RUN_VIEW (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
run_view_shows (gpointer data)
{
  GtkWidget *view = find_run_view ();

  return view && !cs_run_view_get_loading (CS_RUN_VIEW (view)) &&
         g_strcmp0 (cs_run_view_get_state (CS_RUN_VIEW (view)), data) == 0;
}

static gboolean
run_view_gone (gpointer data)
{
  return find_run_view () == NULL;
}

/* The student page lists the three assignments. */
static gboolean
rows_listed (gpointer data)
{
  g_autofree char *summary = cs_student_page_dup_summary (data);
  g_auto(GStrv) words = g_strsplit (summary, ", ", -1);

  return g_strv_length (words) == 3;
}

static GtkWidget *
nth_row (CsStudentPage *page,
         guint          n)
{
  GtkListBox *list = GTK_LIST_BOX (ui_test_find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));

  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) n));
}

/* The run of the assignment at @position in @dashboard (the student's own cells). */
static const char *
run_at (CsDashboard *dashboard,
        guint        position)
{
  GListModel *cells = cs_dashboard_get_cells (dashboard);

  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (cells, i);

      if (cs_dashboard_cell_get_assignment (cell) == position)
        return cs_dashboard_cell_get_progress_id (cell);
    }
  return NULL;
}

/* The sample case in @store, with run @progress_id of it: completed, four messages. */
static void
save_local_run (CsStore    *store,
                const char *progress_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(CsScenario) loaded = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(CsProgress) progress = cs_progress_new (progress_id);
  g_autoptr(CsScene) scene = NULL;
  CsMessage *messages[4];

  g_assert_no_error (error);
  scenario = cs_store_import_scenario (store, loaded, NULL, &error);
  g_assert_no_error (error);
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_attempt (progress, 1);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_COMPLETED);
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autofree char *text = g_strdup_printf ("Line %u of the talk", i);

      messages[i] = cs_message_new (i % 2 ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                    i % 2 ? "Ana Ruiz" : "You", text);
      cs_message_set_progress_id (messages[i], progress_id);
      cs_message_set_scene_id (messages[i], cs_record_get_id (CS_RECORD (scene)));
      cs_message_set_position (messages[i], i);
    }
  g_assert_true (cs_store_save_run (store, progress, NULL, 0, messages, G_N_ELEMENTS (messages), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    g_object_unref (messages[i]);
}

static void
test_open_own_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *instructor = NULL;
  g_autofree char *instructor_conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *student = sync_test_user_name (&server, "ownrun");
  g_autofree char *student_conninfo = NULL;
  g_autofree char *base = sync_test_tcp_conninfo (&server, "nobody", NULL);
  g_autofree char *here = g_uuid_string_random ();       /* played on this computer */
  g_autofree char *elsewhere = g_uuid_string_random ();  /* played on another one */
  g_autofree char *dir = g_dir_make_tmp ("cs-student-run-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsServer) student_server = NULL;
  g_autoptr(CsJoinResult) joined = NULL;
  g_autoptr(PGconn) ann = NULL;
  g_autoptr(PGconn) stu = NULL;
  CsCohortsWindow *window;
  CsStudentPage *page;
  CsDashboard *dashboard;
  GtkWidget *view;
  guint local_at, remote_at;

  g_assert_no_error (error);
  ann = cs_pg_connect (instructor_conninfo, &error);
  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  /* Three cases assigned; the student plays two of them. */
  cohort = sync_test_seed_cohort (&server, instructor, 0, 3, 2);
  code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 1, &error);
  g_assert_no_error (error);
  joined = cs_enrolment_join (base, code, student, "student-password", "Olga Student", &error);
  g_assert_no_error (error);
  student_conninfo = sync_test_tcp_conninfo (&server, student, "student-password");
  stu = cs_pg_connect (student_conninfo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_rows (stu,
    "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, started_at, last_activity) "
    "SELECT x.id::uuid, u.id, a.scenario_id, 'in_progress', 50, now (), now () "
    "FROM cs.users u, (SELECT scenario_id, row_number () OVER (ORDER BY due_date, id) AS n "
    "                  FROM cs.cohort_simulations WHERE cohort_id = $3) a, "
    "     (VALUES ($1, 1), ($2, 2)) AS x (id, n) "
    "WHERE u.role_name = current_user AND a.n = x.n", here, elsewhere, cohort, NULL), ==, 2);

  store = cs_store_open (path, &error);
  g_assert_no_error (error);
  save_local_run (store, here);

  student_server = cs_server_new (student_conninfo);
  window = cs_cohorts_window_new (NULL, student_server);
  cs_cohorts_window_set_kind (window, "student");
  page = cs_cohorts_window_get_student_page (window);
  cs_student_page_set_store (page, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (rows_listed, page, "the student's assignments");
  ui_test_wait_for_text (GTK_WIDGET (page), "_View Run");
  ui_test_save_screenshot (GTK_WIDGET (window), "student-run-list.png");

  /* Where the two runs are among the assignments (by due date). */
  dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (window));
  local_at = remote_at = G_MAXUINT;
  for (guint i = 0; i < 3; i++)
    {
      if (g_strcmp0 (run_at (dashboard, i), here) == 0)
        local_at = i;
      if (g_strcmp0 (run_at (dashboard, i), elsewhere) == 0)
        remote_at = i;
    }
  g_assert_cmpuint (local_at, <, 3);
  g_assert_cmpuint (remote_at, <, 3);

  /* The assignment not begun has no run to open: its row does nothing when activated. */
  for (guint i = 0; i < 3; i++)
    if (i != local_at && i != remote_at)
      {
        g_assert_null (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (nth_row (page, i))));
        gtk_widget_activate (nth_row (page, i));
      }
  ui_test_settle (200);
  g_assert_null (find_run_view ());

  /* Activating the row (Enter on it) opens the run from the library: report and transcript. */
  gtk_widget_grab_focus (nth_row (page, local_at));
  g_assert_true (gtk_widget_activate (nth_row (page, local_at)));
  ui_test_wait_for (run_view_shows, (gpointer) "run", "the local run shown");
  view = find_run_view ();
  g_assert_nonnull (cs_run_view_get_report (CS_RUN_VIEW (view)));
  g_assert_null (cs_run_view_get_run (CS_RUN_VIEW (view)));
  g_assert_cmpint (cs_progress_get_status (cs_run_report_get_progress (cs_run_view_get_report (CS_RUN_VIEW (view)))), ==,
                   CS_PROGRESS_STATUS_COMPLETED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (cs_run_view_get_transcript (CS_RUN_VIEW (view))))),
                    ==, 4);
  g_assert_true (cs_report_view_get_report (CS_REPORT_VIEW (ui_test_find_type (view, CS_TYPE_REPORT_VIEW))) ==
                 cs_run_view_get_report (CS_RUN_VIEW (view)));
  /* Read-only: no override. */
  g_assert_null (ui_test_find_text (view, "_Override Grade…"));
  ui_test_save_screenshot (view, "student-run-report.png");
  gtk_window_destroy (GTK_WINDOW (view));
  ui_test_wait_for (run_view_gone, NULL, "the run window closed");

  /* The run played elsewhere is not in the library: the window says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "student.open-run", "u", remote_at));
  ui_test_wait_for (run_view_shows, (gpointer) "missing", "the missing run explained");
  view = find_run_view ();
  g_assert_null (cs_run_view_get_report (CS_RUN_VIEW (view)));
  ui_test_wait_for_text (view, "Not on This Computer Yet");
  ui_test_save_screenshot (view, "student-run-missing.png");

  /* Once it is synced here, reloading shows it. */
  save_local_run (store, elsewhere);
  g_assert_true (gtk_widget_activate_action (view, "run.reload", NULL));
  ui_test_wait_for (run_view_shows, (gpointer) "run", "the synced run shown after a reload");
  gtk_window_destroy (GTK_WINDOW (view));
  ui_test_wait_for (run_view_gone, NULL, "the run window closed");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_server_main (&argc, &argv, &server, "/ui/student-run/open", test_open_own_run);
}
