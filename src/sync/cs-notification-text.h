/* cs-notification-text.h: a notification's title and text in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server writes them in English; these write them from the notification's type and the
 * names, titles, dates and scores of its data (010-inbox.sql adds those), with translatable
 * strings. A type this version does not know, or data without what its text needs, gives
 * the server's own text.
 */
#pragma once

#include "cs-notification.h"

G_BEGIN_DECLS

/* @now: the Unix time to count "due in 3 hours" from. */
char *cs_notification_dup_display_title (CsNotification *notification);
char *cs_notification_dup_display_body  (CsNotification *notification,
                                         gint64          now);

G_END_DECLS
