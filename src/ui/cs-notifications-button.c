/* cs-notifications-button.c: the header-bar bell and its popover of notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-messages-window.h"
#include "cs-notification-text.h"
#include "cs-open-target.h"
#include "cs-notifications-button.h"

struct _CsNotificationsButton
{
  GtkWidget        parent_instance;

  GtkMenuButton   *menu_button;
  GtkLabel        *badge;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkWidget       *mark_all_button;

  CsSyncSession   *session;
  CsSync          *sync;
  CsNotifications *notifications;
  char            *badge_text;
  guint            n_sent;
};

G_DEFINE_FINAL_TYPE (CsNotificationsButton, cs_notifications_button, GTK_TYPE_WIDGET)

/* "5 min ago", "yesterday", a date. */
static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan ago = g_date_time_difference (now, then);

  if (!then)
    return g_strdup ("");
  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (ago < G_TIME_SPAN_HOUR)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (int) (ago / G_TIME_SPAN_MINUTE)),
                            (int) (ago / G_TIME_SPAN_MINUTE));
  if (ago < G_TIME_SPAN_DAY)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (int) (ago / G_TIME_SPAN_HOUR)),
                            (int) (ago / G_TIME_SPAN_HOUR));
  /* TRANSLATORS: a date as in "4 December 2026", see g_date_time_format() */
  return g_date_time_format (then, _("%-d %B %Y"));
}

static void
update_dot (GtkWidget      *dot,
            GParamSpec     *pspec,
            CsNotification *notification)
{
  gtk_widget_set_opacity (dot, cs_notification_get_read (notification) ? 0 : 1);
}

static GtkWidget *
make_row (gpointer item,
          gpointer data)
{
  CsNotification *notification = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");
  g_autofree char *title_text = cs_notification_dup_display_title (notification);
  g_autofree char *body = cs_notification_dup_display_body (notification, g_get_real_time () / G_USEC_PER_SEC);
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *time;
  g_autofree char *when = format_time (cs_notification_get_created_at (notification));

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_add_css_class (dot, "accent");
  gtk_image_set_pixel_size (GTK_IMAGE (dot), 8);
  gtk_widget_set_margin_top (dot, 5);
  update_dot (dot, NULL, notification);
  g_signal_connect_object (notification, "notify::read", G_CALLBACK (update_dot), dot, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), dot);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);
  if (*body)
    {
      GtkWidget *message = gtk_label_new (body);

      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (message), 3);
      gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (text), message);
    }
  time = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "caption");
  gtk_box_append (GTK_BOX (text), time);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "notification", g_object_ref (notification), g_object_unref);
  return row;
}

static void
update (CsNotificationsButton *self)
{
  guint unread = self->notifications ? cs_notifications_get_unread_count (self->notifications) : 0;
  guint n = self->notifications ? g_list_model_get_n_items (G_LIST_MODEL (self->notifications)) : 0;
  g_autofree char *label = NULL;

  g_free (self->badge_text);
  self->badge_text = unread ? (unread > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", unread)) : NULL;
  gtk_label_set_label (self->badge, self->badge_text ? self->badge_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), unread > 0);
  label = g_strdup_printf (ngettext ("Notifications, %u unread", "Notifications, %u unread", unread), unread);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), label);
  gtk_widget_set_sensitive (self->mark_all_button, unread > 0);
  gtk_stack_set_visible_child_name (self->stack, n ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self), self->notifications != NULL);
}

/* To the desktop when the window is not the one in front. */
static void
on_arrived (CsNotificationsButton *self,
            CsNotification        *notification)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) desktop = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GVariant) target = NULL;
  const char *action = NULL;

  if (!app || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;
  title = cs_notification_dup_display_title (notification);
  body = cs_notification_dup_display_body (notification, g_get_real_time () / G_USEC_PER_SEC);
  desktop = g_notification_new (title);
  if (*body)
    g_notification_set_body (desktop, body);
  /* Clicked: what it points at, through the application's action, as a click here does. */
  if (cs_notification_get_action (notification, &action, &target))
    g_notification_set_default_action_and_target_value (desktop, action, target);
  else
    g_notification_set_default_action (desktop, "app.activate");
  g_application_send_notification (app, cs_notification_get_id (notification), desktop);
  self->n_sent++;
}

