/* cs-scene-progress.h: a run's progress through one scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model-types.h"
#include "cs-record.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_PROGRESS (cs_scene_progress_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneProgress, cs_scene_progress, CS, SCENE_PROGRESS, CsRecord)

/* Properties (all with notify):
 *   "progress-id" "scene-id"            strings
 *   "status"                            CsSceneStatus
 *   "attempts" "hints-used" "messages-sent" "ai-responses"   int >= 0
 *   "time-spent"                        int seconds
 *   "goal-achieved" "forced-progression" boolean
 *   "score"                             double 0..1, or -1 when not judged
 *   "interaction-quality"               double 0..1, or -1
 *   "feedback"                          string or NULL
 *   "criteria-results"                  string (JSON array from the judge) or NULL
 *   "started-at" "completed-at"         GDateTime or NULL
 */
CsSceneProgress *cs_scene_progress_new                     (const char      *id);
const char      *cs_scene_progress_get_progress_id         (CsSceneProgress *self);
void             cs_scene_progress_set_progress_id         (CsSceneProgress *self,
                                                            const char      *progress_id);
const char      *cs_scene_progress_get_scene_id            (CsSceneProgress *self);
void             cs_scene_progress_set_scene_id            (CsSceneProgress *self,
                                                            const char      *scene_id);
CsSceneStatus    cs_scene_progress_get_status              (CsSceneProgress *self);
void             cs_scene_progress_set_status              (CsSceneProgress *self,
                                                            CsSceneStatus    status);
int              cs_scene_progress_get_attempts            (CsSceneProgress *self);
void             cs_scene_progress_set_attempts            (CsSceneProgress *self,
                                                            int              n);
int              cs_scene_progress_get_hints_used          (CsSceneProgress *self);
void             cs_scene_progress_set_hints_used          (CsSceneProgress *self,
                                                            int              n);
int              cs_scene_progress_get_messages_sent       (CsSceneProgress *self);
void             cs_scene_progress_set_messages_sent       (CsSceneProgress *self,
                                                            int              n);
int              cs_scene_progress_get_ai_responses        (CsSceneProgress *self);
void             cs_scene_progress_set_ai_responses        (CsSceneProgress *self,
                                                            int              n);
int              cs_scene_progress_get_time_spent          (CsSceneProgress *self);
void             cs_scene_progress_set_time_spent          (CsSceneProgress *self,
                                                            int              seconds);
gboolean         cs_scene_progress_get_goal_achieved       (CsSceneProgress *self);
void             cs_scene_progress_set_goal_achieved       (CsSceneProgress *self,
                                                            gboolean         achieved);
gboolean         cs_scene_progress_get_forced_progression  (CsSceneProgress *self);
void             cs_scene_progress_set_forced_progression  (CsSceneProgress *self,
                                                            gboolean         forced);
double           cs_scene_progress_get_score               (CsSceneProgress *self);
void             cs_scene_progress_set_score               (CsSceneProgress *self,
                                                            double           score);
double           cs_scene_progress_get_interaction_quality (CsSceneProgress *self);
void             cs_scene_progress_set_interaction_quality (CsSceneProgress *self,
                                                            double           quality);
const char      *cs_scene_progress_get_feedback            (CsSceneProgress *self);
void             cs_scene_progress_set_feedback            (CsSceneProgress *self,
                                                            const char      *feedback);
const char      *cs_scene_progress_get_criteria_results    (CsSceneProgress *self);
void             cs_scene_progress_set_criteria_results    (CsSceneProgress *self,
                                                            const char      *json);
GDateTime       *cs_scene_progress_get_started_at          (CsSceneProgress *self);
void             cs_scene_progress_set_started_at          (CsSceneProgress *self,
                                                            GDateTime       *when);
GDateTime       *cs_scene_progress_get_completed_at        (CsSceneProgress *self);
void             cs_scene_progress_set_completed_at        (CsSceneProgress *self,
                                                            GDateTime       *when);

G_END_DECLS
