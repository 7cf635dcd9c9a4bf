/* test-format.c: the .casestudio file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "cs-model.h"
#include "cs-test-scenario.h"

/* Made by gnome.compile_resources() for the core library (resources/meson.build). */
GResource *cs_core_get_resource (void);

#define SAMPLE_RESOURCE "/org/casestudio/CaseStudio/core/samples/sample.casestudio"

static char *test_dir;

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio",
                           NULL);
}

static char *
sample_data (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static CsScenario *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario;

  scenario = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}


/* Like g_assert_cmpstr(), but shows only the first line that differs. */
static void
assert_same_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; lines_a[i] != NULL || lines_b[i] != NULL; i++)
    {
      if (g_strcmp0 (lines_a[i], lines_b[i]) != 0)
        g_error ("line %u differs: \"%s\" != \"%s\"", i + 1, lines_a[i], lines_b[i]);
    }
}

static CsScenario *
round_trip (CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  CsScenario *loaded;
  gsize length = 0;

  data = cs_scenario_format_to_data (scenario, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  loaded = cs_scenario_format_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  /* Serializing what was loaded gives the same text back. */
  again = cs_scenario_format_to_data (loaded, NULL);
  assert_same_lines (again, data);
  return loaded;
}

static gpointer
nth (GListModel *model,
     guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item; /* still owned by @model */
}

/* ------------------------------------------------------------------------------------------ */

static void
test_sample_content (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  GListModel *personas = cs_scenario_get_personas (scenario);
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  g_auto(GStrv) words = NULL;
  guint n_main = 0;

  g_assert_cmpstr (cs_scenario_get_title (scenario), ==,
                   "Harlow Industrial Valves: The Kellerton Decision");
  g_assert_cmpuint (g_strv_length ((GStrv) cs_scenario_get_learning_outcomes (scenario)), ==, 4);
  g_assert_cmpuint (g_strv_length ((GStrv) cs_scenario_get_tags (scenario)), >, 0);
  g_assert_cmpint (cs_scenario_get_status (scenario), ==, CS_SCENARIO_STATUS_DRAFT);
  g_assert_cmpint (cs_scenario_get_difficulty (scenario), ==, CS_DIFFICULTY_INTERMEDIATE);
  g_assert_cmpint (cs_scenario_get_estimated_duration (scenario), >, 0);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 1);

  words = g_regex_split_simple ("\\s+", cs_scenario_get_source_text (scenario), 0, 0);
  g_assert_cmpuint (g_strv_length (words), >=, 1500);
  g_assert_cmpuint (g_strv_length (words), <=, 2500);
  g_assert_nonnull (strstr (cs_scenario_get_source_text (scenario), "Exhibit 1"));

  g_assert_cmpuint (g_list_model_get_n_items (personas), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (personas), <=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      CsPersona *persona = nth (personas, i);
      g_auto(GStrv) traits = cs_persona_dup_trait_names (persona);

      n_main += cs_persona_get_is_main_character (persona);
      g_assert_cmpuint (g_strv_length (traits), >=, 4);
      g_assert_cmpuint (g_strv_length (traits), <=, 6);
      g_assert_true (strstr (cs_scenario_get_source_text (scenario),
                             cs_persona_get_name (persona)) != NULL);
      g_assert_cmpint (cs_record_get_version (CS_RECORD (persona)), ==, 1);
    }
  g_assert_cmpuint (n_main, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (scenes), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      CsScene *scene = nth (scenes, i);
      GListModel *criteria = cs_scene_get_goal_criteria (scene);
      GListModel *involved = cs_scene_get_involved (scene);
      double sum = 0;

      g_assert_cmpuint (cs_scene_get_position (scene), ==, i);
      g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (criteria), >=, 2);
      g_assert_cmpuint (g_list_model_get_n_items (criteria), <=, 4);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        sum += cs_goal_criterion_get_weight (nth (criteria, c));
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (scene), 1.0, 1e-9);

      g_assert_nonnull (cs_scene_get_key_persona_id (scene));
      for (guint p = 0; p < g_list_model_get_n_items (involved); p++)
        {
          const char *id = cs_scene_persona_get_persona_id (nth (involved, p));

          g_assert_nonnull (cs_scenario_find_persona (scenario, id));
          g_assert_nonnull (cs_scene_get_persona_instruction (scene, id));
        }
    }
}

