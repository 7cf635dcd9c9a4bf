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
-- default holds rows of its range). Pushes hold the push lock (cs-sync-push.c), so two
-- pushers do not race to create the same partition. Month bounds are in UTC.
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
    BEGIN
      PERFORM cs.create_log_partition (first);
    EXCEPTION WHEN invalid_object_definition OR check_violation THEN
      NULL;  -- overlaps a partition made with other bounds: the rows go where they fit
    END;
  END LOOP;
END $$;

REVOKE EXECUTE ON FUNCTION cs.cs_prepare_log_partitions (date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cs.cs_prepare_log_partitions (date[]) TO cs_instructor, cs_student;
