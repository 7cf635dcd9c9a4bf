/* cs-ai-settings.c: which language model the app and the CLI use, from GSettings with
 * command-line overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-ai-settings.h"

struct _CsAiSettings
{
  GObject           parent_instance;

  CsAiProviderKind  provider;
  char             *base_url;
  char             *model;
  char             *api_key;
};

G_DEFINE_FINAL_TYPE (CsAiSettings, cs_ai_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROVIDER,
  PROP_BASE_URL,
  PROP_MODEL,
  PROP_API_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const provider_names[] = {
  [CS_AI_PROVIDER_OFFLINE] = "offline",
  [CS_AI_PROVIDER_OPENAI] = "openai",
};

GType
cs_ai_provider_kind_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { CS_AI_PROVIDER_OFFLINE, "CS_AI_PROVIDER_OFFLINE", "offline" },
        { CS_AI_PROVIDER_OPENAI, "CS_AI_PROVIDER_OPENAI", "openai" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("CsAiProviderKind", values));
    }
  return type;
}

const char *
cs_ai_provider_kind_to_string (CsAiProviderKind kind)
{
  g_return_val_if_fail (kind <= CS_AI_PROVIDER_OPENAI, NULL);

  return provider_names[kind];
}

gboolean
cs_ai_provider_kind_from_string (const char       *name,
                                 CsAiProviderKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (provider_names); i++)
    if (g_strcmp0 (name, provider_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
cs_ai_settings_finalize (GObject *object)
{
  CsAiSettings *self = CS_AI_SETTINGS (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->api_key, g_free);

  G_OBJECT_CLASS (cs_ai_settings_parent_class)->finalize (object);
}

static void
cs_ai_settings_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsAiSettings *self = CS_AI_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      g_value_set_enum (value, self->provider);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_API_KEY:
      g_value_set_string (value, self->api_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_ai_settings_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsAiSettings *self = CS_AI_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      cs_ai_settings_set_provider (self, g_value_get_enum (value));
      break;
    case PROP_BASE_URL:
      cs_ai_settings_set_base_url (self, g_value_get_string (value));
      break;
    case PROP_MODEL:
      cs_ai_settings_set_model (self, g_value_get_string (value));
      break;
    case PROP_API_KEY:
      cs_ai_settings_set_api_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_ai_settings_class_init (CsAiSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_ai_settings_finalize;
  object_class->get_property = cs_ai_settings_get_property;
  object_class->set_property = cs_ai_settings_set_property;

  properties[PROP_PROVIDER] =
    g_param_spec_enum ("provider", NULL, NULL, CS_TYPE_AI_PROVIDER_KIND, CS_AI_PROVIDER_OFFLINE,
                       flags);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, "", flags);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, "", flags);
  properties[PROP_API_KEY] = g_param_spec_string ("api-key", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_ai_settings_init (CsAiSettings *self)
{
  self->provider = CS_AI_PROVIDER_OFFLINE;
  self->base_url = g_strdup ("");
  self->model = g_strdup ("");
  self->api_key = g_strdup ("");
}

CsAiSettings *
cs_ai_settings_new (void)
{
  return g_object_new (CS_TYPE_AI_SETTINGS, NULL);
}

CsAiSettings *
cs_ai_settings_new_from_gsettings (GSettings *settings)
{
  CsAiSettings *self = cs_ai_settings_new ();
  g_autofree char *provider = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *model = NULL;
  CsAiProviderKind kind = CS_AI_PROVIDER_OFFLINE;

  g_return_val_if_fail (G_IS_SETTINGS (settings), self);

  provider = g_settings_get_string (settings, "ai-provider");
  base_url = g_settings_get_string (settings, "ai-base-url");
  model = g_settings_get_string (settings, "ai-model");
  if (!cs_ai_provider_kind_from_string (provider, &kind))
    g_warning ("Unknown AI provider “%s” in the settings; using the offline engine", provider);
  cs_ai_settings_set_provider (self, kind);
  cs_ai_settings_set_base_url (self, base_url);
  cs_ai_settings_set_model (self, model);
  return self;
}

CsAiSettings *
cs_ai_settings_new_default (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return cs_ai_settings_new ();
  settings = g_settings_new_full (schema, NULL, NULL);
  return cs_ai_settings_new_from_gsettings (settings);
}

CsAiProviderKind
cs_ai_settings_get_provider (CsAiSettings *self)
{
  g_return_val_if_fail (CS_IS_AI_SETTINGS (self), CS_AI_PROVIDER_OFFLINE);

  return self->provider;
}

void
cs_ai_settings_set_provider (CsAiSettings     *self,
                             CsAiProviderKind  provider)
{
  g_return_if_fail (CS_IS_AI_SETTINGS (self));
  g_return_if_fail (provider <= CS_AI_PROVIDER_OPENAI);

  if (self->provider == provider)
    return;
  self->provider = provider;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
}

static void
set_string (CsAiSettings *self,
            char        **field,
            const char   *value,
            guint         prop_id)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (*field, stripped) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
cs_ai_settings_get_base_url (CsAiSettings *self)
{
  g_return_val_if_fail (CS_IS_AI_SETTINGS (self), NULL);

  return self->base_url;
}

void
cs_ai_settings_set_base_url (CsAiSettings *self,
                             const char   *base_url)
{
  g_return_if_fail (CS_IS_AI_SETTINGS (self));

  set_string (self, &self->base_url, base_url, PROP_BASE_URL);
}

const char *
cs_ai_settings_get_model (CsAiSettings *self)
{
  g_return_val_if_fail (CS_IS_AI_SETTINGS (self), NULL);

  return self->model;
}

void
cs_ai_settings_set_model (CsAiSettings *self,
                          const char   *model)
{
  g_return_if_fail (CS_IS_AI_SETTINGS (self));

  set_string (self, &self->model, model, PROP_MODEL);
}

const char *
cs_ai_settings_get_api_key (CsAiSettings *self)
{
  g_return_val_if_fail (CS_IS_AI_SETTINGS (self), NULL);

  return self->api_key;
}

void
cs_ai_settings_set_api_key (CsAiSettings *self,
                            const char   *api_key)
{
  g_return_if_fail (CS_IS_AI_SETTINGS (self));

  set_string (self, &self->api_key, api_key, PROP_API_KEY);
}

gboolean
cs_ai_settings_apply_overrides (CsAiSettings  *self,
                                const char    *provider,
                                const char    *base_url,
                                const char    *model,
                                GError       **error)
{
  CsAiProviderKind kind;

  g_return_val_if_fail (CS_IS_AI_SETTINGS (self), FALSE);

  if (provider != NULL)
    {
      if (!cs_ai_provider_kind_from_string (provider, &kind))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown provider “%s”: use “offline” or “openai”"), provider);
          return FALSE;
        }
      cs_ai_settings_set_provider (self, kind);
    }
  if (base_url != NULL)
    cs_ai_settings_set_base_url (self, base_url);
  if (model != NULL)
    cs_ai_settings_set_model (self, model);
  return TRUE;
}
