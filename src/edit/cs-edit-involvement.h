/* cs-edit-involvement.h: involve a persona in a scene, change how, or remove it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"

G_BEGIN_DECLS

#define CS_TYPE_EDIT_INVOLVEMENT (cs_edit_involvement_get_type ())
G_DECLARE_FINAL_TYPE (CsEditInvolvement, cs_edit_involvement, CS, EDIT_INVOLVEMENT, CsEdit)

CsEdit *cs_edit_involvement_new_set    (CsScene       *scene,
                                        const char    *persona_id,
                                        CsInvolvement  involvement);
CsEdit *cs_edit_involvement_new_remove (CsScene       *scene,
                                        const char    *persona_id);

G_END_DECLS
