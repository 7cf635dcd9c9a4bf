/* cs-chat-window.h: playing a case: the scene, the conversation, the message entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chat of issue 6: a scene header (title, the student's goal, turns used of the limit,
 * progress through the scenes), the conversation as a GtkListView over the run's messages
 * (rows are recycled, so long runs stay light) with avatars, names and roles, replies
 * streaming in with a typing mark, an entry with @-completion of the scene's people, Send
 * (Enter, Ctrl+Enter) and Stop (Escape), and a sidebar (F9) with the people of the scene
 * and their profiles. Without a store the run is a test play: the window says it is not
 * saved and offers to keep it ("chat.save-run").
 */
#pragma once

#include <adwaita.h>

#include "cs-orchestrator.h"

G_BEGIN_DECLS

#define CS_TYPE_CHAT_WINDOW (cs_chat_window_get_type ())
G_DECLARE_FINAL_TYPE (CsChatWindow, cs_chat_window, CS, CHAT_WINDOW, AdwWindow)

/* Plays @scenario, saved in @store when it is not NULL (a test play otherwise). With @resume, the last unfinished
 * run continues where it was left; otherwise (or when there is none) a new attempt starts.
 * The header's Restart button starts a new attempt and keeps the old run. */
CsChatWindow   *cs_chat_window_new              (GtkWindow      *parent,
                                                 CsScenario     *scenario,
                                                 CsLlmProvider  *provider,
                                                 CsStore        *store,
                                                 gboolean        resume,
                                                 GError        **error);
CsOrchestrator *cs_chat_window_get_orchestrator (CsChatWindow   *self);
/* What the entry and the Send button do. */
void            cs_chat_window_send             (CsChatWindow   *self,
                                                 const char     *text);

G_END_DECLS
