/* cs-scene-plan.h: scenes that follow the structure of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case with 3–6 headed sections gets one scene per section (more sections are merged in
 * pairs); otherwise the default arc: assessing the situation, investigating, deciding and
 * implementing, over the text in order. The first scene assesses, the last one (or the one
 * headed as the decision) decides. Each scene gets a key persona (the protagonist for
 * assessing and deciding, the person the section is most about otherwise), participants
 * and mentioned personas, a user goal, 2–4 goal criteria built from the section's facts with
 * weights summing to 1, a turn limit, hint triggers and instructions for each persona.
 */
#pragma once

#include "cs-case-summary.h"
#include "cs-extraction.h"

G_BEGIN_DECLS

/* Appends the scenes to the extraction's scenario, whose personas are @people in the same
 * order with the ids @persona_ids, and records where each scene came from. */
void cs_scene_plan_build (CsExtraction  *extraction,
                          CsCaseOutline *outline,
                          GPtrArray     *sentences,
                          GPtrArray     *people,
                          GPtrArray     *persona_ids,
                          CsCaseSummary *summary);

G_END_DECLS
