/* test-dashboard.c: the dashboard page of a seeded cohort of 40 students on the test
 * PostgreSQL server, under Xvfb: figures, sorting, filtering, a live change, a grade
 * override through the dialog, the CSV export, and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-cohorts-window.h"
#include "cs-completion-chart.h"
#include "cs-hint-list.h"
#include "cs-dashboard-page.h"
#include "cs-enrolment.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

#define N_STUDENTS 40
#define N_ASSIGNMENTS 4
#define N_SCENES 3

static SyncTestServer server;
static char *conninfo;
static char *cohort;
static GtkWindow *window;
static CsDashboardPage *page;
static CsDashboard *dashboard;
static CsServer *worker;

static gboolean
loaded_rows (gpointer data)
{
  return g_list_model_get_n_items (cs_dashboard_page_get_rows (page)) == GPOINTER_TO_UINT (data);
}

static CsDashboardStudent *
row (guint position)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);
  CsDashboardStudent *student = g_list_model_get_item (rows, position);

  g_object_unref (student);  /* the model keeps it */
  return student;
}

static GtkColumnViewColumn *
column (guint position)
{
  GListModel *columns = gtk_column_view_get_columns (cs_dashboard_page_get_matrix (page));
  GtkColumnViewColumn *result = g_list_model_get_item (columns, position);

  g_object_unref (result);
  return result;
}

static CsCompletionChart *
completion_chart (void)
{
  return CS_COMPLETION_CHART (ui_test_find_type (GTK_WIDGET (page), CS_TYPE_COMPLETION_CHART));
}

/* The students whose run of the first assignment is complete, as the matrix has it. */
static guint
count_completed (void)
{
  GListModel *all = cs_dashboard_get_students (dashboard);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (all, i);
      CsDashboardCell *cell = cs_dashboard_student_get_cell (student, 0);

      count += cell && cs_dashboard_cell_get_status (cell) == CS_DASHBOARD_COMPLETED;
    }
  return count;
}

static void
test_open (void)
{
  ui_test_wait_for (loaded_rows, GUINT_TO_POINTER (N_STUDENTS), "the 40 students on the page");
  g_assert_cmpuint (cs_dashboard_get_n_students (dashboard), ==, N_STUDENTS);
  /* Student, Completion, then one column per assignment. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (cs_dashboard_page_get_matrix (page))), ==,
                    2 + N_ASSIGNMENTS);
  g_assert_true (g_str_has_prefix (gtk_column_view_column_get_title (column (2)), "Harlow Valves (due "));
  /* The seed's pattern leaves some cells not started, some in progress, some graded. */
  g_assert_cmpfloat (cs_dashboard_get_average_score (dashboard), >, 0.4);
  g_assert_cmpfloat (cs_dashboard_get_median_completion (dashboard), >, 0);
  g_assert_cmpuint (cs_dashboard_get_n_active (dashboard), >, 0);

  /* The completion chart shows the first assignment: every completed run, from the day the
   * case was assigned (three weeks ago in the seed). */
  {
    gint64 start, now = g_get_real_time () / G_USEC_PER_SEC;

    g_assert_cmpuint (count_completed (), >, 0);
    g_assert_cmpuint (cs_completion_chart_get_completed_by (completion_chart (), G_MAXINT64), ==, count_completed ());
    cs_completion_chart_get_span (completion_chart (), &start, NULL);
    g_assert_cmpint (ABS (start - (now - 21 * 24 * 3600)), <, 3600);
  }
  ui_test_wait_for_frame (GTK_WIDGET (window));
  ui_test_save_screenshot (GTK_WIDGET (window), "dashboard.png");

  /* The most used hints of the first assignment: the seed's three, most given first, all
   * the hints its scenes count between them. */
  {
    g_autoptr(CsDashboardAssignment) first = g_list_model_get_item (cs_dashboard_get_assignments (dashboard), 0);
    CsHintList *hints = CS_HINT_LIST (ui_test_find_type (GTK_WIDGET (page), CS_TYPE_HINT_LIST));
    int given = 0, counted = 0;

    g_assert_cmpuint (cs_dashboard_assignment_get_n_hints (first), ==, 3);
    g_assert_cmpuint (cs_hint_list_get_n_rows (hints), ==, 3);
    /* Each row shows what differs: the criterion, not the words all three start with. */
    g_assert_cmpuint (cs_hint_list_get_skipped (hints), ==, strlen ("Not there yet. Think about this part of your goal: "));
    for (guint i = 0; i < cs_dashboard_assignment_get_n_hints (first); i++)
      {
        const CsDashboardHint *hint = cs_dashboard_assignment_get_hint (first, i);

        g_assert_true (g_str_has_prefix (hint->text, "Not there yet. Think about this part of your goal: "));
        g_assert_cmpint (hint->students, <=, hint->uses);
        g_assert_cmpint (hint->scene_number, >=, 1);
        if (i > 0)
          g_assert_cmpint (hint->uses, <=, cs_dashboard_assignment_get_hint (first, i - 1)->uses);
        given += hint->uses;
      }
    for (guint i = 0; i < cs_dashboard_assignment_get_n_scenes (first); i++)
      counted += cs_dashboard_assignment_get_scene (first, i)->hints_used;
    g_assert_cmpint (given, >, 0);
    g_assert_cmpint (given, ==, counted);

    gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (hints), GTK_TYPE_STACK)),
                                      "hints");
    ui_test_wait_for_frame (GTK_WIDGET (window));
    ui_test_save_screenshot (GTK_WIDGET (window), "dashboard-hints.png");
    ui_test_wait_for_text (GTK_WIDGET (hints), "Names the root cause of the delays");
    gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (hints), GTK_TYPE_STACK)),
                                      "pass-rate");
  }
}

