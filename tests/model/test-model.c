/* test-model.c: the data model's bookkeeping, lists and rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cs-model.h"

/* Notifications of one object, counted per property name. */
typedef struct {
  GHashTable *counts;
  guint       total;
  GObject    *object;
  gulong      handler;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
  log->total++;
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  log->total = 0;
  log->object = object;
  log->handler = g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
  log->total = 0;
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static void
notify_log_clear (NotifyLog *log)
{
  g_clear_signal_handler (&log->handler, log->object);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

/* items-changed of a scenario's scene list; checks that positions already match the
 * new order when listeners hear of it. */
typedef struct {
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsLog;

static void
assert_positions (GListModel *scenes)
{
  guint n = g_list_model_get_n_items (scenes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      g_assert_cmpuint (cs_scene_get_position (scene), ==, i);
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ItemsLog   *log)
{
  log->n_emissions++;
  log->position = position;
  log->removed = removed;
  log->added = added;
  assert_positions (model);
}

static const char *
scene_title_at (CsScenario *scenario,
                guint       index)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), index);

  /* The scenario keeps the scene alive. */
  return cs_scene_get_title (scene);
}

static CsScene *
scene_titled (const char *title)
{
  CsScene *scene = cs_scene_new (NULL);

  cs_scene_set_title (scene, title);
  return scene;
}

static GType record_types[6];

static void
init_record_types (void)
{
  record_types[0] = CS_TYPE_SCENARIO;
  record_types[1] = CS_TYPE_PERSONA;
  record_types[2] = CS_TYPE_SCENE;
  record_types[3] = CS_TYPE_PROGRESS;
  record_types[4] = CS_TYPE_SCENE_PROGRESS;
  record_types[5] = CS_TYPE_MESSAGE;
}

static void
test_enum_nicks (void)
{
  GType enums[] = {
    CS_TYPE_DIFFICULTY, CS_TYPE_SCENARIO_STATUS, CS_TYPE_INVOLVEMENT,
    CS_TYPE_PROGRESS_STATUS, CS_TYPE_SCENE_STATUS, CS_TYPE_MESSAGE_KIND,
  };
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[i]);

      g_assert_cmpuint (klass->n_values, >=, 3);
      for (guint j = 0; j < klass->n_values; j++)
        {
          const char *nick = cs_enum_to_nick (enums[i], klass->values[j].value);

          g_assert_cmpstr (nick, ==, klass->values[j].value_nick);
          g_assert_true (cs_enum_from_nick (enums[i], nick, &value));
          g_assert_cmpint (value, ==, klass->values[j].value);
        }
      g_assert_null (cs_enum_to_nick (enums[i], 99));
    }

  g_assert_cmpstr (cs_enum_to_nick (CS_TYPE_PROGRESS_STATUS, CS_PROGRESS_STATUS_NOT_STARTED), ==, "not_started");
  g_assert_cmpstr (cs_enum_to_nick (CS_TYPE_INVOLVEMENT, CS_INVOLVEMENT_KEY), ==, "key");
  g_assert_true (cs_enum_from_nick (CS_TYPE_DIFFICULTY, "advanced", &value));
  g_assert_cmpint (value, ==, CS_DIFFICULTY_ADVANCED);

  value = 42;
  g_assert_false (cs_enum_from_nick (CS_TYPE_DIFFICULTY, "Advanced", &value));
  g_assert_false (cs_enum_from_nick (CS_TYPE_DIFFICULTY, "", &value));
  g_assert_false (cs_enum_from_nick (CS_TYPE_DIFFICULTY, NULL, &value));
  g_assert_cmpint (value, ==, 42);
}

static void
test_uuid (void)
{
  g_autofree char *a = cs_uuid_new ();
  g_autofree char *b = cs_uuid_new ();
  g_autofree char *lower = NULL;

  g_assert_true (cs_uuid_is_valid (a));
  g_assert_true (cs_uuid_is_valid (b));
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpuint (strlen (a), ==, 36);
  g_assert_cmpint (a[14], ==, '4');
  lower = g_ascii_strdown (a, -1);
  g_assert_cmpstr (a, ==, lower);

  g_assert_false (cs_uuid_is_valid (NULL));
  g_assert_false (cs_uuid_is_valid (""));
  g_assert_false (cs_uuid_is_valid ("not-a-uuid"));
  g_assert_false (cs_uuid_is_valid ("0f8fad5b-d9cb-469f-a165-70867728950"));
}

