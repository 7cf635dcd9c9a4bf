/* cs-scene-progress.c: a run's progress through one scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-enums.h"
#include "cs-model-private.h"
#include "cs-scene-progress.h"

struct _CsSceneProgress
{
  CsRecord       parent_instance;

  char          *progress_id;
  char          *scene_id;
  CsSceneStatus  status;
  int            attempts;
  int            hints_used;
  int            messages_sent;
  int            ai_responses;
  int            time_spent;
  gboolean       goal_achieved;
  gboolean       forced_progression;
  double         score;
  double         interaction_quality;
  char          *feedback;
  char          *criteria_results;
  GDateTime     *started_at;
  GDateTime     *completed_at;
};

G_DEFINE_FINAL_TYPE (CsSceneProgress, cs_scene_progress, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROGRESS_ID,
  PROP_SCENE_ID,
  PROP_STATUS,
  PROP_ATTEMPTS,
  PROP_HINTS_USED,
  PROP_MESSAGES_SENT,
  PROP_AI_RESPONSES,
  PROP_TIME_SPENT,
  PROP_GOAL_ACHIEVED,
  PROP_FORCED_PROGRESSION,
  PROP_SCORE,
  PROP_INTERACTION_QUALITY,
  PROP_FEEDBACK,
  PROP_CRITERIA_RESULTS,
  PROP_STARTED_AT,
  PROP_COMPLETED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsSceneProgress  *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (CsSceneProgress *self,
         int             *field,
         int              value,
         guint            prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean (CsSceneProgress *self,
             gboolean        *field,
             gboolean         value,
             guint            prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Scores are 0..1, or -1 for "not judged". */
