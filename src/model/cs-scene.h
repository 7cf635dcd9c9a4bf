/* cs-scene.h: one scene of a simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-record.h"
#include "cs-goal-criterion.h"
#include "cs-scene-persona.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE (cs_scene_get_type ())
G_DECLARE_FINAL_TYPE (CsScene, cs_scene, CS, SCENE, CsRecord)

#define CS_SCENE_DEFAULT_TIMEOUT_TURNS     15
#define CS_SCENE_DEFAULT_MAX_ATTEMPTS      3
#define CS_SCENE_DEFAULT_SUCCESS_THRESHOLD 0.7

/* Properties (all with notify):
 *   "scenario-id"          string
 *   "position"             uint, 0-based story order (kept by CsScenario)
 *   "title"                string
 *   "description"          string
 *   "user-goal"            string
 *   "scene-context"        string
 *   "success-threshold"    double 0..1 (default 0.7)
 *   "timeout-turns"        int >= 1 (default 15)
 *   "max-attempts"         int >= 1 (default 3)
 *   "estimated-duration"   int minutes, 0 = unknown
 *   "hint-triggers"        GStrv (phrases or conditions that trigger a hint)
 *   "persona-instructions" GVariant a{ss}: persona id → instruction
 *   "image"                string or NULL
 *   "goal-criteria"        GListModel of CsGoalCriterion (read-only property)
 *   "involved"             GListModel of CsScenePersona (read-only property)
 * Changes inside a criterion or an involvement bump the scene's version too.
 */
CsScene            *cs_scene_new                       (const char      *id);
const char         *cs_scene_get_scenario_id           (CsScene         *self);
void                cs_scene_set_scenario_id           (CsScene         *self,
                                                        const char      *scenario_id);
guint               cs_scene_get_position              (CsScene         *self);
void                cs_scene_set_position              (CsScene         *self,
                                                        guint            position);
const char         *cs_scene_get_title                 (CsScene         *self);
void                cs_scene_set_title                 (CsScene         *self,
                                                        const char      *title);
const char         *cs_scene_get_description           (CsScene         *self);
void                cs_scene_set_description           (CsScene         *self,
                                                        const char      *description);
const char         *cs_scene_get_user_goal             (CsScene         *self);
void                cs_scene_set_user_goal             (CsScene         *self,
                                                        const char      *user_goal);
const char         *cs_scene_get_scene_context         (CsScene         *self);
void                cs_scene_set_scene_context         (CsScene         *self,
                                                        const char      *context);
double              cs_scene_get_success_threshold     (CsScene         *self);
void                cs_scene_set_success_threshold     (CsScene         *self,
                                                        double           threshold);
int                 cs_scene_get_timeout_turns         (CsScene         *self);
void                cs_scene_set_timeout_turns         (CsScene         *self,
                                                        int              turns);
int                 cs_scene_get_max_attempts          (CsScene         *self);
void                cs_scene_set_max_attempts          (CsScene         *self,
                                                        int              attempts);
int                 cs_scene_get_estimated_duration    (CsScene         *self);
void                cs_scene_set_estimated_duration    (CsScene         *self,
                                                        int              minutes);
const char * const *cs_scene_get_hint_triggers         (CsScene         *self);
void                cs_scene_set_hint_triggers         (CsScene         *self,
                                                        const char * const *triggers);
GVariant           *cs_scene_get_persona_instructions  (CsScene         *self);
void                cs_scene_set_persona_instructions  (CsScene         *self,
                                                        GVariant        *instructions);
const char         *cs_scene_get_persona_instruction   (CsScene         *self,
                                                        const char      *persona_id);
void                cs_scene_set_persona_instruction   (CsScene         *self,
                                                        const char      *persona_id,
                                                        const char      *instruction);
const char         *cs_scene_get_image                 (CsScene         *self);
void                cs_scene_set_image                 (CsScene         *self,
                                                        const char      *image);

/* Goal criteria */
GListModel         *cs_scene_get_goal_criteria         (CsScene         *self);
void                cs_scene_add_criterion             (CsScene         *self,
                                                        CsGoalCriterion *criterion);
void                cs_scene_insert_criterion          (CsScene         *self,
                                                        guint            position,
                                                        CsGoalCriterion *criterion);
void                cs_scene_remove_criterion          (CsScene         *self,
                                                        guint            position);
double              cs_scene_get_total_weight          (CsScene         *self);

/* Involved personas: at most one entry per persona id. */
GListModel         *cs_scene_get_involved              (CsScene         *self);
/* Adds the persona or changes its involvement. */
void                cs_scene_set_involvement           (CsScene         *self,
                                                        const char      *persona_id,
                                                        CsInvolvement    involvement);
/* Adds a persona that is not involved yet at @position (clamped to n). */
void                cs_scene_insert_involvement        (CsScene         *self,
                                                        guint            position,
                                                        const char      *persona_id,
                                                        CsInvolvement    involvement);
/* The index of the persona's entry in "involved", -1 when not involved. */
int                 cs_scene_get_involvement_index     (CsScene         *self,
                                                        const char      *persona_id);
gboolean            cs_scene_get_involvement           (CsScene         *self,
                                                        const char      *persona_id,
                                                        CsInvolvement   *involvement);
gboolean            cs_scene_remove_involvement        (CsScene         *self,
                                                        const char      *persona_id);
/* The first persona with involvement "key", else the first involved; NULL when none. */
const char         *cs_scene_get_key_persona_id        (CsScene         *self);

G_END_DECLS
