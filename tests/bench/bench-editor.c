/* bench-editor.c: opening a large case in the scene editor, and an edit until it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case of N_SCENES scenes and N_PERSONAS personas in a temporary library, the whole app
 * under a display (Xvfb). Two figures, each the median of RUNS, each against a reference
 * measured in the same process:
 *   - first frame of the editor (win.edit on the shown case, until the board is painted),
 *     against opening the read-only case page of the same case (select it, until painted);
 *     target: under 150 ms;
 *   - an edit applied through the board's history until the store's save has completed,
 *     against a bare synchronous store write of the same case after the same change;
 *     target: under 10 ms.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cs-application.h"
#include "cs-scene-board.h"
#include "cs-store.h"
#include "cs-window.h"
#include "ui-test-app.h"
#include "ui-test-util.h"

#define N_SCENES      30
#define N_PERSONAS    20
#define RUNS          7
#define SAVE_RUNS     21
#define TARGET_OPEN_MS 150
#define TARGET_SAVE_MS 10

static const char * const traits[] = {
  "assertiveness", "openness", "risk_tolerance", "analytical", "empathy", NULL
};

static CsScenario *
big_scenario (void)
{
  CsScenario *scenario = cs_scenario_new (NULL);
  g_autoptr(GPtrArray) personas = g_ptr_array_new ();

  cs_record_freeze_tracking (CS_RECORD (scenario));
  cs_scenario_set_title (scenario, "Benchmark: a large case");
  cs_scenario_set_description (scenario, "Thirty scenes and twenty people, for the editor benchmark.");

  for (guint i = 0; i < N_PERSONAS; i++)
    {
      g_autoptr(CsPersona) persona = cs_persona_new (NULL);
      g_autofree char *name = g_strdup_printf ("Person %02u Example", i + 1);
      const char *goals[] = { "Keep the plant open", "Be heard before the numbers decide",
                              "Protect the people who build the line", NULL };

      cs_persona_set_name (persona, name);
      cs_persona_set_role (persona, "Plant manager");
      cs_persona_set_correlation (persona, "A colleague you depend on for the facts.");
      cs_persona_set_background (persona, "Twenty years at the company; knows every machine "
                                          "and most of the people by name.");
      cs_persona_set_primary_goals (persona, goals);
      for (guint t = 0; traits[t] != NULL; t++)
        cs_persona_set_trait (persona, traits[t], (int) ((i + t) % 11));
      cs_scenario_add_persona (scenario, persona);
      g_ptr_array_add (personas, persona);
    }

  for (guint i = 0; i < N_SCENES; i++)
    {
      g_autoptr(CsScene) scene = cs_scene_new (NULL);
      g_autofree char *title = g_strdup_printf ("Scene %02u: a meeting", i + 1);

      cs_scene_set_title (scene, title);
      cs_scene_set_description (scene, "A conversation about the future of the plant.");
      cs_scene_set_user_goal (scene, "Find out what the numbers leave out and agree on the next step.");
      for (guint c = 0; c < 3; c++)
        {
          g_autoptr(CsGoalCriterion) criterion = cs_goal_criterion_new ("Asks about the assumptions", 1.0);

          cs_scene_add_criterion (scene, criterion);
        }
      for (guint p = 0; p < 3; p++)
        cs_scene_set_involvement (scene,
                                  cs_record_get_id (personas->pdata[(i + p) % N_PERSONAS]),
                                  p == 0 ? CS_INVOLVEMENT_KEY : CS_INVOLVEMENT_PARTICIPANT);
      cs_scenario_insert_scene (scenario, cs_scenario_get_n_scenes (scenario), scene);
    }
  cs_record_thaw_tracking (CS_RECORD (scenario));
  return scenario;
}

/* ---- waiting for a frame -------------------------------------------------------------- */

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

typedef gboolean (*Ready) (CsWindow *window);

/* Runs the main loop until @ready holds and a frame has been painted after that. */
static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_painted (CsWindow *window,
              Ready     ready)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint waker = g_timeout_add (50, wake, NULL);

  while (!ready (window))
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
    }
  painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for a frame");
    }
  g_source_remove (waker);
}

static const char *shown_id;

static gboolean
case_shown (CsWindow *window)
{
  CsScenario *scenario = cs_window_get_scenario (window);

  return scenario && g_strcmp0 (cs_record_get_id (CS_RECORD (scenario)), shown_id) == 0;
}

static gboolean
board_shown (CsWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (cs_window_get_scene_board (window))) &&
         cs_scene_board_get_scenario (cs_window_get_scene_board (window)) != NULL;
}

