/* test-edit.c: undo history of scenario edits, and the checks before publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cs-edit-all.h"
#include "cs-store.h"
#include "cs-test-scenario.h"

#define SUNITA_ID "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c02"

static CsScenario *
load_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CsScenario *scenario;

  path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio",
                           NULL);
  file = g_file_new_for_path (path);
  scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return scenario;
}

static void
strip_bookkeeping (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      json_object_remove_member (object, "updated_at");
      json_object_remove_member (object, "version");
      members = json_object_get_values (object);
      for (GList *l = members; l != NULL; l = l->next)
        strip_bookkeeping (l->data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        strip_bookkeeping (json_array_get_element (array, i));
    }
}

/* The .casestudio JSON without the fields every edit (and its undo) changes on purpose:
 * updated_at and version. */
static char *
content_of (CsScenario *scenario)
{
  g_autoptr(JsonNode) root = cs_scenario_format_serialize (scenario);

  strip_bookkeeping (root);
  return json_to_string (root, TRUE);
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       position)
{
  /* The list keeps a reference while the scene is in the scenario. */
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), position);

  g_assert_nonnull (scene);
  return scene;
}

static char *
titles_of (CsScenario *scenario)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      g_assert_cmpuint (cs_scene_get_position (scene), ==, i);
      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", cs_scene_get_title (scene));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_move (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = titles_of (scenario);
  g_autofree char *moved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undo_text = NULL;

  g_assert_false (cs_edit_history_get_can_undo (history));
  g_assert_false (cs_edit_history_undo (history));

  cs_edit_history_apply (history, cs_edit_move_scene_new (0, 2));
  moved = titles_of (scenario);
  g_assert_cmpstr (moved, ==,
                   "On the Kellerton Floor|The Recommendation|The CEO's Brief|Telling Kellerton");
  g_assert_true (cs_edit_history_get_can_undo (history));
  g_assert_false (cs_edit_history_get_can_redo (history));
  undo_text = cs_edit_history_dup_undo_text (history);
  g_assert_cmpstr (undo_text, ==, "Undo Move Scene");

  g_assert_true (cs_edit_history_undo (history));
  undone = titles_of (scenario);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cs_edit_history_get_can_undo (history));
  g_assert_true (cs_edit_history_get_can_redo (history));
  g_assert_cmpstr (cs_edit_history_get_redo_label (history), ==, "Move Scene");

  g_assert_true (cs_edit_history_redo (history));
  redone = titles_of (scenario);
  g_assert_cmpstr (redone, ==, moved);
  g_assert_false (cs_edit_history_get_can_redo (history));

  /* A new edit after an undo drops the redo stack. */
  g_assert_true (cs_edit_history_undo (history));
  cs_edit_history_apply (history, cs_edit_move_scene_new (3, 0));
  g_assert_false (cs_edit_history_get_can_redo (history));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);
}

static void
test_typing_merges (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  CsScene *scene = scene_at (scenario, 1);
  g_autofree char *original = g_strdup (cs_scene_get_title (scene));
  gboolean is_public = cs_scenario_get_is_public (scenario);

  cs_edit_history_apply (history, cs_edit_property_new_string (scene, "title", "F"));
  cs_edit_history_apply (history, cs_edit_property_new_string (scene, "title", "Fl"));
  cs_edit_history_apply (history, cs_edit_property_new_string (scene, "title", "Floor"));
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Floor");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Edit Scene");

  /* Another field is another step. */
  cs_edit_history_apply (history, cs_edit_property_new_string (scene, "user-goal", "Listen"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 2);

  /* After the field lost the focus, typing in it again is a new step. */
  cs_edit_history_seal (history);
  cs_edit_history_apply (history, cs_edit_property_new_string (scene, "user-goal", "Listen well"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 3);

  /* Toggles never merge. */
  cs_edit_history_apply (history, cs_edit_property_new_string (scenario, "title", "X"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 4);
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_BOOLEAN);
    g_value_set_boolean (&value, !is_public);
    cs_edit_history_apply (history, cs_edit_property_new (scenario, "is-public", &value));
    g_value_set_boolean (&value, is_public);
    cs_edit_history_apply (history, cs_edit_property_new (scenario, "is-public", &value));
  }
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 6);

  /* A number field (the threshold slider) merges while dragged. */
  cs_edit_history_seal (history);
  cs_edit_history_apply (history, cs_edit_property_new_double (scene, "success-threshold", 0.5));
  cs_edit_history_apply (history, cs_edit_property_new_double (scene, "success-threshold", 0.6));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 7);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (scene), 0.6, 1e-9);

  while (cs_edit_history_undo (history))
    ;
  g_assert_cmpstr (cs_scene_get_title (scene), ==, original);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (scene), 0.7, 1e-9);
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 0);

  /* Redo gives back the merged step whole. */
  g_assert_true (cs_edit_history_redo (history));
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Floor");
}

