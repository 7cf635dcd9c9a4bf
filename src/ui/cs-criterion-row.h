/* cs-criterion-row.h: one goal criterion of a scene in the inspector: its text and weight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"

G_BEGIN_DECLS

#define CS_TYPE_CRITERION_ROW (cs_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (CsCriterionRow, cs_criterion_row, CS, CRITERION_ROW, AdwPreferencesRow)

/* Typing (in a wrapped text view) sets the criterion's text, the spin button its weight (in
 * per cent), the remove button (action criterion.remove) takes it out of @scene: all
 * through @history. Follows the criterion's changes. */
GtkWidget       *cs_criterion_row_new           (CsEditHistory   *history,
                                                 CsScene         *scene,
                                                 CsGoalCriterion *criterion);
CsGoalCriterion *cs_criterion_row_get_criterion (CsCriterionRow  *self);
GtkTextView     *cs_criterion_row_get_text_view (CsCriterionRow  *self);
GtkSpinButton   *cs_criterion_row_get_weight    (CsCriterionRow  *self);
/* NULL when the criterion is fine; otherwise shown with a warning mark and as tooltip. */
void             cs_criterion_row_set_problem   (CsCriterionRow  *self,
                                                 const char      *message);

G_END_DECLS
