/* cs-ai-settings.h: which language model the app and the CLI use, from GSettings with
 * command-line overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CS_AI_PROVIDER_OFFLINE, /*< nick=offline >*/
  CS_AI_PROVIDER_OPENAI,  /*< nick=openai >*/
} CsAiProviderKind;

#define CS_TYPE_AI_PROVIDER_KIND (cs_ai_provider_kind_get_type ())
GType cs_ai_provider_kind_get_type (void) G_GNUC_CONST;

#define CS_TYPE_AI_SETTINGS (cs_ai_settings_get_type ())
G_DECLARE_FINAL_TYPE (CsAiSettings, cs_ai_settings, CS, AI_SETTINGS, GObject)

/* Properties (all with notify):
 *   "provider"  CsAiProviderKind (default offline); the GSettings key "ai-provider" holds
 *               its nick
 *   "base-url"  string, "" by default (key "ai-base-url")
 *   "model"     string, "" = the server's default (key "ai-model")
 *   "api-key"   string, "" = none (local servers); never in GSettings: the keyring holds it
 *               (cs-ai-secret.h), the caller puts it here
 *
 * A plain value object: reading GSettings copies the keys once. */
CsAiSettings     *cs_ai_settings_new                (void);
/* From @settings of the app's schema (keys ai-provider, ai-base-url, ai-model). */
CsAiSettings     *cs_ai_settings_new_from_gsettings (GSettings     *settings);
/* From the app's schema (APP_ID) when it is installed or in GSETTINGS_SCHEMA_DIR, else
 * the defaults (an uninstalled CLI still works, offline). */
CsAiSettings     *cs_ai_settings_new_default        (void);

CsAiProviderKind  cs_ai_settings_get_provider       (CsAiSettings  *self);
void              cs_ai_settings_set_provider       (CsAiSettings  *self,
                                                     CsAiProviderKind provider);
const char       *cs_ai_settings_get_base_url       (CsAiSettings  *self);
void              cs_ai_settings_set_base_url       (CsAiSettings  *self,
                                                     const char    *base_url);
const char       *cs_ai_settings_get_model          (CsAiSettings  *self);
void              cs_ai_settings_set_model          (CsAiSettings  *self,
                                                     const char    *model);
const char       *cs_ai_settings_get_api_key        (CsAiSettings  *self);
void              cs_ai_settings_set_api_key        (CsAiSettings  *self,
                                                     const char    *api_key);

/* Command-line overrides; NULL leaves a value as it is. @provider is "offline" or
 * "openai". Fails with G_OPTION_ERROR_BAD_VALUE for another provider name. */
gboolean          cs_ai_settings_apply_overrides    (CsAiSettings  *self,
                                                     const char    *provider,
                                                     const char    *base_url,
                                                     const char    *model,
                                                     GError       **error);

const char       *cs_ai_provider_kind_to_string     (CsAiProviderKind kind);
gboolean          cs_ai_provider_kind_from_string   (const char    *name,
                                                     CsAiProviderKind *kind);

G_END_DECLS
