/* cs-sync-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-sync-indicator.h"

struct _CsSyncIndicator
{
  GtkWidget      parent_instance;

  GtkWidget     *button;
  CsSyncSession *session;
  CsSync        *sync;
  const char    *icon;
  char          *tooltip;
};

G_DEFINE_FINAL_TYPE (CsSyncIndicator, cs_sync_indicator, GTK_TYPE_WIDGET)

char *
cs_sync_dup_status_text (CsSync *sync)
{
  gint64 pending;

  if (sync == NULL)
    return g_strdup (_("Not connected to a server: cases stay on this computer"));
  pending = cs_sync_get_pending_changes (sync);
  switch (cs_sync_get_status (sync))
    {
    case CS_SYNC_STATUS_CONNECTING:
      return g_strdup (_("Connecting to the server…"));
    case CS_SYNC_STATUS_SYNCING:
      return g_strdup (_("Syncing…"));
    case CS_SYNC_STATUS_ERROR:
      return g_strdup_printf (_("Sync failed: %s"), cs_sync_get_last_error (sync)
                                                    ? cs_sync_get_last_error (sync) : _("unknown error"));
    case CS_SYNC_STATUS_STOPPED:
      /* the error says that sync is stopped, and what to do */
      return g_strdup (cs_sync_get_last_error (sync) ? cs_sync_get_last_error (sync)
                                                     : _("Sync is stopped: the server needs an update"));
    case CS_SYNC_STATUS_IDLE:
      if (pending > 0)
        return g_strdup_printf (ngettext ("Connected; %" G_GINT64_FORMAT " change waiting to be sent",
                                          "Connected; %" G_GINT64_FORMAT " changes waiting to be sent",
                                          pending), pending);
      return g_strdup (_("Up to date with the server"));
    case CS_SYNC_STATUS_OFFLINE:
    default:
      if (pending > 0)
        return g_strdup_printf (ngettext ("Offline; %" G_GINT64_FORMAT " change will be sent later",
                                          "Offline; %" G_GINT64_FORMAT " changes will be sent later",
                                          pending), pending);
      return g_strdup (_("Offline"));
    }
}

static void
update (CsSyncIndicator *self)
{
  if (self->sync == NULL)
    self->icon = "network-server-symbolic";
  else
    switch (cs_sync_get_status (self->sync))
      {
      case CS_SYNC_STATUS_CONNECTING:
      case CS_SYNC_STATUS_SYNCING:
        self->icon = "emblem-synchronizing-symbolic";
        break;
      case CS_SYNC_STATUS_ERROR:
      case CS_SYNC_STATUS_STOPPED:
        self->icon = "dialog-warning-symbolic";
        break;
      case CS_SYNC_STATUS_IDLE:
        self->icon = "emblem-ok-symbolic";
        break;
      case CS_SYNC_STATUS_OFFLINE:
      default:
        self->icon = "network-offline-symbolic";
        break;
      }
  g_free (self->tooltip);
  self->tooltip = cs_sync_dup_status_text (self->sync);
  gtk_button_set_icon_name (GTK_BUTTON (self->button), self->icon);
  gtk_widget_set_tooltip_text (self->button, self->tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->tooltip, -1);
}

static void
set_sync (CsSyncIndicator *self,
          CsSync          *sync)
{
  if (self->sync)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync)
    {
      g_signal_connect_object (sync, "notify::status", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "notify::pending-changes", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "notify::last-error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

static void
on_session_sync (CsSyncIndicator *self)
{
  set_sync (self, self->session ? cs_sync_session_get_sync (self->session) : NULL);
}

void
cs_sync_indicator_set_session (CsSyncIndicator *self,
                               CsSyncSession   *session)
{
  g_return_if_fail (CS_IS_SYNC_INDICATOR (self));

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session)
    g_signal_connect_object (session, "notify::sync", G_CALLBACK (on_session_sync), self, G_CONNECT_SWAPPED);
  on_session_sync (self);
}

/* The window's application has the session; a window made with g_object_new() gets its
 * application after its widgets are rooted, so look again when it changes. */
static void
find_session (CsSyncIndicator *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (CS_IS_APPLICATION (app) && self->session == NULL)
    cs_sync_indicator_set_session (self, cs_application_get_sync_session (CS_APPLICATION (app)));
}

static void
cs_sync_indicator_root (GtkWidget *widget)
{
  CsSyncIndicator *self = CS_SYNC_INDICATOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cs_sync_indicator_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (find_session), self,
                             G_CONNECT_SWAPPED);
  find_session (self);
}

static void
cs_sync_indicator_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root)
    g_signal_handlers_disconnect_by_func (root, find_session, widget);
  GTK_WIDGET_CLASS (cs_sync_indicator_parent_class)->unroot (widget);
}

const char *
cs_sync_indicator_get_icon (CsSyncIndicator *self)
{
  return self->icon;
}

const char *
cs_sync_indicator_get_tooltip (CsSyncIndicator *self)
{
  return self->tooltip;
}

static void
cs_sync_indicator_dispose (GObject *object)
{
  CsSyncIndicator *self = CS_SYNC_INDICATOR (object);

  cs_sync_indicator_set_session (self, NULL);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (cs_sync_indicator_parent_class)->dispose (object);
}

static void
cs_sync_indicator_finalize (GObject *object)
{
  CsSyncIndicator *self = CS_SYNC_INDICATOR (object);

  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (cs_sync_indicator_parent_class)->finalize (object);
}

static void
cs_sync_indicator_class_init (CsSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_sync_indicator_dispose;
  object_class->finalize = cs_sync_indicator_finalize;
  widget_class->root = cs_sync_indicator_root;
  widget_class->unroot = cs_sync_indicator_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cs_sync_indicator_init (CsSyncIndicator *self)
{
  self->button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "app.account");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  update (self);
}
