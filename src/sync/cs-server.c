/* cs-server.c: a connection to the shared PostgreSQL server, owned by one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker's state (Worker) belongs to the worker thread, not to the CsServer: dispose
 * queues a "quit" job and lets the thread finish on its own, so the last reference to the
 * CsServer may be dropped on any thread, the worker's included.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-server.h"
#include "cs-server-schema.h"

#define RECONNECT_TRIES       5
#define RECONNECT_FIRST_DELAY (250 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  CsServerJobFunc func;     /* NULL: quit */
  gpointer        data;
  GDestroyNotify  data_destroy;
  GDestroyNotify  result_destroy;
  GTask          *task;
} Job;

typedef struct {
  GAsyncQueue *queue;
  char        *conninfo;
  PGconn      *conn;
  gboolean     schema_ok;  /* the server of this connection has this program's migrations */
} Worker;

struct _CsServer
{
  GObject      parent_instance;

  char        *conninfo;
  GAsyncQueue *queue;
  GThread     *thread;
};

G_DEFINE_FINAL_TYPE (CsServer, cs_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first line of a libpq message (the rest repeats it or guesses at causes). */
static char *
first_line (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message ? message : "", "\n", 2);

  return g_strstrip (g_strdup (lines[0] ? lines[0] : ""));
}

/* Connecting */

static void
log_notice (void       *data,
            const char *message)
{
  g_autofree char *text = g_strchomp (g_strdup (message));

  g_debug ("Server: %s", text);
}

PGconn *
cs_server_open_connection (const char  *conninfo,
                           GError     **error)
{
  /* Earlier keywords are defaults that the connection string overrides. */
  const char *keys[] = { "sslmode", "connect_timeout", "application_name", "dbname", NULL };
  const char *values[] = { g_getenv ("PGSSLMODE") ? g_getenv ("PGSSLMODE") : "prefer",
                           "10", "case-studio", conninfo ? conninfo : "", NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 1);
  g_autofree char *message = NULL;

  if (conn && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetNoticeProcessor (conn, log_notice, NULL);
      return conn;
    }

  message = first_line (conn ? PQerrorMessage (conn) : "out of memory");
  if (conn && (PQconnectionUsedPassword (conn) || PQconnectionNeedsPassword (conn)))
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_CREDENTIALS,
                 _("The server refused the user name or password. Check them and try again. (%s)"),
                 message);
  else
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_ADDRESS,
                 _("Cannot reach the server. Check the server address and port, and the "
                   "network connection. (%s)"), message);
  g_clear_pointer (&conn, PQfinish);
  return NULL;
}

char *
cs_server_dup_identity (PGconn *conn)
{
  return g_strdup_printf ("%s@%s:%s/%s", PQuser (conn), PQhost (conn), PQport (conn), PQdb (conn));
}

/* Errors */

gboolean
cs_server_check (PGconn    *conn,
                 PGresult  *result,
                 GError   **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *sqlstate;
  const char *message;
  g_autofree char *text = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  sqlstate = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  message = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  text = first_line (message ? message : PQerrorMessage (conn));

  if (PQstatus (conn) == CONNECTION_BAD ||
      (sqlstate && (g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P"))))
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_CONNECTION_LOST,
                 _("The connection to the server was lost (%s). Your changes are kept and "
                   "will be sent when the server is back."), text);
  else if (g_strcmp0 (sqlstate, "57014") == 0)
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_TIMEOUT,
                 _("The server took too long and stopped (%s). Your changes are kept and "
                   "will be sent again."), text);
  else if (sqlstate && g_str_has_prefix (sqlstate, "53"))
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_FULL,
                 _("The server has run out of room (%s). Your changes are kept here and will "
                   "be sent once its administrator has made space."), text);
  else if (g_strcmp0 (sqlstate, "42501") == 0)
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_DENIED,
                 _("The server does not allow this for your account (%s)."), text);
  else
    g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_FAILED,
                 _("The server reported an error: %s (%s)"), text, sqlstate ? sqlstate : "no SQLSTATE");
  return FALSE;
}

PGresult *
cs_server_query (PGconn             *conn,
                 const char         *sql,
                 int                 n_params,
                 const char * const *params,
                 GError            **error)
{
  PGresult *result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (!cs_server_check (conn, result, error))
    {
      g_clear_pointer (&result, PQclear);
      return NULL;
    }
  return result;
}

gboolean
cs_server_exec (PGconn      *conn,
                const char  *sql,
                GError     **error)
{
  PGresult *result = cs_server_query (conn, sql, 0, NULL, error);

  if (!result)
    return FALSE;
  PQclear (result);
  return TRUE;
}

/* The worker thread */

static void
job_free (Job *job)
{
  if (job->data_destroy)
    g_clear_pointer (&job->data, job->data_destroy);
  g_clear_object (&job->task);
  g_free (job);
}

/* Reconnects a broken connection, waiting 250 ms, 500 ms, 1 s, … between tries. */
static gboolean
worker_reconnect (Worker        *worker,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 delay = RECONNECT_FIRST_DELAY;

  for (guint attempt = 0; attempt < RECONNECT_TRIES; attempt++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      PQreset (worker->conn);
      if (PQstatus (worker->conn) == CONNECTION_OK)
        return TRUE;
      g_debug ("Reconnecting to the server failed, next try in %" G_GINT64_FORMAT " ms",
               delay / G_TIME_SPAN_MILLISECOND);
      g_usleep (delay);
      delay *= 2;
    }

  /* Start over next time, reporting why the server cannot be reached. */
  g_clear_pointer (&worker->conn, PQfinish);
  worker->conn = cs_server_open_connection (worker->conninfo, error);
  return worker->conn != NULL;
}

