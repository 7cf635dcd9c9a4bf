/* test-publish.c: publishing, cohorts, invitation codes, enrolment decisions, assignments
 * and a student's first pull, against the throwaway PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann (the instructor of the sync machines) publishes and runs a cohort; Bob is another
 * instructor who tries to reach into it; students join with codes over TCP.
 */

#include "config.h"

#include "cs-enrolment.h"
#include "cs-publisher.h"
#include "cs-server-schema.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *ann_conninfo;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static const char *
id_of (gpointer record)
{
  return cs_record_get_id (CS_RECORD (record));
}

static char *
publish (SyncTestMachine  *machine,
         const char       *id,
         int              *number,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cs_publisher_publish_async (machine->sync, id, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return cs_publisher_publish_finish (machine->sync, result, number, error);
}

/* A TCP conninfo for @user on the test database. */
static char *
conninfo_for (const char *user,
              const char *password)
{
  return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=%s",
                          g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432",
                          server.dbname, user, password);
}

static PGconn *
connect_ann (void)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = cs_pg_connect (ann_conninfo, &error);

  g_assert_no_error (error);
  return conn;
}

static PGconn *
add_instructor (const char *base)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sync_test_user_name (&server, base);
  g_autofree char *id = cs_server_add_instructor (server.super, name, "instructor-pw", base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return sync_test_connect_as (&server, name, "instructor-pw");
}

/* Joins with @code as base_<tag>; returns the result or NULL with @error. */
static CsJoinResult *
join (const char  *code,
      const char  *base,
      GError     **error)
{
  g_autofree char *name = sync_test_user_name (&server, base);
  /* The link's conninfo: any user and password in it are replaced by cs_enroll's. */
  g_autofree char *conninfo = conninfo_for ("nobody", "nothing");

  return cs_enrolment_join (conninfo, code, name, "student-password", base, error);
}

static char *
enrolment_of (PGconn     *conn,
              const char *cohort,
              const char *base)
{
  g_autofree char *name = sync_test_user_name (&server, base);

  return sync_test_value (conn, "SELECT e.id FROM cs.cohort_students e JOIN cs.users u ON u.id = e.student_id "
                          "WHERE e.cohort_id = $1 AND u.role_name = $2", cohort, name, NULL);
}

