/* test-run-view.c: one student's run read from the server for viewing (cs-remote-run.c):
 * its progress, scenes, criteria evidence, messages and override history, and who may read
 * it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instructor of the sync machines gets a seeded cohort of four students of one case
 * (students 2 and 3 have runs). Student 2's first scene is judged with a quoted piece of
 * evidence that occurs in their messages; students 2 and 3 get logins. Bob is another
 * instructor.
 */

#include "config.h"

#include "cs-remote-run.h"
#include "cs-server-schema.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *ann_conninfo;
static char *ann_login;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

/* Fetches @run through a CsServer of @conninfo; checks the caller's thread never ran SQL
 * (the main loop keeps turning while the worker reads). */
static CsRemoteRun *
fetch (const char  *conninfo,
       const char  *run,
       GError     **error)
{
  g_autoptr(CsServer) worker = cs_server_new (conninfo);
  g_autoptr(GAsyncResult) result = NULL;

  cs_remote_run_fetch_async (worker, run, NULL, sync_test_got_result, &result);
  g_assert_null (result);  /* never answered on the spot */
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return cs_remote_run_fetch_finish (worker, result, error);
}

/* A login for the seeded student @number (users rows of the seed have none): its user row
 * is renamed to a role of this run and the role made; returns the connection string. */
static char *
student_login (guint number)
{
  g_autofree char *base = g_strdup_printf ("viewer%u", number);
  g_autofree char *name = sync_test_user_name (&server, base);
  g_autofree char *seeded = g_strdup_printf ("%s_s%u", ann_login, number);
  g_autofree char *create = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN PASSWORD 'student-password' IN ROLE cs_student",
                                             name);

  sync_test_rows (server.super, create, NULL);
  g_assert_cmpint (sync_test_rows (server.super, "UPDATE cs.users SET role_name = $1 WHERE role_name = $2",
                                   name, seeded, NULL), ==, 1);
  return sync_test_tcp_conninfo (&server, name, "student-password");
}

static char *
run_of (const char *login)
{
  return sync_test_value (server.super, "SELECT p.id::text FROM cs.user_progress p JOIN cs.users u ON u.id = p.user_id "
                          "WHERE u.role_name = $1", login, NULL);
}