/* The copy compiled into the core library is the same file. */
static void
test_sample_resource (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = sample_data ();

  bytes = g_resource_lookup_data (cs_core_get_resource (), SAMPLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   data, strlen (data));
}

static void
test_round_trip_sample (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsScenario) loaded = round_trip (scenario);

  cs_test_assert_scenarios_equal (scenario, loaded);
}

/* Edited objects keep their versions through a save and a load; loading bumps nothing,
 * and what was loaded is tracked again afterwards. */
static void
test_round_trip_edited (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GDateTime) deleted_at = g_date_time_new_from_iso8601 ("2024-10-01T12:30:45.25+02:00", NULL);
  CsPersona *persona = nth (cs_scenario_get_personas (scenario), 1);
  CsScene *scene = nth (cs_scenario_get_scenes (scenario), 2);
  gint64 persona_version;
  gint64 scene_version;
  gint64 version;

  cs_scenario_set_title (scenario, "Edited title");
  cs_scenario_set_owner_id (scenario, "instructor-7");
  cs_scenario_set_status (scenario, CS_SCENARIO_STATUS_ARCHIVED);
  cs_scenario_set_difficulty (scenario, CS_DIFFICULTY_ADVANCED);
  cs_scenario_set_is_public (scenario, TRUE);
  cs_scenario_set_allow_remixes (scenario, FALSE);
  cs_scenario_set_published_version_id (scenario, "0f8fad5b-d9cb-469f-a165-70867728950e");
  cs_scenario_set_deleted (scenario, deleted_at, "instructor-7", "Replaced by a newer case");
  g_assert_true (cs_persona_set_trait (persona, "humour", 3));
  g_assert_true (cs_persona_set_trait (persona, "empathy", 0));
  cs_persona_set_avatar_image (persona, "avatars/sunita.png");
  cs_scene_set_image (scene, "scenes/boardroom.png");
  cs_scene_set_success_threshold (scene, 0.85);
  cs_scene_set_persona_instruction (scene, cs_record_get_id (CS_RECORD (persona)), "Be terse.");

  version = cs_record_get_version (CS_RECORD (scenario));
  persona_version = cs_record_get_version (CS_RECORD (persona));
  scene_version = cs_record_get_version (CS_RECORD (scene));
  g_assert_cmpint (version, >, 1);
  g_assert_cmpint (persona_version, >, 1);
  g_assert_cmpint (scene_version, >, 1);

  loaded = round_trip (scenario);
  cs_test_assert_scenarios_equal (scenario, loaded);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==, version);
  g_assert_cmpint (cs_persona_get_trait (nth (cs_scenario_get_personas (loaded), 1), "humour"), ==, 3);
  g_assert_true (cs_scenario_is_deleted (loaded));

  g_assert_true (cs_record_is_tracking (CS_RECORD (loaded)));
  cs_scenario_set_title (loaded, "Edited again");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==, version + 1);

  scene = nth (cs_scenario_get_scenes (loaded), 2);
  g_assert_true (cs_record_is_tracking (CS_RECORD (scene)));
  cs_scene_set_title (scene, "Edited scene");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scene)), ==, scene_version + 1);
}

