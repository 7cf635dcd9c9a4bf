/* cs-test-scenario.c: assertions on whole scenarios, shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-test-scenario.h"

void
cs_test_assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  if (!a || !b)
    {
      g_assert_true (a == b);
      return;
    }
  if (!g_date_time_equal (a, b))
    {
      g_autofree char *text_a = g_date_time_format_iso8601 (a);
      g_autofree char *text_b = g_date_time_format_iso8601 (b);

      g_assert_cmpstr (text_a, ==, text_b);
      g_assert_not_reached ();
    }
}

void
cs_test_assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  g_assert_cmpuint (a ? g_strv_length ((GStrv) a) : 0, ==, b ? g_strv_length ((GStrv) b) : 0);
  for (guint i = 0; a && a[i]; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

void
cs_test_assert_variants_equal (GVariant *a,
                       GVariant *b)
{
  g_autofree char *text_a = a ? g_variant_print (a, TRUE) : g_strdup ("@a{ss} {}");
  g_autofree char *text_b = b ? g_variant_print (b, TRUE) : g_strdup ("@a{ss} {}");

  g_assert_cmpstr (text_a, ==, text_b);
}

void
cs_test_assert_records_equal (gpointer a,
                      gpointer b)
{
  g_assert_cmpstr (cs_record_get_id (a), ==, cs_record_get_id (b));
  g_assert_cmpint (cs_record_get_version (a), ==, cs_record_get_version (b));
  cs_test_assert_times_equal (cs_record_get_created_at (a), cs_record_get_created_at (b));
  cs_test_assert_times_equal (cs_record_get_updated_at (a), cs_record_get_updated_at (b));
}

void
cs_test_assert_personas_equal (CsPersona *a,
                       CsPersona *b)
{
  cs_test_assert_records_equal (a, b);
  g_assert_cmpstr (cs_persona_get_scenario_id (a), ==, cs_persona_get_scenario_id (b));
  g_assert_cmpstr (cs_persona_get_name (a), ==, cs_persona_get_name (b));
  g_assert_cmpstr (cs_persona_get_role (a), ==, cs_persona_get_role (b));
  g_assert_cmpstr (cs_persona_get_background (a), ==, cs_persona_get_background (b));
  g_assert_cmpstr (cs_persona_get_correlation (a), ==, cs_persona_get_correlation (b));
  cs_test_assert_strv_equal (cs_persona_get_primary_goals (a), cs_persona_get_primary_goals (b));
  cs_test_assert_variants_equal (cs_persona_get_traits (a), cs_persona_get_traits (b));
  g_assert_cmpstr (cs_persona_get_avatar_color (a), ==, cs_persona_get_avatar_color (b));
  g_assert_cmpstr (cs_persona_get_avatar_image (a), ==, cs_persona_get_avatar_image (b));
  g_assert_cmpint (cs_persona_get_is_main_character (a), ==, cs_persona_get_is_main_character (b));
}

void
cs_test_assert_scenes_equal (CsScene *a,
                     CsScene *b)
{
  GListModel *ca = cs_scene_get_goal_criteria (a);
  GListModel *cb = cs_scene_get_goal_criteria (b);
  GListModel *ia = cs_scene_get_involved (a);
  GListModel *ib = cs_scene_get_involved (b);

  cs_test_assert_records_equal (a, b);
  g_assert_cmpstr (cs_scene_get_scenario_id (a), ==, cs_scene_get_scenario_id (b));
  g_assert_cmpuint (cs_scene_get_position (a), ==, cs_scene_get_position (b));
  g_assert_cmpstr (cs_scene_get_title (a), ==, cs_scene_get_title (b));
  g_assert_cmpstr (cs_scene_get_description (a), ==, cs_scene_get_description (b));
  g_assert_cmpstr (cs_scene_get_user_goal (a), ==, cs_scene_get_user_goal (b));
  g_assert_cmpstr (cs_scene_get_scene_context (a), ==, cs_scene_get_scene_context (b));
  g_assert_cmpfloat (cs_scene_get_success_threshold (a), ==, cs_scene_get_success_threshold (b));
  g_assert_cmpint (cs_scene_get_timeout_turns (a), ==, cs_scene_get_timeout_turns (b));
  g_assert_cmpint (cs_scene_get_max_attempts (a), ==, cs_scene_get_max_attempts (b));
  g_assert_cmpint (cs_scene_get_estimated_duration (a), ==, cs_scene_get_estimated_duration (b));
  cs_test_assert_strv_equal (cs_scene_get_hint_triggers (a), cs_scene_get_hint_triggers (b));
  cs_test_assert_variants_equal (cs_scene_get_persona_instructions (a), cs_scene_get_persona_instructions (b));
  g_assert_cmpstr (cs_scene_get_image (a), ==, cs_scene_get_image (b));

  g_assert_cmpuint (g_list_model_get_n_items (ca), ==, g_list_model_get_n_items (cb));
  for (guint i = 0; i < g_list_model_get_n_items (ca); i++)
    {
      g_autoptr(CsGoalCriterion) x = g_list_model_get_item (ca, i);
      g_autoptr(CsGoalCriterion) y = g_list_model_get_item (cb, i);

      g_assert_cmpstr (cs_goal_criterion_get_id (x), ==, cs_goal_criterion_get_id (y));
      g_assert_cmpstr (cs_goal_criterion_get_text (x), ==, cs_goal_criterion_get_text (y));
      g_assert_cmpfloat (cs_goal_criterion_get_weight (x), ==, cs_goal_criterion_get_weight (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(CsScenePersona) x = g_list_model_get_item (ia, i);
      g_autoptr(CsScenePersona) y = g_list_model_get_item (ib, i);

      g_assert_cmpstr (cs_scene_persona_get_persona_id (x), ==, cs_scene_persona_get_persona_id (y));
      g_assert_cmpint (cs_scene_persona_get_involvement (x), ==, cs_scene_persona_get_involvement (y));
    }
}

void
cs_test_assert_scenarios_equal (CsScenario *a,
                        CsScenario *b)
{
  GListModel *pa = cs_scenario_get_personas (a);
  GListModel *pb = cs_scenario_get_personas (b);
  GListModel *sa = cs_scenario_get_scenes (a);
  GListModel *sb = cs_scenario_get_scenes (b);

  cs_test_assert_records_equal (a, b);
  g_assert_cmpstr (cs_scenario_get_title (a), ==, cs_scenario_get_title (b));
  g_assert_cmpstr (cs_scenario_get_description (a), ==, cs_scenario_get_description (b));
  g_assert_cmpstr (cs_scenario_get_challenge (a), ==, cs_scenario_get_challenge (b));
  g_assert_cmpstr (cs_scenario_get_industry (a), ==, cs_scenario_get_industry (b));
  g_assert_cmpstr (cs_scenario_get_student_role (a), ==, cs_scenario_get_student_role (b));
  g_assert_cmpstr (cs_scenario_get_category (a), ==, cs_scenario_get_category (b));
  g_assert_cmpint (cs_scenario_get_difficulty (a), ==, cs_scenario_get_difficulty (b));
  g_assert_cmpint (cs_scenario_get_estimated_duration (a), ==, cs_scenario_get_estimated_duration (b));
  cs_test_assert_strv_equal (cs_scenario_get_tags (a), cs_scenario_get_tags (b));
  cs_test_assert_strv_equal (cs_scenario_get_learning_outcomes (a), cs_scenario_get_learning_outcomes (b));
  g_assert_cmpint (cs_scenario_get_status (a), ==, cs_scenario_get_status (b));
  g_assert_cmpstr (cs_scenario_get_published_version_id (a), ==, cs_scenario_get_published_version_id (b));
  g_assert_cmpstr (cs_scenario_get_draft_of_id (a), ==, cs_scenario_get_draft_of_id (b));
  g_assert_cmpstr (cs_scenario_get_owner_id (a), ==, cs_scenario_get_owner_id (b));
  g_assert_cmpint (cs_scenario_get_is_public (a), ==, cs_scenario_get_is_public (b));
  g_assert_cmpint (cs_scenario_get_allow_remixes (a), ==, cs_scenario_get_allow_remixes (b));
  g_assert_cmpstr (cs_scenario_get_source_pdf_title (a), ==, cs_scenario_get_source_pdf_title (b));
  g_assert_cmpstr (cs_scenario_get_source_text (a), ==, cs_scenario_get_source_text (b));
  cs_test_assert_times_equal (cs_scenario_get_deleted_at (a), cs_scenario_get_deleted_at (b));
  g_assert_cmpstr (cs_scenario_get_deleted_by (a), ==, cs_scenario_get_deleted_by (b));
  g_assert_cmpstr (cs_scenario_get_deletion_reason (a), ==, cs_scenario_get_deletion_reason (b));

  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(CsPersona) x = g_list_model_get_item (pa, i);
      g_autoptr(CsPersona) y = g_list_model_get_item (pb, i);

      cs_test_assert_personas_equal (x, y);
    }

  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(CsScene) x = g_list_model_get_item (sa, i);
      g_autoptr(CsScene) y = g_list_model_get_item (sb, i);

      cs_test_assert_scenes_equal (x, y);
    }
}
