/* cs-store-schema.c: opening the library and applying its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migrations are resources/sql/local/NNN-name.sql in the core GResource. Each one runs in
 * its own BEGIN IMMEDIATE transaction together with "PRAGMA user_version = NNN", so a
 * crash leaves the database at the previous version, and a second program that opens the
 * library at the same time waits for the lock and then finds the work done.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cs-core-resources.h"
#include "cs-store.h"
#include "cs-store-db.h"

#define MIGRATIONS_PATH "/org/casestudio/CaseStudio/core/sql/local/"

typedef struct {
  int   number;
  char *name;
} Migration;

static void
migration_free (gpointer data)
{
  Migration *migration = data;

  g_free (migration->name);
  g_free (migration);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = *(const Migration * const *) a;
  const Migration *mb = *(const Migration * const *) b;

  return (ma->number > mb->number) - (ma->number < mb->number);
}

/* The migrations in order. A malformed list is a packaging bug: it is reported once
 * with g_critical and the bad entries are left out. */
static GPtrArray *
list_migrations (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (migration_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resource_enumerate_children (cs_core_get_resource (),
                                                       MIGRATIONS_PATH, 0, &error);

  if (!names)
    {
      g_critical ("No local migrations in the core resource: %s", error->message);
      return list;
    }

  for (guint i = 0; names[i]; i++)
    {
      const char *name = names[i];
      Migration *migration;

      if (!g_ascii_isdigit (name[0]) || !g_ascii_isdigit (name[1]) ||
          !g_ascii_isdigit (name[2]) || name[3] != '-' || !g_str_has_suffix (name, ".sql"))
        {
          g_critical ("Ignoring %s%s: migrations are named NNN-name.sql", MIGRATIONS_PATH, name);
          continue;
        }

      migration = g_new0 (Migration, 1);
      migration->number = (int) g_ascii_strtoll (name, NULL, 10);
      migration->name = g_strdup (name);
      g_ptr_array_add (list, migration);
    }

  g_ptr_array_sort (list, migration_compare);

  for (guint i = 0; i < list->len; i++)
    {
      Migration *migration = g_ptr_array_index (list, i);

      if (migration->number != (int) i + 1)
        {
          g_critical ("Local migrations must be numbered 001, 002, … without gaps; "
                      "%s breaks the sequence", migration->name);
          g_ptr_array_set_size (list, i);
          break;
        }
    }

  return list;
}

int
cs_store_db_newest_schema (void)
{
  g_autoptr(GPtrArray) list = list_migrations ();

  return (int) list->len;
}

static gboolean
apply_migration (sqlite3    *db,
                 Migration  *migration,
                 GError    **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, migration->name, NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->number);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gint64 current;

  bytes = g_resource_lookup_data (cs_core_get_resource (), path, 0, error);
  if (!bytes)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!cs_store_db_begin (db, error))
    return FALSE;

  /* Another program may have applied it while this one waited for the lock. */
  if (!cs_store_db_get_int64 (db, "PRAGMA user_version", 0, &current, error))
    goto fail;
  if (current >= migration->number)
    return cs_store_db_commit (db, error);

  g_debug ("Applying local migration %s", migration->name);
  if (!cs_store_db_exec (db, sql, error) ||
      !cs_store_db_exec (db, set_version, error))
    goto fail;

  return cs_store_db_commit (db, error);

fail:
  g_prefix_error (error, _("Updating the library to version %d failed: "), migration->number);
  cs_store_db_rollback (db);
  return FALSE;
}

static gboolean
configure (sqlite3  *db,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;
  int rc;

  /* WAL: readers never wait for the writer and a commit is one append to the log.
   * synchronous=FULL: every commit is on disk before save returns, so a power cut keeps
   * the last committed edit (NORMAL would stay consistent but could lose the last few
   * commits). Saves are user actions, so the cost of one fsync each does not matter. */
  stmt = cs_store_db_prepare (db, "PRAGMA journal_mode = WAL", error);
  if (!stmt)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return cs_store_db_fail (db, rc, error);
  mode = cs_store_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("The library %s stays in journal mode “%s”: the file system does not "
               "support write-ahead logging", sqlite3_db_filename (db, "main"), mode);

  return cs_store_db_exec (db,
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA synchronous = FULL;",
                           error);
}

/* SQLite does not say why it could not open a file: find out whether it is the rights. */
static gboolean
is_unwritable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_access (path, R_OK | W_OK) != 0 || g_access (dir, W_OK | X_OK) != 0;
  return g_file_test (dir, G_FILE_TEST_IS_DIR) && g_access (dir, W_OK | X_OK) != 0;
}

sqlite3 *
cs_store_db_open (const char  *path,
                  int         *schema_version,
                  GError     **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  sqlite3 *db = NULL;
  gint64 version = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    goto fail;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, CS_STORE_BUSY_TIMEOUT_MS);

  /* SQLite silently opens a write-protected file read-only. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      rc = SQLITE_READONLY;
      goto fail;
    }

  /* Read the version before anything writes: a newer library is left untouched. */
  if (!cs_store_db_get_int64 (db, "PRAGMA user_version", 0, &version, error))
    goto fail_with_error;

  if (version > (gint64) migrations->len)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NEWER_SCHEMA,
                   _("The library “%s” was made by a newer version of Case Studio (library "
                     "version %lld, this program reads up to %u). Update "
                     "Case Studio to open it; the library was not changed."),
                   path, (long long) version, migrations->len);
      goto fail_with_error;
    }

  if (!configure (db, error))
    goto fail_with_error;

  for (guint i = (guint) version; i < migrations->len; i++)
    if (!apply_migration (db, g_ptr_array_index (migrations, i), error))
      goto fail_with_error;

  if (!cs_store_db_get_int64 (db, "PRAGMA user_version", 0, &version, error))
    goto fail_with_error;

  if (schema_version)
    *schema_version = (int) version;
  return db;

fail:
  if ((rc & 0xff) == SQLITE_CANTOPEN && is_unwritable (path))
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                 _("The library “%s” cannot be opened for writing: the file or its folder is "
                   "read-only or belongs to another user. Check their permissions and try "
                   "again."),
                 path);
  else if ((rc & 0xff) == SQLITE_CANTOPEN)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                 _("The library “%s” cannot be opened. Check that its folder exists and try "
                   "again."),
                 path);
  else
    cs_store_db_fail (db, rc, error);
fail_with_error:
  sqlite3_close_v2 (db);
  return NULL;
}
