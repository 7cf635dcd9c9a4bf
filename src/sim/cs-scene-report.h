/* cs-scene-report.h: the graded result of one scene of a run, for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_REPORT (cs_scene_report_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneReport, cs_scene_report, CS, SCENE_REPORT, GObject)

/* One goal criterion as the last judgement of the scene left it. @evidence is the student's
 * own words quoting it, or NULL: a quote is kept only when it occurs (case, accents and runs
 * of whitespace aside) in one of the student's messages of the scene, and a criterion counts
 * as met only with such a quote. */
typedef struct {
  char     *text;
  double    weight;
  gboolean  met;
  char     *evidence;
} CsCriterionReport;

/* The score of a scene is computed here, never read from free text:
 *
 *   score = Σ weight of the criteria met (with a verified quote) / Σ weight of all criteria
 *
 * over the criteria of the scene's last judgement (its "criteria-results"); a scene that
 * was never judged, or never reached, scores 0.
 *
 * Properties (read-only, set at construction):
 *   "title"      string, the scene's title
 *   "position"   uint, from 0, the scene's place in the case
 *   "status"     CsSceneStatus (not-started for a scene the run did not reach)
 *   "score"      double 0..1, as above
 *   "threshold"  double 0..1, the scene's pass mark
 *   "feedback"   string or NULL, the judge's feedback to the student
 */
CsSceneReport           *cs_scene_report_new                (CsScene         *scene,
                                                             CsSceneProgress *progress,
                                                             GListModel      *messages);
const char              *cs_scene_report_get_scene_id       (CsSceneReport   *self);
const char              *cs_scene_report_get_title          (CsSceneReport   *self);
guint                    cs_scene_report_get_position       (CsSceneReport   *self);
CsSceneStatus            cs_scene_report_get_status         (CsSceneReport   *self);
/* TRUE when the run reached the scene. */
gboolean                 cs_scene_report_get_played         (CsSceneReport   *self);
double                   cs_scene_report_get_score          (CsSceneReport   *self);
double                   cs_scene_report_get_threshold      (CsSceneReport   *self);
gboolean                 cs_scene_report_get_passed         (CsSceneReport   *self);
gboolean                 cs_scene_report_get_forced         (CsSceneReport   *self);
int                      cs_scene_report_get_turns          (CsSceneReport   *self);
int                      cs_scene_report_get_attempts       (CsSceneReport   *self);
int                      cs_scene_report_get_hints_used     (CsSceneReport   *self);
int                      cs_scene_report_get_time_spent     (CsSceneReport   *self);
const char              *cs_scene_report_get_feedback       (CsSceneReport   *self);
guint                    cs_scene_report_get_n_criteria     (CsSceneReport   *self);
const CsCriterionReport *cs_scene_report_get_criterion      (CsSceneReport   *self,
                                                             guint            index);

/* TRUE when @quote (normalised, see cs_text_normalize()) is part of one of the student's
 * messages of scene @scene_id in @messages (CsMessage). An empty quote never is. */
gboolean                 cs_scene_report_quote_occurs       (GListModel      *messages,
                                                             const char      *scene_id,
                                                             const char      *quote);

G_END_DECLS
