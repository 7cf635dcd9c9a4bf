/* cs-edit-remove-scene.h: delete a scene; undo puts it back as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_REMOVE_SCENE (cs_edit_remove_scene_get_type ())
G_DECLARE_FINAL_TYPE (CsEditRemoveScene, cs_edit_remove_scene, CS, EDIT_REMOVE_SCENE, CsEdit)

/* The scene keeps its criteria, involvement and instructions while it is out of the
 * scenario; undo inserts the same object at the position it had. */
CsEdit *cs_edit_remove_scene_new (CsScene *scene);

G_END_DECLS
