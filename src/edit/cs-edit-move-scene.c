/* cs-edit-move-scene.c: move a scene to another place in the story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-move-scene.h"

struct _CsEditMoveScene
{
  CsEdit parent_instance;

  guint  from;
  guint  to;
};

G_DEFINE_FINAL_TYPE (CsEditMoveScene, cs_edit_move_scene, CS_TYPE_EDIT)

static void
cs_edit_move_scene_apply (CsEdit     *edit,
                          CsScenario *scenario)
{
  CsEditMoveScene *self = CS_EDIT_MOVE_SCENE (edit);

  if (!cs_scenario_move_scene (scenario, self->from, self->to))
    g_critical ("Cannot move scene %u to %u", self->from, self->to);
}

static void
cs_edit_move_scene_revert (CsEdit     *edit,
                           CsScenario *scenario)
{
  CsEditMoveScene *self = CS_EDIT_MOVE_SCENE (edit);

  if (!cs_scenario_move_scene (scenario, self->to, self->from))
    g_critical ("Cannot move scene %u back to %u", self->to, self->from);
}

static void
cs_edit_move_scene_class_init (CsEditMoveSceneClass *klass)
{
  CsEditClass *edit_class = CS_EDIT_CLASS (klass);

  edit_class->apply = cs_edit_move_scene_apply;
  edit_class->revert = cs_edit_move_scene_revert;
}

static void
cs_edit_move_scene_init (CsEditMoveScene *self)
{
}

CsEdit *
cs_edit_move_scene_new (guint from,
                        guint to)
{
  CsEditMoveScene *self;

  self = g_object_new (CS_TYPE_EDIT_MOVE_SCENE, "label", _("Move Scene"), NULL);
  self->from = from;
  self->to = to;
  return CS_EDIT (self);
}
