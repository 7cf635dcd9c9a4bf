/* test-messages.c: instructor–student messages and notifications on the server
 * (007-messages.sql): threads, read state, who may read and write them, the notifications
 * each event makes, NOTIFY cs_inbox reaching the addressee, due-soon notifications once,
 * whom one may start a thread with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann (the instructor of the sync machines) publishes two cases, opens a cohort, lets
 * stu1 and stu2 in and keeps stu3 waiting, and assigns the cases (one due in three hours).
 * Bob, another instructor, tries to read and write their conversations.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cs-enrolment.h"
#include "cs-messages.h"
#include "cs-notification-text.h"
#include "cs-notifications.h"
#include "cs-publisher.h"
#include "cs-server-schema.h"
#include "sync-test-machine.h"

static SyncTestServer server;
static char *ann_conninfo;

typedef struct {
  char   *cohort;
  char   *version;     /* the first case, due in a week */
  char   *soon;        /* the second case, due in three hours */
  char   *assignment;  /* the first case's cohort_simulations row */
  char   *ann_id, *bob_id, *stu_id[4];
  PGconn *ann, *bob, *stu[4];
} Seeded;

static Seeded seeded;

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

static PGconn *
connect_student (guint i)
{
  g_autofree char *base = g_strdup_printf ("stu%u", i);
  g_autofree char *name = sync_test_user_name (&server, base);

  return sync_test_connect_as (&server, name, "student-password");
}

static void
join (const char *code,
      guint       i,
      const char *expected_status)
{
  g_autofree char *base = g_strdup_printf ("stu%u", i);

  sync_test_join_as (&server, code, base, expected_status);
}

static char *
publish (SyncTestMachine *machine,
         const char      *title)
{
  g_autoptr(CsScenario) scenario = sync_test_make_scenario (title);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *version;

  sync_test_save (machine, scenario);
  cs_publisher_publish_async (machine->sync, cs_record_get_id (CS_RECORD (scenario)), NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  version = cs_publisher_publish_finish (machine->sync, result, NULL, &error);
  g_assert_no_error (error);
  return version;
}

static char *
my_id (PGconn *conn)
{
  return sync_test_value (conn, "SELECT cs.uid (current_user)", NULL);
}

static void
seed (void)
{
  SyncTestMachine machine = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) hours = g_date_time_add_hours (now, 3);
  g_autofree char *bob_name = sync_test_user_name (&server, "bob");
  g_autofree char *open_code = NULL;
  g_autofree char *asking_code = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *soon_case = NULL;

  sync_test_machine_init (&machine, &server, ann_conninfo);
  seeded.version = publish (&machine, "Harlow Valves");
  soon_case = publish (&machine, "Dunmore Dairy");
  sync_test_machine_clear (&machine);

  seeded.ann = sync_test_connect (ann_conninfo);
  g_free (cs_server_add_instructor (server.super, bob_name, "instructor-pw", "Bob", &error));
  g_assert_no_error (error);
  seeded.bob = sync_test_connect_as (&server, bob_name, "instructor-pw");

  seeded.cohort = cs_enrolment_create_cohort (seeded.ann, "Operations 2027", "OPS-101", FALSE, &error);
  g_assert_no_error (error);
  open_code = cs_enrolment_create_invitation (seeded.ann, seeded.cohort, 2, NULL, 1, &error);
  g_assert_no_error (error);
  asking_code = cs_enrolment_create_invitation (seeded.ann, seeded.cohort, 1, NULL, 0, &error);
  g_assert_no_error (error);
  join (open_code, 1, "approved");
  join (open_code, 2, "approved");
  join (asking_code, 3, "pending");

  assigned = cs_enrolment_assign (seeded.ann, seeded.cohort, seeded.version, week, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assigned, ==, seeded.version);
  seeded.soon = cs_enrolment_assign (seeded.ann, seeded.cohort, soon_case, hours, &error);
  g_assert_no_error (error);

  seeded.assignment = sync_test_value (seeded.ann, "SELECT id FROM cs.cohort_simulations WHERE scenario_id = $1",
                                       seeded.version, NULL);
  seeded.ann_id = my_id (seeded.ann);
  seeded.bob_id = my_id (seeded.bob);
  for (guint i = 1; i <= 3; i++)
    {
      seeded.stu[i] = connect_student (i);
      seeded.stu_id[i] = my_id (seeded.stu[i]);
    }
}

static void
seeded_clear (void)
{
  g_clear_pointer (&seeded.ann, PQfinish);
  g_clear_pointer (&seeded.bob, PQfinish);
  for (guint i = 1; i <= 3; i++)
    {
      g_clear_pointer (&seeded.stu[i], PQfinish);
      g_free (seeded.stu_id[i]);
    }
  g_free (seeded.cohort);
  g_free (seeded.version);
  g_free (seeded.soon);
  g_free (seeded.assignment);
  g_free (seeded.ann_id);
  g_free (seeded.bob_id);
}

/* Sends as @conn through cs_send_message; asserts success and returns the message's id. */
static char *
send (PGconn     *conn,
      const char *recipient,
      const char *body,
      const char *cohort,
      const char *assignment,
      const char *parent)
{
  return sync_test_value (conn, "SELECT cs.cs_send_message (nullif ($1, '')::uuid, $2, '', nullif ($3, '')::uuid, "
                          "nullif ($4, '')::uuid, nullif ($5, '')::uuid)",
                          recipient ? recipient : "", body, cohort ? cohort : "", assignment ? assignment : "",
                          parent ? parent : "", NULL);
}

