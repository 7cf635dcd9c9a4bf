/* cs-cohort-dialog.h: create a cohort, or change the title, course code, semester and
 * approval of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-enrolment.h"

G_BEGIN_DECLS

#define CS_TYPE_COHORT_DIALOG (cs_cohort_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CsCohortDialog, cs_cohort_dialog, CS, COHORT_DIALOG, AdwWindow)

/* @info NULL: a new cohort. Emits "saved" (the cohort's id) and closes once the server took
 * it; an error of the server stays in the dialog, with what was typed. */
CsCohortDialog *cs_cohort_dialog_new (GtkWindow          *parent,
                                      CsServer           *server,
                                      const CsCohortInfo *info);

G_END_DECLS
