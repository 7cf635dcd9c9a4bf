-- 006-dashboard.sql: the cohort dashboard: one row per student × assignment, per-scene
-- figures, grade overrides, and one NOTIFY channel per dashboard
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The dashboard reads across people (the runs of every student of a cohort, their scenes
-- and the overrides of other instructors), so its functions run as cs_admin and decide
-- themselves who may see what: the cohort's instructor sees every approved student, an
-- approved student only their own rows, anybody else nothing (SQLSTATE 42501). Callers use
-- the cs_cohort_* wrappers, which run as the caller and hand the definer functions the
-- caller's role; cs.uid() answers only for the role actually logged in (002).
--
-- A student's cell of an assignment is their newest attempt (highest attempt number, not
-- archived) at the assigned version of the case; restarting makes a new attempt (DESIGN.md
-- section 7), which is the one the instructor follows.

CREATE TYPE cs.dashboard_cell AS (
  student_id     uuid,
  student_name   text,
  student_login  text,
  assignment_id  uuid,
  scenario_id    uuid,
  scenario_title text,
  due_date       timestamptz,
  is_required    boolean,
  progress_id    uuid,
  status         text,              -- not_started | in_progress | completed
  progress       double precision,  -- 0..1
  computed_score double precision,  -- NULL until graded
  score          double precision,  -- the newest override, else computed_score
  overridden     boolean,
  time_spent     integer,           -- seconds
  hints_used     integer,
  is_late        boolean,
  last_activity  timestamptz,
  completed_at   timestamptz,
  scene_scores   double precision[]  -- per scene in the case's order (NULL: no score); NULL when not started
);

CREATE TYPE cs.dashboard_scene AS (
  student_id    uuid,
  assignment_id uuid,
  scene_id      uuid,
  scene_number  integer,            -- 1, 2, … in the case's order
  scene_title   text,
  status        text,               -- not_started | in_progress | passed | forced
  score         double precision,   -- the newest override of the scene, else its score
  attempts      integer,
  turns         integer,            -- messages the student sent
  hints_used    integer,
  time_spent    integer
);

-- The students of @cohort whose rows @who may see; raises for anybody else.
CREATE FUNCTION cs.dashboard_students (cohort uuid, who name) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (who);
BEGIN
  IF me IS NOT NULL AND EXISTS (SELECT FROM cs.cohorts WHERE id = cohort AND instructor_id = me) THEN
    RETURN QUERY SELECT student_id FROM cs.cohort_students
                  WHERE cohort_id = cohort AND status = 'approved';
  ELSIF me IS NOT NULL AND EXISTS (SELECT FROM cs.cohort_students
                                    WHERE cohort_id = cohort AND student_id = me AND status = 'approved') THEN
    RETURN NEXT me;
  ELSE
    RAISE EXCEPTION 'you have no cohort %', cohort USING ERRCODE = '42501';
  END IF;
END $$;

-- The run shown for each student @who may see × case assigned to @cohort: the newest
-- attempt that is not archived.
CREATE FUNCTION cs.dashboard_runs (cohort uuid, who name) RETURNS SETOF cs.user_progress
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT DISTINCT ON (p.user_id, p.scenario_id) p.*
    FROM cs.user_progress p
   WHERE p.user_id IN (SELECT cs.dashboard_students (cohort, who))
     AND p.scenario_id IN (SELECT a.scenario_id FROM cs.cohort_simulations a WHERE a.cohort_id = cohort)
     AND p.archived_at IS NULL
   ORDER BY p.user_id, p.scenario_id, p.attempt DESC
$$;

