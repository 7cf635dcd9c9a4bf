/* cs-turn-context.h: what a turn of a simulation is about, for the providers that need more
 * than rendered messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-llm-request.h"
#include "cs-model.h"
#include "cs-retriever.h"

G_BEGIN_DECLS

#define CS_TYPE_TURN_CONTEXT (cs_turn_context_get_type ())
G_DECLARE_FINAL_TYPE (CsTurnContext, cs_turn_context, CS, TURN_CONTEXT, GObject)

/* The structured side of a request: a model gets the rendered messages of the request, the
 * offline engine (CsOfflineProvider) reads this. Two kinds of turn:
 *   persona turn  @persona answers the student's message in @scene; @history holds only
 *                 what the persona has seen (its own scenes, messages addressed to it or
 *                 to everyone). Build the request with cs_turn_context_new_persona_request().
 *   judge turn    @persona is NULL; @history is the scene's whole transcript of the current
 *                 attempt, and the student's message the latest one. Build the request with
 *                 cs_judge_request_new() (cs-judge-schema.h).
 *
 * Properties (construct-only unless said):
 *   "scenario"         CsScenario, not NULL
 *   "scene"            CsScene of the scenario, not NULL
 *   "persona"          CsPersona of the scenario, or NULL for a judge turn
 *   "student-message"  string, the message being answered or judged ("" when none)
 *   "history"          GListModel of CsMessage in order, before the student's message
 *                      (read-only; fill it with cs_turn_context_add_message())
 *   "retriever"        CsRetriever over the scenario or NULL (read-write): lets callers
 *                      share one index per scenario; the offline provider otherwise keeps
 *                      its own per scenario version
 *
 * Filled on one thread, then only read; the scenario and its children must not change
 * while a request made from the context runs (the offline provider copies what it needs
 * when the operation starts). */
CsTurnContext *cs_turn_context_new                (CsScenario    *scenario,
                                                   CsScene       *scene,
                                                   CsPersona     *persona,
                                                   const char    *student_message);
CsScenario    *cs_turn_context_get_scenario       (CsTurnContext *self);
CsScene       *cs_turn_context_get_scene          (CsTurnContext *self);
CsPersona     *cs_turn_context_get_persona        (CsTurnContext *self);
const char    *cs_turn_context_get_student_message (CsTurnContext *self);
GListModel    *cs_turn_context_get_history        (CsTurnContext *self);
void           cs_turn_context_add_message        (CsTurnContext *self,
                                                   CsMessage     *message);
CsRetriever   *cs_turn_context_get_retriever      (CsTurnContext *self);
void           cs_turn_context_set_retriever      (CsTurnContext *self,
                                                   CsRetriever   *retriever);

/* The student's messages of the history and the student's message, one per line (line
 * breaks inside a message become spaces), for judging: every quote of a line is a
 * substring of one student message. */
char          *cs_turn_context_dup_student_transcript (CsTurnContext *self);

/* A persona turn as a chat request: a system prompt with the persona's profile and traits,
 * the scene, the persona's instructions for it, the rules (stay in character, 2–4
 * sentences, never give the answer away or mention the criteria) and the case passages the
 * retriever ranks highest for the student's message; then the history (the persona's own
 * messages as assistant messages, the others as user messages prefixed with the speaker's
 * name) and the student's message. The context is attached ("turn-context"). */
CsLlmRequest  *cs_turn_context_new_persona_request (CsTurnContext *self);

G_END_DECLS
