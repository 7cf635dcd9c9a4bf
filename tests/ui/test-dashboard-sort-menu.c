/* test-dashboard-sort-menu.c: the dashboard's Sort menu sorts the matrix by keyboard (GTK
 * 4.8's column headers take no focus): it lists the sortable columns, Alt+S opens it, a
 * column and a direction sort the rows, and it follows cs_dashboard_page_sort_by()
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

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The labels of @section of @menu (sections are items holding a "section" link). */
static char *
section_labels (GMenuModel *menu,
                int         section)
{
  g_autoptr(GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  GString *labels = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (items); i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_string_append_printf (labels, "%s%s", labels->len ? "|" : "", label);
    }
  return g_string_free (labels, FALSE);
}

/* The rows' names or completions, in order, as "a|b|c". */
static char *
rows_by (CsDashboardPage *page,
         gboolean         names)
{
  GListModel *rows = cs_dashboard_page_get_rows (page);
  GString *text = g_string_new (NULL);

  ui_test_settle (50);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (rows, i);

      if (text->len)
        g_string_append_c (text, '|');
      if (names)
        g_string_append (text, cs_dashboard_student_get_name (student));
      else
        g_string_append_printf (text, "%.2f", cs_dashboard_student_get_completion (student));
    }
  return g_string_free (text, FALSE);
}

/* @rows ("a|b|c") sorted as the matrix should show them: by name (strings) or by completion
 * (numbers), each direction. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(char **) a, *(char **) b);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  double x = g_ascii_strtod (*(char **) a, NULL);
  double y = g_ascii_strtod (*(char **) b, NULL);

  return x < y ? -1 : x > y;
}

static char *
expected (const char *rows,
          gboolean    names,
          gboolean    descending)
{
  g_auto(GStrv) parts = g_strsplit (rows, "|", -1);
  guint n = g_strv_length (parts);

  qsort (parts, n, sizeof (char *), names ? compare_names : compare_numbers);
  if (descending)
    for (guint i = 0; i < n / 2; i++)
      {
        char *swap = parts[i];

        parts[i] = parts[n - 1 - i];
        parts[n - 1 - i] = swap;
      }
  return g_strjoinv ("|", parts);
}

static void
assert_sorted (CsDashboardPage *page,
               gboolean         names,
               gboolean         descending)
{
  g_autofree char *rows = rows_by (page, names);
  g_autofree char *want = expected (rows, names, descending);

  g_assert_cmpstr (rows, ==, want);
}

static void
test_sort_menu (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = cs_pg_connect (conninfo, &error);
  g_autofree char *instructor = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *want = NULL;
  g_autoptr(CsServer) worker = NULL;
  g_autoptr(CsDashboard) dashboard = NULL;
  GListModel *columns;
  GtkMenuButton *button;
  GMenuModel *menu;
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

  /* One item per sortable column, assignments included once they are loaded; then the
   * two directions. */
  button = cs_dashboard_page_get_sort_button (page);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  columns = gtk_column_view_get_columns (cs_dashboard_page_get_matrix (page));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 2);
    g_autoptr(GtkColumnViewColumn) second = g_list_model_get_item (columns, 3);

    want = g_strdup_printf ("Student|Completion|%s|%s", gtk_column_view_column_get_title (first),
                            gtk_column_view_column_get_title (second));
  }
  labels = section_labels (menu, 0);
  g_assert_cmpstr (labels, ==, want);
  g_clear_pointer (&labels, g_free);
  labels = section_labels (menu, 1);
  g_assert_cmpstr (labels, ==, "_Ascending|_Descending");

  /* Reachable by keyboard: focusable, and its mnemonic (Alt+S) opens the menu. */
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (button))));
  g_assert_true (gtk_menu_button_get_use_underline (button));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Sort");
  gtk_widget_mnemonic_activate (GTK_WIDGET (button), FALSE);
  ui_test_wait_for (popover_shown, button, "the Sort menu");
  gtk_menu_button_popdown (button);

  /* A column, in the direction chosen (ascending at first), then the other direction. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "sort.column", "s", "1"));
  assert_sorted (page, FALSE, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "sort.order", "s", "descending"));
  assert_sorted (page, FALSE, TRUE);
  /* Another column keeps the direction. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "sort.column", "s", "0"));
  assert_sorted (page, TRUE, TRUE);

  /* The menu follows a sort made elsewhere: a direction alone applies to that column. */
  {
    g_autoptr(GtkColumnViewColumn) completion = g_list_model_get_item (columns, 1);

    cs_dashboard_page_sort_by (page, completion, GTK_SORT_ASCENDING);
  }
  assert_sorted (page, FALSE, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "sort.order", "s", "descending"));
  assert_sorted (page, FALSE, TRUE);

  ui_test_save_screenshot (GTK_WIDGET (window), "dashboard-sort-menu.png");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!ui_test_server_set_up (&server))
    return g_test_run ();

  g_test_add_func ("/ui/dashboard-sort-menu/keyboard", test_sort_menu);
  status = g_test_run ();

  sync_test_server_tear_down (&server);
  return status;
}
