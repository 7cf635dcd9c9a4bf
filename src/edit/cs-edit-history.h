/* cs-edit-history.h: the undo and redo stacks of one scenario being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_HISTORY (cs_edit_history_get_type ())
G_DECLARE_FINAL_TYPE (CsEditHistory, cs_edit_history, CS, EDIT_HISTORY, GObject)

/* Properties (all with notify):
 *   "scenario"    CsScenario (construct-only)
 *   "can-undo"    boolean
 *   "can-redo"    boolean
 *   "undo-label"  string or NULL: the label of the edit undo would take back
 *   "redo-label"  string or NULL
 * Signal "changed" (CsEdit *edit): after an edit was applied, undone or redone; the
 * scenario is in its new state (connect autosave here).
 *
 * An edit that merges into the last one (typing in the same field) makes no new undo
 * step; cs_edit_history_seal() ends merging (the editor calls it when the focus leaves a
 * field). Undo and redo seal too. */
CsEditHistory *cs_edit_history_new            (CsScenario    *scenario);
CsScenario    *cs_edit_history_get_scenario   (CsEditHistory *self);
/* Applies @edit (transfer full) to the scenario and records it; clears the redo stack. */
void           cs_edit_history_apply          (CsEditHistory *self,
                                               CsEdit        *edit);
gboolean       cs_edit_history_undo           (CsEditHistory *self);
gboolean       cs_edit_history_redo           (CsEditHistory *self);
void           cs_edit_history_seal           (CsEditHistory *self);
gboolean       cs_edit_history_get_can_undo   (CsEditHistory *self);
gboolean       cs_edit_history_get_can_redo   (CsEditHistory *self);
const char    *cs_edit_history_get_undo_label (CsEditHistory *self);
const char    *cs_edit_history_get_redo_label (CsEditHistory *self);
guint          cs_edit_history_get_n_undo     (CsEditHistory *self);
/* The edit undo would take back, or NULL. */
CsEdit        *cs_edit_history_get_undo_edit  (CsEditHistory *self);
/* "Undo Delete Scene": for the toast or the menu; NULL when there is nothing to undo. */
char          *cs_edit_history_dup_undo_text  (CsEditHistory *self);

G_END_DECLS
