/* cs-goal-criterion.h: one weighted success criterion of a scene goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_GOAL_CRITERION (cs_goal_criterion_get_type ())
G_DECLARE_FINAL_TYPE (CsGoalCriterion, cs_goal_criterion, CS, GOAL_CRITERION, GObject)

/* Properties: "id" (string, construct-only, UUID made when NULL), "text" (string),
 * "weight" (double 0..1, default 1.0). Not a CsRecord: it lives inside its scene's row;
 * the owning scene bumps its own version when a criterion changes. */
CsGoalCriterion *cs_goal_criterion_new        (const char      *text,
                                               double           weight);
const char      *cs_goal_criterion_get_id     (CsGoalCriterion *self);
const char      *cs_goal_criterion_get_text   (CsGoalCriterion *self);
void             cs_goal_criterion_set_text   (CsGoalCriterion *self,
                                               const char      *text);
double           cs_goal_criterion_get_weight (CsGoalCriterion *self);
void             cs_goal_criterion_set_weight (CsGoalCriterion *self,
                                               double           weight);

G_END_DECLS
