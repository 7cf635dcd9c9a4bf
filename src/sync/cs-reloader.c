/* cs-reloader.c: reloads of a server-backed model, one at a time, live through LISTEN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-listener.h"
#include "cs-reloader.h"

struct _CsReloader
{
  GObject           parent_instance;

  gpointer          owner;
  CsReloaderLoad    load;
  CsReloaderFinish  finish;
  CsReloaderAccept  accept;
  char             *what;
  CsListener       *listener;
  GCancellable     *cancellable;
  gboolean          reloading;
  gboolean          reload_again;  /* asked during a reload */
};

G_DEFINE_FINAL_TYPE (CsReloader, cs_reloader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WATCHING,
  N_PROPS
};

enum {
  FAILED,
  NOTIFIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
reload_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(CsReloader) self = data;
  g_autoptr(GError) error = NULL;

  if (!self->finish (source, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Reloading %s failed: %s", self->what, error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
    }
  self->reloading = FALSE;
  if (self->reload_again)
    cs_reloader_reload (self);
}

void
cs_reloader_reload (CsReloader *self)
{
  g_return_if_fail (CS_IS_RELOADER (self));

  if (!self->owner)
    return;  /* disposed with its owner */
  if (self->reloading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->reloading = TRUE;
  self->reload_again = FALSE;
  self->load (self->owner, self->cancellable, reload_done, g_object_ref (self));
}

gboolean
cs_reloader_get_reloading (CsReloader *self)
{
  g_return_val_if_fail (CS_IS_RELOADER (self), FALSE);

  return self->reloading;
}

/* Live */

static void
notified_cb (CsReloader *self,
             const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root = NULL;
  JsonObject *object = NULL;

  if (payload && json_parser_load_from_data (parser, payload, -1, NULL) &&
      (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  if (!self->accept || self->accept (self->owner, object))
    {
      g_signal_emit (self, signals[NOTIFIED], 0, object);
      cs_reloader_reload (self);
    }
}

static void
listening_cb (CsReloader *self)
{
  /* (Re)connected: what changed while nobody listened is only in the tables. */
  if (cs_listener_get_listening (self->listener))
    {
      g_signal_emit (self, signals[NOTIFIED], 0, NULL);
      cs_reloader_reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHING]);
}

void
cs_reloader_watch (CsReloader       *self,
                   const char       *conninfo,
                   const char       *channel,
                   CsReloaderAccept  accept)
{
  g_return_if_fail (CS_IS_RELOADER (self));
  g_return_if_fail (conninfo != NULL);
  g_return_if_fail (channel != NULL);

  cs_reloader_unwatch (self);
  self->accept = accept;
  self->listener = cs_listener_new_for_channel (conninfo, channel);
  g_signal_connect_object (self->listener, "notified", G_CALLBACK (notified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->listener, "notify::listening", G_CALLBACK (listening_cb), self,
                           G_CONNECT_SWAPPED);
  cs_listener_start (self->listener);
}

void
cs_reloader_unwatch (CsReloader *self)
{
  g_return_if_fail (CS_IS_RELOADER (self));

  if (!self->listener)
    return;
  g_signal_handlers_disconnect_by_data (self->listener, self);
  cs_listener_stop (self->listener);
  g_clear_object (&self->listener);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHING]);
}

gboolean
cs_reloader_get_watching (CsReloader *self)
{
  g_return_val_if_fail (CS_IS_RELOADER (self), FALSE);

  return self->listener && cs_listener_get_listening (self->listener);
}

/* GObject */

static void
cs_reloader_dispose (GObject *object)
{
  CsReloader *self = CS_RELOADER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->listener)
    {
      g_signal_handlers_disconnect_by_data (self->listener, self);
      cs_listener_stop (self->listener);
      g_clear_object (&self->listener);
    }
  self->owner = NULL;

  G_OBJECT_CLASS (cs_reloader_parent_class)->dispose (object);
}

static void
cs_reloader_finalize (GObject *object)
{
  CsReloader *self = CS_RELOADER (object);

  g_clear_object (&self->cancellable);
  g_free (self->what);

  G_OBJECT_CLASS (cs_reloader_parent_class)->finalize (object);
}

static void
cs_reloader_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WATCHING:
      g_value_set_boolean (value, cs_reloader_get_watching (CS_RELOADER (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_reloader_class_init (CsReloaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_reloader_dispose;
  object_class->finalize = cs_reloader_finalize;
  object_class->get_property = cs_reloader_get_property;

  properties[PROP_WATCHING] =
    g_param_spec_boolean ("watching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[NOTIFIED] = g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
}

static void
cs_reloader_init (CsReloader *self)
{
  self->cancellable = g_cancellable_new ();
}

CsReloader *
cs_reloader_new (gpointer          owner,
                 CsReloaderLoad    load,
                 CsReloaderFinish  finish,
                 const char       *what)
{
  CsReloader *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (load != NULL && finish != NULL, NULL);

  self = g_object_new (CS_TYPE_RELOADER, NULL);
  self->owner = owner;
  self->load = load;
  self->finish = finish;
  self->what = g_strdup (what ? what : G_OBJECT_TYPE_NAME (owner));
  return self;
}
