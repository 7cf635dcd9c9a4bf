/* cs-server-schema.c: creating and migrating the shared PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each migration runs in its own transaction under SET LOCAL ROLE cs_admin (so cs_admin
 * owns what it creates) and holds a transaction-level advisory lock, so that two programs
 * migrating the same database at once apply each migration exactly once: the second waits,
 * then finds it recorded. The migration SQL is static and runs with PQexec; everything with
 * a value in it goes through PQexecParams.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-core-resources.h"
#include "cs-server.h"
#include "cs-server-schema.h"

#define SERVER_SQL_PATH "/org/casestudio/CaseStudio/core/sql/server/"
#define ROLES_SQL       SERVER_SQL_PATH "roles.sql"

/* Any constant: "CaseStudioMigr" folded to a bigint. */
#define TAKE_MIGRATION_LOCK "SELECT pg_advisory_xact_lock (4356739027617685)"

#define BOOTSTRAP_SQL \
  "CREATE SCHEMA IF NOT EXISTS cs;" \
  "CREATE TABLE IF NOT EXISTS cs.schema_migrations (" \
  "  version    integer PRIMARY KEY CHECK (version >= 1)," \
  "  name       text NOT NULL," \
  "  applied_at timestamptz NOT NULL DEFAULT now ()," \
  "  checksum   text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'))"

#define SELECT_APPLIED \
  "SELECT version, name, checksum, " \
  "       to_char (applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') " \
  "  FROM cs.schema_migrations ORDER BY version"

typedef struct {
  int     number;
  char   *name;
  char   *sql;
  char   *checksum;
} Shipped;

static void
shipped_free (gpointer data)
{
  Shipped *shipped = data;

  g_free (shipped->name);
  g_free (shipped->sql);
  g_free (shipped->checksum);
  g_free (shipped);
}

void
cs_server_migration_free (CsServerMigration *migration)
{
  if (!migration)
    return;
  g_free (migration->name);
  g_free (migration->checksum);
  g_free (migration->applied_at);
  g_free (migration);
}

static int
shipped_compare (gconstpointer a,
                 gconstpointer b)
{
  const Shipped *sa = *(const Shipped * const *) a;
  const Shipped *sb = *(const Shipped * const *) b;

  return (sa->number > sb->number) - (sa->number < sb->number);
}