/* Absent optional fields and ids are fine: ids are made, defaults kept. */
static void
test_minimal (void)
{
  const char *data =
    "{\"format_version\": 1, \"scenario\": {\"title\": \"Tiny\","
    " \"personas\": [{\"name\": \"Ana Ruiz\", \"role\": null}],"
    " \"scenes\": [{\"title\": \"One\", \"timeout_turns\": 12.0,"
    "               \"goal_criteria\": [{\"text\": \"Ask\", \"weight\": 1}]},"
    "              {\"title\": \"Two\"}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_from_data (data, -1, &error);
  CsPersona *persona;
  CsScene *scene;

  g_assert_no_error (error);
  g_assert_true (cs_uuid_is_valid (cs_record_get_id (CS_RECORD (scenario))));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (scenario)), ==, 1);
  g_assert_cmpint (cs_scenario_get_status (scenario), ==, CS_SCENARIO_STATUS_DRAFT);
  g_assert_true (cs_scenario_get_allow_remixes (scenario));

  persona = nth (cs_scenario_get_personas (scenario), 0);
  g_assert_true (cs_uuid_is_valid (cs_record_get_id (CS_RECORD (persona))));
  g_assert_cmpstr (cs_persona_get_name (persona), ==, "Ana Ruiz");
  g_assert_cmpstr (cs_persona_get_scenario_id (persona), ==, cs_record_get_id (CS_RECORD (scenario)));

  scene = nth (cs_scenario_get_scenes (scenario), 1);
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "Two");
  g_assert_cmpuint (cs_scene_get_position (scene), ==, 1);
  g_assert_cmpint (cs_scene_get_timeout_turns (scene), ==, CS_SCENE_DEFAULT_TIMEOUT_TURNS);
  g_assert_cmpint (cs_scene_get_max_attempts (scene), ==, CS_SCENE_DEFAULT_MAX_ATTEMPTS);
  g_assert_cmpfloat (cs_scene_get_success_threshold (scene), ==, CS_SCENE_DEFAULT_SUCCESS_THRESHOLD);
  scene = nth (cs_scenario_get_scenes (scenario), 0);
  g_assert_cmpfloat (cs_scene_get_total_weight (scene), ==, 1.0);
  g_assert_cmpint (cs_scene_get_timeout_turns (scene), ==, 12);
}

/* ------------------------------------------------------------------------------------------ */
/* Bad input: the sample with one change */

typedef struct
{
  const char    *name;
  const char    *target;  /* dotted path of the object to change from the root; "" = root */
  const char    *member;
  const char    *value;   /* JSON text; NULL removes the member */
  CsFormatError  code;
  const char    *message; /* expected start of the error message */
} BadCase;

