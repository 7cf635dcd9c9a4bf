/* cs-student-page.h: what a student sees of one of their cohorts: the assignments, due
 * dates, how far they are and their grades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-dashboard.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_STUDENT_PAGE (cs_student_page_get_type ())
G_DECLARE_FINAL_TYPE (CsStudentPage, cs_student_page, CS, STUDENT_PAGE, AdwBin)

/* Shows @dashboard (loaded as the student: their own row only), following its reloads. */
void         cs_student_page_set_dashboard (CsStudentPage *self,
                                            CsDashboard   *dashboard);
/* Selects the row of the assignment @assignment_id (now, or once loaded) and focuses it. */
void         cs_student_page_show_assignment (CsStudentPage *self,
                                              const char    *assignment_id);
/* The assignment of the selected row, or NULL. */
const char  *cs_student_page_get_shown_assignment (CsStudentPage *self);
/* The student's local library, where their runs are: with one, "student.open-run" (the
 * assignment's position, "u") opens the run of an assignment read-only (CsRunView). */
void         cs_student_page_set_store     (CsStudentPage *self,
                                            CsStore       *store);
/* The status word of each row, in order ("Late", "Completed", …), for tests. */
char        *cs_student_page_dup_summary   (CsStudentPage *self);

/* "Not Started", "In Progress", "Completed" or "Late", translated. */
const char  *cs_student_page_status_label  (CsDashboardStatus status,
                                            gboolean          late);

G_END_DECLS
