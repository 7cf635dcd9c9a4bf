/* cs-dashboard-page.h: the dashboard of one cohort: header figures, the student ×
 * assignment matrix, charts, grade overrides and the CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-dashboard.h"

G_BEGIN_DECLS

#define CS_TYPE_DASHBOARD_PAGE (cs_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (CsDashboardPage, cs_dashboard_page, CS, DASHBOARD_PAGE, GtkWidget)

GtkWidget   *cs_dashboard_page_new           (void);
/* Shows @dashboard (loading it now) or nothing (NULL). */
void         cs_dashboard_page_set_dashboard (CsDashboardPage *self,
                                              CsDashboard     *dashboard);
CsDashboard *cs_dashboard_page_get_dashboard (CsDashboardPage *self);

/* For tests: the rows as shown (sorted and filtered; CsDashboardStudent), the column view
 * and the filter entry. */
GListModel  *cs_dashboard_page_get_rows      (CsDashboardPage *self);
GtkColumnView *cs_dashboard_page_get_matrix  (CsDashboardPage *self);
/* Sorts the matrix by @column (one of its columns), as a click on its header would, with
 * the sort arrow on that header only. */
void        cs_dashboard_page_sort_by       (CsDashboardPage     *self,
                                             GtkColumnViewColumn *column,
                                             GtkSortType          order);
/* The Sort menu's button: the same sorting by keyboard (GTK 4.8's headers take no focus). */
GtkMenuButton *cs_dashboard_page_get_sort_button (CsDashboardPage *self);
GtkEditable *cs_dashboard_page_get_search    (CsDashboardPage *self);
/* Saves the grades CSV to @file, as the export action does after its file chooser. */
void         cs_dashboard_page_export_to     (CsDashboardPage *self,
                                              GFile           *file);
/* Saves the cohort report PDF to @file, as the export menu's item does after its chooser. */
void         cs_dashboard_page_export_pdf_to (CsDashboardPage *self,
                                              GFile           *file);
/* Opens the run of @cell read-only in a CsRunView window (as clicking it does); returns
 * the window. */
GtkWidget   *cs_dashboard_page_open_cell     (CsDashboardPage *self,
                                              CsDashboardCell *cell);
/* Opens the override dialog for @cell (as its context menu does); returns the dialog, or
 * NULL (with a toast) when the student has not started. */
GtkWidget   *cs_dashboard_page_override_cell (CsDashboardPage *self,
                                              CsDashboardCell *cell);

G_END_DECLS