/* "other unread/count last_body" for each of @conn's threads, newest first. */
static char *
threads_of (PGconn *conn)
{
  return sync_test_value (conn,
    "SELECT coalesce (string_agg (format ('%s %s/%s %s', split_part (other_name, '_', 1), unread_count, "
    "                                     message_count, last_body), ', ' ORDER BY last_at DESC), '') "
    "FROM cs.cs_message_threads ()", NULL);
}

static int
notifications_of (PGconn     *conn,
                  const char *type)
{
  return sync_test_rows (conn, "SELECT FROM cs.notifications WHERE user_id = cs.uid (current_user) AND type = $1",
                         type, NULL);
}

static void
test_threads_and_security (void)
{
  g_autofree char *first = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *again = NULL;
  g_autofree char *about = NULL;
  g_autofree char *text = NULL;
  g_autofree char *state = NULL;
  g_autofree char *expected = NULL;

  /* A student asks about the cohort; the thread is unread for the instructor only. */
  first = send (seeded.stu[1], seeded.ann_id, "When is the seminar?", seeded.cohort, NULL, NULL);
  text = threads_of (seeded.ann);
  g_assert_cmpstr (text, ==, "stu1 1/1 When is the seminar?");
  g_clear_pointer (&text, g_free);
  text = threads_of (seeded.stu[1]);
  g_assert_cmpstr (text, ==, "Sync Tester 0/1 When is the seminar?");
  g_clear_pointer (&text, g_free);

  /* Replies stay in the thread, a reply to a reply too. */
  reply = send (seeded.ann, NULL, "  Thursday at ten.  ", NULL, NULL, first);
  again = send (seeded.stu[1], NULL, "Thanks!", NULL, NULL, reply);
  text = sync_test_value (seeded.ann, "SELECT string_agg (coalesce (parent_id::text, '-'), ' ' ORDER BY created_at, change_seq) "
                          "FROM cs.direct_messages", NULL);
  expected = g_strdup_printf ("- %s %s", first, first);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  text = sync_test_value (seeded.stu[1], "SELECT string_agg (format ('%s:%s', body, mine), '|') FROM cs.cs_thread_messages ($1)",
                          first, NULL);
  g_assert_cmpstr (text, ==, "When is the seminar?:t|Thursday at ten.:f|Thanks!:t");
  g_clear_pointer (&text, g_free);
  text = threads_of (seeded.ann);
  g_assert_cmpstr (text, ==, "stu1 2/3 Thanks!");
  g_clear_pointer (&text, g_free);
  text = threads_of (seeded.stu[1]);
  g_assert_cmpstr (text, ==, "Sync Tester 1/3 Thanks!");
  g_clear_pointer (&text, g_free);

  /* Read state: the recipient marks, once; the sender cannot mark their own message. */
  g_assert_cmpstr (state = sync_test_value (seeded.ann, "SELECT cs.cs_mark_thread_read ($1)", first, NULL), ==, "2");
  g_clear_pointer (&state, g_free);
  g_assert_cmpstr (state = sync_test_value (seeded.ann, "SELECT cs.cs_mark_thread_read ($1)", first, NULL), ==, "0");
  g_clear_pointer (&state, g_free);
  text = threads_of (seeded.ann);
  g_assert_cmpstr (text, ==, "stu1 0/3 Thanks!");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.notifications WHERE type = 'message' "
                                   "AND user_id = cs.uid (current_user) AND read_at IS NULL", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.stu[1], "UPDATE cs.direct_messages SET read_at = now () WHERE id = $1",
                                   again, NULL), ==, 0);
  state = sync_test_error (seeded.ann, "UPDATE cs.direct_messages SET body = 'Changed' WHERE id = $1", again, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (server.super, "UPDATE cs.direct_messages SET body = 'Changed' WHERE id = $1", again, NULL);
  g_assert_cmpstr (state, ==, "CS012");
  g_clear_pointer (&state, g_free);

  /* A third person neither reads nor writes the pair's conversation. */
  g_assert_cmpint (sync_test_rows (seeded.bob, "SELECT FROM cs.direct_messages", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.bob, "SELECT FROM cs.cs_thread_messages ($1)", first, NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.bob, "SELECT FROM cs.cs_message_threads ()", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.stu[2], "SELECT FROM cs.direct_messages", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.stu[2], "SELECT FROM cs.cs_thread_messages ($1)", first, NULL), ==, 0);
  state = sync_test_error (seeded.bob, "SELECT cs.cs_send_message (NULL, 'Hi', '', NULL, NULL, $1)", first, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.stu[2], "SELECT cs.cs_send_message (NULL, 'Hi', '', NULL, NULL, $1)", first, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.bob, "SELECT cs.cs_send_message ($1, 'Hi')", seeded.stu_id[1], NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.bob,
    "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, body) "
    "VALUES (gen_random_uuid (), $1, $2, $1, 'Hi')", seeded.bob_id, seeded.stu_id[1], NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (sync_test_rows (seeded.bob, "UPDATE cs.direct_messages SET read_at = now ()", NULL), ==, 0);
  g_assert_cmpstr (state = sync_test_value (seeded.bob, "SELECT cs.cs_mark_thread_read ($1)", first, NULL), ==, "0");
  g_clear_pointer (&state, g_free);
  text = threads_of (seeded.stu[1]);
  g_assert_cmpstr (text, ==, "Sync Tester 1/3 Thanks!");
  g_clear_pointer (&text, g_free);

  /* A student cannot message a student, nor an instructor who is not theirs. */
  state = sync_test_error (seeded.stu[1], "SELECT cs.cs_send_message ($1, 'Hi')", seeded.stu_id[2], NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.stu[1],
    "INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, body) "
    "VALUES (gen_random_uuid (), $1, $2, $2, 'Hi')", seeded.stu_id[2], seeded.stu_id[1], NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.stu[1], "SELECT cs.cs_send_message ($1, 'Hi')", seeded.bob_id, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = sync_test_error (seeded.stu[1], "SELECT cs.cs_send_message ($1, '   ')", seeded.ann_id, NULL);
  g_assert_cmpstr (state, ==, "CS040");
  g_clear_pointer (&state, g_free);

  /* About an assignment: the thread names the case and its cohort. */
  about = send (seeded.ann, seeded.stu_id[2], "Your draft memo looks good.", NULL, seeded.assignment, NULL);
  text = sync_test_value (seeded.stu[2], "SELECT format ('%s %s %s %s/%s', assignment_title, cohort_title, "
                          "split_part (other_name, '_', 1), unread_count, message_count) FROM cs.cs_message_threads ()", NULL);
  g_assert_cmpstr (text, ==, "Harlow Valves Operations 2027 Sync Tester 1/1");
  g_clear_pointer (&text, g_free);
  text = sync_test_value (seeded.ann, "SELECT message_type || ' ' || (cohort_id = $2) FROM cs.direct_messages WHERE id = $1",
                          about, seeded.cohort, NULL);
  g_assert_cmpstr (text, ==, "assignment true");
  g_clear_pointer (&text, g_free);
  /* …of a cohort the two are in. */
  state = sync_test_error (seeded.ann, "SELECT cs.cs_send_message ($1, 'Hi', '', $2)",
                           seeded.stu_id[2], seeded.bob_id, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
}

static void
test_notifications (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *run = g_uuid_string_random ();
  g_autofree char *text = NULL;
  g_autofree char *enrolment = NULL;
  g_autofree char *message = NULL;
  g_autofree char *note = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *expected = NULL;
  const char *ids[2] = { NULL, NULL };

  /* Assignments tell the approved students, not the waiting one. */
  g_assert_cmpint (notifications_of (seeded.stu[1], "assignment"), ==, 2);
  g_assert_cmpint (notifications_of (seeded.stu[2], "assignment"), ==, 2);
  g_assert_cmpint (notifications_of (seeded.stu[3], "assignment"), ==, 0);
  text = sync_test_value (seeded.stu[1], "SELECT title FROM cs.notifications WHERE type = 'assignment' "
                          "AND data ->> 'assignment_id' = $1", seeded.assignment, NULL);
  g_assert_cmpstr (text, ==, "New assignment: Harlow Valves");
  g_clear_pointer (&text, g_free);

  /* Enrolment requested (004) tells the instructor; approved tells the student. */
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.notifications WHERE type = 'enrollment' "
                                   "AND data ->> 'status' = 'pending' AND data ->> 'student_id' = $1",
                                   seeded.stu_id[3], NULL), ==, 1);
  g_assert_cmpint (notifications_of (seeded.stu[3], "enrollment"), ==, 0);
  /* Not approved yet: the instructor cannot start writing to them. */
  {
    g_autofree char *refused = sync_test_error (seeded.ann, "SELECT cs.cs_send_message ($1, 'Welcome?')",
                                                seeded.stu_id[3], NULL);

    g_assert_cmpstr (refused, ==, "42501");
  }
  enrolment = sync_test_value (seeded.ann, "SELECT id FROM cs.cohort_students WHERE student_id = $1",
                               seeded.stu_id[3], NULL);
  ids[0] = enrolment;
  g_assert_cmpint (cs_enrolment_decide (seeded.ann, ids, TRUE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (sync_test_rows (seeded.stu[3], "SELECT FROM cs.notifications WHERE type = 'enrollment' "
                                   "AND data ->> 'status' = 'approved'", NULL), ==, 1);

  /* A new message tells its recipient, naming the thread. */
  message = send (seeded.stu[3], seeded.ann_id, "Hello, I am in.", seeded.cohort, NULL, NULL);
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.notifications WHERE type = 'message' "
                                   "AND data ->> 'thread_id' = $1 AND message = 'Hello, I am in.' "
                                   "AND sender_id = $2 AND read_at IS NULL",
                                   message, seeded.stu_id[3], NULL), ==, 1);
  g_assert_cmpint (notifications_of (seeded.stu[3], "message"), ==, 0);

  /* A completed run tells the instructor, once. */
  sync_test_rows (seeded.stu[1],
    "INSERT INTO cs.user_progress (id, user_id, scenario_id, status, started_at) "
    "VALUES ($1, cs.uid (current_user), $2, 'in_progress', now ())", run, seeded.version, NULL);
  g_assert_cmpint (notifications_of (seeded.ann, "run_completed"), ==, 0);
  sync_test_rows (seeded.stu[1], "UPDATE cs.user_progress SET status = 'completed', final_score = 0.8, "
                  "completion_percentage = 100, completed_at = now () WHERE id = $1", run, NULL);
  sync_test_rows (seeded.stu[1], "UPDATE cs.user_progress SET status = 'completed', total_time_spent = 900 "
                  "WHERE id = $1", run, NULL);
  g_assert_cmpint (notifications_of (seeded.ann, "run_completed"), ==, 1);
  text = sync_test_value (seeded.ann, "SELECT message FROM cs.notifications WHERE type = 'run_completed' "
                          "AND data ->> 'progress_id' = $1", run, NULL);
  g_assert_cmpstr (text, ==, "Score 80 %");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (notifications_of (seeded.bob, "run_completed"), ==, 0);

  /* A changed grade (006) tells the student. */
  g_assert_cmpint (notifications_of (seeded.stu[1], "grade"), ==, 0);
  sync_test_rows (seeded.ann, "SELECT cs.cs_override_grade ($1, 0.9, 'Good memo')", run, NULL);
  g_assert_cmpint (notifications_of (seeded.stu[1], "grade"), ==, 1);

  /* Due soon: the case due in three hours, once per student, not for instructors. */
  g_assert_cmpstr (text = sync_test_value (seeded.stu[1], "SELECT cs.cs_make_due_soon_notifications ()", NULL), ==, "1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (text = sync_test_value (seeded.stu[1], "SELECT cs.cs_make_due_soon_notifications ()", NULL), ==, "0");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (text = sync_test_value (seeded.stu[2], "SELECT cs.cs_make_due_soon_notifications ()", NULL), ==, "1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (text = sync_test_value (seeded.ann, "SELECT cs.cs_make_due_soon_notifications ()", NULL), ==, "0");
  g_clear_pointer (&text, g_free);
  text = sync_test_value (seeded.stu[1], "SELECT title || ' ' || (data ->> 'assignment_id') FROM cs.notifications "
                          "WHERE type = 'due_soon'", NULL);
  soon = sync_test_value (seeded.ann, "SELECT id FROM cs.cohort_simulations WHERE scenario_id = $1",
                          seeded.soon, NULL);
  expected = g_strdup_printf ("Dunmore Dairy is due soon %s", soon);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (notifications_of (seeded.stu[1], "due_soon"), ==, 1);

  /* Each sees only their own, and marks only their own read. */
  g_assert_cmpint (sync_test_rows (seeded.stu[2], "SELECT FROM cs.notifications WHERE user_id = $1",
                                   seeded.stu_id[1], NULL), ==, 0);
  note = sync_test_value (seeded.stu[1], "SELECT id FROM cs.notifications WHERE type = 'grade'", NULL);
  g_assert_cmpstr (text = sync_test_value (seeded.bob, "SELECT cs.cs_mark_notifications_read (ARRAY[$1::uuid])",
                                           note, NULL), ==, "0");
  g_clear_pointer (&text, g_free);
  text = sync_test_value (seeded.stu[1], "SELECT string_agg (type, ' ' ORDER BY type) FROM cs.notifications "
                          "WHERE read_at IS NULL AND user_id = cs.uid (current_user)", NULL);
  g_assert_cmpstr (text, ==, "assignment assignment due_soon grade message");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (text = sync_test_value (seeded.stu[1], "SELECT cs.cs_mark_notifications_read (ARRAY[$1::uuid])",
                                           note, NULL), ==, "1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sync_test_rows (seeded.stu[1], "SELECT FROM cs.notifications WHERE read_at IS NULL "
                                   "AND user_id = cs.uid (current_user)", NULL), ==, 4);
  g_assert_cmpstr (text = sync_test_value (seeded.stu[1], "SELECT cs.cs_mark_notifications_read ()", NULL), ==, "4");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sync_test_rows (seeded.stu[1], "SELECT FROM cs.notifications WHERE read_at IS NULL "
                                   "AND user_id = cs.uid (current_user)", NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (seeded.stu[2], "SELECT FROM cs.notifications WHERE read_at IS NULL", NULL), >, 0);
}

/* The member @key of the JSON object @payload, which must have exactly "user", "t", "id". */
static char *
payload_member (const char *payload,
                const char *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, payload, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
  g_assert_true (json_object_has_member (object, "user"));
  g_assert_true (json_object_has_member (object, "t"));
  g_assert_true (json_object_has_member (object, "id"));
  return g_strdup (json_object_get_string_member (object, key));
}

static void
test_notify (void)
{
  g_autoptr(PGconn) second = connect_student (1);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *message = NULL;
  g_autofree char *payload = NULL;
  gboolean got_notification = FALSE, got_message = FALSE;

  sync_test_rows (second, "LISTEN cs_inbox", NULL);
  g_assert_null (sync_test_wait_for_notify (second, 50));

  /* The instructor writes; the student's other connection hears of the message and of its
   * notification within 2 s, and nothing names anybody else. */
  g_timer_start (timer);
  message = send (seeded.ann, seeded.stu_id[1], "See you on Thursday.", NULL, NULL, NULL);
  while (!(got_notification && got_message) && (payload = sync_test_wait_for_notify (second, 2000)))
    {
      g_autofree char *user = payload_member (payload, "user");
      g_autofree char *table = payload_member (payload, "t");
      g_autofree char *id = payload_member (payload, "id");

      g_assert_true (g_str_equal (user, seeded.stu_id[1]) || g_str_equal (user, seeded.ann_id));
      if (g_str_equal (user, seeded.stu_id[1]) && g_str_equal (table, "notifications"))
        {
          g_autofree char *thread = sync_test_value (second, "SELECT data ->> 'thread_id' FROM cs.notifications "
                                                     "WHERE id = $1", id, NULL);
          g_assert_cmpstr (thread, ==, message);
          got_notification = TRUE;
        }
      if (g_str_equal (user, seeded.stu_id[1]) && g_str_equal (table, "direct_messages"))
        {
          g_assert_cmpstr (id, ==, message);
          got_message = TRUE;
        }
      g_clear_pointer (&payload, g_free);
    }
  g_assert_true (got_notification);
  g_assert_true (got_message);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
  g_test_message ("message to the addressee's second connection in %.1f ms",
                  g_timer_elapsed (timer, NULL) * 1000);

  /* Marking read is told too, to the reader. */
  sync_test_rows (seeded.stu[1], "SELECT cs.cs_mark_thread_read ($1)", message, NULL);
  got_notification = got_message = FALSE;
  while (!(got_notification && got_message) && (payload = sync_test_wait_for_notify (second, 2000)))
    {
      g_autofree char *user = payload_member (payload, "user");
      g_autofree char *table = payload_member (payload, "t");

      if (g_str_equal (user, seeded.stu_id[1]))
        {
          got_notification |= g_str_equal (table, "notifications");
          got_message |= g_str_equal (table, "direct_messages");
        }
      g_clear_pointer (&payload, g_free);
    }
  g_assert_true (got_notification);
  g_assert_true (got_message);

  /* A message between others names only them. */
  g_free (send (seeded.ann, seeded.stu_id[2], "A word for stu2.", NULL, NULL, NULL));
  while ((payload = sync_test_wait_for_notify (second, 300)))
    {
      g_autofree char *user = payload_member (payload, "user");

      g_assert_cmpstr (user, !=, seeded.stu_id[1]);
      g_clear_pointer (&payload, g_free);
    }
}

/* The client: CsNotifications and the messages API on a CsServer's worker */

static char *
student_conninfo (guint i)
{
  g_autofree char *base = g_strdup_printf ("stu%u", i);
  g_autofree char *name = sync_test_user_name (&server, base);

  return sync_test_tcp_conninfo (&server, name, "student-password");
}

static gpointer
run_to_end (GAsyncResult **result)
{
  while (!*result)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
arrived_cb (CsNotifications *notifications,
            CsNotification  *notification,
            GPtrArray       *arrived)
{
  g_ptr_array_add (arrived, g_object_ref (notification));
}

static guint
unread_on_server (PGconn *conn)
{
  return (guint) sync_test_rows (conn, "SELECT FROM cs.notifications WHERE read_at IS NULL "
                                 "AND user_id = cs.uid (current_user)", NULL);
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data, double seconds)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  while (!done (data))
    {
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_arrived (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

static gboolean
is_watching (gpointer data)
{
  return cs_notifications_get_watching (data);
}

static gboolean
is_not_watching (gpointer data)
{
  return !cs_notifications_get_watching (data);
}

static void
test_model (void)
{
  g_autofree char *conninfo = student_conninfo (2);
  g_autoptr(CsServer) stu2 = cs_server_new (conninfo);
  g_autoptr(CsNotifications) notifications = cs_notifications_new (stu2);
  g_autoptr(GPtrArray) arrived = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *first = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(CsNotification) newest = NULL;
  CsMessageThread *thread = NULL;
  guint unread;

  g_signal_connect (notifications, "arrived", G_CALLBACK (arrived_cb), arrived);
  cs_notifications_load_async (notifications, NULL, sync_test_got_result, &result);
  g_assert_true (cs_notifications_load_finish (notifications, run_to_end (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (cs_notifications_get_user_id (notifications), ==, seeded.stu_id[2]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (notifications)), ==,
                    sync_test_rows (seeded.stu[2], "SELECT FROM cs.notifications WHERE user_id = cs.uid (current_user)", NULL));
  unread = cs_notifications_get_unread_count (notifications);
  g_assert_cmpuint (unread, ==, unread_on_server (seeded.stu[2]));
  g_assert_cmpuint (unread, >, 0);
  g_assert_cmpuint (arrived->len, ==, 0);  /* the first load is what was there */

  /* A message from the instructor arrives within 2 s, through LISTEN, with no polling. */
  cs_notifications_watch (notifications, NULL);
  wait_for (is_watching, notifications, 10);
  g_timer_start (timer);
  first = send (seeded.ann, seeded.stu_id[2], "Please read chapter 3.", NULL, NULL, NULL);
  wait_for (has_arrived, arrived, 2.0);
  g_test_message ("a message in the recipient's model after %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (arrived->len, ==, 1);
  g_assert_cmpstr (cs_notification_get_kind (arrived->pdata[0]), ==, "message");
  g_assert_cmpstr (cs_notification_get_data_id (arrived->pdata[0], "thread_id"), ==, first);
  g_assert_cmpstr (cs_notification_get_message (arrived->pdata[0]), ==, "Please read chapter 3.");
  g_assert_cmpuint (cs_notifications_get_unread_count (notifications), ==, unread + 1);
  newest = g_list_model_get_item (G_LIST_MODEL (notifications), 0);
  g_assert_cmpstr (cs_notification_get_id (newest), ==, cs_notification_get_id (arrived->pdata[0]));

  /* Marking one read: at once in the model, then on the server. */
  cs_notifications_mark_read_async (notifications, newest, NULL, sync_test_got_result, &result);
  g_assert_true (cs_notification_get_read (newest));
  g_assert_cmpuint (cs_notifications_get_unread_count (notifications), ==, unread);
  g_assert_true (cs_notifications_mark_read_finish (notifications, run_to_end (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (unread_on_server (seeded.stu[2]), ==, unread);

  /* The messages API: the thread, a reply, read state. */
  cs_messages_list_threads_async (stu2, NULL, sync_test_got_result, &result);
  threads = cs_messages_list_threads_finish (stu2, run_to_end (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < threads->len; i++)
    if (g_str_equal (((CsMessageThread *) threads->pdata[i])->id, first))
      thread = threads->pdata[i];
  g_assert_nonnull (thread);
  g_assert_cmpuint (thread->n_unread, ==, 1);
  g_assert_cmpstr (thread->other_id, ==, seeded.ann_id);
  g_assert_cmpstr (thread->last_body, ==, "Please read chapter 3.");

  cs_messages_send_async (stu2, NULL, "   ", NULL, NULL, NULL, first, NULL, sync_test_got_result, &result);
  g_assert_null (cs_messages_send_finish (stu2, run_to_end (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);
  cs_messages_send_async (stu2, NULL, "I will.", NULL, NULL, NULL, first, NULL, sync_test_got_result, &result);
  reply = cs_messages_send_finish (stu2, run_to_end (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (reply));
  g_clear_object (&result);
  cs_messages_send_async (stu2, seeded.stu_id[1], "Hi stu1", NULL, NULL, NULL, NULL, NULL, sync_test_got_result, &result);
  g_assert_null (cs_messages_send_finish (stu2, run_to_end (&result), &error));
  g_assert_nonnull (error);  /* a student does not write to a student */
  g_clear_error (&error);
  g_clear_object (&result);

  cs_messages_mark_read_async (stu2, first, NULL, sync_test_got_result, &result);
  g_assert_true (cs_messages_mark_read_finish (stu2, run_to_end (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  cs_messages_list_async (stu2, first, NULL, sync_test_got_result, &result);
  messages = cs_messages_list_finish (stu2, run_to_end (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_false (((CsDirectMessage *) messages->pdata[0])->mine);
  g_assert_true (((CsDirectMessage *) messages->pdata[0])->read);
  g_assert_cmpstr (((CsDirectMessage *) messages->pdata[1])->body, ==, "I will.");
  g_assert_true (((CsDirectMessage *) messages->pdata[1])->mine);

  /* The listening connection is cut; what comes meanwhile is caught up once it is back. */
  g_ptr_array_set_size (arrived, 0);
  sync_test_rows (server.super, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                  "WHERE datname = current_database () AND query LIKE 'LISTEN cs_inbox%'", NULL);
  wait_for (is_not_watching, notifications, 10);
  g_free (send (seeded.ann, seeded.stu_id[2], "While you were away.", NULL, NULL, NULL));
  wait_for (is_watching, notifications, 10);
  wait_for (has_arrived, arrived, 5);
  g_assert_cmpstr (cs_notification_get_message (arrived->pdata[0]), ==, "While you were away.");
  g_assert_cmpuint (cs_notifications_get_unread_count (notifications), ==, unread_on_server (seeded.stu[2]));

  /* All read. */
  cs_notifications_mark_read_async (notifications, NULL, NULL, sync_test_got_result, &result);
  g_assert_cmpuint (cs_notifications_get_unread_count (notifications), ==, 0);
  g_assert_true (cs_notifications_mark_read_finish (notifications, run_to_end (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (unread_on_server (seeded.stu[2]), ==, 0);
  cs_notifications_unwatch (notifications);
}

/* Whom one may start a thread with: approved students of my cohorts, my instructors. Runs
 * first, while stu3 still waits for approval. */
static char *
recipients_of (PGconn *conn)
{
  return sync_test_value (conn, "SELECT coalesce (string_agg (split_part (person_name, '_', 1) || '@' || cohort_title, ' ' "
                          "ORDER BY person_name), '') FROM cs.cs_message_recipients ()", NULL);
}

static void
test_recipients (void)
{
  g_autoptr(CsServer) worker = cs_server_new (ann_conninfo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;
  const CsMessageRecipient *first;

  /* stu3 waits for approval: not on Ann's list; Ann on theirs (to ask about joining). */
  text = recipients_of (seeded.ann);
  g_assert_cmpstr (text, ==, "stu1@Operations 2027 stu2@Operations 2027");
  g_clear_pointer (&text, g_free);
  text = recipients_of (seeded.stu[1]);
  g_assert_cmpstr (text, ==, "Sync Tester@Operations 2027");
  g_clear_pointer (&text, g_free);
  text = recipients_of (seeded.stu[3]);
  g_assert_cmpstr (text, ==, "Sync Tester@Operations 2027");
  g_clear_pointer (&text, g_free);
  text = recipients_of (seeded.bob);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* Through the worker. */
  cs_messages_list_recipients_async (worker, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  list = cs_messages_list_recipients_finish (worker, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpstr (first->person_id, ==, seeded.stu_id[1]);
  g_assert_cmpstr (first->cohort_id, ==, seeded.cohort);
  g_assert_cmpstr (first->cohort_title, ==, "Operations 2027");
  g_assert_false (first->pending);
  /* With the cohort's assignments, by title. */
  g_assert_cmpuint (first->assignments->len, ==, 2);
  g_assert_cmpstr (((CsMessageAssignment *) g_ptr_array_index (first->assignments, 0))->title, ==, "Dunmore Dairy");
  g_assert_cmpstr (((CsMessageAssignment *) g_ptr_array_index (first->assignments, 0))->id, ==,
                   sync_test_value (seeded.ann, "SELECT id FROM cs.cohort_simulations WHERE scenario_id = $1",
                                    seeded.soon, NULL));
  g_assert_cmpstr (((CsMessageAssignment *) g_ptr_array_index (first->assignments, 1))->id, ==, seeded.assignment);
}

static GPtrArray *
recipients_through_worker (const char *conninfo)
{
  g_autoptr(CsServer) worker = cs_server_new (conninfo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  cs_messages_list_recipients_async (worker, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  list = cs_messages_list_recipients_finish (worker, result, &error);
  g_assert_no_error (error);
  return list;
}

/* A student waiting for approval may write to that cohort's instructor, about the cohort
 * only: they may have to ask about joining, but see none of its work yet. */
static void
test_pending_student (void)
{
  g_autofree char *conninfo = student_conninfo (3);
  g_autoptr(GPtrArray) list = recipients_through_worker (conninfo);
  const CsMessageRecipient *ann;
  g_autofree char *refused = NULL;
  g_autofree char *thread = NULL;
  g_autofree char *kind = NULL;

  g_assert_cmpuint (list->len, ==, 1);
  ann = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ann->person_id, ==, seeded.ann_id);
  g_assert_cmpstr (ann->cohort_id, ==, seeded.cohort);
  g_assert_true (ann->pending);
  g_assert_cmpuint (ann->assignments->len, ==, 0);

  /* Not about an assignment, nor about nothing in particular, nor to another instructor. */
  refused = sync_test_error (seeded.stu[3], "SELECT cs.cs_send_message ($1, 'About the case?', '', $2, $3)",
                             seeded.ann_id, seeded.cohort, seeded.assignment, NULL);
  g_assert_cmpstr (refused, ==, "42501");
  g_clear_pointer (&refused, g_free);
  refused = sync_test_error (seeded.stu[3], "SELECT cs.cs_send_message ($1, 'Hello?')", seeded.ann_id, NULL);
  g_assert_cmpstr (refused, ==, "42501");
  g_clear_pointer (&refused, g_free);
  refused = sync_test_error (seeded.stu[3], "SELECT cs.cs_send_message ($1, 'Hello?', '', $2)",
                             seeded.bob_id, seeded.cohort, NULL);
  g_assert_cmpstr (refused, ==, "42501");
  g_clear_pointer (&refused, g_free);
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.direct_messages", NULL), ==, 0);

  /* About the cohort: fine, and Ann may answer in that thread. */
  thread = sync_test_value (seeded.stu[3], "SELECT cs.cs_send_message ($1, 'Could you approve my request?', "
                            "'My enrolment', $2)", seeded.ann_id, seeded.cohort, NULL);
  g_assert_nonnull (thread);
  kind = sync_test_value (seeded.ann, "SELECT message_type || ' ' || subject FROM cs.direct_messages WHERE id = $1",
                          thread, NULL);
  g_assert_cmpstr (kind, ==, "cohort My enrolment");
  g_free (send (seeded.ann, NULL, "Done tomorrow.", NULL, NULL, thread));
  g_assert_cmpint (sync_test_rows (seeded.stu[3], "SELECT FROM cs.cs_thread_messages ($1)", thread, NULL), ==, 2);

  /* Cleared for the tests after this one, which count threads. */
  sync_test_rows (server.super, "DELETE FROM cs.notifications WHERE type = 'message'", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.direct_messages WHERE parent_id IS NOT NULL", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.direct_messages", NULL);
}

/* A new thread through the worker with a subject and an assignment; the thread list shows
 * both, and replies keep them. */
static void
test_subject_and_assignment (void)
{
  g_autoptr(CsServer) worker = cs_server_new (ann_conninfo);
  g_autofree char *conninfo = student_conninfo (1);
  g_autoptr(CsServer) stu1 = cs_server_new (conninfo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *thread = NULL;
  g_autofree char *reply = NULL;
  const CsMessageThread *first;

  cs_messages_send_async (worker, seeded.stu_id[1], "Please start the case this week.", "  Harlow Valves, part one ",
                          seeded.cohort, seeded.assignment, NULL, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  thread = cs_messages_send_finish (worker, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  cs_messages_send_async (stu1, NULL, "I will.", "ignored", NULL, NULL, thread, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  reply = cs_messages_send_finish (stu1, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  cs_messages_list_threads_async (stu1, NULL, sync_test_got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  threads = cs_messages_list_threads_finish (stu1, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (threads->len, ==, 1);
  first = g_ptr_array_index (threads, 0);
  g_assert_cmpstr (first->id, ==, thread);
  g_assert_cmpstr (first->subject, ==, "Harlow Valves, part one");
  g_assert_cmpstr (first->assignment_id, ==, seeded.assignment);
  g_assert_cmpstr (first->assignment_title, ==, "Harlow Valves");
  g_assert_cmpstr (first->cohort_title, ==, "Operations 2027");
  g_assert_cmpuint (first->n_messages, ==, 2);
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.direct_messages WHERE id = $1 "
                                   "AND subject = 'Harlow Valves, part one' AND assignment_id = $2",
                                   reply, seeded.assignment, NULL), ==, 1);

  /* Not to an instructor who is not theirs, whatever the assignment. */
  g_assert_cmpstr (sync_test_error (seeded.stu[1], "SELECT cs.cs_send_message ($1, 'Hi', 'x', NULL, $2)",
                                    seeded.bob_id, seeded.assignment, NULL), ==, "42501");

  sync_test_rows (server.super, "DELETE FROM cs.notifications WHERE type = 'message'", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.direct_messages WHERE parent_id IS NOT NULL", NULL);
  sync_test_rows (server.super, "DELETE FROM cs.direct_messages", NULL);
}

/* The newest notification of @type to @conn's login matching @condition (SQL on n), as the
 * client reads it. */
static CsNotification *
notification_on_server (PGconn     *conn,
                        const char *type,
                        const char *condition)
{
  g_autofree char *where = g_strdup_printf ("n.user_id = cs.uid (current_user) AND n.type = $1 AND (%s)",
                                            condition ? condition : "true");
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *data = NULL;

  sql = g_strdup_printf ("SELECT n.id FROM cs.notifications n WHERE %s ORDER BY n.created_at DESC, n.change_seq DESC "
                         "LIMIT 1", where);
  id = sync_test_value (conn, sql, type, NULL);
  g_assert_nonnull (id);
  title = sync_test_value (conn, "SELECT title FROM cs.notifications WHERE id = $1", id, NULL);
  message = sync_test_value (conn, "SELECT message FROM cs.notifications WHERE id = $1", id, NULL);
  data = sync_test_value (conn, "SELECT data::text FROM cs.notifications WHERE id = $1", id, NULL);
  return cs_notification_new (id, type, title, message, data, 0, FALSE);
}

static void
assert_rendered (CsNotification *notification,
                 const char     *title,
                 const char     *body)
{
  g_autofree char *shown_title = cs_notification_dup_display_title (notification);
  g_autofree char *shown_body = cs_notification_dup_display_body (notification, g_get_real_time () / G_USEC_PER_SEC);

  g_assert_cmpstr (shown_title, ==, title);
  if (g_str_has_suffix (body, "*"))
    {
      g_autofree char *prefix = g_strndup (body, strlen (body) - 1);

      g_assert_true (g_str_has_prefix (shown_body, prefix));
    }
  else
    g_assert_cmpstr (shown_body, ==, body);
}

/* The server's notifications carry the names behind their ids (010), and the client writes
 * them from their type and data: each kind as the tests above made it. */
static void
test_rendered (void)
{
  g_autoptr(CsNotification) assignment = notification_on_server (seeded.stu[1], "assignment", "n.data ->> 'scenario_title' = 'Harlow Valves'");
  g_autoptr(CsNotification) due = notification_on_server (seeded.stu[1], "due_soon", NULL);
  g_autoptr(CsNotification) grade = notification_on_server (seeded.stu[1], "grade", NULL);
  g_autoptr(CsNotification) completed = notification_on_server (seeded.ann, "run_completed", NULL);
  g_autoptr(CsNotification) asked = notification_on_server (seeded.ann, "enrollment", "n.data ->> 'status' = 'pending'");
  g_autoptr(CsNotification) approved = notification_on_server (seeded.stu[3], "enrollment", NULL);
  g_autoptr(CsNotification) message = NULL;

  assert_rendered (assignment, "New assignment: Harlow Valves", "In Operations 2027, due *");
  assert_rendered (due, "Dunmore Dairy is due soon", "Due in 3 hours, *");
  assert_rendered (grade, "Your grade for Harlow Valves changed", "Now 90% — Good memo");
  assert_rendered (completed, "stu1 completed Harlow Valves", "Score 80%");
  assert_rendered (asked, "stu3 asks to join Operations 2027", "");
  assert_rendered (approved, "You joined Operations 2027", "");

  /* A grade names only the run: the trigger found its assignment and cohort, so that the
   * app can open them. */
  g_assert_cmpstr (cs_notification_get_data_id (grade, "assignment_id"), ==, seeded.assignment);
  g_assert_cmpstr (cs_notification_get_data_id (grade, "cohort_id"), ==, seeded.cohort);
  g_assert_cmpstr (cs_notification_get_data_id (grade, "student_id"), ==, seeded.stu_id[1]);

  /* A message with a subject; the text is the message's own. */
  g_free (sync_test_value (seeded.stu[2], "SELECT cs.cs_send_message ($1, 'Is the room the same?', 'Seminar', $2)",
                           seeded.ann_id, seeded.cohort, NULL));
  message = notification_on_server (seeded.ann, "message", "n.message = 'Is the room the same?'");
  assert_rendered (message, "stu2: Seminar", "Is the room the same?");

  /* Keys the maker set stay as they were: the server's title is still there as fallback. */
  g_assert_cmpstr (cs_notification_get_title (assignment), ==, "New assignment: Harlow Valves");
  g_assert_cmpint (sync_test_rows (seeded.ann, "SELECT FROM cs.notifications WHERE type = 'run_completed' "
                                   "AND data ->> 'student_id' = $1 AND data ->> 'student_name' = 'stu1' "
                                   "AND (data ->> 'run_score')::float = 0.8", seeded.stu_id[1], NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/messages/no-server", skip_without_server);
      return g_test_run () == 0 ? 77 : 1;
    }
  ann_conninfo = sync_test_instructor_conninfo (&server, NULL);
  seed ();

  g_test_add_func ("/messages/recipients", test_recipients);
  g_test_add_func ("/messages/pending-student", test_pending_student);
  g_test_add_func ("/messages/subject-and-assignment", test_subject_and_assignment);
  g_test_add_func ("/messages/threads-and-security", test_threads_and_security);
  g_test_add_func ("/messages/notifications", test_notifications);
  g_test_add_func ("/messages/notify", test_notify);
  g_test_add_func ("/messages/model", test_model);
  g_test_add_func ("/messages/rendered", test_rendered);
  status = g_test_run ();

  seeded_clear ();
  g_free (ann_conninfo);
  sync_test_server_tear_down (&server);
  return status;
}
