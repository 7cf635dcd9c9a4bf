/* test-inspector.c: the scene inspector and case editor in the main window, under a real
 * display, on a temporary library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cs-application.h"
#include "cs-chat-window.h"
#include "cs-criterion-row.h"
#include "cs-publish-button.h"
#include "cs-scenario-editor.h"
#include "cs-scene-card.h"
#include "cs-string-list-row.h"
#include "cs-window.h"
#include "ui-test-app.h"
#include "ui-test-util.h"

static char *tmp_dir;
static char *library_path;
static CsApplication *app;
static CsWindow *window;
static char *sample_id;

/* ---- finding widgets ------------------------------------------------------------------- */

/* The preferences row (entry row, action row) titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The @n-th (from 0) widget of @type under @root, depth first. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*n)-- == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_nth (c, type, n);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  return find_nth (root, type, &n);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static CsSceneCard *
card_of (CsSceneBoard *board,
         CsScene      *scene)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *card = nth_of_type (GTK_WIDGET (board), CS_TYPE_SCENE_CARD, i);

      if (card == NULL)
        return NULL;
      if (cs_scene_card_get_scene (CS_SCENE_CARD (card)) == scene)
        return CS_SCENE_CARD (card);
    }
}

/* ---- conditions ------------------------------------------------------------------------ */

static gboolean
library_ready (gpointer data)
{
  GListModel *model = cs_window_get_library_model (data);

  return model && g_list_model_get_n_items (model) > 0;
}

static gboolean
scenario_shown (gpointer data)
{
  CsScenario *s = cs_window_get_scenario (data);

  return s && g_str_equal (cs_record_get_id (CS_RECORD (s)), sample_id);
}

static gboolean
board_saved (gpointer data)
{
  return cs_scene_board_get_n_saving (data) == 0;
}

static gboolean
scene_has_image (gpointer data)
{
  return cs_scene_get_image (data) != NULL;
}

/* ---- helpers --------------------------------------------------------------------------- */

/* Opens the editor of the sample in @win and returns it. */
static CsScenarioEditor *
open_editor (CsWindow *win)
{
  CsScenarioEditor *editor;

  ui_test_wait_for (library_ready, win, "the library");
  cs_window_select_scenario (win, sample_id);
  ui_test_wait_for (scenario_shown, win, "the sample's page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.edit", NULL));
  editor = CS_SCENARIO_EDITOR (ui_test_find_type (GTK_WIDGET (win), CS_TYPE_SCENARIO_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (cs_scenario_editor_get_board (editor) == cs_window_get_scene_board (win));
  ui_test_wait_for (ui_test_widget_drawn, editor, "the editor");
  return editor;
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       position)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), position);

  return scene;  /* the scenario keeps it */
}

static void
type_into (GtkWidget  *field,
           const char *text)
{
  /* one change per character, as typing makes */
  for (gsize i = 1; i <= strlen (text); i++)
    {
      g_autofree char *prefix = g_strndup (text, i);

      gtk_editable_set_text (GTK_EDITABLE (field), prefix);
    }
}

