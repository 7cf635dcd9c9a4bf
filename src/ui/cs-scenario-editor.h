/* cs-scenario-editor.h: the editor page: scene board with the inspector beside it, the
 * case's own fields, the problems that block publishing, and test play
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-case-editor.h"
#include "cs-scene-board.h"
#include "cs-scene-inspector.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENARIO_EDITOR (cs_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (CsScenarioEditor, cs_scenario_editor, CS, SCENARIO_EDITOR, GtkWidget)

/* Properties: "scenario" (CsScenario or NULL), "store" (CsStore or NULL: autosave and scene
 * images), "n-problems" (uint, read-only: how many problems block publishing; notified
 * after every edit, undo and redo).
 * The pages "scenes" and "case" are in an AdwViewStack; every field edits through the
 * board's CsEditHistory, so editor.undo (Ctrl+Z) and editor.redo (Ctrl+Shift+Z) take back
 * edits from anywhere in the editor. */
CsScenario       *cs_scenario_editor_get_scenario    (CsScenarioEditor *self);
void              cs_scenario_editor_set_scenario    (CsScenarioEditor *self,
                                                      CsScenario       *scenario);
void              cs_scenario_editor_set_store       (CsScenarioEditor *self,
                                                      CsStore          *store);
CsSceneBoard     *cs_scenario_editor_get_board       (CsScenarioEditor *self);
CsSceneInspector *cs_scenario_editor_get_inspector   (CsScenarioEditor *self);
CsCaseEditor     *cs_scenario_editor_get_case_editor (CsScenarioEditor *self);
/* The problems as listed in the Problems popover (CsProblem). */
GListModel       *cs_scenario_editor_get_problems    (CsScenarioEditor *self);
guint             cs_scenario_editor_get_n_problems  (CsScenarioEditor *self);
/* "scenes" or "case" */
void              cs_scenario_editor_show_page       (CsScenarioEditor *self,
                                                      const char       *name);
/* Goes to the place of a problem: its scene and field ("scenes[1].goal_criteria[0].text"). */
void              cs_scenario_editor_show_problem    (CsScenarioEditor *self,
                                                      const char       *path);

G_END_DECLS
