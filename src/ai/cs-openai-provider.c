/* cs-openai-provider.c: a language model behind an OpenAI-compatible HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One operation is one GTask whose task data is a Call: the request, the form of the JSON
 * request being tried, the retry count, and the HTTP work of the current attempt. All the
 * work runs on the caller's thread-default main context. The HTTP work uses a cancellable
 * of its own, cancelled by the caller's cancellable or by a timeout, so that both abort
 * the request at once; call->timed_out tells them apart.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "cs-openai-protocol.h"
#include "cs-openai-provider.h"
#include "cs-sse-parser.h"

#define READ_SIZE         16384
#define MAX_BODY_SIZE     (16 * 1024 * 1024)
#define MAX_RETRY_AFTER_S 60
#define BACKOFF_BASE_MS   500
#define BACKOFF_MAX_MS    30000
#define MAX_CONNECTIONS   8

#define STATUS_TOO_MANY_REQUESTS 429 /* not in SoupStatus */

struct _CsOpenaiProvider
{
  GObject           parent_instance;

  SoupSession      *session;
  char             *base_url;
  char             *api_key;
  char             *model;
  guint             connect_timeout;
  guint             idle_timeout;
  guint             max_retries;
  CsOpenaiJsonMode  json_mode;        /* the first form of JSON request to try */
};

static void cs_openai_provider_iface_init (CsLlmProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsOpenaiProvider, cs_openai_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_LLM_PROVIDER,
                                                      cs_openai_provider_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_MODEL,
  PROP_CONNECT_TIMEOUT,
  PROP_IDLE_TIMEOUT,
  PROP_MAX_RETRIES,
  N_PROPS,
  PROP_NAME = N_PROPS,
  PROP_IS_OFFLINE,
};

static GParamSpec *properties[N_PROPS];

/* ---- one operation ------------------------------------------------------------------- */

typedef enum {
  CALL_CHAT,
  CALL_JSON,
  CALL_MODELS,
} CallKind;

typedef struct
{
  CallKind          kind;
  CsLlmRequest     *request;
  JsonNode         *schema;
  CsOpenaiJsonMode  mode;
  CsLlmDeltaFunc    delta_func;
  gpointer          delta_data;
  guint             retries;            /* done for the current form of the request */

  GCancellable     *caller_cancellable;
  gulong            cancelled_id;
  GCancellable     *cancellable;        /* of the HTTP work */
  gboolean          connecting;         /* the running timer is the connect timeout */
  gboolean          timed_out;
  guint             timeout;            /* seconds of the running timer */
  GSource          *timer;              /* a timeout, or the wait before a retry */
  GSource          *wait_cancel;        /* the caller cancelling a wait before a retry */

  SoupMessage      *message;
  GInputStream     *stream;
  gboolean          streaming;          /* server-sent events, not one JSON body */
  GByteArray       *body;
  CsSseParser      *parser;
  CsOpenaiAnswer   *answer;
} Call;

static void start_attempt (GTask *task);

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* Drops the HTTP work of the current attempt. The sources hold references on the task, so
 * callers hold one of their own. */
static void
stop_io (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  clear_source (&call->timer);
  clear_source (&call->wait_cancel);
  g_clear_object (&call->stream);
  if (call->message != NULL)
    g_signal_handlers_disconnect_by_data (call->message, task);
  g_clear_object (&call->message);
  g_clear_pointer (&call->body, g_byte_array_unref);
  g_clear_pointer (&call->parser, cs_sse_parser_free);
  g_clear_pointer (&call->answer, cs_openai_answer_free);
}

static void
call_free (gpointer data)
{
  Call *call = data;

  g_assert (call->timer == NULL && call->wait_cancel == NULL);

  if (call->caller_cancellable != NULL)
    g_cancellable_disconnect (call->caller_cancellable, call->cancelled_id);
  g_clear_object (&call->caller_cancellable);
  g_clear_object (&call->cancellable);
  g_clear_object (&call->request);
  g_clear_pointer (&call->schema, json_node_unref);
  g_clear_object (&call->stream);
  g_clear_object (&call->message);
  g_clear_pointer (&call->body, g_byte_array_unref);
  g_clear_pointer (&call->parser, cs_sse_parser_free);
  g_clear_pointer (&call->answer, cs_openai_answer_free);
  g_free (call);
}