static void
test_sort_and_filter (void)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);

  /* By the grade of the first assignment, best first. */
  cs_dashboard_page_sort_by (page, column (2), GTK_SORT_DESCENDING);
  ui_test_settle (50);
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    g_assert_cmpfloat (cs_dashboard_cell_get_score (cs_dashboard_student_get_cell (row (i - 1), 0)), >=,
                       cs_dashboard_cell_get_score (cs_dashboard_student_get_cell (row (i), 0)));
  g_assert_cmpfloat (cs_dashboard_cell_get_score (cs_dashboard_student_get_cell (row (0), 0)), >, 0);

  /* By name. */
  cs_dashboard_page_sort_by (page, column (0), GTK_SORT_ASCENDING);
  ui_test_settle (50);
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    g_assert_cmpint (g_utf8_collate (cs_dashboard_student_get_name (row (i - 1)),
                                     cs_dashboard_student_get_name (row (i))), <=, 0);

  /* Filtering by part of a name, in any case. */
  {
    guint expected = 0;
    GListModel *all = cs_dashboard_get_students (dashboard);

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(CsDashboardStudent) student = g_list_model_get_item (all, i);

        expected += strstr (cs_dashboard_student_get_name (student), "Okafor") != NULL;
      }
    g_assert_cmpuint (expected, >, 0);
    g_assert_cmpuint (expected, <, N_STUDENTS);
    gtk_editable_set_text (cs_dashboard_page_get_search (page), "okaFOR");
    ui_test_wait_for (loaded_rows, GUINT_TO_POINTER (expected), "the filtered rows");
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      g_assert_nonnull (strstr (cs_dashboard_student_get_name (row (i)), "Okafor"));
    ui_test_wait_for_frame (GTK_WIDGET (window));
    ui_test_save_screenshot (GTK_WIDGET (window), "dashboard-filtered.png");
    gtk_editable_set_text (cs_dashboard_page_get_search (page), "");
    ui_test_wait_for (loaded_rows, GUINT_TO_POINTER (N_STUDENTS), "all rows again");
  }
}

typedef struct {
  const char *student;
  double      progress;
} Expect;

static gboolean
progress_is (gpointer data)
{
  Expect *expect = data;
  GListModel *all = cs_dashboard_get_students (dashboard);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (all, i);

      if (g_str_equal (cs_dashboard_student_get_id (student), expect->student))
        return ABS (cs_dashboard_cell_get_progress (cs_dashboard_student_get_cell (student, 0)) - expect->progress) < 1e-6;
    }
  return FALSE;
}

