/* test-server-schema.c: "server init/migrate/status", migrations, change_seq, NOTIFY,
 * partitions and indexes on a fresh database of the throwaway PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <sys/select.h>

#include "cs-server-schema.h"
#include "sync-test-util.h"

static SyncTestServer server;

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs case-studio-cli on the test database; @input goes to standard input. */
static void
run_cli (CliResult          *r,
         const char         *input,
         const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("CS_BUILD_DIR"), "src", "cli", "case-studio-cli", NULL));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "PGDATABASE", server.dbname, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static PGconn *
admin_conn (void)
{
  return server.super;
}

static void
test_cli_init_twice (void)
{
  CliResult r = { 0 };

  /* Before init everything is pending. */
  run_cli (&r, NULL, (const char *[]) { "server", "status", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^001\t001-schema.sql\tpending\t\n002\t002-security.sql\tpending\t\n"
                                       "003\t003-sync.sql\tpending\t\n004\t004-publish.sql\tpending\t\n"
                                       "005\t005-runs.sql\tpending\t\n006\t006-dashboard.sql\tpending\t\n"
                                       "007\t007-messages.sql\tpending\t\n"
                                       "008\t008-cohorts.sql\tpending\t\n"
                                       "009\t009-snapshot-pull.sql\tpending\t\n"
                                       "010\t010-inbox.sql\tpending\t\n"
                                       "011\t011-assign-once.sql\tpending\t\n"
                                       "012\t012-schema-versions.sql\tpending\t\n"
                                       "013\t013-top-hints.sql\tpending\t\n$",
                                       r.out, 0, 0));
  cli_result_clear (&r);

  run_cli (&r, NULL, (const char *[]) { "server", "init", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Applied 13 migrations"));
  cli_result_clear (&r);

  /* Idempotent: nothing more to apply, nothing fails. */
  run_cli (&r, NULL, (const char *[]) { "server", "init", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "up to date"));
  cli_result_clear (&r);

  run_cli (&r, NULL, (const char *[]) { "server", "migrate", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "up to date"));
  cli_result_clear (&r);

  run_cli (&r, NULL, (const char *[]) { "server", "status", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^001\t001-schema.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "002\t002-security.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "003\t003-sync.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "004\t004-publish.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "005\t005-runs.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "006\t006-dashboard.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "007\t007-messages.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "008\t008-cohorts.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "009\t009-snapshot-pull.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "010\t010-inbox.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "011\t011-assign-once.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "012\t012-schema-versions.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n"
                                       "013\t013-top-hints.sql\tapplied\t\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\n$",
                                       r.out, 0, 0));
  cli_result_clear (&r);

  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM cs.schema_migrations", NULL), ==, 13);
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_roles WHERE rolname IN "
                                   "('cs_admin', 'cs_instructor', 'cs_student', 'cs_kiosk', 'cs_enroll')",
                                   NULL), ==, 5);
}

