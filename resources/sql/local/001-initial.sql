-- 001-initial.sql: the first schema of the local library
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Conventions: ids are client-made UUID text; times are ISO 8601 UTC text with microseconds
-- ("2024-05-01T09:30:00.000000Z", so text order is time order); enums are stored by their
-- GEnumValue nick; string lists, maps and traits are JSON text. Every row that syncs has
-- created_at, updated_at and version. Applied in one transaction by CsStore, which records
-- the migration number in PRAGMA user_version.

CREATE TABLE scenarios (
  num                  INTEGER PRIMARY KEY,   -- stable rowid for the FTS index
  id                   TEXT NOT NULL UNIQUE,
  title                TEXT NOT NULL DEFAULT '',
  description          TEXT NOT NULL DEFAULT '',
  challenge            TEXT NOT NULL DEFAULT '',
  industry             TEXT NOT NULL DEFAULT '',
  student_role         TEXT NOT NULL DEFAULT '',
  category             TEXT NOT NULL DEFAULT '',
  difficulty           TEXT NOT NULL DEFAULT 'intermediate'
                       CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
  estimated_duration   INTEGER NOT NULL DEFAULT 0 CHECK (estimated_duration >= 0),
  tags                 TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (tags)),
  learning_outcomes    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (learning_outcomes)),
  status               TEXT NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'active', 'archived')),
  published_version_id TEXT,
  draft_of_id          TEXT,
  owner_id             TEXT,
  is_public            INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  allow_remixes        INTEGER NOT NULL DEFAULT 1 CHECK (allow_remixes IN (0, 1)),
  source_pdf_title     TEXT,
  deleted_at           TEXT,
  deleted_by           TEXT,
  deletion_reason      TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Last on purpose: the case text can be megabytes of overflow pages, which SQLite
  -- only reads when this column (or one after it) is asked for. Lists never ask.
  source_text          TEXT
);

CREATE INDEX scenarios_live_by_updated ON scenarios (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX scenarios_deleted_by_time ON scenarios (deleted_at DESC) WHERE deleted_at IS NOT NULL;

CREATE TABLE personas (
  id                TEXT PRIMARY KEY NOT NULL,
  scenario_id       TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (position >= 0),
  name              TEXT NOT NULL DEFAULT '',
  role              TEXT NOT NULL DEFAULT '',
  background        TEXT NOT NULL DEFAULT '',
  correlation       TEXT NOT NULL DEFAULT '',
  primary_goals     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (primary_goals)),
  traits            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (traits)),  -- {"name": 0..10} in order
  avatar_color      TEXT,
  avatar_image      TEXT,
  is_main_character INTEGER NOT NULL DEFAULT 0 CHECK (is_main_character IN (0, 1)),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE INDEX personas_by_scenario ON personas (scenario_id, position);

CREATE TABLE scenes (
  id                   TEXT PRIMARY KEY NOT NULL,
  scenario_id          TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  position             INTEGER NOT NULL CHECK (position >= 0),
  title                TEXT NOT NULL DEFAULT '',
  description          TEXT NOT NULL DEFAULT '',
  user_goal            TEXT NOT NULL DEFAULT '',
  scene_context        TEXT NOT NULL DEFAULT '',
  success_threshold    REAL NOT NULL DEFAULT 0.7 CHECK (success_threshold BETWEEN 0 AND 1),
  timeout_turns        INTEGER NOT NULL DEFAULT 15 CHECK (timeout_turns >= 1),
  max_attempts         INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  estimated_duration   INTEGER NOT NULL DEFAULT 0 CHECK (estimated_duration >= 0),
  hint_triggers        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (hint_triggers)),
  persona_instructions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (persona_instructions)),
  image                TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE INDEX scenes_by_scenario ON scenes (scenario_id, position);

