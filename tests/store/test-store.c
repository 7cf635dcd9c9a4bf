/* test-store.c: tests of the local library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-store.h"
#include "cs-store-private.h"
#include "store-test-util.h"
#include "cs-test-scenario.h"

/* Fixtures */

static CsStore *
open_new_store (const char *name)
{
  g_autofree char *path = store_test_db_path (name);
  g_autoptr(GError) error = NULL;
  CsStore *store = cs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (CS_IS_STORE (store));
  return store;
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute, double seconds)
{
  return g_date_time_new_utc (year, month, day, hour, minute, seconds);
}

static CsPersona *
make_persona (const char *name,
              const char *role,
              gboolean    main_character)
{
  CsPersona *persona = cs_persona_new (NULL);
  const char *goals[] = { "Keep the plant open", "Protect the team", NULL };

  cs_persona_set_name (persona, name);
  cs_persona_set_role (persona, role);
  cs_persona_set_background (persona, "Twenty years at the plant.\nKnows every machine.");
  cs_persona_set_correlation (persona, "Reports to the student");
  cs_persona_set_primary_goals (persona, goals);
  /* Not in alphabetical order: the order must survive. */
  g_assert_true (cs_persona_set_trait (persona, "openness", 7));
  g_assert_true (cs_persona_set_trait (persona, "assertiveness", 3));
  g_assert_true (cs_persona_set_trait (persona, "warmth", 10));
  cs_persona_set_avatar_color (persona, "#3584e4");
  cs_persona_set_avatar_image (persona, main_character ? "resource:///avatars/a.png" : NULL);
  cs_persona_set_is_main_character (persona, main_character);
  return persona;
}

static CsScene *
make_scene (const char *title,
            CsPersona  *key,
            CsPersona  *other)
{
  CsScene *scene = cs_scene_new (NULL);
  const char *triggers[] = { "asks for the numbers", "stuck for 3 turns", NULL };
  g_autoptr(CsGoalCriterion) first = cs_goal_criterion_new ("Asks about capacity", 0.6);
  g_autoptr(CsGoalCriterion) second = cs_goal_criterion_new ("Proposes a next step", 0.4);

  cs_scene_set_title (scene, title);
  cs_scene_set_description (scene, "The meeting room, Monday morning.");
  cs_scene_set_user_goal (scene, "Find out why utilization is at 58%");
  cs_scene_set_scene_context (scene, "The CFO has just left the room.");
  cs_scene_set_success_threshold (scene, 0.65);
  cs_scene_set_timeout_turns (scene, 12);
  cs_scene_set_max_attempts (scene, 4);
  cs_scene_set_estimated_duration (scene, 20);
  cs_scene_set_hint_triggers (scene, triggers);
  cs_scene_set_image (scene, "scene.png");
  cs_scene_add_criterion (scene, first);
  cs_scene_add_criterion (scene, second);
  cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (key)), CS_INVOLVEMENT_KEY);
  cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (other)), CS_INVOLVEMENT_MENTIONED);
  cs_scene_set_persona_instruction (scene, cs_record_get_id (CS_RECORD (key)), "Be guarded at first.");
  cs_scene_set_persona_instruction (scene, cs_record_get_id (CS_RECORD (other)), "Only if asked.");
  return scene;
}

/* A scenario with every field set, two personas and three scenes. */
static CsScenario *
make_scenario (const char *title)
{
  CsScenario *scenario = cs_scenario_new (NULL);
  const char *tags[] = { "plant closure", "operations", NULL };
  const char *outcomes[] = { "Read a capacity table", "Weigh options", NULL };
  g_autoptr(CsPersona) ana = make_persona ("Ana Ruiz", "Plant manager", TRUE);
  g_autoptr(CsPersona) ben = make_persona ("Ben Okafor", "CFO", FALSE);
  const char *scene_titles[] = { "The plant tour", "The numbers", "The board" };

  cs_scenario_set_title (scenario, title);
  cs_scenario_set_description (scenario, "A valve maker lost its largest customer.");
  cs_scenario_set_challenge (scenario, "Close, retool or keep the plant?");
  cs_scenario_set_industry (scenario, "Manufacturing");
  cs_scenario_set_student_role (scenario, "Director of strategy");
  cs_scenario_set_category (scenario, "Operations");
  cs_scenario_set_difficulty (scenario, CS_DIFFICULTY_ADVANCED);
  cs_scenario_set_estimated_duration (scenario, 90);
  cs_scenario_set_tags (scenario, tags);
  cs_scenario_set_learning_outcomes (scenario, outcomes);
  cs_scenario_set_status (scenario, CS_SCENARIO_STATUS_ACTIVE);
  cs_scenario_set_published_version_id (scenario, "8d7f4a8e-0000-4000-8000-000000000001");
  cs_scenario_set_draft_of_id (scenario, "8d7f4a8e-0000-4000-8000-000000000002");
  cs_scenario_set_owner_id (scenario, "teacher-1");
  cs_scenario_set_is_public (scenario, TRUE);
  cs_scenario_set_allow_remixes (scenario, FALSE);
  cs_scenario_set_source_pdf_title (scenario, "Harlow Valves (A)");
  cs_scenario_set_source_text (scenario, "Harlow Industrial Valves … “quoted” text, ünïcödé.");
  cs_scenario_add_persona (scenario, ana);
  cs_scenario_add_persona (scenario, ben);
  for (guint i = 0; i < G_N_ELEMENTS (scene_titles); i++)
    {
      g_autoptr(CsScene) scene = make_scene (scene_titles[i], i % 2 ? ben : ana, i % 2 ? ana : ben);

      cs_scenario_append_scene (scenario, scene);
    }
  return scenario;
}


