/* cs-sync-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-sync-session.h"

struct _CsSyncSession
{
  GObject          parent_instance;

  CsStore         *store;
  GSettings       *settings;
  CsServerAccount *account;
  CsSync          *sync;
  char            *identity;
  char            *kind;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (CsSyncSession, cs_sync_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYNC,
  PROP_ACCOUNT,
  PROP_IDENTITY,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_sync (CsSyncSession *self,
          CsSync        *sync)
{
  if (self->sync)
    cs_sync_stop_live (self->sync);
  if (g_set_object (&self->sync, sync))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

static void
set_identity (CsSyncSession *self,
              const char    *identity)
{
  if (g_strcmp0 (self->identity, identity) == 0)
    return;
  g_free (self->identity);
  self->identity = g_strdup (identity);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY]);
}

static void
set_kind (CsSyncSession *self,
          const char    *kind)
{
  if (kind && !*kind)
    kind = NULL;
  if (g_strcmp0 (self->kind, kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static gboolean
kind_job (PGconn        *conn,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  PGresult *answer = cs_server_query (conn, "SELECT coalesce (cs.kind_of (current_user), "
                                            "CASE WHEN cs.is_admin () THEN 'admin' END)",
                                      0, NULL, error);

  if (!answer)
    return FALSE;
  if (!PQgetisnull (answer, 0, 0))
    *result = g_strdup (PQgetvalue (answer, 0, 0));
  PQclear (answer);
  return TRUE;
}

static void
on_kind (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(CsSyncSession) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &kind, &error))
    {
      /* offline: the remembered kind stands */
      g_debug ("Could not ask the server what this login is: %s", error->message);
      return;
    }
  if (!self->sync || cs_sync_get_server (self->sync) != CS_SERVER (source))
    return;
  set_kind (self, kind);
  if (self->settings)
    g_settings_set_string (self->settings, "server-kind", kind ? kind : "");
}

static void
ask_kind (CsSyncSession *self)
{
  cs_server_run_async (cs_sync_get_server (self->sync), kind_job, NULL, NULL, g_free,
                       self->cancellable, on_kind, g_object_ref (self));
}

