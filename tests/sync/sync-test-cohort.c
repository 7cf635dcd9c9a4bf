/* sync-test-cohort.c: a seeded cohort for the dashboard's UI test and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-test-cohort.h"

#define SEED_FUNCTION \
  "CREATE OR REPLACE FUNCTION pg_temp.seed_cohort (who text, n_students integer, n_cases integer, " \
  "                                                n_scenes integer) RETURNS uuid " \
  "LANGUAGE plpgsql AS $$ " \
  "DECLARE " \
  "  teacher uuid := (SELECT id FROM cs.users WHERE role_name = who); " \
  "  cohort uuid := gen_random_uuid (); " \
  "  firsts text[] := ARRAY['Ada','Ben','Chloé','Dmitri','Esther','Farid','Grace','Hiro','Ines','Jonas'," \
  "                         'Kemi','Luca','Mei','Nadia','Omar','Priya','Quinn','Rosa','Sven','Tariq']; " \
  "  lasts text[] := ARRAY['Okafor','Lindqvist','Moreau','Tanaka','Alvarez','Novak','Haddad','Kowalski'," \
  "                        'Ferreira','O''Brien','Schmidt','Nguyen','Rossi','Andersen','Mbeki','Park']; " \
  "BEGIN " \
  "  CREATE TEMP TABLE seed_cases ON COMMIT DROP AS " \
  "    SELECT gen_random_uuid () AS id, c AS n FROM generate_series (1, n_cases) c; " \
  "  INSERT INTO cs.scenarios (id, owner_id, title, status, is_published, published_at) " \
  "    SELECT id, teacher, (ARRAY['Harlow Valves','Ridgeway Foods','Northwind Air','Blue Harbor Bank'," \
  "                               'Castell Pharma','Meridian Retail','Oakline Energy','Tessera Labs'," \
  "                               'Vantage Media','Willow Health'])[1 + (n - 1) % 10] " \
  "                || CASE WHEN n > 10 THEN ' ' || n ELSE '' END, 'active', true, now () FROM seed_cases; " \
  "  INSERT INTO cs.scenes (id, scenario_id, position, title) " \
  "    SELECT gen_random_uuid (), c.id, s - 1, 'Scene ' || s FROM seed_cases c, generate_series (1, n_scenes) s; " \
  "  INSERT INTO cs.cohorts (id, instructor_id, title, course_code, semester) " \
  "    VALUES (cohort, teacher, 'Operations Strategy', 'OPS-301', 'Spring'); " \
  "  INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by, assigned_at, due_date, is_required) " \
  "    SELECT gen_random_uuid (), cohort, id, teacher, now () - interval '21 days', now () + (n - 2) * interval '7 days', " \
  "           n % 3 <> 0 " \
  "      FROM seed_cases; " \
  "  CREATE TEMP TABLE seed_students ON COMMIT DROP AS " \
  "    SELECT gen_random_uuid () AS id, i FROM generate_series (1, n_students) i; " \
  "  INSERT INTO cs.users (id, role_name, display_name, kind) " \
  "    SELECT id, who || '_s' || i, firsts[1 + (i * 7) % 20] || ' ' || lasts[1 + (i * 5 + i / 16) % 16], 'student' " \
  "      FROM seed_students; " \
  "  INSERT INTO cs.cohort_students (id, cohort_id, student_id, status, approved_by, approved_at) " \
  "    SELECT gen_random_uuid (), cohort, id, 'approved', teacher, now () FROM seed_students; " \
  "  CREATE TEMP TABLE seed_runs ON COMMIT DROP AS " \
  "    SELECT gen_random_uuid () AS id, s.id AS student, c.id AS scenario, (s.i * 7 + c.n * 13) % 10 AS k, s.i, c.n " \
  "      FROM seed_students s, seed_cases c WHERE (s.i * 7 + c.n * 13) % 10 >= 2; " \
  "  INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, final_score, " \
  "                                total_time_spent, hints_used, started_at, last_activity, completed_at) " \
  "    SELECT id, student, scenario, CASE WHEN k < 5 THEN 'in_progress' ELSE 'completed' END, " \
  "           CASE WHEN k < 5 THEN (k - 1) * 100.0 / (n_scenes + 1) ELSE 100 END, " \
  "           CASE WHEN k < 5 THEN -1 ELSE 0.45 + ((i * 31 + n * 17) % 55) / 100.0 END, " \
  "           300 + (i * 97 + n * 31) % 3300, (i + n) % 4, now () - interval '3 days', " \
  "           now () - ((i * 11 + n) % 300) * interval '1 minute', " \
  "           CASE WHEN k >= 5 THEN now () - ((i + n * 3) % 20) * interval '1 day' END FROM seed_runs; " \
  "  INSERT INTO cs.scene_progress (id, progress_id, scene_id, status, attempts, hints_used, messages_sent, score) " \
  "    SELECT gen_random_uuid (), r.id, sc.id, " \
  "           CASE WHEN (r.i + sc.position) % 7 = 0 THEN 'forced' ELSE 'passed' END, 1, (r.i + sc.position) % 3, " \
  "           3 + (r.i * 3 + sc.position * 5) % 10, 0.4 + ((r.i * 13 + sc.position * 29) % 60) / 100.0 " \
  "      FROM seed_runs r JOIN cs.scenes sc ON sc.scenario_id = r.scenario " \
  "     WHERE sc.position < CASE WHEN r.k < 5 THEN r.k - 1 ELSE n_scenes END; " \
  "  RETURN cohort; " \
  "END $$"

char *
sync_test_seed_cohort (SyncTestServer *server,
                       const char     *instructor,
                       guint           n_students,
                       guint           n_assignments,
                       guint           n_scenes)
{
  g_autofree char *students = g_strdup_printf ("%u", n_students);
  g_autofree char *cases = g_strdup_printf ("%u", n_assignments);
  g_autofree char *scenes = g_strdup_printf ("%u", n_scenes);
  char *cohort;

  sync_test_rows (server->super, "BEGIN", NULL);
  sync_test_rows (server->super, SEED_FUNCTION, NULL);
  cohort = sync_test_value (server->super, "SELECT pg_temp.seed_cohort ($1, $2::integer, $3::integer, $4::integer)",
                            instructor, students, cases, scenes, NULL);
  sync_test_rows (server->super, "COMMIT", NULL);
  return cohort;
}

void
sync_test_seed_evidence (SyncTestServer *server,
                         const char     *run)
{
  /* A published version is frozen: its criteria go in with the guard triggers off. */
  sync_test_rows (server->super, "SET session_replication_role = replica", NULL);
  sync_test_rows (server->super,
    "UPDATE cs.scenes SET goal_criteria = '[{\"text\": \"Names the bottleneck\", \"weight\": 1},"
    "                                       {\"text\": \"Proposes a fix\", \"weight\": 1}]', success_threshold = 0.5 "
    "WHERE scenario_id = (SELECT scenario_id FROM cs.user_progress WHERE id = $1)", run, NULL);
  sync_test_rows (server->super, "RESET session_replication_role", NULL);
  sync_test_rows (server->super,
    "UPDATE cs.scene_progress sp SET score = 0.5, feedback = 'Good diagnosis, no plan yet.', criteria_results = "
    "  '[{\"text\": \"Names the bottleneck\", \"weight\": 1, \"met\": true, \"confidence\": 0.9,"
    "     \"evidence\": \"the valve line is the bottleneck\"},"
    "    {\"text\": \"Proposes a fix\", \"weight\": 1, \"met\": false, \"confidence\": 0.7, \"evidence\": null}]' "
    "FROM cs.scenes sc WHERE sp.progress_id = $1 AND sc.id = sp.scene_id AND sc.position = 0", run, NULL);
  sync_test_rows (server->super,
    "INSERT INTO cs.conversation_logs (id, progress_id, scene_id, kind, sender_name, content, position) "
    "SELECT gen_random_uuid (), $1, sc.id, m.kind, m.sender, m.content, m.position "
    "  FROM cs.scenes sc, (VALUES ('persona', 'Mara Quist', 'Where do orders pile up?', 1), "
    "                             ('user', 'Student', 'I think the valve line is the bottleneck here.', 2), "
    "                             ('system', '', 'Scene 1 begins.', 0), "
    "                             ('persona', 'Mara Quist', 'Then what would you change?', 3)) "
    "       AS m (kind, sender, content, position) "
    " WHERE sc.scenario_id = (SELECT scenario_id FROM cs.user_progress WHERE id = $1) AND sc.position = 0",
    run, NULL);
}

void
sync_test_seed_hints (SyncTestServer *server,
                      const char     *cohort)
{
  sync_test_rows (server->super,
    "INSERT INTO cs.conversation_logs (id, progress_id, scene_id, kind, sender_name, content, position) "
    "SELECT gen_random_uuid (), sp.progress_id, sp.scene_id, 'hint', 'Hint', "
    "       'Not there yet. Think about this part of your goal: ' || "
    "       (ARRAY['Names the root cause of the delays', 'Puts a number on what the delays cost', "
    "              'Proposes a fix the plant can afford'])[1 + sc.position % 3], "
    "       100 + n "
    "  FROM cs.scene_progress sp JOIN cs.scenes sc ON sc.id = sp.scene_id "
    "  JOIN cs.user_progress p ON p.id = sp.progress_id "
    "  JOIN cs.cohort_simulations a ON a.scenario_id = p.scenario_id AND a.cohort_id = $1 "
    "  CROSS JOIN LATERAL generate_series (1, sp.hints_used) n",
    cohort, NULL);
}
