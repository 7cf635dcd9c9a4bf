/* cs-store-db.h: SQLite helpers of the local library (private to src/store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* How long a write waits for another connection's write lock before giving up. */
#define CS_STORE_BUSY_TIMEOUT_MS 3000

/* Sets @error from a failed SQLite call (result @rc on @db, which may be NULL) with a
 * message the user can act on, and returns FALSE. SQLITE_INTERRUPT (a cancelled
 * operation) becomes G_IO_ERROR_CANCELLED. */
gboolean      cs_store_db_fail          (sqlite3       *db,
                                         int            rc,
                                         GError       **error);
gboolean      cs_store_db_exec          (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
sqlite3_stmt *cs_store_db_prepare       (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean      cs_store_db_run           (sqlite3_stmt  *stmt,
                                         GError       **error);
/* Prepared statements of one connection, kept for reuse: a statement run on every turn of
 * a simulation is compiled once, not per write. Use from the thread holding the
 * connection, and free before closing it. */
typedef struct _CsStoreStatements CsStoreStatements;

CsStoreStatements *cs_store_statements_new  (sqlite3            *db);
void               cs_store_statements_free (CsStoreStatements  *self);
/* The statement for @sql, prepared on first use, reset and without bindings; owned by
 * @self (do not finalize it). Run it with cs_store_db_run(), which resets it again. */
sqlite3_stmt      *cs_store_statements_get  (CsStoreStatements  *self,
                                             const char         *sql,
                                             GError            **error);
/* How many statements @self holds (for tests). */
guint              cs_store_statements_get_size (CsStoreStatements *self);

/* Reads one integer (first column of the first row) or @fallback when there is no row. */
gboolean      cs_store_db_get_int64     (sqlite3       *db,
                                         const char    *sql,
                                         gint64         fallback,
                                         gint64        *value,
                                         GError       **error);

/* BEGIN IMMEDIATE: takes the write lock at once, waiting up to the busy timeout. */
gboolean      cs_store_db_begin         (sqlite3       *db,
                                         GError       **error);
gboolean      cs_store_db_commit        (sqlite3       *db,
                                         GError       **error);
/* Rolls back an open transaction, if any; keeps the error message of the failed call. */
void          cs_store_db_rollback      (sqlite3       *db);

/* Times are ISO 8601 UTC text with microseconds: text order is time order. */
char         *cs_store_time_to_text     (GDateTime     *when);
GDateTime    *cs_store_time_from_text   (const char    *text);
char         *cs_store_now_text         (void);

void          cs_store_bind_text        (sqlite3_stmt  *stmt,
                                         int            index,
                                         const char    *text);
/* A column as text, or NULL for SQL NULL. */
const char   *cs_store_column_text      (sqlite3_stmt  *stmt,
                                         int            index);

/* Opening (cs-store-schema.c): opens or creates the file, refuses a schema newer than
 * this build knows, sets WAL, foreign keys, synchronous=FULL and the busy timeout, and
 * applies the missing migrations, each in its own transaction. */
sqlite3      *cs_store_db_open          (const char    *path,
                                         int           *schema_version,
                                         GError       **error);
/* The number of the newest migration this build ships. */
int           cs_store_db_newest_schema (void);

G_END_DECLS
