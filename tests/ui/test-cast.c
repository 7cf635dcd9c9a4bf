/* test-cast.c: the cast panel, the persona editor and drag and drop on the scene board,
 * under a real display, on a temporary library
 *
 * The drags are real pointer input: XTest events sent by xdotool to the X server (Xvfb).
 * Without xdotool or X11 (or with CS_TEST_SIGNAL_DRAGS set) they go through the drag
 * sources' and drop targets' signal handlers instead ("prepare", then "drop").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <string.h>

#include "cs-application.h"
#include "cs-cast-panel.h"
#include "cs-persona-editor.h"
#include "cs-scene-board.h"
#include "cs-scene-card.h"
#include "cs-trait-radar.h"
#include "cs-window.h"
#include "ui-test-app.h"
#include "ui-test-util.h"

#define SUNITA_ID "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c02"
#define FRANK_ID  "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c04"

static char *tmp_dir;
static CsApplication *app;
static CsWindow *window;
static CsScenario *sample;
static GtkWindow *cast_window;
static CsCastPanel *panel;

/* ---- helpers -------------------------------------------------------------------------- */

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static CsSceneBoard *
board (void)
{
  return cs_window_get_scene_board (window);
}

static CsEditHistory *
history (void)
{
  return cs_scene_board_get_history (board ());
}

static CsScenario *
edited (void)
{
  return cs_scene_board_get_scenario (board ());
}

static gboolean
board_saved (gpointer data)
{
  return cs_scene_board_get_n_saving (board ()) == 0;
}

/* Whether @card is what the pointer would hit in its middle. */
static gboolean
card_on_top (GtkWidget *card)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_native (card));
  graphene_point_t point;
  GtkWidget *picked;

  if (!gtk_widget_compute_point (card, root,
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (card) / 2.0, 20),
                                 &point))
    return FALSE;
  picked = gtk_widget_pick (root, point.x, point.y, GTK_PICK_DEFAULT);
  return picked == card || (picked && gtk_widget_is_ancestor (picked, card));
}

/* The card showing @scene, searched among the grid's children (the grid may keep a card it
 * no longer shows, under another: only the one on top counts). */
static GtkWidget *
find_card (GtkWidget *root,
           CsScene   *scene)
{
  if (CS_IS_SCENE_CARD (root) && cs_scene_card_get_scene (CS_SCENE_CARD (root)) == scene &&
      gtk_widget_get_mapped (root) && card_on_top (root))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_card (c, scene);
      if (found)
        return found;
    }
  return NULL;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

static CsScene *
scene_at (guint position)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (edited ()), position);

  return scene;  /* the scenario keeps it */
}

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


/* ---- real pointer drags (XTest through xdotool) ----------------------------------------- */

static gboolean
real_drags (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()) &&
         g_getenv ("CS_TEST_SIGNAL_DRAGS") == NULL;
#else
  return FALSE;
#endif
}

static void
on_xdotool_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
run_xdotool (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* The main loop keeps running meanwhile: the drag is handled in this process. */
  g_subprocess_wait_async (process, NULL, on_xdotool_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (process));
}

#ifdef GDK_WINDOWING_X11
/* Where a point of @widget is on the X screen. */
static void
screen_point (GtkWidget *widget,
              double     x,
              double     y,
              int       *sx,
              int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Window xid = gdk_x11_surface_get_xid (surface);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  graphene_point_t point;
  double tx, ty;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &tx, &ty);
  XTranslateCoordinates (xdisplay, xid, DefaultRootWindow (xdisplay), 0, 0, &rx, &ry, &child);
  *sx = rx + (int) (point.x + tx);
  *sy = ry + (int) (point.y + ty);
}
#endif

/* Puts @window at (@x, @y) of the screen (there is no window manager to do it). */
static void
move_window (GtkWindow *window_,
             int        x,
             int        y)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                            gtk_native_get_surface (GTK_NATIVE (window_))));
  g_autofree char *sx = g_strdup_printf ("%d", x);
  g_autofree char *sy = g_strdup_printf ("%d", y);
  const char *argv[] = { "xdotool", "windowmove", "--sync", xid, sx, sy, NULL };

  run_xdotool (argv);
  ui_test_settle (200);
#endif
}

/* Presses the first button on (@x1, @y1) of @from, moves in steps to (@x2, @y2) of @to and
 * lets go, as a user would. */
