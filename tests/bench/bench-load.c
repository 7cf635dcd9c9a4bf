/* bench-load.c: 200 students syncing their turns at once against one server on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private cluster (max_connections raised for 200 clients). An instructor publishes a
 * case, makes a cohort and an invitation; 200 students join with it, each on a machine of
 * its own (a library, a CsServer with its worker thread and connection, a CsSync), pull
 * the assigned case and play it: every student saves a turn (two messages, the run and its
 * scene) every 0.5 to 1.5 s and pushes it once it is saved, for CS_BENCH_SECONDS (default
 * 20). As in the app, the save runs on the worker thread of the student's CsRunWriter, not
 * on the main loop that all 200 students share. Prints the throughput, the push latency
 * (median, p95, p99, worst), the save latency, and checks that every message arrived
 * exactly once. The reference figure is one student pushing alone, measured first
 * in the same run: the p95 under load is printed as a ratio of it.
 */

#include "config.h"

#include <gio/gio.h>

#include "cs-run-writer.h"
#include "sync-test-cluster.h"
#include "sync-test-machine.h"

#define N_STUDENTS 200

typedef struct {
  SyncTestMachine  machine;
  CsRunWriter     *writer;
  CsProgress      *progress;
  CsSceneProgress *scene_progress;
  CsScene         *scene;
  guint            next_position;
  guint            timer;
  gint64           save_started;
  gint64           push_started;
} Student;

static GArray *latencies;   /* double, ms */
static GArray *save_latencies;
static guint n_messages;
static guint n_failed;
static guint n_in_flight;
static gboolean stopping;
static double saving_ms;    /* time the main loop spent saving turns or queuing their saves */

static void push (Student *student);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Student *student = data;
  g_autoptr(GError) error = NULL;
  double ms = (g_get_monotonic_time () - student->save_started) / 1000.0;

  g_assert_true (cs_run_writer_save_finish (CS_RUN_WRITER (source), result, &error));
  g_assert_no_error (error);
  g_array_append_val (save_latencies, ms);
  n_messages += 2;
  push (student);
}

/* Saves the next turn of @student: on its writer's thread when @queued (then pushes it
 * once saved), else on this one. */
static void
save_turn (Student  *student,
           gboolean  queued)
{
  g_autoptr(GError) error = NULL;
  CsMessage *messages[2];
  gint64 began = g_get_monotonic_time ();

  for (guint i = 0; i < 2; i++)
    {
      guint position = student->next_position++;
      g_autofree char *text = g_strdup_printf ("Turn line %u: what would it cost us to wait a month?", position);

      messages[i] = cs_message_new (i ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                    i ? "Ana Ruiz" : "You", text);
      cs_message_set_progress_id (messages[i], cs_record_get_id (CS_RECORD (student->progress)));
      cs_message_set_scene_id (messages[i], cs_record_get_id (CS_RECORD (student->scene)));
      cs_message_set_position (messages[i], position);
    }
  cs_scene_progress_set_messages_sent (student->scene_progress, student->next_position / 2);
  student->save_started = began;
  if (queued)
    {
      n_in_flight++;
      cs_run_writer_save_async (student->writer, student->progress, &student->scene_progress, 1,
                                messages, 2, saved_cb, student);
    }
  else
    {
      g_assert_true (cs_run_writer_save (student->writer, student->progress, &student->scene_progress, 1,
                                         messages, 2, &error));
      g_assert_no_error (error);
      n_messages += 2;
    }
  saving_ms += (g_get_monotonic_time () - began) / 1000.0;
  g_object_unref (messages[0]);
  g_object_unref (messages[1]);
}

static void schedule (Student *student);

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Student *student = data;
  g_autoptr(GError) error = NULL;
  double ms = (g_get_monotonic_time () - student->push_started) / 1000.0;

  n_in_flight--;
  if (cs_sync_push_finish (CS_SYNC (source), result, NULL, &error))
    g_array_append_val (latencies, ms);
  else
    {
      n_failed++;
      g_printerr ("push failed: %s\n", error->message);
    }
  if (!stopping)
    schedule (student);
}

/* The save of the turn counts as in flight until its push is done. */
static void
push (Student *student)
{
  student->push_started = g_get_monotonic_time ();
  cs_sync_push_async (student->machine.sync, NULL, pushed_cb, student);
}

static gboolean
turn_cb (gpointer data)
{
  Student *student = data;

  student->timer = 0;
  if (stopping)
    return G_SOURCE_REMOVE;
  save_turn (student, TRUE);
  return G_SOURCE_REMOVE;
}

