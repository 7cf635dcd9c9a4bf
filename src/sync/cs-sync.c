/* cs-sync.c: two-way sync of the local library with the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-listener.h"
#include "cs-store-private.h"
#include "cs-store-sync.h"
#include "cs-sync.h"
#include "cs-sync-private.h"

#define PUSH_DELAY_MS     300
#define FIRST_RETRY_MS    1000
#define LAST_RETRY_MS     60000

struct _CsSync
{
  GObject         parent_instance;

  CsStore        *store;
  CsServer       *server;
  CsSyncStatus    status;
  GDateTime      *last_sync;
  gint64          pending;
  gint64          kept;
  char           *last_error;
  gboolean        connected_once;
  guint           n_jobs;

  CsSyncPushHook  hook;
  gpointer        hook_data;

  /* Live mode */
  CsListener     *listener;
  char           *listen_conninfo;
  gboolean        live;
  gboolean        stopped;   /* the server is too old: no live syncing until a sync succeeds */
  gboolean        pulling;
  gboolean        pull_again;
  gboolean        pushing;
  gboolean        push_again;
  guint           push_timer;
  guint           retry_timer;
  guint           retry_ms;
};

G_DEFINE_FINAL_TYPE (CsSync, cs_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SERVER,
  PROP_STATUS,
  PROP_LAST_SYNC,
  PROP_PENDING_CHANGES,
  PROP_KEPT_CHANGES,
  PROP_LAST_ERROR,
  N_PROPS
};

enum {
  CONFLICT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void live_push (CsSync *self);
static void live_pull (CsSync *self);

/* State */

static void
set_status (CsSync       *self,
            CsSyncStatus  status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
update_pending (CsSync *self)
{
  gint64 pending = cs_store_count_outbox (self->store, NULL);

  if (pending < 0)
    return;
  /* what the last push kept back is not waiting for the server */
  pending = MAX (0, pending - self->kept);
  if (pending == self->pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_CHANGES]);
}

static void
set_kept (CsSync *self,
          gint64  kept)
{
  if (kept == self->kept)
    return;
  self->kept = kept;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_CHANGES]);
}

static void
set_last_error (CsSync     *self,
                const char *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
job_begin (CsSync *self)
{
  self->n_jobs++;
  set_status (self, self->connected_once ? CS_SYNC_STATUS_SYNCING : CS_SYNC_STATUS_CONNECTING);
}

static gboolean
retry_cb (gpointer data)
{
  CsSync *self = data;

  self->retry_timer = 0;
  live_push (self);
  live_pull (self);
  return G_SOURCE_REMOVE;
}

static void
job_end (CsSync       *self,
         const GError *error)
{
  self->n_jobs--;
  update_pending (self);

  if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->n_jobs == 0)
        set_status (self, self->connected_once ? CS_SYNC_STATUS_IDLE : CS_SYNC_STATUS_OFFLINE);
      return;
    }

  if (error && g_error_matches (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD))
    {
      /* Retrying cannot help until the administrator migrates the server: no retries, no
       * listening; an explicit push or pull asks again. */
      set_last_error (self, error->message);
      set_status (self, CS_SYNC_STATUS_STOPPED);
      if (!self->stopped)
        g_debug ("Sync stopped: %s", error->message);
      self->stopped = TRUE;
      g_clear_handle_id (&self->retry_timer, g_source_remove);
      g_clear_handle_id (&self->push_timer, g_source_remove);
      if (self->listener)
        cs_listener_stop (self->listener);
      return;
    }

  if (error)
    {
      set_last_error (self, error->message);
      set_status (self, CS_SYNC_STATUS_ERROR);
      if (self->live && !self->retry_timer)
        {
          g_debug ("Sync failed, retrying in %u ms: %s", self->retry_ms, error->message);
          self->retry_timer = g_timeout_add (self->retry_ms, retry_cb, self);
          self->retry_ms = MIN (self->retry_ms * 2, LAST_RETRY_MS);
        }
      return;
    }

  self->connected_once = TRUE;
  self->retry_ms = FIRST_RETRY_MS;
  if (self->stopped)
    {
      /* The server was updated: live again (the listener catches up once it listens). */
      self->stopped = FALSE;
      if (self->live && self->listener)
        cs_listener_start (self->listener);
    }
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  set_last_error (self, NULL);
  if (self->n_jobs == 0)
    set_status (self, CS_SYNC_STATUS_IDLE);
}

