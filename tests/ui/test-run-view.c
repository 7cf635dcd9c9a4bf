/* test-run-view.c: a student's run opened from the dashboard of a seeded cohort on the test
 * PostgreSQL server, under Xvfb: the header with the overridden grade, the report with the
 * evidence, the transcript, the grade history, an override from the run window showing up
 * there, the empty state of a student who has not started, and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-dashboard-page.h"
#include "cs-matrix-cell.h"
#include "cs-pdf-reader.h"
#include "cs-run-view.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;
static char *conninfo;
static char *instructor;
static GtkWindow *window;
static CsDashboardPage *page;
static CsDashboard *dashboard;
static CsServer *worker;

static gboolean
loaded_rows (gpointer data)
{
  return g_list_model_get_n_items (cs_dashboard_page_get_rows (page)) == GPOINTER_TO_UINT (data);
}

/* The first cell of the seeded student @number ("<instructor>_s<number>"). */
static CsDashboardCell *
cell_of (guint number)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);
  g_autofree char *login = g_strdup_printf ("%s_s%u", instructor, number);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (rows, i);

      if (g_str_equal (cs_dashboard_student_get_login (student), login))
        return cs_dashboard_student_get_cell (student, 0);
    }
  g_assert_not_reached ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gpointer),
             gpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_cell_widget (GtkWidget *widget,
                gpointer   cell)
{
  return CS_IS_MATRIX_CELL (widget) && cs_matrix_cell_get_cell (CS_MATRIX_CELL (widget)) == cell;
}

static gboolean
is_type (GtkWidget *widget,
         gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The newest toplevel of @type transient for @parent (NULL: any), or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (candidate, type) && gtk_widget_get_visible (GTK_WIDGET (candidate)) &&
          (!parent || gtk_window_get_transient_for (candidate) == parent))
        found = candidate;
    }
  return found;
}

static gboolean
view_shows (gpointer data)
{
  CsRunView *view = data;
  const char *wanted = g_object_get_data (G_OBJECT (view), "wanted");

  return !cs_run_view_get_loading (view) && g_strcmp0 (cs_run_view_get_state (view), wanted) == 0;
}

static void
wait_for_state (CsRunView  *view,
                const char *state)
{
  g_object_set_data (G_OBJECT (view), "wanted", (gpointer) state);
  ui_test_wait_for (view_shows, view, state);
}

/* Clicking the cell of student @number (activating its widget in the matrix) opens a run
 * window; returns it. */
static CsRunView *
click_cell (guint number)
{
  CsDashboardCell *cell = cell_of (number);
  GtkWidget *widget = find_widget (GTK_WIDGET (page), is_cell_widget, cell);
  GtkWindow *view;

  g_assert_nonnull (widget);
  g_assert_null (find_toplevel (CS_TYPE_RUN_VIEW, window));
  g_assert_true (gtk_widget_activate (widget));
  view = find_toplevel (CS_TYPE_RUN_VIEW, window);
  g_assert_nonnull (view);
  return CS_RUN_VIEW (view);
}

static void
show_view (CsRunView  *view,
           const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (view), is_type,
                                                     GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));

  adw_view_stack_set_visible_child_name (stack, name);
}

static char *
label_texts (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *inner = label_texts (child);

      g_string_append (text, inner);
    }
  return g_string_free (text, FALSE);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n))
    n++;
  return n;
}

static gboolean
overridden_again (gpointer data)
{
  CsRunView *view = data;

  return g_strcmp0 (cs_run_view_get_score_text (view), "90% (overridden from 69%)") == 0 &&
         n_rows (cs_run_view_get_history (view)) == 2;
}