static void
pointer_drag (GtkWidget *from,
              double     x1,
              double     y1,
              GtkWidget *to,
              double     x2,
              double     y2)
{
#ifdef GDK_WINDOWING_X11
  int ax, ay, bx, by;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  screen_point (from, x1, y1, &ax, &ay);
  screen_point (to, x2, y2, &bx, &by);
  g_test_message ("pointer drag from %d,%d to %d,%d", ax, ay, bx, by);
  g_ptr_array_add (argv, g_strdup ("xdotool"));
#define ADD(...) g_ptr_array_add (argv, g_strdup_printf (__VA_ARGS__))
  ADD ("mousemove"); ADD ("--sync"); ADD ("%d", ax); ADD ("%d", ay);
  ADD ("sleep"); ADD ("0.2");
  ADD ("mousedown"); ADD ("1");
  ADD ("sleep"); ADD ("0.2");
  for (int step = 1; step <= 10; step++)
    {
      ADD ("mousemove"); ADD ("%d", ax + (bx - ax) * step / 10); ADD ("%d", ay + (by - ay) * step / 10);
      ADD ("sleep"); ADD ("0.05");
    }
  ADD ("sleep"); ADD ("0.3");
  ADD ("mouseup"); ADD ("1");
  ADD ("sleep"); ADD ("0.2");
#undef ADD
  g_ptr_array_add (argv, NULL);
  run_xdotool ((const char * const *) argv->pdata);
  ui_test_settle (200);
#else
  g_assert_not_reached ();
#endif
}

/* A click of the first button in the middle of @widget. */
static void
pointer_click (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  int x, y;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  screen_point (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
                &x, &y);
  sx = g_strdup_printf ("%d", x);
  sy = g_strdup_printf ("%d", y);
  g_test_message ("pointer click at %d,%d", x, y);
  {
    const char *argv[] = { "xdotool", "mousemove", "--sync", sx, sy, "sleep", "0.2",
                           "click", "1", "sleep", "0.2", NULL };

    run_xdotool (argv);
  }
#else
  g_assert_not_reached ();
#endif
}

/* What a drag source offers: its "prepare" handler's content, as a value. */
static void
drag_value (GtkEventController *source,
            GType               type,
            GValue             *value)
{
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (value, type);
  g_assert_true (gdk_content_provider_get_value (content, value, &error));
  g_assert_no_error (error);
}

/* Drops @value on @card at (@x, @y) through its drop target's handlers. */
static gboolean
drop_on (GtkWidget    *card,
         const GValue *value,
         double        x,
         double        y)
{
  GtkEventController *target = find_controller (card, GTK_TYPE_DROP_TARGET);
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", value, x, y, &accepted);
  return accepted;
}

/* Drags the card of @scene onto the card of @onto, on its right half or left half. */
static void
drag_card (CsScene  *scene,
           CsScene  *onto,
           gboolean  after)
{
  GtkWidget *card, *target;
  g_auto(GValue) value = G_VALUE_INIT;

  /* The grid places its cards anew on the next frame after a move. */
  ui_test_settle (150);
  card = find_card (GTK_WIDGET (board ()), scene);
  target = find_card (GTK_WIDGET (board ()), onto);

  g_assert_nonnull (card);
  g_assert_nonnull (target);
  if (real_drags ())
    {
      pointer_drag (card, gtk_widget_get_width (card) / 2.0, 30, target,
                    after ? gtk_widget_get_width (target) * 0.75
                          : gtk_widget_get_width (target) * 0.25,
                    40);
      return;
    }
  drag_value (find_controller (card, GTK_TYPE_DRAG_SOURCE), CS_TYPE_SCENE, &value);
  g_assert_true (g_value_get_object (&value) == scene);
  g_assert_true (drop_on (target, &value,
                          after ? gtk_widget_get_width (target) * 0.75
                                : gtk_widget_get_width (target) * 0.25,
                          20));
}

/* The row of the cast list that drags @persona. */
static GtkEventController *
persona_drag_source (GtkWidget *root,
                     CsPersona *persona)
{
  GtkEventController *source = find_controller (root, GTK_TYPE_DRAG_SOURCE);

  if (source != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      drag_value (source, CS_TYPE_PERSONA, &value);
      if (g_value_get_object (&value) == persona)
        return source;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkEventController *found = persona_drag_source (c, persona);
      if (found)
        return found;
    }
  return NULL;
}

