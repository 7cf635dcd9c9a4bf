/* cs-new-message-dialog.h: starts a new thread: whom to write to, what about, the first message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the people the login may write to (cs_messages_list_recipients_async), one row per
 * person and shared cohort, and the assignments of that cohort; the thread has a subject
 * (may be empty) and is about the whole cohort or one of its assignments. Send starts the thread on
 * @server's worker, emits "sent" with the new thread's id and closes the dialog; a refusal
 * stays in the dialog as a toast, the text kept.
 */
#pragma once

#include <adwaita.h>

#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_NEW_MESSAGE_DIALOG (cs_new_message_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CsNewMessageDialog, cs_new_message_dialog, CS, NEW_MESSAGE_DIALOG, AdwWindow)

CsNewMessageDialog *cs_new_message_dialog_new            (GtkWindow          *parent,
                                                          CsServer           *server);
/* "loading", "empty" (nobody to write to) or "form". */
const char         *cs_new_message_dialog_get_state      (CsNewMessageDialog *self);
/* For tests. */
AdwComboRow        *cs_new_message_dialog_get_recipient  (CsNewMessageDialog *self);
AdwComboRow        *cs_new_message_dialog_get_about      (CsNewMessageDialog *self);
AdwEntryRow        *cs_new_message_dialog_get_subject    (CsNewMessageDialog *self);
AdwEntryRow        *cs_new_message_dialog_get_message    (CsNewMessageDialog *self);
GtkWidget          *cs_new_message_dialog_get_send_button (CsNewMessageDialog *self);

G_END_DECLS
