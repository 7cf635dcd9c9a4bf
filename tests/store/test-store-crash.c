/* test-store-crash.c: a save killed at any moment leaves one committed state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs itself again as a child (CS_STORE_CRASH_CHILD=<library>) that saves a
 * large scenario in a loop, each iteration with a different number of scenes, all titled
 * with the iteration number, and prints the number after each commit. The parent kills it
 * with SIGKILL in the middle of a later save, then checks the library: the integrity
 * check passes and the scenario is exactly one committed iteration.
 */

#include "config.h"

#include <stdio.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-store.h"
#include "store-test-util.h"

#define SCENARIO_ID "6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
#define SOURCE_SIZE (2 * 1024 * 1024)
#define ROUNDS 6

static const char *self_exe;

/* The number of scenes of an iteration: 150 to 249, different from the last one. */
static guint
scenes_for (guint iteration)
{
  return 150 + (iteration * 37) % 100;
}

static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = cs_store_open (path, &error);
  g_autoptr(CsScenario) scenario = cs_scenario_new (SCENARIO_ID);
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  g_autofree char *source = g_malloc (SOURCE_SIZE + 1);

  if (!store)
    g_error ("child: %s", error->message);

  memset (source, 'x', SOURCE_SIZE);
  source[SOURCE_SIZE] = '\0';
  cs_persona_set_name (persona, "Ana Ruiz");
  cs_scenario_add_persona (scenario, persona);

  for (guint iteration = 1; ; iteration++)
    {
      guint wanted = scenes_for (iteration);
      g_autofree char *title = g_strdup_printf ("iteration %u", iteration);
      g_autofree char *stamp = g_strdup_printf ("%08u", iteration);

      cs_scenario_set_title (scenario, title);
      memcpy (source, stamp, 8);
      cs_scenario_set_source_text (scenario, source);

      while (cs_scenario_get_n_scenes (scenario) > wanted)
        {
          g_autoptr(CsScene) last = g_list_model_get_item (cs_scenario_get_scenes (scenario),
                                                           cs_scenario_get_n_scenes (scenario) - 1);

          cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (last)));
        }
      while (cs_scenario_get_n_scenes (scenario) < wanted)
        {
          g_autoptr(CsScene) scene = cs_scene_new (NULL);

          cs_scenario_append_scene (scenario, scene);
        }
      for (guint i = 0; i < wanted; i++)
        {
          g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), i);
          g_autofree char *scene_title = g_strdup_printf ("%u/%u", iteration, i);

          cs_scene_set_title (scene, scene_title);
          cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (persona)), CS_INVOLVEMENT_KEY);
        }

      if (!cs_store_save_scenario (store, scenario, &error))
        g_error ("child: %s", error->message);

      printf ("%u\n", iteration);
      fflush (stdout);
    }

  return 0;
}

static guint
read_iteration (GDataInputStream *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line, NULL, 10);
}

static void
check_library (const char *path,
               guint       last_reported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint iteration;
  char stamp[9];

  /* The raw integrity check first: it also recovers the WAL. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO scenarios_fts (scenarios_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cs_store_open (path, &error);
  g_assert_no_error (error);
  scenario = cs_store_load_scenario (store, SCENARIO_ID, &error);
  g_assert_no_error (error);

  g_assert_true (sscanf (cs_scenario_get_title (scenario), "iteration %u", &iteration) == 1);
  g_test_message ("killed after commit %u, library holds iteration %u", last_reported, iteration);
  /* The last reported commit or the one after it (committed but not yet reported). */
  g_assert_cmpuint (iteration, >=, last_reported);
  g_assert_cmpuint (iteration, <=, last_reported + 1);

  g_snprintf (stamp, sizeof stamp, "%08u", iteration);
  g_assert_cmpuint (strlen (cs_scenario_get_source_text (scenario)), ==, SOURCE_SIZE);
  g_assert_true (strncmp (cs_scenario_get_source_text (scenario), stamp, 8) == 0);

  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, scenes_for (iteration));
  for (guint i = 0; i < cs_scenario_get_n_scenes (scenario); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), i);
      g_autofree char *expected = g_strdup_printf ("%u/%u", iteration, i);

      g_assert_cmpstr (cs_scene_get_title (scene), ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (cs_scene_get_involved (scene)), ==, 1);
    }
}

static void
test_crash (void)
{
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *path = store_test_db_path ("crash");
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GError) error = NULL;
      gint64 before, interval;
      guint last;

      g_subprocess_launcher_setenv (launcher, "CS_STORE_CRASH_CHILD", path, TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, self_exe, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Wait for two commits to learn how long one iteration takes, then kill at a
       * random moment within the next two. */
      read_iteration (lines);
      before = g_get_monotonic_time ();
      last = read_iteration (lines);
      interval = MAX (g_get_monotonic_time () - before, 1000);
      g_usleep (g_random_int_range (0, (gint32) MIN (2 * interval, G_MAXINT32)));

      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));

      /* Commits reported before the kill still sit in the pipe. */
      for (;;)
        {
          g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, NULL);

          if (!line)
            break;
          last = (guint) g_ascii_strtoull (line, NULL, 10);
        }

      check_library (path, last);
    }
}

int
main (int argc, char **argv)
{
  const char *child_path = g_getenv ("CS_STORE_CRASH_CHILD");
  int status;

  if (child_path)
    return run_child (child_path);

  self_exe = argv[0];
  store_test_setup_dirs ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-during-save", test_crash);

  status = g_test_run ();
  store_test_cleanup_dirs ();
  return status;
}
