/* cs-notifications-button.h: the header-bar bell with the unread count and a popover of
 * the signed-in person's notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only while the application's CsSyncSession is signed in to a server (or when a
 * CsNotifications is given directly). A click on a notification marks it read. A
 * notification that arrives while the window is not the active one is also sent to the
 * desktop (GNotification).
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-notifications.h"
#include "cs-sync-session.h"

G_BEGIN_DECLS

#define CS_TYPE_NOTIFICATIONS_BUTTON (cs_notifications_button_get_type ())
G_DECLARE_FINAL_TYPE (CsNotificationsButton, cs_notifications_button, CS, NOTIFICATIONS_BUTTON, GtkWidget)

void             cs_notifications_button_set_session       (CsNotificationsButton *self,
                                                            CsSyncSession         *session);
/* Shows @notifications (NULL: none, hidden); it is loaded and watched by its owner. */
void             cs_notifications_button_set_notifications (CsNotificationsButton *self,
                                                            CsNotifications       *notifications);
CsNotifications *cs_notifications_button_get_notifications (CsNotificationsButton *self);
/* For tests. */
GtkMenuButton   *cs_notifications_button_get_menu_button   (CsNotificationsButton *self);
GtkListBox      *cs_notifications_button_get_list          (CsNotificationsButton *self);
const char      *cs_notifications_button_get_badge         (CsNotificationsButton *self);
guint            cs_notifications_button_get_n_sent        (CsNotificationsButton *self);

G_END_DECLS