static void
test_record_new (void)
{
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsPersona) named = NULL;
  g_autoptr(CsPersona) unnamed = NULL;
  g_autoptr(CsMessage) message = NULL;
  g_autoptr(CsGoalCriterion) criterion = NULL;
  g_autoptr(CsScenePersona) involvement = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    {
      g_autoptr(CsRecord) record = g_object_new (record_types[i], NULL);

      g_assert_true (cs_uuid_is_valid (cs_record_get_id (record)));
      g_assert_cmpint (cs_record_get_version (record), ==, 1);
      g_assert_nonnull (cs_record_get_created_at (record));
      g_assert_cmpint (g_date_time_get_utc_offset (cs_record_get_created_at (record)), ==, 0);
      g_assert_true (g_date_time_equal (cs_record_get_created_at (record),
                                        cs_record_get_updated_at (record)));
      g_assert_true (cs_record_is_tracking (record));
    }

  named = cs_persona_new ("6f1c1d54-1b0b-4c43-9df4-3a5f1a3d2c10");
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (named)), ==, "6f1c1d54-1b0b-4c43-9df4-3a5f1a3d2c10");
  unnamed = cs_persona_new ("");
  g_assert_true (cs_uuid_is_valid (cs_record_get_id (CS_RECORD (unnamed))));

  /* Properties given at construction are not edits. */
  scene = g_object_new (CS_TYPE_SCENE,
                        "title", "Kick-off",
                        "timeout-turns", 5,
                        "hint-triggers", (const char * const []) { "stuck", NULL },
                        NULL);
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Kick-off");
  g_assert_cmpint (cs_scene_get_timeout_turns (scene), ==, 5);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 1);
  g_assert_true (cs_record_is_tracking (CS_RECORD (scene)));
  cs_scene_set_title (scene, "Opening");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 2);

  message = cs_message_new (CS_MESSAGE_KIND_PERSONA, "Ana Ruiz", "Hello");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (message)), ==, 1);
  g_assert_cmpint (cs_message_get_kind (message), ==, CS_MESSAGE_KIND_PERSONA);
  g_assert_cmpstr (cs_message_get_content (message), ==, "Hello");
  g_assert_true (cs_message_get_is_complete (message));

  criterion = cs_goal_criterion_new ("Asks about the budget", 0.4);
  g_assert_true (cs_uuid_is_valid (cs_goal_criterion_get_id (criterion)));
  g_assert_cmpfloat (cs_goal_criterion_get_weight (criterion), ==, 0.4);

  involvement = cs_scene_persona_new ("p1", CS_INVOLVEMENT_MENTIONED);
  g_assert_cmpstr (cs_scene_persona_get_persona_id (involvement), ==, "p1");
  g_assert_cmpint (cs_scene_persona_get_involvement (involvement), ==, CS_INVOLVEMENT_MENTIONED);
}

static void
test_defaults (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(CsScene) scene = cs_scene_new (NULL);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);

  g_assert_cmpint (cs_scenario_get_difficulty (scenario), ==, CS_DIFFICULTY_INTERMEDIATE);
  g_assert_cmpint (cs_scenario_get_status (scenario), ==, CS_SCENARIO_STATUS_DRAFT);
  g_assert_true (cs_scenario_get_allow_remixes (scenario));
  g_assert_false (cs_scenario_get_is_public (scenario));
  g_assert_cmpstr (cs_scenario_get_title (scenario), ==, "");
  g_assert_nonnull (cs_scenario_get_tags (scenario));
  g_assert_null (cs_scenario_get_tags (scenario)[0]);
  g_assert_false (cs_scenario_is_deleted (scenario));

  g_assert_cmpint (cs_scene_get_timeout_turns (scene), ==, CS_SCENE_DEFAULT_TIMEOUT_TURNS);
  g_assert_cmpint (cs_scene_get_max_attempts (scene), ==, CS_SCENE_DEFAULT_MAX_ATTEMPTS);
  g_assert_cmpfloat (cs_scene_get_success_threshold (scene), ==, CS_SCENE_DEFAULT_SUCCESS_THRESHOLD);
  g_assert_null (cs_scene_get_key_persona_id (scene));

  g_assert_cmpint (cs_progress_get_attempt (progress), ==, 1);
  g_assert_cmpfloat (cs_progress_get_final_score (progress), ==, -1.0);
  g_assert_cmpfloat (cs_scene_progress_get_score (scene_progress), ==, -1.0);
}

