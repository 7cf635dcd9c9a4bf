/* cs-offline-turn.c: a turn of a simulation copied out of its GObjects, for the offline engine
 * to work on in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-offline-turn.h"

static void
criterion_free (gpointer data)
{
  CsOfflineCriterion *criterion = data;

  g_free (criterion->id);
  g_free (criterion->text);
  g_free (criterion);
}

char *
cs_offline_scenario_key (CsScenario *scenario)
{
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  return g_strdup_printf ("%s@%" G_GINT64_FORMAT, cs_record_get_id (CS_RECORD (scenario)),
                          (gint64) cs_record_get_version (CS_RECORD (scenario)));
}

/* The scenes @persona_id was present in: key or participant; "mentioned" is not presence. */
static GHashTable *
scenes_present (CsScenario *scenario,
                const char *persona_id)
{
  GHashTable *scenes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *list = cs_scenario_get_scenes (scenario);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (list, i);
      CsInvolvement involvement;

      if (cs_scene_get_involvement (scene, persona_id, &involvement) &&
          involvement != CS_INVOLVEMENT_MENTIONED)
        g_hash_table_add (scenes, g_strdup (cs_record_get_id (CS_RECORD (scene))));
    }
  return scenes;
}

static void
copy_persona (CsOfflineTurn *turn,
              CsPersona     *persona)
{
  guint n;

  turn->persona_id = g_strdup (cs_record_get_id (CS_RECORD (persona)));
  turn->persona_name = g_strdup (cs_persona_get_name (persona));
  turn->persona_role = g_strdup (cs_persona_get_role (persona));
  turn->trait_names = cs_persona_dup_trait_names (persona);
  if (turn->trait_names == NULL)
    turn->trait_names = g_new0 (char *, 1);
  n = g_strv_length (turn->trait_names);
  turn->trait_values = g_new0 (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    turn->trait_values[i] = cs_persona_get_trait (persona, turn->trait_names[i]);
}

static void
copy_criteria (CsOfflineTurn *turn,
               CsScene       *scene)
{
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  guint n = g_list_model_get_n_items (criteria);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      CsOfflineCriterion *copy = g_new0 (CsOfflineCriterion, 1);

      copy->id = g_strdup (cs_goal_criterion_get_id (criterion));
      copy->text = g_strdup (cs_goal_criterion_get_text (criterion));
      copy->weight = cs_goal_criterion_get_weight (criterion);
      g_ptr_array_add (turn->criteria, copy);
    }
}

static void
append_line (GString    *lines,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, text);
}

CsOfflineTurn *
cs_offline_turn_new (CsTurnContext *context)
{
  CsOfflineTurn *turn;
  CsScenario *scenario;
  CsScene *scene;
  CsPersona *persona;
  GListModel *history;
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  const char *scene_id;
  guint n;

  g_return_val_if_fail (CS_IS_TURN_CONTEXT (context), NULL);

  scenario = cs_turn_context_get_scenario (context);
  scene = cs_turn_context_get_scene (context);
  persona = cs_turn_context_get_persona (context);
  scene_id = cs_record_get_id (CS_RECORD (scene));

  turn = g_new0 (CsOfflineTurn, 1);
  turn->scenario_key = cs_offline_scenario_key (scenario);
  turn->student_message = g_strdup (cs_turn_context_get_student_message (context));
  turn->scene_title = g_strdup (cs_scene_get_title (scene));
  turn->persona_said = g_ptr_array_new_with_free_func (g_free);
  turn->criteria = g_ptr_array_new_with_free_func (criterion_free);

  if (persona != NULL)
    {
      copy_persona (turn, persona);
      present = scenes_present (scenario, turn->persona_id);
    }
  else
    {
      turn->trait_names = g_new0 (char *, 1);
      turn->trait_values = g_new0 (int, 1);
      copy_criteria (turn, scene);
    }

  history = cs_turn_context_get_history (context);
  n = g_list_model_get_n_items (history);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (history, i);
      const char *message_scene = cs_message_get_scene_id (message);
      const char *content = cs_message_get_content (message);
      gboolean this_scene = message_scene == NULL || g_str_equal (message_scene, scene_id);
      CsMessageKind kind = cs_message_get_kind (message);

      if (content == NULL || *content == '\0')
        continue;
      if (persona == NULL)
        {
          /* The judge reads the current scene, and only the student's words count. */
          if (this_scene && kind == CS_MESSAGE_KIND_USER)
            append_line (lines, content);
          continue;
        }
      if (!this_scene && !g_hash_table_contains (present, message_scene))
        continue;
      if (kind == CS_MESSAGE_KIND_PERSONA &&
               g_strcmp0 (cs_message_get_persona_id (message), turn->persona_id) == 0)
        g_ptr_array_add (turn->persona_said, g_strdup (content));
    }
  append_line (lines, turn->student_message);
  turn->student_lines = g_string_free (g_steal_pointer (&lines), FALSE);
  return turn;
}

void
cs_offline_turn_free (CsOfflineTurn *turn)
{
  if (turn == NULL)
    return;
  g_free (turn->scenario_key);
  g_free (turn->student_message);
  g_free (turn->persona_id);
  g_free (turn->persona_name);
  g_free (turn->persona_role);
  g_strfreev (turn->trait_names);
  g_free (turn->trait_values);
  g_free (turn->scene_title);
  g_ptr_array_unref (turn->persona_said);
  g_ptr_array_unref (turn->criteria);
  g_free (turn->student_lines);
  g_free (turn);
}

int
cs_offline_turn_get_trait (const CsOfflineTurn *turn,
                           const char          *name)
{
  g_return_val_if_fail (turn != NULL, -1);

  for (guint i = 0; turn->trait_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (turn->trait_names[i], name) == 0)
      return turn->trait_values[i];
  return -1;
}
