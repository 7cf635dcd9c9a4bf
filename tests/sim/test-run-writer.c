/* test-run-writer.c: the run's writes on a worker thread: faithful snapshots, the order
 * kept, and the main thread free while a write waits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-run-writer.h"
#include "cs-store.h"

typedef struct {
  char       *dir;
  char       *path;
  CsStore    *store;
  CsScenario *scenario;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                              "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);

  f->dir = g_dir_make_tmp ("cs-writer-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->store = cs_store_open (f->path, &error);
  g_assert_no_error (error);
  f->scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  cs_store_save_scenario (f->store, f->scenario, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->scenario);
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static CsProgress *
new_progress (Fixture *f)
{
  CsProgress *progress = cs_progress_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (f->scenario)));
  cs_progress_set_attempt (progress, 1);
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_started_at (progress, now);
  return progress;
}

static CsMessage *
new_message (CsProgress *progress,
             guint       position)
{
  g_autofree char *text = g_strdup_printf ("Message %u", position);
  CsMessage *message = cs_message_new (position % 2 ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER,
                                       "Sender", text);

  cs_message_set_progress_id (message, cs_record_get_id (CS_RECORD (progress)));
  cs_message_set_position (message, (int) position);
  cs_message_set_is_complete (message, TRUE);
  return message;
}

/* Every property of @a and @b has the same value. */
static void
assert_same_properties (gpointer a,
                        gpointer b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&x, specs[i]->value_type);
      g_value_init (&y, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &x);
      g_object_get_property (b, specs[i]->name, &y);
      if (specs[i]->value_type == G_TYPE_STRV)
        {
          const char * const *sa = g_value_get_boxed (&x);
          const char * const *sb = g_value_get_boxed (&y);

          g_assert_cmpuint (sa ? g_strv_length ((char **) sa) : 0, ==,
                            sb ? g_strv_length ((char **) sb) : 0);
          for (guint j = 0; sa && sa[j]; j++)
            g_assert_cmpstr (sa[j], ==, sb[j]);
        }
      else if (specs[i]->value_type == G_TYPE_DATE_TIME)
        {
          GDateTime *da = g_value_get_boxed (&x);
          GDateTime *db = g_value_get_boxed (&y);

          g_assert_true ((da == NULL) == (db == NULL));
          g_assert_true (da == NULL || g_date_time_equal (da, db));
        }
      else if (g_param_values_cmp (specs[i], &x, &y) != 0)
        g_error ("Property %s differs in the snapshot", specs[i]->name);
    }
}

/* A snapshot has the same id, version, times and fields, and is its own object. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CsProgress) progress = new_progress (f);
  g_autoptr(CsMessage) message = new_message (progress, 3);
  g_autoptr(CsProgress) copy = NULL;
  g_autoptr(CsMessage) message_copy = NULL;
  const char *completed[] = { "scene-a", "scene-b", NULL };

  cs_progress_set_scenes_completed (progress, completed);
  cs_progress_set_total_attempts (progress, 7);
  cs_progress_set_orchestrator_state (progress, "{\"scene_index\":1}");
  cs_message_set_model (message, "test-model");
  cs_message_set_processing_time (message, 1.5);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (progress)), >, 1);

  copy = cs_run_writer_snapshot (progress);
  message_copy = cs_run_writer_snapshot (message);
  g_assert_true (copy != progress);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (copy)), ==, cs_record_get_id (CS_RECORD (progress)));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (copy)), ==, cs_record_get_version (CS_RECORD (progress)));
  assert_same_properties (copy, progress);
  assert_same_properties (message_copy, message);

  /* the caller goes on with its own object */
  cs_progress_set_total_attempts (progress, 8);
  g_assert_cmpint (cs_progress_get_total_attempts (copy), ==, 7);
}

typedef struct {
  GArray *order;   /* guint: the index of each write, as its callback ran */
  guint   failed;
} Done;