static char *
load_sql (const char  *path,
          char       **checksum,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (cs_core_get_resource (), path, 0, error);

  if (!bytes)
    return NULL;
  if (checksum)
    *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The shipped migrations NNN-name.sql, in order of their numbers 1, 2, …, each used once. */
static GPtrArray *
list_shipped (GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (shipped_free);
  g_auto(GStrv) names = g_resource_enumerate_children (cs_core_get_resource (), SERVER_SQL_PATH,
                                                       0, error);

  if (!names)
    return NULL;

  for (guint i = 0; names[i]; i++)
    {
      const char *name = names[i];
      g_autofree char *path = NULL;
      Shipped *shipped;

      if (!g_ascii_isdigit (name[0]) || !g_ascii_isdigit (name[1]) ||
          !g_ascii_isdigit (name[2]) || name[3] != '-' || !g_str_has_suffix (name, ".sql"))
        continue;  /* roles.sql */

      path = g_strconcat (SERVER_SQL_PATH, name, NULL);
      shipped = g_new0 (Shipped, 1);
      shipped->number = (int) g_ascii_strtoll (name, NULL, 10);
      shipped->name = g_strdup (name);
      g_ptr_array_add (list, shipped);
      if (!(shipped->sql = load_sql (path, &shipped->checksum, error)))
        return NULL;
    }

  g_ptr_array_sort (list, shipped_compare);
  for (guint i = 0; i < list->len; i++)
    {
      Shipped *shipped = g_ptr_array_index (list, i);
      Shipped *previous = i ? g_ptr_array_index (list, i - 1) : NULL;

      /* A number may be missing while the migration of another branch of work that took
       * it is not merged yet; two with one number, or none at all, are packaging bugs. */
      if (shipped->number < 1 || (previous && shipped->number == previous->number))
        {
          g_set_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_FAILED,
                       "Server migrations must be numbered 001, 002, … each number once; "
                       "%s breaks the sequence (a packaging bug)", shipped->name);
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

static void
rollback (PGconn *conn)
{
  g_autoptr(PGresult) result = PQexec (conn, "ROLLBACK");
}

/* BEGIN, the migration lock, and the owner role; rolls back on failure. */
static gboolean
begin_as_admin (PGconn  *conn,
                GError **error)
{
  if (!cs_pg_exec (conn, "BEGIN", error))
    return FALSE;
  if (cs_pg_exec (conn, TAKE_MIGRATION_LOCK, error) &&
      cs_pg_exec (conn, "SET LOCAL ROLE cs_admin", error))
    return TRUE;
  rollback (conn);
  return FALSE;
}

static gboolean
check_admin (PGconn  *conn,
             GError **error)
{
  g_autoptr(PGresult) result = cs_pg_query (conn,
    "SELECT CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = 'cs_admin') "
    "            THEN pg_has_role (current_user, 'cs_admin', 'MEMBER') ELSE false END",
    0, NULL, error);

  if (!result)
    return FALSE;
  if (!g_str_equal (PQgetvalue (result, 0, 0), "t"))
    {
      g_set_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_NOT_INITIALIZED,
                   _("“%s” cannot update the Case Studio schema: the server has no Case Studio "
                     "roles yet or this login is not a Case Studio administrator. Run "
                     "“case-studio-cli server init” as a PostgreSQL superuser."),
                   PQuser (conn));
      return FALSE;
    }
  return TRUE;
}

/* The recorded migrations as CsServerMigration (state APPLIED), or an empty array when the
 * bookkeeping table does not exist yet. */
static GPtrArray *
read_applied (PGconn  *conn,
              GError **error)
{
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_server_migration_free);
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) rows = NULL;

  exists = cs_pg_query (conn, "SELECT to_regclass ('cs.schema_migrations') IS NOT NULL", 0, NULL, error);
  if (!exists)
    return NULL;
  if (!g_str_equal (PQgetvalue (exists, 0, 0), "t"))
    return g_steal_pointer (&applied);

  if (!(rows = cs_pg_query (conn, SELECT_APPLIED, 0, NULL, error)))
    return NULL;
  for (int r = 0; r < PQntuples (rows); r++)
    {
      CsServerMigration *m = g_new0 (CsServerMigration, 1);

      m->number = (int) g_ascii_strtoll (PQgetvalue (rows, r, 0), NULL, 10);
      m->name = g_strdup (PQgetvalue (rows, r, 1));
      m->checksum = g_strdup (PQgetvalue (rows, r, 2));
      m->applied_at = g_strdup (PQgetvalue (rows, r, 3));
      m->state = CS_SERVER_MIGRATION_APPLIED;
      g_ptr_array_add (applied, m);
    }
  return g_steal_pointer (&applied);
}

static GPtrArray *
merge_status (GPtrArray *shipped,
              GPtrArray *applied)
{
  GPtrArray *status = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_server_migration_free);

  for (guint i = 0; i < shipped->len; i++)
    {
      Shipped *s = g_ptr_array_index (shipped, i);
      CsServerMigration *m = g_new0 (CsServerMigration, 1);

      m->number = s->number;
      m->name = g_strdup (s->name);
      m->checksum = g_strdup (s->checksum);
      m->state = CS_SERVER_MIGRATION_PENDING;
      g_ptr_array_add (status, m);
    }

  for (guint i = 0; i < applied->len; i++)
    {
      CsServerMigration *a = g_ptr_array_index (applied, i);
      CsServerMigration *m;

      m = NULL;
      for (guint j = 0; j < shipped->len && !m; j++)
        if (((CsServerMigration *) g_ptr_array_index (status, j))->number == a->number)
          m = g_ptr_array_index (status, j);
      if (m)
        {
          m->applied_at = g_strdup (a->applied_at);
          m->state = g_str_equal (m->checksum, a->checksum) ? CS_SERVER_MIGRATION_APPLIED
                                                            : CS_SERVER_MIGRATION_CHANGED;
          g_free (m->checksum);
          m->checksum = g_strdup (a->checksum);
        }
      else
        {
          m = g_new0 (CsServerMigration, 1);
          m->number = a->number;
          m->name = g_strdup (a->name);
          m->checksum = g_strdup (a->checksum);
          m->applied_at = g_strdup (a->applied_at);
          m->state = CS_SERVER_MIGRATION_UNKNOWN;
          g_ptr_array_add (status, m);
        }
    }
  return status;
}