/* Conflicts: the server's version wins, the local one lives on as a copy. */

static gboolean
keep_local_copy (CsSync      *self,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(CsScenario) local = NULL;
  g_autoptr(CsScenario) copy = NULL;
  g_autofree char *title = NULL;
  g_autofree char *copy_title = NULL;
  g_autofree char *description = NULL;
  gboolean copied = FALSE;

  if (!(local = cs_store_load_scenario (self->store, id, error)) ||
      !(copy = cs_store_import_scenario (self->store, local, &copied, error)))
    return FALSE;
  g_assert (copied);

  title = g_strdup (cs_scenario_get_title (local));
  /* TRANSLATORS: the title of the local copy kept after a sync conflict */
  copy_title = g_strdup_printf (_("%s (your version)"), title);
  cs_scenario_set_title (copy, copy_title);
  if (!cs_store_save_scenario (self->store, copy, error))
    return FALSE;

  description = g_strdup_printf (_("“%s” was changed on another computer while you were editing it "
                                   "here. The other version is kept, and your changes are saved "
                                   "as “%s”."), title, copy_title);
  if (!cs_store_resolve_conflict (self->store, id, cs_record_get_id (CS_RECORD (copy)), description, error))
    return FALSE;

  g_signal_emit (self, signals[CONFLICT], 0, id, cs_record_get_id (CS_RECORD (copy)), description);
  return TRUE;
}

/* Push */

typedef struct {
  guint  n_sent;
  GStrv  forced;
} PushData;

static void
push_data_free (PushData *data)
{
  g_strfreev (data->forced);
  g_free (data);
}

static void
conflict_pull_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSync *self = g_task_get_source_object (task);
  PushData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  CsPullResult *pulled = NULL;

  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &pulled, &error))
    {
      job_end (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < pulled->applied->len; i++)
    cs_store_emit_scenario_changed (self->store, g_ptr_array_index (pulled->applied, i));
  cs_pull_result_free (pulled);

  job_end (self, NULL);
  g_task_return_int (task, data->n_sent);
}

