/* cs-judge-schema.c: goal judging: the one JSON schema of the judge's answer, its request and
 * the score computed from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-judge-schema.h"
#include "cs-text-util.h"

static const char judge_schema_json[] =
  "{"
  "  \"title\": \"goal_judgement\","
  "  \"type\": \"object\","
  "  \"properties\": {"
  "    \"criteria\": {"
  "      \"type\": \"array\","
  "      \"items\": {"
  "        \"type\": \"object\","
  "        \"properties\": {"
  "          \"id\": { \"type\": \"string\" },"
  "          \"met\": { \"type\": \"boolean\" },"
  "          \"confidence\": { \"type\": \"number\", \"minimum\": 0, \"maximum\": 1 },"
  "          \"evidence\": { \"type\": \"string\" }"
  "        },"
  "        \"required\": [\"id\", \"met\", \"confidence\", \"evidence\"],"
  "        \"additionalProperties\": false"
  "      }"
  "    },"
  "    \"feedback\": { \"type\": \"string\" }"
  "  },"
  "  \"required\": [\"criteria\", \"feedback\"],"
  "  \"additionalProperties\": false"
  "}";

JsonNode *
cs_judge_schema_get (void)
{
  static JsonNode *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (judge_schema_json, &error);

      g_assert_no_error (error);
      json_node_seal (node);
      g_once_init_leave (&schema, node);
    }
  return schema;
}

gboolean
cs_judge_schema_is_judge (JsonNode *schema)
{
  JsonObject *object;

  if (schema == NULL)
    return FALSE;
  if (schema == cs_judge_schema_get ())
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (schema))
    return FALSE;
  object = json_node_get_object (schema);
  return g_strcmp0 (json_object_get_string_member_with_default (object, "title", NULL),
                    "goal_judgement") == 0;
}

CsLlmRequest *
cs_judge_request_new (CsTurnContext *context)
{
  g_autoptr(CsLlmRequest) request = NULL;
  g_autoptr(GString) system = g_string_new (NULL);
  g_autoptr(GString) transcript = g_string_new (NULL);
  CsScene *scene;
  GListModel *criteria;
  GListModel *history;
  guint n;

  g_return_val_if_fail (CS_IS_TURN_CONTEXT (context), NULL);

  scene = cs_turn_context_get_scene (context);
  criteria = cs_scene_get_goal_criteria (scene);
  history = cs_turn_context_get_history (context);

  /* For the model, in English like the case; not shown to users. */
  g_string_append_printf (system,
                          "You judge a student's conversation in the scene \"%s\" of a business "
                          "case simulation. The student's goal: %s\n\n"
                          "For each criterion below decide whether the student's own messages "
                          "meet it. Rules: evidence must be copied word for word from one of "
                          "the student's messages (never from what the personas say); a "
                          "criterion is met only when the student's words show it; when there "
                          "is no such quote, met is false and evidence is \"\". Give every "
                          "criterion, in this order, with its id, and one or two sentences of "
                          "feedback for the student that do not give the answer away.\n\n"
                          "Criteria:\n",
                          cs_scene_get_title (scene) != NULL ? cs_scene_get_title (scene) : "",
                          cs_scene_get_user_goal (scene) != NULL ?
                            cs_scene_get_user_goal (scene) : "");
  n = g_list_model_get_n_items (criteria);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

      g_string_append_printf (system, "- id %s: %s\n", cs_goal_criterion_get_id (criterion),
                              cs_goal_criterion_get_text (criterion));
    }

  n = g_list_model_get_n_items (history);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (history, i);
      const char *content = cs_message_get_content (message);

      if (cs_message_get_kind (message) == CS_MESSAGE_KIND_USER)
        g_string_append_printf (transcript, "STUDENT: %s\n", content != NULL ? content : "");
      else
        g_string_append_printf (transcript, "%s: %s\n",
                                cs_message_get_sender_name (message) != NULL ?
                                  cs_message_get_sender_name (message) : "NARRATOR",
                                content != NULL ? content : "");
    }
  if (*cs_turn_context_get_student_message (context) != '\0')
    g_string_append_printf (transcript, "STUDENT: %s\n",
                            cs_turn_context_get_student_message (context));

  request = cs_llm_request_new ();
  cs_llm_request_add_message (request, CS_LLM_ROLE_SYSTEM, system->str);
  cs_llm_request_add_message (request, CS_LLM_ROLE_USER, transcript->str);
  cs_llm_request_set_temperature (request, 0);
  cs_llm_request_set_turn_context (request, context);
  return g_steal_pointer (&request);
}

static JsonObject *
find_entry (JsonArray  *entries,
            const char *criterion_id)
{
  guint n = entries != NULL ? json_array_get_length (entries) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "id", NULL),
                     criterion_id) == 0)
        return entry;
    }
  return NULL;
}

static gboolean
quote_occurs (const char *transcript,
              const char *quote)
{
  g_autofree char *norm = cs_text_normalize (quote);

  return *norm != '\0' && strstr (transcript, norm) != NULL;
}

double
cs_judge_score (JsonNode    *answer,
                CsScene     *scene,
                const char  *student_transcript,
                GArray     **verdicts)
{
  g_autofree char *transcript = NULL;

  g_return_val_if_fail (student_transcript != NULL, 0);

  /* Quotes are compared with case, accents and whitespace runs normalised, line by line:
   * a quote spanning two student messages is no quote. */
  transcript = cs_text_normalize_lines (student_transcript);
  return cs_judge_score_normalized (answer, scene, transcript, verdicts);
}

double
cs_judge_score_normalized (JsonNode    *answer,
                           CsScene     *scene,
                           const char  *transcript,
                           GArray     **verdicts)
{
  GListModel *criteria;
  JsonArray *entries = NULL;
  double total = 0, met_weight = 0;
  guint n;

  g_return_val_if_fail (answer != NULL, 0);
  g_return_val_if_fail (CS_IS_SCENE (scene), 0);
  g_return_val_if_fail (transcript != NULL, 0);

  if (verdicts != NULL)
    *verdicts = g_array_new (FALSE, TRUE, sizeof (CsJudgeVerdict));
  if (JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (answer), "criteria");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        entries = json_node_get_array (node);
    }

  criteria = cs_scene_get_goal_criteria (scene);
  n = g_list_model_get_n_items (criteria);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      JsonObject *entry = find_entry (entries, cs_goal_criterion_get_id (criterion));
      CsJudgeVerdict verdict = { cs_goal_criterion_get_id (criterion), FALSE, 0, "" };
      double weight = cs_goal_criterion_get_weight (criterion);

      if (entry != NULL)
        {
          verdict.evidence = json_object_get_string_member_with_default (entry, "evidence", "");
          verdict.confidence = CLAMP (json_object_get_double_member_with_default (entry,
                                                                                 "confidence",
                                                                                 0), 0, 1);
          /* A quote that does not occur in the student's words is no evidence. */
          verdict.met = json_object_get_boolean_member_with_default (entry, "met", FALSE) &&
                        verdict.evidence != NULL && quote_occurs (transcript, verdict.evidence);
          if (verdict.evidence == NULL)
            verdict.evidence = "";
        }
      total += weight;
      if (verdict.met)
        met_weight += weight;
      if (verdicts != NULL)
        g_array_append_val (*verdicts, verdict);
    }
  return total > 0 ? met_weight / total : 0;
}
