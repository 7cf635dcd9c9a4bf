/* cs-store-private.h: the connection of a CsStore, for the other files of src/store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cs-store.h"

G_BEGIN_DECLS

/* Takes the store's mutex and returns its connection; give it back with _unlock_db. */
sqlite3 *cs_store_lock_db                (CsStore    *self);
void     cs_store_unlock_db              (CsStore    *self);
/* Emits "scenario-changed" on the calling thread. */
void     cs_store_emit_scenario_changed  (CsStore    *self,
                                          const char *id);

G_END_DECLS
