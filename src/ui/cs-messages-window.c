/* cs-messages-window.c: the threads and one thread with a reply entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-listener.h"
#include "cs-ui-util.h"
#include "cs-messages.h"
#include "cs-messages-window.h"
#include "cs-new-message-dialog.h"

struct _CsMessagesWindow
{
  AdwWindow       parent_instance;

  AdwToastOverlay *toasts;
  AdwLeaflet     *leaflet;
  GtkStack       *threads_stack;
  GtkListBox     *threads;
  GtkStack       *thread_stack;
  AdwWindowTitle *thread_title;
  GtkListBox     *thread;
  GtkScrolledWindow *thread_scroll;
  GtkEntry       *entry;
  GtkWidget      *send_button;

  CsServer       *server;
  CsListener     *listener;
  GCancellable   *cancellable;
  char           *thread_id;   /* the open thread */
  char           *wanted;      /* to open once loaded */
  gboolean        filling;     /* rebuilding the threads list */
};

G_DEFINE_FINAL_TYPE (CsMessagesWindow, cs_messages_window, ADW_TYPE_WINDOW)

static void load_threads (CsMessagesWindow *self);
static void load_thread  (CsMessagesWindow *self);

static void
toast_error (CsMessagesWindow *self,
             const GError     *error)
{
  g_debug ("Messages: %s", error->message);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cs_ui_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);

  /* TRANSLATORS: when a message was sent, see g_date_time_format() */
  return then ? g_date_time_format (then, _("%-d %b, %H:%M")) : g_strdup ("");
}

/* Threads */

/* What a thread is about: "assignment · cohort", the cohort, or NULL. */
static char *
dup_about (const CsMessageThread *thread)
{
  if (thread->assignment_title && thread->cohort_title)
    /* TRANSLATORS: what a conversation is about: an assignment, then its cohort */
    return g_strdup_printf (_("%s · %s"), thread->assignment_title, thread->cohort_title);
  return g_strdup (thread->assignment_title ? thread->assignment_title : thread->cohort_title);
}

static GtkWidget *
thread_row (const CsMessageThread *thread)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = label_new (thread->other_name, "heading", FALSE);
  g_autofree char *about = dup_about (thread);
  gboolean has_subject = thread->subject && *thread->subject;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (top), name);
  if (thread->n_unread)
    {
      g_autofree char *count = g_strdup_printf ("%u", thread->n_unread);
      GtkWidget *badge = gtk_label_new (count);

      gtk_widget_add_css_class (badge, "notification-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (top), badge);
    }
  gtk_box_append (GTK_BOX (box), top);
  if (has_subject)
    gtk_box_append (GTK_BOX (box), label_new (thread->subject, NULL, FALSE));
  if (about)
    gtk_box_append (GTK_BOX (box), label_new (about, "caption", FALSE));
  gtk_box_append (GTK_BOX (box), label_new (thread->last_body, "dim-label", FALSE));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The header of the open thread: its subject over the person and what it is about, or
   * the person over what it is about. */
  if (has_subject)
    /* TRANSLATORS: under the subject of an open conversation: the other person, then what it is about */
    subtitle = about ? g_strdup_printf (_("%s · %s"), thread->other_name, about) : g_strdup (thread->other_name);
  else
    subtitle = g_strdup (about);
  g_object_set_data_full (G_OBJECT (row), "thread-id", g_strdup (thread->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (has_subject ? thread->subject : thread->other_name), g_free);
  g_object_set_data_full (G_OBJECT (row), "subtitle", g_steal_pointer (&subtitle), g_free);
  return row;
}

static void
threads_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CsMessagesWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = cs_messages_list_threads_finish (CS_SERVER (source), result, &error);
  g_autofree char *select = NULL;
  GtkWidget *child;

  if (!threads)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, error);
      g_object_unref (self);
      return;
    }
  select = g_strdup (self->wanted ? self->wanted : self->thread_id);
  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->threads))))
    gtk_list_box_remove (self->threads, child);
  for (guint i = 0; i < threads->len; i++)
    {
      const CsMessageThread *thread = g_ptr_array_index (threads, i);
      GtkWidget *row = thread_row (thread);

      gtk_list_box_append (self->threads, row);
      if (g_strcmp0 (select, thread->id) == 0)
        gtk_list_box_select_row (self->threads, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->threads_stack, threads->len ? "list" : "empty");
  if (self->wanted && gtk_list_box_get_selected_row (self->threads))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->threads);

      g_clear_pointer (&self->wanted, g_free);
      g_free (self->thread_id);
      self->thread_id = g_strdup (g_object_get_data (G_OBJECT (row), "thread-id"));
      adw_window_title_set_title (self->thread_title, g_object_get_data (G_OBJECT (row), "title"));
      adw_window_title_set_subtitle (self->thread_title, g_object_get_data (G_OBJECT (row), "subtitle"));
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
  if (self->thread_id)
    load_thread (self);
  g_object_unref (self);
}

static void
load_threads (CsMessagesWindow *self)
{
  cs_messages_list_threads_async (self->server, self->cancellable, threads_loaded, g_object_ref (self));
}

/* One thread */

static GtkWidget *
message_row (const CsDirectMessage *message)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *when = format_time (message->created_at);
  GtkWidget *time = label_new (when, "dim-label", FALSE);
  GtkWidget *body = label_new (message->body, NULL, TRUE);

  gtk_box_append (GTK_BOX (head), label_new (message->mine ? _("You") : message->sender_name, "heading", FALSE));
  gtk_widget_add_css_class (time, "caption");
  gtk_box_append (GTK_BOX (head), time);
  gtk_box_append (GTK_BOX (box), head);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
