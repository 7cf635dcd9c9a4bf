/* cs-edit-property.c: set one property of a scenario, persona, scene or criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-property.h"

struct _CsEditProperty
{
  CsEdit      parent_instance;

  GObject    *object;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
};

G_DEFINE_FINAL_TYPE (CsEditProperty, cs_edit_property, CS_TYPE_EDIT)

static void
cs_edit_property_apply (CsEdit     *edit,
                        CsScenario *scenario)
{
  CsEditProperty *self = CS_EDIT_PROPERTY (edit);

  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
cs_edit_property_revert (CsEdit     *edit,
                         CsScenario *scenario)
{
  CsEditProperty *self = CS_EDIT_PROPERTY (edit);

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static gboolean
mergeable_type (GType type)
{
  return type == G_TYPE_STRING || type == G_TYPE_DOUBLE || type == G_TYPE_INT ||
         type == G_TYPE_UINT || type == G_TYPE_STRV;
}

static gboolean
cs_edit_property_merge (CsEdit *edit,
                        CsEdit *next)
{
  CsEditProperty *self = CS_EDIT_PROPERTY (edit);
  CsEditProperty *other;

  if (!CS_IS_EDIT_PROPERTY (next))
    return FALSE;

  other = CS_EDIT_PROPERTY (next);
  if (other->object != self->object || other->pspec != self->pspec ||
      !mergeable_type (G_PARAM_SPEC_VALUE_TYPE (self->pspec)))
    return FALSE;

  g_value_copy (&other->new_value, g_value_reset (&self->new_value));
  return TRUE;
}

static void
cs_edit_property_dispose (GObject *object)
{
  CsEditProperty *self = CS_EDIT_PROPERTY (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (cs_edit_property_parent_class)->dispose (object);
}

static void
cs_edit_property_finalize (GObject *object)
{
  CsEditProperty *self = CS_EDIT_PROPERTY (object);

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);

  G_OBJECT_CLASS (cs_edit_property_parent_class)->finalize (object);
}

static void
cs_edit_property_class_init (CsEditPropertyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_property_dispose;
  object_class->finalize = cs_edit_property_finalize;

  edit_class->apply = cs_edit_property_apply;
  edit_class->revert = cs_edit_property_revert;
  edit_class->merge = cs_edit_property_merge;
}

static void
cs_edit_property_init (CsEditProperty *self)
{
}

static const char *
label_for (gpointer object)
{
  if (CS_IS_SCENARIO (object))
    return _("Edit Case");
  if (CS_IS_PERSONA (object))
    return _("Edit Persona");
  if (CS_IS_SCENE (object))
    return _("Edit Scene");
  return _("Edit Criterion");
}

CsEdit *
cs_edit_property_new (gpointer      object,
                      const char   *property,
                      const GValue *value)
{
  CsEditProperty *self;
  GParamSpec *pspec;

  g_return_val_if_fail (CS_IS_SCENARIO (object) || CS_IS_PERSONA (object) ||
                        CS_IS_SCENE (object) || CS_IS_GOAL_CRITERION (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0 &&
                        (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0, NULL);

  self = g_object_new (CS_TYPE_EDIT_PROPERTY, "label", label_for (object), NULL);
  self->object = g_object_ref (object);
  self->pspec = pspec;
  g_value_init (&self->old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (self->object, pspec->name, &self->old_value);
  g_value_init (&self->new_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (!g_value_transform (value, &self->new_value))
    {
      g_critical ("Cannot set property %s from a %s", property, G_VALUE_TYPE_NAME (value));
      g_object_unref (self);
      return NULL;
    }

  return CS_EDIT (self);
}

CsEdit *
cs_edit_property_new_string (gpointer    object,
                             const char *property,
                             const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return cs_edit_property_new (object, property, &gvalue);
}

CsEdit *
cs_edit_property_new_double (gpointer    object,
                             const char *property,
                             double      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  return cs_edit_property_new (object, property, &gvalue);
}

CsEdit *
cs_edit_property_new_int (gpointer    object,
                          const char *property,
                          int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  return cs_edit_property_new (object, property, &gvalue);
}

GObject *
cs_edit_property_get_object (CsEditProperty *self)
{
  g_return_val_if_fail (CS_IS_EDIT_PROPERTY (self), NULL);

  return self->object;
}

const char *
cs_edit_property_get_name (CsEditProperty *self)
{
  g_return_val_if_fail (CS_IS_EDIT_PROPERTY (self), NULL);

  return self->pspec->name;
}
