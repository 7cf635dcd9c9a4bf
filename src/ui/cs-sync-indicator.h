/* cs-sync-indicator.h: the header-bar button that shows how sync is going
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its icon and tooltip follow the application's CsSyncSession (no server, connecting,
 * syncing, up to date with N changes waiting, or an error); it opens the account window.
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-sync-session.h"

G_BEGIN_DECLS

#define CS_TYPE_SYNC_INDICATOR (cs_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (CsSyncIndicator, cs_sync_indicator, CS, SYNC_INDICATOR, GtkWidget)

void        cs_sync_indicator_set_session (CsSyncIndicator *self,
                                           CsSyncSession   *session);
/* For tests: the icon and tooltip shown. */
const char *cs_sync_indicator_get_icon    (CsSyncIndicator *self);
const char *cs_sync_indicator_get_tooltip (CsSyncIndicator *self);

/* A sentence for the state of @sync (NULL: no server). */
char       *cs_sync_dup_status_text       (CsSync          *sync);

G_END_DECLS
