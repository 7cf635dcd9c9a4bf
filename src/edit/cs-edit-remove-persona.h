/* cs-edit-remove-persona.h: remove a persona from the case and from every scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_REMOVE_PERSONA (cs_edit_remove_persona_get_type ())
G_DECLARE_FINAL_TYPE (CsEditRemovePersona, cs_edit_remove_persona, CS, EDIT_REMOVE_PERSONA, CsEdit)

/* Undo puts the persona back at its place in the cast and restores its involvement (at
 * the same place in each scene's list) and its instructions in every scene. */
CsEdit *cs_edit_remove_persona_new (CsPersona *persona);

G_END_DECLS
