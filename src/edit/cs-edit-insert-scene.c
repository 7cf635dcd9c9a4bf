/* cs-edit-insert-scene.c: add a new or duplicated scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-insert-scene.h"
#include "cs-scene-copy.h"

struct _CsEditInsertScene
{
  CsEdit   parent_instance;

  CsScene *scene;
  guint    position;
};

G_DEFINE_FINAL_TYPE (CsEditInsertScene, cs_edit_insert_scene, CS_TYPE_EDIT)

static void
cs_edit_insert_scene_apply (CsEdit     *edit,
                            CsScenario *scenario)
{
  CsEditInsertScene *self = CS_EDIT_INSERT_SCENE (edit);

  cs_scenario_insert_scene (scenario, self->position, self->scene);
}

static void
cs_edit_insert_scene_revert (CsEdit     *edit,
                             CsScenario *scenario)
{
  CsEditInsertScene *self = CS_EDIT_INSERT_SCENE (edit);

  cs_scenario_remove_scene (scenario, cs_record_get_id (CS_RECORD (self->scene)));
}

static void
cs_edit_insert_scene_dispose (GObject *object)
{
  CsEditInsertScene *self = CS_EDIT_INSERT_SCENE (object);

  g_clear_object (&self->scene);

  G_OBJECT_CLASS (cs_edit_insert_scene_parent_class)->dispose (object);
}

static void
cs_edit_insert_scene_class_init (CsEditInsertSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  object_class->dispose = cs_edit_insert_scene_dispose;

  edit_class->apply = cs_edit_insert_scene_apply;
  edit_class->revert = cs_edit_insert_scene_revert;
}

static void
cs_edit_insert_scene_init (CsEditInsertScene *self)
{
}

static CsEdit *
insert_new (CsScene    *scene,
            guint       position,
            const char *label)
{
  CsEditInsertScene *self;

  self = g_object_new (CS_TYPE_EDIT_INSERT_SCENE, "label", label, NULL);
  self->scene = g_object_ref (scene);
  self->position = position;
  return CS_EDIT (self);
}

CsEdit *
cs_edit_add_scene_new (CsScene *scene,
                       guint    position)
{
  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);

  return insert_new (scene, position, _("Add Scene"));
}

CsEdit *
cs_edit_duplicate_scene_new (CsScene *scene)
{
  g_autoptr(CsScene) copy = NULL;

  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);

  copy = cs_scene_copy (scene);
  return insert_new (copy, cs_scene_get_position (scene) + 1, _("Duplicate Scene"));
}

CsScene *
cs_edit_insert_scene_get_scene (CsEditInsertScene *self)
{
  g_return_val_if_fail (CS_IS_EDIT_INSERT_SCENE (self), NULL);

  return self->scene;
}
