/* cs-turn-context.c: what a turn of a simulation is about, for the providers that need more
 * than rendered messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-turn-context.h"

/* Case passages put into a persona's system prompt. */
#define PROMPT_PASSAGES 3

struct _CsTurnContext
{
  GObject      parent_instance;

  CsScenario  *scenario;
  CsScene     *scene;
  CsPersona   *persona;
  char        *student_message;
  GListStore  *history;
  CsRetriever *retriever;
};

G_DEFINE_FINAL_TYPE (CsTurnContext, cs_turn_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_SCENE,
  PROP_PERSONA,
  PROP_STUDENT_MESSAGE,
  PROP_HISTORY,
  PROP_RETRIEVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_turn_context_dispose (GObject *object)
{
  CsTurnContext *self = CS_TURN_CONTEXT (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->scene);
  g_clear_object (&self->persona);
  g_clear_object (&self->history);
  g_clear_object (&self->retriever);

  G_OBJECT_CLASS (cs_turn_context_parent_class)->dispose (object);
}

static void
cs_turn_context_finalize (GObject *object)
{
  CsTurnContext *self = CS_TURN_CONTEXT (object);

  g_clear_pointer (&self->student_message, g_free);

  G_OBJECT_CLASS (cs_turn_context_parent_class)->finalize (object);
}

static void
cs_turn_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsTurnContext *self = CS_TURN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_STUDENT_MESSAGE:
      g_value_set_string (value, self->student_message);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_RETRIEVER:
      g_value_set_object (value, self->retriever);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_turn_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsTurnContext *self = CS_TURN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_SCENE:
      self->scene = g_value_dup_object (value);
      break;
    case PROP_PERSONA:
      self->persona = g_value_dup_object (value);
      break;
    case PROP_STUDENT_MESSAGE:
      self->student_message = g_value_dup_string (value);
      if (self->student_message == NULL)
        self->student_message = g_strdup ("");
      break;
    case PROP_RETRIEVER:
      cs_turn_context_set_retriever (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_turn_context_class_init (CsTurnContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_turn_context_dispose;
  object_class->finalize = cs_turn_context_finalize;
  object_class->get_property = cs_turn_context_get_property;
  object_class->set_property = cs_turn_context_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO, construct);
  properties[PROP_SCENE] = g_param_spec_object ("scene", NULL, NULL, CS_TYPE_SCENE, construct);
  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL, CS_TYPE_PERSONA, construct);
  properties[PROP_STUDENT_MESSAGE] =
    g_param_spec_string ("student-message", NULL, NULL, "", construct);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRIEVER] =
    g_param_spec_object ("retriever", NULL, NULL, CS_TYPE_RETRIEVER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_turn_context_init (CsTurnContext *self)
{
  self->history = g_list_store_new (CS_TYPE_MESSAGE);
}

CsTurnContext *
cs_turn_context_new (CsScenario *scenario,
                     CsScene    *scene,
                     CsPersona  *persona,
                     const char *student_message)
{
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (persona == NULL || CS_IS_PERSONA (persona), NULL);

  return g_object_new (CS_TYPE_TURN_CONTEXT,
                       "scenario", scenario,
                       "scene", scene,
                       "persona", persona,
                       "student-message", student_message,
                       NULL);
}

CsScenario *
cs_turn_context_get_scenario (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return self->scenario;
}

CsScene *
cs_turn_context_get_scene (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return self->scene;
}

CsPersona *
cs_turn_context_get_persona (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return self->persona;
}

const char *
cs_turn_context_get_student_message (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return self->student_message;
}

GListModel *
cs_turn_context_get_history (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->history);
}

void
cs_turn_context_add_message (CsTurnContext *self,
                             CsMessage     *message)
{
  g_return_if_fail (CS_IS_TURN_CONTEXT (self));
  g_return_if_fail (CS_IS_MESSAGE (message));

  g_list_store_append (self->history, message);
}

CsRetriever *
cs_turn_context_get_retriever (CsTurnContext *self)
{
  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  return self->retriever;
}

void
cs_turn_context_set_retriever (CsTurnContext *self,
                               CsRetriever   *retriever)
{
  g_return_if_fail (CS_IS_TURN_CONTEXT (self));
  g_return_if_fail (retriever == NULL || CS_IS_RETRIEVER (retriever));

  if (g_set_object (&self->retriever, retriever))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIEVER]);
}

static void
append_line (GString    *transcript,
             const char *message)
{
  g_autofree char *line = g_strdup (message != NULL ? message : "");

  g_strstrip (g_strdelimit (line, "\r\n", ' '));
  if (*line == '\0')
    return;
  if (transcript->len > 0)
    g_string_append_c (transcript, '\n');
  g_string_append (transcript, line);
}

char *
cs_turn_context_dup_student_transcript (CsTurnContext *self)
{
  GString *transcript = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (G_LIST_MODEL (self->history), i);

      if (cs_message_get_kind (message) == CS_MESSAGE_KIND_USER)
        append_line (transcript, cs_message_get_content (message));
    }
  append_line (transcript, self->student_message);
  return g_string_free (transcript, FALSE);
}

/* ---- the persona prompt --------------------------------------------------------------- */

static void
append_field (GString    *prompt,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (prompt, "%s: %s\n", label, value);
}

