/* cs-llm-request.h: what is asked of a language model: messages and sampling settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CS_LLM_ROLE_SYSTEM,
  CS_LLM_ROLE_USER,
  CS_LLM_ROLE_ASSISTANT,
} CsLlmRole;

/* "system", "user", "assistant" (the OpenAI names). */
const char *cs_llm_role_to_string (CsLlmRole role);

/* cs-turn-context.h */
typedef struct _CsTurnContext CsTurnContext;

#define CS_TYPE_LLM_REQUEST (cs_llm_request_get_type ())
G_DECLARE_FINAL_TYPE (CsLlmRequest, cs_llm_request, CS, LLM_REQUEST, GObject)

/* Properties:
 *   "model"        string, NULL (default) = the provider's model
 *   "temperature"  double, -1 (default) = the server's default, else 0..2
 *   "max-tokens"   int, 0 (default) = no limit
 *   "turn-context" CsTurnContext or NULL: the structured turn the messages were rendered
 *                  from (cs_turn_context_new_persona_request(), cs_judge_request_new());
 *                  the offline provider works from it, a model from the messages
 *
 * A request is filled on one thread and then only read; providers may read it from a
 * worker thread while the caller keeps a reference. */
CsLlmRequest *cs_llm_request_new                 (void);
void          cs_llm_request_add_message         (CsLlmRequest *self,
                                                  CsLlmRole     role,
                                                  const char   *content);
guint         cs_llm_request_get_n_messages      (CsLlmRequest *self);
CsLlmRole     cs_llm_request_get_message_role    (CsLlmRequest *self,
                                                  guint         index);
const char   *cs_llm_request_get_message_content (CsLlmRequest *self,
                                                  guint         index);

const char   *cs_llm_request_get_model           (CsLlmRequest *self);
void          cs_llm_request_set_model           (CsLlmRequest *self,
                                                  const char   *model);
double        cs_llm_request_get_temperature     (CsLlmRequest *self);
void          cs_llm_request_set_temperature     (CsLlmRequest *self,
                                                  double        temperature);
int           cs_llm_request_get_max_tokens      (CsLlmRequest *self);
void          cs_llm_request_set_max_tokens      (CsLlmRequest *self,
                                                  int           max_tokens);
CsTurnContext *cs_llm_request_get_turn_context   (CsLlmRequest *self);
void          cs_llm_request_set_turn_context    (CsLlmRequest  *self,
                                                  CsTurnContext *context);

G_END_DECLS
