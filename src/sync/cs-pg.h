/* cs-pg.h: libpq helpers shared by the server code (connection, errors, autoptr)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define CS_SERVER_ERROR (cs_server_error_quark ())

typedef enum {
  CS_SERVER_ERROR_FAILED,            /* any other server error */
  CS_SERVER_ERROR_CONNECT,           /* the server cannot be reached or refused the login */
  CS_SERVER_ERROR_DENIED,            /* the login lacks the right (SQLSTATE 42501) */
  CS_SERVER_ERROR_REJECTED,          /* a Case Studio rule said no (SQLSTATE CSnnn) */
  CS_SERVER_ERROR_NOT_INITIALIZED,   /* "server init" was never run on this database */
  CS_SERVER_ERROR_CHANGED_MIGRATION, /* an applied migration differs from the shipped one */
  CS_SERVER_ERROR_NEWER_SCHEMA,      /* the database has migrations this program lacks */
} CsServerError;

GQuark   cs_server_error_quark (void);

/* Connects with a libpq connection string; NULL or "" uses the PG* environment. */
PGconn  *cs_pg_connect         (const char  *conninfo,
                                GError     **error);

/* TRUE when @result has the status expected of a command or a query; otherwise sets
 * @error from the server's message and SQLSTATE. */
gboolean cs_pg_check           (PGconn      *conn,
                                PGresult    *result,
                                GError     **error);

/* Runs static SQL (no parameters) and checks the result. */
gboolean cs_pg_exec            (PGconn      *conn,
                                const char  *sql,
                                GError     **error);

/* Runs SQL with text parameters (PQexecParams); returns the result or NULL with @error. */
PGresult *cs_pg_query          (PGconn             *conn,
                                const char         *sql,
                                int                 n_params,
                                const char * const *params,
                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
