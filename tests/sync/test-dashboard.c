/* test-dashboard.c: the server side of the cohort dashboard (006-dashboard.sql): the
 * student × assignment matrix, per-scene figures, grade overrides and their history, who
 * may see what, and NOTIFY cs_dashboard reaching another connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann (the instructor of the sync machines) publishes a case, opens a cohort and assigns the
 * case; four students join (three approved, one pending) and write their runs as themselves,
 * through their row policies. Bob, another instructor, tries to look and to grade.
 */

#include "config.h"


#include "cs-dashboard.h"
#include "cs-enrolment.h"
#include "cs-publisher.h"
#include "cs-server-schema.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *ann_conninfo;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static char *
student_conninfo (const char *base)
{
  g_autofree char *name = sync_test_user_name (&server, base);

  return sync_test_tcp_conninfo (&server, name, "student-password");
}

/* The matrix as @conn sees it, one line per row: "login status progress score late". */
static char *
matrix_of (PGconn     *conn,
           const char *cohort)
{
  return sync_test_value (conn,
    "SELECT string_agg (format ('%s %s %s %s %s %s', split_part (student_login, '_', 1), status, "
    "                           round (progress::numeric, 2), coalesce (round (score::numeric, 2)::text, '-'), "
    "                           CASE WHEN overridden THEN 'o' ELSE '-' END, CASE WHEN is_late THEN 'late' ELSE 'ok' END), "
    "                   ', ' ORDER BY student_login) FROM cs.cs_cohort_matrix ($1)", cohort, NULL);
}

typedef struct {
  char *cohort;
  char *version;       /* the assigned published version */
  char *bob_cohort;
} Seeded;

static void
seeded_clear (Seeded *seeded)
{
  g_free (seeded->cohort);
  g_free (seeded->version);
  g_free (seeded->bob_cohort);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seeded, seeded_clear)

