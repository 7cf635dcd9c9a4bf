/* cs-remote-run.c: one student's run read from the server for viewing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-pg.h"
#include "cs-remote-run.h"

#define T(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

#define PROGRESS_SQL \
  "SELECT p.id::text, p.scenario_id::text, p.current_scene_id::text, p.attempt, p.status," \
  "       p.scenes_completed::text, p.total_attempts, p.hints_used, p.forced_progressions," \
  "       p.session_count, p.total_time_spent, p.completion_percentage, p.final_score," \
  "       " T ("p.started_at") ", " T ("p.completed_at") ", " T ("p.last_activity") "," \
  "       " T ("p.created_at") ", " T ("p.updated_at") ", p.version," \
  "       coalesce (u.display_name, ''), coalesce (u.role_name, ''), coalesce (s.title, ''), p.user_id::text" \
  "  FROM cs.user_progress p" \
  "  LEFT JOIN cs.users u ON u.id = p.user_id" \
  "  LEFT JOIN cs.scenarios s ON s.id = p.scenario_id" \
  " WHERE p.id = $1::uuid"

#define SCENES_SQL \
  "SELECT id::text, title, success_threshold, goal_criteria::text FROM cs.scenes" \
  " WHERE scenario_id = $1::uuid ORDER BY position"

#define SCENE_PROGRESS_SQL \
  "SELECT id::text, scene_id::text, status, attempts, hints_used, messages_sent, ai_responses," \
  "       time_spent, goal_achieved, forced_progression, score, interaction_quality, feedback," \
  "       criteria_results::text, " T ("started_at") ", " T ("completed_at") "," \
  "       " T ("created_at") ", " T ("updated_at") ", version" \
  "  FROM cs.scene_progress WHERE progress_id = $1::uuid" \
  " ORDER BY started_at NULLS LAST, created_at, id"

#define MESSAGES_SQL \
  "SELECT id::text, scene_id::text, kind, sender_name, persona_id::text, content, position," \
  "       attempt_number, model, processing_time, is_complete," \
  "       " T ("created_at") ", " T ("updated_at") ", version" \
  "  FROM cs.conversation_logs WHERE progress_id = $1::uuid ORDER BY position, created_at"

#define OVERRIDES_SQL \
  "SELECT g.id::text, " T ("g.created_at") ", coalesce (u.display_name, u.role_name, '')," \
  "       coalesce (g.previous_score, -1), g.new_score, g.reason" \
  "  FROM cs.grade_overrides g LEFT JOIN cs.users u ON u.id = g.instructor_id" \
  " WHERE g.progress_id = $1::uuid AND g.scene_progress_id IS NULL" \
  " ORDER BY g.change_seq, g.created_at"

struct _CsRemoteRun
{
  GObject     parent_instance;

  CsProgress *progress;
  char       *student_name;
  char       *student_login;
  CsScenario *scenario;
  GListStore *scene_progress;
  GListStore *messages;
  GListStore *overrides;
};

G_DEFINE_FINAL_TYPE (CsRemoteRun, cs_remote_run, G_TYPE_OBJECT)

static void
cs_remote_run_dispose (GObject *object)
{
  CsRemoteRun *self = CS_REMOTE_RUN (object);

  g_clear_object (&self->progress);
  g_clear_object (&self->scenario);
  g_clear_object (&self->scene_progress);
  g_clear_object (&self->messages);
  g_clear_object (&self->overrides);

  G_OBJECT_CLASS (cs_remote_run_parent_class)->dispose (object);
}

static void
cs_remote_run_finalize (GObject *object)
{
  CsRemoteRun *self = CS_REMOTE_RUN (object);

  g_free (self->student_name);
  g_free (self->student_login);

  G_OBJECT_CLASS (cs_remote_run_parent_class)->finalize (object);
}

static void
cs_remote_run_class_init (CsRemoteRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_remote_run_dispose;
  object_class->finalize = cs_remote_run_finalize;
}

static void
cs_remote_run_init (CsRemoteRun *self)
{
  self->scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  self->messages = g_list_store_new (CS_TYPE_MESSAGE);
  self->overrides = g_list_store_new (CS_TYPE_GRADE_OVERRIDE);
}

/* Reading rows ------------------------------------------------------------------------------ */

