-- 004-publish.sql: publishing cases, invitations, enrolment decisions and assignments
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Publishing copies a draft (the instructor's own case, as sync keeps it) into a new
-- immutable row with is_published, new ids for its personas, scenes and criteria, and the
-- number of the version; the draft then points at it (published_version_id). Editing the
-- draft later changes the draft only: the snapshot is frozen by cs.guard_published (001),
-- which also covers the columns added here. Students only ever see snapshots.
--
-- The functions below run as the caller (under their row policies) unless they must read
-- across people, and take the push lock of sync, so that the change_seq values they hand
-- out are committed in order and a pull never skips them.

ALTER TABLE cs.scenarios
  ADD COLUMN published_from uuid REFERENCES cs.scenarios (id),
  ADD COLUMN publish_number integer CHECK (publish_number >= 1),
  ADD CONSTRAINT scenarios_snapshot_numbered
      CHECK ((published_from IS NULL) = (publish_number IS NULL)
             AND (published_from IS NULL OR is_published));

CREATE UNIQUE INDEX scenarios_publish_number ON cs.scenarios (published_from, publish_number)
  WHERE published_from IS NOT NULL;

-- An invitation may decide approval itself; NULL follows the cohort's auto_approve.
ALTER TABLE cs.cohort_invitations ADD COLUMN auto_approve boolean;

-- Publishing ---------------------------------------------------------------------------------

CREATE FUNCTION cs.cs_publish_scenario (draft uuid, OUT snapshot uuid, OUT number integer)
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  src cs.scenarios;
  personas jsonb;
  scenes jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock (7350013337);
  SELECT * INTO src FROM cs.scenarios
   WHERE id = draft AND owner_id = (SELECT cs.uid (current_user)) FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'there is no case % of yours on the server; sync it first', draft
      USING ERRCODE = 'CS020';
  END IF;
  IF src.is_published THEN
    RAISE EXCEPTION 'this is a published version already; publish its draft instead'
      USING ERRCODE = 'CS020';
  END IF;
  IF src.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION 'the case “%” is deleted; restore it before publishing', src.title
      USING ERRCODE = 'CS021';
  END IF;
  IF NOT EXISTS (SELECT FROM cs.scenes WHERE scenario_id = draft)
     OR NOT EXISTS (SELECT FROM cs.personas WHERE scenario_id = draft) THEN
    RAISE EXCEPTION 'the case “%” needs at least one person and one scene to be published', src.title
      USING ERRCODE = 'CS021';
  END IF;

  snapshot := gen_random_uuid ();
  SELECT coalesce (max (publish_number), 0) + 1 INTO number
    FROM cs.scenarios WHERE published_from = draft;
  -- New ids for the copies: old id → new id.
  SELECT jsonb_object_agg (id, gen_random_uuid ()) INTO personas FROM cs.personas WHERE scenario_id = draft;
  SELECT jsonb_object_agg (id, gen_random_uuid ()) INTO scenes FROM cs.scenes WHERE scenario_id = draft;

  INSERT INTO cs.scenarios (id, owner_id, title, description, challenge, industry, student_role,
                            category, difficulty, estimated_duration, tags, learning_outcomes,
                            status, is_published, is_public, allow_remixes, source_pdf_title,
                            source_text, published_from, publish_number)
  VALUES (snapshot, src.owner_id, src.title, src.description, src.challenge, src.industry,
          src.student_role, src.category, src.difficulty, src.estimated_duration, src.tags,
          src.learning_outcomes, 'active', true, src.is_public, src.allow_remixes,
          src.source_pdf_title, src.source_text, draft, number);

  INSERT INTO cs.personas (id, scenario_id, position, name, role, background, correlation,
                           primary_goals, traits, avatar_color, avatar_image, is_main_character)
  SELECT (personas ->> p.id::text)::uuid, snapshot, p.position, p.name, p.role, p.background,
         p.correlation, p.primary_goals, p.traits, p.avatar_color, p.avatar_image,
         p.is_main_character
    FROM cs.personas p WHERE p.scenario_id = draft;

  INSERT INTO cs.scenes (id, scenario_id, position, title, description, user_goal, scene_context,
                         goal_criteria, success_threshold, timeout_turns, max_attempts,
                         estimated_duration, hint_triggers, persona_instructions, image)
  SELECT (scenes ->> c.id::text)::uuid, snapshot, c.position, c.title, c.description, c.user_goal,
         c.scene_context,
         -- Criteria in the form the libraries read: every field there, in order.
         (SELECT coalesce (jsonb_agg (jsonb_build_object ('text', '', 'weight', 1) || g
                                      || jsonb_build_object ('id', gen_random_uuid (), 'position', n - 1)
                                      ORDER BY n), '[]')
            FROM jsonb_array_elements (c.goal_criteria) WITH ORDINALITY AS e (g, n)),
         c.success_threshold, c.timeout_turns, c.max_attempts, c.estimated_duration,
         c.hint_triggers,
         (SELECT coalesce (jsonb_object_agg (coalesce (personas ->> k, k), v), '{}')
            FROM jsonb_each (c.persona_instructions) AS i (k, v)),
         c.image
    FROM cs.scenes c WHERE c.scenario_id = draft;

  INSERT INTO cs.scene_personas (scene_id, persona_id, position, involvement)
  SELECT (scenes ->> i.scene_id::text)::uuid, (personas ->> i.persona_id::text)::uuid,
         i.position, i.involvement
    FROM cs.scene_personas i JOIN cs.scenes c ON c.id = i.scene_id
   WHERE c.scenario_id = draft;

  -- The draft learns its newest published version (a new version of the row: the client
  -- pulls it before its next edit).
  UPDATE cs.scenarios
     SET published_version_id = snapshot, updated_at = now (), version = version + 1
   WHERE id = draft;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_publish_scenario (uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_publish_scenario (uuid) TO cs_instructor;

-- Invitations ---------------------------------------------------------------------------------

-- Replaces the first version: checks its arguments with messages a person can act on,
-- refuses archived cohorts, and lets the invitation decide approval.
DROP FUNCTION cs.cs_create_invitation (uuid, integer, interval);

CREATE FUNCTION cs.cs_create_invitation (cohort uuid, max_uses integer DEFAULT 1,
                                         valid_for interval DEFAULT '14 days',
                                         auto_approve boolean DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  code text := upper (substr (replace (gen_random_uuid ()::text, '-', ''), 1, 8) || '-'
                      || substr (replace (gen_random_uuid ()::text, '-', ''), 1, 8));
  target cs.cohorts;
BEGIN
  -- Only the caller's own cohorts are visible here (row policies).
  SELECT * INTO target FROM cs.cohorts WHERE id = cohort;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'you have no cohort %', cohort USING ERRCODE = '42501';
  END IF;
  IF NOT target.is_active THEN
    RAISE EXCEPTION 'the cohort “%” is archived; it takes no new students', target.title
      USING ERRCODE = 'CS006';
  END IF;
  IF max_uses IS NULL OR max_uses < 1 OR max_uses > 10000 THEN
    RAISE EXCEPTION 'an invitation is for 1 to 10000 students' USING ERRCODE = 'CS007';
  END IF;
  IF valid_for IS NULL OR valid_for <= interval '0' OR valid_for > interval '1 year' THEN
    RAISE EXCEPTION 'an invitation must expire in the future and within a year' USING ERRCODE = 'CS007';
  END IF;

  INSERT INTO cs.cohort_invitations (id, cohort_id, created_by, token_hash, max_uses, expires_at,
                                     auto_approve)
  VALUES (gen_random_uuid (), cohort, cs.uid (current_user),
          encode (sha256 (convert_to (code, 'UTF8')), 'hex'), max_uses, now () + valid_for,
          auto_approve);
  RETURN code;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_create_invitation (uuid, integer, interval, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_create_invitation (uuid, integer, interval, boolean) TO cs_instructor;

-- Redeeming, in two parts shared by new and existing students. Internal: called by the
-- SECURITY DEFINER functions below, which run as cs_admin.

-- The invitation of "code", locked so that two redeemers of a single-use code cannot both
-- win, after checking that it and its cohort still take a student.
CREATE FUNCTION cs.take_invitation (code text) RETURNS cs.cohort_invitations
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  inv cs.cohort_invitations;
  cohort cs.cohorts;
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
  RETURN inv;
END $$;

-- Enrols "student" through "inv" (approved when the invitation or else the cohort says
-- so, otherwise pending), counts the use and tells the instructor. Returns the status.
CREATE FUNCTION cs.enrol (inv cs.cohort_invitations, student uuid, shown_name text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  cohort cs.cohorts;
  approve boolean;
  new_status text;
BEGIN
  SELECT * INTO cohort FROM cs.cohorts WHERE id = inv.cohort_id;
  approve := coalesce (inv.auto_approve, cohort.auto_approve);
  new_status := CASE WHEN approve THEN 'approved' ELSE 'pending' END;

  -- A student who withdrew may come back; anybody else is in already (or was declined).
  UPDATE cs.cohort_students e
     SET status = new_status, approved_by = CASE WHEN approve THEN cohort.instructor_id END,
         approved_at = CASE WHEN approve THEN now () END, enrolled_at = now (),
         updated_at = now (), version = e.version + 1
   WHERE e.cohort_id = cohort.id AND e.student_id = student AND e.status = 'withdrawn';
  IF NOT FOUND THEN
    IF EXISTS (SELECT FROM cs.cohort_students e WHERE e.cohort_id = cohort.id AND e.student_id = student) THEN
      RAISE EXCEPTION 'you have already asked to join “%”', cohort.title USING ERRCODE = 'CS009';
    END IF;
    INSERT INTO cs.cohort_students (id, cohort_id, student_id, status, approved_by, approved_at)
    VALUES (gen_random_uuid (), cohort.id, student, new_status,
            CASE WHEN approve THEN cohort.instructor_id END, CASE WHEN approve THEN now () END);
  END IF;

  UPDATE cs.cohort_invitations
     SET use_count = use_count + 1, updated_at = now (), version = version + 1
   WHERE id = inv.id;

  INSERT INTO cs.notifications (id, user_id, type, title, data)
  VALUES (gen_random_uuid (), cohort.instructor_id, 'enrollment',
          format ('%s joined %s', shown_name, cohort.title),
          jsonb_build_object ('cohort_id', cohort.id, 'student_id', student, 'status', new_status));
  RETURN new_status;
END $$;

REVOKE EXECUTE ON FUNCTION cs.take_invitation (text), cs.enrol (cs.cohort_invitations, uuid, text) FROM PUBLIC;

-- As in 002 (a new student's login and enrolment, atomically), with the invitation's own
-- approval setting.
CREATE OR REPLACE FUNCTION cs.cs_redeem_invitation (code text, username text, password text, display_name text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  inv cs.cohort_invitations := cs.take_invitation (code);
  student uuid := cs.create_person (username, password, display_name, 'student');
BEGIN
  PERFORM cs.enrol (inv, student, coalesce (nullif (btrim (display_name), ''), username));
  RETURN student;
END $$;

-- A student who has an account joins another cohort with its code.
CREATE FUNCTION cs.cs_join_cohort (code text, OUT cohort_title text, OUT status text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  -- The login, not the owner this function runs as.
  me cs.users;
  inv cs.cohort_invitations;
BEGIN
  SELECT * INTO me FROM cs.users WHERE id = cs.uid (session_user);
  IF NOT FOUND OR me.kind <> 'student' THEN
    RAISE EXCEPTION 'only students join cohorts; sign in with your student account' USING ERRCODE = 'CS008';
  END IF;
  inv := cs.take_invitation (code);
  status := cs.enrol (inv, me.id, me.display_name);
  SELECT title INTO cohort_title FROM cs.cohorts WHERE id = inv.cohort_id;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_join_cohort (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_join_cohort (text) TO cs_student;

-- Enrolment decisions -----------------------------------------------------------------------

-- Instructors decide through cs_decide_enrolments() or these columns only; a student is
-- enrolled by redeeming a code, never by an instructor's INSERT (which could otherwise
-- reach any person's users row through the instructor_reads_students policy).
REVOKE INSERT, UPDATE ON cs.cohort_students FROM cs_instructor;
GRANT UPDATE (status, approved_by, approved_at, updated_at, version) ON cs.cohort_students TO cs_instructor;

-- Approves or rejects enrolments of the caller's cohorts, all or none: the count of the ids
-- given must be the count changed. Tells each student.
CREATE FUNCTION cs.cs_decide_enrolments (enrolments uuid[], decision text)
RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
  wanted integer := (SELECT count (DISTINCT e) FROM unnest (enrolments) e);
  changed integer;
BEGIN
  IF decision NOT IN ('approved', 'rejected') THEN
    RAISE EXCEPTION 'an enrolment is either approved or rejected, not “%”', decision
      USING ERRCODE = 'CS008';
  END IF;
  PERFORM pg_advisory_xact_lock (7350013337);

  WITH decided AS (
    UPDATE cs.cohort_students e
       SET status = decision,
           approved_by = CASE WHEN decision = 'approved' THEN me END,
           approved_at = CASE WHEN decision = 'approved' THEN now () END,
           updated_at = now (), version = e.version + 1
     WHERE e.id = ANY (enrolments) AND e.status IN ('pending', 'approved', 'rejected')
       AND e.cohort_id IN (SELECT id FROM cs.cohorts WHERE instructor_id = me)
    RETURNING e.student_id, e.cohort_id
  ), told AS (
    INSERT INTO cs.notifications (id, user_id, sender_id, type, title, data)
    SELECT gen_random_uuid (), d.student_id, me, 'enrollment',
           format (CASE decision WHEN 'approved' THEN 'You joined %s' ELSE 'Your request to join %s was declined' END,
                   c.title),
           jsonb_build_object ('cohort_id', d.cohort_id, 'status', decision)
      FROM decided d JOIN cs.cohorts c ON c.id = d.cohort_id
    RETURNING 1
  )
  SELECT count (*) INTO changed FROM decided;

  IF changed <> wanted THEN
    RAISE EXCEPTION '% of the % enrolments are not requests to your cohorts; nothing was changed',
      wanted - changed, wanted USING ERRCODE = '42501';
  END IF;
  RETURN changed;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_decide_enrolments (uuid[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_decide_enrolments (uuid[], text) TO cs_instructor;

-- Assignments ---------------------------------------------------------------------------------

-- Assigns the newest published version of a case (a draft's id or a version's id) to one
-- of the caller's cohorts; assigning it again changes nothing. Returns the version's id.
CREATE FUNCTION cs.cs_assign_scenario (cohort uuid, scenario uuid, due timestamptz DEFAULT NULL)
RETURNS uuid
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
  target cs.cohorts;
  version_id uuid;
BEGIN
  SELECT * INTO target FROM cs.cohorts WHERE id = cohort AND instructor_id = me;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'you have no cohort %', cohort USING ERRCODE = '42501';
  END IF;
  IF NOT target.is_active THEN
    RAISE EXCEPTION 'the cohort “%” is archived', target.title USING ERRCODE = 'CS006';
  END IF;

  SELECT id INTO version_id FROM cs.scenarios
   WHERE is_published AND deleted_at IS NULL AND (id = scenario OR published_from = scenario)
   ORDER BY publish_number DESC NULLS LAST LIMIT 1;
  IF version_id IS NULL THEN
    RAISE EXCEPTION 'the case % has no published version you can assign; publish it first', scenario
      USING ERRCODE = 'CS022';
  END IF;

  PERFORM pg_advisory_xact_lock (7350013337);
  INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by, due_date)
  VALUES (gen_random_uuid (), cohort, version_id, me, due)
  ON CONFLICT (cohort_id, scenario_id) DO NOTHING;
  RETURN version_id;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz) TO cs_instructor;

-- Pull reads assignments and enrolments to find cases that became visible; a kiosk sees
-- none of these rows (no policy lets it) but may ask.
GRANT SELECT ON cs.cohort_simulations, cs.cohort_students TO cs_kiosk;