static CsScenario *
load (CsStore    *store,
      CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  CsScenario *loaded = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (scenario)), &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

static void
save (CsStore    *store,
      CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_save_scenario (store, scenario, &error));
  g_assert_no_error (error);
}

static gint64
outbox (CsStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 count = cs_store_count_outbox (store, &error);

  g_assert_no_error (error);
  return count;
}

/* A raw connection to check what is really in the file. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (CsStore    *store,
           const char *sql)
{
  sqlite3 *db = open_raw (cs_store_get_path (store));
  g_autofree char *text = query_text (db, sql);

  sqlite3_close (db);
  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* What a push does once the server has the entries. */
static void
clear_outbox (CsStore *store)
{
  sqlite3 *db = open_raw (cs_store_get_path (store));

  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
count_signal (CsStore    *store,
              const char *id,
              gpointer    user_data)
{
  GPtrArray *ids = user_data;

  g_ptr_array_add (ids, g_strdup (id));
}

/* Tests */

static void
test_open_new (void)
{
  g_autoptr(CsStore) store = open_new_store ("new");
  sqlite3 *db = open_raw (cs_store_get_path (store));
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode");
  g_autofree char *version = query_text (db, "PRAGMA user_version");
  g_autofree char *fts = query_text (db, "SELECT sql FROM sqlite_master WHERE name = 'scenarios_fts'");
  g_autofree char *tables = query_text (db, "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_master "
                                            "WHERE type = 'table' AND name IN ('progress', 'scene_progress', "
                                            "'messages', 'outbox', 'meta', 'goal_criteria', 'scene_personas') ORDER BY name)");

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (cs_store_get_schema_version (store), >=, 1);
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, cs_store_get_schema_version (store));
  g_assert_nonnull (strstr (fts, "porter unicode61 remove_diacritics 2"));
  g_assert_cmpstr (tables, ==, "goal_criteria messages meta outbox progress scene_personas scene_progress");
  g_assert_cmpint (outbox (store), ==, 0);
  sqlite3_close (db);
}

static void
test_default_path (void)
{
  g_autofree char *path = cs_store_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "case-studio", "library.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_round_trip (void)
{
  g_autoptr(CsStore) store = open_new_store ("round-trip");
  g_autoptr(CsScenario) scenario = make_scenario ("Harlow Valves");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GDateTime) when = utc (2024, 3, 1, 10, 30, 15.123456);

  /* A deleted scenario loads too, with its deletion fields. */
  cs_scenario_set_deleted (scenario, when, "teacher-1", "Duplicate");
  save (store, scenario);
  loaded = load (store, scenario);
  cs_test_assert_scenarios_equal (scenario, loaded);
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==, cs_record_get_version (CS_RECORD (scenario)));

  /* One outbox entry per row: the scenario, two personas, three scenes. */
  g_assert_cmpint (outbox (store), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT json_array_length (payload, '$.goal_criteria') FROM outbox "
                                     "WHERE entity = 'scene' LIMIT 1"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT json_extract (payload, '$.is_public') FROM outbox "
                                     "WHERE entity = 'scenario'"), ==, 1);
}

static void
test_unknown_id (void)
{
  g_autoptr(CsStore) store = open_new_store ("unknown");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) loaded = cs_store_load_scenario (store, "no-such-id", &error);

  g_assert_null (loaded);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cs_store_delete_scenario (store, "no-such-id", NULL, NULL, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND);
}

