-- 003-pull-snapshot.sql: the pull cursor becomes the server's snapshot
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The snapshot the last pull read in (PostgreSQL's pg_snapshot as text,
-- "xmin:xmax:in-progress,…"): the next pull asks for the rows written by transactions it
-- did not see. NULL until the first pull by snapshot; until then last_change_seq is the
-- cursor (pulls of an older Case Studio).
ALTER TABLE sync_state ADD COLUMN pull_snapshot TEXT;
