/* cs-llm-result.h: the answer of a language model to a chat request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_LLM_RESULT (cs_llm_result_get_type ())
G_DECLARE_FINAL_TYPE (CsLlmResult, cs_llm_result, CS, LLM_RESULT, GObject)

/* Properties (construct-only, read-only):
 *   "text"               string, the whole answer ("" when empty, never NULL)
 *   "finish-reason"      string or NULL: "stop", "length", … as the server said
 *   "model"              string or NULL: the model that answered, as the server said
 *   "prompt-tokens"      int, -1 when the server did not say
 *   "completion-tokens"  int, -1 when the server did not say
 *   "is-offline"         boolean: TRUE when the offline engine made the answer (an estimate,
 *                        to be labelled so), FALSE for a model's answer */
CsLlmResult *cs_llm_result_new                   (const char  *text,
                                                  const char  *finish_reason,
                                                  const char  *model,
                                                  int          prompt_tokens,
                                                  int          completion_tokens);
/* An answer of the offline engine: "is-offline" TRUE, model "offline", finish reason "stop". */
CsLlmResult *cs_llm_result_new_offline           (const char  *text);
const char  *cs_llm_result_get_text              (CsLlmResult *self);
const char  *cs_llm_result_get_finish_reason     (CsLlmResult *self);
const char  *cs_llm_result_get_model             (CsLlmResult *self);
int          cs_llm_result_get_prompt_tokens     (CsLlmResult *self);
int          cs_llm_result_get_completion_tokens (CsLlmResult *self);
gboolean     cs_llm_result_get_is_offline        (CsLlmResult *self);

G_END_DECLS