static void
type_into_view (GtkTextView *view,
                const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_set_text (buffer, "", -1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
close_editor (CsWindow *win)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.edit-done", NULL));
  ui_test_settle (50);
}

/* ---- tests ----------------------------------------------------------------------------- */

/* Select a card, edit it in the inspector, undo and redo, edit the case, reorder a learning
 * outcome; all of it is in the library when it is opened again. */
static void
test_edit_and_reopen (void)
{
  CsScenarioEditor *editor = open_editor (window);
  CsSceneBoard *board = cs_scenario_editor_get_board (editor);
  CsSceneInspector *inspector = cs_scenario_editor_get_inspector (editor);
  CsEditHistory *history = cs_scene_board_get_history (board);
  CsScenario *edited = cs_scene_board_get_scenario (board);
  CsScene *scene = scene_at (edited, 1);
  g_autofree char *first_outcome = g_strdup (cs_scenario_get_learning_outcomes (edited)[0]);
  g_autofree char *second_outcome = g_strdup (cs_scenario_get_learning_outcomes (edited)[1]);
  GtkWidget *title_row, *row, *scale, *industry;
  CsCriterionRow *criterion_row;
  CsGoalCriterion *criterion;
  guint n_undo;

  /* nothing selected yet is not possible: the board selects its first card */
  cs_scene_board_select (board, 1);
  g_assert_true (cs_scene_inspector_get_scene (inspector) == scene);
  ui_test_wait_for (ui_test_widget_drawn, inspector, "the inspector");

  /* typing the title is one undo step, and the card follows */
  title_row = find_row (GTK_WIDGET (inspector), "Title");
  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, cs_scene_get_title (scene));
  n_undo = cs_edit_history_get_n_undo (history);
  type_into (title_row, "Floor Walk");
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Floor Walk");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, n_undo + 1);
  ui_test_settle (50);
  g_assert_true (has_label (GTK_WIDGET (board), "Floor Walk"));

  /* the first criterion: text and weight; the sum is shown under the list */
  criterion_row = CS_CRITERION_ROW (nth_of_type (GTK_WIDGET (inspector), CS_TYPE_CRITERION_ROW, 0));
  g_assert_nonnull (criterion_row);
  criterion = cs_criterion_row_get_criterion (criterion_row);
  g_assert_true (criterion == g_list_model_get_item (cs_scene_get_goal_criteria (scene), 0));
  g_object_unref (criterion);
  g_assert_cmpstr (cs_scene_inspector_get_weights_text (inspector), ==, "Weights add up to 100%");
  gtk_widget_grab_focus (GTK_WIDGET (criterion_row));
  n_undo = cs_edit_history_get_n_undo (history);
  type_into_view (cs_criterion_row_get_text_view (criterion_row), "Sees what the floor data says");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (cs_goal_criterion_get_text (criterion), ==, "Sees what the floor data says");
  gtk_spin_button_set_value (cs_criterion_row_get_weight (criterion_row), 30);
  g_assert_cmpfloat_with_epsilon (cs_goal_criterion_get_weight (criterion), 0.3, 1e-9);
  g_assert_cmpstr (cs_scene_inspector_get_weights_text (inspector), ==, "Weights add up to 95%, not 100%");
  g_assert_true (has_label (GTK_WIDGET (inspector), "Weights add up to 95%, not 100%"));

  /* the threshold slider */
  scale = ui_test_find_type (GTK_WIDGET (inspector), GTK_TYPE_SCALE);
  g_assert_nonnull (scale);
  gtk_range_set_value (GTK_RANGE (scale), 60);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (scene), 0.6, 1e-9);
  ui_test_save_screenshot (GTK_WIDGET (window), "inspector.png");

  /* undo (Ctrl+Z) takes back the slider, then the weight; redo gives them back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (scene), 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (GTK_RANGE (scale)), 70, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpfloat_with_epsilon (cs_goal_criterion_get_weight (criterion), 0.35, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (cs_criterion_row_get_weight (criterion_row)), 35, 1e-9);
  g_assert_cmpstr (cs_scene_inspector_get_weights_text (inspector), ==, "Weights add up to 100%");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
  g_assert_cmpfloat_with_epsilon (cs_goal_criterion_get_weight (criterion), 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (scene), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (GTK_RANGE (scale)), 60, 1e-9);
  /* the text of the criterion was one step of its own, and still there */
  {
    g_autofree char *shown = view_text (cs_criterion_row_get_text_view (criterion_row));

    g_assert_cmpstr (shown, ==, "Sees what the floor data says");
  }

  /* the case page: a field and the order of the learning outcomes */
  cs_scenario_editor_show_page (editor, "case");
  industry = find_row (GTK_WIDGET (cs_scenario_editor_get_case_editor (editor)), "Industry");
  g_assert_nonnull (industry);
  n_undo = cs_edit_history_get_n_undo (history);
  type_into (industry, "Heavy industry");
  g_assert_cmpstr (cs_scenario_get_industry (edited), ==, "Heavy industry");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, n_undo + 1);
  row = nth_of_type (GTK_WIDGET (cs_scenario_editor_get_case_editor (editor)), CS_TYPE_STRING_LIST_ROW, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, first_outcome);
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (edited)[0], ==, second_outcome);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (edited)[1], ==, first_outcome);
  /* the rows show the new order */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, second_outcome);
  ui_test_save_screenshot (GTK_WIDGET (window), "case-editor.png");

  /* the board's own undo takes back the editor's edits too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.undo", NULL));
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (edited)[0], ==, first_outcome);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.redo", NULL));
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (edited)[0], ==, second_outcome);
  cs_scenario_editor_show_page (editor, "scenes");

  ui_test_wait_for (board_saved, board, "the edits saved");

  /* Opened again from the library's file: everything is there. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CsStore) store = cs_store_open (library_path, &error);
    g_autoptr(CsScenario) loaded = NULL;
    g_autoptr(CsGoalCriterion) saved_criterion = NULL;
    CsScene *saved_scene;

    g_assert_no_error (error);
    loaded = cs_store_load_scenario (store, sample_id, &error);
    g_assert_no_error (error);
    saved_scene = scene_at (loaded, 1);
    g_assert_cmpstr (cs_scene_get_title (saved_scene), ==, "Floor Walk");
    g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (saved_scene), 0.6, 1e-9);
    saved_criterion = g_list_model_get_item (cs_scene_get_goal_criteria (saved_scene), 0);
    g_assert_cmpstr (cs_goal_criterion_get_text (saved_criterion), ==, "Sees what the floor data says");
    g_assert_cmpfloat_with_epsilon (cs_goal_criterion_get_weight (saved_criterion), 0.3, 1e-9);
    g_assert_cmpstr (cs_scenario_get_industry (loaded), ==, "Heavy industry");
    g_assert_cmpstr (cs_scenario_get_learning_outcomes (loaded)[0], ==, second_outcome);
    g_assert_cmpstr (cs_scenario_get_learning_outcomes (loaded)[1], ==, first_outcome);
  }
  close_editor (window);

  /* ... and a new window shows the edits in its inspector and case editor */
  {
    CsWindow *other = cs_window_new (app);
    CsScenarioEditor *other_editor;
    CsSceneBoard *other_board;
    GtkWidget *other_title;

    gtk_window_set_default_size (GTK_WINDOW (other), 1200, 800);
    gtk_window_present (GTK_WINDOW (other));
    other_editor = open_editor (other);
    other_board = cs_scenario_editor_get_board (other_editor);
    g_assert_false (cs_scene_board_get_scenario (other_board) == edited);
    cs_scene_board_select (other_board, 1);
    other_title = find_row (GTK_WIDGET (cs_scenario_editor_get_inspector (other_editor)), "Title");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_title)), ==, "Floor Walk");
    g_assert_cmpstr (cs_scene_inspector_get_weights_text (cs_scenario_editor_get_inspector (other_editor)), ==,
                     "Weights add up to 95%, not 100%");
    other_title = find_row (GTK_WIDGET (cs_scenario_editor_get_case_editor (other_editor)), "Industry");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_title)), ==, "Heavy industry");
    close_editor (other);
    gtk_window_destroy (GTK_WINDOW (other));
  }
}

