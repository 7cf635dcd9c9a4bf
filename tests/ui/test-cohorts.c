/* test-cohorts.c: the cohorts window under Xvfb against the test PostgreSQL server: an
 * instructor creates a cohort, assigns a case through the dialog with a due date and the
 * required switch, sees a student's status and archives the cohort (with undo); a student
 * sees their assignments with due dates and statuses and none of the instructor controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-assign-dialog.h"
#include "cs-cohort-dialog.h"
#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-join-link.h"
#include "cs-student-page.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;
static char *conninfo;
static CsServer *worker;
static CsCohortsWindow *cohorts;
static char *cohort_id;       /* the cohort made through the dialog */
static char *student_conninfo;

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* The descendants of @widget of @type, depth first. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
nth_of (GtkWidget *widget,
        GType      type,
        guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

static const CsCohortInfo *
shown_info (CsCohortsWindow *window)
{
  GPtrArray *list = cs_cohorts_window_get_cohorts (window);
  CsDashboard *dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (window));

  for (guint i = 0; list && dashboard && i < list->len; i++)
    if (g_str_equal (((CsCohortInfo *) g_ptr_array_index (list, i))->id, cs_dashboard_get_cohort_id (dashboard)))
      return g_ptr_array_index (list, i);
  return NULL;
}

static gboolean
shows_title (gpointer data)
{
  const CsCohortInfo *info = shown_info (cohorts);

  return info && g_str_equal (info->title, data) && info->n_assigned >= 0;
}

static gboolean
has_cases (gpointer data)
{
  return cs_assign_dialog_get_n_cases (data) > 0;
}

static gboolean
assignment_listed (gpointer data)
{
  const CsCohortInfo *info = shown_info (cohorts);

  return info && info->n_assigned == GPOINTER_TO_INT (data);
}

static gboolean
student_in_progress (gpointer data)
{
  CsDashboard *dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (cohorts));
  GListModel *cells = cs_dashboard_get_cells (dashboard);
  g_autoptr(CsDashboardCell) cell = g_list_model_get_n_items (cells) ? g_list_model_get_item (cells, 0) : NULL;

  return cell && cs_dashboard_cell_get_status (cell) == CS_DASHBOARD_IN_PROGRESS;
}

static gboolean
is_archived (gpointer data)
{
  const CsCohortInfo *info = shown_info (cohorts);

  return info && info->is_active == !GPOINTER_TO_INT (data);
}

