/* cs-cohort-dialog.c: create a cohort, or change one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cohort-admin.h"
#include "cs-cohort-dialog.h"

struct _CsCohortDialog
{
  AdwWindow     parent_instance;

  AdwWindowTitle *window_title;
  GtkButton    *save_button;
  AdwEntryRow  *title_row;
  AdwEntryRow  *code_row;
  AdwEntryRow  *semester_row;
  GtkSwitch    *approve_switch;
  GtkLabel     *error_label;

  CsServer     *server;
  char         *cohort_id;
  GCancellable *cancellable;
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (CsCohortDialog, cs_cohort_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_sensitive (CsCohortDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *title && !self->saving);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      data)
{
  g_autoptr(CsCohortDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cs_cohort_admin_save_finish (CS_SERVER (source), result, &error);

  if (!id && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  update_sensitive (self);
  if (!id)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save (GtkWidget  *widget,
      const char *action,
      GVariant   *parameter)
{
  CsCohortDialog *self = CS_COHORT_DIALOG (widget);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  self->saving = TRUE;
  update_sensitive (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  cs_cohort_admin_save_async (self->server, self->cohort_id,
                              gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->semester_row)),
                              gtk_switch_get_active (self->approve_switch),
                              self->cancellable, saved, g_object_ref (self));
}

static void
activate_save (CsCohortDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "cohort.save", NULL);
}

static void
cs_cohort_dialog_dispose (GObject *object)
{
  CsCohortDialog *self = CS_COHORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server);
  g_clear_pointer (&self->cohort_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_COHORT_DIALOG);

  G_OBJECT_CLASS (cs_cohort_dialog_parent_class)->dispose (object);
}

static void
cs_cohort_dialog_class_init (CsCohortDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_cohort_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-cohort-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, semester_row);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, approve_switch);
  gtk_widget_class_bind_template_child (widget_class, CsCohortDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitive);
  gtk_widget_class_bind_template_callback (widget_class, activate_save);

  gtk_widget_class_install_action (widget_class, "cohort.save", NULL, save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_cohort_dialog_init (CsCohortDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CsCohortDialog *
cs_cohort_dialog_new (GtkWindow          *parent,
                      CsServer           *server,
                      const CsCohortInfo *info)
{
  CsCohortDialog *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_COHORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->server = g_object_ref (server);
  if (info)
    {
      self->cohort_id = g_strdup (info->id);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), info->title);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), info->course_code ? info->course_code : "");
      gtk_editable_set_text (GTK_EDITABLE (self->semester_row), info->semester ? info->semester : "");
      gtk_switch_set_active (self->approve_switch, info->auto_approve);
      adw_window_title_set_title (self->window_title, _("Edit Cohort"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  update_sensitive (self);
  return self;
}
