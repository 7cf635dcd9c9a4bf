/* cs-listener.h: LISTEN for changes on the server, on a dedicated connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connects (on a GTask thread) and runs LISTEN cs_changes; the server's triggers NOTIFY
 * with {"t": table, "id": row, "seq": change_seq} on every committed change. The socket is
 * watched from the thread-default main context of cs_listener_start(), where "changed"
 * (the change_seq) is emitted. A lost connection is made again with exponential backoff
 * (1 s, 2 s, … up to a minute); "listening" tells whether notifications can arrive. This
 * is the only connection with session state, so sync also works through a pooler in
 * transaction mode for everything else (the LISTEN connection must bypass the pooler).
 *
 * cs_listener_new_for_channel() listens on another channel (the dashboard's cs_dashboard);
 * "notified" hands over each payload as it came.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CS_TYPE_LISTENER (cs_listener_get_type ())
G_DECLARE_FINAL_TYPE (CsListener, cs_listener, CS, LISTENER, GObject)

CsListener *cs_listener_new           (const char *conninfo);
CsListener *cs_listener_new_for_channel (const char *conninfo,
                                         const char *channel);
void        cs_listener_start         (CsListener *self);
void        cs_listener_stop          (CsListener *self);
gboolean    cs_listener_get_listening (CsListener *self);

G_END_DECLS
