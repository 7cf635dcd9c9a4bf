/* test-window.c: the main window under a real display, on a temporary library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cs-application.h"
#include "cs-scenario-page.h"
#include "cs-window.h"

static char *tmp_dir;
static CsApplication *app;
static CsWindow *window;
static CsScenario *sample;

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @cond holds; fails the test after 10 s. */
static void
wait_for (Condition   cond,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static guint
library_count (void)
{
  GListModel *model = cs_window_get_library_model (window);
  return model ? g_list_model_get_n_items (model) : 0;
}

static gboolean
library_has_n (gpointer data)
{
  return library_count () == GPOINTER_TO_UINT (data);
}

static gboolean
state_is (gpointer data)
{
  return g_strcmp0 (cs_window_get_library_state (window), data) == 0;
}

static gboolean
scenario_shown (gpointer data)
{
  CsScenario *s = cs_window_get_scenario (window);
  return s && g_str_equal (cs_record_get_id (CS_RECORD (s)), data);
}

/* After importing the sample again, the shown case is the copy (another id, same title). */
static gboolean
copy_shown (gpointer data)
{
  CsScenario *s = cs_window_get_scenario (window);

  return s && !g_str_equal (cs_record_get_id (CS_RECORD (s)), cs_record_get_id (CS_RECORD (sample))) &&
         g_str_equal (cs_scenario_get_title (s), cs_scenario_get_title (sample));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (!label || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, label);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static void
save_screenshot (const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int w, h;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CS_BUILD_DIR"), "tests", "ui", name, NULL);

  wait_for (window_drawn, NULL, "the window on screen");
  settle (300);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_sample_listed (void)
{
  g_autoptr(CsScenario) first = NULL;

  wait_for (library_has_n, GUINT_TO_POINTER (1), "the sample case in the library");
  first = g_list_model_get_item (cs_window_get_library_model (window), 0);
  g_assert_cmpstr (cs_scenario_get_title (first), ==, cs_scenario_get_title (sample));
  g_assert_cmpstr (cs_window_get_library_state (window), ==, "list");
  save_screenshot ("window-library.png");
}

static void
test_open_scenario (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  CsScenarioPage *page;

  cs_window_select_scenario (window, id);
  wait_for (scenario_shown, (gpointer) id, "the sample case page");
  settle (200);

  page = CS_SCENARIO_PAGE (find_widget (GTK_WIDGET (window), CS_TYPE_SCENARIO_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "personas"), ==, cs_scenario_get_n_personas (sample));
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "scenes"), ==, cs_scenario_get_n_scenes (sample));
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "outcomes"), ==,
                    g_strv_length ((GStrv) cs_scenario_get_learning_outcomes (sample)));
  save_screenshot ("window-scenario.png");

  /* Open the first person and the first scene and scroll to them for a second look. */
  {
    GtkWidget *expander = find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL);
    GtkWidget *scroller = find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkWidget *scenes_heading = NULL;
    graphene_point_t point;

    g_assert_nonnull (expander);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    settle (300);
    scenes_heading = gtk_widget_get_parent (expander);
    g_assert_true (gtk_widget_compute_point (scenes_heading, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              point.y - 48);
    save_screenshot ("window-scenario-people.png");
  }
}

static void
test_search (void)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_auto(GStrv) words = g_strsplit (cs_scenario_get_title (sample), " ", -1);

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  gtk_editable_set_text (GTK_EDITABLE (entry), "qwxzv");
  wait_for (state_is, "no-results", "the No Results page");
  g_assert_cmpuint (library_count (), ==, 0);
  save_screenshot ("window-no-results.png");

  /* a prefix of a title word finds the case again */
  words[0][MIN (strlen (words[0]), 4)] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (entry), words[0]);
  wait_for (state_is, "list", "the list after a matching search");
  g_assert_cmpuint (library_count (), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for (library_has_n, GUINT_TO_POINTER (1), "the full list");
}

static void
test_delete_undo (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  GtkWidget *undo;

  cs_window_select_scenario (window, id);
  wait_for (scenario_shown, (gpointer) id, "the case page before delete");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-scenario", NULL));
  wait_for (state_is, "empty", "the empty library after delete");
  g_assert_null (cs_window_get_scenario (window));
  settle (300);
  save_screenshot ("window-empty.png");

  undo = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  wait_for (library_has_n, GUINT_TO_POINTER (1), "the case back after undo");
  wait_for (scenario_shown, (gpointer) id, "the restored case shown");
}

static gboolean
error_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (w);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_import (void)
{
  g_autofree char *bad_path = g_build_filename (tmp_dir, "broken.casestudio", NULL);
  g_autofree char *good_path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                                 "sample.casestudio", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  AdwMessageDialog *dialog = NULL;

  g_assert_true (g_file_set_contents (bad_path,
                                      "{\"format_version\": 1, \"scenario\": {\"title\": \"T\", "
                                      "\"scenes\": [{\"title\": \"S\", \"goal_criteria\": "
                                      "[{\"text\": \"x\", \"weight\": 3}]}]}}", -1, NULL));
  cs_window_import_file (window, bad);
  wait_for (error_dialog_shown, &dialog, "the import error dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.casestudio"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "scenes[0].goal_criteria[0].weight"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (200);
  g_assert_cmpuint (library_count (), ==, 1);

  /* the same case again comes in as a copy, and is shown */
  cs_window_import_file (window, good);
  wait_for (library_has_n, GUINT_TO_POINTER (2), "the imported copy");
  wait_for (copy_shown, NULL, "the imported copy shown");
}

/* Opening a .casestudio file from the file manager imports it into the open window. */
static void
test_open_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = library_count ();

  g_application_open (G_APPLICATION (app), &file, 1, "");
  wait_for (library_has_n, GUINT_TO_POINTER (before + 1), "the opened file in the library");
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = NULL;
  g_autofree char *sample_path = NULL;
  g_autoptr(GFile) sample_file = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return g_test_run ();
    }

  tmp_dir = g_dir_make_tmp ("cs-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  library = g_build_filename (tmp_dir, "library.db", NULL);
  g_setenv ("CASE_STUDIO_LIBRARY", library, TRUE);

  sample_path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio", NULL);
  sample_file = g_file_new_for_path (sample_path);
  sample = cs_scenario_format_load_file (sample_file, NULL, &error);
  g_assert_no_error (error);

  app = cs_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (CS_IS_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);

  g_test_add_func ("/ui/window/sample-listed", test_sample_listed);
  g_test_add_func ("/ui/window/open-scenario", test_open_scenario);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/delete-undo", test_delete_undo);
  g_test_add_func ("/ui/window/import", test_import);
  g_test_add_func ("/ui/window/open-file", test_open_file);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&sample);
  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
