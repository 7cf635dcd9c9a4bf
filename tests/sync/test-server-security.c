/* test-server-security.c: every rule of DESIGN.md section 5, proved by trying to break it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two instructors (Ann, Bob) and three students log in with their own passwords over TCP.
 * Ann's cohort auto-approves and has Stu1 and Stu2; Bob's does not and has Stu3 (pending).
 * Each instructor has a published case assigned to their cohort; Ann also has a draft and
 * an unassigned published case.
 */

#include "config.h"

#include "cs-server-schema.h"
#include "sync-test-util.h"

#define COHORT_A    "00000000-0000-4000-8000-00000000000a"
#define COHORT_B    "00000000-0000-4000-8000-00000000000b"
#define ANN_DRAFT   "00000000-0000-4000-8000-0000000000a1"
#define ANN_PUB     "00000000-0000-4000-8000-0000000000a2"
#define ANN_PUB2    "00000000-0000-4000-8000-0000000000a3"
#define ANN_PERSONA "00000000-0000-4000-8000-0000000000a4"
#define ANN_SCENE   "00000000-0000-4000-8000-0000000000a5"
#define BOB_DRAFT   "00000000-0000-4000-8000-0000000000b1"
#define BOB_PUB     "00000000-0000-4000-8000-0000000000b2"
#define BOB_PERSONA "00000000-0000-4000-8000-0000000000b4"
#define RUN1        "00000000-0000-4000-8000-000000000101"
#define RUN2        "00000000-0000-4000-8000-000000000102"
#define MESSAGE1    "00000000-0000-4000-8000-000000000201"

typedef struct {
  char   *name;
  char   *password;
  char   *id;
  PGconn *conn;
} Person;

static SyncTestServer server;
static Person ann, bob, stu1, stu2, stu3;
static PGconn *enroll;
static char *ann_code, *bob_code;

static void
person_clear (Person *p)
{
  g_clear_pointer (&p->conn, PQfinish);
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->password, g_free);
  g_clear_pointer (&p->id, g_free);
}

static void
add_instructor (Person *p, const char *base)
{
  g_autoptr(GError) error = NULL;

  p->name = sync_test_user_name (&server, base);
  p->password = g_strdup_printf ("%s-password", base);
  p->id = cs_server_add_instructor (server.super, p->name, p->password, base, &error);
  g_assert_no_error (error);
  p->conn = sync_test_connect_as (&server, p->name, p->password);
}

static void
redeem (Person *p, const char *base, const char *code)
{
  p->name = sync_test_user_name (&server, base);
  p->password = g_strdup_printf ("%s-password", base);
  p->id = sync_test_value (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, $3, $4)",
                           code, p->name, p->password, base, NULL);
  g_assert_nonnull (p->id);
  p->conn = sync_test_connect_as (&server, p->name, p->password);
}

/* A published case with one persona and one scene, made in one transaction. */
static void
publish (Person *p, const char *id, const char *title, const char *persona, const char *scene)
{
  sync_test_rows (p->conn, "BEGIN", NULL);
  sync_test_rows (p->conn, "INSERT INTO cs.scenarios (id, owner_id, title, is_published, tags) "
                  "VALUES ($1, $2, $3, true, '[\"negotiation\"]')", id, p->id, title, NULL);
  if (persona)
    sync_test_rows (p->conn, "INSERT INTO cs.personas (id, scenario_id, position, name, traits) "
                    "VALUES ($1, $2, 0, 'Ana Ruiz', '{\"patience\": 3}')", persona, id, NULL);
  if (scene)
    sync_test_rows (p->conn, "INSERT INTO cs.scenes (id, scenario_id, position, title, goal_criteria) "
                    "VALUES ($1, $2, 0, 'Opening', '[{\"text\": \"Ask about the budget\", \"weight\": 1}]')",
                    scene, id, NULL);
  if (persona && scene)
    sync_test_rows (p->conn, "INSERT INTO cs.scene_personas (scene_id, persona_id, position, involvement) "
                    "VALUES ($1, $2, 0, 'key')", scene, persona, NULL);
  sync_test_rows (p->conn, "COMMIT", NULL);
}