static GtkPopover *
involve_popover (void)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (board ())); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      return GTK_POPOVER (c);
  return NULL;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (involve_popover ()));
}

/* Drags @persona from the cast onto the card of @scene; the menu asks how it takes part. */
static void
drop_persona (CsPersona *persona,
              CsScene   *scene)
{
  GtkEventController *source = persona_drag_source (GTK_WIDGET (panel), persona);
  GtkWidget *card;
  g_auto(GValue) value = G_VALUE_INIT;

  ui_test_settle (150);
  card = find_card (GTK_WIDGET (board ()), scene);

  g_assert_nonnull (source);
  g_assert_nonnull (card);
  if (real_drags ())
    pointer_drag (gtk_event_controller_get_widget (source), 20, 15, card, 60, 60);
  else
    {
      drag_value (source, CS_TYPE_PERSONA, &value);
      g_assert_true (drop_on (card, &value, 40, 40));
    }
  ui_test_wait_for (popover_shown, NULL, "the involvement menu");
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (NULL);
}

/* Clicks the item @label of the involvement menu (or activates its action: @choice). */
static void
choose_involvement (const char *label,
                    const char *choice)
{
  if (real_drags ())
    {
      GtkWidget *item = find_label (GTK_WIDGET (involve_popover ()), label);

      g_assert_nonnull (item);
      pointer_click (item);
      ui_test_wait_for (popover_hidden, NULL, "the involvement menu closed by the choice");
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (involve_popover ()), "board.involve",
                                             "s", choice));
  gtk_popover_popdown (involve_popover ());
}

static CsScenario *
reopen_saved (void)
{
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CsScenario *loaded;

  ui_test_wait_for (board_saved, NULL, "the edits saved");
  /* Another connection on the same file: what a restart would find. */
  store = cs_store_open (cs_store_get_path (cs_application_get_store (app)), &error);
  g_assert_no_error (error);
  loaded = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (sample)), &error);
  g_assert_no_error (error);
  return loaded;
}

static CsPersonaEditor *
editor (void)
{
  return cs_cast_panel_get_editor (panel);
}

static AdwEntryRow *
name_row (void)
{
  return ADW_ENTRY_ROW (ui_test_find_type (GTK_WIDGET (editor ()), ADW_TYPE_ENTRY_ROW));
}

/* ---- tests ---------------------------------------------------------------------------- */

static gboolean
library_has_sample (gpointer data)
{
  GListModel *model = cs_window_get_library_model (window);

  return model && g_list_model_get_n_items (model) == 1;
}

static void
test_open (void)
{
  const char *id = cs_record_get_id (CS_RECORD (sample));

  ui_test_wait_for (library_has_sample, NULL, "the sample case in the library");
  cs_window_select_scenario (window, id);
  ui_test_settle (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
  ui_test_wait_for (ui_test_widget_drawn, board (), "the scene board");
  g_assert_nonnull (history ());

  /* The cast panel on the board's history, in a window of its own. */
  panel = CS_CAST_PANEL (cs_cast_panel_new ());
  cs_cast_panel_set_history (panel, history ());
  cs_cast_panel_set_store (panel, cs_application_get_store (app));
  cast_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (cast_window, GTK_APPLICATION (app));
  gtk_window_set_default_size (cast_window, 960, 900);
  gtk_window_set_child (cast_window, GTK_WIDGET (panel));
  gtk_window_present (cast_window);
  ui_test_wait_for (ui_test_widget_drawn, panel, "the cast panel");
  /* Side by side, as a user would drag from one to the other (the screen is 1400 wide:
   * the cast's list shows, its editor is off screen). */
  if (real_drags ())
    {
      move_window (GTK_WINDOW (window), 0, 0);
      move_window (cast_window, 1100, 0);
    }

  g_assert_cmpuint (cs_cast_panel_get_selected (panel), ==, 0);
  g_assert_true (cs_persona_editor_get_persona (editor ()) ==
                 cs_scenario_find_persona (edited (), "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01"));
  g_assert_true (has_label (GTK_WIDGET (panel), "Frank Mazur"));
}

static void
test_reorder_by_drag (void)
{
  CsScene *first = scene_at (0);
  CsScene *third = scene_at (2);
  g_autofree char *before = scene_titles (edited ());
  g_autofree char *moved = NULL;
  g_autofree char *back = NULL;
  g_autoptr(CsScenario) loaded = NULL;
  g_autofree char *saved = NULL;
  guint n_undo = cs_edit_history_get_n_undo (history ());

  /* The first card onto the right half of the third: it comes after it. */
  drag_card (first, third, TRUE);
  moved = scene_titles (edited ());
  g_assert_cmpstr (moved, ==,
                   "On the Kellerton Floor|The Recommendation|The CEO's Brief|Telling Kellerton");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo + 1);
  g_assert_cmpuint (cs_scene_board_get_selected (board ()), ==, 2);

  /* Back onto the left half of the (new) first card: before it. */
  drag_card (first, scene_at (0), FALSE);
  back = scene_titles (edited ());
  g_assert_cmpstr (back, ==, before);

  /* Onto itself, or where it already is: nothing happens. */
  drag_card (first, first, TRUE);
  drag_card (first, scene_at (1), FALSE);
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo + 2);

  /* The keyboard still reorders. */
  cs_scene_board_select (board (), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board ()), "board.move-down", NULL));
  g_clear_pointer (&moved, g_free);
  moved = scene_titles (edited ());
  g_assert_cmpstr (moved, ==,
                   "On the Kellerton Floor|The CEO's Brief|The Recommendation|Telling Kellerton");

  loaded = reopen_saved ();
  saved = scene_titles (loaded);
  g_assert_cmpstr (saved, ==, moved);
}

