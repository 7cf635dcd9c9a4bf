/* cs-sync-jobs.h: the push and pull jobs that CsSync runs on its CsServer's worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-server.h"
#include "cs-store.h"

G_BEGIN_DECLS

/* Called on the worker thread after each statement of the push transaction (tests use it
 * to break the connection half-way). */
typedef void (*CsSyncPushHook) (PGconn   *conn,
                                guint     n_statements,
                                gpointer  user_data);

typedef struct {
  CsStore        *store;
  CsSyncPushHook  hook;
  gpointer        hook_data;
} CsPushJob;

typedef struct {
  char   *scenario_id;
  gint64  server_version;
} CsPushConflict;

typedef struct {
  char      *server;      /* identity */
  guint      n_sent;      /* outbox entries committed (applied or already there) */
  guint      n_applied;   /* rows the server changed */
  guint      n_listed;    /* entries in the outbox when the push read it */
  GPtrArray *conflicts;   /* CsPushConflict, one per scenario */
} CsPushResult;

typedef struct {
  CsStore  *store;
  GStrv     force;        /* scenario ids to fetch and apply even with pending changes */
} CsPullJob;

typedef struct {
  char      *server;
  GPtrArray *applied;     /* scenario ids */
  GPtrArray *skipped;     /* scenario ids left alone: they have local changes to push */
  char      *snapshot;    /* the server snapshot read in: the next pull's cursor */
} CsPullResult;

void     cs_push_job_free    (CsPushJob    *job);
void     cs_push_result_free (CsPushResult *result);
void     cs_pull_job_free    (CsPullJob    *job);
void     cs_pull_result_free (CsPullResult *result);

/* CsServerJobFunc: data is a CsPushJob, the result a CsPushResult. */
gboolean cs_sync_push_job    (PGconn        *conn,
                              gpointer       data,
                              gpointer      *result,
                              GCancellable  *cancellable,
                              GError       **error);
/* CsServerJobFunc: data is a CsPullJob, the result a CsPullResult. */
gboolean cs_sync_pull_job    (PGconn        *conn,
                              gpointer       data,
                              gpointer      *result,
                              GCancellable  *cancellable,
                              GError       **error);

/* "Written since the cursor" for the rows of table alias @t, with the three parameters
 * $1 (xid8: writers from there on), $2 (xid8[]: writers in progress at the cursor) and $3
 * (bigint or NULL: rows above this change_seq, for a cursor of an older Case Studio). Each
 * alternative has its index. */
#define CS_PULL_SINCE(t) \
  "(" t ".change_xid >= $1::xid8 OR " t ".change_xid = ANY ($2::xid8[]) OR " t ".change_seq > $3::bigint)"

/* Runs written since the cursor @since (the three parameters of CS_PULL_SINCE), in
 * cs-sync-pull-runs.c: @runs gets three JSON arrays of rows (progress, scene progress,
 * messages; free each). Runs in the pull's open transaction. */
gboolean  cs_pull_runs          (PGconn              *conn,
                                 const char * const  *since,
                                 char               **runs,
                                 GError             **error);

/* The push transaction in progress (cs-sync-push.c), for the files that add to it. */
typedef struct _CsPush CsPush;

/* cs_server_query() counted as a statement of the push (and its hook called). */
PGresult *cs_push_query         (CsPush              *push,
                                 const char          *sql,
                                 int                  n_params,
                                 const char * const  *params,
                                 GError             **error);
typedef struct {
  const char         *sql;
  int                 n_params;
  const char * const *params;
} CsPushStatement;

/* Sends @n statements at once (libpq's pipeline mode: one round trip) and reads their
 * results into @results, each counted as a statement of the push. FALSE, with no results kept, when one failed (the
 * ones after it are not run). */
gboolean  cs_push_pipeline      (CsPush                 *push,
                                 guint                   n,
                                 const CsPushStatement  *statements,
                                 PGresult              **results,
                                 GError                **error);
/* Whether outbox entries of @entity belong to a run (cs-sync-push-runs.c). */
gboolean  cs_push_is_run_entity (const char          *entity);
/* Sends the run entries of @entries (CsOutboxEntry) in the open transaction; the entries
 * sent are added to @sent, the rows the server changed to @n_applied. */
gboolean  cs_push_runs          (CsPush              *push,
                                 GPtrArray           *entries,
                                 GPtrArray           *sent,
                                 guint               *n_applied,
                                 GError             **error);

G_END_DECLS