static void
schedule (Student *student)
{
  student->timer = g_timeout_add (g_random_int_range (500, 1500), turn_cb, student);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static gboolean
stop_cb (gpointer data)
{
  stopping = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  SyncTestCluster cluster;
  SyncTestServer server;
  SyncTestMachine teacher = { 0 };
  Student *students;
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Under load");
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *code = NULL;
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;
  g_autofree char *distinct = NULL;
  const char *seconds_env = g_getenv ("CS_BENCH_SECONDS");
  guint seconds = seconds_env ? (guint) g_ascii_strtoull (seconds_env, NULL, 10) : 20;
  double alone_ms, setup_s;
  gint64 start;

  if (!sync_test_cluster_init (&cluster, "-c max_connections=300"))
    {
      g_print ("bench-load: no PostgreSQL server programs, skipped\n");
      return 77;
    }
  sync_test_cluster_use (&cluster);
  g_assert_true (sync_test_server_set_up (&server));
  latencies = g_array_new (FALSE, FALSE, sizeof (double));
  save_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  start = g_get_monotonic_time ();

  /* The instructor's side: a published case assigned to a cohort that approves by itself. */
  conninfo = sync_test_instructor_conninfo (&server, NULL);
  sync_test_machine_init (&teacher, &server, conninfo);
  version = sync_test_open_class (&teacher, conninfo, scenario, "Load test", N_STUDENTS, &code);

  /* The students join, each on a machine of its own, and get the case. */
  students = g_new0 (Student, N_STUDENTS);
  for (guint i = 0; i < N_STUDENTS; i++)
    {
      Student *student = &students[i];
      g_autofree char *base = g_strdup_printf ("student%03u", i);
      g_autofree char *name = sync_test_user_name (&server, base);
      g_autofree char *mine = sync_test_join (&server, cluster.port, code, name, "load-password");
      g_autoptr(CsScenario) played = NULL;

      sync_test_machine_init (&student->machine, &server, mine);
      student->writer = cs_run_writer_new (student->machine.store);
      g_assert_cmpuint (sync_test_pull (&student->machine, &error), ==, 1);
      g_assert_no_error (error);
      played = sync_test_load (&student->machine, version);
      student->scene = g_list_model_get_item (cs_scenario_get_scenes (played), 0);
      sync_test_start_run (version, student->scene, &student->progress, &student->scene_progress);
    }
  setup_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  /* The reference: one student alone, twenty turns. */
  {
    g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint t = 0; t < 20; t++)
      {
        gint64 began;
        double ms;

        save_turn (&students[0], FALSE);
        began = g_get_monotonic_time ();
        g_assert_cmpuint (sync_test_push (&students[0].machine, &error), !=, G_MAXUINT);
        g_assert_no_error (error);
        ms = (g_get_monotonic_time () - began) / 1000.0;
        g_array_append_val (alone, ms);
      }
    g_array_sort (alone, compare_doubles);
    alone_ms = percentile (alone, 0.5);
  }

  /* Everybody at once. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_STUDENTS; i++)
    schedule (&students[i]);
  g_timeout_add_seconds (seconds, stop_cb, NULL);
  while (!stopping)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < N_STUDENTS; i++)
    g_clear_handle_id (&students[i].timer, g_source_remove);
  while (n_in_flight > 0)
    g_main_context_iteration (NULL, TRUE);
  {
    double elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

    g_array_sort (latencies, compare_doubles);
    g_array_sort (save_latencies, compare_doubles);
    g_print ("%u students joined and pulled their case in %.1f s\n", N_STUDENTS, setup_s);
    g_print ("one student alone: median push %.1f ms\n", alone_ms);
    g_print ("%u students for %.1f s: %u pushes (%.0f/s), %u messages (%.0f/s), %u failed\n",
             N_STUDENTS, elapsed, latencies->len, latencies->len / elapsed, n_messages,
             n_messages / elapsed, n_failed);
    g_print ("push latency: median %.1f ms, p95 %.1f ms, p99 %.1f ms, worst %.1f ms\n",
             percentile (latencies, 0.5), percentile (latencies, 0.95), percentile (latencies, 0.99),
             percentile (latencies, 1.0));
    g_print ("ratio p95 under load / alone: %.1f\n", percentile (latencies, 0.95) / alone_ms);
    g_print ("save latency (on the writers' threads): median %.1f ms, p95 %.1f ms\n",
             percentile (save_latencies, 0.5), percentile (save_latencies, 0.95));
    g_print ("the main loop spent %.1f s of it queuing saves (%.2f ms a turn)\n", saving_ms / 1000.0,
             saving_ms / (n_messages / 2));
  }

  /* Anything a failed push left behind goes now; then every message is there once. */
  for (guint i = 0; i < N_STUDENTS; i++)
    {
      g_assert_cmpuint (sync_test_push (&students[i].machine, &error), !=, G_MAXUINT);
      g_assert_no_error (error);
      g_assert_cmpint (cs_store_count_outbox (students[i].machine.store, NULL), ==, 0);
    }
  count = sync_test_value (server.super, "SELECT count(*) FROM cs.conversation_logs", NULL);
  distinct = sync_test_value (server.super, "SELECT count(DISTINCT id) FROM cs.conversation_logs", NULL);
  g_print ("messages saved: %u, on the server: %s, distinct: %s\n", n_messages, count, distinct);
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), ==, n_messages);
  g_assert_cmpstr (distinct, ==, count);
  g_print ("every message arrived exactly once\n");

  for (guint i = 0; i < N_STUDENTS; i++)
    {
      g_clear_object (&students[i].progress);
      g_clear_object (&students[i].scene_progress);
      g_clear_object (&students[i].scene);
      g_clear_object (&students[i].writer);
      sync_test_machine_clear (&students[i].machine);
    }
  g_free (students);
  sync_test_machine_clear (&teacher);
  g_array_unref (latencies);
  g_array_unref (save_latencies);
  sync_test_server_tear_down (&server);
  sync_test_cluster_clear (&cluster);
  return 0;
}
