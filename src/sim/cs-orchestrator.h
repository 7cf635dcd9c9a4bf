/* cs-orchestrator.h: one run of a simulation: turns, addressing, goal judging, hints and
 * forced progression, saved as it happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-llm-provider.h"
#include "cs-model.h"
#include "cs-sim-error.h"
#include "cs-store.h"
#include "cs-turn-context.h"

G_BEGIN_DECLS

#define CS_TYPE_ORCHESTRATOR (cs_orchestrator_get_type ())
G_DECLARE_FINAL_TYPE (CsOrchestrator, cs_orchestrator, CS, ORCHESTRATOR, GObject)

/* The rules (DESIGN.md §7):
 * - cs_orchestrator_start() makes a new run (the next attempt; older ones are kept) and
 *   posts the case intro; the first scene begins with "begin" or the first message.
 * - "help" lists the commands and the scene's personas; neither command is a turn.
 * - A turn: the student's message goes to the persona named by its first "@Name" (full or
 *   first name, case- and accent-insensitive), to every persona of the scene for "@all",
 *   or to the scene's key persona. Only personas with involvement key or participant
 *   answer; a persona who is not in the scene does not, and a system message says so.
 *   Each persona is asked with the history of the scenes it took part in, nothing else
 *   (its latest 200 messages: a run's cost per turn does not grow with its length).
 * - After each turn the judge scores the scene's criteria from its transcript (its latest 200
 *   messages); quotes that do not occur in the student's messages of the scene (all of them)
 *   are discarded and the weighted score is computed in code. Score at
 *   least the success threshold: a summary and the next scene (or the end of the run).
 *   Otherwise a hint after two failed checks in a row or when a hint trigger fires, and at
 *   timeout_turns turns the scene ends by forced progression ("Time's up").
 * - With a store, every message, state change and score is saved when it happens, and
 *   cs_orchestrator_resume() continues a run where it was left.
 *
 * Properties:
 *   "scenario"       CsScenario (construct-only), not NULL
 *   "provider"       CsLlmProvider (construct-only), not NULL
 *   "store"          CsStore or NULL (construct-only): NULL plays without saving
 *   "progress"       CsProgress of the run, NULL before start/resume (read-only)
 *   "current-scene"  CsScene or NULL before the first scene begins (read-only)
 *   "busy"           boolean: a turn is running (read-only)
 *
 * Signals:
 *   "delta" (CsMessage *message, const char *delta)  a persona's reply grows; the message
 *            is already in the message list, with is-complete FALSE until the reply ends.
 */
CsOrchestrator  *cs_orchestrator_new                 (CsScenario          *scenario,
                                                      CsLlmProvider       *provider,
                                                      CsStore             *store);
CsScenario      *cs_orchestrator_get_scenario        (CsOrchestrator      *self);
CsProgress      *cs_orchestrator_get_progress        (CsOrchestrator      *self);
CsScene         *cs_orchestrator_get_current_scene   (CsOrchestrator      *self);
/* The scene progress of the current scene, NULL before the first scene begins. */
CsSceneProgress *cs_orchestrator_get_scene_progress  (CsOrchestrator      *self);
/* CsSceneProgress of each scene begun so far, in order. */
GListModel      *cs_orchestrator_get_scene_progresses (CsOrchestrator     *self);
/* CsMessage of the run, in order. */
GListModel      *cs_orchestrator_get_messages        (CsOrchestrator      *self);
gboolean         cs_orchestrator_get_busy            (CsOrchestrator      *self);

gboolean         cs_orchestrator_start               (CsOrchestrator      *self,
                                                      GError             **error);
gboolean         cs_orchestrator_resume              (CsOrchestrator      *self,
                                                      const char          *progress_id,
                                                      GError             **error);

/* Saves a run played without a store in @store from now on, with everything said so far,
 * as the next attempt of its case. Fails while a turn is running. */
gboolean         cs_orchestrator_keep_run            (CsOrchestrator      *self,
                                                      CsStore             *store,
                                                      GError             **error);

/* The turn context @persona would answer @text with now in the current scene (its history:
 * what it heard in the scenes it took part in). NULL before the first scene begins. */
CsTurnContext   *cs_orchestrator_new_persona_context (CsOrchestrator      *self,
                                                      CsPersona           *persona,
                                                      const char          *text);

/* Plays one student message (or command). Cancelling stops the persona's reply (what was
 * said is kept) and skips judging; the operation then fails with G_IO_ERROR_CANCELLED. */
void             cs_orchestrator_send_message_async  (CsOrchestrator      *self,
                                                      const char          *text,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         cs_orchestrator_send_message_finish (CsOrchestrator      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
