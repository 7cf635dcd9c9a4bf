/* cs-llm-provider.h: the interface of a language model: streamed chat, JSON by schema, models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-ai-error.h"
#include "cs-llm-request.h"
#include "cs-llm-result.h"

G_BEGIN_DECLS

#define CS_TYPE_LLM_PROVIDER (cs_llm_provider_get_type ())
G_DECLARE_INTERFACE (CsLlmProvider, cs_llm_provider, CS, LLM_PROVIDER, GObject)

/* A piece of the answer, in order. Called on the thread-default main context of the
 * chat_async() call, never after the operation's callback. */
typedef void (*CsLlmDeltaFunc) (CsLlmProvider *provider,
                                const char    *delta,
                                gpointer       user_data);

/* Implementations (an offline one may do its work in a GTask thread and deliver deltas with
 * g_main_context_invoke() on g_task_get_context()):
 *   chat_async           streams deltas through delta_func, then completes with a CsLlmResult
 *                        whose text is all deltas joined.
 *   complete_json_async  completes with the JSON value the model produced for @schema;
 *                        cs_llm_provider_complete_json_async() validates it, so an
 *                        implementation need not.
 *   list_models_async    completes with a NULL-terminated array of model names.
 * A cancelled operation completes with G_IO_ERROR_CANCELLED; other errors are CS_AI_ERROR.
 *
 * Properties (read-only, installed by the interface):
 *   "name"        string, shown to the user ("Offline", the server's host, …)
 *   "is-offline"  boolean, TRUE when answers are an offline estimate, not a model's */
struct _CsLlmProviderInterface
{
  GTypeInterface parent_iface;

  void          (*chat_async)           (CsLlmProvider       *self,
                                         CsLlmRequest        *request,
                                         CsLlmDeltaFunc       delta_func,
                                         gpointer             delta_data,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  CsLlmResult  *(*chat_finish)          (CsLlmProvider       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
  void          (*complete_json_async)  (CsLlmProvider       *self,
                                         CsLlmRequest        *request,
                                         JsonNode            *schema,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  JsonNode     *(*complete_json_finish) (CsLlmProvider       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
  void          (*list_models_async)    (CsLlmProvider       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  char        **(*list_models_finish)   (CsLlmProvider       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
};

/* @delta_func may be NULL; @delta_data must stay valid until @callback runs. */
void          cs_llm_provider_chat_async           (CsLlmProvider       *self,
                                                    CsLlmRequest        *request,
                                                    CsLlmDeltaFunc       delta_func,
                                                    gpointer             delta_data,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
CsLlmResult  *cs_llm_provider_chat_finish          (CsLlmProvider       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The value is returned only when it is valid for @schema (cs-json-schema.h); otherwise the
 * operation fails with CS_AI_ERROR_SCHEMA naming the path of the first bad value. */
void          cs_llm_provider_complete_json_async  (CsLlmProvider       *self,
                                                    CsLlmRequest        *request,
                                                    JsonNode            *schema,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
JsonNode     *cs_llm_provider_complete_json_finish (CsLlmProvider       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

void          cs_llm_provider_list_models_async    (CsLlmProvider       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char        **cs_llm_provider_list_models_finish   (CsLlmProvider       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

char         *cs_llm_provider_dup_name             (CsLlmProvider       *self);
gboolean      cs_llm_provider_get_is_offline       (CsLlmProvider       *self);

G_END_DECLS
