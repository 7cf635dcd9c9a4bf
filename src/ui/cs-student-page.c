/* cs-student-page.c: a student's assignments in one cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per assignment, by due date: the case, when it is due and whether it is
 * required, the student's status (late when past due and not completed in time), their
 * progress and the grade in force (marked when the instructor changed it, with their
 * reason). An assignment with a run offers it read-only (report and transcript) from the
 * local library, where the student played it: the button, or activating the row.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cohort-admin.h"
#include "cs-run-view.h"
#include "cs-student-page.h"
#include "cs-ui-util.h"

struct _CsStudentPage
{
  AdwBin       parent_instance;

  GtkStack    *stack;
  AdwStatusPage *empty_page;
  GtkListBox  *list;

  CsDashboard *dashboard;
  CsStore     *store;
  GPtrArray   *statuses;  /* the status label of each row */
  GHashTable  *feedback;  /* progress id → the instructor's reason for the grade */
  GCancellable *cancellable;
  char        *shown;     /* the assignment to select */
};

G_DEFINE_FINAL_TYPE (CsStudentPage, cs_student_page, ADW_TYPE_BIN)

const char *
cs_student_page_status_label (CsDashboardStatus status,
                              gboolean          late)
{
  if (late)
    return C_("assignment status", "Late");
  switch (status)
    {
    case CS_DASHBOARD_COMPLETED:
      return C_("assignment status", "Completed");
    case CS_DASHBOARD_IN_PROGRESS:
      return C_("assignment status", "In Progress");
    case CS_DASHBOARD_NOT_STARTED:
    default:
      return C_("assignment status", "Not Started");
    }
}

static char *
subtitle_of (CsDashboardAssignment *assignment)
{
  gint64 due = cs_dashboard_assignment_get_due (assignment);
  g_autoptr(GDateTime) when = due ? g_date_time_new_from_unix_local (due) : NULL;
  /* Translators: when an assignment is due (GDateTime format), as in "Due Fri 14 Mar, 23:59" */
  g_autofree char *date = when ? g_date_time_format (when, _("Due %a %-d %b, %H:%M")) : g_strdup (_("No due date"));

  return g_strdup_printf ("%s · %s", date, cs_dashboard_assignment_get_required (assignment)
                                           ? _("Required") : _("Optional"));
}

static GtkWidget *
assignment_row (CsStudentPage         *self,
                CsDashboardAssignment *assignment,
                CsDashboardCell       *cell)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = subtitle_of (assignment);
  CsDashboardStatus status = cell ? cs_dashboard_cell_get_status (cell) : CS_DASHBOARD_NOT_STARTED;
  gboolean late = cell && cs_dashboard_cell_get_late (cell);
  GtkWidget *status_label = gtk_label_new (cs_student_page_status_label (status, late));
  GtkWidget *grade;
  g_autofree char *grade_text = NULL;
  gboolean overridden;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_dashboard_assignment_get_title (assignment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (status == CS_DASHBOARD_IN_PROGRESS && !late)
    {
      g_autofree char *percent = cs_ui_dup_percent (cs_dashboard_cell_get_progress (cell));
      g_autofree char *text = g_strdup_printf ("%s · %s", cs_student_page_status_label (status, FALSE), percent);

      gtk_label_set_text (GTK_LABEL (status_label), text);
    }
  gtk_widget_add_css_class (status_label, "caption-heading");
  gtk_widget_add_css_class (status_label, late ? "error" : status == CS_DASHBOARD_COMPLETED ? "success" : "dim-label");
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  g_ptr_array_add (self->statuses, g_strdup (cs_student_page_status_label (status, late)));

  overridden = cell && cs_dashboard_cell_get_score (cell) >= 0 && cs_dashboard_cell_get_overridden (cell);
  grade_text = cs_ui_dup_percent (cell ? cs_dashboard_cell_get_score (cell) : -1);
  if (cell && cs_dashboard_cell_get_progress_id (cell) && self->feedback &&
      g_hash_table_contains (self->feedback, cs_dashboard_cell_get_progress_id (cell)))
    {
      /* Translators: under an assignment: its due date etc., then the instructor's note on the grade */
      g_autofree char *with_note = g_strdup_printf (_("%s\nYour instructor: “%s”"), subtitle,
                                                   (char *) g_hash_table_lookup (self->feedback,
                                                                                 cs_dashboard_cell_get_progress_id (cell)));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), with_note);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
    }
  grade = gtk_label_new (grade_text);
  gtk_widget_set_valign (grade, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (grade, 56, -1);
  gtk_label_set_xalign (GTK_LABEL (grade), 1);
  gtk_widget_add_css_class (grade, "numeric");
  if (overridden)
    gtk_widget_add_css_class (grade, "accent");
  gtk_widget_set_tooltip_text (grade, overridden ? _("Grade set by your instructor") : _("Grade"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);
  g_object_set_data_full (G_OBJECT (row), "assignment-id", g_strdup (cs_dashboard_assignment_get_id (assignment)),
                          g_free);

  if (cell && cs_dashboard_cell_get_progress_id (cell))
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_View Run"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Your report and transcript, read-only"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "student.open-run");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "u", cs_dashboard_cell_get_assignment (cell));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
    }
  return row;
}