marked_read (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!cs_messages_mark_read_finish (CS_SERVER (source), result, &error))
    g_debug ("Marking the thread read failed: %s", error->message);
}

static void
thread_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  CsMessagesWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = cs_messages_list_finish (CS_SERVER (source), result, &error);
  gboolean unread = FALSE;
  GtkWidget *child;

  if (!messages)
    {
      toast_error (self, error);
      g_object_unref (self);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thread))))
    gtk_list_box_remove (self->thread, child);
  for (guint i = 0; i < messages->len; i++)
    {
      const CsDirectMessage *message = g_ptr_array_index (messages, i);

      gtk_list_box_append (self->thread, message_row (message));
      unread |= !message->mine && !message->read;
    }
  gtk_stack_set_visible_child_name (self->thread_stack, "thread");
  if (unread && self->thread_id)
    cs_messages_mark_read_async (self->server, self->thread_id, self->cancellable, marked_read, NULL);
  g_object_unref (self);
}

static void
load_thread (CsMessagesWindow *self)
{
  if (!self->thread_id)
    {
      gtk_stack_set_visible_child_name (self->thread_stack, "none");
      return;
    }
  cs_messages_list_async (self->server, self->thread_id, self->cancellable, thread_loaded, g_object_ref (self));
}

static void
on_thread_selected (CsMessagesWindow *self,
                    GtkListBoxRow    *row)
{
  if (self->filling || !row)
    return;
  g_free (self->thread_id);
  self->thread_id = g_strdup (g_object_get_data (G_OBJECT (row), "thread-id"));
  adw_window_title_set_title (self->thread_title, g_object_get_data (G_OBJECT (row), "title"));
  adw_window_title_set_subtitle (self->thread_title, g_object_get_data (G_OBJECT (row), "subtitle"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  load_thread (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_back (CsMessagesWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      data)
{
  CsMessagesWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cs_messages_send_finish (CS_SERVER (source), result, &error);

  gtk_widget_set_sensitive (self->send_button, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), TRUE);
  if (!id)
    toast_error (self, error);  /* the text stays in the entry */
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      load_threads (self);
    }
  g_object_unref (self);
}

static void
on_send (CsMessagesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (!self->thread_id || !gtk_widget_get_sensitive (self->send_button))
    return;
  gtk_widget_set_sensitive (self->send_button, FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), FALSE);
  cs_messages_send_async (self->server, NULL, text, NULL, NULL, NULL, self->thread_id, self->cancellable,
                          sent, g_object_ref (self));
}

/* A new thread */

static void
on_new_thread_sent (CsMessagesWindow *self,
                    const char       *thread_id)
{
  cs_ui_overlay_add_toast (self->toasts, adw_toast_new (_("Message sent")));
  cs_messages_window_open_thread (self, thread_id);
}

static void
new_message_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CsMessagesWindow *self = CS_MESSAGES_WINDOW (widget);
  CsNewMessageDialog *dialog = cs_new_message_dialog_new (GTK_WINDOW (self), self->server);

  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_new_thread_sent), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Live */

static void
on_inbox (CsMessagesWindow *self)
{
  load_threads (self);
}

void
cs_messages_window_open_thread (CsMessagesWindow *self,
                                const char       *thread_id)
{
  g_return_if_fail (CS_IS_MESSAGES_WINDOW (self));

  g_free (self->wanted);
  self->wanted = g_strdup (thread_id);
  load_threads (self);
}

CsMessagesWindow *
cs_messages_window_new (GtkWindow  *parent,
                        CsServer   *server,
                        const char *listen_conninfo)
{
  CsMessagesWindow *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_MESSAGES_WINDOW, "transient-for", parent, NULL);
  self->server = g_object_ref (server);
  self->listener = cs_listener_new_for_channel (listen_conninfo ? listen_conninfo : cs_server_get_conninfo (server),
                                                "cs_inbox");
  /* Any change of the inbox may be a message of ours: the threads are few. */
  g_signal_connect_object (self->listener, "notified", G_CALLBACK (on_inbox), self, G_CONNECT_SWAPPED);
  cs_listener_start (self->listener);
  load_threads (self);
  return self;
}

GtkListBox *
cs_messages_window_get_threads (CsMessagesWindow *self)
{
  return self->threads;
}

GtkListBox *
cs_messages_window_get_thread (CsMessagesWindow *self)
{
  return self->thread;
}

GtkEntry *
cs_messages_window_get_entry (CsMessagesWindow *self)
{
  return self->entry;
}

static void
cs_messages_window_dispose (GObject *object)
{
  CsMessagesWindow *self = CS_MESSAGES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->listener)
    {
      g_signal_handlers_disconnect_by_data (self->listener, self);
      cs_listener_stop (self->listener);
    }
  g_clear_object (&self->listener);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cs_messages_window_parent_class)->dispose (object);
}

static void
cs_messages_window_finalize (GObject *object)
{
  CsMessagesWindow *self = CS_MESSAGES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->thread_id);
  g_free (self->wanted);

  G_OBJECT_CLASS (cs_messages_window_parent_class)->finalize (object);
}

static void
cs_messages_window_class_init (CsMessagesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_messages_window_dispose;
  object_class->finalize = cs_messages_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-messages-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, threads_stack);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, threads);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, thread_stack);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, thread_title);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, thread);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, thread_scroll);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, CsMessagesWindow, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_thread_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
  gtk_widget_class_bind_template_callback (widget_class, on_send);
  gtk_widget_class_install_action (widget_class, "messages.new", NULL, new_message_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "messages.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_messages_window_init (CsMessagesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
