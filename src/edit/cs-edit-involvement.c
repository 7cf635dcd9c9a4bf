/* cs-edit-involvement.c: involve a persona in a scene, change how, or remove it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-involvement.h"

struct _CsEditInvolvement
{
  CsEdit         parent_instance;

  CsScene       *scene;
  char          *persona_id;
  gboolean       remove;
  CsInvolvement  involvement;
  /* Before apply: the entry's index (-1 when not involved) and its involvement. */
  int            old_index;
  CsInvolvement  old_involvement;
};

G_DEFINE_FINAL_TYPE (CsEditInvolvement, cs_edit_involvement, CS_TYPE_EDIT)

static void
cs_edit_involvement_apply (CsEdit     *edit,
                           CsScenario *scenario)
{
  CsEditInvolvement *self = CS_EDIT_INVOLVEMENT (edit);

  self->old_index = cs_scene_get_involvement_index (self->scene, self->persona_id);
  cs_scene_get_involvement (self->scene, self->persona_id, &self->old_involvement);

  if (self->remove)
    cs_scene_remove_involvement (self->scene, self->persona_id);
  else
    cs_scene_set_involvement (self->scene, self->persona_id, self->involvement);
}

static void
cs_edit_involvement_revert (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditInvolvement *self = CS_EDIT_INVOLVEMENT (edit);

  if (self->old_index < 0)
    cs_scene_remove_involvement (self->scene, self->persona_id);
  else if (cs_scene_get_involvement_index (self->scene, self->persona_id) >= 0)
    cs_scene_set_involvement (self->scene, self->persona_id, self->old_involvement);
  else
    cs_scene_insert_involvement (self->scene, (guint) self->old_index, self->persona_id,
                                 self->old_involvement);
}

static void
cs_edit_involvement_dispose (GObject *object)
{
  CsEditInvolvement *self = CS_EDIT_INVOLVEMENT (object);

  g_clear_object (&self->scene);

  G_OBJECT_CLASS (cs_edit_involvement_parent_class)->dispose (object);
}

static void
cs_edit_involvement_finalize (GObject *object)
{
  CsEditInvolvement *self = CS_EDIT_INVOLVEMENT (object);

  g_free (self->persona_id);

  G_OBJECT_CLASS (cs_edit_involvement_parent_class)->finalize (object);
}

static void
cs_edit_involvement_class_init (CsEditInvolvementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_involvement_dispose;
  object_class->finalize = cs_edit_involvement_finalize;

  edit_class->apply = cs_edit_involvement_apply;
  edit_class->revert = cs_edit_involvement_revert;
}

static void
cs_edit_involvement_init (CsEditInvolvement *self)
{
  self->old_index = -1;
}

static CsEdit *
involvement_new (CsScene       *scene,
                 const char    *persona_id,
                 gboolean       remove,
                 CsInvolvement  involvement,
                 const char    *label)
{
  CsEditInvolvement *self;

  self = g_object_new (CS_TYPE_EDIT_INVOLVEMENT, "label", label, NULL);
  self->scene = g_object_ref (scene);
  self->persona_id = g_strdup (persona_id);
  self->remove = remove;
  self->involvement = involvement;
  return CS_EDIT (self);
}

CsEdit *
cs_edit_involvement_new_set (CsScene       *scene,
                             const char    *persona_id,
                             CsInvolvement  involvement)
{
  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (persona_id != NULL && *persona_id != '\0', NULL);

  return involvement_new (scene, persona_id, FALSE, involvement,
                          cs_scene_get_involvement_index (scene, persona_id) < 0
                          ? _("Involve Persona") : _("Change Involvement"));
}

CsEdit *
cs_edit_involvement_new_remove (CsScene    *scene,
                                const char *persona_id)
{
  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (persona_id != NULL, NULL);

  return involvement_new (scene, persona_id, TRUE, CS_INVOLVEMENT_PARTICIPANT,
                          _("Remove Persona from Scene"));
}