static void
test_open (void)
{
  CsRunView *view = click_cell (2);
  g_autofree char *shown = NULL;
  g_autofree char *transcript = NULL;
  g_autofree char *history = NULL;

  wait_for_state (view, "run");
  /* Computed 69% by the seed's pattern, overridden to 85% before the test. */
  g_assert_cmpstr (cs_run_view_get_score_text (view), ==, "85% (overridden from 69%)");
  ui_test_wait_for (ui_test_widget_drawn, view, "the run window on screen");
  ui_test_settle (300);

  /* The report: the criterion met with the student's words, the other not. */
  shown = label_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (shown, "Names the bottleneck"));
  g_assert_nonnull (strstr (shown, "the valve line is the bottleneck"));
  /* in an instructor's view the words are the student's, not "yours" */
  g_assert_nonnull (strstr (shown, "Omar Schmidt said: “the valve line is the bottleneck”"));
  g_assert_null (strstr (shown, "You said"));
  g_assert_null (strstr (shown, "your own words"));
  g_assert_nonnull (strstr (shown, "Proposes a fix"));
  g_assert_nonnull (strstr (shown, "Harlow Valves · Attempt 1 · Completed"));
  ui_test_save_screenshot (GTK_WIDGET (view), "run-view-report.png");

  /* The transcript, in order, with no entry to write in. */
  show_view (view, "transcript");
  ui_test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (cs_run_view_get_transcript (view)))),
                    ==, 4);
  transcript = label_texts (GTK_WIDGET (cs_run_view_get_transcript (view)));
  g_assert_nonnull (strstr (transcript, "Where do orders pile up?"));
  g_assert_true (strstr (transcript, "Where do orders pile up?") < strstr (transcript, "the valve line is the bottleneck here"));
  g_assert_null (find_widget (GTK_WIDGET (view), is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));
  /* The student's words under their name: it is not the instructor's run. */
  g_assert_nonnull (strstr (transcript, cs_remote_run_get_student_name (cs_run_view_get_run (view))));
  g_assert_null (strstr (transcript, "You\n"));
  ui_test_save_screenshot (GTK_WIDGET (view), "run-view-transcript.png");

  /* The history: one override, who, old → new, why. */
  show_view (view, "history");
  ui_test_settle (300);
  g_assert_cmpuint (n_rows (cs_run_view_get_history (view)), ==, 1);
  history = label_texts (GTK_WIDGET (cs_run_view_get_history (view)));
  g_assert_nonnull (strstr (history, "Recounted the evidence"));
  g_assert_nonnull (strstr (history, "69% → 85%"));
  g_assert_nonnull (strstr (history, "Sync Tester"));
  ui_test_save_screenshot (GTK_WIDGET (view), "run-view-history.png");

  /* Overriding from the run window: the dialog over it, and the new row once saved. */
  {
    GtkWindow *dialog;
    GtkWidget *box, *score, *reason;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "run.override", NULL));
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (view));
    g_assert_nonnull (dialog);
    box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    score = gtk_widget_get_first_child (box);
    reason = gtk_widget_get_next_sibling (score);
    gtk_editable_set_text (GTK_EDITABLE (score), "90");
    gtk_editable_set_text (GTK_EDITABLE (reason), "Second look at scene 2");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "override");
  }
  ui_test_wait_for (overridden_again, view, "the second override in the run window");
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.grade_overrides WHERE new_score = 0.9 "
                                   "AND reason = 'Second look at scene 2' AND previous_score = 0.85", NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (view));
}

static void
test_not_started (void)
{
  CsRunView *view = click_cell (1);
  g_autofree char *shown = NULL;

  wait_for_state (view, "empty");
  g_assert_null (cs_run_view_get_run (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "run.override", NULL);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (view)));
  ui_test_wait_for (ui_test_widget_drawn, view, "the run window on screen");
  ui_test_settle (300);
  shown = label_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (shown, "Not Started Yet"));
  ui_test_save_screenshot (GTK_WIDGET (view), "run-view-empty.png");
  gtk_window_destroy (GTK_WINDOW (view));
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The cohort report from the page's export: one page per assignment (here two), the
 * students by name, the overridden grade as the page shows it. Run after test_open, which
 * overrides student 2's grade to 90 %. */
