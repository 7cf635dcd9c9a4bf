/* cs-sync-status.h: the state of sync, for the header-bar indicator and the account page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CS_SYNC_STATUS_OFFLINE,     /* no connection, none being made */
  CS_SYNC_STATUS_CONNECTING,
  CS_SYNC_STATUS_SYNCING,     /* a push or pull is running */
  CS_SYNC_STATUS_IDLE,        /* connected, nothing to do */
  CS_SYNC_STATUS_ERROR,       /* the last attempt failed; see "last-error" */
  CS_SYNC_STATUS_STOPPED,     /* the server lacks migrations this program needs: no syncing
                               * until it is updated; "last-error" says what to do */
} CsSyncStatus;

#define CS_TYPE_SYNC_STATUS (cs_sync_status_get_type ())
GType cs_sync_status_get_type (void);

G_END_DECLS
