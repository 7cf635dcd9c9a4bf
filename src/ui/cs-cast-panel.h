/* cs-cast-panel.h: the personas of a case, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-edit-all.h"
#include "cs-store.h"
#include "cs-persona-editor.h"

G_BEGIN_DECLS

#define CS_TYPE_CAST_PANEL (cs_cast_panel_get_type ())
G_DECLARE_FINAL_TYPE (CsCastPanel, cs_cast_panel, CS, CAST_PANEL, GtkWidget)

/* Properties: "history" (CsEditHistory or NULL: the scenario is its scenario; every edit
 * goes through it, so whoever saves on its "changed" saves the cast too), "store" (CsStore
 * or NULL: where chosen avatar images are copied).
 * The personas as a list with avatars (each row can be dragged onto a scene card: it
 * offers the CsPersona); the selected one in a CsPersonaEditor beside it (a leaflet that
 * folds on narrow windows); an empty state when the case has none.
 * Actions: cast.add-persona (Ctrl+Shift+N), cast.delete-persona (Delete; a toast offers
 * Undo), cast.undo (Ctrl+Z), cast.redo (Ctrl+Shift+Z). */
GtkWidget       *cs_cast_panel_new          (void);
CsEditHistory   *cs_cast_panel_get_history  (CsCastPanel   *self);
void             cs_cast_panel_set_history  (CsCastPanel   *self,
                                             CsEditHistory *history);
void             cs_cast_panel_set_store    (CsCastPanel   *self,
                                             CsStore       *store);
/* The selected persona's position, GTK_INVALID_LIST_POSITION when none. */
guint            cs_cast_panel_get_selected (CsCastPanel   *self);
void             cs_cast_panel_select       (CsCastPanel   *self,
                                             guint          position);
CsPersonaEditor *cs_cast_panel_get_editor   (CsCastPanel   *self);

G_END_DECLS
