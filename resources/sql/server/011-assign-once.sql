-- 011-assign-once.sql: the three-argument cs_assign_scenario() of 004 becomes a call of the
-- four-argument one of 008, so that assigning has one body
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- What older clients get stays as it was: the newest published version of @scenario is
-- assigned to @cohort, required, due at @due; assigning a version that is already assigned
-- keeps its due date and flag (they are passed on unchanged). The checks (the caller's
-- cohort, not archived, a published version) and their errors are those of the
-- four-argument function. Signature, default and grants are unchanged.
CREATE OR REPLACE FUNCTION cs.cs_assign_scenario (cohort uuid, scenario uuid, due timestamptz DEFAULT NULL)
RETURNS uuid
LANGUAGE sql SET search_path = pg_catalog, cs AS $$
  SELECT cs.cs_assign_scenario ($1, $2,
                                CASE WHEN a.id IS NULL THEN $3 ELSE a.due_date END,
                                coalesce (a.is_required, true))
    FROM (SELECT) AS one
    LEFT JOIN cs.cohort_simulations a
      ON a.cohort_id = $1
     AND a.scenario_id = (SELECT s.id FROM cs.scenarios s
                           WHERE s.is_published AND s.deleted_at IS NULL AND (s.id = $2 OR s.published_from = $2)
                           ORDER BY s.publish_number DESC NULLS LAST LIMIT 1)
$$;

REVOKE EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_assign_scenario (uuid, uuid, timestamptz) TO cs_instructor;
