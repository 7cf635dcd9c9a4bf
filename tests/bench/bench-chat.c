/* bench-chat.c: memory and scrolling of the chat window on a long run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without arguments, runs itself twice: the whole app (library, main window, chat window)
 * on a run of the sample case with no conversation yet (the baseline), then on a run of
 * N_MESSAGES messages read back from the library. Each child opens the chat, scrolls the
 * conversation from top to bottom a page per frame and reports its resident memory
 * (VmRSS, VmHWM from /proc/self/status), the frame times while scrolling (from the frame
 * clock) and how many row widgets the list keeps (rows are recycled, so it stays small).
 * Needs a display (Xvfb); the target is under 150 MB RSS for the whole app.
 *
 * The main thread's CPU time per frame while scrolling a page per frame (60 pages, the
 * development machine under the load of other builds, both builds one after the other,
 * twice): 99 and 98 ms when each bound row parsed its Markdown again and measured its
 * label's minimum width a character per line; 76 and 74 ms with the rendering kept per
 * message and a minimum width of 12 characters (about 1.3x). Far from a 16 ms frame still:
 * a profile puts about three quarters of it in GtkLabel measuring (pango_layout_get_size),
 * GTK 4.8's list view creating and measuring a new row widget for every item that enters
 * the 200 items it keeps around the view. Wrapping at words only changes nothing.
 *
 * A profile with uprobes showed where that went: about 25 rows are rebound per page, and
 * each one's label was laid out a dozen times, because allocating the row's horizontal
 * GtkBox asks its text column for a width at the row's height, which GtkLabel answers by
 * laying its text out on one line and then at trial widths (a copy of its layout each
 * time). The message row now places its avatar and column itself, and the bubble
 * (CsTextLayout) reports the text's minimum width from width-chars without laying it out,
 * so a bound row lays its text out once, at the width it gets. Same machine and load, old
 * and new builds alternating, 60 pages: 80.3 and 78.2 ms -> 6.3 and 6.3 ms per frame
 * (about 12x; 95th percentile 285 -> 14 ms); memory and row count unchanged.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cs-application.h"
#include "cs-store.h"
#include "cs-window.h"

#define N_MESSAGES   10000
#define TARGET_MB    150
#define MAX_FRAMES   20000

/* ---- the child: one measurement -------------------------------------------------------- */

static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

static const char * const lines[] = {
  "What decision do you need from me, and by when?",
  "The board meets on **October 17**. I need a recommendation that covers the cost of each "
  "option, what it does to the people at Kellerton, and how we would explain it to them.",
  "Let me be direct: the consolidation model shows *$9.5 million* of annual savings, but it "
  "assumes the Ashby line absorbs the volume without overtime. Check that before you build "
  "on it.\n\n- one-time cost\n- transition risk\n- the hygienic valve line",
  "Scene complete: The CEO's Brief. Your score: 80% (70% needed).",
};

