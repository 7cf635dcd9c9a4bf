/* cs-messages-window.h: instructor–student conversations: the threads and one thread with
 * a reply entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads through the messages API on @server's worker; opening a thread marks it read. It
 * listens on the inbox (@listen_conninfo, NULL: the server's) and reloads when a message
 * comes or is read.
 */
#pragma once

#include <adwaita.h>

#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_MESSAGES_WINDOW (cs_messages_window_get_type ())
G_DECLARE_FINAL_TYPE (CsMessagesWindow, cs_messages_window, CS, MESSAGES_WINDOW, AdwWindow)

CsMessagesWindow *cs_messages_window_new         (GtkWindow        *parent,
                                                  CsServer         *server,
                                                  const char       *listen_conninfo);
/* Opens the thread @thread_id once the threads are loaded. */
void              cs_messages_window_open_thread (CsMessagesWindow *self,
                                                  const char       *thread_id);
/* For tests. */
GtkListBox       *cs_messages_window_get_threads (CsMessagesWindow *self);
GtkListBox       *cs_messages_window_get_thread  (CsMessagesWindow *self);
GtkEntry         *cs_messages_window_get_entry   (CsMessagesWindow *self);

G_END_DECLS
