/* bench-stream.c: the streaming client's cost per delta, against reading the same bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on loopback sends one chat completion of N_DELTAS server-sent events. The
 * provider reads it (parsing each event, decoding its JSON, calling the delta callback); the
 * reference, in the same process, reads the same response with a plain SoupSession into a
 * buffer. The difference divided by the number of deltas is the client's overhead per delta.
 * Medians of five runs.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-llm-provider.h"
#include "cs-openai-provider.h"

#define N_DELTAS 20000
#define RUNS     5

static GBytes *stream;

static GBytes *
make_stream (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < N_DELTAS; i++)
    g_string_append_printf (s, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\","
                               "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word%u \"},"
                               "\"finish_reason\":null}]}\n\n", i);
  g_string_append (s, "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},"
                      "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
  return g_string_free_to_bytes (s);
}

static void
handle (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/event-stream", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (stream, NULL), g_bytes_get_size (stream));
}

typedef struct {
  GMainLoop *loop;
  guint      n_deltas;
  gboolean   ok;
} Run;

static void
on_delta (CsLlmProvider *provider, const char *delta, gpointer data)
{
  ((Run *) data)->n_deltas++;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr(CsLlmResult) r = cs_llm_provider_chat_finish (CS_LLM_PROVIDER (source), result, NULL);

  run->ok = r != NULL;
  g_main_loop_quit (run->loop);
}

static double
time_provider (const char *base_url)
{
  g_autoptr(CsOpenaiProvider) provider = cs_openai_provider_new (base_url, "", "bench");
  g_autoptr(CsLlmRequest) request = cs_llm_request_new ();
  Run run = { g_main_loop_new (NULL, FALSE), 0, FALSE };
  gint64 start;

  cs_llm_request_add_message (request, CS_LLM_ROLE_USER, "Go on.");
  start = g_get_monotonic_time ();
  cs_llm_provider_chat_async (CS_LLM_PROVIDER (provider), request, on_delta, &run, NULL, on_done, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.n_deltas, >=, N_DELTAS);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  run->ok = bytes && g_bytes_get_size (bytes) == g_bytes_get_size (stream);
  g_main_loop_quit (run->loop);
}

static double
time_plain (const char *base_url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strdup_printf ("%s/chat/completions", base_url);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  Run run = { g_main_loop_new (NULL, FALSE), 0, FALSE };
  gint64 start;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  start = g_get_monotonic_time ();
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_read, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  g_assert_true (run.ok);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  double ours[RUNS], plain[RUNS], o, p;
  GSList *uris;

  stream = make_stream ();
  soup_server_add_handler (server, "/v1/chat/completions", handle, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  for (guint r = 0; r < RUNS; r++)
    {
      ours[r] = time_provider (base_url);
      plain[r] = time_plain (base_url);
    }
  qsort (ours, RUNS, sizeof (double), compare_double);
  qsort (plain, RUNS, sizeof (double), compare_double);
  o = ours[RUNS / 2];
  p = plain[RUNS / 2];
  printf ("%u deltas (%zu bytes): streaming client %.1f ms, plain read %.1f ms, ratio %.2f, "
          "overhead %.2f µs per delta\n", N_DELTAS, g_bytes_get_size (stream), o, p, o / p,
          (o - p) * 1000.0 / N_DELTAS);
  g_bytes_unref (stream);
  return EXIT_SUCCESS;
}
