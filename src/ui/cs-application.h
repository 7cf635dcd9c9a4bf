/* cs-application.h: the Case Studio application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-join-link.h"
#include "cs-join-window.h"
#include "cs-sync-session.h"

#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_APPLICATION (cs_application_get_type ())
G_DECLARE_FINAL_TYPE (CsApplication, cs_application, CS, APPLICATION, AdwApplication)

CsApplication *cs_application_new                (void);
/* The open local library, or NULL when it could not be opened. */
CsStore       *cs_application_get_store          (CsApplication *self);
/* Remembers the moment the process started, for the first-frame report. */
void           cs_application_mark_process_start (void);
/* The link to the shared server (NULL when the library could not be opened). */
CsSyncSession *cs_application_get_sync_session   (CsApplication *self);
/* Opens the Join a Cohort window, filled in from @link (may be NULL). NULL without a
 * library. */
CsJoinWindow  *cs_application_show_join          (CsApplication    *self,
                                                  const CsJoinLink *link);

G_END_DECLS
