/* cs-edit-add-persona.c: add a persona to the cast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-add-persona.h"

struct _CsEditAddPersona
{
  CsEdit     parent_instance;

  CsPersona *persona;
  guint      position;
};

G_DEFINE_FINAL_TYPE (CsEditAddPersona, cs_edit_add_persona, CS_TYPE_EDIT)

static void
cs_edit_add_persona_apply (CsEdit     *edit,
                           CsScenario *scenario)
{
  CsEditAddPersona *self = CS_EDIT_ADD_PERSONA (edit);
  guint n = cs_scenario_get_n_personas (scenario);

  cs_scenario_insert_persona (scenario, MIN (self->position, n), self->persona);
}

static void
cs_edit_add_persona_revert (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditAddPersona *self = CS_EDIT_ADD_PERSONA (edit);

  if (!cs_scenario_remove_persona (scenario, cs_record_get_id (CS_RECORD (self->persona))))
    g_critical ("Cannot take back the added persona");
}

static void
cs_edit_add_persona_dispose (GObject *object)
{
  CsEditAddPersona *self = CS_EDIT_ADD_PERSONA (object);

  g_clear_object (&self->persona);

  G_OBJECT_CLASS (cs_edit_add_persona_parent_class)->dispose (object);
}

static void
cs_edit_add_persona_class_init (CsEditAddPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_add_persona_dispose;

  edit_class->apply = cs_edit_add_persona_apply;
  edit_class->revert = cs_edit_add_persona_revert;
}

static void
cs_edit_add_persona_init (CsEditAddPersona *self)
{
}

CsEdit *
cs_edit_add_persona_new (CsPersona *persona,
                         guint      position)
{
  CsEditAddPersona *self;

  g_return_val_if_fail (CS_IS_PERSONA (persona), NULL);

  self = g_object_new (CS_TYPE_EDIT_ADD_PERSONA, "label", _("Add Persona"), NULL);
  self->persona = g_object_ref (persona);
  self->position = position;
  return CS_EDIT (self);
}

CsPersona *
cs_edit_add_persona_get_persona (CsEditAddPersona *self)
{
  g_return_val_if_fail (CS_IS_EDIT_ADD_PERSONA (self), NULL);

  return self->persona;
}
