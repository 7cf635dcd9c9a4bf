/* ui-test-server.h: the start of a UI test against the test PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sync-test-util.h"

G_BEGIN_DECLS

/* After g_test_init(): a display, a fresh database on the test server and libadwaita. FALSE
 * (the test marked skipped, nothing to tear down) without a display or a test server. */
gboolean ui_test_server_set_up (SyncTestServer *server);

G_END_DECLS
