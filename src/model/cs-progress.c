/* cs-progress.c: one run (attempt) of a student through a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-enums.h"
#include "cs-model-private.h"
#include "cs-progress.h"

struct _CsProgress
{
  CsRecord          parent_instance;

  char             *user_id;
  char             *scenario_id;
  char             *current_scene_id;
  int               attempt;
  CsProgressStatus  status;
  char            **scenes_completed;
  int               total_attempts;
  int               hints_used;
  int               forced_progressions;
  int               session_count;
  int               total_time_spent;
  double            completion_percentage;
  double            final_score;
  char             *orchestrator_state;
  GDateTime        *started_at;
  GDateTime        *completed_at;
  GDateTime        *last_activity;
  GDateTime        *archived_at;
  char             *archived_reason;
};

G_DEFINE_FINAL_TYPE (CsProgress, cs_progress, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_SCENARIO_ID,
  PROP_CURRENT_SCENE_ID,
  PROP_ATTEMPT,
  PROP_STATUS,
  PROP_SCENES_COMPLETED,
  PROP_TOTAL_ATTEMPTS,
  PROP_HINTS_USED,
  PROP_FORCED_PROGRESSIONS,
  PROP_SESSION_COUNT,
  PROP_TOTAL_TIME_SPENT,
  PROP_COMPLETION_PERCENTAGE,
  PROP_FINAL_SCORE,
  PROP_ORCHESTRATOR_STATE,
  PROP_STARTED_AT,
  PROP_COMPLETED_AT,
  PROP_LAST_ACTIVITY,
  PROP_ARCHIVED_AT,
  PROP_ARCHIVED_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsProgress  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (CsProgress *self,
         int        *field,
         int         value,
         guint       prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_double (CsProgress *self,
            double     *field,
            double      value,
            guint       prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_date_time (CsProgress  *self,
               GDateTime  **field,
               GDateTime   *value,
               guint        prop)
{
  if (cs_set_date_time (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cs_progress_finalize (GObject *object)
{
  CsProgress *self = CS_PROGRESS (object);

  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->scenario_id, g_free);
  g_clear_pointer (&self->current_scene_id, g_free);
  g_clear_pointer (&self->scenes_completed, g_strfreev);
  g_clear_pointer (&self->orchestrator_state, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_clear_pointer (&self->last_activity, g_date_time_unref);
  g_clear_pointer (&self->archived_at, g_date_time_unref);
  g_clear_pointer (&self->archived_reason, g_free);

  G_OBJECT_CLASS (cs_progress_parent_class)->finalize (object);
}

static void
cs_progress_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsProgress *self = CS_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;
    case PROP_SCENARIO_ID:
      g_value_set_string (value, self->scenario_id);
      break;
    case PROP_CURRENT_SCENE_ID:
      g_value_set_string (value, self->current_scene_id);
      break;
    case PROP_ATTEMPT:
      g_value_set_int (value, self->attempt);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SCENES_COMPLETED:
      g_value_set_boxed (value, self->scenes_completed);
      break;
    case PROP_TOTAL_ATTEMPTS:
      g_value_set_int (value, self->total_attempts);
      break;
    case PROP_HINTS_USED:
      g_value_set_int (value, self->hints_used);
      break;
    case PROP_FORCED_PROGRESSIONS:
      g_value_set_int (value, self->forced_progressions);
      break;
    case PROP_SESSION_COUNT:
      g_value_set_int (value, self->session_count);
      break;
    case PROP_TOTAL_TIME_SPENT:
      g_value_set_int (value, self->total_time_spent);
      break;
    case PROP_COMPLETION_PERCENTAGE:
      g_value_set_double (value, self->completion_percentage);
      break;
    case PROP_FINAL_SCORE:
      g_value_set_double (value, self->final_score);
      break;
    case PROP_ORCHESTRATOR_STATE:
      g_value_set_string (value, self->orchestrator_state);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case PROP_COMPLETED_AT:
      g_value_set_boxed (value, self->completed_at);
      break;
    case PROP_LAST_ACTIVITY:
      g_value_set_boxed (value, self->last_activity);
      break;
    case PROP_ARCHIVED_AT:
      g_value_set_boxed (value, self->archived_at);
      break;
    case PROP_ARCHIVED_REASON:
      g_value_set_string (value, self->archived_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_progress_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsProgress *self = CS_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      cs_progress_set_user_id (self, g_value_get_string (value));
      break;
    case PROP_SCENARIO_ID:
      cs_progress_set_scenario_id (self, g_value_get_string (value));
      break;
    case PROP_CURRENT_SCENE_ID:
      cs_progress_set_current_scene_id (self, g_value_get_string (value));
      break;
    case PROP_ATTEMPT:
      cs_progress_set_attempt (self, g_value_get_int (value));
      break;
    case PROP_STATUS:
      cs_progress_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SCENES_COMPLETED:
      cs_progress_set_scenes_completed (self, g_value_get_boxed (value));
      break;
    case PROP_TOTAL_ATTEMPTS:
      cs_progress_set_total_attempts (self, g_value_get_int (value));
      break;
    case PROP_HINTS_USED:
      cs_progress_set_hints_used (self, g_value_get_int (value));
      break;
    case PROP_FORCED_PROGRESSIONS:
      cs_progress_set_forced_progressions (self, g_value_get_int (value));
      break;
    case PROP_SESSION_COUNT:
      cs_progress_set_session_count (self, g_value_get_int (value));
      break;
    case PROP_TOTAL_TIME_SPENT:
      cs_progress_set_total_time_spent (self, g_value_get_int (value));
      break;
    case PROP_COMPLETION_PERCENTAGE:
      cs_progress_set_completion_percentage (self, g_value_get_double (value));
      break;
    case PROP_FINAL_SCORE:
      cs_progress_set_final_score (self, g_value_get_double (value));
      break;
    case PROP_ORCHESTRATOR_STATE:
      cs_progress_set_orchestrator_state (self, g_value_get_string (value));
      break;
    case PROP_STARTED_AT:
      cs_progress_set_started_at (self, g_value_get_boxed (value));
      break;
    case PROP_COMPLETED_AT:
      cs_progress_set_completed_at (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_ACTIVITY:
      cs_progress_set_last_activity (self, g_value_get_boxed (value));
      break;
    case PROP_ARCHIVED_AT:
      set_date_time (self, &self->archived_at, g_value_get_boxed (value), PROP_ARCHIVED_AT);
      break;
    case PROP_ARCHIVED_REASON:
      set_string (self, &self->archived_reason, g_value_get_string (value), PROP_ARCHIVED_REASON);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_progress_class_init (CsProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_progress_finalize;
  object_class->get_property = cs_progress_get_property;
  object_class->set_property = cs_progress_set_property;

  properties[PROP_USER_ID] = g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_SCENARIO_ID] = g_param_spec_string ("scenario-id", NULL, NULL, NULL, flags);
  properties[PROP_CURRENT_SCENE_ID] = g_param_spec_string ("current-scene-id", NULL, NULL, NULL, flags);
  properties[PROP_ATTEMPT] = g_param_spec_int ("attempt", NULL, NULL, 1, G_MAXINT, 1, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CS_TYPE_PROGRESS_STATUS, CS_PROGRESS_STATUS_NOT_STARTED, flags);
  properties[PROP_SCENES_COMPLETED] =
    g_param_spec_boxed ("scenes-completed", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TOTAL_ATTEMPTS] = g_param_spec_int ("total-attempts", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HINTS_USED] = g_param_spec_int ("hints-used", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_FORCED_PROGRESSIONS] =
    g_param_spec_int ("forced-progressions", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SESSION_COUNT] = g_param_spec_int ("session-count", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TOTAL_TIME_SPENT] =
    g_param_spec_int ("total-time-spent", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_COMPLETION_PERCENTAGE] =
    g_param_spec_double ("completion-percentage", NULL, NULL, 0.0, 100.0, 0.0, flags);
  properties[PROP_FINAL_SCORE] = g_param_spec_double ("final-score", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_ORCHESTRATOR_STATE] =
    g_param_spec_string ("orchestrator-state", NULL, NULL, NULL, flags);
  properties[PROP_STARTED_AT] = g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_COMPLETED_AT] = g_param_spec_boxed ("completed-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LAST_ACTIVITY] = g_param_spec_boxed ("last-activity", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ARCHIVED_AT] = g_param_spec_boxed ("archived-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ARCHIVED_REASON] = g_param_spec_string ("archived-reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_progress_init (CsProgress *self)
{
  self->attempt = 1;
  self->status = CS_PROGRESS_STATUS_NOT_STARTED;
  self->scenes_completed = g_new0 (char *, 1);
  self->final_score = -1.0;
}

CsProgress *
cs_progress_new (const char *id)
{
  return g_object_new (CS_TYPE_PROGRESS, "id", id, NULL);
}

const char *
cs_progress_get_user_id (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->user_id;
}

void
cs_progress_set_user_id (CsProgress *self,
                         const char *user_id)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_string (self, &self->user_id, user_id, PROP_USER_ID);
}

const char *
cs_progress_get_scenario_id (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->scenario_id;
}

void
cs_progress_set_scenario_id (CsProgress *self,
                             const char *scenario_id)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_string (self, &self->scenario_id, scenario_id, PROP_SCENARIO_ID);
}

const char *
cs_progress_get_current_scene_id (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->current_scene_id;
}

void
cs_progress_set_current_scene_id (CsProgress *self,
                                  const char *scene_id)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_string (self, &self->current_scene_id, scene_id, PROP_CURRENT_SCENE_ID);
}

int
cs_progress_get_attempt (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 1);

  return self->attempt;
}

void
cs_progress_set_attempt (CsProgress *self,
                         int         attempt)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (attempt >= 1);

  set_int (self, &self->attempt, attempt, PROP_ATTEMPT);
}

CsProgressStatus
cs_progress_get_status (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), CS_PROGRESS_STATUS_NOT_STARTED);

  return self->status;
}

void
cs_progress_set_status (CsProgress       *self,
                        CsProgressStatus  status)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_PROGRESS_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char * const *
cs_progress_get_scenes_completed (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return (const char * const *) self->scenes_completed;
}

void
cs_progress_set_scenes_completed (CsProgress         *self,
                                  const char * const *ids)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  if (cs_set_strv (&self->scenes_completed, ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENES_COMPLETED]);
}

int
cs_progress_get_total_attempts (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0);

  return self->total_attempts;
}

void
cs_progress_set_total_attempts (CsProgress *self,
                                int         n)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->total_attempts, n, PROP_TOTAL_ATTEMPTS);
}

int
cs_progress_get_hints_used (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0);

  return self->hints_used;
}

void
cs_progress_set_hints_used (CsProgress *self,
                            int         n)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->hints_used, n, PROP_HINTS_USED);
}

int
cs_progress_get_forced_progressions (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0);

  return self->forced_progressions;
}

void
cs_progress_set_forced_progressions (CsProgress *self,
                                     int         n)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->forced_progressions, n, PROP_FORCED_PROGRESSIONS);
}

int
cs_progress_get_session_count (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0);

  return self->session_count;
}

void
cs_progress_set_session_count (CsProgress *self,
                               int         n)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->session_count, n, PROP_SESSION_COUNT);
}

int
cs_progress_get_total_time_spent (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0);

  return self->total_time_spent;
}

void
cs_progress_set_total_time_spent (CsProgress *self,
                                  int         seconds)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (seconds >= 0);

  set_int (self, &self->total_time_spent, seconds, PROP_TOTAL_TIME_SPENT);
}

double
cs_progress_get_completion_percentage (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), 0.0);

  return self->completion_percentage;
}

void
cs_progress_set_completion_percentage (CsProgress *self,
                                       double      percentage)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (percentage >= 0.0 && percentage <= 100.0);

  set_double (self, &self->completion_percentage, percentage, PROP_COMPLETION_PERCENTAGE);
}

double
cs_progress_get_final_score (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), -1.0);

  return self->final_score;
}

void
cs_progress_set_final_score (CsProgress *self,
                             double      score)
{
  g_return_if_fail (CS_IS_PROGRESS (self));
  g_return_if_fail (score == -1.0 || (score >= 0.0 && score <= 1.0));

  set_double (self, &self->final_score, score, PROP_FINAL_SCORE);
}

const char *
cs_progress_get_orchestrator_state (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->orchestrator_state;
}

void
cs_progress_set_orchestrator_state (CsProgress *self,
                                    const char *json)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_string (self, &self->orchestrator_state, json, PROP_ORCHESTRATOR_STATE);
}

GDateTime *
cs_progress_get_started_at (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->started_at;
}

void
cs_progress_set_started_at (CsProgress *self,
                            GDateTime  *when)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_date_time (self, &self->started_at, when, PROP_STARTED_AT);
}

GDateTime *
cs_progress_get_completed_at (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->completed_at;
}

void
cs_progress_set_completed_at (CsProgress *self,
                              GDateTime  *when)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_date_time (self, &self->completed_at, when, PROP_COMPLETED_AT);
}

GDateTime *
cs_progress_get_last_activity (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->last_activity;
}

void
cs_progress_set_last_activity (CsProgress *self,
                               GDateTime  *when)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  set_date_time (self, &self->last_activity, when, PROP_LAST_ACTIVITY);
}

GDateTime *
cs_progress_get_archived_at (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->archived_at;
}

const char *
cs_progress_get_archived_reason (CsProgress *self)
{
  g_return_val_if_fail (CS_IS_PROGRESS (self), NULL);

  return self->archived_reason;
}

void
cs_progress_set_archived (CsProgress *self,
                          GDateTime  *when,
                          const char *reason)
{
  g_return_if_fail (CS_IS_PROGRESS (self));

  if (when == NULL)
    reason = NULL;

  /* One notification batch, so one version bump. */
  g_object_freeze_notify (G_OBJECT (self));
  set_date_time (self, &self->archived_at, when, PROP_ARCHIVED_AT);
  set_string (self, &self->archived_reason, reason, PROP_ARCHIVED_REASON);
  g_object_thaw_notify (G_OBJECT (self));
}
