/* cs-cohort-admin.c: an instructor manages a cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-cohort-admin.h"
#include "cs-enrolment-private.h"
#include "cs-pg.h"
#include "cs-server-query.h"

void
cs_published_case_free (CsPublishedCase *info)
{
  if (!info)
    return;
  g_free (info->id);
  g_free (info->title);
  g_clear_pointer (&info->published_at, g_date_time_unref);
  g_free (info);
}

static const char *
or_null (const char *text)
{
  return text && *text ? text : NULL;
}

char *
cs_cohort_admin_save (PGconn      *conn,
                      const char  *cohort_id,
                      const char  *title,
                      const char  *course_code,
                      const char  *semester,
                      gboolean     auto_approve,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  g_autofree char *code = g_strstrip (g_strdup (course_code ? course_code : ""));
  g_autofree char *term = g_strstrip (g_strdup (semester ? semester : ""));
  const char *params[] = { clean, or_null (code), or_null (term), auto_approve ? "true" : "false", cohort_id };

  if (!*clean)
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID,
                           _("A cohort needs a title."));
      return NULL;
    }
  if (!cohort_id)
    return cs_enrolment_query_value (conn,
                                     "INSERT INTO cs.cohorts (id, instructor_id, title, course_code, semester, auto_approve) "
                                     "VALUES (gen_random_uuid (), (SELECT cs.uid (current_user)), $1, $2, $3, $4::boolean) "
                                     "RETURNING id::text",
                                     4, params, error);
  return cs_enrolment_query_value (conn,
                                   "UPDATE cs.cohorts SET title = $1, course_code = $2, semester = $3, "
                                   "       auto_approve = $4::boolean, updated_at = now (), version = version + 1 "
                                   " WHERE id = $5::uuid AND instructor_id = (SELECT cs.uid (current_user)) "
                                   "RETURNING id::text",
                                   5, params, error);
}

#define WITHDRAW_SQL "SELECT cs.cs_withdraw_student ($1::uuid)"
#define REINSTATE_SQL "SELECT cs.cs_reinstate_student ($1::uuid)"

gboolean
cs_cohort_admin_withdraw (PGconn      *conn,
                          const char  *enrolment_id,
                          GError     **error)
{
  const char *params[] = { enrolment_id };
  g_autoptr(PGresult) result = cs_enrolment_query (conn, WITHDRAW_SQL, 1, params, error);

  return result != NULL;
}

gboolean
cs_cohort_admin_reinstate (PGconn      *conn,
                           const char  *enrolment_id,
                           GError     **error)
{
  const char *params[] = { enrolment_id };
  g_autoptr(PGresult) result = cs_enrolment_query (conn, REINSTATE_SQL, 1, params, error);

  return result != NULL;
}

char *
cs_cohort_admin_assign (PGconn      *conn,
                        const char  *cohort_id,
                        const char  *scenario_id,
                        GDateTime   *due,
                        gboolean     required,
                        GError     **error)
{
  g_autofree char *until = due ? g_date_time_format_iso8601 (due) : NULL;
  const char *params[] = { cohort_id, scenario_id, until, required ? "true" : "false" };

  return cs_enrolment_query_value (conn,
                                   "SELECT cs.cs_assign_scenario ($1::uuid, $2::uuid, $3::timestamptz, $4::boolean)::text",
                                   4, params, error);
}

#define LIST_CASES_SQL \
  "SELECT id::text, title, number, to_char (published_at AT TIME ZONE 'UTC', " \
  "       'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM (" \
  "  SELECT DISTINCT ON (coalesce (published_from, id)) id, title, " \
  "         coalesce (publish_number, 1) AS number, published_at " \
  "    FROM cs.scenarios " \
  "   WHERE is_published AND deleted_at IS NULL " \
  "     AND owner_id = (SELECT cs.uid (current_user)) " \
  "   ORDER BY coalesce (published_from, id), publish_number DESC NULLS LAST" \
  ") newest ORDER BY lower (title), id"

static gpointer
cases_from_rows (PGresult *result)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_published_case_free);

  for (int r = 0; r < PQntuples (result); r++)
    {
      CsPublishedCase *info = g_new0 (CsPublishedCase, 1);

      info->id = g_strdup (PQgetvalue (result, r, 0));
      info->title = g_strdup (PQgetvalue (result, r, 1));
      info->number = atoi (PQgetvalue (result, r, 2));
      if (!PQgetisnull (result, r, 3))
        info->published_at = g_date_time_new_from_iso8601 (PQgetvalue (result, r, 3), NULL);
      g_ptr_array_add (list, info);
    }
  return list;
}

GPtrArray *
cs_cohort_admin_list_cases (PGconn  *conn,
                            GError **error)
{
  g_autoptr(PGresult) result = cs_enrolment_query (conn, LIST_CASES_SQL, 0, NULL, error);

  return result ? cases_from_rows (result) : NULL;
}

/* Run-level overrides of the login's own runs (the row policies let a student read those),
 * the newest of each. */
