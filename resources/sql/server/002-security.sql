-- 002-security.sql: who may read and write what (DESIGN.md section 5)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Row security is enabled and forced on every table. A person is the LOGIN role they
-- connected as, mapped to their cs.users row by role name. The policies ask small
-- SECURITY DEFINER helpers (owned by cs_admin, which bypasses row security) about
-- cross-table facts such as "the students of my cohorts"; the helpers take the caller's
-- role name (policies pass current_user) and answer only when the logged-in role is that
-- role, so they cannot be used to look at somebody else.

-- Helpers -----------------------------------------------------------------------------------

CREATE FUNCTION cs.is_admin () RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT pg_has_role (current_user, 'cs_admin', 'MEMBER')
$$;

-- The users row id of "who", if the logged-in role is "who" (or an admin acting as it).
CREATE FUNCTION cs.uid (who name) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT id FROM cs.users
   WHERE role_name = who AND is_active AND pg_has_role (session_user, who, 'MEMBER')
$$;

CREATE FUNCTION cs.kind_of (who name) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT kind FROM cs.users WHERE id = cs.uid (who)
$$;

-- Cohorts "who" is enrolled in (any status but rejected), or only approved ones.
CREATE FUNCTION cs.student_cohort_ids (who name, approved_only boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT cohort_id FROM cs.cohort_students
   WHERE student_id = cs.uid (who)
     AND status <> 'rejected' AND (status = 'approved' OR NOT approved_only)
$$;

-- Published, not deleted cases assigned to the approved cohorts of "who".
CREATE FUNCTION cs.student_scenario_ids (who name) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT a.scenario_id
    FROM cs.cohort_simulations a
    JOIN cs.scenarios s ON s.id = a.scenario_id
    JOIN cs.cohorts c ON c.id = a.cohort_id
   WHERE a.cohort_id IN (SELECT cs.student_cohort_ids (who, true))
     AND s.is_published AND s.deleted_at IS NULL AND c.is_active
$$;

-- The instructors of the cohorts "who" is enrolled in.
CREATE FUNCTION cs.student_instructor_ids (who name) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT instructor_id FROM cs.cohorts WHERE id IN (SELECT cs.student_cohort_ids (who, false))
$$;

-- The students of the cohorts "who" teaches: any enrolment, or approved ones only.
CREATE FUNCTION cs.instructor_student_ids (who name, approved_only boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT e.student_id
    FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id
   WHERE c.instructor_id = cs.uid (who) AND (e.status = 'approved' OR NOT approved_only)
$$;

-- The two people of a message's conversation, if "who" is one of them (replies stay in
-- their thread).
CREATE FUNCTION cs.message_pair (message uuid, who name) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT ARRAY[instructor_id, student_id] FROM cs.direct_messages
   WHERE id = message AND cs.uid (who) IN (instructor_id, student_id)
$$;

-- Writers need the sequence; they get it through the trigger only.
ALTER FUNCTION cs.set_change_seq () SECURITY DEFINER;

-- Row security on every table and partition; cs_admin members may do anything ------------

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT c.relname, c.relispartition FROM pg_class c
            WHERE c.relnamespace = 'cs'::regnamespace AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format ('ALTER TABLE cs.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t.relname);
    IF NOT t.relispartition THEN
      EXECUTE format ('CREATE POLICY admin_all ON cs.%I USING (cs.is_admin ()) WITH CHECK (cs.is_admin ())',
                      t.relname);
    END IF;
  END LOOP;
END $$;

-- users
CREATE POLICY self_read ON cs.users FOR SELECT USING (role_name = current_user);
CREATE POLICY self_update ON cs.users FOR UPDATE
  USING (role_name = current_user) WITH CHECK (role_name = current_user);
CREATE POLICY instructor_reads_students ON cs.users FOR SELECT
  USING (id IN (SELECT cs.instructor_student_ids (current_user, false)));
CREATE POLICY student_reads_instructors ON cs.users FOR SELECT
  USING (id IN (SELECT cs.student_instructor_ids (current_user)));

-- scenarios: owners do everything with theirs; students read what is assigned to them;
-- instructors and kiosks read published public cases.
CREATE POLICY owner_all ON cs.scenarios
  USING (owner_id = (SELECT cs.uid (current_user)))
  WITH CHECK (owner_id = (SELECT cs.uid (current_user)));
CREATE POLICY student_read ON cs.scenarios FOR SELECT
  USING (id IN (SELECT cs.student_scenario_ids (current_user)));
CREATE POLICY public_read ON cs.scenarios FOR SELECT
  USING (is_published AND is_public AND deleted_at IS NULL
         AND (SELECT cs.kind_of (current_user)) IN ('instructor', 'kiosk'));

-- personas and scenes follow their scenario
CREATE POLICY follow_scenario ON cs.personas FOR SELECT
  USING (scenario_id IN (SELECT id FROM cs.scenarios));
CREATE POLICY owner_all ON cs.personas
  USING (scenario_id IN (SELECT id FROM cs.scenarios WHERE owner_id = (SELECT cs.uid (current_user))))
  WITH CHECK (scenario_id IN (SELECT id FROM cs.scenarios WHERE owner_id = (SELECT cs.uid (current_user))));

CREATE POLICY follow_scenario ON cs.scenes FOR SELECT
  USING (scenario_id IN (SELECT id FROM cs.scenarios));
CREATE POLICY owner_all ON cs.scenes
  USING (scenario_id IN (SELECT id FROM cs.scenarios WHERE owner_id = (SELECT cs.uid (current_user))))
  WITH CHECK (scenario_id IN (SELECT id FROM cs.scenarios WHERE owner_id = (SELECT cs.uid (current_user))));

CREATE POLICY follow_scene ON cs.scene_personas FOR SELECT
  USING (scene_id IN (SELECT id FROM cs.scenes));
CREATE POLICY owner_all ON cs.scene_personas
  USING (scene_id IN (SELECT s.id FROM cs.scenes s JOIN cs.scenarios c ON c.id = s.scenario_id
                       WHERE c.owner_id = (SELECT cs.uid (current_user))))
  WITH CHECK (scene_id IN (SELECT s.id FROM cs.scenes s JOIN cs.scenarios c ON c.id = s.scenario_id
                            WHERE c.owner_id = (SELECT cs.uid (current_user)))
              AND persona_id IN (SELECT p.id FROM cs.personas p JOIN cs.scenarios c ON c.id = p.scenario_id
                                  WHERE c.owner_id = (SELECT cs.uid (current_user))));

-- progress: your own runs, of cases you can see; instructors read the runs of their
-- cohorts' approved students on the cases assigned to their cohorts.
CREATE POLICY own_runs ON cs.user_progress
  USING (user_id = (SELECT cs.uid (current_user)))
  WITH CHECK (user_id = (SELECT cs.uid (current_user))
              AND scenario_id IN (SELECT id FROM cs.scenarios));
CREATE POLICY instructor_read ON cs.user_progress FOR SELECT
  USING (user_id IN (SELECT cs.instructor_student_ids (current_user, true))
         AND scenario_id IN (SELECT scenario_id FROM cs.cohort_simulations));

CREATE POLICY own_runs ON cs.scene_progress
  USING (progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = (SELECT cs.uid (current_user))))
  WITH CHECK (progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = (SELECT cs.uid (current_user))));
