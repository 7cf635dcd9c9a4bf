/* cs-scenario-check.h: the problems that block publishing a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"
#include "cs-problem.h"

G_BEGIN_DECLS

/* A GListModel of CsProblem in document order (personas, then scenes): a scene with no
 * involved persona, a criterion with no text, a success threshold above the sum of the
 * criteria weights (no run could reach it), two personas with the same name (ignoring
 * case and surrounding space), an involvement or instruction of a persona the case does
 * not have. Empty when the scenario can be published. */
GListModel *cs_scenario_check         (CsScenario *scenario);
gboolean    cs_scenario_can_publish   (CsScenario *scenario);

G_END_DECLS
