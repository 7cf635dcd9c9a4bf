/* cs-persona-editor.h: edit one persona of a case, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-edit-all.h"
#include "cs-store.h"

#include "cs-persona-scenes.h"

G_BEGIN_DECLS

#define CS_TYPE_PERSONA_EDITOR (cs_persona_editor_get_type ())
G_DECLARE_FINAL_TYPE (CsPersonaEditor, cs_persona_editor, CS, PERSONA_EDITOR, GtkWidget)

/* Properties:
 *   "history"  CsEditHistory or NULL: every change is applied through it (typing in one
 *              field, dragging one slider is one undo step; leaving a field seals it)
 *   "persona"  CsPersona or NULL: a persona of the history's scenario
 *   "store"    CsStore or NULL: a chosen avatar image is copied into the folder of its
 *              library (without a store, images cannot be chosen)
 * Name, role, relation to the student, background, goals (a list: add, edit, remove),
 * avatar image, and the personality traits as sliders 0..10 beside a CsTraitRadar; a new
 * trait is added by name. The fields follow the persona's changes (undo, redo). */
GtkWidget *cs_persona_editor_new         (void);
void       cs_persona_editor_set_history (CsPersonaEditor *self,
                                          CsEditHistory   *history);
void       cs_persona_editor_set_persona (CsPersonaEditor *self,
                                          CsPersona       *persona);
CsPersona *cs_persona_editor_get_persona (CsPersonaEditor *self);
/* The "Appears In" group: the scenes this persona is in, chosen from the keyboard. */
CsPersonaScenes *cs_persona_editor_get_scenes (CsPersonaEditor *self);
void       cs_persona_editor_set_store   (CsPersonaEditor *self,
                                          CsStore         *store);
/* The slider of trait @name, or NULL (for tests and keyboard focus). */
GtkRange  *cs_persona_editor_get_trait_slider (CsPersonaEditor *self,
                                               const char      *name);
/* Copies the image file @file into the library and makes it the avatar (what the file
 * chooser does; a file that is not an image shows a toast and changes nothing). */
void       cs_persona_editor_set_image_file   (CsPersonaEditor *self,
                                               GFile           *file);

G_END_DECLS