static void
select_shown (CsStudentPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row && self->shown;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (g_object_get_data (G_OBJECT (row), "assignment-id"), self->shown) == 0)
      {
        gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        gtk_widget_grab_focus (row);
      }
}

void
cs_student_page_show_assignment (CsStudentPage *self,
                                 const char    *assignment_id)
{
  g_return_if_fail (CS_IS_STUDENT_PAGE (self));

  g_free (self->shown);
  self->shown = g_strdup (assignment_id);
  select_shown (self);
}

const char *
cs_student_page_get_shown_assignment (CsStudentPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CS_IS_STUDENT_PAGE (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row ? g_object_get_data (G_OBJECT (row), "assignment-id") : NULL;
}

static void
rebuild (CsStudentPage *self)
{
  GListModel *assignments;
  GListModel *cells;
  guint n;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->statuses, 0);
  if (!self->dashboard)
    return;
  assignments = cs_dashboard_get_assignments (self->dashboard);
  cells = cs_dashboard_get_cells (self->dashboard);
  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, i);
      g_autoptr(CsDashboardCell) cell = NULL;

      /* Only the student's own row: one cell per assignment, in the same order. */
      for (guint c = 0; c < g_list_model_get_n_items (cells) && !cell; c++)
        {
          g_autoptr(CsDashboardCell) candidate = g_list_model_get_item (cells, c);

          if (cs_dashboard_cell_get_assignment (candidate) == i)
            cell = g_steal_pointer (&candidate);
        }
      gtk_list_box_append (self->list, assignment_row (self, assignment, cell));
    }
  gtk_stack_set_visible_child_name (self->stack, n ? "list" : "empty");
  select_shown (self);
}

static void
got_feedback (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsStudentPage) self = data;
  g_autoptr(GError) error = NULL;
  GHashTable *feedback = cs_cohort_admin_list_feedback_finish (CS_SERVER (source), result, &error);

  if (!feedback)
    return;  /* the grades show without their notes */
  g_clear_pointer (&self->feedback, g_hash_table_unref);
  self->feedback = feedback;
  rebuild (self);
}

/* After each load: the notes on the grades, then the rows again with them. */
static void
on_loaded (CsStudentPage *self)
{
  rebuild (self);
  cs_cohort_admin_list_feedback_async (cs_dashboard_get_server (self->dashboard), self->cancellable,
                                       got_feedback, g_object_ref (self));
}