static void
test_outbox_per_change (void)
{
  g_autoptr(CsStore) store = open_new_store ("outbox");
  g_autoptr(CsScenario) scenario = make_scenario ("Outbox");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsPersona) persona = NULL;
  g_autoptr(CsGoalCriterion) criterion = NULL;

  g_signal_connect (store, "scenario-changed", G_CALLBACK (count_signal), ids);
  save (store, scenario);
  g_assert_cmpint (outbox (store), ==, 6);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, cs_record_get_id (CS_RECORD (scenario)));

  /* Nothing changed: no entry, no signal. */
  save (store, scenario);
  g_assert_cmpint (outbox (store), ==, 6);
  g_assert_cmpuint (ids->len, ==, 1);

  clear_outbox (store);
  g_assert_cmpint (outbox (store), ==, 0);

  /* A scene edit: one entry, for the scene only. */
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 1);
  cs_scene_set_title (scene, "The numbers, again");
  save (store, scenario);
  g_assert_cmpint (outbox (store), ==, 1);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'scene' AND op = 'upsert' "
                                     "AND json_extract (payload, '$.title') = 'The numbers, again'"), ==, 1);

  /* A criterion edit bumps its scene; the newer entry replaces the pending one. */
  criterion = g_list_model_get_item (cs_scene_get_goal_criteria (scene), 0);
  cs_goal_criterion_set_weight (criterion, 0.5);
  save (store, scenario);
  g_assert_cmpint (outbox (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT version FROM outbox"), ==, cs_record_get_version (CS_RECORD (scene)));
  g_assert_cmpint (query_int (store, "SELECT json_extract (payload, '$.goal_criteria[0].weight') * 10 FROM outbox"), ==, 5);

  /* Two personas edited: two more entries. */
  persona = g_list_model_get_item (cs_scenario_get_personas (scenario), 0);
  cs_persona_set_role (persona, "Former plant manager");
  g_clear_object (&persona);
  persona = g_list_model_get_item (cs_scenario_get_personas (scenario), 1);
  g_assert_true (cs_persona_set_trait (persona, "openness", 2));
  save (store, scenario);
  g_assert_cmpint (outbox (store), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'persona'"), ==, 2);
  g_assert_cmpuint (ids->len, ==, 4);

  /* The loaded copy equals what was saved: saving it adds nothing. */
  {
    g_autoptr(CsScenario) loaded = load (store, scenario);

    cs_test_assert_scenarios_equal (scenario, loaded);
    save (store, loaded);
    g_assert_cmpint (outbox (store), ==, 3);
  }
}

/* A save that fails half-way leaves the library as it was. */
static void
test_failed_save (void)
{
  g_autoptr(CsStore) store = open_new_store ("failed");
  g_autoptr(CsScenario) scenario = make_scenario ("Before");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(CsScene) last = NULL;
  g_autoptr(CsPersona) persona = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries;

  save (store, scenario);
  entries = outbox (store);

  /* The scenario, a persona and two scenes change; the last scene refers to a persona the
   * case does not have, which the database refuses only when that scene is written. */
  cs_scenario_set_title (scenario, "After");
  persona = g_list_model_get_item (cs_scenario_get_personas (scenario), 0);
  cs_persona_set_name (persona, "Renamed");
  g_assert_true (cs_scenario_move_scene (scenario, 0, 1));
  last = g_list_model_get_item (cs_scenario_get_scenes (scenario), 2);
  cs_scene_set_involvement (last, "00000000-0000-4000-8000-000000000000", CS_INVOLVEMENT_KEY);

  g_assert_false (cs_store_save_scenario (store, scenario, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED);

  loaded = load (store, scenario);
  g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Before");
  {
    g_autoptr(CsPersona) first = g_list_model_get_item (cs_scenario_get_personas (loaded), 0);
    g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (loaded), 0);

    g_assert_cmpstr (cs_persona_get_name (first), ==, "Ana Ruiz");
    g_assert_cmpstr (cs_scene_get_title (scene), ==, "The plant tour");
  }
  g_assert_cmpint (outbox (store), ==, entries);

  /* The store is usable afterwards. */
  g_assert_true (cs_scene_remove_involvement (last, "00000000-0000-4000-8000-000000000000"));
  save (store, scenario);
  g_clear_object (&loaded);
  loaded = load (store, scenario);
  cs_test_assert_scenarios_equal (scenario, loaded);
}

static void
test_child_removal (void)
{
  g_autoptr(CsStore) store = open_new_store ("children");
  g_autoptr(CsScenario) scenario = make_scenario ("Children");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(CsScene) gone_scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  g_autoptr(CsPersona) gone_persona = g_list_model_get_item (cs_scenario_get_personas (scenario), 1);
  g_autofree char *sql = NULL;
  gint64 before;

  save (store, scenario);
  before = outbox (store);

  g_assert_true (cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (gone_scene))));
  g_assert_true (cs_scenario_remove_persona (scenario, cs_record_get_id (CS_RECORD (gone_persona))));
  save (store, scenario);

  loaded = load (store, scenario);
  g_assert_cmpuint (cs_scenario_get_n_scenes (loaded), ==, 2);
  g_assert_cmpuint (cs_scenario_get_n_personas (loaded), ==, 1);
  g_assert_null (cs_scenario_find_scene (loaded, cs_record_get_id (CS_RECORD (gone_scene))));
  g_assert_null (cs_scenario_find_persona (loaded, cs_record_get_id (CS_RECORD (gone_persona))));
  cs_test_assert_scenarios_equal (scenario, loaded);

  /* Its criteria and involvements went with the scene, the persona's involvements too. */
  sql = g_strdup_printf ("SELECT count(*) FROM goal_criteria WHERE scene_id = '%s'",
                         cs_record_get_id (CS_RECORD (gone_scene)));
  g_assert_cmpint (query_int (store, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM scene_personas WHERE persona_id = '%s'",
                         cs_record_get_id (CS_RECORD (gone_persona)));
  g_assert_cmpint (query_int (store, sql), ==, 0);

  /* Two deletes; every row has one pending entry, its newest. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE op = 'delete'"), ==, 2);
  g_assert_cmpint (outbox (store), ==, before);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT 1 FROM outbox GROUP BY entity, entity_id "
                                     "HAVING count(*) > 1)"), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM outbox WHERE op = 'delete' AND entity = 'scene' AND entity_id = '%s'",
                         cs_record_get_id (CS_RECORD (gone_scene)));
  g_assert_cmpint (query_int (store, sql), ==, 1);
}

static void
test_ordering (void)
{
  g_autoptr(CsStore) store = open_new_store ("order");
  g_autoptr(CsScenario) scenario = make_scenario ("Order");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsGoalCriterion) first = cs_goal_criterion_new ("Now first", 1.0);
  g_autoptr(CsPersona) extra = make_persona ("Chen Li", "Union representative", FALSE);

  save (store, scenario);
  g_assert_true (cs_scenario_move_scene (scenario, 2, 0));
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 1);
  cs_scene_insert_criterion (scene, 0, first);
  cs_scenario_add_persona (scenario, extra);
  cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (extra)), CS_INVOLVEMENT_PARTICIPANT);
  save (store, scenario);

  loaded = load (store, scenario);
  cs_test_assert_scenarios_equal (scenario, loaded);
  g_clear_object (&scene);
  scene = g_list_model_get_item (cs_scenario_get_scenes (loaded), 0);
  g_assert_cmpstr (cs_scene_get_title (scene), ==, "The board");
  g_clear_object (&scene);
  scene = g_list_model_get_item (cs_scenario_get_scenes (loaded), 1);
  {
    g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (cs_scene_get_goal_criteria (scene), 0);

    g_assert_cmpstr (cs_goal_criterion_get_text (criterion), ==, "Now first");
  }
}

static void
test_list (void)
{
  g_autoptr(CsStore) store = open_new_store ("list");
  g_autoptr(CsScenario) older = make_scenario ("Older");
  g_autoptr(CsScenario) newer = make_scenario ("Newer");
  g_autoptr(CsScenario) empty = cs_scenario_new (NULL);
  g_autoptr(GDateTime) t1 = utc (2023, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2022, 1, 1, 0, 0, 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CsScenario) first = NULL;
  g_autoptr(CsScenario) last = NULL;
  g_autoptr(GError) error = NULL;

  cs_record_set_updated_at (CS_RECORD (older), t1);
  cs_record_set_updated_at (CS_RECORD (newer), t2);
  cs_scenario_set_title (empty, "Empty");
  cs_record_set_updated_at (CS_RECORD (empty), t3);
  save (store, newer);
  save (store, empty);
  save (store, older);

  list = cs_store_list_scenarios (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  first = g_list_model_get_item (list, 0);
  last = g_list_model_get_item (list, 2);
  g_assert_cmpstr (cs_scenario_get_title (first), ==, "Newer");
  g_assert_cmpstr (cs_scenario_get_title (last), ==, "Empty");
  g_assert_cmpuint (cs_scenario_get_n_personas (first), ==, 2);
  g_assert_cmpuint (cs_scenario_get_n_scenes (first), ==, 3);
  g_assert_cmpuint (cs_scenario_get_n_scenes (last), ==, 0);
  g_assert_cmpstr (cs_scenario_get_industry (first), ==, "Manufacturing");
  cs_test_assert_records_equal (first, newer);

  /* A summary must not be saved over the full case. */
  cs_scenario_set_title (first, "Renamed in the list");
  g_assert_false (cs_store_save_scenario (store, first, &error));
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  {
    g_autoptr(CsScenario) full = load (store, newer);

    cs_test_assert_scenarios_equal (newer, full);
  }
}

static void
test_delete_restore (void)
{
  g_autoptr(CsStore) store = open_new_store ("delete");
  g_autoptr(CsScenario) scenario = make_scenario ("To delete");
  g_autoptr(CsScenario) keep = make_scenario ("To keep");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GListModel) live = NULL;
  g_autoptr(GListModel) deleted = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *id = cs_record_get_id (CS_RECORD (scenario));
  gint64 version = cs_record_get_version (CS_RECORD (scenario));

  save (store, scenario);
  save (store, keep);
  clear_outbox (store);
  g_signal_connect (store, "scenario-changed", G_CALLBACK (count_signal), ids);

  g_assert_true (cs_store_delete_scenario (store, id, "teacher-1", "Outdated", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox (store), ==, 1);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'scenario' AND op = 'upsert' "
                                     "AND json_extract (payload, '$.deletion_reason') = 'Outdated'"), ==, 1);

  loaded = load (store, scenario);
  g_assert_true (cs_scenario_is_deleted (loaded));
  g_assert_nonnull (cs_scenario_get_deleted_at (loaded));
  g_assert_cmpstr (cs_scenario_get_deleted_by (loaded), ==, "teacher-1");
  g_assert_cmpstr (cs_scenario_get_deletion_reason (loaded), ==, "Outdated");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==, version + 1);
  g_assert_cmpuint (cs_scenario_get_n_scenes (loaded), ==, 3);

  live = cs_store_list_scenarios (store, &error);
  deleted = cs_store_list_deleted (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (deleted), ==, 1);
  {
    g_autoptr(CsScenario) item = g_list_model_get_item (deleted, 0);

    g_assert_cmpstr (cs_record_get_id (CS_RECORD (item)), ==, id);
    g_assert_cmpstr (cs_scenario_get_deletion_reason (item), ==, "Outdated");
  }

  /* Deleting again changes nothing. */
  g_assert_true (cs_store_delete_scenario (store, id, "teacher-2", "Again", &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT version FROM outbox"), ==, version + 1);

  g_assert_true (cs_store_restore_scenario (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT version FROM outbox"), ==, version + 2);
  g_assert_cmpint (query_int (store, "SELECT json_type (payload, '$.deleted_at') = 'null' FROM outbox"), ==, 1);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_object (&loaded);
  loaded = load (store, scenario);
  g_assert_false (cs_scenario_is_deleted (loaded));
  g_assert_null (cs_scenario_get_deleted_by (loaded));
  g_assert_null (cs_scenario_get_deletion_reason (loaded));
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==, version + 2);

  g_clear_object (&live);
  g_clear_object (&deleted);
  live = cs_store_list_scenarios (store, &error);
  deleted = cs_store_list_deleted (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (deleted), ==, 0);
}

static guint
search_count (CsStore    *store,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = cs_store_search_scenarios (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return g_list_model_get_n_items (results);
}

static char *
search_first_title (CsStore    *store,
                    const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = cs_store_search_scenarios (store, query, &error);
  g_autoptr(CsScenario) first = NULL;

  g_assert_no_error (error);
  if (g_list_model_get_n_items (results) == 0)
    return NULL;
  first = g_list_model_get_item (results, 0);
  return g_strdup (cs_scenario_get_title (first));
}

static void
add_searchable (CsStore    *store,
                const char *title,
                const char *description,
                const char *tag)
{
  g_autoptr(CsScenario) scenario = cs_scenario_new (NULL);
  const char *tags[] = { tag, NULL };

  cs_scenario_set_title (scenario, title);
  cs_scenario_set_description (scenario, description);
  cs_scenario_set_tags (scenario, tags);
  save (store, scenario);
}

static void
test_search (void)
{
  g_autoptr(CsStore) store = open_new_store ("search");
  g_autoptr(CsScenario) gone = cs_scenario_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *hostile[] = {
    "\"", "*", "AND (", "OR", "NOT", "NEAR(", "title:supply", "^", "'", "\"\"*\"",
    "-", "a AND", ") OR (", "; DROP TABLE scenarios; --", "{title}", "\\", "🙂",
    "\xff\xfe broken utf-8", "   ", "a\"b*c", NULL,
  };
  char *title;

  add_searchable (store, "Union negotiation at Harlow", "A tense wage round.", "labour relations");
  add_searchable (store, "Café Müller expansion", "Should the café open a second site?", "retail");
  add_searchable (store, "Global sourcing", "Moving suppliers abroad; a negotiation appears here too.", "supply chain");
  add_searchable (store, "Plant closure", "Kellerton runs at 58 percent.", "operations");
  cs_scenario_set_title (gone, "Negotiation archive");
  save (store, gone);
  g_assert_true (cs_store_delete_scenario (store, cs_record_get_id (CS_RECORD (gone)), NULL, NULL, &error));

  /* Prefix of each word, stemmed words, any case. */
  g_assert_cmpuint (search_count (store, "nego"), ==, 2);
  g_assert_cmpuint (search_count (store, "negotia"), ==, 2);
  g_assert_cmpuint (search_count (store, "negotiating"), ==, 2);
  g_assert_cmpuint (search_count (store, "NEGOTIATIONS"), ==, 2);
  g_assert_cmpuint (search_count (store, "harl negot"), ==, 1);
  g_assert_cmpuint (search_count (store, "harlow sourcing"), ==, 0);

  /* Title matches rank above description matches. */
  title = search_first_title (store, "negotiation");
  g_assert_cmpstr (title, ==, "Union negotiation at Harlow");
  g_free (title);

  /* Diacritics either way. */
  g_assert_cmpuint (search_count (store, "cafe muller"), ==, 1);
  g_assert_cmpuint (search_count (store, "Müll"), ==, 1);
  g_assert_cmpuint (search_count (store, "CAFÉ"), ==, 1);

  /* Tags. */
  g_assert_cmpuint (search_count (store, "supply chain"), ==, 1);
  g_assert_cmpuint (search_count (store, "labour"), ==, 1);

  /* Empty query lists everything that is not deleted. */
  g_assert_cmpuint (search_count (store, ""), ==, 4);
  g_assert_cmpuint (search_count (store, NULL), ==, 4);
  g_assert_cmpuint (search_count (store, "archive"), ==, 0);

  /* Any text is a valid query. */
  for (guint i = 0; hostile[i]; i++)
    search_count (store, hostile[i]);
  g_assert_cmpuint (search_count (store, "\"negotiation\""), ==, 2);
  g_assert_cmpuint (search_count (store, "union:"), ==, 1);
  g_assert_cmpuint (search_count (store, "supply OR retail"), ==, 0);

  /* The index follows edits. */
  {
    g_autoptr(GListModel) hits = cs_store_search_scenarios (store, "kellerton", &error);
    g_autoptr(CsScenario) summary = g_list_model_get_item (hits, 0);
    g_autoptr(CsScenario) full = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (summary)), &error);

    g_assert_no_error (error);
    cs_scenario_set_description (full, "Ashby takes over the production.");
    save (store, full);
    g_assert_cmpuint (search_count (store, "kellerton"), ==, 0);
    g_assert_cmpuint (search_count (store, "ashby"), ==, 1);
  }
}

static void
test_meta (void)
{
  g_autoptr(CsStore) store = open_new_store ("meta");
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert_null (cs_store_dup_meta (store, "last-sync"));
  g_assert_true (cs_store_set_meta (store, "last-sync", "42", &error));
  g_assert_no_error (error);
  value = cs_store_dup_meta (store, "last-sync");
  g_assert_cmpstr (value, ==, "42");
  g_free (value);
  g_assert_true (cs_store_set_meta (store, "last-sync", "43", &error));
  value = cs_store_dup_meta (store, "last-sync");
  g_assert_cmpstr (value, ==, "43");
  g_free (value);
  g_assert_null (cs_store_dup_meta (store, "other"));
  g_assert_cmpint (outbox (store), ==, 0);
}

static void
test_sample (void)
{
  g_autoptr(CsStore) store = open_new_store ("sample");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) deleted = NULL;
  g_autoptr(CsScenario) summary = NULL;
  g_autoptr(CsScenario) full = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installed = NULL;
  gint64 entries;

  g_assert_true (cs_store_ensure_sample (store, &error));
  g_assert_no_error (error);
  installed = cs_store_dup_meta (store, "sample-installed");
  g_assert_nonnull (installed);

  list = cs_store_list_scenarios (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  summary = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cs_scenario_get_title (summary), !=, "");
  full = load (store, summary);
  g_assert_cmpuint (cs_scenario_get_n_personas (full), >, 0);
  g_assert_cmpuint (cs_scenario_get_n_scenes (full), >, 0);
  entries = outbox (store);

  /* Idempotent. */
  g_assert_true (cs_store_ensure_sample (store, &error));
  g_clear_object (&list);
  list = cs_store_list_scenarios (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (outbox (store), ==, entries);

  /* Not brought back once the user deleted it. */
  g_assert_true (cs_store_delete_scenario (store, cs_record_get_id (CS_RECORD (summary)), NULL, NULL, &error));
  g_assert_true (cs_store_ensure_sample (store, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = cs_store_list_scenarios (store, &error);
  deleted = cs_store_list_deleted (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (deleted), ==, 1);
}

static void
test_reopen (void)
{
  g_autoptr(CsStore) store = open_new_store ("reopen");
  g_autoptr(CsScenario) scenario = make_scenario ("Kept");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  int version = cs_store_get_schema_version (store);

  save (store, scenario);
  g_clear_object (&store);

  store = cs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_store_get_schema_version (store), ==, version);
  loaded = load (store, scenario);
  cs_test_assert_scenarios_equal (scenario, loaded);
  g_assert_cmpint (outbox (store), ==, 6);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = store_test_db_path ("newer");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize len_before, len_after;
  int newest;
  sqlite3 *db = NULL;

  /* What this build knows. */
  store = open_new_store ("newest");
  newest = cs_store_get_schema_version (store);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = %d;",
                         newest + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  store = cs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "Update Case Studio"));

  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* chmod does not stop root: find out by trying. */
static gboolean
can_write_in (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  gboolean writable = g_file_set_contents (probe, "x", 1, NULL);

  g_unlink (probe);
  return writable;
}

static void
test_read_only_dir (void)
{
  g_autofree char *base = store_test_db_path ("read-only");
  g_autofree char *dir = g_strconcat (base, ".d", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0500), ==, 0);
  if (can_write_in (dir))
    {
      g_chmod (dir, 0700);
      g_test_skip ("chmod does not stop this user (root?) from writing");
      return;
    }

  store = cs_store_open (path, &error);
  g_chmod (dir, 0700);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_file (void)
{
  g_autoptr(CsStore) store = open_new_store ("read-only-file");
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  if (g_access (path, W_OK) == 0)
    {
      g_chmod (path, 0600);
      g_test_skip ("chmod does not stop this user (root?) from writing");
      return;
    }

  store = cs_store_open (path, &error);
  g_chmod (path, 0600);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY);
}