/* A value for @pspec that differs from the object's current one. */
static void
different_value (GObject    *object,
                 GParamSpec *pspec,
                 GValue     *out)
{
  g_auto(GValue) current = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (&current, type);
  g_object_get_property (object, pspec->name, &current);
  g_value_init (out, type);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strconcat ("changed ", pspec->name, NULL);
      g_value_set_string (out, text);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);
      int value = spec->minimum + 1;

      g_value_set_int (out, value == g_value_get_int (&current) ? value + 1 : value);
    }
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);
      guint value = spec->minimum + 1;

      g_value_set_uint (out, value == g_value_get_uint (&current) ? value + 1 : value);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);
      double value = spec->minimum / 2 + spec->maximum / 2;

      g_value_set_double (out, value == g_value_get_double (&current) ? spec->minimum : value);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (out, !g_value_get_boolean (&current));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      guint i = klass->values[0].value == g_value_get_enum (&current) ? 1 : 0;

      g_value_set_enum (out, klass->values[i].value);
    }
  else if (type == G_TYPE_STRV)
    {
      g_value_set_boxed (out, (const char * const []) { "first", "second", NULL });
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_value_take_boxed (out, g_date_time_new_utc (2024, 5, 6, 7, 8, 9));
    }
  else if (type == G_TYPE_VARIANT)
    {
      const GVariantType *vtype = G_PARAM_SPEC_VARIANT (pspec)->type;

      if (g_variant_type_equal (vtype, G_VARIANT_TYPE ("a(si)")))
        g_value_set_variant (out, g_variant_new_parsed ("[('calm', 4), ('patience', 9)]"));
      else if (g_variant_type_equal (vtype, G_VARIANT_TYPE ("a{ss}")))
        g_value_set_variant (out, g_variant_new_parsed ("{'p1': 'Be brief'}"));
      else
        g_assert_not_reached ();
    }
  else
    {
      g_error ("no test value for %s of type %s", pspec->name, g_type_name (type));
    }
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  /* Boxed values compare by pointer in GParamSpec; compare their contents. */
  if (type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_DATE_TIME)
    return g_date_time_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Every writable property of every record: one change is one notify and one version
 * bump; setting the same value again does nothing. */
static void
test_record_setters (void)
{
  guint n_checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (record_types); t++)
    {
      g_autoptr(GObject) object = g_object_new (record_types[t], NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      NotifyLog log;

      notify_log_init (&log, object);
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) read_back = G_VALUE_INIT;
          g_autoptr(GDateTime) before = NULL;
          gint64 version = cs_record_get_version (CS_RECORD (object));

          if (pspec->owner_type == CS_TYPE_RECORD ||
              !(pspec->flags & G_PARAM_WRITABLE) ||
              (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
            continue;

          g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

          before = g_date_time_ref (cs_record_get_updated_at (CS_RECORD (object)));
          different_value (object, pspec, &value);
          notify_log_reset (&log);
          g_object_set_property (object, pspec->name, &value);

          g_assert_cmpuint (notify_count (&log, pspec->name), ==, 1);
          g_assert_cmpuint (notify_count (&log, "version"), ==, 1);
          g_assert_cmpuint (notify_count (&log, "updated-at"), ==, 1);
          g_assert_cmpuint (log.total, ==, 3);
          g_assert_cmpint (cs_record_get_version (CS_RECORD (object)), ==, version + 1);
          g_assert_cmpint (g_date_time_compare (cs_record_get_updated_at (CS_RECORD (object)), before), >=, 0);

          g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_object_get_property (object, pspec->name, &read_back);
          g_assert_true (values_equal (pspec, &value, &read_back));

          notify_log_reset (&log);
          g_object_set_property (object, pspec->name, &value);
          g_assert_cmpuint (log.total, ==, 0);
          g_assert_cmpint (cs_record_get_version (CS_RECORD (object)), ==, version + 1);
          n_checked++;
        }

      notify_log_clear (&log);
    }

  /* Scenario 21, persona 10, scene 13, progress 19, scene progress 16, message 11. */
  g_assert_cmpuint (n_checked, ==, 90);
}