-- Overrides are looked up once per query (the newest per run and per scene, by
-- change_seq), not once per row.
CREATE FUNCTION cs.dashboard_matrix (cohort uuid, who name) RETURNS SETOF cs.dashboard_cell
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  WITH students AS (
    SELECT u.id, u.display_name, u.role_name
      FROM cs.users u WHERE u.id IN (SELECT cs.dashboard_students (cohort, who))
  ), assignments AS (
    SELECT a.id, a.scenario_id, s.title, a.due_date, a.is_required
      FROM cs.cohort_simulations a JOIN cs.scenarios s ON s.id = a.scenario_id
     WHERE a.cohort_id = cohort
  ), runs AS (
    SELECT * FROM cs.dashboard_runs (cohort, who)
  ), overrides AS (
    SELECT DISTINCT ON (g.progress_id, g.scene_progress_id) g.progress_id, g.scene_progress_id, g.new_score
      FROM cs.grade_overrides g
     WHERE g.progress_id IN (SELECT id FROM runs)
     ORDER BY g.progress_id, g.scene_progress_id, g.change_seq DESC
  ), run_scenes AS (
    SELECT r.id, array_agg (coalesce (o.new_score, nullif (sp.score, -1)) ORDER BY sc.position) AS scores
      FROM runs r
      JOIN cs.scenes sc ON sc.scenario_id = r.scenario_id
      LEFT JOIN cs.scene_progress sp ON sp.progress_id = r.id AND sp.scene_id = sc.id
      LEFT JOIN overrides o ON o.scene_progress_id = sp.id
     GROUP BY r.id
  )
  SELECT st.id, st.display_name, st.role_name,
         a.id, a.scenario_id, a.title, a.due_date, a.is_required,
         r.id,
         CASE WHEN r.id IS NULL OR r.status = 'not_started' THEN 'not_started'
              WHEN r.status = 'completed' THEN 'completed'
              ELSE 'in_progress' END,
         CASE WHEN r.status = 'completed' THEN 1.0
              ELSE coalesce (r.completion_percentage, 0) / 100.0 END,
         nullif (r.final_score, -1),
         coalesce (o.new_score, nullif (r.final_score, -1)),
         o.new_score IS NOT NULL,
         coalesce (r.total_time_spent, 0),
         coalesce (r.hints_used, 0),
         a.due_date IS NOT NULL
           AND CASE WHEN r.status = 'completed' THEN coalesce (r.completed_at, r.updated_at) > a.due_date
                    ELSE now () > a.due_date END,
         coalesce (r.last_activity, r.updated_at),
         r.completed_at,
         rs.scores
    FROM students st
   CROSS JOIN assignments a
    LEFT JOIN runs r ON r.user_id = st.id AND r.scenario_id = a.scenario_id
    LEFT JOIN overrides o ON o.progress_id = r.id AND o.scene_progress_id IS NULL
    LEFT JOIN run_scenes rs ON rs.id = r.id
$$;

CREATE FUNCTION cs.dashboard_scenes (cohort uuid, who name) RETURNS SETOF cs.dashboard_scene
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  WITH students AS (
    SELECT cs.dashboard_students (cohort, who) AS id
  ), scenes AS (
    SELECT a.id AS assignment_id, a.scenario_id, sc.id, sc.title,
           (row_number () OVER (PARTITION BY a.id ORDER BY sc.position))::integer AS number
      FROM cs.cohort_simulations a JOIN cs.scenes sc ON sc.scenario_id = a.scenario_id
     WHERE a.cohort_id = cohort
  ), runs AS (
    SELECT id, user_id, scenario_id FROM cs.dashboard_runs (cohort, who)
  ), overrides AS (
    SELECT DISTINCT ON (g.scene_progress_id) g.scene_progress_id, g.new_score
      FROM cs.grade_overrides g
     WHERE g.progress_id IN (SELECT id FROM runs) AND g.scene_progress_id IS NOT NULL
     ORDER BY g.scene_progress_id, g.change_seq DESC
  )
  SELECT st.id, sc.assignment_id, sc.id, sc.number, sc.title,
         coalesce (sp.status, 'not_started'),
         coalesce (o.new_score, nullif (sp.score, -1)),
         coalesce (sp.attempts, 0), coalesce (sp.messages_sent, 0),
         coalesce (sp.hints_used, 0), coalesce (sp.time_spent, 0)
    FROM students st
   CROSS JOIN scenes sc
    LEFT JOIN runs r ON r.user_id = st.id AND r.scenario_id = sc.scenario_id
    LEFT JOIN cs.scene_progress sp ON sp.progress_id = r.id AND sp.scene_id = sc.id
    LEFT JOIN overrides o ON o.scene_progress_id = sp.id
$$;

-- Per assignment and scene, of the students who started it: how many passed or were moved
-- on, the pass rate (NULL when nobody started), the average turns and the hints used.
CREATE FUNCTION cs.dashboard_scene_stats (cohort uuid, who name,
  OUT assignment_id uuid, OUT scene_id uuid, OUT scene_number integer, OUT scene_title text,
  OUT started integer, OUT passed integer, OUT forced integer, OUT pass_rate double precision,
  OUT average_turns double precision, OUT hints_used integer)