static gboolean
library_ready (CsWindow *window)
{
  GListModel *model = cs_window_get_library_model (window);

  return model && g_list_model_get_n_items (model) == 2;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autoptr(CsScenario) big = NULL;
  g_autofree char *big_id = NULL;
  g_autofree char *other_id = NULL;
  CsApplication *app;
  CsWindow *window;
  CsStore *store;
  GListModel *summaries;
  double page_ms[RUNS], editor_ms[RUNS];
  double edit_ms[SAVE_RUNS], write_ms[SAVE_RUNS];
  double page, editor, edit, write;

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("SKIP: no display (run under Xvfb)\n");
      return 77;
    }

  tmp_dir = ui_test_use_temporary_home ("cs-bench-editor-XXXXXX");
  window = ui_test_start_app (&app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  store = cs_application_get_store (app);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);

  big = big_scenario ();
  big_id = g_strdup (cs_record_get_id (CS_RECORD (big)));
  if (!cs_store_save_scenario (store, big, &error))
    g_error ("%s", error->message);
  /* The sample case is the other one: the page goes back to it between runs. */
  wait_painted (window, library_ready);
  summaries = cs_window_get_library_model (window);
  for (guint i = 0; i < g_list_model_get_n_items (summaries); i++)
    {
      g_autoptr(CsScenario) summary = g_list_model_get_item (summaries, i);

      if (g_strcmp0 (cs_record_get_id (CS_RECORD (summary)), big_id) != 0)
        other_id = g_strdup (cs_record_get_id (CS_RECORD (summary)));
    }
  g_assert_nonnull (other_id);

  /* One warm-up round, then the measured ones. */
  for (int run = -1; run < RUNS; run++)
    {
      gint64 start;

      shown_id = other_id;
      cs_window_select_scenario (window, other_id);
      wait_painted (window, case_shown);

      shown_id = big_id;
      start = g_get_monotonic_time ();
      cs_window_select_scenario (window, big_id);
      wait_painted (window, case_shown);
      if (run >= 0)
        page_ms[run] = ms_since (start);

      start = g_get_monotonic_time ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL));
      wait_painted (window, board_shown);
      if (run >= 0)
        editor_ms[run] = ms_since (start);

      if (run < RUNS - 1)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-done", NULL));
    }

  /* The editor stays open on the large case: edits through its history, then bare writes. */
  {
    CsSceneBoard *board = cs_window_get_scene_board (window);
    CsEditHistory *history = cs_scene_board_get_history (board);
    CsScenario *edited = cs_scene_board_get_scenario (board);
    g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (edited), 5);

    for (int run = -1; run < SAVE_RUNS; run++)
      {
        g_autofree char *title = g_strdup_printf ("Scene 06: edited %d", run);
        g_autofree char *again = g_strdup_printf ("Scene 06: written %d", run);
        gint64 start;

        /* Each edit is its own step: no merging with the last one. */
        cs_edit_history_seal (history);
        start = g_get_monotonic_time ();
        cs_edit_history_apply (history, cs_edit_property_new_string (scene, "title", title));
        while (cs_scene_board_get_n_saving (board) > 0)
          g_main_context_iteration (NULL, TRUE);
        if (run >= 0)
          edit_ms[run] = ms_since (start);

        cs_scene_set_title (scene, again);
        start = g_get_monotonic_time ();
        if (!cs_store_save_scenario (store, edited, &error))
          g_error ("%s", error->message);
        if (run >= 0)
          write_ms[run] = ms_since (start);

        /* Let the library follow the saves before the next round. */
        for (int i = 0; i < 20 && g_main_context_iteration (NULL, FALSE); i++)
          ;
      }
  }

  page = median (page_ms, RUNS);
  editor = median (editor_ms, RUNS);
  edit = median (edit_ms, SAVE_RUNS);
  write = median (write_ms, SAVE_RUNS);

  g_print ("case of %u scenes and %u personas\n", N_SCENES, N_PERSONAS);
  g_print ("editor first frame: %.1f ms, case page %.1f ms, ratio %.2f (target under %d ms)%s\n",
           editor, page, editor / page, TARGET_OPEN_MS, editor < TARGET_OPEN_MS ? "" : "  OVER TARGET");
  g_print ("edit to saved: %.2f ms, bare store write %.2f ms, ratio %.2f (target under %d ms)%s\n",
           edit, write, edit / write, TARGET_SAVE_MS, edit < TARGET_SAVE_MS ? "" : "  OVER TARGET");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ui_test_remove_tree (tmp_dir);
  return 0;
}
