/* cs-enrolment.c: cohorts, invitations, enrolment requests and assignments on the server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-enrolment.h"
#include "cs-enrolment-private.h"
#include "cs-pg.h"
#include "cs-server-account.h"

G_DEFINE_QUARK (cs-enrolment-error-quark, cs_enrolment_error)

#define TIME(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

void
cs_cohort_info_free (CsCohortInfo *info)
{
  if (!info)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->course_code);
  g_free (info->semester);
  g_free (info);
}

void
cs_invitation_info_free (CsInvitationInfo *info)
{
  if (!info)
    return;
  g_free (info->id);
  g_free (info->cohort_id);
  g_clear_pointer (&info->expires_at, g_date_time_unref);
  g_free (info);
}

void
cs_enrolment_info_free (CsEnrolmentInfo *info)
{
  if (!info)
    return;
  g_free (info->id);
  g_free (info->cohort_id);
  g_free (info->cohort_title);
  g_free (info->student_id);
  g_free (info->user_name);
  g_free (info->display_name);
  g_free (info->status);
  g_clear_pointer (&info->enrolled_at, g_date_time_unref);
  g_free (info);
}

void
cs_join_result_free (CsJoinResult *result)
{
  if (!result)
    return;
  g_free (result->student_id);
  g_free (result->cohort_title);
  g_free (result->status);
  g_free (result);
}

/* Errors: the server's rules by SQLSTATE, with a sentence for the user */

/* "the user name must be …" → "The user name must be ….", for the rules whose detail
 * only the server knows. */
static char *
sentence (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  gsize len = strlen (text);

  return g_strdup_printf ("%s%s%s", first, g_utf8_next_char (text),
                          len && text[len - 1] != '.' ? "." : "");
}

