/* test-cohorts-look.c: the Cohorts window and its companions at the default size and at a
 * narrow width (700 px), for a look at them: the instructor's cohorts with the dashboard
 * of 40 students, the enrolment view with requests, a run; the student's assignments and
 * messages. At the narrow width each window must fit: nothing in it may ask for more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-cohorts-window.h"
#include "cs-dashboard-page.h"
#include "cs-enrolment.h"
#include "cs-enrolment-page.h"
#include "cs-messages-window.h"
#include "cs-run-view.h"
#include "cs-students-group.h"
#include "cs-student-page.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

#define N_STUDENTS 40
#define NARROW 700

static SyncTestServer server;

/* Shows @window at its default size and at the narrow width, saving @name.png and
 * @name-narrow.png; back to the default size after. The narrow window must be no wider
 * than asked: a child whose minimum width is larger would widen it. */
static void
look_at (GtkWindow  *window,
         const char *name,
         int         width,
         int         height)
{
  g_autofree char *wide = g_strdup_printf ("%s.png", name);
  g_autofree char *narrow = g_strdup_printf ("%s-narrow.png", name);
  int min_width = 0;

  gtk_window_set_default_size (window, width, height);
  ui_test_settle (300);
  ui_test_save_screenshot (GTK_WIDGET (window), wide);
  gtk_window_set_default_size (window, NARROW, height);
  ui_test_settle (300);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", name, min_width);
  g_assert_cmpint (min_width, <=, NARROW);
  ui_test_save_screenshot (GTK_WIDGET (window), narrow);
  gtk_window_set_default_size (window, width, height);
  ui_test_settle (100);
}

static gboolean
dashboard_shown (gpointer data)
{
  CsDashboardPage *page = cs_cohorts_window_get_page (data);

  return cs_cohorts_window_get_cohorts (data) && cs_dashboard_page_get_dashboard (page) &&
         g_list_model_get_n_items (cs_dashboard_page_get_rows (page)) == N_STUDENTS;
}

static gboolean
two_requests (gpointer data)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (cs_enrolment_page_get_requests (data))); row;
       row = gtk_widget_get_next_sibling (row))
    n += g_object_get_data (G_OBJECT (row), "check") != NULL;
  return n == 2;
}

static gboolean
students_listed (gpointer data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (cs_students_group_get_list (data), N_STUDENTS - 1);

  return row && g_object_get_data (G_OBJECT (row), "remove");
}

/* The class list reads by name (the server gives it in the order the students joined). */
static void
assert_by_name (GtkListBox *list)
{
  const char *before = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (before)
        g_assert_cmpint (g_utf8_collate (before, name), <=, 0);
      before = name;
    }
  g_assert_nonnull (before);
}

static gboolean
run_loaded (gpointer data)
{
  return cs_run_view_get_run (data) != NULL;
}

static CsDashboardCell *
cell_of (CsDashboardPage *page,
         const char      *login)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (rows, i);

      if (g_str_equal (cs_dashboard_student_get_login (student), login))
        return cs_dashboard_student_get_cell (student, 0);
    }
  g_assert_not_reached ();
}

