-- 001-schema.sql: the tables of the shared Case Studio server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Everything lives in the schema "cs", owned by the group role cs_admin (the migration runs
-- under SET LOCAL ROLE cs_admin). A schema of its own keeps the tables out of "public", lets
-- the SECURITY DEFINER functions pin their search_path to "pg_catalog, cs", and gives one
-- place to grant USAGE on.
--
-- The columns mirror the local library (resources/sql/local/001-initial.sql) so that sync
-- maps rows 1:1: client-made UUID ids, created_at/updated_at/version set by the client, enums
-- by their nick, lists and maps as JSON. The server adds change_seq (one sequence, set by a
-- trigger on every insert and update) for "give me what changed since", and the owner of
-- each row. Goal criteria stay inside their scene (goal_criteria JSONB), as they sync.

CREATE SCHEMA IF NOT EXISTS cs;

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA cs;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA cs;

CREATE SEQUENCE cs.change_seq AS bigint;

-- Every synced row gets the next change_seq on insert and on update.
CREATE FUNCTION cs.set_change_seq () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  NEW.change_seq := nextval('cs.change_seq');
  RETURN NEW;
END $$;

-- Tells LISTEN cs_changes which row changed: {"t": table, "id": id, "seq": change_seq}.
-- The payload names the row only; a client pulls the row itself, through its policies.
-- TG_ARGV[0] names the id column (scene_personas has no "id").
CREATE FUNCTION cs.notify_change () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  row_id text;
BEGIN
  EXECUTE format ('SELECT ($1).%I::text', coalesce (TG_ARGV[0], 'id')) INTO row_id USING NEW;
  PERFORM pg_notify ('cs_changes',
                     json_build_object ('t', TG_TABLE_NAME, 'id', row_id,
                                        'seq', NEW.change_seq)::text);
  RETURN NULL;
END $$;

-- People: one row per LOGIN role. kind says which group role the login was granted.
CREATE TABLE cs.users (
  id           uuid PRIMARY KEY,
  role_name    text NOT NULL UNIQUE CHECK (length (role_name) BETWEEN 1 AND 63),
  display_name text NOT NULL DEFAULT '',
  kind         text NOT NULL CHECK (kind IN ('instructor', 'student', 'kiosk', 'admin')),
  email        cs.citext UNIQUE CHECK (email IS NULL OR email::text ~ '^[^@\s]+@[^@\s]+$'),
  is_active    boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now (),
  updated_at   timestamptz NOT NULL DEFAULT now (),
  version      bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq   bigint NOT NULL DEFAULT 0
);

CREATE INDEX users_kind ON cs.users (kind);

CREATE TABLE cs.scenarios (
  id                   uuid PRIMARY KEY,
  owner_id             uuid NOT NULL REFERENCES cs.users (id),
  title                text NOT NULL DEFAULT '',
  description          text NOT NULL DEFAULT '',
  challenge            text NOT NULL DEFAULT '',
  industry             text NOT NULL DEFAULT '',
  student_role         text NOT NULL DEFAULT '',
  category             text NOT NULL DEFAULT '',
  difficulty           text NOT NULL DEFAULT 'intermediate'
                       CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
  estimated_duration   integer NOT NULL DEFAULT 0 CHECK (estimated_duration >= 0),
  tags                 jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (tags) = 'array'),
  learning_outcomes    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (learning_outcomes) = 'array'),
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'archived')),
  -- Publishing snapshots the draft into a new immutable row (is_published) with copies of
  -- its personas and scenes; the draft points at its newest snapshot. Editing a published
  -- case makes a draft whose draft_of_id is the snapshot it started from.
  is_published         boolean NOT NULL DEFAULT false,
  published_at         timestamptz,
  published_version_id uuid REFERENCES cs.scenarios (id),
  draft_of_id          uuid REFERENCES cs.scenarios (id),
  is_public            boolean NOT NULL DEFAULT false,
  allow_remixes        boolean NOT NULL DEFAULT true,
  source_pdf_title     text,
  source_text          text,
  deleted_at           timestamptz,
  deleted_by           uuid REFERENCES cs.users (id),
  deletion_reason      text,
  created_at           timestamptz NOT NULL DEFAULT now (),
  updated_at           timestamptz NOT NULL DEFAULT now (),
  version              bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq           bigint NOT NULL DEFAULT 0,
  CHECK (NOT is_published OR published_at IS NOT NULL),
  CHECK (NOT is_published OR published_version_id IS NULL),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);

