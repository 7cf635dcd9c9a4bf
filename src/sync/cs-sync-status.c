/* cs-sync-status.c: the state of sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-sync-status.h"

G_DEFINE_ENUM_TYPE (CsSyncStatus, cs_sync_status,
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_CONNECTING, "connecting"),
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (CS_SYNC_STATUS_STOPPED, "stopped"))
