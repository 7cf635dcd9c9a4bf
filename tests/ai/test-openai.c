/* test-openai.c: the OpenAI-compatible provider against a fake SoupServer, the SSE parser
 * and the JSON Schema validator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "cs-json-schema.h"
#include "cs-llm-provider.h"
#include "cs-openai-protocol.h"
#include "cs-openai-provider.h"
#include "cs-sse-parser.h"

#define PIECE_DELAY_MS 15

static char *test_dir;

/* ---- the fake server --------------------------------------------------------------- */

/* One scripted answer. The body is sent in its pieces, PIECE_DELAY_MS apart, with chunked
 * encoding (one piece and no hang: a plain body with Content-Length). */
typedef struct
{
  guint        status;
  const char  *content_type;    /* NULL: text/event-stream */
  const char  *retry_after;
  const char  *pieces[10];
  gboolean     hang;            /* never end the body */
  gboolean     ping;            /* while hanging, send a ": ping" comment every piece delay */
} Reply;

typedef struct
{
  char   *method;
  char   *path;
  char   *body;
  char   *authorization;
  gint64  time;
} Seen;

typedef struct
{
  SoupServer *server;
  char       *base_url;
  GQueue      replies;          /* of const Reply * */
  GPtrArray  *seen;             /* of Seen */
  gboolean    disconnected;     /* a client went away before the end of a body */
} Fake;

typedef struct
{
  Fake              *fake;
  SoupServerMessage *msg;
  const Reply       *reply;
  guint              next;      /* next piece */
  guint              source;
  gboolean           over;
} Sending;

static void
seen_free (gpointer data)
{
  Seen *seen = data;

  g_free (seen->method);
  g_free (seen->path);
  g_free (seen->body);
  g_free (seen->authorization);
  g_free (seen);
}

static void
sending_free (gpointer data)
{
  Sending *sending = data;

  g_clear_handle_id (&sending->source, g_source_remove);
  g_free (sending);
}

static gboolean
body_complete (Sending *sending)
{
  return !sending->reply->hang && sending->reply->pieces[sending->next] == NULL;
}

static void
on_message_over (SoupServerMessage *msg,
                 Sending           *sending)
{
  if (sending->over)
    return;
  sending->over = TRUE;
  g_clear_handle_id (&sending->source, g_source_remove);
  if (!body_complete (sending))
    sending->fake->disconnected = TRUE;
}

static gboolean
send_next_piece (gpointer user_data)
{
  Sending *sending = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (sending->msg);
  const char *piece = sending->reply->pieces[sending->next];

  if (piece != NULL)
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, piece, strlen (piece));
      sending->next++;
    }
  else if (sending->reply->ping)
    soup_message_body_append (body, SOUP_MEMORY_STATIC, ": ping\n\n", 8);

  if (body_complete (sending))
    {
      soup_message_body_complete (body);
      sending->source = 0;
    }
  soup_server_message_unpause (sending->msg);
  return sending->source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fake *fake = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  const Reply *reply = g_queue_pop_head (&fake->replies);
  Seen *seen = g_new0 (Seen, 1);
  const char *content_type;
  Sending *sending;

  seen->method = g_strdup (soup_server_message_get_method (msg));
  seen->path = g_strdup (path);
  seen->body = g_strndup (request_body->data, request_body->length);
  seen->authorization = g_strdup (soup_message_headers_get_one (request_headers,
                                                                "Authorization"));
  seen->time = g_get_monotonic_time ();
  g_ptr_array_add (fake->seen, seen);

  if (reply == NULL)
    {
      soup_server_message_set_status (msg, 500, "No scripted reply");
      return;
    }
  content_type = reply->content_type != NULL ? reply->content_type : "text/event-stream";
  soup_server_message_set_status (msg, reply->status, NULL);
  if (reply->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", reply->retry_after);

  if (reply->pieces[1] == NULL && !reply->hang)
    {
      soup_server_message_set_response (msg, content_type, SOUP_MEMORY_STATIC,
                                        reply->pieces[0], strlen (reply->pieces[0]));
      return;
    }

  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, content_type, NULL);
  sending = g_new0 (Sending, 1);
  sending->fake = fake;
  sending->msg = msg;
  sending->reply = reply;
  g_object_set_data_full (G_OBJECT (msg), "sending", sending, sending_free);
  g_signal_connect (msg, "finished", G_CALLBACK (on_message_over), sending);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_message_over), sending);
  send_next_piece (sending);
  if (!body_complete (sending))
    sending->source = g_timeout_add (PIECE_DELAY_MS, send_next_piece, sending);
}

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->server = soup_server_new (NULL, NULL);
  fake->seen = g_ptr_array_new_with_free_func (seen_free);
  g_queue_init (&fake->replies);
  soup_server_add_handler (fake->server, NULL, handle, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  g_assert_nonnull (uris);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return fake;
}

