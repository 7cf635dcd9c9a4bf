/* test-enrolment-live.c: the Enrolment view of an open Cohorts window lists a request to
 * join within 2 s of a student redeeming a code on another connection (LISTEN/NOTIFY, no
 * polling), keeping the rows the instructor had checked and focused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-enrolment-page.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

#define LIVE_WITHIN_US (2 * G_USEC_PER_SEC)

static SyncTestServer server;

static gboolean
watching_cohort (gpointer data)
{
  CsCohortsWindow *window = data;
  CsDashboard *dashboard = cs_dashboard_page_get_dashboard (cs_cohorts_window_get_page (window));

  return dashboard && cs_dashboard_get_watching (dashboard);
}

/* The request rows (those naming an enrolment), in order. */
static GPtrArray *
request_rows (CsEnrolmentPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (cs_enrolment_page_get_requests (page))); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "enrolment"))
      g_ptr_array_add (rows, row);
  return rows;
}

static GtkWidget *
row_titled (CsEnrolmentPage *page,
            const char      *title)
{
  g_autoptr(GPtrArray) rows = request_rows (page);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      return g_ptr_array_index (rows, i);
  return NULL;
}

typedef struct {
  CsEnrolmentPage *page;
  const char      *title;
} Wanted;

static gboolean
request_listed (gpointer data)
{
  Wanted *wanted = data;

  return row_titled (wanted->page, wanted->title) != NULL;
}

static gboolean
request_gone (gpointer data)
{
  return !request_listed (data);
}

static gboolean
is_checked (GtkWidget *row)
{
  return gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
}

/* A student redeems @code on their own connection, as the join window does; returns how
 * long until the open page listed them. */
static gint64
join_and_wait (CsEnrolmentPage *page,
               const char      *code,
               const char      *base,
               const char      *login,
               const char      *display_name)
{
  g_autofree char *user = sync_test_user_name (&server, login);
  g_autoptr(CsJoinResult) joined = NULL;
  g_autoptr(GError) error = NULL;
  Wanted wanted = { page, display_name };
  gint64 start;

  g_assert_null (row_titled (page, display_name));
  start = g_get_monotonic_time ();
  joined = cs_enrolment_join (base, code, user, "student-password", display_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined->status, ==, "pending");
  ui_test_wait_for (request_listed, &wanted, "the request listed");
  return g_get_monotonic_time () - start;
}

static void
test_request_arrives (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *base = sync_test_tcp_conninfo (&server, "nobody", NULL);
  g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
  g_autoptr(CsServer) worker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CsCohortsWindow *window;
  CsEnrolmentPage *page;
  GtkWidget *first;
  gint64 took;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, 0, 1, 1);
  /* Each who redeems it asks; the instructor decides. */
  code = cs_enrolment_create_invitation (ann, cohort, 5, NULL, 0, &error);
  g_assert_no_error (error);

  worker = cs_server_new (conninfo);
  window = cs_cohorts_window_new (NULL, worker);
  cs_cohorts_window_set_kind (window, "instructor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  page = cs_cohorts_window_get_enrolment_page (window);
  cs_cohorts_window_show_view (window, "enrolment");
  ui_test_wait_for (watching_cohort, window, "the cohort's dashboard listening");
  ui_test_wait_for_text (GTK_WIDGET (page), "No requests waiting");

  /* The first request appears while the page is open. */
  took = join_and_wait (page, code, base, "pia", "Pia Pending");
  g_test_message ("first request listed after %" G_GINT64_FORMAT " ms", took / 1000);
  g_assert_cmpint (took, <, LIVE_WITHIN_US);
  g_assert_null (ui_test_find_text (GTK_WIDGET (page), "No requests waiting"));

  /* The instructor checks it and stays on it; a second request keeps both. */
  first = row_titled (page, "Pia Pending");
  gtk_widget_activate (first);
  g_assert_true (is_checked (first));
  gtk_widget_grab_focus (first);
  took = join_and_wait (page, code, base, "quinn", "Quinn Later");
  g_test_message ("second request listed after %" G_GINT64_FORMAT " ms", took / 1000);
  g_assert_cmpint (took, <, LIVE_WITHIN_US);
  rows = request_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  /* The same row, not a new one made to look like it. */
  g_assert_true (row_titled (page, "Pia Pending") == first);
  g_assert_true (is_checked (first));
  g_assert_false (is_checked (row_titled (page, "Quinn Later")));
  g_assert_true (gtk_widget_is_focus (first));
  g_assert_true (gtk_widget_is_sensitive (ui_test_find_text (GTK_WIDGET (page), "_Approve")));
  /* The code's use count follows too. */
  ui_test_wait_for_text (GTK_WIDGET (page), "Used 2 of 5 times");
  ui_test_save_screenshot (GTK_WIDGET (window), "enrolment-live.png");

  /* Approved: the list follows the decision, the checked request is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "enrolment.approve", NULL));
  {
    Wanted gone = { page, "Pia Pending" };

    ui_test_wait_for (request_gone, &gone, "the approved request gone");
    g_assert_nonnull (row_titled (page, "Quinn Later"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_server_main (&argc, &argv, &server, "/ui/enrolment-live/request-arrives", test_request_arrives);
}
