/* cs-persona-scenes.h: the scenes one persona appears in, and how, chosen with the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"

G_BEGIN_DECLS

#define CS_TYPE_PERSONA_SCENES (cs_persona_scenes_get_type ())
G_DECLARE_FINAL_TYPE (CsPersonaScenes, cs_persona_scenes, CS, PERSONA_SCENES, AdwPreferencesGroup)

/* One row per scene of the history's scenario, with a choice of "Not in This Scene", "Key
 * Persona", "Participant" or "Mentioned Only"; a choice is an undoable edit (the same as
 * dropping the persona on the scene's card). */
GtkWidget *cs_persona_scenes_new         (void);
void       cs_persona_scenes_set_history (CsPersonaScenes *self,
                                          CsEditHistory   *history);
void       cs_persona_scenes_set_persona (CsPersonaScenes *self,
                                          CsPersona       *persona);
/* The row of the scene at @position, for tests. */
AdwComboRow *cs_persona_scenes_get_row   (CsPersonaScenes *self,
                                          guint            position);

G_END_DECLS