static void
fake_free (Fake *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (fake->seen);
  g_queue_clear (&fake->replies);
  g_free (fake->base_url);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

static Fake *
fake_new_with (const Reply *replies,
               guint        n_replies)
{
  Fake *fake = fake_new ();

  for (guint i = 0; i < n_replies; i++)
    g_queue_push_tail (&fake->replies, (gpointer) &replies[i]);
  return fake;
}

static Seen *
seen (Fake  *fake,
      guint  index)
{
  g_assert_cmpuint (index, <, fake->seen->len);
  return g_ptr_array_index (fake->seen, index);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* ---- running the provider ---------------------------------------------------------- */

typedef struct
{
  GPtrArray   *deltas;          /* of char * */
  GAsyncResult *result;
  GCancellable *cancel_on_delta;
  gint64        cancelled_at;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->deltas, g_ptr_array_unref);
  g_clear_object (&run->result);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
on_delta (CsLlmProvider *provider,
          const char    *delta,
          gpointer       user_data)
{
  Run *run = user_data;

  g_assert_null (run->result);
  g_ptr_array_add (run->deltas, g_strdup (delta));
  if (run->cancel_on_delta != NULL && run->cancelled_at == 0)
    {
      run->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (run->cancel_on_delta);
    }
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
}

static void
wait_for (Run *run)
{
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static CsLlmProvider *
provider_for (Fake       *fake,
              const char *api_key)
{
  return CS_LLM_PROVIDER (cs_openai_provider_new (fake->base_url, api_key, "test-model"));
}

static CsLlmRequest *
simple_request (void)
{
  CsLlmRequest *request = cs_llm_request_new ();

  cs_llm_request_add_message (request, CS_LLM_ROLE_SYSTEM, "You are Ana Ruiz.");
  cs_llm_request_add_message (request, CS_LLM_ROLE_USER, "Hello?");
  return request;
}

/* Runs a chat against @fake; returns the result or NULL with @error set. */
static CsLlmResult *
chat (CsLlmProvider  *provider,
      GCancellable   *cancel_on_delta,
      GPtrArray     **deltas,
      GError        **error)
{
  g_auto(Run) run = { g_ptr_array_new_with_free_func (g_free), NULL, cancel_on_delta, 0 };
  g_autoptr(CsLlmRequest) request = simple_request ();
  CsLlmResult *result;

  cs_llm_provider_chat_async (provider, request, on_delta, &run, cancel_on_delta, on_done,
                              &run);
  wait_for (&run);
  result = cs_llm_provider_chat_finish (provider, run.result, error);
  if (deltas != NULL)
    *deltas = g_ptr_array_ref (run.deltas);
  return result;
}

static char *
joined (GPtrArray *deltas)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < deltas->len; i++)
    g_string_append (text, g_ptr_array_index (deltas, i));
  return g_string_free (text, FALSE);
}

#define CHUNK(text) \
  "{\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" text "\"}}]}"
#define STOP_CHUNK "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]," \
                   "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}"

/* ---- chat streaming ---------------------------------------------------------------- */

static void
test_chat_stream (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { "data: " CHUNK ("Hel") "\n\n", "data: " CHUNK ("lo") "\n\n",
                         "data: " CHUNK (" world") "\n\n", "data: " STOP_CHUNK "\n\n",
                         "data: [DONE]\n\n" } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, "");
  g_autoptr(GPtrArray) deltas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, &deltas, &error);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  JsonArray *messages;

  g_assert_no_error (error);
  g_assert_cmpuint (deltas->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (deltas, 0), ==, "Hel");
  g_assert_cmpstr (g_ptr_array_index (deltas, 1), ==, "lo");
  g_assert_cmpstr (g_ptr_array_index (deltas, 2), ==, " world");
  text = joined (deltas);
  g_assert_cmpstr (text, ==, "Hello world");
  g_assert_cmpstr (cs_llm_result_get_text (result), ==, "Hello world");
  g_assert_cmpstr (cs_llm_result_get_finish_reason (result), ==, "stop");
  g_assert_cmpstr (cs_llm_result_get_model (result), ==, "m1");
  g_assert_cmpint (cs_llm_result_get_prompt_tokens (result), ==, 5);
  g_assert_cmpint (cs_llm_result_get_completion_tokens (result), ==, 3);

  g_assert_cmpuint (fake->seen->len, ==, 1);
  g_assert_cmpstr (seen (fake, 0)->method, ==, "POST");
  g_assert_cmpstr (seen (fake, 0)->path, ==, "/v1/chat/completions");
  body = parse (seen (fake, 0)->body);
  object = json_node_get_object (body);
  g_assert_true (json_object_get_boolean_member (object, "stream"));
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "test-model");
  g_assert_false (json_object_has_member (object, "response_format"));
  g_assert_false (json_object_has_member (object, "temperature"));
  messages = json_object_get_array_member (object, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0),
                                                  "role"), ==, "system");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 1),
                                                  "content"), ==, "Hello?");
  g_assert_false (fake->disconnected);
}