static gboolean
check (PGconn    *conn,
       PGresult  *result,
       GError   **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *state;
  const char *text;
  g_autofree char *message = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  text = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  if (!state || !text || PQstatus (conn) != CONNECTION_OK)
    return cs_server_check (conn, result, error);

  message = sentence (text);
  if (g_str_equal (state, "CS001"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE,
                         _("This invitation code is not valid. Check it, or ask your instructor for a new one."));
  else if (g_str_equal (state, "CS002"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_EXPIRED,
                         _("This invitation code has expired. Ask your instructor for a new one."));
  else if (g_str_equal (state, "CS003"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_USED_UP,
                         _("This invitation code has already been used. Ask your instructor for a new one."));
  else if (g_str_equal (state, "CS004"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NAME_TAKEN,
                         _("This user name is taken. Choose another one."));
  else if (g_str_equal (state, "CS005") || g_str_equal (state, "CS007") || g_str_equal (state, "CS008"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID, message);
  else if (g_str_equal (state, "CS009"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_ALREADY, message);
  else if (g_str_equal (state, "CS006"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_CLOSED, message);
  else if (g_str_equal (state, "CS020"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND, message);
  else if (g_str_equal (state, "CS021") || g_str_equal (state, "CS022"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_PUBLISHED, message);
  else if (g_str_equal (state, "42501"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED, message);
  else if (g_str_equal (state, "22P02"))
    g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID,
                         _("That is not a valid id. Give the whole id, as listed."));
  else
    return cs_server_check (conn, result, error);
  return FALSE;
}

static PGresult *
query (PGconn             *conn,
       const char         *sql,
       int                 n_params,
       const char * const *params,
       GError            **error)
{
  PGresult *result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (!check (conn, result, error))
    {
      g_clear_pointer (&result, PQclear);
      return NULL;
    }
  return result;
}

/* The first value of the first row, or NULL with @error. */
static char *
query_value (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             GError            **error)
{
  g_autoptr(PGresult) result = query (conn, sql, n_params, params, error);

  if (!result)
    return NULL;
  if (PQntuples (result) < 1 || PQgetisnull (result, 0, 0))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND,
                           _("The server has no such cohort or case for you."));
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

static char *
value_or_null (PGresult *result,
               int       row,
               int       column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

static GDateTime *
time_or_null (PGresult *result,
              int       row,
              int       column)
{
  return PQgetisnull (result, row, column) ? NULL
                                           : g_date_time_new_from_iso8601 (PQgetvalue (result, row, column), NULL);
}

static char *
time_param (GDateTime *when)
{
  return when ? g_date_time_format_iso8601 (when) : NULL;
}

/* For the other files of the enrolment calls (cs-enrolment-private.h) */

PGresult *
cs_enrolment_query (PGconn             *conn,
                    const char         *sql,
                    int                 n_params,
                    const char * const *params,
                    GError            **error)
{
  return query (conn, sql, n_params, params, error);
}

char *
cs_enrolment_query_value (PGconn             *conn,
                          const char         *sql,
                          int                 n_params,
                          const char * const *params,
                          GError            **error)
{
  return query_value (conn, sql, n_params, params, error);
}

/* Cohorts */

char *
cs_enrolment_create_cohort (PGconn      *conn,
                            const char  *title,
                            const char  *course_code,
                            gboolean     auto_approve,
                            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  const char *params[] = { clean, course_code && *course_code ? course_code : NULL,
                           auto_approve ? "true" : "false" };

  if (!*clean)
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID,
                           _("A cohort needs a title."));
      return NULL;
    }
  return query_value (conn,
                      "INSERT INTO cs.cohorts (id, instructor_id, title, course_code, auto_approve) "
                      "VALUES (gen_random_uuid (), (SELECT cs.uid (current_user)), $1, $2, $3::boolean) "
                      "RETURNING id::text",
                      3, params, error);
}

GPtrArray *
cs_enrolment_list_cohorts (PGconn  *conn,
                           GError **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *list;

  result = query (conn,
                  "SELECT c.id::text, c.title, c.course_code, c.auto_approve, c.is_active, "
                  "       (SELECT count (*) FROM cs.cohort_students e WHERE e.cohort_id = c.id AND e.status = 'approved'), "
                  "       (SELECT count (*) FROM cs.cohort_students e WHERE e.cohort_id = c.id AND e.status = 'pending'), "
                  "       (SELECT count (*) FROM cs.cohort_simulations a WHERE a.cohort_id = c.id), "
                  "       c.semester "
                  "  FROM cs.cohorts c ORDER BY c.is_active DESC, c.created_at DESC, c.title",
                  0, NULL, error);
  if (!result)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_cohort_info_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      CsCohortInfo *info = g_new0 (CsCohortInfo, 1);

      info->id = g_strdup (PQgetvalue (result, r, 0));
      info->title = g_strdup (PQgetvalue (result, r, 1));
      info->course_code = value_or_null (result, r, 2);
      info->auto_approve = g_str_equal (PQgetvalue (result, r, 3), "t");
      info->is_active = g_str_equal (PQgetvalue (result, r, 4), "t");
      info->n_approved = atoi (PQgetvalue (result, r, 5));
      info->n_pending = atoi (PQgetvalue (result, r, 6));
      info->n_assigned = atoi (PQgetvalue (result, r, 7));
      info->semester = value_or_null (result, r, 8);
      g_ptr_array_add (list, info);
    }
  return list;
}

gboolean
cs_enrolment_set_cohort_active (PGconn      *conn,
                                const char  *cohort_id,
                                gboolean     active,
                                GError     **error)
{
  const char *params[] = { cohort_id, active ? "true" : "false" };
  g_autoptr(PGresult) result = query (conn,
                                      "UPDATE cs.cohorts SET is_active = $2::boolean, updated_at = now (), "
                                      "       version = version + 1 "
                                      " WHERE id = $1::uuid AND instructor_id = (SELECT cs.uid (current_user))",
                                      2, params, error);

  if (!result)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND,
                           _("You have no such cohort."));
      return FALSE;
    }
  return TRUE;
}

gboolean
cs_enrolment_edit_cohort (PGconn      *conn,
                          const char  *cohort_id,
                          const char  *title,
                          const char  *course_code,
                          gboolean     auto_approve,
                          GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  const char *params[] = { cohort_id, clean, course_code && *course_code ? course_code : NULL,
                           auto_approve ? "true" : "false" };
  g_autoptr(PGresult) result = NULL;

  if (!*clean)
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID,
                           _("A cohort needs a title."));
      return FALSE;
    }
  if (!(result = query (conn,
                        "UPDATE cs.cohorts SET title = $2, course_code = $3, auto_approve = $4::boolean, "
                        "       updated_at = now (), version = version + 1 "
                        " WHERE id = $1::uuid AND instructor_id = (SELECT cs.uid (current_user))",
                        4, params, error)))
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND,
                           _("You have no such cohort."));
      return FALSE;
    }
  return TRUE;
}

/* Invitations */

gboolean
cs_enrolment_revoke_invitation (PGconn      *conn,
                                const char  *invitation_id,
                                GError     **error)
{
  const char *params[] = { invitation_id };
  g_autoptr(PGresult) result = query (conn,
                                      "UPDATE cs.cohort_invitations SET revoked_at = now (), updated_at = now (), "
                                      "       version = version + 1 "
                                      " WHERE id = $1::uuid AND revoked_at IS NULL",
                                      1, params, error);

  if (!result)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND,
                           _("You have no such invitation, or it is revoked already."));
      return FALSE;
    }
  return TRUE;
}

