/* cs-goal-criterion.c: one weighted success criterion of a scene goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-goal-criterion.h"
#include "cs-model-private.h"
#include "cs-model-types.h"

struct _CsGoalCriterion
{
  GObject  parent_instance;

  char    *id;
  char    *text;
  double   weight;
};

G_DEFINE_FINAL_TYPE (CsGoalCriterion, cs_goal_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_goal_criterion_finalize (GObject *object)
{
  CsGoalCriterion *self = CS_GOAL_CRITERION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (cs_goal_criterion_parent_class)->finalize (object);
}

static void
cs_goal_criterion_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsGoalCriterion *self = CS_GOAL_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_goal_criterion_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CsGoalCriterion *self = CS_GOAL_CRITERION (object);
  const char *id;

  switch (prop_id)
    {
    case PROP_ID:
      id = g_value_get_string (value);
      self->id = (id != NULL && *id != '\0') ? g_strdup (id) : cs_uuid_new ();
      break;
    case PROP_TEXT:
      cs_goal_criterion_set_text (self, g_value_get_string (value));
      break;
    case PROP_WEIGHT:
      cs_goal_criterion_set_weight (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_goal_criterion_class_init (CsGoalCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_goal_criterion_finalize;
  object_class->get_property = cs_goal_criterion_get_property;
  object_class->set_property = cs_goal_criterion_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_goal_criterion_init (CsGoalCriterion *self)
{
  self->text = g_strdup ("");
  self->weight = 1.0;
}

CsGoalCriterion *
cs_goal_criterion_new (const char *text,
                       double      weight)
{
  g_return_val_if_fail (weight >= 0.0 && weight <= 1.0, NULL);

  return g_object_new (CS_TYPE_GOAL_CRITERION,
                       "text", text,
                       "weight", weight,
                       NULL);
}

const char *
cs_goal_criterion_get_id (CsGoalCriterion *self)
{
  g_return_val_if_fail (CS_IS_GOAL_CRITERION (self), NULL);

  return self->id;
}

const char *
cs_goal_criterion_get_text (CsGoalCriterion *self)
{
  g_return_val_if_fail (CS_IS_GOAL_CRITERION (self), NULL);

  return self->text;
}

void
cs_goal_criterion_set_text (CsGoalCriterion *self,
                            const char      *text)
{
  g_return_if_fail (CS_IS_GOAL_CRITERION (self));

  if (cs_set_string (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

double
cs_goal_criterion_get_weight (CsGoalCriterion *self)
{
  g_return_val_if_fail (CS_IS_GOAL_CRITERION (self), 0.0);

  return self->weight;
}

void
cs_goal_criterion_set_weight (CsGoalCriterion *self,
                              double           weight)
{
  g_return_if_fail (CS_IS_GOAL_CRITERION (self));
  g_return_if_fail (weight >= 0.0 && weight <= 1.0);

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}