static void
test_instructor (void)
{
  GtkWidget *dialog;
  GtkWidget *assign;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due_day = g_date_time_new_local (2031, 5, 20, 12, 0, 0);
  g_autofree char *code = NULL;
  g_autofree char *row = NULL;
  g_autofree char *student_name = sync_test_user_name (&server, "uistu");
  g_autofree char *run = g_uuid_string_random ();

  cohorts = cs_cohorts_window_new (NULL, worker);
  cs_cohorts_window_set_kind (cohorts, "instructor");
  gtk_window_set_default_size (GTK_WINDOW (cohorts), 1100, 760);
  gtk_window_present (GTK_WINDOW (cohorts));
  ui_test_wait_for (shows_title, (gpointer) "Operations Strategy", "the seeded cohort shown");

  /* A new cohort through the dialog (Ctrl+N's action). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.new", NULL));
  ui_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (CS_TYPE_COHORT_DIALOG), "the new cohort dialog");
  dialog = find_toplevel (CS_TYPE_COHORT_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 0)), "Field Study");
  gtk_editable_set_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 1)), "FS-210");
  gtk_editable_set_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 2)), "Autumn 2031");
  gtk_switch_set_active (GTK_SWITCH (nth_of (dialog, GTK_TYPE_SWITCH, 0)), TRUE);
  ui_test_wait_for_frame (dialog);
  ui_test_save_screenshot (dialog, "cohorts-new-dialog.png");
  g_assert_true (gtk_widget_activate_action (dialog, "cohort.save", NULL));
  ui_test_wait_for (shows_title, (gpointer) "Field Study", "the new cohort shown");
  ui_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CS_TYPE_COHORT_DIALOG), "the dialog closed");
  cohort_id = g_strdup (shown_info (cohorts)->id);
  row = sync_test_value (server.super, "SELECT format ('%s|%s|%s|%s', title, course_code, semester, auto_approve) "
                         "FROM cs.cohorts WHERE id = $1", cohort_id, NULL);
  g_assert_cmpstr (row, ==, "Field Study|FS-210|Autumn 2031|t");
  g_clear_pointer (&row, g_free);

  /* A student joins it with a code. */
  {
    g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
    g_autofree char *base = sync_test_tcp_conninfo (&server, "nobody", NULL);
    g_autoptr(CsJoinResult) joined = NULL;

    g_assert_no_error (error);
    code = cs_enrolment_create_invitation (ann, cohort_id, 1, NULL, -1, &error);
    g_assert_no_error (error);
    joined = cs_enrolment_join (base, code, student_name, "student-password", "Uma Student", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (joined->status, ==, "approved");
    student_conninfo = sync_test_tcp_conninfo (&server, student_name, "student-password");
  }

  /* Assign the first published case, optional, due on a chosen day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.assign", NULL));
  ui_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (CS_TYPE_ASSIGN_DIALOG), "the assign dialog");
  assign = find_toplevel (CS_TYPE_ASSIGN_DIALOG);
  ui_test_wait_for (has_cases, assign, "the published cases listed");
  g_assert_cmpuint (cs_assign_dialog_get_n_cases (CS_ASSIGN_DIALOG (assign)), ==, 2);
  gtk_calendar_select_day (GTK_CALENDAR (nth_of (assign, GTK_TYPE_CALENDAR, 0)), due_day);
  /* The switches: the required one, then the due date's. */
  gtk_switch_set_active (GTK_SWITCH (nth_of (assign, GTK_TYPE_SWITCH, 0)), FALSE);
  ui_test_wait_for_frame (assign);
  ui_test_save_screenshot (assign, "cohorts-assign-dialog.png");
  g_assert_true (gtk_widget_activate_action (assign, "assign.assign", NULL));
  ui_test_wait_for (assignment_listed, GINT_TO_POINTER (1), "the assignment counted");
  row = sync_test_value (server.super, "SELECT format ('%s|%s|%s', s.title, "
                         "  to_char (a.due_date AT TIME ZONE current_setting ('TimeZone'), 'YYYY-MM-DD'), a.is_required) "
                         "FROM cs.cohort_simulations a JOIN cs.scenarios s ON s.id = a.scenario_id WHERE a.cohort_id = $1",
                         cohort_id, NULL);
  g_assert_true (g_str_has_suffix (row, "|f"));
  g_assert_nonnull (strstr (row, "|2031-05-2"));  /* the 20th, local: the 20th or 21st in the server's zone */
  g_clear_pointer (&row, g_free);

  /* The student starts it; the dashboard shows them in progress. */
  {
    g_autoptr(PGconn) student = cs_pg_connect (student_conninfo, &error);

    g_assert_no_error (error);
    sync_test_rows (student,
      "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, started_at, last_activity) "
      "SELECT $1, u.id, a.scenario_id, 'in_progress', 50, now (), now () FROM cs.users u, cs.cohort_simulations a "
      "WHERE u.role_name = current_user", run, NULL);
  }
  ui_test_wait_for (student_in_progress, NULL, "the student in progress on the dashboard");
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-instructor.png");

  /* A second case, required, already past due (through the server call, as the dialog's
   * calendar would): the student's view shows it late. */
  {
    g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
    g_autofree char *second = sync_test_value (ann, "SELECT id FROM cs.scenarios WHERE is_published AND id NOT IN "
                                               "(SELECT scenario_id FROM cs.cohort_simulations WHERE cohort_id = $1) "
                                               "ORDER BY title LIMIT 1", cohort_id, NULL);
    g_autoptr(GDateTime) past = g_date_time_add_days (g_date_time_new_now_utc (), -2);

    g_free (cs_enrolment_assign (ann, cohort_id, second, past, &error));
    g_assert_no_error (error);
    /* And a grade for the run so far, with a note the student reads. */
    g_free (sync_test_value (ann, "SELECT cs.cs_override_grade ($1, 0.9, 'Clear reasoning in the first scene')",
                             run, NULL));
  }
}

static gboolean
student_statuses (gpointer data)
{
  CsCohortsWindow *window = data;
  g_autofree char *summary = cs_student_page_dup_summary (cs_cohorts_window_get_student_page (window));

  return g_str_equal (summary, "Late, In Progress") || g_str_equal (summary, "In Progress, Late");
}

/* The student page shows the instructor's grade and note. */
static gboolean
feedback_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean note = FALSE, grade = FALSE;

  collect (data, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

      note |= subtitle && strstr (subtitle, "“Clear reasoning in the first scene”") != NULL;
    }
  collect (data, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    grade |= g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "90%") &&
             g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (labels, i)), "Grade set by your instructor") == 0;
  return note && grade;
}