static void
on_caller_cancelled (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static GTask *
new_call (CsOpenaiProvider    *self,
          CallKind             kind,
          CsLlmRequest        *request,
          JsonNode            *schema,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  call->kind = kind;
  call->request = request != NULL ? g_object_ref (request) : NULL;
  call->schema = schema != NULL ? json_node_ref (schema) : NULL;
  call->mode = kind == CALL_JSON ? self->json_mode : CS_OPENAI_JSON_NONE;
  call->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, call, call_free);

  if (cancellable != NULL)
    {
      call->caller_cancellable = g_object_ref (cancellable);
      call->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                  call->cancellable, NULL);
    }
  return task;
}

static char *
dup_name (CsOpenaiProvider *self)
{
  g_autoptr(GUri) uri = NULL;

  if (self->base_url == NULL || *self->base_url == '\0')
    return g_strdup (_("OpenAI-compatible server"));
  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (self->base_url);
  return g_strdup (g_uri_get_host (uri));
}

static void
return_error (GTask  *task,
              GError *error)
{
  stop_io (task);
  g_task_return_error (task, error);
}

/* Ends the operation after the HTTP work failed with @error (taken). */
static void
fail_io (GTask  *task,
         GError *error)
{
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *name = dup_name (self);
  g_autoptr(GError) cause = error;

  if (call->timed_out && call->connecting)
    error = g_error_new (CS_AI_ERROR, CS_AI_ERROR_TIMEOUT,
                         _("Could not connect to the language model server %s within %u s"),
                         name, call->timeout);
  else if (call->timed_out)
    error = g_error_new (CS_AI_ERROR, CS_AI_ERROR_TIMEOUT,
                         _("The language model server %s sent nothing for %u s"),
                         name, call->timeout);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_cancellable_is_cancelled (call->cancellable))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  else if (cause->domain == CS_AI_ERROR)
    error = g_steal_pointer (&cause);
  else
    error = g_error_new (CS_AI_ERROR, CS_AI_ERROR_NETWORK,
                         _("Could not talk to the language model server %s: %s"),
                         name, cause->message);
  return_error (task, error);
}

static gboolean
on_timeout (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  g_debug ("OpenAI request timed out after %u s", call->timeout);
  call->timed_out = TRUE;
  g_cancellable_cancel (call->cancellable);
  return G_SOURCE_REMOVE;
}

static void
arm_timer (GTask    *task,
           guint     seconds,
           gboolean  connecting)
{
  Call *call = g_task_get_task_data (task);

  clear_source (&call->timer);
  call->timeout = seconds;
  call->connecting = connecting;
  if (seconds == 0)
    return;
  call->timer = g_timeout_source_new (seconds * 1000);
  g_source_set_callback (call->timer, on_timeout, g_object_ref (task), g_object_unref);
  g_source_attach (call->timer, g_task_get_context (task));
}

/* ---- answers ------------------------------------------------------------------------- */

static void
finish_answer (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autoptr(CsOpenaiAnswer) answer = g_steal_pointer (&call->answer);
  GError *error = NULL;
  JsonNode *value;

  stop_io (task);
  if (!cs_openai_answer_has_content (answer))
    {
      g_task_return_new_error (task, CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE, "%s",
                               _("The server ended its answer before sending anything"));
      return;
    }
  if (call->kind == CALL_CHAT)
    {
      g_task_return_pointer (task, cs_openai_answer_to_result (answer), g_object_unref);
      return;
    }
  value = cs_openai_extract_json (cs_openai_answer_get_text (answer), &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, (GDestroyNotify) json_node_unref);
}

static void
read_next (GTask *task);

/* Handles the complete events of the stream; @ended when the stream is over. */
static void
take_events (GTask    *task,
             gboolean  ended)
{
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  char *data_ptr;

  while (cs_sse_parser_next (call->parser, NULL, &data_ptr))
    {
      g_autofree char *data = data_ptr;
      g_autofree char *delta = NULL;
      GError *error = NULL;

      if (g_cancellable_is_cancelled (call->cancellable))
        {
          fail_io (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
          return;
        }
      g_strstrip (data);
      if (g_str_equal (data, "[DONE]"))
        {
          ended = TRUE;
          break;
        }
      if (*data == '\0')
        continue;
      if (!cs_openai_answer_add_chunk (call->answer, data, &delta, &error))
        {
          return_error (task, error);
          return;
        }
      if (delta != NULL && call->delta_func != NULL)
        call->delta_func (CS_LLM_PROVIDER (self), delta, call->delta_data);
    }

  if (ended)
    finish_answer (task);
  else
    read_next (task);
}

/* Milliseconds to wait before retrying a 429 or 5xx answer, -1 when the server asks for
 * more than MAX_RETRY_AFTER_S. */
static gint64
retry_delay_ms (Call *call)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");
  guint64 seconds;
  guint backoff;

  if (retry_after != NULL &&
      g_ascii_string_to_unsigned (retry_after, 10, 0, G_MAXUINT, &seconds, NULL))
    return seconds > MAX_RETRY_AFTER_S ? -1 : (gint64) seconds * 1000;
  if (retry_after != NULL)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (retry_after);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (date != NULL)
        {
          GTimeSpan wait = MAX (g_date_time_difference (date, now), 0);

          return wait > MAX_RETRY_AFTER_S * G_TIME_SPAN_SECOND ? -1 : wait / 1000;
        }
    }

  backoff = MIN ((guint) BACKOFF_BASE_MS << MIN (call->retries, 16u), (guint) BACKOFF_MAX_MS);
  return backoff / 2 + g_random_int_range (0, backoff / 2 + 1);
}

