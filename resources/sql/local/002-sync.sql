-- 002-sync.sql: what the library knows about the shared server
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Per server (CsServer identity "user@host:port/dbname"): the highest change_seq pulled,
-- and when the last push or pull succeeded.
CREATE TABLE sync_state (
  server          TEXT PRIMARY KEY NOT NULL,
  last_change_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_change_seq >= 0),
  last_sync_at    TEXT
) WITHOUT ROWID;

-- The server version each synced row was last known at (pulled or pushed): the base of the
-- next local edit. When the server's version has moved past it, both sides edited the row.
CREATE TABLE sync_base (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version   INTEGER NOT NULL CHECK (version >= 1),
  PRIMARY KEY (entity, entity_id)
) WITHOUT ROWID;

-- Copies kept when the server won a conflict: the local edit lives on as a scenario of its
-- own until the user looks at it.
CREATE TABLE sync_conflicts (
  copy_id     TEXT PRIMARY KEY NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  original_id TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at  TEXT NOT NULL
) WITHOUT ROWID;