/* A run of @scenario with @n messages, saved as the chat would have saved it. */
static void
fill_run (CsStore    *store,
          CsScenario *scenario,
          guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  g_autoptr(CsPersona) persona = g_list_model_get_item (cs_scenario_get_personas (scenario), 0);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *state = "{\"scene_index\":0,\"begun\":true,\"failures\":0}";

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_attempt (progress, 1);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_started_at (progress, now);
  cs_progress_set_current_scene_id (progress, cs_record_get_id (CS_RECORD (scene)));
  cs_progress_set_orchestrator_state (progress, state);
  cs_scene_progress_set_progress_id (scene_progress, cs_record_get_id (CS_RECORD (progress)));
  cs_scene_progress_set_scene_id (scene_progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (scene_progress, CS_SCENE_STATUS_IN_PROGRESS);
  cs_scene_progress_set_started_at (scene_progress, now);

  for (guint i = 0; i < n; i++)
    {
      CsMessageKind kind = i % 10 == 9 ? CS_MESSAGE_KIND_SYSTEM
                           : i % 2 == 0 ? CS_MESSAGE_KIND_USER : CS_MESSAGE_KIND_PERSONA;
      const char *text = kind == CS_MESSAGE_KIND_SYSTEM ? lines[3] : lines[i % 3];
      CsMessage *message = cs_message_new (kind, kind == CS_MESSAGE_KIND_PERSONA ?
                                                   cs_persona_get_name (persona) : NULL, text);

      cs_message_set_progress_id (message, cs_record_get_id (CS_RECORD (progress)));
      cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
      if (kind == CS_MESSAGE_KIND_PERSONA)
        cs_message_set_persona_id (message, cs_record_get_id (CS_RECORD (persona)));
      cs_message_set_position (message, (int) i);
      cs_message_set_attempt_number (message, 1);
      cs_message_set_is_complete (message, TRUE);
      g_ptr_array_add (messages, message);
    }
  if (!cs_store_save_run (store, progress, &scene_progress, 1,
                          (CsMessage **) messages->pdata, messages->len, &error))
    g_error ("Could not save the run: %s", error->message);
}

typedef struct {
  GArray  *frame_us;   /* gint64: frame time of each painted frame */
  GArray  *work_us;    /* gint64: CPU time of the main thread in each frame, from before-paint
                        * to after-paint: what the app does (layout, new rows, painting), not
                        * the time other processes had the CPU */
  gint64   began;
} Frames;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->began = thread_cpu_us ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 t = gdk_frame_clock_get_frame_time (clock);
  gint64 work = thread_cpu_us () - frames->began;

  g_array_append_val (frames->frame_us, t);
  g_array_append_val (frames->work_us, work);
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
scenario_shown (gpointer data)
{
  CsScenario *scenario = cs_window_get_scenario (data);

  return scenario != NULL;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

static guint
n_frames (Frames *frames)
{
  return frames->frame_us->len;
}

static void
wait_frames (Frames *frames,
             guint   count)
{
  guint target = n_frames (frames) + count;
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (n_frames (frames) < target && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
measure (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("cs-bench-chat-XXXXXX", &error);
  g_autofree char *library = NULL;
  g_autoptr(CsApplication) app = NULL;
  CsWindow *window;
  CsChatWindow *chat;
  GtkWidget *list;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  Frames frames = { g_array_new (FALSE, FALSE, sizeof (gint64)),
                    g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = 0, start_frame, steps = 0, slow = 0;
  gint64 start_us;
  double total_ms;
  double step_px = g_getenv ("CS_BENCH_STEP") ? g_ascii_strtod (g_getenv ("CS_BENCH_STEP"), NULL) : 0;
  /* CS_BENCH_PAGES: fewer pages, for profiling */
  guint max_pages = g_getenv ("CS_BENCH_PAGES") ?
                      (guint) g_ascii_strtoull (g_getenv ("CS_BENCH_PAGES"), NULL, 10) : MAX_FRAMES;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  library = g_build_filename (tmp, "library.db", NULL);
  g_setenv ("CASE_STUDIO_LIBRARY", library, TRUE);

  /* the library with the sample and, for the long run, its conversation */
  {
    g_autoptr(CsStore) store = cs_store_open (library, &error);
    g_autoptr(GListModel) scenarios = NULL;
    g_autoptr(CsScenario) summary = NULL;
    g_autoptr(CsScenario) scenario = NULL;

    g_assert_no_error (error);
    cs_store_ensure_sample (store, &error);
    g_assert_no_error (error);
    scenarios = cs_store_list_scenarios (store, &error);
    g_assert_no_error (error);
    summary = g_list_model_get_item (scenarios, 0);
    scenario = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (summary)), &error);
    g_assert_no_error (error);
    if (n > 0)
      fill_run (store, scenario, n);
  }

  app = cs_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  {
    GListModel *model;
    g_autoptr(CsScenario) first = NULL;

    while (!(model = cs_window_get_library_model (window)) || g_list_model_get_n_items (model) == 0)
      g_main_context_iteration (NULL, TRUE);
    first = g_list_model_get_item (model, 0);
    cs_window_select_scenario (window, cs_record_get_id (CS_RECORD (first)));
  }
  iterate_until (scenario_shown, window);

  start_us = g_get_monotonic_time ();
  chat = cs_window_play (window);
  g_assert_nonnull (chat);
  gtk_window_set_default_size (GTK_WINDOW (chat), 880, 760);
  iterate_until (drawn, chat);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (chat)), "before-paint",
                    G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (chat)), "after-paint",
                    G_CALLBACK (on_after_paint), &frames);
  wait_frames (&frames, 3);
  g_print ("messages: %u\n", g_list_model_get_n_items (cs_orchestrator_get_messages (cs_chat_window_get_orchestrator (chat))));
  g_print ("open-ms: %.0f\n", (g_get_monotonic_time () - start_us) / 1000.0);

  /* top to bottom, a page per frame */
  list = find_type (GTK_WIDGET (chat), GTK_TYPE_LIST_VIEW);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, 0);
  wait_frames (&frames, 3);
  start_frame = n_frames (&frames);
  start_us = g_get_monotonic_time ();
  while (steps < max_pages &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            (step_px > 0 ? step_px :
                                             gtk_adjustment_get_page_size (adjustment)));
      wait_frames (&frames, 1);
      steps++;
    }
  total_ms = (g_get_monotonic_time () - start_us) / 1000.0;
  for (guint i = start_frame + 1; i < frames.frame_us->len; i++)
    {
      double ms = (g_array_index (frames.frame_us, gint64, i) -
                   g_array_index (frames.frame_us, gint64, i - 1)) / 1000.0;

      g_array_append_val (intervals, ms);
      slow += ms > 33.4;
      ms = g_array_index (frames.work_us, gint64, i) / 1000.0;
      g_array_append_val (work, ms);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    rows++;

  g_print ("scroll-pages: %u\n", steps);
  g_print ("scroll-ms: %.0f\n", total_ms);
  if (intervals->len > 0)
    {
      g_array_sort (intervals, compare_double);
      g_print ("frame-ms-median: %.1f\n", g_array_index (intervals, double, intervals->len / 2));
      g_print ("frame-ms-p95: %.1f\n", g_array_index (intervals, double, intervals->len * 95 / 100));
      g_print ("frames-over-33ms: %u of %u\n", slow, intervals->len);
      /* the app's own work in a frame, load aside */
      g_array_sort (work, compare_double);
      g_print ("frame-cpu-ms-median: %.1f\n", g_array_index (work, double, work->len / 2));
      g_print ("frame-cpu-ms-p95: %.1f\n", g_array_index (work, double, work->len * 95 / 100));
    }
  g_print ("row-widgets: %u\n", rows);
  g_print ("rss-kb: %" G_GINT64_FORMAT "\n", status_kb ("VmRSS:"));
  g_print ("hwm-kb: %" G_GINT64_FORMAT "\n", status_kb ("VmHWM:"));

  g_array_unref (frames.frame_us);
  g_array_unref (frames.work_us);
  gtk_window_destroy (GTK_WINDOW (chat));
  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *wal = g_strconcat (library, "-wal", NULL);
    g_autofree char *shm = g_strconcat (library, "-shm", NULL);

    g_unlink (library);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmp);
  }
  return 0;
}

