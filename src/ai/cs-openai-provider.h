/* cs-openai-provider.h: a language model behind an OpenAI-compatible HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-llm-provider.h"

G_BEGIN_DECLS

#define CS_TYPE_OPENAI_PROVIDER (cs_openai_provider_get_type ())
G_DECLARE_FINAL_TYPE (CsOpenaiProvider, cs_openai_provider, CS, OPENAI_PROVIDER, GObject)

/* Implements CsLlmProvider ("is-offline" FALSE, "name" the server's host).
 *
 * Properties:
 *   "base-url"         string: everything before "/chat/completions", as the server
 *                      documents it, usually ending in /v1: "http://127.0.0.1:11434/v1"
 *                      (Ollama), "http://127.0.0.1:8080/v1" (llama.cpp),
 *                      "https://api.openai.com/v1". Nothing is added to it but the endpoint;
 *                      a trailing '/' is ignored.
 *   "api-key"          string: sent as "Authorization: Bearer …"; empty or NULL sends no
 *                      Authorization header (local servers). Never logged.
 *   "model"            string: used when a request names no model
 *   "connect-timeout"  uint seconds (default 15): to connect and send the request
 *   "idle-timeout"     uint seconds (default 60): the longest wait for the answer to start
 *                      or for its next bytes; the whole answer may take longer
 *   "max-retries"      uint (default 3): retries after 429 and 5xx answers, waiting
 *                      Retry-After when given (up to 60 s) or an exponential backoff with
 *                      jitter (0.5 s, 1 s, 2 s … up to 30 s)
 *
 * chat: POST {base-url}/chat/completions with "stream": true, read as server-sent events;
 * a plain application/json answer is read as a non-streamed response (one delta).
 * complete_json: asks with response_format json_schema (strict); when the server refuses
 * it (400 naming response_format or json_schema, or 422) with json_object, then with the
 * schema only in the system prompt. The provider remembers the first form the server
 * accepted for later requests. The JSON is taken out of ``` fences or prose.
 * list_models: GET {base-url}/models.
 * 401/403 fail at once with CS_AI_ERROR_AUTH; network errors are not retried. Cancelling
 * aborts the HTTP request at once (the connection is closed). */
CsOpenaiProvider *cs_openai_provider_new (const char *base_url,
                                          const char *api_key,
                                          const char *model);

G_END_DECLS