CREATE INDEX scenarios_owner ON cs.scenarios (owner_id);
CREATE INDEX scenarios_published_version ON cs.scenarios (published_version_id);
CREATE INDEX scenarios_draft_of ON cs.scenarios (draft_of_id);
CREATE INDEX scenarios_deleted_by ON cs.scenarios (deleted_by);
CREATE INDEX scenarios_live_by_updated ON cs.scenarios (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX scenarios_tags ON cs.scenarios USING gin (tags jsonb_path_ops);
CREATE INDEX scenarios_title_trgm ON cs.scenarios USING gin (title cs.gin_trgm_ops);
CREATE INDEX scenarios_industry ON cs.scenarios (industry);

CREATE TABLE cs.personas (
  id                uuid PRIMARY KEY,
  scenario_id       uuid NOT NULL REFERENCES cs.scenarios (id) ON DELETE CASCADE,
  position          integer NOT NULL CHECK (position >= 0),
  name              text NOT NULL DEFAULT '',
  role              text NOT NULL DEFAULT '',
  background        text NOT NULL DEFAULT '',
  correlation       text NOT NULL DEFAULT '',
  primary_goals     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (primary_goals) = 'array'),
  traits            jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof (traits) = 'object'),
  avatar_color      text,
  avatar_image      text,
  is_main_character boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now (),
  updated_at        timestamptz NOT NULL DEFAULT now (),
  version           bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq        bigint NOT NULL DEFAULT 0
);

CREATE INDEX personas_by_scenario ON cs.personas (scenario_id, position);

CREATE TABLE cs.scenes (
  id                   uuid PRIMARY KEY,
  scenario_id          uuid NOT NULL REFERENCES cs.scenarios (id) ON DELETE CASCADE,
  position             integer NOT NULL CHECK (position >= 0),
  title                text NOT NULL DEFAULT '',
  description          text NOT NULL DEFAULT '',
  user_goal            text NOT NULL DEFAULT '',
  scene_context        text NOT NULL DEFAULT '',
  -- [{"id": uuid, "text": "...", "weight": 0..1}, ...] in order (local table goal_criteria)
  goal_criteria        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (goal_criteria) = 'array'),
  success_threshold    double precision NOT NULL DEFAULT 0.7 CHECK (success_threshold BETWEEN 0 AND 1),
  timeout_turns        integer NOT NULL DEFAULT 15 CHECK (timeout_turns >= 1),
  max_attempts         integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  estimated_duration   integer NOT NULL DEFAULT 0 CHECK (estimated_duration >= 0),
  hint_triggers        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (hint_triggers) = 'array'),
  persona_instructions jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof (persona_instructions) = 'object'),
  image                text,
  created_at           timestamptz NOT NULL DEFAULT now (),
  updated_at           timestamptz NOT NULL DEFAULT now (),
  version              bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq           bigint NOT NULL DEFAULT 0
);

CREATE INDEX scenes_by_scenario ON cs.scenes (scenario_id, position);

CREATE TABLE cs.scene_personas (
  scene_id    uuid NOT NULL REFERENCES cs.scenes (id) ON DELETE CASCADE,
  persona_id  uuid NOT NULL REFERENCES cs.personas (id) ON DELETE CASCADE,
  position    integer NOT NULL CHECK (position >= 0),
  involvement text NOT NULL DEFAULT 'participant'
              CHECK (involvement IN ('key', 'participant', 'mentioned')),
  change_seq  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (scene_id, persona_id)
);

CREATE INDEX scene_personas_by_persona ON cs.scene_personas (persona_id);

