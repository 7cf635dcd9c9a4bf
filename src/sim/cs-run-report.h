/* cs-run-report.h: the grades of one run of a case, scene by scene, for the report page,
 * the PDF and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-model.h"
#include "cs-orchestrator.h"
#include "cs-scene-report.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_RUN_REPORT (cs_run_report_get_type ())
G_DECLARE_FINAL_TYPE (CsRunReport, cs_run_report, CS, RUN_REPORT, GObject)

/* The overall score is computed here from the scene scores (see cs-scene-report.h), which
 * come from the judge's per-criterion results:
 *
 *   overall = the mean of the scene scores over every scene of the case, each scene
 *             weighted equally; a scene the run has not reached counts 0
 *
 * so a finished run's overall score is the mean of its scene scores (what the run's
 * closing message says) and an unfinished run's is what it has earned of the whole case.
 *
 * Properties (read-only):
 *   "title"          string, the case's title
 *   "overall-score"  double 0..1
 *   "finished"       boolean: the run is complete
 *   "scenes"         GListModel of CsSceneReport, one per scene of the case, in order
 */
CsRunReport *cs_run_report_new                    (CsScenario     *scenario,
                                                   CsProgress     *progress,
                                                   GListModel     *scene_progress,
                                                   GListModel     *messages);
/* The report of the run @orchestrator plays, as it is now. */
CsRunReport *cs_run_report_new_for_orchestrator   (CsOrchestrator *orchestrator);
/* The report of the saved run @progress_id of @scenario. */
CsRunReport *cs_run_report_load                   (CsStore        *store,
                                                   CsScenario     *scenario,
                                                   const char     *progress_id,
                                                   GError        **error);

/* The report of the latest completed run of @scenario by the local user, made on a worker
 * thread (from a copy of @scenario); NULL without an error when there is none. */
void         cs_run_report_load_latest_async      (CsStore             *store,
                                                   CsScenario          *scenario,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CsRunReport *cs_run_report_load_latest_finish     (GAsyncResult        *result,
                                                   GError             **error);

/* The report of the saved run @progress_id with its case, both read from @store on a worker
 * thread. CS_STORE_ERROR_NOT_FOUND when the run or its case is not in this library (a run
 * played on another computer and not pulled yet). */
void         cs_run_report_load_run_async         (CsStore             *store,
                                                   const char          *progress_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CsRunReport *cs_run_report_load_run_finish        (GAsyncResult        *result,
                                                   GError             **error);

CsScenario  *cs_run_report_get_scenario           (CsRunReport    *self);
CsProgress  *cs_run_report_get_progress           (CsRunReport    *self);
/* CsMessage of the run, in order. */
GListModel  *cs_run_report_get_messages           (CsRunReport    *self);
/* CsSceneProgress of the run, as given. */
GListModel  *cs_run_report_get_scene_progress     (CsRunReport    *self);
/* CsSceneReport, one per scene of the case. */
GListModel  *cs_run_report_get_scenes             (CsRunReport    *self);
const char  *cs_run_report_get_title              (CsRunReport    *self);
double       cs_run_report_get_overall_score      (CsRunReport    *self);
gboolean     cs_run_report_get_finished           (CsRunReport    *self);
/* For a run not finished, a sentence saying so and how many scenes it has not reached yet
 * (they count 0 in the overall score); NULL for a finished run. */
char        *cs_run_report_dup_unfinished_note    (CsRunReport    *self);
/* Totals over the scenes. */
int          cs_run_report_get_turns              (CsRunReport    *self);
int          cs_run_report_get_hints_used         (CsRunReport    *self);
int          cs_run_report_get_forced_scenes      (CsRunReport    *self);
guint        cs_run_report_get_passed_scenes      (CsRunReport    *self);

G_END_DECLS