CREATE POLICY follow_run ON cs.scene_progress FOR SELECT
  USING (progress_id IN (SELECT id FROM cs.user_progress));

CREATE POLICY own_runs ON cs.conversation_logs
  USING (progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = (SELECT cs.uid (current_user))))
  WITH CHECK (progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = (SELECT cs.uid (current_user))));
CREATE POLICY follow_run ON cs.conversation_logs FOR SELECT
  USING (progress_id IN (SELECT id FROM cs.user_progress));

-- cohorts and what hangs off them: the instructor's; students see their own enrolments,
-- the cohorts they are in and, once approved, the assignments.
CREATE POLICY instructor_all ON cs.cohorts
  USING (instructor_id = (SELECT cs.uid (current_user)))
  WITH CHECK (instructor_id = (SELECT cs.uid (current_user)));
CREATE POLICY student_read ON cs.cohorts FOR SELECT
  USING (id IN (SELECT cs.student_cohort_ids (current_user, false)));

CREATE POLICY instructor_all ON cs.cohort_students
  USING (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user))))
  WITH CHECK (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user))));
CREATE POLICY student_read ON cs.cohort_students FOR SELECT
  USING (student_id = (SELECT cs.uid (current_user)));
CREATE POLICY student_withdraw ON cs.cohort_students FOR UPDATE
  USING (student_id = (SELECT cs.uid (current_user)))
  WITH CHECK (student_id = (SELECT cs.uid (current_user)) AND status = 'withdrawn');