static void
test_record_bookkeeping (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2023, 1, 2, 3, 4, 5);
  NotifyLog log;

  notify_log_init (&log, scenario);

  /* The bookkeeping properties themselves are not edits. */
  cs_record_set_version (CS_RECORD (scenario), 7);
  cs_record_set_updated_at (CS_RECORD (scenario), when);
  cs_record_set_created_at (CS_RECORD (scenario), when);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 7);
  g_assert_true (g_date_time_equal (cs_record_get_updated_at (CS_RECORD (scenario)), when));
  g_assert_cmpuint (log.total, ==, 3);

  /* Several properties in one notification batch are one edit. */
  notify_log_reset (&log);
  g_object_set (scenario, "title", "Plant closure", "industry", "Manufacturing", NULL);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 8);
  g_assert_cmpuint (notify_count (&log, "version"), ==, 1);
  g_assert_cmpint (g_date_time_compare (cs_record_get_updated_at (CS_RECORD (scenario)), when), >, 0);

  notify_log_reset (&log);
  cs_scenario_set_deleted (scenario, when, "instructor", "duplicate");
  g_assert_true (cs_scenario_is_deleted (scenario));
  g_assert_cmpstr (cs_scenario_get_deletion_reason (scenario), ==, "duplicate");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 9);
  g_assert_cmpuint (log.total, ==, 5);

  /* Restore clears all three. */
  cs_scenario_set_deleted (scenario, NULL, "ignored", "ignored");
  g_assert_false (cs_scenario_is_deleted (scenario));
  g_assert_null (cs_scenario_get_deleted_by (scenario));
  g_assert_null (cs_scenario_get_deletion_reason (scenario));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 10);

  notify_log_clear (&log);
}

static void
test_record_freeze (void)
{
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  CsRecord *record = CS_RECORD (persona);
  NotifyLog log;

  notify_log_init (&log, persona);

  cs_record_freeze_tracking (record);
  cs_record_freeze_tracking (record);
  g_assert_false (cs_record_is_tracking (record));
  cs_persona_set_name (persona, "Ana Ruiz");
  cs_record_touch (record);
  g_assert_cmpint (cs_record_get_version (record), ==, 1);
  g_assert_cmpuint (notify_count (&log, "name"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "version"), ==, 0);

  cs_record_thaw_tracking (record);
  g_assert_false (cs_record_is_tracking (record));
  cs_persona_set_role (persona, "Operations director");
  g_assert_cmpint (cs_record_get_version (record), ==, 1);

  cs_record_thaw_tracking (record);
  g_assert_true (cs_record_is_tracking (record));
  cs_persona_set_role (persona, "Plant manager");
  g_assert_cmpint (cs_record_get_version (record), ==, 2);

  notify_log_reset (&log);
  cs_record_touch (record);
  g_assert_cmpint (cs_record_get_version (record), ==, 3);
  g_assert_cmpuint (notify_count (&log, "version"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "updated-at"), ==, 1);

  notify_log_clear (&log);
}

static void
test_ranges (void)
{
  g_autoptr(CsScene) scene = cs_scene_new (NULL);
  g_autoptr(CsGoalCriterion) criterion = cs_goal_criterion_new ("Proposes a plan", 0.5);
  GObjectClass *scene_class = G_OBJECT_GET_CLASS (scene);
  GParamSpecDouble *threshold = G_PARAM_SPEC_DOUBLE (g_object_class_find_property (scene_class, "success-threshold"));
  GParamSpecInt *turns = G_PARAM_SPEC_INT (g_object_class_find_property (scene_class, "timeout-turns"));
  GParamSpecDouble *weight =
    G_PARAM_SPEC_DOUBLE (g_object_class_find_property (G_OBJECT_GET_CLASS (criterion), "weight"));

  g_assert_cmpfloat (threshold->minimum, ==, 0.0);
  g_assert_cmpfloat (threshold->maximum, ==, 1.0);
  g_assert_cmpint (turns->minimum, ==, 1);
  g_assert_cmpfloat (weight->minimum, ==, 0.0);
  g_assert_cmpfloat (weight->maximum, ==, 1.0);

  g_test_expect_message ("CaseStudio", G_LOG_LEVEL_CRITICAL, "*turns >= 1*");
  cs_scene_set_timeout_turns (scene, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpint (cs_scene_get_timeout_turns (scene), ==, CS_SCENE_DEFAULT_TIMEOUT_TURNS);

  g_test_expect_message ("CaseStudio", G_LOG_LEVEL_CRITICAL, "*threshold*");
  cs_scene_set_success_threshold (scene, 1.5);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (cs_scene_get_success_threshold (scene), ==, CS_SCENE_DEFAULT_SUCCESS_THRESHOLD);

  g_test_expect_message ("CaseStudio", G_LOG_LEVEL_CRITICAL, "*weight*");
  cs_goal_criterion_set_weight (criterion, -0.1);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (cs_goal_criterion_get_weight (criterion), ==, 0.5);

  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 1);
}