static void
test_involvement (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  CsScene *scene = scene_at (scenario, 1);
  g_autofree char *before = content_of (scenario);
  const char *frank = "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c04";
  const char *margaret = "a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01";
  CsInvolvement involvement;

  /* Sunita is the second of three; removing and undoing puts her back second. */
  g_assert_cmpint (cs_scene_get_involvement_index (scene, SUNITA_ID), ==, 1);
  cs_edit_history_apply (history, cs_edit_involvement_new_remove (scene, SUNITA_ID));
  g_assert_cmpint (cs_scene_get_involvement_index (scene, SUNITA_ID), ==, -1);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Remove Persona from Scene");
  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpint (cs_scene_get_involvement_index (scene, SUNITA_ID), ==, 1);
  g_assert_true (cs_scene_get_involvement (scene, SUNITA_ID, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_PARTICIPANT);

  /* Change how a persona takes part, and involve a new one. */
  cs_edit_history_apply (history, cs_edit_involvement_new_set (scene, frank, CS_INVOLVEMENT_KEY));
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Change Involvement");
  cs_edit_history_apply (history, cs_edit_involvement_new_set (scene, margaret,
                                                               CS_INVOLVEMENT_MENTIONED));
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Involve Persona");
  g_assert_true (cs_scene_get_involvement (scene, frank, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_KEY);
  g_assert_cmpint (cs_scene_get_involvement_index (scene, margaret), ==, 3);

  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpint (cs_scene_get_involvement_index (scene, margaret), ==, -1);
  g_assert_true (cs_edit_history_undo (history));
  g_assert_true (cs_scene_get_involvement (scene, frank, &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_MENTIONED);

  {
    g_autofree char *after = content_of (scenario);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_delete_scene (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = content_of (scenario);
  g_autofree char *undo_text = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;
  g_autofree char *scene_id = NULL;
  CsScene *scene = scene_at (scenario, 1);

  scene_id = g_strdup (cs_record_get_id (CS_RECORD (scene)));
  g_assert_cmpuint (g_list_model_get_n_items (cs_scene_get_goal_criteria (scene)), ==, 3);

  cs_edit_history_apply (history, cs_edit_remove_scene_new (scene));
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 3);
  g_assert_null (cs_scenario_find_scene (scenario, scene_id));
  undo_text = cs_edit_history_dup_undo_text (history);
  g_assert_cmpstr (undo_text, ==, "Undo Delete Scene");
  deleted = content_of (scenario);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 4);
  g_assert_true (scene_at (scenario, 1) == cs_scenario_find_scene (scenario, scene_id));
  after_undo = content_of (scenario);
  g_assert_cmpstr (after_undo, ==, before);

  g_assert_true (cs_edit_history_redo (history));
  after_redo = content_of (scenario);
  g_assert_cmpstr (after_redo, ==, deleted);
}

static void
test_add_duplicate_scene (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = content_of (scenario);
  g_autoptr(CsScene) added = cs_scene_new (NULL);
  CsScene *original = scene_at (scenario, 2);
  CsScene *copy;
  g_autofree char *after = NULL;

  cs_scene_set_title (added, "Epilogue");
  cs_edit_history_apply (history, cs_edit_add_scene_new (added, 4));
  g_assert_true (scene_at (scenario, 4) == added);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Add Scene");

  cs_edit_history_apply (history, cs_edit_duplicate_scene_new (original));
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Duplicate Scene");
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 6);
  copy = scene_at (scenario, 3);
  g_assert_false (copy == original);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (copy)), !=, cs_record_get_id (CS_RECORD (original)));
  g_assert_cmpstr (cs_scene_get_title (copy), ==, "The Recommendation (Copy)");
  g_assert_cmpstr (cs_scene_get_user_goal (copy), ==, cs_scene_get_user_goal (original));
  g_assert_cmpfloat_with_epsilon (cs_scene_get_success_threshold (copy), 0.75, 1e-9);
  g_assert_cmpuint (g_list_model_get_n_items (cs_scene_get_goal_criteria (copy)), ==, 3);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (copy),
                                  cs_scene_get_total_weight (original), 1e-9);
  g_assert_cmpint (cs_scene_get_involvement_index (copy, SUNITA_ID), ==, 1);
  cs_test_assert_variants_equal (cs_scene_get_persona_instructions (copy),
                                 cs_scene_get_persona_instructions (original));
  {
    /* The copy is a new record, not an edited one (inserting it bumps it later). */
    g_autoptr(CsScene) fresh = cs_scene_copy (original);

    g_assert_cmpint (cs_record_get_version (CS_RECORD (fresh)), ==, 1);
  }
  {
    g_autoptr(CsGoalCriterion) a = g_list_model_get_item (cs_scene_get_goal_criteria (copy), 0);
    g_autoptr(CsGoalCriterion) b = g_list_model_get_item (cs_scene_get_goal_criteria (original), 0);

    g_assert_false (a == b);
    g_assert_cmpstr (cs_goal_criterion_get_id (a), !=, cs_goal_criterion_get_id (b));
    g_assert_cmpstr (cs_goal_criterion_get_text (a), ==, cs_goal_criterion_get_text (b));
  }

  g_assert_true (cs_edit_history_undo (history));
  g_assert_true (cs_edit_history_undo (history));
  after = content_of (scenario);
  g_assert_cmpstr (after, ==, before);
}

