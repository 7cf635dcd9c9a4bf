/* cs-edit-criterion.h: add or remove a goal criterion of a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_CRITERION (cs_edit_criterion_get_type ())
G_DECLARE_FINAL_TYPE (CsEditCriterion, cs_edit_criterion, CS, EDIT_CRITERION, CsEdit)

/* Inserts @criterion at @position (clamped); undo removes it. */
CsEdit *cs_edit_criterion_new_add    (CsScene         *scene,
                                      guint            position,
                                      CsGoalCriterion *criterion);
/* Removes the criterion at @position; undo puts the same criterion back there. */
CsEdit *cs_edit_criterion_new_remove (CsScene         *scene,
                                      guint            position);

G_END_DECLS