static void
set_up_world (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_server_schema_init (server.super, NULL, &error));
  g_assert_no_error (error);

  add_instructor (&ann, "ann");
  add_instructor (&bob, "bob");

  sync_test_rows (ann.conn, "INSERT INTO cs.cohorts (id, instructor_id, title, auto_approve) "
                  "VALUES ($1, $2, 'Strategy A', true)", COHORT_A, ann.id, NULL);
  sync_test_rows (bob.conn, "INSERT INTO cs.cohorts (id, instructor_id, title) "
                  "VALUES ($1, $2, 'Strategy B')", COHORT_B, bob.id, NULL);

  sync_test_rows (ann.conn, "INSERT INTO cs.scenarios (id, owner_id, title) VALUES ($1, $2, 'Ann draft')",
                  ANN_DRAFT, ann.id, NULL);
  publish (&ann, ANN_PUB, "Ann published", ANN_PERSONA, ANN_SCENE);
  publish (&ann, ANN_PUB2, "Ann unassigned", NULL, NULL);
  publish (&bob, BOB_PUB, "Bob published", BOB_PERSONA, NULL);
  sync_test_rows (ann.conn, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by, due_date) "
                  "VALUES (gen_random_uuid (), $1, $2, $3, now () + interval '7 days')",
                  COHORT_A, ANN_PUB, ann.id, NULL);
  sync_test_rows (bob.conn, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by) "
                  "VALUES (gen_random_uuid (), $1, $2, $3)", COHORT_B, BOB_PUB, bob.id, NULL);

  ann_code = sync_test_value (ann.conn, "SELECT cs.cs_create_invitation ($1, 5)", COHORT_A, NULL);
  bob_code = sync_test_value (bob.conn, "SELECT cs.cs_create_invitation ($1)", COHORT_B, NULL);

  enroll = sync_test_connect_as (&server, "cs_enroll", "cs_enroll");
  redeem (&stu1, "stu1", ann_code);
  redeem (&stu2, "stu2", ann_code);
  redeem (&stu3, "stu3", bob_code);

  sync_test_rows (stu1.conn, "INSERT INTO cs.user_progress (id, user_id, scenario_id, status) "
                  "VALUES ($1, $2, $3, 'in_progress')", RUN1, stu1.id, ANN_PUB, NULL);
  sync_test_rows (stu1.conn, "INSERT INTO cs.scene_progress (id, progress_id, scene_id) "
                  "VALUES (gen_random_uuid (), $1, $2)", RUN1, ANN_SCENE, NULL);
  sync_test_rows (stu1.conn, "INSERT INTO cs.conversation_logs (id, progress_id, kind, content, position) "
                  "VALUES (gen_random_uuid (), $1, 'user', 'What is the budget?', 0)", RUN1, NULL);
  sync_test_rows (stu2.conn, "INSERT INTO cs.user_progress (id, user_id, scenario_id) VALUES ($1, $2, $3)",
                  RUN2, stu2.id, ANN_PUB, NULL);
  sync_test_rows (ann.conn, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, subject, body) "
                  "VALUES ($1, $2, $3, $2, 'Welcome', 'Start with scene one')", MESSAGE1, ann.id, stu1.id, NULL);
}

static void
assert_error (const char *expected, char *state)
{
  g_assert_cmpstr (state, ==, expected);
  g_free (state);
}

/* For ids that a call returns and the test does not need. */
static void
assert_some (char *value)
{
  g_assert_nonnull (value);
  g_free (value);
}

static int
count_as (Person *p, const char *sql)
{
  return sync_test_rows (p->conn, sql, NULL);
}

static void
test_instructor_isolation (void)
{
  /* Bob sees none of Ann's cases (draft, published, unassigned), personas, scenes or cohorts. */
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.scenarios WHERE owner_id = $1", ann.id, NULL), ==, 0);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.scenarios"), ==, 1);
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.personas WHERE id = $1", ANN_PERSONA, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.scenes WHERE id = $1", ANN_SCENE, NULL), ==, 0);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.scene_personas"), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.cohorts WHERE id = $1", COHORT_A, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.cohort_students WHERE cohort_id = $1", COHORT_A, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.cohort_invitations WHERE cohort_id = $1", COHORT_A, NULL), ==, 0);

  /* ... and cannot change or delete them. */
  g_assert_cmpint (sync_test_rows (bob.conn, "UPDATE cs.scenarios SET title = 'mine' WHERE id = $1", ANN_DRAFT, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "DELETE FROM cs.scenarios WHERE id = $1", ANN_DRAFT, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "UPDATE cs.personas SET name = 'x' WHERE id = $1", ANN_PERSONA, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "DELETE FROM cs.cohorts WHERE id = $1", COHORT_A, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (bob.conn, "UPDATE cs.cohort_students SET status = 'rejected' "
                                   "WHERE cohort_id = $1", COHORT_A, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (ann.conn, "SELECT FROM cs.scenarios WHERE id = $1 AND title = 'Ann draft'",
                                   ANN_DRAFT, NULL), ==, 1);
  g_assert_cmpint (sync_test_rows (ann.conn, "SELECT FROM cs.cohort_students WHERE cohort_id = $1 "
                                   "AND status = 'approved'", COHORT_A, NULL), ==, 2);

  /* Bob cannot invite into, assign to or enrol into Ann's cohort. */
  assert_error ("42501", sync_test_error (bob.conn, "SELECT cs.cs_create_invitation ($1)", COHORT_A, NULL));
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by) "
                                          "VALUES (gen_random_uuid (), $1, $2, $3)", COHORT_A, BOB_PUB, bob.id, NULL));
  /* Nor read the progress of Ann's students. */
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.user_progress"), ==, 0);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.conversation_logs"), ==, 0);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.scene_progress"), ==, 0);
}

