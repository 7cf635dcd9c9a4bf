/* cs-ai-error.h: the error domain of the AI layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_AI_ERROR (cs_ai_error_quark ())

/* A cancelled operation fails with G_IO_ERROR_CANCELLED, never with one of these. */
typedef enum {
  CS_AI_ERROR_NETWORK,            /* the server cannot be reached (DNS, refused, TLS, reset) */
  CS_AI_ERROR_TIMEOUT,            /* no connection or no bytes for longer than the timeout */
  CS_AI_ERROR_HTTP,               /* another HTTP error; cs_ai_error_get_http_status() */
  CS_AI_ERROR_RATE_LIMITED,       /* 429 after all retries */
  CS_AI_ERROR_BAD_RESPONSE,       /* the answer is not what the protocol says */
  CS_AI_ERROR_SCHEMA,             /* the model's JSON is not JSON or does not fit the schema */
  CS_AI_ERROR_AUTH,               /* 401 or 403: a missing or wrong API key */
  CS_AI_ERROR_SERVER_ERROR_CHUNK, /* the server sent {"error": …} inside the stream */
  CS_AI_ERROR_NOT_SUPPORTED,      /* the provider cannot do what is asked (the offline engine
                                   * and a schema or request it does not know) */
  CS_AI_ERROR_NOT_CONFIGURED,     /* the settings lack what the provider needs (a server
                                   * address) or hold an invalid value */
} CsAiError;

GQuark cs_ai_error_quark          (void);

/* An error of CS_AI_ERROR that carries the HTTP status of the answer (0 for none). */
void   cs_ai_set_error_with_status (GError    **error,
                                    CsAiError   code,
                                    guint       http_status,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (4, 5);

/* The HTTP status carried by an error of CS_AI_ERROR, or 0. */
guint  cs_ai_error_get_http_status (const GError *error);

G_END_DECLS
