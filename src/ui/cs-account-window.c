/* cs-account-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cs-account-window.h"
#include "cs-sync-indicator.h"

struct _CsAccountWindow
{
  AdwPreferencesWindow  parent_instance;

  CsSyncSession        *session;
  CsSync               *sync;
  GCancellable         *cancellable;
  gboolean              busy;
  char                 *status_text;

  AdwPreferencesGroup  *status_group;
  AdwPreferencesGroup  *actions_group;
  AdwPreferencesGroup  *server_group;
  AdwActionRow         *status_row;
  AdwActionRow         *identity_row;
  AdwActionRow         *last_sync_row;
  AdwActionRow         *pending_row;
  AdwActionRow         *error_row;
  GtkWidget            *sync_button;
  GtkWidget            *sign_out_button;
  AdwEntryRow          *host_row;
  AdwEntryRow          *port_row;
  AdwEntryRow          *listen_port_row;
  AdwEntryRow          *database_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  GtkWidget            *sign_in_button;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (CsAccountWindow, cs_account_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_message (CsAccountWindow *self,
              const char      *message,
              gboolean         error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message && *message);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_status (CsAccountWindow *self)
{
  const CsServerAccount *account = cs_sync_session_get_account (self->session);
  gboolean connected = self->sync != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), connected);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), connected);
  gtk_widget_set_sensitive (self->sign_in_button, !self->busy);
  gtk_button_set_label (GTK_BUTTON (self->sign_in_button),
                        connected ? _("_Sign In Again") : _("_Sign In"));

  g_free (self->status_text);
  /* the row below it, Last Error, says why and what to do */
  if (connected && cs_sync_get_status (self->sync) == CS_SYNC_STATUS_STOPPED)
    self->status_text = g_strdup (_("Stopped until the server is updated"));
  else
    self->status_text = cs_sync_dup_status_text (self->sync);
  adw_action_row_set_subtitle (self->status_row, self->status_text);
  if (!connected)
    return;

  {
    g_autofree char *label = account ? cs_server_account_dup_label (account) : g_strdup ("");
    GDateTime *last = cs_sync_get_last_sync (self->sync);
    g_autofree char *when = last ? g_date_time_format (last, "%x %X") : g_strdup (_("Not yet"));
    gint64 kept = cs_sync_get_kept_changes (self->sync);
    g_autofree char *kept_text = g_strdup_printf ("%" G_GINT64_FORMAT, kept);
    g_autofree char *waiting = g_strdup_printf ("%" G_GINT64_FORMAT, cs_sync_get_pending_changes (self->sync));
    g_autofree char *pending = kept == 0 ? g_strdup (waiting)
                               /* TRANSLATORS: the first %s is a number of changes waiting to be
                                * sent, the second a number that are never sent */
                               : g_strdup_printf (ngettext ("%s; %s change stays on this computer only "
                                                            "(something the server does not take from "
                                                            "this account, such as a case of your own)",
                                                            "%s; %s changes stay on this computer only "
                                                            "(things the server does not take from "
                                                            "this account, such as cases of your own)",
                                                            kept),
                                                  waiting, kept_text);
    const char *error = cs_sync_get_last_error (self->sync);

    adw_action_row_set_subtitle (self->identity_row, label);
    adw_action_row_set_subtitle (self->last_sync_row, when);
    adw_action_row_set_subtitle (self->pending_row, pending);
    adw_action_row_set_subtitle (self->error_row, error ? error : _("None"));
    gtk_widget_set_visible (GTK_WIDGET (self->error_row), error != NULL);
  }
}

static void
set_sync (CsAccountWindow *self,
          CsSync          *sync)
{
  if (self->sync)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync)
    {
      const char *props[] = { "notify::status", "notify::last-sync", "notify::pending-changes", "notify::kept-changes",
                              "notify::last-error" };

      for (guint i = 0; i < G_N_ELEMENTS (props); i++)
        g_signal_connect_object (sync, props[i], G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
    }
  update_status (self);
}

static void
on_session_sync (CsAccountWindow *self)
{
  set_sync (self, cs_sync_session_get_sync (self->session));
}

