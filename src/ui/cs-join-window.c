/* cs-join-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cs-enrolment.h"
#include "cs-join-window.h"

#define MIN_PASSWORD 8

struct _CsJoinWindow
{
  AdwWindow            parent_instance;

  CsSyncSession       *session;
  GCancellable        *cancellable;
  gboolean             busy;
  char                *result;
  CsServerAccount     *account;   /* of the join under way */
  char                *password;  /* of the join under way */
  CsJoinResult        *joined;

  GtkStack            *stack;
  GtkWidget           *cancel_button;
  GtkWidget           *join_button;
  AdwEntryRow         *code_row;
  AdwPreferencesGroup *account_group;
  AdwActionRow        *account_row;
  GtkSwitch           *account_switch;
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  GtkWidget           *message_group;
  GtkLabel            *message_label;
  AdwStatusPage       *done_page;
};

G_DEFINE_FINAL_TYPE (CsJoinWindow, cs_join_window, ADW_TYPE_WINDOW)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

static void
show_message (CsJoinWindow *self,
              const char   *message,
              gboolean      error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message && *message);
  gtk_widget_set_visible (self->message_group, message && *message);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (CsJoinWindow *self,
          gboolean      busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->join_button, !busy);
}

static void
wipe_password (CsJoinWindow *self)
{
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
on_field_changed (CsJoinWindow *self)
{
  if (!self->busy)
    show_message (self, NULL, FALSE);
}

static gboolean
use_account (CsJoinWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->account_row)) &&
         gtk_switch_get_active (self->account_switch);
}

/* Joining with the signed-in account needs neither a new account nor a server. */
static void
on_account_toggled (CsJoinWindow *self)
{
  gboolean own = use_account (self);
  GtkWidget *rows[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->user_row),
                        GTK_WIDGET (self->password_row), GTK_WIDGET (self->confirm_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], !own);
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), !own);
  adw_preferences_group_set_description (self->account_group,
                                         own ? NULL : _("Choose a user name and a password of at least 8 characters. "
                                                        "Your instructor sees your name, never your password."));
  on_field_changed (self);
}

void
cs_join_window_use_account (CsJoinWindow *self,
                            gboolean      use)
{
  g_return_if_fail (CS_IS_JOIN_WINDOW (self));

  gtk_switch_set_active (self->account_switch, use);
}

/* A pasted link fills in the server. */
static void
on_code_changed (CsJoinWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (self->code_row)));
  g_autoptr(CsJoinLink) link = NULL;
  g_autoptr(GError) error = NULL;

  on_field_changed (self);
  if (!g_str_has_prefix (text, "case-studio:"))
    return;
  if ((link = cs_join_link_parse (text, &error)))
    {
      g_autofree char *port = g_strdup_printf ("%d", link->port);

      set_text (self->host_row, link->host);
      set_text (self->port_row, port);
      set_text (self->database_row, link->database);
    }
  else
    show_message (self, error->message, TRUE);
}

