/* test-messages.c: the notifications button against the test PostgreSQL server, under
 * Xvfb: two logins (an instructor in the window, a student on a second connection); a
 * message sent by the student appears in the instructor's popover, the unread count and
 * the accessible label follow, a click marks it read on the server; an instructor starts
 * a thread with a student in the New Message dialog and the student's window shows it; a
 * student not approved yet has nobody to write to; screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cs-enrolment.h"
#include "cs-messages-window.h"
#include "cs-new-message-dialog.h"
#include "cs-notifications-button.h"
#include "sync-test-cohort.h"
#include "sync-test-machine.h"
#include "ui-test-server.h"
#include "ui-test-util.h"

static SyncTestServer server;

static gboolean
badge_is (gpointer data)
{
  CsNotificationsButton *button = g_object_get_data (data, "button");

  return g_strcmp0 (cs_notifications_button_get_badge (button), g_object_get_data (data, "badge")) == 0;
}

static gboolean
is_watching (gpointer data)
{
  return cs_notifications_get_watching (data);
}

static gboolean
is_loaded (gpointer data)
{
  return cs_notifications_get_user_id (data) != NULL;
}

static gboolean
read_on_server (gpointer data)
{
  return sync_test_rows (data, "SELECT FROM cs.notifications WHERE user_id = cs.uid (current_user) "
                         "AND read_at IS NULL", NULL) == 0;
}

static CsMessagesWindow *
messages_window (void)
{
  return ui_test_find_toplevel (CS_TYPE_MESSAGES_WINDOW);
}

static gboolean
messages_window_shown (gpointer data)
{
  return messages_window () != NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

static gboolean
thread_has_rows (gpointer data)
{
  CsMessagesWindow *window = messages_window ();

  return window && gtk_widget_get_mapped (GTK_WIDGET (cs_messages_window_get_thread (window))) &&
         n_rows (cs_messages_window_get_thread (window)) == GPOINTER_TO_UINT (data);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
student_has_reply (gpointer data)
{
  return sync_test_rows (data, "SELECT FROM cs.direct_messages WHERE body = 'Slides are up now.' "
                         "AND read_at IS NULL", NULL) == 1;
}

/* GTK 4.8 keeps the toplevel of the last tooltip query and, when its popup timeout fires
 * after that toplevel is gone, asks a NULL surface for the pointer (a critical). Let the
 * pending query run out first. */
