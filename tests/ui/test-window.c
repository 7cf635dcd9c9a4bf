/* test-window.c: the main window under a real display, on a temporary library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cs-application.h"
#include "cs-library-page.h"
#include "cs-scenario-page.h"
#include "cs-window.h"
#include "ui-test-app.h"
#include "ui-test-util.h"
#include "cs-import-window.h"
#include "cs-test-pdf.h"
#include "cs-account-window.h"
#include "cs-enrolment.h"
#include "cs-join-window.h"
#include "cs-publish-button.h"
#include "cs-server-schema.h"
#include "cs-sync-indicator.h"
#include "sync-test-util.h"
#include "cs-test-scenario.h"
#include "cs-chat-sidebar.h"
#include "cs-mention-entry.h"
#include "cs-offline-provider.h"
#include "cs-openai-provider.h"
#include <libsoup/soup.h>
#include <string.h>
#include "cs-chat-window.h"
#include "cs-offline-provider.h"
#include "cs-report-view.h"

static char *tmp_dir;
static CsApplication *app;
static CsWindow *window;
static CsScenario *sample;

static void
save_screenshot (const char *name)
{
  ui_test_save_screenshot (GTK_WIDGET (window), name);
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

static GtkSingleSelection *
selection (void)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  /* the text as shown, after any markup is applied */
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}


static void
test_sample_listed (void)
{
  g_autoptr(CsScenario) first = NULL;

  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the sample case in the library");
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
  ui_test_wait_for (scenario_shown, (gpointer) id, "the sample case page");
  ui_test_settle (200);

  page = CS_SCENARIO_PAGE (find_widget (GTK_WIDGET (window), CS_TYPE_SCENARIO_PAGE, NULL));
  g_assert_nonnull (page);

  /* side by side, the keyboard focus stays in the library list */
  {
    GtkWidget *list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  }
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "personas"), ==, cs_scenario_get_n_personas (sample));
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "scenes"), ==, cs_scenario_get_n_scenes (sample));
  g_assert_cmpuint (cs_scenario_page_count_rows (page, "outcomes"), ==,
                    g_strv_length ((GStrv) cs_scenario_get_learning_outcomes (sample)));

  /* the first criterion of the first scene with its share of the goal, as a percentage */
  {
    g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (sample), 0);
    g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (cs_scene_get_goal_criteria (scene), 0);
    g_autofree char *weight = g_strdup_printf ("%.0f%%", 100.0 * cs_goal_criterion_get_weight (criterion) /
                                                         cs_scene_get_total_weight (scene));

    g_assert_true (has_label (GTK_WIDGET (page), cs_goal_criterion_get_text (criterion)));
    g_assert_true (has_label (GTK_WIDGET (page), weight));
  }
  save_screenshot ("window-scenario.png");

  /* Open the first person and the first scene and scroll to them for a second look. */
  {
    GtkWidget *expander = find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL);
    GtkWidget *scroller = find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkWidget *scenes_heading = NULL;
    graphene_point_t point;

    g_assert_nonnull (expander);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    ui_test_settle (300);
    scenes_heading = gtk_widget_get_parent (expander);
    g_assert_true (gtk_widget_compute_point (scenes_heading, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
    g_assert_true (cs_scenario_page_get_title_visible (page));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              point.y - 48);
    /* the case title scrolled away: the header bar shows it */
    g_assert_false (cs_scenario_page_get_title_visible (page));
    save_screenshot ("window-scenario-people.png");

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    save_screenshot ("window-scenario-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
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
  ui_test_wait_for (state_is, "no-results", "the No Results page");
  g_assert_cmpuint (library_count (), ==, 0);
  save_screenshot ("window-no-results.png");
  /* the open case stays open while the search hides it */
  g_assert_true (scenario_shown ((gpointer) cs_record_get_id (CS_RECORD (sample))));

  /* a prefix of a title word finds the case again */
  words[0][MIN (strlen (words[0]), 4)] = '\0';
  gtk_editable_set_text (GTK_EDITABLE (entry), words[0]);
  ui_test_wait_for (state_is, "list", "the list after a matching search");
  g_assert_cmpuint (library_count (), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the full list");
  g_assert_true (scenario_shown ((gpointer) cs_record_get_id (CS_RECORD (sample))));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection ()), ==, 0);
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_icon_button (c, icon_name);
      if (found)
        return found;
    }
  return NULL;
}

/* The close button of the toast on screen (the overlay's children other than its content). */
static GtkWidget *
find_toast_close_button (void)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (overlay)); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button;

      if (c != adw_toast_overlay_get_child (overlay) &&
          (button = find_icon_button (c, "window-close-symbolic")))
        return button;
    }
  return NULL;
}

static gboolean
no_undo_toast (gpointer data)
{
  return find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo") == NULL;
}

static void
test_delete_undo (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  GtkWidget *undo;

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before delete");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-scenario", NULL));
  ui_test_wait_for (state_is, "empty", "the empty library after delete");
  g_assert_null (cs_window_get_scenario (window));
  ui_test_settle (300);
  save_screenshot ("window-empty.png");

  undo = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the case back after undo");
  ui_test_wait_for (scenario_shown, (gpointer) id, "the restored case shown");
}

/* Ctrl+Z undoes the last deletion while its toast is up, and only then. */
static void
test_delete_undo_shortcut (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo-delete");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accels[0], ==, "<Control>z");

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before delete");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-scenario", NULL));
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (0), "the case gone");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the case back after Ctrl+Z");
  ui_test_wait_for (scenario_shown, (gpointer) id, "the restored case shown");
  ui_test_wait_for (no_undo_toast, NULL, "the toast to go with the undo");

  /* once its toast is closed, a deletion can no longer be undone from the keyboard */
  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before delete");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-scenario", NULL));
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (0), "the case gone");
  ui_test_settle (1300); /* as long as a person takes to read the toast (see TOAST_SETTLE_MS) */
  g_assert_nonnull (find_toast_close_button ());
  g_signal_emit_by_name (find_toast_close_button (), "clicked");
  ui_test_wait_for (no_undo_toast, NULL, "the toast closed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  ui_test_settle (300);
  g_assert_cmpuint (library_count (), ==, 0);

  g_assert_true (cs_store_restore_scenario (cs_application_get_store (app), id, &error));
  g_assert_no_error (error);
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the case restored by the store");
}

/* Deleting the case found by a search, then undoing, shows it again. */
static void
test_delete_undo_searching (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  GtkWidget *entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_autofree char *prefix = g_strndup (cs_scenario_get_title (sample), 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), prefix);
  ui_test_wait_for (state_is, "list", "the search results");
  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the found case shown");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-scenario", NULL));
  ui_test_wait_for (state_is, "no-results", "the search without the deleted case");
  g_assert_null (cs_window_get_scenario (window));

  ui_test_settle (700); /* see TOAST_SETTLE_US */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  ui_test_wait_for (scenario_shown, (gpointer) id, "the restored case shown");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection ()), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (1), "the full list");
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
  ui_test_wait_for (error_dialog_shown, &dialog, "the import error dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.casestudio"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "scenes[0].goal_criteria[0].weight"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_settle (200);
  g_assert_cmpuint (library_count (), ==, 1);

  /* the same case again comes in as a copy, and is shown */
  cs_window_import_file (window, good);
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (2), "the imported copy");
  ui_test_wait_for (copy_shown, NULL, "the imported copy shown");
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
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (before + 1), "the opened file in the library");
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
}

static gboolean
drop_files (GFile *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          return accepted;
        }
    }
  g_assert_not_reached ();
}

/* A .casestudio file dropped on the window is imported; other files are refused. */
static void
test_drop (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autofree char *text_path = g_build_filename (tmp_dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  guint before = library_count ();

  g_assert_true (g_file_set_contents (text_path, "not a case", -1, NULL));
  g_assert_false (drop_files (text));
  ui_test_settle (300);
  g_assert_cmpuint (library_count (), ==, before);

  g_assert_true (drop_files (file));
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (before + 1), "the dropped file in the library");
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static gboolean
window_has_label (gpointer data)
{
  return has_label (GTK_WIDGET (window), data);
}

/* Export writes the shown case to a file that reads back as the same case. */
static void
test_export (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  g_autofree char *path = g_build_filename (tmp_dir, "export.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsScenario) exported = NULL;
  g_autoptr(GError) error = NULL;

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before export");
  cs_window_export_file (window, file);
  ui_test_wait_for (window_has_label, "Exported to “export.casestudio”", "the export toast");
  g_assert_true (file_exists (file));

  exported = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (exported)), ==, id);
  g_assert_cmpstr (cs_scenario_get_title (exported), ==, cs_scenario_get_title (sample));
  g_assert_cmpuint (cs_scenario_get_n_scenes (exported), ==, cs_scenario_get_n_scenes (sample));
  g_assert_cmpuint (cs_scenario_get_n_personas (exported), ==, cs_scenario_get_n_personas (sample));
}

static gboolean
title_shown (gpointer data)
{
  CsScenario *s = cs_window_get_scenario (window);

  return s && g_str_equal (cs_scenario_get_title (s), data);
}

/* Case text with markup characters is shown as written, in rows and toasts alike. */
static void
test_plain_text (void)
{
  const char *title = "R&D <Pilot> & Co";
  const char *name = "Ana <b>Ruiz</b> & Partners";
  g_autofree char *path = g_build_filename (tmp_dir, "markup.casestudio", NULL);
  g_autofree char *toast = g_strdup_printf ("Imported “%s”", title);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsScenario) copy = cs_scenario_format_copy (sample, TRUE);
  g_autoptr(CsPersona) persona = g_list_model_get_item (cs_scenario_get_personas (copy), 0);
  g_autoptr(GError) error = NULL;
  guint before = library_count ();

  cs_scenario_set_title (copy, title);
  cs_persona_set_name (persona, name);
  g_assert_true (cs_scenario_format_save_file (copy, file, NULL, &error));
  g_assert_no_error (error);

  cs_window_import_file (window, file);
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (before + 1), "the imported case");
  ui_test_wait_for (title_shown, (gpointer) title, "the imported case shown");
  ui_test_wait_for (window_has_label, toast, "the import toast");
  g_assert_true (has_label (GTK_WIDGET (window), name));
}

