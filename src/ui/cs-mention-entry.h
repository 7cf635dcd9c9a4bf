/* cs-mention-entry.h: the chat's message entry, with @-completion of the scene's people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing "@" or "@Ma" offers the people of the scene whose name (or a word of it) starts
 * with what follows the "@", accents and case aside, in a popover list with their avatars.
 * Up and Down move, Tab or Enter pick, Escape closes; picking writes "@First " (the full
 * name when another person of the case has the same first name), which is what the
 * orchestrator reads as addressing them.
 */
#pragma once

#include <adwaita.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_MENTION_ENTRY (cs_mention_entry_get_type ())
G_DECLARE_FINAL_TYPE (CsMentionEntry, cs_mention_entry, CS, MENTION_ENTRY, GtkWidget)

GtkWidget *cs_mention_entry_new              (void);
GtkEntry  *cs_mention_entry_get_entry        (CsMentionEntry *self);
/* The people to offer (CsPersona of @scenario), or NULL for nobody. */
void       cs_mention_entry_set_people       (CsMentionEntry *self,
                                              CsScenario     *scenario,
                                              GListModel     *people);
/* Writes "@Name " at the cursor (with a space before it when needed) and focuses the entry. */
void       cs_mention_entry_insert_mention   (CsMentionEntry *self,
                                              CsPersona      *persona);
/* Whether the list of people is shown, and the one selected in it (NULL when hidden). */
gboolean   cs_mention_entry_get_completing   (CsMentionEntry *self);
CsPersona *cs_mention_entry_get_selected     (CsMentionEntry *self);

G_END_DECLS