static void
test_fetch (void)
{
  g_autofree char *cohort = sync_test_seed_cohort (&server, ann_login, 4, 1, 3);
  g_autofree char *s2_login = g_strdup_printf ("%s_s2", ann_login);
  g_autofree char *s3_login = g_strdup_printf ("%s_s3", ann_login);
  g_autofree char *run2 = run_of (s2_login);
  g_autofree char *run3 = run_of (s3_login);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob");
  g_autofree char *bob_id = NULL;
  g_autofree char *bob_conninfo = NULL;
  g_autofree char *s2_conninfo = NULL;
  g_autofree char *s3_conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) ann = NULL;
  g_autofree char *s2_viewer = sync_test_user_name (&server, "viewer2");
  g_autofree char *s2_name = NULL;

  g_assert_nonnull (run2);
  g_assert_nonnull (run3);
  s2_name = sync_test_value (server.super, "SELECT display_name FROM cs.users WHERE role_name = $1", s2_login, NULL);

  sync_test_seed_evidence (&server, run2);

  bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_assert_no_error (error);
  bob_conninfo = sync_test_tcp_conninfo (&server, bob_name, "instructor-pw");
  s2_conninfo = student_login (2);
  s3_conninfo = student_login (3);

  /* The instructor: the whole run, nothing overridden yet. */
  {
    g_autoptr(CsRemoteRun) run = fetch (ann_conninfo, run2, &error);
    g_autoptr(CsRunReport) report = NULL;
    g_autoptr(CsSceneReport) first = NULL;
    g_autoptr(CsSceneReport) second = NULL;
    CsProgress *progress;
    GListModel *messages;
    const CsCriterionReport *criterion;

    g_assert_no_error (error);
    g_assert_nonnull (run);
    progress = cs_remote_run_get_progress (run);
    g_assert_cmpstr (cs_record_get_id (CS_RECORD (progress)), ==, run2);
    g_assert_cmpint (cs_progress_get_status (progress), ==, CS_PROGRESS_STATUS_COMPLETED);
    g_assert_cmpint (cs_progress_get_attempt (progress), ==, 1);
    g_assert_nonnull (cs_progress_get_started_at (progress));
    g_assert_cmpstr (cs_remote_run_get_student_login (run), ==, s2_viewer);
    g_assert_cmpstr (cs_remote_run_get_student_name (run), ==, s2_name);
    g_assert_cmpstr (cs_progress_get_user_id (progress), !=, NULL);
    g_assert_cmpfloat_with_epsilon (cs_remote_run_get_computed_score (run), cs_progress_get_final_score (progress), 1e-9);
    g_assert_cmpfloat (cs_remote_run_get_computed_score (run), >=, 0.45);
    g_assert_false (cs_remote_run_get_overridden (run));
    g_assert_cmpfloat (cs_remote_run_get_score (run), ==, cs_remote_run_get_computed_score (run));
    g_assert_cmpuint (g_list_model_get_n_items (cs_remote_run_get_overrides (run)), ==, 0);

    g_assert_cmpuint (cs_scenario_get_n_scenes (cs_remote_run_get_scenario (run)), ==, 3);
    g_assert_cmpstr (cs_scenario_get_title (cs_remote_run_get_scenario (run)), ==, "Harlow Valves");
    g_assert_cmpuint (g_list_model_get_n_items (cs_remote_run_get_scene_progress (run)), ==, 3);

    messages = cs_remote_run_get_messages (run);
    g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 4);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);

        g_assert_cmpint (cs_message_get_position (message), ==, (int) i);
        g_assert_cmpstr (cs_message_get_progress_id (message), ==, run2);
        if (i == 2)
          {
            g_assert_cmpint (cs_message_get_kind (message), ==, CS_MESSAGE_KIND_USER);
            g_assert_cmpstr (cs_message_get_content (message), ==, "I think the valve line is the bottleneck here.");
          }
        if (i == 1)
          g_assert_cmpstr (cs_message_get_sender_name (message), ==, "Mara Quist");
      }

    /* The evidence behind each criterion, as the report reads it. */
    report = cs_remote_run_make_report (run);
    g_assert_cmpuint (g_list_model_get_n_items (cs_run_report_get_scenes (report)), ==, 3);
    first = g_list_model_get_item (cs_run_report_get_scenes (report), 0);
    g_assert_cmpstr (cs_scene_report_get_title (first), ==, "Scene 1");
    g_assert_cmpstr (cs_scene_report_get_feedback (first), ==, "Good diagnosis, no plan yet.");
    g_assert_cmpuint (cs_scene_report_get_n_criteria (first), ==, 2);
    criterion = cs_scene_report_get_criterion (first, 0);
    g_assert_cmpstr (criterion->text, ==, "Names the bottleneck");
    g_assert_true (criterion->met);
    g_assert_cmpstr (criterion->evidence, ==, "the valve line is the bottleneck");
    criterion = cs_scene_report_get_criterion (first, 1);
    g_assert_false (criterion->met);
    g_assert_null (criterion->evidence);
    g_assert_cmpfloat_with_epsilon (cs_scene_report_get_score (first), 0.5, 1e-9);
    /* Scene 2 was never judged: its criteria come from the case, none met. */
    second = g_list_model_get_item (cs_run_report_get_scenes (report), 1);
    g_assert_cmpuint (cs_scene_report_get_n_criteria (second), ==, 2);
    g_assert_false (cs_scene_report_get_criterion (second, 0)->met);
  }

  /* Another instructor, and the student of another run, are refused; so is a made-up id. */
  {
    g_autoptr(CsRemoteRun) run = fetch (bob_conninfo, run2, &error);

    g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_DENIED);
    g_assert_null (run);
    g_clear_error (&error);
  }
  {
    g_autoptr(CsRemoteRun) run = fetch (s3_conninfo, run2, &error);

    g_assert_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_DENIED);
    g_assert_null (run);
    g_clear_error (&error);
  }
  {
    g_autoptr(CsRemoteRun) run = fetch (ann_conninfo, "not-a-run", &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_null (run);
    g_clear_error (&error);
  }
  {
    g_autoptr(CsRemoteRun) run = fetch (s3_conninfo, run3, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cs_progress_get_status (cs_remote_run_get_progress (run)), ==, CS_PROGRESS_STATUS_IN_PROGRESS);
    g_assert_cmpuint (g_list_model_get_n_items (cs_remote_run_get_messages (run)), ==, 0);
  }

  /* Two overrides: the history lists both in order, who, old → new and why; the newer is
   * in force. The student reads the same history of their own run. */
  ann = cs_pg_connect (ann_conninfo, &error);
  g_assert_no_error (error);
  sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.9, 'Strong memo')", run2, NULL);
  sync_test_rows (ann, "SELECT cs.cs_override_grade ($1, 0.85, 'Recounted the evidence')", run2, NULL);
  for (guint who = 0; who < 2; who++)
    {
      g_autoptr(CsRemoteRun) run = fetch (who == 0 ? ann_conninfo : s2_conninfo, run2, &error);
      GListModel *history;
      g_autoptr(CsGradeOverride) older = NULL;
      g_autoptr(CsGradeOverride) newer = NULL;

      g_assert_no_error (error);
      history = cs_remote_run_get_overrides (run);
      g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
      older = g_list_model_get_item (history, 0);
      newer = g_list_model_get_item (history, 1);
      g_assert_cmpstr (cs_grade_override_get_reason (older), ==, "Strong memo");
      g_assert_cmpstr (cs_grade_override_get_reason (newer), ==, "Recounted the evidence");
      g_assert_cmpfloat_with_epsilon (cs_grade_override_get_previous_score (older),
                                      cs_remote_run_get_computed_score (run), 1e-9);
      g_assert_cmpfloat_with_epsilon (cs_grade_override_get_new_score (older), 0.9, 1e-9);
      g_assert_cmpfloat_with_epsilon (cs_grade_override_get_previous_score (newer), 0.9, 1e-9);
      g_assert_cmpfloat_with_epsilon (cs_grade_override_get_new_score (newer), 0.85, 1e-9);
      g_assert_cmpstr (cs_grade_override_get_instructor_name (newer), ==, "Sync Tester");
      g_assert_nonnull (cs_grade_override_get_created_at (older));
      g_assert_cmpint (g_date_time_compare (cs_grade_override_get_created_at (older),
                                            cs_grade_override_get_created_at (newer)), <=, 0);
      g_assert_true (cs_remote_run_get_overridden (run));
      g_assert_cmpfloat_with_epsilon (cs_remote_run_get_score (run), 0.85, 1e-9);
      g_assert_cmpuint (g_list_model_get_n_items (cs_remote_run_get_messages (run)), ==, 4);
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/run-view/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  ann_conninfo = sync_test_instructor_conninfo (&server, NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PGconn) conn = cs_pg_connect (ann_conninfo, &error);

    g_assert_no_error (error);
    ann_login = sync_test_value (conn, "SELECT current_user", NULL);
  }

  g_test_add_func ("/run-view/fetch", test_fetch);
  status = g_test_run ();

  g_free (ann_login);
  g_free (ann_conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
