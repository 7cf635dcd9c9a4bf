/* cs-cohorts-window.h: the cohorts of the signed-in person, and the dashboard of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-dashboard-page.h"
#include "cs-enrolment-page.h"
#include "cs-student-page.h"

G_BEGIN_DECLS

#define CS_TYPE_COHORTS_WINDOW (cs_cohorts_window_get_type ())
G_DECLARE_FINAL_TYPE (CsCohortsWindow, cs_cohorts_window, CS, COHORTS_WINDOW, AdwWindow)

CsCohortsWindow *cs_cohorts_window_new      (GtkWindow       *parent,
                                             CsServer        *server);
CsDashboardPage *cs_cohorts_window_get_page (CsCohortsWindow *self);
/* Where the window's live updates LISTEN (the sync account's listen connection,
 * cs_sync_get_listen_conninfo(): behind a pooler in transaction mode LISTEN on the server's
 * own connection hears nothing); NULL: on @server's connection. The dashboard shown is
 * watched there at once, and every one shown after it. */
void             cs_cohorts_window_set_listen_conninfo (CsCohortsWindow *self,
                                                        const char      *conninfo);
const char      *cs_cohorts_window_get_listen_conninfo (CsCohortsWindow *self);
CsEnrolmentPage *cs_cohorts_window_get_enrolment_page (CsCohortsWindow *self);
CsStudentPage   *cs_cohorts_window_get_student_page   (CsCohortsWindow *self);
/* The login's kind (cs_sync_session_get_kind()): "student" shows only the student's own
 * assignments and none of the instructor's controls; anything else shows those. */
void             cs_cohorts_window_set_kind           (CsCohortsWindow *self,
                                                       const char      *kind);
/* Shows "dashboard" or "enrolment". */
void             cs_cohorts_window_show_view (CsCohortsWindow *self,
                                              const char      *name);
/* Shows the cohort @cohort_id (once the list has it) in @view (NULL: as it is), and then
 * for a student the assignment @assignment_id, or for an instructor the run of
 * @student_id for that assignment in its read-only window (as clicking its dashboard cell
 * does). What a notification points at (see cs-open-target.h). */
void             cs_cohorts_window_open      (CsCohortsWindow *self,
                                              const char      *cohort_id,
                                              const char      *view,
                                              const char      *assignment_id,
                                              const char      *student_id);
/* The cohort shown (NULL: none yet) and the view shown ("dashboard", "enrolment",
 * "assignments"). */
const char      *cs_cohorts_window_get_cohort_id (CsCohortsWindow *self);
const char      *cs_cohorts_window_get_view      (CsCohortsWindow *self);
/* The cohorts listed (CsCohortInfo, owned by the window), once loaded. */
GPtrArray       *cs_cohorts_window_get_cohorts (CsCohortsWindow *self);

G_END_DECLS
