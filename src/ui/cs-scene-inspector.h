/* cs-scene-inspector.h: the fields of the scene selected on the board, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_INSPECTOR (cs_scene_inspector_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneInspector, cs_scene_inspector, CS, SCENE_INSPECTOR, GtkWidget)

/* Properties: "history" (CsEditHistory or NULL: every change goes through it), "scene"
 * (CsScene or NULL: "No Scene Selected"), "store" (CsStore or NULL: where chosen images are
 * kept; without one no image can be chosen).
 * Title, description, student's goal, setting, goal criteria (text and weight, with their
 * sum), success threshold, turn limit, attempts, hint triggers, what each persona in the
 * scene is told, and an image (chosen or dropped; copied into the library). */
GtkWidget     *cs_scene_inspector_new          (void);
CsScene       *cs_scene_inspector_get_scene    (CsSceneInspector *self);
void           cs_scene_inspector_set_scene    (CsSceneInspector *self,
                                                CsScene          *scene);
CsEditHistory *cs_scene_inspector_get_history  (CsSceneInspector *self);
void           cs_scene_inspector_set_history  (CsSceneInspector *self,
                                                CsEditHistory    *history);
void           cs_scene_inspector_set_store    (CsSceneInspector *self,
                                                CsStore          *store);
/* The problems of the whole case (CsProblem, from cs_scenario_check()): those of the shown
 * scene are listed at the top and marked on their fields. */
void           cs_scene_inspector_set_problems (CsSceneInspector *self,
                                                GListModel       *problems);
/* Moves the focus to the field of @path ("scenes[1].goal_criteria[0].text"). */
void           cs_scene_inspector_focus_path   (CsSceneInspector *self,
                                                const char       *path);
/* Copies @file into the library and makes it the scene's image (as a drop does); a file
 * that is not an image is refused with a toast. */
void           cs_scene_inspector_set_image_file (CsSceneInspector *self,
                                                  GFile            *file);
/* "Weights add up to 100 %" as shown under the criteria. */
const char    *cs_scene_inspector_get_weights_text (CsSceneInspector *self);

G_END_DECLS
