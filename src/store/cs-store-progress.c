/* cs-store-progress.c: runs of the simulation in the local library: progress, scene
 * progress and the append-only conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run is saved as it happens: each student turn writes its messages, the scene progress
 * and the run's progress in one transaction, with an outbox entry per written row. A
 * progress or scene progress entry supersedes the pending entries of the same row (only its
 * newest state is pushed); a message is inserted once and never changed, so its entry is
 * simply appended.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store.h"
#include "cs-store-db.h"
#include "cs-store-private.h"
#include "cs-store-tables.h"

enum {
  PR_ID, PR_USER_ID, PR_SCENARIO_ID, PR_CURRENT_SCENE_ID, PR_ATTEMPT, PR_STATUS,
  PR_SCENES_COMPLETED, PR_TOTAL_ATTEMPTS, PR_HINTS_USED, PR_FORCED_PROGRESSIONS,
  PR_SESSION_COUNT, PR_TOTAL_TIME_SPENT, PR_COMPLETION_PERCENTAGE, PR_FINAL_SCORE,
  PR_ORCHESTRATOR_STATE, PR_STARTED_AT, PR_COMPLETED_AT, PR_LAST_ACTIVITY, PR_ARCHIVED_AT,
  PR_ARCHIVED_REASON, PR_CREATED_AT, PR_UPDATED_AT, PR_VERSION,
  PR_N_COLUMNS
};

static const CsColumn progress_columns[PR_N_COLUMNS] = {
  [PR_ID]                    = { "id", CS_COLUMN_TEXT },
  [PR_USER_ID]               = { "user_id", CS_COLUMN_TEXT },
  [PR_SCENARIO_ID]           = { "scenario_id", CS_COLUMN_TEXT },
  [PR_CURRENT_SCENE_ID]      = { "current_scene_id", CS_COLUMN_TEXT },
  [PR_ATTEMPT]               = { "attempt", CS_COLUMN_INT },
  [PR_STATUS]                = { "status", CS_COLUMN_TEXT },
  [PR_SCENES_COMPLETED]      = { "scenes_completed", CS_COLUMN_JSON },
  [PR_TOTAL_ATTEMPTS]        = { "total_attempts", CS_COLUMN_INT },
  [PR_HINTS_USED]            = { "hints_used", CS_COLUMN_INT },
  [PR_FORCED_PROGRESSIONS]   = { "forced_progressions", CS_COLUMN_INT },
  [PR_SESSION_COUNT]         = { "session_count", CS_COLUMN_INT },
  [PR_TOTAL_TIME_SPENT]      = { "total_time_spent", CS_COLUMN_INT },
  [PR_COMPLETION_PERCENTAGE] = { "completion_percentage", CS_COLUMN_REAL },
  [PR_FINAL_SCORE]           = { "final_score", CS_COLUMN_REAL },
  [PR_ORCHESTRATOR_STATE]    = { "orchestrator_state", CS_COLUMN_JSON },
  [PR_STARTED_AT]            = { "started_at", CS_COLUMN_TEXT },
  [PR_COMPLETED_AT]          = { "completed_at", CS_COLUMN_TEXT },
  [PR_LAST_ACTIVITY]         = { "last_activity", CS_COLUMN_TEXT },
  [PR_ARCHIVED_AT]           = { "archived_at", CS_COLUMN_TEXT },
  [PR_ARCHIVED_REASON]       = { "archived_reason", CS_COLUMN_TEXT },
  [PR_CREATED_AT]            = { "created_at", CS_COLUMN_TEXT },
  [PR_UPDATED_AT]            = { "updated_at", CS_COLUMN_TEXT },
  [PR_VERSION]               = { "version", CS_COLUMN_INT },
};

enum {
  SG_ID, SG_PROGRESS_ID, SG_SCENE_ID, SG_STATUS, SG_ATTEMPTS, SG_HINTS_USED,
  SG_MESSAGES_SENT, SG_AI_RESPONSES, SG_TIME_SPENT, SG_GOAL_ACHIEVED, SG_FORCED_PROGRESSION,
  SG_SCORE, SG_INTERACTION_QUALITY, SG_FEEDBACK, SG_CRITERIA_RESULTS, SG_STARTED_AT,
  SG_COMPLETED_AT, SG_CREATED_AT, SG_UPDATED_AT, SG_VERSION,
  SG_N_COLUMNS
};

static const CsColumn scene_progress_columns[SG_N_COLUMNS] = {
  [SG_ID]                  = { "id", CS_COLUMN_TEXT },
  [SG_PROGRESS_ID]         = { "progress_id", CS_COLUMN_TEXT },
  [SG_SCENE_ID]            = { "scene_id", CS_COLUMN_TEXT },
  [SG_STATUS]              = { "status", CS_COLUMN_TEXT },
  [SG_ATTEMPTS]            = { "attempts", CS_COLUMN_INT },
  [SG_HINTS_USED]          = { "hints_used", CS_COLUMN_INT },
  [SG_MESSAGES_SENT]       = { "messages_sent", CS_COLUMN_INT },
  [SG_AI_RESPONSES]        = { "ai_responses", CS_COLUMN_INT },
  [SG_TIME_SPENT]          = { "time_spent", CS_COLUMN_INT },
  [SG_GOAL_ACHIEVED]       = { "goal_achieved", CS_COLUMN_BOOL },
  [SG_FORCED_PROGRESSION]  = { "forced_progression", CS_COLUMN_BOOL },
  [SG_SCORE]               = { "score", CS_COLUMN_REAL },
  [SG_INTERACTION_QUALITY] = { "interaction_quality", CS_COLUMN_REAL },
  [SG_FEEDBACK]            = { "feedback", CS_COLUMN_TEXT },
  [SG_CRITERIA_RESULTS]    = { "criteria_results", CS_COLUMN_JSON },
  [SG_STARTED_AT]          = { "started_at", CS_COLUMN_TEXT },
  [SG_COMPLETED_AT]        = { "completed_at", CS_COLUMN_TEXT },
  [SG_CREATED_AT]          = { "created_at", CS_COLUMN_TEXT },
  [SG_UPDATED_AT]          = { "updated_at", CS_COLUMN_TEXT },
  [SG_VERSION]             = { "version", CS_COLUMN_INT },
};

enum {
  MS_ID, MS_PROGRESS_ID, MS_SCENE_ID, MS_KIND, MS_SENDER_NAME, MS_PERSONA_ID, MS_CONTENT,
  MS_POSITION, MS_ATTEMPT_NUMBER, MS_MODEL, MS_PROCESSING_TIME, MS_IS_COMPLETE,
  MS_CREATED_AT, MS_UPDATED_AT, MS_VERSION,
  MS_N_COLUMNS
};

static const CsColumn message_columns[MS_N_COLUMNS] = {
  [MS_ID]              = { "id", CS_COLUMN_TEXT },
  [MS_PROGRESS_ID]     = { "progress_id", CS_COLUMN_TEXT },
  [MS_SCENE_ID]        = { "scene_id", CS_COLUMN_TEXT },
  [MS_KIND]            = { "kind", CS_COLUMN_TEXT },
  [MS_SENDER_NAME]     = { "sender_name", CS_COLUMN_TEXT },
  [MS_PERSONA_ID]      = { "persona_id", CS_COLUMN_TEXT },
  [MS_CONTENT]         = { "content", CS_COLUMN_TEXT },
  [MS_POSITION]        = { "position", CS_COLUMN_INT },
  [MS_ATTEMPT_NUMBER]  = { "attempt_number", CS_COLUMN_INT },
  [MS_MODEL]           = { "model", CS_COLUMN_TEXT },
  [MS_PROCESSING_TIME] = { "processing_time", CS_COLUMN_REAL },
  [MS_IS_COMPLETE]     = { "is_complete", CS_COLUMN_BOOL },
  [MS_CREATED_AT]      = { "created_at", CS_COLUMN_TEXT },
  [MS_UPDATED_AT]      = { "updated_at", CS_COLUMN_TEXT },
  [MS_VERSION]         = { "version", CS_COLUMN_INT },
};

static const CsTable progress_table = { "progress", "progress", progress_columns, PR_N_COLUMNS };
static const CsTable scene_progress_table =
  { "scene_progress", "scene_progress", scene_progress_columns, SG_N_COLUMNS };
static const CsTable messages_table = { "messages", "message", message_columns, MS_N_COLUMNS };

/* ---- statements ---------------------------------------------------------------------- */

