/* cs-edit-remove-scene.c: delete a scene; undo puts it back as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-remove-scene.h"

struct _CsEditRemoveScene
{
  CsEdit   parent_instance;

  CsScene *scene;
  guint    position;
};

G_DEFINE_FINAL_TYPE (CsEditRemoveScene, cs_edit_remove_scene, CS_TYPE_EDIT)

static void
cs_edit_remove_scene_apply (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditRemoveScene *self = CS_EDIT_REMOVE_SCENE (edit);

  self->position = cs_scene_get_position (self->scene);
  if (!cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (self->scene))))
    g_critical ("Scene %s is not in the scenario", cs_record_get_id (CS_RECORD (self->scene)));
}

static void
cs_edit_remove_scene_revert (CsEdit     *edit,
                             CsScenario *scenario)
{
  CsEditRemoveScene *self = CS_EDIT_REMOVE_SCENE (edit);

  cs_scenario_insert_scene (scenario, self->position, self->scene);
}

static void
cs_edit_remove_scene_dispose (GObject *object)
{
  CsEditRemoveScene *self = CS_EDIT_REMOVE_SCENE (object);

  g_clear_object (&self->scene);

  G_OBJECT_CLASS (cs_edit_remove_scene_parent_class)->dispose (object);
}

static void
cs_edit_remove_scene_class_init (CsEditRemoveSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_remove_scene_dispose;

  edit_class->apply = cs_edit_remove_scene_apply;
  edit_class->revert = cs_edit_remove_scene_revert;
}

static void
cs_edit_remove_scene_init (CsEditRemoveScene *self)
{
}

CsEdit *
cs_edit_remove_scene_new (CsScene *scene)
{
  CsEditRemoveScene *self;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);

  self = g_object_new (CS_TYPE_EDIT_REMOVE_SCENE, "label", _("Delete Scene"), NULL);
  self->scene = g_object_ref (scene);
  return CS_EDIT (self);
}