static void
test_locked (void)
{
  g_autoptr(CsStore) store = open_new_store ("locked");
  g_autoptr(CsScenario) scenario = make_scenario ("Before the lock");
  g_autoptr(CsScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries, start, elapsed;
  sqlite3 *other;

  save (store, scenario);
  entries = outbox (store);

  other = open_raw (cs_store_get_path (store));
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  cs_scenario_set_title (scenario, "During the lock");
  start = g_get_monotonic_time ();
  g_assert_false (cs_store_save_scenario (store, scenario, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Try again"));
  g_assert_cmpint (elapsed, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Reading still works while another program writes. */
  loaded = load (store, scenario);
  g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Before the lock");

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_clear_object (&loaded);
  loaded = load (store, scenario);
  g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Before the lock");
  g_assert_cmpint (outbox (store), ==, entries);

  /* Once the lock is gone the same save works. */
  save (store, scenario);
  g_clear_object (&loaded);
  loaded = load (store, scenario);
  g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "During the lock");
}

/* A real "disk full": the child may not grow any file past 256 KiB (RLIMIT_FSIZE), so the
 * write of a 2 MiB save fails half way, as it would on a full disk. */
#define FULL_LIMIT (256 * 1024)

static void
test_full (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsStore) store = cs_store_open (g_getenv ("CS_TEST_FULL_DB"), &error);
      g_autoptr(CsScenario) scenario = NULL;
      g_autofree char *big = g_malloc (4 * FULL_LIMIT + 1);
      struct rlimit limit = { FULL_LIMIT, FULL_LIMIT };

      g_assert_no_error (error);
      scenario = cs_store_load_scenario (store, g_getenv ("CS_TEST_FULL_ID"), &error);
      g_assert_no_error (error);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      memset (big, 'x', 4 * FULL_LIMIT);
      big[4 * FULL_LIMIT] = '\0';
      cs_scenario_set_title (scenario, "After the disk filled");
      cs_scenario_set_source_text (scenario, big);
      g_assert_false (cs_store_save_scenario (store, scenario, &error));
      g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FULL);
      g_printerr ("%s\n", error->message);
      return;
    }

  {
    g_autoptr(CsStore) store = open_new_store ("full");
    g_autoptr(CsScenario) scenario = make_scenario ("Before the disk filled");
    g_autoptr(CsScenario) loaded = NULL;
    g_autofree char *path = g_strdup (cs_store_get_path (store));
    gint64 entries;

    save (store, scenario);
    entries = outbox (store);
    g_clear_object (&store);

    g_setenv ("CS_TEST_FULL_DB", path, TRUE);
    g_setenv ("CS_TEST_FULL_ID", cs_record_get_id (CS_RECORD (scenario)), TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*disk is full*nothing was changed*");

    store = cs_store_open (path, NULL);
    g_assert_nonnull (store);
    loaded = load (store, scenario);
    g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Before the disk filled");
    g_assert_cmpint (outbox (store), ==, entries);

    /* With room again the same save works. */
    cs_scenario_set_title (loaded, "After the disk filled");
    save (store, loaded);
  }
}

static void
test_corrupt (void)
{
  g_autofree char *path = store_test_db_path ("corrupt");
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (garbage, "This is not a database. ");
  g_assert_true (g_file_set_contents (path, garbage->str, garbage->len, NULL));

  store = cs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "backup"));
}

