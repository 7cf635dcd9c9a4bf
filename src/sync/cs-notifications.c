/* cs-notifications.c: the signed-in person's notifications, loaded on the CsServer's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cs-pg.h"
#include "cs-notifications.h"
#include "cs-reloader.h"

#define CHANNEL "cs_inbox"
#define LIMIT "100"

struct _CsNotifications
{
  GObject       parent_instance;

  CsServer     *server;
  GListStore   *items;
  GHashTable   *known;         /* ids of every notification loaded so far */
  char         *user_id;
  CsReloader   *reloader;      /* the reloads it starts itself, and LISTEN */
  guint         unread;
  guint         n_loads;
};

static void list_model_iface_init (GListModelInterface *iface);
static void watching_cb           (CsNotifications     *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsNotifications, cs_notifications, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_UNREAD_COUNT,
  PROP_WATCHING,
  N_PROPS
};

enum {
  ARRIVED,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return CS_TYPE_NOTIFICATION;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (CS_NOTIFICATIONS (model)->items));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (CS_NOTIFICATIONS (model)->items), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
items_changed_cb (CsNotifications *self,
                  guint            position,
                  guint            removed,
                  guint            added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
count_unread (CsNotifications *self)
{
  guint unread = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsNotification) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      unread += !cs_notification_get_read (item);
    }
  if (unread != self->unread)
    {
      self->unread = unread;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD_COUNT]);
    }
}

static void
cs_notifications_dispose (GObject *object)
{
  CsNotifications *self = CS_NOTIFICATIONS (object);

  if (self->reloader)
    g_signal_handlers_disconnect_by_data (self->reloader, self);
  g_clear_object (&self->reloader);
  if (self->items)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cs_notifications_parent_class)->dispose (object);
}

static void
cs_notifications_finalize (GObject *object)
{
  CsNotifications *self = CS_NOTIFICATIONS (object);

  g_hash_table_unref (self->known);
  g_free (self->user_id);

  G_OBJECT_CLASS (cs_notifications_parent_class)->finalize (object);
}

static void
cs_notifications_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsNotifications *self = CS_NOTIFICATIONS (object);

  switch (prop_id)
    {
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread);
      break;
    case PROP_WATCHING:
      g_value_set_boolean (value, cs_notifications_get_watching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_notifications_class_init (CsNotificationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_notifications_dispose;
  object_class->finalize = cs_notifications_finalize;
  object_class->get_property = cs_notifications_get_property;

  properties[PROP_UNREAD_COUNT] = g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHING] = g_param_spec_boolean ("watching", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ARRIVED] = g_signal_new ("arrived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, CS_TYPE_NOTIFICATION);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cs_notifications_init (CsNotifications *self)
{
  self->items = g_list_store_new (CS_TYPE_NOTIFICATION);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reloader = cs_reloader_new (self, (CsReloaderLoad) cs_notifications_load_async,
                                    (CsReloaderFinish) cs_notifications_load_finish, "the notifications");
  g_signal_connect_swapped (self->reloader, "notify::watching", G_CALLBACK (watching_cb), self);
  g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
}

CsNotifications *
cs_notifications_new (CsServer *server)
{
  CsNotifications *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_NOTIFICATIONS, NULL);
  self->server = g_object_ref (server);
  return self;
}

CsServer *
cs_notifications_get_server (CsNotifications *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATIONS (self), NULL);
  return self->server;
}

guint
cs_notifications_get_unread_count (CsNotifications *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATIONS (self), 0);
  return self->unread;
}

const char *
cs_notifications_get_user_id (CsNotifications *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATIONS (self), NULL);
  return self->user_id;
}

/* Loading */

typedef struct {
  char      *user_id;
  GPtrArray *items;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->user_id);
  g_clear_pointer (&snapshot->items, g_ptr_array_unref);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static gboolean
load_job (PGconn        *conn,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  gboolean first = GPOINTER_TO_INT (data);
  g_autoptr(Snapshot) snapshot = g_new0 (Snapshot, 1);
  g_autoptr(PGresult) me = NULL;
  g_autoptr(PGresult) rows = NULL;

  if (first)
    {
      g_autoptr(PGresult) made = cs_server_query (conn, "SELECT cs.cs_make_due_soon_notifications ()",
                                                  0, NULL, error);
      if (!made)
        return FALSE;
    }
  me = cs_server_query (conn, "SELECT cs.uid (current_user)::text", 0, NULL, error);
  if (!me)
    return FALSE;
  rows = cs_server_query (conn,
    "SELECT id::text, type, title, message, data::text, floor (extract (epoch FROM created_at))::bigint, "
    "       read_at IS NOT NULL "
    "FROM cs.notifications WHERE user_id = cs.uid (current_user) "
    "ORDER BY created_at DESC, change_seq DESC LIMIT " LIMIT, 0, NULL, error);
  if (!rows)
    return FALSE;

  snapshot->user_id = PQntuples (me) && !PQgetisnull (me, 0, 0) ? g_strdup (PQgetvalue (me, 0, 0)) : NULL;
  snapshot->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (int r = 0; r < PQntuples (rows); r++)
    g_ptr_array_add (snapshot->items,
                     cs_notification_new (PQgetvalue (rows, r, 0), PQgetvalue (rows, r, 1),
                                          PQgetvalue (rows, r, 2), PQgetvalue (rows, r, 3),
                                          PQgetvalue (rows, r, 4),
                                          g_ascii_strtoll (PQgetvalue (rows, r, 5), NULL, 10),
                                          PQgetvalue (rows, r, 6)[0] == 't'));
  *result = g_steal_pointer (&snapshot);
  return TRUE;
}