static void
test_traits (void)
{
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  g_autoptr(GVariant) expected = NULL;
  g_auto(GStrv) names = NULL;
  NotifyLog log;

  notify_log_init (&log, persona);

  g_assert_true (cs_persona_set_trait (persona, "openness", 7));
  g_assert_true (cs_persona_set_trait (persona, "assertiveness", 0));
  g_assert_true (cs_persona_set_trait (persona, "empathy", 10));
  g_assert_cmpuint (notify_count (&log, "traits"), ==, 3);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (persona)), ==, 4);

  /* Out of range or unnamed: refused, nothing changes. */
  notify_log_reset (&log);
  g_assert_false (cs_persona_set_trait (persona, "openness", 11));
  g_assert_false (cs_persona_set_trait (persona, "openness", -1));
  g_assert_false (cs_persona_set_trait (persona, "calm", 42));
  g_assert_false (cs_persona_set_trait (persona, "", 5));
  g_assert_false (cs_persona_set_trait (persona, NULL, 5));
  g_assert_cmpint (cs_persona_get_trait (persona, "openness"), ==, 7);
  g_assert_cmpint (cs_persona_get_trait (persona, "calm"), ==, -1);
  g_assert_cmpuint (log.total, ==, 0);

  /* Same value: accepted, no change. A new value keeps the trait's place. */
  g_assert_true (cs_persona_set_trait (persona, "openness", 7));
  g_assert_cmpuint (log.total, ==, 0);
  g_assert_true (cs_persona_set_trait (persona, "openness", 3));

  names = cs_persona_dup_trait_names (persona);
  g_assert_cmpstrv (names, ((const char * const []) { "openness", "assertiveness", "empathy", NULL }));
  expected = g_variant_new_parsed ("[('openness', 3), ('assertiveness', 0), ('empathy', 10)]");
  g_assert_true (g_variant_equal (cs_persona_get_traits (persona), expected));

  g_assert_true (cs_persona_remove_trait (persona, "assertiveness"));
  g_assert_false (cs_persona_remove_trait (persona, "assertiveness"));
  g_assert_cmpint (cs_persona_get_trait (persona, "assertiveness"), ==, -1);

  /* A whole map: invalid entries and repeated names are dropped. */
  cs_persona_set_traits (persona, g_variant_new_parsed ("[('calm', 5), ('rage', 12), ('', 3), ('calm', 1), ('wit', 8)]"));
  g_clear_pointer (&names, g_strfreev);
  names = cs_persona_dup_trait_names (persona);
  g_assert_cmpstrv (names, ((const char * const []) { "calm", "wit", NULL }));
  g_assert_cmpint (cs_persona_get_trait (persona, "calm"), ==, 5);

  cs_persona_set_traits (persona, NULL);
  g_assert_cmpuint (g_variant_n_children (cs_persona_get_traits (persona)), ==, 0);

  notify_log_clear (&log);
}

static void
assert_initials (const char *name,
                 const char *expected)
{
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  g_autofree char *initials = NULL;

  cs_persona_set_name (persona, name);
  initials = cs_persona_dup_initials (persona);
  g_assert_cmpstr (initials, ==, expected);
}

static void
test_initials (void)
{
  assert_initials ("Ana Ruiz", "AR");
  assert_initials ("ana maría ruiz", "AR");
  assert_initials ("Ólafur", "Ó");
  assert_initials ("O\xcc\x81lafur Arnalds", "ÓA");
  assert_initials ("  Jean-Luc   Picard  ", "JP");
  assert_initials ("Dr. (Ana) Ruiz", "DR");
  assert_initials ("李 小龙", "李小");
  assert_initials ("", "?");
  assert_initials ("  - ", "?");
  assert_initials (NULL, "?");
}