void
cs_notifications_button_set_notifications (CsNotificationsButton *self,
                                           CsNotifications       *notifications)
{
  g_return_if_fail (CS_IS_NOTIFICATIONS_BUTTON (self));

  if (self->notifications == notifications)
    return;
  if (self->notifications)
    g_signal_handlers_disconnect_by_data (self->notifications, self);
  g_set_object (&self->notifications, notifications);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (notifications), notifications ? make_row : NULL, NULL, NULL);
  if (notifications)
    {
      g_signal_connect_object (notifications, "notify::unread-count", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (notifications, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (notifications, "arrived", G_CALLBACK (on_arrived), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

CsNotifications *
cs_notifications_button_get_notifications (CsNotificationsButton *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATIONS_BUTTON (self), NULL);
  return self->notifications;
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!cs_notifications_load_finish (CS_NOTIFICATIONS (source), result, &error))
    g_debug ("Loading the notifications failed: %s", error->message);
}

/* Signed in to a server as an instructor or a student: their notifications. */
static void
on_session_changed (CsNotificationsButton *self)
{
  CsSync *sync = self->session ? cs_sync_session_get_sync (self->session) : NULL;
  const char *kind = self->session ? cs_sync_session_get_kind (self->session) : NULL;
  g_autoptr(CsNotifications) notifications = NULL;

  if (kind && !g_str_equal (kind, "instructor") && !g_str_equal (kind, "student"))
    sync = NULL;
  if (sync == self->sync)
    return;
  g_set_object (&self->sync, sync);
  if (self->notifications)
    cs_notifications_unwatch (self->notifications);
  if (sync)
    {
      notifications = cs_notifications_new (cs_sync_get_server (sync));
      cs_notifications_load_async (notifications, NULL, loaded, NULL);
      cs_notifications_watch (notifications, cs_sync_get_listen_conninfo (sync));
    }
  cs_notifications_button_set_notifications (self, notifications);
}

void
cs_notifications_button_set_session (CsNotificationsButton *self,
                                     CsSyncSession         *session)
{
  g_return_if_fail (CS_IS_NOTIFICATIONS_BUTTON (self));

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session)
    {
      g_signal_connect_object (session, "notify::sync", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::kind", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
    }
  on_session_changed (self);
}

static void
on_open_messages (CsNotificationsButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CsMessagesWindow *window;

  if (!self->notifications)
    return;
  gtk_menu_button_popdown (self->menu_button);
  window = cs_messages_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   cs_notifications_get_server (self->notifications),
                                   self->sync ? cs_sync_get_listen_conninfo (self->sync) : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* Marks it read, and opens what it points at: through the application's action (the one a
 * desktop notification uses) when there is one, else on the notifications' own server. */
static void
on_row_activated (CsNotificationsButton *self,
                  GtkListBoxRow         *row)
{
  CsNotification *notification = g_object_get_data (G_OBJECT (row), "notification");
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GVariant) target = NULL;
  const char *action = NULL;

  if (!notification || !self->notifications)
    return;
  if (!cs_notification_get_read (notification))
    cs_notifications_mark_read_async (self->notifications, notification, NULL, NULL, NULL);
  if (!cs_notification_get_action (notification, &action, &target))
    return;
  gtk_menu_button_popdown (self->menu_button);
  if (CS_IS_APPLICATION (app) && g_action_group_has_action (G_ACTION_GROUP (app), action + strlen ("app.")))
    g_action_group_activate_action (G_ACTION_GROUP (app), action + strlen ("app."), target);
  else
    cs_open_target (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, cs_notifications_get_server (self->notifications),
                    self->sync ? cs_sync_get_listen_conninfo (self->sync) : NULL,
                    self->session ? cs_sync_session_get_kind (self->session) : NULL, 0, action, target);
}

static void
on_mark_all (CsNotificationsButton *self)
{
  if (self->notifications)
    cs_notifications_mark_read_async (self->notifications, NULL, NULL, NULL, NULL);
}

/* The window's application has the session (see CsSyncIndicator). */
static void
find_session (CsNotificationsButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (CS_IS_APPLICATION (app) && self->session == NULL && self->notifications == NULL)
    cs_notifications_button_set_session (self, cs_application_get_sync_session (CS_APPLICATION (app)));
}

static void
cs_notifications_button_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (cs_notifications_button_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::application", G_CALLBACK (find_session), widget, G_CONNECT_SWAPPED);
  find_session (CS_NOTIFICATIONS_BUTTON (widget));
}

static void
cs_notifications_button_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root)
    g_signal_handlers_disconnect_by_func (root, find_session, widget);
  GTK_WIDGET_CLASS (cs_notifications_button_parent_class)->unroot (widget);
}

GtkMenuButton *
cs_notifications_button_get_menu_button (CsNotificationsButton *self)
{
  return self->menu_button;
}

GtkListBox *
cs_notifications_button_get_list (CsNotificationsButton *self)
{
  return self->list;
}

const char *
cs_notifications_button_get_badge (CsNotificationsButton *self)
{
  return self->badge_text;
}

guint
cs_notifications_button_get_n_sent (CsNotificationsButton *self)
{
  return self->n_sent;
}

static void
cs_notifications_button_dispose (GObject *object)
{
  CsNotificationsButton *self = CS_NOTIFICATIONS_BUTTON (object);

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->notifications)
    {
      g_signal_handlers_disconnect_by_data (self->notifications, self);
      if (self->sync)
        cs_notifications_unwatch (self->notifications);
    }
  g_clear_object (&self->notifications);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_NOTIFICATIONS_BUTTON);

  G_OBJECT_CLASS (cs_notifications_button_parent_class)->dispose (object);
}

static void
cs_notifications_button_finalize (GObject *object)
{
  g_free (CS_NOTIFICATIONS_BUTTON (object)->badge_text);

  G_OBJECT_CLASS (cs_notifications_button_parent_class)->finalize (object);
}

static void
cs_notifications_button_class_init (CsNotificationsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_notifications_button_dispose;
  object_class->finalize = cs_notifications_button_finalize;
  widget_class->root = cs_notifications_button_root;
  widget_class->unroot = cs_notifications_button_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-notifications-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CsNotificationsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CsNotificationsButton, badge);
  gtk_widget_class_bind_template_child (widget_class, CsNotificationsButton, stack);
  gtk_widget_class_bind_template_child (widget_class, CsNotificationsButton, list);
  gtk_widget_class_bind_template_child (widget_class, CsNotificationsButton, mark_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_mark_all);
  gtk_widget_class_bind_template_callback (widget_class, on_open_messages);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cs_notifications_button_init (CsNotificationsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
