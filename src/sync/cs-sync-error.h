/* cs-sync-error.h: errors of the connection to the shared server and of sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_SYNC_ERROR (cs_sync_error_quark ())

typedef enum {
  CS_SYNC_ERROR_FAILED,           /* any other server error */
  CS_SYNC_ERROR_BAD_ADDRESS,      /* no server answers at that address */
  CS_SYNC_ERROR_BAD_CREDENTIALS,  /* the server refused the user name or password */
  CS_SYNC_ERROR_CONNECTION_LOST,  /* the connection broke while talking to the server */
  CS_SYNC_ERROR_TIMEOUT,          /* a statement took longer than the server allows */
  CS_SYNC_ERROR_DENIED,           /* the login lacks the right to do this */
  CS_SYNC_ERROR_CLOSED,           /* the CsServer was disposed */
  CS_SYNC_ERROR_SERVER_FULL,      /* the server ran out of disk, memory or connections */
  CS_SYNC_ERROR_SERVER_TOO_OLD,   /* the server lacks migrations this program needs */
} CsSyncError;

GQuark cs_sync_error_quark (void);

G_END_DECLS
