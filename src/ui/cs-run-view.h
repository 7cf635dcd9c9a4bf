/* cs-run-view.h: one student's run of a cohort dashboard, read-only: grade, report with
 * the evidence behind each criterion, transcript and grade history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-dashboard.h"
#include "cs-remote-run.h"
#include "cs-run-report.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_RUN_VIEW (cs_run_view_get_type ())
G_DECLARE_FINAL_TYPE (CsRunView, cs_run_view, CS, RUN_VIEW, AdwWindow)

/* A window for the run of @cell of @dashboard, transient for @parent. It reads the run
 * from the dashboard's server (on its worker) and again when a reload of the dashboard
 * shows that this run or its grade changed, so that an override or a new turn shows. A student who has not started gets an empty state.
 * Actions: "run.override" (Ctrl+G) opens the override dialog, "run.reload" (Ctrl+R, F5)
 * reads the run again. */
GtkWidget   *cs_run_view_new          (GtkWindow       *parent,
                                       CsDashboard     *dashboard,
                                       CsDashboardCell *cell);
/* A student's own run of @cell (their dashboard's), read from @store, their local library,
 * where it was played: grade (from @cell), report and transcript; no override, no history.
 * A run not in @store (played elsewhere, not synced yet) shows "missing". "run.reload"
 * reads it again. */
GtkWidget   *cs_run_view_new_local    (GtkWindow       *parent,
                                       CsStore         *store,
                                       CsDashboardCell *cell,
                                       const char      *assignment_title);
/* The report of a local run as last read (NULL otherwise). */
CsRunReport *cs_run_view_get_report   (CsRunView       *self);
/* The run as last read (NULL while none is, or when not started). */
CsRemoteRun *cs_run_view_get_run      (CsRunView       *self);
/* TRUE while a read is under way. */
gboolean     cs_run_view_get_loading  (CsRunView       *self);
/* How many times the run was read (from the server or the library), for tests. */
guint        cs_run_view_get_n_reads  (CsRunView       *self);
/* What is shown: "loading", "failed", "empty" (not started), "missing" (a local run not in
 * the library) or "run". */
const char  *cs_run_view_get_state    (CsRunView       *self);
/* For tests: the header's grade text ("85 % (overridden from 70 %)"), the transcript and
 * the history list. */
const char  *cs_run_view_get_score_text (CsRunView     *self);
GtkListView *cs_run_view_get_transcript (CsRunView     *self);
GtkListBox  *cs_run_view_get_history    (CsRunView     *self);

G_END_DECLS