static void
test_assign_by_drop (void)
{
  CsPersona *frank = cs_scenario_find_persona (edited (), FRANK_ID);
  CsScene *scene = NULL;
  CsInvolvement involvement;
  guint n_undo;
  g_autoptr(CsScenario) loaded = NULL;

  /* A scene Frank is not in yet. */
  for (guint i = 0; i < cs_scenario_get_n_scenes (edited ()) && scene == NULL; i++)
    if (!cs_scene_get_involvement (scene_at (i), FRANK_ID, &involvement))
      scene = scene_at (i);
  g_assert_nonnull (scene);

  drop_persona (frank, scene);
  /* Dropping asks first: nothing changed yet. */
  g_assert_false (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  ui_test_save_screenshot (GTK_WIDGET (involve_popover ()), "cast-drop-menu.png");
  choose_involvement ("Participant", "participant");
  g_assert_true (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_PARTICIPANT);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history ()), ==, "Involve Persona");

  /* Dropped again: the same choice keeps it (no new step), another changes it. */
  n_undo = cs_edit_history_get_n_undo (history ());
  drop_persona (frank, scene);
  choose_involvement ("Participant", "participant");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo);
  drop_persona (frank, scene);
  choose_involvement ("Key Persona", "key");
  g_assert_true (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_KEY);
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo + 1);

  loaded = reopen_saved ();
  {
    CsScene *saved = cs_scenario_find_scene (loaded, cs_record_get_id (CS_RECORD (scene)));

    g_assert_nonnull (saved);
    g_assert_true (cs_scene_get_involvement (saved, FRANK_ID, &involvement));
    g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_KEY);
  }
}

/* Without a pointer: the persona's "Appears In" rows involve it, undoably, and the board's
 * undo takes it back. */
