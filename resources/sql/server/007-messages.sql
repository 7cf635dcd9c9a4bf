-- 007-messages.sql: instructor–student messages and the notifications of a person's inbox
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A conversation is a thread: its first message (parent_id NULL) and the replies, which
-- point at that first message. A thread belongs to one instructor and one student, and may
-- be about a cohort or one of its assignments. The functions below run as the caller,
-- under the row policies of 002 (participant_read, sender_insert, recipient_mark); they
-- only add clear messages for what the policies would refuse anyway.
--
-- Notifications are made by triggers (new message, assignment added, run completed), by
-- the enrolment and grading functions of 004 and 006, and by cs_make_due_soon_notifications
-- (the app calls it at start). Every new or changed notification, and every new or read
-- message, is told on NOTIFY cs_inbox with {"user": addressee, "t": table, "id": row}: ids
-- only, an app reacts to its own user's and reads the rows through its policies.

-- Messages about one assignment.
ALTER TABLE cs.direct_messages
  ADD COLUMN assignment_id uuid REFERENCES cs.cohort_simulations (id) ON DELETE SET NULL;
CREATE INDEX direct_messages_assignment ON cs.direct_messages (assignment_id);

-- Notification kinds beyond those of the seed: a run completed, an assignment due soon.
ALTER TABLE cs.notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE cs.notifications ADD CONSTRAINT notifications_type_check
  CHECK (type IN ('cohort_invitation', 'enrollment', 'assignment', 'message', 'grade',
                  'cohort_update', 'run_completed', 'due_soon'));

-- At most one "due soon" per student and assignment, even when two apps start at once.
CREATE UNIQUE INDEX notifications_due_soon_once ON cs.notifications (user_id, (data ->> 'assignment_id'))
  WHERE type = 'due_soon';

-- As in 001, and a deleted cohort or assignment may leave its messages (ON DELETE SET NULL
-- is an UPDATE, which the first guard refused, so such a delete failed).
CREATE OR REPLACE FUNCTION cs.guard_message () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  IF (to_jsonb (NEW) - ARRAY['read_at', 'updated_at', 'version', 'change_seq', 'cohort_id', 'assignment_id'])
     IS DISTINCT FROM (to_jsonb (OLD) - ARRAY['read_at', 'updated_at', 'version', 'change_seq', 'cohort_id', 'assignment_id'])
     OR (NEW.cohort_id IS DISTINCT FROM OLD.cohort_id AND NEW.cohort_id IS NOT NULL)
     OR (NEW.assignment_id IS DISTINCT FROM OLD.assignment_id AND NEW.assignment_id IS NOT NULL) THEN
    RAISE EXCEPTION 'a sent message cannot be changed' USING ERRCODE = 'CS012';
  END IF;
  RETURN NEW;
END $$;

-- Sending ------------------------------------------------------------------------------------

-- Sends @body to @recipient: a student of one of my cohorts when I teach, one of my
-- instructors when I study. @cohort or @assignment (an assignment of that cohort) say what
-- it is about; @parent makes it a reply in that thread, whose people, cohort, assignment
-- and subject it keeps. Returns the new message's id.
CREATE FUNCTION cs.cs_send_message (recipient uuid, body text, subject text DEFAULT '',
                                    cohort uuid DEFAULT NULL, assignment uuid DEFAULT NULL,
                                    parent uuid DEFAULT NULL)
RETURNS uuid
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
  my_kind text := cs.kind_of (current_user);
  message uuid := gen_random_uuid ();
  root cs.direct_messages;
  instructor uuid;
  student uuid;
  kind text := 'general';