static void
on_failed (CsStudentPage *self,
           GError        *error)
{
  adw_status_page_set_title (self->empty_page, _("Assignments Could Not Be Loaded"));
  adw_status_page_set_description (self->empty_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cs_student_page_set_dashboard (CsStudentPage *self,
                               CsDashboard   *dashboard)
{
  g_return_if_fail (CS_IS_STUDENT_PAGE (self));

  if (self->dashboard)
    g_signal_handlers_disconnect_by_data (self->dashboard, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->feedback, g_hash_table_unref);
  g_set_object (&self->dashboard, dashboard);
  if (dashboard)
    {
      g_signal_connect_swapped (dashboard, "loaded", G_CALLBACK (on_loaded), self);
      g_signal_connect_swapped (dashboard, "failed", G_CALLBACK (on_failed), self);
    }
  adw_status_page_set_title (self->empty_page, _("No Assignments"));
  adw_status_page_set_description (self->empty_page, _("Cases your instructor assigns appear here, with their due dates"));
  rebuild (self);
}

/* Opening a run */

/* The student's own cell of assignment @position (one cell per assignment). */
static CsDashboardCell *
cell_of (CsStudentPage *self,
         guint          position)
{
  GListModel *cells = cs_dashboard_get_cells (self->dashboard);

  for (guint c = 0; c < g_list_model_get_n_items (cells); c++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (cells, c);

      if (cs_dashboard_cell_get_assignment (cell) == position)
        return g_steal_pointer (&cell);
    }
  return NULL;
}

static void
open_run (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  CsStudentPage *self = CS_STUDENT_PAGE (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(CsDashboardCell) cell = self->dashboard ? cell_of (self, position) : NULL;
  g_autoptr(CsDashboardAssignment) assignment = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *view;

  if (!self->store || !cell || !cs_dashboard_cell_get_progress_id (cell))
    return;
  assignment = g_list_model_get_item (cs_dashboard_get_assignments (self->dashboard), position);
  view = cs_run_view_new_local (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, cell,
                                assignment ? cs_dashboard_assignment_get_title (assignment) : NULL);
  gtk_window_set_default_size (GTK_WINDOW (view), 820, 680);
  gtk_window_present (GTK_WINDOW (view));
}

void
cs_student_page_set_store (CsStudentPage *self,
                           CsStore       *store)
{
  g_return_if_fail (CS_IS_STUDENT_PAGE (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));

  if (g_set_object (&self->store, store))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "student.open-run", store != NULL);
}

char *
cs_student_page_dup_summary (CsStudentPage *self)
{
  g_return_val_if_fail (CS_IS_STUDENT_PAGE (self), NULL);

  g_ptr_array_add (self->statuses, NULL);
  g_autofree char *summary = g_strjoinv (", ", (char **) self->statuses->pdata);
  g_ptr_array_set_size (self->statuses, self->statuses->len - 1);
  return g_steal_pointer (&summary);
}

static void
cs_student_page_dispose (GObject *object)
{
  CsStudentPage *self = CS_STUDENT_PAGE (object);

  if (self->dashboard)
    g_signal_handlers_disconnect_by_data (self->dashboard, self);
  g_clear_object (&self->dashboard);
  g_clear_object (&self->store);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->feedback, g_hash_table_unref);

  G_OBJECT_CLASS (cs_student_page_parent_class)->dispose (object);
}

static void
cs_student_page_finalize (GObject *object)
{
  g_ptr_array_unref (CS_STUDENT_PAGE (object)->statuses);
  g_free (CS_STUDENT_PAGE (object)->shown);

  G_OBJECT_CLASS (cs_student_page_parent_class)->finalize (object);
}

static void
cs_student_page_class_init (CsStudentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_student_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = cs_student_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-student-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsStudentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsStudentPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CsStudentPage, list);

  gtk_widget_class_install_action (widget_class, "student.open-run", "u", open_run);
}

static void
cs_student_page_init (CsStudentPage *self)
{
  self->statuses = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "student.open-run", FALSE);
}