static void
test_criteria (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = content_of (scenario);
  g_autofree char *after = NULL;
  CsScene *scene = scene_at (scenario, 0);
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  g_autoptr(CsGoalCriterion) second = g_list_model_get_item (criteria, 1);
  g_autoptr(CsGoalCriterion) added = cs_goal_criterion_new ("Asks about the budget", 0.2);

  cs_edit_history_apply (history, cs_edit_criterion_new_remove (scene, 1));
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Delete Criterion");

  cs_edit_history_apply (history, cs_edit_criterion_new_add (scene, 0, added));
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 3);
  {
    g_autoptr(CsGoalCriterion) first = g_list_model_get_item (criteria, 0);

    g_assert_true (first == added);
  }

  /* Editing a criterion's text goes through the same history. */
  cs_edit_history_apply (history, cs_edit_property_new_string (added, "text", "Asks"));
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Edit Criterion");

  while (cs_edit_history_undo (history))
    ;
  {
    g_autoptr(CsGoalCriterion) back = g_list_model_get_item (criteria, 1);

    g_assert_true (back == second);
  }
  after = content_of (scenario);
  g_assert_cmpstr (after, ==, before);
}

static guint
count_instructions_for (CsScenario *scenario,
                        const char *persona_id)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      if (cs_scene_get_persona_instruction (scene, persona_id) != NULL)
        n++;
      if (cs_scene_get_involvement_index (scene, persona_id) >= 0)
        n += 100;
    }
  return n;
}

static void
test_remove_persona (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = content_of (scenario);
  g_autofree char *after = NULL;
  CsPersona *sunita = cs_scenario_find_persona (scenario, SUNITA_ID);

  /* Involved in and instructed for the first three scenes. */
  g_assert_cmpuint (count_instructions_for (scenario, SUNITA_ID), ==, 303);

  cs_edit_history_apply (history, cs_edit_remove_persona_new (sunita));
  g_assert_null (cs_scenario_find_persona (scenario, SUNITA_ID));
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 3);
  g_assert_cmpuint (count_instructions_for (scenario, SUNITA_ID), ==, 0);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Delete Persona");

  g_assert_true (cs_edit_history_undo (history));
  after = content_of (scenario);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (cs_edit_history_redo (history));
  g_assert_cmpuint (count_instructions_for (scenario, SUNITA_ID), ==, 0);
}