static gboolean
watching (gpointer data)
{
  return cs_dashboard_get_watching (dashboard);
}

static gboolean
chart_completed_is (gpointer data)
{
  return cs_completion_chart_get_completed_by (completion_chart (), G_MAXINT64) == GPOINTER_TO_UINT (data);
}

static void
test_live (void)
{
  guint expected_completed;
  g_autofree char *student = NULL;
  Expect expect = { 0 };

  ui_test_wait_for (watching, NULL, "the dashboard listening");
  student = g_strdup (cs_dashboard_student_get_id (row (0)));
  /* The first assignment's run of the first student, made or changed as a push would. */
  sync_test_rows (server.super,
                  "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, last_activity) "
                  "SELECT gen_random_uuid (), $2, a.scenario_id, 'in_progress', 12.5, now () FROM cs.cohort_simulations a "
                  "WHERE a.cohort_id = $1 ORDER BY a.due_date LIMIT 1 "
                  "ON CONFLICT (user_id, scenario_id, attempt) DO UPDATE SET status = 'in_progress', "
                  "  completion_percentage = 12.5, final_score = -1, completed_at = NULL, last_activity = now ()",
                  cohort, student, NULL);
  expect.student = student;
  expect.progress = 0.125;
  ui_test_wait_for (progress_is, &expect, "the change on the page");

  /* The same run completed now: one more on the completion chart, at its end. */
  expected_completed = count_completed () + 1;
  sync_test_rows (server.super,
                  "UPDATE cs.user_progress p SET status = 'completed', completion_percentage = 100, final_score = 0.8, "
                  "  completed_at = now (), last_activity = now () FROM cs.cohort_simulations a "
                  "WHERE a.cohort_id = $1 AND p.scenario_id = a.scenario_id AND p.user_id = $2 "
                  "  AND a.due_date = (SELECT min (due_date) FROM cs.cohort_simulations WHERE cohort_id = $1)",
                  cohort, student, NULL);
  ui_test_wait_for (chart_completed_is, GUINT_TO_POINTER (expected_completed), "the completion on the chart");
  g_assert_cmpuint (cs_completion_chart_get_completed_by (completion_chart (), g_get_real_time () / G_USEC_PER_SEC - 60),
                    ==, expected_completed - 1);
}

static gboolean
overridden (gpointer data)
{
  CsDashboardCell *cell = cs_dashboard_student_get_cell (row (GPOINTER_TO_UINT (data)), 0);

  return cs_dashboard_cell_get_overridden (cell) && ABS (cs_dashboard_cell_get_score (cell) - 0.93) < 1e-9;
}