static void
on_refused (CsPublishButton *button,
            const char      *message,
            char           **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Clearing a criterion's text shows the problem on its row, on the card and in the list,
 * and Publish refuses; writing it again makes all of that go. */
static void
test_problem_inline (void)
{
  CsScenarioEditor *editor = open_editor (window);
  CsSceneBoard *board = cs_scenario_editor_get_board (editor);
  CsSceneInspector *inspector = cs_scenario_editor_get_inspector (editor);
  CsScenario *edited = cs_scene_board_get_scenario (board);
  CsScene *scene = scene_at (edited, 0);
  CsPublishButton *publish = CS_PUBLISH_BUTTON (ui_test_find_type (GTK_WIDGET (window), CS_TYPE_PUBLISH_BUTTON));
  GtkWidget *row, *problems_list, *dialog;
  g_autofree char *refused = NULL;
  g_autofree char *text = NULL;
  CsCriterionRow *criterion_row;

  g_assert_nonnull (publish);
  g_assert_cmpuint (cs_scenario_editor_get_n_problems (editor), ==, 0);
  g_assert_nonnull (strstr (cs_publish_button_get_reason (publish), "Sign in"));

  cs_scene_board_select (board, 0);
  ui_test_settle (50);
  criterion_row = CS_CRITERION_ROW (nth_of_type (GTK_WIDGET (inspector), CS_TYPE_CRITERION_ROW, 1));
  text = view_text (cs_criterion_row_get_text_view (criterion_row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (criterion_row), "error"));
  g_assert_false (cs_scene_card_get_has_problems (card_of (board, scene)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (cs_criterion_row_get_text_view (criterion_row)), "", -1);
  g_assert_cmpuint (cs_scenario_editor_get_n_problems (editor), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (criterion_row), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (criterion_row)), ==,
                   "Describe what the student must achieve for this criterion");
  g_assert_true (cs_scene_card_get_has_problems (card_of (board, scene)));
  g_assert_false (cs_scene_card_get_has_problems (card_of (board, scene_at (edited, 1))));
  ui_test_settle (50);
  g_assert_true (has_label (GTK_WIDGET (inspector), "Describe what the student must achieve for this criterion"));
  g_assert_true (has_label (GTK_WIDGET (window), "1 Problem"));
  ui_test_save_screenshot (GTK_WIDGET (window), "inspector-problem.png");

  /* Publish refuses, saying what to fix */
  g_assert_nonnull (strstr (cs_publish_button_get_reason (publish), "Fix this before publishing"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (publish)));
  g_signal_connect (publish, "refused", G_CALLBACK (on_refused), &refused);
  g_signal_emit_by_name (publish, "clicked");
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (refused, "Describe what the student must achieve"));
  ui_test_wait_for (dialog_shown, NULL, "the dialog saying why publishing is refused");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Case Cannot Be Published Yet");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_signal_handlers_disconnect_by_func (publish, on_refused, &refused);

  /* the list of problems jumps to the place */
  cs_scene_board_select (board, 2);
  g_assert_true (cs_scene_inspector_get_scene (inspector) == scene_at (edited, 2));
  problems_list = ui_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (
                               GTK_MENU_BUTTON (ui_test_find_type (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON)))),
                             GTK_TYPE_LIST_BOX);
  g_assert_nonnull (problems_list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (problems_list), 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (problems_list, "row-activated", row);
  g_assert_cmpuint (cs_scene_board_get_selected (board), ==, 0);
  g_assert_true (cs_scene_inspector_get_scene (inspector) == scene);
  ui_test_settle (50);
  criterion_row = CS_CRITERION_ROW (nth_of_type (GTK_WIDGET (inspector), CS_TYPE_CRITERION_ROW, 1));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (criterion_row), "error"));

  /* fixed: every mark goes, and Publish only wants a server */
  type_into_view (cs_criterion_row_get_text_view (criterion_row), "Asks about the drivers");
  g_assert_cmpuint (cs_scenario_editor_get_n_problems (editor), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (criterion_row), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (criterion_row)));
  g_assert_false (cs_scene_card_get_has_problems (card_of (board, scene)));
  g_assert_nonnull (strstr (cs_publish_button_get_reason (publish), "Sign in"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (publish)));
  ui_test_settle (50);
  g_assert_false (has_label (GTK_WIDGET (window), "1 Problem"));

  /* a threshold no run can reach is marked on the slider's row */
  gtk_range_set_value (GTK_RANGE (ui_test_find_type (GTK_WIDGET (inspector), GTK_TYPE_SCALE)), 100);
  gtk_spin_button_set_value (cs_criterion_row_get_weight (criterion_row), 10);
  g_assert_cmpuint (cs_scenario_editor_get_n_problems (editor), ==, 1);
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (inspector), "Success Threshold"), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpuint (cs_scenario_editor_get_n_problems (editor), ==, 0);
  g_assert_false (gtk_widget_has_css_class (find_row (GTK_WIDGET (inspector), "Success Threshold"), "error"));

  ui_test_wait_for (board_saved, board, "the edits saved");
  close_editor (window);
}

