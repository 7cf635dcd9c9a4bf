/* cs-assign-dialog.h: assign one of the instructor's published cases to a cohort, with a
 * due date and whether it is required
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_ASSIGN_DIALOG (cs_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CsAssignDialog, cs_assign_dialog, CS, ASSIGN_DIALOG, AdwWindow)

/* Lists the published cases on the server's worker; emits "assigned" (the case's title)
 * and closes once the server took the assignment. The due date is the end of the chosen
 * day, local time. */
CsAssignDialog *cs_assign_dialog_new       (GtkWindow      *parent,
                                            CsServer       *server,
                                            const char     *cohort_id);
/* The number of cases offered (0 until listed). */
guint           cs_assign_dialog_get_n_cases (CsAssignDialog *self);

G_END_DECLS
