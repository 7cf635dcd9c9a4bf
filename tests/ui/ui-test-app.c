/* ui-test-app.c: the whole application on a temporary library, for UI tests and benches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-scenario-format.h"
#include "ui-test-app.h"

char *
ui_test_use_temporary_home (const char *template_)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = NULL;
  char *dir = g_dir_make_tmp (template_, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  library = g_build_filename (dir, "library.db", NULL);
  g_setenv ("CASE_STUDIO_LIBRARY", library, TRUE);
  return dir;
}

CsWindow *
ui_test_start_app (CsApplication **app)
{
  g_autoptr(GError) error = NULL;
  CsWindow *window;

  *app = cs_application_new ();
  g_application_set_flags (G_APPLICATION (*app),
                           g_application_get_flags (G_APPLICATION (*app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  window = CS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  g_assert_true (CS_IS_WINDOW (window));
  return window;
}

CsScenario *
ui_test_load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}
