/* cs-provider-factory.c: the language model the settings name, for the app and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-offline-provider.h"
#include "cs-openai-provider.h"
#include "cs-provider-factory.h"

CsLlmProvider *
cs_provider_factory_create (CsAiSettings  *settings,
                            GError       **error)
{
  const char *base_url;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (CS_IS_AI_SETTINGS (settings), NULL);

  if (cs_ai_settings_get_provider (settings) == CS_AI_PROVIDER_OFFLINE)
    return CS_LLM_PROVIDER (cs_offline_provider_new ());

  base_url = cs_ai_settings_get_base_url (settings);
  if (*base_url == '\0')
    {
      g_set_error_literal (error, CS_AI_ERROR, CS_AI_ERROR_NOT_CONFIGURED,
                           _("No server address is set for the OpenAI-compatible provider: set one in Preferences or with --base-url"));
      return NULL;
    }
  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, CS_AI_ERROR, CS_AI_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a server address: give one such as http://localhost:11434/v1"),
                   base_url);
      return NULL;
    }
  return CS_LLM_PROVIDER (cs_openai_provider_new (base_url, cs_ai_settings_get_api_key (settings),
                                                  *cs_ai_settings_get_model (settings) != '\0' ?
                                                    cs_ai_settings_get_model (settings) : NULL));
}