typedef struct
{
  const char *name;
  Reply       reply;
  const char *text;             /* NULL: an error is expected */
  CsAiError   code;
  const char *message_part;
} StreamCase;

static const StreamCase stream_cases[] = {
  { "no-space", { 200, NULL, NULL, { "data:" CHUNK ("a") "\n\ndata:" CHUNK ("b") "\n\n",
                                     "data:[DONE]\n\n" } }, "ab" },
  { "comments", { 200, NULL, NULL, { ": keep-alive\n\n", "data: " CHUNK ("a") "\n: x\n\n",
                                     ":\n\nevent: message\nid: 7\ndata: " CHUNK ("b") "\n\n",
                                     "data: [DONE]\n\n" } }, "ab" },
  { "multi-line", { 200, NULL, NULL, { "data: {\"choices\":\ndata: [{\"delta\":\n"
                                       "data: {\"content\":\"a\\nb\"}}]}\n\n",
                                       "data: [DONE]\n\n" } }, "a\nb" },
  { "crlf", { 200, NULL, NULL, { "data: " CHUNK ("a") "\r\n\r\ndata: " CHUNK ("b") "\r\n\r\n",
                                 "data: [DONE]\r\n\r\n" } }, "ab" },
  { "split", { 200, NULL, NULL, { "da", "ta: {\"choices\":[{\"delta\":{\"cont", "ent\":\"a\"}}]}",
                                  "\r", "\n\r", "\ndata: " CHUNK ("b") "\n", "\n",
                                  "data: [DO", "NE]\n\n" } }, "ab" },
  { "no-done", { 200, NULL, NULL, { "data: " CHUNK ("a") "\n\n", "data: " CHUNK ("b") } }, "ab" },
  { "error-chunk", { 200, NULL, NULL, { "data: " CHUNK ("a") "\n\n",
                                        "data: {\"error\":{\"message\":\"model overloaded\","
                                        "\"type\":\"server_error\"}}\n\n" } },
    NULL, CS_AI_ERROR_SERVER_ERROR_CHUNK, "model overloaded" },
  { "bad-json", { 200, NULL, NULL, { "data: " CHUNK ("a") "\n\n", "data: {\"choices\n\n" } },
    NULL, CS_AI_ERROR_BAD_RESPONSE, "not a JSON object" },
  { "empty", { 200, NULL, NULL, { ": nothing\n\n", "" } },
    NULL, CS_AI_ERROR_BAD_RESPONSE, "before sending anything" },
  { "non-streaming", { 200, "application/json", NULL,
                       { "{\"id\":\"x\",\"model\":\"m2\",\"choices\":[{\"index\":0,\"message\":"
                         "{\"role\":\"assistant\",\"content\":\"Whole answer\"},"
                         "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":9,"
                         "\"completion_tokens\":2,\"total_tokens\":11}}" } },
    "Whole answer" },
};

static void
test_stream_case (gconstpointer data)
{
  const StreamCase *test = data;
  g_autoptr(Fake) fake = fake_new_with (&test->reply, 1);
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GPtrArray) deltas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, &deltas, &error);
  g_autofree char *text = joined (deltas);

  g_assert_cmpuint (fake->seen->len, ==, 1);
  if (test->text == NULL)
    {
      g_assert_error (error, CS_AI_ERROR, (int) test->code);
      g_assert_nonnull (strstr (error->message, test->message_part));
      g_assert_null (result);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (cs_llm_result_get_text (result), ==, test->text);
  g_assert_cmpstr (text, ==, test->text);
  if (g_str_equal (test->name, "non-streaming"))
    {
      g_assert_cmpuint (deltas->len, ==, 1);
      g_assert_cmpstr (cs_llm_result_get_finish_reason (result), ==, "length");
      g_assert_cmpstr (cs_llm_result_get_model (result), ==, "m2");
      g_assert_cmpint (cs_llm_result_get_prompt_tokens (result), ==, 9);
      g_assert_cmpint (cs_llm_result_get_completion_tokens (result), ==, 2);
    }
  else
    {
      g_assert_cmpint (cs_llm_result_get_prompt_tokens (result), ==, -1);
    }
}