static gboolean
toplevel_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, *(GType *) data) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return TRUE;
    }
  return FALSE;
}

static void
close_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i - 1);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        gtk_window_destroy (GTK_WINDOW (w));
    }
}

/* The shortcuts window comes from the resource base path (gtk/help-overlay.ui) and the
 * About window shows the application icon, in both profiles. */
static void
test_shortcuts_and_about (void)
{
  GType shortcuts = GTK_TYPE_SHORTCUTS_WINDOW;
  GType about = ADW_TYPE_ABOUT_WINDOW;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_wait_for (toplevel_shown, &shortcuts, "the shortcuts window");
  close_toplevels (shortcuts);

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ui_test_wait_for (toplevel_shown, &about, "the About window");
  close_toplevels (about);
}

/* A library file that is not a database: the app explains it in a dialog instead of crashing. */
static void
test_library_error (void)
{
  g_autofree char *bad_library = g_build_filename (tmp_dir, "damaged.db", NULL);
  g_autofree char *good_library = g_strdup (g_getenv ("CASE_STUDIO_LIBRARY"));
  g_autoptr(CsApplication) broken_app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  GtkWindow *broken_window;

  g_assert_true (g_file_set_contents (bad_library, "this is not a database, only some text", -1, NULL));
  g_setenv ("CASE_STUDIO_LIBRARY", bad_library, TRUE);

  broken_app = cs_application_new ();
  /* a second application on the test's bus connection needs an id of its own */
  g_application_set_application_id (G_APPLICATION (broken_app), "org.casestudio.CaseStudio.TestLibraryError");
  g_application_set_flags (G_APPLICATION (broken_app),
                           g_application_get_flags (G_APPLICATION (broken_app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (broken_app), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cs_application_get_store (broken_app));
  g_application_activate (G_APPLICATION (broken_app));
  broken_window = gtk_application_get_active_window (GTK_APPLICATION (broken_app));
  g_assert_true (CS_IS_WINDOW (broken_window));

  ui_test_wait_for (error_dialog_shown, &dialog, "the library error dialog");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == broken_window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged.db"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (broken_window);
  g_setenv ("CASE_STUDIO_LIBRARY", good_library, TRUE);
}

static gboolean
leaflet_shows (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));

  return adw_leaflet_get_folded (leaflet) && !adw_leaflet_get_child_transition_running (leaflet) &&
         G_TYPE_CHECK_INSTANCE_TYPE (adw_leaflet_get_visible_child (leaflet), *(GType *) data);
}

/* At phone width one page shows at a time: the case opens over the library, Back returns.
 * (A second window of the app, opened at that width; the helpers look at `window`.) */
static void
test_narrow (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  GType library = CS_TYPE_LIBRARY_PAGE;
  GType content = GTK_TYPE_BOX;
  CsWindow *wide = window;

  window = cs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (leaflet_shows, &library, "the folded library");

  cs_window_select_scenario (window, id);
  ui_test_wait_for (leaflet_shows, &content, "the case over the library");
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page");
  save_screenshot ("window-narrow.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ui_test_wait_for (leaflet_shows, &library, "the library after Back");
  save_screenshot ("window-narrow-library.png");

  gtk_window_destroy (GTK_WINDOW (window));
  window = wide;
}

/* Closing the window remembers its size (GSettings, memory backend in tests). Runs last. */
static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  ui_test_settle (300);
  gtk_window_close (GTK_WINDOW (window));
  window = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}



/* ---- importing a PDF ------------------------------------------------------------- */

static CsImportWindow *
find_import_window (GFile *file)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (CS_IS_IMPORT_WINDOW (w) && g_file_equal (cs_import_window_get_file (CS_IMPORT_WINDOW (w)), file))
        return CS_IMPORT_WINDOW (w);
    }
  return NULL;
}

static gboolean
import_window_open (gpointer data)
{
  return find_import_window (data) != NULL;
}

static gboolean
import_window_gone (gpointer data)
{
  return find_import_window (data) == NULL;
}

static gboolean
import_state_is (gpointer data)
{
  const char **args = data;
  CsImportWindow *w = find_import_window ((GFile *) args[0]);

  return w && g_strcmp0 (cs_import_window_get_state (w), args[1]) == 0;
}

static void
wait_for_import_state (GFile      *file,
                       const char *state)
{
  const char *args[] = { (const char *) file, state };
  g_autofree char *what = g_strdup_printf ("the import to be in state “%s”", state);

  ui_test_wait_for (import_state_is, args, what);
}

static GtkWidget *
find_expander (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_EXPANDER_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_expander (c, title);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_entry_row (c, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The first row of the passages pane. */
static GtkWidget *
find_source_row (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX_ROW (root) && g_object_get_data (G_OBJECT (root), "passage"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_source_row (c);

      if (found)
        return found;
    }
  return NULL;
}

/* Drop a case PDF, review the draft (people, where they appear, an edit), save it. */
static void
test_import_pdf (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Northgate.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = library_count ();
  CsImportWindow *import;
  CsReviewPage *review;
  CsScenario *draft, *saved;
  CsPersona *priya = NULL;
  GtkWidget *row, *source;
  const char *edited = "Northgate Coffee Roasters (reviewed)";
  guint source_page;

  cs_test_pdf_write_case (path, FALSE);
  g_assert_true (drop_files (file));
  ui_test_wait_for (import_window_open, file, "the import window");
  import = find_import_window (file);
  wait_for_import_state (file, "review");
  g_assert_cmpuint (library_count (), ==, before);

  /* the preview drew pages: a thumbnail at least, and the page view */
  g_assert_cmpuint (cs_pdf_worker_get_n_rendered (cs_import_window_get_worker (import)), >=, 2);
  g_assert_cmpuint (cs_import_window_get_selected_page (import), ==, 0);

  /* the people are listed; opening one shows where the PDF mentions them */
  draft = cs_extraction_get_scenario (cs_import_window_get_extraction (import));
  g_assert_cmpuint (cs_scenario_get_n_personas (draft), ==, cs_test_pdf_n_people);
  for (guint i = 0; i < cs_scenario_get_n_personas (draft); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (draft), i);

      if (g_str_equal (cs_persona_get_name (p), "Priya Natarajan"))
        priya = p;
    }
  g_assert_nonnull (priya);
  review = cs_import_window_get_review_page (import);
  row = find_expander (GTK_WIDGET (review), "Priya Natarajan");
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  {
    g_autofree char *expected = g_strdup_printf ("persona:%s", cs_record_get_id (CS_RECORD (priya)));

    g_assert_cmpstr (cs_review_page_get_sources_path (review), ==, expected);
  }
  g_assert_cmpuint (cs_review_page_get_n_sources (review), >=, 2);
  ui_test_save_screenshot (GTK_WIDGET (import), "import-review.png");

  /* activating a passage shows its page (Priya is on page 2) */
  source = find_source_row (GTK_WIDGET (review));
  g_assert_nonnull (source);
  source_page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (source), "page"));
  g_assert_cmpuint (source_page, ==, 1);
  gtk_widget_activate (source);
  ui_test_settle (100);
  g_assert_cmpuint (cs_import_window_get_selected_page (import), ==, source_page);
  ui_test_save_screenshot (GTK_WIDGET (import), "import-document.png");

  /* a correction goes into the draft */
  row = find_entry_row (GTK_WIDGET (review), "Title");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), edited);
  g_assert_cmpstr (cs_scenario_get_title (draft), ==, edited);

  /* saved: in the library as a draft, with the original text, and shown */
  cs_import_window_save (import);
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (before + 1), "the draft in the library");
  ui_test_wait_for (import_window_gone, file, "the import window to close");
  ui_test_wait_for (title_shown, (gpointer) edited, "the saved draft on the case page");
  ui_test_wait_for (window_has_label, "Added “Northgate Coffee Roasters (reviewed)” to the library as a draft",
            "the saved toast");
  saved = cs_window_get_scenario (window);
  g_assert_cmpint (cs_scenario_get_status (saved), ==, CS_SCENARIO_STATUS_DRAFT);
  g_assert_cmpuint (cs_scenario_get_n_personas (saved), ==, cs_test_pdf_n_people);
  g_assert_nonnull (strstr (cs_scenario_get_source_text (saved), "30-kilogram"));
}

static gboolean
thumbnail_drawn (gpointer data)
{
  CsImportWindow *import = find_import_window (data);

  return import && cs_pdf_worker_get_n_rendered (cs_import_window_get_worker (import)) >= 2;
}

/* A 300-page PDF: pages appear while its text is read, only those on screen are drawn,
 * and Cancel stops the import with nothing added. */
static void
test_import_pdf_long_cancel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Long.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = library_count ();
  CsImportWindow *import;
  guint rendered;

  cs_test_pdf_write_long (path, 300);
  import = cs_window_import_pdf (window, file);
  g_assert_nonnull (import);
  wait_for_import_state (file, "reading");
  ui_test_wait_for (thumbnail_drawn, file, "the first pages drawn");
  ui_test_settle (200);
  rendered = cs_pdf_worker_get_n_rendered (cs_import_window_get_worker (import));
  g_test_message ("pages drawn while reading: %u of 300", rendered);
  /* the grid binds the rows on screen and a few around them, never the whole document */
  g_assert_cmpuint (rendered, <, 100);
  ui_test_settle (1000);
  g_test_message ("pages drawn a second later: %u", cs_pdf_worker_get_n_rendered (cs_import_window_get_worker (import)));
  g_assert_cmpuint (cs_pdf_worker_get_n_rendered (cs_import_window_get_worker (import)), <, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (
    GTK_GRID_VIEW (find_widget (GTK_WIDGET (import), GTK_TYPE_GRID_VIEW, NULL))))), ==, 300);

  cs_import_window_cancel (import);
  ui_test_wait_for (import_window_gone, file, "the import window to close after Cancel");
  ui_test_settle (300);
  g_assert_cmpuint (library_count (), ==, before);
}

