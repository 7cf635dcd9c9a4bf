/* test-dashboard-sort.c: sorting the dashboard's matrix by one column, then another, shows
 * one sort arrow, on the column now sorted (GTK 4.8's gtk_column_view_sort_by_column() left
 * the previous column's arrow standing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-dashboard-page.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

static gboolean
loaded_rows (gpointer data)
{
  return g_list_model_get_n_items (cs_dashboard_page_get_rows (data)) == 6;
}

static GtkColumnViewColumn *
column (CsDashboardPage *page,
        guint            position)
{
  GListModel *columns = gtk_column_view_get_columns (cs_dashboard_page_get_matrix (page));
  GtkColumnViewColumn *result = g_list_model_get_item (columns, position);

  g_object_unref (result);  /* the view keeps it */
  return result;
}

/* The sort arrows drawn in the headers, in header order, as "title:ascending". GTK 4.8
 * draws them as the header's "sort-indicator" with a class for the direction. */
static void
collect_arrows (GtkWidget *widget,
                GString   *arrows)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "sort-indicator") && gtk_widget_get_mapped (widget))
    {
      GtkWidget *label = gtk_widget_get_prev_sibling (widget);
      const char *direction = gtk_widget_has_css_class (widget, "ascending") ? "ascending"
                              : gtk_widget_has_css_class (widget, "descending") ? "descending" : NULL;
      g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
      g_autofree char *joined = g_strjoinv (" ", classes);

      g_test_message ("sort indicator of %s: [%s]", GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : "?",
                      joined);
      if (direction)
        g_string_append_printf (arrows, "%s%s:%s", arrows->len ? "," : "",
                                GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : "?", direction);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_arrows (child, arrows);
}

static char *
arrows_of (CsDashboardPage *page)
{
  GString *arrows = g_string_new (NULL);

  ui_test_settle (100);
  collect_arrows (GTK_WIDGET (cs_dashboard_page_get_matrix (page)), arrows);
  return g_string_free (arrows, FALSE);
}

static void
test_one_arrow (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *arrows = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CsServer) worker = NULL;
  g_autoptr(CsDashboard) dashboard = NULL;
  GtkWindow *window;
  CsDashboardPage *page;

  g_assert_no_error (error);
  instructor = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, instructor, 6, 2, 2);
  worker = cs_server_new (conninfo);
  dashboard = cs_dashboard_new (worker, cohort);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 900, 520);
  page = CS_DASHBOARD_PAGE (cs_dashboard_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  cs_dashboard_page_set_dashboard (page, dashboard);
  gtk_window_present (window);
  ui_test_wait_for (loaded_rows, page, "the six students");

  arrows = arrows_of (page);
  g_assert_cmpstr (arrows, ==, "");
  g_clear_pointer (&arrows, g_free);

  /* By the first assignment, best first; then by name: one arrow, on the name. */
  cs_dashboard_page_sort_by (page, column (page, 2), GTK_SORT_DESCENDING);
  arrows = arrows_of (page);
  expected = g_strdup_printf ("%s:descending", gtk_column_view_column_get_title (column (page, 2)));
  g_assert_cmpstr (arrows, ==, expected);
  g_clear_pointer (&arrows, g_free);

  cs_dashboard_page_sort_by (page, column (page, 0), GTK_SORT_ASCENDING);
  arrows = arrows_of (page);
  g_assert_cmpstr (arrows, ==, "Student:ascending");
  g_clear_pointer (&arrows, g_free);

  /* And on to completion: the name's arrow goes too. */
  cs_dashboard_page_sort_by (page, column (page, 1), GTK_SORT_DESCENDING);
  arrows = arrows_of (page);
  g_assert_cmpstr (arrows, ==, "Completion:descending");
  ui_test_save_screenshot (GTK_WIDGET (window), "dashboard-sort.png");

  /* The rows follow: completion, highest first. */
  {
    GListModel *rows = cs_dashboard_page_get_rows (page);

    for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(CsDashboardStudent) a = g_list_model_get_item (rows, i - 1);
        g_autoptr(CsDashboardStudent) b = g_list_model_get_item (rows, i);

        g_assert_cmpfloat (cs_dashboard_student_get_completion (a), >=, cs_dashboard_student_get_completion (b));
      }
  }
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  return ui_test_server_main (&argc, &argv, &server, "/ui/dashboard-sort/one-arrow", test_one_arrow);
}
