/* cs-publish-button.h: the header bar's Publish button for the shown case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishes the case to the shared server as a new version for students. Insensitive, with
 * the reason as its tooltip, when it cannot: no server signed in to, or publishing under
 * way; hidden for a published version. While the case has a problem (cs_scenario_check())
 * it can be clicked but refuses, emitting "refused" with what to fix (also its tooltip).
 * "status" says which version is published ("" when none), for the header's subtitle.
 * Signals: "published" (a sentence for a toast), "failed" (the error message), "refused"
 * (why the case cannot be published yet).
 */
#pragma once

#include <adwaita.h>

#include "cs-store.h"
#include "cs-sync-session.h"

G_BEGIN_DECLS

#define CS_TYPE_PUBLISH_BUTTON (cs_publish_button_get_type ())
G_DECLARE_FINAL_TYPE (CsPublishButton, cs_publish_button, CS, PUBLISH_BUTTON, GtkButton)

void        cs_publish_button_set_store    (CsPublishButton *self,
                                            CsStore         *store,
                                            CsSyncSession   *session);
void        cs_publish_button_set_scenario (CsPublishButton *self,
                                            CsScenario      *scenario);
const char *cs_publish_button_get_status   (CsPublishButton *self);
/* Why it cannot publish now (NULL when it can). */
const char *cs_publish_button_get_reason   (CsPublishButton *self);

G_END_DECLS
