/* ui-test-server.c: the start of a UI test against the test PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ui-test-server.h"

gboolean
ui_test_server_set_up (SyncTestServer *server)
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return FALSE;
    }
  if (!sync_test_server_set_up (server))
    {
      g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

int
ui_test_server_main (int             *argc,
                     char          ***argv,
                     SyncTestServer  *server,
                     const char      *path,
                     GTestFunc        test)
{
  int status;

  g_test_init (argc, argv, NULL);
  if (!ui_test_server_set_up (server))
    return g_test_run ();

  g_test_add_func (path, test);
  status = g_test_run ();

  sync_test_server_tear_down (server);
  return status;
}