RETURNS SETOF record
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  WITH scenes AS (
    SELECT a.id AS assignment_id, a.scenario_id, sc.id, sc.title,
           (row_number () OVER (PARTITION BY a.id ORDER BY sc.position))::integer AS number
      FROM cs.cohort_simulations a JOIN cs.scenes sc ON sc.scenario_id = a.scenario_id
     WHERE a.cohort_id = cohort
  ), runs AS (
    SELECT id, scenario_id FROM cs.dashboard_runs (cohort, who)
  ), started AS (
    SELECT sp.scene_id, r.scenario_id, sp.status, sp.messages_sent, sp.hints_used
      FROM runs r JOIN cs.scene_progress sp ON sp.progress_id = r.id
     WHERE sp.status <> 'not_started'
  )
  SELECT sc.assignment_id, sc.id, sc.number, sc.title,
         count (s.scene_id)::integer,
         (count (*) FILTER (WHERE s.status = 'passed'))::integer,
         (count (*) FILTER (WHERE s.status = 'forced'))::integer,
         (count (*) FILTER (WHERE s.status = 'passed'))::double precision / nullif (count (s.scene_id), 0),
         avg (s.messages_sent),
         coalesce (sum (s.hints_used), 0)::integer
    FROM scenes sc
    LEFT JOIN started s ON s.scene_id = sc.id AND s.scenario_id = sc.scenario_id
   GROUP BY sc.assignment_id, sc.id, sc.number, sc.title
   ORDER BY sc.assignment_id, sc.number
$$;

