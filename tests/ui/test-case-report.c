/* test-case-report.c: the case page offers "View Report" for the student's latest
 * completed run, found off the main thread and again when a run is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cs-model.h"
#include "cs-report-view.h"
#include "cs-scenario-page.h"
#include "cs-store.h"

static void
save_run (CsStore          *store,
          CsScenario       *scenario,
          int               attempt,
          CsProgressStatus  status)
{
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(GError) error = NULL;

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_attempt (progress, attempt);
  cs_progress_set_status (progress, status);
  g_assert_true (cs_store_save_run (store, progress, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
}

static gboolean
report_window_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *view = ui_test_find_type (window, CS_TYPE_REPORT_VIEW);

      if (view != NULL && gtk_widget_get_mapped (view))
        {
          *(GtkWidget **) data = view;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
count_report_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += ui_test_find_type (window, CS_TYPE_REPORT_VIEW) != NULL;
    }
  return n;
}

static void
test_view_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-case-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                              "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(CsScenario) loaded = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsStore) store = cs_store_open (path, &error);
  g_autoptr(CsScenario) scenario = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (CS_TYPE_SCENARIO_PAGE, NULL);
  GtkWidget *view = NULL;

  g_assert_no_error (error);
  scenario = cs_store_import_scenario (store, loaded, NULL, &error);
  g_assert_no_error (error);
  save_run (store, scenario, 1, CS_PROGRESS_STATUS_IN_PROGRESS);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  cs_scenario_page_set_store (CS_SCENARIO_PAGE (page), store);
  cs_scenario_page_set_scenario (CS_SCENARIO_PAGE (page), scenario);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (ui_test_widget_drawn, window, "the case page");

  /* a run still going on has no report to offer */
  ui_test_settle (300);
  g_assert_null (ui_test_find_text (window, "_View Report"));
  g_assert_nonnull (ui_test_find_text (window, "_Test Play"));

  /* once a run is completed and saved, the page offers its report */
  save_run (store, scenario, 2, CS_PROGRESS_STATUS_COMPLETED);
  ui_test_wait_for_text (window, "_View Report");
  ui_test_save_screenshot (window, "case-report-button.png");

  g_assert_true (gtk_widget_activate_action (page, "page.view-report", NULL));
  ui_test_wait_for (report_window_shown, &view, "the report window");
  g_assert_cmpint (cs_progress_get_attempt (cs_run_report_get_progress (
                     cs_report_view_get_report (CS_REPORT_VIEW (view)))), ==, 2);
  /* asked again: the same window */
  g_assert_true (gtk_widget_activate_action (page, "page.view-report", NULL));
  ui_test_settle (100);
  g_assert_cmpuint (count_report_windows (), ==, 1);

  /* another case without a completed run: no button */
  {
    g_autoptr(CsScenario) other = cs_scenario_format_copy (loaded, TRUE);

    cs_scenario_page_set_scenario (CS_SCENARIO_PAGE (page), other);
  }
  ui_test_settle (300);
  g_assert_null (ui_test_find_text (window, "_View Report"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_settle (50);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *f = g_build_filename (dir, name, NULL);

        g_unlink (f);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/case-report/view-report", test_view_report);
  return g_test_run ();
}