/* Students <prefix>1 … <prefix>4 join; 1–3 are approved, 4 waits. */
static void
seed (Seeded     *seeded,
      PGconn     *ann,
      PGconn     *bob,
      const char *prefix)
{
  SyncTestMachine machine = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Harlow Valves");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due = g_date_time_add_days (g_date_time_new_now_utc (), 7);
  g_autofree char *open_code = NULL;
  g_autofree char *asking_code = NULL;
  g_autofree char *assigned = NULL;

  sync_test_machine_init (&machine, &server, ann_conninfo);
  sync_test_save (&machine, scenario);
  cs_publisher_publish_async (machine.sync, cs_record_get_id (CS_RECORD (scenario)), NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  seeded->version = cs_publisher_publish_finish (machine.sync, result, NULL, &error);
  g_assert_no_error (error);
  sync_test_machine_clear (&machine);

  seeded->cohort = cs_enrolment_create_cohort (ann, "Operations 2027", "OPS-101", FALSE, &error);
  g_assert_no_error (error);
  seeded->bob_cohort = cs_enrolment_create_cohort (bob, "Bob's seminar", NULL, TRUE, &error);
  g_assert_no_error (error);

  open_code = cs_enrolment_create_invitation (ann, seeded->cohort, 3, NULL, 1, &error);
  g_assert_no_error (error);
  asking_code = cs_enrolment_create_invitation (ann, seeded->cohort, 1, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *base = g_strdup_printf ("%s%u", prefix, i);

      sync_test_join_as (&server, i < 4 ? open_code : asking_code, base, i < 4 ? "approved" : "pending");
    }

  assigned = cs_enrolment_assign (ann, seeded->cohort, cs_record_get_id (CS_RECORD (scenario)), due, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, seeded->version);
}

/* A run of the student on @conn at @version: its scene progress for the first @n_scenes
 * scenes (each passed with @scene_score and 4 turns); returns the run's id. */
static char *
write_run (PGconn     *conn,
           const char *version,
           const char *status,
           const char *completion,
           const char *final_score,
           int         n_scenes,
           const char *scene_score)
{
  g_autofree char *run = g_uuid_string_random ();
  g_autofree char *limit = g_strdup_printf ("%d", n_scenes);

  sync_test_rows (conn,
    "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, final_score, "
    "  total_time_spent, hints_used, started_at, last_activity, completed_at) "
    "SELECT $1, id, $2, $3, $4::double precision, $5::double precision, 600, 1, now (), now (), "
    "       CASE WHEN $3 = 'completed' THEN now () END FROM cs.users WHERE role_name = current_user",
    run, version, status, completion, final_score, NULL);
  sync_test_rows (conn,
    "INSERT INTO cs.scene_progress (id, progress_id, scene_id, status, attempts, hints_used, messages_sent, score) "
    "SELECT gen_random_uuid (), $1, id, 'passed', 1, position, 4, $3::double precision FROM cs.scenes "
    "WHERE scenario_id = $2 ORDER BY position LIMIT $4::integer",
    run, version, scene_score, limit, NULL);
  return g_steal_pointer (&run);
}

static void
test_matrix_and_security (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob");
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_autoptr(PGconn) bob = sync_test_connect_as (&server, bob_name, "instructor-pw");
  g_autofree char *stu1_info = student_conninfo ("stu1");
  g_autofree char *stu2_info = student_conninfo ("stu2");
  g_autofree char *stu4_info = student_conninfo ("stu4");
  g_autoptr(PGconn) stu1 = NULL;
  g_autoptr(PGconn) stu2 = NULL;
  g_autoptr(PGconn) stu4 = NULL;
  g_autofree char *matrix = NULL;
  g_autofree char *run1 = NULL;
  g_autofree char *run2 = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *scenes = NULL;
  g_auto(Seeded) seeded = { 0 };

  g_assert_no_error (error);
  seed (&seeded, ann, bob, "stu");
  stu1 = sync_test_connect (stu1_info);
  stu2 = sync_test_connect (stu2_info);
  stu4 = sync_test_connect (stu4_info);

  /* Assigned, nobody started: a row per approved student, the pending one left out. */
  matrix = matrix_of (ann, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 not_started 0.00 - - ok, stu2 not_started 0.00 - - ok, "
                               "stu3 not_started 0.00 - - ok");
  g_clear_pointer (&matrix, g_free);

  /* The students' runs, written as themselves. */
  run1 = write_run (stu1, seeded.version, "in_progress", "33.3", "-1", 1, "0.8");
  run2 = write_run (stu2, seeded.version, "completed", "100", "0.75", 3, "0.6");
  g_assert_cmpstr (sync_test_error (stu4, "INSERT INTO cs.user_progress (id, user_id, scenario_id) "
                                    "SELECT gen_random_uuid (), id, $1 FROM cs.users WHERE role_name = current_user",
                                    seeded.version, NULL), ==, "42501");
  matrix = matrix_of (ann, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 in_progress 0.33 - - ok, stu2 completed 1.00 0.75 - ok, "
                               "stu3 not_started 0.00 - - ok");
  g_clear_pointer (&matrix, g_free);
  {
    g_autofree char *row = sync_test_value (ann, "SELECT format ('%s|%s|%s|%s|%s', progress_id, time_spent, hints_used, "
                                            "  scenario_title, is_required) "
                                            "FROM cs.cs_cohort_matrix ($1) WHERE student_login LIKE 'stu2%'",
                                            seeded.cohort, NULL);
    g_autofree char *expected = g_strdup_printf ("%s|600|1|Harlow Valves|t", run2);

    g_assert_cmpstr (row, ==, expected);
  }

  /* A newer attempt is the one shown; the older one stays on the server. */
  {
    g_autofree char *retry = g_uuid_string_random ();

    sync_test_rows (stu1, "INSERT INTO cs.user_progress (id, user_id, scenario_id, attempt, status, completion_percentage) "
                    "SELECT $1, id, $2, 2, 'in_progress', 66.7 FROM cs.users WHERE role_name = current_user",
                    retry, seeded.version, NULL);
    matrix = sync_test_value (ann, "SELECT round (progress::numeric, 2) || ' ' || progress_id FROM cs.cs_cohort_matrix ($1) "
                              "WHERE student_login LIKE 'stu1%'", seeded.cohort, NULL);
    g_assert_true (g_str_has_prefix (matrix, "0.67 "));
    g_assert_cmpstr (matrix + 5, ==, retry);
    g_clear_pointer (&matrix, g_free);
    sync_test_rows (server.super, "DELETE FROM cs.user_progress WHERE id = $1", retry, NULL);
  }

  /* Late: past the due date and not completed, or completed after it. */
  sync_test_rows (server.super, "UPDATE cs.cohort_simulations SET due_date = now () - interval '1 day' "
                  "WHERE cohort_id = $1", seeded.cohort, NULL);
  matrix = matrix_of (ann, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 in_progress 0.33 - - late, stu2 completed 1.00 0.75 - late, "
                               "stu3 not_started 0.00 - - late");
  g_clear_pointer (&matrix, g_free);
  sync_test_rows (server.super, "UPDATE cs.user_progress SET completed_at = now () - interval '2 days' "
                  "WHERE id = $1", run2, NULL);
  matrix = matrix_of (ann, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 in_progress 0.33 - - late, stu2 completed 1.00 0.75 - ok, "
                               "stu3 not_started 0.00 - - late");
  g_clear_pointer (&matrix, g_free);

  /* Per scene: stu1 passed the first, stu2 all three; turns and hints add up. */
  stats = sync_test_value (ann, "SELECT string_agg (format ('%s:%s/%s:%s:%s:%s', scene_number, passed, started, "
                           "  round (pass_rate::numeric, 2), round (average_turns::numeric, 1), hints_used), ' ' "
                           "  ORDER BY scene_number) FROM cs.cs_cohort_scene_stats ($1)", seeded.cohort, NULL);
  g_assert_cmpstr (stats, ==, "1:2/2:1.00:4.0:0 2:1/1:1.00:4.0:1 3:1/1:1.00:4.0:2");
  scenes = sync_test_value (ann, "SELECT string_agg (coalesce (round (score::numeric, 2)::text, '-'), ' ' "
                            "  ORDER BY student_id, scene_number) FROM cs.cs_cohort_scene_scores ($1) s "
                            "JOIN cs.users u ON u.id = s.student_id WHERE u.role_name LIKE 'stu2%'",
                            seeded.cohort, NULL);
  g_assert_cmpstr (scenes, ==, "0.60 0.60 0.60");

  /* The most used hints: by times given, with the students they were given to; a hint in
   * the second scene of stu2 alone ranks after the first scene's hint given three times. */
  sync_test_rows (server.super,
                  "INSERT INTO cs.conversation_logs (id, progress_id, scene_id, kind, content, position) "
                  "SELECT gen_random_uuid (), h.run::uuid, sc.id, 'hint', h.content, h.position "
                  "  FROM (VALUES ($1, 0, 'Ask about the bottleneck', 5), ($1, 0, 'Ask about the bottleneck', 9), "
                  "               ($2, 0, 'Ask about the bottleneck', 4), ($2, 1, 'Propose a fix', 12)) "
                  "       AS h (run, scene, content, position) "
                  "  JOIN cs.user_progress p ON p.id = h.run::uuid "
                  "  JOIN cs.scenes sc ON sc.scenario_id = p.scenario_id AND sc.position = h.scene",
                  run1, run2, NULL);
  {
    const char *top = "SELECT string_agg (format ('%s:%s:%s:%s', scene_number, hint, uses, students), ' | ') "
                      "FROM cs.cs_cohort_top_hints ($1)";
    g_autofree char *ann_hints = sync_test_value (ann, top, seeded.cohort, NULL);
    g_autofree char *stu1_hints = sync_test_value (stu1, top, seeded.cohort, NULL);

    g_assert_cmpstr (ann_hints, ==, "1:Ask about the bottleneck:3:2 | 2:Propose a fix:1:1");
    g_assert_cmpstr (stu1_hints, ==, "1:Ask about the bottleneck:2:1");
    g_assert_cmpstr (sync_test_error (bob, top, seeded.cohort, NULL), ==, "42501");
    g_assert_cmpstr (sync_test_error (stu4, top, seeded.cohort, NULL), ==, "42501");
  }

  /* A student sees their own row only; a pending student and Bob see nothing. */
  matrix = matrix_of (stu1, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 in_progress 0.33 - - late");
  g_clear_pointer (&matrix, g_free);
  g_assert_cmpint (sync_test_rows (stu1, "SELECT FROM cs.cs_cohort_scene_scores ($1)", seeded.cohort, NULL), ==, 3);
  g_assert_cmpstr (sync_test_error (stu4, "SELECT FROM cs.cs_cohort_matrix ($1)", seeded.cohort, NULL), ==, "42501");
  g_assert_cmpstr (sync_test_error (bob, "SELECT FROM cs.cs_cohort_matrix ($1)", seeded.cohort, NULL), ==, "42501");
  g_assert_cmpstr (sync_test_error (bob, "SELECT FROM cs.cs_cohort_scene_stats ($1)", seeded.cohort, NULL), ==, "42501");
  g_assert_cmpint (sync_test_rows (bob, "SELECT FROM cs.cs_cohort_matrix ($1)", seeded.bob_cohort, NULL), ==, 0);
  /* Nor by naming Ann's role to the definer function. */
  {
    g_autofree char *ann_role = sync_test_value (ann, "SELECT current_user", NULL);

    g_assert_cmpstr (sync_test_error (bob, "SELECT FROM cs.dashboard_matrix ($1, $2)", seeded.cohort, ann_role, NULL),
                     ==, "42501");
    g_assert_cmpstr (sync_test_error (bob, "SELECT FROM cs.dashboard_students ($1, $2)", seeded.cohort, ann_role, NULL),
                     ==, "42501");
  }
  g_assert_cmpint (sync_test_rows (bob, "SELECT FROM cs.user_progress WHERE id IN ($1, $2)", run1, run2, NULL), ==, 0);

  /* Overrides: Ann's change the grade in force and keep their history; Bob's and the
   * student's are refused, as are bad grades and a missing reason. */
  g_assert_cmpstr (sync_test_error (bob, "SELECT cs.cs_override_grade ($1, 1, 'I say so')", run2, NULL), ==, "42501");
  g_assert_cmpstr (sync_test_error (stu2, "SELECT cs.cs_override_grade ($1, 1, 'I say so')", run2, NULL), ==, "42501");
  g_assert_cmpstr (sync_test_error (ann, "SELECT cs.cs_override_grade ($1, 1.5, 'Too much')", run2, NULL), ==, "CS030");
  g_assert_cmpstr (sync_test_error (ann, "SELECT cs.cs_override_grade ($1, 0.9, '  ')", run2, NULL), ==, "CS030");
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.grade_overrides", NULL), ==, 0);

  g_assert_cmpint (sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.9, ' Strong memo ')", run2, NULL), ==, 1);
  matrix = sync_test_value (ann, "SELECT format ('%s %s %s', computed_score, score, overridden) "
                            "FROM cs.cs_cohort_matrix ($1) WHERE progress_id = $2", seeded.cohort, run2, NULL);
  g_assert_cmpstr (matrix, ==, "0.75 0.9 t");
  g_clear_pointer (&matrix, g_free);
  g_assert_cmpint (sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.85, 'Recounted the evidence')", run2, NULL), ==, 1);
  matrix = matrix_of (ann, seeded.cohort);
  g_assert_cmpstr (matrix, ==, "stu1 in_progress 0.33 - - late, stu2 completed 1.00 0.85 o ok, "
                               "stu3 not_started 0.00 - - late");
  g_clear_pointer (&matrix, g_free);
  {
    g_autofree char *history = sync_test_value (stu2,
      "SELECT string_agg (format ('%s>%s %s by %s', previous_score, new_score, reason, u.display_name), '; ' "
      "  ORDER BY g.change_seq) FROM cs.grade_overrides g JOIN cs.users u ON u.id = g.instructor_id "
      "WHERE g.progress_id = $1", run2, NULL);
    g_autofree char *told = sync_test_value (stu2, "SELECT count (*) FROM cs.notifications WHERE type = 'grade' "
                                             "AND data->>'progress_id' = $1", run2, NULL);

    g_assert_cmpstr (history, ==, "0.75>0.9 Strong memo by Sync Tester; 0.9>0.85 Recounted the evidence by Sync Tester");
    g_assert_cmpstr (told, ==, "2");
  }
  g_assert_cmpstr (sync_test_error (server.super, "UPDATE cs.grade_overrides SET new_score = 1", NULL), ==, "CS013");
  /* Stu1 sees the grade of stu2 nowhere. */
  g_assert_cmpint (sync_test_rows (stu1, "SELECT FROM cs.grade_overrides", NULL), ==, 0);
}

static void
test_notify (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autoptr(PGconn) listener = sync_test_connect (ann_conninfo);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob2");
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_autoptr(PGconn) bob = sync_test_connect_as (&server, bob_name, "instructor-pw");
  g_autofree char *payload = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *run = NULL;
  g_autofree char *stu1_info = NULL;
  g_autoptr(PGconn) stu1 = NULL;
  g_auto(Seeded) seeded = { 0 };
  g_autoptr(GTimer) timer = g_timer_new ();

  g_assert_no_error (error);
  seed (&seeded, ann, bob, "nst");
  stu1_info = student_conninfo ("nst1");
  stu1 = sync_test_connect (stu1_info);

  sync_test_rows (listener, "LISTEN cs_dashboard", NULL);
  g_assert_null (sync_test_wait_for_notify (listener, 50));

  /* A student's turn: one notification naming the cohort, within 2 s of the commit. */
  g_timer_start (timer);
  run = write_run (stu1, seeded.version, "in_progress", "10", "-1", 2, "0.5");
  payload = sync_test_wait_for_notify (listener, 2000);
  g_assert_nonnull (payload);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
  expected = g_strdup_printf ("{\"cohort\" : \"%s\", \"t\" : \"user_progress\"}", seeded.cohort);
  g_assert_cmpstr (payload, ==, expected);
  g_clear_pointer (&payload, g_free);
  /* The scene progress of the same push: once for the two rows. */
  payload = sync_test_wait_for_notify (listener, 2000);
  g_assert_nonnull (strstr (payload, "\"t\" : \"scene_progress\""));
  g_assert_nonnull (strstr (payload, seeded.cohort));
  g_clear_pointer (&payload, g_free);
  g_assert_null (sync_test_wait_for_notify (listener, 100));

  /* An update, an override and a message each tell the dashboard. */
  sync_test_rows (stu1, "UPDATE cs.user_progress SET completion_percentage = 50 WHERE id = $1", run, NULL);
  payload = sync_test_wait_for_notify (listener, 2000);
  g_assert_cmpstr (payload, ==, expected);
  g_clear_pointer (&payload, g_free);
  sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.5, 'Partial credit')", run, NULL);
  payload = sync_test_wait_for_notify (listener, 2000);
  g_assert_nonnull (strstr (payload, "\"t\" : \"grade_overrides\""));
  g_clear_pointer (&payload, g_free);
  sync_test_rows (stu1, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, cohort_id, body) "
                  "SELECT gen_random_uuid (), c.instructor_id, u.id, u.id, c.id, 'A question' "
                  "FROM cs.cohorts c, cs.users u WHERE c.id = $1 AND u.role_name = current_user",
                  seeded.cohort, NULL);
  payload = sync_test_wait_for_notify (listener, 2000);
  g_assert_nonnull (strstr (payload, "\"t\" : \"direct_messages\""));
  g_assert_nonnull (strstr (payload, seeded.cohort));
  g_clear_pointer (&payload, g_free);

  /* Bob's cohort is not named by changes that are not its own. */
  while ((payload = sync_test_wait_for_notify (listener, 100)))
    {
      g_assert_null (strstr (payload, seeded.bob_cohort));
      g_free (payload);
    }
}

