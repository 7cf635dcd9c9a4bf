-- roles.sql: the group roles of a Case Studio server and their rights on this database
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run by "case-studio-cli server init" before the migrations, as a superuser (BYPASSRLS can
-- only be given by one). Roles belong to the whole cluster, so several databases on one
-- server share them; everything here is safe to run again and to run from two sessions at
-- once.
--
--   cs_admin       NOLOGIN, owns the schema "cs". BYPASSRLS so that the SECURITY DEFINER
--                  functions it owns can look across tables without re-entering the
--                  policies; CREATEROLE so that they can create the people's login roles.
--                  Admin people are LOGIN roles granted cs_admin (attributes are not
--                  inherited: they pass the policies through cs.is_admin() instead).
--   cs_instructor, cs_student, cs_kiosk
--                  NOLOGIN groups; each person is a LOGIN role granted one of them.
--   cs_enroll      the narrow login that can only call cs.cs_redeem_invitation(). Its
--                  password "cs_enroll" is public on purpose: the invitation code is the
--                  secret, and the role can read nothing.

DO $roles$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES
      ('cs_admin',      'NOLOGIN CREATEROLE BYPASSRLS'),
      ('cs_instructor', 'NOLOGIN'),
      ('cs_student',    'NOLOGIN'),
      ('cs_kiosk',      'NOLOGIN'),
      ('cs_enroll',     'LOGIN CONNECTION LIMIT 50 PASSWORD ''cs_enroll''')) AS v (name, options)
  LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r.name) THEN
      BEGIN
        EXECUTE format ('CREATE ROLE %I %s', r.name, r.options);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;  -- created by another session meanwhile
      END;
    END IF;
  END LOOP;

  IF NOT pg_catalog.pg_has_role (current_user, 'cs_admin', 'MEMBER') THEN
    EXECUTE format ('GRANT cs_admin TO %I', current_user);
  END IF;

  EXECUTE format ('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO cs_admin', current_database ());
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO cs_instructor, cs_student, cs_kiosk, cs_enroll',
                  current_database ());
  EXECUTE format ('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
END
$roles$;
