-- 013-top-hints.sql: the hints a cohort's students were given most, per assignment
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A hint names the part of the scene's goal the student has not met yet (DESIGN.md section
-- 7), so the hints given most often are the criteria the class finds hardest. Per
-- assignment, the five most frequent hint texts among the runs the dashboard shows (the
-- newest attempt of each approved student), with the scene, how many times they were given
-- and to how many students. The same visibility as the other dashboard functions (006): the
-- cohort's instructor sees the whole cohort, an approved student their own hints, anyone
-- else SQLSTATE 42501. Hints are stored in the student's language, so the same hint given
-- in two languages counts twice.
CREATE FUNCTION cs.dashboard_top_hints (cohort uuid, who name,
  OUT assignment_id uuid, OUT scene_number integer, OUT scene_title text, OUT hint text,
  OUT uses integer, OUT students integer)
RETURNS SETOF record
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  WITH scenes AS (
    SELECT a.id AS assignment_id, a.scenario_id, sc.id, sc.title,
           (row_number () OVER (PARTITION BY a.id ORDER BY sc.position))::integer AS number
      FROM cs.cohort_simulations a JOIN cs.scenes sc ON sc.scenario_id = a.scenario_id
     WHERE a.cohort_id = cohort
  ), runs AS (
    SELECT id, user_id, scenario_id FROM cs.dashboard_runs (cohort, who)
  ), given AS (
    SELECT sc.assignment_id, sc.number, sc.title, l.content,
           count (*)::integer AS uses, count (DISTINCT r.user_id)::integer AS students
      FROM runs r
      JOIN cs.conversation_logs l ON l.progress_id = r.id AND l.kind = 'hint'
      JOIN scenes sc ON sc.id = l.scene_id AND sc.scenario_id = r.scenario_id
     GROUP BY sc.assignment_id, sc.number, sc.title, l.content
  ), ranked AS (
    SELECT *, row_number () OVER (PARTITION BY g.assignment_id
                                  ORDER BY g.uses DESC, g.students DESC, g.number, g.content) AS rank
      FROM given g
  )
  SELECT assignment_id, number, title, content, uses, students
    FROM ranked WHERE rank <= 5
   ORDER BY assignment_id, rank
$$;

-- What clients call.
CREATE FUNCTION cs.cs_cohort_top_hints (cohort uuid,
  OUT assignment_id uuid, OUT scene_number integer, OUT scene_title text, OUT hint text,
  OUT uses integer, OUT students integer)
RETURNS SETOF record
LANGUAGE sql STABLE SET search_path = pg_catalog, cs AS $$
  SELECT * FROM cs.dashboard_top_hints (cohort, current_user)
$$;

REVOKE EXECUTE ON FUNCTION cs.dashboard_top_hints (uuid, name), cs.cs_cohort_top_hints (uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.dashboard_top_hints (uuid, name), cs.cs_cohort_top_hints (uuid)
  TO cs_instructor, cs_student;