-- Criteria and involvements are parts of their scene: they have no version of their own
-- (a change bumps the scene's version) and sync inside the scene's payload.
CREATE TABLE goal_criteria (
  id       TEXT PRIMARY KEY NOT NULL,
  scene_id TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  text     TEXT NOT NULL DEFAULT '',
  weight   REAL NOT NULL DEFAULT 1.0 CHECK (weight BETWEEN 0 AND 1)
);

CREATE INDEX goal_criteria_by_scene ON goal_criteria (scene_id, position);

CREATE TABLE scene_personas (
  scene_id    TEXT NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  persona_id  TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  involvement TEXT NOT NULL DEFAULT 'participant'
              CHECK (involvement IN ('key', 'participant', 'mentioned')),
  PRIMARY KEY (scene_id, persona_id)
) WITHOUT ROWID;

CREATE INDEX scene_personas_by_persona ON scene_personas (persona_id);

-- Full-text search over the scenario's title, description and tags. Two indexes over the
-- same text (external content: the text lives once, in scenarios; triggers keep both in
-- step): scenarios_fts stems words ("negotiating" finds "negotiation"), scenarios_fts_words
-- does not, so that a partly typed word longer than its stem ("negotia") still matches as
-- a prefix. The store searches both and keeps the best rank of each scenario.
CREATE VIRTUAL TABLE scenarios_fts USING fts5 (
  title, description, tags,
  content = 'scenarios', content_rowid = 'num',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE scenarios_fts_words USING fts5 (
  title, description, tags,
  content = 'scenarios', content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER scenarios_fts_insert AFTER INSERT ON scenarios BEGIN
  INSERT INTO scenarios_fts (rowid, title, description, tags)
  VALUES (new.num, new.title, new.description, new.tags);
  INSERT INTO scenarios_fts_words (rowid, title, description, tags)
  VALUES (new.num, new.title, new.description, new.tags);
END;

CREATE TRIGGER scenarios_fts_delete AFTER DELETE ON scenarios BEGIN
  INSERT INTO scenarios_fts (scenarios_fts, rowid, title, description, tags)
  VALUES ('delete', old.num, old.title, old.description, old.tags);
  INSERT INTO scenarios_fts_words (scenarios_fts_words, rowid, title, description, tags)
  VALUES ('delete', old.num, old.title, old.description, old.tags);
END;

CREATE TRIGGER scenarios_fts_update AFTER UPDATE OF title, description, tags ON scenarios BEGIN
  INSERT INTO scenarios_fts (scenarios_fts, rowid, title, description, tags)
  VALUES ('delete', old.num, old.title, old.description, old.tags);
  INSERT INTO scenarios_fts_words (scenarios_fts_words, rowid, title, description, tags)
  VALUES ('delete', old.num, old.title, old.description, old.tags);
  INSERT INTO scenarios_fts (rowid, title, description, tags)
  VALUES (new.num, new.title, new.description, new.tags);
  INSERT INTO scenarios_fts_words (rowid, title, description, tags)
  VALUES (new.num, new.title, new.description, new.tags);
END;

-- Runs of the simulation (schema-v2 user_progress / scene_progress / conversation_logs).
CREATE TABLE progress (
  id                    TEXT PRIMARY KEY NOT NULL,
  user_id               TEXT,                 -- NULL: the local user
  scenario_id           TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  current_scene_id      TEXT,
  attempt               INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  status                TEXT NOT NULL DEFAULT 'not_started'
                        CHECK (status IN ('not_started', 'in_progress', 'completed', 'abandoned')),
  scenes_completed      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (scenes_completed)),
  total_attempts        INTEGER NOT NULL DEFAULT 0 CHECK (total_attempts >= 0),
  hints_used            INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
  forced_progressions   INTEGER NOT NULL DEFAULT 0 CHECK (forced_progressions >= 0),
  session_count         INTEGER NOT NULL DEFAULT 0 CHECK (session_count >= 0),
  total_time_spent      INTEGER NOT NULL DEFAULT 0 CHECK (total_time_spent >= 0),
  completion_percentage REAL NOT NULL DEFAULT 0 CHECK (completion_percentage BETWEEN 0 AND 100),
  final_score           REAL NOT NULL DEFAULT -1
                        CHECK (final_score = -1 OR final_score BETWEEN 0 AND 1),
  orchestrator_state    TEXT CHECK (orchestrator_state IS NULL OR json_valid (orchestrator_state)),
  started_at            TEXT,
  completed_at          TEXT,
  last_activity         TEXT,
  archived_at           TEXT,
  archived_reason       TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- One run per attempt number for (user, scenario); restarting makes a new attempt.
CREATE UNIQUE INDEX progress_attempt ON progress (ifnull (user_id, ''), scenario_id, attempt);

CREATE TABLE scene_progress (
  id                  TEXT PRIMARY KEY NOT NULL,
  progress_id         TEXT NOT NULL REFERENCES progress (id) ON DELETE CASCADE,
  scene_id            TEXT NOT NULL,          -- no FK: history outlives an edited-away scene
  status              TEXT NOT NULL DEFAULT 'not_started'
                      CHECK (status IN ('not_started', 'in_progress', 'passed', 'forced')),
  attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  hints_used          INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
  messages_sent       INTEGER NOT NULL DEFAULT 0 CHECK (messages_sent >= 0),
  ai_responses        INTEGER NOT NULL DEFAULT 0 CHECK (ai_responses >= 0),
  time_spent          INTEGER NOT NULL DEFAULT 0 CHECK (time_spent >= 0),
  goal_achieved       INTEGER NOT NULL DEFAULT 0 CHECK (goal_achieved IN (0, 1)),
  forced_progression  INTEGER NOT NULL DEFAULT 0 CHECK (forced_progression IN (0, 1)),
  score               REAL NOT NULL DEFAULT -1 CHECK (score = -1 OR score BETWEEN 0 AND 1),
  interaction_quality REAL NOT NULL DEFAULT -1
                      CHECK (interaction_quality = -1 OR interaction_quality BETWEEN 0 AND 1),
  feedback            TEXT,
  criteria_results    TEXT CHECK (criteria_results IS NULL OR json_valid (criteria_results)),
  started_at          TEXT,
  completed_at        TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (progress_id, scene_id)
);

-- Conversation messages: append-only. A message may grow while a reply streams in
-- (is_complete = 0); once complete it can no longer be changed.
CREATE TABLE messages (
  id              TEXT PRIMARY KEY NOT NULL,
  progress_id     TEXT NOT NULL REFERENCES progress (id) ON DELETE CASCADE,
  scene_id        TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('user', 'persona', 'system', 'hint')),
  sender_name     TEXT NOT NULL DEFAULT '',
  persona_id      TEXT,
  content         TEXT NOT NULL DEFAULT '',
  position        INTEGER NOT NULL CHECK (position >= 0),
  attempt_number  INTEGER NOT NULL DEFAULT 1 CHECK (attempt_number >= 1),
  model           TEXT,
  processing_time REAL NOT NULL DEFAULT 0 CHECK (processing_time >= 0),
  is_complete     INTEGER NOT NULL DEFAULT 1 CHECK (is_complete IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (progress_id, position)
);

CREATE TRIGGER messages_append_only BEFORE UPDATE ON messages WHEN old.is_complete = 1 BEGIN
  SELECT RAISE (ABORT, 'a complete message cannot be changed');
END;

-- Local changes waiting to be pushed to the server, in order. A new entry for a row
-- replaces the pending entries of that row (only its newest state is pushed).
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  entity     TEXT NOT NULL,        -- 'scenario', 'persona', 'scene', ...
  entity_id  TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  version    INTEGER NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid (payload)),
  created_at TEXT NOT NULL
);

CREATE INDEX outbox_by_row ON outbox (entity, entity_id);

-- Small settings of this library ("sample-installed", sync cursors, ...).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
