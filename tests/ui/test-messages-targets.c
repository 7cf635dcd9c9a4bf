/* test-messages-targets.c: a click on a notification opens what it points at, under Xvfb
 * against the test PostgreSQL server: for an instructor, a completed run opens that
 * student's run read-only and a request to join opens the cohort's enrolment view; for a
 * student, a new assignment opens their view of the cohort with that assignment selected.
 * The rows are written from the notification's data (not the server's English); and the
 * application has the actions a desktop notification names. Screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-notifications-button.h"
#include "cs-notification-text.h"
#include "cs-run-view.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-app.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

/* As in test-messages.c: let a pending tooltip query run out before a window goes. */
static void
destroy_window (gpointer window)
{
  ui_test_settle (700);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_loaded (gpointer data)
{
  return cs_notifications_get_user_id (data) != NULL;
}

/* The popover's row of the first notification of @kind matching @key = @value (if @key). */
static GtkListBoxRow *
row_of (CsNotificationsButton *button,
        const char            *kind,
        const char            *key,
        const char            *value)
{
  GtkListBox *list = cs_notifications_button_get_list (button);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    {
      CsNotification *notification = g_object_get_data (G_OBJECT (c), "notification");

      if (GTK_IS_LIST_BOX_ROW (c) && notification &&
          g_strcmp0 (cs_notification_get_kind (notification), kind) == 0 &&
          (!key || g_strcmp0 (cs_notification_get_data_id (notification, key), value) == 0))
        return GTK_LIST_BOX_ROW (c);
    }
  return NULL;
}

typedef struct {
  CsNotificationsButton *button;
  const char            *kind;
  const char            *key;
  const char            *value;
} Wanted;

static gboolean
has_row (gpointer data)
{
  Wanted *wanted = data;

  return row_of (wanted->button, wanted->kind, wanted->key, wanted->value) != NULL;
}

static gboolean
run_view_shown (gpointer data)
{
  CsRunView *view = ui_test_find_toplevel (CS_TYPE_RUN_VIEW);

  return view && g_strcmp0 (cs_run_view_get_state (view), "run") == 0;
}

typedef struct {
  const char *cohort;
  const char *view;
  const char *assignment;  /* selected in the student's view, or NULL */
} Shown;

static gboolean
cohort_shown (gpointer data)
{
  Shown *shown = data;
  CsCohortsWindow *window = ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW);

  return window && g_strcmp0 (cs_cohorts_window_get_cohort_id (window), shown->cohort) == 0 &&
         g_strcmp0 (cs_cohorts_window_get_view (window), shown->view) == 0 &&
         (!shown->assignment ||
          g_strcmp0 (cs_student_page_get_shown_assignment (cs_cohorts_window_get_student_page (window)),
                     shown->assignment) == 0);
}

/* A window with the bell in its header bar, showing @notifications. */
static GtkWidget *
window_with_bell (CsNotifications        *notifications,
                  CsNotificationsButton **button_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = adw_header_bar_new ();
  CsNotificationsButton *button = g_object_new (CS_TYPE_NOTIFICATIONS_BUTTON, NULL);

  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (button));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), adw_status_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  gtk_window_set_title (GTK_WINDOW (window), "Case Studio");
  cs_notifications_button_set_notifications (button, notifications);
  cs_notifications_load_async (notifications, NULL, NULL, NULL);
  ui_test_wait_for (is_loaded, notifications, "the notifications");
  gtk_window_present (GTK_WINDOW (window));
  *button_out = button;
  return window;
}

static char *
student_conninfo (const char *name)
{
  return sync_test_tcp_conninfo (&server, name, "student-password");
}

