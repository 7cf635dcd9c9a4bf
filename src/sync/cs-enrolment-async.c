/* cs-enrolment-async.c: the enrolment calls as jobs of a CsServer's worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each job runs the blocking call of cs-enrolment.c on the worker's connection and hands
 * its result back through cs_server_query_finish(); joining, which has no CsServer yet,
 * runs on a GTask thread.
 */

#include "config.h"

#include "cs-enrolment.h"
#include "cs-server-query.h"

/* Async: the same calls as jobs of a CsServer */

typedef struct {
  char      *a;
  char      *b;
  char      *c;
  char      *d;
  GStrv      ids;
  GDateTime *when;
  int        n;
  int        flag;
} Args;

static void
args_free (Args *args)
{
  g_free (args->a);
  g_free (args->b);
  g_free (args->c);
  if (args->d)
    memset (args->d, 0, strlen (args->d));  /* a password */
  g_free (args->d);
  g_strfreev (args->ids);
  g_clear_pointer (&args->when, g_date_time_unref);
  g_free (args);
}

static Args *
args_new (void)
{
  return g_new0 (Args, 1);
}

static gboolean
list_cohorts_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  return (*result = cs_enrolment_list_cohorts (conn, error)) != NULL;
}

static gboolean
create_invitation_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_create_invitation (conn, args->a, args->n, args->when, args->flag, error)) != NULL;
}

static gboolean
list_requests_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_list_requests (conn, args->a, args->b, error)) != NULL;
}

static gboolean
decide_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  int n = cs_enrolment_decide (conn, (const char * const *) args->ids, args->flag, error);

  if (n < 0)
    return FALSE;
  *result = GINT_TO_POINTER (n + 1);  /* never NULL */
  return TRUE;
}

static gboolean
assign_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_assign (conn, args->a, args->b, args->when, error)) != NULL;
}

static gboolean
join_cohort_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_join_cohort (conn, args->a, error)) != NULL;
}

static gboolean
create_cohort_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_create_cohort (conn, args->a, args->b, args->flag, error)) != NULL;
}

static gboolean
list_invitations_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_enrolment_list_invitations (conn, args->a, error)) != NULL;
}

void
cs_enrolment_list_cohorts_async (CsServer            *server,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  cs_server_run_async (server, list_cohorts_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

GPtrArray *
cs_enrolment_list_cohorts_finish (CsServer      *server,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_create_invitation_async (CsServer            *server,
                                      const char          *cohort_id,
                                      int                  max_uses,
                                      GDateTime           *expires,
                                      int                  auto_approve,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (cohort_id);
  args->n = max_uses;
  args->when = expires ? g_date_time_ref (expires) : NULL;
  args->flag = auto_approve;
  cs_server_run_async (server, create_invitation_job, args, (GDestroyNotify) args_free, g_free,
                       cancellable, callback, user_data);
}

char *
cs_enrolment_create_invitation_finish (CsServer      *server,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_list_requests_async (CsServer            *server,
                                  const char          *cohort_id,
                                  const char          *status,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (cohort_id);
  args->b = g_strdup (status);
  cs_server_run_async (server, list_requests_job, args, (GDestroyNotify) args_free,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_enrolment_list_requests_finish (CsServer      *server,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_decide_async (CsServer            *server,
                           const char * const  *ids,
                           gboolean             approve,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *args = args_new ();

  args->ids = g_strdupv ((GStrv) ids);
  args->flag = approve;
  cs_server_run_async (server, decide_job, args, (GDestroyNotify) args_free, NULL,
                       cancellable, callback, user_data);
}

int
cs_enrolment_decide_finish (CsServer      *server,
                            GAsyncResult  *result,
                            GError       **error)
{
  /* The job's count is never NULL: NULL is the error, -1. */
  return GPOINTER_TO_INT (cs_server_query_finish (server, result, error)) - 1;
}

void
cs_enrolment_assign_async (CsServer            *server,
                           const char          *cohort_id,
                           const char          *scenario_id,
                           GDateTime           *due,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (cohort_id);
  args->b = g_strdup (scenario_id);
  args->when = due ? g_date_time_ref (due) : NULL;
  cs_server_run_async (server, assign_job, args, (GDestroyNotify) args_free, g_free,
                       cancellable, callback, user_data);
}

char *
cs_enrolment_assign_finish (CsServer      *server,
                            GAsyncResult  *result,
                            GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_join_cohort_async (CsServer            *server,
                                const char          *code,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (code);
  cs_server_run_async (server, join_cohort_job, args, (GDestroyNotify) args_free,
                       (GDestroyNotify) cs_join_result_free, cancellable, callback, user_data);
}

CsJoinResult *
cs_enrolment_join_cohort_finish (CsServer      *server,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_create_cohort_async (CsServer            *server,
                                  const char          *title,
                                  const char          *course_code,
                                  gboolean             auto_approve,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (title);
  args->b = g_strdup (course_code);
  args->flag = auto_approve;
  cs_server_run_async (server, create_cohort_job, args, (GDestroyNotify) args_free, g_free,
                       cancellable, callback, user_data);
}

char *
cs_enrolment_create_cohort_finish (CsServer      *server,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_enrolment_list_invitations_async (CsServer            *server,
                                     const char          *cohort_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *args = args_new ();

  args->a = g_strdup (cohort_id);
  cs_server_run_async (server, list_invitations_job, args, (GDestroyNotify) args_free,
                       (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_enrolment_list_invitations_finish (CsServer      *server,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

/* Joining runs on a GTask thread: there is no CsServer for a student yet. */

static void
join_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Args *args = data;
  g_autoptr(CsJoinLink) link = NULL;
  g_autofree char *conninfo = NULL;
  GError *error = NULL;
  CsJoinResult *result;

  if (!(link = cs_join_link_parse (args->a, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  conninfo = cs_enrolment_link_conninfo (link, CS_ENROLL_LOGIN, NULL);
  if ((result = cs_enrolment_join (conninfo, link->code, args->b, args->d, args->c, &error)))
    g_task_return_pointer (task, result, (GDestroyNotify) cs_join_result_free);
  else
    g_task_return_error (task, error);
}

void
cs_enrolment_join_async (const CsJoinLink    *link,
                         const char          *user_name,
                         const char          *password,
                         const char          *display_name,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Args *args = args_new ();

  g_return_if_fail (link != NULL);

  args->a = cs_join_link_to_string (link);
  args->b = g_strdup (user_name);
  args->c = g_strdup (display_name);
  args->d = g_strdup (password);
  g_task_set_source_tag (task, cs_enrolment_join_async);
  g_task_set_task_data (task, args, (GDestroyNotify) args_free);
  g_task_run_in_thread (task, join_thread);
}

CsJoinResult *
cs_enrolment_join_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
