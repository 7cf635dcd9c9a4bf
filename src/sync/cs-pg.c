/* cs-pg.c: libpq helpers shared by the server code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-pg.h"

G_DEFINE_QUARK (cs-server-error-quark, cs_server_error)

/* NOTICEs ("schema cs already exists, skipping") are for debugging, not for the terminal. */
static void
log_notice (void       *data,
            const char *message)
{
  g_autofree char *text = g_strchomp (g_strdup (message));

  g_debug ("Server: %s", text);
}

PGconn *
cs_pg_connect (const char  *conninfo,
               GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo ? conninfo : "");

  if (!conn)
    {
      g_set_error_literal (error, CS_SERVER_ERROR, CS_SERVER_ERROR_CONNECT,
                           _("Cannot connect to the server: out of memory"));
      return NULL;
    }
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_CONNECT,
                   _("Cannot connect to the server: %s. Check the server address, the user "
                     "name and the password."), message);
      return NULL;
    }
  PQsetNoticeProcessor (conn, log_notice, NULL);
  return g_steal_pointer (&conn);
}

gboolean
cs_pg_check (PGconn    *conn,
             PGresult  *result,
             GError   **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *sqlstate;
  const char *message;
  g_autofree char *text = NULL;
  CsServerError code = CS_SERVER_ERROR_FAILED;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  sqlstate = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  message = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  text = g_strstrip (g_strdup (message ? message : PQerrorMessage (conn)));

  if (PQstatus (conn) == CONNECTION_BAD)
    code = CS_SERVER_ERROR_CONNECT;
  else if (g_strcmp0 (sqlstate, "42501") == 0)
    code = CS_SERVER_ERROR_DENIED;
  else if (sqlstate && g_str_has_prefix (sqlstate, "CS"))
    code = CS_SERVER_ERROR_REJECTED;

  if (code == CS_SERVER_ERROR_REJECTED || code == CS_SERVER_ERROR_DENIED)
    g_set_error (error, CS_SERVER_ERROR, code, "%s", text);
  else
    g_set_error (error, CS_SERVER_ERROR, code, _("The server reported an error: %s (%s)"),
                 text, sqlstate ? sqlstate : "no SQLSTATE");
  return FALSE;
}

gboolean
cs_pg_exec (PGconn      *conn,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  return cs_pg_check (conn, result, error);
}

PGresult *
cs_pg_query (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             GError            **error)
{
  g_autoptr(PGresult) result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (!cs_pg_check (conn, result, error))
    return NULL;
  return g_steal_pointer (&result);
}