/* ---- retries, errors, cancel, timeout ---------------------------------------------- */

#define SHORT_ANSWER { "data: " CHUNK ("ok") "\n\ndata: [DONE]\n\n" }

static void
test_retry_after (void)
{
  static const Reply replies[] = {
    { 429, "application/json", "1", { "{\"error\":{\"message\":\"slow down\"}}" } },
    { 200, NULL, NULL, SHORT_ANSWER },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cs_llm_result_get_text (result), ==, "ok");
  g_assert_cmpuint (fake->seen->len, ==, 2);
  g_assert_cmpint (seen (fake, 1)->time - seen (fake, 0)->time, >=, G_USEC_PER_SEC);
  g_assert_cmpint (seen (fake, 1)->time - seen (fake, 0)->time, <, 3 * G_USEC_PER_SEC);
}

static void
test_rate_limited (void)
{
  static const Reply replies[] = {
    { 429, "application/json", "3600", { "{\"error\":{\"message\":\"quota used up\"}}" } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, NULL, &error);

  /* Retry-After beyond a minute: fail now rather than hang for an hour. */
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "quota used up"));
  g_assert_cmpuint (cs_ai_error_get_http_status (error), ==, 429);
  g_assert_cmpuint (fake->seen->len, ==, 1);
}

static void
test_server_errors (void)
{
  static const Reply replies[] = {
    { 500, "text/plain", NULL, { "boom" } },
    { 503, "text/plain", NULL, { "busy" } },
    { 200, NULL, NULL, SHORT_ANSWER },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cs_llm_result_get_text (result), ==, "ok");
  g_assert_cmpuint (fake->seen->len, ==, 3);
  /* Backoff with jitter: 0.25–0.5 s, then 0.5–1 s. */
  g_assert_cmpint (seen (fake, 1)->time - seen (fake, 0)->time, >=, G_USEC_PER_SEC / 4);
  g_assert_cmpint (seen (fake, 2)->time - seen (fake, 1)->time, >=, G_USEC_PER_SEC / 2);
}

static void
test_server_errors_exhausted (void)
{
  static const Reply replies[] = {
    { 502, "text/plain", NULL, { "bad gateway" } },
    { 502, "text/plain", NULL, { "bad gateway" } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = NULL;

  g_object_set (provider, "max-retries", 1, NULL);
  result = chat (provider, NULL, NULL, &error);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_HTTP);
  g_assert_cmpuint (cs_ai_error_get_http_status (error), ==, 502);
  g_assert_cmpuint (fake->seen->len, ==, 2);
}

static void
test_auth (void)
{
  static const Reply replies[] = {
    { 401, "application/json", NULL, { "{\"error\":{\"message\":\"Incorrect API key\"}}" } },
    { 200, NULL, NULL, SHORT_ANSWER },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, "sk-wrong");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = chat (provider, NULL, NULL, &error);

  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_AUTH);
  g_assert_cmpuint (cs_ai_error_get_http_status (error), ==, 401);
  g_assert_nonnull (strstr (error->message, "Incorrect API key"));
  g_assert_null (strstr (error->message, "sk-wrong"));
  g_assert_cmpuint (fake->seen->len, ==, 1);
}

static void
test_cancel (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { "data: " CHUNK ("a") "\n\n" }, TRUE, TRUE },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { g_ptr_array_new_with_free_func (g_free), NULL, cancellable, 0 };
  g_autoptr(CsLlmRequest) request = simple_request ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = NULL;
  gint64 deadline;

  cs_llm_provider_chat_async (provider, request, on_delta, &run, cancellable, on_done, &run);
  wait_for (&run);
  result = cs_llm_provider_chat_finish (provider, run.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_assert_cmpuint (run.deltas->len, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - run.cancelled_at, <, G_USEC_PER_SEC / 5);

  /* The server sees the connection closed while it still has a body to send. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!fake->disconnected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (fake->disconnected);
}

static void
test_cancel_before_retry (void)
{
  static const Reply replies[] = {
    { 429, "application/json", "30", { "{}" } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Run) run = { g_ptr_array_new_with_free_func (g_free), NULL, NULL, 0 };
  g_autoptr(CsLlmRequest) request = simple_request ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = NULL;
  gint64 start;

  cs_llm_provider_chat_async (provider, request, on_delta, &run, cancellable, on_done, &run);
  while (fake->seen->len == 0)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < G_USEC_PER_SEC / 10)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  wait_for (&run);
  result = cs_llm_provider_chat_finish (provider, run.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (fake->seen->len, ==, 1);
}

static void
test_idle_timeout (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { "data: " CHUNK ("a") "\n\n" }, TRUE, FALSE },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GPtrArray) deltas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = NULL;
  gint64 start;

  g_object_set (provider, "idle-timeout", 1, NULL);
  start = g_get_monotonic_time ();
  result = chat (provider, NULL, &deltas, &error);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_TIMEOUT);
  g_assert_cmpuint (deltas->len, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_network_error (void)
{
  g_autoptr(Fake) fake = fake_new ();
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) result = NULL;

  /* Nobody listens any more. */
  soup_server_disconnect (fake->server);
  result = chat (provider, NULL, NULL, &error);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_NETWORK);
}