static void
test_writes_owned_by_others (void)
{
  /* WITH CHECK: rows owned by someone else cannot be written. */
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.scenarios (id, owner_id) VALUES (gen_random_uuid (), $1)",
                                          ann.id, NULL));
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.personas (id, scenario_id, position) "
                                          "VALUES (gen_random_uuid (), $1, 5)", ANN_DRAFT, NULL));
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.cohorts (id, instructor_id, title) "
                                          "VALUES (gen_random_uuid (), $1, 'Fake')", ann.id, NULL));
  sync_test_rows (bob.conn, "INSERT INTO cs.scenarios (id, owner_id) VALUES ($1, $2)", BOB_DRAFT, bob.id, NULL);
  assert_error ("42501", sync_test_error (bob.conn, "UPDATE cs.scenarios SET owner_id = $1 WHERE id = $2",
                                          ann.id, BOB_DRAFT, NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "INSERT INTO cs.user_progress (id, user_id, scenario_id, attempt) "
                                          "VALUES (gen_random_uuid (), $1, $2, 2)", stu2.id, ANN_PUB, NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "INSERT INTO cs.conversation_logs (id, progress_id, kind, position) "
                                          "VALUES (gen_random_uuid (), $1, 'user', 0)", RUN2, NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "UPDATE cs.user_progress SET user_id = $1 WHERE id = $2",
                                          stu2.id, RUN1, NULL));
  /* A student writes no cases at all, and cannot change another person's users row. */
  assert_error ("42501", sync_test_error (stu1.conn, "INSERT INTO cs.scenarios (id, owner_id) VALUES (gen_random_uuid (), $1)",
                                          stu1.id, NULL));
  g_assert_cmpint (sync_test_rows (stu1.conn, "UPDATE cs.users SET display_name = 'pwned' WHERE id = $1", ann.id, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (stu1.conn, "UPDATE cs.users SET display_name = 'Stu One' WHERE id = $1", stu1.id, NULL), ==, 1);
  assert_error ("42501", sync_test_error (stu1.conn, "UPDATE cs.users SET kind = 'admin' WHERE id = $1", stu1.id, NULL));
  /* Students start runs only of cases they can see. */
  assert_error ("42501", sync_test_error (stu1.conn, "INSERT INTO cs.user_progress (id, user_id, scenario_id) "
                                          "VALUES (gen_random_uuid (), $1, $2)", stu1.id, BOB_PUB, NULL));
}

static void
test_student_scenarios (void)
{
  g_autofree char *title = NULL;

  /* Only the published case assigned to an approved cohort, with its personas and scenes. */
  title = sync_test_value (stu1.conn, "SELECT string_agg (title, ',') FROM cs.scenarios", NULL);
  g_assert_cmpstr (title, ==, "Ann published");
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.personas"), ==, 1);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.scenes"), ==, 1);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.scene_personas"), ==, 1);
  g_assert_cmpint (sync_test_rows (stu1.conn, "SELECT FROM cs.scenarios WHERE id IN ($1, $2, $3)",
                                   ANN_DRAFT, ANN_PUB2, BOB_PUB, NULL), ==, 0);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.cohort_simulations"), ==, 1);

  /* An instructor cannot assign an unpublished case ... */
  assert_error ("42501", sync_test_error (ann.conn, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by) "
                                          "VALUES (gen_random_uuid (), $1, $2, $3)", COHORT_A, ANN_DRAFT, ann.id, NULL));
  /* ... and one assigned anyway (by an admin, past that check) still shows nothing. */
  sync_test_rows (server.super, "INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by) "
                  "VALUES (gen_random_uuid (), $1, $2, $3)", COHORT_A, ANN_DRAFT, ann.id, NULL);
  g_assert_cmpint (sync_test_rows (stu1.conn, "SELECT FROM cs.scenarios WHERE id = $1", ANN_DRAFT, NULL), ==, 0);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.scenarios"), ==, 1);

  /* A soft-deleted case disappears for the student, and comes back when restored. */
  sync_test_rows (ann.conn, "UPDATE cs.scenarios SET deleted_at = now (), deleted_by = $1 WHERE id = $2",
                  ann.id, ANN_PUB, NULL);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.scenarios"), ==, 0);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.personas"), ==, 0);
  sync_test_rows (ann.conn, "UPDATE cs.scenarios SET deleted_at = NULL, deleted_by = NULL WHERE id = $1", ANN_PUB, NULL);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.scenarios"), ==, 1);

  /* Students see no invitations (no right on the table at all). */
  assert_error ("42501", sync_test_error (stu1.conn, "SELECT FROM cs.cohort_invitations", NULL));
}

