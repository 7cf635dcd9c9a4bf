/* cs-sync-private.h: test hooks of CsSync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-sync.h"
#include "cs-sync-jobs.h"

G_BEGIN_DECLS

/* @hook runs on the server's worker thread after each statement of a push transaction. */
void cs_sync_set_push_hook (CsSync         *self,
                            CsSyncPushHook  hook,
                            gpointer        user_data);

G_END_DECLS
