/* cs-store-private.h: the connection of a CsStore for the other files of src/store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cs-store.h"

G_BEGIN_DECLS

/* Takes the store's mutex and returns its connection; give it back with
 * cs_store_unlock_db(). */
sqlite3 *cs_store_lock_db   (CsStore *self);
void     cs_store_unlock_db (CsStore *self);

G_END_DECLS
