/* cs-server-account.h: where the shared server is and who signs in to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Host, port, database and user live in GSettings (server-host, server-port,
 * server-database, server-user); the password in the keyring (libsecret), never in a file.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  char *host;
  int   port;
  char *database;
  char *user;
  /* The PostgreSQL server's own port for live notifications when a pooler in transaction
   * mode (PgBouncer) listens on @port: LISTEN needs a session of its own. 0: @port. */
  int   listen_port;
} CsServerAccount;

#define CS_TYPE_SERVER_ACCOUNT (cs_server_account_get_type ())
GType            cs_server_account_get_type   (void) G_GNUC_CONST;
CsServerAccount *cs_server_account_new        (const char            *host,
                                               int                    port,
                                               const char            *database,
                                               const char            *user);
CsServerAccount *cs_server_account_copy       (const CsServerAccount *account);
void             cs_server_account_free       (CsServerAccount       *account);
/* NULL when @settings has no server (empty host or user). */
CsServerAccount *cs_server_account_load       (GSettings             *settings);
void             cs_server_account_save       (const CsServerAccount *account,
                                               GSettings             *settings);
/* Forgets the server in @settings (the keyring's password stays until cleared). */
void             cs_server_account_forget     (GSettings             *settings);
/* A libpq connection string with every value quoted as libpq wants it. */
char            *cs_server_account_dup_conninfo (const CsServerAccount *account,
                                                 const char            *password);
/* The conninfo of the LISTEN connection when it differs (a listen port is set), else NULL. */
char            *cs_server_account_dup_listen_conninfo (const CsServerAccount *account,
                                                        const char            *password);
/* "user on host/database" for the account page. */
char            *cs_server_account_dup_label  (const CsServerAccount *account);

/* The password in the keyring ("" when there is none). */
void             cs_server_account_lookup_password_async  (const CsServerAccount *account,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
char            *cs_server_account_lookup_password_finish (GAsyncResult          *result,
                                                           GError               **error);
void             cs_server_account_store_password_async   (const CsServerAccount *account,
                                                           const char            *password,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean         cs_server_account_store_password_finish  (GAsyncResult          *result,
                                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsServerAccount, cs_server_account_free)

G_END_DECLS
