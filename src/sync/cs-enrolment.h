/* cs-enrolment.h: cohorts, invitations, enrolment requests and assignments on the server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call is one parameterised statement (or one server function, which is one
 * transaction) under the row policies of the login; the blocking calls take a PGconn (the
 * command-line tool), the _async ones run the same on a CsServer's worker thread. Rules
 * of the server (an expired code, a taken user name, somebody else's cohort) come back as
 * CS_ENROLMENT_ERROR with a sentence for the user; connection trouble as CS_SYNC_ERROR.
 *
 * Students join with cs_enrolment_join(): it connects as the narrow cs_enroll login to the
 * server of the link, redeems the code (creating the student's login with the password
 * they chose) and then signs in as the new student to read the enrolment.
 */
#pragma once

#include "cs-join-link.h"
#include "cs-server.h"

G_BEGIN_DECLS

/* The narrow login that can only redeem codes; its password is its name, public on
 * purpose (the code is the secret). */
#define CS_ENROLL_LOGIN "cs_enroll"

#define CS_ENROLMENT_ERROR (cs_enrolment_error_quark ())

typedef enum {
  CS_ENROLMENT_ERROR_FAILED,
  CS_ENROLMENT_ERROR_UNKNOWN_CODE,  /* no such code, or revoked */
  CS_ENROLMENT_ERROR_EXPIRED,
  CS_ENROLMENT_ERROR_USED_UP,
  CS_ENROLMENT_ERROR_NAME_TAKEN,
  CS_ENROLMENT_ERROR_INVALID,       /* a user name, password or value the server refuses */
  CS_ENROLMENT_ERROR_CLOSED,        /* the cohort is archived, full or takes nobody */
  CS_ENROLMENT_ERROR_NOT_FOUND,     /* no such case or cohort of yours */
  CS_ENROLMENT_ERROR_NOT_PUBLISHED, /* nothing published to assign, or cannot publish */
  CS_ENROLMENT_ERROR_DENIED,        /* not yours */
  CS_ENROLMENT_ERROR_ALREADY,       /* already in (or asked to join) that cohort */
} CsEnrolmentError;

GQuark cs_enrolment_error_quark (void);

typedef struct {
  char     *id;
  char     *title;
  char     *course_code;   /* or NULL */
  char     *semester;      /* or NULL */
  gboolean  auto_approve;
  gboolean  is_active;
  int       n_approved;
  int       n_pending;
  int       n_assigned;
} CsCohortInfo;

typedef struct {
  char      *id;
  char      *cohort_id;
  int        max_uses;
  int        use_count;
  GDateTime *expires_at;
  gboolean   revoked;
} CsInvitationInfo;

typedef struct {
  char      *id;             /* the enrolment (cohort_students row) */
  char      *cohort_id;
  char      *cohort_title;
  char      *student_id;
  char      *user_name;
  char      *display_name;
  char      *status;         /* pending, approved, rejected, withdrawn */
  GDateTime *enrolled_at;
} CsEnrolmentInfo;

typedef struct {
  char *student_id;
  char *cohort_title;
  char *status;              /* pending or approved */
} CsJoinResult;

void cs_cohort_info_free     (CsCohortInfo     *info);
void cs_invitation_info_free (CsInvitationInfo *info);
void cs_enrolment_info_free  (CsEnrolmentInfo  *info);
void cs_join_result_free     (CsJoinResult     *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsJoinResult, cs_join_result_free)

/* Blocking calls on @conn ------------------------------------------------------------------ */

/* Returns the new cohort's id. */
char      *cs_enrolment_create_cohort      (PGconn             *conn,
                                            const char         *title,
                                            const char         *course_code,
                                            gboolean            auto_approve,
                                            GError            **error);
/* CsCohortInfo of the login's cohorts (instructor) or of those they are in (student). */
GPtrArray *cs_enrolment_list_cohorts       (PGconn             *conn,
                                            GError            **error);
gboolean   cs_enrolment_set_cohort_active  (PGconn             *conn,
                                            const char         *cohort_id,
                                            gboolean            active,
                                            GError            **error);
/* Returns the code (shown once; the server keeps only its hash). @expires NULL: in 14
 * days. @auto_approve: -1 follows the cohort, 0 asks the instructor, 1 approves. */
char      *cs_enrolment_create_invitation  (PGconn             *conn,
                                            const char         *cohort_id,
                                            int                 max_uses,
                                            GDateTime          *expires,
                                            int                 auto_approve,
                                            GError            **error);
GPtrArray *cs_enrolment_list_invitations   (PGconn             *conn,
                                            const char         *cohort_id,
                                            GError            **error);