static void
test_scene_order (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  const char *scenario_id = cs_record_get_id (CS_RECORD (scenario));
  ItemsLog items = { 0 };
  g_autoptr(CsScene) removed = NULL;
  gint64 version;

  g_signal_connect (scenes, "items-changed", G_CALLBACK (on_items_changed), &items);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("S%u", i);
      g_autoptr(CsScene) scene = scene_titled (title);

      cs_scenario_append_scene (scenario, scene);
      g_assert_cmpstr (cs_scene_get_scenario_id (scene), ==, scenario_id);
    }
  g_assert_cmpuint (items.n_emissions, ==, 3);
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 3);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 4);
  assert_positions (scenes);

  /* Insert in the middle. */
  {
    g_autoptr(CsScene) scene = scene_titled ("New");

    cs_scenario_insert_scene (scenario, 1, scene);
    g_assert_cmpuint (items.position, ==, 1);
    g_assert_cmpuint (items.removed, ==, 0);
    g_assert_cmpuint (items.added, ==, 1);
  }
  g_assert_cmpstr (scene_title_at (scenario, 0), ==, "S0");
  g_assert_cmpstr (scene_title_at (scenario, 1), ==, "New");
  g_assert_cmpstr (scene_title_at (scenario, 2), ==, "S1");
  g_assert_cmpstr (scene_title_at (scenario, 3), ==, "S2");
  assert_positions (scenes);

  /* A position past the end appends. */
  {
    g_autoptr(CsScene) scene = scene_titled ("Last");

    cs_scenario_insert_scene (scenario, 100, scene);
    g_assert_cmpuint (cs_scene_get_position (scene), ==, 4);
  }

  /* Move forward: S0 New S1 S2 Last → New S1 S2 S0 Last. */
  version = cs_record_get_version (CS_RECORD (scenario));
  items.n_emissions = 0;
  g_assert_true (cs_scenario_move_scene (scenario, 0, 3));
  g_assert_cmpuint (items.n_emissions, ==, 1);
  g_assert_cmpuint (items.position, ==, 0);
  g_assert_cmpuint (items.removed, ==, 4);
  g_assert_cmpuint (items.added, ==, 4);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, version + 1);
  g_assert_cmpstr (scene_title_at (scenario, 0), ==, "New");
  g_assert_cmpstr (scene_title_at (scenario, 3), ==, "S0");
  assert_positions (scenes);

  /* Move back: → New S0 S1 S2 Last. */
  g_assert_true (cs_scenario_move_scene (scenario, 3, 1));
  g_assert_cmpuint (items.position, ==, 1);
  g_assert_cmpuint (items.added, ==, 3);
  g_assert_cmpstr (scene_title_at (scenario, 1), ==, "S0");
  g_assert_cmpstr (scene_title_at (scenario, 2), ==, "S1");
  assert_positions (scenes);

  version = cs_record_get_version (CS_RECORD (scenario));
  items.n_emissions = 0;
  g_assert_false (cs_scenario_move_scene (scenario, 0, 5));
  g_assert_false (cs_scenario_move_scene (scenario, 7, 0));
  g_assert_true (cs_scenario_move_scene (scenario, 2, 2));
  g_assert_cmpuint (items.n_emissions, ==, 0);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, version);

  /* Remove. */
  {
    g_autoptr(CsScene) first = g_list_model_get_item (scenes, 0);

    removed = g_object_ref (first);
  }
  g_assert_true (cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (removed))));
  g_assert_false (cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (removed))));
  g_assert_null (cs_scenario_find_scene (scenario, cs_record_get_id (CS_RECORD (removed))));
  g_assert_cmpuint (items.position, ==, 0);
  g_assert_cmpuint (items.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scenes), ==, 4);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, version + 1);
  g_assert_cmpstr (scene_title_at (scenario, 0), ==, "S0");
  g_assert_cmpstr (scene_title_at (scenario, 3), ==, "Last");
  assert_positions (scenes);

  g_signal_handlers_disconnect_by_func (scenes, on_items_changed, &items);
}

static void
test_involvement (void)
{
  g_autoptr(CsScene) scene = cs_scene_new (NULL);
  GListModel *involved = cs_scene_get_involved (scene);
  CsInvolvement involvement;

  g_assert_null (cs_scene_get_key_persona_id (scene));

  cs_scene_set_involvement (scene, "p1", CS_INVOLVEMENT_PARTICIPANT);
  cs_scene_set_involvement (scene, "p2", CS_INVOLVEMENT_MENTIONED);
  g_assert_cmpuint (g_list_model_get_n_items (involved), ==, 2);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 3);

  /* No key persona: the first involved one. */
  g_assert_cmpstr (cs_scene_get_key_persona_id (scene), ==, "p1");

  cs_scene_set_involvement (scene, "p2", CS_INVOLVEMENT_KEY);
  g_assert_cmpuint (g_list_model_get_n_items (involved), ==, 2);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 4);
  g_assert_cmpstr (cs_scene_get_key_persona_id (scene), ==, "p2");
  g_assert_true (cs_scene_get_involvement (scene, "p2", &involvement));
  g_assert_cmpint (involvement, ==, CS_INVOLVEMENT_KEY);
  g_assert_false (cs_scene_get_involvement (scene, "p3", &involvement));

  /* The same involvement again changes nothing. */
  cs_scene_set_involvement (scene, "p2", CS_INVOLVEMENT_KEY);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 4);

  /* A change made on the entry itself also counts as an edit of the scene. */
  {
    g_autoptr(CsScenePersona) first = g_list_model_get_item (involved, 0);

    cs_scene_persona_set_involvement (first, CS_INVOLVEMENT_KEY);
    g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 5);
    g_assert_cmpstr (cs_scene_get_key_persona_id (scene), ==, "p1");
  }

  g_assert_true (cs_scene_remove_involvement (scene, "p1"));
  g_assert_false (cs_scene_remove_involvement (scene, "p1"));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 6);
  g_assert_cmpstr (cs_scene_get_key_persona_id (scene), ==, "p2");
}