static void
destroy_window (GtkWidget *window)
{
  ui_test_settle (700);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_badge (GtkWidget  *window,
                const char *badge)
{
  g_object_set_data_full (G_OBJECT (window), "badge", g_strdup (badge), g_free);
  ui_test_wait_for (badge_is, window, badge ? badge : "no badge");
}

static void
test_popover (void)
{
  g_autofree char *ann_info = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = NULL;
  g_autoptr(PGconn) student = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsServer) worker = cs_server_new (ann_info);
  g_autoptr(CsNotifications) notifications = cs_notifications_new (worker);
  g_autofree char *name = sync_test_user_name (&server, "lena");
  g_autofree char *nobody = sync_test_tcp_conninfo (&server, "nobody", NULL);
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *ann_id = NULL;
  const char *tooltip;
  g_autoptr(CsJoinResult) joined = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = adw_header_bar_new ();
  CsNotificationsButton *button = g_object_new (CS_TYPE_NOTIFICATIONS_BUTTON, NULL);
  GtkListBoxRow *row;

  ann = cs_pg_connect (ann_info, &error);
  g_assert_no_error (error);
  cohort = cs_enrolment_create_cohort (ann, "Operations 2027", "OPS-101", TRUE, &error);
  g_assert_no_error (error);
  code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 1, &error);
  g_assert_no_error (error);
  joined = cs_enrolment_join (nobody, code, name, "student-password", "Lena Ortiz", &error);
  g_assert_no_error (error);
  student = sync_test_connect_as (&server, name, "student-password");
  ann_id = sync_test_value (ann, "SELECT cs.uid (current_user)", NULL);
  /* The enrolment told Ann already; start from nothing unread. */
  sync_test_rows (ann, "SELECT cs.cs_mark_notifications_read ()", NULL);

  /* Hidden until it has notifications to show. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (button));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), adw_status_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_window_set_title (GTK_WINDOW (window), "Case Studio");
  g_object_set_data (G_OBJECT (window), "button", button);

  cs_notifications_button_set_notifications (button, notifications);
  cs_notifications_load_async (notifications, NULL, NULL, NULL);
  cs_notifications_watch (notifications, NULL);
  ui_test_wait_for (is_loaded, notifications, "the first load");
  ui_test_wait_for (is_watching, notifications, "listening");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_badge (window, NULL);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cs_notifications_button_get_menu_button (button)));
  g_assert_cmpstr (tooltip, ==, "Notifications, 0 unread");
  ui_test_save_screenshot (window, "messages-none.png");

  /* The student writes; it appears in the instructor's popover through LISTEN. */
  g_free (sync_test_value (student, "SELECT cs.cs_send_message ($1, 'Could we move the seminar to Friday? "
                           "Three of us have an exam on Thursday morning.', '', $2)", ann_id, cohort, NULL));
  wait_for_badge (window, "1");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cs_notifications_button_get_menu_button (button)));
  g_assert_cmpstr (tooltip, ==, "Notifications, 1 unread");
  g_assert_cmpuint (cs_notifications_get_unread_count (notifications), ==, 1);
  /* A desktop notification only when the window is not in front. */
  g_assert_cmpuint (cs_notifications_button_get_n_sent (button), ==, gtk_window_is_active (GTK_WINDOW (window)) ? 0 : 1);

  g_free (sync_test_value (student, "SELECT cs.cs_send_message ($1, 'And could you post the slides?')", ann_id, NULL));
  wait_for_badge (window, "2");

  gtk_menu_button_popup (cs_notifications_button_get_menu_button (button));
  row = gtk_list_box_get_row_at_index (cs_notifications_button_get_list (button), 0);
  g_assert_nonnull (row);
  ui_test_save_screenshot (window, "messages-unread.png");
  ui_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (cs_notifications_button_get_menu_button (button))),
                           "messages-popover.png");

  /* A click marks it read, here and on the server, and opens the message's conversation;
   * a reply goes to the student. (The row again: a reload while the screenshots were taken
   * may have made the list anew.) */
  row = gtk_list_box_get_row_at_index (cs_notifications_button_get_list (button), 0);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  wait_for_badge (window, "1");
  ui_test_wait_for (messages_window_shown, NULL, "the messages window");
  ui_test_wait_for (thread_has_rows, GUINT_TO_POINTER (1), "the thread of the slides");
  g_assert_cmpuint (n_rows (cs_messages_window_get_threads (messages_window ())), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (cs_messages_window_get_entry (messages_window ())), "Slides are up now.");
  g_signal_emit_by_name (cs_messages_window_get_entry (messages_window ()), "activate");
  ui_test_wait_for (student_has_reply, student, "the reply on the server");
  ui_test_wait_for (thread_has_rows, GUINT_TO_POINTER (2), "the reply in the thread");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cs_messages_window_get_entry (messages_window ()))), ==, "");
  ui_test_save_screenshot (GTK_WIDGET (messages_window ()), "messages-window.png");
  destroy_window (GTK_WIDGET (messages_window ()));

  /* Mark All Read. */
  gtk_menu_button_popup (cs_notifications_button_get_menu_button (button));
  g_assert_cmpint (sync_test_rows (ann, "SELECT FROM cs.notifications WHERE user_id = cs.uid (current_user) "
                                   "AND read_at IS NULL", NULL), ==, 1);
  g_signal_emit_by_name (find_button (GTK_WIDGET (gtk_menu_button_get_popover (cs_notifications_button_get_menu_button (button))),
                                      "_Mark All Read"), "clicked");
  wait_for_badge (window, NULL);
  ui_test_wait_for (read_on_server, ann, "read on the server");
  ui_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (cs_notifications_button_get_menu_button (button))),
                           "messages-read.png");
  gtk_menu_button_popdown (cs_notifications_button_get_menu_button (button));

  cs_notifications_unwatch (notifications);
  destroy_window (window);
}