static void
test_override (void)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);
  CsDashboardCell *cell = NULL;
  GtkWidget *dialog, *box, *score, *reason;
  guint position = 0;

  /* A not-started cell has nothing to change. */
  for (guint i = 0; i < g_list_model_get_n_items (rows) && !cell; i++)
    if (!cs_dashboard_cell_get_progress_id (cs_dashboard_student_get_cell (row (i), 0)))
      cell = cs_dashboard_student_get_cell (row (i), 0);
  g_assert_nonnull (cell);
  g_assert_null (cs_dashboard_page_override_cell (page, cell));

  for (cell = NULL; position < g_list_model_get_n_items (rows); position++)
    if (cs_dashboard_cell_get_status (cs_dashboard_student_get_cell (row (position), 0)) == CS_DASHBOARD_COMPLETED)
      break;
  g_assert_cmpuint (position, <, g_list_model_get_n_items (rows));
  cell = cs_dashboard_student_get_cell (row (position), 0);
  dialog = cs_dashboard_page_override_cell (page, cell);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  score = gtk_widget_get_first_child (box);
  reason = gtk_widget_get_next_sibling (score);

  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  gtk_editable_set_text (GTK_EDITABLE (score), "130");
  gtk_editable_set_text (GTK_EDITABLE (reason), "Excellent memo");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  g_assert_true (gtk_widget_has_css_class (score, "error"));
  gtk_editable_set_text (GTK_EDITABLE (score), "93");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override"));
  ui_test_wait_for_frame (dialog);
  ui_test_save_screenshot (dialog, "dashboard-override.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "override");

  /* Sorted by name, the row stays where it was. */
  ui_test_wait_for (overridden, GUINT_TO_POINTER (position), "the new grade on the page");
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.grade_overrides WHERE progress_id = $1 "
                                   "AND new_score = 0.93 AND reason = 'Excellent memo'",
                                   cs_dashboard_cell_get_progress_id (cs_dashboard_student_get_cell (row (position), 0)),
                                   NULL), ==, 1);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export (void)
{
  g_autofree char *path = g_build_filename (server.tmpdir, "OPS-301 grades.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  cs_dashboard_page_export_to (page, file);
  ui_test_wait_for (file_written, path, "the CSV file");
  ui_test_settle (100);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* A header, one line per student × assignment, and the empty rest after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + N_STUDENTS * N_ASSIGNMENTS + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Student,User name,Assignment,Due,"));
  g_assert_true (g_str_has_suffix (lines[0], ",Scene 1 (%),Scene 2 (%),Scene 3 (%)"));
  g_assert_cmpstr (lines[N_STUDENTS * N_ASSIGNMENTS + 1], ==, "");
}

static gboolean
cohort_shown (gpointer data)
{
  CsCohortsWindow *cohorts = data;
  CsDashboardPage *shown = cs_cohorts_window_get_page (cohorts);

  return cs_cohorts_window_get_cohorts (cohorts) && cs_dashboard_page_get_dashboard (shown) &&
         g_list_model_get_n_items (cs_dashboard_page_get_rows (shown)) == N_STUDENTS;
}

static guint
n_requests (CsEnrolmentPage *enrolment)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (cs_enrolment_page_get_requests (enrolment))); row;
       row = gtk_widget_get_next_sibling (row))
    n += g_object_get_data (G_OBJECT (row), "check") != NULL;
  return n;
}

static gboolean
two_requests (gpointer data)
{
  return n_requests (data) == 2;
}

static gboolean
no_requests (gpointer data)
{
  return n_requests (data) == 0 && gtk_widget_get_first_child (GTK_WIDGET (cs_enrolment_page_get_requests (data)));
}

static gboolean
has_code (gpointer data)
{
  return cs_enrolment_page_get_new_code (data) != NULL;
}

static gboolean
rows_are (gpointer data)
{
  CsCohortsWindow *cohorts = g_object_get_data (G_OBJECT (data), "window");

  return g_list_model_get_n_items (cs_dashboard_page_get_rows (cs_cohorts_window_get_page (cohorts))) ==
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (data), "rows"));
}

static gboolean
sidebar_counts (gpointer data)
{
  GPtrArray *listed = cs_cohorts_window_get_cohorts (data);
  const CsCohortInfo *info = listed && listed->len ? g_ptr_array_index (listed, 0) : NULL;

  return info && info->n_approved == N_STUDENTS + 2 && info->n_pending == 0;
}

