/* ui-test-app.h: the whole application on a temporary library, for UI tests and benches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-application.h"
#include "cs-scenario.h"
#include "cs-window.h"

G_BEGIN_DECLS

/* Makes a temporary folder (named after @template_, which ends in XXXXXX) the home of the
 * XDG data, config and cache, with the library in it and settings in memory. Returns the
 * folder (free it; remove it with ui_test_remove_tree). */
char     *ui_test_use_temporary_home (const char     *template_);
/* The sample case of the source tree (data/samples/sample.casestudio), loaded. */
CsScenario *ui_test_load_sample      (void);
/* Starts a CsApplication (not unique), activates it and returns its main window. */
CsWindow *ui_test_start_app          (CsApplication **app);

G_END_DECLS
