/* cs-students-group.h: the approved students of a cohort, each with a button that takes
 * them out of it (their work is kept; the toast can undo it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_STUDENTS_GROUP (cs_students_group_get_type ())
G_DECLARE_FINAL_TYPE (CsStudentsGroup, cs_students_group, CS, STUDENTS_GROUP, AdwPreferencesGroup)

/* Lists the approved students of @cohort_id on @server (NULL: nothing). Emits "changed"
 * after a student was taken out or brought back. */
void        cs_students_group_set_cohort (CsStudentsGroup *self,
                                          CsServer        *server,
                                          const char      *cohort_id);
/* For tests: the rows; each has its enrolment id as data "enrolment" and its remove
 * button as "remove". */
GtkListBox *cs_students_group_get_list   (CsStudentsGroup *self);

G_END_DECLS
