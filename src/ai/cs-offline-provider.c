/* cs-offline-provider.c: the offline engine as a language model: persona replies and goal
 * judging from the case text, deterministic, with no network and no model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-judge-schema.h"
#include "cs-offline-judge.h"
#include "cs-offline-persona.h"
#include "cs-offline-provider.h"
#include "cs-offline-turn.h"
#include "cs-retriever.h"

/* Scenario versions whose index is kept (a library is played one case at a time). */
#define MAX_INDEXES 8

/* What the engine knows of one scenario version; immutable once built. */
typedef struct {
  CsRetriever *retriever;
  CsTextIdf   *idf;
} CaseIndex;

struct _CsOfflineProvider
{
  GObject     parent_instance;

  GMutex      lock;
  GHashTable *indexes;  /* scenario key → CaseIndex (atomic rc box) */
};

static void cs_offline_provider_iface_init (CsLlmProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsOfflineProvider, cs_offline_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_LLM_PROVIDER,
                                                      cs_offline_provider_iface_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_IS_OFFLINE,
};

static void
case_index_clear (gpointer data)
{
  CaseIndex *index = data;

  g_clear_object (&index->retriever);
  g_clear_pointer (&index->idf, cs_text_idf_free);
}

static void
case_index_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, case_index_clear);
}

static CaseIndex *
case_index_new (CsRetriever *retriever)
{
  CaseIndex *index = g_atomic_rc_box_new0 (CaseIndex);
  guint n = cs_retriever_get_n_passages (retriever);
  g_autofree const char **documents = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    documents[i] = cs_retriever_get_passage (retriever, i)->text;
  index->retriever = g_object_ref (retriever);
  index->idf = cs_text_idf_new (documents);
  return index;
}

/* ---- one operation ------------------------------------------------------------------- */

typedef struct {
  CsOfflineTurn  *turn;
  CaseIndex      *index;      /* when cached */
  CsRetriever    *retriever;  /* the context's, to build the index from */
  GStrv           documents;  /* else the scenario's texts */
  CsLlmDeltaFunc  delta_func;
  gpointer        delta_data;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  cs_offline_turn_free (job->turn);
  g_clear_pointer (&job->index, case_index_unref);
  g_clear_object (&job->retriever);
  g_strfreev (job->documents);
  g_free (job);
}

static Job *
job_new (CsOfflineProvider  *self,
         CsLlmRequest       *request,
         gboolean            persona_turn,
         GError            **error)
{
  CsTurnContext *context = cs_llm_request_get_turn_context (request);
  CsScenario *scenario;
  Job *job;

  if (context == NULL ||
      (cs_turn_context_get_persona (context) != NULL) != persona_turn)
    {
      g_set_error_literal (error, CS_AI_ERROR, CS_AI_ERROR_NOT_SUPPORTED,
                           persona_turn ?
                             _("The offline engine answers only the personas of a simulation") :
                             _("The offline engine judges only the goals of a simulation scene"));
      return NULL;
    }

  scenario = cs_turn_context_get_scenario (context);
  job = g_new0 (Job, 1);
  job->turn = cs_offline_turn_new (context);

  g_mutex_lock (&self->lock);
  job->index = g_hash_table_lookup (self->indexes, job->turn->scenario_key);
  if (job->index != NULL)
    g_atomic_rc_box_acquire (job->index);
  g_mutex_unlock (&self->lock);

  if (job->index == NULL)
    {
      if (cs_turn_context_get_retriever (context) != NULL)
        job->retriever = g_object_ref (cs_turn_context_get_retriever (context));
      else
        {
          const char *documents[] = {
            cs_scenario_get_source_text (scenario) != NULL ?
              cs_scenario_get_source_text (scenario) : "",
            cs_scenario_get_description (scenario) != NULL ?
              cs_scenario_get_description (scenario) : "",
            cs_scenario_get_challenge (scenario) != NULL ?
              cs_scenario_get_challenge (scenario) : "",
            NULL
          };

          job->documents = g_strdupv ((GStrv) documents);
        }
    }
  return job;
}

/* In the worker thread: the job's index, built and cached on first use. */
static CaseIndex *
ensure_index (CsOfflineProvider  *self,
              Job                *job,
              GError            **error)
{
  g_autoptr(CsRetriever) built = NULL;
  CaseIndex *index;

  if (job->index != NULL)
    return job->index;

  if (job->retriever == NULL)
    {
      built = cs_retriever_new ((const char * const *) job->documents, error);
      if (built == NULL)
        return NULL;
    }
  index = case_index_new (job->retriever != NULL ? job->retriever : built);

  g_mutex_lock (&self->lock);
  if (g_hash_table_size (self->indexes) >= MAX_INDEXES)
    g_hash_table_remove_all (self->indexes);
  g_hash_table_replace (self->indexes, g_strdup (job->turn->scenario_key),
                        g_atomic_rc_box_acquire (index));
  g_mutex_unlock (&self->lock);

  job->index = index;
  return index;
}