BEGIN
  IF me IS NULL OR my_kind NOT IN ('instructor', 'student') THEN
    RAISE EXCEPTION 'only instructors and students send messages' USING ERRCODE = '42501';
  END IF;
  body := btrim (coalesce (body, ''));
  subject := btrim (coalesce (subject, ''));
  IF body = '' THEN
    RAISE EXCEPTION 'write a message first' USING ERRCODE = 'CS040';
  END IF;
  IF length (body) > 20000 OR length (subject) > 200 THEN
    RAISE EXCEPTION 'the message is too long (at most 20,000 characters, 200 for the subject)'
      USING ERRCODE = 'CS040';
  END IF;

  IF parent IS NOT NULL THEN
    SELECT * INTO root FROM cs.direct_messages WHERE id = parent;  -- through participant_read
    IF NOT FOUND THEN
      RAISE EXCEPTION 'this conversation does not exist or is not yours' USING ERRCODE = '42501';
    END IF;
    IF root.parent_id IS NOT NULL THEN
      SELECT * INTO root FROM cs.direct_messages WHERE id = root.parent_id;
    END IF;
    INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, cohort_id, assignment_id,
                                    parent_id, message_type, subject, body)
    VALUES (message, root.instructor_id, root.student_id, me, root.cohort_id, root.assignment_id,
            root.id, root.message_type, root.subject, body);
    RETURN message;
  END IF;

  IF my_kind = 'instructor' THEN
    instructor := me;
    student := recipient;
    -- approved students only, as cs_message_recipients lists them (not pending, withdrawn
    -- or rejected ones)
    IF recipient IS NULL OR recipient NOT IN (SELECT cs.instructor_student_ids (current_user, true)) THEN
      RAISE EXCEPTION 'you can write only to the approved students of your cohorts' USING ERRCODE = '42501';
    END IF;
  ELSE
    instructor := recipient;
    student := me;
    IF recipient IS NULL OR recipient NOT IN (SELECT cs.student_instructor_ids (current_user)) THEN
      RAISE EXCEPTION 'you can write only to the instructors of your cohorts' USING ERRCODE = '42501';
    END IF;
  END IF;

  IF assignment IS NOT NULL THEN
    SELECT a.cohort_id INTO cohort FROM cs.cohort_simulations a WHERE a.id = assignment;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'this assignment does not exist or is not one of yours' USING ERRCODE = '42501';
    END IF;
    kind := 'assignment';
  ELSIF cohort IS NOT NULL THEN
    kind := 'cohort';
  END IF;
  IF cohort IS NOT NULL AND NOT EXISTS (
       SELECT FROM cs.cohorts c JOIN cs.cohort_students e ON e.cohort_id = c.id
        WHERE c.id = cohort AND c.instructor_id = instructor AND e.student_id = student) THEN
    RAISE EXCEPTION 'the two of you are not in this cohort' USING ERRCODE = '42501';
  END IF;

  INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, cohort_id, assignment_id,
                                  message_type, subject, body)
  VALUES (message, instructor, student, me, cohort, assignment, kind, subject, body);
  RETURN message;
END $$;

-- The people I may start a thread with, one row per shared cohort: the approved students of
-- my cohorts when I teach, the instructors of the cohorts I am approved in when I study.
-- Runs as the caller: the policies on cohorts, cohort_students and users allow these rows.
CREATE FUNCTION cs.cs_message_recipients ()
RETURNS TABLE (person_id uuid, person_name text, cohort_id uuid, cohort_title text)
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT e.student_id, coalesce (nullif (u.display_name, ''), u.role_name, ''), c.id, c.title
    FROM cs.cohorts c
    JOIN cs.cohort_students e ON e.cohort_id = c.id AND e.status = 'approved'
    JOIN cs.users u ON u.id = e.student_id
   WHERE c.instructor_id = cs.uid (current_user) AND cs.kind_of (current_user) = 'instructor'
  UNION ALL
  SELECT c.instructor_id, coalesce (nullif (u.display_name, ''), u.role_name, ''), c.id, c.title
    FROM cs.cohort_students e
    JOIN cs.cohorts c ON c.id = e.cohort_id
    JOIN cs.users u ON u.id = c.instructor_id
   WHERE e.student_id = cs.uid (current_user) AND e.status = 'approved'
     AND cs.kind_of (current_user) = 'student'
   ORDER BY 4, 2, 1