static const BadCase bad_cases[] = {
  { "type/title", "scenario", "title", "42", CS_FORMAT_ERROR_TYPE, "title: must be a string" },
  { "type/scenario", "", "scenario", "[]", CS_FORMAT_ERROR_TYPE, "scenario: must be an object" },
  { "type/tags", "scenario", "tags", "\"a, b\"", CS_FORMAT_ERROR_TYPE, "tags: " },
  { "type/goal", "scenario.personas[0]", "primary_goals", "[\"x\", 3]", CS_FORMAT_ERROR_TYPE,
    "personas[0].primary_goals[1]: must be a string" },
  { "type/turns", "scenario.scenes[1]", "timeout_turns", "\"ten\"", CS_FORMAT_ERROR_TYPE,
    "scenes[1].timeout_turns: " },
  { "type/boolean", "scenario", "is_public", "1", CS_FORMAT_ERROR_TYPE,
    "is_public: must be true or false" },
  { "type/scenes", "scenario", "scenes", "[{\"title\": \"x\"}, 7]", CS_FORMAT_ERROR_TYPE,
    "scenes[1]: must be an object" },
  { "type/trait", "scenario.personas[3].traits", "skepticism", "\"high\"", CS_FORMAT_ERROR_TYPE,
    "personas[3].traits.skepticism: must be an integer between 0 and 10" },
  { "type/weight", "scenario.scenes[0].goal_criteria[2]", "weight", "\"0.3\"", CS_FORMAT_ERROR_TYPE,
    "scenes[0].goal_criteria[2].weight: " },
  { "missing/format-version", "", "format_version", NULL, CS_FORMAT_ERROR_MISSING,
    "format_version: " },
  { "missing/scenario", "", "scenario", NULL, CS_FORMAT_ERROR_MISSING, "scenario: " },
  { "missing/title", "scenario", "title", NULL, CS_FORMAT_ERROR_MISSING, "title: " },
  { "missing/null-title", "scenario", "title", "null", CS_FORMAT_ERROR_MISSING, "title: " },
  { "missing/persona-name", "scenario.personas[2]", "name", NULL, CS_FORMAT_ERROR_MISSING,
    "personas[2].name: " },
  { "missing/scene-title", "scenario.scenes[3]", "title", NULL, CS_FORMAT_ERROR_MISSING,
    "scenes[3].title: " },
  { "missing/criterion-text", "scenario.scenes[1].goal_criteria[0]", "text", NULL,
    CS_FORMAT_ERROR_MISSING, "scenes[1].goal_criteria[0].text: " },
  { "missing/criterion-weight", "scenario.scenes[3].goal_criteria[1]", "weight", NULL,
    CS_FORMAT_ERROR_MISSING, "scenes[3].goal_criteria[1].weight: " },
  { "missing/persona-id", "scenario.scenes[2].personas[1]", "persona_id", NULL,
    CS_FORMAT_ERROR_MISSING, "scenes[2].personas[1].persona_id: " },
  { "range/trait-high", "scenario.personas[1].traits", "empathy", "11", CS_FORMAT_ERROR_RANGE,
    "personas[1].traits.empathy: must be an integer between 0 and 10" },
  { "range/trait-negative", "scenario.personas[0].traits", "openness", "-1", CS_FORMAT_ERROR_RANGE,
    "personas[0].traits.openness: must be an integer between 0 and 10" },
  { "range/trait-fraction", "scenario.personas[2].traits", "analytical", "5.5",
    CS_FORMAT_ERROR_RANGE, "personas[2].traits.analytical: must be an integer between 0 and 10" },
  { "range/trait-empty-name", "scenario.personas[2].traits", "", "5", CS_FORMAT_ERROR_RANGE,
    "personas[2].traits: " },
  { "range/weight-high", "scenario.scenes[2].goal_criteria[0]", "weight", "1.5",
    CS_FORMAT_ERROR_RANGE, "scenes[2].goal_criteria[0].weight: must be between 0 and 1" },
  { "range/weight-negative", "scenario.scenes[1].goal_criteria[2]", "weight", "-0.1",
    CS_FORMAT_ERROR_RANGE, "scenes[1].goal_criteria[2].weight: must be between 0 and 1" },
  { "range/threshold", "scenario.scenes[0]", "success_threshold", "70", CS_FORMAT_ERROR_RANGE,
    "scenes[0].success_threshold: must be between 0 and 1" },
  { "range/turns", "scenario.scenes[3]", "timeout_turns", "0", CS_FORMAT_ERROR_RANGE,
    "scenes[3].timeout_turns: " },
  { "range/version", "scenario.personas[1]", "version", "0", CS_FORMAT_ERROR_RANGE,
    "personas[1].version: " },
  { "range/date", "scenario", "created_at", "\"yesterday\"", CS_FORMAT_ERROR_RANGE,
    "created_at: \"yesterday\" is not an ISO 8601 date" },
  { "enum/difficulty", "scenario", "difficulty", "\"expert\"", CS_FORMAT_ERROR_RANGE,
    "difficulty: \"expert\" is not one of beginner, intermediate, advanced" },
  { "enum/status", "scenario", "status", "\"Draft\"", CS_FORMAT_ERROR_RANGE, "status: " },
  { "enum/involvement", "scenario.scenes[1].personas[0]", "involvement", "\"boss\"",
    CS_FORMAT_ERROR_RANGE, "scenes[1].personas[0].involvement: \"boss\" is not one of key, "
    "participant, mentioned" },
  { "uuid/scenario", "scenario", "id", "\"case-1\"", CS_FORMAT_ERROR_RANGE,
    "id: \"case-1\" is not a valid UUID" },
  { "uuid/persona", "scenario.personas[0]", "id", "\"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c0\"",
    CS_FORMAT_ERROR_RANGE, "personas[0].id: \"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c0\" is not a valid UUID" },
  { "uuid/criterion", "scenario.scenes[0].goal_criteria[0]", "id", "\"1234\"",
    CS_FORMAT_ERROR_RANGE, "scenes[0].goal_criteria[0].id: " },
  { "uuid/draft-of", "scenario", "draft_of_id", "\"zzzzzzzz-3d5f-4a8b-9c0d-1e2f3a4b5c01\"",
    CS_FORMAT_ERROR_RANGE, "draft_of_id: " },
  { "reference/involvement", "scenario.scenes[0].personas[1]", "persona_id",
    "\"0f8fad5b-d9cb-469f-a165-70867728950e\"", CS_FORMAT_ERROR_REFERENCE,
    "scenes[0].personas[1].persona_id: no persona with id \"0f8fad5b-d9cb-469f-a165-70867728950e\" "
    "in this file" },
  { "reference/instruction", "scenario.scenes[2].persona_instructions",
    "0f8fad5b-d9cb-469f-a165-70867728950e", "\"Say hello\"", CS_FORMAT_ERROR_REFERENCE,
    "scenes[2].persona_instructions.0f8fad5b-d9cb-469f-a165-70867728950e: no persona with id" },
  { "duplicate/persona", "scenario.personas[2]", "id", "\"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01\"",
    CS_FORMAT_ERROR_DUPLICATE, "personas[2].id: duplicate id \"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01\" "
    "(also used by personas[0])" },
  { "duplicate/scene-scenario", "scenario.scenes[1]", "id",
    "\"3f6c2a1e-8b4d-4c7a-9e21-5d0b7a4c1f01\"", CS_FORMAT_ERROR_DUPLICATE,
    "scenes[1].id: duplicate id \"3f6c2a1e-8b4d-4c7a-9e21-5d0b7a4c1f01\" (also used by scenario)" },
  { "duplicate/criterion", "scenario.scenes[3].goal_criteria[2]", "id",
    "\"c0d1e2f3-a4b5-4c6d-8e7f-90a1b2c3d400\"", CS_FORMAT_ERROR_DUPLICATE,
    "scenes[3].goal_criteria[2].id: duplicate id \"c0d1e2f3-a4b5-4c6d-8e7f-90a1b2c3d400\" "
    "(also used by scenes[3].goal_criteria[0])" },
  { "duplicate/involvement", "scenario.scenes[0].personas[1]", "persona_id",
    "\"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01\"", CS_FORMAT_ERROR_DUPLICATE,
    "scenes[0].personas[1].persona_id: persona \"a1c4e7b2-3d5f-4a8b-9c0d-1e2f3a4b5c01\" is listed "
    "twice (also at scenes[0].personas[0])" },
  { "version/newer", "", "format_version", "3", CS_FORMAT_ERROR_VERSION,
    "format_version: this file was made by a newer Case Studio (format 3); this version reads "
    "format 1 — update Case Studio to open it" },
  { "version/zero", "", "format_version", "0", CS_FORMAT_ERROR_RANGE, "format_version: " },
  { "version/type", "", "format_version", "\"1\"", CS_FORMAT_ERROR_TYPE, "format_version: " },
};