-- A published snapshot and its personas, scenes and involvements never change; only the
-- status, sharing (is_public, allow_remixes) and soft-deletion columns of the snapshot row
-- may. Its children are written in
-- the transaction that created the snapshot (published_at is that transaction's now()),
-- and only then.
CREATE FUNCTION cs.guard_published () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.is_published THEN
    NEW.published_at := now ();
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.is_published
     AND (to_jsonb (NEW) - ARRAY['status', 'is_public', 'allow_remixes', 'deleted_at', 'deleted_by',
                                 'deletion_reason', 'updated_at', 'version', 'change_seq'])
         IS DISTINCT FROM
         (to_jsonb (OLD) - ARRAY['status', 'is_public', 'allow_remixes', 'deleted_at', 'deleted_by',
                                 'deletion_reason', 'updated_at', 'version', 'change_seq']) THEN
    RAISE EXCEPTION 'a published version of a case cannot be changed; edit its draft'
      USING ERRCODE = 'CS010';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER scenarios_guard_published BEFORE INSERT OR UPDATE ON cs.scenarios
  FOR EACH ROW EXECUTE FUNCTION cs.guard_published ();

CREATE FUNCTION cs.guard_published_child () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  parent uuid;
  frozen boolean;
  made_now boolean;
BEGIN
  IF TG_TABLE_NAME = 'scene_personas' THEN
    SELECT scenario_id INTO parent FROM cs.scenes
     WHERE id = CASE TG_OP WHEN 'DELETE' THEN OLD.scene_id ELSE NEW.scene_id END;
  ELSE
    parent := CASE TG_OP WHEN 'DELETE' THEN OLD.scenario_id ELSE NEW.scenario_id END;
  END IF;

  SELECT is_published, published_at = now ()
    INTO frozen, made_now FROM cs.scenarios WHERE id = parent;
  -- A missing parent: the cascade of a deleted scenario, or the FK reports it.
  IF coalesce (frozen, false) AND NOT (TG_OP = 'INSERT' AND made_now) THEN
    RAISE EXCEPTION 'a published version of a case cannot be changed; edit its draft'
      USING ERRCODE = 'CS010';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER personas_guard_published BEFORE INSERT OR UPDATE OR DELETE ON cs.personas
  FOR EACH ROW EXECUTE FUNCTION cs.guard_published_child ();
CREATE TRIGGER scenes_guard_published BEFORE INSERT OR UPDATE OR DELETE ON cs.scenes
  FOR EACH ROW EXECUTE FUNCTION cs.guard_published_child ();
CREATE TRIGGER scene_personas_guard_published BEFORE INSERT OR UPDATE OR DELETE ON cs.scene_personas
  FOR EACH ROW EXECUTE FUNCTION cs.guard_published_child ();

-- Runs of a simulation (local table "progress"): one per attempt of a student at a case.
CREATE TABLE cs.user_progress (
  id                    uuid PRIMARY KEY,
  user_id               uuid NOT NULL REFERENCES cs.users (id),
  scenario_id           uuid NOT NULL REFERENCES cs.scenarios (id),
  current_scene_id      uuid,
  attempt               integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  status                text NOT NULL DEFAULT 'not_started'
                        CHECK (status IN ('not_started', 'in_progress', 'completed', 'abandoned')),
  scenes_completed      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (scenes_completed) = 'array'),
  total_attempts        integer NOT NULL DEFAULT 0 CHECK (total_attempts >= 0),
  hints_used            integer NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
  forced_progressions   integer NOT NULL DEFAULT 0 CHECK (forced_progressions >= 0),
  session_count         integer NOT NULL DEFAULT 0 CHECK (session_count >= 0),
  total_time_spent      integer NOT NULL DEFAULT 0 CHECK (total_time_spent >= 0),
  completion_percentage double precision NOT NULL DEFAULT 0 CHECK (completion_percentage BETWEEN 0 AND 100),
  final_score           double precision NOT NULL DEFAULT -1
                        CHECK (final_score = -1 OR final_score BETWEEN 0 AND 1),
  orchestrator_state    jsonb,
  started_at            timestamptz,
  completed_at          timestamptz,
  last_activity         timestamptz,
  archived_at           timestamptz,
  archived_reason       text,
  created_at            timestamptz NOT NULL DEFAULT now (),
  updated_at            timestamptz NOT NULL DEFAULT now (),
  version               bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq            bigint NOT NULL DEFAULT 0,
  UNIQUE (user_id, scenario_id, attempt)
);

CREATE INDEX user_progress_scenario ON cs.user_progress (scenario_id);

CREATE TABLE cs.scene_progress (
  id                  uuid PRIMARY KEY,
  progress_id         uuid NOT NULL REFERENCES cs.user_progress (id) ON DELETE CASCADE,
  scene_id            uuid NOT NULL,          -- no FK: history outlives an edited-away scene
  status              text NOT NULL DEFAULT 'not_started'
                      CHECK (status IN ('not_started', 'in_progress', 'passed', 'forced')),
  attempts            integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  hints_used          integer NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
  messages_sent       integer NOT NULL DEFAULT 0 CHECK (messages_sent >= 0),
  ai_responses        integer NOT NULL DEFAULT 0 CHECK (ai_responses >= 0),
  time_spent          integer NOT NULL DEFAULT 0 CHECK (time_spent >= 0),
  goal_achieved       boolean NOT NULL DEFAULT false,
  forced_progression  boolean NOT NULL DEFAULT false,
  score               double precision NOT NULL DEFAULT -1 CHECK (score = -1 OR score BETWEEN 0 AND 1),
  interaction_quality double precision NOT NULL DEFAULT -1
                      CHECK (interaction_quality = -1 OR interaction_quality BETWEEN 0 AND 1),
  feedback            text,
  criteria_results    jsonb,
  started_at          timestamptz,
  completed_at        timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now (),
  updated_at          timestamptz NOT NULL DEFAULT now (),
  version             bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq          bigint NOT NULL DEFAULT 0,
  UNIQUE (progress_id, scene_id)
);