CREATE POLICY instructor_all ON cs.cohort_simulations
  USING (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user))))
  WITH CHECK (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user)))
              AND assigned_by = (SELECT cs.uid (current_user))
              AND scenario_id IN (SELECT id FROM cs.scenarios WHERE is_published));
CREATE POLICY student_read ON cs.cohort_simulations FOR SELECT
  USING (cohort_id IN (SELECT cs.student_cohort_ids (current_user, true)));

CREATE POLICY instructor_all ON cs.cohort_invitations
  USING (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user))))
  WITH CHECK (cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = (SELECT cs.uid (current_user)))
              AND created_by = (SELECT cs.uid (current_user)));

-- notifications: the recipient reads and marks read; a sender writes only to the people
-- they teach or are taught by.
CREATE POLICY recipient_read ON cs.notifications FOR SELECT
  USING (user_id = (SELECT cs.uid (current_user)));
CREATE POLICY recipient_mark ON cs.notifications FOR UPDATE
  USING (user_id = (SELECT cs.uid (current_user)))
  WITH CHECK (user_id = (SELECT cs.uid (current_user)));
CREATE POLICY sender_read ON cs.notifications FOR SELECT
  USING (sender_id = (SELECT cs.uid (current_user)));
CREATE POLICY sender_insert ON cs.notifications FOR INSERT
  WITH CHECK (sender_id = (SELECT cs.uid (current_user))
              AND (user_id IN (SELECT cs.instructor_student_ids (current_user, false))
                   OR user_id IN (SELECT cs.student_instructor_ids (current_user))));

-- instructor–student messages: both sides read the thread, the sender writes it (to
-- someone they teach or are taught by), the recipient marks it read.
CREATE POLICY participant_read ON cs.direct_messages FOR SELECT
  USING ((SELECT cs.uid (current_user)) IN (instructor_id, student_id));
CREATE POLICY sender_insert ON cs.direct_messages FOR INSERT
  WITH CHECK (sender_id = (SELECT cs.uid (current_user))
              AND ((instructor_id = sender_id
                    AND student_id IN (SELECT cs.instructor_student_ids (current_user, false)))
                   OR (student_id = sender_id
                       AND instructor_id IN (SELECT cs.student_instructor_ids (current_user))))
              AND (parent_id IS NULL
                   OR cs.message_pair (parent_id, current_user) = ARRAY[instructor_id, student_id]));
CREATE POLICY recipient_mark ON cs.direct_messages FOR UPDATE
  USING ((SELECT cs.uid (current_user)) IN (instructor_id, student_id)
         AND sender_id <> (SELECT cs.uid (current_user)))
  WITH CHECK ((SELECT cs.uid (current_user)) IN (instructor_id, student_id));

-- reviews: your own, of a case you can see; the case's owner reads them.
CREATE POLICY reviewer_all ON cs.scenario_reviews
  USING (reviewer_id = (SELECT cs.uid (current_user)))
  WITH CHECK (reviewer_id = (SELECT cs.uid (current_user))
              AND scenario_id IN (SELECT id FROM cs.scenarios));
CREATE POLICY owner_read ON cs.scenario_reviews FOR SELECT
  USING (scenario_id IN (SELECT id FROM cs.scenarios WHERE owner_id = (SELECT cs.uid (current_user))));

-- grade overrides: an instructor adds them to runs they can see (not their own); the
-- student reads those of their runs.
CREATE POLICY instructor_insert ON cs.grade_overrides FOR INSERT
  WITH CHECK (instructor_id = (SELECT cs.uid (current_user))
              AND progress_id IN (SELECT id FROM cs.user_progress
                                   WHERE user_id <> (SELECT cs.uid (current_user))));
CREATE POLICY involved_read ON cs.grade_overrides FOR SELECT
  USING (instructor_id = (SELECT cs.uid (current_user))
         OR progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = (SELECT cs.uid (current_user))));

-- Table rights per group (row security narrows them further) --------------------------------

GRANT USAGE ON SCHEMA cs TO cs_instructor, cs_student, cs_kiosk, cs_enroll;

GRANT SELECT, UPDATE (display_name, email, updated_at, version) ON cs.users
  TO cs_instructor, cs_student, cs_kiosk;

