/* cs-dashboard-student.h: a row of the dashboard: one student and their cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-dashboard-cell.h"

G_BEGIN_DECLS

#define CS_TYPE_DASHBOARD_STUDENT (cs_dashboard_student_get_type ())
G_DECLARE_FINAL_TYPE (CsDashboardStudent, cs_dashboard_student, CS, DASHBOARD_STUDENT, GObject)

CsDashboardStudent *cs_dashboard_student_new            (const char         *id,
                                                         const char         *name,
                                                         const char         *login);
const char         *cs_dashboard_student_get_id         (CsDashboardStudent *self);
const char         *cs_dashboard_student_get_name       (CsDashboardStudent *self);
const char         *cs_dashboard_student_get_login      (CsDashboardStudent *self);

/* Cells in the order of the dashboard's assignments (one each). */
void                cs_dashboard_student_add_cell       (CsDashboardStudent *self,
                                                         CsDashboardCell    *cell);
guint               cs_dashboard_student_get_n_cells    (CsDashboardStudent *self);
CsDashboardCell    *cs_dashboard_student_get_cell       (CsDashboardStudent *self,
                                                         guint               assignment);
/* The mean progress over the assignments, 0..1 (0 without any). */
double              cs_dashboard_student_get_completion (CsDashboardStudent *self);

G_END_DECLS
