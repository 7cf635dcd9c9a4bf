/* cs-edit-add-persona.h: add a persona to the cast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_ADD_PERSONA (cs_edit_add_persona_get_type ())
G_DECLARE_FINAL_TYPE (CsEditAddPersona, cs_edit_add_persona, CS, EDIT_ADD_PERSONA, CsEdit)

/* Inserts @persona (not yet in the scenario) at @position of the cast (clamped to its
 * end). Undo removes it again; it is in no scene yet, so nothing else changes. */
CsEdit    *cs_edit_add_persona_new         (CsPersona        *persona,
                                            guint             position);
CsPersona *cs_edit_add_persona_get_persona (CsEditAddPersona *self);

G_END_DECLS