GPtrArray *
cs_server_schema_status (PGconn  *conn,
                         GError **error)
{
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) applied = NULL;

  g_return_val_if_fail (conn != NULL, NULL);

  if (!(shipped = list_shipped (error)) || !(applied = read_applied (conn, error)))
    return NULL;
  return merge_status (shipped, applied);
}

/* Refuses to build on a schema this program does not know exactly. */
static gboolean
check_applied (GPtrArray  *status,
               GError    **error)
{
  for (guint i = 0; i < status->len; i++)
    {
      CsServerMigration *m = g_ptr_array_index (status, i);

      if (m->state == CS_SERVER_MIGRATION_UNKNOWN)
        {
          g_set_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_NEWER_SCHEMA,
                       _("The server database has migration %d (%s), made by a newer Case "
                         "Studio. Update Case Studio; the server was not changed."),
                       m->number, m->name);
          return FALSE;
        }
      if (m->state == CS_SERVER_MIGRATION_CHANGED)
        {
          g_set_error (error, CS_SERVER_ERROR, CS_SERVER_ERROR_CHANGED_MIGRATION,
                       _("Server migration %s was applied from a different text than this "
                         "Case Studio ships (checksums differ). The server was not changed."),
                       m->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_one (PGconn   *conn,
           Shipped  *shipped,
           gboolean *applied,
           GError  **error)
{
  g_autofree char *number = g_strdup_printf ("%d", shipped->number);
  const char *params[] = { number, shipped->name, shipped->checksum };
  g_autoptr(PGresult) done = NULL;
  g_autoptr(PGresult) recorded = NULL;

  *applied = FALSE;
  if (!begin_as_admin (conn, error))
    return FALSE;

  /* Another program may have applied it while this one waited for the lock. */
  done = cs_pg_query (conn, "SELECT FROM cs.schema_migrations WHERE version = $1::integer",
                      1, params, error);
  if (!done)
    goto fail;
  if (PQntuples (done) > 0)
    return cs_pg_exec (conn, "COMMIT", error);

  g_debug ("Applying server migration %s", shipped->name);
  if (!cs_pg_exec (conn, shipped->sql, error))
    goto fail;
  recorded = cs_pg_query (conn,
                          "INSERT INTO cs.schema_migrations (version, name, checksum) "
                          "VALUES ($1::integer, $2, $3)",
                          3, params, error);
  if (!recorded || !cs_pg_exec (conn, "COMMIT", error))
    goto fail;
  *applied = TRUE;
  return TRUE;

fail:
  rollback (conn);
  g_prefix_error (error, _("Applying server migration %s failed: "), shipped->name);
  return FALSE;
}

gboolean
cs_server_schema_migrate (PGconn   *conn,
                          guint    *n_applied,
                          GError  **error)
{
  return cs_server_schema_migrate_to (conn, 0, n_applied, error);
}

gboolean
cs_server_schema_migrate_to (PGconn   *conn,
                             int       last,
                             guint    *n_applied,
                             GError  **error)
{
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) status = NULL;
  guint count = 0;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (n_applied)
    *n_applied = 0;
  if (!(shipped = list_shipped (error)) || !check_admin (conn, error))
    return FALSE;

  if (!begin_as_admin (conn, error))
    return FALSE;
  if (!cs_pg_exec (conn, BOOTSTRAP_SQL, error) || !cs_pg_exec (conn, "COMMIT", error))
    {
      rollback (conn);
      return FALSE;
    }

  if (!(status = cs_server_schema_status (conn, error)) || !check_applied (status, error))
    return FALSE;

  for (guint i = 0; i < shipped->len; i++)
    {
      CsServerMigration *m = g_ptr_array_index (status, i);
      gboolean applied;

      if (m->state != CS_SERVER_MIGRATION_PENDING)
        continue;
      if (last > 0 && m->number > last)
        break;
      if (!apply_one (conn, g_ptr_array_index (shipped, i), &applied, error))
        return FALSE;
      count += applied;
    }

  if (n_applied)
    *n_applied = count;
  return TRUE;
}

gboolean
cs_server_schema_init (PGconn   *conn,
                       guint    *n_applied,
                       GError  **error)
{
  return cs_server_schema_init_to (conn, 0, n_applied, error);
}

gboolean
cs_server_schema_init_to (PGconn   *conn,
                          int       last,
                          guint    *n_applied,
                          GError  **error)
{
  g_autofree char *roles = NULL;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!(roles = load_sql (ROLES_SQL, NULL, error)))
    return FALSE;

  if (!cs_pg_exec (conn, "BEGIN", error))
    return FALSE;
  if (!cs_pg_exec (conn, TAKE_MIGRATION_LOCK, error) ||
      !cs_pg_exec (conn, roles, error) ||
      !cs_pg_exec (conn, "COMMIT", error))
    {
      rollback (conn);
      g_prefix_error (error, _("Creating the Case Studio roles failed (run “server init” as a "
                               "PostgreSQL superuser): "));
      return FALSE;
    }

  return cs_server_schema_migrate_to (conn, last, n_applied, error);
}

char *
cs_server_add_instructor (PGconn      *conn,
                          const char  *username,
                          const char  *password,
                          const char  *display_name,
                          GError     **error)
{
  const char *params[] = { username, password, display_name };
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (username != NULL && password != NULL, NULL);

  result = cs_pg_query (conn, "SELECT cs.cs_add_instructor ($1, $2, $3)", 3, params, error);
  if (!result)
    return NULL;
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* Checking the server from a client */

/* "009, 010 and 012": the numbers of the migrations in @missing. */
static char *
join_numbers (GArray *missing)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the numbers of server updates in a list: "009, 010 and 012" */
        g_string_append (text, i + 1 == missing->len ? _(" and ") : _(", "));
      g_string_append_printf (text, "%03d", g_array_index (missing, int, i));
    }
  return g_string_free (text, FALSE);
}

