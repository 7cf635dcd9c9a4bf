/* test-report-export.c: the report window saves its PDF off the main thread: a toast with
 * "Open" when it is saved, one that says what to do when it cannot be, and Cancel
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

static CsRunReport *
sample_report (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(GListStore) scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  g_autoptr(GListStore) messages = g_list_store_new (CS_TYPE_MESSAGE);

  g_assert_no_error (error);
  return cs_run_report_new (scenario, progress, G_LIST_MODEL (scene_progress),
                            G_LIST_MODEL (messages));
}

static void
test_export_pdf (void)
{
  g_autoptr(CsRunReport) report = sample_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-report-view-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  GtkWindow *window = cs_report_view_new_window (NULL, report);
  CsReportView *view = CS_REPORT_VIEW (ui_test_find_type (GTK_WIDGET (window), CS_TYPE_REPORT_VIEW));
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 600, 640);
  gtk_window_present (window);
  ui_test_wait_for (ui_test_widget_drawn, window, "the report window");

  /* saved: the toast offers to open it */
  cs_report_view_export (view, TRUE, file);
  ui_test_wait_for_text (GTK_WIDGET (window), "_Open");
  g_assert_nonnull (ui_test_find_text (GTK_WIDGET (window), "Report saved as “report.pdf”"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  ui_test_save_screenshot (GTK_WIDGET (window), "report-export-saved.png");

  /* cancelled at once: no file */
  cs_report_view_export (view, TRUE, cancelled_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.cancel-export", NULL));
  ui_test_wait_for_text (GTK_WIDGET (window), "The report was not saved");
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));

  /* a folder that is gone: what happened and what to do */
  cs_report_view_export (view, TRUE, nowhere);
  ui_test_wait_for_text (GTK_WIDGET (window), "Report not saved: the folder does not exist");
  g_assert_nonnull (ui_test_find_text (GTK_WIDGET (window), "Save _As…"));
  ui_test_save_screenshot (GTK_WIDGET (window), "report-export-failed.png");

  /* the transcript the same way */
  cs_report_view_export (view, FALSE, file);
  ui_test_wait_for_text (GTK_WIDGET (window), "Transcript saved as “report.pdf”");

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/report-export/pdf", test_export_pdf);
  return g_test_run ();
}