/* ---- the parent: both runs and the comparison ------------------------------------------ */

static gint64
field (const char *output,
       const char *name)
{
  const char *line = strstr (output, name);

  return line ? g_ascii_strtoll (line + strlen (name) + 1, NULL, 10) : -1;
}

static char *
run_child (const char *self_path,
           guint       n)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  const char *argv[] = { self_path, "--messages", count, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The measurement with %u messages failed: %s", n, error->message);
  return out;
}

int
main (int argc, char **argv)
{
  g_autofree char *baseline = NULL;
  g_autofree char *full = NULL;
  gint64 base_rss, full_rss, full_hwm;

  if (argc == 3 && g_str_equal (argv[1], "--messages"))
    {
      gtk_init ();
      adw_init ();
      return measure ((guint) g_ascii_strtoull (argv[2], NULL, 10));
    }
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("bench-chat: no display, skipped (run under Xvfb)\n");
      return 77;
    }

  baseline = run_child (argv[0], 0);
  full = run_child (argv[0], N_MESSAGES);
  g_print ("== empty run ==\n%s== %u messages ==\n%s", baseline, N_MESSAGES, full);

  base_rss = field (baseline, "rss-kb:");
  full_rss = field (full, "rss-kb:");
  full_hwm = field (full, "hwm-kb:");
  g_print ("== summary ==\n");
  g_print ("rss-mb: %.1f (empty run %.1f, +%.1f for %u messages)\n", full_rss / 1024.0,
           base_rss / 1024.0, (full_rss - base_rss) / 1024.0, N_MESSAGES);
  g_print ("peak-mb: %.1f\n", full_hwm / 1024.0);
  g_print ("target: under %d MB RSS: %s\n", TARGET_MB,
           full_rss >= 0 && full_rss < TARGET_MB * 1024 ? "met" : "NOT met");
  return 0;
}
