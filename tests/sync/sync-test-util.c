/* sync-test-util.c: a fresh database on the throwaway PostgreSQL server for each test program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poll.h>
#include <stdarg.h>

#include "sync-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
ignore_notice (void *data, const char *message)
{
}

static PGconn *
connect_super (const char *dbname)
{
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { dbname, NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to the test server as the superuser: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

static void
exec_super (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;

  cs_pg_exec (conn, sql, &error);
  g_assert_no_error (error);
}

gboolean
sync_test_server_set_up (SyncTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) maintenance = NULL;
  g_autofree char *create = NULL;

  memset (server, 0, sizeof *server);
  if (!g_getenv ("PGHOST"))
    return FALSE;

  server->tmpdir = g_dir_make_tmp ("cs-sync-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (server->tmpdir, vars[i], NULL);

      g_mkdir (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  server->tag = g_strdup_printf ("%08x", g_random_int ());
  server->dbname = g_strdup_printf ("cs_test_%s", server->tag);
  maintenance = connect_super ("postgres");
  create = g_strdup_printf ("CREATE DATABASE %s", server->dbname);
  exec_super (maintenance, create);
  server->super = connect_super (server->dbname);
  return TRUE;
}

void
sync_test_server_tear_down (SyncTestServer *server)
{
  g_autoptr(PGconn) maintenance = NULL;
  g_autoptr(PGresult) roles = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *pattern = NULL;

  if (!server->dbname)
    return;

  g_clear_pointer (&server->super, PQfinish);
  maintenance = connect_super ("postgres");
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", server->dbname);
  exec_super (maintenance, drop);

  pattern = g_strdup_printf ("%%\\_%s", server->tag);
  roles = sync_test_query (maintenance, "SELECT quote_ident (rolname) FROM pg_roles WHERE rolname LIKE $1",
                           pattern, NULL);
  for (int r = 0; r < PQntuples (roles); r++)
    {
      g_autofree char *drop_role = g_strdup_printf ("DROP ROLE %s", PQgetvalue (roles, r, 0));
      exec_super (maintenance, drop_role);
    }

  remove_tree (server->tmpdir);
  g_clear_pointer (&server->tmpdir, g_free);
  g_clear_pointer (&server->dbname, g_free);
  g_clear_pointer (&server->tag, g_free);
}

char *
sync_test_user_name (SyncTestServer *server,
                     const char     *base)
{
  return g_strdup_printf ("%s_%s", base, server->tag);
}

PGconn *
sync_test_connect_as (SyncTestServer *server,
                      const char     *user,
                      const char     *password)
{
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keys[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { "127.0.0.1", port, server->dbname, user, password, NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot log in as %s: %s", user, PQerrorMessage (conn));
  return conn;
}

char *
sync_test_conninfo (SyncTestServer *server)
{
  return g_strdup_printf ("dbname=%s", server->dbname);
}

static PGresult *
query_valist (PGconn     *conn,
              const char *sql,
              va_list     args)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  const char *param;

  while ((param = va_arg (args, const char *)))
    g_ptr_array_add (params, (gpointer) param);
  return PQexecParams (conn, sql, (int) params->len, NULL,
                       (const char * const *) params->pdata, NULL, NULL, 0);
}

PGresult *
sync_test_query (PGconn     *conn,
                 const char *sql,
                 ...)
{
  g_autoptr(GError) error = NULL;
  PGresult *result;
  va_list args;

  va_start (args, sql);
  result = query_valist (conn, sql, args);
  va_end (args);
  if (!cs_pg_check (conn, result, &error))
    g_error ("%s\nfailed: %s", sql, error->message);
  return result;
}

int
sync_test_rows (PGconn     *conn,
                const char *sql,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  va_list args;

  va_start (args, sql);
  result = query_valist (conn, sql, args);
  va_end (args);
  if (!cs_pg_check (conn, result, &error))
    g_error ("%s\nfailed: %s", sql, error->message);
  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    return PQntuples (result);
  return (int) g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
}

char *
sync_test_value (PGconn     *conn,
                 const char *sql,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  va_list args;

  va_start (args, sql);
  result = query_valist (conn, sql, args);
  va_end (args);
  if (!cs_pg_check (conn, result, &error))
    g_error ("%s\nfailed: %s", sql, error->message);
  if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (result, 0, 0));
}

char *
sync_test_error (PGconn     *conn,
                 const char *sql,
                 ...)
{
  g_autoptr(PGresult) result = NULL;
  va_list args;

  va_start (args, sql);
  result = query_valist (conn, sql, args);
  va_end (args);
  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    g_error ("%s\nsucceeded as %s, but should have failed", sql, PQuser (conn));
  return g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
}

PGconn *
sync_test_connect (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = cs_pg_connect (conninfo, &error);

  g_assert_no_error (error);
  return conn;
}

void
sync_test_got_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

char *
sync_test_wait_for_notify (PGconn *conn,
                           int     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      PGnotify *note;
      struct pollfd fd = { .fd = PQsocket (conn), .events = POLLIN };
      gint64 left;

      g_assert_true (PQconsumeInput (conn));
      if ((note = PQnotifies (conn)))
        {
          char *payload = g_strdup (note->extra);

          PQfreemem (note);
          return payload;
        }
      left = (deadline - g_get_monotonic_time ()) / G_TIME_SPAN_MILLISECOND;
      if (left <= 0)
        return NULL;
      poll (&fd, 1, (int) left);
    }
}

char *
sync_test_tcp_conninfo (SyncTestServer *server,
                        const char     *user,
                        const char     *password)
{
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";

  if (!password)
    return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s", port, server->dbname, user);
  return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s password=%s", port, server->dbname, user,
                          password);
}