/* A renamed non-PDF says so in the import window; nothing reaches the library. */
static void
test_import_pdf_bad (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Minutes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = library_count ();
  CsImportWindow *import;

  g_assert_true (g_file_set_contents (path, "These are meeting minutes in plain text.", -1, NULL));
  g_assert_true (drop_files (file));
  ui_test_wait_for (import_window_open, file, "the import window");
  wait_for_import_state (file, "error");
  import = find_import_window (file);
  g_assert_nonnull (strstr (cs_import_window_get_error (import), "not a PDF"));
  g_assert_true (has_label (GTK_WIDGET (import), "“Minutes.pdf” Could Not Be Imported"));
  gtk_window_close (GTK_WINDOW (import));
  ui_test_wait_for (import_window_gone, file, "the import window to close");
  g_assert_cmpuint (library_count (), ==, before);
}

static gboolean
password_asked (gpointer data)
{
  CsImportWindow *import = find_import_window (data);

  return import && cs_import_window_get_password_dialog (import) != NULL;
}

static void
answer_password (GFile      *file,
                 const char *password)
{
  CsImportWindow *import = find_import_window (file);
  AdwMessageDialog *dialog = cs_import_window_get_password_dialog (import);

  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), password);
  adw_message_dialog_response (dialog, "unlock");
}

/* An encrypted PDF asks for its password, again after a wrong one, then imports; closing a
 * reviewed draft asks first. */
static void
test_import_pdf_password (void)
{
  g_autofree char *plain = g_build_filename (tmp_dir, "plain.pdf", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "Locked.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsImportWindow *import;

  cs_test_pdf_write_case (plain, FALSE);
  if (!cs_test_pdf_write_encrypted (plain, path, "case-2024"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  import = cs_window_import_pdf (window, file);
  ui_test_wait_for (password_asked, file, "the password dialog");
  answer_password (file, "guess");
  ui_test_wait_for (password_asked, file, "the password dialog after a wrong password");
  answer_password (file, "case-2024");
  wait_for_import_state (file, "review");

  /* closing asks before the draft is thrown away */
  gtk_window_close (GTK_WINDOW (import));
  ui_test_settle (100);
  g_assert_true (find_import_window (file) == import);
  cs_import_window_cancel (import);
  ui_test_wait_for (import_window_gone, file, "the import window to close");
}

/* ---- the shared server ------------------------------------------------------------ */

static CsAccountWindow *
find_account_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (CS_IS_ACCOUNT_WINDOW (w))
        return CS_ACCOUNT_WINDOW (w);
    }
  return NULL;
}

static gboolean
account_window_open (gpointer data)
{
  return find_account_window () != NULL;
}

static gboolean
sign_in_done (gpointer data)
{
  return !cs_account_window_get_busy (data);
}

static gboolean
indicator_shows (gpointer data)
{
  CsSyncIndicator *indicator = CS_SYNC_INDICATOR (find_widget (GTK_WIDGET (window), CS_TYPE_SYNC_INDICATOR, NULL));

  return g_strcmp0 (cs_sync_indicator_get_icon (indicator), data) == 0;
}

static SyncTestServer account_server;

static gboolean
cases_on_server (gpointer data)
{
  g_autofree char *n = sync_test_value (account_server.super, "SELECT count(*) FROM cs.scenarios", NULL);

  return n && atoi (n) >= GPOINTER_TO_INT (data);
}

/* Sign in from the account window (a wrong password first), see the library reach the
 * server and the header-bar indicator say so, then sign out. */
static void
test_account (void)
{
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  char *saved[G_N_ELEMENTS (vars)];
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  CsAccountWindow *account;
  gboolean have_server;
  int port = atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432");

  g_assert_true (indicator_shows ("network-server-symbolic"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "account", NULL);
  ui_test_wait_for (account_window_open, NULL, "the account window");
  account = find_account_window ();
  g_assert_nonnull (strstr (cs_account_window_get_status_text (account), "Not connected"));

  /* an empty form says what is missing */
  cs_account_window_fill (account, "", 5432, "casestudio", "", "");
  cs_account_window_sign_in (account);
  g_assert_nonnull (strstr (cs_account_window_get_message (account), "server address"));

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    saved[i] = g_strdup (g_getenv (vars[i]));
  have_server = sync_test_server_set_up (&account_server);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_setenv (vars[i], saved[i], TRUE);
      g_free (saved[i]);
    }
  if (!have_server)
    {
      gtk_window_destroy (GTK_WINDOW (account));
      g_test_skip ("PGHOST is not set: no test PostgreSQL server");
      return;
    }
  g_assert_true (cs_server_schema_init (account_server.super, NULL, &error));
  g_assert_no_error (error);
  user = sync_test_user_name (&account_server, "window");
  password = g_strdup_printf ("pw-%08x", g_random_int ());
  id = cs_server_add_instructor (account_server.super, user, password, "Window Tester", &error);
  g_assert_no_error (error);

  /* a wrong password: the message says so, nothing is connected */
  cs_account_window_fill (account, "127.0.0.1", port, account_server.dbname, user, "wrong");
  cs_account_window_sign_in (account);
  ui_test_wait_for (sign_in_done, account, "the refused sign-in");
  g_assert_nonnull (strstr (cs_account_window_get_message (account), "password"));
  g_assert_true (indicator_shows ("network-server-symbolic"));

  /* the right one: the library goes to the server and the indicator shows it */
  cs_account_window_fill (account, "127.0.0.1", port, account_server.dbname, user, password);
  cs_account_window_sign_in (account);
  ui_test_wait_for (sign_in_done, account, "the sign-in");
  g_assert_nonnull (strstr (cs_account_window_get_message (account), "Signed in"));
  ui_test_wait_for (cases_on_server, GINT_TO_POINTER (1), "the library on the server");
  ui_test_wait_for (indicator_shows, "emblem-ok-symbolic", "the up-to-date indicator");
  ui_test_save_screenshot (GTK_WIDGET (account), "account.png");

  /* signing out keeps the cases here and the indicator goes back */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (account), GTK_TYPE_BUTTON, "Sign _Out"), "clicked");
  ui_test_wait_for (indicator_shows, "network-server-symbolic", "the indicator after signing out");
  g_assert_cmpuint (library_count (), >, 0);
  gtk_window_destroy (GTK_WINDOW (account));
  sync_test_server_tear_down (&account_server);
}

/* ---- joining a cohort ---------------------------------------------------------------- */

static SyncTestServer join_server;

static CsJoinWindow *
find_join_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (CS_IS_JOIN_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return CS_JOIN_WINDOW (w);
    }
  return NULL;
}

static gboolean
join_window_open (gpointer data)
{
  return find_join_window () != NULL;
}

static gboolean
join_done (gpointer data)
{
  return cs_join_window_get_result (data) != NULL;
}

static gboolean
join_refused (gpointer data)
{
  return !cs_join_window_get_busy (data) && strstr (cs_join_window_get_message (data), "used");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
message_dialog_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* The id of the library's case titled @data, or NULL. */
static const char *
library_case_titled (const char *title)
{
  GListModel *model = cs_window_get_library_model (window);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CsScenario) s = g_list_model_get_item (model, i);

      if (g_str_equal (cs_scenario_get_title (s), title))
        return cs_record_get_id (CS_RECORD (s));
    }
  return NULL;
}

static gboolean
library_has_title (gpointer data)
{
  return library_case_titled (data) != NULL;
}

static gboolean
library_lacks_title (gpointer data)
{
  return library_case_titled (data) == NULL;
}