static void
test_involve_by_keyboard (void)
{
  CsScene *scene = NULL;
  CsInvolvement involvement;
  AdwComboRow *row;
  guint position = 0, frank_at = G_MAXUINT;
  g_autoptr(CsScenario) loaded = NULL;

  for (guint i = 0; i < cs_scenario_get_n_personas (edited ()); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (cs_scenario_get_personas (edited ()), i);

      if (g_str_equal (cs_record_get_id (CS_RECORD (persona)), FRANK_ID))
        frank_at = i;
    }
  g_assert_cmpuint (frank_at, !=, G_MAXUINT);
  cs_cast_panel_select (panel, frank_at);
  ui_test_settle (100);
  g_assert_true (cs_persona_editor_get_persona (editor ()) == cs_scenario_find_persona (edited (), FRANK_ID));

  for (guint i = 0; i < cs_scenario_get_n_scenes (edited ()) && scene == NULL; i++)
    if (!cs_scene_get_involvement (scene_at (i), FRANK_ID, &involvement))
      {
        scene = scene_at (i);
        position = i;
      }
  g_assert_nonnull (scene);
  row = cs_persona_scenes_get_row (cs_persona_editor_get_scenes (editor ()), position);
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* "Mentioned Only", as chosen with the arrow keys in the row's list */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  adw_combo_row_set_selected (row, 3);
  g_assert_true (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_MENTIONED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board ()), "board.undo", NULL));
  g_assert_false (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board ()), "board.redo", NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);

  /* and out of the scene again */
  adw_combo_row_set_selected (row, 0);
  g_assert_false (cs_scene_get_involvement (scene, FRANK_ID, &involvement));
  adw_combo_row_set_selected (row, 2);

  loaded = reopen_saved ();
  {
    CsScene *saved = cs_scenario_find_scene (loaded, cs_record_get_id (CS_RECORD (scene)));

    g_assert_true (cs_scene_get_involvement (saved, FRANK_ID, &involvement));
    g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_PARTICIPANT);
  }
}

static void
test_edit_persona (void)
{
  CsPersona *sunita = cs_scenario_find_persona (edited (), SUNITA_ID);
  const char *typed[] = { "Sunita Rao-", "Sunita Rao-P", "Sunita Rao-Pa", "Sunita Rao-Patel", NULL };
  CsTraitRadar *radar;
  GtkRange *slider;
  guint n_undo;
  g_autofree char *summary = NULL;
  g_autoptr(CsScenario) loaded = NULL;

  cs_cast_panel_select (panel, 1);
  g_assert_true (cs_persona_editor_get_persona (editor ()) == sunita);
  ui_test_settle (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row ())), ==, "Sunita Rao");

  /* Dragging a slider is one undo step. */
  slider = cs_persona_editor_get_trait_slider (editor (), "analytical");
  g_assert_nonnull (slider);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, 9);
  n_undo = cs_edit_history_get_n_undo (history ());
  cs_edit_history_seal (history ());
  for (int value = 8; value >= 2; value--)
    gtk_range_set_value (slider, value);
  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 2);
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo + 1);

  /* The radar follows and says the values. */
  radar = CS_TRAIT_RADAR (ui_test_find_type (GTK_WIDGET (editor ()), CS_TYPE_TRAIT_RADAR));
  g_assert_nonnull (radar);
  summary = cs_trait_radar_dup_summary (radar);
  g_assert_nonnull (strstr (summary, "Analytical 2"));
  g_assert_nonnull (strstr (summary, "Patience 6"));

  /* Typing the name is one more step, and the list shows the new name. */
  cs_edit_history_seal (history ());
  for (guint i = 0; typed[i] != NULL; i++)
    gtk_editable_set_text (GTK_EDITABLE (name_row ()), typed[i]);
  g_assert_cmpstr (cs_persona_get_name (sunita), ==, "Sunita Rao-Patel");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, n_undo + 2);
  ui_test_settle (50);
  g_assert_true (has_label (GTK_WIDGET (panel), "Sunita Rao-Patel"));

  /* Undo (Ctrl+Z in the panel) takes the whole name back, and only the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.undo", NULL));
  g_assert_cmpstr (cs_persona_get_name (sunita), ==, "Sunita Rao");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row ())), ==, "Sunita Rao");
  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 2);

  /* The background (a text view) edits the same way: typing is one step, undone whole. */
  {
    GtkTextView *view = GTK_TEXT_VIEW (ui_test_find_type (GTK_WIDGET (editor ()), GTK_TYPE_TEXT_VIEW));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    g_autofree char *before = g_strdup (cs_persona_get_background (sunita));
    guint steps = cs_edit_history_get_n_undo (history ());
    GtkTextIter end;

    g_assert_nonnull (before);
    cs_edit_history_seal (history ());
    for (guint i = 0; i < 3; i++)
      {
        gtk_text_buffer_get_end_iter (buffer, &end);
        gtk_text_buffer_insert (buffer, &end, " More.", -1);
      }
    g_assert_true (g_str_has_suffix (cs_persona_get_background (sunita), " More. More. More."));
    g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, steps + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.undo", NULL));
    g_assert_cmpstr (cs_persona_get_background (sunita), ==, before);
    {
      GtkTextIter start;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (shown, ==, before);
    }
    /* showing the undone text was no edit */
    g_assert_cmpuint (cs_edit_history_get_n_undo (history ()), ==, steps);
  }

  ui_test_save_screenshot (GTK_WIDGET (cast_window), "cast-panel.png");
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (ui_test_find_type (GTK_WIDGET (editor ()),
                                                                    GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    ui_test_settle (100);
    ui_test_save_screenshot (GTK_WIDGET (cast_window), "cast-persona-editor.png");
    gtk_adjustment_set_value (adj, 0);
  }

  loaded = reopen_saved ();
  {
    CsPersona *saved = cs_scenario_find_persona (loaded, SUNITA_ID);

    g_assert_cmpstr (cs_persona_get_name (saved), ==, "Sunita Rao");
    g_assert_cmpint (cs_persona_get_trait (saved, "analytical"), ==, 2);
  }
}

