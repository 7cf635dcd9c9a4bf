/* cs-provider-factory.h: the language model the settings name, for the app and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-ai-settings.h"
#include "cs-llm-provider.h"

G_BEGIN_DECLS

/* offline → CsOfflineProvider; openai → CsOpenaiProvider on the settings' base URL, model
 * and API key (an empty key sends no Authorization header, for local servers). An openai
 * provider without an http(s) base URL fails with CS_AI_ERROR_NOT_CONFIGURED. */
CsLlmProvider *cs_provider_factory_create (CsAiSettings  *settings,
                                           GError       **error);

G_END_DECLS
