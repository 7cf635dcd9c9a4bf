/* cs-store-sync.h: the local library's side of sync (outbox, cursors, pulled rows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by CsSync, on any thread (each call is one transaction under the store's mutex).
 * "server" names one shared server (see cs_server_dup_identity()).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cs-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  seq;
  char   *entity;        /* "scenario", "persona", "scene", "progress", "scene_progress", "message" */
  char   *entity_id;
  char   *scenario_id;   /* the scenario the row belongs to (itself for a scenario) */
  char   *run_id;        /* the run (progress id) a run's row belongs to (itself for a progress) */
  char   *created_at;    /* a message's creation time */
  char   *op;            /* "upsert" or "delete" */
  gint64  version;       /* the local version being sent */
  gint64  base_version;  /* the server version the local edit started from; 0: none */
  char   *payload;       /* the row as JSON */
} CsOutboxEntry;

void        cs_outbox_entry_free      (CsOutboxEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsOutboxEntry, cs_outbox_entry_free)

/* The pending entries in order (CsOutboxEntry). */
GPtrArray  *cs_store_list_outbox      (CsStore     *self,
                                       GError     **error);

/* After the server committed @sent (CsOutboxEntry): deletes those entries (by seq, so
 * newer entries of the same rows stay) and records their versions as the new base. */
gboolean    cs_store_finish_push      (CsStore     *self,
                                       const char  *server,
                                       GPtrArray   *sent,
                                       GError     **error);

/* Where the next pull from @server starts: @snapshot gets the server snapshot the last pull
 * read in (PostgreSQL's pg_snapshot as text), or NULL when this library never pulled by
 * snapshot; then @change_seq is the highest change_seq an older pull saw (0 when never). */
gboolean    cs_store_get_sync_cursor  (CsStore     *self,
                                       const char  *server,
                                       char       **snapshot,
                                       gint64      *change_seq,
                                       GError     **error);
/* When the last push or pull with @server succeeded, NULL when never. */
GDateTime  *cs_store_get_last_sync    (CsStore     *self,
                                       const char  *server);

/* Applies pulled scenarios in one transaction and moves the cursor to @snapshot, the server
 * snapshot they were read in (see cs_store_get_sync_cursor()). Each bundle
 * is {"scenario": row, "personas": [rows], "scenes": [rows with "goal_criteria" and
 * "involved"]} in the local column format; the scenario's local rows become exactly these
 * (children that the server no longer has are deleted). A scenario with pending outbox
 * entries is left alone (its ids are added to @skipped) unless it is in @force.
 * @applied gets the ids of the scenarios written. @runs (or NULL) holds three JSON arrays of
 * pulled run rows in the local column format: progress, scene progress and messages. A
 * progress or scene progress replaces the local row when its version is newer; a message is
 * added once; a run whose case is not in the library (or that would be a second run with
 * the same attempt number) is left out, and so are its scene progress and messages. */
gboolean    cs_store_apply_pulled     (CsStore     *self,
                                       const char  *server,
                                       GPtrArray   *bundles,
                                       const char * const *runs,
                                       const char  *snapshot,
                                       const char * const *force,
                                       GPtrArray   *applied,
                                       GPtrArray   *skipped,
                                       GError     **error);

/* After a conflict the server won: @copy_id (already saved) keeps the local edit of
 * @original_id; the pending entries of the original are dropped so that the server's
 * version can be pulled over it. */
gboolean    cs_store_resolve_conflict (CsStore     *self,
                                       const char  *original_id,
                                       const char  *copy_id,
                                       const char  *description,
                                       GError     **error);
/* Number of conflict copies not yet looked at. */
gint64      cs_store_count_conflicts  (CsStore     *self,
                                       GError     **error);

G_END_DECLS