static void
test_progress_privacy (void)
{
  /* Students see only their own runs, scene progress and conversation. */
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.user_progress"), ==, 1);
  g_assert_cmpint (sync_test_rows (stu2.conn, "SELECT FROM cs.user_progress WHERE id = $1", RUN1, NULL), ==, 0);
  g_assert_cmpint (count_as (&stu2, "SELECT FROM cs.scene_progress"), ==, 0);
  g_assert_cmpint (count_as (&stu2, "SELECT FROM cs.conversation_logs"), ==, 0);
  g_assert_cmpint (sync_test_rows (stu2.conn, "UPDATE cs.user_progress SET status = 'abandoned' WHERE id = $1",
                                   RUN1, NULL), ==, 0);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.user_progress"), ==, 0);

  /* Ann reads her students' runs and conversations; Bob (tested above) does not. */
  g_assert_cmpint (count_as (&ann, "SELECT FROM cs.user_progress"), ==, 2);
  g_assert_cmpint (count_as (&ann, "SELECT FROM cs.scene_progress"), ==, 1);
  g_assert_cmpint (count_as (&ann, "SELECT FROM cs.conversation_logs"), ==, 1);
  /* ... but does not write them. */
  g_assert_cmpint (sync_test_rows (ann.conn, "UPDATE cs.user_progress SET final_score = 1 WHERE id = $1", RUN1, NULL), ==, 0);

  /* Grade overrides: Ann adds one to Stu1's run; Stu1 reads it, Stu2 does not; history is append-only. */
  sync_test_rows (ann.conn, "INSERT INTO cs.grade_overrides (id, progress_id, instructor_id, new_score, reason) "
                  "VALUES (gen_random_uuid (), $1, $2, 0.9, 'Good questions')", RUN1, ann.id, NULL);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.grade_overrides"), ==, 1);
  g_assert_cmpint (count_as (&stu2, "SELECT FROM cs.grade_overrides"), ==, 0);
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.grade_overrides (id, progress_id, instructor_id, new_score, reason) "
                                          "VALUES (gen_random_uuid (), $1, $2, 0.1, 'x')", RUN1, bob.id, NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "INSERT INTO cs.grade_overrides (id, progress_id, instructor_id, new_score, reason) "
                                          "VALUES (gen_random_uuid (), $1, $2, 1, 'x')", RUN1, stu1.id, NULL));
  assert_error ("CS013", sync_test_error (server.super, "UPDATE cs.grade_overrides SET new_score = 0.1", NULL));
}