-- Conversation messages (local table "messages"), append-only, partitioned by month of
-- created_at. The partition key must be part of the primary key; ids stay client-made UUIDs.
CREATE TABLE cs.conversation_logs (
  id              uuid NOT NULL,
  progress_id     uuid NOT NULL REFERENCES cs.user_progress (id) ON DELETE CASCADE,
  scene_id        uuid,
  kind            text NOT NULL CHECK (kind IN ('user', 'persona', 'system', 'hint')),
  sender_name     text NOT NULL DEFAULT '',
  persona_id      uuid,
  content         text NOT NULL DEFAULT '',
  position        integer NOT NULL CHECK (position >= 0),
  attempt_number  integer NOT NULL DEFAULT 1 CHECK (attempt_number >= 1),
  model           text,
  processing_time double precision NOT NULL DEFAULT 0 CHECK (processing_time >= 0),
  is_complete     boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now (),
  updated_at      timestamptz NOT NULL DEFAULT now (),
  version         bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

CREATE INDEX conversation_logs_by_progress ON cs.conversation_logs (progress_id, position);
CREATE INDEX conversation_logs_change_seq ON cs.conversation_logs (change_seq);

CREATE TABLE cs.conversation_logs_default PARTITION OF cs.conversation_logs DEFAULT;

-- Creates the partition of the month that contains "month" (if missing) and returns its
-- name. Partitions get row security forced with no policy of their own: everyone reads and
-- writes through the parent table and its policies.
CREATE FUNCTION cs.create_log_partition (month date) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
DECLARE
  first date := date_trunc ('month', month)::date;
  part text := format ('conversation_logs_%s', to_char (first, 'YYYY_MM'));
BEGIN
  IF to_regclass (format ('cs.%I', part)) IS NULL THEN
    EXECUTE format ('CREATE TABLE cs.%I PARTITION OF cs.conversation_logs '
                    'FOR VALUES FROM (%L) TO (%L)',
                    part, first::timestamptz, (first + interval '1 month')::timestamptz);
    EXECUTE format ('ALTER TABLE cs.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', part);
  END IF;
  RETURN part;
END $$;

SELECT cs.create_log_partition (current_date);
SELECT cs.create_log_partition ((current_date + interval '1 month')::date);

-- A message may grow while a reply streams in (is_complete false); then it is frozen.
CREATE FUNCTION cs.guard_log_append_only () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  IF OLD.is_complete OR NEW.id <> OLD.id OR NEW.progress_id <> OLD.progress_id
     OR NEW.position <> OLD.position THEN
    RAISE EXCEPTION 'a complete conversation message cannot be changed' USING ERRCODE = 'CS011';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER conversation_logs_append_only BEFORE UPDATE ON cs.conversation_logs
  FOR EACH ROW EXECUTE FUNCTION cs.guard_log_append_only ();

CREATE TABLE cs.cohorts (
  id                    uuid PRIMARY KEY,
  instructor_id         uuid NOT NULL REFERENCES cs.users (id),
  title                 text NOT NULL CHECK (title <> ''),
  description           text NOT NULL DEFAULT '',
  course_code           text,
  semester              text,
  year                  integer CHECK (year BETWEEN 1900 AND 9999),
  max_students          integer CHECK (max_students > 0),
  auto_approve          boolean NOT NULL DEFAULT false,
  allow_self_enrollment boolean NOT NULL DEFAULT true,
  is_active             boolean NOT NULL DEFAULT true,
  created_at            timestamptz NOT NULL DEFAULT now (),
  updated_at            timestamptz NOT NULL DEFAULT now (),
  version               bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq            bigint NOT NULL DEFAULT 0
);

CREATE INDEX cohorts_instructor ON cs.cohorts (instructor_id);

CREATE TABLE cs.cohort_students (
  id          uuid PRIMARY KEY,
  cohort_id   uuid NOT NULL REFERENCES cs.cohorts (id) ON DELETE CASCADE,
  student_id  uuid NOT NULL REFERENCES cs.users (id),
  status      text NOT NULL DEFAULT 'pending'
              CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  enrolled_at timestamptz NOT NULL DEFAULT now (),
  approved_by uuid REFERENCES cs.users (id),
  approved_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now (),
  updated_at  timestamptz NOT NULL DEFAULT now (),
  version     bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq  bigint NOT NULL DEFAULT 0,
  UNIQUE (cohort_id, student_id)
);

CREATE INDEX cohort_students_student ON cs.cohort_students (student_id);
CREATE INDEX cohort_students_approved_by ON cs.cohort_students (approved_by);

CREATE TABLE cs.cohort_simulations (
  id          uuid PRIMARY KEY,
  cohort_id   uuid NOT NULL REFERENCES cs.cohorts (id) ON DELETE CASCADE,
  scenario_id uuid NOT NULL REFERENCES cs.scenarios (id),
  assigned_by uuid NOT NULL REFERENCES cs.users (id),
  assigned_at timestamptz NOT NULL DEFAULT now (),
  due_date    timestamptz,
  is_required boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now (),
  updated_at  timestamptz NOT NULL DEFAULT now (),
  version     bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq  bigint NOT NULL DEFAULT 0,
  UNIQUE (cohort_id, scenario_id)
);

CREATE INDEX cohort_simulations_scenario ON cs.cohort_simulations (scenario_id);
CREATE INDEX cohort_simulations_assigned_by ON cs.cohort_simulations (assigned_by);

-- The code itself is never stored: token_hash is the hex SHA-256 of the code.
CREATE TABLE cs.cohort_invitations (
  id            uuid PRIMARY KEY,
  cohort_id     uuid NOT NULL REFERENCES cs.cohorts (id) ON DELETE CASCADE,
  created_by    uuid NOT NULL REFERENCES cs.users (id),
  token_hash    text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  max_uses      integer NOT NULL DEFAULT 1 CHECK (max_uses >= 1),
  use_count     integer NOT NULL DEFAULT 0 CHECK (use_count BETWEEN 0 AND max_uses),
  invited_email cs.citext,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now (),
  updated_at    timestamptz NOT NULL DEFAULT now (),
  version       bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq    bigint NOT NULL DEFAULT 0
);

CREATE INDEX cohort_invitations_cohort ON cs.cohort_invitations (cohort_id);
CREATE INDEX cohort_invitations_created_by ON cs.cohort_invitations (created_by);

CREATE TABLE cs.notifications (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES cs.users (id),
  sender_id  uuid REFERENCES cs.users (id),
  type       text NOT NULL CHECK (type IN ('cohort_invitation', 'enrollment', 'assignment',
                                           'message', 'grade', 'cohort_update')),
  title      text NOT NULL DEFAULT '',
  message    text NOT NULL DEFAULT '',
  data       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof (data) = 'object'),
  read_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now (),
  updated_at timestamptz NOT NULL DEFAULT now (),
  version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq bigint NOT NULL DEFAULT 0
);