GRANT SELECT ON cs.scenarios, cs.personas, cs.scenes, cs.scene_personas
  TO cs_instructor, cs_student, cs_kiosk;
GRANT INSERT, UPDATE, DELETE ON cs.scenarios, cs.personas, cs.scenes, cs.scene_personas,
  cs.cohorts, cs.cohort_simulations, cs.cohort_invitations TO cs_instructor;
GRANT SELECT ON cs.cohorts, cs.cohort_simulations, cs.cohort_students TO cs_instructor, cs_student;
GRANT SELECT ON cs.cohort_invitations TO cs_instructor;
GRANT INSERT, UPDATE, DELETE ON cs.cohort_students TO cs_instructor;
GRANT UPDATE (status, updated_at, version) ON cs.cohort_students TO cs_student;

GRANT SELECT, INSERT, UPDATE ON cs.user_progress, cs.scene_progress, cs.conversation_logs
  TO cs_instructor, cs_student;
GRANT SELECT, INSERT ON cs.notifications, cs.direct_messages TO cs_instructor, cs_student;
GRANT UPDATE (read_at, updated_at, version) ON cs.notifications, cs.direct_messages
  TO cs_instructor, cs_student;
GRANT SELECT, INSERT, UPDATE, DELETE ON cs.scenario_reviews TO cs_instructor, cs_student;
GRANT SELECT ON cs.grade_overrides TO cs_instructor, cs_student;
GRANT INSERT ON cs.grade_overrides TO cs_instructor;

-- Functions: nobody but the owner executes them unless granted below ------------------------