/* INSERT of every column; an upsert on id, or nothing on a duplicate (append-only). */
static char *
insert_sql (const CsTable *table,
            gboolean       upsert)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].name);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ") ON CONFLICT (id) DO ");
  if (upsert)
    {
      g_string_append (sql, "UPDATE SET ");
      for (guint i = 1; i < table->n_columns; i++)
        g_string_append_printf (sql, "%s%s = excluded.%s", i > 1 ? ", " : "",
                                table->columns[i].name, table->columns[i].name);
    }
  else
    g_string_append (sql, "NOTHING");
  return g_string_free (sql, FALSE);
}

/* An "upsert" outbox entry with the stored row as payload: ?1 id, ?2 now. */
static char *
outbox_sql (const CsTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql,
                          "INSERT INTO outbox (entity, entity_id, op, version, payload, created_at) "
                          "SELECT '%s', id, 'upsert', version, json_object (", table->entity);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const CsColumn *column = &table->columns[i];

      g_string_append_printf (sql, "%s'%s', ", i ? ", " : "", column->name);
      if (column->kind == CS_COLUMN_BOOL)
        g_string_append_printf (sql, "json (CASE WHEN %s THEN 'true' ELSE 'false' END)",
                                column->name);
      else if (column->kind == CS_COLUMN_JSON)
        g_string_append_printf (sql, "json (%s)", column->name);
      else
        g_string_append (sql, column->name);
    }
  g_string_append_printf (sql, "), ?2 FROM %s WHERE id = ?1", table->name);
  return g_string_free (sql, FALSE);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           GDateTime    *when)
{
  if (when == NULL)
    sqlite3_bind_null (stmt, column + 1);
  else
    sqlite3_bind_text (stmt, column + 1, cs_store_time_to_text (when), -1, g_free);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  cs_store_bind_text (stmt, column + 1, text);
}

