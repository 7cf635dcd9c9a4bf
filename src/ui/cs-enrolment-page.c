/* cs-enrolment-page.c: a cohort's requests to join and its invitation codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through the enrolment calls on the CsServer's worker. Decisions are all
 * or nothing (the server function refuses the lot if one id is not the caller's); the
 * page then reloads. A new code is kept only in this page, as the server keeps its hash
 * only: its row has buttons to copy the code and the case-studio://join link.
 *
 * cs_enrolment_page_reload_requests() reads the requests and the codes again (each list
 * one read at a time, one more if asked meanwhile: CsReloader); the Cohorts window calls it
 * when the server says that somebody asked to join. The rows of requests still waiting are
 * kept as they are, checked and focused.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cs-enrolment-page.h"
#include "cs-ui-util.h"
#include "cs-enrolment.h"
#include "cs-reloader.h"
#include "cs-students-group.h"

struct _CsEnrolmentPage
{
  GtkWidget     parent_instance;

  GtkWidget    *preferences;
  GtkListBox   *requests_list;
  GtkListBox   *invitations_list;
  CsStudentsGroup *students_group;
  int           listen_port;

  CsServer     *server;
  char         *cohort_id;
  char         *new_code;
  GCancellable *cancellable;
  CsReloader   *requests;      /* reads of the request list */
  CsReloader   *invitations;   /* reads of the codes */
};

G_DEFINE_FINAL_TYPE (CsEnrolmentPage, cs_enrolment_page, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (CsEnrolmentPage *self);

static void
clear_list (GtkListBox *list)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (list)));)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
toast (CsEnrolmentPage *self,
       const char      *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    cs_ui_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* Requests */

static GPtrArray *
checked_ids (CsEnrolmentPage *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->requests_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check && gtk_check_button_get_active (check))
        g_ptr_array_add (ids, g_object_get_data (G_OBJECT (row), "enrolment"));
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

static void
update_actions (CsEnrolmentPage *self)
{
  g_autoptr(GPtrArray) ids = checked_ids (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.approve", ids->len > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.reject", ids->len > 1);
}

static GtkWidget *
request_row (CsEnrolmentPage *self,
             CsEnrolmentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GDateTime) local = info->enrolled_at ? g_date_time_to_local (info->enrolled_at) : NULL;
  /* Translators: the day a student asked to join, as in "4 Dec 2026" (g_date_time_format);
   * "%x" gave an ambiguous "12/04/26" */
  g_autofree char *when = local ? g_date_time_format (local, _("%-d %b %Y")) : NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: under a request to join: the user name and the day they asked */
  subtitle = g_strdup_printf (_("%s · asked on %s"), info->user_name, when ? when : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->display_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, info->display_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "enrolment", g_strdup (info->id), g_free);
  return row;
}

/* The rows of the requests still waiting stay as they are (checked, focused), the others
 * go, the new ones come in at their place. */
static void
listed_requests (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsEnrolmentPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = cs_enrolment_list_requests_finish (CS_SERVER (source), result, &error);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  if (!requests && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; requests && i < requests->len; i++)
    g_hash_table_add (wanted, ((CsEnrolmentInfo *) g_ptr_array_index (requests, i))->id);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->requests_list)), *next; row; row = next)
    {
      const char *id = g_object_get_data (G_OBJECT (row), "enrolment");

      next = gtk_widget_get_next_sibling (row);
      if (id && g_hash_table_contains (wanted, id))
        g_hash_table_insert (shown, (gpointer) id, row);
      else
        gtk_list_box_remove (self->requests_list, row);  /* decided, or a placeholder */
    }
  if (!requests)
    add_placeholder (self->requests_list, error->message);
  else if (requests->len == 0)
    add_placeholder (self->requests_list, _("No requests waiting"));
  for (guint i = 0; requests && i < requests->len; i++)
    {
      CsEnrolmentInfo *info = g_ptr_array_index (requests, i);

      if (!g_hash_table_contains (shown, info->id))
        gtk_list_box_insert (self->requests_list, request_row (self, info), (int) i);
    }
  update_actions (self);
  if (!requests)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_requests_async (gpointer             owner,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  CsEnrolmentPage *self = owner;
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  cs_enrolment_list_requests_async (self->server, self->cohort_id, "pending", cancellable, listed_requests, task);
}