static gboolean
worker_connect (Worker        *worker,
                GCancellable  *cancellable,
                GError       **error)
{
  if (worker->conn && PQstatus (worker->conn) == CONNECTION_OK)
    return TRUE;
  worker->schema_ok = FALSE;
  if (worker->conn)
    return worker_reconnect (worker, cancellable, error);
  worker->conn = cs_server_open_connection (worker->conninfo, error);
  return worker->conn != NULL;
}

/* Connected to a server with the migrations of this program: asked again after each new
 * connection, and before each job while the answer is no (the administrator may have
 * migrated it meanwhile). */
static gboolean
worker_ensure_connection (Worker        *worker,
                          GCancellable  *cancellable,
                          GError       **error)
{
  if (!worker_connect (worker, cancellable, error))
    return FALSE;
  if (!worker->schema_ok)
    worker->schema_ok = cs_server_schema_check_client (worker->conn, error);
  return worker->schema_ok;
}

static void
worker_run (Worker *worker,
            Job    *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !worker_ensure_connection (worker, cancellable, &error) ||
      !job->func (worker->conn, job->data, &result, cancellable, &error))
    {
      if (!error)
        g_set_error_literal (&error, CS_SYNC_ERROR, CS_SYNC_ERROR_FAILED, _("Sync failed"));
      /* A broken connection is reset by the next job; a live one must not keep the
       * failed job's transaction. */
      if (worker->conn && PQstatus (worker->conn) == CONNECTION_OK &&
          PQtransactionStatus (worker->conn) != PQTRANS_IDLE)
        PQclear (PQexec (worker->conn, "ROLLBACK"));
      if (worker->conn && PQstatus (worker->conn) == CONNECTION_BAD &&
          !g_error_matches (error, CS_SYNC_ERROR, CS_SYNC_ERROR_CONNECTION_LOST) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          error->domain == CS_SYNC_ERROR && error->code == CS_SYNC_ERROR_FAILED)
        error->code = CS_SYNC_ERROR_CONNECTION_LOST;
      g_task_return_error (job->task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (job->task, result, job->result_destroy);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  Job *job;

  while ((job = g_async_queue_pop (worker->queue)))
    {
      gboolean quit = job->func == NULL;

      if (!quit)
        worker_run (worker, job);
      job_free (job);
      if (quit)
        break;
    }

  g_clear_pointer (&worker->conn, PQfinish);
  g_async_queue_unref (worker->queue);
  g_free (worker->conninfo);
  g_free (worker);
  return NULL;
}

/* GObject */

static void
cs_server_constructed (GObject *object)
{
  CsServer *self = CS_SERVER (object);
  Worker *worker = g_new0 (Worker, 1);

  G_OBJECT_CLASS (cs_server_parent_class)->constructed (object);

  self->queue = g_async_queue_new ();
  worker->queue = g_async_queue_ref (self->queue);
  worker->conninfo = g_strdup (self->conninfo);
  self->thread = g_thread_new ("cs-server", worker_thread, worker);
}

static void
cs_server_dispose (GObject *object)
{
  CsServer *self = CS_SERVER (object);

  if (self->thread)
    {
      g_async_queue_push (self->queue, g_new0 (Job, 1));
      g_clear_pointer (&self->thread, g_thread_unref);
    }

  G_OBJECT_CLASS (cs_server_parent_class)->dispose (object);
}

static void
cs_server_finalize (GObject *object)
{
  CsServer *self = CS_SERVER (object);

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_free (self->conninfo);

  G_OBJECT_CLASS (cs_server_parent_class)->finalize (object);
}

static void
cs_server_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsServer *self = CS_SERVER (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_value_set_string (value, self->conninfo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_server_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsServer *self = CS_SERVER (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      self->conninfo = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_server_class_init (CsServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cs_server_constructed;
  object_class->dispose = cs_server_dispose;
  object_class->finalize = cs_server_finalize;
  object_class->get_property = cs_server_get_property;
  object_class->set_property = cs_server_set_property;

  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_server_init (CsServer *self)
{
}

CsServer *
cs_server_new (const char *conninfo)
{
  return g_object_new (CS_TYPE_SERVER, "conninfo", conninfo, NULL);
}

const char *
cs_server_get_conninfo (CsServer *self)
{
  g_return_val_if_fail (CS_IS_SERVER (self), NULL);

  return self->conninfo;
}

void
cs_server_run_async (CsServer            *self,
                     CsServerJobFunc      func,
                     gpointer             data,
                     GDestroyNotify       data_destroy,
                     GDestroyNotify       result_destroy,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CS_IS_SERVER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_destroy = data_destroy;
  job->result_destroy = result_destroy;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cs_server_run_async);
  g_task_set_task_data (job->task, g_memdup2 (&result_destroy, sizeof result_destroy), g_free);
  g_async_queue_push (self->queue, job);
}

gboolean
cs_server_run_finish (CsServer      *self,
                      GAsyncResult  *result,
                      gpointer      *job_result,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (job_result)
    *job_result = value;
  else if (value)
    {
      GDestroyNotify *destroy = g_task_get_task_data (G_TASK (result));

      if (*destroy)
        (*destroy) (value);
    }
  return TRUE;
}

static gboolean
connect_job (PGconn        *conn,
             gpointer       data,
             gpointer      *result,
             GCancellable  *cancellable,
             GError       **error)
{
  return TRUE;
}

void
cs_server_connect_async (CsServer            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  cs_server_run_async (self, connect_job, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
cs_server_connect_finish (CsServer      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return cs_server_run_finish (self, result, NULL, error);
}