static CsNewMessageDialog *
new_message_dialog (void)
{
  return ui_test_find_toplevel (CS_TYPE_NEW_MESSAGE_DIALOG);
}

static gboolean
dialog_in_state (gpointer data)
{
  CsNewMessageDialog *dialog = new_message_dialog ();

  return dialog && g_strcmp0 (cs_new_message_dialog_get_state (dialog), data) == 0;
}

static gboolean
dialog_closed (gpointer data)
{
  return new_message_dialog () == NULL;
}

static GtkListBoxRow *
row_of_thread (CsMessagesWindow *window,
               const char       *thread_id)
{
  GtkListBox *threads = cs_messages_window_get_threads (window);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (threads)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && g_strcmp0 (g_object_get_data (G_OBJECT (c), "thread-id"), thread_id) == 0)
      return GTK_LIST_BOX_ROW (c);
  return NULL;
}

/* The window (data) has the thread of its "thread-id" selected and its one message shown. */
static gboolean
thread_open (gpointer data)
{
  CsMessagesWindow *window = data;
  GtkListBoxRow *row = row_of_thread (window, g_object_get_data (data, "thread-id"));

  return row && gtk_list_box_get_selected_row (cs_messages_window_get_threads (window)) == row &&
         gtk_widget_get_mapped (GTK_WIDGET (cs_messages_window_get_thread (window))) &&
         n_rows (cs_messages_window_get_thread (window)) == 1;
}

static gboolean
thread_listed (gpointer data)
{
  return row_of_thread (data, g_object_get_data (data, "thread-id")) != NULL;
}

static guint
index_of (GListModel *model,
          const char *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;
  g_error ("no \"%s\" in the list", label);
  return G_MAXUINT;
}

static char *
student_conninfo (const char *name)
{
  return sync_test_tcp_conninfo (&server, name, "student-password");
}