/* @missing: the numbers of the migrations the server lacks, or NULL when not known. */
static void
set_too_old (GError **error,
             GArray  *missing)
{
  g_autofree char *numbers = missing ? join_numbers (missing) : NULL;
  g_autofree char *lacks = NULL;

  if (numbers)
    /* TRANSLATORS: %s is a list of numbers of server updates: "009, 010 and 012" */
    lacks = g_strdup_printf (ngettext (" (it lacks update %s)", " (it lacks updates %s)", missing->len),
                             numbers);
  g_set_error (error, CS_SYNC_ERROR, CS_SYNC_ERROR_SERVER_TOO_OLD,
               /* TRANSLATORS: %s is empty or " (it lacks updates 009 and 010)" */
               _("The server has not been updated for this version of Case Studio%s, so sync "
                 "is stopped. Ask the server’s administrator to run “case-studio-cli server "
                 "migrate”. Your library keeps working here, and your changes will be sent "
                 "once the server is updated."),
               lacks ? lacks : "");
}

gboolean
cs_server_schema_check_client (PGconn  *conn,
                               GError **error)
{
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) applied = g_hash_table_new (NULL, NULL);
  g_autoptr(PGresult) result = NULL;
  const char *sqlstate;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!(shipped = list_shipped (error)))
    return FALSE;

  result = PQexec (conn, "SELECT array_to_string (cs.cs_schema_versions (), ',')");
  sqlstate = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  /* No function (012 not applied) or no schema at all: older than this client, which ships
   * 012; which of the others it has is not known to this login. */
  if (g_strcmp0 (sqlstate, "42883") == 0 || g_strcmp0 (sqlstate, "3F000") == 0)
    {
      g_autoptr(PGresult) rollback = PQtransactionStatus (conn) == PQTRANS_INERROR
                                     ? PQexec (conn, "ROLLBACK") : NULL;

      set_too_old (error, NULL);
      return FALSE;
    }
  else if (!cs_server_check (conn, result, error))
    return FALSE;
  else
    {
      g_auto(GStrv) numbers = g_strsplit (PQgetvalue (result, 0, 0), ",", -1);

      for (guint i = 0; numbers[i]; i++)
        if (*numbers[i])
          g_hash_table_add (applied, GINT_TO_POINTER ((int) g_ascii_strtoll (numbers[i], NULL, 10)));
      for (guint i = 0; i < shipped->len; i++)
        {
          Shipped *s = g_ptr_array_index (shipped, i);

          if (!g_hash_table_contains (applied, GINT_TO_POINTER (s->number)))
            g_array_append_val (missing, s->number);
        }
    }

  if (missing->len == 0)
    return TRUE;
  set_too_old (error, missing);
  return FALSE;
}
