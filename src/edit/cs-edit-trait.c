/* cs-edit-trait.c: set one personality trait of a persona
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-trait.h"

struct _CsEditTrait
{
  CsEdit     parent_instance;

  CsPersona *persona;
  char      *name;
  int        old_value;  /* -1: the persona did not have the trait */
  int        new_value;
};

G_DEFINE_FINAL_TYPE (CsEditTrait, cs_edit_trait, CS_TYPE_EDIT)

static void
cs_edit_trait_apply (CsEdit     *edit,
                     CsScenario *scenario)
{
  CsEditTrait *self = CS_EDIT_TRAIT (edit);

  if (!cs_persona_set_trait (self->persona, self->name, self->new_value))
    g_critical ("Cannot set trait %s to %d", self->name, self->new_value);
}

static void
cs_edit_trait_revert (CsEdit     *edit,
                      CsScenario *scenario)
{
  CsEditTrait *self = CS_EDIT_TRAIT (edit);

  if (self->old_value < 0)
    cs_persona_remove_trait (self->persona, self->name);
  else
    cs_persona_set_trait (self->persona, self->name, self->old_value);
}

static gboolean
cs_edit_trait_merge (CsEdit *edit,
                     CsEdit *next)
{
  CsEditTrait *self = CS_EDIT_TRAIT (edit);
  CsEditTrait *other;

  if (!CS_IS_EDIT_TRAIT (next))
    return FALSE;

  other = CS_EDIT_TRAIT (next);
  if (other->persona != self->persona || g_strcmp0 (other->name, self->name) != 0)
    return FALSE;

  self->new_value = other->new_value;
  return TRUE;
}

static void
cs_edit_trait_dispose (GObject *object)
{
  CsEditTrait *self = CS_EDIT_TRAIT (object);

  g_clear_object (&self->persona);

  G_OBJECT_CLASS (cs_edit_trait_parent_class)->dispose (object);
}

static void
cs_edit_trait_finalize (GObject *object)
{
  CsEditTrait *self = CS_EDIT_TRAIT (object);

  g_free (self->name);

  G_OBJECT_CLASS (cs_edit_trait_parent_class)->finalize (object);
}

static void
cs_edit_trait_class_init (CsEditTraitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_trait_dispose;
  object_class->finalize = cs_edit_trait_finalize;

  edit_class->apply = cs_edit_trait_apply;
  edit_class->revert = cs_edit_trait_revert;
  edit_class->merge = cs_edit_trait_merge;
}

static void
cs_edit_trait_init (CsEditTrait *self)
{
}

CsEdit *
cs_edit_trait_new (CsPersona  *persona,
                   const char *name,
                   int         value)
{
  CsEditTrait *self;

  g_return_val_if_fail (CS_IS_PERSONA (persona), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (value >= CS_TRAIT_MIN && value <= CS_TRAIT_MAX, NULL);

  self = g_object_new (CS_TYPE_EDIT_TRAIT, "label", _("Edit Persona"), NULL);
  self->persona = g_object_ref (persona);
  self->name = g_strdup (name);
  self->old_value = cs_persona_get_trait (persona, name);
  self->new_value = value;
  return CS_EDIT (self);
}
