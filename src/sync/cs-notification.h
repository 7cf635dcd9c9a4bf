/* cs-notification.h: one notification of the signed-in person's inbox on the server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the server wrote (type, title, text, when) and the ids it names in its data (the
 * thread of a message, the cohort, the assignment, the run), so that a view can open the
 * related thing. "read" changes when it is marked read.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_NOTIFICATION (cs_notification_get_type ())
G_DECLARE_FINAL_TYPE (CsNotification, cs_notification, CS, NOTIFICATION, GObject)

/* @data: the notification's data, a JSON object (NULL: none). */
CsNotification *cs_notification_new             (const char     *id,
                                                 const char     *type,
                                                 const char     *title,
                                                 const char     *message,
                                                 const char     *data,
                                                 gint64          created_at,
                                                 gboolean        read);
const char     *cs_notification_get_id          (CsNotification *self);
/* "message", "assignment", "due_soon", "run_completed", "grade", "enrollment", … */
const char     *cs_notification_get_kind        (CsNotification *self);
const char     *cs_notification_get_title       (CsNotification *self);
const char     *cs_notification_get_message     (CsNotification *self);
/* Unix time. */
gint64          cs_notification_get_created_at  (CsNotification *self);
gboolean        cs_notification_get_read        (CsNotification *self);
void            cs_notification_set_read        (CsNotification *self,
                                                 gboolean        read);
/* A member of the data ("thread_id", "cohort_id", "assignment_id", …) as text (numbers in
 * the C locale, booleans "true" or "false"), or NULL. */
const char     *cs_notification_get_data_id     (CsNotification *self,
                                                 const char     *key);

/* What clicking it opens, as an action of the application and its target (both NULL when
 * nothing): "app.open-thread" (s thread), "app.open-assignment" (ss cohort, assignment: the
 * student's view of it), "app.open-run" (sss cohort, assignment, student: the run a
 * student completed), "app.open-enrolment" (s cohort: its requests to join) or
 * "app.open-cohort" (s cohort). Returns TRUE when it opens something. */
gboolean        cs_notification_get_action      (CsNotification *self,
                                                 const char    **action_name,
                                                 GVariant      **target);

G_END_DECLS
