/* cs-sync-session.h: the app's link to its shared server, if it has one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the CsServer and CsSync of the configured account: resume() reconnects at start
 * (password from the keyring) and keeps syncing live; connect_async() checks a new account
 * by signing in before anything is saved, then remembers it (settings and keyring) and
 * syncs at once; disconnect() stops syncing and forgets the server. The library stays
 * usable offline throughout.
 */
#pragma once

#include "cs-server-account.h"
#include "cs-store.h"
#include "cs-sync.h"

G_BEGIN_DECLS

#define CS_TYPE_SYNC_SESSION (cs_sync_session_get_type ())
G_DECLARE_FINAL_TYPE (CsSyncSession, cs_sync_session, CS, SYNC_SESSION, GObject)

/* Properties: "sync" (CsSync or NULL, notify), "account" (CsServerAccount or NULL),
 * "identity" (who the server says we are, or NULL), "kind" (what the login is on the
 * server: "instructor", "student", "kiosk" or "admin"; NULL while not known, notify). The
 * kind is asked of the server at every start and remembered for working offline. */
CsSyncSession         *cs_sync_session_new           (CsStore        *store,
                                                      GSettings      *settings);
CsSync                *cs_sync_session_get_sync      (CsSyncSession  *self);
const CsServerAccount *cs_sync_session_get_account   (CsSyncSession  *self);
const char            *cs_sync_session_get_identity  (CsSyncSession  *self);
const char            *cs_sync_session_get_kind      (CsSyncSession  *self);
/* Whether this login may write cases (publish, cohorts): an instructor or an admin, or not
 * known yet (the server refuses what it must anyway). */
gboolean               cs_sync_session_can_author    (CsSyncSession  *self);

void                   cs_sync_session_resume        (CsSyncSession  *self);
/* Completes with TRUE once signed in; *password_saved says whether the keyring kept the
 * password (when not, it is asked for at the next start). */
void                   cs_sync_session_connect_async (CsSyncSession        *self,
                                                      const CsServerAccount *account,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean               cs_sync_session_connect_finish (CsSyncSession  *self,
                                                       GAsyncResult   *result,
                                                       gboolean       *password_saved,
                                                       GError        **error);
void                   cs_sync_session_disconnect    (CsSyncSession  *self);
/* Push, then pull; errors end up in the sync's "last-error". */
void                   cs_sync_session_sync_now      (CsSyncSession  *self);

G_END_DECLS
