/* cs-open-target.h: opens what a notification points at, in the windows of the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One path for the application's actions app.open-thread (s), app.open-cohort (s),
 * app.open-enrolment (s), app.open-assignment (ss) and app.open-run (sss) (the targets of
 * cs_notification_get_action(), which desktop notifications use too) and for a click in
 * the notifications popover. An open Messages or Cohorts window is reused; a new one is
 * made on @server, transient for @parent.
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-cohorts-window.h"
#include "cs-server.h"

G_BEGIN_DECLS

/* @action_name: with or without "app."; @target: its parameter. @kind: the login's kind
 * ("instructor", "student"; NULL: the one the action is for); @listen_port: for the
 * enrolment view's join links (0: none). Returns the window shown, or NULL when the action
 * or its target is not one of those above. */
GtkWindow *cs_open_target (GtkWindow  *parent,
                           CsServer   *server,
                           const char *listen_conninfo,
                           const char *kind,
                           guint       listen_port,
                           const char *action_name,
                           GVariant   *target);

/* The open Cohorts window, or a new one on @server for a login of @kind (see above) that
 * listens for live updates on @listen_conninfo (NULL: on @server's connection). */
CsCohortsWindow *cs_open_cohorts_window (GtkWindow  *parent,
                                         CsServer   *server,
                                         const char *listen_conninfo,
                                         const char *kind,
                                         guint       listen_port);

G_END_DECLS