static void
test_criteria (void)
{
  g_autoptr(CsScene) scene = cs_scene_new (NULL);
  g_autoptr(CsGoalCriterion) budget = cs_goal_criterion_new ("Asks about the budget", 0.5);
  g_autoptr(CsGoalCriterion) plan = cs_goal_criterion_new ("Proposes a plan", 0.3);
  g_autoptr(CsGoalCriterion) risks = cs_goal_criterion_new ("Names two risks", 0.2);
  GListModel *criteria = cs_scene_get_goal_criteria (scene);

  cs_scene_add_criterion (scene, budget);
  cs_scene_add_criterion (scene, plan);
  cs_scene_insert_criterion (scene, 0, risks);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 3);
  {
    g_autoptr(CsGoalCriterion) first = g_list_model_get_item (criteria, 0);

    g_assert_true (first == risks);
  }
  g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (scene), 1.0, 1e-9);

  cs_goal_criterion_set_text (plan, "Proposes a costed plan");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 5);
  cs_goal_criterion_set_weight (plan, 0.4);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 6);
  cs_goal_criterion_set_weight (plan, 0.4);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 6);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (scene), 1.1, 1e-9);

  cs_scene_remove_criterion (scene, 0);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);

  /* A removed criterion is no longer part of the scene. */
  cs_goal_criterion_set_text (risks, "Names three risks");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 7);
}

static void
test_instructions (void)
{
  g_autoptr(CsScene) scene = cs_scene_new (NULL);
  g_autoptr(GVariant) expected = NULL;

  cs_scene_set_persona_instruction (scene, "p1", "Be guarded");
  cs_scene_set_persona_instruction (scene, "p2", "Push for a decision");
  cs_scene_set_persona_instruction (scene, "p1", "Open up slowly");
  g_assert_cmpstr (cs_scene_get_persona_instruction (scene, "p1"), ==, "Open up slowly");
  g_assert_null (cs_scene_get_persona_instruction (scene, "p3"));
  expected = g_variant_new_parsed ("{'p1': 'Open up slowly', 'p2': 'Push for a decision'}");
  g_assert_true (g_variant_equal (cs_scene_get_persona_instructions (scene), expected));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 4);

  cs_scene_set_persona_instruction (scene, "p1", NULL);
  g_assert_null (cs_scene_get_persona_instruction (scene, "p1"));
  cs_scene_set_persona_instruction (scene, "p1", NULL);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 5);

  cs_scene_set_persona_instructions (scene, g_variant_new_parsed ("{'a': 'x', 'b': ''}"));
  g_assert_cmpstr (cs_scene_get_persona_instruction (scene, "a"), ==, "x");
  g_assert_null (cs_scene_get_persona_instruction (scene, "b"));
  g_assert_null (cs_scene_get_persona_instruction (scene, "p2"));
}

