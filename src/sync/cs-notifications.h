/* cs-notifications.h: the signed-in person's notifications, loaded from the server and
 * kept live through LISTEN cs_inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of CsNotification, the newest first (the latest 100). Queries run as jobs of
 * the CsServer's worker. The first load also asks the server for the "due soon" reminders
 * of the day (cs_make_due_soon_notifications, made once per assignment and student).
 *
 * cs_notifications_watch() listens on its own connection; a notification naming this login
 * reloads (one more load after a load under way), and so does every (re)connection of the
 * listener, which catches up on what came while it was away. "arrived" is emitted for
 * each unread notification a reload found that no earlier load had.
 */
#pragma once

#include "cs-notification.h"
#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_NOTIFICATIONS (cs_notifications_get_type ())
G_DECLARE_FINAL_TYPE (CsNotifications, cs_notifications, CS, NOTIFICATIONS, GObject)

CsNotifications *cs_notifications_new              (CsServer            *server);
CsServer        *cs_notifications_get_server       (CsNotifications     *self);
guint            cs_notifications_get_unread_count (CsNotifications     *self);
/* The server's id of the signed-in person (NULL until loaded). */
const char      *cs_notifications_get_user_id      (CsNotifications     *self);

void             cs_notifications_load_async       (CsNotifications     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         cs_notifications_load_finish      (CsNotifications     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Marks @notification (NULL: all) read at once and on the server; reloads on failure. */
void             cs_notifications_mark_read_async  (CsNotifications     *self,
                                                    CsNotification      *notification,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         cs_notifications_mark_read_finish (CsNotifications     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* LISTEN on @conninfo (the same server and login as the CsServer's; NULL: the CsServer's). */
void             cs_notifications_watch            (CsNotifications     *self,
                                                    const char          *conninfo);
void             cs_notifications_unwatch          (CsNotifications     *self);
gboolean         cs_notifications_get_watching     (CsNotifications     *self);

G_END_DECLS
