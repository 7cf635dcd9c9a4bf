/* cs-cli-ai.h: the "ai" command of case-studio-cli and the language model options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-ai-settings.h"
#include "cs-store.h"

G_BEGIN_DECLS

/* --provider, --base-url and --model, for the main option group: they override the app's
 * settings (Preferences) for this run. */
const GOptionEntry *cs_cli_ai_option_entries (void);

/* ai status | models | ask ID PERSONA MESSAGE… [--scene N] */
int                 cmd_ai                   (CsStore  *store,
                                              int       argc,
                                              char    **argv,
                                              GError  **error);

/* The settings of Preferences with the command line's overrides and the keyring's API key;
 * NULL with @error for a bad override. */
CsAiSettings       *cs_cli_ai_load_settings  (GError  **error);

G_END_DECLS