static void
chat_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  CaseIndex *index;
  char *reply;

  if (!(index = ensure_index (source, job, &error)) ||
      !(reply = cs_offline_persona_reply (job->turn, index->retriever, index->idf, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, reply, g_free);
}

/* Back on the caller's context: the reply as deltas, one sentence each, then the result. */
static void
on_reply_composed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autofree char *reply = NULL;
  g_autoptr(GArray) sentences = NULL;
  GError *error = NULL;
  gsize from = 0;

  reply = g_task_propagate_pointer (G_TASK (result), &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  sentences = cs_text_split_sentences (reply);
  for (guint i = 0; job->delta_func != NULL && i < sentences->len; i++)
    {
      gsize to = i + 1 < sentences->len ? g_array_index (sentences, CsTextSpan, i + 1).start :
                                          strlen (reply);
      g_autofree char *delta = g_strndup (reply + from, to - from);

      job->delta_func (CS_LLM_PROVIDER (source), delta, job->delta_data);
      from = to;
    }
  g_task_return_pointer (task, cs_llm_result_new_offline (reply), g_object_unref);
}

static void
cs_offline_provider_chat_async (CsLlmProvider       *provider,
                                CsLlmRequest        *request,
                                CsLlmDeltaFunc       delta_func,
                                gpointer             delta_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CsOfflineProvider *self = CS_OFFLINE_PROVIDER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  Job *job;

  g_task_set_source_tag (task, cs_offline_provider_chat_async);
  if (!(job = job_new (self, request, TRUE, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  job->delta_func = delta_func;
  job->delta_data = delta_data;
  g_task_set_task_data (task, job, job_free);

  worker = g_task_new (self, cancellable, on_reply_composed, g_object_ref (task));
  g_task_set_source_tag (worker, chat_thread);
  g_task_set_task_data (worker, job, NULL);
  g_task_run_in_thread (worker, chat_thread);
}

static CsLlmResult *
cs_offline_provider_chat_finish (CsLlmProvider  *provider,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_offline_provider_chat_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
judge_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  CaseIndex *index;

  if (!(index = ensure_index (source, job, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, cs_offline_judge (job->turn, index->idf),
                         (GDestroyNotify) json_node_unref);
}

static void
cs_offline_provider_complete_json_async (CsLlmProvider       *provider,
                                         CsLlmRequest        *request,
                                         JsonNode            *schema,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  CsOfflineProvider *self = CS_OFFLINE_PROVIDER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  Job *job;

  g_task_set_source_tag (task, cs_offline_provider_complete_json_async);
  g_task_set_return_on_cancel (task, TRUE);
  if (!cs_judge_schema_is_judge (schema))
    {
      g_task_return_new_error (task, CS_AI_ERROR, CS_AI_ERROR_NOT_SUPPORTED,
                               _("The offline engine cannot answer this kind of question; "
                                 "set up a language model server in Preferences"));
      return;
    }
  if (!(job = job_new (self, request, FALSE, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, judge_thread);
}

static JsonNode *
cs_offline_provider_complete_json_finish (CsLlmProvider  *provider,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_offline_provider_complete_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cs_offline_provider_list_models_async (CsLlmProvider       *provider,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  const char *models[] = { "offline", NULL };

  g_task_set_source_tag (task, cs_offline_provider_list_models_async);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_strdupv ((GStrv) models), (GDestroyNotify) g_strfreev);
}

static char **
cs_offline_provider_list_models_finish (CsLlmProvider  *provider,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cs_offline_provider_iface_init (CsLlmProviderInterface *iface)
{
  iface->chat_async = cs_offline_provider_chat_async;
  iface->chat_finish = cs_offline_provider_chat_finish;
  iface->complete_json_async = cs_offline_provider_complete_json_async;
  iface->complete_json_finish = cs_offline_provider_complete_json_finish;
  iface->list_models_async = cs_offline_provider_list_models_async;
  iface->list_models_finish = cs_offline_provider_list_models_finish;
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
cs_offline_provider_finalize (GObject *object)
{
  CsOfflineProvider *self = CS_OFFLINE_PROVIDER (object);

  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_offline_provider_parent_class)->finalize (object);
}

static void
cs_offline_provider_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, _("Offline"));
      break;
    case PROP_IS_OFFLINE:
      g_value_set_boolean (value, TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_offline_provider_class_init (CsOfflineProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_offline_provider_finalize;
  object_class->get_property = cs_offline_provider_get_property;

  g_object_class_override_property (object_class, PROP_NAME, "name");
  g_object_class_override_property (object_class, PROP_IS_OFFLINE, "is-offline");
}

static void
cs_offline_provider_init (CsOfflineProvider *self)
{
  g_mutex_init (&self->lock);
  self->indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, case_index_unref);
}

CsOfflineProvider *
cs_offline_provider_new (void)
{
  return g_object_new (CS_TYPE_OFFLINE_PROVIDER, NULL);
}