static void
test_messages_and_notifications (void)
{
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.direct_messages"), ==, 1);
  g_assert_cmpint (count_as (&stu2, "SELECT FROM cs.direct_messages"), ==, 0);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.direct_messages"), ==, 0);

  /* Stu1 replies in the thread and marks Ann's message read, but cannot rewrite it. */
  sync_test_rows (stu1.conn, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, parent_id, body) "
                  "VALUES (gen_random_uuid (), $1, $2, $2, $3, 'Thanks')", ann.id, stu1.id, MESSAGE1, NULL);
  g_assert_cmpint (sync_test_rows (stu1.conn, "UPDATE cs.direct_messages SET read_at = now () WHERE id = $1", MESSAGE1, NULL), ==, 1);
  assert_error ("42501", sync_test_error (stu1.conn, "UPDATE cs.direct_messages SET body = 'changed' WHERE id = $1", MESSAGE1, NULL));
  /* Stu2 cannot mark it or write as Stu1; nobody messages outside their cohorts. */
  g_assert_cmpint (sync_test_rows (stu2.conn, "UPDATE cs.direct_messages SET read_at = now () WHERE id = $1", MESSAGE1, NULL), ==, 0);
  assert_error ("42501", sync_test_error (stu2.conn, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, body) "
                                          "VALUES (gen_random_uuid (), $1, $2, $2, 'as stu1')", ann.id, stu1.id, NULL));
  assert_error ("42501", sync_test_error (ann.conn, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, body) "
                                          "VALUES (gen_random_uuid (), $1, $2, $1, 'hello')", ann.id, stu3.id, NULL));
  assert_error ("42501", sync_test_error (stu3.conn, "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, body) "
                                          "VALUES (gen_random_uuid (), $1, $2, $2, 'hello')", ann.id, stu3.id, NULL));

  /* Enrolment notifications went to the instructors only. */
  g_assert_cmpint (count_as (&ann, "SELECT FROM cs.notifications WHERE type = 'enrollment'"), ==, 2);
  g_assert_cmpint (count_as (&bob, "SELECT FROM cs.notifications WHERE type = 'enrollment'"), ==, 1);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.notifications WHERE type = 'enrollment'"), ==, 0);
  /* (Ann's messages told Stu1 since 007; nobody marks another person's.) */
  g_assert_cmpint (sync_test_rows (stu1.conn, "UPDATE cs.notifications SET read_at = now () "
                                   "WHERE user_id <> cs.uid (current_user)", NULL), ==, 0);
  sync_test_rows (ann.conn, "INSERT INTO cs.notifications (id, user_id, sender_id, type, title) "
                  "VALUES (gen_random_uuid (), $1, $2, 'grade', 'Graded')", stu1.id, ann.id, NULL);
  g_assert_cmpint (count_as (&stu1, "SELECT FROM cs.notifications WHERE type = 'grade'"), ==, 1);
  g_assert_cmpint (count_as (&stu2, "SELECT FROM cs.notifications WHERE type = 'grade'"), ==, 0);
  assert_error ("42501", sync_test_error (bob.conn, "INSERT INTO cs.notifications (id, user_id, sender_id, type) "
                                          "VALUES (gen_random_uuid (), $1, $2, 'grade')", stu1.id, bob.id, NULL));
}

static void
test_published_immutable (void)
{
  assert_error ("CS010", sync_test_error (ann.conn, "UPDATE cs.scenarios SET title = 'edited' WHERE id = $1", ANN_PUB, NULL));
  assert_error ("CS010", sync_test_error (ann.conn, "UPDATE cs.personas SET name = 'edited' WHERE id = $1", ANN_PERSONA, NULL));
  assert_error ("CS010", sync_test_error (ann.conn, "DELETE FROM cs.scenes WHERE id = $1", ANN_SCENE, NULL));
  assert_error ("CS010", sync_test_error (ann.conn, "INSERT INTO cs.personas (id, scenario_id, position) "
                                          "VALUES (gen_random_uuid (), $1, 1)", ANN_PUB, NULL));
  /* The draft stays editable. */
  g_assert_cmpint (sync_test_rows (ann.conn, "UPDATE cs.scenarios SET title = 'Ann draft v2', version = 2 "
                                   "WHERE id = $1", ANN_DRAFT, NULL), ==, 1);
}

static void
test_enrolment_status (void)
{
  /* Stu3 is pending in Bob's cohort: sees the cohort, not its assignments or cases. */
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.cohorts"), ==, 1);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.cohort_simulations"), ==, 0);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.scenarios"), ==, 0);

  /* A student cannot approve themself, nor touch another enrolment, but may withdraw. */
  assert_error ("42501", sync_test_error (stu3.conn, "UPDATE cs.cohort_students SET status = 'approved'", NULL));
  assert_error ("42501", sync_test_error (stu3.conn, "UPDATE cs.cohort_students SET cohort_id = $1", COHORT_A, NULL));
  assert_error ("42501", sync_test_error (stu3.conn, "INSERT INTO cs.cohort_students (id, cohort_id, student_id, status) "
                                          "VALUES (gen_random_uuid (), $1, $2, 'approved')", COHORT_A, stu3.id, NULL));
  g_assert_cmpint (sync_test_rows (stu1.conn, "UPDATE cs.cohort_students SET status = 'withdrawn' "
                                   "WHERE student_id = $1", stu2.id, NULL), ==, 0);

  /* Bob approves: now Stu3 sees Bob's case. */
  g_assert_cmpint (sync_test_rows (bob.conn, "UPDATE cs.cohort_students SET status = 'approved', approved_by = $1, "
                                   "approved_at = now () WHERE student_id = $2", bob.id, stu3.id, NULL), ==, 1);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.scenarios"), ==, 1);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.personas"), ==, 1);

  /* Withdrawing removes access again. */
  g_assert_cmpint (sync_test_rows (stu3.conn, "UPDATE cs.cohort_students SET status = 'withdrawn'", NULL), ==, 1);
  g_assert_cmpint (count_as (&stu3, "SELECT FROM cs.scenarios"), ==, 0);
}

