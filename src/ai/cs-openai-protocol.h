/* cs-openai-protocol.h: the JSON of the OpenAI chat completions API, without HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cs-llm-request.h"
#include "cs-llm-result.h"

G_BEGIN_DECLS

/* How a JSON answer is asked for, in the order they are tried. */
typedef enum {
  CS_OPENAI_JSON_NONE,        /* a chat request, no JSON wanted */
  CS_OPENAI_JSON_SCHEMA,      /* response_format {type: json_schema, …, strict: true} */
  CS_OPENAI_JSON_OBJECT,      /* response_format {type: json_object}, schema in the prompt */
  CS_OPENAI_JSON_PROMPT,      /* no response_format, schema in the prompt */
} CsOpenaiJsonMode;

/* The body of POST /chat/completions with "stream": true. @model is used when the request
 * names none; with neither, "model" is left out (llama.cpp needs none). */
GBytes   *cs_openai_build_chat_body        (CsLlmRequest     *request,
                                            const char       *model,
                                            CsOpenaiJsonMode  mode,
                                            JsonNode         *schema);

/* TRUE when a 400 or 422 answer refuses the response_format of the request. */
gboolean  cs_openai_rejects_response_format (guint             status,
                                             GBytes           *body);

/* The server's explanation in an error body ({"error": {"message": …}}, {"error": "…"},
 * {"message": …} or the text itself, shortened). Never NULL. */
char     *cs_openai_dup_error_message      (GBytes           *body);

/* The answer being received: streamed chunks or one whole response. */
typedef struct _CsOpenaiAnswer CsOpenaiAnswer;

CsOpenaiAnswer *cs_openai_answer_new          (void);
void            cs_openai_answer_free         (CsOpenaiAnswer  *self);
/* Adds the data of one stream event; *delta is set to the new text (or NULL). Fails with
 * CS_AI_ERROR_SERVER_ERROR_CHUNK for an {"error": …} chunk, BAD_RESPONSE for bad JSON. */
gboolean        cs_openai_answer_add_chunk    (CsOpenaiAnswer  *self,
                                               const char      *data,
                                               char           **delta,
                                               GError         **error);
/* Takes a whole non-streamed response. */
gboolean        cs_openai_answer_set_response (CsOpenaiAnswer  *self,
                                               GBytes          *body,
                                               GError         **error);
/* FALSE until a chunk or a response was taken. */
gboolean        cs_openai_answer_has_content  (CsOpenaiAnswer  *self);
const char     *cs_openai_answer_get_text     (CsOpenaiAnswer  *self);
CsLlmResult    *cs_openai_answer_to_result    (CsOpenaiAnswer  *self);

/* The JSON value in a model's answer, inside ``` fences or around prose. Fails with
 * CS_AI_ERROR_SCHEMA when there is none. */
JsonNode *cs_openai_extract_json           (const char       *text,
                                            GError          **error);

/* The ids of a GET /models answer ({"data": [{"id": …}, …]}). */
char    **cs_openai_parse_models           (GBytes           *body,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsOpenaiAnswer, cs_openai_answer_free)

G_END_DECLS