static void
open_uri (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

/* An instructor publishes a case, assigns it to a cohort that approves by itself and
 * makes a code; the student opens the case-studio://join link, joins, and the library
 * shows the assigned case, read-only. */
static void
test_join (void)
{
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  char *saved[G_N_ELEMENTS (vars)];
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) teacher = NULL;
  g_autoptr(CsJoinLink) link = NULL;
  g_autofree char *name = NULL;
  g_autofree char *instructor = NULL;
  g_autofree char *student = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *persona = NULL;
  g_autofree char *scene = NULL;
  g_autofree char *version = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *assigned = NULL;
  CsJoinWindow *join;
  CsPublishButton *publish;
  gboolean have_server;
  int port = atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432");
  const char *title = "Pricing Under Pressure";

  /* A link that is not one says why, in a dialog. */
  open_uri ("case-studio://join?host=db.example.edu");
  ui_test_wait_for (message_dialog_open, NULL, "the bad link's dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_message_dialog ()), "invitation code"));
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ()));

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    saved[i] = g_strdup (g_getenv (vars[i]));
  have_server = sync_test_server_set_up (&join_server);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_setenv (vars[i], saved[i], TRUE);
      g_free (saved[i]);
    }
  if (!have_server)
    {
      g_test_skip ("PGHOST is not set: no test PostgreSQL server");
      return;
    }

  g_assert_true (cs_server_schema_init (join_server.super, NULL, &error));
  g_assert_no_error (error);
  instructor = sync_test_user_name (&join_server, "teacher");
  g_free (cs_server_add_instructor (join_server.super, instructor, "teacher-pw", "Teacher", &error));
  g_assert_no_error (error);
  teacher = sync_test_connect_as (&join_server, instructor, "teacher-pw");
  draft = sync_test_value (teacher, "INSERT INTO cs.scenarios (id, owner_id, title, industry) "
                           "VALUES (gen_random_uuid (), (SELECT cs.uid (current_user)), $1, 'Retail') "
                           "RETURNING id", title, NULL);
  persona = sync_test_value (teacher, "INSERT INTO cs.personas (id, scenario_id, position, name, role) "
                             "VALUES (gen_random_uuid (), $1, 0, 'Mara Lind', 'Head of sales') RETURNING id",
                             draft, NULL);
  scene = sync_test_value (teacher, "INSERT INTO cs.scenes (id, scenario_id, position, title, user_goal, goal_criteria) "
                           "VALUES (gen_random_uuid (), $1, 0, 'The price list', 'Agree a price', "
                           "        '[{\"text\": \"Asks about margins\", \"weight\": 1}]') RETURNING id",
                           draft, NULL);
  sync_test_rows (teacher, "INSERT INTO cs.scene_personas (scene_id, persona_id, position, involvement) "
                  "VALUES ($1, $2, 0, 'key')", scene, persona, NULL);
  version = cs_enrolment_publish (teacher, draft, NULL, &error);
  g_assert_no_error (error);
  cohort = cs_enrolment_create_cohort (teacher, "Strategy Lab", NULL, TRUE, &error);
  g_assert_no_error (error);
  assigned = cs_enrolment_assign (teacher, cohort, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, version);
  code = cs_enrolment_create_invitation (teacher, cohort, 1, NULL, -1, &error);
  g_assert_no_error (error);

  /* The link opens the join window, filled in. */
  link = cs_join_link_new ("127.0.0.1", port, join_server.dbname, code, &error);
  g_assert_no_error (error);
  uri = cs_join_link_to_string (link);
  open_uri (uri);
  ui_test_wait_for (join_window_open, NULL, "the join window");
  join = find_join_window ();
  ui_test_wait_for (ui_test_widget_drawn, join, "the join window on screen");

  /* Typing mistakes are caught before anything is sent. */
  student = sync_test_user_name (&join_server, "student");
  cs_join_window_fill (join, NULL, "Sam Student", student, "sam-password", "sam-passwort");
  cs_join_window_join (join);
  g_assert_nonnull (strstr (cs_join_window_get_message (join), "differ"));
  cs_join_window_fill (join, NULL, "Sam Student", student, "short", "short");
  cs_join_window_join (join);
  g_assert_nonnull (strstr (cs_join_window_get_message (join), "8 characters"));
  cs_join_window_fill (join, NULL, "Sam Student", student, "sam-password", "sam-password");
  ui_test_save_screenshot (GTK_WIDGET (join), "join-form.png");

  cs_join_window_join (join);
  ui_test_wait_for (join_done, join, "joining");
  g_assert_cmpstr (cs_join_window_get_result (join), ==, "Welcome to Strategy Lab");
  ui_test_save_screenshot (GTK_WIDGET (join), "join-done.png");

  /* Signed in as the student: the assigned version arrives in the library. */
  g_assert_cmpstr (cs_sync_session_get_account (cs_application_get_sync_session (app))->user, ==, student);
  ui_test_wait_for (library_has_title, (gpointer) title, "the assigned case in the library");
  g_assert_cmpstr (library_case_titled (title), ==, version);
  gtk_window_destroy (GTK_WINDOW (join));
  cs_window_select_scenario (window, version);
  ui_test_wait_for (scenario_shown, version, "the assigned case shown");
  publish = CS_PUBLISH_BUTTON (find_widget (GTK_WIDGET (window), CS_TYPE_PUBLISH_BUTTON, NULL));
  g_assert_nonnull (strstr (cs_publish_button_get_reason (publish), "published version"));
  g_assert_cmpstr (cs_publish_button_get_status (publish), ==, "Published version");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (publish)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (publish)));

  /* The code was single-use: joining again with it says so. */
  open_uri (uri);
  ui_test_wait_for (join_window_open, NULL, "the join window, again");
  join = find_join_window ();
  cs_join_window_use_account (join, FALSE);
  name = sync_test_user_name (&join_server, "second");
  cs_join_window_fill (join, NULL, "Second", name, "second-password", "second-password");
  cs_join_window_join (join);
  ui_test_wait_for (join_refused, join, "the used code refused");
  g_assert_cmpint (sync_test_rows (join_server.super, "SELECT FROM cs.users WHERE role_name = $1", name, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (join));

  /* Signed in, the student joins a second cohort with the account they have (from the
   * main menu this time); that one asks the instructor first. */
  {
    g_autofree char *club = cs_enrolment_create_cohort (teacher, "Case Club", NULL, FALSE, &error);
    g_autofree char *club_code = cs_enrolment_create_invitation (teacher, club, 1, NULL, -1, &error);

    g_assert_no_error (error);
    g_action_group_activate_action (G_ACTION_GROUP (app), "join", NULL);
    ui_test_wait_for (join_window_open, NULL, "the join window from the menu");
    join = find_join_window ();
    cs_join_window_fill (join, club_code, NULL, NULL, NULL, NULL);
    ui_test_save_screenshot (GTK_WIDGET (join), "join-account.png");
    cs_join_window_join (join);
    ui_test_wait_for (join_done, join, "joining with the account");
    g_assert_cmpstr (cs_join_window_get_result (join), ==, "Waiting for Approval");
    g_assert_cmpint (sync_test_rows (join_server.super, "SELECT FROM cs.cohort_students e JOIN cs.users u "
                                     "ON u.id = e.student_id WHERE e.cohort_id = $1 AND u.role_name = $2 "
                                     "AND e.status = 'pending'", club, student, NULL), ==, 1);
    gtk_window_destroy (GTK_WINDOW (join));
  }

  /* Leave the library as the other tests expect it. */
  cs_sync_session_disconnect (cs_application_get_sync_session (app));
  g_assert_true (cs_store_delete_scenario (cs_application_get_store (app), version, NULL, NULL, &error));
  g_assert_no_error (error);
  ui_test_wait_for (library_lacks_title, (gpointer) title, "the assigned case gone");
  sync_test_server_tear_down (&join_server);
}

static gboolean
got_async (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
publish_ready (gpointer data)
{
  return cs_publish_button_get_reason (data) == NULL;
}

static gboolean
publish_status_is (gpointer data)
{
  CsPublishButton *publish = CS_PUBLISH_BUTTON (find_widget (GTK_WIDGET (window), CS_TYPE_PUBLISH_BUTTON, NULL));

  return g_strcmp0 (cs_publish_button_get_status (publish), data) == 0;
}

/* The instructor publishes the shown case from the header bar: the button says why it
 * cannot until signed in, then the server has version 1 and the header says so. */
static void
test_publish (void)
{
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  char *saved[G_N_ELEMENTS (vars)];
  g_autoptr(GError) error = NULL;
  g_autoptr(CsServerAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *instructor = NULL;
  CsSyncSession *session = cs_application_get_sync_session (app);
  CsPublishButton *publish;
  g_autoptr(CsScenario) copy = NULL;
  const char *id;
  gboolean have_server;
  gboolean copied = FALSE;
  guint n_before;
  int port = atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432");

  /* A case of its own (the sample went to another server in an earlier test). */
  n_before = library_count ();
  copy = cs_store_import_scenario (cs_application_get_store (app), sample, &copied, &error);
  g_assert_no_error (error);
  g_assert_true (copied);
  id = cs_record_get_id (CS_RECORD (copy));
  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case shown");
  publish = CS_PUBLISH_BUTTON (find_widget (GTK_WIDGET (window), CS_TYPE_PUBLISH_BUTTON, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (publish)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (publish)));
  g_assert_nonnull (strstr (cs_publish_button_get_reason (publish), "Sign in"));

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    saved[i] = g_strdup (g_getenv (vars[i]));
  have_server = sync_test_server_set_up (&join_server);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_setenv (vars[i], saved[i], TRUE);
      g_free (saved[i]);
    }
  if (!have_server)
    {
      g_test_skip ("PGHOST is not set: no test PostgreSQL server");
      return;
    }
  g_assert_true (cs_server_schema_init (join_server.super, NULL, &error));
  g_assert_no_error (error);
  instructor = sync_test_user_name (&join_server, "publisher");
  g_free (cs_server_add_instructor (join_server.super, instructor, "publisher-pw", "Publisher", &error));
  g_assert_no_error (error);

  account = cs_server_account_new ("127.0.0.1", port, join_server.dbname, instructor);
  cs_sync_session_connect_async (session, account, "publisher-pw", NULL, store_result, &result);
  ui_test_wait_for (got_async, &result, "the sign-in");
  g_assert_true (cs_sync_session_connect_finish (session, result, NULL, &error));
  g_assert_no_error (error);

  ui_test_wait_for (publish_ready, publish, "the Publish button");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (publish)));
  gtk_widget_activate (GTK_WIDGET (publish));
  ui_test_wait_for (publish_status_is, (gpointer) "Version 1 published", "version 1 published");
  g_assert_cmpint (sync_test_rows (join_server.super, "SELECT FROM cs.scenarios WHERE published_from = $1 "
                                   "AND publish_number = 1 AND is_published", id, NULL), ==, 1);

  /* Signed out, the page still says which version is published. */
  cs_sync_session_disconnect (session);
  g_assert_cmpstr (cs_publish_button_get_status (publish), ==, "Version 1 published");
  g_assert_true (cs_store_delete_scenario (cs_application_get_store (app), id, NULL, NULL, &error));
  g_assert_no_error (error);
  ui_test_wait_for (library_has_n, GUINT_TO_POINTER (n_before), "the copy gone");
  sync_test_server_tear_down (&join_server);
}

/* ---- the scene board ------------------------------------------------------------------- */

static char *
scene_titles (CsScenario *scenario)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", cs_scene_get_title (scene));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Runs the board's own key binding for @accel, as a key press on the focused board does. */
static void
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  gboolean pressed = FALSE;

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                       GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
}

static gboolean
board_saved (gpointer data)
{
  return cs_scene_board_get_n_saving (data) == 0;
}

static char *
saved_titles (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) loaded = cs_store_load_scenario (cs_application_get_store (app), id, &error);

  g_assert_no_error (error);
  return scene_titles (loaded);
}