/* ---- API key and models ------------------------------------------------------------ */

static void
test_api_key (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, SHORT_ANSWER },
    { 200, NULL, NULL, SHORT_ANSWER },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmResult) first = chat (provider, NULL, NULL, &error);
  g_autoptr(CsLlmResult) second = NULL;

  g_assert_no_error (error);
  g_assert_null (seen (fake, 0)->authorization);

  g_object_set (provider, "api-key", "sk-test-123", NULL);
  second = chat (provider, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen (fake, 1)->authorization, ==, "Bearer sk-test-123");
}

static void
on_models (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_list_models (void)
{
  static const Reply replies[] = {
    { 200, "application/json", NULL,
      { "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1:8b\",\"object\":\"model\"},"
        "{\"id\":\"qwen2.5:7b\",\"object\":\"model\"},{\"object\":\"model\"}]}" } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;
  g_autofree char *name = cs_llm_provider_dup_name (provider);

  g_assert_cmpstr (name, ==, "127.0.0.1");
  g_assert_false (cs_llm_provider_get_is_offline (provider));

  cs_llm_provider_list_models_async (provider, NULL, on_models, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  models = cs_llm_provider_list_models_finish (provider, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (models), ==, 2);
  g_assert_cmpstr (models[0], ==, "llama3.1:8b");
  g_assert_cmpstr (models[1], ==, "qwen2.5:7b");
  g_assert_cmpstr (seen (fake, 0)->method, ==, "GET");
  g_assert_cmpstr (seen (fake, 0)->path, ==, "/v1/models");
}

/* ---- JSON answers ------------------------------------------------------------------ */

static const char *persona_schema =
  "{\"title\":\"personas\",\"type\":\"object\",\"additionalProperties\":false,"
  "\"required\":[\"personas\"],\"properties\":{\"personas\":{\"type\":\"array\","
  "\"minItems\":1,\"items\":{\"type\":\"object\",\"required\":[\"name\",\"traits\"],"
  "\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":1},"
  "\"traits\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\","
  "\"minimum\":0,\"maximum\":10}}}}}}}";

#define JSON_ANSWER(content) \
  "data: {\"choices\":[{\"delta\":{\"content\":" content "}}]}\n\ndata: [DONE]\n\n"
#define GOOD_PERSONAS \
  "\"{\\\"personas\\\":[{\\\"name\\\":\\\"Ana\\\"," \
  "\\\"traits\\\":{\\\"empathy\\\":7}}]}\""
#define REJECT(text) { 400, "application/json", NULL, { "{\"error\":{\"message\":\"" text "\"}}" } }

typedef struct
{
  GAsyncResult *result;
} JsonRun;

static void
on_json (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((JsonRun *) user_data)->result = g_object_ref (result);
}

static JsonNode *
complete_json (Fake    *fake,
               GError **error)
{
  g_autoptr(CsLlmProvider) provider = provider_for (fake, NULL);
  g_autoptr(CsLlmRequest) request = simple_request ();
  g_autoptr(JsonNode) schema = parse (persona_schema);
  JsonRun run = { NULL };
  JsonNode *value;

  cs_llm_provider_complete_json_async (provider, request, schema, NULL, on_json, &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  value = cs_llm_provider_complete_json_finish (provider, run.result, error);
  g_object_unref (run.result);
  return value;
}

static JsonObject *
seen_body (Fake      *fake,
           guint      index,
           JsonNode **holder)
{
  *holder = parse (seen (fake, index)->body);
  return json_node_get_object (*holder);
}

static const char *
system_prompt (JsonObject *body)
{
  JsonArray *messages = json_object_get_array_member (body, "messages");
  JsonObject *first = json_array_get_object_element (messages, 0);

  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "system");
  return json_object_get_string_member (first, "content");
}

static void
assert_good_personas (JsonNode *value)
{
  JsonArray *personas = json_object_get_array_member (json_node_get_object (value), "personas");
  JsonObject *ana = json_array_get_object_element (personas, 0);

  g_assert_cmpstr (json_object_get_string_member (ana, "name"), ==, "Ana");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (ana, "traits"),
                                               "empathy"), ==, 7);
}

static void
test_json_schema (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { JSON_ANSWER (GOOD_PERSONAS) } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) expected_schema = parse (persona_schema);
  JsonObject *body;
  JsonObject *format;
  JsonObject *json_schema;

  g_assert_no_error (error);
  assert_good_personas (value);
  g_assert_cmpuint (fake->seen->len, ==, 1);
  body = seen_body (fake, 0, &holder);
  format = json_object_get_object_member (body, "response_format");
  g_assert_cmpstr (json_object_get_string_member (format, "type"), ==, "json_schema");
  json_schema = json_object_get_object_member (format, "json_schema");
  g_assert_cmpstr (json_object_get_string_member (json_schema, "name"), ==, "personas");
  g_assert_true (json_object_get_boolean_member (json_schema, "strict"));
  g_assert_true (json_node_equal (json_object_get_member (json_schema, "schema"),
                                  expected_schema));
  g_assert_cmpstr (system_prompt (body), ==, "You are Ana Ruiz.");
}

