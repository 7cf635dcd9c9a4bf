/* cs-server-schema.h: creating and migrating the shared PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server schema ships in the core GResource as sql/server/NNN-name.sql (applied in
 * order, each in its own transaction, recorded in cs.schema_migrations with a SHA-256
 * checksum) and sql/server/roles.sql (the cluster's group roles, run by init).
 */
#pragma once

#include "cs-pg.h"

G_BEGIN_DECLS

typedef enum {
  CS_SERVER_MIGRATION_PENDING,  /* shipped, not applied yet */
  CS_SERVER_MIGRATION_APPLIED,  /* applied, same checksum as shipped */
  CS_SERVER_MIGRATION_CHANGED,  /* applied, but the shipped file differs */
  CS_SERVER_MIGRATION_UNKNOWN,  /* applied by a newer Case Studio, not shipped here */
} CsServerMigrationState;

typedef struct {
  int                    number;
  char                  *name;
  char                  *checksum;    /* hex SHA-256 of the SQL (the applied one if applied) */
  char                  *applied_at;  /* ISO 8601, NULL when pending */
  CsServerMigrationState state;
} CsServerMigration;

void       cs_server_migration_free      (CsServerMigration *migration);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsServerMigration, cs_server_migration_free)

/* Creates the group roles when missing (needs a superuser) and grants them this database,
 * then migrates. Safe to run again. */
gboolean   cs_server_schema_init         (PGconn   *conn,
                                          guint    *n_applied,
                                          GError  **error);

/* Applies the pending migrations; needs membership in cs_admin. *n_applied: how many. */
gboolean   cs_server_schema_migrate      (PGconn   *conn,
                                          guint    *n_applied,
                                          GError  **error);

/* Applies the pending migrations numbered up to @last (0: all); for tests that need a
 * server of an older Case Studio. */
gboolean   cs_server_schema_migrate_to   (PGconn   *conn,
                                          int       last,
                                          guint    *n_applied,
                                          GError  **error);
/* init, migrating up to @last (0: all). */
gboolean   cs_server_schema_init_to      (PGconn   *conn,
                                          int       last,
                                          guint    *n_applied,
                                          GError  **error);

/* For a client (any login): whether the server has every migration this program ships.
 * When not, CS_SYNC_ERROR_SERVER_TOO_OLD with a message that says what to do; a failed
 * query gives the CS_SYNC_ERROR of cs_server_check(). */
gboolean   cs_server_schema_check_client (PGconn   *conn,
                                          GError  **error);

/* Every shipped or applied migration in order, as CsServerMigration. */
GPtrArray *cs_server_schema_status       (PGconn   *conn,
                                          GError  **error);

/* Creates an instructor's login role and users row; returns the users row id. */
char      *cs_server_add_instructor      (PGconn      *conn,
                                          const char  *username,
                                          const char  *password,
                                          const char  *display_name,
                                          GError     **error);

G_END_DECLS
