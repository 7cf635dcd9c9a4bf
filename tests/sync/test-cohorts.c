/* test-cohorts.c: an instructor manages a cohort (008-cohorts.sql, cs-cohort-admin.h):
 * details and archiving, assignments with a due date and a required flag, taking a student
 * out without losing their work, and that nobody else can do any of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann (the instructor of the sync machines) publishes a case and runs a cohort; two
 * students join and one of them starts the case. Bob, another instructor, has a cohort of
 * his own and tries to change Ann's.
 */

#include "config.h"

#include "cs-cohort-admin.h"
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

static PGconn *
join_as (const char *code,
         const char *base)
{
  g_autofree char *name = sync_test_user_name (&server, base);

  sync_test_join_as (&server, code, base, "approved");
  return sync_test_connect_as (&server, name, "student-password");
}

/* Publishes a new case of Ann's; returns the draft's id and sets *version. */
static char *
publish_case (const char  *title,
              char       **version)
{
  SyncTestMachine machine = { 0 };
  g_autoptr(CsScenario) scenario = sync_test_make_scenario (title);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sync_test_machine_init (&machine, &server, ann_conninfo);
  sync_test_save (&machine, scenario);
  cs_publisher_publish_async (machine.sync, cs_record_get_id (CS_RECORD (scenario)), NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  *version = cs_publisher_publish_finish (machine.sync, result, NULL, &error);
  g_assert_no_error (error);
  sync_test_machine_clear (&machine);
  return g_strdup (cs_record_get_id (CS_RECORD (scenario)));
}

static gboolean
has_cohort (GPtrArray  *cohorts,
            const char *id)
{
  for (guint i = 0; i < cohorts->len; i++)
    if (g_str_equal (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id, id))
      return TRUE;
  return FALSE;
}

/* The cohort @id of @cohorts; fails the test when it is not listed. */
static CsCohortInfo *
find_cohort (GPtrArray  *cohorts,
             const char *id)
{
  for (guint i = 0; i < cohorts->len; i++)
    if (g_str_equal (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id, id))
      return g_ptr_array_index (cohorts, i);
  g_error ("cohort %s is not listed", id);
}

static void
test_details_and_archive (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob1");
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_autoptr(PGconn) bob = sync_test_connect_as (&server, bob_name, "instructor-pw");
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *again = NULL;
  CsCohortInfo *info;

  g_assert_no_error (error);

  /* Created with a semester; blanks are no course code. */
  g_assert_null (cs_cohort_admin_save (ann, NULL, "  ", "X", NULL, FALSE, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_INVALID);
  g_clear_error (&error);
  cohort = cs_cohort_admin_save (ann, NULL, " Negotiation Lab ", " ", "Spring 2027", TRUE, &error);
  g_assert_no_error (error);
  cohorts = cs_enrolment_list_cohorts (ann, &error);
  g_assert_no_error (error);
  info = find_cohort (cohorts, cohort);
  g_assert_cmpstr (info->title, ==, "Negotiation Lab");
  g_assert_null (info->course_code);
  g_assert_cmpstr (info->semester, ==, "Spring 2027");
  g_assert_true (info->auto_approve);
  g_assert_true (info->is_active);
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* Edited: the same id back, every field changed. */
  again = cs_cohort_admin_save (ann, cohort, "Negotiation Lab II", "NEG-201", "", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, cohort);
  cohorts = cs_enrolment_list_cohorts (ann, &error);
  info = find_cohort (cohorts, cohort);
  g_assert_cmpstr (info->title, ==, "Negotiation Lab II");
  g_assert_cmpstr (info->course_code, ==, "NEG-201");
  g_assert_null (info->semester);
  g_assert_false (info->auto_approve);
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* Bob can neither see, change nor archive it. */
  cohorts = cs_enrolment_list_cohorts (bob, &error);
  g_assert_no_error (error);
  g_assert_false (has_cohort (cohorts, cohort));
  g_clear_pointer (&cohorts, g_ptr_array_unref);
  g_assert_null (cs_cohort_admin_save (bob, cohort, "Mine now", NULL, NULL, TRUE, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cs_enrolment_set_cohort_active (bob, cohort, FALSE, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *title = sync_test_value (server.super, "SELECT title || ' ' || is_active FROM cs.cohorts WHERE id = $1",
                                              cohort, NULL);

    g_assert_cmpstr (title, ==, "Negotiation Lab II true");
  }

  /* Archived, it stays listed (last) but takes no assignment; restored, it does again. */
  g_assert_true (cs_enrolment_set_cohort_active (ann, cohort, FALSE, &error));
  g_assert_no_error (error);
  cohorts = cs_enrolment_list_cohorts (ann, &error);
  info = find_cohort (cohorts, cohort);
  g_assert_false (info->is_active);
  g_clear_pointer (&cohorts, g_ptr_array_unref);
  {
    g_autofree char *version = NULL;
    g_autofree char *draft = publish_case ("Archive Check", &version);
    g_autofree char *assigned = NULL;

    g_assert_null (cs_cohort_admin_assign (ann, cohort, draft, NULL, TRUE, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_CLOSED);
    g_clear_error (&error);
    g_assert_true (cs_enrolment_set_cohort_active (ann, cohort, TRUE, &error));
    assigned = cs_cohort_admin_assign (ann, cohort, draft, NULL, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (assigned, ==, version);
  }
}

static void
test_assign_and_withdraw (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob2");
  g_autoptr(GError) error = NULL;
  g_autofree char *bob_id = cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error);
  g_autoptr(PGconn) bob = sync_test_connect_as (&server, bob_name, "instructor-pw");
  g_autoptr(GDateTime) due = g_date_time_new_utc (2027, 3, 14, 17, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 4, 1, 9, 30, 0);
  g_autoptr(PGconn) stu1 = NULL;
  g_autoptr(PGconn) stu2 = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *version = NULL;
  g_autofree char *draft = publish_case ("Harlow Valves", &version);
  g_autofree char *cohort = NULL;
  g_autofree char *bob_cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *row = NULL;
  g_autofree char *enrolment = NULL;
  g_autofree char *run = g_uuid_string_random ();
  g_autofree char *stu1_name = sync_test_user_name (&server, "cstu1");
  gboolean listed = FALSE;

  g_assert_no_error (error);
  cohort = cs_cohort_admin_save (ann, NULL, "Operations 2027", "OPS-101", "Spring", FALSE, &error);
  g_assert_no_error (error);
  bob_cohort = cs_cohort_admin_save (bob, NULL, "Bob's seminar", NULL, NULL, TRUE, &error);
  g_assert_no_error (error);

  /* Ann's published cases list the newest version of each; Bob's list has none of hers. */
  cases = cs_cohort_admin_list_cases (ann, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      CsPublishedCase *c = g_ptr_array_index (cases, i);

      g_assert_cmpstr (c->id, !=, draft);
      if (g_str_equal (c->id, version))
        {
          g_assert_cmpstr (c->title, ==, "Harlow Valves");
          g_assert_cmpint (c->number, ==, 1);
          g_assert_nonnull (c->published_at);
          listed = TRUE;
        }
    }
  g_assert_true (listed);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = cs_cohort_admin_list_cases (bob, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);

  /* Optional, with a due date; assigned again: required, due later, still one row. */
  assigned = cs_cohort_admin_assign (ann, cohort, draft, due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, version);
  row = sync_test_value (ann, "SELECT format ('%s %s %s', scenario_id, to_char (due_date AT TIME ZONE 'UTC', "
                         "'YYYY-MM-DD HH24:MI'), is_required) FROM cs.cohort_simulations WHERE cohort_id = $1",
                         cohort, NULL);
  g_assert_true (g_str_has_suffix (row, " 2027-03-14 17:00 f"));
  g_assert_true (g_str_has_prefix (row, version));
  g_clear_pointer (&row, g_free);
  g_clear_pointer (&assigned, g_free);
  assigned = cs_cohort_admin_assign (ann, cohort, version, later, TRUE, &error);
  g_assert_no_error (error);
  row = sync_test_value (ann, "SELECT format ('%s %s %s', count (*), to_char (max (due_date) AT TIME ZONE 'UTC', "
                         "'YYYY-MM-DD HH24:MI'), bool_and (is_required)) FROM cs.cohort_simulations WHERE cohort_id = $1",
                         cohort, NULL);
  g_assert_cmpstr (row, ==, "1 2027-04-01 09:30 t");
  g_clear_pointer (&row, g_free);

  /* Bob cannot assign to Ann's cohort. */
  g_assert_null (cs_cohort_admin_assign (bob, cohort, draft, NULL, TRUE, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.cohort_simulations WHERE cohort_id = $1", cohort, NULL), ==, 1);

  /* Two students; each cohort has an assignment. */
  code = cs_enrolment_create_invitation (ann, cohort, 2, NULL, 1, &error);
  g_assert_no_error (error);
  stu1 = join_as (code, "cstu1");
  stu2 = join_as (code, "cstu2");
  {
    g_autofree char *other_version = NULL;
    g_autofree char *other = NULL;
    g_autofree char *bob_assigned = NULL;

    other = publish_case ("Bob's pick", &other_version);
    bob_assigned = cs_cohort_admin_assign (bob, bob_cohort, other, NULL, TRUE, &error);
    g_assert_no_error (error);
  }

  /* A student sees the assignments of their own cohort only, with due date and flag. */
  row = sync_test_value (stu2, "SELECT string_agg (format ('%s %s', scenario_id, is_required), ',') "
                         "FROM cs.cohort_simulations", NULL);
  {
    g_autofree char *expected = g_strdup_printf ("%s t", version);

    g_assert_cmpstr (row, ==, expected);
  }
  g_clear_pointer (&row, g_free);
  row = sync_test_value (stu2, "SELECT count (*) || ' ' || bool_and (student_login = current_user) "
                         "FROM cs.cs_cohort_matrix ($1)", cohort, NULL);
  g_assert_cmpstr (row, ==, "1 true");
  g_clear_pointer (&row, g_free);
  g_assert_cmpstr (sync_test_error (stu2, "SELECT FROM cs.cs_cohort_matrix ($1)", bob_cohort, NULL), ==, "42501");

  /* Student 1 starts the case. */
  sync_test_rows (stu1,
    "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, completion_percentage, started_at, last_activity) "
    "SELECT $1, id, $2, 'in_progress', 33.3, now (), now () FROM cs.users WHERE role_name = current_user",
    run, version, NULL);
  sync_test_rows (stu1,
    "INSERT INTO cs.scene_progress (id, progress_id, scene_id, status, attempts, messages_sent, score) "
    "SELECT gen_random_uuid (), $1, id, 'passed', 1, 4, 0.8 FROM cs.scenes WHERE scenario_id = $2 "
    "ORDER BY position LIMIT 1", run, version, NULL);
  enrolment = sync_test_value (server.super, "SELECT e.id FROM cs.cohort_students e JOIN cs.users u ON u.id = e.student_id "
                               "WHERE e.cohort_id = $1 AND u.role_name = $2", cohort, stu1_name, NULL);

  /* Neither Bob nor a student can take student 1 out. */
  g_assert_false (cs_cohort_admin_withdraw (bob, enrolment, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (cs_cohort_admin_withdraw (stu2, enrolment, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sync_test_rows (bob, "UPDATE cs.cohort_students SET status = 'withdrawn' WHERE id = $1",
                                   enrolment, NULL), ==, 0);
  row = sync_test_value (server.super, "SELECT status FROM cs.cohort_students WHERE id = $1", enrolment, NULL);
  g_assert_cmpstr (row, ==, "approved");
  g_clear_pointer (&row, g_free);

  /* Ann does: withdrawn, off the dashboard, the assignment hidden from them, their run
   * and scene kept. */
  g_assert_true (cs_cohort_admin_withdraw (ann, enrolment, &error));
  g_assert_no_error (error);
  row = sync_test_value (server.super, "SELECT e.status || ' ' || (SELECT count (*) FROM cs.user_progress WHERE id = $2) "
                         "  || ' ' || (SELECT count (*) FROM cs.scene_progress WHERE progress_id = $2) "
                         "FROM cs.cohort_students e WHERE e.id = $1", enrolment, run, NULL);
  g_assert_cmpstr (row, ==, "withdrawn 1 1");
  g_clear_pointer (&row, g_free);
  row = sync_test_value (ann, "SELECT string_agg (split_part (student_login, '_', 1), ',') FROM cs.cs_cohort_matrix ($1)",
                         cohort, NULL);
  g_assert_cmpstr (row, ==, "cstu2");
  g_clear_pointer (&row, g_free);
  g_assert_cmpint (sync_test_rows (stu1, "SELECT FROM cs.cohort_simulations", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (stu1, "SELECT FROM cs.user_progress WHERE id = $1", run, NULL), ==, 1);
  /* Twice is fine. */
  g_assert_true (cs_cohort_admin_withdraw (ann, enrolment, &error));
  g_assert_no_error (error);

  /* Undone (only by Ann): back on the dashboard with the same run. */
  g_assert_false (cs_cohort_admin_reinstate (bob, enrolment, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (cs_cohort_admin_reinstate (ann, enrolment, &error));
  g_assert_no_error (error);
  row = sync_test_value (ann, "SELECT string_agg (split_part (student_login, '_', 1) || ' ' || coalesce (progress_id::text, '-'), ',' "
                         "ORDER BY student_login) FROM cs.cs_cohort_matrix ($1)", cohort, NULL);
  {
    g_autofree char *expected = g_strdup_printf ("cstu1 %s,cstu2 -", run);

    g_assert_cmpstr (row, ==, expected);
  }
  g_clear_pointer (&row, g_free);
}

/* The three-argument cs_assign_scenario() of 004 (older clients, cs_enrolment_assign())
 * is a call of the four-argument one since 011: required, the due date given, and an
 * assignment already there kept as it is; the same checks and errors. */
static void
test_three_argument_assign (void)
{
  g_autoptr(PGconn) ann = sync_test_connect (ann_conninfo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_utc (2027, 5, 2, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 6, 9, 8, 15, 0);
  g_autofree char *version = NULL;
  g_autofree char *draft = publish_case ("Three Arguments", &version);
  g_autofree char *cohort = cs_cohort_admin_save (ann, NULL, "Old Clients", NULL, NULL, FALSE, &error);
  g_autofree char *assigned = NULL;
  g_autofree char *row = NULL;
  g_autofree char *body = NULL;
  const char *shown = "SELECT format ('%s %s %s', count (*), to_char (max (due_date) AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD HH24:MI'), bool_and (is_required)) FROM cs.cohort_simulations WHERE cohort_id = $1";

  g_assert_no_error (error);
  /* New: the newest version, required, due as asked. */
  assigned = cs_enrolment_assign (ann, cohort, draft, due, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, version);
  row = sync_test_value (ann, shown, cohort, NULL);
  g_assert_cmpstr (row, ==, "1 2027-05-02 12:00 t");
  g_clear_pointer (&row, g_free);
  g_clear_pointer (&assigned, g_free);

  /* Changed by a newer client, then assigned again by an older one: kept as changed. */
  g_free (cs_cohort_admin_assign (ann, cohort, version, later, FALSE, &error));
  g_assert_no_error (error);
  assigned = cs_enrolment_assign (ann, cohort, version, due, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, version);
  row = sync_test_value (ann, shown, cohort, NULL);
  g_assert_cmpstr (row, ==, "1 2027-06-09 08:15 f");
  g_clear_pointer (&row, g_free);

  /* The four-argument function's checks: an archived cohort, a case never published. */
  g_assert_true (cs_enrolment_set_cohort_active (ann, cohort, FALSE, &error));
  g_assert_null (cs_enrolment_assign (ann, cohort, version, NULL, &error));
  g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (cs_enrolment_set_cohort_active (ann, cohort, TRUE, &error));
  {
    g_autofree char *unknown = g_uuid_string_random ();

    g_assert_null (cs_enrolment_assign (ann, cohort, unknown, NULL, &error));
    g_assert_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_PUBLISHED);
    g_clear_error (&error);
  }

  /* One body: the old signature calls the new function. */
  body = sync_test_value (server.super, "SELECT prosrc FROM pg_proc "
                          "WHERE oid = 'cs.cs_assign_scenario (uuid, uuid, timestamptz)'::regprocedure", NULL);
  g_assert_nonnull (strstr (body, "cs.cs_assign_scenario ($1, $2,"));
  g_assert_null (strstr (body, "INSERT"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/cohorts/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  ann_conninfo = sync_test_instructor_conninfo (&server, NULL);

  g_test_add_func ("/cohorts/details-and-archive", test_details_and_archive);
  g_test_add_func ("/cohorts/assign-and-withdraw", test_assign_and_withdraw);
  g_test_add_func ("/cohorts/three-argument-assign", test_three_argument_assign);
  status = g_test_run ();

  g_free (ann_conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
