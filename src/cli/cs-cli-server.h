/* cs-cli-server.h: the "server" command of case-studio-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

/* The --server option, for the main option group. */
const GOptionEntry *cs_cli_server_option_entries (void);

/* server init | migrate | status | add-instructor NAME [DISPLAY NAME…]
 *        publish CASE | cohort create TITLE…|list|rename COHORT TITLE…|archive COHORT
 *        invite create COHORT|list [COHORT]|revoke ID
 *        enrolments list [COHORT]|approve ID…|reject ID…
 *        assign COHORT CASE | join CODE|LINK [--user NAME] */
int                 cmd_server                   (CsStore  *store,
                                                  int       argc,
                                                  char    **argv,
                                                  GError  **error);

/* In cs-cli.c: the full id of the case of the library that @arg (4 characters or more of
 * its id) names. */
char               *cs_cli_resolve_id            (CsStore  *store,
                                                  const char *arg,
                                                  GError  **error);

G_END_DECLS
