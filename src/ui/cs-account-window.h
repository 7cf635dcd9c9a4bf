/* cs-account-window.h: the shared server: sign in, sync status, sign out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-sync-session.h"

G_BEGIN_DECLS

#define CS_TYPE_ACCOUNT_WINDOW (cs_account_window_get_type ())
G_DECLARE_FINAL_TYPE (CsAccountWindow, cs_account_window, CS, ACCOUNT_WINDOW, AdwPreferencesWindow)

CsAccountWindow *cs_account_window_new        (GtkWindow       *parent,
                                               CsSyncSession   *session);
/* What the form does, for tests and the buttons. */
void             cs_account_window_fill       (CsAccountWindow *self,
                                               const char      *host,
                                               int              port,
                                               const char      *database,
                                               const char      *user,
                                               const char      *password);
void             cs_account_window_sign_in    (CsAccountWindow *self);
/* The message under the Sign In button ("" when none) and whether a sign-in is running. */
const char      *cs_account_window_get_message (CsAccountWindow *self);
gboolean         cs_account_window_get_busy   (CsAccountWindow *self);
const char      *cs_account_window_get_status_text (CsAccountWindow *self);

G_END_DECLS
