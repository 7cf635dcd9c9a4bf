/* cs-server-query.h: one parameterised statement as a job of a CsServer's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most _async/_finish pairs of the server calls are "run this statement with these
 * parameters and turn its rows into a result": cs_server_query_async() is that job, and
 * cs_server_query_finish() hands back the result of it, or of any cs_server_run_async() job.
 */
#pragma once

#include "cs-server.h"

G_BEGIN_DECLS

/* How the statement runs and its errors are reported: cs_server_query() or one with the
 * same shape (cs_enrolment_query() maps the server's rules to CS_ENROLMENT_ERROR). */
typedef PGresult *(*CsServerQueryFunc) (PGconn             *conn,
                                        const char         *sql,
                                        int                 n_params,
                                        const char * const *params,
                                        GError            **error);
/* On the worker: the job's result made from the statement's rows (NULL is a result too). */
typedef gpointer  (*CsServerRowsFunc)  (PGresult           *rows);

/* Runs @sql with @n_params text parameters (copied now; a NULL one is SQL NULL) through
 * @query (NULL: cs_server_query()), then @rows (NULL: no result) on the worker; the result
 * is freed with @result_destroy when nobody takes it. */
void     cs_server_query_async  (CsServer            *server,
                                 const char          *sql,
                                 int                  n_params,
                                 const char * const  *params,
                                 CsServerQueryFunc    query,
                                 CsServerRowsFunc     rows,
                                 GDestroyNotify       result_destroy,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The result of a cs_server_query_async() or cs_server_run_async() job (owned by the
 * caller), or NULL with @error. A job that succeeds with no result also gives NULL: use
 * cs_server_run_finish() when that must be told apart. */
gpointer cs_server_query_finish (CsServer            *server,
                                 GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
