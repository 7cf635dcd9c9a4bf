/* cs-scene-persona.c: a persona's involvement in a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-enums.h"
#include "cs-scene-persona.h"

struct _CsScenePersona
{
  GObject        parent_instance;

  char          *persona_id;
  CsInvolvement  involvement;
};

G_DEFINE_FINAL_TYPE (CsScenePersona, cs_scene_persona, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSONA_ID,
  PROP_INVOLVEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_scene_persona_finalize (GObject *object)
{
  CsScenePersona *self = CS_SCENE_PERSONA (object);

  g_clear_pointer (&self->persona_id, g_free);

  G_OBJECT_CLASS (cs_scene_persona_parent_class)->finalize (object);
}

static void
cs_scene_persona_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsScenePersona *self = CS_SCENE_PERSONA (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    case PROP_INVOLVEMENT:
      g_value_set_enum (value, self->involvement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_persona_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsScenePersona *self = CS_SCENE_PERSONA (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      self->persona_id = g_value_dup_string (value);
      break;
    case PROP_INVOLVEMENT:
      cs_scene_persona_set_involvement (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_persona_class_init (CsScenePersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_scene_persona_finalize;
  object_class->get_property = cs_scene_persona_get_property;
  object_class->set_property = cs_scene_persona_set_property;

  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOLVEMENT] =
    g_param_spec_enum ("involvement", NULL, NULL,
                       CS_TYPE_INVOLVEMENT, CS_INVOLVEMENT_PARTICIPANT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_scene_persona_init (CsScenePersona *self)
{
  self->involvement = CS_INVOLVEMENT_PARTICIPANT;
}

CsScenePersona *
cs_scene_persona_new (const char    *persona_id,
                      CsInvolvement  involvement)
{
  g_return_val_if_fail (persona_id != NULL && *persona_id != '\0', NULL);

  return g_object_new (CS_TYPE_SCENE_PERSONA,
                       "persona-id", persona_id,
                       "involvement", involvement,
                       NULL);
}

const char *
cs_scene_persona_get_persona_id (CsScenePersona *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PERSONA (self), NULL);

  return self->persona_id;
}

CsInvolvement
cs_scene_persona_get_involvement (CsScenePersona *self)
{
  g_return_val_if_fail (CS_IS_SCENE_PERSONA (self), CS_INVOLVEMENT_PARTICIPANT);

  return self->involvement;
}

void
cs_scene_persona_set_involvement (CsScenePersona *self,
                                  CsInvolvement   involvement)
{
  g_return_if_fail (CS_IS_SCENE_PERSONA (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_INVOLVEMENT, involvement) != NULL);

  if (self->involvement == involvement)
    return;

  self->involvement = involvement;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOLVEMENT]);
}
