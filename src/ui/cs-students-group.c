/* cs-students-group.c: a cohort's approved students, and taking one out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cohort-admin.h"
#include "cs-students-group.h"
#include "cs-ui-util.h"

struct _CsStudentsGroup
{
  AdwPreferencesGroup parent_instance;

  GtkListBox   *list;
  CsServer     *server;
  char         *cohort_id;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CsStudentsGroup, cs_students_group, ADW_TYPE_PREFERENCES_GROUP)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void reload (CsStudentsGroup *self);

typedef struct {
  CsStudentsGroup *self;
  char            *id;
  char            *name;
  gboolean         reinstate;
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_free (change->id);
  g_free (change->name);
  g_free (change);
}

static void start_change (CsStudentsGroup *self, const char *id, const char *name, gboolean reinstate);

static void
undo (AdwToast *toast,
      Change   *change)
{
  start_change (change->self, change->id, change->name, TRUE);
}

static void
changed (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Change *change = data;
  CsStudentsGroup *self = change->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  g_autofree char *text = NULL;

  if (!cs_cohort_admin_withdraw_finish (CS_SERVER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cs_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message), NULL);
      change_free (change);
      reload (self);
      return;
    }
  text = change->reinstate
    /* Translators: a toast; %s is a student's name */
    ? g_strdup_printf (_("%s is back in the cohort"), change->name)
    /* Translators: a toast; %s is a student's name */
    : g_strdup_printf (_("%s was removed from the cohort; their work is kept"), change->name);
  toast = adw_toast_new (text);
  if (!change->reinstate)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo), change,
                             (GClosureNotify) (void (*) (void)) change_free, 0);
    }
  else
    change_free (change);
  cs_ui_add_toast (GTK_WIDGET (self), toast, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  reload (self);
}

static void
start_change (CsStudentsGroup *self,
              const char      *id,
              const char      *name,
              gboolean         reinstate)
{
  Change *change = g_new0 (Change, 1);

  if (!self->server)
    {
      g_free (change);
      return;
    }
  change->self = g_object_ref (self);
  change->id = g_strdup (id);
  change->name = g_strdup (name);
  change->reinstate = reinstate;
  cs_cohort_admin_withdraw_full_async (self->server, id, reinstate, self->cancellable, changed, change);
}

static void
remove_clicked (GtkButton       *button,
                CsStudentsGroup *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  start_change (self, g_object_get_data (G_OBJECT (button), "enrolment"),
                g_object_get_data (G_OBJECT (button), "name"), FALSE);
}

/* By name, as a class list is read; the server lists them in the order they joined. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const CsEnrolmentInfo *x = *(const CsEnrolmentInfo **) a;
  const CsEnrolmentInfo *y = *(const CsEnrolmentInfo **) b;
  int order = g_utf8_collate (x->display_name ? x->display_name : "", y->display_name ? y->display_name : "");

  return order ? order : g_strcmp0 (x->user_name, y->user_name);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(CsStudentsGroup) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) students = cs_enrolment_list_requests_finish (CS_SERVER (source), result, &error);

  if (!students && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);
  if (!students || students->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), students ? _("No students yet") : error->message);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
      return;
    }
  g_ptr_array_sort (students, compare_names);
  for (guint i = 0; i < students->len; i++)
    {
      CsEnrolmentInfo *info = g_ptr_array_index (students, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      /* Translators: the tooltip of a button next to a student; %s is their name */
      g_autofree char *tip = g_strdup_printf (_("Remove %s from the Cohort"), info->display_name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->user_name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data_full (G_OBJECT (button), "enrolment", g_strdup (info->id), g_free);
      g_object_set_data_full (G_OBJECT (button), "name", g_strdup (info->display_name), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data_full (G_OBJECT (row), "enrolment", g_strdup (info->id), g_free);
      g_object_set_data (G_OBJECT (row), "remove", button);
      gtk_list_box_append (self->list, row);
    }
}

static void
reload (CsStudentsGroup *self)
{
  if (self->server)
    cs_enrolment_list_requests_async (self->server, self->cohort_id, "approved", self->cancellable, listed,
                                      g_object_ref (self));
}

void
cs_students_group_set_cohort (CsStudentsGroup *self,
                              CsServer        *server,
                              const char      *cohort_id)
{
  g_return_if_fail (CS_IS_STUDENTS_GROUP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->server);
  if (server && cohort_id)
    self->server = g_object_ref (server);
  g_free (self->cohort_id);
  self->cohort_id = g_strdup (cohort_id);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);
  reload (self);
}

GtkListBox *
cs_students_group_get_list (CsStudentsGroup *self)
{
  g_return_val_if_fail (CS_IS_STUDENTS_GROUP (self), NULL);

  return self->list;
}

static void
cs_students_group_dispose (GObject *object)
{
  CsStudentsGroup *self = CS_STUDENTS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server);
  g_clear_pointer (&self->cohort_id, g_free);

  G_OBJECT_CLASS (cs_students_group_parent_class)->dispose (object);
}

static void
cs_students_group_class_init (CsStudentsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cs_students_group_dispose;

  /* A student was taken out or brought back: the cohort's counts changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cs_students_group_init (CsStudentsGroup *self)
{
  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Students"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Removing a student keeps their runs and grades; they no longer see the cohort’s cases"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  /* Students join while the window is open: the list is read again each time it is shown. */
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}
