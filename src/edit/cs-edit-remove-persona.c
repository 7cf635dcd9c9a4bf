/* cs-edit-remove-persona.c: remove a persona from the case and from every scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-remove-persona.h"

/* What one scene had of the persona before the removal. */
typedef struct
{
  CsScene       *scene;
  int            index;         /* in "involved", -1 when not involved */
  CsInvolvement  involvement;
  GVariant      *instructions;  /* the scene's whole a{ss} before the removal */
} SceneShare;

struct _CsEditRemovePersona
{
  CsEdit     parent_instance;

  CsPersona *persona;
  guint      position;
  GArray    *shares;  /* of SceneShare */
};

G_DEFINE_FINAL_TYPE (CsEditRemovePersona, cs_edit_remove_persona, CS_TYPE_EDIT)

static void
scene_share_clear (gpointer data)
{
  SceneShare *share = data;

  g_clear_object (&share->scene);
  g_clear_pointer (&share->instructions, g_variant_unref);
}

static guint
persona_position (CsScenario *scenario,
                  CsPersona  *persona)
{
  GListModel *personas = cs_scenario_get_personas (scenario);
  guint n = g_list_model_get_n_items (personas);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        return i;
    }
  return n;
}

static void
cs_edit_remove_persona_apply (CsEdit     *edit,
                              CsScenario *scenario)
{
  CsEditRemovePersona *self = CS_EDIT_REMOVE_PERSONA (edit);
  const char *persona_id = cs_record_get_id (CS_RECORD (self->persona));
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  guint n = g_list_model_get_n_items (scenes);

  self->position = persona_position (scenario, self->persona);
  g_array_set_size (self->shares, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      SceneShare share = { NULL, -1, CS_INVOLVEMENT_PARTICIPANT, NULL };

      share.index = cs_scene_get_involvement_index (scene, persona_id);
      cs_scene_get_involvement (scene, persona_id, &share.involvement);
      if (share.index < 0 && cs_scene_get_persona_instruction (scene, persona_id) == NULL)
        continue;

      share.scene = g_object_ref (scene);
      share.instructions = cs_scene_get_persona_instructions (scene);
      if (share.instructions != NULL)
        g_variant_ref (share.instructions);
      g_array_append_val (self->shares, share);
    }

  if (!cs_scenario_remove_persona (scenario, persona_id))
    g_critical ("Persona %s is not in the scenario", persona_id);
}

static void
cs_edit_remove_persona_revert (CsEdit     *edit,
                               CsScenario *scenario)
{
  CsEditRemovePersona *self = CS_EDIT_REMOVE_PERSONA (edit);
  const char *persona_id = cs_record_get_id (CS_RECORD (self->persona));

  cs_scenario_insert_persona (scenario, self->position, self->persona);

  for (guint i = 0; i < self->shares->len; i++)
    {
      SceneShare *share = &g_array_index (self->shares, SceneShare, i);

      cs_scene_set_persona_instructions (share->scene, share->instructions);
      if (share->index >= 0)
        cs_scene_insert_involvement (share->scene, (guint) share->index, persona_id,
                                     share->involvement);
    }
}

static void
cs_edit_remove_persona_dispose (GObject *object)
{
  CsEditRemovePersona *self = CS_EDIT_REMOVE_PERSONA (object);

  g_clear_object (&self->persona);
  if (self->shares != NULL)
    g_array_set_size (self->shares, 0);

  G_OBJECT_CLASS (cs_edit_remove_persona_parent_class)->dispose (object);
}

static void
cs_edit_remove_persona_finalize (GObject *object)
{
  CsEditRemovePersona *self = CS_EDIT_REMOVE_PERSONA (object);

  g_array_unref (self->shares);

  G_OBJECT_CLASS (cs_edit_remove_persona_parent_class)->finalize (object);
}

static void
cs_edit_remove_persona_class_init (CsEditRemovePersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_remove_persona_dispose;
  object_class->finalize = cs_edit_remove_persona_finalize;

  edit_class->apply = cs_edit_remove_persona_apply;
  edit_class->revert = cs_edit_remove_persona_revert;
}

static void
cs_edit_remove_persona_init (CsEditRemovePersona *self)
{
  self->shares = g_array_new (FALSE, TRUE, sizeof (SceneShare));
  g_array_set_clear_func (self->shares, scene_share_clear);
}

CsEdit *
cs_edit_remove_persona_new (CsPersona *persona)
{
  CsEditRemovePersona *self;

  g_return_val_if_fail (CS_IS_PERSONA (persona), NULL);

  self = g_object_new (CS_TYPE_EDIT_REMOVE_PERSONA, "label", _("Delete Persona"), NULL);
  self->persona = g_object_ref (persona);
  return CS_EDIT (self);
}