static void
push_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSync *self = g_task_get_source_object (task);
  PushData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) forced = g_strv_builder_new ();
  CsPushResult *pushed = NULL;
  GCancellable *cancellable;
  CsPullJob *pull;

  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &pushed, &error))
    {
      job_end (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->n_sent = pushed->n_sent;
  /* with conflicts, their entries wait too, until they are kept as copies */
  set_kept (self, pushed->conflicts->len == 0 && pushed->n_listed > pushed->n_sent
                  ? pushed->n_listed - pushed->n_sent : 0);
  for (guint i = 0; i < pushed->conflicts->len; i++)
    {
      CsPushConflict *conflict = g_ptr_array_index (pushed->conflicts, i);

      if (!keep_local_copy (self, conflict->scenario_id, &error))
        break;
      g_strv_builder_add (forced, conflict->scenario_id);
    }
  cs_push_result_free (pushed);
  if (error)
    {
      job_end (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->forced = g_strv_builder_end (forced);
  if (!data->forced[0])
    {
      job_end (self, NULL);
      g_task_return_int (task, data->n_sent);
      return;
    }

  /* The server's version of each conflicting scenario replaces the local one now. */
  cancellable = g_task_get_cancellable (task);
  pull = g_new0 (CsPullJob, 1);
  pull->store = g_object_ref (self->store);
  pull->force = g_strdupv (data->forced);
  cs_server_run_async (self->server, cs_sync_pull_job, pull, (GDestroyNotify) cs_pull_job_free,
                       (GDestroyNotify) cs_pull_result_free, cancellable,
                       conflict_pull_done, g_steal_pointer (&task));
}

void
cs_sync_push_async (CsSync              *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task;
  CsPushJob *job;

  g_return_if_fail (CS_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_sync_push_async);
  g_task_set_task_data (task, g_new0 (PushData, 1), (GDestroyNotify) push_data_free);

  job = g_new0 (CsPushJob, 1);
  job->store = g_object_ref (self->store);
  job->hook = self->hook;
  job->hook_data = self->hook_data;
  job_begin (self);
  cs_server_run_async (self->server, cs_sync_push_job, job, (GDestroyNotify) cs_push_job_free,
                       (GDestroyNotify) cs_push_result_free, cancellable, push_done, task);
}

gboolean
cs_sync_push_finish (CsSync        *self,
                     GAsyncResult  *result,
                     guint         *n_sent,
                     GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (n_sent)
    *n_sent = (guint) value;
  return TRUE;
}

/* Pull */

static void
pull_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSync *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  CsPullResult *pulled = NULL;
  guint n_applied;

  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &pulled, &error))
    {
      job_end (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_applied = pulled->applied->len;
  for (guint i = 0; i < pulled->applied->len; i++)
    cs_store_emit_scenario_changed (self->store, g_ptr_array_index (pulled->applied, i));
  /* Scenarios with local changes were left alone: pushing them finds out about conflicts. */
  if (pulled->skipped->len > 0 && self->live)
    live_push (self);
  cs_pull_result_free (pulled);

  job_end (self, NULL);
  g_task_return_int (task, n_applied);
}

void
cs_sync_pull_async (CsSync              *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task;
  CsPullJob *job;

  g_return_if_fail (CS_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_sync_pull_async);

  job = g_new0 (CsPullJob, 1);
  job->store = g_object_ref (self->store);
  job_begin (self);
  cs_server_run_async (self->server, cs_sync_pull_job, job, (GDestroyNotify) cs_pull_job_free,
                       (GDestroyNotify) cs_pull_result_free, cancellable, pull_done, task);
}

gboolean
cs_sync_pull_finish (CsSync        *self,
                     GAsyncResult  *result,
                     guint         *n_applied,
                     GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (n_applied)
    *n_applied = (guint) value;
  return TRUE;
}

/* Live mode: one push and one pull at a time, again when asked meanwhile. */

static void
live_pull_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CsSync *self = CS_SYNC (source);

  cs_sync_pull_finish (self, result, NULL, NULL);
  self->pulling = FALSE;
  if (self->pull_again && self->live)
    {
      self->pull_again = FALSE;
      live_pull (self);
    }
}

static void
live_pull (CsSync *self)
{
  if (!self->live)
    return;
  if (self->pulling)
    {
      self->pull_again = TRUE;
      return;
    }
  self->pulling = TRUE;
  cs_sync_pull_async (self, NULL, live_pull_done, NULL);
}

static void
live_push_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CsSync *self = CS_SYNC (source);

  cs_sync_push_finish (self, result, NULL, NULL);
  self->pushing = FALSE;
  if (self->push_again && self->live)
    {
      self->push_again = FALSE;
      live_push (self);
    }
}

static void
live_push (CsSync *self)
{
  if (!self->live)
    return;
  if (self->pushing)
    {
      self->push_again = TRUE;
      return;
    }
  self->pushing = TRUE;
  cs_sync_push_async (self, NULL, live_push_done, NULL);
}

static gboolean
push_timer_cb (gpointer data)
{
  CsSync *self = data;

  self->push_timer = 0;
  live_push (self);
  return G_SOURCE_REMOVE;
}

static void
scenario_changed_cb (CsSync     *self,
                     const char *id,
                     CsStore    *store)
{
  update_pending (self);
  if (self->live && !self->stopped && self->pending > 0 && !self->push_timer)
    self->push_timer = g_timeout_add (PUSH_DELAY_MS, push_timer_cb, self);
}

/* Saved by the orchestrator on the main thread; marshalled here if not. */
static gboolean
run_saved_idle (gpointer data)
{
  CsSync *self = data;

  scenario_changed_cb (self, NULL, self->store);
  return G_SOURCE_REMOVE;
}

static void
run_saved_cb (CsSync     *self,
              const char *progress_id,
              CsStore    *store)
{
  if (g_main_context_is_owner (g_main_context_default ()))
    scenario_changed_cb (self, progress_id, store);
  else
    g_idle_add_full (G_PRIORITY_DEFAULT, run_saved_idle, g_object_ref (self), g_object_unref);
}

static void
server_changed_cb (CsSync     *self,
                   gint64      seq,
                   CsListener *listener)
{
  live_pull (self);
}

static void
listening_cb (CsSync     *self,
              GParamSpec *pspec,
              CsListener *listener)
{
  /* (Re)connected: catch up with what was missed while not listening. */
  if (cs_listener_get_listening (listener))
    {
      live_push (self);
      live_pull (self);
    }
}

