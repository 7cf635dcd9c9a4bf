/* test-ai-settings.c: the provider the settings name, command-line overrides, an empty API
 * key for local servers (against a SoupServer written here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cs-ai-settings.h"
#include "cs-offline-provider.h"
#include "cs-openai-provider.h"
#include "cs-provider-factory.h"

typedef struct {
  SoupServer *server;
  char       *base_url;
  GPtrArray  *authorizations;  /* one per request: the header, "" when absent */
} Server;

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Server *fake = user_data;
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                  "Authorization");
  static const char body[] =
    "{\"object\": \"list\", \"data\": [{\"id\": \"small-model\", \"object\": \"model\"},"
    " {\"id\": \"large-model\", \"object\": \"model\"}]}";

  g_ptr_array_add (fake->authorizations, g_strdup (authorization != NULL ? authorization : ""));
  if (g_strcmp0 (path, "/v1/models") != 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static Server *
server_new (void)
{
  Server *fake = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->server = soup_server_new (NULL, NULL);
  fake->authorizations = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (fake->server, NULL, handle, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return fake;
}

static void
server_free (Server *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (fake->authorizations);
  g_free (fake->base_url);
  g_free (fake);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GStrv
list_models (CsLlmProvider  *provider,
             GError        **error)
{
  GAsyncResult *result = NULL;
  GStrv models;

  cs_llm_provider_list_models_async (provider, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  models = cs_llm_provider_list_models_finish (provider, result, error);
  g_object_unref (result);
  return models;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "ai-provider");
  g_settings_reset (settings, "ai-base-url");
  g_settings_reset (settings, "ai-model");
}

/* Nothing configured: the offline engine. */
static void
test_default (void)
{
  g_autoptr(CsAiSettings) settings = NULL;
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  reset_settings ();
  settings = cs_ai_settings_new_default ();
  g_assert_cmpint (cs_ai_settings_get_provider (settings), ==, CS_AI_PROVIDER_OFFLINE);
  provider = cs_provider_factory_create (settings, &error);
  g_assert_no_error (error);
  g_assert_true (CS_IS_OFFLINE_PROVIDER (provider));
  g_assert_true (cs_llm_provider_get_is_offline (provider));
}

/* The app's settings are read; each command-line override wins over its key. */
static void
test_overrides (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APP_ID);
  g_autoptr(CsAiSettings) settings = NULL;
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *base_url = NULL;

  g_settings_set_string (gsettings, "ai-provider", "openai");
  g_settings_set_string (gsettings, "ai-base-url", "http://127.0.0.1:9/v1");
  g_settings_set_string (gsettings, "ai-model", "from-settings");

  settings = cs_ai_settings_new_default ();
  g_assert_cmpint (cs_ai_settings_get_provider (settings), ==, CS_AI_PROVIDER_OPENAI);
  g_assert_cmpstr (cs_ai_settings_get_base_url (settings), ==, "http://127.0.0.1:9/v1");
  g_assert_cmpstr (cs_ai_settings_get_model (settings), ==, "from-settings");

  /* Only the model given: the rest stays as set. */
  g_assert_true (cs_ai_settings_apply_overrides (settings, NULL, NULL, "from-cli", &error));
  g_assert_no_error (error);
  provider = cs_provider_factory_create (settings, &error);
  g_assert_no_error (error);
  g_assert_true (CS_IS_OPENAI_PROVIDER (provider));
  g_object_get (provider, "model", &model, "base-url", &base_url, NULL);
  g_assert_cmpstr (model, ==, "from-cli");
  g_assert_cmpstr (base_url, ==, "http://127.0.0.1:9/v1");
  g_clear_object (&provider);
  g_clear_pointer (&base_url, g_free);

  g_assert_true (cs_ai_settings_apply_overrides (settings, NULL, "http://localhost:8080/v1/", NULL,
                                                 &error));
  provider = cs_provider_factory_create (settings, &error);
  g_assert_no_error (error);
  g_object_get (provider, "base-url", &base_url, NULL);
  g_assert_true (g_str_has_prefix (base_url, "http://localhost:8080/v1"));
  g_clear_object (&provider);

  /* A bad provider name changes nothing. */
  g_assert_false (cs_ai_settings_apply_overrides (settings, "gpt", NULL, NULL, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (cs_ai_settings_get_provider (settings), ==, CS_AI_PROVIDER_OPENAI);

  g_assert_true (cs_ai_settings_apply_overrides (settings, "offline", NULL, NULL, &error));
  provider = cs_provider_factory_create (settings, &error);
  g_assert_no_error (error);
  g_assert_true (CS_IS_OFFLINE_PROVIDER (provider));

  /* The settings themselves are untouched by overrides. */
  {
    g_autofree char *kept = g_settings_get_string (gsettings, "ai-model");

    g_assert_cmpstr (kept, ==, "from-settings");
  }
  reset_settings ();
}

static void
test_not_configured (void)
{
  g_autoptr(CsAiSettings) settings = cs_ai_settings_new ();
  const char *bad[] = { "", "localhost:11434", "ftp://example.org/v1", "http://", NULL };

  cs_ai_settings_set_provider (settings, CS_AI_PROVIDER_OPENAI);
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsLlmProvider) provider = NULL;

      cs_ai_settings_set_base_url (settings, bad[i]);
      provider = cs_provider_factory_create (settings, &error);
      g_assert_error (error, CS_AI_ERROR, CS_AI_ERROR_NOT_CONFIGURED);
      g_assert_null (provider);
    }
}

/* A local server needs no key: none is sent. A key, when set, is. */
static void
test_api_key (void)
{
  Server *fake = server_new ();
  g_autoptr(CsAiSettings) settings = cs_ai_settings_new ();
  g_autoptr(GError) error = NULL;

  cs_ai_settings_set_provider (settings, CS_AI_PROVIDER_OPENAI);
  cs_ai_settings_set_base_url (settings, fake->base_url);
  g_assert_cmpstr (cs_ai_settings_get_api_key (settings), ==, "");

  {
    g_autoptr(CsLlmProvider) provider = cs_provider_factory_create (settings, &error);
    g_auto(GStrv) models = NULL;

    g_assert_no_error (error);
    models = list_models (provider, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (models), ==, 2);
    g_assert_cmpstr (models[0], ==, "small-model");
    g_assert_cmpuint (fake->authorizations->len, ==, 1);
    g_assert_cmpstr (fake->authorizations->pdata[0], ==, "");
  }

  cs_ai_settings_set_api_key (settings, "sk-local-test");
  {
    g_autoptr(CsLlmProvider) provider = cs_provider_factory_create (settings, &error);
    g_auto(GStrv) models = NULL;

    g_assert_no_error (error);
    models = list_models (provider, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fake->authorizations->len, ==, 2);
    g_assert_cmpstr (fake->authorizations->pdata[1], ==, "Bearer sk-local-test");
  }
  server_free (fake);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ai-settings/default", test_default);
  g_test_add_func ("/ai-settings/overrides", test_overrides);
  g_test_add_func ("/ai-settings/not-configured", test_not_configured);
  g_test_add_func ("/ai-settings/api-key", test_api_key);

  return g_test_run ();
}