/* Finds the object at @path ("scenario.scenes[2].goal_criteria[0]") below @root. */
static JsonObject *
find_object (JsonNode   *root,
             const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL && *steps[i] != '\0'; i++)
    {
      char *bracket = strchr (steps[i], '[');
      guint64 index = 0;

      if (bracket != NULL)
        {
          index = g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }
      node = json_object_get_member (json_node_get_object (node), steps[i]);
      g_assert_nonnull (node);
      if (bracket != NULL)
        node = json_array_get_element (json_node_get_array (node), index);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
assert_format_error (const GError *error,
                     CsFormatError code,
                     const char   *message)
{
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, message))
    g_error ("message \"%s\" does not start with \"%s\"", error->message, message);
  g_assert_error (error, CS_FORMAT_ERROR, (int) code);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *sample = sample_data ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) from_node = NULL;
  g_autoptr(CsScenario) from_data = NULL;
  g_autofree char *changed = NULL;
  JsonObject *target;

  root = json_from_string (sample, &error);
  g_assert_no_error (error);

  target = find_object (root, bad->target);
  if (bad->value == NULL)
    {
      g_assert_true (json_object_has_member (target, bad->member));
      json_object_remove_member (target, bad->member);
    }
  else
    {
      JsonNode *value = json_from_string (bad->value, &error);

      g_assert_no_error (error);
      json_object_set_member (target, bad->member, value);
    }

  from_node = cs_scenario_format_deserialize (root, &error);
  g_assert_null (from_node);
  assert_format_error (error, bad->code, bad->message);
  g_clear_error (&error);

  changed = json_to_string (root, TRUE);
  from_data = cs_scenario_format_from_data (changed, -1, &error);
  g_assert_null (from_data);
  assert_format_error (error, bad->code, bad->message);
}

static void
test_not_an_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_scenario_format_from_data ("[1, 2]", -1, &error);

  g_assert_null (scenario);
  g_assert_error (error, CS_FORMAT_ERROR, CS_FORMAT_ERROR_TYPE);
}