static void
set_score (CsSceneProgress *self,
           double          *field,
           double           value,
           guint            prop)
{
  g_return_if_fail (value == -1.0 || (value >= 0.0 && value <= 1.0));

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_date_time (CsSceneProgress  *self,
               GDateTime       **field,
               GDateTime        *value,
               guint             prop)
{
  if (cs_set_date_time (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cs_scene_progress_finalize (GObject *object)
{
  CsSceneProgress *self = CS_SCENE_PROGRESS (object);

  g_clear_pointer (&self->progress_id, g_free);
  g_clear_pointer (&self->scene_id, g_free);
  g_clear_pointer (&self->feedback, g_free);
  g_clear_pointer (&self->criteria_results, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);

  G_OBJECT_CLASS (cs_scene_progress_parent_class)->finalize (object);
}

static void
cs_scene_progress_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsSceneProgress *self = CS_SCENE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_ID:
      g_value_set_string (value, self->progress_id);
      break;
    case PROP_SCENE_ID:
      g_value_set_string (value, self->scene_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ATTEMPTS:
      g_value_set_int (value, self->attempts);
      break;
    case PROP_HINTS_USED:
      g_value_set_int (value, self->hints_used);
      break;
    case PROP_MESSAGES_SENT:
      g_value_set_int (value, self->messages_sent);
      break;
    case PROP_AI_RESPONSES:
      g_value_set_int (value, self->ai_responses);
      break;
    case PROP_TIME_SPENT:
      g_value_set_int (value, self->time_spent);
      break;
    case PROP_GOAL_ACHIEVED:
      g_value_set_boolean (value, self->goal_achieved);
      break;
    case PROP_FORCED_PROGRESSION:
      g_value_set_boolean (value, self->forced_progression);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_INTERACTION_QUALITY:
      g_value_set_double (value, self->interaction_quality);
      break;
    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;
    case PROP_CRITERIA_RESULTS:
      g_value_set_string (value, self->criteria_results);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case PROP_COMPLETED_AT:
      g_value_set_boxed (value, self->completed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_progress_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsSceneProgress *self = CS_SCENE_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_ID:
      cs_scene_progress_set_progress_id (self, g_value_get_string (value));
      break;
    case PROP_SCENE_ID:
      cs_scene_progress_set_scene_id (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cs_scene_progress_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ATTEMPTS:
      cs_scene_progress_set_attempts (self, g_value_get_int (value));
      break;
    case PROP_HINTS_USED:
      cs_scene_progress_set_hints_used (self, g_value_get_int (value));
      break;
    case PROP_MESSAGES_SENT:
      cs_scene_progress_set_messages_sent (self, g_value_get_int (value));
      break;
    case PROP_AI_RESPONSES:
      cs_scene_progress_set_ai_responses (self, g_value_get_int (value));
      break;
    case PROP_TIME_SPENT:
      cs_scene_progress_set_time_spent (self, g_value_get_int (value));
      break;
    case PROP_GOAL_ACHIEVED:
      cs_scene_progress_set_goal_achieved (self, g_value_get_boolean (value));
      break;
    case PROP_FORCED_PROGRESSION:
      cs_scene_progress_set_forced_progression (self, g_value_get_boolean (value));
      break;
    case PROP_SCORE:
      cs_scene_progress_set_score (self, g_value_get_double (value));
      break;
    case PROP_INTERACTION_QUALITY:
      cs_scene_progress_set_interaction_quality (self, g_value_get_double (value));
      break;
    case PROP_FEEDBACK:
      cs_scene_progress_set_feedback (self, g_value_get_string (value));
      break;
    case PROP_CRITERIA_RESULTS:
      cs_scene_progress_set_criteria_results (self, g_value_get_string (value));
      break;
    case PROP_STARTED_AT:
      cs_scene_progress_set_started_at (self, g_value_get_boxed (value));
      break;
    case PROP_COMPLETED_AT:
      cs_scene_progress_set_completed_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_progress_class_init (CsSceneProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_scene_progress_finalize;
  object_class->get_property = cs_scene_progress_get_property;
  object_class->set_property = cs_scene_progress_set_property;

  properties[PROP_PROGRESS_ID] = g_param_spec_string ("progress-id", NULL, NULL, NULL, flags);
  properties[PROP_SCENE_ID] = g_param_spec_string ("scene-id", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CS_TYPE_SCENE_STATUS, CS_SCENE_STATUS_NOT_STARTED, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_int ("attempts", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HINTS_USED] = g_param_spec_int ("hints-used", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MESSAGES_SENT] = g_param_spec_int ("messages-sent", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_AI_RESPONSES] = g_param_spec_int ("ai-responses", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TIME_SPENT] = g_param_spec_int ("time-spent", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_GOAL_ACHIEVED] = g_param_spec_boolean ("goal-achieved", NULL, NULL, FALSE, flags);
  properties[PROP_FORCED_PROGRESSION] =
    g_param_spec_boolean ("forced-progression", NULL, NULL, FALSE, flags);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_INTERACTION_QUALITY] =
    g_param_spec_double ("interaction-quality", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, flags);
  properties[PROP_CRITERIA_RESULTS] = g_param_spec_string ("criteria-results", NULL, NULL, NULL, flags);
  properties[PROP_STARTED_AT] = g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_COMPLETED_AT] = g_param_spec_boxed ("completed-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_scene_progress_init (CsSceneProgress *self)
{
  self->status = CS_SCENE_STATUS_NOT_STARTED;
  self->score = -1.0;
  self->interaction_quality = -1.0;
}

CsSceneProgress *
cs_scene_progress_new (const char *id)
{
  return g_object_new (CS_TYPE_SCENE_PROGRESS, "id", id, NULL);
}

const char *
cs_scene_progress_get_progress_id (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->progress_id;
}

void
cs_scene_progress_set_progress_id (CsSceneProgress *self,
                                   const char      *progress_id)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_string (self, &self->progress_id, progress_id, PROP_PROGRESS_ID);
}

const char *
cs_scene_progress_get_scene_id (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->scene_id;
}

void
cs_scene_progress_set_scene_id (CsSceneProgress *self,
                                const char      *scene_id)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_string (self, &self->scene_id, scene_id, PROP_SCENE_ID);
}

CsSceneStatus
cs_scene_progress_get_status (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), CS_SCENE_STATUS_NOT_STARTED);

  return self->status;
}

void
cs_scene_progress_set_status (CsSceneProgress *self,
                              CsSceneStatus    status)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_SCENE_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
cs_scene_progress_get_attempts (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), 0);

  return self->attempts;
}

void
cs_scene_progress_set_attempts (CsSceneProgress *self,
                                int              n)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->attempts, n, PROP_ATTEMPTS);
}