static void
apply (CsNotifications *self,
       Snapshot        *snapshot)
{
  g_autoptr(GPtrArray) arrived = g_ptr_array_new_with_free_func (g_object_unref);

  g_free (self->user_id);
  self->user_id = g_strdup (snapshot->user_id);
  for (guint i = 0; i < snapshot->items->len; i++)
    {
      CsNotification *item = g_ptr_array_index (snapshot->items, i);

      if (g_hash_table_add (self->known, g_strdup (cs_notification_get_id (item))) &&
          self->n_loads > 0 && !cs_notification_get_read (item))
        g_ptr_array_add (arrived, g_object_ref (item));
    }
  self->n_loads++;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       snapshot->items->pdata, snapshot->items->len);
  count_unread (self);
  g_signal_emit (self, signals[LOADED], 0);
  /* Oldest first, as they came. */
  for (guint i = arrived->len; i > 0; i--)
    g_signal_emit (self, signals[ARRIVED], 0, g_ptr_array_index (arrived, i - 1));
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsNotifications *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = NULL;

  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &snapshot, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  apply (self, snapshot);
  snapshot_free (snapshot);
  g_task_return_boolean (task, TRUE);
}

void
cs_notifications_load_async (CsNotifications     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CS_IS_NOTIFICATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_notifications_load_async);
  cs_server_run_async (self->server, load_job, GINT_TO_POINTER (self->n_loads == 0), NULL,
                       (GDestroyNotify) snapshot_free, cancellable, load_done, task);
}

gboolean
cs_notifications_load_finish (CsNotifications  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reloads of its own (CsReloader): one at a time, one more if asked during it. */

static void
reload (CsNotifications *self)
{
  cs_reloader_reload (self->reloader);
}

/* Marking read */

static gboolean
mark_job (PGconn        *conn,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *id = data;
  g_autoptr(PGresult) rows = NULL;

  if (id)
    rows = cs_server_query (conn, "SELECT cs.cs_mark_notifications_read (ARRAY[$1::uuid])", 1,
                            (const char *[]) { id }, error);
  else
    rows = cs_server_query (conn, "SELECT cs.cs_mark_notifications_read ()", 0, NULL, error);
  return rows != NULL;
}

static void
mark_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsNotifications *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!cs_server_run_finish (CS_SERVER (source), result, NULL, &error))
    {
      reload (self);  /* shows what the server really has */
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
cs_notifications_mark_read_async (CsNotifications     *self,
                                  CsNotification      *notification,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  guint n;

  g_return_if_fail (CS_IS_NOTIFICATIONS (self));
  g_return_if_fail (!notification || CS_IS_NOTIFICATION (notification));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_notifications_mark_read_async);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsNotification) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!notification || g_str_equal (cs_notification_get_id (item), cs_notification_get_id (notification)))
        cs_notification_set_read (item, TRUE);
    }
  if (notification)
    cs_notification_set_read (notification, TRUE);
  count_unread (self);
  cs_server_run_async (self->server, mark_job,
                       notification ? g_strdup (cs_notification_get_id (notification)) : NULL, g_free,
                       NULL, cancellable, mark_done, task);
}

gboolean
cs_notifications_mark_read_finish (CsNotifications  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Live updates */

static gboolean
names_user (gpointer    owner,
            JsonObject *payload)
{
  CsNotifications *self = owner;

  /* Before the first load the id is not known: reload for any. */
  return !self->user_id ||
         (payload && g_strcmp0 (json_object_get_string_member_with_default (payload, "user", NULL), self->user_id) == 0);
}

static void
watching_cb (CsNotifications *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHING]);
}

void
cs_notifications_watch (CsNotifications *self,
                        const char      *conninfo)
{
  g_return_if_fail (CS_IS_NOTIFICATIONS (self));

  cs_reloader_watch (self->reloader, conninfo ? conninfo : cs_server_get_conninfo (self->server), CHANNEL,
                     names_user);
}

void
cs_notifications_unwatch (CsNotifications *self)
{
  g_return_if_fail (CS_IS_NOTIFICATIONS (self));

  cs_reloader_unwatch (self->reloader);
}

gboolean
cs_notifications_get_watching (CsNotifications *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATIONS (self), FALSE);

  return cs_reloader_get_watching (self->reloader);
}
