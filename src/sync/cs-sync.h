/* cs-sync.h: two-way sync of the local library with the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * push sends the outbox in one server transaction (see cs-sync-push.c); pull applies what
 * changed on the server since the last pull (cs-sync-pull.c). A conflict (the server's copy
 * of a scenario moved on while it was edited here) keeps both: the server's version wins,
 * the local one is saved as a copy titled "… (your version)", and "conflict" is emitted
 * with the ids and a sentence for the user.
 *
 * cs_sync_start_live() listens for the server's notifications (CsListener) and pulls when
 * one arrives, pushes a moment after each local change, and retries a failed sync with
 * exponential backoff. "status", "last-sync", "pending-changes", "kept-changes" and
 * "last-error" are for
 * the sync indicator and the account page. Everything is used from one main context.
 */
#pragma once

#include <gio/gio.h>

#include "cs-server.h"
#include "cs-store.h"
#include "cs-sync-status.h"

G_BEGIN_DECLS

#define CS_TYPE_SYNC (cs_sync_get_type ())
G_DECLARE_FINAL_TYPE (CsSync, cs_sync, CS, SYNC, GObject)

CsSync       *cs_sync_new                 (CsStore             *store,
                                           CsServer            *server);
CsStore      *cs_sync_get_store           (CsSync              *self);
CsServer     *cs_sync_get_server          (CsSync              *self);
CsSyncStatus  cs_sync_get_status          (CsSync              *self);
/* NULL before the first successful sync. */
GDateTime    *cs_sync_get_last_sync       (CsSync              *self);
gint64        cs_sync_get_pending_changes (CsSync              *self);
/* Outbox entries the last push left on purpose (cases a student made, runs of a case only
 * this library has): not counted as pending. */
gint64        cs_sync_get_kept_changes    (CsSync              *self);
const char   *cs_sync_get_last_error      (CsSync              *self);

void          cs_sync_push_async          (CsSync              *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* *n_sent: outbox entries the server now has. */
gboolean      cs_sync_push_finish         (CsSync              *self,
                                           GAsyncResult        *result,
                                           guint               *n_sent,
                                           GError             **error);

void          cs_sync_pull_async          (CsSync              *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* *n_applied: scenarios written to the local library. */
gboolean      cs_sync_pull_finish         (CsSync              *self,
                                           GAsyncResult        *result,
                                           guint               *n_applied,
                                           GError             **error);

/* Listen for changes on another connection than the server's (NULL: the server's own), for
 * a pooler in transaction mode in front of it; before cs_sync_start_live(). */
void          cs_sync_set_listen_conninfo (CsSync              *self,
                                           const char          *conninfo);
/* That connection string (NULL: the server's own). */
const char   *cs_sync_get_listen_conninfo (CsSync              *self);
void          cs_sync_start_live          (CsSync              *self);
void          cs_sync_stop_live           (CsSync              *self);

G_END_DECLS