/* The model: CsDashboard on a CsServer's worker */

static void
loaded_cb (CsDashboard *dashboard,
           gboolean    *done)
{
  *done = TRUE;
}

static void
load (CsDashboard *dashboard)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cs_dashboard_load_async (dashboard, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cs_dashboard_load_finish (dashboard, result, &error));
  g_assert_no_error (error);
}

/* Waits for the next "loaded", at most @seconds; FALSE if it did not come. */
static gboolean
wait_for_load (CsDashboard *dashboard,
               double       seconds)
{
  gboolean done = FALSE;
  g_autoptr(GTimer) timer = g_timer_new ();
  gulong id = g_signal_connect (dashboard, "loaded", G_CALLBACK (loaded_cb), &done);

  while (!done && g_timer_elapsed (timer, NULL) < seconds)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_signal_handler_disconnect (dashboard, id);
  return done;
}

static void
wait_for_watching (CsDashboard *dashboard,
                   gboolean     watching)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  while (cs_dashboard_get_watching (dashboard) != watching)
    {
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static CsDashboardCell *
cell_of (CsDashboard *dashboard,
         guint        student)
{
  g_autoptr(CsDashboardStudent) row = g_list_model_get_item (cs_dashboard_get_students (dashboard), student);

  return cs_dashboard_student_get_cell (row, 0);
}

/* RFC 4180 back into rows of fields, checking the syntax on the way. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *c = csv;

  while (*c)
    {
      if (*c == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          for (c++;; c++)
            {
              g_assert_true (*c);
              if (c[0] == '"' && c[1] == '"')
                g_string_append_c (field, '"'), c++;
              else if (*c == '"')
                break;
              else
                g_string_append_c (field, *c);
            }
          c++;
          g_assert_true (*c == ',' || *c == '\r');
        }
      else if (*c == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          c++;
        }
      else if (*c == '\r')
        {
          g_assert_cmpint (c[1], ==, '\n');
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          c += 2;
        }
      else
        {
          g_assert_cmpint (*c, !=, '\n');
          g_string_append_c (field, *c++);
        }
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static const char *
csv_at (GPtrArray *rows,
        guint      row,
        guint      column)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static void
test_model (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob3");
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_autoptr(PGconn) bob = sync_test_connect_as (&server, bob_name, "instructor-pw");
  g_autofree char *mod1_info = student_conninfo ("mod1");
  g_autofree char *mod2_info = student_conninfo ("mod2");
  g_autoptr(PGconn) mod1 = NULL;
  g_autoptr(PGconn) mod2 = NULL;
  g_autoptr(CsServer) worker = cs_server_new (ann_conninfo);
  g_autoptr(CsDashboard) dashboard = NULL;
  g_autoptr(GPtrArray) csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *run1 = NULL;
  g_autofree char *run2 = NULL;
  g_auto(Seeded) seeded = { 0 };
  CsDashboardCell *cell;

  g_assert_no_error (error);
  seed (&seeded, ann, bob, "mod");
  mod1 = sync_test_connect (mod1_info);
  mod2 = sync_test_connect (mod2_info);
  /* Names a CSV must quote, and one a spreadsheet would run. */
  sync_test_rows (server.super, "UPDATE cs.users SET display_name = CASE split_part (role_name, '_', 1) "
                  "  WHEN 'mod1' THEN 'Abel, \"Ace\"' WHEN 'mod2' THEN 'Berg' ELSE '@Aaron' END "
                  "WHERE role_name LIKE 'mod%'", NULL);
  run1 = write_run (mod1, seeded.version, "in_progress", "33.3", "-1", 1, "0.8");
  run2 = write_run (mod2, seeded.version, "completed", "100", "0.75", 3, "0.6");
  sync_test_rows (server.super, "UPDATE cs.user_progress SET last_activity = now () - interval '1 hour' WHERE id = $1",
                  run2, NULL);
  sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.85, 'Recounted')", run2, NULL);

  dashboard = cs_dashboard_new (worker, seeded.cohort);
  load (dashboard);
  g_assert_cmpstr (cs_dashboard_get_title (dashboard), ==, "Operations 2027");
  g_assert_cmpstr (cs_dashboard_get_course_code (dashboard), ==, "OPS-101");
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_get_students (dashboard)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_get_assignments (dashboard)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_get_cells (dashboard)), ==, 3);

  /* Sorted by name: "@Aaron", "Abel, …", "Berg". */
  cell = cell_of (dashboard, 1);
  g_assert_cmpstr (cs_dashboard_cell_get_progress_id (cell), ==, run1);
  g_assert_cmpint (cs_dashboard_cell_get_status (cell), ==, CS_DASHBOARD_IN_PROGRESS);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_progress (cell), 0.333, 1e-9);
  g_assert_cmpfloat (cs_dashboard_cell_get_score (cell), <, 0);
  g_assert_cmpuint (cs_dashboard_cell_get_n_scenes (cell), ==, 3);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_scene_score (cell, 0), 0.8, 1e-9);
  g_assert_cmpfloat (cs_dashboard_cell_get_scene_score (cell, 1), <, 0);
  cell = cell_of (dashboard, 2);
  g_assert_cmpint (cs_dashboard_cell_get_status (cell), ==, CS_DASHBOARD_COMPLETED);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_score (cell), 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_computed_score (cell), 0.75, 1e-9);
  g_assert_true (cs_dashboard_cell_get_overridden (cell));
  cell = cell_of (dashboard, 0);
  g_assert_null (cs_dashboard_cell_get_progress_id (cell));
  g_assert_cmpint (cs_dashboard_cell_get_status (cell), ==, CS_DASHBOARD_NOT_STARTED);
  {
    g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (cs_dashboard_get_assignments (dashboard), 0);
    const CsDashboardScene *first = cs_dashboard_assignment_get_scene (assignment, 0);

    g_assert_cmpstr (cs_dashboard_assignment_get_title (assignment), ==, "Harlow Valves");
    g_assert_cmpuint (cs_dashboard_assignment_get_n_scenes (assignment), ==, 3);
    g_assert_cmpint (first->started, ==, 2);
    g_assert_cmpint (first->passed, ==, 2);
    g_assert_cmpfloat_with_epsilon (first->pass_rate, 1.0, 1e-9);
    g_assert_cmpint (cs_dashboard_assignment_get_scene (assignment, 2)->started, ==, 1);
  }

  /* Header figures: mod1 is at it now, mod3 has not started; completions 0, 0.333, 1. */
  g_assert_cmpuint (cs_dashboard_get_n_students (dashboard), ==, 3);
  g_assert_cmpuint (cs_dashboard_get_n_active (dashboard), ==, 1);
  g_assert_cmpuint (cs_dashboard_get_n_not_started (dashboard), ==, 1);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_get_median_completion (dashboard), 0.333, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_dashboard_get_average_score (dashboard), 0.85, 1e-9);

  /* The CSV, cell by cell. */
  text = cs_dashboard_to_csv (dashboard);
  csv = parse_csv (text);
  g_assert_cmpuint (csv->len, ==, 4);
  {
    const char *header[] = { "Student", "User name", "Assignment", "Due", "Required", "Status", "Progress (%)",
                             "Score (%)", "Computed score (%)", "Overridden", "Time spent (s)", "Hints", "Late",
                             "Completed", "Scene 1 (%)", "Scene 2 (%)", "Scene 3 (%)" };

    for (guint i = 0; i < G_N_ELEMENTS (header); i++)
      g_assert_cmpstr (csv_at (csv, 0, i), ==, header[i]);
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (csv, 0))->len, ==, G_N_ELEMENTS (header));
  }
  {
    g_autofree char *mod1_login = sync_test_user_name (&server, "mod1");
    g_autofree char *due = sync_test_value (server.super, "SELECT to_char (due_date AT TIME ZONE 'UTC', "
                                            "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM cs.cohort_simulations "
                                            "WHERE cohort_id = $1", seeded.cohort, NULL);
    g_autofree char *completed = sync_test_value (server.super, "SELECT to_char (completed_at AT TIME ZONE 'UTC', "
                                                  "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM cs.user_progress "
                                                  "WHERE id = $1", run2, NULL);
    const char *first[] = { "'@Aaron", NULL, "Harlow Valves", due, "yes", "not started", "0.0", "", "", "no",
                            "0", "0", "no", "", "", "", "" };
    const char *second[] = { "Abel, \"Ace\"", mod1_login, "Harlow Valves", due, "yes", "in progress", "33.3",
                             "", "", "no", "600", "1", "no", "", "80.0", "", "" };
    const char *third[] = { "Berg", NULL, "Harlow Valves", due, "yes", "completed", "100.0", "85.0", "75.0",
                            "yes", "600", "1", "no", completed, "60.0", "60.0", "60.0" };

    for (guint i = 0; i < G_N_ELEMENTS (first); i++)
      {
        if (first[i])
          g_assert_cmpstr (csv_at (csv, 1, i), ==, first[i]);
        if (second[i])
          g_assert_cmpstr (csv_at (csv, 2, i), ==, second[i]);
        if (third[i])
          g_assert_cmpstr (csv_at (csv, 3, i), ==, third[i]);
      }
    /* The quoting itself. */
    g_assert_nonnull (strstr (text, "\r\n\"Abel, \"\"Ace\"\"\","));
  }

  /* Written atomically to a file, as it was made. */
  {
    g_autofree char *path = g_build_filename (server.tmpdir, "grades.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *written = NULL;

    g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    cs_dashboard_export_csv_async (dashboard, file, NULL, sync_test_got_result, &result);
    while (!result)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (cs_dashboard_export_csv_finish (dashboard, result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, text);
  }

  /* Overrides through the model: refused before sending, or applied and reloaded. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    cs_dashboard_override_grade_async (dashboard, run1, 0.9, "   ", NULL, sync_test_got_result, &result);
    while (!result)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (cs_dashboard_override_grade_finish (dashboard, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_clear_object (&result);
    cs_dashboard_override_grade_async (dashboard, run1, 1.2, "Too much", NULL, sync_test_got_result, &result);
    while (!result)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (cs_dashboard_override_grade_finish (dashboard, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_clear_object (&result);

    cs_dashboard_override_grade_async (dashboard, run1, 0.5, "Half the memo", NULL, sync_test_got_result, &result);
    while (!result)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (cs_dashboard_override_grade_finish (dashboard, result, &error));
    g_assert_no_error (error);
    g_assert_true (wait_for_load (dashboard, 5));
    g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_score (cell_of (dashboard, 1)), 0.5, 1e-9);
    g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.grade_overrides WHERE progress_id = $1 "
                                     "AND reason = 'Half the memo' AND new_score = 0.5 AND previous_score IS NULL",
                                     run1, NULL), ==, 1);
  }

  /* Live: a student's turn reloads within 2 s, with no polling. */
  cs_dashboard_watch (dashboard, ann_conninfo);
  wait_for_watching (dashboard, TRUE);
  while (wait_for_load (dashboard, 0.3))
    ;  /* the catch-up load of the connection */
  {
    g_autoptr(GTimer) timer = g_timer_new ();

    sync_test_rows (mod1, "UPDATE cs.user_progress SET completion_percentage = 66.7 WHERE id = $1", run1, NULL);
    g_assert_true (wait_for_load (dashboard, 2.0));
    g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
    g_assert_cmpfloat_with_epsilon (cs_dashboard_cell_get_progress (cell_of (dashboard, 1)), 0.667, 1e-9);
  }
  /* Another cohort's change does not reload this one. */
  sync_test_rows (bob, "UPDATE cs.cohorts SET description = 'x' WHERE id = $1", seeded.bob_cohort, NULL);
  sync_test_rows (server.super, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by) "
                  "SELECT gen_random_uuid (), $1, $2, instructor_id FROM cs.cohorts WHERE id = $1",
                  seeded.bob_cohort, seeded.version, NULL);
  g_assert_false (wait_for_load (dashboard, 0.5));

  /* The listening connection is cut; what happens meanwhile arrives once it is back. */
  sync_test_rows (server.super, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                  "WHERE datname = current_database () AND query LIKE 'LISTEN%'", NULL);
  wait_for_watching (dashboard, FALSE);
  sync_test_rows (mod2, "UPDATE cs.user_progress SET total_time_spent = 1200 WHERE id = $1", run2, NULL);
  wait_for_watching (dashboard, TRUE);
  {
    g_autoptr(GTimer) timer = g_timer_new ();

    while (cs_dashboard_cell_get_time_spent (cell_of (dashboard, 2)) != 1200)
      {
        g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5);
        wait_for_load (dashboard, 0.1);
      }
  }
  cs_dashboard_unwatch (dashboard);
  g_assert_false (cs_dashboard_get_watching (dashboard));
}

