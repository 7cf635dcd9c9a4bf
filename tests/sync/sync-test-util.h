/* sync-test-util.h: a fresh database on the throwaway PostgreSQL server for each test program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/check starts the server and exports PGHOST (its socket directory), PGPORT,
 * PGUSER=postgres (a superuser, trusted on the socket) and PGDATABASE. Logins over TCP on
 * 127.0.0.1 need their scram-sha-256 password. Without PGHOST the tests skip.
 */
#pragma once

#include <gio/gio.h>

#include "cs-pg.h"

G_BEGIN_DECLS

typedef struct {
  char   *dbname;  /* cs_test_<tag> */
  char   *tag;     /* random, lower-case hex: suffix of every login role the test makes */
  char   *tmpdir;  /* XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME live here */
  PGconn *super;   /* the superuser on the test database */
} SyncTestServer;

/* FALSE (and nothing to tear down) when there is no test server. */
gboolean  sync_test_server_set_up    (SyncTestServer *server);
/* Drops the database and the login roles whose names end in _<tag>. */
void      sync_test_server_tear_down (SyncTestServer *server);

/* "base_<tag>", a user name unique to this run. */
char     *sync_test_user_name        (SyncTestServer *server,
                                      const char     *base);
/* Logs in over TCP with a password; asserts success. */
PGconn   *sync_test_connect_as       (SyncTestServer *server,
                                      const char     *user,
                                      const char     *password);
/* The connection string for @user over TCP to the test database, with @password (none
 * when NULL, as for the "nobody" login). */
char     *sync_test_tcp_conninfo     (SyncTestServer *server,
                                      const char     *user,
                                      const char     *password);
/* The superuser's connection string for the test database (for the CLI). */
char     *sync_test_conninfo         (SyncTestServer *server);

/* Logs in with @conninfo; asserts success. */
PGconn   *sync_test_connect          (const char     *conninfo);
/* A GAsyncReadyCallback: stores a reference to the result in the GAsyncResult * @data. */
void      sync_test_got_result       (GObject        *source,
                                      GAsyncResult   *result,
                                      gpointer        data);

/* Waits up to @timeout_ms for a notification on @conn (which listens); returns its payload
 * or NULL. */
char     *sync_test_wait_for_notify  (PGconn         *conn,
                                      int             timeout_ms);

/* Run @sql with the NULL-terminated text parameters that follow. */
PGresult *sync_test_query            (PGconn         *conn,
                                      const char     *sql,
                                      ...) G_GNUC_NULL_TERMINATED;
/* Asserts success and returns the number of rows returned or affected. */
int       sync_test_rows             (PGconn         *conn,
                                      const char     *sql,
                                      ...) G_GNUC_NULL_TERMINATED;
/* Asserts success and returns the first column of the first row (NULL when none). */
char     *sync_test_value            (PGconn         *conn,
                                      const char     *sql,
                                      ...) G_GNUC_NULL_TERMINATED;
/* Asserts failure and returns the SQLSTATE. */
char     *sync_test_error            (PGconn         *conn,
                                      const char     *sql,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
