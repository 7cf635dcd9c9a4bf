/* cs-scenario-row.h: one case in the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENARIO_ROW (cs_scenario_row_get_type ())
G_DECLARE_FINAL_TYPE (CsScenarioRow, cs_scenario_row, CS, SCENARIO_ROW, GtkWidget)

GtkWidget  *cs_scenario_row_new          (void);
CsScenario *cs_scenario_row_get_scenario (CsScenarioRow *self);
void        cs_scenario_row_set_scenario (CsScenarioRow *self,
                                          CsScenario    *scenario);

G_END_DECLS