$$;

-- Reading -------------------------------------------------------------------------------------

-- My threads, the newest first: who the other person is, what the thread is about, its last
-- message and how many of its messages to me are unread.
CREATE FUNCTION cs.cs_message_threads ()
RETURNS TABLE (thread_id uuid, other_id uuid, other_name text, cohort_id uuid, cohort_title text,
               assignment_id uuid, assignment_title text, subject text, last_body text,
               last_sender_id uuid, last_at timestamptz, message_count integer, unread_count integer)
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  WITH me AS (SELECT cs.uid (current_user) AS id),
  m AS (
    SELECT coalesce (d.parent_id, d.id) AS thread, d.* FROM cs.direct_messages d
  ),
  t AS (
    SELECT m.thread, count (*)::integer AS n,
           count (*) FILTER (WHERE m.read_at IS NULL AND m.sender_id <> (SELECT id FROM me))::integer AS unread,
           max (m.created_at) AS last_at
      FROM m GROUP BY m.thread
  )
  SELECT r.id, CASE WHEN r.instructor_id = (SELECT id FROM me) THEN r.student_id ELSE r.instructor_id END,
         coalesce (nullif (u.display_name, ''), u.role_name, ''), r.cohort_id, c.title,
         r.assignment_id, s.title, r.subject, l.body, l.sender_id, t.last_at, t.n, t.unread
    FROM t
    JOIN cs.direct_messages r ON r.id = t.thread
    LEFT JOIN cs.users u ON u.id = CASE WHEN r.instructor_id = (SELECT id FROM me)
                                        THEN r.student_id ELSE r.instructor_id END
    LEFT JOIN cs.cohorts c ON c.id = r.cohort_id
    LEFT JOIN cs.cohort_simulations a ON a.id = r.assignment_id
    LEFT JOIN cs.scenarios s ON s.id = a.scenario_id
    CROSS JOIN LATERAL (SELECT m.body, m.sender_id FROM m WHERE m.thread = t.thread
                         ORDER BY m.created_at DESC, m.change_seq DESC LIMIT 1) l
   ORDER BY t.last_at DESC, r.id
$$;