/* the writes of the running test */
static Done *the_done;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;

  if (!cs_run_writer_save_finish (CS_RUN_WRITER (source), result, &error))
    the_done->failed++;
  g_array_append_val (the_done->order, index);
}

/* Many writes queued at once land in order: the last state of the progress wins and every
 * message is there, each callback in the order of its write. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CsRunWriter) writer = cs_run_writer_new (f->store);
  g_autoptr(CsProgress) progress = new_progress (f);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsProgress) stored = NULL;
  g_autoptr(GListModel) stored_messages = NULL;
  Done done = { g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  const guint n = 200;

  the_done = &done;
  for (guint i = 0; i < n; i++)
    {
      CsMessage *message = new_message (progress, i);

      g_ptr_array_add (messages, message);
      cs_progress_set_total_attempts (progress, (int) i);
      cs_run_writer_save_async (writer, progress, NULL, 0, &message, 1, on_saved,
                                GUINT_TO_POINTER (i));
    }
  while (done.order->len < n)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (done.failed, ==, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (done.order, guint, i), ==, i);

  stored = cs_store_load_progress (f->store, cs_record_get_id (CS_RECORD (progress)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_progress_get_total_attempts (stored), ==, (int) n - 1);
  stored_messages = cs_store_list_messages (f->store, cs_record_get_id (CS_RECORD (progress)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored_messages), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) m = g_list_model_get_item (stored_messages, i);

      g_assert_cmpstr (cs_record_get_id (CS_RECORD (m)), ==,
                       cs_record_get_id (CS_RECORD (g_ptr_array_index (messages, i))));
    }
  g_array_unref (done.order);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
release_lock (gpointer data)
{
  sqlite3 *db = data;

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  return G_SOURCE_REMOVE;
}

/* While another program holds the database's write lock, a queued write waits on the
 * worker thread and the main loop goes on; once the lock is released the write lands,
 * and flush() waits for it. */
static void
test_off_main_thread (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CsRunWriter) writer = cs_run_writer_new (f->store);
  g_autoptr(CsProgress) progress = new_progress (f);
  g_autoptr(CsMessage) message = new_message (progress, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stored = NULL;
  Done done = { g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  sqlite3 *other = NULL;
  guint ticks = 0, tick_id;
  gint64 start;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  the_done = &done;
  start = g_get_monotonic_time ();
  cs_run_writer_save_async (writer, progress, NULL, 0, &message, 1, on_saved, NULL);
  /* queuing did not wait for the lock */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 200 * G_TIME_SPAN_MILLISECOND);

  tick_id = g_timeout_add (10, count_tick, &ticks);
  g_timeout_add (400, release_lock, other);
  while (done.order->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  /* the main loop ran while the write waited */
  g_assert_cmpuint (ticks, >=, 10);
  g_assert_cmpuint (done.failed, ==, 0);

  stored = cs_store_list_messages (f->store, cs_record_get_id (CS_RECORD (progress)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 1);
  g_clear_object (&stored);

  /* flush: the next write is done when it returns, without running the main loop */
  {
    g_autoptr(CsMessage) second = new_message (progress, 1);

    cs_run_writer_save_async (writer, progress, NULL, 0, &second, 1, on_saved, NULL);
    cs_run_writer_flush (writer);
    stored = cs_store_list_messages (f->store, cs_record_get_id (CS_RECORD (progress)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 2);
    while (done.order->len < 2)
      g_main_context_iteration (NULL, TRUE);
  }

  sqlite3_close (other);
  g_array_unref (done.order);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sim/run-writer/snapshot", Fixture, NULL, fixture_set_up, test_snapshot, fixture_tear_down);
  g_test_add ("/sim/run-writer/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/sim/run-writer/off-main-thread", Fixture, NULL, fixture_set_up, test_off_main_thread, fixture_tear_down);

  return g_test_run ();
}