static void
test_truncated (void)
{
  g_autofree char *data = sample_data ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  g_autofree char *expected = NULL;
  gsize cut = strlen (data) / 2;
  guint lines = 1;

  /* End on a token, not in blank space, so the parser stops on the last line. */
  while (g_ascii_isspace (data[cut - 1]))
    cut--;
  for (gsize i = 0; i < cut; i++)
    lines += data[i] == '\n';

  scenario = cs_scenario_format_from_data (data, cut, &error);
  g_assert_null (scenario);
  g_assert_error (error, CS_FORMAT_ERROR, CS_FORMAT_ERROR_PARSE);
  /* The error is where the data stops. */
  expected = g_strdup_printf ("line %u, column ", lines);
  assert_format_error (error, CS_FORMAT_ERROR_PARSE, expected);
  g_assert_nonnull (strstr (error->message, "truncated"));
  g_clear_error (&error);

  scenario = cs_scenario_format_from_data ("{\"format_version\": 1,\n \"scenario\" {}}", -1, &error);
  g_assert_null (scenario);
  assert_format_error (error, CS_FORMAT_ERROR_PARSE, "line 2, column ");
  g_clear_error (&error);

  scenario = cs_scenario_format_from_data ("{\"format_version\": 1, \"scenario\": \"\xff\"}", -1, &error);
  g_assert_null (scenario);
  assert_format_error (error, CS_FORMAT_ERROR_PARSE, "(file): ");
  g_clear_error (&error);

  scenario = cs_scenario_format_from_data ("", 0, &error);
  g_assert_null (scenario);
  g_assert_error (error, CS_FORMAT_ERROR, CS_FORMAT_ERROR_PARSE);
}