#define LIST_FEEDBACK_SQL \
  "SELECT DISTINCT ON (g.progress_id) g.progress_id::text, g.reason " \
  "  FROM cs.grade_overrides g JOIN cs.user_progress p ON p.id = g.progress_id " \
  " WHERE g.scene_progress_id IS NULL " \
  "   AND p.user_id = (SELECT cs.uid (current_user)) " \
  " ORDER BY g.progress_id, g.change_seq DESC, g.created_at DESC"

static gpointer
feedback_from_rows (PGresult *result)
{
  GHashTable *feedback = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int r = 0; r < PQntuples (result); r++)
    g_hash_table_insert (feedback, g_strdup (PQgetvalue (result, r, 0)), g_strdup (PQgetvalue (result, r, 1)));
  return feedback;
}

GHashTable *
cs_cohort_admin_list_feedback (PGconn  *conn,
                               GError **error)
{
  g_autoptr(PGresult) result = cs_enrolment_query (conn, LIST_FEEDBACK_SQL, 0, NULL, error);

  return result ? feedback_from_rows (result) : NULL;
}

/* On the worker */

typedef struct {
  char      *cohort_id;
  char      *a;
  char      *b;
  char      *c;
  GDateTime *when;
  gboolean   flag;
} Args;

static void
args_free (Args *args)
{
  g_free (args->cohort_id);
  g_free (args->a);
  g_free (args->b);
  g_free (args->c);
  g_clear_pointer (&args->when, g_date_time_unref);
  g_free (args);
}

static void
run (CsServer            *server,
     CsServerJobFunc      job,
     Args                *args,
     GDestroyNotify       result_destroy,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  cs_server_run_async (server, job, args, (GDestroyNotify) args_free, result_destroy,
                       cancellable, callback, user_data);
}

static gboolean
save_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_cohort_admin_save (conn, args->cohort_id, args->a, args->b, args->c, args->flag, error)) != NULL;
}

void
cs_cohort_admin_save_async (CsServer            *server,
                            const char          *cohort_id,
                            const char          *title,
                            const char          *course_code,
                            const char          *semester,
                            gboolean             auto_approve,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->cohort_id = g_strdup (cohort_id);
  args->a = g_strdup (title);
  args->b = g_strdup (course_code);
  args->c = g_strdup (semester);
  args->flag = auto_approve;
  run (server, save_job, args, g_free, cancellable, callback, user_data);
}

char *
cs_cohort_admin_save_finish (CsServer      *server,
                             GAsyncResult  *result,
                             GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

static gboolean
set_active_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return cs_enrolment_set_cohort_active (conn, args->cohort_id, args->flag, error);
}

void
cs_cohort_admin_set_active_async (CsServer            *server,
                                  const char          *cohort_id,
                                  gboolean             active,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->cohort_id = g_strdup (cohort_id);
  args->flag = active;
  run (server, set_active_job, args, NULL, cancellable, callback, user_data);
}

gboolean
cs_cohort_admin_set_active_finish (CsServer      *server,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return cs_server_run_finish (server, result, NULL, error);
}

void
cs_cohort_admin_withdraw_full_async (CsServer            *server,
                                     const char          *enrolment_id,
                                     gboolean             reinstate,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  cs_server_query_async (server, reinstate ? REINSTATE_SQL : WITHDRAW_SQL, 1, (const char *[]) { enrolment_id },
                         cs_enrolment_query, NULL, NULL, cancellable, callback, user_data);
}

void
cs_cohort_admin_withdraw_async (CsServer            *server,
                                const char          *enrolment_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  cs_cohort_admin_withdraw_full_async (server, enrolment_id, FALSE, cancellable, callback, user_data);
}

gboolean
cs_cohort_admin_withdraw_finish (CsServer      *server,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return cs_server_run_finish (server, result, NULL, error);
}

static gboolean
assign_job (PGconn *conn, gpointer data, gpointer *result, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  return (*result = cs_cohort_admin_assign (conn, args->cohort_id, args->a, args->when, args->flag, error)) != NULL;
}

void
cs_cohort_admin_assign_async (CsServer            *server,
                              const char          *cohort_id,
                              const char          *scenario_id,
                              GDateTime           *due,
                              gboolean             required,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->cohort_id = g_strdup (cohort_id);
  args->a = g_strdup (scenario_id);
  args->when = due ? g_date_time_ref (due) : NULL;
  args->flag = required;
  run (server, assign_job, args, g_free, cancellable, callback, user_data);
}

char *
cs_cohort_admin_assign_finish (CsServer      *server,
                               GAsyncResult  *result,
                               GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_cohort_admin_list_cases_async (CsServer            *server,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  cs_server_query_async (server, LIST_CASES_SQL, 0, NULL, cs_enrolment_query, cases_from_rows,
                         (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
cs_cohort_admin_list_cases_finish (CsServer      *server,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return cs_server_query_finish (server, result, error);
}

void
cs_cohort_admin_list_feedback_async (CsServer            *server,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  cs_server_query_async (server, LIST_FEEDBACK_SQL, 0, NULL, cs_enrolment_query, feedback_from_rows,
                         (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

GHashTable *
cs_cohort_admin_list_feedback_finish (CsServer      *server,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return cs_server_query_finish (server, result, error);
}
