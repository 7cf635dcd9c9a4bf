/* cs-llm-provider.c: the interface of a language model: streamed chat, JSON by schema, models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-json-schema.h"
#include "cs-llm-provider.h"

G_DEFINE_INTERFACE (CsLlmProvider, cs_llm_provider, G_TYPE_OBJECT)

static void
cs_llm_provider_default_init (CsLlmProviderInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("is-offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

void
cs_llm_provider_chat_async (CsLlmProvider       *self,
                            CsLlmRequest        *request,
                            CsLlmDeltaFunc       delta_func,
                            gpointer             delta_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CS_IS_LLM_PROVIDER (self));
  g_return_if_fail (CS_IS_LLM_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CS_LLM_PROVIDER_GET_IFACE (self)->chat_async (self, request, delta_func, delta_data,
                                                cancellable, callback, user_data);
}

CsLlmResult *
cs_llm_provider_chat_finish (CsLlmProvider  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (CS_IS_LLM_PROVIDER (self), NULL);

  return CS_LLM_PROVIDER_GET_IFACE (self)->chat_finish (self, result, error);
}

static void
on_json_completed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CsLlmProvider *self = CS_LLM_PROVIDER (source);
  g_autoptr(GTask) task = user_data;
  JsonNode *schema = g_task_get_task_data (task);
  g_autoptr(JsonNode) value = NULL;
  GError *error = NULL;

  value = CS_LLM_PROVIDER_GET_IFACE (self)->complete_json_finish (self, result, &error);
  if (value == NULL || !cs_json_schema_validate (schema, value, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, CS_AI_ERROR, CS_AI_ERROR_BAD_RESPONSE,
                             _("The language model returned no answer"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&value), (GDestroyNotify) json_node_unref);
}

void
cs_llm_provider_complete_json_async (CsLlmProvider       *self,
                                     CsLlmRequest        *request,
                                     JsonNode            *schema,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_LLM_PROVIDER (self));
  g_return_if_fail (CS_IS_LLM_REQUEST (request));
  g_return_if_fail (schema != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_llm_provider_complete_json_async);
  g_task_set_task_data (task, json_node_ref (schema), (GDestroyNotify) json_node_unref);

  CS_LLM_PROVIDER_GET_IFACE (self)->complete_json_async (self, request, schema, cancellable,
                                                         on_json_completed,
                                                         g_steal_pointer (&task));
}

JsonNode *
cs_llm_provider_complete_json_finish (CsLlmProvider  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (CS_IS_LLM_PROVIDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_llm_provider_complete_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cs_llm_provider_list_models_async (CsLlmProvider       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CS_IS_LLM_PROVIDER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CS_LLM_PROVIDER_GET_IFACE (self)->list_models_async (self, cancellable, callback, user_data);
}

char **
cs_llm_provider_list_models_finish (CsLlmProvider  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (CS_IS_LLM_PROVIDER (self), NULL);

  return CS_LLM_PROVIDER_GET_IFACE (self)->list_models_finish (self, result, error);
}

char *
cs_llm_provider_dup_name (CsLlmProvider *self)
{
  char *name = NULL;

  g_return_val_if_fail (CS_IS_LLM_PROVIDER (self), NULL);

  g_object_get (self, "name", &name, NULL);
  return name;
}

gboolean
cs_llm_provider_get_is_offline (CsLlmProvider *self)
{
  gboolean is_offline = FALSE;

  g_return_val_if_fail (CS_IS_LLM_PROVIDER (self), FALSE);

  g_object_get (self, "is-offline", &is_offline, NULL);
  return is_offline;
}