static void
bind_record (sqlite3_stmt *stmt,
             CsRecord     *record,
             int           created_at,
             const char   *now)
{
  GDateTime *created = cs_record_get_created_at (record);
  GDateTime *updated = cs_record_get_updated_at (record);

  bind_text (stmt, 0, cs_record_get_id (record));
  if (created != NULL)
    bind_time (stmt, created_at, created);
  else
    bind_text (stmt, created_at, now);
  if (updated != NULL)
    bind_time (stmt, created_at + 1, updated);
  else
    bind_text (stmt, created_at + 1, now);
  sqlite3_bind_int64 (stmt, created_at + 3, cs_record_get_version (record));
}

static void
bind_progress (sqlite3_stmt *stmt,
               CsProgress   *progress,
               const char   *now)
{
  const char * const *completed = cs_progress_get_scenes_completed (progress);
  JsonArray *array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  const char *state = cs_progress_get_orchestrator_state (progress);

  for (guint i = 0; completed != NULL && completed[i] != NULL; i++)
    json_array_add_string_element (array, completed[i]);
  json_node_take_array (node, array);

  bind_record (stmt, CS_RECORD (progress), PR_CREATED_AT, now);
  bind_text (stmt, PR_USER_ID, cs_progress_get_user_id (progress));
  bind_text (stmt, PR_SCENARIO_ID, cs_progress_get_scenario_id (progress));
  bind_text (stmt, PR_CURRENT_SCENE_ID, cs_progress_get_current_scene_id (progress));
  sqlite3_bind_int (stmt, PR_ATTEMPT + 1, cs_progress_get_attempt (progress));
  bind_text (stmt, PR_STATUS, cs_enum_to_nick (CS_TYPE_PROGRESS_STATUS,
                                               cs_progress_get_status (progress)));
  sqlite3_bind_text (stmt, PR_SCENES_COMPLETED + 1, json_to_string (node, FALSE), -1, g_free);
  sqlite3_bind_int (stmt, PR_TOTAL_ATTEMPTS + 1, cs_progress_get_total_attempts (progress));
  sqlite3_bind_int (stmt, PR_HINTS_USED + 1, cs_progress_get_hints_used (progress));
  sqlite3_bind_int (stmt, PR_FORCED_PROGRESSIONS + 1,
                    cs_progress_get_forced_progressions (progress));
  sqlite3_bind_int (stmt, PR_SESSION_COUNT + 1, cs_progress_get_session_count (progress));
  sqlite3_bind_int (stmt, PR_TOTAL_TIME_SPENT + 1, cs_progress_get_total_time_spent (progress));
  sqlite3_bind_double (stmt, PR_COMPLETION_PERCENTAGE + 1,
                       cs_progress_get_completion_percentage (progress));
  sqlite3_bind_double (stmt, PR_FINAL_SCORE + 1, cs_progress_get_final_score (progress));
  bind_text (stmt, PR_ORCHESTRATOR_STATE, state);
  bind_time (stmt, PR_STARTED_AT, cs_progress_get_started_at (progress));
  bind_time (stmt, PR_COMPLETED_AT, cs_progress_get_completed_at (progress));
  bind_time (stmt, PR_LAST_ACTIVITY, cs_progress_get_last_activity (progress));
  bind_time (stmt, PR_ARCHIVED_AT, cs_progress_get_archived_at (progress));
  bind_text (stmt, PR_ARCHIVED_REASON, cs_progress_get_archived_reason (progress));
}