static void
test_redeem_codes (void)
{
  g_autofree char *used = NULL;
  g_autofree char *new_name = sync_test_user_name (&server, "late");
  const char *expired_code = "EXPIRED-CODE-0001";

  /* Wrong code, a used single-use code, an expired code: refused, nothing created. */
  assert_error ("CS001", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'late-password', 'Late')",
                                          "NOT-A-REAL-CODE", new_name, NULL));
  assert_error ("CS003", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'late-password', 'Late')",
                                          bob_code, new_name, NULL));
  sync_test_rows (server.super, "INSERT INTO cs.cohort_invitations (id, cohort_id, created_by, token_hash, expires_at, created_at) "
                  "VALUES (gen_random_uuid (), $1, $2, encode (sha256 (convert_to ($3, 'UTF8')), 'hex'), "
                  "        now () - interval '1 day', now () - interval '2 days')", COHORT_A, ann.id, expired_code, NULL);
  assert_error ("CS002", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'late-password', 'Late')",
                                          expired_code, new_name, NULL));
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM pg_roles WHERE rolname = $1", new_name, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.users WHERE role_name = $1", new_name, NULL), ==, 0);

  /* Use counts: two redemptions of Ann's code, one of Bob's single-use code. */
  used = sync_test_value (server.super, "SELECT string_agg (use_count || '/' || max_uses, ',' ORDER BY max_uses) "
                          "FROM cs.cohort_invitations WHERE expires_at > now ()", NULL);
  g_assert_cmpstr (used, ==, "1/1,2/5");

  /* A taken user name fails as a whole: the code is not used up. */
  assert_error ("CS004", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'late-password', 'Late')",
                                          ann_code, stu1.name, NULL));
  g_clear_pointer (&used, g_free);
  used = sync_test_value (server.super, "SELECT use_count FROM cs.cohort_invitations WHERE max_uses = 5", NULL);
  g_assert_cmpstr (used, ==, "2");

  /* Codes are case- and space-insensitive as typed. */
  {
    g_autofree char *typed = g_strdup_printf ("  %s ", ann_code);
    g_autofree char *lower = g_ascii_strdown (typed, -1);
    g_autofree char *id = sync_test_value (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'late-password', 'Late')",
                                           lower, new_name, NULL);
    g_assert_nonnull (id);
  }
}

/* Two people redeem one single-use code at the same moment: the row lock makes the second
 * wait for the first, then refuses it. */
static void
test_single_use_race (void)
{
  g_autofree char *code = sync_test_value (bob.conn, "SELECT cs.cs_create_invitation ($1)", COHORT_B, NULL);
  g_autofree char *first = sync_test_user_name (&server, "racer1");
  g_autofree char *second = sync_test_user_name (&server, "racer2");
  g_autoptr(PGconn) e1 = sync_test_connect_as (&server, "cs_enroll", "cs_enroll");
  g_autoptr(PGconn) e2 = sync_test_connect_as (&server, "cs_enroll", "cs_enroll");
  const char *params[] = { code, second };
  PGresult *result;
  int n_results = 0;

  sync_test_rows (e1, "BEGIN", NULL);
  assert_some (sync_test_value (e1, "SELECT cs.cs_redeem_invitation ($1, $2, 'racer-password', 'R1')",
                                     code, first, NULL));

  g_assert_cmpint (PQsendQueryParams (e2, "SELECT cs.cs_redeem_invitation ($1, $2, 'racer-password', 'R2')",
                                      2, NULL, params, NULL, NULL, 0), ==, 1);
  g_usleep (300 * 1000);
  g_assert_cmpint (PQconsumeInput (e2), ==, 1);
  g_assert_true (PQisBusy (e2));  /* waiting for the invitation's row lock */

  sync_test_rows (e1, "COMMIT", NULL);
  while ((result = PQgetResult (e2)))
    {
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
      g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "CS003");
      n_results++;
      PQclear (result);
    }
  g_assert_cmpint (n_results, ==, 1);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM pg_roles WHERE rolname = $1", first, NULL), ==, 1);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM pg_roles WHERE rolname = $1", second, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.users WHERE role_name = $1", second, NULL), ==, 0);
}