-- The messages of one of my threads, oldest first.
CREATE FUNCTION cs.cs_thread_messages (thread uuid)
RETURNS TABLE (id uuid, sender_id uuid, sender_name text, body text, created_at timestamptz,
               read_at timestamptz, mine boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT d.id, d.sender_id, coalesce (nullif (u.display_name, ''), u.role_name, ''), d.body,
         d.created_at, d.read_at, d.sender_id = cs.uid (current_user)
    FROM cs.direct_messages d
    LEFT JOIN cs.users u ON u.id = d.sender_id
   WHERE d.id = thread OR d.parent_id = thread
   ORDER BY d.created_at, d.change_seq
$$;

-- Marks the messages of a thread sent to me read, and the notifications about them.
-- Returns how many messages were unread.
CREATE FUNCTION cs.cs_mark_thread_read (thread uuid)
RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
  marked integer;
BEGIN
  UPDATE cs.direct_messages d
     SET read_at = now (), updated_at = now (), version = d.version + 1
   WHERE (d.id = thread OR d.parent_id = thread) AND d.sender_id <> me AND d.read_at IS NULL;
  GET DIAGNOSTICS marked = ROW_COUNT;
  UPDATE cs.notifications n
     SET read_at = now (), updated_at = now (), version = n.version + 1
   WHERE n.user_id = me AND n.type = 'message' AND n.read_at IS NULL
     AND n.data ->> 'thread_id' = thread::text;
  RETURN marked;
END $$;

-- Marks my notifications @ids read (all of them when @ids is NULL); returns how many.
CREATE FUNCTION cs.cs_mark_notifications_read (ids uuid[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  marked integer;
BEGIN
  UPDATE cs.notifications n
     SET read_at = now (), updated_at = now (), version = n.version + 1
   WHERE n.user_id = cs.uid (current_user) AND n.read_at IS NULL AND (ids IS NULL OR n.id = ANY (ids));
  GET DIAGNOSTICS marked = ROW_COUNT;
  RETURN marked;
END $$;

-- Notifications made by events ---------------------------------------------------------------
-- The triggers run as the owner: they write to the addressee, whom the writer's own policies
-- may not let them write to (a student's run tells the instructor).

CREATE FUNCTION cs.notify_new_message () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  sender_name text;
BEGIN
  SELECT coalesce (nullif (display_name, ''), role_name) INTO sender_name FROM cs.users WHERE id = NEW.sender_id;
  INSERT INTO cs.notifications (id, user_id, sender_id, type, title, message, data)
  VALUES (gen_random_uuid (),
          CASE WHEN NEW.sender_id = NEW.instructor_id THEN NEW.student_id ELSE NEW.instructor_id END,
          NEW.sender_id, 'message', format ('New message from %s', sender_name),
          left (NEW.body, 200),
          jsonb_strip_nulls (jsonb_build_object ('message_id', NEW.id,
                                                 'thread_id', coalesce (NEW.parent_id, NEW.id),
                                                 'cohort_id', NEW.cohort_id,
                                                 'assignment_id', NEW.assignment_id)));
  RETURN NULL;
END $$;

CREATE TRIGGER direct_messages_notify_new AFTER INSERT ON cs.direct_messages
  FOR EACH ROW EXECUTE FUNCTION cs.notify_new_message ();

-- An assignment tells the cohort's approved students.
CREATE FUNCTION cs.notify_assignment () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
BEGIN
  INSERT INTO cs.notifications (id, user_id, sender_id, type, title, message, data)
  SELECT gen_random_uuid (), e.student_id, NEW.assigned_by, 'assignment',
         format ('New assignment: %s', s.title),
         CASE WHEN NEW.due_date IS NULL THEN format ('In %s', c.title)
              ELSE format ('In %s, due %s', c.title, to_char (NEW.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')) END,
         jsonb_strip_nulls (jsonb_build_object ('cohort_id', NEW.cohort_id, 'assignment_id', NEW.id,
                                                'scenario_id', NEW.scenario_id, 'due_date', NEW.due_date))
    FROM cs.cohort_students e
    JOIN cs.cohorts c ON c.id = e.cohort_id
    JOIN cs.scenarios s ON s.id = NEW.scenario_id
   WHERE e.cohort_id = NEW.cohort_id AND e.status = 'approved';
  RETURN NULL;
END $$;

CREATE TRIGGER cohort_simulations_notify_assignment AFTER INSERT ON cs.cohort_simulations
  FOR EACH ROW EXECUTE FUNCTION cs.notify_assignment ();

-- A completed run tells the instructors whose cohorts have the case assigned to the student.
CREATE FUNCTION cs.notify_run_completed () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
BEGIN
  IF NEW.status <> 'completed' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status = 'completed' THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO cs.notifications (id, user_id, sender_id, type, title, message, data)
  SELECT gen_random_uuid (), c.instructor_id, NEW.user_id, 'run_completed',
         format ('%s completed %s', coalesce (nullif (u.display_name, ''), u.role_name), s.title),
         CASE WHEN NEW.final_score >= 0 THEN format ('Score %s %%', round ((NEW.final_score * 100)::numeric))
              ELSE '' END,
         jsonb_build_object ('progress_id', NEW.id, 'cohort_id', c.id, 'assignment_id', a.id,
                             'student_id', NEW.user_id)
    FROM cs.cohort_simulations a
    JOIN cs.cohorts c ON c.id = a.cohort_id
    JOIN cs.cohort_students e ON e.cohort_id = c.id AND e.student_id = NEW.user_id AND e.status = 'approved'
    JOIN cs.users u ON u.id = NEW.user_id
    JOIN cs.scenarios s ON s.id = NEW.scenario_id
   WHERE a.scenario_id = NEW.scenario_id;
  RETURN NULL;
END $$;

CREATE TRIGGER user_progress_notify_completed AFTER INSERT OR UPDATE OF status ON cs.user_progress
  FOR EACH ROW EXECUTE FUNCTION cs.notify_run_completed ();

-- For the logged-in student: a notification for each assignment of their approved cohorts
-- that is due within 24 hours and not completed yet, once per assignment. Returns how many
-- were made now.
CREATE FUNCTION cs.cs_make_due_soon_notifications ()
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  -- The login, not the owner this function runs as.
  me uuid := cs.uid (session_user);
  made integer;
BEGIN
  IF me IS NULL OR cs.kind_of (session_user) <> 'student' THEN
    RETURN 0;
  END IF;
  INSERT INTO cs.notifications (id, user_id, sender_id, type, title, message, data)
  SELECT gen_random_uuid (), me, NULL, 'due_soon', format ('%s is due soon', s.title),
         format ('Due %s', to_char (a.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')),
         jsonb_build_object ('assignment_id', a.id, 'cohort_id', a.cohort_id, 'scenario_id', a.scenario_id,
                             'due_date', a.due_date)
    FROM cs.cohort_simulations a
    JOIN cs.cohort_students e ON e.cohort_id = a.cohort_id AND e.student_id = me AND e.status = 'approved'
    JOIN cs.cohorts c ON c.id = a.cohort_id AND c.is_active
    JOIN cs.scenarios s ON s.id = a.scenario_id
   WHERE a.due_date > now () AND a.due_date <= now () + interval '24 hours'
     AND NOT EXISTS (SELECT FROM cs.user_progress p
                      WHERE p.user_id = me AND p.scenario_id = a.scenario_id AND p.status = 'completed')
  ON CONFLICT (user_id, (data ->> 'assignment_id')) WHERE type = 'due_soon' DO NOTHING;
  GET DIAGNOSTICS made = ROW_COUNT;
  RETURN made;
END $$;

-- Live updates ------------------------------------------------------------------------------

CREATE FUNCTION cs.notify_inbox () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  IF TG_TABLE_NAME = 'notifications' THEN
    PERFORM pg_notify ('cs_inbox', json_build_object ('user', NEW.user_id, 't', TG_TABLE_NAME, 'id', NEW.id)::text);
  ELSE  -- direct_messages: both people of the thread
    PERFORM pg_notify ('cs_inbox', json_build_object ('user', NEW.instructor_id, 't', TG_TABLE_NAME, 'id', NEW.id)::text);
    PERFORM pg_notify ('cs_inbox', json_build_object ('user', NEW.student_id, 't', TG_TABLE_NAME, 'id', NEW.id)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER notifications_inbox AFTER INSERT OR UPDATE ON cs.notifications
  FOR EACH ROW EXECUTE FUNCTION cs.notify_inbox ();
CREATE TRIGGER direct_messages_inbox AFTER INSERT OR UPDATE ON cs.direct_messages
  FOR EACH ROW EXECUTE FUNCTION cs.notify_inbox ();

-- Rights ---------------------------------------------------------------------------------------

REVOKE EXECUTE ON FUNCTION cs.cs_send_message (uuid, text, text, uuid, uuid, uuid), cs.cs_message_recipients (),
  cs.cs_message_threads (), cs.cs_thread_messages (uuid), cs.cs_mark_thread_read (uuid),
  cs.cs_mark_notifications_read (uuid[]), cs.cs_make_due_soon_notifications (),
  cs.notify_new_message (), cs.notify_assignment (), cs.notify_run_completed (),
  cs.notify_inbox () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_send_message (uuid, text, text, uuid, uuid, uuid), cs.cs_message_recipients (),
  cs.cs_message_threads (), cs.cs_thread_messages (uuid), cs.cs_mark_thread_read (uuid),
  cs.cs_mark_notifications_read (uuid[]), cs.cs_make_due_soon_notifications ()
  TO cs_instructor, cs_student;