static void
test_new_thread (void)
{
  g_autofree char *ann_info = sync_test_instructor_conninfo (&server, NULL);
  g_autoptr(PGconn) ann = NULL;
  g_autoptr(PGconn) student = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsServer) ann_server = cs_server_new (ann_info);
  g_autofree char *name = sync_test_user_name (&server, "mira");
  g_autofree char *pending_name = sync_test_user_name (&server, "noor");
  g_autofree char *mira_info = student_conninfo (name);
  g_autofree char *noor_info = student_conninfo (pending_name);
  g_autoptr(CsServer) mira_server = cs_server_new (mira_info);
  g_autoptr(CsServer) noor_server = cs_server_new (noor_info);
  g_autofree char *nobody = sync_test_tcp_conninfo (&server, "nobody", NULL);
  g_autofree char *cohort = NULL;
  g_autofree char *code = NULL;
  g_autofree char *pending_code = NULL;
  g_autofree char *thread_id = NULL;
  g_autofree char *about = NULL;
  g_autofree char *ann_role = NULL;
  g_autofree char *ridgeway = NULL;
  g_autofree char *noor_thread = NULL;
  g_autoptr(CsJoinResult) joined = NULL;
  g_autoptr(CsJoinResult) pending = NULL;
  CsMessagesWindow *ann_window;
  CsMessagesWindow *mira_window;
  CsMessagesWindow *noor_window;
  CsNewMessageDialog *dialog;
  GListModel *recipients;

  ann = cs_pg_connect (ann_info, &error);
  g_assert_no_error (error);
  /* "Operations Strategy" with Harlow Valves and Ridgeway Foods assigned. */
  ann_role = sync_test_value (ann, "SELECT current_user", NULL);
  cohort = sync_test_seed_cohort (&server, ann_role, 0, 2, 1);
  ridgeway = sync_test_value (ann, "SELECT a.id FROM cs.cohort_simulations a JOIN cs.scenarios s ON s.id = a.scenario_id "
                              "WHERE a.cohort_id = $1 AND s.title = 'Ridgeway Foods'", cohort, NULL);
  code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 1, &error);
  g_assert_no_error (error);
  joined = cs_enrolment_join (nobody, code, name, "student-password", "Mira Chen", &error);
  g_assert_no_error (error);
  /* Noor asks to join and waits for approval. */
  pending_code = cs_enrolment_create_invitation (ann, cohort, 1, NULL, 0, &error);
  g_assert_no_error (error);
  pending = cs_enrolment_join (nobody, pending_code, pending_name, "student-password", "Noor Haddad", &error);
  g_assert_no_error (error);
  student = sync_test_connect_as (&server, name, "student-password");

  /* Mira's window is open before anything is sent: the thread comes through LISTEN. */
  mira_window = cs_messages_window_new (NULL, mira_server, NULL);
  gtk_window_present (GTK_WINDOW (mira_window));
  ann_window = cs_messages_window_new (NULL, ann_server, NULL);
  gtk_window_present (GTK_WINDOW (ann_window));

  /* Ann writes to Mira about one assignment; Noor, not approved yet, is not on the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ann_window), "messages.new", NULL));
  ui_test_wait_for (dialog_in_state, "form", "the recipients");
  dialog = new_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (ann_window));
  recipients = adw_combo_row_get_model (cs_new_message_dialog_get_recipient (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    g_assert_null (strstr (gtk_string_list_get_string (GTK_STRING_LIST (recipients), i), "Noor"));
  adw_combo_row_set_selected (cs_new_message_dialog_get_recipient (dialog),
                              index_of (recipients, "Mira Chen — Operations Strategy"));
  /* The whole cohort first, then its assignments by title. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (cs_new_message_dialog_get_about (dialog))), ==, 3);
  g_assert_cmpuint (index_of (adw_combo_row_get_model (cs_new_message_dialog_get_about (dialog)),
                              "The whole cohort"), ==, 0);
  g_assert_cmpuint (index_of (adw_combo_row_get_model (cs_new_message_dialog_get_about (dialog)),
                              "Harlow Valves"), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (cs_new_message_dialog_get_about (dialog))));
  adw_combo_row_set_selected (cs_new_message_dialog_get_about (dialog),
                              index_of (adw_combo_row_get_model (cs_new_message_dialog_get_about (dialog)),
                                        "Ridgeway Foods"));
  gtk_editable_set_text (GTK_EDITABLE (cs_new_message_dialog_get_subject (dialog)), "Supplier memo");
  /* Nothing to send yet. */
  g_assert_false (gtk_widget_get_sensitive (cs_new_message_dialog_get_send_button (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (cs_new_message_dialog_get_message (dialog)), "   ");
  g_assert_false (gtk_widget_get_sensitive (cs_new_message_dialog_get_send_button (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (cs_new_message_dialog_get_message (dialog)),
                         "Your draft of the supplier memo is due on Monday.");
  g_assert_true (gtk_widget_get_sensitive (cs_new_message_dialog_get_send_button (dialog)));
  ui_test_settle (200);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "messages-new.png");
  g_signal_emit_by_name (cs_new_message_dialog_get_send_button (dialog), "clicked");
  ui_test_wait_for (dialog_closed, NULL, "the dialog to close");

  /* On the server: a new thread from Ann to Mira about Ridgeway Foods, with its subject. */
  thread_id = sync_test_value (student, "SELECT id::text FROM cs.direct_messages "
                               "WHERE body = 'Your draft of the supplier memo is due on Monday.' "
                               "AND parent_id IS NULL", NULL);
  g_assert_nonnull (thread_id);
  about = sync_test_value (student, "SELECT concat_ws (' ', cohort_id, assignment_id, subject) "
                           "FROM cs.direct_messages WHERE id = $1", thread_id, NULL);
  {
    g_autofree char *expected = g_strdup_printf ("%s %s Supplier memo", cohort, ridgeway);

    g_assert_cmpstr (about, ==, expected);
  }

  /* Ann's window has it selected and open. */
  g_object_set_data_full (G_OBJECT (ann_window), "thread-id", g_strdup (thread_id), g_free);
  ui_test_wait_for (thread_open, ann_window, "the new thread selected");
  ui_test_save_screenshot (GTK_WIDGET (ann_window), "messages-new-sent.png");

  /* Mira's window shows it; opening it shows the message. */
  g_object_set_data_full (G_OBJECT (mira_window), "thread-id", g_strdup (thread_id), g_free);
  ui_test_wait_for (thread_listed, mira_window, "the new thread at the student's");
  /* The row and the header: the subject over the person, the assignment and the cohort. */
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row_of_thread (mira_window, thread_id)), "title"), ==,
                   "Supplier memo");
  g_assert_true (g_str_has_suffix (g_object_get_data (G_OBJECT (row_of_thread (mira_window, thread_id)), "subtitle"),
                                   " · Ridgeway Foods · Operations Strategy"));
  gtk_list_box_select_row (cs_messages_window_get_threads (mira_window), row_of_thread (mira_window, thread_id));
  ui_test_wait_for (thread_open, mira_window, "the new thread at the student's open");
  ui_test_save_screenshot (GTK_WIDGET (mira_window), "messages-new-received.png");
  destroy_window (GTK_WIDGET (ann_window));
  destroy_window (GTK_WIDGET (mira_window));

  /* Noor, waiting for approval, may write to Ann about the cohort only. */
  noor_window = cs_messages_window_new (NULL, noor_server, NULL);
  gtk_window_present (GTK_WINDOW (noor_window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (noor_window), "messages.new", NULL));
  ui_test_wait_for (dialog_in_state, "form", "the pending student's recipients");
  dialog = new_message_dialog ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (cs_new_message_dialog_get_recipient (dialog))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (cs_new_message_dialog_get_about (dialog))), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cs_new_message_dialog_get_about (dialog))));
  gtk_editable_set_text (GTK_EDITABLE (cs_new_message_dialog_get_subject (dialog)), "My enrolment");
  gtk_editable_set_text (GTK_EDITABLE (cs_new_message_dialog_get_message (dialog)), "Could you approve my request?");
  ui_test_settle (200);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "messages-new-pending.png");
  g_signal_emit_by_name (cs_new_message_dialog_get_send_button (dialog), "clicked");
  ui_test_wait_for (dialog_closed, NULL, "the pending student's dialog to close");
  noor_thread = sync_test_value (ann, "SELECT concat_ws (' ', message_type, cohort_id, assignment_id, subject) "
                                 "FROM cs.direct_messages WHERE body = 'Could you approve my request?'", NULL);
  {
    g_autofree char *expected = g_strdup_printf ("cohort %s My enrolment", cohort);

    g_assert_cmpstr (noor_thread, ==, expected);
  }
  destroy_window (GTK_WIDGET (noor_window));
}

int
main (int argc, char **argv)
{
  int status;
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (&argc, &argv, NULL);

  if (!ui_test_server_set_up (&server))
    return g_test_run ();
  css = ui_test_use_app_style ();

  g_test_add_func ("/messages-ui/popover", test_popover);
  g_test_add_func ("/messages-ui/new-thread", test_new_thread);
  status = g_test_run ();
  sync_test_server_tear_down (&server);
  return status;
}
