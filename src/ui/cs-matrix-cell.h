/* cs-matrix-cell.h: one cell of the dashboard's matrix, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view keeps about 200 rows of widgets; with a dozen columns, a cell made of a button, a
 * box, two icons and a label cost most of a second to build. This widget draws the status
 * icon, the text and the late flag itself, is focusable, and emits "activate" on a click,
 * Enter or Space.
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-dashboard-cell.h"

G_BEGIN_DECLS

#define CS_TYPE_MATRIX_CELL (cs_matrix_cell_get_type ())
G_DECLARE_FINAL_TYPE (CsMatrixCell, cs_matrix_cell, CS, MATRIX_CELL, GtkWidget)

GtkWidget       *cs_matrix_cell_new      (void);
void             cs_matrix_cell_set_cell (CsMatrixCell    *self,
                                          CsDashboardCell *cell);
CsDashboardCell *cs_matrix_cell_get_cell (CsMatrixCell    *self);
/* The text shown ("85 %", "40 % done", "—"), for tests. */
const char      *cs_matrix_cell_get_text (CsMatrixCell    *self);

G_END_DECLS