static void
test_cli_add_instructor (void)
{
  g_autofree char *name = sync_test_user_name (&server, "dana");
  g_autoptr(PGconn) dana = NULL;
  g_autofree char *kind = NULL;
  CliResult r = { 0 };

  run_cli (&r, "secret-pass-1\n", (const char *[]) { "server", "add-instructor", name, "Dana", "Ruiz", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, name));
  cli_result_clear (&r);

  /* The new login works with that password and is an instructor. */
  dana = sync_test_connect_as (&server, name, "secret-pass-1");
  kind = sync_test_value (dana, "SELECT kind || '/' || display_name FROM cs.users WHERE role_name = current_user", NULL);
  g_assert_cmpstr (kind, ==, "instructor/Dana Ruiz");

  /* Taken name, bad name, short password: an error on stderr and a failure status. */
  run_cli (&r, "secret-pass-1\n", (const char *[]) { "server", "add-instructor", name, NULL });
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "is taken"));
  cli_result_clear (&r);
  run_cli (&r, "secret-pass-1\n", (const char *[]) { "server", "add-instructor", "Robert'); DROP TABLE cs.users; --", NULL });
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "user name must be"));
  cli_result_clear (&r);
  run_cli (&r, "short\n", (const char *[]) { "server", "add-instructor", "someone_else", NULL });
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "8 to 1024"));
  cli_result_clear (&r);
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM cs.users", NULL), ==, 1);

  /* An instructor may not migrate the schema. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cs_server_schema_migrate (dana, NULL, &error));
    g_assert_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_NOT_INITIALIZED);
  }

  run_cli (&r, NULL, (const char *[]) { "server", "frobnicate", NULL });
  g_assert_cmpint (r.status, ==, 2);
  cli_result_clear (&r);
}

static void
test_status_checksums (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) status = cs_server_schema_status (admin_conn (), &error);
  g_autofree char *saved = NULL;
  CsServerMigration *first;
  const guint n_bundled = 13;

  g_assert_no_error (error);
  g_assert_cmpuint (status->len, ==, n_bundled);
  first = g_ptr_array_index (status, 0);
  g_assert_cmpint (first->state, ==, CS_SERVER_MIGRATION_APPLIED);
  g_assert_cmpuint (strlen (first->checksum), ==, 64);

  /* A migration changed after it was applied stops migrate. */
  saved = sync_test_value (admin_conn (), "SELECT checksum FROM cs.schema_migrations WHERE version = 1", NULL);
  g_assert_cmpstr (saved, ==, first->checksum);
  sync_test_rows (admin_conn (), "UPDATE cs.schema_migrations SET checksum = repeat ('0', 64) WHERE version = 1", NULL);
  g_assert_false (cs_server_schema_migrate (admin_conn (), NULL, &error));
  g_assert_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_CHANGED_MIGRATION);
  g_clear_error (&error);
  sync_test_rows (admin_conn (), "UPDATE cs.schema_migrations SET checksum = $1 WHERE version = 1", saved, NULL);

  /* So does one from a newer Case Studio, and status names it. */
  sync_test_rows (admin_conn (), "INSERT INTO cs.schema_migrations (version, name, checksum) "
                  "VALUES (99, '099-future.sql', repeat ('a', 64))", NULL);
  g_assert_false (cs_server_schema_migrate (admin_conn (), NULL, &error));
  g_assert_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_clear_pointer (&status, g_ptr_array_unref);
  status = cs_server_schema_status (admin_conn (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status->len, ==, n_bundled + 1);
  g_assert_cmpint (((CsServerMigration *) g_ptr_array_index (status, n_bundled))->state, ==, CS_SERVER_MIGRATION_UNKNOWN);
  sync_test_rows (admin_conn (), "DELETE FROM cs.schema_migrations WHERE version = 99", NULL);

  {
    guint applied = 99;

    g_assert_true (cs_server_schema_migrate (admin_conn (), &applied, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (applied, ==, 0);
  }
}

static void
test_row_security_everywhere (void)
{
  /* Every table and partition of the schema: row security enabled and forced. */
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_class WHERE relnamespace = 'cs'::regnamespace "
                                   "AND relkind IN ('r', 'p')", NULL), >=, 20);
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT relname FROM pg_class WHERE relnamespace = 'cs'::regnamespace "
                                   "AND relkind IN ('r', 'p') AND NOT (relrowsecurity AND relforcerowsecurity)",
                                   NULL), ==, 0);
  /* Everything belongs to cs_admin. */
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_class WHERE relnamespace = 'cs'::regnamespace "
                                   "AND relowner <> 'cs_admin'::regrole", NULL), ==, 0);
}

static void
test_indexes (void)
{
  /* Every foreign key has an index starting with its columns. */
  g_assert_cmpint (sync_test_rows (admin_conn (),
    "SELECT c.conrelid::regclass, c.conname FROM pg_constraint c "
    " WHERE c.contype = 'f' AND c.connamespace = 'cs'::regnamespace "
    "   AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.conrelid "
    "     AND (string_to_array (i.indkey::text, ' ')::int2[])[1:cardinality (c.conkey)] = c.conkey)",
    NULL), ==, 0);
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_indexes WHERE schemaname = 'cs' "
                                   "AND indexname = 'scenarios_tags' AND indexdef LIKE '%USING gin (tags%'", NULL), ==, 1);
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_indexes WHERE schemaname = 'cs' "
                                   "AND indexdef LIKE '%USING gin (title cs.gin_trgm_ops)%'", NULL), ==, 1);
}