static void
test_add_persona (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *before = content_of (scenario);
  g_autofree char *after = NULL;
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  g_autoptr(CsPersona) second = NULL;
  const char *id = cs_record_get_id (CS_RECORD (persona));
  CsEdit *edit;

  cs_persona_set_name (persona, "Lena Park");
  edit = cs_edit_add_persona_new (persona, 1);
  g_assert_true (cs_edit_add_persona_get_persona (CS_EDIT_ADD_PERSONA (edit)) == persona);
  cs_edit_history_apply (history, edit);
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 5);
  second = g_list_model_get_item (cs_scenario_get_personas (scenario), 1);
  g_assert_true (second == persona);
  g_assert_true (cs_scenario_find_persona (scenario, id) == persona);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Add Persona");

  g_assert_true (cs_edit_history_undo (history));
  g_assert_null (cs_scenario_find_persona (scenario, id));
  after = content_of (scenario);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (cs_edit_history_redo (history));
  g_assert_true (cs_scenario_find_persona (scenario, id) == persona);

  /* A position past the end adds at the end. */
  cs_edit_history_apply (history, cs_edit_add_persona_new (cs_persona_new (NULL), 99));
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 6);
  g_object_unref (cs_edit_add_persona_get_persona (CS_EDIT_ADD_PERSONA (cs_edit_history_get_undo_edit (history))));
}

static void
test_trait (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  CsPersona *sunita = cs_scenario_find_persona (scenario, SUNITA_ID);
  g_autofree char *before = content_of (scenario);
  g_autofree char *after = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 9);

  /* Dragging a slider: one undo step. */
  for (int value = 8; value >= 2; value--)
    cs_edit_history_apply (history, cs_edit_trait_new (sunita, "analytical", value));
  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 2);
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Edit Persona");

  /* Another trait is another step. */
  cs_edit_history_apply (history, cs_edit_trait_new (sunita, "empathy", 10));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 2);

  /* A new trait is removed again by undo. */
  cs_edit_history_seal (history);
  cs_edit_history_apply (history, cs_edit_trait_new (sunita, "humour", 3));
  g_assert_cmpint (cs_persona_get_trait (sunita, "humour"), ==, 3);
  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpint (cs_persona_get_trait (sunita, "humour"), ==, -1);
  names = cs_persona_dup_trait_names (sunita);
  g_assert_false (g_strv_contains ((const char * const *) names, "humour"));

  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpint (cs_persona_get_trait (sunita, "empathy"), ==, 4);
  g_assert_true (cs_edit_history_undo (history));
  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 9);
  after = content_of (scenario);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (cs_edit_history_redo (history));
  g_assert_cmpint (cs_persona_get_trait (sunita, "analytical"), ==, 2);
}

/* Typing in one goal of the list is one undo step; adding a goal (after a seal) another. */
static void
test_goals_merge (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  CsPersona *sunita = cs_scenario_find_persona (scenario, SUNITA_ID);
  g_auto(GStrv) old_goals = g_strdupv ((GStrv) cs_persona_get_primary_goals (sunita));
  const char *typed[] = { "K", "Ke", "Kee", "Keep", NULL };
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_auto(GStrv) goals = g_strdupv (old_goals);

      g_free (goals[0]);
      goals[0] = g_strdup (typed[i]);
      g_value_set_boxed (&value, goals);
      cs_edit_history_apply (history, cs_edit_property_new (sunita, "primary-goals", &value));
    }
  g_assert_cmpstr (cs_persona_get_primary_goals (sunita)[0], ==, "Keep");
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);

  cs_edit_history_seal (history);
  {
    const char *more[] = { "Keep", "x", NULL };

    g_value_set_boxed (&value, more);
    cs_edit_history_apply (history, cs_edit_property_new (sunita, "primary-goals", &value));
  }
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 2);

  g_assert_true (cs_edit_history_undo (history));
  g_assert_true (cs_edit_history_undo (history));
  cs_test_assert_strv_equal (cs_persona_get_primary_goals (sunita), (const char * const *) old_goals);
}