CREATE INDEX notifications_user_unread ON cs.notifications (user_id, created_at DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_user ON cs.notifications (user_id, created_at DESC);
CREATE INDEX notifications_sender ON cs.notifications (sender_id);

-- Instructor–student messages, threaded by parent_id ("direct", not to be confused with
-- the conversation messages of a run, which are conversation_logs here).
CREATE TABLE cs.direct_messages (
  id            uuid PRIMARY KEY,
  instructor_id uuid NOT NULL REFERENCES cs.users (id),
  student_id    uuid NOT NULL REFERENCES cs.users (id),
  sender_id     uuid NOT NULL REFERENCES cs.users (id),
  cohort_id     uuid REFERENCES cs.cohorts (id) ON DELETE SET NULL,
  parent_id     uuid REFERENCES cs.direct_messages (id),
  message_type  text NOT NULL DEFAULT 'general'
                CHECK (message_type IN ('general', 'assignment', 'feedback', 'cohort')),
  subject       text NOT NULL DEFAULT '',
  body          text NOT NULL DEFAULT '',
  read_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now (),
  updated_at    timestamptz NOT NULL DEFAULT now (),
  version       bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq    bigint NOT NULL DEFAULT 0,
  CHECK (sender_id IN (instructor_id, student_id)),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE INDEX direct_messages_instructor ON cs.direct_messages (instructor_id, created_at DESC);
CREATE INDEX direct_messages_student ON cs.direct_messages (student_id, created_at DESC);
CREATE INDEX direct_messages_sender ON cs.direct_messages (sender_id);
CREATE INDEX direct_messages_cohort ON cs.direct_messages (cohort_id);
CREATE INDEX direct_messages_parent ON cs.direct_messages (parent_id);

-- A sent message never changes; its recipient may only mark it read.
CREATE FUNCTION cs.guard_message () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  IF (to_jsonb (NEW) - ARRAY['read_at', 'updated_at', 'version', 'change_seq'])
     IS DISTINCT FROM (to_jsonb (OLD) - ARRAY['read_at', 'updated_at', 'version', 'change_seq']) THEN
    RAISE EXCEPTION 'a sent message cannot be changed' USING ERRCODE = 'CS012';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER direct_messages_guard BEFORE UPDATE ON cs.direct_messages
  FOR EACH ROW EXECUTE FUNCTION cs.guard_message ();

CREATE TABLE cs.scenario_reviews (
  id          uuid PRIMARY KEY,
  scenario_id uuid NOT NULL REFERENCES cs.scenarios (id) ON DELETE CASCADE,
  reviewer_id uuid NOT NULL REFERENCES cs.users (id),
  rating      integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  review_text text NOT NULL DEFAULT '',
  pros        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (pros) = 'array'),
  cons        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof (cons) = 'array'),
  use_case    text,
  created_at  timestamptz NOT NULL DEFAULT now (),
  updated_at  timestamptz NOT NULL DEFAULT now (),
  version     bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
  change_seq  bigint NOT NULL DEFAULT 0,
  UNIQUE (scenario_id, reviewer_id)
);

