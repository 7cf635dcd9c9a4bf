-- 012-schema-versions.sql: which migrations the server has, for every login to read
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A Case Studio newer than its server (its pulls need 009, say) must find out at connect
-- and stop syncing with a message that says what to do, instead of failing later with a raw
-- SQL error. cs.schema_migrations belongs to cs_admin and no login group may read it, so
-- this function reads the applied version numbers for them. A server without this function
-- has not had 012 applied, which is too old for any client that ships it.
CREATE OR REPLACE FUNCTION cs.cs_schema_versions () RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
  SELECT coalesce (array_agg (version ORDER BY version), '{}') FROM cs.schema_migrations
$$;

REVOKE EXECUTE ON FUNCTION cs.cs_schema_versions () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_schema_versions () TO cs_instructor, cs_student, cs_kiosk;