static char *
write_png (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 80, 60);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
window_has_label (gpointer data)
{
  return has_label (GTK_WIDGET (window), data);
}

/* A dropped or chosen picture is copied into the library and shown; a file that is not one
 * is refused with a toast; removing it is undone like any edit. */
static void
test_image (void)
{
  CsScenarioEditor *editor = open_editor (window);
  CsSceneBoard *board = cs_scenario_editor_get_board (editor);
  CsSceneInspector *inspector = cs_scenario_editor_get_inspector (editor);
  CsScene *scene = scene_at (cs_scene_board_get_scenario (board), 2);
  g_autofree char *png = write_png ("floor.png");
  g_autofree char *bad = g_build_filename (tmp_dir, "notes.png", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *library_dir = g_path_get_dirname (library_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *stored = NULL;
  GtkWidget *picture;

  cs_scene_board_select (board, 2);
  g_assert_null (cs_scene_get_image (scene));
  cs_scene_inspector_set_image_file (inspector, png_file);
  ui_test_wait_for (scene_has_image, scene, "the image in the scene");
  stored = g_strdup (cs_scene_get_image (scene));
  g_assert_true (g_str_has_prefix (stored, "images" G_DIR_SEPARATOR_S));
  g_assert_true (g_str_has_suffix (stored, ".png"));
  copy = g_build_filename (library_dir, stored, NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  picture = ui_test_find_type (GTK_WIDGET (inspector), GTK_TYPE_PICTURE);
  g_assert_true (gtk_widget_get_visible (picture));
  g_assert_nonnull (gtk_picture_get_file (GTK_PICTURE (picture)));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (find_row (GTK_WIDGET (inspector), "Scene Image"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* further down: hints and persona instructions */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_test_save_screenshot (GTK_WIDGET (window), "inspector-lower.png");
  }

  /* not an image: a toast says so, the scene keeps its picture */
  g_assert_true (g_file_set_contents (bad, "just some notes", -1, NULL));
  cs_scene_inspector_set_image_file (inspector, bad_file);
  ui_test_wait_for (window_has_label,
                    "“" "notes.png" "” is not an image Case Studio can read: choose a PNG or JPEG file",
                    "the toast about the file that is no image");
  g_assert_cmpstr (cs_scene_get_image (scene), ==, stored);

  /* remove, undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (inspector), "inspector.remove-image", NULL));
  g_assert_null (cs_scene_get_image (scene));
  g_assert_false (gtk_widget_get_visible (picture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (cs_scene_get_image (scene), ==, stored);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
  ui_test_wait_for (board_saved, board, "the edits saved");
  close_editor (window);
}

static gboolean
chat_open (gpointer data)
{
  return ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW) != NULL;
}

/* The editor's Test Play plays the case as it is being edited, unsaved edits and all. */
static void
test_test_play (void)
{
  CsScenarioEditor *editor = open_editor (window);
  CsSceneBoard *board = cs_scenario_editor_get_board (editor);
  CsScenario *edited = cs_scene_board_get_scenario (board);
  GtkWidget *button = ui_test_find_action_button (GTK_WIDGET (editor), "win.test-play");
  g_autoptr(GVariant) target = NULL;
  CsChatWindow *chat;
  CsScenario *played;
  g_autoptr(CsScene) first = NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_get (button, "action-target", &target, NULL);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, sample_id);

  cs_scene_board_select (board, 0);
  type_into (find_row (GTK_WIDGET (cs_scenario_editor_get_inspector (editor)), "Title"), "Briefing, Edited");
  g_assert_null (ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW));
  g_signal_emit_by_name (button, "clicked");
  ui_test_wait_for (chat_open, NULL, "the test-play window");
  chat = ui_test_find_toplevel (CS_TYPE_CHAT_WINDOW);
  played = cs_orchestrator_get_scenario (cs_chat_window_get_orchestrator (chat));
  first = g_list_model_get_item (cs_scenario_get_scenes (played), 0);
  g_assert_cmpstr (cs_scene_get_title (first), ==, "Briefing, Edited");
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (played)), ==, cs_record_get_id (CS_RECORD (edited)));
  gtk_window_destroy (GTK_WINDOW (chat));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  ui_test_wait_for (board_saved, board, "the edits saved");
  close_editor (window);
}

/* Typing in a field is one step while the focus stays; coming back to it after another
 * field starts a new one. */
static void
test_seal_on_leave (void)
{
  CsScenarioEditor *editor = open_editor (window);
  CsSceneBoard *board = cs_scenario_editor_get_board (editor);
  CsSceneInspector *inspector = cs_scenario_editor_get_inspector (editor);
  CsEditHistory *history = cs_scene_board_get_history (board);
  CsScene *scene = scene_at (cs_scene_board_get_scenario (board), 3);
  g_autofree char *title = NULL;
  GtkWidget *title_row, *goal_row;
  guint n_undo = cs_edit_history_get_n_undo (history);

  cs_scene_board_select (board, 3);
  title = g_strdup (cs_scene_get_title (scene));
  title_row = find_row (GTK_WIDGET (inspector), "Title");
  goal_row = find_row (GTK_WIDGET (inspector), "Student’s Goal");
  g_assert_nonnull (goal_row);

  g_assert_true (gtk_widget_grab_focus (title_row));
  type_into (title_row, "Telling");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (gtk_widget_grab_focus (goal_row));
  g_assert_true (gtk_widget_grab_focus (title_row));
  type_into (title_row, "Telling Them");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, n_undo + 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Telling");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (cs_scene_get_title (scene), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  ui_test_wait_for (board_saved, board, "the undos saved");
  close_editor (window);
}

static gboolean
flap_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

/* In a narrow window the inspector folds away over the board and comes back with its
 * button. */
static void
test_narrow (void)
{
  CsWindow *narrow = cs_window_new (app);
  CsScenarioEditor *editor;
  AdwFlap *flap;

  gtk_window_set_default_size (GTK_WINDOW (narrow), 720, 700);
  gtk_window_present (GTK_WINDOW (narrow));
  editor = open_editor (narrow);
  flap = ADW_FLAP (ui_test_find_type (GTK_WIDGET (editor), ADW_TYPE_FLAP));
  ui_test_wait_for (flap_folded, flap, "the folded inspector");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  ui_test_save_screenshot (GTK_WIDGET (narrow), "editor-narrow.png");
  cs_scenario_editor_show_problem (editor, "scenes[1].goal_criteria[0].text");
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_cmpuint (cs_scene_board_get_selected (cs_scenario_editor_get_board (editor)), ==, 1);
  ui_test_settle (500);  /* the flap slides in */
  ui_test_save_screenshot (GTK_WIDGET (narrow), "editor-narrow-inspector.png");
  close_editor (narrow);
  gtk_window_destroy (GTK_WINDOW (narrow));
}

/* ---- main ---------------------------------------------------------------------------- */


int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) sample = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return g_test_run ();
    }

  tmp_dir = g_dir_make_tmp ("cs-inspector-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  library_path = g_build_filename (tmp_dir, "library", "library.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);
  {
    g_autofree char *dir = g_path_get_dirname (library_path);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  }
  g_setenv ("CASE_STUDIO_LIBRARY", library_path, TRUE);

  sample = ui_test_load_sample ();
  sample_id = g_strdup (cs_record_get_id (CS_RECORD (sample)));

  window = ui_test_start_app (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  g_test_add_func ("/ui/inspector/edit-and-reopen", test_edit_and_reopen);
  g_test_add_func ("/ui/inspector/problem-inline", test_problem_inline);
  g_test_add_func ("/ui/inspector/image", test_image);
  g_test_add_func ("/ui/inspector/test-play", test_test_play);
  g_test_add_func ("/ui/inspector/seal-on-leave", test_seal_on_leave);
  g_test_add_func ("/ui/inspector/narrow", test_narrow);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (library_path);
  g_free (sample_id);
  return status;
}
