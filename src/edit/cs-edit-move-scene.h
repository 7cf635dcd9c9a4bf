/* cs-edit-move-scene.h: move a scene to another place in the story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_MOVE_SCENE (cs_edit_move_scene_get_type ())
G_DECLARE_FINAL_TYPE (CsEditMoveScene, cs_edit_move_scene, CS, EDIT_MOVE_SCENE, CsEdit)

/* Positions as for cs_scenario_move_scene(); both must be in range when applied. */
CsEdit *cs_edit_move_scene_new (guint from,
                                guint to);

G_END_DECLS
