/* cs-cli-import.h: the "import" command of case-studio-cli (a case-study PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-store.h"

G_BEGIN_DECLS

/* The --password option, for the main option group. */
const GOptionEntry *cs_cli_import_option_entries (void);

/* import FILE.pdf: analyse it offline and add the draft to the library; with @json, print
 * the draft as a .casestudio document on standard output instead. */
int                 cs_cli_import                (CsStore  *store,
                                                  int       argc,
                                                  char    **argv,
                                                  gboolean  json,
                                                  GError  **error);

G_END_DECLS
