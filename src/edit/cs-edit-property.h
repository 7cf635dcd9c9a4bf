/* cs-edit-property.h: set one property of a scenario, persona, scene or criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_PROPERTY (cs_edit_property_get_type ())
G_DECLARE_FINAL_TYPE (CsEditProperty, cs_edit_property, CS, EDIT_PROPERTY, CsEdit)

/* @object is a CsScenario, CsPersona, CsScene or CsGoalCriterion; the old value is read
 * when the edit is made. Consecutive edits of the same string, number or string list
 * property of the same object merge into one undo step (typing, dragging a slider, typing
 * in one item of a list: seal the history before adding or removing an item). */
CsEdit     *cs_edit_property_new        (gpointer        object,
                                         const char     *property,
                                         const GValue   *value);
CsEdit     *cs_edit_property_new_string (gpointer        object,
                                         const char     *property,
                                         const char     *value);
CsEdit     *cs_edit_property_new_double (gpointer        object,
                                         const char     *property,
                                         double          value);
CsEdit     *cs_edit_property_new_int    (gpointer        object,
                                         const char     *property,
                                         int             value);
GObject    *cs_edit_property_get_object (CsEditProperty *self);
const char *cs_edit_property_get_name   (CsEditProperty *self);

G_END_DECLS
