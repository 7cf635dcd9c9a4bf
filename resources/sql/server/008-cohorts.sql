-- 008-cohorts.sql: managing a cohort: assignments with a required flag and a due date that
-- can be changed, and taking a student out of a cohort without losing their work
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Both functions run as the caller, under the row policies of 002, and check explicitly
-- that the cohort is the caller's, so that somebody else's cohort gives a clear error
-- (SQLSTATE 42501) rather than nothing happening.

-- Assigns the newest published version of @scenario (a draft or one of its versions) to
-- @cohort, due at @due (NULL: no due date), required or optional. Assigning the same
-- version again changes its due date and flag. Returns the version's id. The three-argument
-- cs_assign_scenario() of 004 stays for older clients (required, first due date kept).
CREATE FUNCTION cs.cs_assign_scenario (cohort uuid, scenario uuid, due timestamptz, required boolean)
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
  INSERT INTO cs.cohort_simulations (id, cohort_id, scenario_id, assigned_by, due_date, is_required)
  VALUES (gen_random_uuid (), cohort, version_id, me, due, coalesce (required, true))
  ON CONFLICT (cohort_id, scenario_id) DO UPDATE
    SET due_date = EXCLUDED.due_date, is_required = EXCLUDED.is_required,
        updated_at = now (), version = cs.cohort_simulations.version + 1;
  RETURN version_id;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz, boolean) TO cs_instructor;

-- Takes the student of enrolment @enrolment out of the caller's cohort: the enrolment
-- becomes withdrawn (so the student leaves the dashboard and no longer sees the cohort's
-- assignments) and everything they did stays on the server: their runs, scenes and
-- conversations are not touched.
CREATE FUNCTION cs.cs_withdraw_student (enrolment uuid) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
BEGIN
  IF NOT EXISTS (SELECT FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id
                  WHERE e.id = enrolment AND c.instructor_id = me) THEN
    RAISE EXCEPTION 'you have no such student in your cohorts' USING ERRCODE = '42501';
  END IF;
  UPDATE cs.cohort_students
     SET status = 'withdrawn', updated_at = now (), version = version + 1
   WHERE id = enrolment AND status <> 'withdrawn';
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_withdraw_student (uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_withdraw_student (uuid) TO cs_instructor;

-- Undoes cs_withdraw_student(): the withdrawn student of enrolment @enrolment is approved
-- again in the caller's cohort, with their work as they left it.
CREATE FUNCTION cs.cs_reinstate_student (enrolment uuid) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
BEGIN
  IF NOT EXISTS (SELECT FROM cs.cohort_students e JOIN cs.cohorts c ON c.id = e.cohort_id
                  WHERE e.id = enrolment AND c.instructor_id = me) THEN
    RAISE EXCEPTION 'you have no such student in your cohorts' USING ERRCODE = '42501';
  END IF;
  UPDATE cs.cohort_students
     SET status = 'approved', approved_by = me, approved_at = now (), updated_at = now (),
         version = version + 1
   WHERE id = enrolment AND status = 'withdrawn';
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_reinstate_student (uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_reinstate_student (uuid) TO cs_instructor;
