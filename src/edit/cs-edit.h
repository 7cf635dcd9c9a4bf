/* cs-edit.h: one undoable change of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT (cs_edit_get_type ())
G_DECLARE_DERIVABLE_TYPE (CsEdit, cs_edit, CS, EDIT, GObject)

/* apply() makes the change, revert() takes it back; both run only in history order, so an
 * edit may rely on the scenario being exactly as it left it. merge() may absorb the next
 * edit (typing in one field) and returns TRUE when it did. */
struct _CsEditClass
{
  GObjectClass parent_class;

  void     (*apply)  (CsEdit     *self,
                      CsScenario *scenario);
  void     (*revert) (CsEdit     *self,
                      CsScenario *scenario);
  gboolean (*merge)  (CsEdit     *self,
                      CsEdit     *next);

  gpointer padding[4];
};

/* Properties: "label" (string, construct-only): what the edit does, for "Undo %s". */
const char *cs_edit_get_label (CsEdit     *self);
void        cs_edit_apply     (CsEdit     *self,
                               CsScenario *scenario);
void        cs_edit_revert    (CsEdit     *self,
                               CsScenario *scenario);
gboolean    cs_edit_merge     (CsEdit     *self,
                               CsEdit     *next);

G_END_DECLS