/* Both lists' loads finish alike. */
static gboolean
load_finish (gpointer       owner,
             GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
decided (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(CsEnrolmentPage) self = data;
  g_autoptr(GError) error = NULL;
  int n = cs_enrolment_decide_finish (CS_SERVER (source), result, &error);
  g_autofree char *text = NULL;

  if (n < 0)
    toast (self, error->message);
  else
    {
      text = g_strdup_printf (ngettext ("%d request decided; the student is told",
                                        "%d requests decided; the students are told", n), n);
      toast (self, text);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  reload (self);
}

static void
decide (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  CsEnrolmentPage *self = CS_ENROLMENT_PAGE (widget);
  g_autoptr(GPtrArray) ids = checked_ids (self);

  if (!self->server || ids->len < 2)
    return;
  gtk_widget_action_set_enabled (widget, "enrolment.approve", FALSE);
  gtk_widget_action_set_enabled (widget, "enrolment.reject", FALSE);
  cs_enrolment_decide_async (self->server, (const char * const *) ids->pdata, g_str_equal (action, "enrolment.approve"),
                             self->cancellable, decided, g_object_ref (self));
}

/* Invitations */

static char *
link_for (CsEnrolmentPage *self,
          const char      *code)
{
  PQconninfoOption *options = PQconninfoParse (cs_server_get_conninfo (self->server), NULL);
  const char *host = NULL, *port = NULL, *dbname = NULL;
  g_autoptr(CsJoinLink) link = NULL;

  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (g_str_equal (o->keyword, "host") && o->val && *o->val)
        host = o->val;
      else if (g_str_equal (o->keyword, "port") && o->val && *o->val)
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname") && o->val && *o->val)
        dbname = o->val;
    }
  link = host ? cs_join_link_new (host, port ? atoi (port) : 5432, dbname, code, NULL) : NULL;
  if (link)
    link->listen_port = self->listen_port;
  PQconninfoFree (options);
  return link ? cs_join_link_to_string (link) : NULL;
}

static void
copy_text (GtkButton       *button,
           CsEnrolmentPage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  toast (self, g_object_get_data (G_OBJECT (button), "done"));
}

static GtkWidget *
copy_button (CsEnrolmentPage *self,
             const char      *icon,
             const char      *tooltip,
             const char      *text,
             const char      *done)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "text", g_strdup (text), g_free);
  g_object_set_data (G_OBJECT (button), "done", (gpointer) done);
  g_signal_connect_object (button, "clicked", G_CALLBACK (copy_text), self, 0);
  return button;
}

static void
listed_invitations (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsEnrolmentPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invitations = cs_enrolment_list_invitations_finish (CS_SERVER (source), result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!invitations && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  clear_list (self->invitations_list);
  if (self->new_code)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *link = link_for (self, self->new_code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->new_code);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("New code: copy it now, it is not shown again"));
      gtk_widget_add_css_class (row, "monospace");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 copy_button (self, "edit-copy-symbolic", _("Copy the Code"), self->new_code,
                                              _("Code copied")));
      if (link)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   copy_button (self, "insert-link-symbolic", _("Copy the Join Link"), link,
                                                _("Join link copied")));
      gtk_list_box_append (self->invitations_list, row);
    }
  if (!invitations)
    add_placeholder (self->invitations_list, error->message);
  else if (invitations->len == 0 && !self->new_code)
    add_placeholder (self->invitations_list, _("No codes yet"));
  for (guint i = 0; invitations && i < invitations->len; i++)
    {
      CsInvitationInfo *info = g_ptr_array_index (invitations, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *when = info->expires_at ? g_date_time_format (info->expires_at, "%x") : NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: an invitation code's row: how often it was used */
      title = g_strdup_printf (_("Used %d of %d times"), info->use_count, info->max_uses);
      if (info->revoked)
        subtitle = g_strdup (_("Revoked"));
      else if (info->expires_at && g_date_time_compare (info->expires_at, now) <= 0)
        subtitle = g_strdup_printf (_("Expired on %s"), when);
      else
        subtitle = g_strdup_printf (_("Valid until %s"), when ? when : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->invitations_list, row);
    }
  if (!invitations)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_invitations_async (gpointer             owner,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  CsEnrolmentPage *self = owner;
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  cs_enrolment_list_invitations_async (self->server, self->cohort_id, cancellable, listed_invitations, task);
}

static void
made_code (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CsEnrolmentPage) self = data;
  g_autoptr(GError) error = NULL;
  char *code = cs_enrolment_create_invitation_finish (CS_SERVER (source), result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrolment.new-code", TRUE);
  if (!code)
    {
      toast (self, error->message);
      return;
    }
  g_free (self->new_code);
  self->new_code = code;
  reload (self);
}

static void
new_code (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  CsEnrolmentPage *self = CS_ENROLMENT_PAGE (widget);

  if (!self->server)
    return;
  gtk_widget_action_set_enabled (widget, "enrolment.new-code", FALSE);
  /* For a class: 60 uses, 14 days, following the cohort's own approval setting. */
  cs_enrolment_create_invitation_async (self->server, self->cohort_id, 60, NULL, -1, self->cancellable, made_code,
                                        g_object_ref (self));
}

static void
make_reloaders (CsEnrolmentPage *self)
{
  g_clear_object (&self->requests);
  g_clear_object (&self->invitations);
  self->requests = cs_reloader_new (self, load_requests_async, load_finish, "the enrolment requests");
  self->invitations = cs_reloader_new (self, load_invitations_async, load_finish, "the invitation codes");
}

static void
reload (CsEnrolmentPage *self)
{
  if (!self->server)
    return;
  cs_reloader_reload (self->requests);
  cs_reloader_reload (self->invitations);
}

/* GObject */

static void
cs_enrolment_page_dispose (GObject *object)
{
  CsEnrolmentPage *self = CS_ENROLMENT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->requests);
  g_clear_object (&self->invitations);
  g_clear_object (&self->server);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_ENROLMENT_PAGE);

  G_OBJECT_CLASS (cs_enrolment_page_parent_class)->dispose (object);
}

