-- 005-runs.sql: what the sync of runs needs of the server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- conversation_logs is partitioned by month (001). A push of messages first asks for the
-- partitions of their months; only cs_admin may create tables, so this function does it on
-- the pusher's behalf. It creates nothing but month partitions of conversation_logs, and
-- only for months from two years back to next month (a client cannot make it create
-- hundreds of tables); other months stay in the default partition, as do months that
-- already have rows there (a partition cannot be carved out of the default one while the
-- default holds rows of its range). A push of runs calls it before it takes the push lock
-- (cs-sync-push.c), so the function takes that lock itself before it makes a partition:
-- two pushers never race to create the same one. Month bounds are in UTC.
CREATE FUNCTION cs.cs_prepare_log_partitions (months date[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, cs SET TimeZone = 'UTC' AS $$
DECLARE
  first date;
  this_month date := date_trunc ('month', now ())::date;
BEGIN
  FOR first IN SELECT DISTINCT date_trunc ('month', m)::date FROM unnest (months) m
                WHERE m IS NOT NULL
  LOOP
    CONTINUE WHEN first < this_month - interval '24 months' OR first > this_month + interval '1 month';
    CONTINUE WHEN to_regclass (format ('cs.conversation_logs_%s', to_char (first, 'YYYY_MM'))) IS NOT NULL;
    CONTINUE WHEN EXISTS (SELECT FROM cs.conversation_logs_default
                           WHERE created_at >= first AND created_at < first + interval '1 month');
    PERFORM pg_advisory_xact_lock (7350013337);
    -- made by the push that held the lock before us
    CONTINUE WHEN to_regclass (format ('cs.conversation_logs_%s', to_char (first, 'YYYY_MM'))) IS NOT NULL;
    BEGIN
      PERFORM cs.create_log_partition (first);
    EXCEPTION WHEN invalid_object_definition OR check_violation THEN
      NULL;  -- overlaps a partition made with other bounds: the rows go where they fit
    END;
  END LOOP;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_prepare_log_partitions (date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_prepare_log_partitions (date[]) TO cs_instructor, cs_student;

-- Two computers of one student may each start attempt N of a case while offline. The run
-- that reaches the server second becomes the next attempt instead of failing the push (and
-- with it every later push); its version goes up so that the computer that made it pulls
-- its new number. A run the server has already numbered keeps its number, whatever the
-- client sends. Pushes hold the push lock, so two runs cannot be numbered at once.
CREATE FUNCTION cs.number_attempt () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  known integer;
BEGIN
  SELECT attempt INTO known FROM cs.user_progress WHERE id = NEW.id;
  IF FOUND THEN
    NEW.attempt := known;
  ELSIF EXISTS (SELECT FROM cs.user_progress p
                 WHERE p.user_id = NEW.user_id AND p.scenario_id = NEW.scenario_id
                   AND p.attempt = NEW.attempt) THEN
    NEW.attempt := (SELECT max (p.attempt) + 1 FROM cs.user_progress p
                     WHERE p.user_id = NEW.user_id AND p.scenario_id = NEW.scenario_id);
    NEW.version := NEW.version + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER user_progress_number_attempt BEFORE INSERT ON cs.user_progress
  FOR EACH ROW EXECUTE FUNCTION cs.number_attempt ();