/* Two requests to join, approved together; a new code with its join link. */
static void
test_enrolment (CsCohortsWindow *cohorts)
{
  CsEnrolmentPage *enrolment = cs_cohorts_window_get_enrolment_page (cohorts);
  g_autoptr(GObject) wait = g_object_new (G_TYPE_OBJECT, NULL);
  g_autofree char *link_text = NULL;
  g_autoptr(CsJoinLink) link = NULL;
  g_autoptr(GError) error = NULL;

  sync_test_rows (server.super,
                  "WITH asked AS (INSERT INTO cs.users (id, role_name, display_name, kind) "
                  "  SELECT gen_random_uuid (), 'asking_' || n || '_' || $2, 'Asking ' || n, 'student' "
                  "  FROM generate_series (1, 2) n RETURNING id) "
                  "INSERT INTO cs.cohort_students (id, cohort_id, student_id, status) "
                  "SELECT gen_random_uuid (), $1, id, 'pending' FROM asked", cohort, server.tag, NULL);
  cs_cohorts_window_show_view (cohorts, "enrolment");
  gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.refresh", NULL);
  cs_enrolment_page_set_cohort (enrolment, worker, cohort);
  ui_test_wait_for (two_requests, enrolment, "two requests to join");
  /* Nothing checked: nothing to approve. */
  gtk_widget_activate_action (GTK_WIDGET (enrolment), "enrolment.approve", NULL);
  ui_test_settle (200);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohort_students WHERE status = 'pending'", NULL), ==, 2);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (cs_enrolment_page_get_requests (enrolment))); row;
       row = gtk_widget_get_next_sibling (row))
    gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-enrolment.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (enrolment), "enrolment.approve", NULL));
  ui_test_wait_for (no_requests, enrolment, "the requests decided");
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohort_students WHERE cohort_id = $1 "
                                   "AND status = 'approved'", cohort, NULL), ==, N_STUDENTS + 2);
  /* The dashboard hears of it and shows them. */
  g_object_set_data (wait, "window", cohorts);
  g_object_set_data (wait, "rows", GUINT_TO_POINTER (N_STUDENTS + 2));
  ui_test_wait_for (rows_are, wait, "the new students on the dashboard");
  ui_test_wait_for (sidebar_counts, cohorts, "the sidebar's counts updated");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (enrolment), "enrolment.new-code", NULL));
  ui_test_wait_for (has_code, enrolment, "a new code");
  g_assert_true (cs_join_link_is_code (cs_enrolment_page_get_new_code (enrolment)));
  link_text = cs_enrolment_page_dup_join_link (enrolment);
  link = cs_join_link_parse (link_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->code, ==, cs_enrolment_page_get_new_code (enrolment));
  g_assert_cmpstr (link->database, ==, server.dbname);
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-enrolment-code.png");
}

/* The window the main menu's Cohorts opens: the instructor's cohorts, the first shown. */
static void
test_cohorts_window (void)
{
  CsCohortsWindow *cohorts = cs_cohorts_window_new (NULL, worker);
  const CsCohortInfo *info;

  gtk_window_set_default_size (GTK_WINDOW (cohorts), 1200, 820);
  gtk_window_present (GTK_WINDOW (cohorts));
  ui_test_wait_for (cohort_shown, cohorts, "the cohort's dashboard in the cohorts window");
  g_assert_cmpuint (cs_cohorts_window_get_cohorts (cohorts)->len, ==, 1);
  info = g_ptr_array_index (cs_cohorts_window_get_cohorts (cohorts), 0);
  g_assert_cmpstr (info->id, ==, cohort);
  g_assert_cmpint (info->n_approved, ==, N_STUDENTS);
  g_assert_cmpstr (cs_dashboard_get_title (cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (cohorts))), ==,
                   "Operations Strategy");
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-window.png");
  test_enrolment (cohorts);
  gtk_window_destroy (GTK_WINDOW (cohorts));
}

int
main (int argc, char **argv)
{
  g_autofree char *instructor = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!ui_test_server_set_up (&server))
    return g_test_run ();

  conninfo = sync_test_instructor_conninfo (&server, NULL);
  {
    g_autoptr(PGconn) conn = NULL;
    g_autoptr(GError) error = NULL;

    conn = cs_pg_connect (conninfo, &error);
    g_assert_no_error (error);
    instructor = sync_test_value (conn, "SELECT current_user", NULL);
  }
  cohort = sync_test_seed_cohort (&server, instructor, N_STUDENTS, N_ASSIGNMENTS, N_SCENES);
  sync_test_seed_hints (&server, cohort);

  worker = cs_server_new (conninfo);
  dashboard = cs_dashboard_new (worker, cohort);
  cs_dashboard_watch (dashboard, NULL);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1100, 800);
  page = CS_DASHBOARD_PAGE (cs_dashboard_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  cs_dashboard_page_set_dashboard (page, dashboard);
  gtk_window_present (window);

  g_test_add_func ("/ui/dashboard/open", test_open);
  g_test_add_func ("/ui/dashboard/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/ui/dashboard/live", test_live);
  g_test_add_func ("/ui/dashboard/override", test_override);
  g_test_add_func ("/ui/dashboard/export", test_export);
  g_test_add_func ("/ui/dashboard/cohorts-window", test_cohorts_window);
  status = g_test_run ();

  gtk_window_destroy (window);
  cs_dashboard_unwatch (dashboard);
  g_clear_object (&dashboard);
  g_clear_object (&worker);
  g_free (cohort);
  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
