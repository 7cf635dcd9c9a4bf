/* cs-join-window.h: a student joins a cohort with an invitation code or link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The student pastes the code (or a case-studio://join link, which also fills in the
 * server), chooses a user name and a password, and joins: the code is redeemed on the
 * server (creating their login), then the app signs in with the new account (kept in the
 * settings and the keyring) and syncs, so that the cohort's cases arrive in the library.
 */
#pragma once

#include <adwaita.h>

#include "cs-join-link.h"
#include "cs-sync-session.h"

G_BEGIN_DECLS

#define CS_TYPE_JOIN_WINDOW (cs_join_window_get_type ())
G_DECLARE_FINAL_TYPE (CsJoinWindow, cs_join_window, CS, JOIN_WINDOW, AdwWindow)

/* The server fields start from the session's account, if it has one. */
CsJoinWindow *cs_join_window_new         (GtkWindow        *parent,
                                          CsSyncSession    *session);
/* Fills in the code and the server of @link. */
void          cs_join_window_set_link    (CsJoinWindow     *self,
                                          const CsJoinLink *link);
/* What the form does, for tests and the buttons. */
void          cs_join_window_fill        (CsJoinWindow     *self,
                                          const char       *code,
                                          const char       *name,
                                          const char       *user,
                                          const char       *password,
                                          const char       *confirm);
/* Signed in: join with that account (the default) rather than make a new one. */
void          cs_join_window_use_account (CsJoinWindow     *self,
                                          gboolean          use);
void          cs_join_window_join        (CsJoinWindow     *self);
/* The message under the form ("" when none), whether a join runs, and the heading shown
 * once joined (NULL before). */
const char   *cs_join_window_get_message (CsJoinWindow     *self);
gboolean      cs_join_window_get_busy    (CsJoinWindow     *self);
const char   *cs_join_window_get_result  (CsJoinWindow     *self);

G_END_DECLS