static char *
add_owner (const char *base)
{
  g_autofree char *name = sync_test_user_name (&server, base);

  return sync_test_value (admin_conn (), "SELECT cs.cs_add_instructor ($1, 'owner-password', 'Owner')", name, NULL);
}

static gint64
change_seq_of (const char *id)
{
  g_autofree char *seq = sync_test_value (admin_conn (), "SELECT change_seq FROM cs.scenarios WHERE id = $1",
                                          id, NULL);
  return g_ascii_strtoll (seq, NULL, 10);
}

static void
test_change_seq_and_notify (void)
{
  g_autofree char *owner = add_owner ("notified");
  g_autoptr(PGconn) listener = NULL;
  const char *first = "6f1c8a62-1f43-4a8e-9a4f-0c2b6f0e7a01";
  const char *second = "6f1c8a62-1f43-4a8e-9a4f-0c2b6f0e7a02";
  gint64 seq1, seq1_updated, seq2;
  g_autofree char *expected = NULL;
  gboolean heard = FALSE;
  gint64 deadline;

  listener = PQconnectdbParams ((const char *[]) { "dbname", NULL },
                                (const char *[]) { server.dbname, NULL }, 0);
  g_assert_cmpint (PQstatus (listener), ==, CONNECTION_OK);
  sync_test_rows (listener, "LISTEN cs_changes", NULL);

  sync_test_rows (admin_conn (), "INSERT INTO cs.scenarios (id, owner_id, title) VALUES ($1, $2, 'One')", first, owner, NULL);
  seq1 = change_seq_of (first);
  sync_test_rows (admin_conn (), "UPDATE cs.scenarios SET title = 'One, edited' WHERE id = $1", first, NULL);
  seq1_updated = change_seq_of (first);
  sync_test_rows (admin_conn (), "INSERT INTO cs.scenarios (id, owner_id, title) VALUES ($1, $2, 'Two')", second, owner, NULL);
  seq2 = change_seq_of (second);
  g_assert_cmpint (seq1, >, 0);
  g_assert_cmpint (seq1_updated, >, seq1);
  g_assert_cmpint (seq2, >, seq1_updated);

  /* Beside it, the transaction that wrote the row (what a pull goes by). */
  {
    const char *third = "6f1c8a62-1f43-4a8e-9a4f-0c2b6f0e7a03";
    g_autofree char *mine = NULL;

    sync_test_rows (admin_conn (), "BEGIN", NULL);
    sync_test_rows (admin_conn (), "INSERT INTO cs.scenarios (id, owner_id, title) VALUES ($1, $2, 'Three')",
                    third, owner, NULL);
    sync_test_rows (admin_conn (), "UPDATE cs.scenarios SET title = 'One, edited again' WHERE id = $1", first, NULL);
    mine = sync_test_value (admin_conn (), "SELECT count (*) FROM cs.scenarios "
                            "WHERE id IN ($1, $2) AND change_xid = pg_current_xact_id ()", first, third, NULL);
    g_assert_cmpstr (mine, ==, "2");
    sync_test_rows (admin_conn (), "COMMIT", NULL);
  }

  /* The listener hears the insert of "second" with its table, id and change_seq. */
  expected = g_strdup_printf ("{\"t\" : \"scenarios\", \"id\" : \"%s\", \"seq\" : %" G_GINT64_FORMAT "}", second, seq2);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!heard && g_get_monotonic_time () < deadline)
    {
      PGnotify *note;
      fd_set fds;
      struct timeval wait = { 0, 200000 };

      FD_ZERO (&fds);
      FD_SET (PQsocket (listener), &fds);
      select (PQsocket (listener) + 1, &fds, NULL, NULL, &wait);
      g_assert_cmpint (PQconsumeInput (listener), ==, 1);
      while ((note = PQnotifies (listener)))
        {
          g_assert_cmpstr (note->relname, ==, "cs_changes");
          if (g_str_equal (note->extra, expected))
            heard = TRUE;
          PQfreemem (note);
        }
    }
  g_assert_true (heard);
}

