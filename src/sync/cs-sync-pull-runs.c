/* cs-sync-pull-runs.c: the runs that changed on the server since the last pull
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Progress, scene progress and messages written since the cursor (CS_PULL_SINCE), each kind
 * as one JSON array of rows in the local column format, read in the pull's snapshot. Only
 * the signed-in person's own runs come (played on another computer), with no user_id: in
 * the local library they are the local user's. An instructor may read the runs of their
 * cohorts' students too, but those are runs of published versions, which the instructor's
 * library does not hold (it has the drafts), so they would be fetched only to be dropped;
 * the dashboard reads them on the server instead (cs-dashboard.c). The cursor is the
 * pull's snapshot, whatever rows it read.
 */

#include "config.h"

#include "cs-sync-jobs.h"

#define T(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
#define ME "(SELECT cs.uid (current_user))"

#define PROGRESS_SQL \
  "SELECT coalesce (json_agg (json_build_object (" \
  "  'id', p.id, 'user_id', CASE WHEN p.user_id = " ME " THEN NULL ELSE p.user_id END," \
  "  'scenario_id', p.scenario_id, 'current_scene_id', p.current_scene_id, 'attempt', p.attempt," \
  "  'status', p.status, 'scenes_completed', p.scenes_completed, 'total_attempts', p.total_attempts," \
  "  'hints_used', p.hints_used, 'forced_progressions', p.forced_progressions," \
  "  'session_count', p.session_count, 'total_time_spent', p.total_time_spent," \
  "  'completion_percentage', p.completion_percentage, 'final_score', p.final_score," \
  "  'orchestrator_state', p.orchestrator_state, 'started_at', " T ("p.started_at") "," \
  "  'completed_at', " T ("p.completed_at") ", 'last_activity', " T ("p.last_activity") "," \
  "  'archived_at', " T ("p.archived_at") ", 'archived_reason', p.archived_reason," \
  "  'created_at', " T ("p.created_at") ", 'updated_at', " T ("p.updated_at") "," \
  "  'version', p.version) ORDER BY p.change_seq), '[]')::text" \
  "  FROM cs.user_progress p WHERE p.user_id = " ME " AND " CS_PULL_SINCE ("p")

#define SCENE_PROGRESS_SQL \
  "SELECT coalesce (json_agg (json_build_object (" \
  "  'id', s.id, 'progress_id', s.progress_id, 'scene_id', s.scene_id, 'status', s.status," \
  "  'attempts', s.attempts, 'hints_used', s.hints_used, 'messages_sent', s.messages_sent," \
  "  'ai_responses', s.ai_responses, 'time_spent', s.time_spent, 'goal_achieved', s.goal_achieved," \
  "  'forced_progression', s.forced_progression, 'score', s.score," \
  "  'interaction_quality', s.interaction_quality, 'feedback', s.feedback," \
  "  'criteria_results', s.criteria_results, 'started_at', " T ("s.started_at") "," \
  "  'completed_at', " T ("s.completed_at") ", 'created_at', " T ("s.created_at") "," \
  "  'updated_at', " T ("s.updated_at") ", 'version', s.version) ORDER BY s.change_seq), '[]')::text" \
  "  FROM cs.scene_progress s WHERE " CS_PULL_SINCE ("s") \
  "   AND s.progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = " ME ")"

#define MESSAGES_SQL \
  "SELECT coalesce (json_agg (json_build_object (" \
  "  'id', m.id, 'progress_id', m.progress_id, 'scene_id', m.scene_id, 'kind', m.kind," \
  "  'sender_name', m.sender_name, 'persona_id', m.persona_id, 'content', m.content," \
  "  'position', m.position, 'attempt_number', m.attempt_number, 'model', m.model," \
  "  'processing_time', m.processing_time, 'is_complete', m.is_complete," \
  "  'created_at', " T ("m.created_at") ", 'updated_at', " T ("m.updated_at") "," \
  "  'version', m.version) ORDER BY m.change_seq), '[]')::text" \
  "  FROM cs.conversation_logs m WHERE " CS_PULL_SINCE ("m") \
  "   AND m.progress_id IN (SELECT id FROM cs.user_progress WHERE user_id = " ME ")"

gboolean
cs_pull_runs (PGconn              *conn,
              const char * const  *since,
              char               **runs,
              GError             **error)
{
  const char *queries[] = { PROGRESS_SQL, SCENE_PROGRESS_SQL, MESSAGES_SQL };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      PGresult *result = cs_server_query (conn, queries[i], 3, since, error);

      if (!result)
        return FALSE;
      runs[i] = g_strdup (PQgetvalue (result, 0, 0));
      PQclear (result);
    }
  return TRUE;
}
