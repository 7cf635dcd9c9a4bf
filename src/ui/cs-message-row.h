/* cs-message-row.h: one message of the chat, with the sender's avatar, name and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_MESSAGE_ROW (cs_message_row_get_type ())
G_DECLARE_FINAL_TYPE (CsMessageRow, cs_message_row, CS, MESSAGE_ROW, GtkWidget)

GtkWidget *cs_message_row_new  (void);
/* Shows @message (its content follows it while a reply streams in); @scenario gives the
 * persona's role and avatar colour. NULL unbinds. */
void       cs_message_row_bind (CsMessageRow *self,
                                CsMessage    *message,
                                CsScenario   *scenario);

/* Someone else's run: the student's messages under @name instead of "You" (NULL: "You").
 * Takes effect at the next bind. */
void       cs_message_row_set_student_name (CsMessageRow *self,
                                            const char   *name);

G_END_DECLS