static void
test_json_object_fallback (void)
{
  static const Reply replies[] = {
    REJECT ("Invalid value for response_format: json_schema is not supported"),
    { 200, NULL, NULL, { JSON_ANSWER (GOOD_PERSONAS) } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *body;

  g_assert_no_error (error);
  assert_good_personas (value);
  g_assert_cmpuint (fake->seen->len, ==, 2);
  body = seen_body (fake, 1, &holder);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (body, "response_format"), "type"),
                   ==, "json_object");
  g_assert_true (g_str_has_prefix (system_prompt (body), "You are Ana Ruiz.\n\n"));
  g_assert_nonnull (strstr (system_prompt (body), "JSON Schema"));
  g_assert_nonnull (strstr (system_prompt (body), "\"minItems\""));
}

static void
test_prompt_fallback (void)
{
  static const Reply replies[] = {
    { 422, "application/json", NULL, { "{\"detail\":\"unprocessable\"}" } },
    REJECT ("response_format type json_object is unsupported"),
    { 200, NULL, NULL, { JSON_ANSWER ("\"Here you go:\\n```json\\n{\\\"personas\\\":"
                                      "[{\\\"name\\\":\\\"Ana\\\",\\\"traits\\\":"
                                      "{\\\"empathy\\\":7}}]}\\n```\\n\"") } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *body;

  g_assert_no_error (error);
  assert_good_personas (value);
  g_assert_cmpuint (fake->seen->len, ==, 3);
  body = seen_body (fake, 2, &holder);
  g_assert_false (json_object_has_member (body, "response_format"));
  g_assert_nonnull (strstr (system_prompt (body), "\"minItems\""));
}

static void
test_json_other_400 (void)
{
  static const Reply replies[] = {
    REJECT ("maximum context length exceeded"),
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);

  /* A 400 that is not about response_format is not retried in another form. */
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_HTTP);
  g_assert_cmpuint (cs_ai_error_get_http_status (error), ==, 400);
  g_assert_nonnull (strstr (error->message, "maximum context length"));
  g_assert_cmpuint (fake->seen->len, ==, 1);
}

static void
test_json_invalid (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { JSON_ANSWER ("\"{\\\"personas\\\":[{\\\"name\\\":\\\"Ana\\\","
                                      "\\\"traits\\\":{\\\"empathy\\\":7}},"
                                      "{\\\"name\\\":\\\"Bo\\\",\\\"traits\\\":"
                                      "{\\\"empathy\\\":12}}]}\"") } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);

  g_assert_null (value);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==, "personas[1].traits.empathy: must be ≤ 10");
}

static void
test_json_not_json (void)
{
  static const Reply replies[] = {
    { 200, NULL, NULL, { JSON_ANSWER ("\"I cannot answer that.\"") } },
  };
  g_autoptr(Fake) fake = fake_new_with (replies, G_N_ELEMENTS (replies));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = complete_json (fake, &error);

  g_assert_null (value);
  g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "I cannot answer that."));
}