static void
bind_scene_progress (sqlite3_stmt    *stmt,
                     CsSceneProgress *progress,
                     const char      *now)
{
  bind_record (stmt, CS_RECORD (progress), SG_CREATED_AT, now);
  bind_text (stmt, SG_PROGRESS_ID, cs_scene_progress_get_progress_id (progress));
  bind_text (stmt, SG_SCENE_ID, cs_scene_progress_get_scene_id (progress));
  bind_text (stmt, SG_STATUS, cs_enum_to_nick (CS_TYPE_SCENE_STATUS,
                                               cs_scene_progress_get_status (progress)));
  sqlite3_bind_int (stmt, SG_ATTEMPTS + 1, cs_scene_progress_get_attempts (progress));
  sqlite3_bind_int (stmt, SG_HINTS_USED + 1, cs_scene_progress_get_hints_used (progress));
  sqlite3_bind_int (stmt, SG_MESSAGES_SENT + 1, cs_scene_progress_get_messages_sent (progress));
  sqlite3_bind_int (stmt, SG_AI_RESPONSES + 1, cs_scene_progress_get_ai_responses (progress));
  sqlite3_bind_int (stmt, SG_TIME_SPENT + 1, cs_scene_progress_get_time_spent (progress));
  sqlite3_bind_int (stmt, SG_GOAL_ACHIEVED + 1, cs_scene_progress_get_goal_achieved (progress));
  sqlite3_bind_int (stmt, SG_FORCED_PROGRESSION + 1,
                    cs_scene_progress_get_forced_progression (progress));
  sqlite3_bind_double (stmt, SG_SCORE + 1, cs_scene_progress_get_score (progress));
  sqlite3_bind_double (stmt, SG_INTERACTION_QUALITY + 1,
                       cs_scene_progress_get_interaction_quality (progress));
  bind_text (stmt, SG_FEEDBACK, cs_scene_progress_get_feedback (progress));
  bind_text (stmt, SG_CRITERIA_RESULTS, cs_scene_progress_get_criteria_results (progress));
  bind_time (stmt, SG_STARTED_AT, cs_scene_progress_get_started_at (progress));
  bind_time (stmt, SG_COMPLETED_AT, cs_scene_progress_get_completed_at (progress));
}

static void
bind_message (sqlite3_stmt *stmt,
              CsMessage    *message,
              const char   *now)
{
  bind_record (stmt, CS_RECORD (message), MS_CREATED_AT, now);
  bind_text (stmt, MS_PROGRESS_ID, cs_message_get_progress_id (message));
  bind_text (stmt, MS_SCENE_ID, cs_message_get_scene_id (message));
  bind_text (stmt, MS_KIND, cs_enum_to_nick (CS_TYPE_MESSAGE_KIND, cs_message_get_kind (message)));
  bind_text (stmt, MS_SENDER_NAME, cs_message_get_sender_name (message) != NULL ?
                                     cs_message_get_sender_name (message) : "");
  bind_text (stmt, MS_PERSONA_ID, cs_message_get_persona_id (message));
  bind_text (stmt, MS_CONTENT, cs_message_get_content (message) != NULL ?
                                 cs_message_get_content (message) : "");
  sqlite3_bind_int (stmt, MS_POSITION + 1, cs_message_get_position (message));
  sqlite3_bind_int (stmt, MS_ATTEMPT_NUMBER + 1, cs_message_get_attempt_number (message));
  bind_text (stmt, MS_MODEL, cs_message_get_model (message));
  sqlite3_bind_double (stmt, MS_PROCESSING_TIME + 1, cs_message_get_processing_time (message));
  sqlite3_bind_int (stmt, MS_IS_COMPLETE + 1, cs_message_get_is_complete (message));
}