static gboolean
persona_has_image (gpointer data)
{
  return cs_persona_get_avatar_image (data) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  return has_label (GTK_WIDGET (cast_window), data);
}

static void
write_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_avatar_image (void)
{
  CsPersona *sunita = cs_scenario_find_persona (edited (), SUNITA_ID);
  g_autofree char *png = g_build_filename (tmp_dir, "face.png", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "notes.png", NULL);
  g_autofree char *library_dir = g_path_get_dirname (cs_store_get_path (cs_application_get_store (app)));
  g_autofree char *copied = NULL;
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(CsScenario) loaded = NULL;
  AdwAvatar *avatar;

  cs_cast_panel_select (panel, 1);
  g_assert_true (cs_persona_editor_get_persona (editor ()) == sunita);

  /* Not an image: a message, and nothing changes. */
  g_assert_true (g_file_set_contents (bad, "not a picture", -1, NULL));
  cs_persona_editor_set_image_file (editor (), bad_file);
  ui_test_wait_for (label_shown, "“notes.png” is not an image Case Studio can show",
                    "the message about a file that is not an image");
  g_assert_null (cs_persona_get_avatar_image (sunita));

  /* An image is copied into the library and named relative to it. */
  write_png (png);
  cs_persona_editor_set_image_file (editor (), png_file);
  ui_test_wait_for (persona_has_image, sunita, "the chosen image set");
  g_assert_false (g_path_is_absolute (cs_persona_get_avatar_image (sunita)));
  g_assert_true (g_str_has_prefix (cs_persona_get_avatar_image (sunita), "avatars" G_DIR_SEPARATOR_S));
  copied = g_build_filename (library_dir, cs_persona_get_avatar_image (sunita), NULL);
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  avatar = ADW_AVATAR (ui_test_find_type (GTK_WIDGET (editor ()), ADW_TYPE_AVATAR));
  g_assert_nonnull (adw_avatar_get_custom_image (avatar));
  g_assert_cmpstr (cs_edit_history_get_undo_label (history ()), ==, "Edit Persona");

  loaded = reopen_saved ();
  g_assert_cmpstr (cs_persona_get_avatar_image (cs_scenario_find_persona (loaded, SUNITA_ID)), ==,
                   cs_persona_get_avatar_image (sunita));

  /* Undo shows the initials again; the copy stays (redo needs it). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.undo", NULL));
  g_assert_null (cs_persona_get_avatar_image (sunita));
  g_assert_null (adw_avatar_get_custom_image (avatar));
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
undo_button_shown (gpointer data)
{
  return find_button (GTK_WIDGET (cast_window), "_Undo") != NULL;
}

static guint
count_involved (CsScenario *scenario,
                const char *persona_id)
{
  guint n = 0;

  for (guint i = 0; i < cs_scenario_get_n_scenes (scenario); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), i);
      CsInvolvement involvement;

      n += cs_scene_get_involvement (scene, persona_id, &involvement);
    }
  return n;
}

static void
test_add_delete_persona (void)
{
  guint involved = count_involved (edited (), FRANK_ID);
  g_autoptr(CsScenario) loaded = NULL;
  CsPersona *added;

  g_assert_cmpuint (involved, >, 0);

  /* Add: a new persona after the selected one, shown in the editor. */
  cs_cast_panel_select (panel, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.add-persona", NULL));
  g_assert_cmpuint (cs_scenario_get_n_personas (edited ()), ==, 5);
  g_assert_cmpuint (cs_cast_panel_get_selected (panel), ==, 1);
  added = cs_persona_editor_get_persona (editor ());
  g_assert_cmpstr (cs_persona_get_name (added), ==, "New Persona");
  g_assert_cmpint (cs_persona_get_trait (added, "empathy"), ==, 5);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history ()), ==, "Add Persona");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.undo", NULL));
  g_assert_cmpuint (cs_scenario_get_n_personas (edited ()), ==, 4);

  /* Delete Frank: gone from the cast and from every scene; the toast's Undo brings both back. */
  cs_cast_panel_select (panel, 3);
  g_assert_true (cs_persona_editor_get_persona (editor ()) ==
                 cs_scenario_find_persona (edited (), FRANK_ID));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "cast.delete-persona", NULL));
  g_assert_null (cs_scenario_find_persona (edited (), FRANK_ID));
  g_assert_cmpuint (count_involved (edited (), FRANK_ID), ==, 0);
  g_assert_cmpuint (cs_cast_panel_get_selected (panel), ==, 2);

  loaded = reopen_saved ();
  g_assert_null (cs_scenario_find_persona (loaded, FRANK_ID));
  g_clear_object (&loaded);

  ui_test_wait_for (undo_button_shown, NULL, "the Undo toast of the deleted persona");
  ui_test_settle (600);
  g_signal_emit_by_name (find_button (GTK_WIDGET (cast_window), "_Undo"), "clicked");
  g_assert_nonnull (cs_scenario_find_persona (edited (), FRANK_ID));
  g_assert_cmpuint (count_involved (edited (), FRANK_ID), ==, involved);

  loaded = reopen_saved ();
  g_assert_nonnull (cs_scenario_find_persona (loaded, FRANK_ID));
  g_assert_cmpuint (count_involved (loaded, FRANK_ID), ==, involved);
}

