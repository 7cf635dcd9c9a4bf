/* cs-edit-instruction.c: set what one persona is told in one scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-instruction.h"

struct _CsEditInstruction
{
  CsEdit   parent_instance;

  CsScene *scene;
  char    *persona_id;
  char    *old_text;   /* NULL: the scene had none */
  char    *new_text;
};

G_DEFINE_FINAL_TYPE (CsEditInstruction, cs_edit_instruction, CS_TYPE_EDIT)

static void
set_text (CsEditInstruction *self,
          const char        *text)
{
  cs_scene_set_persona_instruction (self->scene, self->persona_id, text && *text ? text : NULL);
}

static void
cs_edit_instruction_apply (CsEdit     *edit,
                           CsScenario *scenario)
{
  CsEditInstruction *self = CS_EDIT_INSTRUCTION (edit);

  set_text (self, self->new_text);
}

static void
cs_edit_instruction_revert (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditInstruction *self = CS_EDIT_INSTRUCTION (edit);

  set_text (self, self->old_text);
}

static gboolean
cs_edit_instruction_merge (CsEdit *edit,
                           CsEdit *next)
{
  CsEditInstruction *self = CS_EDIT_INSTRUCTION (edit);
  CsEditInstruction *other;

  if (!CS_IS_EDIT_INSTRUCTION (next))
    return FALSE;
  other = CS_EDIT_INSTRUCTION (next);
  if (other->scene != self->scene || g_strcmp0 (other->persona_id, self->persona_id) != 0)
    return FALSE;

  g_free (self->new_text);
  self->new_text = g_strdup (other->new_text);
  return TRUE;
}

static void
cs_edit_instruction_dispose (GObject *object)
{
  CsEditInstruction *self = CS_EDIT_INSTRUCTION (object);

  g_clear_object (&self->scene);

  G_OBJECT_CLASS (cs_edit_instruction_parent_class)->dispose (object);
}

static void
cs_edit_instruction_finalize (GObject *object)
{
  CsEditInstruction *self = CS_EDIT_INSTRUCTION (object);

  g_free (self->persona_id);
  g_free (self->old_text);
  g_free (self->new_text);

  G_OBJECT_CLASS (cs_edit_instruction_parent_class)->finalize (object);
}

static void
cs_edit_instruction_class_init (CsEditInstructionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_instruction_dispose;
  object_class->finalize = cs_edit_instruction_finalize;

  edit_class->apply = cs_edit_instruction_apply;
  edit_class->revert = cs_edit_instruction_revert;
  edit_class->merge = cs_edit_instruction_merge;
}

static void
cs_edit_instruction_init (CsEditInstruction *self)
{
}

CsEdit *
cs_edit_instruction_new (CsScene    *scene,
                         const char *persona_id,
                         const char *text)
{
  CsEditInstruction *self;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (persona_id != NULL, NULL);

  self = g_object_new (CS_TYPE_EDIT_INSTRUCTION, "label", _("Edit Persona Instruction"), NULL);
  self->scene = g_object_ref (scene);
  self->persona_id = g_strdup (persona_id);
  self->old_text = g_strdup (cs_scene_get_persona_instruction (scene, persona_id));
  self->new_text = g_strdup (text);
  return CS_EDIT (self);
}

const char *
cs_edit_instruction_get_persona_id (CsEditInstruction *self)
{
  g_return_val_if_fail (CS_IS_EDIT_INSTRUCTION (self), NULL);

  return self->persona_id;
}