static gboolean
undo_toast_shown (gpointer data)
{
  return !no_undo_toast (NULL);
}

static void
test_scene_board (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  g_autofree char *original = scene_titles (sample);
  g_autofree char *saved = NULL;
  CsSceneBoard *board = cs_window_get_scene_board (window);
  CsScenario *edited;

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before editing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  ui_test_wait_for (ui_test_widget_drawn, board, "the scene board");
  edited = cs_scene_board_get_scenario (board);
  g_assert_true (edited == cs_window_get_scenario (window));
  g_assert_false (cs_edit_history_get_can_undo (cs_scene_board_get_history (board)));

  /* Alt+Down twice moves the first scene to third place; each move is saved. */
  cs_scene_board_select (board, 0);
  press_shortcut (GTK_WIDGET (board), "<Alt>Down");
  g_assert_cmpuint (cs_scene_board_get_selected (board), ==, 1);
  press_shortcut (GTK_WIDGET (board), "<Alt>Down");
  g_assert_cmpuint (cs_scene_board_get_selected (board), ==, 2);
  {
    g_autofree char *moved = scene_titles (edited);

    g_assert_cmpstr (moved, ==,
                     "On the Kellerton Floor|The Recommendation|The CEO's Brief|Telling Kellerton");
    ui_test_wait_for (board_saved, board, "the moves saved");
    saved = saved_titles (id);
    g_assert_cmpstr (saved, ==, moved);
    g_clear_pointer (&saved, g_free);
  }
  save_screenshot ("scene-board.png");

  /* Alt+Up on the last card, then Ctrl+Z undoes only that move. */
  cs_scene_board_select (board, 3);
  press_shortcut (GTK_WIDGET (board), "<Alt>Up");
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  {
    g_autofree char *undone = scene_titles (edited);

    g_assert_cmpstr (undone, ==,
                     "On the Kellerton Floor|The Recommendation|The CEO's Brief|Telling Kellerton");
  }
  g_assert_cmpstr (cs_edit_history_get_undo_label (cs_scene_board_get_history (board)), ==,
                   "Move Scene");

  /* Two more undos give the story order back, and that is what the library keeps. */
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  g_assert_false (cs_edit_history_get_can_undo (cs_scene_board_get_history (board)));
  ui_test_wait_for (board_saved, board, "the undos saved");
  saved = saved_titles (id);
  g_assert_cmpstr (saved, ==, original);
  g_clear_pointer (&saved, g_free);

  /* Redo is Ctrl+Shift+Z. */
  press_shortcut (GTK_WIDGET (board), "<Control><Shift>z");
  ui_test_wait_for (board_saved, board, "the redo saved");
  saved = saved_titles (id);
  g_assert_cmpstr (saved, ==,
                   "On the Kellerton Floor|The CEO's Brief|The Recommendation|Telling Kellerton");
  g_clear_pointer (&saved, g_free);
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  ui_test_wait_for (board_saved, board, "the last undo saved");

  /* Delete takes the selected card away; the toast's Undo puts it back, criteria and all. */
  {
    CsScene *second = g_list_model_get_item (cs_scenario_get_scenes (edited), 1);
    g_autoptr(CsScenario) loaded = NULL;
    g_autoptr(CsScene) back = NULL;
    g_autoptr(GError) error = NULL;
    GtkWidget *undo;

    g_object_unref (second);  /* the scenario keeps it while it is in the list */
    cs_scene_board_select (board, 1);
    press_shortcut (GTK_WIDGET (board), "Delete");
    g_assert_cmpuint (cs_scenario_get_n_scenes (edited), ==, 3);
    g_assert_null (cs_scenario_find_scene (edited, cs_record_get_id (CS_RECORD (second))));
    ui_test_wait_for (board_saved, board, "the deletion saved");
    loaded = cs_store_load_scenario (cs_application_get_store (app), id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cs_scenario_get_n_scenes (loaded), ==, 3);
    g_clear_object (&loaded);

    /* The toast queues behind the window's own; libadwaita 1.2 wants it fully shown. */
    ui_test_wait_for (undo_toast_shown, NULL, "the Undo toast of the deleted scene");
    ui_test_settle (600);
    undo = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    g_assert_cmpuint (cs_scenario_get_n_scenes (edited), ==, 4);
    ui_test_wait_for (board_saved, board, "the restored scene saved");
    loaded = cs_store_load_scenario (cs_application_get_store (app), id, &error);
    g_assert_no_error (error);
    saved = scene_titles (loaded);
    g_assert_cmpstr (saved, ==, original);
    g_clear_pointer (&saved, g_free);
    back = g_list_model_get_item (cs_scenario_get_scenes (loaded), 1);
    cs_test_assert_scenes_equal (back, second);
  }

  /* Ctrl+D duplicates after the selected card, Ctrl+Shift+N adds a new one; both undo. */
  cs_scene_board_select (board, 1);
  press_shortcut (GTK_WIDGET (board), "<Control>d");
  g_assert_cmpuint (cs_scenario_get_n_scenes (edited), ==, 5);
  g_assert_cmpuint (cs_scene_board_get_selected (board), ==, 2);
  press_shortcut (GTK_WIDGET (board), "<Control><Shift>n");
  g_assert_cmpuint (cs_scenario_get_n_scenes (edited), ==, 6);
  g_assert_cmpuint (cs_scene_board_get_selected (board), ==, 3);
  {
    g_autofree char *added = scene_titles (edited);

    g_assert_cmpstr (added, ==, "The CEO's Brief|On the Kellerton Floor|On the Kellerton Floor (Copy)|"
                                "New Scene|The Recommendation|Telling Kellerton");
  }
  save_screenshot ("scene-board-added.png");
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  press_shortcut (GTK_WIDGET (board), "<Control>z");
  ui_test_wait_for (board_saved, board, "the undone additions saved");
  saved = saved_titles (id);
  g_assert_cmpstr (saved, ==, original);
  g_clear_pointer (&saved, g_free);

  /* Done goes back to the case page, which shows the saved order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-done", NULL));
  g_assert_null (cs_scene_board_get_scenario (board));
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page after editing");
  saved = saved_titles (id);
  g_assert_cmpstr (saved, ==, original);
}

/* ---- playing a case ----------------------------------------------------------------- */

static gboolean
persona_replied (gpointer data)
{
  GListModel *messages = cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (data));

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(CsMessage) m = g_list_model_get_item (messages, i);

      if (cs_message_get_kind (m) == CS_MESSAGE_KIND_PERSONA && cs_message_get_is_complete (m) &&
          !cs_orchestrator_get_busy (cs_chat_window_get_orchestrator (data)))
        return TRUE;
    }
  return FALSE;
}

/* The scene-header button that addresses @first_name. */
static GtkWidget *
find_person_button (GtkWidget  *root,
                    const char *first_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "first-name"), first_name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_person_button (c, first_name);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
scene_begun (gpointer data)
{
  return cs_orchestrator_get_current_scene (cs_chat_window_get_orchestrator (data)) != NULL &&
         !cs_orchestrator_get_busy (cs_chat_window_get_orchestrator (data));
}

static guint
count_runs (const char *scenario_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cs_store_list_progress (cs_application_get_store (app), NULL,
                                                       scenario_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (runs);
}

static guint
count_kind (CsChatWindow  *chat,
            CsMessageKind  kind)
{
  GListModel *messages = cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(CsMessage) m = g_list_model_get_item (messages, i);

      n += cs_message_get_kind (m) == kind;
    }
  return n;
}

static GtkWidget *
find_by_css (GtkWidget  *root,
             const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_css (c, css_class);

      if (found)
        return found;
    }
  return NULL;
}

/* Play the sample from its page: the first scene begins, a persona answers with avatar,
 * name and role, and the scene header shows the goal and the turn count. */