static void
test_student (void)
{
  g_autoptr(CsServer) student_server = cs_server_new (student_conninfo);
  CsCohortsWindow *window = cs_cohorts_window_new (NULL, student_server);
  AdwViewStack *stack;

  cs_cohorts_window_set_kind (window, "student");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (student_statuses, window, "the student's two assignments");
  ui_test_wait_for (feedback_shown, cs_cohorts_window_get_student_page (window), "the grade and its note");
  g_assert_cmpuint (cs_cohorts_window_get_cohorts (window)->len, ==, 1);

  /* None of the instructor's controls: the actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "cohorts.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "cohorts.assign", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "cohorts.archive", NULL);
  ui_test_settle (300);
  g_assert_null (find_toplevel (CS_TYPE_COHORT_DIALOG));
  g_assert_null (find_toplevel (CS_TYPE_ASSIGN_DIALOG));
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohorts WHERE id = $1 AND is_active", cohort_id, NULL), ==, 1);
  stack = ADW_VIEW_STACK (nth_of (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "assignments");
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                   GTK_WIDGET (cs_cohorts_window_get_enrolment_page (window)))));
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                   GTK_WIDGET (cs_cohorts_window_get_page (window)))));
  for (GtkWidget *button = nth_of (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, 0); button; button = NULL)
    g_assert_false (gtk_widget_get_visible (button));
  ui_test_wait_for_frame (GTK_WIDGET (window));
  ui_test_save_screenshot (GTK_WIDGET (window), "cohorts-student.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
student_listed (gpointer data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (cs_students_group_get_list (data), 0);

  return row && g_object_get_data (G_OBJECT (row), "remove");
}

static gboolean
enrolment_is (gpointer data)
{
  g_autofree char *status = sync_test_value (server.super, "SELECT e.status FROM cs.cohort_students e "
                                             "WHERE e.cohort_id = $1", cohort_id, NULL);

  return g_strcmp0 (status, data) == 0;
}

static gboolean
has_code (gpointer data)
{
  return cs_enrolment_page_get_new_code (data) != NULL;
}

/* The Enrolment view: a join link with the account's port for live updates, and the
 * student taken out of the cohort with their work kept. */
static void
test_enrolment (void)
{
  CsEnrolmentPage *enrolment = cs_cohorts_window_get_enrolment_page (cohorts);
  CsStudentsGroup *students = cs_enrolment_page_get_students (enrolment);
  GtkListBoxRow *row;
  g_autoptr(CsJoinLink) link = NULL;
  g_autofree char *link_text = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  cs_cohorts_window_show_view (cohorts, "enrolment");
  cs_enrolment_page_set_listen_port (enrolment, 6543);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (enrolment), "enrolment.new-code", NULL));
  ui_test_wait_for (has_code, enrolment, "a new code");
  link_text = cs_enrolment_page_dup_join_link (enrolment);
  link = cs_join_link_parse (link_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (link->listen_port, ==, 6543);
  g_assert_cmpstr (link->database, ==, server.dbname);

  ui_test_wait_for (student_listed, students, "the student listed");
  row = gtk_list_box_get_row_at_index (cs_students_group_get_list (students), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Uma Student");
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-enrolment-students.png");
  gtk_widget_activate (g_object_get_data (G_OBJECT (row), "remove"));
  ui_test_wait_for (enrolment_is, (gpointer) "withdrawn", "the student withdrawn");
  kept = sync_test_value (server.super, "SELECT count (*) FROM cs.user_progress p JOIN cs.cohort_students e "
                          "ON e.student_id = p.user_id WHERE e.cohort_id = $1", cohort_id, NULL);
  g_assert_cmpstr (kept, ==, "1");
  cs_cohorts_window_show_view (cohorts, "dashboard");
}

static void
test_archive (void)
{
  g_autofree char *active = NULL;
  g_autofree char *row = NULL;
  GtkWidget *dialog;

  /* Edited: the dialog starts from the cohort as it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.edit", NULL));
  ui_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (CS_TYPE_COHORT_DIALOG), "the edit dialog");
  dialog = find_toplevel (CS_TYPE_COHORT_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 0))), ==, "Field Study");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 2))), ==, "Autumn 2031");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (nth_of (dialog, GTK_TYPE_SWITCH, 0))));
  gtk_editable_set_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 0)), "Field Study (late start)");
  gtk_editable_set_text (GTK_EDITABLE (nth_of (dialog, ADW_TYPE_ENTRY_ROW, 1)), "");
  g_assert_true (gtk_widget_activate_action (dialog, "cohort.save", NULL));
  ui_test_wait_for (shows_title, (gpointer) "Field Study (late start)", "the edited cohort shown");
  row = sync_test_value (server.super, "SELECT format ('%s|%s|%s', title, coalesce (course_code, '-'), semester) "
                         "FROM cs.cohorts WHERE id = $1", cohort_id, NULL);
  g_assert_cmpstr (row, ==, "Field Study (late start)|-|Autumn 2031");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.archive", NULL));
  ui_test_wait_for (is_archived, GINT_TO_POINTER (TRUE), "the cohort archived");
  active = sync_test_value (server.super, "SELECT is_active FROM cs.cohorts WHERE id = $1", cohort_id, NULL);
  g_assert_cmpstr (active, ==, "f");
  /* Archived: nothing more can be assigned, it can be restored. */
  gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.assign", NULL);
  ui_test_settle (200);
  g_assert_null (find_toplevel (CS_TYPE_ASSIGN_DIALOG));
  ui_test_wait_for_frame (GTK_WIDGET (cohorts));
  ui_test_save_screenshot (GTK_WIDGET (cohorts), "cohorts-archived.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cohorts), "cohorts.restore", NULL));
  ui_test_wait_for (is_archived, GINT_TO_POINTER (FALSE), "the cohort restored");
  gtk_window_destroy (GTK_WINDOW (cohorts));
}

int
main (int argc, char **argv)
{
  g_autofree char *instructor = NULL;
  g_autofree char *seeded = NULL;
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
  seeded = sync_test_seed_cohort (&server, instructor, 3, 2, 2);
  worker = cs_server_new (conninfo);

  g_test_add_func ("/ui/cohorts/instructor", test_instructor);
  g_test_add_func ("/ui/cohorts/student", test_student);
  g_test_add_func ("/ui/cohorts/enrolment", test_enrolment);
  g_test_add_func ("/ui/cohorts/archive", test_archive);
  status = g_test_run ();

  g_clear_object (&worker);
  g_free (cohort_id);
  g_free (student_conninfo);
  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
