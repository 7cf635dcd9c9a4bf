/* cs-listener.c: LISTEN for changes on the server, on a dedicated connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "cs-listener.h"
#include "cs-server.h"

#define FIRST_RETRY_MS 1000
#define LAST_RETRY_MS  60000

struct _CsListener
{
  GObject       parent_instance;

  char         *conninfo;
  char         *channel;
  GMainContext *context;
  PGconn       *conn;
  GSource      *watch;
  guint         retry_id;
  guint         retry_ms;
  guint         generation;   /* bumped by stop: late connections are dropped */
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (CsListener, cs_listener, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  PROP_CHANNEL,
  PROP_LISTENING,
  N_PROPS
};

enum {
  CHANGED,
  NOTIFIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void listener_connect (CsListener *self);

static void
listener_close (CsListener *self)
{
  gboolean was_listening = self->conn != NULL;

  if (self->watch)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
  g_clear_pointer (&self->conn, PQfinish);
  if (was_listening)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

static gboolean
retry_cb (gpointer data)
{
  CsListener *self = data;

  self->retry_id = 0;
  listener_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (CsListener *self)
{
  GSource *source;

  if (!self->running || self->retry_id)
    return;
  source = g_timeout_source_new (self->retry_ms);
  g_source_set_callback (source, retry_cb, self, NULL);
  self->retry_id = g_source_attach (source, self->context);
  g_source_unref (source);
  self->retry_ms = MIN (self->retry_ms * 2, LAST_RETRY_MS);
}

static gint64
parse_seq (const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, payload, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (root), "seq", 0);
}

static gboolean
readable_cb (int           fd,
             GIOCondition  condition,
             gpointer      data)
{
  CsListener *self = data;
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  PGnotify *note;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_debug ("The LISTEN connection was lost: %s", PQerrorMessage (self->conn));
      g_clear_pointer (&self->watch, g_source_unref);
      listener_close (self);
      schedule_retry (self);
      return G_SOURCE_REMOVE;
    }

  while ((note = PQnotifies (self->conn)))
    {
      gint64 seq = parse_seq (note->extra);

      g_array_append_val (seqs, seq);
      g_ptr_array_add (payloads, g_strdup (note->extra));
      PQfreemem (note);
    }

  /* Emitted after reading everything: a handler may stop the listener. */
  g_object_ref (self);
  for (guint i = 0; i < seqs->len; i++)
    {
      g_signal_emit (self, signals[NOTIFIED], 0, g_ptr_array_index (payloads, i));
      g_signal_emit (self, signals[CHANGED], 0, g_array_index (seqs, gint64, i));
    }
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  char **what = data;  /* conninfo, channel */
  GError *error = NULL;
  PGconn *conn = cs_server_open_connection (what[0], &error);

  if (conn)
    {
      /* The channel is a plain lower-case name (cs_listener_new_for_channel checks). */
      g_autofree char *sql = g_strconcat ("LISTEN ", what[1], NULL);

      if (!cs_server_exec (conn, sql, &error))
        g_clear_pointer (&conn, PQfinish);
    }
  if (conn && PQsetnonblocking (conn, 1) != 0)
    g_clear_pointer (&conn, PQfinish);
  if (!conn)
    {
      if (!error)
        g_set_error_literal (&error, CS_SYNC_ERROR, CS_SYNC_ERROR_FAILED, "LISTEN failed");
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
}

static void
connect_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  CsListener *self = CS_LISTENER (source);
  g_autoptr(GError) error = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &error);

  if (GPOINTER_TO_UINT (data) != self->generation || !self->running)
    {
      g_clear_pointer (&conn, PQfinish);
      return;
    }
  if (!conn)
    {
      g_debug ("LISTEN connection failed: %s", error->message);
      schedule_retry (self);
      return;
    }

  self->conn = conn;
  self->retry_ms = FIRST_RETRY_MS;
  self->watch = g_unix_fd_source_new (PQsocket (conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->watch, G_SOURCE_FUNC (readable_cb), self, NULL);
  g_source_attach (self->watch, self->context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

static void
listener_connect (CsListener *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, connect_done, GUINT_TO_POINTER (self->generation));

  char *what[] = { self->conninfo, self->channel, NULL };

  g_task_set_task_data (task, g_strdupv (what), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, connect_thread);
}

/* GObject */

static void
cs_listener_dispose (GObject *object)
{
  cs_listener_stop (CS_LISTENER (object));

  G_OBJECT_CLASS (cs_listener_parent_class)->dispose (object);
}

static void
cs_listener_finalize (GObject *object)
{
  CsListener *self = CS_LISTENER (object);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->conninfo);
  g_free (self->channel);

  G_OBJECT_CLASS (cs_listener_parent_class)->finalize (object);
}

static void
cs_listener_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsListener *self = CS_LISTENER (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_value_set_string (value, self->conninfo);
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;
    case PROP_LISTENING:
      g_value_set_boolean (value, cs_listener_get_listening (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_listener_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsListener *self = CS_LISTENER (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      self->conninfo = g_value_dup_string (value);
      break;
    case PROP_CHANNEL:
      self->channel = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_listener_class_init (CsListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_listener_dispose;
  object_class->finalize = cs_listener_finalize;
  object_class->get_property = cs_listener_get_property;
  object_class->set_property = cs_listener_set_property;

  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, "cs_changes",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTENING] =
    g_param_spec_boolean ("listening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The payload of each notification, before "changed". */
  signals[NOTIFIED] = g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cs_listener_init (CsListener *self)
{
  self->retry_ms = FIRST_RETRY_MS;
}

CsListener *
cs_listener_new (const char *conninfo)
{
  return g_object_new (CS_TYPE_LISTENER, "conninfo", conninfo, NULL);
}

CsListener *
cs_listener_new_for_channel (const char *conninfo,
                             const char *channel)
{
  g_return_val_if_fail (channel && g_regex_match_simple ("^[a-z_][a-z0-9_]{0,62}$", channel, 0, 0), NULL);

  return g_object_new (CS_TYPE_LISTENER, "conninfo", conninfo, "channel", channel, NULL);
}

void
cs_listener_start (CsListener *self)
{
  g_return_if_fail (CS_IS_LISTENER (self));

  if (self->running)
    return;
  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  listener_connect (self);
}

void
cs_listener_stop (CsListener *self)
{
  g_return_if_fail (CS_IS_LISTENER (self));

  self->running = FALSE;
  self->generation++;
  if (self->retry_id)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->retry_id);

      if (source)
        g_source_destroy (source);
      self->retry_id = 0;
    }
  listener_close (self);
}

gboolean
cs_listener_get_listening (CsListener *self)
{
  g_return_val_if_fail (CS_IS_LISTENER (self), FALSE);

  return self->conn != NULL;
}
