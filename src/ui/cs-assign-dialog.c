/* cs-assign-dialog.c: assign a published case to a cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-assign-dialog.h"
#include "cs-cohort-admin.h"

struct _CsAssignDialog
{
  AdwWindow      parent_instance;

  GtkButton     *assign_button;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwComboRow   *case_row;
  GtkSwitch     *due_switch;
  GtkCalendar   *calendar;
  GtkSwitch     *required_switch;
  GtkLabel      *error_label;

  CsServer      *server;
  char          *cohort_id;
  GPtrArray     *cases;
  GCancellable  *cancellable;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (CsAssignDialog, cs_assign_dialog, ADW_TYPE_WINDOW)

enum { ASSIGNED, N_SIGNALS };
static guint signals[N_SIGNALS];

static CsPublishedCase *
chosen (CsAssignDialog *self)
{
  guint index = adw_combo_row_get_selected (self->case_row);

  return self->cases && index < self->cases->len ? g_ptr_array_index (self->cases, index) : NULL;
}

static void
update_sensitive (CsAssignDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button), chosen (self) && !self->busy);
}

static void
show_error (CsAssignDialog *self,
            const char     *text)
{
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(CsAssignDialog) self = data;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = cs_cohort_admin_list_cases_finish (CS_SERVER (source), result, &error);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (!cases && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (!cases)
    {
      adw_status_page_set_title (self->empty_page, _("Cases Could Not Be Loaded"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_sensitive (self);
      return;
    }
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  self->cases = cases;
  for (guint i = 0; i < cases->len; i++)
    {
      CsPublishedCase *info = g_ptr_array_index (cases, i);
      /* Translators: a published case in the list to assign: its title and version number */
      g_autofree char *label = g_strdup_printf (_("%s (version %d)"), info->title, info->number);

      gtk_string_list_append (titles, label);
    }
  adw_combo_row_set_model (self->case_row, G_LIST_MODEL (titles));
  gtk_stack_set_visible_child_name (self->stack, cases->len ? "form" : "empty");
  update_sensitive (self);
}

static void
assigned (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(CsAssignDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = cs_cohort_admin_assign_finish (CS_SERVER (source), result, &error);
  CsPublishedCase *info;

  if (!version && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_sensitive (self);
  if (!version)
    {
      show_error (self, error->message);
      return;
    }
  info = chosen (self);
  g_signal_emit (self, signals[ASSIGNED], 0, info ? info->title : "");
  gtk_window_close (GTK_WINDOW (self));
}

static void
assign (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  CsAssignDialog *self = CS_ASSIGN_DIALOG (widget);
  CsPublishedCase *info = chosen (self);
  g_autoptr(GDateTime) due = NULL;

  if (!info || self->busy)
    return;
  if (gtk_switch_get_active (self->due_switch))
    {
      g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

      due = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                   g_date_time_get_day_of_month (day), 23, 59, 0);
    }
  self->busy = TRUE;
  update_sensitive (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  cs_cohort_admin_assign_async (self->server, self->cohort_id, info->id, due,
                                gtk_switch_get_active (self->required_switch),
                                self->cancellable, assigned, g_object_ref (self));
}

static void
cs_assign_dialog_dispose (GObject *object)
{
  CsAssignDialog *self = CS_ASSIGN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server);
  g_clear_pointer (&self->cohort_id, g_free);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_ASSIGN_DIALOG);

  G_OBJECT_CLASS (cs_assign_dialog_parent_class)->dispose (object);
}

static void
cs_assign_dialog_class_init (CsAssignDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_assign_dialog_dispose;

  signals[ASSIGNED] = g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, case_row);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, due_switch);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, required_switch);
  gtk_widget_class_bind_template_child (widget_class, CsAssignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitive);

  gtk_widget_class_install_action (widget_class, "assign.assign", NULL, assign);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_assign_dialog_init (CsAssignDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_calendar_select_day (self->calendar, week);
}

CsAssignDialog *
cs_assign_dialog_new (GtkWindow  *parent,
                      CsServer   *server,
                      const char *cohort_id)
{
  CsAssignDialog *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);
  g_return_val_if_fail (cohort_id != NULL, NULL);

  self = g_object_new (CS_TYPE_ASSIGN_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->server = g_object_ref (server);
  self->cohort_id = g_strdup (cohort_id);
  self->busy = TRUE;
  update_sensitive (self);
  cs_cohort_admin_list_cases_async (server, self->cancellable, listed, g_object_ref (self));
  return self;
}

guint
cs_assign_dialog_get_n_cases (CsAssignDialog *self)
{
  g_return_val_if_fail (CS_IS_ASSIGN_DIALOG (self), 0);

  return self->cases ? self->cases->len : 0;
}