static void
test_instructor_and_student (void)
{
  g_autofree char *ann_info = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsServer) ann_server = cs_server_new (ann_info);
  g_autoptr(CsNotifications) ann_notifications = cs_notifications_new (ann_server);
  g_autofree char *nobody = sync_test_tcp_conninfo (&server, "nobody", NULL);
  g_autofree char *mira_name = sync_test_user_name (&server, "mira");
  g_autofree char *noor_name = sync_test_user_name (&server, "noor");
  g_autofree char *mira_info = student_conninfo (mira_name);
  g_autoptr(CsServer) mira_server = cs_server_new (mira_info);
  g_autoptr(CsNotifications) mira_notifications = cs_notifications_new (mira_server);
  g_autofree char *ann_role = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *asking = NULL;
  g_autofree char *run_student = NULL;
  g_autofree char *run_student_name = NULL;
  g_autofree char *new_assignment = NULL;
  g_autofree char *title = NULL;
  g_autoptr(CsJoinResult) mira = NULL;
  g_autoptr(CsJoinResult) noor = NULL;
  CsNotificationsButton *button;
  GtkListBoxRow *row;
  GtkWidget *window;
  CsRunView *view;
  Wanted wanted;
  Shown shown;

  ann = cs_pg_connect (ann_info, &error);
  g_assert_no_error (error);
  ann_role = sync_test_value (ann, "SELECT current_user", NULL);
  /* Four seeded students with runs: each completed one told Ann. */
  cohort = sync_test_seed_cohort (&server, ann_role, 4, 2, 2);
  code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 1, &error);
  g_assert_no_error (error);
  mira = cs_enrolment_join (nobody, code, mira_name, "student-password", "Mira Chen", &error);
  g_assert_no_error (error);
  asking = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 0, &error);
  g_assert_no_error (error);
  noor = cs_enrolment_join (nobody, asking, noor_name, "student-password", "Noor Haddad", &error);
  g_assert_no_error (error);
  run_student = sync_test_value (ann, "SELECT data ->> 'student_id' FROM cs.notifications "
                                 "WHERE type = 'run_completed' ORDER BY created_at DESC, change_seq DESC LIMIT 1", NULL);
  g_assert_nonnull (run_student);
  run_student_name = sync_test_value (ann, "SELECT display_name FROM cs.users WHERE id = $1", run_student, NULL);

  /* Ann: a completed run opens that student's run, read-only. */
  window = window_with_bell (ann_notifications, &button);
  gtk_menu_button_popup (cs_notifications_button_get_menu_button (button));
  wanted = (Wanted) { button, "run_completed", "student_id", run_student };
  ui_test_wait_for (has_row, &wanted, "the completed run's row");
  ui_test_settle (200);
  ui_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (cs_notifications_button_get_menu_button (button))),
                           "messages-targets-popover.png");
  row = row_of (button, "run_completed", "student_id", run_student);
  title = cs_notification_dup_display_title (g_object_get_data (G_OBJECT (row), "notification"));
  g_assert_true (g_str_has_prefix (title, run_student_name));
  gtk_widget_activate (GTK_WIDGET (row));
  ui_test_wait_for (run_view_shown, NULL, "the student's run");
  view = ui_test_find_toplevel (CS_TYPE_RUN_VIEW);
  g_assert_cmpstr (cs_remote_run_get_student_name (cs_run_view_get_run (view)), ==, run_student_name);
  shown = (Shown) { cohort, "dashboard", NULL };
  g_assert_true (cohort_shown (&shown));
  ui_test_settle (300);
  ui_test_save_screenshot (GTK_WIDGET (view), "messages-targets-run.png");
  destroy_window (view);

  /* Noor's request to join opens the cohort's enrolment view, in the same Cohorts window. */
  gtk_menu_button_popup (cs_notifications_button_get_menu_button (button));
  wanted = (Wanted) { button, "enrollment", "status", "pending" };
  ui_test_wait_for (has_row, &wanted, "the request's row");
  gtk_widget_activate (GTK_WIDGET (row_of (button, "enrollment", "status", "pending")));
  shown = (Shown) { cohort, "enrolment", NULL };
  ui_test_wait_for (cohort_shown, &shown, "the enrolment view");
  ui_test_settle (300);
  ui_test_save_screenshot (GTK_WIDGET (ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW)), "messages-targets-enrolment.png");
  destroy_window (ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW));
  destroy_window (window);

  /* Mira: an assignment made after she joined opens her view of it. */
  new_assignment = sync_test_value (server.super,
    "WITH c AS (INSERT INTO cs.scenarios (id, owner_id, title, status, is_published, published_at) "
    "           SELECT gen_random_uuid (), id, 'Kestrel Mills', 'active', true, now () FROM cs.users "
    "            WHERE role_name = $2 RETURNING id, owner_id), "
    "     s AS (INSERT INTO cs.scenes (id, scenario_id, position, title) "
    "           SELECT gen_random_uuid (), id, 0, 'Scene 1' FROM c) "
    "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by, due_date) "
    "SELECT gen_random_uuid (), $1, id, owner_id, now () + interval '5 days' FROM c RETURNING id",
    cohort, ann_role, NULL);
  g_assert_nonnull (new_assignment);
  window = window_with_bell (mira_notifications, &button);
  gtk_menu_button_popup (cs_notifications_button_get_menu_button (button));
  wanted = (Wanted) { button, "assignment", "assignment_id", new_assignment };
  ui_test_wait_for (has_row, &wanted, "the assignment's row");
  g_clear_pointer (&title, g_free);
  title = cs_notification_dup_display_title (g_object_get_data (G_OBJECT (row_of (button, "assignment", "assignment_id",
                                                                                  new_assignment)), "notification"));
  g_assert_cmpstr (title, ==, "New assignment: Kestrel Mills");
  gtk_widget_activate (GTK_WIDGET (row_of (button, "assignment", "assignment_id", new_assignment)));
  shown = (Shown) { cohort, "assignments", new_assignment };
  ui_test_wait_for (cohort_shown, &shown, "the student's assignment");
  ui_test_settle (300);
  ui_test_save_screenshot (GTK_WIDGET (ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW)), "messages-targets-assignment.png");
  destroy_window (ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW));
  destroy_window (window);
}

/* The application's actions that a desktop notification's default action names. */
static void
test_app_actions (void)
{
  g_autofree char *home = ui_test_use_temporary_home ("case-studio-targets-XXXXXX");
  CsApplication *app = NULL;
  CsWindow *window = ui_test_start_app (&app);
  const struct { const char *name, *type; } actions[] = {
    { "open-thread", "s" }, { "open-cohort", "s" }, { "open-enrolment", "s" },
    { "open-assignment", "(ss)" }, { "open-run", "(sss)" },
  };

  g_assert_nonnull (window);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const GVariantType *type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), actions[i].name);

      g_assert_nonnull (type);
      g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE (actions[i].type)));
    }
  /* Not connected to a server: it brings up the main window and opens nothing else. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-cohort", g_variant_new_string ("x"));
  ui_test_settle (100);
  g_assert_null (ui_test_find_toplevel (CS_TYPE_COHORTS_WINDOW));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ui_test_remove_tree (home);
}

int
main (int argc, char **argv)
{
  int status;
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (&argc, &argv, NULL);

  if (!ui_test_server_set_up (&server))
    return g_test_run ();
  css = ui_test_use_app_style ();

  g_test_add_func ("/messages-targets/instructor-and-student", test_instructor_and_student);
  g_test_add_func ("/messages-targets/app-actions", test_app_actions);
  status = g_test_run ();
  sync_test_server_tear_down (&server);
  return status;
}
