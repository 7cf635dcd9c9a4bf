/* cs-scene-board.h: the scenes of a case as cards in story order, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-edit-all.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_BOARD (cs_scene_board_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneBoard, cs_scene_board, CS, SCENE_BOARD, GtkWidget)

/* Properties: "scenario" (CsScenario or NULL), "store" (CsStore or NULL: every edit, undo
 * and redo is saved to it), "history" (CsEditHistory, read-only: a new one per scenario),
 * "selected-scene" (CsScene or NULL, read-only: the selected card's scene).
 * Actions: board.move-up (Alt+Up), board.move-down (Alt+Down), board.add-scene
 * (Ctrl+Shift+N, after the selected card), board.duplicate-scene (Ctrl+D),
 * board.delete-scene (Delete; a toast offers Undo), board.undo (Ctrl+Z),
 * board.redo (Ctrl+Shift+Z).
 * Drag and drop: a card dragged onto the left or right half of another card moves its
 * scene before or after it; a CsPersona dropped on a card (from the cast) opens a menu
 * asking how it takes part (board.involve with "key", "participant", "mentioned" or, when
 * it is already in the scene, "remove"); choosing its current involvement changes nothing. */
CsScenario    *cs_scene_board_get_scenario     (CsSceneBoard *self);
void           cs_scene_board_set_scenario     (CsSceneBoard *self,
                                                CsScenario   *scenario);
void           cs_scene_board_set_store        (CsSceneBoard *self,
                                                CsStore      *store);
CsEditHistory *cs_scene_board_get_history      (CsSceneBoard *self);
/* The selected card's position, GTK_INVALID_LIST_POSITION when none. */
guint          cs_scene_board_get_selected     (CsSceneBoard *self);
void           cs_scene_board_select           (CsSceneBoard *self,
                                                guint         position);
/* Saves still being written to the store. */
guint          cs_scene_board_get_n_saving     (CsSceneBoard *self);

G_END_DECLS