static void
test_instructor (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *login = NULL;
  g_autofree char *run = NULL;
  g_autoptr(CsServer) worker = NULL;
  CsCohortsWindow *window;
  CsDashboardPage *page;
  GtkWidget *view;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, N_STUDENTS, 4, 3);
  login = g_strdup_printf ("%s_s2", instructor);
  run = sync_test_value (server.super, "SELECT p.id::text FROM cs.user_progress p JOIN cs.users u "
                         "ON u.id = p.user_id JOIN cs.scenarios s ON s.id = p.scenario_id "
                         "WHERE u.role_name = $1 AND s.title = 'Harlow Valves'", login, NULL);
  sync_test_seed_evidence (&server, run);
  sync_test_rows (server.super,
                  "WITH asked AS (INSERT INTO cs.users (id, role_name, display_name, kind) "
                  "  SELECT gen_random_uuid (), 'asking_' || n || '_' || $2, "
                  "         (ARRAY['Maximilian Featherstonehaugh-Cholmondeley', 'Li Na'])[n], 'student' "
                  "  FROM generate_series (1, 2) n RETURNING id) "
                  "INSERT INTO cs.cohort_students (id, cohort_id, student_id, status) "
                  "SELECT gen_random_uuid (), $1, id, 'pending' FROM asked", cohort, server.tag, NULL);

  worker = cs_server_new (conninfo);
  window = cs_cohorts_window_new (NULL, worker);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 820);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (dashboard_shown, window, "the dashboard of 40 students");
  page = cs_cohorts_window_get_page (window);
  /* A login of unknown kind is an instructor's: the dashboard, not the hidden assignments. */
  g_assert_cmpstr (cs_cohorts_window_get_view (window), ==, "dashboard");
  look_at (GTK_WINDOW (window), "look-dashboard", 1200, 820);

  cs_cohorts_window_show_view (window, "enrolment");
  ui_test_wait_for (two_requests, cs_cohorts_window_get_enrolment_page (window), "the two requests");
  ui_test_wait_for (students_listed, cs_enrolment_page_get_students (cs_cohorts_window_get_enrolment_page (window)),
                    "the students");
  assert_by_name (cs_students_group_get_list (cs_enrolment_page_get_students (cs_cohorts_window_get_enrolment_page (window))));
  look_at (GTK_WINDOW (window), "look-enrolment", 1200, 820);
  cs_cohorts_window_show_view (window, "dashboard");

  view = cs_dashboard_page_open_cell (page, cell_of (page, login));
  ui_test_wait_for (run_loaded, view, "the run");
  look_at (GTK_WINDOW (view), "look-run", 900, 700);
  gtk_window_destroy (GTK_WINDOW (view));
  ui_test_settle (200);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
assignments_listed (gpointer data)
{
  g_autofree char *summary = cs_student_page_dup_summary (data);

  g_auto(GStrv) words = g_strsplit (summary ? summary : "", ", ", -1);

  return g_strv_length (words) == 3;
}

static gboolean
thread_listed (gpointer data)
{
  return gtk_list_box_get_row_at_index (cs_messages_window_get_threads (data), 0) != NULL;
}

static void
test_student (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *instructor_conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autofree char *student = sync_test_user_name (&server, "looker");
  g_autofree char *base = g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=nobody",
                                           g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", server.dbname);
  g_autofree char *student_conninfo = NULL;
  g_autofree char *instructor = NULL;
  g_autofree char *instructor_id = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autoptr(CsJoinResult) joined = NULL;
  g_autoptr(CsServer) student_server = NULL;
  g_autoptr(PGconn) ann = cs_pg_connect (instructor_conninfo, &error);
  g_autoptr(PGconn) stu = NULL;
  CsCohortsWindow *window;
  CsMessagesWindow *messages;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  instructor_id = sync_test_value (ann, "SELECT cs.uid (current_user)", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, 0, 3, 2);
  code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 1, &error);
  g_assert_no_error (error);
  joined = cs_enrolment_join (base, code, student, "student-password", "Olga Student", &error);
  g_assert_no_error (error);
  student_conninfo = g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=student-password",
                                      g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", server.dbname, student);
  stu = cs_pg_connect (student_conninfo, &error);
  g_assert_no_error (error);
  g_free (sync_test_value (stu, "SELECT cs.cs_send_message ($1, 'Could the Harlow Valves memo be handed in on "
                           "Monday instead? I am away on a field trip with the geography department until "
                           "Sunday night.', 'Harlow Valves deadline', $2)", instructor_id, cohort, NULL));

  student_server = cs_server_new (student_conninfo);
  window = cs_cohorts_window_new (NULL, student_server);
  cs_cohorts_window_set_kind (window, "student");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (assignments_listed, cs_cohorts_window_get_student_page (window), "the student's assignments");
  look_at (GTK_WINDOW (window), "look-student", 1000, 640);

  messages = cs_messages_window_new (NULL, student_server, student_conninfo);
  gtk_window_present (GTK_WINDOW (messages));
  ui_test_wait_for (thread_listed, messages, "the student's thread");
  look_at (GTK_WINDOW (messages), "look-messages", 900, 600);
  ui_test_settle (300);
  gtk_window_destroy (GTK_WINDOW (messages));
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

  g_test_add_func ("/ui/cohorts-look/instructor", test_instructor);
  g_test_add_func ("/ui/cohorts-look/student", test_student);
  status = g_test_run ();

  sync_test_server_tear_down (&server);
  return status;
}