REVOKE EXECUTE ON FUNCTION cs.dashboard_students (uuid, name), cs.dashboard_runs (uuid, name),
  cs.dashboard_matrix (uuid, name),
  cs.dashboard_scenes (uuid, name), cs.dashboard_scene_stats (uuid, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.dashboard_matrix (uuid, name), cs.dashboard_scenes (uuid, name),
  cs.dashboard_scene_stats (uuid, name) TO cs_instructor, cs_student;

-- What clients call ------------------------------------------------------------------------

-- One row per approved student × assignment of @cohort, in no particular order.
CREATE FUNCTION cs.cs_cohort_matrix (cohort uuid) RETURNS SETOF cs.dashboard_cell
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT * FROM cs.dashboard_matrix (cohort, current_user)
$$;

-- One row per approved student × assignment × scene of the assigned case, in no
-- particular order.
CREATE FUNCTION cs.cs_cohort_scene_scores (cohort uuid) RETURNS SETOF cs.dashboard_scene
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT * FROM cs.dashboard_scenes (cohort, current_user)
$$;

-- For the charts: per assignment and scene, of the students who started it, how many
-- passed, the pass rate (NULL when nobody started), the average turns and the hints used.
CREATE FUNCTION cs.cs_cohort_scene_stats (cohort uuid,
  OUT assignment_id uuid, OUT scene_id uuid, OUT scene_number integer, OUT scene_title text,
  OUT started integer, OUT passed integer, OUT forced integer, OUT pass_rate double precision,
  OUT average_turns double precision, OUT hints_used integer)
RETURNS SETOF record
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT * FROM cs.dashboard_scene_stats (cohort, current_user)
$$;

-- Overrides the grade of a run (0..1) with a reason; the history is the rows of
-- grade_overrides, newest in force. Runs as the caller, under their row policies, and checks
-- explicitly that the run is an approved student's, of a case assigned to a cohort of the
-- caller. Tells the student. Returns the override's id.
CREATE FUNCTION cs.cs_override_grade (progress uuid, score double precision, reason text)
RETURNS uuid
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  me uuid := cs.uid (current_user);
  run cs.user_progress;
  previous double precision;
  override uuid := gen_random_uuid ();
  title text;
BEGIN
  IF score IS NULL OR score < 0 OR score > 1 OR score = 'NaN' THEN
    RAISE EXCEPTION 'a grade is between 0 and 100 %%' USING ERRCODE = 'CS030';
  END IF;
  IF reason IS NULL OR btrim (reason) = '' THEN
    RAISE EXCEPTION 'say why the grade changes: the student sees the reason' USING ERRCODE = 'CS030';
  END IF;

  SELECT * INTO run FROM cs.user_progress WHERE id = progress;
  IF NOT FOUND OR me IS NULL OR NOT EXISTS (
       SELECT FROM cs.cohorts c
         JOIN cs.cohort_simulations a ON a.cohort_id = c.id
         JOIN cs.cohort_students e ON e.cohort_id = c.id
        WHERE c.instructor_id = me AND a.scenario_id = run.scenario_id
          AND e.student_id = run.user_id AND e.status = 'approved') THEN
    RAISE EXCEPTION 'this run is not of a student of your cohorts' USING ERRCODE = '42501';
  END IF;

  PERFORM pg_advisory_xact_lock (7350013337);
  SELECT g.new_score INTO previous FROM cs.grade_overrides g
   WHERE g.progress_id = progress AND g.scene_progress_id IS NULL
   ORDER BY g.change_seq DESC LIMIT 1;
  IF NOT FOUND THEN
    previous := nullif (run.final_score, -1);
  END IF;

  INSERT INTO cs.grade_overrides (id, progress_id, instructor_id, previous_score, new_score, reason,
                                  created_at, updated_at)
  VALUES (override, progress, me, previous, score, btrim (reason), clock_timestamp (), clock_timestamp ());

  SELECT s.title INTO title FROM cs.scenarios s WHERE s.id = run.scenario_id;
  INSERT INTO cs.notifications (id, user_id, sender_id, type, title, message, data)
  VALUES (gen_random_uuid (), run.user_id, me, 'grade', format ('Your grade for %s changed', title),
          btrim (reason), jsonb_build_object ('progress_id', progress, 'override_id', override,
                                              'score', score));
  RETURN override;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_cohort_matrix (uuid), cs.cs_cohort_scene_scores (uuid),
  cs.cs_cohort_scene_stats (uuid), cs.cs_override_grade (uuid, double precision, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_cohort_matrix (uuid), cs.cs_cohort_scene_scores (uuid),
  cs.cs_cohort_scene_stats (uuid) TO cs_instructor, cs_student;
GRANT EXECUTE ON FUNCTION cs.cs_override_grade (uuid, double precision, text) TO cs_instructor;

-- Live updates ------------------------------------------------------------------------------

-- NOTIFY cs_dashboard '{"cohort": id, "t": table}' for every cohort whose dashboard a
-- statement changed, once per cohort and statement (PostgreSQL folds equal payloads of one
-- transaction into one). A dashboard LISTENs on this one channel and reloads its cohort; the
-- payload names the cohort only, the rows are read through cs_cohort_matrix(). Statement
-- triggers with transition tables: a push of many rows looks the cohorts up once.
-- The tables differ in how a row leads to its cohorts; the transition table is changed_rows.
CREATE FUNCTION cs.notify_dashboard_rows () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
DECLARE
  cohort uuid;
BEGIN
  IF TG_TABLE_NAME = 'user_progress' THEN
    FOR cohort IN
      SELECT DISTINCT e.cohort_id FROM changed_rows r
        JOIN cs.cohort_students e ON e.student_id = r.user_id AND e.status = 'approved'
        JOIN cs.cohort_simulations a ON a.cohort_id = e.cohort_id AND a.scenario_id = r.scenario_id
    LOOP
      PERFORM pg_notify ('cs_dashboard', json_build_object ('cohort', cohort, 't', TG_TABLE_NAME)::text);
    END LOOP;
  ELSIF TG_TABLE_NAME IN ('scene_progress', 'grade_overrides') THEN
    FOR cohort IN
      SELECT DISTINCT e.cohort_id FROM changed_rows r
        JOIN cs.user_progress p ON p.id = r.progress_id
        JOIN cs.cohort_students e ON e.student_id = p.user_id AND e.status = 'approved'
        JOIN cs.cohort_simulations a ON a.cohort_id = e.cohort_id AND a.scenario_id = p.scenario_id
    LOOP
      PERFORM pg_notify ('cs_dashboard', json_build_object ('cohort', cohort, 't', TG_TABLE_NAME)::text);
    END LOOP;
  ELSE  -- cohort_students, cohort_simulations, direct_messages: the row names its cohort
    FOR cohort IN SELECT DISTINCT r.cohort_id FROM changed_rows r WHERE r.cohort_id IS NOT NULL
    LOOP
      PERFORM pg_notify ('cs_dashboard', json_build_object ('cohort', cohort, 't', TG_TABLE_NAME)::text);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['user_progress', 'scene_progress', 'grade_overrides', 'cohort_students',
                           'cohort_simulations', 'direct_messages']
  LOOP
    EXECUTE format ('CREATE TRIGGER %I AFTER INSERT ON cs.%I REFERENCING NEW TABLE AS changed_rows '
                    'FOR EACH STATEMENT EXECUTE FUNCTION cs.notify_dashboard_rows ()',
                    t || '_dashboard_insert', t);
    IF t <> 'grade_overrides' THEN  -- append-only
      EXECUTE format ('CREATE TRIGGER %I AFTER UPDATE ON cs.%I REFERENCING NEW TABLE AS changed_rows '
                      'FOR EACH STATEMENT EXECUTE FUNCTION cs.notify_dashboard_rows ()',
                      t || '_dashboard_update', t);
    END IF;
  END LOOP;
END $$;

REVOKE EXECUTE ON FUNCTION cs.notify_dashboard_rows () FROM PUBLIC;
