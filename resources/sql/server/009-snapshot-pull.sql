-- 009-snapshot-pull.sql: pulls by transaction snapshot, and no more push lock
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Until now a pull asked for the rows with a change_seq above the highest one it had seen.
-- That is only right when change_seq values are committed in the order they are handed
-- out, so every push (and every function writing synced rows) took one advisory lock, and
-- pushes of different people waited for each other. Now each row also records its writer:
-- change_xid, the top-level transaction that wrote its current version (set with change_seq
-- by the same trigger). A pull remembers the snapshot it read in (pg_current_snapshot():
-- xmin, xmax and the transactions in progress) and next time asks for the rows whose writer
-- that snapshot did not see: change_xid >= its xmax, or change_xid one of its transactions
-- in progress. Why nothing is missed: a row version the new pull sees whose writer the old
-- snapshot saw was already the visible version then (whatever replaced it would be visible
-- now too), so the old pull read it. A transaction still open keeps its rows out of every
-- pull until it ends (they are not visible) and stays on the list of the next cursor; an
-- unrelated long transaction delays nothing but its own rows. Rows written before this
-- migration have change_xid 0 (seen by every snapshot); a library whose cursor is still a
-- change_seq pulls once by change_seq and takes every row written since this migration.

-- The writer of every synced row, next to its change_seq.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT DISTINCT g.tgrelid::regclass FROM pg_trigger g
            WHERE g.tgfoid = 'cs.set_change_seq ()'::regprocedure
              AND NOT g.tgisinternal AND NOT EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = g.tgrelid)
  LOOP
    EXECUTE format ('ALTER TABLE %s ADD COLUMN IF NOT EXISTS change_xid xid8 NOT NULL DEFAULT ''0''', t);
    EXECUTE format ('CREATE INDEX IF NOT EXISTS %I ON %s (change_xid)',
                    (SELECT relname FROM pg_class WHERE oid = t) || '_change_xid', t);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION cs.set_change_seq () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cs AS $$
BEGIN
  NEW.change_seq := nextval('cs.change_seq');
  NEW.change_xid := pg_current_xact_id ();
  RETURN NEW;
END $$;

-- The functions written before take the push lock, or rely on it, or (the guards of
-- published cases and of sent messages) compare rows apart from change_seq, which now has
-- change_xid beside it. Their definitions are rewritten here in place, each by an exact
-- replacement of the text it was created with (001–008 are applied as shipped: their
-- checksums are recorded), so that nothing else in them changes:
--  * functions that took the lock only to order change_seq no longer take it;
--  * the partitions of conversation_logs are still made one at a time (a lock of their own);
--  * two runs of one student are still numbered one at a time (a lock per student: runs
--    of different students never wait for each other);
--  * two grade overrides of one run still read each other's score (a lock per run).
-- Two-key advisory locks: 7350013 names Case Studio, the second key what is locked.
DO $$
DECLARE
  edit record;
  def text;
BEGIN
  FOR edit IN SELECT * FROM (VALUES
    ('cs.cs_publish_scenario (uuid)', 'PERFORM pg_advisory_xact_lock (7350013337);', ''),
    ('cs.cs_decide_enrolments (uuid[], text)', 'PERFORM pg_advisory_xact_lock (7350013337);', ''),
    ('cs.cs_assign_scenario (uuid, uuid, timestamptz)', 'PERFORM pg_advisory_xact_lock (7350013337);', ''),
    ('cs.cs_assign_scenario (uuid, uuid, timestamptz, boolean)', 'PERFORM pg_advisory_xact_lock (7350013337);', ''),
    ('cs.cs_prepare_log_partitions (date[])', 'PERFORM pg_advisory_xact_lock (7350013337);',
     'PERFORM pg_advisory_xact_lock (7350013, 1);'),
    ('cs.cs_override_grade (uuid, double precision, text)', 'PERFORM pg_advisory_xact_lock (7350013337);',
     'PERFORM pg_advisory_xact_lock (7350013, hashtext (progress::text));'),
    ('cs.number_attempt ()', E'BEGIN\n  SELECT attempt INTO known',
     E'BEGIN\n  PERFORM pg_advisory_xact_lock (7350014, hashtext (NEW.user_id::text));\n  SELECT attempt INTO known'),
    ('cs.guard_published ()', E'''updated_at'', ''version'', ''change_seq'']',
     E'''updated_at'', ''version'', ''change_seq'', ''change_xid'']'),
    ('cs.guard_message ()', E'''version'', ''change_seq'', ''cohort_id''',
     E'''version'', ''change_seq'', ''change_xid'', ''cohort_id''')
  ) AS e (fn, old, new)
  LOOP
    def := pg_get_functiondef (edit.fn::regprocedure);
    IF strpos (def, edit.old) > 0 THEN
      EXECUTE replace (def, edit.old, edit.new);
    END IF;
  END LOOP;

  IF EXISTS (SELECT FROM pg_proc WHERE pronamespace = 'cs'::regnamespace AND prosrc LIKE '%7350013337%') THEN
    RAISE EXCEPTION 'a function still takes the push lock';
  END IF;
  IF EXISTS (SELECT FROM pg_proc WHERE pronamespace = 'cs'::regnamespace
                AND prosrc LIKE '%''change_seq''%' AND prosrc NOT LIKE '%''change_xid''%') THEN
    RAISE EXCEPTION 'a guard still compares change_xid';
  END IF;
END $$;
