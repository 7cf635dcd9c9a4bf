/* cs-progress.h: one run (attempt) of a student through a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model-types.h"
#include "cs-record.h"

G_BEGIN_DECLS

#define CS_TYPE_PROGRESS (cs_progress_get_type ())
G_DECLARE_FINAL_TYPE (CsProgress, cs_progress, CS, PROGRESS, CsRecord)

/* Properties (all with notify):
 *   "user-id" "scenario-id" "current-scene-id"  strings (user-id NULL for the local user)
 *   "attempt"               int >= 1, the attempt number of this run for (user, scenario)
 *   "status"                CsProgressStatus
 *   "scenes-completed"      GStrv of scene ids
 *   "total-attempts" "hints-used" "forced-progressions" "session-count"   int >= 0
 *   "total-time-spent"      int seconds
 *   "completion-percentage" double 0..100
 *   "final-score"           double 0..1, or -1 when not graded
 *   "orchestrator-state"    string (JSON) or NULL
 *   "started-at" "completed-at" "last-activity" "archived-at"   GDateTime or NULL
 *   "archived-reason"       string or NULL
 */
CsProgress         *cs_progress_new                       (const char       *id);
const char         *cs_progress_get_user_id               (CsProgress       *self);
void                cs_progress_set_user_id               (CsProgress       *self,
                                                           const char       *user_id);
const char         *cs_progress_get_scenario_id           (CsProgress       *self);
void                cs_progress_set_scenario_id           (CsProgress       *self,
                                                           const char       *scenario_id);
const char         *cs_progress_get_current_scene_id      (CsProgress       *self);
void                cs_progress_set_current_scene_id      (CsProgress       *self,
                                                           const char       *scene_id);
int                 cs_progress_get_attempt               (CsProgress       *self);
void                cs_progress_set_attempt               (CsProgress       *self,
                                                           int               attempt);
CsProgressStatus    cs_progress_get_status                (CsProgress       *self);
void                cs_progress_set_status                (CsProgress       *self,
                                                           CsProgressStatus  status);
const char * const *cs_progress_get_scenes_completed      (CsProgress       *self);
void                cs_progress_set_scenes_completed      (CsProgress       *self,
                                                           const char * const *ids);
int                 cs_progress_get_total_attempts        (CsProgress       *self);
void                cs_progress_set_total_attempts        (CsProgress       *self,
                                                           int               n);
int                 cs_progress_get_hints_used            (CsProgress       *self);
void                cs_progress_set_hints_used            (CsProgress       *self,
                                                           int               n);
int                 cs_progress_get_forced_progressions   (CsProgress       *self);
void                cs_progress_set_forced_progressions   (CsProgress       *self,
                                                           int               n);
int                 cs_progress_get_session_count         (CsProgress       *self);
void                cs_progress_set_session_count         (CsProgress       *self,
                                                           int               n);
int                 cs_progress_get_total_time_spent      (CsProgress       *self);
void                cs_progress_set_total_time_spent      (CsProgress       *self,
                                                           int               seconds);
double              cs_progress_get_completion_percentage (CsProgress       *self);
void                cs_progress_set_completion_percentage (CsProgress       *self,
                                                           double           percentage);
double              cs_progress_get_final_score           (CsProgress       *self);
void                cs_progress_set_final_score           (CsProgress       *self,
                                                           double           score);
const char         *cs_progress_get_orchestrator_state    (CsProgress       *self);
void                cs_progress_set_orchestrator_state    (CsProgress       *self,
                                                           const char       *json);
GDateTime          *cs_progress_get_started_at            (CsProgress       *self);
void                cs_progress_set_started_at            (CsProgress       *self,
                                                           GDateTime        *when);
GDateTime          *cs_progress_get_completed_at          (CsProgress       *self);
void                cs_progress_set_completed_at          (CsProgress       *self,
                                                           GDateTime        *when);
GDateTime          *cs_progress_get_last_activity         (CsProgress       *self);
void                cs_progress_set_last_activity         (CsProgress       *self,
                                                           GDateTime        *when);
GDateTime          *cs_progress_get_archived_at           (CsProgress       *self);
const char         *cs_progress_get_archived_reason       (CsProgress       *self);
void                cs_progress_set_archived              (CsProgress       *self,
                                                           GDateTime        *when,
                                                           const char       *reason);

G_END_DECLS