static void
test_corrupt_pages (void)
{
  g_autoptr(CsStore) store = open_new_store ("corrupt-pages");
  g_autoptr(CsScenario) scenario = make_scenario ("Damaged");
  g_autofree char *path = g_strdup (cs_store_get_path (store));
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) loaded = NULL;
  g_autofree char *data = NULL;
  gsize length;

  save (store, scenario);
  g_clear_object (&store);   /* checkpoints the WAL into the file */

  /* Overwrite every page after the first (the schema stays readable). */
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (data + 4096, 0x5a, length - 4096);
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  store = cs_store_open (path, &error);
  if (store)
    {
      loaded = cs_store_load_scenario (store, cs_record_get_id (CS_RECORD (scenario)), &error);
      g_assert_null (loaded);
    }
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT);
}

/* Async */

typedef struct {
  GMainLoop *loop;
  GError    *error;
  gpointer   result;
  gboolean   ok;
  GThread   *signal_thread;
} AsyncResult;

static void
async_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = cs_store_save_scenario_finish (CS_STORE (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
async_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->result = cs_store_load_scenario_finish (CS_STORE (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
async_searched (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->result = cs_store_search_scenarios_finish (CS_STORE (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
record_signal_thread (CsStore    *store,
                      const char *id,
                      gpointer    user_data)
{
  AsyncResult *r = user_data;

  r->signal_thread = g_thread_self ();
}

static void
test_async (void)
{
  g_autoptr(CsStore) store = open_new_store ("async");
  g_autoptr(CsScenario) scenario = make_scenario ("Async");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncResult r = { loop, NULL, NULL, FALSE, NULL };

  g_signal_connect (store, "scenario-changed", G_CALLBACK (record_signal_thread), &r);
  cs_store_save_scenario_async (store, scenario, NULL, async_saved, &r);
  /* Edits after the call do not reach the worker: it writes the state of the call. */
  cs_scenario_set_title (scenario, "Edited after the call");
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (r.signal_thread == g_thread_self ());

  cs_store_load_scenario_async (store, cs_record_get_id (CS_RECORD (scenario)), NULL, async_loaded, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_cmpstr (cs_scenario_get_title (r.result), ==, "Async");
  g_clear_object (&r.result);

  cs_store_search_scenarios_async (store, "async", NULL, async_searched, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_cmpuint (g_list_model_get_n_items (r.result), ==, 1);
  g_clear_object (&r.result);

  /* Cancelled before it runs: nothing is done. */
  g_cancellable_cancel (cancelled);
  cs_store_save_scenario_async (store, scenario, cancelled, async_saved, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (r.ok);
  g_clear_error (&r.error);

  cs_store_load_scenario_async (store, cs_record_get_id (CS_RECORD (scenario)), cancelled, async_loaded, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r.result);
  g_clear_error (&r.error);

  cs_store_search_scenarios_async (store, "async", cancelled, async_searched, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);

  {
    g_autoptr(CsScenario) loaded = load (store, scenario);

    g_assert_cmpstr (cs_scenario_get_title (loaded), ==, "Async");
  }
}

/* Runs: progress, scene progress and messages round-trip; messages are append-only; each
 * row has its outbox entry, the newest state of a progress row superseding the older. */
static void
test_runs (void)
{
  g_autoptr(CsStore) store = open_new_store ("runs");
  g_autoptr(CsScenario) scenario = make_scenario ("Runs");
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(CsMessage) first = cs_message_new (CS_MESSAGE_KIND_USER, "You", "Hello?");
  g_autoptr(CsMessage) second = cs_message_new (CS_MESSAGE_KIND_PERSONA, "Ana", "Hello.");
  g_autoptr(CsProgress) loaded = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GListModel) scenes = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScene) scene = NULL;
  const char *pid = cs_record_get_id (CS_RECORD (progress));
  const char *completed[] = { "scene-a", NULL };
  gint64 before;

  save (store, scenario);
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
  before = outbox (store);

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_scenes_completed (progress, completed);
  cs_progress_set_hints_used (progress, 2);
  cs_progress_set_orchestrator_state (progress, "{\"scene_index\":1}");
  cs_scene_progress_set_progress_id (scene_progress, pid);
  cs_scene_progress_set_scene_id (scene_progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (scene_progress, CS_SCENE_STATUS_FORCED);
  cs_scene_progress_set_forced_progression (scene_progress, TRUE);
  cs_scene_progress_set_score (scene_progress, 0.25);
  cs_scene_progress_set_criteria_results (scene_progress, "[{\"id\":\"c\",\"met\":false}]");
  for (guint i = 0; i < 2; i++)
    {
      CsMessage *message = i == 0 ? first : second;

      cs_message_set_progress_id (message, pid);
      cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
      cs_message_set_position (message, i);
    }
  cs_message_set_persona_id (second, "persona-ana");

  g_assert_true (cs_store_save_run (store, progress, &scene_progress, 1, &first, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox (store) - before, ==, 3);

  /* Saving again: the progress entries are superseded, a stored message is not written
   * twice, even when changed in memory; the new one is appended. */
  cs_progress_set_hints_used (progress, 3);
  cs_message_set_content (first, "Changed");
  {
    CsMessage *both[] = { first, second };

    g_assert_true (cs_store_save_run (store, progress, &scene_progress, 1, both, 2, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (outbox (store) - before, ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'message'"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT json_extract (payload, '$.hints_used') FROM outbox "
                                     "WHERE entity = 'progress'"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT json_extract (payload, '$.forced_progression') FROM outbox "
                                     "WHERE entity = 'scene_progress'"), ==, 1);

  loaded = cs_store_load_progress (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_progress_get_hints_used (loaded), ==, 3);
  g_assert_cmpint (cs_progress_get_status (loaded), ==, CS_PROGRESS_STATUS_IN_PROGRESS);
  g_assert_cmpstrv (cs_progress_get_scenes_completed (loaded), completed);
  g_assert_cmpstr (cs_progress_get_orchestrator_state (loaded), ==, "{\"scene_index\":1}");
  g_assert_cmpint (cs_record_get_version (CS_RECORD (loaded)), ==,
                   cs_record_get_version (CS_RECORD (progress)));

  scenes = cs_store_list_scene_progress (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (scenes), ==, 1);
  {
    g_autoptr(CsSceneProgress) item = g_list_model_get_item (scenes, 0);

    g_assert_cmpint (cs_scene_progress_get_status (item), ==, CS_SCENE_STATUS_FORCED);
    g_assert_true (cs_scene_progress_get_forced_progression (item));
    g_assert_cmpfloat (cs_scene_progress_get_score (item), ==, 0.25);
    g_assert_cmpstr (cs_scene_progress_get_criteria_results (item), ==,
                     "[{\"id\":\"c\",\"met\":false}]");
  }

  messages = cs_store_list_messages (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);
  {
    g_autoptr(CsMessage) a = g_list_model_get_item (messages, 0);
    g_autoptr(CsMessage) b = g_list_model_get_item (messages, 1);

    g_assert_cmpstr (cs_message_get_content (a), ==, "Hello?");
    g_assert_cmpint (cs_message_get_kind (b), ==, CS_MESSAGE_KIND_PERSONA);
    g_assert_cmpstr (cs_message_get_persona_id (b), ==, "persona-ana");
    g_assert_cmpstr (cs_record_get_id (CS_RECORD (b)), ==, cs_record_get_id (CS_RECORD (second)));
  }

  runs = cs_store_list_progress (store, NULL, cs_record_get_id (CS_RECORD (scenario)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);

  g_clear_object (&loaded);
  loaded = cs_store_load_progress (store, "no-such-run", &error);
  g_assert_null (loaded);
  g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND);
}

static guint
n_statements (CsStore *store)
{
  guint n;

  cs_store_lock_db (store);
  n = cs_store_statements_get_size (cs_store_get_statements (store));
  cs_store_unlock_db (store);
  return n;
}

static CsMessage *
turn_message (const char *progress_id,
              int         position,
              const char *content)
{
  CsMessage *message = cs_message_new (CS_MESSAGE_KIND_USER, "You", content);

  cs_message_set_progress_id (message, progress_id);
  cs_message_set_position (message, position);
  return message;
}

/* A turn's writes reuse the connection's prepared statements: the cache stops growing
 * after the first turn, and a write that fails half-way (a clash on a message's position)
 * leaves no statement in a state that spoils the next turn. */
static void
test_runs_statements (void)
{
  g_autoptr(CsStore) store = open_new_store ("runs-statements");
  g_autoptr(CsScenario) scenario = make_scenario ("Statements");
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) scene_progress = cs_scene_progress_new (NULL);
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(CsProgress) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *pid = cs_record_get_id (CS_RECORD (progress));
  guint after_first;

  save (store, scenario);
  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_scene_progress_set_progress_id (scene_progress, pid);
  cs_scene_progress_set_scene_id (scene_progress, "scene-a");
  {
    g_autoptr(CsMessage) a = turn_message (pid, 0, "First question");
    g_autoptr(CsMessage) b = turn_message (pid, 1, "First answer");
    CsMessage *both[] = { a, b };

    g_assert_true (cs_store_save_run (store, progress, &scene_progress, 1, both, 2, &error));
    g_assert_no_error (error);
  }
  after_first = n_statements (store);
  /* progress, scene progress and message rows, their outbox entries, the superseding */
  g_assert_cmpuint (after_first, >=, 5);

  /* position 1 is taken by another message: the write fails and is rolled back */
  cs_progress_set_hints_used (progress, 1);
  {
    g_autoptr(CsMessage) clash = turn_message (pid, 1, "Clash");

    g_assert_false (cs_store_save_run (store, progress, &scene_progress, 1, &clash, 1, &error));
    g_assert_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED);
    g_clear_error (&error);
  }

  for (int turn = 2; turn < 6; turn++)
    {
      g_autofree char *text = g_strdup_printf ("Question %d", turn);
      g_autoptr(CsMessage) message = turn_message (pid, turn, text);

      cs_progress_set_hints_used (progress, turn);
      cs_scene_progress_set_attempts (scene_progress, turn);
      g_assert_true (cs_store_save_run (store, progress, &scene_progress, 1, &message, 1, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_statements (store), ==, after_first);
    }

  loaded = cs_store_load_progress (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_progress_get_hints_used (loaded), ==, 5);
  messages = cs_store_list_messages (store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *expected = i < 2 ? g_strdup (i == 0 ? "First question" : "First answer")
                                        : g_strdup_printf ("Question %u", i);

      g_assert_cmpint (cs_message_get_position (message), ==, (int) i);
      g_assert_cmpstr (cs_message_get_content (message), ==, expected);
    }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM outbox WHERE entity = 'message'"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT json_extract (payload, '$.attempts') FROM outbox "
                                     "WHERE entity = 'scene_progress'"), ==, 5);
}

int
main (int argc, char **argv)
{
  int status;

  store_test_setup_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new", test_open_new);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/scenario/round-trip", test_round_trip);
  g_test_add_func ("/store/scenario/unknown-id", test_unknown_id);
  g_test_add_func ("/store/scenario/outbox-per-change", test_outbox_per_change);
  g_test_add_func ("/store/scenario/failed-save", test_failed_save);
  g_test_add_func ("/store/scenario/child-removal", test_child_removal);
  g_test_add_func ("/store/scenario/ordering", test_ordering);
  g_test_add_func ("/store/runs", test_runs);
  g_test_add_func ("/store/runs/statements", test_runs_statements);
  g_test_add_func ("/store/scenario/list", test_list);
  g_test_add_func ("/store/scenario/delete-restore", test_delete_restore);
  g_test_add_func ("/store/search", test_search);
  g_test_add_func ("/store/meta", test_meta);
  g_test_add_func ("/store/sample", test_sample);
  g_test_add_func ("/store/migrations/reopen", test_reopen);
  g_test_add_func ("/store/migrations/newer-schema", test_newer_schema);
  g_test_add_func ("/store/errors/read-only-dir", test_read_only_dir);
  g_test_add_func ("/store/errors/read-only-file", test_read_only_file);
  g_test_add_func ("/store/errors/locked", test_locked);
  g_test_add_func ("/store/errors/full", test_full);
  g_test_add_func ("/store/errors/corrupt", test_corrupt);
  g_test_add_func ("/store/errors/corrupt-pages", test_corrupt_pages);
  g_test_add_func ("/store/async", test_async);

  status = g_test_run ();
  store_test_cleanup_dirs ();
  return status;
}