typedef void (*BindFunc) (sqlite3_stmt *stmt,
                          gpointer      object,
                          const char   *now);

/* Writes one row of @table and its outbox entry, with the connection's cached statements
 * (a turn writes the same few rows each time). */
static gboolean
write_row (CsStoreStatements *statements,
           const CsTable     *table,
           gboolean           upsert,
           BindFunc           bind,
           gpointer           object,
           const char        *now,
           GError           **error)
{
  g_autofree char *insert = insert_sql (table, upsert);
  g_autofree char *outbox = outbox_sql (table);
  sqlite3_stmt *stmt;
  sqlite3_stmt *supersede;
  sqlite3_stmt *entry;
  const char *id = cs_record_get_id (CS_RECORD (object));

  if (!(stmt = cs_store_statements_get (statements, insert, error)))
    return FALSE;
  bind (stmt, object, now);
  if (!cs_store_db_run (stmt, error))
    return FALSE;
  if (!upsert && sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return TRUE;  /* already stored, and never changed */

  if (upsert)
    {
      if (!(supersede = cs_store_statements_get (statements, "DELETE FROM outbox WHERE entity = ?1 "
                                                             "AND entity_id = ?2", error)))
        return FALSE;
      cs_store_bind_text (supersede, 1, table->entity);
      cs_store_bind_text (supersede, 2, id);
      if (!cs_store_db_run (supersede, error))
        return FALSE;
    }
  if (!(entry = cs_store_statements_get (statements, outbox, error)))
    return FALSE;
  cs_store_bind_text (entry, 1, id);
  cs_store_bind_text (entry, 2, now);
  return cs_store_db_run (entry, error);
}

gboolean
cs_store_save_run (CsStore          *self,
                   CsProgress       *progress,
                   CsSceneProgress **scene_progress,
                   guint             n_scene_progress,
                   CsMessage       **messages,
                   guint             n_messages,
                   GError          **error)
{
  g_autofree char *now = cs_store_now_text ();
  CsStoreStatements *statements;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_PROGRESS (progress), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_messages; i++)
    g_return_val_if_fail (cs_message_get_is_complete (messages[i]), FALSE);

  db = cs_store_lock_db (self);
  statements = cs_store_get_statements (self);
  /* The progress row first: the others refer to it. */
  ok = cs_store_db_begin (db, error) &&
       write_row (statements, &progress_table, TRUE, (BindFunc) bind_progress, progress, now, error);
  for (guint i = 0; ok && i < n_scene_progress; i++)
    ok = write_row (statements, &scene_progress_table, TRUE, (BindFunc) bind_scene_progress,
                    scene_progress[i], now, error);
  for (guint i = 0; ok && i < n_messages; i++)
    ok = write_row (statements, &messages_table, FALSE, (BindFunc) bind_message, messages[i], now,
                    error);
  ok = ok && cs_store_db_commit (db, error);
  if (!ok)
    cs_store_db_rollback (db);
  cs_store_unlock_db (self);
  if (ok)
    cs_store_emit_run_saved (self, cs_record_get_id (CS_RECORD (progress)));
  return ok;
}

/* ---- reading ------------------------------------------------------------------------- */

static GDateTime *
time_column (sqlite3_stmt *stmt,
             int           column)
{
  return cs_store_time_from_text (cs_store_column_text (stmt, column));
}

static int
enum_column (sqlite3_stmt *stmt,
             int           column,
             GType         type)
{
  int value = 0;

  cs_enum_from_nick (type, cs_store_column_text (stmt, column), &value);
  return value;
}

