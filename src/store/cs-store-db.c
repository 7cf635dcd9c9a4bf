/* cs-store-db.c: SQLite helpers of the local library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "cs-store.h"
#include "cs-store-db.h"

static const char *
db_path (sqlite3 *db)
{
  const char *path = db ? sqlite3_db_filename (db, "main") : NULL;

  return path && *path ? path : _("(unknown file)");
}

gboolean
cs_store_db_fail (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  int sys_errno = db ? sqlite3_system_errno (db) : 0;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_LOCKED,
                           _("The library is being changed by another Case Studio program. "
                             "Try again when it has finished."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                   _("The library “%s” cannot be changed because the file or its folder is "
                     "read-only. Check the permissions of the folder, or free it from "
                     "write protection, and try again."),
                   db_path (db));
      break;

    case SQLITE_CANTOPEN:
      if (sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS)
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_READ_ONLY,
                     _("The library “%s” cannot be opened for writing: its folder is read-only "
                       "or belongs to another user. Check the permissions of the folder and "
                       "try again."),
                     db_path (db));
      else
        g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                     _("The library “%s” cannot be opened (%s). Check that its folder exists "
                       "and try again."),
                     db_path (db), detail);
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_FULL,
                           _("The disk is full, so the library could not be saved. Free some "
                             "disk space and try again; nothing was changed."));
      break;

    case SQLITE_IOERR:
      if (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG)
        return cs_store_db_fail (NULL, SQLITE_FULL, error);
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                   _("The library “%s” could not be read or written (%s). Check the disk "
                     "and try again."),
                   db_path (db), detail);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_CORRUPT,
                   _("The library file “%s” is damaged or is not a Case Studio library. "
                     "Move it away and restore it from a backup, or let Case Studio start "
                     "a new, empty library."),
                   db_path (db));
      break;

    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled; the library was not changed."));
      break;

    default:
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                   _("The library “%s” could not be used (%s). Try again; if this keeps "
                     "happening, please report it."),
                   db_path (db), detail);
      break;
    }

  return FALSE;
}

gboolean
cs_store_db_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cs_store_db_fail (db, rc, error);

  return TRUE;
}

sqlite3_stmt *
cs_store_db_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      cs_store_db_fail (db, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
cs_store_db_run (sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cs_store_db_fail (sqlite3_db_handle (stmt), rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

struct _CsStoreStatements
{
  sqlite3    *db;
  GHashTable *by_sql;  /* SQL text → sqlite3_stmt */
};

static void
statement_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

CsStoreStatements *
cs_store_statements_new (sqlite3 *db)
{
  CsStoreStatements *self = g_new0 (CsStoreStatements, 1);

  self->db = db;
  self->by_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        statement_finalize);
  return self;
}

void
cs_store_statements_free (CsStoreStatements *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_sql);
  g_free (self);
}

sqlite3_stmt *
cs_store_statements_get (CsStoreStatements  *self,
                         const char         *sql,
                         GError            **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->by_sql, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if ((stmt = cs_store_db_prepare (self->db, sql, error)) != NULL)
    g_hash_table_insert (self->by_sql, g_strdup (sql), stmt);
  return stmt;
}

guint
cs_store_statements_get_size (CsStoreStatements *self)
{
  return g_hash_table_size (self->by_sql);
}

gboolean
cs_store_db_get_int64 (sqlite3     *db,
                       const char  *sql,
                       gint64       fallback,
                       gint64      *value,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, sql, error);
  int rc;

  if (!stmt)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = fallback;
  else
    return cs_store_db_fail (db, rc, error);

  return TRUE;
}

gboolean
cs_store_db_begin (sqlite3  *db,
                   GError  **error)
{
  return cs_store_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
cs_store_db_commit (sqlite3  *db,
                    GError  **error)
{
  if (!cs_store_db_exec (db, "COMMIT", error))
    {
      cs_store_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

void
cs_store_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

char *
cs_store_time_to_text (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (!when)
    return NULL;

  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
cs_store_time_from_text (const char *text)
{
  if (!text || !*text)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

char *
cs_store_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return cs_store_time_to_text (now);
}

void
cs_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
cs_store_column_text (sqlite3_stmt *stmt,
                      int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}
