/* cs-scenario-page.h: the page that shows one case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-model.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENARIO_PAGE (cs_scenario_page_get_type ())
G_DECLARE_FINAL_TYPE (CsScenarioPage, cs_scenario_page, CS, SCENARIO_PAGE, GtkWidget)

CsScenario *cs_scenario_page_get_scenario      (CsScenarioPage *self);
void        cs_scenario_page_set_scenario      (CsScenarioPage *self,
                                                CsScenario     *scenario);
gboolean    cs_scenario_page_get_title_visible (CsScenarioPage *self);
/* With a store, the page offers "View Report" (action "page.view-report") for the
 * student's latest completed run of the case, found off the main thread and again after
 * each saved run; it opens the report window (one; asked again, brought to the front). */
void        cs_scenario_page_set_store         (CsScenarioPage *self,
                                                CsStore        *store);
/* For tests: the number of rows shown for "personas", "scenes" or "outcomes". */
guint       cs_scenario_page_count_rows        (CsScenarioPage *self,
                                                const char     *which);

G_END_DECLS