/* ---- the pure parts ---------------------------------------------------------------- */

static char *
all_events (const char *stream,
            gsize       piece_size)
{
  g_autoptr(CsSseParser) parser = cs_sse_parser_new ();
  GString *events = g_string_new (NULL);
  gsize length = strlen (stream);
  char *type;
  char *data;

  for (gsize i = 0; i < length; i += piece_size)
    cs_sse_parser_feed (parser, stream + i, MIN (piece_size, length - i));
  cs_sse_parser_end (parser);
  while (cs_sse_parser_next (parser, &type, &data))
    {
      g_string_append_printf (events, "[%s|%s]", type != NULL ? type : "-", data);
      g_free (type);
      g_free (data);
    }
  return g_string_free (events, FALSE);
}

static void
test_sse_parser (void)
{
  const char *stream = ": comment\r\n"
                       "data: one\r\n\r\n"
                       "data:two\ndata:  three\n\n"
                       "event: update\rdata\rid: 3\rretry: 10\r\r"
                       "event: nothing\n\n"
                       "data: last";
  g_autofree char *whole = all_events (stream, strlen (stream));

  g_assert_cmpstr (whole, ==, "[-|one][-|two\n three][update|][-|last]");
  for (gsize size = 1; size < 12; size++)
    {
      g_autofree char *pieces = all_events (stream, size);

      g_assert_cmpstr (pieces, ==, whole);
    }
}

static void
test_request_body (void)
{
  g_autoptr(CsLlmRequest) request = cs_llm_request_new ();
  g_autoptr(JsonNode) schema = parse ("{\"title\":\"Persona list!\",\"type\":\"object\"}");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) prompted = NULL;
  g_autoptr(GBytes) schemed = NULL;
  g_autoptr(JsonNode) plain_node = NULL;
  g_autoptr(JsonNode) prompted_node = NULL;
  g_autoptr(JsonNode) schemed_node = NULL;
  JsonObject *object;
  JsonArray *messages;

  cs_llm_request_add_message (request, CS_LLM_ROLE_USER, "Hi");
  cs_llm_request_add_message (request, CS_LLM_ROLE_ASSISTANT, "Hello");
  cs_llm_request_set_model (request, "request-model");
  cs_llm_request_set_temperature (request, 0.25);
  cs_llm_request_set_max_tokens (request, 100);

  plain = cs_openai_build_chat_body (request, "provider-model", CS_OPENAI_JSON_NONE, NULL);
  plain_node = parse (g_bytes_get_data (plain, NULL));
  object = json_node_get_object (plain_node);
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "request-model");
  g_assert_cmpfloat (json_object_get_double_member (object, "temperature"), ==, 0.25);
  g_assert_cmpint (json_object_get_int_member (object, "max_tokens"), ==, 100);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "messages")),
                    ==, 2);

  /* Without a system message, the schema instruction becomes one. */
  cs_llm_request_set_model (request, NULL);
  prompted = cs_openai_build_chat_body (request, NULL, CS_OPENAI_JSON_PROMPT, schema);
  prompted_node = parse (g_bytes_get_data (prompted, NULL));
  object = json_node_get_object (prompted_node);
  g_assert_false (json_object_has_member (object, "model"));
  g_assert_false (json_object_has_member (object, "response_format"));
  messages = json_object_get_array_member (object, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0),
                                                  "role"), ==, "system");
  g_assert_nonnull (strstr (json_object_get_string_member (
                              json_array_get_object_element (messages, 0), "content"),
                            "\"Persona list!\""));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 2),
                                                  "role"), ==, "assistant");

  schemed = cs_openai_build_chat_body (request, "m", CS_OPENAI_JSON_SCHEMA, schema);
  schemed_node = parse (g_bytes_get_data (schemed, NULL));
  object = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (schemed_node), "response_format"),
    "json_schema");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Persona_list");
}

