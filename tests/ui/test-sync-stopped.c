/* test-sync-stopped.c: when the server turns out older than this Case Studio, the sync
 * indicator and the account window say that sync is stopped and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in to a current server, the server loses its newest migrations (as when the
 * server was restored from a backup of an older one) and the connection breaks; the next
 * sync stops with the message naming "case-studio-cli server migrate". Once the server has
 * them again, "Sync now" brings sync back.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cs-account-window.h"
#include "cs-server-schema.h"
#include "cs-sync-indicator.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

static gboolean
sign_in_done (gpointer data)
{
  return !cs_account_window_get_busy (data);
}

static gboolean
indicator_shows (gpointer data)
{
  CsSyncIndicator *indicator = data;
  const char *wanted = g_object_get_data (G_OBJECT (indicator), "wanted");

  return g_strcmp0 (cs_sync_indicator_get_icon (indicator), wanted) == 0;
}

static void
wait_for_icon (CsSyncIndicator *indicator,
               const char      *icon)
{
  g_object_set_data (G_OBJECT (indicator), "wanted", (gpointer) icon);
  ui_test_wait_for (indicator_shows, indicator, icon);
}

static gboolean
sync_stopped (gpointer data)
{
  CsSync *sync = cs_sync_session_get_sync (data);

  return sync && cs_sync_get_status (sync) == CS_SYNC_STATUS_STOPPED;
}

static void
test_stopped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = sync_test_user_name (&server, "stopper");
  g_autofree char *id = NULL;
  g_autofree char *library = g_build_filename (server.tmpdir, "library.db", NULL);
  g_autoptr(CsStore) store = NULL;
  g_autoptr(CsSyncSession) session = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  CsAccountWindow *account;
  CsSyncIndicator *indicator;
  GtkWidget *holder;
  int port = atoi (g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432");

  g_assert_true (cs_server_schema_init (server.super, NULL, &error));
  g_assert_no_error (error);
  id = cs_server_add_instructor (server.super, user, "stopper-password", "Stella Stopper", &error);
  g_assert_no_error (error);
  store = cs_store_open (library, &error);
  g_assert_no_error (error);
  session = cs_sync_session_new (store, NULL);

  holder = gtk_window_new ();
  indicator = g_object_new (CS_TYPE_SYNC_INDICATOR, NULL);
  gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (indicator));
  cs_sync_indicator_set_session (indicator, session);
  gtk_window_present (GTK_WINDOW (holder));
  account = cs_account_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (account), 640, 720);
  gtk_window_present (GTK_WINDOW (account));

  cs_account_window_fill (account, "127.0.0.1", port, server.dbname, user, "stopper-password");
  cs_account_window_sign_in (account);
  ui_test_wait_for (sign_in_done, account, "the sign-in");
  g_assert_nonnull (strstr (cs_account_window_get_message (account), "Signed in"));
  wait_for_icon (indicator, "emblem-ok-symbolic");

  /* The server goes back to 009 and the connection breaks: the next sync finds out. */
  saved = g_ptr_array_new_with_free_func (g_free);
  for (int v = 10; v <= 13; v++)
    {
      g_autofree char *number = g_strdup_printf ("%d", v);

      g_ptr_array_add (saved, sync_test_value (server.super, "SELECT format ('(%s, %L, %L)', version, name, checksum) "
                                               "FROM cs.schema_migrations WHERE version = $1::integer", number, NULL));
    }
  sync_test_rows (server.super, "DELETE FROM cs.schema_migrations WHERE version >= 10", NULL);
  sync_test_rows (server.super, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                  "WHERE usename = $1 AND query NOT LIKE 'LISTEN%'", user, NULL);
  /* (the first attempt may find the connection broken; the retry reconnects and asks) */
  cs_sync_session_sync_now (session);
  ui_test_wait_for (sync_stopped, session, "sync stopped");
  g_assert_cmpstr (cs_sync_indicator_get_icon (indicator), ==, "dialog-warning-symbolic");
  g_assert_nonnull (strstr (cs_sync_indicator_get_tooltip (indicator), "case-studio-cli server migrate"));
  g_assert_nonnull (strstr (cs_sync_indicator_get_tooltip (indicator), "010, 011, 012 and 013"));
  g_assert_cmpstr (cs_account_window_get_status_text (account), ==, "Stopped until the server is updated");
  /* Last Error: the whole message */
  ui_test_wait_for_text (GTK_WIDGET (account), "case-studio-cli server migrate");
  ui_test_save_screenshot (GTK_WIDGET (account), "sync-stopped.png");

  /* The administrator migrates (here: the records come back); Sync now syncs again. */
  for (guint i = 0; i < saved->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO cs.schema_migrations (version, name, checksum) VALUES %s",
                                              (char *) g_ptr_array_index (saved, i));

      sync_test_rows (server.super, sql, NULL);
    }
  cs_sync_session_sync_now (session);
  wait_for_icon (indicator, "emblem-ok-symbolic");
  g_assert_null (cs_sync_get_last_error (cs_sync_session_get_sync (session)));

  gtk_window_destroy (GTK_WINDOW (account));
  gtk_window_destroy (GTK_WINDOW (holder));
  cs_sync_session_disconnect (session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!ui_test_server_set_up (&server))
    return g_test_run ();

  g_test_add_func ("/ui/sync-stopped/message", test_stopped);
  status = g_test_run ();

  sync_test_server_tear_down (&server);
  return status;
}
