/* cs-store-private.h: the connection of a CsStore, for the other files of src/store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cs-store.h"
#include "cs-store-db.h"

G_BEGIN_DECLS

/* Takes the store's mutex and returns its connection; give it back with _unlock_db. */
sqlite3 *cs_store_lock_db                (CsStore    *self);
void     cs_store_unlock_db              (CsStore    *self);
/* The connection's cached statements; only while it is locked. */
CsStoreStatements *cs_store_get_statements (CsStore  *self);
/* Emits "scenario-changed" on the calling thread. */
void     cs_store_emit_scenario_changed  (CsStore    *self,
                                          const char *id);

/* Emits "run-saved" on the calling thread. */
void     cs_store_emit_run_saved         (CsStore    *self,
                                          const char *progress_id);
/* Writes pulled runs (cs-store-progress.c): @runs is the JSON arrays of progress, scene
 * progress and message rows, see cs_store_apply_pulled(). In the caller's transaction. */
gboolean cs_store_db_merge_runs          (sqlite3            *db,
                                          const char * const *runs,
                                          GError            **error);

G_END_DECLS
