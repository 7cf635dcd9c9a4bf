/* cs-edit-insert-scene.h: add a new or duplicated scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_INSERT_SCENE (cs_edit_insert_scene_get_type ())
G_DECLARE_FINAL_TYPE (CsEditInsertScene, cs_edit_insert_scene, CS, EDIT_INSERT_SCENE, CsEdit)

/* Inserts @scene (not yet in the scenario) at @position. */
CsEdit  *cs_edit_add_scene_new            (CsScene           *scene,
                                           guint              position);
/* Inserts a copy of @scene (with new ids) right after it. */
CsEdit  *cs_edit_duplicate_scene_new      (CsScene           *scene);
CsScene *cs_edit_insert_scene_get_scene   (CsEditInsertScene *self);

G_END_DECLS