static const char *
text_at (PGresult *result,
         int       row,
         int       column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

static int
int_at (PGresult *result,
        int       row,
        int       column)
{
  return (int) g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static double
double_at (PGresult *result,
           int       row,
           int       column)
{
  return g_ascii_strtod (PQgetvalue (result, row, column), NULL);
}

static gboolean
bool_at (PGresult *result,
         int       row,
         int       column)
{
  return PQgetvalue (result, row, column)[0] == 't';
}

static GDateTime *
time_at (PGresult *result,
         int       row,
         int       column)
{
  const char *text = text_at (result, row, column);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static int
enum_at (PGresult *result,
         int       row,
         int       column,
         GType     type)
{
  int value = 0;

  if (!cs_enum_from_nick (type, PQgetvalue (result, row, column), &value))
    value = 0;
  return value;
}

/* created-at, updated-at and version, the bookkeeping of a CsRecord, at @column.. */
static void
set_record (CsRecord *record,
            PGresult *result,
            int       row,
            int       column)
{
  g_autoptr(GDateTime) created = time_at (result, row, column);
  g_autoptr(GDateTime) updated = time_at (result, row, column + 1);

  if (created)
    cs_record_set_created_at (record, created);
  if (updated)
    cs_record_set_updated_at (record, updated);
  cs_record_set_version (record, g_ascii_strtoll (PQgetvalue (result, row, column + 2), NULL, 10));
}

static GStrv
strv_of_json (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (builder);
}

static CsProgress *
read_progress (PGresult *rows)
{
  CsProgress *progress = cs_progress_new (PQgetvalue (rows, 0, 0));
  g_auto(GStrv) completed = strv_of_json (text_at (rows, 0, 5));
  g_autoptr(GDateTime) started = time_at (rows, 0, 13);
  g_autoptr(GDateTime) finished = time_at (rows, 0, 14);
  g_autoptr(GDateTime) activity = time_at (rows, 0, 15);

  cs_record_freeze_tracking (CS_RECORD (progress));
  cs_progress_set_user_id (progress, text_at (rows, 0, 22));
  cs_progress_set_scenario_id (progress, PQgetvalue (rows, 0, 1));
  cs_progress_set_current_scene_id (progress, text_at (rows, 0, 2));
  cs_progress_set_attempt (progress, MAX (1, int_at (rows, 0, 3)));
  cs_progress_set_status (progress, enum_at (rows, 0, 4, CS_TYPE_PROGRESS_STATUS));
  cs_progress_set_scenes_completed (progress, (const char * const *) completed);
  cs_progress_set_total_attempts (progress, int_at (rows, 0, 6));
  cs_progress_set_hints_used (progress, int_at (rows, 0, 7));
  cs_progress_set_forced_progressions (progress, int_at (rows, 0, 8));
  cs_progress_set_session_count (progress, int_at (rows, 0, 9));
  cs_progress_set_total_time_spent (progress, int_at (rows, 0, 10));
  cs_progress_set_completion_percentage (progress, double_at (rows, 0, 11));
  cs_progress_set_final_score (progress, double_at (rows, 0, 12));
  cs_progress_set_started_at (progress, started);
  cs_progress_set_completed_at (progress, finished);
  cs_progress_set_last_activity (progress, activity);
  set_record (CS_RECORD (progress), rows, 0, 16);
  cs_record_thaw_tracking (CS_RECORD (progress));
  return progress;
}

/* A scene as far as the report needs it; its criteria from the row's goal_criteria JSON. */
static CsScene *
read_scene (PGresult *rows,
            int       row)
{
  CsScene *scene = cs_scene_new (PQgetvalue (rows, row, 0));
  g_autoptr(JsonNode) criteria = json_from_string (PQgetvalue (rows, row, 3), NULL);

  cs_scene_set_title (scene, PQgetvalue (rows, row, 1));
  cs_scene_set_success_threshold (scene, CLAMP (double_at (rows, row, 2), 0, 1));
  if (criteria && JSON_NODE_HOLDS_ARRAY (criteria))
    {
      JsonArray *array = json_node_get_array (criteria);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object;
          g_autoptr(CsGoalCriterion) criterion = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          criterion = cs_goal_criterion_new (json_object_get_string_member_with_default (object, "text", ""),
                                             CLAMP (json_object_get_double_member_with_default (object, "weight", 1), 0, 1));
          cs_scene_add_criterion (scene, criterion);
        }
    }
  return scene;
}

static CsSceneProgress *
read_scene_progress (PGresult   *rows,
                     int         row,
                     const char *progress_id)
{
  CsSceneProgress *scene = cs_scene_progress_new (PQgetvalue (rows, row, 0));
  g_autoptr(GDateTime) started = time_at (rows, row, 14);
  g_autoptr(GDateTime) finished = time_at (rows, row, 15);

  cs_record_freeze_tracking (CS_RECORD (scene));
  cs_scene_progress_set_progress_id (scene, progress_id);
  cs_scene_progress_set_scene_id (scene, PQgetvalue (rows, row, 1));
  cs_scene_progress_set_status (scene, enum_at (rows, row, 2, CS_TYPE_SCENE_STATUS));
  cs_scene_progress_set_attempts (scene, int_at (rows, row, 3));
  cs_scene_progress_set_hints_used (scene, int_at (rows, row, 4));
  cs_scene_progress_set_messages_sent (scene, int_at (rows, row, 5));
  cs_scene_progress_set_ai_responses (scene, int_at (rows, row, 6));
  cs_scene_progress_set_time_spent (scene, int_at (rows, row, 7));
  cs_scene_progress_set_goal_achieved (scene, bool_at (rows, row, 8));
  cs_scene_progress_set_forced_progression (scene, bool_at (rows, row, 9));
  cs_scene_progress_set_score (scene, double_at (rows, row, 10));
  cs_scene_progress_set_interaction_quality (scene, double_at (rows, row, 11));
  cs_scene_progress_set_feedback (scene, text_at (rows, row, 12));
  cs_scene_progress_set_criteria_results (scene, text_at (rows, row, 13));
  cs_scene_progress_set_started_at (scene, started);
  cs_scene_progress_set_completed_at (scene, finished);
  set_record (CS_RECORD (scene), rows, row, 16);
  cs_record_thaw_tracking (CS_RECORD (scene));
  return scene;
}

static CsMessage *
read_message (PGresult   *rows,
              int         row,
              const char *progress_id)
{
  CsMessage *message = g_object_new (CS_TYPE_MESSAGE, "id", PQgetvalue (rows, row, 0), NULL);

  cs_record_freeze_tracking (CS_RECORD (message));
  cs_message_set_progress_id (message, progress_id);
  cs_message_set_scene_id (message, text_at (rows, row, 1));
  cs_message_set_kind (message, enum_at (rows, row, 2, CS_TYPE_MESSAGE_KIND));
  cs_message_set_sender_name (message, PQgetvalue (rows, row, 3));
  cs_message_set_persona_id (message, text_at (rows, row, 4));
  cs_message_set_content (message, PQgetvalue (rows, row, 5));
  cs_message_set_position (message, int_at (rows, row, 6));
  cs_message_set_attempt_number (message, MAX (1, int_at (rows, row, 7)));
  cs_message_set_model (message, text_at (rows, row, 8));
  cs_message_set_processing_time (message, MAX (0, double_at (rows, row, 9)));
  cs_message_set_is_complete (message, bool_at (rows, row, 10));
  set_record (CS_RECORD (message), rows, row, 11);
  cs_record_thaw_tracking (CS_RECORD (message));
  return message;
}

/* The job ------------------------------------------------------------------------------------ */

static gboolean
read_rest (PGconn      *conn,
           CsRemoteRun *run,
           const char  *id,
           GError     **error)
{
  const char *scenario_params[] = { cs_progress_get_scenario_id (run->progress) };
  const char *params[] = { id };
  g_autoptr(PGresult) scenes = NULL;
  g_autoptr(PGresult) scene_progress = NULL;
  g_autoptr(PGresult) messages = NULL;
  g_autoptr(PGresult) overrides = NULL;

  if (!(scenes = cs_server_query (conn, SCENES_SQL, 1, scenario_params, error)) ||
      !(scene_progress = cs_server_query (conn, SCENE_PROGRESS_SQL, 1, params, error)) ||
      !(messages = cs_server_query (conn, MESSAGES_SQL, 1, params, error)) ||
      !(overrides = cs_server_query (conn, OVERRIDES_SQL, 1, params, error)))
    return FALSE;

  for (int r = 0; r < PQntuples (scenes); r++)
    {
      g_autoptr(CsScene) scene = read_scene (scenes, r);

      cs_scenario_append_scene (run->scenario, scene);
    }
  for (int r = 0; r < PQntuples (scene_progress); r++)
    {
      g_autoptr(CsSceneProgress) scene = read_scene_progress (scene_progress, r, id);

      g_list_store_append (run->scene_progress, scene);
    }
  for (int r = 0; r < PQntuples (messages); r++)
    {
      g_autoptr(CsMessage) message = read_message (messages, r, id);

      g_list_store_append (run->messages, message);
    }
  for (int r = 0; r < PQntuples (overrides); r++)
    {
      g_autoptr(GDateTime) when = time_at (overrides, r, 1);
      g_autoptr(CsGradeOverride) override =
        cs_grade_override_new (PQgetvalue (overrides, r, 0), when, PQgetvalue (overrides, r, 2),
                               double_at (overrides, r, 3), double_at (overrides, r, 4),
                               PQgetvalue (overrides, r, 5));

      g_list_store_append (run->overrides, override);
    }
  return TRUE;
}

static gboolean
fetch_job (PGconn        *conn,
           gpointer       data,
           gpointer      *result,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *id = data;
  const char *params[] = { id };
  g_autoptr(CsRemoteRun) run = NULL;
  g_autoptr(PGresult) rows = NULL;

  if (!cs_server_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !(rows = cs_server_query (conn, PROGRESS_SQL, 1, params, error)))
    return FALSE;
  if (PQntuples (rows) != 1)
    {
      /* Rolled back by the CsServer before its next job. */
      g_set_error_literal (error, CS_SYNC_ERROR, CS_SYNC_ERROR_DENIED,
                           _("This run is not one of yours or of a student of your cohorts"));
      return FALSE;
    }

  run = g_object_new (CS_TYPE_REMOTE_RUN, NULL);
  run->progress = read_progress (rows);
  run->student_name = g_strdup (PQgetvalue (rows, 0, 19));
  run->student_login = g_strdup (PQgetvalue (rows, 0, 20));
  run->scenario = cs_scenario_new (cs_progress_get_scenario_id (run->progress));
  cs_scenario_set_title (run->scenario, PQgetvalue (rows, 0, 21));

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_rest (conn, run, id, error) ||
      !cs_server_exec (conn, "COMMIT", error))
    return FALSE;

  *result = g_steal_pointer (&run);
  return TRUE;
}

void
cs_remote_run_fetch_async (CsServer            *server,
                           const char          *progress_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CS_IS_SERVER (server));

  if (progress_id == NULL || !cs_uuid_is_valid (progress_id))
    {
      g_task_report_new_error (server, callback, user_data, cs_remote_run_fetch_async,
                               G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not the id of a run"), progress_id ? progress_id : "");
      return;
    }
  cs_server_run_async (server, fetch_job, g_strdup (progress_id), g_free, g_object_unref,
                       cancellable, callback, user_data);
}

CsRemoteRun *
cs_remote_run_fetch_finish (CsServer      *server,
                            GAsyncResult  *result,
                            GError       **error)
{
  gpointer run = NULL;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  if (g_async_result_is_tagged (result, cs_remote_run_fetch_async))
    return g_task_propagate_pointer (G_TASK (result), error);
  if (!cs_server_run_finish (server, result, &run, error))
    return NULL;
  return run;
}

/* Getters ------------------------------------------------------------------------------------ */

CsProgress *
cs_remote_run_get_progress (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return self->progress;
}

const char *
cs_remote_run_get_student_name (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return self->student_name;
}

const char *
cs_remote_run_get_student_login (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return self->student_login;
}

CsScenario *
cs_remote_run_get_scenario (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return self->scenario;
}

GListModel *
cs_remote_run_get_scene_progress (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return G_LIST_MODEL (self->scene_progress);
}

GListModel *
cs_remote_run_get_messages (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return G_LIST_MODEL (self->messages);
}

GListModel *
cs_remote_run_get_overrides (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return G_LIST_MODEL (self->overrides);
}

double
cs_remote_run_get_computed_score (CsRemoteRun *self)
{
  double score;

  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), -1);
  score = cs_progress_get_final_score (self->progress);
  return score < 0 ? -1 : score;
}

gboolean
cs_remote_run_get_overridden (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), FALSE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->overrides)) > 0;
}

double
cs_remote_run_get_score (CsRemoteRun *self)
{
  guint n;
  g_autoptr(CsGradeOverride) newest = NULL;

  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->overrides));
  if (n == 0)
    return cs_remote_run_get_computed_score (self);
  newest = g_list_model_get_item (G_LIST_MODEL (self->overrides), n - 1);
  return cs_grade_override_get_new_score (newest);
}

CsRunReport *
cs_remote_run_make_report (CsRemoteRun *self)
{
  g_return_val_if_fail (CS_IS_REMOTE_RUN (self), NULL);
  return cs_run_report_new (self->scenario, self->progress, G_LIST_MODEL (self->scene_progress),
                            G_LIST_MODEL (self->messages));
}
