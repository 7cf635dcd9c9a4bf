/* cs-dashboard.h: the dashboard of one cohort: students × assignments, loaded from the
 * server, kept live through LISTEN cs_dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every query runs as a job of the CsServer's worker thread (never on the caller's thread),
 * in one read-only, repeatable-read transaction, so that the students, assignments, cells and
 * scene figures of one load belong together. A load replaces the contents of the three
 * list models in one "items-changed" each and then emits "loaded".
 *
 * cs_dashboard_watch() listens on its own connection; each notification naming this cohort
 * reloads (notifications that arrive during a load make one more load after it), and so
 * does every (re)connection of the listener, which catches up on what was missed while it
 * was away. "changed" names the table of each such notification (NULL for a
 * (re)connection), for views that only care about some changes (enrolments).
 *
 * What the server lets the login see decides the rows: the cohort's instructor gets every
 * approved student, an approved student their own row.
 */
#pragma once

#include "cs-dashboard-assignment.h"
#include "cs-dashboard-student.h"
#include "cs-server.h"

G_BEGIN_DECLS

/* A student counts as active now when they did something in this many seconds. */
#define CS_DASHBOARD_ACTIVE_SECONDS (15 * 60)

#define CS_TYPE_DASHBOARD (cs_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (CsDashboard, cs_dashboard, CS, DASHBOARD, GObject)

CsDashboard *cs_dashboard_new                   (CsServer            *server,
                                                 const char          *cohort_id);
CsServer    *cs_dashboard_get_server            (CsDashboard         *self);
const char  *cs_dashboard_get_cohort_id         (CsDashboard         *self);
/* The cohort's title and course code ("" until loaded). */
const char  *cs_dashboard_get_title             (CsDashboard         *self);
const char  *cs_dashboard_get_course_code       (CsDashboard         *self);
gboolean     cs_dashboard_get_loading           (CsDashboard         *self);

/* CsDashboardStudent (by name), CsDashboardAssignment (by due date), and CsDashboardCell
 * (student after student, each in the order of the assignments). */
GListModel  *cs_dashboard_get_students          (CsDashboard         *self);
GListModel  *cs_dashboard_get_assignments       (CsDashboard         *self);
GListModel  *cs_dashboard_get_cells             (CsDashboard         *self);

/* Header figures, computed from the loaded cells. Median completion: the median over the
 * students of their mean progress (negative without students or assignments). Average
 * score: the mean grade in force of the graded cells (negative without any). */
guint        cs_dashboard_get_n_students        (CsDashboard         *self);
guint        cs_dashboard_get_n_active          (CsDashboard         *self);
guint        cs_dashboard_get_n_not_started     (CsDashboard         *self);
double       cs_dashboard_get_median_completion (CsDashboard         *self);
double       cs_dashboard_get_average_score     (CsDashboard         *self);

void         cs_dashboard_load_async            (CsDashboard         *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     cs_dashboard_load_finish           (CsDashboard         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* LISTEN on @conninfo (the same server and login as the CsServer's; NULL: the CsServer's). */
void         cs_dashboard_watch                 (CsDashboard         *self,
                                                 const char          *conninfo);
void         cs_dashboard_unwatch               (CsDashboard         *self);
gboolean     cs_dashboard_get_watching          (CsDashboard         *self);

/* Overrides the grade of a run (@score 0..1) with a reason the student sees; the server
 * keeps every override. Reloads afterwards. G_IO_ERROR_INVALID_ARGUMENT for a bad score
 * or an empty reason, before anything is sent. */
void         cs_dashboard_override_grade_async  (CsDashboard         *self,
                                                 const char          *progress_id,
                                                 double               score,
                                                 const char          *reason,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     cs_dashboard_override_grade_finish (CsDashboard         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Grades as CSV (RFC 4180: CRLF, fields quoted when needed): one row per student ×
 * assignment with the grade in force and one column per scene score. */
char        *cs_dashboard_to_csv                (CsDashboard         *self);
/* Writes cs_dashboard_to_csv() to @file atomically (the old file stays until the new one
 * is complete). */
void         cs_dashboard_export_csv_async      (CsDashboard         *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     cs_dashboard_export_csv_finish     (CsDashboard         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* The cohort report as an A4 PDF (cs-dashboard-pdf.c): one page per assignment (more when
 * its students do not fit) with the distribution of the grades in force and a row per
 * student, overrides applied and marked. The dashboard's contents are copied at the call;
 * drawing and the atomic write of @file run on a thread. */
void         cs_dashboard_export_pdf_async      (CsDashboard         *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     cs_dashboard_export_pdf_finish     (CsDashboard         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