static void
test_play (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  CsChatWindow *chat;
  g_autoptr(CsScene) first = g_list_model_get_item (cs_scenario_get_scenes (sample), 0);
  g_autofree char *turn = NULL;
  g_autofree char *turn2 = NULL;
  guint n_runs;

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before playing");
  n_runs = count_runs (id);
  chat = cs_window_play (window);
  g_assert_nonnull (chat);
  ui_test_wait_for (ui_test_widget_drawn, chat, "the chat window");
  g_assert_true (has_label (GTK_WIDGET (chat), "Introduction"));

  cs_chat_window_send (chat, "begin");
  ui_test_wait_for (scene_begun, chat, "the first scene");
  g_assert_true (has_label (GTK_WIDGET (chat), cs_scene_get_user_goal (first)));

  /* the scene's people are there to address: clicking one starts a message to them */
  {
    g_autoptr(CsScenePersona) key = g_list_model_get_item (cs_scene_get_involved (first), 0);
    CsPersona *persona = cs_scenario_find_persona (sample, cs_scene_persona_get_persona_id (key));
    g_auto(GStrv) names = g_strsplit (cs_persona_get_name (persona), " ", 2);
    g_autofree char *expected = g_strdup_printf ("@%s ", names[0]);
    GtkWidget *entry = find_widget (GTK_WIDGET (chat), GTK_TYPE_ENTRY, NULL);
    GtkWidget *button = find_person_button (GTK_WIDGET (chat), names[0]);

    g_assert_true (has_label (GTK_WIDGET (chat), cs_persona_get_name (persona)));
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, expected);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  }

  cs_chat_window_send (chat, "What decision do you need from me, and by when?");
  ui_test_wait_for (persona_replied, chat, "a persona's reply");
  ui_test_settle (200);
  turn = g_strdup_printf ("Turn 1 of %d", cs_scene_get_timeout_turns (first));
  g_assert_true (has_label (GTK_WIDGET (chat), turn));

  /* a second turn: the count follows, and the run is the one saved (no test play) */
  g_assert_false (gtk_widget_get_visible (find_by_css (GTK_WIDGET (chat), "test-play-bar")));
  g_assert_cmpuint (count_runs (id), ==, n_runs + 1);
  {
    guint before = count_kind (chat, CS_MESSAGE_KIND_PERSONA);

    cs_chat_window_send (chat, "Which options do you see, and what worries you most about each?");
    ui_test_wait_for (persona_replied, chat, "a persona's reply");
    if (cs_orchestrator_get_current_scene (cs_chat_window_get_orchestrator (chat)) == first)
      {
        turn2 = g_strdup_printf ("Turn 2 of %d", cs_scene_get_timeout_turns (first));
        ui_test_settle (100);
        g_assert_true (has_label (GTK_WIDGET (chat), turn2));
      }
    g_assert_cmpuint (count_kind (chat, CS_MESSAGE_KIND_PERSONA), >, before);
  }
  ui_test_settle (200);
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat.png");

  /* closing and playing again continues the same run, with its conversation */
  {
    g_autofree char *run = g_strdup (cs_record_get_id (CS_RECORD (cs_orchestrator_get_progress (cs_chat_window_get_orchestrator (chat)))));
    guint n_messages = g_list_model_get_n_items (cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat)));
    CsOrchestrator *orchestrator;
    int attempt;

    gtk_window_destroy (GTK_WINDOW (chat));
    chat = cs_window_play (window);
    g_assert_nonnull (chat);
    orchestrator = cs_chat_window_get_orchestrator (chat);
    g_assert_cmpstr (cs_record_get_id (CS_RECORD (cs_orchestrator_get_progress (orchestrator))), ==, run);
    g_assert_cmpuint (g_list_model_get_n_items (cs_orchestrator_get_messages (orchestrator)), ==, n_messages);
    g_assert_nonnull (cs_orchestrator_get_current_scene (orchestrator));
    attempt = cs_progress_get_attempt (cs_orchestrator_get_progress (orchestrator));

    /* Restart: a new attempt in a new window; the old run is kept */
    gtk_widget_activate_action (GTK_WIDGET (chat), "chat.restart", NULL);
    ui_test_settle (100);
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      CsChatWindow *fresh = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

          if (CS_IS_CHAT_WINDOW (w))
            fresh = CS_CHAT_WINDOW (w);
        }
      g_assert_nonnull (fresh);
      orchestrator = cs_chat_window_get_orchestrator (fresh);
      g_assert_cmpstr (cs_record_get_id (CS_RECORD (cs_orchestrator_get_progress (orchestrator))), !=, run);
      g_assert_cmpint (cs_progress_get_attempt (cs_orchestrator_get_progress (orchestrator)), ==, attempt + 1);
      gtk_window_destroy (GTK_WINDOW (fresh));
    }
  }
}

/* ---- the chat's entry, sidebar and Stop ------------------------------------------------ */

/* The sample with Sunita taking part in the first scene (she is only mentioned there), so
 * that the scene has two people to address. Not in the library: played without saving. */
static CsScenario *
two_person_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsScene) first = NULL;

  g_assert_no_error (error);
  first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  for (guint i = 0; i < g_list_model_get_n_items (cs_scenario_get_personas (scenario)); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (scenario), i);

      if (g_str_has_prefix (cs_persona_get_name (p), "Sunita"))
        cs_scene_set_involvement (first, cs_record_get_id (CS_RECORD (p)), CS_INVOLVEMENT_PARTICIPANT);
    }
  return scenario;
}

static CsPersona *
persona_named (CsScenario *scenario,
               const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (cs_scenario_get_personas (scenario)); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (scenario), i);

      if (g_str_has_prefix (cs_persona_get_name (p), prefix))
        return p;  /* the scenario keeps it */
    }
  g_assert_not_reached ();
}

static CsChatWindow *
open_chat (CsScenario    *scenario,
           CsLlmProvider *provider)
{
  g_autoptr(GError) error = NULL;
  CsChatWindow *chat = cs_chat_window_new (GTK_WINDOW (window), scenario, provider, NULL, FALSE, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (chat), 1000, 720);
  gtk_window_present (GTK_WINDOW (chat));
  ui_test_wait_for (ui_test_widget_drawn, chat, "the chat window");
  cs_chat_window_send (chat, "begin");
  ui_test_wait_for (scene_begun, chat, "the first scene");
  return chat;
}

/* A key press as the window would deliver it to the entry's own key handling. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static void
type_text (GtkEditable *editable,
           const char  *text)
{
  int position = gtk_editable_get_position (editable);

  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

static CsMessage *
last_persona_message (CsChatWindow *chat)
{
  GListModel *messages = cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat));

  for (guint i = g_list_model_get_n_items (messages); i > 0; i--)
    {
      g_autoptr(CsMessage) m = g_list_model_get_item (messages, i - 1);

      if (cs_message_get_kind (m) == CS_MESSAGE_KIND_PERSONA)
        return m;  /* the list keeps it */
    }
  return NULL;
}

typedef struct {
  CsChatWindow *chat;
  guint         n;
} Count;

static gboolean
n_persona_replies (gpointer data)
{
  Count *count = data;

  return !cs_orchestrator_get_busy (cs_chat_window_get_orchestrator (count->chat)) &&
         count_kind (count->chat, CS_MESSAGE_KIND_PERSONA) >= count->n;
}

/* "@" offers the scene's people with the keyboard; picking writes the mention, and sending
 * it makes that person answer. */
static void
test_play_mention (void)
{
  g_autoptr(CsScenario) scenario = two_person_sample ();
  g_autoptr(CsLlmProvider) provider = CS_LLM_PROVIDER (cs_offline_provider_new ());
  CsPersona *margaret = persona_named (scenario, "Margaret");
  CsPersona *sunita = persona_named (scenario, "Sunita");
  CsChatWindow *chat = open_chat (scenario, provider);
  CsMentionEntry *mention = CS_MENTION_ENTRY (find_widget (GTK_WIDGET (chat), CS_TYPE_MENTION_ENTRY, NULL));
  GtkEditable *entry = GTK_EDITABLE (cs_mention_entry_get_entry (mention));
  guint n_messages;
  Count count = { chat, 0 };

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "");
  g_assert_false (cs_mention_entry_get_completing (mention));

  /* "@" offers both, in the scene's order; Down and Up move, Escape closes */
  type_text (entry, "Hello @");
  g_assert_true (cs_mention_entry_get_completing (mention));
  g_assert_true (cs_mention_entry_get_selected (mention) == margaret);
  {
    GtkWidget *popover = gtk_widget_get_last_child (GTK_WIDGET (mention));
    GtkWidget *list;
    guint rows = 0;

    g_assert_true (GTK_IS_POPOVER (popover));
    g_assert_true (gtk_widget_get_visible (popover));
    list = find_widget (popover, GTK_TYPE_LIST_BOX, NULL);
    for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
      rows += GTK_IS_LIST_BOX_ROW (c);
    g_assert_cmpuint (rows, ==, 2);
    g_assert_nonnull (find_widget (popover, ADW_TYPE_AVATAR, NULL));
    ui_test_save_screenshot (popover, "chat-mention.png");
  }
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Down));
  g_assert_true (cs_mention_entry_get_selected (mention) == sunita);
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Down));
  g_assert_true (cs_mention_entry_get_selected (mention) == margaret);
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Up));
  g_assert_true (cs_mention_entry_get_selected (mention) == sunita);
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Escape));
  g_assert_false (cs_mention_entry_get_completing (mention));
  /* Escape again is not the entry's: with nothing streaming it does nothing here */
  g_assert_false (press_key (GTK_WIDGET (mention), GDK_KEY_Escape));

  /* a prefix, accents and case aside, narrows the list; Enter picks and does not send */
  gtk_editable_set_text (entry, "Hello ");
  gtk_editable_set_position (entry, -1);
  type_text (entry, "@SÚ");
  g_assert_true (cs_mention_entry_get_completing (mention));
  g_assert_true (cs_mention_entry_get_selected (mention) == sunita);
  n_messages = g_list_model_get_n_items (cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat)));
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Return));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Hello @Sunita ");
  g_assert_false (cs_mention_entry_get_completing (mention));
  g_assert_cmpuint (g_list_model_get_n_items (cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat))), ==, n_messages);

  /* a word that is nobody's offers nothing */
  type_text (entry, "@zz");
  g_assert_false (cs_mention_entry_get_completing (mention));
  gtk_editable_delete_text (entry, gtk_editable_get_position (entry) - 3, -1);

  /* Tab picks too */
  type_text (entry, "and @mar");
  g_assert_true (cs_mention_entry_get_selected (mention) == margaret);
  g_assert_true (press_key (GTK_WIDGET (mention), GDK_KEY_Tab));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Hello @Sunita and @Margaret ");

  /* sending: the first mention answers, not the scene's lead (Margaret) */
  type_text (entry, "what do the numbers say?");
  count.n = count_kind (chat, CS_MESSAGE_KIND_PERSONA) + 1;
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  ui_test_wait_for (n_persona_replies, &count, "Sunita's reply");
  g_assert_cmpstr (cs_message_get_persona_id (last_persona_message (chat)), ==,
                   cs_record_get_id (CS_RECORD (sunita)));
  g_assert_cmpuint (count_kind (chat, CS_MESSAGE_KIND_PERSONA), ==, count.n);

  gtk_window_destroy (GTK_WINDOW (chat));
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tooltip (c, tooltip);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
flap_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

/* The sidebar lists the scene's people with their profiles; its button addresses them and
 * sending then makes them answer; F9 hides it, and it folds away on a narrow window. */
