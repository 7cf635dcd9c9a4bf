-- 010-inbox.sql: what a new thread may be about, who may start one, and notifications
-- that carry what the app needs to write them in the reader's language
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A student waiting for approval may write to the instructor of that cohort, about that
-- cohort only: they may need to ask about their enrolment, but they see none of its
-- assignments yet. Withdrawn and rejected students start no new threads (their old
-- threads stay readable, and replies there follow the policies of 002). An instructor
-- writes about a cohort only to a student approved in it.
--
-- The server still writes a title and a text in English, which stay as they are for apps
-- that do not know a notification's type. A trigger adds the names and titles behind the
-- ids of the data (the sender's or the student's name, the cohort's title, the case's
-- title, the thread's subject, a run's score, and the cohort and assignment of a grade),
-- so that an app can write the notification from its type and data with its own,
-- translated strings. Keys the maker of the notification set are kept.

-- Who I may start a thread with ---------------------------------------------------------------

DROP FUNCTION cs.cs_message_recipients ();

-- As in 007, and for a student also the instructors of the cohorts they wait for
-- (pending: true; such a thread can be about that cohort only).
CREATE FUNCTION cs.cs_message_recipients ()
RETURNS TABLE (person_id uuid, person_name text, cohort_id uuid, cohort_title text, pending boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT e.student_id, coalesce (nullif (u.display_name, ''), u.role_name, ''), c.id, c.title, false
    FROM cs.cohorts c
    JOIN cs.cohort_students e ON e.cohort_id = c.id AND e.status = 'approved'
    JOIN cs.users u ON u.id = e.student_id
   WHERE c.instructor_id = cs.uid (current_user) AND cs.kind_of (current_user) = 'instructor'
  UNION ALL
  SELECT c.instructor_id, coalesce (nullif (u.display_name, ''), u.role_name, ''), c.id, c.title,
         e.status = 'pending'
    FROM cs.cohort_students e
    JOIN cs.cohorts c ON c.id = e.cohort_id
    JOIN cs.users u ON u.id = c.instructor_id
   WHERE e.student_id = cs.uid (current_user) AND e.status IN ('approved', 'pending')
     AND cs.kind_of (current_user) = 'student'
   ORDER BY 4, 2, 1
$$;

-- The assignments a new thread may be about: those of the cohorts I teach, or am approved
-- in, by cohort and title. Runs as the caller, under the policies on cohort_simulations
-- and scenarios.
CREATE FUNCTION cs.cs_message_assignments ()
RETURNS TABLE (assignment_id uuid, cohort_id uuid, title text, due_date timestamptz)
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT a.id, a.cohort_id, s.title, a.due_date
    FROM cs.cohort_simulations a
    JOIN cs.cohorts c ON c.id = a.cohort_id
    JOIN cs.scenarios s ON s.id = a.scenario_id
   WHERE (c.instructor_id = cs.uid (current_user) AND cs.kind_of (current_user) = 'instructor')
      OR (cs.kind_of (current_user) = 'student' AND EXISTS (
            SELECT FROM cs.cohort_students e
             WHERE e.cohort_id = c.id AND e.student_id = cs.uid (current_user) AND e.status = 'approved'))
   ORDER BY a.cohort_id, lower (s.title), a.id
$$;

-- Sending ------------------------------------------------------------------------------------

-- As in 007, with the rules on enrolment above.
CREATE OR REPLACE FUNCTION cs.cs_send_message (recipient uuid, body text, subject text DEFAULT '',
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
  standing text;
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
    IF recipient IS NULL OR recipient NOT IN (SELECT cs.instructor_student_ids (current_user, true)) THEN
      RAISE EXCEPTION 'you can write only to the approved students of your cohorts' USING ERRCODE = '42501';
    END IF;
  ELSE
    instructor := recipient;
    student := me;
    IF recipient IS NULL OR NOT EXISTS (
         SELECT FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id
          WHERE e.student_id = me AND c.instructor_id = recipient AND e.status IN ('approved', 'pending')) THEN
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
  IF cohort IS NOT NULL THEN
    SELECT e.status INTO standing
      FROM cs.cohorts c JOIN cs.cohort_students e ON e.cohort_id = c.id
     WHERE c.id = cohort AND c.instructor_id = instructor AND e.student_id = student;
    IF standing IS NULL OR standing NOT IN ('approved', 'pending')
       OR (standing = 'pending' AND my_kind = 'instructor') THEN
      RAISE EXCEPTION 'the two of you are not in this cohort' USING ERRCODE = '42501';
    END IF;
    IF standing = 'pending' AND assignment IS NOT NULL THEN
      RAISE EXCEPTION 'while your enrolment waits for approval you can write about the cohort only'
        USING ERRCODE = '42501';
    END IF;
  END IF;
  -- Waiting in every cohort of this instructor: about one of those cohorts, then.
  IF my_kind = 'student' AND cohort IS NULL AND NOT EXISTS (
       SELECT FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id
        WHERE e.student_id = me AND c.instructor_id = instructor AND e.status = 'approved') THEN
    RAISE EXCEPTION 'while your enrolment waits for approval you can write about the cohort only'
      USING ERRCODE = '42501';
  END IF;

  INSERT INTO cs.direct_messages (id, instructor_id, student_id, sender_id, cohort_id, assignment_id,
                                  message_type, subject, body)
  VALUES (message, instructor, student, me, cohort, assignment, kind, subject, body);
  RETURN message;
END $$;

-- Notifications ---------------------------------------------------------------------------

-- Adds to a new notification's data the names and titles behind its ids (see above).
CREATE FUNCTION cs.describe_notification () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  d jsonb := coalesce (NEW.data, '{}');
  run cs.user_progress;
  scenario uuid := nullif (d ->> 'scenario_id', '')::uuid;
  cohort uuid := nullif (d ->> 'cohort_id', '')::uuid;
  assignment uuid := nullif (d ->> 'assignment_id', '')::uuid;
  added jsonb := '{}';
BEGIN
  IF d ? 'progress_id' THEN
    SELECT * INTO run FROM cs.user_progress WHERE id = (d ->> 'progress_id')::uuid;
    IF FOUND THEN
      scenario := coalesce (scenario, run.scenario_id);
      IF run.final_score IS NOT NULL AND run.final_score >= 0 THEN
        added := added || jsonb_build_object ('run_score', run.final_score);
      END IF;
      -- A grade names only the run: the assignment of its case in the student's cohorts.
      IF assignment IS NULL THEN
        SELECT a.id, a.cohort_id INTO assignment, cohort
          FROM cs.cohort_simulations a
          JOIN cs.cohort_students e ON e.cohort_id = a.cohort_id AND e.student_id = run.user_id
         WHERE a.scenario_id = run.scenario_id AND (cohort IS NULL OR a.cohort_id = cohort)
         ORDER BY (e.status = 'approved') DESC, a.created_at DESC
         LIMIT 1;
        IF assignment IS NOT NULL THEN
          added := added || jsonb_build_object ('assignment_id', assignment, 'cohort_id', cohort);
        END IF;
      END IF;
      IF NOT d ? 'student_id' THEN
        added := added || jsonb_build_object ('student_id', run.user_id);
      END IF;
    END IF;
  END IF;
  IF scenario IS NULL AND assignment IS NOT NULL THEN
    SELECT a.scenario_id, coalesce (cohort, a.cohort_id) INTO scenario, cohort
      FROM cs.cohort_simulations a WHERE a.id = assignment;
  END IF;
  IF d ? 'message_id' THEN
    added := added || coalesce ((SELECT jsonb_build_object ('subject', m.subject)
                                   FROM cs.direct_messages m WHERE m.id = (d ->> 'message_id')::uuid), '{}');
  END IF;
  added := added || jsonb_strip_nulls (jsonb_build_object (
    'sender_name', (SELECT coalesce (nullif (u.display_name, ''), u.role_name) FROM cs.users u WHERE u.id = NEW.sender_id),
    'student_name', (SELECT coalesce (nullif (u.display_name, ''), u.role_name) FROM cs.users u
                      WHERE u.id = nullif (coalesce (d ->> 'student_id', added ->> 'student_id'), '')::uuid),
    'cohort_title', (SELECT c.title FROM cs.cohorts c WHERE c.id = cohort),
    'scenario_title', (SELECT s.title FROM cs.scenarios s WHERE s.id = scenario)));
  NEW.data := added || d;
  RETURN NEW;
END $$;

CREATE TRIGGER notifications_describe BEFORE INSERT ON cs.notifications
  FOR EACH ROW EXECUTE FUNCTION cs.describe_notification ();

-- Rights ---------------------------------------------------------------------------------------

REVOKE EXECUTE ON FUNCTION cs.cs_message_recipients (), cs.cs_message_assignments (),
  cs.describe_notification () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_message_recipients (), cs.cs_message_assignments () TO cs_instructor, cs_student;