char *
cs_enrolment_create_invitation (PGconn      *conn,
                                const char  *cohort_id,
                                int          max_uses,
                                GDateTime   *expires,
                                int          auto_approve,
                                GError     **error)
{
  g_autofree char *uses = g_strdup_printf ("%d", max_uses);
  g_autofree char *until = time_param (expires);
  const char *params[] = { cohort_id, uses, until,
                           auto_approve < 0 ? NULL : auto_approve ? "true" : "false" };

  return query_value (conn,
                      "SELECT cs.cs_create_invitation ($1::uuid, $2::integer, "
                      "       coalesce ($3::timestamptz - now (), interval '14 days'), $4::boolean)",
                      4, params, error);
}

GPtrArray *
cs_enrolment_list_invitations (PGconn      *conn,
                               const char  *cohort_id,
                               GError     **error)
{
  const char *params[] = { cohort_id };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *list;

  result = query (conn,
                  "SELECT id::text, cohort_id::text, max_uses, use_count, " TIME ("expires_at") ", "
                  "       revoked_at IS NOT NULL "
                  "  FROM cs.cohort_invitations WHERE $1::uuid IS NULL OR cohort_id = $1::uuid "
                  " ORDER BY created_at DESC",
                  1, params, error);
  if (!result)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_invitation_info_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      CsInvitationInfo *info = g_new0 (CsInvitationInfo, 1);

      info->id = g_strdup (PQgetvalue (result, r, 0));
      info->cohort_id = g_strdup (PQgetvalue (result, r, 1));
      info->max_uses = atoi (PQgetvalue (result, r, 2));
      info->use_count = atoi (PQgetvalue (result, r, 3));
      info->expires_at = time_or_null (result, r, 4);
      info->revoked = g_str_equal (PQgetvalue (result, r, 5), "t");
      g_ptr_array_add (list, info);
    }
  return list;
}

/* Enrolment requests */

