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

/* The whole main() of a UI test program of one test: g_test_init(), ui_test_server_set_up(),
 * @test added as @path and run, the server torn down. Returns g_test_run()'s status. */
int      ui_test_server_main   (int             *argc,
                                char          ***argv,
                                SyncTestServer  *server,
                                const char      *path,
                                GTestFunc        test);

G_END_DECLS
