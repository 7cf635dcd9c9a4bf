/* sync-test-cluster.c: a private PostgreSQL cluster for a test that stops and starts its
 * server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "sync-test-cluster.h"

int
sync_test_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The newest installed server's programs. */
static char *
find_bin (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  const char *name;
  char *best = NULL;
  guint best_version = 0;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *bin = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      g_autofree char *initdb = g_build_filename (bin, "initdb", NULL);
      guint version = (guint) g_ascii_strtoull (name, NULL, 10);

      if (version > best_version && g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        {
          best_version = version;
          g_free (best);
          best = g_steal_pointer (&bin);
        }
    }
  return best;
}

/* Runs a server program, as the postgres user when we are root (the server refuses root). */
static gboolean
run (SyncTestCluster    *cluster,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (getuid () == 0)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (cluster->bin, args[0], NULL));
  for (guint i = 1; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (cluster->dir, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                     &status, &error))
    {
      g_test_message ("%s: %s", args[0], error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s failed: %s", args[0], err);
      return FALSE;
    }
  return TRUE;
}

gboolean
sync_test_cluster_init (SyncTestCluster *cluster,
                        const char      *options)
{
  g_autofree char *data = NULL;

  memset (cluster, 0, sizeof *cluster);
  if (!(cluster->bin = find_bin ()))
    return FALSE;
  cluster->options = g_strdup (options);
  cluster->dir = g_build_filename (g_get_tmp_dir (), "cs-cluster-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp_full (cluster->dir, 0711));
  if (getuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      g_assert_nonnull (postgres);
      g_assert_cmpint (chown (cluster->dir, postgres->pw_uid, postgres->pw_gid), ==, 0);
    }
  data = g_build_filename (cluster->dir, "data", NULL);
  g_assert_true (run (cluster, (const char *[]) { "initdb", "-D", data, "-U", "postgres", "-E", "UTF8",
                                                   "--no-locale", "--auth-local=trust",
                                                   "--auth-host=scram-sha-256", NULL }));
  cluster->port = sync_test_free_port ();
  sync_test_cluster_start (cluster);
  return TRUE;
}

void
sync_test_cluster_use (SyncTestCluster *cluster)
{
  g_autofree char *port = g_strdup_printf ("%d", cluster->port);

  g_setenv ("PGHOST", cluster->dir, TRUE);
  g_setenv ("PGPORT", port, TRUE);
  g_setenv ("PGUSER", "postgres", TRUE);
  g_setenv ("PGDATABASE", "postgres", TRUE);
}

void
sync_test_cluster_start (SyncTestCluster *cluster)
{
  g_autofree char *data = g_build_filename (cluster->dir, "data", NULL);
  g_autofree char *log = g_build_filename (cluster->dir, "server.log", NULL);
  g_autofree char *options = g_strdup_printf ("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off "
                                              "-c synchronous_commit=off -c full_page_writes=off %s",
                                              cluster->port, cluster->dir,
                                              cluster->options ? cluster->options : "");

  g_assert_true (run (cluster, (const char *[]) { "pg_ctl", "-D", data, "-l", log, "-w", "-t", "30",
                                                   "-o", options, "start", NULL }));
}

void
sync_test_cluster_stop (SyncTestCluster *cluster)
{
  g_autofree char *data = g_build_filename (cluster->dir, "data", NULL);

  g_assert_true (run (cluster, (const char *[]) { "pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30",
                                                   "stop", NULL }));
}

void
sync_test_cluster_clear (SyncTestCluster *cluster)
{
  if (cluster->dir)
    {
      g_autofree char *data = g_build_filename (cluster->dir, "data", NULL);
      g_autofree char *pid = g_build_filename (data, "postmaster.pid", NULL);
      const char *argv[] = { "rm", "-rf", cluster->dir, NULL };

      if (g_file_test (pid, G_FILE_TEST_EXISTS))
        run (cluster, (const char *[]) { "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", NULL });
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  g_clear_pointer (&cluster->dir, g_free);
  g_clear_pointer (&cluster->bin, g_free);
  g_clear_pointer (&cluster->options, g_free);
}
