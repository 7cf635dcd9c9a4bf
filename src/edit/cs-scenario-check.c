/* cs-scenario-check.c: the problems that block publishing a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-scenario-check.h"

/* Weights are stored as doubles: 0.1 + 0.2 + 0.4 must reach 0.7. */
#define WEIGHT_EPSILON 1e-9

static void
add (GListStore    *problems,
     CsProblemKind  kind,
     const char    *path,
     const char    *message)
{
  g_autoptr(CsProblem) problem = cs_problem_new (kind, path, message);

  g_list_store_append (problems, problem);
}

static char *
name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_utf8_casefold (trimmed, -1);
}

static void
check_personas (CsScenario *scenario,
                GListStore *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *personas = cs_scenario_get_personas (scenario);
  guint n = g_list_model_get_n_items (personas);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *key = name_key (cs_persona_get_name (persona));
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;

      if (*key == '\0')
        continue;
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          continue;
        }

      path = g_strdup_printf ("personas[%u].name", i);
      message = g_strdup_printf (_("Another persona is already called “%s”"),
                                 cs_persona_get_name (persona));
      add (problems, CS_PROBLEM_DUPLICATE_PERSONA_NAME, path, message);
    }
}

static void
check_criteria (CsScene    *scene,
                guint       index,
                GListStore *problems)
{
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  guint n = g_list_model_get_n_items (criteria);
  double total = cs_scene_get_total_weight (scene);
  double threshold = cs_scene_get_success_threshold (scene);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      g_autofree char *text = g_strstrip (g_strdup (cs_goal_criterion_get_text (criterion)));

      if (*text == '\0')
        {
          g_autofree char *path = g_strdup_printf ("scenes[%u].goal_criteria[%u].text", index, i);

          add (problems, CS_PROBLEM_EMPTY_CRITERION, path,
               _("Describe what the student must achieve for this criterion"));
        }
    }

  if (total + WEIGHT_EPSILON < threshold)
    {
      g_autofree char *path = g_strdup_printf ("scenes[%u].success_threshold", index);
      g_autofree char *message = NULL;

      /* Translators: both are percentages, e.g. "… add up to 50%, below the 70% …" */
      message = g_strdup_printf (_("No run can pass: the criteria weights add up to %.0f%%, "
                                   "below the %.0f%% the scene needs"),
                                 total * 100, threshold * 100);
      add (problems, CS_PROBLEM_UNREACHABLE_THRESHOLD, path, message);
    }
}

static void
check_scene_personas (CsScenario *scenario,
                      CsScene    *scene,
                      guint       index,
                      GListStore *problems)
{
  GListModel *involved = cs_scene_get_involved (scene);
  guint n = g_list_model_get_n_items (involved);
  GVariantIter iter;
  const char *persona_id;
  const char *instruction;

  if (n == 0)
    {
      g_autofree char *path = g_strdup_printf ("scenes[%u].involved", index);

      add (problems, CS_PROBLEM_SCENE_WITHOUT_PERSONA, path,
           _("Involve at least one persona for the student to talk to"));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScenePersona) item = g_list_model_get_item (involved, i);

      if (cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (item)) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("scenes[%u].involved[%u]", index, i);

          add (problems, CS_PROBLEM_UNKNOWN_PERSONA, path,
               _("This scene involves a persona that was deleted"));
        }
    }

  if (cs_scene_get_persona_instructions (scene) == NULL)
    return;

  g_variant_iter_init (&iter, cs_scene_get_persona_instructions (scene));
  while (g_variant_iter_next (&iter, "{&s&s}", &persona_id, &instruction))
    {
      if (cs_scenario_find_persona (scenario, persona_id) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("scenes[%u].persona_instructions.%s",
                                                   index, persona_id);

          add (problems, CS_PROBLEM_UNKNOWN_PERSONA, path,
               _("These instructions are for a persona that was deleted"));
        }
    }
}

GListModel *
cs_scenario_check (CsScenario *scenario)
{
  g_autoptr(GListStore) problems = NULL;
  GListModel *scenes;
  guint n;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  problems = g_list_store_new (CS_TYPE_PROBLEM);
  check_personas (scenario, problems);

  scenes = cs_scenario_get_scenes (scenario);
  n = g_list_model_get_n_items (scenes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      check_scene_personas (scenario, scene, i, problems);
      check_criteria (scene, i, problems);
    }

  return G_LIST_MODEL (g_steal_pointer (&problems));
}

gboolean
cs_scenario_can_publish (CsScenario *scenario)
{
  g_autoptr(GListModel) problems = NULL;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), FALSE);

  problems = cs_scenario_check (scenario);
  return g_list_model_get_n_items (problems) == 0;
}
