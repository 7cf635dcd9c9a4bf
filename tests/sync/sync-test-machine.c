/* sync-test-machine.c: a "machine" for sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-test-machine.h"
#include "cs-enrolment.h"
#include "cs-server-schema.h"

static char *instructor;
static char *password;

char *
sync_test_instructor_conninfo (SyncTestServer *server,
                               const char     *extra)
{
  if (!instructor)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      g_assert_true (cs_server_schema_init (server->super, NULL, &error));
      g_assert_no_error (error);
      instructor = sync_test_user_name (server, "syncer");
      password = g_strdup_printf ("pw-%08x", g_random_int ());
      id = cs_server_add_instructor (server->super, instructor, password, "Sync Tester", &error);
      g_assert_no_error (error);
      g_assert_nonnull (id);
    }

  return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=%s %s",
                          g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432",
                          server->dbname, instructor, password, extra ? extra : "");
}

void
sync_test_machine_init (SyncTestMachine *machine,
                        SyncTestServer  *server,
                        const char      *conninfo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("library-%08x.db", g_random_int ());
  g_autofree char *path = g_build_filename (server->tmpdir, name, NULL);

  machine->store = cs_store_open (path, &error);
  g_assert_no_error (error);
  machine->server = cs_server_new (conninfo);
  machine->sync = cs_sync_new (machine->store, machine->server);
}

void
sync_test_machine_clear (SyncTestMachine *machine)
{
  g_clear_object (&machine->sync);
  g_clear_object (&machine->server);
  g_clear_object (&machine->store);
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
  g_assert_true (cs_persona_set_trait (persona, "openness", 7));
  g_assert_true (cs_persona_set_trait (persona, "assertiveness", 3));
  cs_persona_set_avatar_color (persona, "#3584e4");
  cs_persona_set_is_main_character (persona, main_character);
  return persona;
}

static CsScene *
make_scene (const char *title,
            CsPersona  *key,
            CsPersona  *other)
{
  CsScene *scene = cs_scene_new (NULL);
  const char *triggers[] = { "asks for the numbers", NULL };
  g_autoptr(CsGoalCriterion) first = cs_goal_criterion_new ("Asks about capacity", 0.6);
  g_autoptr(CsGoalCriterion) second = cs_goal_criterion_new ("Proposes a next step", 0.4);

  cs_scene_set_title (scene, title);
  cs_scene_set_description (scene, "The meeting room, Monday morning.");
  cs_scene_set_user_goal (scene, "Find out why utilization is at 58%");
  cs_scene_set_success_threshold (scene, 0.65);
  cs_scene_set_timeout_turns (scene, 12);
  cs_scene_set_hint_triggers (scene, triggers);
  cs_scene_add_criterion (scene, first);
  cs_scene_add_criterion (scene, second);
  cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (key)), CS_INVOLVEMENT_KEY);
  cs_scene_set_involvement (scene, cs_record_get_id (CS_RECORD (other)), CS_INVOLVEMENT_MENTIONED);
  cs_scene_set_persona_instruction (scene, cs_record_get_id (CS_RECORD (key)), "Be guarded at first.");
  return scene;
}

CsScenario *
sync_test_make_scenario (const char *title)
{
  CsScenario *scenario = cs_scenario_new (NULL);
  const char *tags[] = { "plant closure", "operations", NULL };
  g_autoptr(CsPersona) ana = make_persona ("Ana Ruiz", "Plant manager", TRUE);
  g_autoptr(CsPersona) ben = make_persona ("Ben Okafor", "CFO", FALSE);
  const char *scene_titles[] = { "The plant tour", "The numbers", "The board" };

  cs_scenario_set_title (scenario, title);
  cs_scenario_set_description (scenario, "A valve maker lost its largest customer.");
  cs_scenario_set_industry (scenario, "Manufacturing");
  cs_scenario_set_difficulty (scenario, CS_DIFFICULTY_ADVANCED);
  cs_scenario_set_tags (scenario, tags);
  cs_scenario_set_is_public (scenario, TRUE);
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

void
sync_test_save (SyncTestMachine *machine,
                CsScenario      *scenario)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_store_save_scenario (machine->store, scenario, &error));
  g_assert_no_error (error);
}

CsScenario *
sync_test_load (SyncTestMachine *machine,
                const char      *id)
{
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_store_load_scenario (machine->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

guint
sync_test_push (SyncTestMachine  *machine,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint n = G_MAXUINT;

  cs_sync_push_async (machine->sync, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  if (!cs_sync_push_finish (machine->sync, result, &n, error))
    return G_MAXUINT;
  return n;
}

guint
sync_test_pull (SyncTestMachine  *machine,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint n = G_MAXUINT;

  cs_sync_pull_async (machine->sync, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  if (!cs_sync_pull_finish (machine->sync, result, &n, error))
    return G_MAXUINT;
  return n;
}

char *
sync_test_open_class (SyncTestMachine *teacher,
                      const char      *conninfo,
                      CsScenario      *scenario,
                      const char      *title,
                      guint            n_students,
                      char           **code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *cohort = NULL;
  char *version;
  int number = 0;

  sync_test_save (teacher, scenario);
  g_assert_cmpuint (sync_test_push (teacher, &error), !=, G_MAXUINT);
  g_assert_no_error (error);
  conn = cs_pg_connect (conninfo, &error);
  g_assert_no_error (error);
  g_free (cs_enrolment_publish (conn, cs_record_get_id (CS_RECORD (scenario)), &number, &error));
  g_assert_no_error (error);
  cohort = cs_enrolment_create_cohort (conn, title, "CLASS-1", TRUE, &error);
  g_assert_no_error (error);
  version = cs_enrolment_assign (conn, cohort, cs_record_get_id (CS_RECORD (scenario)), NULL, &error);
  g_assert_no_error (error);
  *code = cs_enrolment_create_invitation (conn, cohort, (int) n_students, NULL, 1, &error);
  g_assert_no_error (error);
  return version;
}

char *
sync_test_join (SyncTestServer *server,
                int             port,
                const char     *code,
                const char     *name,
                const char     *secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_strdup_printf ("host=127.0.0.1 port=%d dbname=%s", port, server->dbname);
  CsJoinResult *joined = cs_enrolment_join (link, code, name, secret, name, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (joined->status, ==, "approved");
  cs_join_result_free (joined);
  return g_strdup_printf ("host=127.0.0.1 port=%d dbname=%s user=%s password=%s",
                          port, server->dbname, name, secret);
}

void
sync_test_join_as (SyncTestServer *server,
                   const char     *code,
                   const char     *base,
                   const char     *expected_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sync_test_user_name (server, base);
  g_autofree char *conninfo = sync_test_tcp_conninfo (server, "nobody", NULL);
  g_autoptr(CsJoinResult) joined = cs_enrolment_join (conninfo, code, name, "student-password", base, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (joined->status, ==, expected_status);
}

void
sync_test_start_run (const char       *version,
                     CsScene          *scene,
                     CsProgress      **progress,
                     CsSceneProgress **scene_progress)
{
  *progress = cs_progress_new (NULL);
  cs_progress_set_scenario_id (*progress, version);
  cs_progress_set_status (*progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_progress_set_current_scene_id (*progress, cs_record_get_id (CS_RECORD (scene)));
  *scene_progress = cs_scene_progress_new (NULL);
  cs_scene_progress_set_progress_id (*scene_progress, cs_record_get_id (CS_RECORD (*progress)));
  cs_scene_progress_set_scene_id (*scene_progress, cs_record_get_id (CS_RECORD (scene)));
  cs_scene_progress_set_status (*scene_progress, CS_SCENE_STATUS_IN_PROGRESS);
}

int
sync_test_count (SyncTestServer *server,
                 const char     *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT FROM cs.%s", table);

  return sync_test_rows (server->super, sql, NULL);
}

char *
sync_test_server_state (SyncTestServer *server)
{
  return sync_test_value (server->super,
                          "SELECT string_agg (r, ' ' ORDER BY r) FROM ("
                          "  SELECT id || ':' || version || ':' || change_seq AS r FROM cs.scenarios"
                          "  UNION ALL SELECT id || ':' || version || ':' || change_seq FROM cs.personas"
                          "  UNION ALL SELECT id || ':' || version || ':' || change_seq FROM cs.scenes"
                          "  UNION ALL SELECT scene_id || '/' || persona_id || ':' || change_seq"
                          "    FROM cs.scene_personas) rows", NULL);
}