static void
test_remove_persona (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(CsPersona) ana = cs_persona_new (NULL);
  g_autoptr(CsPersona) ben = cs_persona_new (NULL);
  const char *ana_id = cs_record_get_id (CS_RECORD (ana));
  const char *ben_id = cs_record_get_id (CS_RECORD (ben));
  CsScene *scenes[2];
  NotifyLog log;

  cs_scenario_add_persona (scenario, ana);
  cs_scenario_add_persona (scenario, ben);
  g_assert_cmpstr (cs_persona_get_scenario_id (ana), ==, cs_record_get_id (CS_RECORD (scenario)));
  g_assert_true (cs_scenario_find_persona (scenario, ben_id) == ben);
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      scenes[i] = cs_scene_new (NULL);
      cs_scene_set_involvement (scenes[i], ana_id, CS_INVOLVEMENT_KEY);
      cs_scene_set_involvement (scenes[i], ben_id, CS_INVOLVEMENT_PARTICIPANT);
      cs_scene_set_persona_instruction (scenes[i], ana_id, "Defend the plant");
      cs_scene_set_persona_instruction (scenes[i], ben_id, "Question the numbers");
      cs_scenario_append_scene (scenario, scenes[i]);
      g_object_unref (scenes[i]);
    }

  notify_log_init (&log, scenario);
  g_assert_true (cs_scenario_remove_persona (scenario, ana_id));
  g_assert_false (cs_scenario_remove_persona (scenario, ana_id));
  g_assert_null (cs_scenario_find_persona (scenario, ana_id));
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 1);
  g_assert_cmpuint (notify_count (&log, "n-personas"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "version"), ==, 1);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_false (cs_scene_get_involvement (scenes[i], ana_id, NULL));
      g_assert_null (cs_scene_get_persona_instruction (scenes[i], ana_id));
      g_assert_true (cs_scene_get_involvement (scenes[i], ben_id, NULL));
      g_assert_cmpstr (cs_scene_get_persona_instruction (scenes[i], ben_id), ==, "Question the numbers");
      g_assert_cmpstr (cs_scene_get_key_persona_id (scenes[i]), ==, ben_id);
    }

  notify_log_clear (&log);
}

static void
test_summary_counts (void)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  NotifyLog log;

  notify_log_init (&log, scenario);

  cs_scenario_set_summary_counts (scenario, 4, 5);
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 4);
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 5);
  g_assert_cmpuint (notify_count (&log, "n-personas"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "n-scenes"), ==, 1);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 1);

  /* Real children win over the summary. */
  cs_scenario_add_persona (scenario, persona);
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 1);
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 5);
  cs_scenario_remove_persona (scenario, cs_record_get_id (CS_RECORD (persona)));
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 4);
  g_assert_cmpuint (notify_count (&log, "n-personas"), ==, 3);

  notify_log_reset (&log);
  cs_scenario_set_summary_counts (scenario, 4, 5);
  g_assert_cmpuint (log.total, ==, 0);

  notify_log_clear (&log);
}

static void
test_message_stream (void)
{
  g_autoptr(CsMessage) message = cs_message_new (CS_MESSAGE_KIND_PERSONA, "Ana Ruiz", NULL);
  NotifyLog log;

  notify_log_init (&log, message);

  cs_message_set_is_complete (message, FALSE);
  cs_message_append_content (message, "The plant ");
  cs_message_append_content (message, "");
  cs_message_append_content (message, "stays open.");
  cs_message_set_is_complete (message, TRUE);

  g_assert_cmpstr (cs_message_get_content (message), ==, "The plant stays open.");
  g_assert_cmpuint (notify_count (&log, "content"), ==, 2);
  g_assert_cmpuint (notify_count (&log, "is-complete"), ==, 2);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (message)), ==, 5);

  notify_log_clear (&log);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("cs-model-XXXXXX", &error);
  int status;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  g_test_init (&argc, &argv, NULL);
  init_record_types ();

  g_test_add_func ("/model/types/enum-nicks", test_enum_nicks);
  g_test_add_func ("/model/types/uuid", test_uuid);
  g_test_add_func ("/model/record/new", test_record_new);
  g_test_add_func ("/model/record/defaults", test_defaults);
  g_test_add_func ("/model/record/setters", test_record_setters);
  g_test_add_func ("/model/record/bookkeeping", test_record_bookkeeping);
  g_test_add_func ("/model/record/freeze", test_record_freeze);
  g_test_add_func ("/model/record/ranges", test_ranges);
  g_test_add_func ("/model/persona/traits", test_traits);
  g_test_add_func ("/model/persona/initials", test_initials);
  g_test_add_func ("/model/scenario/scene-order", test_scene_order);
  g_test_add_func ("/model/scenario/remove-persona", test_remove_persona);
  g_test_add_func ("/model/scenario/summary-counts", test_summary_counts);
  g_test_add_func ("/model/scene/involvement", test_involvement);
  g_test_add_func ("/model/scene/criteria", test_criteria);
  g_test_add_func ("/model/scene/instructions", test_instructions);
  g_test_add_func ("/model/message/stream", test_message_stream);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