static void
test_partitions (void)
{
  g_autofree char *owner = add_owner ("partitioned");
  g_autofree char *part = NULL;
  g_autofree char *where = NULL;
  g_autofree char *state = NULL;
  const char *scenario = "0b7e1c1e-7f7e-4d5c-8b1a-9d7c3e2f1a01";
  const char *run = "0b7e1c1e-7f7e-4d5c-8b1a-9d7c3e2f1a02";

  /* This month, next month and a default partition exist. */
  g_assert_cmpint (sync_test_rows (admin_conn (),
    "SELECT FROM pg_inherits WHERE inhparent = 'cs.conversation_logs'::regclass AND inhrelid::regclass::text IN "
    "(format ('cs.conversation_logs_%s', to_char (now (), 'YYYY_MM')), "
    " format ('cs.conversation_logs_%s', to_char (now () + interval '1 month', 'YYYY_MM')), "
    " 'cs.conversation_logs_default')", NULL), ==, 3);

  part = sync_test_value (admin_conn (), "SELECT cs.create_log_partition ('2031-03-17')", NULL);
  g_assert_cmpstr (part, ==, "conversation_logs_2031_03");
  g_assert_cmpint (sync_test_rows (admin_conn (), "SELECT FROM pg_class WHERE oid = 'cs.conversation_logs_2031_03'::regclass "
                                   "AND relrowsecurity AND relforcerowsecurity", NULL), ==, 1);
  g_clear_pointer (&part, g_free);
  part = sync_test_value (admin_conn (), "SELECT cs.create_log_partition ('2031-03-01')", NULL);
  g_assert_cmpstr (part, ==, "conversation_logs_2031_03");

  sync_test_rows (admin_conn (), "INSERT INTO cs.scenarios (id, owner_id) VALUES ($1, $2)", scenario, owner, NULL);
  sync_test_rows (admin_conn (), "INSERT INTO cs.user_progress (id, user_id, scenario_id) VALUES ($1, $2, $3)",
                  run, owner, scenario, NULL);
  sync_test_rows (admin_conn (), "INSERT INTO cs.conversation_logs (id, progress_id, kind, position, created_at) "
                  "VALUES (gen_random_uuid (), $1, 'user', 0, '2031-03-20 10:00Z'), "
                  "       (gen_random_uuid (), $1, 'user', 1, '2040-01-01 10:00Z')", run, NULL);
  where = sync_test_value (admin_conn (), "SELECT string_agg (tableoid::regclass::text, ',' ORDER BY position) "
                           "FROM cs.conversation_logs WHERE progress_id = $1", run, NULL);
  g_assert_cmpstr (where, ==, "cs.conversation_logs_2031_03,cs.conversation_logs_default");

  /* Append-only once complete. */
  state = sync_test_error (admin_conn (), "UPDATE cs.conversation_logs SET content = 'x' "
                                            "WHERE progress_id = $1", run, NULL);
  g_assert_cmpstr (state, ==, "CS011");
}

static void
skip_without_server (void)
{
  g_test_skip ("PGHOST is not set: no test PostgreSQL server (build-aux/check starts one)");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!sync_test_server_set_up (&server))
    {
      g_test_add_func ("/sync/schema/no-server", skip_without_server);
      /* 77: meson reports the whole program as skipped. */
      return g_test_run () == 0 ? 77 : 1;
    }

  /* In order: the first test initialises the database the others use. */
  g_test_add_func ("/sync/schema/cli-init-twice", test_cli_init_twice);
  g_test_add_func ("/sync/schema/cli-add-instructor", test_cli_add_instructor);
  g_test_add_func ("/sync/schema/status-checksums", test_status_checksums);
  g_test_add_func ("/sync/schema/row-security-everywhere", test_row_security_everywhere);
  g_test_add_func ("/sync/schema/indexes", test_indexes);
  g_test_add_func ("/sync/schema/change-seq-and-notify", test_change_seq_and_notify);
  g_test_add_func ("/sync/schema/partitions", test_partitions);
  status = g_test_run ();

  sync_test_server_tear_down (&server);
  return status;
}