REVOKE EXECUTE ON FUNCTION cs.is_admin (), cs.uid (name), cs.kind_of (name),
  cs.student_cohort_ids (name, boolean), cs.student_scenario_ids (name),
  cs.student_instructor_ids (name), cs.instructor_student_ids (name, boolean),
  cs.message_pair (uuid, name), cs.set_change_seq (), cs.notify_change (), cs.guard_published (),
  cs.guard_published_child (), cs.guard_log_append_only (), cs.guard_message (),
  cs.guard_append_only (), cs.create_log_partition (date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.is_admin (), cs.uid (name), cs.kind_of (name),
  cs.student_cohort_ids (name, boolean), cs.student_scenario_ids (name),
  cs.student_instructor_ids (name), cs.instructor_student_ids (name, boolean),
  cs.message_pair (uuid, name) TO cs_instructor, cs_student, cs_kiosk;

-- People and enrolment ---------------------------------------------------------------------

-- Creates the LOGIN role "username" in the group of "kind" and its users row. Internal:
-- called by the functions below, which run as cs_admin.
CREATE FUNCTION cs.create_person (username text, password text, display_name text, kind text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, cs SET password_encryption = 'scram-sha-256' AS $$
DECLARE
  person uuid := gen_random_uuid ();
BEGIN
  IF username IS NULL OR username !~ '^[a-z][a-z0-9_.-]{2,62}$'
     OR username LIKE 'pg\_%' OR username LIKE 'cs\_%' THEN
    RAISE EXCEPTION 'the user name must be 3 to 63 lower-case letters, digits, “_”, “.” or “-”, starting with a letter (and not with “pg_” or “cs_”)'
      USING ERRCODE = 'CS005';
  END IF;
  IF password IS NULL OR length (password) < 8 OR length (password) > 1024 THEN
    RAISE EXCEPTION 'the password must have 8 to 1024 characters' USING ERRCODE = 'CS005';
  END IF;
  IF kind NOT IN ('instructor', 'student', 'kiosk') THEN
    RAISE EXCEPTION 'unknown kind of user “%”', kind USING ERRCODE = 'CS005';
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = username) THEN
    RAISE EXCEPTION 'the user name “%” is taken; choose another one', username USING ERRCODE = 'CS004';
  END IF;

  BEGIN
    EXECUTE format ('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', username, password, 'cs_' || kind);
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    RAISE EXCEPTION 'the user name “%” is taken; choose another one', username USING ERRCODE = 'CS004';
  END;

  INSERT INTO cs.users (id, role_name, display_name, kind)
  VALUES (person, username, coalesce (nullif (btrim (display_name), ''), username), kind);
  RETURN person;
END $$;

REVOKE EXECUTE ON FUNCTION cs.create_person (text, text, text, text) FROM PUBLIC;

-- For admins: a new instructor login.
CREATE FUNCTION cs.cs_add_instructor (username text, password text, display_name text DEFAULT NULL)
RETURNS uuid
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT cs.create_person (username, password, display_name, 'instructor')
$$;

REVOKE EXECUTE ON FUNCTION cs.cs_add_instructor (text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_add_instructor (text, text, text) TO cs_admin;

-- For instructors: a new invitation to one of their cohorts; returns the code, which is
-- shown once and stored only as its hash. Runs as the instructor, under their policies.
CREATE FUNCTION cs.cs_create_invitation (cohort uuid, max_uses integer DEFAULT 1,
                                         valid_for interval DEFAULT '14 days')
RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  code text := upper (substr (replace (gen_random_uuid ()::text, '-', ''), 1, 8) || '-'
                      || substr (replace (gen_random_uuid ()::text, '-', ''), 1, 8));
BEGIN
  INSERT INTO cs.cohort_invitations (id, cohort_id, created_by, token_hash, max_uses, expires_at)
  VALUES (gen_random_uuid (), cohort, cs.uid (current_user),
          encode (sha256 (convert_to (code, 'UTF8')), 'hex'), max_uses, now () + valid_for);
  RETURN code;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_create_invitation (uuid, integer, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_create_invitation (uuid, integer, interval) TO cs_instructor;

-- Redeems an invitation code: checks it (by hash, under a row lock so that two redeemers
-- of a single-use code cannot both win), creates the student's login role and users row,
-- enrols them (approved when the cohort auto-approves, else pending), counts the use and
-- tells the instructor. All or nothing: it runs in the caller's one transaction.
CREATE FUNCTION cs.cs_redeem_invitation (code text, username text, password text, display_name text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  inv cs.cohort_invitations;
  cohort cs.cohorts;
  student uuid;
  enrolled integer;
BEGIN
  SELECT * INTO inv FROM cs.cohort_invitations
   WHERE token_hash = encode (sha256 (convert_to (upper (btrim (coalesce (code, ''))), 'UTF8')), 'hex')
   FOR UPDATE;
  IF NOT FOUND OR inv.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'this invitation code is not valid; check it with your instructor' USING ERRCODE = 'CS001';
  END IF;
  IF inv.expires_at <= now () THEN
    RAISE EXCEPTION 'this invitation code has expired; ask your instructor for a new one' USING ERRCODE = 'CS002';
  END IF;
  IF inv.use_count >= inv.max_uses THEN
    RAISE EXCEPTION 'this invitation code has already been used; ask your instructor for a new one' USING ERRCODE = 'CS003';
  END IF;

  SELECT * INTO cohort FROM cs.cohorts WHERE id = inv.cohort_id FOR UPDATE;
  IF NOT cohort.is_active OR NOT cohort.allow_self_enrollment THEN
    RAISE EXCEPTION 'the cohort “%” does not take new students', cohort.title USING ERRCODE = 'CS006';
  END IF;
  SELECT count (*) INTO enrolled FROM cs.cohort_students
   WHERE cohort_id = cohort.id AND status IN ('pending', 'approved');
  IF cohort.max_students IS NOT NULL AND enrolled >= cohort.max_students THEN
    RAISE EXCEPTION 'the cohort “%” is full', cohort.title USING ERRCODE = 'CS006';
  END IF;

  student := cs.create_person (username, password, display_name, 'student');

  INSERT INTO cs.cohort_students (id, cohort_id, student_id, status, approved_by, approved_at)
  VALUES (gen_random_uuid (), cohort.id, student,
          CASE WHEN cohort.auto_approve THEN 'approved' ELSE 'pending' END,
          CASE WHEN cohort.auto_approve THEN cohort.instructor_id END,
          CASE WHEN cohort.auto_approve THEN now () END);

  UPDATE cs.cohort_invitations
     SET use_count = use_count + 1, updated_at = now (), version = version + 1
   WHERE id = inv.id;

  INSERT INTO cs.notifications (id, user_id, type, title, data)
  VALUES (gen_random_uuid (), cohort.instructor_id, 'enrollment',
          format ('%s joined %s', coalesce (nullif (btrim (display_name), ''), username), cohort.title),
          jsonb_build_object ('cohort_id', cohort.id, 'student_id', student));
  RETURN student;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_redeem_invitation (text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_redeem_invitation (text, text, text, text) TO cs_enroll;
