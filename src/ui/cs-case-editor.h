/* cs-case-editor.h: the case's own fields (title, challenge, catalogue data, learning
 * outcomes), edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-edit-all.h"

G_BEGIN_DECLS

#define CS_TYPE_CASE_EDITOR (cs_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (CsCaseEditor, cs_case_editor, CS, CASE_EDITOR, GtkWidget)

/* Property "history" (CsEditHistory or NULL): the case edited is its scenario, and every
 * change goes through it. Learning outcomes are a list: add, remove, and reorder with the
 * rows' buttons or Alt+Up / Alt+Down. */
GtkWidget     *cs_case_editor_new         (void);
CsEditHistory *cs_case_editor_get_history (CsCaseEditor  *self);
void           cs_case_editor_set_history (CsCaseEditor  *self,
                                           CsEditHistory *history);

G_END_DECLS