static void
test_cohort_pdf (void)
{
  g_autofree char *path = g_build_filename (server.tmpdir, "OPS-301 report.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autofree char *text = NULL;
  g_autofree char *student = NULL;
  GMenuModel *menu = NULL;

  /* The export menu offers it. */
  {
    GtkWidget *split = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (ADW_TYPE_SPLIT_BUTTON));
    gboolean found = FALSE;

    g_assert_nonnull (split);
    menu = adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (split));
    for (int s = 0; menu && s < g_menu_model_get_n_items (menu); s++)
      {
        GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

        for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
          {
            g_autofree char *action = NULL;

            if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                g_str_equal (action, "dashboard.export-pdf"))
              found = TRUE;
          }
        g_clear_object (&section);
      }
    g_assert_true (found);
  }

  cs_dashboard_page_export_pdf_to (page, file);
  ui_test_wait_for (file_written, path, "the cohort report");
  ui_test_settle (200);  /* the toast */

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_get_assignments (dashboard)), ==, 2);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  {
    g_autoptr(PopplerPage) second = poppler_document_get_page (document, 1);
    g_autofree char *second_text = poppler_page_get_text (second);

    g_assert_nonnull (strstr (second_text, "Ridgeway Foods"));
    g_assert_null (strstr (second_text, "overridden"));
  }
  first = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (first);
  {
    g_autoptr(CsDashboardStudent) row = g_list_model_get_item (cs_dashboard_page_get_rows (page), 0);

    student = g_strdup (cs_dashboard_student_get_name (row));
  }
  g_assert_nonnull (strstr (text, "Harlow Valves"));
  g_assert_nonnull (strstr (text, "Grade distribution"));
  g_assert_nonnull (strstr (text, student));
  g_assert_nonnull (strstr (text, "90% (overridden from 69%)"));

  /* Kept next to the screenshots, to look at. */
  {
    g_autofree char *kept = g_build_filename (g_getenv ("CS_BUILD_DIR"), "tests", "ui", "cohort-report.pdf", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (kept);

    g_assert_true (g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  int status;
  g_autofree char *cohort = NULL;

  gtk_test_init (&argc, &argv, NULL);
  if (!ui_test_server_set_up (&server))
    return g_test_run ();

  conninfo = sync_test_instructor_conninfo (&server, NULL);
  {
    g_autoptr(PGconn) conn = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *login = NULL;
    g_autofree char *run = NULL;

    conn = cs_pg_connect (conninfo, &error);
    g_assert_no_error (error);
    instructor = sync_test_value (conn, "SELECT current_user", NULL);
    cohort = sync_test_seed_cohort (&server, instructor, 4, 2, 3);
    login = g_strdup_printf ("%s_s2", instructor);
    run = sync_test_value (server.super, "SELECT p.id::text FROM cs.user_progress p JOIN cs.users u "
                           "ON u.id = p.user_id JOIN cs.scenarios s ON s.id = p.scenario_id "
                           "WHERE u.role_name = $1 AND s.title = 'Harlow Valves'", login, NULL);
    sync_test_seed_evidence (&server, run);
    sync_test_rows (conn, "SELECT cs.cs_override_grade ($1, 0.85, 'Recounted the evidence')", run, NULL);
  }

  worker = cs_server_new (conninfo);
  dashboard = cs_dashboard_new (worker, cohort);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 900, 600);
  page = CS_DASHBOARD_PAGE (cs_dashboard_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  cs_dashboard_page_set_dashboard (page, dashboard);
  gtk_window_present (window);
  ui_test_wait_for (loaded_rows, GUINT_TO_POINTER (4), "the four students");
  ui_test_wait_for (ui_test_widget_drawn, window, "the dashboard on screen");

  g_test_add_func ("/ui/run-view/open", test_open);
  g_test_add_func ("/ui/run-view/not-started", test_not_started);
  g_test_add_func ("/ui/run-view/cohort-pdf", test_cohort_pdf);
  status = g_test_run ();

  gtk_window_destroy (window);
  g_clear_object (&dashboard);
  g_clear_object (&worker);
  g_free (instructor);
  g_free (conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