static void
begin_record (CsRecord     *record,
              sqlite3_stmt *stmt,
              int           created_at)
{
  g_autoptr(GDateTime) created = time_column (stmt, created_at);
  g_autoptr(GDateTime) updated = time_column (stmt, created_at + 1);

  cs_record_freeze_tracking (record);
  cs_record_set_created_at (record, created);
  cs_record_set_updated_at (record, updated);
}

static void
end_record (CsRecord     *record,
            sqlite3_stmt *stmt,
            int           created_at)
{
  g_autoptr(GDateTime) updated = time_column (stmt, created_at + 1);

  cs_record_set_updated_at (record, updated);
  cs_record_set_version (record, sqlite3_column_int64 (stmt, created_at + 2));
  cs_record_thaw_tracking (record);
}

static CsProgress *
progress_from_stmt (sqlite3_stmt *stmt)
{
  CsProgress *progress = cs_progress_new (cs_store_column_text (stmt, PR_ID));
  g_autoptr(JsonNode) completed = json_from_string (cs_store_column_text (stmt,
                                                                          PR_SCENES_COMPLETED),
                                                    NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autoptr(GDateTime) started = time_column (stmt, PR_STARTED_AT);
  g_autoptr(GDateTime) finished = time_column (stmt, PR_COMPLETED_AT);
  g_autoptr(GDateTime) activity = time_column (stmt, PR_LAST_ACTIVITY);
  g_autoptr(GDateTime) archived = time_column (stmt, PR_ARCHIVED_AT);

  if (completed != NULL && JSON_NODE_HOLDS_ARRAY (completed))
    {
      JsonArray *array = json_node_get_array (completed);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (ids, json_array_get_string_element (array, i));
    }
  strv = g_strv_builder_end (ids);

  begin_record (CS_RECORD (progress), stmt, PR_CREATED_AT);
  cs_progress_set_user_id (progress, cs_store_column_text (stmt, PR_USER_ID));
  cs_progress_set_scenario_id (progress, cs_store_column_text (stmt, PR_SCENARIO_ID));
  cs_progress_set_current_scene_id (progress, cs_store_column_text (stmt, PR_CURRENT_SCENE_ID));
  cs_progress_set_attempt (progress, sqlite3_column_int (stmt, PR_ATTEMPT));
  cs_progress_set_status (progress, enum_column (stmt, PR_STATUS, CS_TYPE_PROGRESS_STATUS));
  cs_progress_set_scenes_completed (progress, (const char * const *) strv);
  cs_progress_set_total_attempts (progress, sqlite3_column_int (stmt, PR_TOTAL_ATTEMPTS));
  cs_progress_set_hints_used (progress, sqlite3_column_int (stmt, PR_HINTS_USED));
  cs_progress_set_forced_progressions (progress,
                                       sqlite3_column_int (stmt, PR_FORCED_PROGRESSIONS));
  cs_progress_set_session_count (progress, sqlite3_column_int (stmt, PR_SESSION_COUNT));
  cs_progress_set_total_time_spent (progress, sqlite3_column_int (stmt, PR_TOTAL_TIME_SPENT));
  cs_progress_set_completion_percentage (progress,
                                         sqlite3_column_double (stmt, PR_COMPLETION_PERCENTAGE));
  cs_progress_set_final_score (progress, sqlite3_column_double (stmt, PR_FINAL_SCORE));
  cs_progress_set_orchestrator_state (progress,
                                      cs_store_column_text (stmt, PR_ORCHESTRATOR_STATE));
  cs_progress_set_started_at (progress, started);
  cs_progress_set_completed_at (progress, finished);
  cs_progress_set_last_activity (progress, activity);
  cs_progress_set_archived (progress, archived, cs_store_column_text (stmt, PR_ARCHIVED_REASON));
  end_record (CS_RECORD (progress), stmt, PR_CREATED_AT);
  return progress;
}

static gpointer
scene_progress_from_stmt (sqlite3_stmt *stmt)
{
  CsSceneProgress *progress = cs_scene_progress_new (cs_store_column_text (stmt, SG_ID));
  g_autoptr(GDateTime) started = time_column (stmt, SG_STARTED_AT);
  g_autoptr(GDateTime) finished = time_column (stmt, SG_COMPLETED_AT);

  begin_record (CS_RECORD (progress), stmt, SG_CREATED_AT);
  cs_scene_progress_set_progress_id (progress, cs_store_column_text (stmt, SG_PROGRESS_ID));
  cs_scene_progress_set_scene_id (progress, cs_store_column_text (stmt, SG_SCENE_ID));
  cs_scene_progress_set_status (progress, enum_column (stmt, SG_STATUS, CS_TYPE_SCENE_STATUS));
  cs_scene_progress_set_attempts (progress, sqlite3_column_int (stmt, SG_ATTEMPTS));
  cs_scene_progress_set_hints_used (progress, sqlite3_column_int (stmt, SG_HINTS_USED));
  cs_scene_progress_set_messages_sent (progress, sqlite3_column_int (stmt, SG_MESSAGES_SENT));
  cs_scene_progress_set_ai_responses (progress, sqlite3_column_int (stmt, SG_AI_RESPONSES));
  cs_scene_progress_set_time_spent (progress, sqlite3_column_int (stmt, SG_TIME_SPENT));
  cs_scene_progress_set_goal_achieved (progress, sqlite3_column_int (stmt, SG_GOAL_ACHIEVED));
  cs_scene_progress_set_forced_progression (progress,
                                            sqlite3_column_int (stmt, SG_FORCED_PROGRESSION));
  cs_scene_progress_set_score (progress, sqlite3_column_double (stmt, SG_SCORE));
  cs_scene_progress_set_interaction_quality (progress,
                                             sqlite3_column_double (stmt,
                                                                    SG_INTERACTION_QUALITY));
  cs_scene_progress_set_feedback (progress, cs_store_column_text (stmt, SG_FEEDBACK));
  cs_scene_progress_set_criteria_results (progress,
                                          cs_store_column_text (stmt, SG_CRITERIA_RESULTS));
  cs_scene_progress_set_started_at (progress, started);
  cs_scene_progress_set_completed_at (progress, finished);
  end_record (CS_RECORD (progress), stmt, SG_CREATED_AT);
  return progress;
}

static gpointer
message_from_stmt (sqlite3_stmt *stmt)
{
  CsMessage *message = g_object_new (CS_TYPE_MESSAGE, "id", cs_store_column_text (stmt, MS_ID),
                                     NULL);

  begin_record (CS_RECORD (message), stmt, MS_CREATED_AT);
  cs_message_set_progress_id (message, cs_store_column_text (stmt, MS_PROGRESS_ID));
  cs_message_set_scene_id (message, cs_store_column_text (stmt, MS_SCENE_ID));
  cs_message_set_kind (message, enum_column (stmt, MS_KIND, CS_TYPE_MESSAGE_KIND));
  cs_message_set_sender_name (message, cs_store_column_text (stmt, MS_SENDER_NAME));
  cs_message_set_persona_id (message, cs_store_column_text (stmt, MS_PERSONA_ID));
  cs_message_set_content (message, cs_store_column_text (stmt, MS_CONTENT));
  cs_message_set_position (message, sqlite3_column_int (stmt, MS_POSITION));
  cs_message_set_attempt_number (message, sqlite3_column_int (stmt, MS_ATTEMPT_NUMBER));
  cs_message_set_model (message, cs_store_column_text (stmt, MS_MODEL));
  cs_message_set_processing_time (message, sqlite3_column_double (stmt, MS_PROCESSING_TIME));
  cs_message_set_is_complete (message, sqlite3_column_int (stmt, MS_IS_COMPLETE));
  end_record (CS_RECORD (message), stmt, MS_CREATED_AT);
  return message;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* The rows of @table matching "WHERE @where" (binding ?1 … to @params), as objects of @type
 * in a list. */
static GListModel *
select_rows (CsStore        *self,
             const CsTable  *table,
             GType           type,
             RowFunc         row_func,
             const char     *where,
             const char    **params,
             guint           n_params,
             GError        **error)
{
  g_autofree char *columns = cs_table_select_list (table, NULL, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", columns, table->name,
                                          where);
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = cs_store_lock_db (self);
  int rc = SQLITE_DONE;

  if ((stmt = cs_store_db_prepare (db, sql, error)) != NULL)
    {
      for (guint i = 0; i < n_params; i++)
        cs_store_bind_text (stmt, (int) i + 1, params[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(GObject) object = row_func (stmt);

          g_list_store_append (list, object);
        }
      if (rc != SQLITE_DONE)
        cs_store_db_fail (db, rc, error);
    }
  cs_store_unlock_db (self);

  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

CsProgress *
cs_store_load_progress (CsStore     *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  list = select_rows (self, &progress_table, CS_TYPE_PROGRESS, (RowFunc) progress_from_stmt,
                      "id = ?1", &id, 1, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                   _("There is no run with id “%s” in the library."), id);
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

GListModel *
cs_store_list_progress (CsStore     *self,
                        const char  *user_id,
                        const char  *scenario_id,
                        GError     **error)
{
  const char *params[] = { user_id != NULL ? user_id : "", scenario_id };

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  return select_rows (self, &progress_table, CS_TYPE_PROGRESS, (RowFunc) progress_from_stmt,
                      "ifnull (user_id, '') = ?1 AND scenario_id = ?2 ORDER BY attempt",
                      params, G_N_ELEMENTS (params), error);
}

GListModel *
cs_store_list_scene_progress (CsStore     *self,
                              const char  *progress_id,
                              GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (progress_id != NULL, NULL);

  return select_rows (self, &scene_progress_table, CS_TYPE_SCENE_PROGRESS,
                      scene_progress_from_stmt, "progress_id = ?1 ORDER BY created_at, id",
                      &progress_id, 1, error);
}

GListModel *
cs_store_list_messages (CsStore     *self,
                        const char  *progress_id,
                        GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (progress_id != NULL, NULL);

  return select_rows (self, &messages_table, CS_TYPE_MESSAGE, message_from_stmt,
                      "progress_id = ?1 ORDER BY position", &progress_id, 1, error);
}

/* ---- pulled runs --------------------------------------------------------------------- */

/* INSERT OR IGNORE of the rows of the JSON array ?1 into @table, each column read by name,
 * @where filtering them; an upsert on id (newer versions only) unless append-only. The
 * OR IGNORE skips a row that breaks another unique rule (a second attempt 1 of a case). */
static char *
merge_sql (const CsTable *table,
           gboolean       upsert,
           const char    *where)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT OR IGNORE INTO %s (", table->name);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].name);
  g_string_append (sql, ") SELECT ");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%sjson_extract (r.value, '$.%s')", i ? ", " : "",
                            table->columns[i].name);
  g_string_append_printf (sql, " FROM json_each (?1) r WHERE %s", where);
  if (upsert)
    {
      g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 1; i < table->n_columns; i++)
        g_string_append_printf (sql, "%s%s = excluded.%s", i > 1 ? ", " : "",
                                table->columns[i].name, table->columns[i].name);
      g_string_append_printf (sql, " WHERE excluded.version > %s.version", table->name);
    }
  return g_string_free (sql, FALSE);
}

gboolean
cs_store_db_merge_runs (sqlite3             *db,
                        const char * const  *runs,
                        GError             **error)
{
  g_autofree char *progress = merge_sql (&progress_table, TRUE,
                                         "EXISTS (SELECT 1 FROM scenarios s "
                                         "WHERE s.id = json_extract (r.value, '$.scenario_id'))");
  g_autofree char *scenes = merge_sql (&scene_progress_table, TRUE,
                                       "EXISTS (SELECT 1 FROM progress p "
                                       "WHERE p.id = json_extract (r.value, '$.progress_id'))");
  g_autofree char *messages = merge_sql (&messages_table, FALSE,
                                         "EXISTS (SELECT 1 FROM progress p "
                                         "WHERE p.id = json_extract (r.value, '$.progress_id'))");
  /* Progress twice: a run of another computer may come before the server's new number
   * for one of ours that had the same attempt; the first pass skips it and renumbers ours,
   * the second adds it. */
  const char *sql[] = { progress, progress, scenes, messages };
  const guint part[] = { 0, 0, 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!runs[part[i]])
        continue;
      if (!(stmt = cs_store_db_prepare (db, sql[i], error)))
        return FALSE;
      cs_store_bind_text (stmt, 1, runs[part[i]]);
      if (!cs_store_db_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}
