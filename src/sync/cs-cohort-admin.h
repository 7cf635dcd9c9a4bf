/* cs-cohort-admin.h: an instructor manages a cohort: its details, its assignments and
 * taking a student out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like cs-enrolment.h: each call is one statement under the login's row policies; the
 * blocking calls take a PGconn, the _async ones run on a CsServer's worker. Somebody else's
 * cohort or student gives CS_ENROLMENT_ERROR_DENIED or _NOT_FOUND.
 */
#pragma once

#include "cs-enrolment.h"

G_BEGIN_DECLS

typedef struct {
  char      *id;            /* the newest published version */
  char      *title;
  int        number;        /* its version number, 1, 2, … */
  GDateTime *published_at;  /* or NULL */
} CsPublishedCase;

void       cs_published_case_free     (CsPublishedCase *info);

/* Creates (@cohort_id NULL) or changes a cohort of the login; @course_code and @semester
 * NULL or "": none. Returns the cohort's id. */
char      *cs_cohort_admin_save       (PGconn      *conn,
                                       const char  *cohort_id,
                                       const char  *title,
                                       const char  *course_code,
                                       const char  *semester,
                                       gboolean     auto_approve,
                                       GError     **error);
/* The enrolment @enrolment_id becomes withdrawn; the student's runs stay. */
gboolean   cs_cohort_admin_withdraw   (PGconn      *conn,
                                       const char  *enrolment_id,
                                       GError     **error);
/* Undoes cs_cohort_admin_withdraw(): the student is approved again. */
gboolean   cs_cohort_admin_reinstate  (PGconn      *conn,
                                       const char  *enrolment_id,
                                       GError     **error);
/* Assigns the newest published version of @scenario_id, due at @due (NULL: no due date);
 * assigning it again changes the due date and @required. Returns the version's id. */
char      *cs_cohort_admin_assign     (PGconn      *conn,
                                       const char  *cohort_id,
                                       const char  *scenario_id,
                                       GDateTime   *due,
                                       gboolean     required,
                                       GError     **error);
/* CsPublishedCase of the login's published cases, by title. */
GPtrArray *cs_cohort_admin_list_cases (PGconn      *conn,
                                       GError     **error);

/* For a student: the newest reason the instructor gave for a grade of each of the login's
 * runs (progress id → reason; runs without an override are left out). */
GHashTable *cs_cohort_admin_list_feedback (PGconn     *conn,
                                           GError    **error);

void       cs_cohort_admin_list_feedback_async  (CsServer            *server,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GHashTable *cs_cohort_admin_list_feedback_finish (CsServer           *server,
                                                  GAsyncResult       *result,
                                                  GError            **error);

void       cs_cohort_admin_save_async        (CsServer            *server,
                                              const char          *cohort_id,
                                              const char          *title,
                                              const char          *course_code,
                                              const char          *semester,
                                              gboolean             auto_approve,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char      *cs_cohort_admin_save_finish       (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_cohort_admin_set_active_async  (CsServer            *server,
                                              const char          *cohort_id,
                                              gboolean             active,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   cs_cohort_admin_set_active_finish (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_cohort_admin_withdraw_async    (CsServer            *server,
                                              const char          *enrolment_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   cs_cohort_admin_withdraw_finish   (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
/* @reinstate: cs_cohort_admin_reinstate() instead. */
void       cs_cohort_admin_withdraw_full_async (CsServer          *server,
                                                const char        *enrolment_id,
                                                gboolean           reinstate,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
void       cs_cohort_admin_assign_async      (CsServer            *server,
                                              const char          *cohort_id,
                                              const char          *scenario_id,
                                              GDateTime           *due,
                                              gboolean             required,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char      *cs_cohort_admin_assign_finish     (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_cohort_admin_list_cases_async  (CsServer            *server,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *cs_cohort_admin_list_cases_finish (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
