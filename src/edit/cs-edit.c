/* cs-edit.c: one undoable change of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-edit.h"

typedef struct
{
  char *label;
} CsEditPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CsEdit, cs_edit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
cs_edit_real_merge (CsEdit *self,
                    CsEdit *next)
{
  return FALSE;
}

static void
cs_edit_finalize (GObject *object)
{
  CsEditPrivate *priv = cs_edit_get_instance_private (CS_EDIT (object));

  g_free (priv->label);

  G_OBJECT_CLASS (cs_edit_parent_class)->finalize (object);
}

static void
cs_edit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CsEdit *self = CS_EDIT (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, cs_edit_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_edit_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CsEditPrivate *priv = cs_edit_get_instance_private (CS_EDIT (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      priv->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_edit_class_init (CsEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_edit_finalize;
  object_class->get_property = cs_edit_get_property;
  object_class->set_property = cs_edit_set_property;

  klass->merge = cs_edit_real_merge;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_edit_init (CsEdit *self)
{
}

const char *
cs_edit_get_label (CsEdit *self)
{
  CsEditPrivate *priv;

  g_return_val_if_fail (CS_IS_EDIT (self), NULL);

  priv = cs_edit_get_instance_private (self);
  return priv->label != NULL ? priv->label : "";
}

void
cs_edit_apply (CsEdit     *self,
               CsScenario *scenario)
{
  g_return_if_fail (CS_IS_EDIT (self));
  g_return_if_fail (CS_IS_SCENARIO (scenario));

  CS_EDIT_GET_CLASS (self)->apply (self, scenario);
}

void
cs_edit_revert (CsEdit     *self,
                CsScenario *scenario)
{
  g_return_if_fail (CS_IS_EDIT (self));
  g_return_if_fail (CS_IS_SCENARIO (scenario));

  CS_EDIT_GET_CLASS (self)->revert (self, scenario);
}

gboolean
cs_edit_merge (CsEdit *self,
               CsEdit *next)
{
  g_return_val_if_fail (CS_IS_EDIT (self), FALSE);
  g_return_val_if_fail (CS_IS_EDIT (next), FALSE);

  return CS_EDIT_GET_CLASS (self)->merge (self, next);
}