static gboolean
on_retry_due (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Call *call = g_task_get_task_data (task);

  clear_source (&call->timer);
  clear_source (&call->wait_cancel);
  start_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);

  fail_io (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
  return G_SOURCE_REMOVE;
}

static void
wait_and_retry (GTask  *task,
                gint64  delay_ms)
{
  Call *call = g_task_get_task_data (task);

  g_debug ("Retrying the OpenAI request in %" G_GINT64_FORMAT " ms", delay_ms);
  stop_io (task);
  call->retries++;
  call->timer = g_timeout_source_new ((guint) delay_ms);
  g_source_set_callback (call->timer, on_retry_due, g_object_ref (task), g_object_unref);
  g_source_attach (call->timer, g_task_get_context (task));
  call->wait_cancel = g_cancellable_source_new (call->cancellable);
  g_source_set_callback (call->wait_cancel, G_SOURCE_FUNC (on_wait_cancelled),
                         g_object_ref (task), g_object_unref);
  g_source_attach (call->wait_cancel, g_task_get_context (task));
}

/* A whole body arrived: a non-streamed answer, a list of models, or an HTTP error. */
static void
take_body (GTask *task)
{
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  guint status = soup_message_get_status (call->message);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&call->body));
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (status) && call->kind == CALL_MODELS)
    {
      char **models = cs_openai_parse_models (body, &error);

      stop_io (task);
      if (models == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, models, (GDestroyNotify) g_strfreev);
      return;
    }
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *text;

      if (!cs_openai_answer_set_response (call->answer, body, &error))
        {
          return_error (task, error);
          return;
        }
      text = cs_openai_answer_get_text (call->answer);
      if (*text != '\0' && call->delta_func != NULL)
        call->delta_func (CS_LLM_PROVIDER (self), text, call->delta_data);
      finish_answer (task);
      return;
    }

  message = cs_openai_dup_error_message (body);
  g_debug ("OpenAI request failed with HTTP %u: %s", status, message);

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      cs_ai_set_error_with_status (&error, CS_AI_ERROR_AUTH, status,
                                   _("The server refused the API key (HTTP %u): %s"),
                                   status, message);
      return_error (task, error);
      return;
    }
  if (call->kind == CALL_JSON && call->mode < CS_OPENAI_JSON_PROMPT &&
      cs_openai_rejects_response_format (status, body))
    {
      call->mode++;
      call->retries = 0;
      self->json_mode = MAX (self->json_mode, call->mode);
      g_debug ("The server refused the response format; trying form %d", call->mode);
      stop_io (task);
      start_attempt (task);
      return;
    }
  if ((status == STATUS_TOO_MANY_REQUESTS || status >= 500) &&
      call->retries < self->max_retries)
    {
      gint64 delay_ms = retry_delay_ms (call);

      if (delay_ms >= 0)
        {
          wait_and_retry (task, delay_ms);
          return;
        }
    }

  if (status == STATUS_TOO_MANY_REQUESTS)
    cs_ai_set_error_with_status (&error, CS_AI_ERROR_RATE_LIMITED, status,
                                 _("The server is limiting requests; try again later: %s"),
                                 message);
  else
    cs_ai_set_error_with_status (&error, CS_AI_ERROR_HTTP, status,
                                 _("The server answered HTTP %u %s: %s"), status,
                                 soup_status_get_phrase (status), message);
  return_error (task, error);
}