static gboolean
has_problem (GListModel    *problems,
             CsProblemKind  kind,
             const char    *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CsProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpstr (cs_problem_get_message (problem), !=, "");
      if (cs_problem_get_kind (problem) == kind &&
          g_strcmp0 (cs_problem_get_path (problem), path) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_check (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CsPersona) twin = cs_persona_new (NULL);
  CsScene *first = scene_at (scenario, 0);
  CsScene *last = scene_at (scenario, 3);
  g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (cs_scene_get_goal_criteria (last), 2);
  GListModel *involved = cs_scene_get_involved (first);

  problems = cs_scenario_check (scenario);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_true (cs_scenario_can_publish (scenario));
  g_clear_object (&problems);

  /* No involved persona. */
  while (g_list_model_get_n_items (involved) > 0)
    {
      g_autoptr(CsScenePersona) item = g_list_model_get_item (involved, 0);

      cs_edit_history_apply (history, cs_edit_involvement_new_remove (first,
                               cs_scene_persona_get_persona_id (item)));
    }
  /* A criterion with only spaces. */
  cs_edit_history_apply (history, cs_edit_property_new_string (criterion, "text", "  "));
  /* The last scene needs 0.7: weights 0.3 + 0.1 + 0.3 still reach it (in doubles, too);
   * 0.3 + 0.05 + 0.3 cannot. */
  {
    g_autoptr(CsGoalCriterion) middle = g_list_model_get_item (cs_scene_get_goal_criteria (last), 1);

    cs_edit_history_apply (history, cs_edit_property_new_double (middle, "weight", 0.1));
    problems = cs_scenario_check (scenario);
    g_assert_false (has_problem (problems, CS_PROBLEM_UNREACHABLE_THRESHOLD,
                                 "scenes[3].success_threshold"));
    g_clear_object (&problems);
    cs_edit_history_seal (history);
    cs_edit_history_apply (history, cs_edit_property_new_double (middle, "weight", 0.05));
  }
  /* A second "Sunita Rao" (other case and spacing). */
  cs_persona_set_name (twin, " sunita RAO");
  cs_scenario_add_persona (scenario, twin);
  /* Instructions for a persona the case does not have. */
  cs_scene_set_persona_instruction (last, "0b7d3c1e-0000-4000-8000-000000000000", "Be terse");

  problems = cs_scenario_check (scenario);
  g_assert_true (has_problem (problems, CS_PROBLEM_SCENE_WITHOUT_PERSONA, "scenes[0].involved"));
  g_assert_true (has_problem (problems, CS_PROBLEM_EMPTY_CRITERION,
                              "scenes[3].goal_criteria[2].text"));
  g_assert_true (has_problem (problems, CS_PROBLEM_UNREACHABLE_THRESHOLD,
                              "scenes[3].success_threshold"));
  g_assert_true (has_problem (problems, CS_PROBLEM_DUPLICATE_PERSONA_NAME, "personas[4].name"));
  g_assert_true (has_problem (problems, CS_PROBLEM_UNKNOWN_PERSONA,
                              "scenes[3].persona_instructions.0b7d3c1e-0000-4000-8000-000000000000"));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 5);
  g_assert_false (cs_scenario_can_publish (scenario));
  g_clear_object (&problems);

  /* Removing a persona leaves no dangling reference; renaming the twin clears the rest. */
  cs_edit_history_apply (history, cs_edit_property_new_string (twin, "name", "Sam Rao"));
  cs_scene_set_persona_instruction (last, "0b7d3c1e-0000-4000-8000-000000000000", NULL);
  while (cs_edit_history_undo (history))
    ;
  cs_scenario_remove_persona (scenario, cs_record_get_id (CS_RECORD (twin)));
  cs_edit_history_apply (history, cs_edit_remove_persona_new (cs_scenario_find_persona (scenario,
                                                                                        SUNITA_ID)));
  problems = cs_scenario_check (scenario);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

typedef struct
{
  CsStore *store;
  guint    saves;
} Autosave;

static void
on_changed (CsEditHistory *history,
            CsEdit        *edit,
            Autosave      *autosave)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (CS_IS_EDIT (edit));
  cs_store_save_scenario (autosave->store, cs_edit_history_get_scenario (history), &error);
  g_assert_no_error (error);
  autosave->saves++;
}