/* ------------------------------------------------------------------------------------------ */

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = g_build_filename (test_dir, "save", NULL);
  g_autofree char *path = g_build_filename (dir, "kellerton.casestudio", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "x.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_assert_true (cs_scenario_format_save_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Overwriting leaves no backup and no temporary file beside it. */
  cs_scenario_set_title (scenario, "Second save");
  g_assert_true (cs_scenario_format_save_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  loaded = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  cs_test_assert_scenarios_equal (scenario, loaded);

  /* A save that does not complete leaves the previous file as it was. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  cs_scenario_set_title (scenario, "Third save");
  g_cancellable_cancel (cancellable);
  g_assert_false (cs_scenario_format_save_file (scenario, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_false (cs_scenario_format_save_file (scenario, missing_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-dir"));
  g_clear_error (&error);

  g_assert_null (cs_scenario_format_load_file (missing_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_copy_same_ids (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsScenario) copy = NULL;

  cs_scenario_set_title (scenario, "Edited before the copy");
  copy = cs_scenario_format_copy (scenario, FALSE);
  g_assert_true (copy != scenario);
  cs_test_assert_scenarios_equal (scenario, copy);

  /* A deep copy: editing it leaves the original alone. */
  cs_persona_set_name (nth (cs_scenario_get_personas (copy), 0), "Someone Else");
  g_assert_cmpstr (cs_persona_get_name (nth (cs_scenario_get_personas (scenario), 0)), ==,
                   "Margaret Okafor");
}

static void
test_copy_new_ids (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(CsScenario) copy = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *personas;
  GListModel *copy_personas;
  GListModel *scenes;
  GListModel *copy_scenes;

  cs_scenario_set_title (scenario, "Remix me");
  copy = cs_scenario_format_copy (scenario, TRUE);
  g_assert_nonnull (copy);
  personas = cs_scenario_get_personas (scenario);
  copy_personas = cs_scenario_get_personas (copy);
  scenes = cs_scenario_get_scenes (scenario);
  copy_scenes = cs_scenario_get_scenes (copy);

  g_assert_cmpstr (cs_scenario_get_title (copy), ==, "Remix me");
  g_assert_cmpstr (cs_scenario_get_source_text (copy), ==, cs_scenario_get_source_text (scenario));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (copy)), ==, 1);
  g_hash_table_add (ids, (gpointer) cs_record_get_id (CS_RECORD (scenario)));

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      CsPersona *persona = nth (personas, i);
      CsPersona *copied = nth (copy_personas, i);

      g_hash_table_add (ids, (gpointer) cs_record_get_id (CS_RECORD (persona)));
      g_assert_cmpstr (cs_persona_get_name (copied), ==, cs_persona_get_name (persona));
      g_assert_cmpstr (cs_persona_get_scenario_id (copied), ==, cs_record_get_id (CS_RECORD (copy)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      GListModel *criteria = cs_scene_get_goal_criteria (nth (scenes, i));

      g_hash_table_add (ids, (gpointer) cs_record_get_id (CS_RECORD (nth (scenes, i))));
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        g_hash_table_add (ids, (gpointer) cs_goal_criterion_get_id (nth (criteria, c)));
    }

  /* No id of the copy is an id of the original. */
  g_assert_false (g_hash_table_contains (ids, cs_record_get_id (CS_RECORD (copy))));
  for (guint i = 0; i < g_list_model_get_n_items (copy_personas); i++)
    g_assert_false (g_hash_table_contains (ids, cs_record_get_id (CS_RECORD (nth (copy_personas, i)))));

  g_assert_cmpuint (g_list_model_get_n_items (copy_scenes), ==, g_list_model_get_n_items (scenes));
  for (guint i = 0; i < g_list_model_get_n_items (copy_scenes); i++)
    {
      CsScene *scene = nth (scenes, i);
      CsScene *copied = nth (copy_scenes, i);
      GListModel *involved = cs_scene_get_involved (scene);
      GListModel *copy_involved = cs_scene_get_involved (copied);
      GListModel *criteria = cs_scene_get_goal_criteria (copied);
      GVariant *instructions = cs_scene_get_persona_instructions (copied);

      g_assert_false (g_hash_table_contains (ids, cs_record_get_id (CS_RECORD (copied))));
      g_assert_cmpstr (cs_scene_get_title (copied), ==, cs_scene_get_title (scene));
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        g_assert_false (g_hash_table_contains (ids, cs_goal_criterion_get_id (nth (criteria, c))));

      /* Each involvement points to the copied persona of the same person. */
      g_assert_cmpuint (g_list_model_get_n_items (copy_involved), ==,
                        g_list_model_get_n_items (involved));
      for (guint p = 0; p < g_list_model_get_n_items (involved); p++)
        {
          CsScenePersona *entry = nth (involved, p);
          CsScenePersona *copy_entry = nth (copy_involved, p);
          const char *old_id = cs_scene_persona_get_persona_id (entry);
          const char *new_id = cs_scene_persona_get_persona_id (copy_entry);
          CsPersona *old_persona = cs_scenario_find_persona (scenario, old_id);
          CsPersona *new_persona = cs_scenario_find_persona (copy, new_id);

          g_assert_nonnull (new_persona);
          g_assert_cmpstr (cs_persona_get_name (new_persona), ==, cs_persona_get_name (old_persona));
          g_assert_cmpint (cs_scene_persona_get_involvement (copy_entry), ==,
                           cs_scene_persona_get_involvement (entry));
          g_assert_cmpstr (cs_scene_get_persona_instruction (copied, new_id), ==,
                           cs_scene_get_persona_instruction (scene, old_id));
        }

      /* Every instruction is keyed by a persona of the copy. */
      g_assert_cmpuint (g_variant_n_children (instructions), ==,
                        g_variant_n_children (cs_scene_get_persona_instructions (scene)));
      for (gsize k = 0; k < g_variant_n_children (instructions); k++)
        {
          const char *persona_id = NULL;

          g_variant_get_child (instructions, k, "{&s&s}", &persona_id, NULL);
          g_assert_nonnull (cs_scenario_find_persona (copy, persona_id));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_dir = g_dir_make_tmp ("case-studio-format-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", test_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/sample/content", test_sample_content);
  g_test_add_func ("/format/sample/resource", test_sample_resource);
  g_test_add_func ("/format/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/format/round-trip/edited", test_round_trip_edited);
  g_test_add_func ("/format/minimal", test_minimal);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/format/bad/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/format/bad/not-an-object", test_not_an_object);
  g_test_add_func ("/format/bad/truncated", test_truncated);
  g_test_add_func ("/format/save/atomic", test_save_atomic);
  g_test_add_func ("/format/copy/same-ids", test_copy_same_ids);
  g_test_add_func ("/format/copy/new-ids", test_copy_new_ids);

  status = g_test_run ();
  /* Each test removes the files it made; nothing here writes to the XDG directories. */
  g_rmdir (test_dir);
  g_free (test_dir);
  return status;
}
