/* cs-server.h: a connection to the shared PostgreSQL server, owned by one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libpq connection is made and used only on the worker thread of the CsServer; callers
 * hand it jobs, run one after the other, and get their results through GTask on their
 * thread-default main context. The connection is made by the first job (or
 * cs_server_connect_async()). When it breaks, the job fails with
 * CS_SYNC_ERROR_CONNECTION_LOST (its open transaction is rolled back by the server) and the
 * next job reconnects, retrying with exponential backoff. A job that fails with the
 * connection still up has its transaction rolled back before the next job runs.
 *
 * TLS: sslmode=prefer unless the connection string or PGSSLMODE says otherwise.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "cs-sync-error.h"

G_BEGIN_DECLS

/* Runs on the worker thread. Returns FALSE with @error on failure; on success may set
 * *result, handed to the _finish call (freed with the result_destroy of the job). */
typedef gboolean (*CsServerJobFunc) (PGconn        *conn,
                                     gpointer       data,
                                     gpointer      *result,
                                     GCancellable  *cancellable,
                                     GError       **error);

#define CS_TYPE_SERVER (cs_server_get_type ())
G_DECLARE_FINAL_TYPE (CsServer, cs_server, CS, SERVER, GObject)

/* A libpq connection string ("host=… dbname=… user=…"); NULL or "" uses the PG* variables. */
CsServer   *cs_server_new            (const char           *conninfo);
const char *cs_server_get_conninfo   (CsServer             *self);

void        cs_server_connect_async  (CsServer             *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    cs_server_connect_finish (CsServer             *self,
                                      GAsyncResult         *result,
                                      GError              **error);

/* Queues @func (with @data, freed by @data_destroy on any thread) for the worker. */
void        cs_server_run_async      (CsServer             *self,
                                      CsServerJobFunc       func,
                                      gpointer              data,
                                      GDestroyNotify        data_destroy,
                                      GDestroyNotify        result_destroy,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* TRUE on success; *result (may be NULL) is the job's result, owned by the caller. */
gboolean    cs_server_run_finish     (CsServer             *self,
                                      GAsyncResult         *result,
                                      gpointer             *job_result,
                                      GError              **error);

/* Connecting (used by the worker and by the LISTEN connection): a clear CS_SYNC_ERROR for a
 * bad address or bad credentials. */
PGconn     *cs_server_open_connection (const char          *conninfo,
                                       GError             **error);

/* For jobs: PQexecParams with text parameters, errors as CS_SYNC_ERROR. */
PGresult   *cs_server_query          (PGconn               *conn,
                                      const char           *sql,
                                      int                   n_params,
                                      const char * const   *params,
                                      GError              **error);
gboolean    cs_server_exec           (PGconn               *conn,
                                      const char           *sql,
                                      GError              **error);
/* Sets @error from a failed @result (or a broken @conn) and returns FALSE; TRUE if fine. */
gboolean    cs_server_check          (PGconn               *conn,
                                      PGresult             *result,
                                      GError              **error);
/* "user@host:port/dbname", a name for the server's sync state in the local library. */
char       *cs_server_dup_identity   (PGconn               *conn);

G_END_DECLS
