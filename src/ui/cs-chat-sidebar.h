/* cs-chat-sidebar.h: the people of the current scene, beside the chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per person involved in the scene: avatar, name, role and involvement, a button
 * that addresses them (the "address" signal), and their profile when the row is expanded
 * (relation to the student, background, goals, personality traits).
 */
#pragma once

#include <adwaita.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_CHAT_SIDEBAR (cs_chat_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CsChatSidebar, cs_chat_sidebar, CS, CHAT_SIDEBAR, GtkWidget)

/* Signals:
 *   "address" (CsPersona *persona)  the student chose to write to @persona */
GtkWidget  *cs_chat_sidebar_new       (void);
/* Shows the people of @scene (NULL: before the first scene, the case's people). */
void        cs_chat_sidebar_set_scene (CsChatSidebar *self,
                                       CsScenario    *scenario,
                                       CsScene       *scene);
/* CsPersona shown, in order. */
GListModel *cs_chat_sidebar_get_people (CsChatSidebar *self);

G_END_DECLS