/* A load whose matrix query fails (here: no right to run it) after the students were read
 * reports the error; the half-filled grid of cells is dropped cleanly. */
static void
test_failed_load (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autofree char *instructor = sync_test_value (ann, "SELECT current_user", NULL);
  g_autofree char *cohort = sync_test_seed_cohort (&server, instructor, 3, 2, 3);
  g_autoptr(CsServer) worker = cs_server_new (ann_conninfo);
  g_autoptr(CsDashboard) dashboard = cs_dashboard_new (worker, cohort);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  load (dashboard);
  g_assert_cmpuint (cs_dashboard_get_n_students (dashboard), ==, 3);
  sync_test_rows (server.super, "REVOKE EXECUTE ON FUNCTION cs.cs_cohort_matrix (uuid) FROM cs_instructor", NULL);
  cs_dashboard_load_async (dashboard, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  sync_test_rows (server.super, "GRANT EXECUTE ON FUNCTION cs.cs_cohort_matrix (uuid) TO cs_instructor", NULL);
  g_assert_false (cs_dashboard_load_finish (dashboard, result, &error));
  g_assert_nonnull (error);
  /* What was loaded before stays. */
  g_assert_cmpuint (cs_dashboard_get_n_students (dashboard), ==, 3);
  g_clear_object (&result);
  load (dashboard);
  g_assert_cmpuint (g_list_model_get_n_items (cs_dashboard_get_cells (dashboard)), ==, 6);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/dashboard/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  ann_conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/dashboard/matrix-and-security", test_matrix_and_security);
  g_test_add_func ("/dashboard/notify", test_notify);
  g_test_add_func ("/dashboard/model", test_model);
  g_test_add_func ("/dashboard/failed-load", test_failed_load);
  status = g_test_run ();

  g_free (ann_conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