static void
on_field_changed (CsAccountWindow *self)
{
  show_message (self, NULL, FALSE);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsAccountWindow) self = data;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  self->busy = FALSE;
  if (!cs_sync_session_connect_finish (CS_SYNC_SESSION (source), result, &saved, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      update_status (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_message (self, saved ? _("Signed in. Your cases sync with the server now.")
                            : _("Signed in. The keyring could not keep the password, so it will be asked for next time."),
                FALSE);
  update_status (self);
}

void
cs_account_window_sign_in (CsAccountWindow *self)
{
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *port_text = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  const char *listen_text = gtk_editable_get_text (GTK_EDITABLE (self->listen_port_row));
  g_autofree char *trimmed_host = g_strstrip (g_strdup (host));
  g_autoptr(CsServerAccount) account = NULL;
  char *end = NULL;
  char *listen_end = NULL;
  long port = strtol (port_text, &end, 10);
  long listen_port = *listen_text ? strtol (listen_text, &listen_end, 10) : 0;

  g_return_if_fail (CS_IS_ACCOUNT_WINDOW (self));

  if (self->busy)
    return;
  if (*trimmed_host == '\0' || *user == '\0')
    {
      show_message (self, _("Enter the server address and your user name."), TRUE);
      return;
    }
  if (end == port_text || *end != '\0' || port < 1 || port > 65535)
    {
      show_message (self, _("The port is a number from 1 to 65535 (PostgreSQL uses 5432)."), TRUE);
      return;
    }
  if (*listen_text && (listen_end == listen_text || *listen_end != '\0' || listen_port < 1 || listen_port > 65535))
    {
      show_message (self, _("The port for live updates is a number from 1 to 65535, or empty when "
                            "nothing stands between you and the PostgreSQL server."), TRUE);
      return;
    }
  account = cs_server_account_new (host, (int) port, gtk_editable_get_text (GTK_EDITABLE (self->database_row)), user);
  account->listen_port = (int) listen_port;
  self->busy = TRUE;
  show_message (self, _("Signing in…"), FALSE);
  update_status (self);
  cs_sync_session_connect_async (self->session, account,
                                 gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                 self->cancellable, on_signed_in, g_object_ref (self));
}

static void
on_sign_in_clicked (CsAccountWindow *self)
{
  cs_account_window_sign_in (self);
}

static void
on_sync_clicked (CsAccountWindow *self)
{
  cs_sync_session_sync_now (self->session);
}

static void
on_sign_out_clicked (CsAccountWindow *self)
{
  cs_sync_session_disconnect (self->session);
  show_message (self, _("Signed out. Your cases stay on this computer."), FALSE);
}

void
cs_account_window_fill (CsAccountWindow *self,
                        const char      *host,
                        int              port,
                        const char      *database,
                        const char      *user,
                        const char      *password)
{
  g_autofree char *port_text = g_strdup_printf ("%d", port);

  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host ? host : "");
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port_text);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database ? database : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
}

const char *
cs_account_window_get_message (CsAccountWindow *self)
{
  return gtk_label_get_text (self->message_label);
}

gboolean
cs_account_window_get_busy (CsAccountWindow *self)
{
  return self->busy;
}

const char *
cs_account_window_get_status_text (CsAccountWindow *self)
{
  return self->status_text;
}

static void
cs_account_window_dispose (GObject *object)
{
  CsAccountWindow *self = CS_ACCOUNT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  set_sync (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_ACCOUNT_WINDOW);

  G_OBJECT_CLASS (cs_account_window_parent_class)->dispose (object);
}

static void
cs_account_window_finalize (GObject *object)
{
  CsAccountWindow *self = CS_ACCOUNT_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (cs_account_window_parent_class)->finalize (object);
}

static void
cs_account_window_class_init (CsAccountWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_account_window_dispose;
  object_class->finalize = cs_account_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-account-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, actions_group);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, identity_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, last_sync_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, pending_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, error_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, listen_port_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CsAccountWindow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_out_clicked);
}

static void
cs_account_window_init (CsAccountWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsAccountWindow *
cs_account_window_new (GtkWindow     *parent,
                       CsSyncSession *session)
{
  CsAccountWindow *self;
  const CsServerAccount *account;

  g_return_val_if_fail (CS_IS_SYNC_SESSION (session), NULL);

  self = g_object_new (CS_TYPE_ACCOUNT_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::sync", G_CALLBACK (on_session_sync), self, G_CONNECT_SWAPPED);
  account = cs_sync_session_get_account (session);
  if (account)
    {
      cs_account_window_fill (self, account->host, account->port, account->database, account->user, NULL);
      if (account->listen_port > 0)
        {
          g_autofree char *listen = g_strdup_printf ("%d", account->listen_port);

          gtk_editable_set_text (GTK_EDITABLE (self->listen_port_row), listen);
        }
    }
  on_session_sync (self);
  return self;
}
