/* cs-override-dialog.c: the dialog that overrides the grade of a dashboard cell's run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-override-dialog.h"
#include "cs-ui-util.h"

typedef struct {
  CsDashboard     *dashboard;
  AdwToastOverlay *toasts;
  CsDashboardCell *cell;
  GtkEntry        *score;
  GtkEntry        *reason;
} OverrideDialog;

static void
override_dialog_free (OverrideDialog *dialog)
{
  g_object_unref (dialog->dashboard);
  g_object_unref (dialog->toasts);
  g_object_unref (dialog->cell);
  g_free (dialog);
}

/* The score typed, as a fraction, or -1 when it is not a number from 0 to 100. */
static double
typed_score (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *end = NULL;
  double value;

  g_strdelimit (text, ",", '.');
  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  value = g_ascii_strtod (text, &end);
  if (!*text || !end || (*end && !g_ascii_isspace (*end)) || !(value >= 0 && value <= 100))
    return -1;
  return value / 100;
}

static void
validate_override (AdwMessageDialog *dialog)
{
  OverrideDialog *data = g_object_get_data (G_OBJECT (dialog), "override");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->reason))));
  gboolean score_ok = typed_score (data->score) >= 0;

  if (score_ok || !*gtk_editable_get_text (GTK_EDITABLE (data->score)))
    gtk_widget_remove_css_class (GTK_WIDGET (data->score), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->score), "error");
  adw_message_dialog_set_response_enabled (dialog, "override", score_ok && *reason);
}

static void
overridden (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(AdwToastOverlay) toasts = data;
  g_autoptr(GError) error = NULL;

  if (!cs_dashboard_override_grade_finish (CS_DASHBOARD (source), result, &error))
    cs_ui_overlay_add_toast (toasts, adw_toast_new (error->message));
  else
    cs_ui_overlay_add_toast (toasts, adw_toast_new (_("Grade changed; the student is told")));
}

static void
on_override_response (AdwMessageDialog *dialog,
                      const char       *response)
{
  OverrideDialog *data = g_object_get_data (G_OBJECT (dialog), "override");

  if (!g_str_equal (response, "override"))
    return;
  cs_dashboard_override_grade_async (data->dashboard, cs_dashboard_cell_get_progress_id (data->cell),
                                     typed_score (data->score), gtk_editable_get_text (GTK_EDITABLE (data->reason)),
                                     NULL, overridden, g_object_ref (data->toasts));
}

GtkWidget *
cs_override_dialog_present (GtkWindow       *parent,
                            CsDashboard     *dashboard,
                            CsDashboardCell *cell,
                            AdwToastOverlay *toasts)
{
  g_autoptr(CsDashboardStudent) student = NULL;
  GtkWidget *dialog, *box, *score, *reason;
  OverrideDialog *data;
  g_autofree char *body = NULL;
  g_autofree char *current = NULL;
  GListModel *students;

  g_return_val_if_fail (CS_IS_DASHBOARD (dashboard), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (cell), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  if (!cs_dashboard_cell_get_progress_id (cell))
    {
      cs_ui_overlay_add_toast (toasts,
                                   adw_toast_new (_("Not started yet: there is no grade to change")));
      return NULL;
    }

  students = cs_dashboard_get_students (dashboard);
  for (guint i = 0; !student && i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(CsDashboardStudent) candidate = g_list_model_get_item (students, i);

      if (g_strcmp0 (cs_dashboard_student_get_id (candidate), cs_dashboard_cell_get_student_id (cell)) == 0)
        student = g_steal_pointer (&candidate);
    }

  current = cs_ui_dup_percent (cs_dashboard_cell_get_score (cell));
  {
    g_autoptr(CsDashboardAssignment) assignment =
      g_list_model_get_item (cs_dashboard_get_assignments (dashboard), cs_dashboard_cell_get_assignment (cell));
    const char *who = student ? cs_dashboard_student_get_name (student) : "";
    const char *what = assignment ? cs_dashboard_assignment_get_title (assignment) : "";

    if (cs_dashboard_cell_get_overridden (cell))
      {
        g_autofree char *computed = cs_ui_dup_percent (cs_dashboard_cell_get_computed_score (cell));

        /* Translators: in the override dialog: student, case, grade in force, computed grade */
        body = g_strdup_printf (_("%s has %s in “%s”, changed by hand; the computed grade was %s. "
                                  "The student sees the new grade and your reason; every change is kept."),
                                who, current, what, computed);
      }
    else
      /* Translators: in the override dialog: student, grade, case */
      body = g_strdup_printf (_("%s has %s in “%s”, as computed. The student sees the new grade and your "
                                "reason; every change is kept."), who, current, what);
  }

  dialog = adw_message_dialog_new (parent,
                                   _("Change Grade"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  score = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (score), _("New grade, 0 to 100"));
  gtk_entry_set_input_purpose (GTK_ENTRY (score), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (GTK_ENTRY (score), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (score), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New grade"), -1);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, shown to the student"));
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_box_append (GTK_BOX (box), score);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "override", _("_Change Grade"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "override", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "override");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override", FALSE);

  data = g_new0 (OverrideDialog, 1);
  data->dashboard = g_object_ref (dashboard);
  data->toasts = g_object_ref (toasts);
  data->cell = g_object_ref (cell);
  data->score = GTK_ENTRY (score);
  data->reason = GTK_ENTRY (reason);
  g_object_set_data_full (G_OBJECT (dialog), "override", data, (GDestroyNotify) override_dialog_free);
  g_signal_connect_swapped (score, "changed", G_CALLBACK (validate_override), dialog);
  g_signal_connect_swapped (reason, "changed", G_CALLBACK (validate_override), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_override_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (score);
  return dialog;
}