static void
test_injection (void)
{
  g_autofree char *odd_name = sync_test_user_name (&server, "o.brien-x");
  g_autofree char *shown = NULL;
  g_autofree char *roles_before = NULL;
  g_autofree char *roles_after = NULL;
  const char *evil_password = "pa'ss\"word; DROP ROLE cs_student; --";
  const char *evil_display = "Robert'); DROP TABLE cs.users; --";
  const char *evil_names[] = {
    "x\"; DROP ROLE cs_instructor; --",
    "x'; DROP ROLE cs_instructor; --",
    "cs_admin",
    "pg_monitor",
    "Robert",
    NULL,
  };
  /* Other test programs make their own tagged roles on the same server meanwhile: leave those
   * out, keep every untagged role and this program's own. */
  const char *roles_sql = "SELECT string_agg (rolname, ',' ORDER BY rolname) FROM pg_roles "
                          "WHERE rolname !~ '_[0-9a-f]{8}$' OR rolname LIKE '%\\_' || $1";

  roles_before = sync_test_value (server.super, roles_sql, server.tag, NULL);
  for (guint i = 0; evil_names[i]; i++)
    {
      assert_error ("CS005", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, 'good-password', $3)",
                                              ann_code, evil_names[i], evil_display, NULL));
      assert_error ("CS005", sync_test_error (server.super, "SELECT cs.cs_add_instructor ($1, 'good-password')",
                                              evil_names[i], NULL));
    }
  assert_error ("CS001", sync_test_error (enroll, "SELECT cs.cs_redeem_invitation ($1, 'fine_name', 'good-password', 'x')",
                                          "' OR '1'='1", NULL));
  roles_after = sync_test_value (server.super, roles_sql, server.tag, NULL);
  g_assert_cmpstr (roles_after, ==, roles_before);

  /* A name that needs quoting, a password and display name full of SQL: stored literally. */
  assert_some (sync_test_value (enroll, "SELECT cs.cs_redeem_invitation ($1, $2, $3, $4)",
                                     ann_code, odd_name, evil_password, evil_display, NULL));
  {
    g_autoptr(PGconn) odd = sync_test_connect_as (&server, odd_name, evil_password);

    shown = sync_test_value (odd, "SELECT display_name FROM cs.users WHERE role_name = current_user", NULL);
    g_assert_cmpstr (shown, ==, evil_display);
  }
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM pg_roles WHERE rolname IN "
                                   "('cs_admin', 'cs_instructor', 'cs_student', 'cs_kiosk', 'cs_enroll')", NULL), ==, 5);
  g_assert_cmpint (sync_test_rows (server.super, "SELECT FROM cs.users", NULL), >=, 6);
}