static void
test_play_sidebar (void)
{
  g_autoptr(CsScenario) scenario = two_person_sample ();
  g_autoptr(CsLlmProvider) provider = CS_LLM_PROVIDER (cs_offline_provider_new ());
  CsPersona *sunita = persona_named (scenario, "Sunita");
  CsChatWindow *chat = open_chat (scenario, provider);
  CsChatSidebar *sidebar = CS_CHAT_SIDEBAR (find_widget (GTK_WIDGET (chat), CS_TYPE_CHAT_SIDEBAR, NULL));
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (chat), ADW_TYPE_FLAP, NULL));
  GtkWidget *entry = GTK_WIDGET (find_widget (GTK_WIDGET (chat), GTK_TYPE_ENTRY, NULL));
  g_autoptr(CsScene) first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  GListModel *people = cs_chat_sidebar_get_people (sidebar);
  GtkWidget *button, *row, *focus;
  Count count = { chat, 0 };

  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==,
                    g_list_model_get_n_items (cs_scene_get_involved (first)));
  g_assert_true (has_label (GTK_WIDGET (sidebar), "Sunita Rao"));
  g_assert_true (has_label (GTK_WIDGET (sidebar), "Key"));

  /* the profile: relation, background, traits as level bars */
  row = gtk_widget_get_ancestor (find_tooltip (GTK_WIDGET (sidebar), "Write to Sunita Rao"), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_nonnull (find_widget (row, GTK_TYPE_LEVEL_BAR, NULL));
  if (cs_persona_get_background (sunita) && *cs_persona_get_background (sunita))
    g_assert_true (has_label (row, cs_persona_get_background (sunita)));
  ui_test_settle (150);
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat-sidebar.png");

  /* clicking addresses her: the mention is in the entry, which has the focus */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  button = find_tooltip (GTK_WIDGET (sidebar), "Write to Sunita Rao");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "@Sunita ");
  focus = gtk_root_get_focus (GTK_ROOT (chat));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  type_text (GTK_EDITABLE (entry), "how much would closing Kellerton save?");
  count.n = count_kind (chat, CS_MESSAGE_KIND_PERSONA) + 1;
  g_signal_emit_by_name (entry, "activate");
  ui_test_wait_for (n_persona_replies, &count, "Sunita's reply");
  g_assert_cmpstr (cs_message_get_persona_id (last_persona_message (chat)), ==,
                   cs_record_get_id (CS_RECORD (sunita)));

  /* F9 (the header's toggle) hides the sidebar; the header shows the people instead */
  gtk_widget_activate_action (GTK_WIDGET (chat), "chat.toggle-sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_nonnull (find_person_button (GTK_WIDGET (chat), "Sunita"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (find_person_button (GTK_WIDGET (chat), "Sunita"))));
  gtk_widget_activate_action (GTK_WIDGET (chat), "chat.toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  /* Ctrl+? lists the shortcuts, the chat's among them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.shortcuts", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (w))
          shortcuts = GTK_WINDOW (w);
      }
    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (chat));
    gtk_window_destroy (shortcuts);
  }

  /* narrow: the sidebar folds away and opens over the chat */
  gtk_window_set_default_size (GTK_WINDOW (chat), 360, 640);
  ui_test_wait_for (flap_folded, flap, "the sidebar folded");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat-narrow.png");

  gtk_window_destroy (GTK_WINDOW (chat));
}

/* A fake OpenAI-compatible server whose persona replies send one piece and then hang. */
typedef struct {
  SoupServer *server;
  char       *base_url;
  guint       n_chats;
  guint       n_judgements;
} SlowServer;

#define SLOW_FIRST_PIECE "Well, let me think about "

static void
slow_handle (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  SlowServer *slow = user_data;
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"" SLOW_FIRST_PIECE "\"}}]}\n\n";

  if (strstr (g_bytes_get_data (bytes, NULL), "response_format") != NULL)
    {
      slow->n_judgements++;
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }
  slow->n_chats++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/event-stream", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  /* one piece, and the body never ends */
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            chunk, strlen (chunk));
}

static gboolean
reply_streaming (gpointer data)
{
  CsMessage *m = last_persona_message (data);

  return m && !cs_message_get_is_complete (m) &&
         g_strcmp0 (cs_message_get_content (m), SLOW_FIRST_PIECE) == 0;
}

static gboolean
not_busy (gpointer data)
{
  return !cs_orchestrator_get_busy (cs_chat_window_get_orchestrator (data));
}

/* Stop (and Escape) ends a reply that is streaming in: what was said is kept, nothing is
 * judged, and the entry is ready again. */
static void
test_play_stop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = two_person_sample ();
  g_autoptr(CsLlmProvider) provider = NULL;
  SlowServer slow = { 0 };
  GSList *uris;
  CsChatWindow *chat;
  GtkWidget *stop;
  CsMessage *reply;

  slow.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (slow.server, NULL, slow_handle, &slow, NULL);
  soup_server_listen_local (slow.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (slow.server);
  slow.base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  provider = CS_LLM_PROVIDER (cs_openai_provider_new (slow.base_url, "", "test-model"));

  chat = open_chat (scenario, provider);
  stop = find_tooltip (GTK_WIDGET (chat), "Stop the Reply (Escape)");
  g_assert_nonnull (stop);
  g_assert_false (gtk_widget_get_visible (stop));

  /* by the Stop button */
  cs_chat_window_send (chat, "What do you need from me?");
  ui_test_wait_for (reply_streaming, chat, "the reply streaming in");
  g_assert_true (gtk_widget_get_visible (stop));
  ui_test_settle (100);
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat-streaming.png");
  g_signal_emit_by_name (stop, "clicked");
  ui_test_wait_for (not_busy, chat, "the stopped turn");
  reply = last_persona_message (chat);
  g_assert_true (cs_message_get_is_complete (reply));
  g_assert_cmpstr (cs_message_get_content (reply), ==, SLOW_FIRST_PIECE);
  g_assert_false (gtk_widget_get_visible (stop));
  g_assert_cmpuint (slow.n_judgements, ==, 0);

  /* by Escape: the window's shortcut */
  cs_chat_window_send (chat, "And the board?");
  ui_test_wait_for (reply_streaming, chat, "the second reply streaming in");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.stop", NULL));
  ui_test_wait_for (not_busy, chat, "the second stopped turn");
  g_assert_true (cs_message_get_is_complete (last_persona_message (chat)));
  g_assert_cmpuint (slow.n_chats, ==, 2);
  g_assert_cmpuint (slow.n_judgements, ==, 0);

  gtk_window_destroy (GTK_WINDOW (chat));
  soup_server_disconnect (slow.server);
  g_clear_object (&slow.server);
  ui_test_settle (50);
  g_free (slow.base_url);
}


/* The report window among the toplevels, or NULL. */
static GtkWidget *
find_report_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (find_widget (w, CS_TYPE_REPORT_VIEW, NULL) != NULL)
        return w;  /* the toplevels list keeps it */
    }
  return NULL;
}

static guint
count_stored_messages (const char *scenario_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cs_store_list_progress (cs_application_get_store (app), NULL,
                                                       scenario_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CsProgress) run = g_list_model_get_item (runs, i);
      g_autoptr(GListModel) messages =
        cs_store_list_messages (cs_application_get_store (app), cs_record_get_id (CS_RECORD (run)), &error);

      g_assert_no_error (error);
      n += g_list_model_get_n_items (messages);
    }
  return n;
}

/* Test play from the case page: the run is played but nothing of it is stored, unless
 * "Save This Run" keeps it. */
static void
test_test_play (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));
  GtkWidget *button;
  CsChatWindow *chat;
  CsOrchestrator *orchestrator;
  guint n_runs, n_messages;
  g_autoptr(GVariant) target = NULL;

  cs_window_select_scenario (window, id);
  ui_test_wait_for (scenario_shown, (gpointer) id, "the case page before test play");
  n_runs = count_runs (id);
  n_messages = count_stored_messages (id);

  button = ui_test_find_action_button (GTK_WIDGET (window), "win.test-play");
  g_assert_nonnull (button);
  g_object_get (button, "action-target", &target, NULL);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, id);
  g_assert_null (ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW));
  g_signal_emit_by_name (button, "clicked");
  ui_test_settle (50);
  chat = ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW);
  g_assert_nonnull (chat);
  ui_test_wait_for (ui_test_widget_drawn, chat, "the test-play window");
  g_assert_true (gtk_widget_get_visible (find_by_css (GTK_WIDGET (chat), "test-play-bar")));
  g_assert_true (has_label (GTK_WIDGET (chat), "Test play — not saved"));

  cs_chat_window_send (chat, "begin");
  ui_test_wait_for (scene_begun, chat, "the first scene");
  cs_chat_window_send (chat, "What decision do you need from me, and by when?");
  ui_test_wait_for (persona_replied, chat, "a persona's reply");
  ui_test_save_screenshot (GTK_WIDGET (chat), "chat-test-play.png");
  g_assert_cmpuint (count_runs (id), ==, n_runs);
  g_assert_cmpuint (count_stored_messages (id), ==, n_messages);

  /* Restart in a test play is another test play */
  gtk_widget_activate_action (GTK_WIDGET (chat), "chat.restart", NULL);
  ui_test_settle (100);
  chat = ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW);
  g_assert_nonnull (chat);
  g_assert_true (gtk_widget_get_visible (find_by_css (GTK_WIDGET (chat), "test-play-bar")));
  gtk_window_destroy (GTK_WINDOW (chat));
  ui_test_settle (50);
  g_assert_cmpuint (count_runs (id), ==, n_runs);
  g_assert_cmpuint (count_stored_messages (id), ==, n_messages);

  /* ... unless the instructor keeps it: everything so far is saved, and what follows */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.test-play", "s", id);
  ui_test_settle (50);
  chat = ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW);
  g_assert_nonnull (chat);
  orchestrator = cs_chat_window_get_orchestrator (chat);
  cs_chat_window_send (chat, "begin");
  ui_test_wait_for (scene_begun, chat, "the first scene");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.save-run", NULL));
  g_assert_false (gtk_widget_get_visible (find_by_css (GTK_WIDGET (chat), "test-play-bar")));
  g_assert_cmpuint (count_runs (id), ==, n_runs + 1);
  g_assert_cmpuint (count_stored_messages (id), ==,
                    n_messages + g_list_model_get_n_items (cs_orchestrator_get_messages (orchestrator)));
  cs_chat_window_send (chat, "What decision do you need from me, and by when?");
  ui_test_wait_for (persona_replied, chat, "a persona's reply");
  g_assert_cmpuint (count_stored_messages (id), ==,
                    n_messages + g_list_model_get_n_items (cs_orchestrator_get_messages (orchestrator)));
  gtk_window_destroy (GTK_WINDOW (chat));
}

