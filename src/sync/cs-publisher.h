/* cs-publisher.h: publishing a case of the local library to the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing pushes the outbox (so that the server has the draft as it is here), makes the
 * server snapshot it into a new immutable version (cs_publish_scenario, one transaction),
 * then pulls, so that the local draft knows its published version before its next edit.
 * The number of the version is remembered in the library ("published:ID" in its meta
 * table, with the draft's version at that moment): cs_publisher_get_state() tells whether
 * the draft changed since.
 */
#pragma once

#include "cs-sync.h"

G_BEGIN_DECLS

typedef enum {
  CS_PUBLISH_STATE_NEVER,      /* not published from this library */
  CS_PUBLISH_STATE_PUBLISHED,  /* the draft is as published */
  CS_PUBLISH_STATE_CHANGED,    /* edited since it was published */
} CsPublishState;

void           cs_publisher_publish_async  (CsSync              *sync,
                                            const char          *scenario_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* Returns the published version's id; *number: 1, 2, … */
char          *cs_publisher_publish_finish (CsSync              *sync,
                                            GAsyncResult        *result,
                                            int                 *number,
                                            GError             **error);

/* *number: the last version published from this library (0 when never). */
CsPublishState cs_publisher_get_state      (CsStore             *store,
                                            CsScenario          *scenario,
                                            int                 *number);

G_END_DECLS