/* A case without personas: the empty state, whose button adds the first one. */
static void
test_empty (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(CsEditHistory) empty_history = cs_edit_history_new (scenario);
  GtkWindow *win = GTK_WINDOW (gtk_window_new ());
  CsCastPanel *empty = CS_CAST_PANEL (cs_cast_panel_new ());
  GtkWidget *status;

  cs_cast_panel_set_history (empty, empty_history);
  gtk_window_set_default_size (win, 360, 640);
  gtk_window_set_child (win, GTK_WIDGET (empty));
  gtk_window_present (win);
  ui_test_wait_for (ui_test_widget_drawn, empty, "the empty cast panel");
  status = ui_test_find_type (GTK_WIDGET (empty), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  ui_test_save_screenshot (GTK_WIDGET (win), "cast-empty.png");

  g_signal_emit_by_name (find_button (GTK_WIDGET (empty), "_Add Persona"), "clicked");
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 1);
  ui_test_settle (100);
  g_assert_false (gtk_widget_get_mapped (status));
  /* Narrow: the leaflet is folded and shows the editor of the new persona. */
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (ui_test_find_type (GTK_WIDGET (empty), ADW_TYPE_LEAFLET))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cs_cast_panel_get_editor (empty))));
  ui_test_save_screenshot (GTK_WIDGET (win), "cast-narrow.png");

  /* Undo empties the cast again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "cast.undo", NULL));
  ui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (status));
  gtk_window_destroy (win);
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

  tmp_dir = ui_test_use_temporary_home ("cs-cast-XXXXXX");

  sample = ui_test_load_sample ();

  window = ui_test_start_app (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);

  g_test_add_func ("/ui/cast/open", test_open);
  g_test_add_func ("/ui/cast/reorder-by-drag", test_reorder_by_drag);
  g_test_add_func ("/ui/cast/assign-by-drop", test_assign_by_drop);
  g_test_add_func ("/ui/cast/involve-by-keyboard", test_involve_by_keyboard);
  g_test_add_func ("/ui/cast/edit-persona", test_edit_persona);
  g_test_add_func ("/ui/cast/avatar-image", test_avatar_image);
  g_test_add_func ("/ui/cast/add-delete-persona", test_add_delete_persona);
  g_test_add_func ("/ui/cast/empty", test_empty);

  status = g_test_run ();

  if (cast_window)
    gtk_window_destroy (cast_window);
  if (window)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&sample);
  g_clear_object (&app);
  ui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
