/* cs-edit-trait.h: set one personality trait of a persona
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_TRAIT (cs_edit_trait_get_type ())
G_DECLARE_FINAL_TYPE (CsEditTrait, cs_edit_trait, CS, EDIT_TRAIT, CsEdit)

/* Sets trait @name of @persona to @value (0..10). Undo gives back the old value, or
 * removes the trait when the persona did not have it. Consecutive edits of the same trait
 * of the same persona merge into one undo step (dragging a slider). */
CsEdit *cs_edit_trait_new (CsPersona  *persona,
                           const char *name,
                           int         value);

G_END_DECLS