void
cs_sync_set_listen_conninfo (CsSync     *self,
                             const char *conninfo)
{
  g_return_if_fail (CS_IS_SYNC (self));
  g_return_if_fail (self->listener == NULL);

  g_free (self->listen_conninfo);
  self->listen_conninfo = conninfo && *conninfo ? g_strdup (conninfo) : NULL;
}

void
cs_sync_start_live (CsSync *self)
{
  g_return_if_fail (CS_IS_SYNC (self));

  if (self->live)
    return;
  self->live = TRUE;
  if (!self->listener)
    {
      self->listener = cs_listener_new (self->listen_conninfo ? self->listen_conninfo
                                                              : cs_server_get_conninfo (self->server));
      g_signal_connect_object (self->listener, "changed", G_CALLBACK (server_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->listener, "notify::listening", G_CALLBACK (listening_cb), self,
                               G_CONNECT_SWAPPED);
    }
  cs_listener_start (self->listener);
}

void
cs_sync_stop_live (CsSync *self)
{
  g_return_if_fail (CS_IS_SYNC (self));

  self->live = FALSE;
  if (self->listener)
    cs_listener_stop (self->listener);
  g_clear_handle_id (&self->push_timer, g_source_remove);
  g_clear_handle_id (&self->retry_timer, g_source_remove);
}

/* GObject */

static void
cs_sync_constructed (GObject *object)
{
  CsSync *self = CS_SYNC (object);

  G_OBJECT_CLASS (cs_sync_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "scenario-changed", G_CALLBACK (scenario_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "run-saved", G_CALLBACK (run_saved_cb), self,
                           G_CONNECT_SWAPPED);
  self->pending = MAX (0, cs_store_count_outbox (self->store, NULL));
}

static void
cs_sync_dispose (GObject *object)
{
  CsSync *self = CS_SYNC (object);

  cs_sync_stop_live (self);
  g_clear_object (&self->listener);
  g_clear_object (&self->server);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_sync_parent_class)->dispose (object);
}

static void
cs_sync_finalize (GObject *object)
{
  CsSync *self = CS_SYNC (object);

  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_free (self->last_error);
  g_free (self->listen_conninfo);

  G_OBJECT_CLASS (cs_sync_parent_class)->finalize (object);
}

static void
cs_sync_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CsSync *self = CS_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_PENDING_CHANGES:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_KEPT_CHANGES:
      g_value_set_int64 (value, self->kept);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_sync_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CsSync *self = CS_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SERVER:
      self->server = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_sync_class_init (CsSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cs_sync_constructed;
  object_class->dispose = cs_sync_dispose;
  object_class->finalize = cs_sync_finalize;
  object_class->get_property = cs_sync_get_property;
  object_class->set_property = cs_sync_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, CS_TYPE_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CS_TYPE_SYNC_STATUS, CS_SYNC_STATUS_OFFLINE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_CHANGES] =
    g_param_spec_int64 ("pending-changes", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEPT_CHANGES] =
    g_param_spec_int64 ("kept-changes", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (original scenario id, id of the copy with the local changes, a sentence for the user) */
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cs_sync_init (CsSync *self)
{
  self->status = CS_SYNC_STATUS_OFFLINE;
  self->retry_ms = FIRST_RETRY_MS;
}

CsSync *
cs_sync_new (CsStore  *store,
             CsServer *server)
{
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  return g_object_new (CS_TYPE_SYNC, "store", store, "server", server, NULL);
}

CsStore *
cs_sync_get_store (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), NULL);
  return self->store;
}

CsServer *
cs_sync_get_server (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), NULL);
  return self->server;
}

const char *
cs_sync_get_listen_conninfo (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), NULL);
  return self->listen_conninfo;
}

CsSyncStatus
cs_sync_get_status (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), CS_SYNC_STATUS_OFFLINE);
  return self->status;
}

GDateTime *
cs_sync_get_last_sync (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), NULL);
  return self->last_sync;
}

gint64
cs_sync_get_kept_changes (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), 0);

  return self->kept;
}

gint64
cs_sync_get_pending_changes (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), 0);
  return self->pending;
}

const char *
cs_sync_get_last_error (CsSync *self)
{
  g_return_val_if_fail (CS_IS_SYNC (self), NULL);
  return self->last_error;
}

void
cs_sync_set_push_hook (CsSync         *self,
                       CsSyncPushHook  hook,
                       gpointer        user_data)
{
  g_return_if_fail (CS_IS_SYNC (self));

  self->hook = hook;
  self->hook_data = user_data;
}