GPtrArray *
cs_enrolment_list_requests (PGconn      *conn,
                            const char  *cohort_id,
                            const char  *status,
                            GError     **error)
{
  const char *params[] = { cohort_id, status };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *list;

  result = query (conn,
                  "SELECT e.id::text, e.cohort_id::text, c.title, e.student_id::text, u.role_name, "
                  "       u.display_name, e.status, " TIME ("e.enrolled_at")
                  "  FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id "
                  "  JOIN cs.users u ON u.id = e.student_id "
                  " WHERE c.instructor_id = (SELECT cs.uid (current_user)) "
                  "   AND ($1::uuid IS NULL OR e.cohort_id = $1::uuid) "
                  "   AND ($2::text IS NULL OR e.status = $2::text) "
                  " ORDER BY c.title, e.enrolled_at, u.role_name",
                  2, params, error);
  if (!result)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_enrolment_info_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      CsEnrolmentInfo *info = g_new0 (CsEnrolmentInfo, 1);

      info->id = g_strdup (PQgetvalue (result, r, 0));
      info->cohort_id = g_strdup (PQgetvalue (result, r, 1));
      info->cohort_title = g_strdup (PQgetvalue (result, r, 2));
      info->student_id = g_strdup (PQgetvalue (result, r, 3));
      info->user_name = g_strdup (PQgetvalue (result, r, 4));
      info->display_name = g_strdup (PQgetvalue (result, r, 5));
      info->status = g_strdup (PQgetvalue (result, r, 6));
      info->enrolled_at = time_or_null (result, r, 7);
      g_ptr_array_add (list, info);
    }
  return list;
}

/* '{"id","id"}' */
static char *
uuid_array (const char * const *ids)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; ids && ids[i]; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      for (const char *p = ids[i]; *p; p++)
        if (g_ascii_isxdigit (*p) || *p == '-')
          g_string_append_c (out, *p);
        else
          g_string_append_c (out, 'x');  /* makes the cast fail: not a uuid */
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

int
cs_enrolment_decide (PGconn              *conn,
                     const char * const  *ids,
                     gboolean             approve,
                     GError             **error)
{
  g_autofree char *array = uuid_array (ids);
  const char *params[] = { array, approve ? "approved" : "rejected" };
  g_autofree char *count = NULL;

  if (!ids || !ids[0])
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID,
                           _("Choose at least one enrolment request."));
      return -1;
    }
  if (!(count = query_value (conn, "SELECT cs.cs_decide_enrolments ($1::uuid[], $2)", 2, params, error)))
    return -1;
  return atoi (count);
}

/* Assignments and publishing */

char *
cs_enrolment_assign (PGconn      *conn,
                     const char  *cohort_id,
                     const char  *scenario_id,
                     GDateTime   *due,
                     GError     **error)
{
  g_autofree char *until = time_param (due);
  const char *params[] = { cohort_id, scenario_id, until };

  return query_value (conn, "SELECT cs.cs_assign_scenario ($1::uuid, $2::uuid, $3::timestamptz)::text",
                      3, params, error);
}