static void
cs_enrolment_page_finalize (GObject *object)
{
  CsEnrolmentPage *self = CS_ENROLMENT_PAGE (object);

  g_free (self->cohort_id);
  g_free (self->new_code);

  G_OBJECT_CLASS (cs_enrolment_page_parent_class)->finalize (object);
}

static void
cs_enrolment_page_class_init (CsEnrolmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_enrolment_page_dispose;
  object_class->finalize = cs_enrolment_page_finalize;

  g_type_ensure (CS_TYPE_STUDENTS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-enrolment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsEnrolmentPage, preferences);
  gtk_widget_class_bind_template_child (widget_class, CsEnrolmentPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, CsEnrolmentPage, invitations_list);
  gtk_widget_class_bind_template_child (widget_class, CsEnrolmentPage, students_group);

  gtk_widget_class_install_action (widget_class, "enrolment.approve", NULL, decide);
  gtk_widget_class_install_action (widget_class, "enrolment.reject", NULL, decide);
  gtk_widget_class_install_action (widget_class, "enrolment.new-code", NULL, new_code);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* Enrolments were decided: the cohort's counts changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
students_changed (CsEnrolmentPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cs_enrolment_page_init (CsEnrolmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  make_reloaders (self);
  g_signal_connect_object (self->students_group, "changed", G_CALLBACK (students_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

GtkWidget *
cs_enrolment_page_new (void)
{
  return g_object_new (CS_TYPE_ENROLMENT_PAGE, NULL);
}

void
cs_enrolment_page_set_cohort (CsEnrolmentPage *self,
                              CsServer        *server,
                              const char      *cohort_id)
{
  g_return_if_fail (CS_IS_ENROLMENT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* New reloaders: reads of the last cohort's lists are cancelled with the old ones. */
  make_reloaders (self);
  g_clear_object (&self->server);
  if (cohort_id && server)
    self->server = g_object_ref (server);
  g_free (self->cohort_id);
  self->cohort_id = g_strdup (cohort_id);
  g_clear_pointer (&self->new_code, g_free);
  clear_list (self->requests_list);
  clear_list (self->invitations_list);
  update_actions (self);
  reload (self);
  cs_students_group_set_cohort (self->students_group, self->server, cohort_id);
}

void
cs_enrolment_page_reload_requests (CsEnrolmentPage *self)
{
  g_return_if_fail (CS_IS_ENROLMENT_PAGE (self));

  reload (self);
}

GtkListBox *
cs_enrolment_page_get_requests (CsEnrolmentPage *self)
{
  g_return_val_if_fail (CS_IS_ENROLMENT_PAGE (self), NULL);

  return self->requests_list;
}

const char *
cs_enrolment_page_get_new_code (CsEnrolmentPage *self)
{
  g_return_val_if_fail (CS_IS_ENROLMENT_PAGE (self), NULL);

  return self->new_code;
}

char *
cs_enrolment_page_dup_join_link (CsEnrolmentPage *self)
{
  g_return_val_if_fail (CS_IS_ENROLMENT_PAGE (self), NULL);

  return self->new_code && self->server ? link_for (self, self->new_code) : NULL;
}

void
cs_enrolment_page_set_listen_port (CsEnrolmentPage *self,
                                   int              listen_port)
{
  g_return_if_fail (CS_IS_ENROLMENT_PAGE (self));

  self->listen_port = listen_port > 0 && listen_port <= 65535 ? listen_port : 0;
}

CsStudentsGroup *
cs_enrolment_page_get_students (CsEnrolmentPage *self)
{
  g_return_val_if_fail (CS_IS_ENROLMENT_PAGE (self), NULL);

  return self->students_group;
}
