/* cs-publisher.c: publishing a case of the local library to the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-enrolment.h"
#include "cs-publisher.h"

typedef struct {
  char *scenario_id;
  char *version_id;
  int   number;
} Publish;

static void
publish_free (Publish *publish)
{
  g_free (publish->scenario_id);
  g_free (publish->version_id);
  g_free (publish);
}

static char *
meta_key (const char *scenario_id)
{
  return g_strconcat ("published:", scenario_id, NULL);
}

static gboolean
publish_job (PGconn        *conn,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  Publish *publish = data;

  if (!(publish->version_id = cs_enrolment_publish (conn, publish->scenario_id, &publish->number, error)))
    return FALSE;
  *result = NULL;
  return TRUE;
}

static void
pulled (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Publish *publish = g_task_get_task_data (task);
  CsStore *store = cs_sync_get_store (CS_SYNC (source));
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = meta_key (publish->scenario_id);
  g_autofree char *value = NULL;

  /* Published either way; a failed pull only means the draft learns it later. */
  if (!cs_sync_pull_finish (CS_SYNC (source), result, NULL, &error))
    g_debug ("Pull after publishing failed: %s", error->message);

  if ((scenario = cs_store_load_scenario (store, publish->scenario_id, NULL)))
    {
      value = g_strdup_printf ("%d:%" G_GINT64_FORMAT, publish->number,
                               cs_record_get_version (CS_RECORD (scenario)));
      cs_store_set_meta (store, key, value, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

static void
published (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSync *sync = g_task_get_source_object (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!cs_server_run_finish (CS_SERVER (source), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  cs_sync_pull_async (sync, cancellable, pulled, g_steal_pointer (&task));
}

static void
pushed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSync *sync = CS_SYNC (source);
  Publish *publish = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (!cs_sync_push_finish (sync, result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The worker fills in the task's Publish; it is read only once the job has returned. */
  cancellable = g_task_get_cancellable (task);
  cs_server_run_async (cs_sync_get_server (sync), publish_job, publish, NULL, NULL,
                       cancellable, published, g_steal_pointer (&task));
}

void
cs_publisher_publish_async (CsSync              *sync,
                            const char          *scenario_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Publish *publish;

  g_return_if_fail (CS_IS_SYNC (sync));
  g_return_if_fail (scenario_id != NULL);

  task = g_task_new (sync, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_publisher_publish_async);
  publish = g_new0 (Publish, 1);
  publish->scenario_id = g_strdup (scenario_id);
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);
  cs_sync_push_async (sync, cancellable, pushed, task);
}

char *
cs_publisher_publish_finish (CsSync        *sync,
                             GAsyncResult  *result,
                             int           *number,
                             GError       **error)
{
  Publish *publish;

  g_return_val_if_fail (g_task_is_valid (result, sync), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  publish = g_task_get_task_data (G_TASK (result));
  if (number)
    *number = publish->number;
  return g_strdup (publish->version_id);
}

CsPublishState
cs_publisher_get_state (CsStore    *store,
                        CsScenario *scenario,
                        int        *number)
{
  g_autofree char *key = meta_key (cs_record_get_id (CS_RECORD (scenario)));
  g_autofree char *value = cs_store_dup_meta (store, key);
  g_auto(GStrv) parts = value ? g_strsplit (value, ":", 2) : NULL;
  gint64 version;

  if (number)
    *number = 0;
  if (!parts || !parts[0] || !parts[1])
    return CS_PUBLISH_STATE_NEVER;
  if (number)
    *number = atoi (parts[0]);
  version = g_ascii_strtoll (parts[1], NULL, 10);
  return cs_record_get_version (CS_RECORD (scenario)) > version ? CS_PUBLISH_STATE_CHANGED
                                                                : CS_PUBLISH_STATE_PUBLISHED;
}
