/* test-reloader.c: CsReloader runs one load of its owner at a time and, asked again during
 * one, exactly one more after it; a failed load is reported and later reloads go on; once
 * disposed with its owner, nothing more runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The owner's load here is a GTask the test completes by hand, so that the order of events
 * is the test's: no server needed (the LISTEN side is tested with the dashboard's and the
 * notifications' tests on a real PostgreSQL).
 */

#include "config.h"

#include "cs-reloader.h"

typedef struct {
  GPtrArray *pending;  /* GTask of the loads under way */
  guint      started;
  guint      failed;
} Loads;

static Loads loads;

static void
load_async (gpointer             owner,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  loads.started++;
  g_ptr_array_add (loads.pending, g_task_new (owner, cancellable, callback, user_data));
}

static gboolean
load_finish (gpointer       owner,
             GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Completes the oldest load under way (@error: fails it) and lets its callback run. */
static void
complete (GError *error)
{
  g_autoptr(GTask) task = NULL;

  g_assert_cmpuint (loads.pending->len, >, 0);
  task = g_ptr_array_steal_index (loads.pending, 0);
  if (error)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  g_clear_object (&task);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_failed (CsReloader *reloader,
           GError     *error)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  loads.failed++;
}

static void
test_once_more (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(CsReloader) reloader = cs_reloader_new (owner, load_async, load_finish, "the test");

  loads = (Loads) { g_ptr_array_new (), 0, 0 };
  g_signal_connect (reloader, "failed", G_CALLBACK (on_failed), NULL);

  cs_reloader_reload (reloader);
  g_assert_cmpuint (loads.started, ==, 1);
  g_assert_true (cs_reloader_get_reloading (reloader));
  /* Asked three times during it: one more load, after it. */
  cs_reloader_reload (reloader);
  cs_reloader_reload (reloader);
  cs_reloader_reload (reloader);
  g_assert_cmpuint (loads.started, ==, 1);
  complete (NULL);
  g_assert_cmpuint (loads.started, ==, 2);
  complete (NULL);
  g_assert_cmpuint (loads.started, ==, 2);
  g_assert_false (cs_reloader_get_reloading (reloader));
  g_assert_cmpuint (loads.pending->len, ==, 0);

  /* A failure is reported; the next reload runs. */
  cs_reloader_reload (reloader);
  complete (g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "no server"));
  g_assert_cmpuint (loads.failed, ==, 1);
  g_assert_false (cs_reloader_get_reloading (reloader));
  cs_reloader_reload (reloader);
  g_assert_cmpuint (loads.started, ==, 4);
  complete (NULL);
  g_assert_false (cs_reloader_get_watching (reloader));
  g_ptr_array_unref (loads.pending);
}

static void
test_disposed (void)
{
  GObject *owner = g_object_new (G_TYPE_OBJECT, NULL);
  CsReloader *reloader = cs_reloader_new (owner, load_async, load_finish, "the test");

  loads = (Loads) { g_ptr_array_new (), 0, 0 };
  g_signal_connect (reloader, "failed", G_CALLBACK (on_failed), NULL);
  cs_reloader_reload (reloader);
  cs_reloader_reload (reloader);  /* one more wanted */
  g_object_run_dispose (G_OBJECT (reloader));
  g_object_unref (reloader);
  /* The load under way ends cancelled: no failure, no further load, no reload later. */
  complete (NULL);
  g_assert_cmpuint (loads.started, ==, 1);
  g_assert_cmpuint (loads.failed, ==, 0);
  g_object_unref (owner);
  g_ptr_array_unref (loads.pending);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reloader/once-more", test_once_more);
  g_test_add_func ("/reloader/disposed", test_disposed);
  return g_test_run ();
}
