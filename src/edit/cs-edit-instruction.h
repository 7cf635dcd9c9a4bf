/* cs-edit-instruction.h: set what one persona is told in one scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_INSTRUCTION (cs_edit_instruction_get_type ())
G_DECLARE_FINAL_TYPE (CsEditInstruction, cs_edit_instruction, CS, EDIT_INSTRUCTION, CsEdit)

/* Sets the scene's instruction for @persona_id to @text (NULL or "" removes it); undo puts
 * the old one back (or none). Consecutive edits of the same persona's instruction in the
 * same scene merge into one undo step (typing). */
CsEdit     *cs_edit_instruction_new            (CsScene           *scene,
                                                const char        *persona_id,
                                                const char        *text);
const char *cs_edit_instruction_get_persona_id (CsEditInstruction *self);

G_END_DECLS
