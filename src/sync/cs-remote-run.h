/* cs-remote-run.h: one student's run read from the server for viewing, never written into
 * the local library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cs_remote_run_fetch_async() reads, as a job of the CsServer's worker thread and in one
 * read-only, repeatable-read transaction: the run (cs.user_progress), its scenes' progress
 * with the judge's per-criterion results, its messages in order, the scenes of the case
 * (titles, pass marks and criteria, enough for a CsRunReport) and the history of overrides
 * of the run's grade, oldest first. The row policies decide: a student reads their own
 * runs, an instructor those of the approved students of their cohorts on the cases assigned
 * to them; anybody else gets CS_SYNC_ERROR_DENIED, as for a run that does not exist.
 *
 * The history lists the overrides the login may read: the student every override of their
 * run, an instructor their own.
 */
#pragma once

#include "cs-grade-override.h"
#include "cs-model.h"
#include "cs-run-report.h"
#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_REMOTE_RUN (cs_remote_run_get_type ())
G_DECLARE_FINAL_TYPE (CsRemoteRun, cs_remote_run, CS, REMOTE_RUN, GObject)

void             cs_remote_run_fetch_async          (CsServer            *server,
                                                     const char          *progress_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* G_IO_ERROR_INVALID_ARGUMENT for an id that is no UUID (nothing is sent). */
CsRemoteRun     *cs_remote_run_fetch_finish         (CsServer            *server,
                                                     GAsyncResult        *result,
                                                     GError             **error);

CsProgress      *cs_remote_run_get_progress         (CsRemoteRun         *self);
/* The student's display name and login. */
const char      *cs_remote_run_get_student_name     (CsRemoteRun         *self);
const char      *cs_remote_run_get_student_login    (CsRemoteRun         *self);
/* The case as far as the report needs it: title and scenes with their criteria. */
CsScenario      *cs_remote_run_get_scenario         (CsRemoteRun         *self);
/* CsSceneProgress, in the order the scenes were begun. */
GListModel      *cs_remote_run_get_scene_progress   (CsRemoteRun         *self);
/* CsMessage, in the order of the conversation. */
GListModel      *cs_remote_run_get_messages         (CsRemoteRun         *self);
/* CsGradeOverride of the run's grade, oldest first. */
GListModel      *cs_remote_run_get_overrides        (CsRemoteRun         *self);
/* The run's computed grade (0..1, negative when not graded) and the grade in force: the
 * newest override, else the computed grade. */
double           cs_remote_run_get_computed_score   (CsRemoteRun         *self);
double           cs_remote_run_get_score            (CsRemoteRun         *self);
gboolean         cs_remote_run_get_overridden       (CsRemoteRun         *self);
/* A new report of the run (scene scores and criteria with the quoted evidence). */
CsRunReport     *cs_remote_run_make_report          (CsRemoteRun         *self);

G_END_DECLS
