/* cs-llm-request.c: what is asked of a language model: messages and sampling settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-llm-request.h"
#include "cs-turn-context.h"

typedef struct
{
  CsLlmRole  role;
  char      *content;
} Message;

struct _CsLlmRequest
{
  GObject  parent_instance;

  GArray  *messages;    /* of Message */
  char    *model;
  double   temperature;
  int      max_tokens;
  CsTurnContext *turn_context;
};

G_DEFINE_FINAL_TYPE (CsLlmRequest, cs_llm_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TEMPERATURE,
  PROP_MAX_TOKENS,
  PROP_TURN_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
cs_llm_role_to_string (CsLlmRole role)
{
  switch (role)
    {
    case CS_LLM_ROLE_SYSTEM:
      return "system";
    case CS_LLM_ROLE_USER:
      return "user";
    case CS_LLM_ROLE_ASSISTANT:
      return "assistant";
    default:
      g_return_val_if_reached ("user");
    }
}

static void
clear_message (gpointer data)
{
  Message *message = data;

  g_clear_pointer (&message->content, g_free);
}

static void
cs_llm_request_finalize (GObject *object)
{
  CsLlmRequest *self = CS_LLM_REQUEST (object);

  g_clear_pointer (&self->messages, g_array_unref);
  g_clear_pointer (&self->model, g_free);
  g_clear_object (&self->turn_context);

  G_OBJECT_CLASS (cs_llm_request_parent_class)->finalize (object);
}

static void
cs_llm_request_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsLlmRequest *self = CS_LLM_REQUEST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_TEMPERATURE:
      g_value_set_double (value, self->temperature);
      break;
    case PROP_MAX_TOKENS:
      g_value_set_int (value, self->max_tokens);
      break;
    case PROP_TURN_CONTEXT:
      g_value_set_object (value, self->turn_context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_llm_request_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsLlmRequest *self = CS_LLM_REQUEST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      cs_llm_request_set_model (self, g_value_get_string (value));
      break;
    case PROP_TEMPERATURE:
      cs_llm_request_set_temperature (self, g_value_get_double (value));
      break;
    case PROP_MAX_TOKENS:
      cs_llm_request_set_max_tokens (self, g_value_get_int (value));
      break;
    case PROP_TURN_CONTEXT:
      cs_llm_request_set_turn_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_llm_request_class_init (CsLlmRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_llm_request_finalize;
  object_class->get_property = cs_llm_request_get_property;
  object_class->set_property = cs_llm_request_set_property;

  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPERATURE] =
    g_param_spec_double ("temperature", NULL, NULL, -1.0, 2.0, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_TOKENS] =
    g_param_spec_int ("max-tokens", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TURN_CONTEXT] =
    g_param_spec_object ("turn-context", NULL, NULL, CS_TYPE_TURN_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_llm_request_init (CsLlmRequest *self)
{
  self->messages = g_array_new (FALSE, FALSE, sizeof (Message));
  g_array_set_clear_func (self->messages, clear_message);
  self->temperature = -1.0;
}

CsLlmRequest *
cs_llm_request_new (void)
{
  return g_object_new (CS_TYPE_LLM_REQUEST, NULL);
}

void
cs_llm_request_add_message (CsLlmRequest *self,
                            CsLlmRole     role,
                            const char   *content)
{
  Message message = { role, g_strdup (content != NULL ? content : "") };

  g_return_if_fail (CS_IS_LLM_REQUEST (self));
  g_return_if_fail (role <= CS_LLM_ROLE_ASSISTANT);

  g_array_append_val (self->messages, message);
}

guint
cs_llm_request_get_n_messages (CsLlmRequest *self)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), 0);

  return self->messages->len;
}

CsLlmRole
cs_llm_request_get_message_role (CsLlmRequest *self,
                                 guint         index)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), CS_LLM_ROLE_USER);
  g_return_val_if_fail (index < self->messages->len, CS_LLM_ROLE_USER);

  return g_array_index (self->messages, Message, index).role;
}

const char *
cs_llm_request_get_message_content (CsLlmRequest *self,
                                    guint         index)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), NULL);
  g_return_val_if_fail (index < self->messages->len, NULL);

  return g_array_index (self->messages, Message, index).content;
}

const char *
cs_llm_request_get_model (CsLlmRequest *self)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), NULL);

  return self->model;
}

void
cs_llm_request_set_model (CsLlmRequest *self,
                          const char   *model)
{
  g_return_if_fail (CS_IS_LLM_REQUEST (self));

  if (g_strcmp0 (self->model, model) == 0)
    return;
  g_free (self->model);
  self->model = g_strdup (model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

double
cs_llm_request_get_temperature (CsLlmRequest *self)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), -1.0);

  return self->temperature;
}

void
cs_llm_request_set_temperature (CsLlmRequest *self,
                                double        temperature)
{
  g_return_if_fail (CS_IS_LLM_REQUEST (self));

  if (temperature < 0.0)
    temperature = -1.0;
  temperature = MIN (temperature, 2.0);
  if (self->temperature == temperature)
    return;
  self->temperature = temperature;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPERATURE]);
}

int
cs_llm_request_get_max_tokens (CsLlmRequest *self)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), 0);

  return self->max_tokens;
}

void
cs_llm_request_set_max_tokens (CsLlmRequest *self,
                               int           max_tokens)
{
  g_return_if_fail (CS_IS_LLM_REQUEST (self));

  max_tokens = MAX (max_tokens, 0);
  if (self->max_tokens == max_tokens)
    return;
  self->max_tokens = max_tokens;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_TOKENS]);
}

CsTurnContext *
cs_llm_request_get_turn_context (CsLlmRequest *self)
{
  g_return_val_if_fail (CS_IS_LLM_REQUEST (self), NULL);

  return self->turn_context;
}

void
cs_llm_request_set_turn_context (CsLlmRequest  *self,
                                 CsTurnContext *context)
{
  g_return_if_fail (CS_IS_LLM_REQUEST (self));
  g_return_if_fail (context == NULL || CS_IS_TURN_CONTEXT (context));

  if (g_set_object (&self->turn_context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TURN_CONTEXT]);
}