void
cs_join_window_set_link (CsJoinWindow     *self,
                         const CsJoinLink *link)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CS_IS_JOIN_WINDOW (self));
  g_return_if_fail (link != NULL);

  text = cs_join_link_to_string (link);
  set_text (self->code_row, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
cs_join_window_fill (CsJoinWindow *self,
                     const char   *code,
                     const char   *name,
                     const char   *user,
                     const char   *password,
                     const char   *confirm)
{
  g_return_if_fail (CS_IS_JOIN_WINDOW (self));

  if (code)
    set_text (self->code_row, code);
  set_text (self->name_row, name);
  set_text (self->user_row, user);
  set_text (self->password_row, password);
  set_text (self->confirm_row, confirm);
}

static void
show_done (CsJoinWindow *self,
           const char   *title,
           const char   *description)
{
  g_free (self->result);
  self->result = g_strdup (title);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->join_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
}

static void
joined_message (CsJoinWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const char *cohort = self->joined->cohort_title;

  if (g_str_equal (self->joined->status, "approved"))
    {
      /* TRANSLATORS: %s is the name of the cohort */
      title = g_strdup_printf (_("Welcome to %s"), cohort);
      description = g_strdup (_("The cases assigned to your cohort appear in your library."));
    }
  else
    {
      title = g_strdup (_("Waiting for Approval"));
      /* TRANSLATORS: %s is the name of the cohort */
      description = g_strdup_printf (_("You asked to join %s. Its cases appear in your library "
                                       "once your instructor approves you."), cohort);
    }
  show_done (self, title, description);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsJoinWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  set_busy (self, FALSE);
  wipe_password (self);
  if (!cs_sync_session_connect_finish (CS_SYNC_SESSION (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* TRANSLATORS: %s is why signing in failed */
      description = g_strdup_printf (_("Your account is ready, but signing in failed: %s Sign in "
                                       "from Shared Server in the main menu."), error->message);
      show_done (self, _("Account Created"), description);
      return;
    }

  joined_message (self);
}

static void
on_joined (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CsJoinWindow) self = data;
  g_autoptr(GError) error = NULL;
  CsJoinResult *joined = cs_enrolment_join_finish (result, &error);

  if (!joined)
    {
      set_busy (self, FALSE);
      wipe_password (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->joined, cs_join_result_free);
  self->joined = joined;
  set_text (self->password_row, "");
  set_text (self->confirm_row, "");
  show_message (self, _("Signing in…"), FALSE);
  cs_sync_session_connect_async (self->session, self->account, self->password, self->cancellable,
                                 on_signed_in, g_object_ref (self));
}

static void
on_joined_with_account (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(CsJoinWindow) self = data;
  g_autoptr(GError) error = NULL;
  CsJoinResult *joined = cs_enrolment_join_cohort_finish (CS_SERVER (source), result, &error);

  set_busy (self, FALSE);
  if (!joined)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->joined, cs_join_result_free);
  self->joined = joined;
  cs_sync_session_sync_now (self->session);
  joined_message (self);
}

static void
join_with_account (CsJoinWindow *self,
                   const char   *code)
{
  CsSync *sync = cs_sync_session_get_sync (self->session);

  if (!sync)
    {
      show_message (self, _("You are signed out. Turn off “Use the Account I Am Signed In With” "
                            "to make an account."), TRUE);
      return;
    }
  set_busy (self, TRUE);
  show_message (self, _("Joining…"), FALSE);
  cs_enrolment_join_cohort_async (cs_sync_get_server (sync), code, self->cancellable,
                                  on_joined_with_account, g_object_ref (self));
}

void
cs_join_window_join (CsJoinWindow *self)
{
  g_autofree char *code_text = NULL;
  g_autofree char *user = NULL;
  g_autoptr(CsJoinLink) link = NULL;
  g_autoptr(GError) error = NULL;
  const char *code;
  const char *password;
  const char *port_text;
  char *end = NULL;
  long port;

  g_return_if_fail (CS_IS_JOIN_WINDOW (self));

  if (self->busy)
    return;

  code_text = g_strstrip (g_strdup (text_of (self->code_row)));
  code = code_text;
  if (g_str_has_prefix (code_text, "case-studio:"))
    {
      g_autoptr(CsJoinLink) from = cs_join_link_parse (code_text, &error);

      if (!from)
        {
          show_message (self, error->message, TRUE);
          return;
        }
      code = NULL;
      link = g_steal_pointer (&from);
    }
  else if (!*code_text)
    {
      show_message (self, _("Enter the invitation code from your instructor."), TRUE);
      return;
    }

  if (use_account (self))
    {
      join_with_account (self, code ? code : link->code);
      return;
    }

  user = g_strstrip (g_strdup (text_of (self->user_row)));
  password = text_of (self->password_row);
  port_text = text_of (self->port_row);
  port = strtol (port_text, &end, 10);
  if (!*user)
    {
      show_message (self, _("Choose a user name."), TRUE);
      return;
    }
  if (g_utf8_strlen (password, -1) < MIN_PASSWORD)
    {
      show_message (self, _("Choose a password of at least 8 characters."), TRUE);
      return;
    }
  if (!g_str_equal (password, text_of (self->confirm_row)))
    {
      show_message (self, _("The two passwords differ. Type the same password twice."), TRUE);
      return;
    }
  if (end == port_text || *end != '\0' || port < 1 || port > 65535)
    {
      show_message (self, _("The port is a number from 1 to 65535 (PostgreSQL uses 5432)."), TRUE);
      return;
    }
  /* The server fields win over the link's: the student may have corrected them. */
  {
    g_autoptr(CsJoinLink) target = cs_join_link_new (text_of (self->host_row), (int) port,
                                                     text_of (self->database_row),
                                                     code ? code : link->code, &error);

    if (!target)
      {
        if (!*text_of (self->host_row))
          show_message (self, _("Enter the server address, or paste the join link."), TRUE);
        else if (!cs_join_link_is_code (code ? code : link->code))
          show_message (self, _("An invitation code has letters, digits and dashes, like “1A2B3C4D-5E6F7A8B”."), TRUE);
        else
          show_message (self, error->message, TRUE);
        return;
      }
    g_clear_pointer (&link, cs_join_link_free);
    link = g_steal_pointer (&target);
  }

  g_clear_pointer (&self->account, cs_server_account_free);
  self->account = cs_server_account_new (link->host, link->port, link->database, user);
  self->account->listen_port = link->listen_port;
  wipe_password (self);
  self->password = g_strdup (password);
  set_busy (self, TRUE);
  show_message (self, _("Joining…"), FALSE);
  cs_enrolment_join_async (link, user, password, text_of (self->name_row), self->cancellable,
                           on_joined, g_object_ref (self));
}

static void
on_join_clicked (CsJoinWindow *self)
{
  cs_join_window_join (self);
}

const char *
cs_join_window_get_message (CsJoinWindow *self)
{
  g_return_val_if_fail (CS_IS_JOIN_WINDOW (self), NULL);
  return gtk_label_get_text (self->message_label);
}

gboolean
cs_join_window_get_busy (CsJoinWindow *self)
{
  g_return_val_if_fail (CS_IS_JOIN_WINDOW (self), FALSE);
  return self->busy;
}

const char *
cs_join_window_get_result (CsJoinWindow *self)
{
  g_return_val_if_fail (CS_IS_JOIN_WINDOW (self), NULL);
  return self->result;
}

static void
cs_join_window_dispose (GObject *object)
{
  CsJoinWindow *self = CS_JOIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_JOIN_WINDOW);

  G_OBJECT_CLASS (cs_join_window_parent_class)->dispose (object);
}

static void
cs_join_window_finalize (GObject *object)
{
  CsJoinWindow *self = CS_JOIN_WINDOW (object);

  wipe_password (self);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->account, cs_server_account_free);
  g_clear_pointer (&self->joined, cs_join_result_free);
  g_free (self->result);

  G_OBJECT_CLASS (cs_join_window_parent_class)->finalize (object);
}

static void
cs_join_window_class_init (CsJoinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_join_window_dispose;
  object_class->finalize = cs_join_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-join-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, join_button);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, account_group);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, account_switch);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, message_group);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CsJoinWindow, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_code_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_join_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_account_toggled);
}

static void
cs_join_window_init (CsJoinWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsJoinWindow *
cs_join_window_new (GtkWindow     *parent,
                    CsSyncSession *session)
{
  CsJoinWindow *self;
  const CsServerAccount *account;

  g_return_val_if_fail (CS_IS_SYNC_SESSION (session), NULL);

  self = g_object_new (CS_TYPE_JOIN_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  account = cs_sync_session_get_account (session);
  if (account)
    {
      g_autofree char *port = g_strdup_printf ("%d", account->port);

      set_text (self->host_row, account->host);
      set_text (self->port_row, port);
      set_text (self->database_row, account->database);
    }
  if (account && cs_sync_session_get_sync (session))
    {
      g_autofree char *label = cs_server_account_dup_label (account);

      adw_action_row_set_subtitle (self->account_row, label);
      gtk_widget_set_visible (GTK_WIDGET (self->account_row), TRUE);
      gtk_switch_set_active (self->account_switch, TRUE);
    }
  return self;
}
