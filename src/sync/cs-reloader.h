/* cs-reloader.h: reloads of a server-backed model, one at a time, live through LISTEN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The machinery CsDashboard and CsNotifications share. cs_reloader_reload() starts the
 * owner's load unless one is under way; asked again meanwhile, it makes one more load
 * after it (however often it was asked). cs_reloader_watch() listens on its own connection
 * (CsListener): each notification the owner accepts reloads, and so does every
 * (re)connection, which catches up on what was missed while nobody listened.
 *
 * The owner keeps the reloader (it holds no reference to its owner) and disposes it with
 * itself: loads under way are then cancelled and nothing more is called.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The owner's _async/_finish pair of a load. */
typedef void     (*CsReloaderLoad)   (gpointer             owner,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
typedef gboolean (*CsReloaderFinish) (gpointer             owner,
                                      GAsyncResult        *result,
                                      GError             **error);
/* Whether a notification concerns the owner; @payload is its JSON object (NULL when the
 * payload is no JSON object). */
typedef gboolean (*CsReloaderAccept) (gpointer             owner,
                                      JsonObject          *payload);

#define CS_TYPE_RELOADER (cs_reloader_get_type ())
G_DECLARE_FINAL_TYPE (CsReloader, cs_reloader, CS, RELOADER, GObject)

/* @what names the owner in debug messages ("the dashboard"). */
CsReloader *cs_reloader_new           (gpointer          owner,
                                       CsReloaderLoad    load,
                                       CsReloaderFinish  finish,
                                       const char       *what);
void        cs_reloader_reload        (CsReloader       *self);
/* TRUE from a reload's start until the last one asked for has finished. */
gboolean    cs_reloader_get_reloading (CsReloader       *self);

/* LISTEN on @channel with @conninfo; @accept (NULL: every notification) decides. */
void        cs_reloader_watch         (CsReloader       *self,
                                       const char       *conninfo,
                                       const char       *channel,
                                       CsReloaderAccept  accept);
void        cs_reloader_unwatch       (CsReloader       *self);
/* Property "watching": notifications can arrive. */
gboolean    cs_reloader_get_watching  (CsReloader       *self);

/* Signals: "failed" (GError): a reload failed (not when cancelled). "notified" (JsonObject
 * or NULL): a notification the owner accepted, or NULL on a (re)connection, when anything
 * may have changed; the reload it makes follows. */

G_END_DECLS
