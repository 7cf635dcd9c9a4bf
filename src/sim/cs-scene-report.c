/* cs-scene-report.c: the graded result of one scene of a run, for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from what the run saved: the scene progress (status, counts, the judge's last
 * per-criterion results as JSON) and the run's messages, against which every quote is
 * checked again, so a result changed or synced from elsewhere cannot cite words the
 * student never wrote.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cs-scene-report.h"
#include "cs-text-util.h"

struct _CsSceneReport
{
  GObject        parent_instance;

  char          *scene_id;
  char          *title;
  guint          position;
  CsSceneStatus  status;
  gboolean       played;
  double         score;
  double         threshold;
  gboolean       forced;
  int            turns;
  int            attempts;
  int            hints_used;
  int            time_spent;
  char          *feedback;
  GArray        *criteria;  /* CsCriterionReport */
};

G_DEFINE_FINAL_TYPE (CsSceneReport, cs_scene_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_POSITION,
  PROP_STATUS,
  PROP_SCORE,
  PROP_THRESHOLD,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
criterion_clear (gpointer data)
{
  CsCriterionReport *criterion = data;

  g_clear_pointer (&criterion->text, g_free);
  g_clear_pointer (&criterion->evidence, g_free);
}

static void
cs_scene_report_finalize (GObject *object)
{
  CsSceneReport *self = CS_SCENE_REPORT (object);

  g_free (self->scene_id);
  g_free (self->title);
  g_free (self->feedback);
  g_array_unref (self->criteria);

  G_OBJECT_CLASS (cs_scene_report_parent_class)->finalize (object);
}

static void
cs_scene_report_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsSceneReport *self = CS_SCENE_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;
    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_report_class_init (CsSceneReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_scene_report_finalize;
  object_class->get_property = cs_scene_report_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CS_TYPE_SCENE_STATUS,
                                               CS_SCENE_STATUS_NOT_STARTED, flags);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_THRESHOLD] = g_param_spec_double ("threshold", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_scene_report_init (CsSceneReport *self)
{
  self->criteria = g_array_new (FALSE, TRUE, sizeof (CsCriterionReport));
  g_array_set_clear_func (self->criteria, criterion_clear);
}

gboolean
cs_scene_report_quote_occurs (GListModel *messages,
                              const char *scene_id,
                              const char *quote)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (messages), FALSE);

  if (quote == NULL || scene_id == NULL)
    return FALSE;
  wanted = cs_text_normalize (quote);
  if (*wanted == '\0')
    return FALSE;

  n = g_list_model_get_n_items (messages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *said = NULL;

      if (cs_message_get_kind (message) != CS_MESSAGE_KIND_USER ||
          g_strcmp0 (cs_message_get_scene_id (message), scene_id) != 0)
        continue;
      said = cs_text_normalize (cs_message_get_content (message));
      if (strstr (said, wanted) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The criteria of the scene's last judgement; FALSE when there was none. */
static gboolean
read_results (CsSceneReport   *self,
              CsSceneProgress *progress,
              GListModel      *messages)
{
  const char *json = cs_scene_progress_get_criteria_results (progress);
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonArray *array;
  double total = 0, met = 0;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      CsCriterionReport criterion = { NULL, 0, FALSE, NULL };
      const char *evidence;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      criterion.text = g_strdup (json_object_get_string_member_with_default (object, "text", ""));
      criterion.weight = MAX (0, json_object_get_double_member_with_default (object, "weight", 1));
      evidence = json_object_get_string_member_with_default (object, "evidence", NULL);
      if (cs_scene_report_quote_occurs (messages, self->scene_id, evidence))
        criterion.evidence = g_strstrip (g_strdup (evidence));
      criterion.met = json_object_get_boolean_member_with_default (object, "met", FALSE) &&
                      criterion.evidence != NULL;
      total += criterion.weight;
      if (criterion.met)
        met += criterion.weight;
      g_array_append_val (self->criteria, criterion);
    }
  self->score = total > 0 ? CLAMP (met / total, 0, 1) : 0;
  return TRUE;
}

/* The scene's criteria, none met: for a scene not judged yet. */
static void
unjudged_criteria (CsSceneReport *self,
                   CsScene       *scene)
{
  GListModel *criteria = cs_scene_get_goal_criteria (scene);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) item = g_list_model_get_item (criteria, i);
      CsCriterionReport criterion = {
        g_strdup (cs_goal_criterion_get_text (item)), cs_goal_criterion_get_weight (item),
        FALSE, NULL
      };

      g_array_append_val (self->criteria, criterion);
    }
}

CsSceneReport *
cs_scene_report_new (CsScene         *scene,
                     CsSceneProgress *progress,
                     GListModel      *messages)
{
  CsSceneReport *self;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (progress == NULL || CS_IS_SCENE_PROGRESS (progress), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (messages), NULL);

  self = g_object_new (CS_TYPE_SCENE_REPORT, NULL);
  self->scene_id = g_strdup (cs_record_get_id (CS_RECORD (scene)));
  self->title = g_strdup (cs_scene_get_title (scene));
  self->position = cs_scene_get_position (scene);
  self->threshold = cs_scene_get_success_threshold (scene);
  if (progress == NULL)
    {
      self->status = CS_SCENE_STATUS_NOT_STARTED;
      unjudged_criteria (self, scene);
      return self;
    }

  self->played = TRUE;
  self->status = cs_scene_progress_get_status (progress);
  self->forced = cs_scene_progress_get_forced_progression (progress);
  self->turns = cs_scene_progress_get_messages_sent (progress);
  self->attempts = cs_scene_progress_get_attempts (progress);
  self->hints_used = cs_scene_progress_get_hints_used (progress);
  self->time_spent = cs_scene_progress_get_time_spent (progress);
  self->feedback = g_strdup (cs_scene_progress_get_feedback (progress));
  if (!read_results (self, progress, messages))
    unjudged_criteria (self, scene);
  return self;
}

const char *
cs_scene_report_get_scene_id (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), NULL);
  return self->scene_id;
}

const char *
cs_scene_report_get_title (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), NULL);
  return self->title;
}

guint
cs_scene_report_get_position (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->position;
}

CsSceneStatus
cs_scene_report_get_status (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), CS_SCENE_STATUS_NOT_STARTED);
  return self->status;
}

gboolean
cs_scene_report_get_played (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), FALSE);
  return self->played;
}

double
cs_scene_report_get_score (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->score;
}

double
cs_scene_report_get_threshold (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->threshold;
}

gboolean
cs_scene_report_get_passed (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), FALSE);
  return self->status == CS_SCENE_STATUS_PASSED;
}

gboolean
cs_scene_report_get_forced (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), FALSE);
  return self->forced;
}

int
cs_scene_report_get_turns (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->turns;
}

int
cs_scene_report_get_attempts (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->attempts;
}

int
cs_scene_report_get_hints_used (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->hints_used;
}

int
cs_scene_report_get_time_spent (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->time_spent;
}

const char *
cs_scene_report_get_feedback (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), NULL);
  return self->feedback;
}

guint
cs_scene_report_get_n_criteria (CsSceneReport *self)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), 0);
  return self->criteria->len;
}

const CsCriterionReport *
cs_scene_report_get_criterion (CsSceneReport *self,
                               guint          index)
{
  g_return_val_if_fail (CS_IS_SCENE_REPORT (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);
  return &g_array_index (self->criteria, CsCriterionReport, index);
}