CREATE INDEX scenario_reviews_reviewer ON cs.scenario_reviews (reviewer_id);

-- Grade overrides are their own history: append-only, the newest row for a run (or one of
-- its scenes) is the grade in force.
CREATE TABLE cs.grade_overrides (
  id                uuid PRIMARY KEY,
  progress_id       uuid NOT NULL REFERENCES cs.user_progress (id) ON DELETE CASCADE,
  scene_progress_id uuid REFERENCES cs.scene_progress (id) ON DELETE CASCADE,
  instructor_id     uuid NOT NULL REFERENCES cs.users (id),
  previous_score    double precision CHECK (previous_score BETWEEN 0 AND 1),
  new_score         double precision NOT NULL CHECK (new_score BETWEEN 0 AND 1),
  reason            text NOT NULL CHECK (reason <> ''),
  created_at        timestamptz NOT NULL DEFAULT now (),
  updated_at        timestamptz NOT NULL DEFAULT now (),
  version           bigint NOT NULL DEFAULT 1 CHECK (version = 1),
  change_seq        bigint NOT NULL DEFAULT 0
);

CREATE INDEX grade_overrides_progress ON cs.grade_overrides (progress_id, created_at DESC);
CREATE INDEX grade_overrides_scene_progress ON cs.grade_overrides (scene_progress_id);
CREATE INDEX grade_overrides_instructor ON cs.grade_overrides (instructor_id);

CREATE FUNCTION cs.guard_append_only () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, cs AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a new row instead', TG_TABLE_NAME USING ERRCODE = 'CS013';
END $$;

CREATE TRIGGER grade_overrides_append_only BEFORE UPDATE OR DELETE ON cs.grade_overrides
  FOR EACH ROW EXECUTE FUNCTION cs.guard_append_only ();

-- change_seq and NOTIFY on every synced table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'scenarios', 'personas', 'scenes', 'scene_personas',
                           'user_progress', 'scene_progress', 'conversation_logs', 'cohorts',
                           'cohort_students', 'cohort_simulations', 'cohort_invitations',
                           'notifications', 'direct_messages', 'scenario_reviews', 'grade_overrides']
  LOOP
    EXECUTE format ('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON cs.%I '
                    'FOR EACH ROW EXECUTE FUNCTION cs.set_change_seq ()', t || '_change_seq', t);
    EXECUTE format ('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON cs.%I '
                    'FOR EACH ROW EXECUTE FUNCTION cs.notify_change (%L)', t || '_notify', t,
                    CASE t WHEN 'scene_personas' THEN 'scene_id' ELSE 'id' END);
    IF t <> 'conversation_logs' THEN
      EXECUTE format ('CREATE INDEX %I ON cs.%I (change_seq)', t || '_change_seq', t);
    END IF;
  END LOOP;
END $$;