static void
test_enroll_is_narrow (void)
{
  g_autoptr(PGresult) tables = sync_test_query (server.super,
    "SELECT format ('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    " WHERE n.nspname = 'cs' AND c.relkind IN ('r', 'p', 'v', 'S')", NULL);

  g_assert_cmpint (PQntuples (tables), >=, 21);
  for (int r = 0; r < PQntuples (tables); r++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s LIMIT 1", PQgetvalue (tables, r, 0));
      assert_error ("42501", sync_test_error (enroll, sql, NULL));
    }
  assert_error ("42501", sync_test_error (enroll, "SELECT cs.cs_add_instructor ('sneaky_x', 'good-password')", NULL));
  assert_error ("42501", sync_test_error (enroll, "SELECT cs.uid ('postgres')", NULL));
  assert_error ("42501", sync_test_error (enroll, "CREATE TEMP TABLE t (x int)", NULL));
  assert_error ("42501", sync_test_error (enroll, "CREATE TABLE cs.t (x int)", NULL));

  /* Only admins add instructors; the identity helpers answer only for oneself. */
  assert_error ("42501", sync_test_error (ann.conn, "SELECT cs.cs_add_instructor ('sneaky_y', 'good-password')", NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "SELECT cs.cs_add_instructor ('sneaky_z', 'good-password')", NULL));
  assert_error ("42501", sync_test_error (stu1.conn, "SELECT cs.create_person ('sneaky_w', 'good-password', 'x', 'instructor')", NULL));
  g_assert_null (sync_test_value (stu1.conn, "SELECT cs.uid ($1)", ann.name, NULL));
  g_assert_cmpint (sync_test_rows (stu1.conn, "SELECT cs.instructor_student_ids ($1, false)", ann.name, NULL), ==, 0);
  {
    g_autofree char *me = sync_test_value (stu1.conn, "SELECT cs.uid (current_user)", NULL);
    g_assert_cmpstr (me, ==, stu1.id);
  }
}

static void
test_kiosk_and_public_cases (void)
{
  g_autofree char *name = sync_test_user_name (&server, "kiosk");
  g_autoptr(PGconn) kiosk = NULL;
  g_autofree char *title = NULL;

  /* No admin command makes kiosks yet: the superuser calls the internal function. */
  assert_some (sync_test_value (server.super, "SELECT cs.create_person ($1, 'kiosk-password', 'Lab 3', 'kiosk')",
                                     name, NULL));
  kiosk = sync_test_connect_as (&server, name, "kiosk-password");
  g_assert_cmpint (sync_test_rows (kiosk, "SELECT FROM cs.scenarios", NULL), ==, 0);

  /* Sharing may change on a published case; its content may not. */
  g_assert_cmpint (sync_test_rows (ann.conn, "UPDATE cs.scenarios SET is_public = true WHERE id = $1", ANN_PUB2, NULL), ==, 1);
  title = sync_test_value (kiosk, "SELECT string_agg (title, ',') FROM cs.scenarios", NULL);
  g_assert_cmpstr (title, ==, "Ann unassigned");
  g_assert_cmpint (sync_test_rows (bob.conn, "SELECT FROM cs.scenarios WHERE id = $1", ANN_PUB2, NULL), ==, 1);
  g_assert_cmpint (sync_test_rows (bob.conn, "UPDATE cs.scenarios SET is_public = false WHERE id = $1", ANN_PUB2, NULL), ==, 0);
  /* Public is not assigned: students still see only their cohort's cases. */
  g_assert_cmpint (sync_test_rows (stu1.conn, "SELECT FROM cs.scenarios WHERE id = $1", ANN_PUB2, NULL), ==, 0);

  /* A kiosk reads nothing else and writes nothing. */
  assert_error ("42501", sync_test_error (kiosk, "SELECT FROM cs.user_progress", NULL));
  assert_error ("42501", sync_test_error (kiosk, "SELECT FROM cs.cohorts", NULL));
  assert_error ("42501", sync_test_error (kiosk, "UPDATE cs.scenarios SET title = 'x'", NULL));
  g_assert_cmpint (sync_test_rows (kiosk, "SELECT FROM cs.users", NULL), ==, 1);
}

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/security/no-server", skip_without_server);
      /* 77: meson reports the whole program as skipped. */
      return g_test_run () == 0 ? 77 : 1;
    }
  set_up_world ();

  /* In order: later tests change enrolments and codes. */
  g_test_add_func ("/sync/security/instructor-isolation", test_instructor_isolation);
  g_test_add_func ("/sync/security/writes-owned-by-others", test_writes_owned_by_others);
  g_test_add_func ("/sync/security/student-scenarios", test_student_scenarios);
  g_test_add_func ("/sync/security/progress-privacy", test_progress_privacy);
  g_test_add_func ("/sync/security/messages-and-notifications", test_messages_and_notifications);
  g_test_add_func ("/sync/security/published-immutable", test_published_immutable);
  g_test_add_func ("/sync/security/enrolment-status", test_enrolment_status);
  g_test_add_func ("/sync/security/redeem-codes", test_redeem_codes);
  g_test_add_func ("/sync/security/single-use-race", test_single_use_race);
  g_test_add_func ("/sync/security/injection", test_injection);
  g_test_add_func ("/sync/security/enroll-is-narrow", test_enroll_is_narrow);
  g_test_add_func ("/sync/security/kiosk-and-public-cases", test_kiosk_and_public_cases);
  status = g_test_run ();

  g_clear_pointer (&enroll, PQfinish);
  for (Person *p = &ann; p; p = p == &ann ? &bob : p == &bob ? &stu1 : p == &stu1 ? &stu2 : p == &stu2 ? &stu3 : NULL)
    person_clear (p);
  g_clear_pointer (&ann_code, g_free);
  g_clear_pointer (&bob_code, g_free);
  sync_test_server_tear_down (&server);
  return status;
}
