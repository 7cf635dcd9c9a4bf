/* cs-server-query.c: one parameterised statement as a job of a CsServer's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-pg.h"
#include "cs-server-query.h"

typedef struct {
  char              *sql;
  int                n_params;
  char             **params;
  CsServerQueryFunc  query;
  CsServerRowsFunc   rows;
} Query;

static void
query_free (Query *query)
{
  for (int i = 0; i < query->n_params; i++)
    g_free (query->params[i]);
  g_free (query->params);
  g_free (query->sql);
  g_free (query);
}

static gboolean
query_job (PGconn        *conn,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  Query *query = data;
  g_autoptr(PGresult) rows = query->query (conn, query->sql, query->n_params,
                                           (const char * const *) query->params, error);

  if (!rows)
    return FALSE;
  if (query->rows)
    *result = query->rows (rows);
  return TRUE;
}

void
cs_server_query_async (CsServer            *server,
                       const char          *sql,
                       int                  n_params,
                       const char * const  *params,
                       CsServerQueryFunc    query_func,
                       CsServerRowsFunc     rows,
                       GDestroyNotify       result_destroy,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Query *query;

  g_return_if_fail (CS_IS_SERVER (server));
  g_return_if_fail (sql != NULL);
  g_return_if_fail (n_params >= 0 && (n_params == 0 || params != NULL));

  query = g_new0 (Query, 1);
  query->sql = g_strdup (sql);
  query->n_params = n_params;
  query->params = g_new0 (char *, n_params + 1);
  for (int i = 0; i < n_params; i++)
    query->params[i] = g_strdup (params[i]);
  query->query = query_func ? query_func : cs_server_query;
  query->rows = rows;
  cs_server_run_async (server, query_job, query, (GDestroyNotify) query_free, result_destroy,
                       cancellable, callback, user_data);
}

gpointer
cs_server_query_finish (CsServer      *server,
                        GAsyncResult  *result,
                        GError       **error)
{
  gpointer value = NULL;

  if (!cs_server_run_finish (server, result, &value, error))
    return NULL;
  return value;
}
