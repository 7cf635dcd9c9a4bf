/* cs-scenario-page.h: the page that shows one case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENARIO_PAGE (cs_scenario_page_get_type ())
G_DECLARE_FINAL_TYPE (CsScenarioPage, cs_scenario_page, CS, SCENARIO_PAGE, GtkWidget)

CsScenario *cs_scenario_page_get_scenario      (CsScenarioPage *self);
void        cs_scenario_page_set_scenario      (CsScenarioPage *self,
                                                CsScenario     *scenario);
gboolean    cs_scenario_page_get_title_visible (CsScenarioPage *self);
/* For tests: the number of rows shown for "personas", "scenes" or "outcomes". */
guint       cs_scenario_page_count_rows        (CsScenarioPage *self,
                                                const char     *which);

G_END_DECLS
