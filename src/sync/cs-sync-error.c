/* cs-sync-error.c: errors of the connection to the shared server and of sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-sync-error.h"

G_DEFINE_QUARK (cs-sync-error-quark, cs_sync_error)
