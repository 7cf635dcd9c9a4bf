/* cs-llm-result.c: the answer of a language model to a chat request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-llm-result.h"

struct _CsLlmResult
{
  GObject  parent_instance;

  char    *text;
  char    *finish_reason;
  char    *model;
  int      prompt_tokens;
  int      completion_tokens;
  gboolean is_offline;
};

G_DEFINE_FINAL_TYPE (CsLlmResult, cs_llm_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_FINISH_REASON,
  PROP_MODEL,
  PROP_PROMPT_TOKENS,
  PROP_COMPLETION_TOKENS,
  PROP_IS_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_llm_result_finalize (GObject *object)
{
  CsLlmResult *self = CS_LLM_RESULT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->finish_reason, g_free);
  g_clear_pointer (&self->model, g_free);

  G_OBJECT_CLASS (cs_llm_result_parent_class)->finalize (object);
}

static void
cs_llm_result_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsLlmResult *self = CS_LLM_RESULT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_FINISH_REASON:
      g_value_set_string (value, self->finish_reason);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_PROMPT_TOKENS:
      g_value_set_int (value, self->prompt_tokens);
      break;
    case PROP_COMPLETION_TOKENS:
      g_value_set_int (value, self->completion_tokens);
      break;
    case PROP_IS_OFFLINE:
      g_value_set_boolean (value, self->is_offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_llm_result_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsLlmResult *self = CS_LLM_RESULT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      if (self->text == NULL)
        self->text = g_strdup ("");
      break;
    case PROP_FINISH_REASON:
      self->finish_reason = g_value_dup_string (value);
      break;
    case PROP_MODEL:
      self->model = g_value_dup_string (value);
      break;
    case PROP_PROMPT_TOKENS:
      self->prompt_tokens = g_value_get_int (value);
      break;
    case PROP_COMPLETION_TOKENS:
      self->completion_tokens = g_value_get_int (value);
      break;
    case PROP_IS_OFFLINE:
      self->is_offline = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_llm_result_class_init (CsLlmResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_llm_result_finalize;
  object_class->get_property = cs_llm_result_get_property;
  object_class->set_property = cs_llm_result_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_FINISH_REASON] = g_param_spec_string ("finish-reason", NULL, NULL, NULL, flags);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, flags);
  properties[PROP_PROMPT_TOKENS] =
    g_param_spec_int ("prompt-tokens", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_COMPLETION_TOKENS] =
    g_param_spec_int ("completion-tokens", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_IS_OFFLINE] = g_param_spec_boolean ("is-offline", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_llm_result_init (CsLlmResult *self)
{
  self->prompt_tokens = -1;
  self->completion_tokens = -1;
}

CsLlmResult *
cs_llm_result_new (const char *text,
                   const char *finish_reason,
                   const char *model,
                   int         prompt_tokens,
                   int         completion_tokens)
{
  return g_object_new (CS_TYPE_LLM_RESULT,
                       "text", text,
                       "finish-reason", finish_reason,
                       "model", model,
                       "prompt-tokens", MAX (prompt_tokens, -1),
                       "completion-tokens", MAX (completion_tokens, -1),
                       NULL);
}

CsLlmResult *
cs_llm_result_new_offline (const char *text)
{
  return g_object_new (CS_TYPE_LLM_RESULT,
                       "text", text,
                       "finish-reason", "stop",
                       "model", "offline",
                       "is-offline", TRUE,
                       NULL);
}

const char *
cs_llm_result_get_text (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), NULL);

  return self->text;
}

const char *
cs_llm_result_get_finish_reason (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), NULL);

  return self->finish_reason;
}

const char *
cs_llm_result_get_model (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), NULL);

  return self->model;
}

int
cs_llm_result_get_prompt_tokens (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), -1);

  return self->prompt_tokens;
}

int
cs_llm_result_get_completion_tokens (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), -1);

  return self->completion_tokens;
}

gboolean
cs_llm_result_get_is_offline (CsLlmResult *self)
{
  g_return_val_if_fail (CS_IS_LLM_RESULT (self), FALSE);

  return self->is_offline;
}