/* CsEnrolmentInfo of the login's cohorts (@cohort_id NULL: all), with @status (NULL: any). */
GPtrArray *cs_enrolment_list_requests      (PGconn             *conn,
                                            const char         *cohort_id,
                                            const char         *status,
                                            GError            **error);
/* Approves or rejects the enrolments @ids, all or none; returns how many (-1 on error). */
int        cs_enrolment_decide             (PGconn             *conn,
                                            const char * const *ids,
                                            gboolean            approve,
                                            GError            **error);
/* Assigns the newest published version of @scenario_id (a draft or a version) to the
 * cohort; returns the version's id. */
char      *cs_enrolment_assign             (PGconn             *conn,
                                            const char         *cohort_id,
                                            const char         *scenario_id,
                                            GDateTime          *due,
                                            GError            **error);
/* Publishes the server's copy of the draft @scenario_id; returns the new version's id and
 * sets *number (1, 2, …). */
char      *cs_enrolment_publish            (PGconn             *conn,
                                            const char         *scenario_id,
                                            int                *number,
                                            GError            **error);

/* Connects as cs_enroll to the server of @conninfo (its user and password are ignored). */
PGconn    *cs_enrolment_connect_enroll     (const char         *conninfo,
                                            GError            **error);
/* The whole join: redeem the code as cs_enroll, then read the enrolment as the student. */
CsJoinResult *cs_enrolment_join            (const char         *conninfo,
                                            const char         *code,
                                            const char         *user_name,
                                            const char         *password,
                                            const char         *display_name,
                                            GError            **error);

/* A signed-in student joins another cohort with its code; the result's student_id is NULL. */
CsJoinResult *cs_enrolment_join_cohort     (PGconn             *conn,
                                            const char         *code,
                                            GError            **error);
/* Revokes an invitation of the login's cohorts: its code stops working at once. */
gboolean   cs_enrolment_revoke_invitation  (PGconn             *conn,
                                            const char         *invitation_id,
                                            GError            **error);
/* Changes a cohort's title, course code (NULL: none) and whether it approves by itself. */
gboolean   cs_enrolment_edit_cohort        (PGconn             *conn,
                                            const char         *cohort_id,
                                            const char         *title,
                                            const char         *course_code,
                                            gboolean            auto_approve,
                                            GError            **error);

/* The same on a CsServer's worker ------------------------------------------------------ */

void       cs_enrolment_list_cohorts_async   (CsServer            *server,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *cs_enrolment_list_cohorts_finish  (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_enrolment_create_invitation_async  (CsServer            *server,
                                                  const char          *cohort_id,
                                                  int                  max_uses,
                                                  GDateTime           *expires,
                                                  int                  auto_approve,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char      *cs_enrolment_create_invitation_finish (CsServer            *server,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void       cs_enrolment_list_requests_async  (CsServer            *server,
                                              const char          *cohort_id,
                                              const char          *status,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *cs_enrolment_list_requests_finish (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_enrolment_decide_async         (CsServer            *server,
                                              const char * const  *ids,
                                              gboolean             approve,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
int        cs_enrolment_decide_finish        (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_enrolment_assign_async         (CsServer            *server,
                                              const char          *cohort_id,
                                              const char          *scenario_id,
                                              GDateTime           *due,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char      *cs_enrolment_assign_finish        (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);

void          cs_enrolment_join_cohort_async  (CsServer            *server,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
CsJoinResult *cs_enrolment_join_cohort_finish (CsServer            *server,
                                               GAsyncResult        *result,
                                               GError             **error);
void       cs_enrolment_create_cohort_async  (CsServer            *server,
                                              const char          *title,
                                              const char          *course_code,
                                              gboolean             auto_approve,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char      *cs_enrolment_create_cohort_finish (CsServer            *server,
                                              GAsyncResult        *result,
                                              GError             **error);
void       cs_enrolment_list_invitations_async  (CsServer            *server,
                                                 const char          *cohort_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray *cs_enrolment_list_invitations_finish (CsServer            *server,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Joins through @link (a thread of its own: the student has no CsServer yet). */
void          cs_enrolment_join_async        (const CsJoinLink    *link,
                                              const char          *user_name,
                                              const char          *password,
                                              const char          *display_name,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CsJoinResult *cs_enrolment_join_finish       (GAsyncResult        *result,
                                              GError             **error);

/* The conninfo of @link for @user_name (and @password, may be NULL). */
char         *cs_enrolment_link_conninfo     (const CsJoinLink    *link,
                                              const char          *user_name,
                                              const char          *password);

G_END_DECLS