static void
assert_saved (Autosave   *autosave,
              CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) loaded = NULL;

  loaded = cs_store_load_scenario (autosave->store, cs_record_get_id (CS_RECORD (scenario)),
                                   &error);
  g_assert_no_error (error);
  cs_test_assert_scenarios_equal (loaded, scenario);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_autosave (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("case-studio-edit-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autoptr(CsScene) added = cs_scene_new (NULL);
  g_autoptr(CsGoalCriterion) criterion = cs_goal_criterion_new ("States a next step", 0.25);
  Autosave autosave = { NULL, 0 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "library.db", NULL);
  autosave.store = cs_store_open (path, &error);
  g_assert_no_error (error);
  cs_store_save_scenario (autosave.store, scenario, &error);
  g_assert_no_error (error);
  g_signal_connect (history, "changed", G_CALLBACK (on_changed), &autosave);

  cs_edit_history_apply (history, cs_edit_move_scene_new (3, 0));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_property_new_string (scene_at (scenario, 0), "title", "Kellerton"));
  cs_edit_history_apply (history, cs_edit_property_new_string (scene_at (scenario, 0), "title", "Kellerton, told"));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_involvement_new_set (scene_at (scenario, 0), SUNITA_ID,
                                                               CS_INVOLVEMENT_KEY));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_criterion_new_add (scene_at (scenario, 0), 3, criterion));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_add_scene_new (added, 2));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_duplicate_scene_new (scene_at (scenario, 1)));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_remove_scene_new (scene_at (scenario, 4)));
  assert_saved (&autosave, scenario);
  cs_edit_history_apply (history, cs_edit_remove_persona_new (cs_scenario_find_persona (scenario,
                                                                                        SUNITA_ID)));
  assert_saved (&autosave, scenario);
  g_assert_cmpuint (autosave.saves, ==, 9);

  while (cs_edit_history_undo (history))
    assert_saved (&autosave, scenario);
  g_assert_cmpuint (autosave.saves, ==, 17);
  {
    g_autoptr(CsScenario) sample = load_sample ();
    g_autofree char *expected = content_of (sample);
    g_autofree char *saved = NULL;
    g_autoptr(CsScenario) loaded = cs_store_load_scenario (autosave.store,
                                                           cs_record_get_id (CS_RECORD (scenario)),
                                                           &error);

    g_assert_no_error (error);
    saved = content_of (loaded);
    g_assert_cmpstr (saved, ==, expected);
  }

  g_clear_object (&autosave.store);
  remove_tree (dir);
}

static char *
joined (gpointer    object,
        const char *property)
{
  g_auto(GStrv) list = NULL;

  g_object_get (object, property, &list, NULL);
  return g_strjoinv ("|", list);
}

/* Learning outcomes (and hint triggers) are lists: typing in one entry is one step, adding,
 * removing and moving are a step each, and undo gives back the list exactly. */
static void
test_string_list (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  g_autofree char *original = joined (scenario, "learning-outcomes");
  g_autofree char *content = content_of (scenario);
  g_autofree char *now = NULL;
  g_autofree char *undone = NULL;
  const char * const *outcomes = cs_scenario_get_learning_outcomes (scenario);
  g_autofree char *first = g_strdup (outcomes[0]);
  g_autofree char *second = g_strdup (outcomes[1]);
  guint n = g_strv_length ((GStrv) outcomes);
  CsEdit *edit;

  g_assert_cmpuint (n, >=, 3);

  cs_edit_history_apply (history, cs_edit_string_list_new_set (scenario, "learning-outcomes", 1, "A"));
  cs_edit_history_apply (history, cs_edit_string_list_new_set (scenario, "learning-outcomes", 1, "Ab"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Edit Learning Outcome");
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[1], ==, "Ab");
  /* another entry is another step */
  cs_edit_history_apply (history, cs_edit_string_list_new_set (scenario, "learning-outcomes", 0, "Z"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 2);

  /* moving the first entry to the end */
  edit = cs_edit_string_list_new_move (scenario, "learning-outcomes", 0, n - 1);
  g_assert_cmpuint (cs_edit_string_list_get_index (CS_EDIT_STRING_LIST (edit)), ==, n - 1);
  cs_edit_history_apply (history, edit);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[0], ==, "Ab");
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[n - 1], ==, "Z");
  /* two moves in a row are two steps */
  cs_edit_history_apply (history, cs_edit_string_list_new_move (scenario, "learning-outcomes", n - 1, 0));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 4);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[0], ==, "Z");

  cs_edit_history_apply (history, cs_edit_string_list_new_insert (scenario, "learning-outcomes", n, "New"));
  g_assert_cmpuint (g_strv_length ((GStrv) cs_scenario_get_learning_outcomes (scenario)), ==, n + 1);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[n], ==, "New");
  cs_edit_history_apply (history, cs_edit_string_list_new_remove (scenario, "learning-outcomes", 0));
  g_assert_cmpuint (g_strv_length ((GStrv) cs_scenario_get_learning_outcomes (scenario)), ==, n);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[0], ==, "Ab");
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Remove Learning Outcome");

  /* out of range: refused, nothing changes */
  g_test_expect_message ("CaseStudio", G_LOG_LEVEL_CRITICAL, "*has no entry*");
  g_assert_null (cs_edit_string_list_new_set (scenario, "learning-outcomes", n, "x"));
  g_test_assert_expected_messages ();

  while (cs_edit_history_undo (history))
    ;
  undone = joined (scenario, "learning-outcomes");
  g_assert_cmpstr (undone, ==, original);
  g_clear_pointer (&undone, g_free);
  undone = content_of (scenario);
  g_assert_cmpstr (undone, ==, content);
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[1], ==, second);

  /* hint triggers of a scene work the same */
  {
    CsScene *scene = scene_at (scenario, 0);
    g_autofree char *triggers = joined (scene, "hint-triggers");

    cs_edit_history_apply (history, cs_edit_string_list_new_insert (scene, "hint-triggers", 0, "stuck"));
    g_assert_cmpstr (cs_scene_get_hint_triggers (scene)[0], ==, "stuck");
    g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Add Hint Trigger");
    g_assert_true (cs_edit_history_undo (history));
    now = joined (scene, "hint-triggers");
    g_assert_cmpstr (now, ==, triggers);
  }
  g_assert_cmpstr (cs_scenario_get_learning_outcomes (scenario)[0], ==, first);
}