int
cs_scene_progress_get_hints_used (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), 0);

  return self->hints_used;
}

void
cs_scene_progress_set_hints_used (CsSceneProgress *self,
                                  int              n)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->hints_used, n, PROP_HINTS_USED);
}

int
cs_scene_progress_get_messages_sent (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), 0);

  return self->messages_sent;
}

void
cs_scene_progress_set_messages_sent (CsSceneProgress *self,
                                     int              n)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->messages_sent, n, PROP_MESSAGES_SENT);
}

int
cs_scene_progress_get_ai_responses (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), 0);

  return self->ai_responses;
}

void
cs_scene_progress_set_ai_responses (CsSceneProgress *self,
                                    int              n)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (n >= 0);

  set_int (self, &self->ai_responses, n, PROP_AI_RESPONSES);
}

int
cs_scene_progress_get_time_spent (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), 0);

  return self->time_spent;
}

void
cs_scene_progress_set_time_spent (CsSceneProgress *self,
                                  int              seconds)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));
  g_return_if_fail (seconds >= 0);

  set_int (self, &self->time_spent, seconds, PROP_TIME_SPENT);
}

gboolean
cs_scene_progress_get_goal_achieved (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), FALSE);

  return self->goal_achieved;
}

void
cs_scene_progress_set_goal_achieved (CsSceneProgress *self,
                                     gboolean         achieved)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_boolean (self, &self->goal_achieved, achieved, PROP_GOAL_ACHIEVED);
}

gboolean
cs_scene_progress_get_forced_progression (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), FALSE);

  return self->forced_progression;
}

void
cs_scene_progress_set_forced_progression (CsSceneProgress *self,
                                          gboolean         forced)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_boolean (self, &self->forced_progression, forced, PROP_FORCED_PROGRESSION);
}

double
cs_scene_progress_get_score (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), -1.0);

  return self->score;
}

void
cs_scene_progress_set_score (CsSceneProgress *self,
                             double           score)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_score (self, &self->score, score, PROP_SCORE);
}

double
cs_scene_progress_get_interaction_quality (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), -1.0);

  return self->interaction_quality;
}

void
cs_scene_progress_set_interaction_quality (CsSceneProgress *self,
                                           double           quality)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_score (self, &self->interaction_quality, quality, PROP_INTERACTION_QUALITY);
}

const char *
cs_scene_progress_get_feedback (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->feedback;
}

void
cs_scene_progress_set_feedback (CsSceneProgress *self,
                                const char      *feedback)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_string (self, &self->feedback, feedback, PROP_FEEDBACK);
}

const char *
cs_scene_progress_get_criteria_results (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->criteria_results;
}

void
cs_scene_progress_set_criteria_results (CsSceneProgress *self,
                                        const char      *json)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_string (self, &self->criteria_results, json, PROP_CRITERIA_RESULTS);
}

GDateTime *
cs_scene_progress_get_started_at (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->started_at;
}

void
cs_scene_progress_set_started_at (CsSceneProgress *self,
                                  GDateTime       *when)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_date_time (self, &self->started_at, when, PROP_STARTED_AT);
}

GDateTime *
cs_scene_progress_get_completed_at (CsSceneProgress *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PROGRESS (self), NULL);

  return self->completed_at;
}

void
cs_scene_progress_set_completed_at (CsSceneProgress *self,
                                    GDateTime       *when)
{
  g_return_if_fail (CS_IS_SCENE_PROGRESS (self));

  set_date_time (self, &self->completed_at, when, PROP_COMPLETED_AT);
}