char *
cs_enrolment_publish (PGconn      *conn,
                      const char  *scenario_id,
                      int         *number,
                      GError     **error)
{
  const char *params[] = { scenario_id };
  g_autoptr(PGresult) result = query (conn, "SELECT snapshot::text, number FROM cs.cs_publish_scenario ($1::uuid)",
                                      1, params, error);

  if (!result)
    return NULL;
  if (number)
    *number = atoi (PQgetvalue (result, 0, 1));
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* Joining */

/* @conninfo's keywords, with user and password replaced. */
static PGconn *
connect_as (const char  *conninfo,
            const char  *user,
            const char  *password,
            GError     **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo ? conninfo : "", &parse_error);
  PGconn *conn;

  if (!options)
    {
      g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_ADDRESS,
                   _("The server address is not valid: %s"), parse_error ? parse_error : "");
      if (parse_error)
        PQfreemem (g_steal_pointer (&parse_error));
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword; o++)
    if (o->val && !g_str_equal (o->keyword, "user") && !g_str_equal (o->keyword, "password"))
      {
        g_ptr_array_add (keys, o->keyword);
        g_ptr_array_add (values, o->val);
      }
  g_ptr_array_add (keys, (gpointer) "user");
  g_ptr_array_add (values, (gpointer) user);
  g_ptr_array_add (keys, (gpointer) "password");
  g_ptr_array_add (values, (gpointer) password);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);

  /* cs_server_open_connection() takes a string: rebuild one, quoted. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; keys->pdata[i]; i++)
      {
        const char *v = values->pdata[i];

        g_string_append_printf (text, "%s%s='", i ? " " : "", (const char *) keys->pdata[i]);
        for (; *v; v++)
          {
            if (*v == '\'' || *v == '\\')
              g_string_append_c (text, '\\');
            g_string_append_c (text, *v);
          }
        g_string_append_c (text, '\'');
      }
    PQconninfoFree (options);
    conn = cs_server_open_connection (text->str, error);
  }
  return conn;
}

PGconn *
cs_enrolment_connect_enroll (const char  *conninfo,
                             GError     **error)
{
  return connect_as (conninfo, CS_ENROLL_LOGIN, CS_ENROLL_LOGIN, error);
}

CsJoinResult *
cs_enrolment_join (const char  *conninfo,
                   const char  *code,
                   const char  *user_name,
                   const char  *password,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(PGconn) enroll = NULL;
  g_autoptr(PGconn) student = NULL;
  g_autoptr(PGresult) enrolment = NULL;
  g_autofree char *id = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (code ? code : ""));
  const char *params[] = { clean, user_name, password, display_name ? display_name : "" };
  const char *student_params[1];
  g_autoptr(GError) local_error = NULL;
  CsJoinResult *out;

  /* The server would refuse it too; this saves a connection and says why. */
  if (!cs_join_link_is_code (clean))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE,
                           _("An invitation code has letters, digits and dashes, like “1A2B3C4D-5E6F7A8B”."));
      return NULL;
    }

  if (!(enroll = cs_enrolment_connect_enroll (conninfo, &local_error)))
    {
      if (g_error_matches (local_error, CS_SYNC_ERROR, CS_SYNC_ERROR_BAD_CREDENTIALS))
        g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_CLOSED,
                             _("This server does not take Case Studio students. Check the server "
                               "address with your instructor."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!(id = query_value (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, $3, $4)::text",
                          4, params, error)))
    return NULL;

  out = g_new0 (CsJoinResult, 1);
  out->student_id = g_steal_pointer (&id);
  out->status = g_strdup ("pending");
  out->cohort_title = g_strdup ("");

  /* The account exists now; reading the enrolment is only for the message. */
  student_params[0] = out->student_id;
  if ((student = connect_as (conninfo, user_name, password, NULL)) &&
      (enrolment = query (student,
                          "SELECT c.title, e.status FROM cs.cohort_students e "
                          "  JOIN cs.cohorts c ON c.id = e.cohort_id "
                          " WHERE e.student_id = $1::uuid ORDER BY e.enrolled_at DESC LIMIT 1",
                          1, student_params, NULL)) &&
      PQntuples (enrolment) == 1)
    {
      g_free (out->cohort_title);
      g_free (out->status);
      out->cohort_title = g_strdup (PQgetvalue (enrolment, 0, 0));
      out->status = g_strdup (PQgetvalue (enrolment, 0, 1));
    }
  return out;
}

CsJoinResult *
cs_enrolment_join_cohort (PGconn      *conn,
                          const char  *code,
                          GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (code ? code : ""));
  const char *params[] = { clean };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  CsJoinResult *out;

  if (!cs_join_link_is_code (clean))
    {
      g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE,
                           _("An invitation code has letters, digits and dashes, like “1A2B3C4D-5E6F7A8B”."));
      return NULL;
    }
  if (!(result = query (conn, "SELECT cohort_title, status FROM cs.cs_join_cohort ($1)", 1, params, &local_error)))
    {
      /* Only students may call it. */
      if (g_error_matches (local_error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED))
        g_set_error_literal (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED,
                             _("Only student accounts join cohorts. Join with a new student account instead."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  out = g_new0 (CsJoinResult, 1);
  out->cohort_title = g_strdup (PQgetvalue (result, 0, 0));
  out->status = g_strdup (PQgetvalue (result, 0, 1));
  return out;
}

char *
cs_enrolment_link_conninfo (const CsJoinLink *link,
                            const char       *user_name,
                            const char       *password)
{
  g_autoptr(CsServerAccount) account = cs_server_account_new (link->host, link->port,
                                                              link->database, user_name);

  return cs_server_account_dup_conninfo (account, password);
}
