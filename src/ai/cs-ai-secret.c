/* cs-ai-secret.c: the API key of a language model server, kept in the keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "cs-ai-secret.h"

static const SecretSchema *
api_key_schema (void)
{
  static const SecretSchema schema = {
    "org.casestudio.CaseStudio.ApiKey", SECRET_SCHEMA_NONE,
    {
      { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static char *
normalize (const char *base_url)
{
  char *url = g_strstrip (g_strdup (base_url != NULL ? base_url : ""));
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key != NULL ? key : g_strdup (""), g_free);
}

void
cs_ai_secret_lookup_async (const char          *base_url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *url = normalize (base_url);

  g_task_set_source_tag (task, cs_ai_secret_lookup_async);
  secret_password_lookup (api_key_schema (), cancellable, on_looked_up, g_steal_pointer (&task),
                          "base-url", url, NULL);
}

char *
cs_ai_secret_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
cs_ai_secret_lookup_sync (const char    *base_url,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *url = normalize (base_url);
  GError *local = NULL;
  char *key = secret_password_lookup_sync (api_key_schema (), cancellable, &local,
                                           "base-url", url, NULL);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return key != NULL ? key : g_strdup ("");
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_get_task_data (task) != NULL)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_ai_secret_store_async (const char          *base_url,
                          const char          *api_key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *url = normalize (base_url);

  g_task_set_source_tag (task, cs_ai_secret_store_async);
  if (api_key == NULL || *api_key == '\0')
    {
      secret_password_clear (api_key_schema (), cancellable, on_stored, g_steal_pointer (&task),
                             "base-url", url, NULL);
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
  {
    g_autofree char *label = g_strdup_printf (_("Case Studio API key for %s"), url);

    secret_password_store (api_key_schema (), SECRET_COLLECTION_DEFAULT, label, api_key,
                           cancellable, on_stored, g_steal_pointer (&task),
                           "base-url", url, NULL);
  }
}

gboolean
cs_ai_secret_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