static void
set_account (CsSyncSession         *self,
             const CsServerAccount *account)
{
  g_clear_pointer (&self->account, cs_server_account_free);
  self->account = account ? cs_server_account_copy (account) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

static void
on_pulled (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!cs_sync_pull_finish (CS_SYNC (source), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("pull: %s", error->message);
}

static void
on_pushed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  cs_sync_push_finish (CS_SYNC (source), result, NULL, &error);
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("push: %s", error->message);
  if (!error)
    cs_sync_pull_async (CS_SYNC (source), NULL, on_pulled, NULL);
}

void
cs_sync_session_sync_now (CsSyncSession *self)
{
  g_return_if_fail (CS_IS_SYNC_SESSION (self));

  if (self->sync)
    cs_sync_push_async (self->sync, self->cancellable, on_pushed, NULL);
}

/* --- resume at start ------------------------------------------------------------------ */

static void
start (CsSyncSession *self,
       const char    *password)
{
  g_autofree char *conninfo = cs_server_account_dup_conninfo (self->account, password);
  g_autofree char *listen = cs_server_account_dup_listen_conninfo (self->account, password);
  g_autoptr(CsServer) server = cs_server_new (conninfo);
  g_autoptr(CsSync) sync = cs_sync_new (self->store, server);

  cs_sync_set_listen_conninfo (sync, listen);
  set_sync (self, sync);
  cs_sync_start_live (sync);
  ask_kind (self);
}

static void
on_resume_password (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(CsSyncSession) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = cs_server_account_lookup_password_finish (result, &error);

  if (error)
    g_debug ("No server password from the keyring: %s", error->message);
  if (self->account && self->sync == NULL)
    start (self, password);
}

void
cs_sync_session_resume (CsSyncSession *self)
{
  g_autoptr(CsServerAccount) account = NULL;

  g_return_if_fail (CS_IS_SYNC_SESSION (self));

  if (self->settings == NULL || !(account = cs_server_account_load (self->settings)))
    return;
  set_account (self, account);
  {
    g_autofree char *kind = g_settings_get_string (self->settings, "server-kind");

    set_kind (self, kind);
  }
  cs_server_account_lookup_password_async (account, self->cancellable, on_resume_password,
                                           g_object_ref (self));
}

/* --- connecting to a new account -------------------------------------------------------- */

typedef struct {
  CsServerAccount *account;
  char            *password;
  CsServer        *server;
  gboolean         password_saved;
} Connect;

static void
connect_free (gpointer data)
{
  Connect *c = data;

  cs_server_account_free (c->account);
  g_free (c->password);
  g_clear_object (&c->server);
  g_free (c);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(GTask) task = data;
  Connect *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  c->password_saved = cs_server_account_store_password_finish (result, &error);
  if (error)
    g_debug ("The keyring did not keep the server password: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsSyncSession *self = g_task_get_source_object (task);
  Connect *c = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(CsSync) sync = NULL;

  if (!cs_server_connect_finish (CS_SERVER (source), result, &error))
    {
      /* nothing is saved: the old account, if any, keeps syncing */
      g_task_return_error (task, error);
      return;
    }

  set_account (self, c->account);
  if (self->settings)
    cs_server_account_save (c->account, self->settings);
  set_identity (self, c->account->user);
  sync = cs_sync_new (self->store, c->server);
  {
    g_autofree char *listen = cs_server_account_dup_listen_conninfo (c->account, c->password);

    cs_sync_set_listen_conninfo (sync, listen);
  }
  set_sync (self, sync);
  set_kind (self, NULL);
  cs_sync_start_live (sync);
  ask_kind (self);
  cs_sync_session_sync_now (self);

  cs_server_account_store_password_async (c->account, c->password, NULL, on_password_stored,
                                          g_object_ref (task));
}

void
cs_sync_session_connect_async (CsSyncSession         *self,
                               const CsServerAccount *account,
                               const char            *password,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *conninfo = NULL;
  Connect *c;

  g_return_if_fail (CS_IS_SYNC_SESSION (self));
  g_return_if_fail (account != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_sync_session_connect_async);
  c = g_new0 (Connect, 1);
  c->account = cs_server_account_copy (account);
  c->password = g_strdup (password ? password : "");
  conninfo = cs_server_account_dup_conninfo (account, password);
  c->server = cs_server_new (conninfo);
  g_task_set_task_data (task, c, connect_free);
  cs_server_connect_async (c->server, cancellable, on_connected, g_steal_pointer (&task));
}

gboolean
cs_sync_session_connect_finish (CsSyncSession  *self,
                                GAsyncResult   *result,
                                gboolean       *password_saved,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (password_saved)
    *password_saved = ((Connect *) g_task_get_task_data (G_TASK (result)))->password_saved;
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cs_sync_session_disconnect (CsSyncSession *self)
{
  g_return_if_fail (CS_IS_SYNC_SESSION (self));

  set_sync (self, NULL);
  set_identity (self, NULL);
  set_kind (self, NULL);
  set_account (self, NULL);
  if (self->settings)
    {
      cs_server_account_forget (self->settings);
      g_settings_reset (self->settings, "server-kind");
    }
}

/* --- object ------------------------------------------------------------------------------ */

static void
cs_sync_session_dispose (GObject *object)
{
  CsSyncSession *self = CS_SYNC_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sync)
    cs_sync_stop_live (self->sync);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (cs_sync_session_parent_class)->dispose (object);
}

static void
cs_sync_session_finalize (GObject *object)
{
  CsSyncSession *self = CS_SYNC_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->account, cs_server_account_free);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (cs_sync_session_parent_class)->finalize (object);
}

static void
cs_sync_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsSyncSession *self = CS_SYNC_SESSION (object);

  switch (prop_id)
    {
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_ACCOUNT:
      g_value_set_boxed (value, self->account);
      break;
    case PROP_IDENTITY:
      g_value_set_string (value, self->identity);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_sync_session_class_init (CsSyncSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_sync_session_dispose;
  object_class->finalize = cs_sync_session_finalize;
  object_class->get_property = cs_sync_session_get_property;

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, CS_TYPE_SYNC,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_boxed ("account", NULL, NULL, CS_TYPE_SERVER_ACCOUNT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTITY] =
    g_param_spec_string ("identity", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_sync_session_init (CsSyncSession *self)
{
  self->cancellable = g_cancellable_new ();
}

CsSyncSession *
cs_sync_session_new (CsStore   *store,
                     GSettings *settings)
{
  CsSyncSession *self;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CS_TYPE_SYNC_SESSION, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;
  return self;
}

CsSync *
cs_sync_session_get_sync (CsSyncSession *self)
{
  g_return_val_if_fail (CS_IS_SYNC_SESSION (self), NULL);

  return self->sync;
}

const CsServerAccount *
cs_sync_session_get_account (CsSyncSession *self)
{
  g_return_val_if_fail (CS_IS_SYNC_SESSION (self), NULL);

  return self->account;
}

const char *
cs_sync_session_get_identity (CsSyncSession *self)
{
  g_return_val_if_fail (CS_IS_SYNC_SESSION (self), NULL);

  return self->identity;
}

const char *
cs_sync_session_get_kind (CsSyncSession *self)
{
  g_return_val_if_fail (CS_IS_SYNC_SESSION (self), NULL);

  return self->kind;
}

gboolean
cs_sync_session_can_author (CsSyncSession *self)
{
  g_return_val_if_fail (CS_IS_SYNC_SESSION (self), FALSE);

  return self->kind == NULL || g_str_equal (self->kind, "instructor") || g_str_equal (self->kind, "admin");
}
