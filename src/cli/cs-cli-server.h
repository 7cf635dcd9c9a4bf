/* cs-cli-server.h: the "server" command of case-studio-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

/* The --server option, for the main option group. */
const GOptionEntry *cs_cli_server_option_entries (void);

/* server init | migrate | status | add-instructor NAME [DISPLAY NAME…] */
int                 cmd_server                   (CsStore  *store,
                                                  int       argc,
                                                  char    **argv,
                                                  GError  **error);

G_END_DECLS