static gboolean
report_shown (gpointer data)
{
  GtkWidget *report = find_report_window ();

  return report != NULL && ui_test_widget_drawn (report);
}

static gboolean
report_has_label (gpointer data)
{
  GtkWidget *report = find_report_window ();

  return report != NULL && has_label (report, data);
}

/* A label of the report window starting with @data. */
static gboolean
label_with_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (label_with_prefix (c, prefix))
      return TRUE;
  return FALSE;
}

static gboolean
report_has_prefix (gpointer data)
{
  GtkWidget *report = find_report_window ();

  return report != NULL && label_with_prefix (report, data);
}

/* @data (a path) holds a whole PDF. */
static gboolean
pdf_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &contents, &length, NULL) && length > 1000 &&
         g_str_has_prefix (contents, "%PDF-") && g_strstr_len (contents + length - 16, 16, "%%EOF") != NULL;
}

/* A one-scene case played to the end: the report opens by itself with the overall score,
 * the scene's card and the student's quoted words, exports a PDF, and the header's Report
 * button opens it again; playing the case again, the Report button shows the finished run. */
static void
test_play_report (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_autoptr(CsOfflineProvider) provider = cs_offline_provider_new ();
  g_autoptr(CsScene) first = NULL;
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(CsSceneReport) scene = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autofree char *score = NULL, *quote = NULL;
  const char *lines[] = {
    "So the core decision is Kellerton's future, and the board wants it by the October 17 deadline?",
    "Which business drivers matter most: the lost Tri-County contract, the falling margin or the low utilization?",
    "What constraints and stakeholders must the recommendation respect: the owners, the employees, the union notice and our customers?",
  };
  CsStore *store = cs_application_get_store (app);
  CsChatWindow *chat;
  CsReportView *view;
  GtkWidget *report_window;
  int attempt;

  g_assert_no_error (error);
  while (cs_scenario_get_n_scenes (scenario) > 1)
    {
      g_autoptr(CsScene) last = g_list_model_get_item (cs_scenario_get_scenes (scenario),
                                                       cs_scenario_get_n_scenes (scenario) - 1);

      cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (last)));
    }
  first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  chat = cs_chat_window_new (GTK_WINDOW (window), scenario, CS_LLM_PROVIDER (provider), store, FALSE, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (chat));
  ui_test_wait_for (ui_test_widget_drawn, chat, "the chat window");
  /* no report before the end */
  gtk_widget_activate_action (GTK_WIDGET (chat), "chat.report", NULL);
  ui_test_settle (50);
  g_assert_null (find_report_window ());

  for (guint i = 0; i < G_N_ELEMENTS (lines) && find_report_window () == NULL; i++)
    {
      cs_chat_window_send (chat, lines[i]);
      ui_test_wait_for (persona_replied, chat, "a persona's reply");
      ui_test_settle (50);
    }
  ui_test_wait_for (report_shown, NULL, "the report at the end of the run");
  report_window = find_report_window ();
  view = CS_REPORT_VIEW (find_widget (report_window, CS_TYPE_REPORT_VIEW, NULL));
  report = g_object_ref (cs_report_view_get_report (view));
  g_assert_true (cs_run_report_get_finished (report));
  scene = g_list_model_get_item (cs_run_report_get_scenes (report), 0);
  g_assert_true (cs_scene_report_get_passed (scene));

  /* what the page shows is the report's */
  score = g_strdup_printf ("%.0f%%", cs_run_report_get_overall_score (report) * 100);
  g_assert_true (has_label (report_window, score));
  for (guint i = 0; i < cs_scene_report_get_n_criteria (scene); i++)
    if (cs_scene_report_get_criterion (scene, i)->evidence != NULL && quote == NULL)
      quote = g_strdup_printf ("You said: “%s”", cs_scene_report_get_criterion (scene, i)->evidence);
  g_assert_nonnull (quote);
  g_assert_true (has_label (report_window, quote));
  ui_test_settle (200);
  ui_test_save_screenshot (report_window, "report.png");
  gtk_window_set_default_size (GTK_WINDOW (report_window), 360, 640);
  ui_test_settle (300);
  ui_test_save_screenshot (report_window, "report-narrow.png");

  /* export, as after the file chooser */
  {
    g_autoptr(GFile) target = g_file_new_for_path (pdf);

    cs_report_view_export (view, TRUE, target);
  }
  ui_test_wait_for (pdf_written, pdf, "the exported report");
  ui_test_wait_for (report_has_label, "Report saved as “report.pdf”", "the toast of the export");
  {
    g_autofree char *md = g_build_filename (tmp_dir, "transcript.md", NULL);
    g_autofree char *bad = g_build_filename (tmp_dir, "no-such-folder", "transcript.md", NULL);
    g_autoptr(GFile) target = g_file_new_for_path (md);
    g_autoptr(GFile) nowhere = g_file_new_for_path (bad);
    g_autofree char *contents = NULL;

    cs_report_view_export (view, FALSE, target);
    ui_test_wait_for (report_has_label, "Transcript saved as “transcript.md”", "the toast of the transcript");
    g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
    g_assert_true (strstr (contents, lines[0]) != NULL);
    g_unlink (md);

    /* a failure says so, naming the file */
    cs_report_view_export (view, FALSE, nowhere);
    ui_test_wait_for (report_has_prefix, "Could not save the transcript as “transcript.md”: ", "the toast of the failure");
  }

  /* one report window: asking again shows the same one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.report", NULL));
  ui_test_settle (50);
  g_assert_true (find_report_window () == report_window);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint reports = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

        reports += find_widget (w, CS_TYPE_REPORT_VIEW, NULL) != NULL;
      }
    g_assert_cmpuint (reports, ==, 1);
  }

  /* closed, the report comes back from the header bar */
  gtk_window_destroy (GTK_WINDOW (report_window));
  ui_test_settle (50);
  g_assert_null (find_report_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.report", NULL));
  ui_test_wait_for (report_shown, NULL, "the report from the header bar");
  gtk_window_destroy (GTK_WINDOW (find_report_window ()));
  attempt = cs_progress_get_attempt (cs_orchestrator_get_progress (cs_chat_window_get_orchestrator (chat)));
  gtk_window_destroy (GTK_WINDOW (chat));

  /* a new attempt: its Report button shows the finished run, read back from the library */
  chat = cs_chat_window_new (GTK_WINDOW (window), scenario, CS_LLM_PROVIDER (provider), store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_progress_get_attempt (cs_orchestrator_get_progress (cs_chat_window_get_orchestrator (chat))), ==, attempt + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chat), "chat.report", NULL));
  ui_test_wait_for (report_shown, NULL, "the report of the finished run");
  report_window = find_report_window ();
  view = CS_REPORT_VIEW (find_widget (report_window, CS_TYPE_REPORT_VIEW, NULL));
  g_assert_cmpint (cs_progress_get_attempt (cs_run_report_get_progress (cs_report_view_get_report (view))), ==, attempt);
  g_assert_true (cs_run_report_get_finished (cs_report_view_get_report (view)));
  g_assert_cmpfloat_with_epsilon (cs_run_report_get_overall_score (cs_report_view_get_report (view)),
                                  cs_run_report_get_overall_score (report), 1e-9);
  g_assert_true (has_label (report_window, quote));
  gtk_window_destroy (GTK_WINDOW (report_window));
  gtk_window_destroy (GTK_WINDOW (chat));
  g_unlink (pdf);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return g_test_run ();
    }

  tmp_dir = ui_test_use_temporary_home ("cs-ui-XXXXXX");

  sample = ui_test_load_sample ();

  window = ui_test_start_app (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);

  g_test_add_func ("/ui/window/sample-listed", test_sample_listed);
  g_test_add_func ("/ui/window/open-scenario", test_open_scenario);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/delete-undo", test_delete_undo);
  g_test_add_func ("/ui/window/delete-undo-shortcut", test_delete_undo_shortcut);
  g_test_add_func ("/ui/window/delete-undo-searching", test_delete_undo_searching);
  g_test_add_func ("/ui/window/import", test_import);
  g_test_add_func ("/ui/window/open-file", test_open_file);
  g_test_add_func ("/ui/window/drop", test_drop);
  g_test_add_func ("/ui/window/export", test_export);
  g_test_add_func ("/ui/window/scene-board", test_scene_board);
  g_test_add_func ("/ui/window/import-pdf", test_import_pdf);
  g_test_add_func ("/ui/window/import-pdf-long-cancel", test_import_pdf_long_cancel);
  g_test_add_func ("/ui/window/import-pdf-bad", test_import_pdf_bad);
  g_test_add_func ("/ui/window/import-pdf-password", test_import_pdf_password);
  g_test_add_func ("/ui/window/account", test_account);
  g_test_add_func ("/ui/window/join", test_join);
  g_test_add_func ("/ui/window/publish", test_publish);
  g_test_add_func ("/ui/window/play", test_play);
  g_test_add_func ("/ui/window/play-mention", test_play_mention);
  g_test_add_func ("/ui/window/play-sidebar", test_play_sidebar);
  g_test_add_func ("/ui/window/play-stop", test_play_stop);
  g_test_add_func ("/ui/window/test-play", test_test_play);
  g_test_add_func ("/ui/window/play-report", test_play_report);
  g_test_add_func ("/ui/window/plain-text", test_plain_text);
  g_test_add_func ("/ui/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/ui/window/library-error", test_library_error);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/state", test_window_state);

  status = g_test_run ();

  if (window)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&sample);
  g_clear_object (&app);
  ui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