static void
test_publish_makes_a_version (void)
{
  SyncTestMachine ann = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Harlow Valves");
  g_autoptr(CsScenario) draft = NULL;
  g_autoptr(CsScenario) empty = cs_scenario_new (NULL);
  g_autoptr(PGconn) conn = connect_ann ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  int number = 0;

  sync_test_machine_init (&ann, &server, ann_conninfo);
  sync_test_save (&ann, scenario);

  /* Publishing pushes the draft first, then snapshots it. */
  first = publish (&ann, id_of (scenario), &number, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, id_of (scenario));
  g_assert_cmpint (number, ==, 1);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenarios WHERE id = $1 AND is_published "
                                   "AND published_from = $2 AND publish_number = 1 AND status = 'active'",
                                   first, id_of (scenario), NULL), ==, 1);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.personas WHERE scenario_id = $1", first, NULL), ==, 2);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenes WHERE scenario_id = $1", first, NULL), ==, 3);
  /* The copies have ids of their own, and their involvements point at the copies. */
  g_assert_cmpint (sync_test_rows (server.super,
                                   "SELECT FROM cs.scene_personas i JOIN cs.scenes s ON s.id = i.scene_id "
                                   "JOIN cs.personas p ON p.id = i.persona_id "
                                   "WHERE s.scenario_id = $1 AND p.scenario_id = $1", first, NULL), ==, 6);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.personas a JOIN cs.personas b ON a.id = b.id "
                                   "WHERE a.scenario_id = $1 AND b.scenario_id = $2", first, id_of (scenario), NULL), ==, 0);
  /* Persona instructions follow their persona's new id. */
  g_assert_cmpint (sync_test_rows (server.super,
                                   "SELECT FROM cs.scenes s, jsonb_object_keys (s.persona_instructions) k "
                                   "WHERE s.scenario_id = $1 AND k::uuid IN (SELECT id FROM cs.personas WHERE scenario_id = $1)",
                                   first, NULL), ==, 3);

  /* The version is immutable, for its owner too. */
  g_assert_cmpstr (sync_test_error (conn, "UPDATE cs.scenarios SET title = 'Changed' WHERE id = $1", first, NULL), ==, "CS010");
  g_assert_cmpstr (sync_test_error (conn, "UPDATE cs.scenes SET title = 'Changed' WHERE scenario_id = $1", first, NULL), ==, "CS010");
  g_assert_cmpstr (sync_test_error (conn, "DELETE FROM cs.personas WHERE scenario_id = $1", first, NULL), ==, "CS010");

  /* The local draft knows its version; the owner's library has no second copy. */
  draft = sync_test_load (&ann, id_of (scenario));
  g_assert_cmpstr (cs_scenario_get_published_version_id (draft), ==, first);
  g_assert_cmpint (cs_publisher_get_state (ann.store, draft, &number), ==, CS_PUBLISH_STATE_PUBLISHED);
  g_assert_cmpint (number, ==, 1);
  {
    g_autoptr(GListModel) all = cs_store_list_scenarios (ann.store, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  }

  /* Editing makes a draft: the published version stays as it was. */
  cs_scenario_set_title (draft, "Harlow Valves, second edition");
  sync_test_save (&ann, draft);
  g_assert_cmpint (cs_publisher_get_state (ann.store, draft, NULL), ==, CS_PUBLISH_STATE_CHANGED);
  sync_test_push (&ann, &error);
  g_assert_no_error (error);
  title = sync_test_value (server.super, "SELECT title FROM cs.scenarios WHERE id = $1", first, NULL);
  g_assert_cmpstr (title, ==, "Harlow Valves");

  /* Publishing again makes version 2; version 1 is still there, unchanged. */
  g_clear_object (&draft);
  draft = sync_test_load (&ann, id_of (scenario));
  second = publish (&ann, id_of (scenario), &number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, 2);
  g_assert_cmpstr (second, !=, first);
  state = sync_test_value (server.super, "SELECT string_agg (publish_number || ' ' || title, ', ' ORDER BY publish_number) "
                           "FROM cs.scenarios WHERE published_from = $1", id_of (scenario), NULL);
  g_assert_cmpstr (state, ==, "1 Harlow Valves, 2 Harlow Valves, second edition");
  g_clear_object (&draft);
  draft = sync_test_load (&ann, id_of (scenario));
  g_assert_cmpstr (cs_scenario_get_published_version_id (draft), ==, second);

  /* A case with nobody and no scene cannot be published; a version cannot be republished. */
  cs_scenario_set_title (empty, "Empty");
  sync_test_save (&ann, empty);
  g_assert_null (publish (&ann, id_of (empty), NULL, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_PUBLISHED);
  g_clear_error (&error);
  g_assert_null (cs_enrolment_publish (conn, first, NULL, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sync_test_machine_clear (&ann);
}

static void
test_enrolment (void)
{
  SyncTestMachine ann = { 0 }, student = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Ridgeway Foods");
  g_autoptr(CsScenario) pulled = NULL;
  g_autoptr(PGconn) conn = connect_ann ();
  g_autoptr(PGconn) bob = add_instructor ("bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *single = NULL;
  g_autofree char *multi = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *version = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *stu1_name = sync_test_user_name (&server, "stu1");
  g_autofree char *student_conninfo = conninfo_for (stu1_name, "student-password");
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL;
  CsJoinResult *joined;

  /* Ann publishes a case and opens a cohort that asks her about each student. */
  sync_test_machine_init (&ann, &server, ann_conninfo);
  sync_test_save (&ann, scenario);
  version = publish (&ann, id_of (scenario), NULL, &error);
  g_assert_no_error (error);
  cohort = cs_enrolment_create_cohort (conn, "  Operations 2027 ", "OPS-101", FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (cs_enrolment_create_cohort (conn, "   ", NULL, FALSE, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* Codes: single-use, for three, and one that has expired. */
  single = cs_enrolment_create_invitation (conn, cohort, 1, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("^[0-9A-F]{8}-[0-9A-F]{8}$", single, 0, 0));
  multi = cs_enrolment_create_invitation (conn, cohort, 3, NULL, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) soon = g_date_time_add_seconds (g_date_time_new_now_utc (), 60);

    expired = cs_enrolment_create_invitation (conn, cohort, 5, soon, -1, &error);
    g_assert_no_error (error);
  }
  sync_test_rows (server.super, "UPDATE cs.cohort_invitations SET expires_at = now () - interval '1 minute', "
                  "created_at = now () - interval '1 day' WHERE max_uses = 5", NULL);
  g_assert_null (cs_enrolment_create_invitation (conn, cohort, 0, NULL, -1, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GDateTime) past = g_date_time_add_days (g_date_time_new_now_utc (), -1);

    g_assert_null (cs_enrolment_create_invitation (conn, cohort, 1, past, -1, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Students redeem them: the single-use code once, the expired one never. */
  joined = join (single, "stu1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined->status, ==, "pending");
  g_assert_cmpstr (joined->cohort_title, ==, "Operations 2027");
  cs_join_result_free (joined);
  g_assert_null (join (single, "stu9", &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_USED_UP);
  g_clear_error (&error);
  g_assert_null (join (expired, "stu9", &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_EXPIRED);
  g_clear_error (&error);
  g_assert_null (join ("ABCD0000-00000000", "stu9", &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE);
  g_clear_error (&error);
  g_assert_null (join ("not a code; DROP TABLE", "stu9", &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE);
  g_clear_error (&error);
  g_assert_null (join (multi, "Not Valid", &error));  /* capitals and a space */
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.users WHERE role_name LIKE 'stu9%'", NULL), ==, 0);
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *base = g_strdup_printf ("stu%u", i);

      joined = join (multi, base, &error);
      g_assert_no_error (error);
      cs_join_result_free (joined);
    }
  g_assert_null (join (multi, "stu5", &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_USED_UP);
  g_clear_error (&error);
  invitations = cs_enrolment_list_invitations (conn, cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 3);
  {
    int total = 0;

    for (guint i = 0; i < invitations->len; i++)
      total += ((CsInvitationInfo *) g_ptr_array_index (invitations, i))->use_count * 10 +
               ((CsInvitationInfo *) g_ptr_array_index (invitations, i))->max_uses;
    g_assert_cmpint (total, ==, (1 * 10 + 1) + (3 * 10 + 3) + (0 * 10 + 5));
  }

  /* Pending: Stu1 sees the cohort but not its cases, even once one is assigned. */
  assigned = cs_enrolment_assign (conn, cohort, id_of (scenario), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, version);
  sync_test_machine_init (&student, &server, student_conninfo);
  g_assert_cmpuint (sync_test_pull (&student, &error), ==, 0);
  g_assert_no_error (error);

  pending = cs_enrolment_list_requests (conn, cohort, "pending", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 4);
  g_assert_cmpstr (((CsEnrolmentInfo *) g_ptr_array_index (pending, 0))->cohort_title, ==, "Operations 2027");

  /* Bob sees none of it and can change none of it. */
  {
    g_autoptr(GPtrArray) his = cs_enrolment_list_requests (bob, NULL, NULL, &error);
    const char *theirs[] = { ((CsEnrolmentInfo *) g_ptr_array_index (pending, 0))->id, NULL };

    g_assert_no_error (error);
    g_assert_cmpuint (his->len, ==, 0);
    g_assert_cmpint (cs_enrolment_decide (bob, theirs, TRUE, &error), ==, -1);
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_null (cs_enrolment_create_invitation (bob, cohort, 1, NULL, -1, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_null (cs_enrolment_assign (bob, cohort, version, NULL, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_false (cs_enrolment_set_cohort_active (bob, cohort, FALSE, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* An instructor cannot enrol anybody by hand. */
    g_assert_cmpstr (sync_test_error (conn, "INSERT INTO cs.cohort_students (id, cohort_id, student_id) "
                                      "SELECT gen_random_uuid (), $1, id FROM cs.users LIMIT 1", cohort, NULL), ==, "42501");
    g_assert_cmpstr (sync_test_error (conn, "UPDATE cs.cohort_students SET student_id = student_id", NULL), ==, "42501");
  }

  /* Approve Stu1 and Stu2 in one go; a batch with a bad id changes nothing. */
  e1 = enrolment_of (conn, cohort, "stu1");
  e2 = enrolment_of (conn, cohort, "stu2");
  e3 = enrolment_of (conn, cohort, "stu3");
  e4 = enrolment_of (conn, cohort, "stu4");
  {
    const char *bad[] = { e1, "00000000-0000-4000-8000-000000000000", NULL };
    const char *good[] = { e1, e2, NULL };
    const char *no[] = { e3, e4, NULL };

    g_assert_cmpint (cs_enrolment_decide (conn, bad, TRUE, &error), ==, -1);
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohort_students WHERE status = 'approved'", NULL), ==, 0);

    g_assert_cmpint (cs_enrolment_decide (conn, good, TRUE, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_cmpint (cs_enrolment_decide (conn, no, FALSE, &error), ==, 2);
    g_assert_no_error (error);
  }
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = cs_enrolment_list_requests (conn, cohort, "pending", &error);
  g_assert_cmpuint (pending->len, ==, 0);
  cohorts = cs_enrolment_list_cohorts (conn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 1);
  g_assert_cmpint (((CsCohortInfo *) g_ptr_array_index (cohorts, 0))->n_approved, ==, 2);
  g_assert_cmpint (((CsCohortInfo *) g_ptr_array_index (cohorts, 0))->n_assigned, ==, 1);
  /* Each student was told. */
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.notifications WHERE type = 'enrollment' "
                                   "AND sender_id IS NOT NULL", NULL), ==, 4);

  /* Approved, Stu1 pulls the published version (not Ann's draft) into the library. */
  g_assert_cmpuint (sync_test_pull (&student, &error), ==, 1);
  g_assert_no_error (error);
  pulled = sync_test_load (&student, version);
  g_assert_cmpstr (cs_scenario_get_title (pulled), ==, "Ridgeway Foods");
  g_assert_cmpstr (cs_scenario_get_published_version_id (pulled), ==, version);
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_scenes (pulled)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cs_scenario_get_personas (pulled)), ==, 2);
  g_assert_null (cs_store_load_scenario (student.store, id_of (scenario), NULL));

  /* The student's own drafts stay in their outbox: students write no cases on the server,
   * and the push does not fail on them. */
  {
    g_autoptr(CsScenario) own = sync_test_make_scenario ("My notes");
    gint64 waiting;

    sync_test_save (&student, own);
    waiting = cs_store_count_outbox (student.store, NULL);
    g_assert_cmpint (waiting, >, 0);
    g_assert_cmpuint (sync_test_push (&student, &error), ==, 0);
    g_assert_no_error (error);
    g_assert_cmpint (cs_store_count_outbox (student.store, NULL), ==, waiting);
    g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.scenarios WHERE id = $1", id_of (own), NULL), ==, 0);
  }

  /* A student with an account joins Bob's cohort too; once is enough. An instructor cannot
   * join; a withdrawn student may come back. */
  {
    g_autoptr(PGconn) stu1 = NULL;
    g_autofree char *bob_cohort = cs_enrolment_create_cohort (bob, "Bob's seminar", NULL, FALSE, &error);
    g_autofree char *bob_code = NULL;
    g_autofree char *bob_code2 = NULL;
    g_autofree char *bob_code3 = NULL;
    g_autofree char *ann_code = NULL;
    g_autoptr(CsJoinResult) again = NULL;

    g_assert_no_error (error);
    bob_code = cs_enrolment_create_invitation (bob, bob_cohort, 5, NULL, -1, &error);
    bob_code2 = cs_enrolment_create_invitation (bob, bob_cohort, 5, NULL, -1, &error);
    bob_code3 = cs_enrolment_create_invitation (bob, bob_cohort, 5, NULL, -1, &error);
    g_assert_no_error (error);
    stu1 = cs_pg_connect (student_conninfo, &error);
    g_assert_no_error (error);
    joined = cs_enrolment_join_cohort (stu1, bob_code, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (joined->cohort_title, ==, "Bob's seminar");
    g_assert_cmpstr (joined->status, ==, "pending");
    cs_join_result_free (joined);
    g_assert_null (cs_enrolment_join_cohort (stu1, bob_code2, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_ALREADY);
    g_clear_error (&error);
    g_assert_null (cs_enrolment_join_cohort (conn, bob_code2, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_cmpint (sync_test_rows (stu1, "UPDATE cs.cohort_students SET status = 'withdrawn' "
                                     "WHERE cohort_id = $1", bob_cohort, NULL), ==, 1);
    again = cs_enrolment_join_cohort (stu1, bob_code3, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->status, ==, "pending");
    {
      g_autofree char *uses = sync_test_value (server.super, "SELECT string_agg (use_count::text, ',' ORDER BY use_count) "
                                               "FROM cs.cohort_invitations WHERE cohort_id = $1", bob_cohort, NULL);

      g_assert_cmpstr (uses, ==, "0,1,1");
    }

    /* A revoked code stops working; Bob cannot revoke Ann's codes. */
    ann_code = cs_enrolment_create_invitation (conn, cohort, 5, NULL, -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&invitations, g_ptr_array_unref);
    invitations = cs_enrolment_list_invitations (conn, cohort, &error);
    g_assert_false (cs_enrolment_revoke_invitation (bob, ((CsInvitationInfo *) g_ptr_array_index (invitations, 0))->id, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (cs_enrolment_revoke_invitation (conn, ((CsInvitationInfo *) g_ptr_array_index (invitations, 0))->id, &error));
    g_assert_no_error (error);
    g_assert_null (join (ann_code, "stu7", &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_UNKNOWN_CODE);
    g_clear_error (&error);

    /* Ann edits her cohort; Bob cannot. */
    g_assert_true (cs_enrolment_edit_cohort (conn, cohort, "Operations 2027 (spring)", "OPS-102", FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (cs_enrolment_edit_cohort (bob, cohort, "Mine now", NULL, FALSE, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    {
      g_autofree char *title = sync_test_value (server.super, "SELECT title || ' ' || course_code FROM cs.cohorts "
                                                "WHERE id = $1", cohort, NULL);

      g_assert_cmpstr (title, ==, "Operations 2027 (spring) OPS-102");
    }
  }

  /* An invitation may approve by itself; an archived cohort takes nobody. */
  {
    g_autofree char *open = cs_enrolment_create_invitation (conn, cohort, 1, NULL, 1, &error);

    g_assert_no_error (error);
    joined = join (open, "stu6", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (joined->status, ==, "approved");
    cs_join_result_free (joined);
  }
  g_assert_true (cs_enrolment_set_cohort_active (conn, cohort, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (cs_enrolment_create_invitation (conn, cohort, 1, NULL, -1, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_CLOSED);
  g_clear_error (&error);

  sync_test_machine_clear (&student);
  sync_test_machine_clear (&ann);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (!*slot)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The async calls run the same on a CsServer's worker (the dashboard uses them). */
static void
test_async (void)
{
  g_autoptr(CsServer) ann = cs_server_new (ann_conninfo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL, r8 = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) invitations = NULL;
  g_autoptr(CsJoinResult) joined = NULL;
  g_autoptr(CsJoinLink) link = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *name = sync_test_user_name (&server, "async1");
  const char *ids[2] = { NULL, NULL };
  guint n = 0;

  cs_enrolment_create_cohort_async (ann, "Async cohort", "ASY-1", FALSE, NULL, sync_test_got_result, &r1);
  cohort = cs_enrolment_create_cohort_finish (ann, wait_result (&r1), &error);
  g_assert_no_error (error);
  cs_enrolment_create_invitation_async (ann, cohort, 2, NULL, -1, NULL, sync_test_got_result, &r2);
  code = cs_enrolment_create_invitation_finish (ann, wait_result (&r2), &error);
  g_assert_no_error (error);
  cs_enrolment_list_invitations_async (ann, cohort, NULL, sync_test_got_result, &r3);
  invitations = cs_enrolment_list_invitations_finish (ann, wait_result (&r3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invitations->len, ==, 1);

  /* A student joins through a link, on a thread of its own. */
  link = cs_join_link_new ("127.0.0.1", atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432"),
                           server.dbname, code, &error);
  g_assert_no_error (error);
  cs_enrolment_join_async (link, name, "async-password", "Async One", NULL, sync_test_got_result, &r4);
  joined = cs_enrolment_join_finish (wait_result (&r4), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined->cohort_title, ==, "Async cohort");

  cs_enrolment_list_requests_async (ann, cohort, "pending", NULL, sync_test_got_result, &r5);
  requests = cs_enrolment_list_requests_finish (ann, wait_result (&r5), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpstr (((CsEnrolmentInfo *) g_ptr_array_index (requests, 0))->user_name, ==, name);
  g_assert_cmpstr (((CsEnrolmentInfo *) g_ptr_array_index (requests, 0))->display_name, ==, "Async One");
  ids[0] = ((CsEnrolmentInfo *) g_ptr_array_index (requests, 0))->id;
  cs_enrolment_decide_async (ann, ids, TRUE, NULL, sync_test_got_result, &r6);
  g_assert_cmpint (cs_enrolment_decide_finish (ann, wait_result (&r6), &error), ==, 1);
  g_assert_no_error (error);

  /* Errors come back as errors: nothing published to assign. */
  cs_enrolment_assign_async (ann, cohort, "00000000-0000-4000-8000-00000000abcd", NULL, NULL, sync_test_got_result, &r7);
  bad = cs_enrolment_assign_finish (ann, wait_result (&r7), &error);
  g_assert_null (bad);
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_PUBLISHED);
  g_clear_error (&error);

  cs_enrolment_list_cohorts_async (ann, NULL, sync_test_got_result, &r8);
  cohorts = cs_enrolment_list_cohorts_finish (ann, wait_result (&r8), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cohorts->len; i++)
    if (g_str_equal (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id, cohort))
      n = ((CsCohortInfo *) g_ptr_array_index (cohorts, i))->n_approved;
  g_assert_cmpuint (n, ==, 1);
}

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs case-studio-cli with @library and @conninfo; @input goes to standard input. */
static void
run_cli (CliResult          *r,
         const char         *library,
         const char         *conninfo,
         const char         *input,
         const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;

  cli_result_clear (r);
  g_ptr_array_add (argv, g_build_filename (g_getenv ("CS_BUILD_DIR"), "src", "cli", "case-studio-cli", NULL));
  g_ptr_array_add (argv, g_strdup_printf ("--library=%s", library));
  if (conninfo)
    g_ptr_array_add (argv, g_strdup_printf ("--server=%s", conninfo));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

/* Line @n (from 0) of @text, without its newline. */
static char *
line_of (const char *text,
         guint       n)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, n);
  return g_strdup (lines[n]);
}

static void
test_cli (void)
{
  CliResult r = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario ("Cold Chain");
  g_autofree char *library = g_build_filename (server.tmpdir, "cli-library.db", NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *link = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *enrolment = NULL;
  g_autofree char *stu_a = sync_test_user_name (&server, "clia");
  g_autofree char *stu_b = sync_test_user_name (&server, "clib");
  g_autofree char *stu_c = sync_test_user_name (&server, "clic");
  g_autofree char *enroll_conninfo = conninfo_for ("ignored", "ignored");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CsStore) store = cs_store_open (library, &error);

    g_assert_no_error (error);
    g_assert_true (cs_store_save_scenario (store, scenario, &error));
  }
  prefix = g_strndup (id_of (scenario), 8);

  /* Publish the case of the library, open a cohort, make a code for two. */
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "publish", prefix, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Published version 1 of “Cold Chain”"));

  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "create", "Night", "class", NULL });
  g_assert_cmpint (r.status, ==, 0);
  cohort = line_of (r.out, 0);
  g_assert_true (g_uuid_string_is_valid (cohort));
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "list", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Night class\tactive\t0 approved\t0 pending\t0 assigned"));

  {
    g_autoptr(GDateTime) in_a_month = g_date_time_add_days (g_date_time_new_now_local (), 30);

    expires = g_date_time_format (in_a_month, "%Y-%m-%d");
  }
  run_cli (&r, library, ann_conninfo, NULL,
           (const char *[]) { "server", "invite", "create", cohort, "--uses", "2", "--expires", expires, NULL });
  g_assert_cmpint (r.status, ==, 0);
  code = line_of (r.out, 0);
  link = line_of (r.out, 1);
  g_assert_true (g_str_has_prefix (link, "case-studio://join?host=127.0.0.1&"));
  g_assert_true (g_str_has_suffix (link, code));

  run_cli (&r, library, ann_conninfo, NULL,
           (const char *[]) { "server", "invite", "create", cohort, "--expires", "next week", NULL });
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "is not a date"));

  /* Two students join, by the link and by the code; the third finds the code used up. */
  run_cli (&r, library, NULL, "clia-password\n",
           (const char *[]) { "server", "join", link, "--user", stu_a, "--name", "Cli A", "--password-stdin", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Asked to join “Night class”"));
  run_cli (&r, library, enroll_conninfo, "clib-password\n",
           (const char *[]) { "server", "join", code, "--user", stu_b, NULL });
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, library, enroll_conninfo, "clic-password\n",
           (const char *[]) { "server", "join", code, "--user", stu_c, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "already been used"));

  /* Ann approves one of them and assigns the case. */
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "enrolments", "list", cohort, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\tpending\t"));
  g_assert_nonnull (strstr (r.out, stu_a));
  enrolment = sync_test_value (server.super, "SELECT left (e.id::text, 8) FROM cs.cohort_students e "
                               "JOIN cs.users u ON u.id = e.student_id WHERE u.role_name = $1", stu_a, NULL);
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "enrolments", "approve", enrolment, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Approved 1 student\n");
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "assign", cohort, prefix, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Assigned the published version "));
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohort_simulations a JOIN cs.scenarios s "
                                   "ON s.id = a.scenario_id WHERE a.cohort_id = $1 AND s.published_from = $2",
                                   cohort, id_of (scenario), NULL), ==, 1);
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "list", NULL });
  g_assert_nonnull (strstr (r.out, "Night class\tactive\t1 approved\t1 pending\t1 assigned"));

  /* Rename the cohort; revoke a code; Cli A, signed in, joins a second cohort. */
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "rename", cohort, "Evening", "class", NULL });
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "list", NULL });
  g_assert_nonnull (strstr (r.out, "Evening class\tactive"));
  {
    g_autofree char *second = NULL;
    g_autofree char *second_code = NULL;
    g_autofree char *invitation = NULL;
    g_autofree char *stu_a_conninfo = conninfo_for (stu_a, "clia-password");

    run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "create", "Day", "class", NULL });
    second = line_of (r.out, 0);
    run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "invite", "create", second, NULL });
    second_code = line_of (r.out, 0);
    run_cli (&r, library, stu_a_conninfo, NULL, (const char *[]) { "server", "join", second_code, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Asked to join “Day class”; your instructor will approve you\n");

    invitation = sync_test_value (server.super, "SELECT left (id::text, 8) FROM cs.cohort_invitations "
                                  "WHERE cohort_id = $1", cohort, NULL);
    run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "invite", "revoke", invitation, NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "Revoked the invitation"));
    run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "invite", "list", cohort, NULL });
    g_assert_nonnull (strstr (r.out, "\trevoked"));
  }

  /* Usage errors say what is missing. */
  run_cli (&r, library, ann_conninfo, NULL, (const char *[]) { "server", "cohort", "rename", NULL });
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "create TITLE"));
  run_cli (&r, library, NULL, "x\n", (const char *[]) { "server", "join", "case-studio://join?host=a.b", "--user", stu_c, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "invitation code"));
  cli_result_clear (&r);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/publish/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  ann_conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/publish/version", test_publish_makes_a_version);
  g_test_add_func ("/publish/enrolment", test_enrolment);
  g_test_add_func ("/publish/async", test_async);
  g_test_add_func ("/publish/cli", test_cli);
  status = g_test_run ();

  g_free (ann_conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