static void
test_extract_json (void)
{
  static const struct { const char *text; const char *json; } cases[] = {
    { "  {\"a\": 1}\n", "{\"a\":1}" },
    { "```json\n{\"a\": [1, 2]}\n```", "{\"a\":[1,2]}" },
    { "Sure!\n```\n[1, 2]\n```\nAnything else?", "[1,2]" },
    { "The answer is {\"a\": {\"b\": 2}} as asked.", "{\"a\":{\"b\":2}}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) value = cs_openai_extract_json (cases[i].text, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = json_to_string (value, FALSE);
      g_assert_cmpstr (text, ==, cases[i].json);
    }
}

typedef struct
{
  const char *schema;
  const char *value;
  const char *error;            /* NULL: valid */
} SchemaCase;

static const SchemaCase schema_cases[] = {
  { "{\"type\":\"integer\"}", "3", NULL },
  { "{\"type\":\"integer\"}", "3.0", NULL },
  { "{\"type\":\"integer\"}", "3.5", "$: must be of type integer" },
  { "{\"type\":\"number\",\"minimum\":0}", "-0.5", "$: must be ≥ 0" },
  { "{\"type\":[\"string\",\"null\"]}", "null", NULL },
  { "{\"type\":[\"string\",\"null\"]}", "true", "$: must be of type string, null" },
  { "{\"type\":\"boolean\"}", "\"yes\"", "$: must be of type boolean" },
  { "{\"enum\":[\"key\",\"participant\"]}", "\"key\"", NULL },
  { "{\"enum\":[\"key\",\"participant\"]}", "\"boss\"",
    "$: must be one of \"key\", \"participant\"" },
  { "{\"type\":\"string\",\"minLength\":2}", "\"é\"", "$: must be at least 2 characters long" },
  { "{\"type\":\"array\",\"maxItems\":1}", "[1,2]", "$: must have at most 1 items" },
  { "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "[\"a\",1]",
    "[1]: must be of type string" },
  { "{\"type\":\"object\",\"required\":[\"a\"]}", "{}", "a: is missing" },
  { "{\"type\":\"object\",\"properties\":{\"a\":{}},\"additionalProperties\":false}",
    "{\"a\":1,\"b\":2}", "b: is not allowed here" },
  { "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"array\",\"items\":{\"type\":"
    "\"object\",\"properties\":{\"w\":{\"type\":\"number\",\"maximum\":1}}}}}}",
    "{\"s\":[{\"w\":0.5},{\"w\":1.5}]}", "s[1].w: must be ≤ 1" },
  { "{\"type\":\"null\"}", "{\"x\":1}", "$: must be of type null" },
};

static void
test_json_schema_validator (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      g_autoptr(JsonNode) schema = parse (schema_cases[i].schema);
      g_autoptr(JsonNode) value = parse (schema_cases[i].value);
      g_autoptr(GError) error = NULL;
      gboolean valid = cs_json_schema_validate (schema, value, &error);

      g_test_message ("%s against %s", schema_cases[i].value, schema_cases[i].schema);
      if (schema_cases[i].error == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_SCHEMA);
          g_assert_cmpstr (error->message, ==, schema_cases[i].error);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_dir = g_dir_make_tmp ("cs-test-openai-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ai/sse-parser", test_sse_parser);
  g_test_add_func ("/ai/json-schema", test_json_schema_validator);
  g_test_add_func ("/ai/openai/request-body", test_request_body);
  g_test_add_func ("/ai/openai/extract-json", test_extract_json);
  g_test_add_func ("/ai/openai/chat-stream", test_chat_stream);
  for (guint i = 0; i < G_N_ELEMENTS (stream_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ai/openai/stream/%s", stream_cases[i].name);

      g_test_add_data_func (path, &stream_cases[i], test_stream_case);
    }
  g_test_add_func ("/ai/openai/retry-after", test_retry_after);
  g_test_add_func ("/ai/openai/rate-limited", test_rate_limited);
  g_test_add_func ("/ai/openai/server-errors", test_server_errors);
  g_test_add_func ("/ai/openai/server-errors-exhausted", test_server_errors_exhausted);
  g_test_add_func ("/ai/openai/auth", test_auth);
  g_test_add_func ("/ai/openai/cancel", test_cancel);
  g_test_add_func ("/ai/openai/cancel-before-retry", test_cancel_before_retry);
  g_test_add_func ("/ai/openai/idle-timeout", test_idle_timeout);
  g_test_add_func ("/ai/openai/network-error", test_network_error);
  g_test_add_func ("/ai/openai/api-key", test_api_key);
  g_test_add_func ("/ai/openai/list-models", test_list_models);
  g_test_add_func ("/ai/openai/json-schema", test_json_schema);
  g_test_add_func ("/ai/openai/json-object-fallback", test_json_object_fallback);
  g_test_add_func ("/ai/openai/json-prompt-fallback", test_prompt_fallback);
  g_test_add_func ("/ai/openai/json-other-400", test_json_other_400);
  g_test_add_func ("/ai/openai/json-invalid", test_json_invalid);
  g_test_add_func ("/ai/openai/json-not-json", test_json_not_json);

  status = g_test_run ();

  g_rmdir (test_dir);
  g_free (test_dir);
  return status;
}
