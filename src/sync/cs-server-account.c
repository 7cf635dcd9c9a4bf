/* cs-server-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "cs-server-account.h"

G_DEFINE_BOXED_TYPE (CsServerAccount, cs_server_account, cs_server_account_copy, cs_server_account_free)

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "org.casestudio.CaseStudio.ServerPassword", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

CsServerAccount *
cs_server_account_new (const char *host,
                       int         port,
                       const char *database,
                       const char *user)
{
  CsServerAccount *account = g_new0 (CsServerAccount, 1);

  account->host = g_strstrip (g_strdup (host ? host : ""));
  account->port = port > 0 && port < 65536 ? port : 5432;
  account->database = g_strstrip (g_strdup (database && *database ? database : "casestudio"));
  account->user = g_strstrip (g_strdup (user ? user : ""));
  return account;
}

CsServerAccount *
cs_server_account_copy (const CsServerAccount *account)
{
  CsServerAccount *copy = cs_server_account_new (account->host, account->port, account->database,
                                                 account->user);

  copy->listen_port = account->listen_port;
  return copy;
}

void
cs_server_account_free (CsServerAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->host);
  g_free (account->database);
  g_free (account->user);
  g_free (account);
}

CsServerAccount *
cs_server_account_load (GSettings *settings)
{
  g_autofree char *host = g_settings_get_string (settings, "server-host");
  g_autofree char *database = g_settings_get_string (settings, "server-database");
  g_autofree char *user = g_settings_get_string (settings, "server-user");

  CsServerAccount *account;

  if (*host == '\0' || *user == '\0')
    return NULL;
  account = cs_server_account_new (host, g_settings_get_int (settings, "server-port"), database, user);
  account->listen_port = g_settings_get_int (settings, "server-listen-port");
  return account;
}

void
cs_server_account_save (const CsServerAccount *account,
                        GSettings             *settings)
{
  g_settings_delay (settings);
  g_settings_set_string (settings, "server-host", account->host);
  g_settings_set_int (settings, "server-port", account->port);
  g_settings_set_string (settings, "server-database", account->database);
  g_settings_set_string (settings, "server-user", account->user);
  g_settings_set_int (settings, "server-listen-port", CLAMP (account->listen_port, 0, 65535));
  g_settings_apply (settings);
}

void
cs_server_account_forget (GSettings *settings)
{
  g_settings_delay (settings);
  g_settings_set_string (settings, "server-host", "");
  g_settings_set_string (settings, "server-user", "");
  g_settings_apply (settings);
}

/* 'value' with backslashes before quotes and backslashes, as libpq reads it. */
static void
append_value (GString    *out,
              const char *key,
              const char *value)
{
  if (out->len)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", key);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

static char *
conninfo_with_port (const CsServerAccount *account,
                    int                    port_number,
                    const char            *password)
{
  GString *out = g_string_new (NULL);
  g_autofree char *port = g_strdup_printf ("%d", port_number);

  append_value (out, "host", account->host);
  append_value (out, "port", port);
  append_value (out, "dbname", account->database);
  append_value (out, "user", account->user);
  if (password && *password)
    append_value (out, "password", password);
  append_value (out, "application_name", "Case Studio");
  append_value (out, "connect_timeout", "10");
  return g_string_free (out, FALSE);
}

char *
cs_server_account_dup_conninfo (const CsServerAccount *account,
                                const char            *password)
{
  return conninfo_with_port (account, account->port, password);
}

char *
cs_server_account_dup_listen_conninfo (const CsServerAccount *account,
                                       const char            *password)
{
  if (account->listen_port <= 0 || account->listen_port == account->port)
    return NULL;
  return conninfo_with_port (account, account->listen_port, password);
}

char *
cs_server_account_dup_label (const CsServerAccount *account)
{
  /* TRANSLATORS: "ann on db.example.org/casestudio" */
  return g_strdup_printf (_("%s on %s/%s"), account->user, account->host, account->database);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password ? password : g_strdup (""), g_free);
}

void
cs_server_account_lookup_password_async (const CsServerAccount *account,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cs_server_account_lookup_password_async);
  secret_password_lookup (password_schema (), cancellable, on_looked_up, task,
                          "host", account->host, "port", account->port,
                          "database", account->database, "user", account->user, NULL);
}

char *
cs_server_account_lookup_password_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cs_server_account_store_password_async (const CsServerAccount *account,
                                        const char            *password,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Case Studio server password for %s@%s"),
                                            account->user, account->host);

  g_task_set_source_tag (task, cs_server_account_store_password_async);
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_stored, task,
                         "host", account->host, "port", account->port,
                         "database", account->database, "user", account->user, NULL);
}

gboolean
cs_server_account_store_password_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