/* A persona's instruction in a scene: typing merges, undo restores the old text, and an
 * instruction the scene did not have is gone again after undo. */
static void
test_instruction (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsEditHistory) history = cs_edit_history_new (scenario);
  CsScene *scene = scene_at (scenario, 0);
  g_autofree char *content = content_of (scenario);
  g_autofree char *undone = NULL;
  g_autofree char *old = g_strdup (cs_scene_get_persona_instruction (scene, SUNITA_ID));
  CsPersona *other = NULL;

  g_assert_nonnull (old);
  cs_edit_history_apply (history, cs_edit_instruction_new (scene, SUNITA_ID, "B"));
  cs_edit_history_apply (history, cs_edit_instruction_new (scene, SUNITA_ID, "Be"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (cs_scene_get_persona_instruction (scene, SUNITA_ID), ==, "Be");
  g_assert_cmpstr (cs_edit_history_get_undo_label (history), ==, "Edit Persona Instruction");

  /* a persona without an instruction in this scene */
  for (guint i = 0; i < cs_scenario_get_n_personas (scenario); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (scenario), i);

      if (!cs_scene_get_persona_instruction (scene, cs_record_get_id (CS_RECORD (p))))
        {
          other = p;
          break;
        }
    }
  g_assert_nonnull (other);
  cs_edit_history_apply (history, cs_edit_instruction_new (scene, cs_record_get_id (CS_RECORD (other)), "Hi"));
  g_assert_cmpuint (cs_edit_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (cs_scene_get_persona_instruction (scene, cs_record_get_id (CS_RECORD (other))), ==, "Hi");

  /* clearing the text removes it */
  cs_edit_history_apply (history, cs_edit_instruction_new (scene, SUNITA_ID, ""));
  g_assert_null (cs_scene_get_persona_instruction (scene, SUNITA_ID));

  while (cs_edit_history_undo (history))
    ;
  g_assert_null (cs_scene_get_persona_instruction (scene, cs_record_get_id (CS_RECORD (other))));
  g_assert_cmpstr (cs_scene_get_persona_instruction (scene, SUNITA_ID), ==, old);
  undone = content_of (scenario);
  g_assert_cmpstr (undone, ==, content);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/move", test_move);
  g_test_add_func ("/edit/typing-merges", test_typing_merges);
  g_test_add_func ("/edit/involvement", test_involvement);
  g_test_add_func ("/edit/delete-scene", test_delete_scene);
  g_test_add_func ("/edit/add-duplicate-scene", test_add_duplicate_scene);
  g_test_add_func ("/edit/criteria", test_criteria);
  g_test_add_func ("/edit/remove-persona", test_remove_persona);
  g_test_add_func ("/edit/add-persona", test_add_persona);
  g_test_add_func ("/edit/trait", test_trait);
  g_test_add_func ("/edit/goals-merge", test_goals_merge);
  g_test_add_func ("/edit/check", test_check);
  g_test_add_func ("/edit/autosave", test_autosave);
  g_test_add_func ("/edit/string-list", test_string_list);
  g_test_add_func ("/edit/instruction", test_instruction);

  return g_test_run ();
}