/* ---- HTTP ---------------------------------------------------------------------------- */

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                               &error);
  gsize size = 0;
  const guint8 *data;

  if (bytes == NULL)
    {
      fail_io (task, error);
      return;
    }
  arm_timer (task, self->idle_timeout, FALSE);
  data = g_bytes_get_data (bytes, &size);

  if (call->streaming)
    {
      if (size == 0)
        cs_sse_parser_end (call->parser);
      else
        cs_sse_parser_feed (call->parser, (const char *) data, size);
      take_events (task, size == 0);
      return;
    }
  if (size == 0)
    {
      take_body (task);
      return;
    }
  if (call->body->len + size > MAX_BODY_SIZE)
    {
      return_error (task, g_error_new (CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE,
                                       _("The server's answer is larger than %d MB"),
                                       MAX_BODY_SIZE / (1024 * 1024)));
      return;
    }
  g_byte_array_append (call->body, data, size);
  read_next (task);
}

static void
read_next (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (call->stream, READ_SIZE, G_PRIORITY_DEFAULT,
                                   call->cancellable, on_read, g_object_ref (task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  GInputStream *stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  const char *content_type;
  guint status;

  if (stream == NULL)
    {
      fail_io (task, error);
      return;
    }
  call->stream = stream;
  arm_timer (task, self->idle_timeout, FALSE);

  status = soup_message_get_status (call->message);
  content_type = soup_message_headers_get_content_type (
    soup_message_get_response_headers (call->message), NULL);
  g_debug ("OpenAI server answered HTTP %u (%s)", status, content_type);

  /* A server that ignores "stream": true answers with one JSON body. */
  call->streaming = SOUP_STATUS_IS_SUCCESSFUL (status) && call->kind != CALL_MODELS &&
                    g_strcmp0 (content_type, "application/json") != 0;
  read_next (task);
}

static void
on_wrote_body (SoupMessage *message,
               gpointer     user_data)
{
  GTask *task = user_data;
  CsOpenaiProvider *self = g_task_get_source_object (task);

  /* Connected and sent: from now on only the server's silence counts. */
  arm_timer (task, self->idle_timeout, FALSE);
}

static void
start_attempt (GTask *task)
{
  CsOpenaiProvider *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  const char *path = call->kind == CALL_MODELS ? "/models" : "/chat/completions";
  g_autofree char *url = g_strconcat (self->base_url != NULL ? self->base_url : "", path, NULL);
  SoupMessageHeaders *headers;

  call->message = soup_message_new (call->kind == CALL_MODELS ? "GET" : "POST", url);
  if (call->message == NULL)
    {
      return_error (task, g_error_new (CS_AI_ERROR, CS_AI_ERROR_NETWORK,
                                       _("“%s” is not a valid server address"),
                                       self->base_url != NULL ? self->base_url : ""));
      return;
    }
  headers = soup_message_get_request_headers (call->message);
  if (call->kind == CALL_MODELS)
    soup_message_headers_replace (headers, "Accept", "application/json");
  else
    {
      g_autoptr(GBytes) body = cs_openai_build_chat_body (call->request, self->model,
                                                         call->mode, call->schema);

      soup_message_set_request_body_from_bytes (call->message, "application/json", body);
      soup_message_headers_replace (headers, "Accept", "text/event-stream, application/json");
    }
  if (self->api_key != NULL && *self->api_key != '\0')
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->api_key, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }

  call->body = g_byte_array_new ();
  call->parser = cs_sse_parser_new ();
  call->answer = cs_openai_answer_new ();
  g_debug ("%s %s (retry %u)", soup_message_get_method (call->message), url, call->retries);

  g_signal_connect (call->message, "wrote-body", G_CALLBACK (on_wrote_body), task);
  arm_timer (task, self->connect_timeout, TRUE);
  soup_session_send_async (self->session, call->message, G_PRIORITY_DEFAULT, call->cancellable,
                           on_sent, g_object_ref (task));
}

/* ---- CsLlmProvider ------------------------------------------------------------------- */

static void
cs_openai_provider_chat_async (CsLlmProvider       *provider,
                               CsLlmRequest        *request,
                               CsLlmDeltaFunc       delta_func,
                               gpointer             delta_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = new_call (CS_OPENAI_PROVIDER (provider), CALL_CHAT, request, NULL,
                                    cancellable, callback, user_data,
                                    cs_openai_provider_chat_async);
  Call *call = g_task_get_task_data (task);

  call->delta_func = delta_func;
  call->delta_data = delta_data;
  start_attempt (task);
}

static CsLlmResult *
cs_openai_provider_chat_finish (CsLlmProvider  *provider,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_openai_provider_chat_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cs_openai_provider_complete_json_async (CsLlmProvider       *provider,
                                        CsLlmRequest        *request,
                                        JsonNode            *schema,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = new_call (CS_OPENAI_PROVIDER (provider), CALL_JSON, request, schema,
                                    cancellable, callback, user_data,
                                    cs_openai_provider_complete_json_async);

  start_attempt (task);
}

static JsonNode *
cs_openai_provider_complete_json_finish (CsLlmProvider  *provider,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_openai_provider_complete_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cs_openai_provider_list_models_async (CsLlmProvider       *provider,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = new_call (CS_OPENAI_PROVIDER (provider), CALL_MODELS, NULL, NULL,
                                    cancellable, callback, user_data,
                                    cs_openai_provider_list_models_async);

  start_attempt (task);
}

static char **
cs_openai_provider_list_models_finish (CsLlmProvider  *provider,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_openai_provider_list_models_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cs_openai_provider_iface_init (CsLlmProviderInterface *iface)
{
  iface->chat_async = cs_openai_provider_chat_async;
  iface->chat_finish = cs_openai_provider_chat_finish;
  iface->complete_json_async = cs_openai_provider_complete_json_async;
  iface->complete_json_finish = cs_openai_provider_complete_json_finish;
  iface->list_models_async = cs_openai_provider_list_models_async;
  iface->list_models_finish = cs_openai_provider_list_models_finish;
}

/* ---- GObject ------------------------------------------------------------------------- */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_base_url (CsOpenaiProvider *self,
              const char       *base_url)
{
  g_autofree char *trimmed = g_strdup (base_url);

  if (trimmed != NULL)
    {
      g_strstrip (trimmed);
      while (g_str_has_suffix (trimmed, "/"))
        trimmed[strlen (trimmed) - 1] = '\0';
    }
  if (!set_string (&self->base_url, trimmed))
    return;
  self->json_mode = CS_OPENAI_JSON_SCHEMA;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
  g_object_notify (G_OBJECT (self), "name");
}

static void
set_uint (CsOpenaiProvider *self,
          guint            *field,
          guint             value,
          guint             prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cs_openai_provider_dispose (GObject *object)
{
  CsOpenaiProvider *self = CS_OPENAI_PROVIDER (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (cs_openai_provider_parent_class)->dispose (object);
}

static void
cs_openai_provider_finalize (GObject *object)
{
  CsOpenaiProvider *self = CS_OPENAI_PROVIDER (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->model, g_free);

  G_OBJECT_CLASS (cs_openai_provider_parent_class)->finalize (object);
}

static void
cs_openai_provider_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsOpenaiProvider *self = CS_OPENAI_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_API_KEY:
      g_value_set_string (value, self->api_key);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout);
      break;
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;
    case PROP_NAME:
      g_value_take_string (value, dup_name (self));
      break;
    case PROP_IS_OFFLINE:
      g_value_set_boolean (value, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_openai_provider_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsOpenaiProvider *self = CS_OPENAI_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      set_base_url (self, g_value_get_string (value));
      break;
    case PROP_API_KEY:
      if (set_string (&self->api_key, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_MODEL:
      if (set_string (&self->model, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CONNECT_TIMEOUT:
      set_uint (self, &self->connect_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_IDLE_TIMEOUT:
      set_uint (self, &self->idle_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_MAX_RETRIES:
      set_uint (self, &self->max_retries, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_openai_provider_class_init (CsOpenaiProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_openai_provider_dispose;
  object_class->finalize = cs_openai_provider_finalize;
  object_class->get_property = cs_openai_provider_get_property;
  object_class->set_property = cs_openai_provider_set_property;

  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, flags);
  properties[PROP_API_KEY] = g_param_spec_string ("api-key", NULL, NULL, NULL, flags);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, flags);
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL, 0, 3600, 15, flags | G_PARAM_CONSTRUCT);
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL, 0, 3600, 60, flags | G_PARAM_CONSTRUCT);
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 10, 3, flags | G_PARAM_CONSTRUCT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_NAME, "name");
  g_object_class_override_property (object_class, PROP_IS_OFFLINE, "is-offline");
}

static void
cs_openai_provider_init (CsOpenaiProvider *self)
{
  /* Timeouts are the provider's own (a queued request must not time out while it waits
   * for a connection, hence room for several answers streaming at once). */
  self->session = soup_session_new_with_options ("timeout", 0,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 NULL);
  self->json_mode = CS_OPENAI_JSON_SCHEMA;
}

CsOpenaiProvider *
cs_openai_provider_new (const char *base_url,
                        const char *api_key,
                        const char *model)
{
  return g_object_new (CS_TYPE_OPENAI_PROVIDER,
                       "base-url", base_url,
                       "api-key", api_key,
                       "model", model,
                       NULL);
}