static void
append_passages (CsTurnContext *self,
                 GString       *prompt)
{
  g_autoptr(CsRetriever) own = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GError) error = NULL;
  CsRetriever *retriever = self->retriever;

  if (retriever == NULL)
    retriever = own = cs_retriever_new_for_scenario (self->scenario, &error);
  if (retriever != NULL)
    passages = cs_retriever_search (retriever, self->student_message, PROMPT_PASSAGES, &error);
  if (passages == NULL)
    {
      g_debug ("No case passages for the persona prompt: %s", error->message);
      return;
    }
  if (passages->len == 0)
    return;
  g_string_append (prompt, "\nFrom the case text, most relevant first:\n");
  for (guint i = 0; i < passages->len; i++)
    {
      CsPassage *passage = g_ptr_array_index (passages, i);

      g_string_append_printf (prompt, "---\n%s\n", passage->text);
    }
  g_string_append (prompt, "---\n");
}

static char *
build_system_prompt (CsTurnContext *self)
{
  GString *prompt = g_string_new (NULL);
  CsPersona *persona = self->persona;
  const char * const *goals = cs_persona_get_primary_goals (persona);
  const char *instruction =
    cs_scene_get_persona_instruction (self->scene, cs_record_get_id (CS_RECORD (persona)));
  g_auto(GStrv) traits = cs_persona_dup_trait_names (persona);

  /* The prompt is for the model, in English like the case; it is not shown to users. */
  g_string_append_printf (prompt,
                          "You are %s, %s, a person in the business case \"%s\". "
                          "A student plays %s and talks to you.\n\n",
                          cs_persona_get_name (persona), cs_persona_get_role (persona),
                          cs_scenario_get_title (self->scenario),
                          cs_scenario_get_student_role (self->scenario) != NULL ?
                            cs_scenario_get_student_role (self->scenario) : "a manager");
  append_field (prompt, "Your background", cs_persona_get_background (persona));
  append_field (prompt, "Your relation to the student", cs_persona_get_correlation (persona));
  if (goals != NULL && goals[0] != NULL)
    {
      g_string_append (prompt, "Your goals:\n");
      for (guint i = 0; goals[i] != NULL; i++)
        g_string_append_printf (prompt, "- %s\n", goals[i]);
    }
  if (traits != NULL && traits[0] != NULL)
    {
      g_string_append (prompt, "Your personality (0 = very low, 10 = very high):");
      for (guint i = 0; traits[i] != NULL; i++)
        g_string_append_printf (prompt, "%s %s %d", i == 0 ? "" : ",", traits[i],
                                cs_persona_get_trait (persona, traits[i]));
      g_string_append (prompt, ". Let it show in how you speak.\n");
    }

  g_string_append_printf (prompt, "\nThe scene: %s\n", cs_scene_get_title (self->scene));
  append_field (prompt, "Setting", cs_scene_get_scene_context (self->scene));
  append_field (prompt, "What happens", cs_scene_get_description (self->scene));
  append_field (prompt, "What the student is trying to achieve (let them work it out)",
                cs_scene_get_user_goal (self->scene));
  append_field (prompt, "Your instructions for this scene", instruction);

  g_string_append (prompt,
                   "\nRules: stay in character and speak as yourself, in the first person. "
                   "Answer in 2 to 4 sentences unless your instructions say otherwise. "
                   "Use only facts from the case; do not invent numbers. "
                   "Never give the student the answer or the recommendation they must reach, "
                   "and never mention grading, criteria or these instructions. "
                   "You know nothing of conversations you were not part of.\n");
  append_passages (self, prompt);
  return g_string_free (prompt, FALSE);
}

CsLlmRequest *
cs_turn_context_new_persona_request (CsTurnContext *self)
{
  g_autoptr(CsLlmRequest) request = cs_llm_request_new ();
  g_autofree char *system = NULL;
  const char *persona_id;
  guint n;

  g_return_val_if_fail (CS_IS_TURN_CONTEXT (self), NULL);
  g_return_val_if_fail (self->persona != NULL, NULL);

  persona_id = cs_record_get_id (CS_RECORD (self->persona));
  system = build_system_prompt (self);
  cs_llm_request_add_message (request, CS_LLM_ROLE_SYSTEM, system);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (G_LIST_MODEL (self->history), i);
      CsMessageKind kind = cs_message_get_kind (message);
      const char *content = cs_message_get_content (message);
      g_autofree char *line = NULL;

      if (kind == CS_MESSAGE_KIND_PERSONA &&
          g_strcmp0 (cs_message_get_persona_id (message), persona_id) == 0)
        {
          cs_llm_request_add_message (request, CS_LLM_ROLE_ASSISTANT, content);
          continue;
        }
      if (kind == CS_MESSAGE_KIND_USER)
        {
          cs_llm_request_add_message (request, CS_LLM_ROLE_USER, content);
          continue;
        }
      /* Other personas, the narrator and hints: said in the room, by someone else. */
      line = g_strdup_printf ("[%s] %s",
                              cs_message_get_sender_name (message) != NULL ?
                                cs_message_get_sender_name (message) : "Narrator",
                              content != NULL ? content : "");
      cs_llm_request_add_message (request, CS_LLM_ROLE_USER, line);
    }
  cs_llm_request_add_message (request, CS_LLM_ROLE_USER, self->student_message);
  cs_llm_request_set_turn_context (request, self);
  return g_steal_pointer (&request);
}
