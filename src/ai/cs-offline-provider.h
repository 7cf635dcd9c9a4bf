/* cs-offline-provider.h: the offline engine as a language model: persona replies and goal
 * judging from the case text, deterministic, with no network and no model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-llm-provider.h"

G_BEGIN_DECLS

#define CS_TYPE_OFFLINE_PROVIDER (cs_offline_provider_get_type ())
G_DECLARE_FINAL_TYPE (CsOfflineProvider, cs_offline_provider, CS, OFFLINE_PROVIDER, GObject)

/* Implements CsLlmProvider ("is-offline" TRUE, "name" "Offline"). It works from the
 * request's turn context (cs_llm_request_get_turn_context()), not from its messages:
 *   chat           a persona turn (cs_turn_context_new_persona_request()): the reply of
 *                  cs_offline_persona_reply(), streamed sentence by sentence; the result
 *                  has "is-offline" TRUE and model "offline".
 *   complete_json  a judge turn (cs_judge_request_new()) with the judge schema: the
 *                  answer of cs_offline_judge().
 *   list_models    "offline".
 * Anything else fails with CS_AI_ERROR_NOT_SUPPORTED. The work runs in a GTask thread;
 * each scenario version's retriever and word statistics are built once (on its first turn,
 * from the context's retriever when it has one) and kept while the provider lives. The
 * same request always gives the same answer. */
CsOfflineProvider *cs_offline_provider_new (void);

G_END_DECLS
