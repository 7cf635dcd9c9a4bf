/* cs-run-view.c: one student's run of a cohort dashboard, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here can change the run: the transcript has no entry and the report no play
 * button; the only change is the grade override, through the same dialog as the
 * dashboard's. The cell given is only the first look-up: every reload of the dashboard
 * brings new cells, and the view finds its student × assignment again among them.
 *
 * A student's own run (cs_run_view_new_local) comes from their local library instead,
 * where it was played: report and transcript, without the override and the history.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-message-row.h"
#include "cs-override-dialog.h"
#include "cs-report-view.h"
#include "cs-run-report.h"
#include "cs-run-view.h"
#include "cs-ui-util.h"

struct _CsRunView
{
  AdwWindow            parent_instance;

  AdwViewSwitcherTitle *window_title;
  GtkWidget            *override_button;
  AdwViewStackPage     *history_page;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *failed_page;
  AdwStatusPage        *empty_page;
  GtkLabel             *student_label;
  GtkLabel             *details_label;
  GtkLabel             *score_label;
  CsReportView         *report_view;
  GtkStack             *transcript_stack;
  GtkListView          *transcript;
  GtkLabel             *history_label;
  GtkListBox           *history_list;

  CsDashboard          *dashboard;
  CsDashboardCell      *cell;
  char                 *student_id;
  char                 *assignment_id;
  char                 *student_name;
  char                 *assignment_title;
  CsRemoteRun          *run;
  CsStore              *store;         /* a local run: the library it is read from */
  CsRunReport          *report;        /* a local run, as last read */
  char                 *score_text;    /* a local run: the grade in force, from the server */
  GCancellable         *cancellable;   /* of the read under way */
  gboolean              read_again;    /* the dashboard reloaded during a read */
  gboolean              stale;         /* an override or a reconnection: read on the next load */
  guint                 n_reads;
};

G_DEFINE_FINAL_TYPE (CsRunView, cs_run_view, ADW_TYPE_WINDOW)

static void fetch (CsRunView *self);

static void
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Finding the cell ---------------------------------------------------------------------------- */

/* The student's name and the assignment's title of @cell, from the dashboard. */
static void
look_up_names (CsRunView *self)
{
  GListModel *students = cs_dashboard_get_students (self->dashboard);
  g_autoptr(CsDashboardAssignment) assignment =
    g_list_model_get_item (cs_dashboard_get_assignments (self->dashboard), cs_dashboard_cell_get_assignment (self->cell));

  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (students, i);

      if (g_strcmp0 (cs_dashboard_student_get_id (student), self->student_id) == 0)
        set_str (&self->student_name, cs_dashboard_student_get_name (student));
    }
  if (assignment)
    {
      set_str (&self->assignment_id, cs_dashboard_assignment_get_id (assignment));
      set_str (&self->assignment_title, cs_dashboard_assignment_get_title (assignment));
    }
}

/* The dashboard's current cell of the same student and assignment, or NULL. */
static CsDashboardCell *
find_cell (CsRunView *self)
{
  GListModel *cells = cs_dashboard_get_cells (self->dashboard);
  GListModel *assignments = cs_dashboard_get_assignments (self->dashboard);

  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (cells, i);
      g_autoptr(CsDashboardAssignment) assignment = NULL;

      if (g_strcmp0 (cs_dashboard_cell_get_student_id (cell), self->student_id) != 0)
        continue;
      assignment = g_list_model_get_item (assignments, cs_dashboard_cell_get_assignment (cell));
      if (assignment && g_strcmp0 (cs_dashboard_assignment_get_id (assignment), self->assignment_id) == 0)
        return g_steal_pointer (&cell);
    }
  return NULL;
}

/* Read again only when this run or its grade changed: the dashboard reloads on every turn
 * of any student of the cohort. An override that keeps the grade (a new reason) shows in no
 * cell, so any override in the cohort, or a reconnection, makes the next load read again. */
static void
on_dashboard_changed (CsRunView  *self,
                      const char *table)
{
  if (!table || g_str_equal (table, "grade_overrides"))
    self->stale = TRUE;
}

static void
on_dashboard_loaded (CsRunView *self)
{
  g_autoptr(CsDashboardCell) cell = find_cell (self);
  gboolean changed;

  if (!cell)
    return;  /* withdrawn or unassigned: keep showing what was read */
  changed = self->stale || !cs_dashboard_cell_same_run (self->cell, cell);
  self->stale = FALSE;
  g_set_object (&self->cell, cell);
  look_up_names (self);
  if (changed)
    fetch (self);
}

/* Showing the run ----------------------------------------------------------------------------- */

static GtkWidget *
make_history_row (gpointer item,
                  gpointer data)
{
  CsGradeOverride *override = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *change = gtk_label_new (NULL);
  g_autofree char *before = cs_ui_dup_percent (cs_grade_override_get_previous_score (override));
  g_autofree char *after = cs_ui_dup_percent (cs_grade_override_get_new_score (override));
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (cs_grade_override_get_created_at (override))
    {
      local = g_date_time_to_local (cs_grade_override_get_created_at (override));
      /* Translators: when a grade was changed, as in "12 Mar 2027, 14:05" (g_date_time_format) */
      when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
    }
  /* Translators: in the grade history: who changed the grade, and when */
  subtitle = g_strdup_printf (_("%s · %s"), cs_grade_override_get_instructor_name (override), when ? when : "");
  /* Translators: in the grade history: the old grade → the new one */
  text = g_strdup_printf (_("%s → %s"), before, after);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_grade_override_get_reason (override));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_label_set_label (GTK_LABEL (change), text);
  gtk_widget_add_css_class (change, "numeric");
  gtk_widget_add_css_class (change, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
  gtk_widget_set_focusable (row, TRUE);
  return row;
}

static char *
dup_status (CsProgressStatus status)
{
  switch (status)
    {
    case CS_PROGRESS_STATUS_COMPLETED:
      return g_strdup (_("Completed"));
    case CS_PROGRESS_STATUS_ABANDONED:
      return g_strdup (_("Abandoned"));
    case CS_PROGRESS_STATUS_IN_PROGRESS:
      return g_strdup (_("In progress"));
    case CS_PROGRESS_STATUS_NOT_STARTED:
    default:
      return g_strdup (_("Not started"));
    }
}

static void
show_header (CsRunView  *self,
             const char *student,
             const char *details,
             const char *score)
{
  g_autofree char *title = self->store ? g_strdup (self->assignment_title ? self->assignment_title : student)
                                        : g_strdup_printf (_("Run of %s"), student);

  adw_view_switcher_title_set_title (self->window_title, student);
  adw_view_switcher_title_set_subtitle (self->window_title, self->assignment_title ? self->assignment_title : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->student_label, student);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->score_label, score);
}

static void
show_run (CsRunView *self)
{
  CsProgress *progress = cs_remote_run_get_progress (self->run);
  GListModel *messages = cs_remote_run_get_messages (self->run);
  GListModel *history = cs_remote_run_get_overrides (self->run);
  g_autoptr(CsRunReport) report = cs_remote_run_make_report (self->run);
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (messages));
  g_autofree char *status = dup_status (cs_progress_get_status (progress));
  g_autofree char *score = cs_ui_dup_percent (cs_remote_run_get_score (self->run));
  g_autofree char *score_text = NULL;
  g_autofree char *details = NULL;
  const char *name = *cs_remote_run_get_student_name (self->run) ? cs_remote_run_get_student_name (self->run)
                                                                 : self->student_name;
  guint n_history = g_list_model_get_n_items (history);

  if (cs_remote_run_get_overridden (self->run))
    {
      g_autofree char *computed = cs_ui_dup_percent (cs_remote_run_get_computed_score (self->run));

      /* Translators: the grade in force and the computed grade, as in "85% (overridden from 70%)" */
      score_text = g_strdup_printf (_("%s (overridden from %s)"), score, computed);
    }
  else
    score_text = g_steal_pointer (&score);

  /* Translators: under the student's name: case, attempt, status, as in "Harlow Valves · Attempt 2 · Completed" */
  details = g_strdup_printf (_("%s · Attempt %d · %s"), cs_scenario_get_title (cs_remote_run_get_scenario (self->run)),
                             cs_progress_get_attempt (progress), status);
  show_header (self, name ? name : "", details, score_text);

  cs_report_view_set_student_name (self->report_view, cs_remote_run_get_student_name (self->run));
  cs_report_view_set_report (self->report_view, report);
  gtk_list_view_set_model (self->transcript, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->transcript_stack, g_list_model_get_n_items (messages) ? "messages" : "empty");

  gtk_list_box_bind_model (self->history_list, history, make_history_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), n_history > 0);
  gtk_label_set_label (self->history_label,
                       n_history ? _("Every change of the grade, oldest first. The student sees each reason.")
                                 : _("The grade is as computed from the judged criteria: nobody changed it by hand."));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.override", TRUE);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "run");
}

/* A local run: the student's own, so no name and no override. */
static void
show_report (CsRunView *self)
{
  CsProgress *progress = cs_run_report_get_progress (self->report);
  GListModel *messages = cs_run_report_get_messages (self->report);
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (messages));
  g_autofree char *status = dup_status (cs_progress_get_status (progress));
  g_autofree char *details = NULL;

  details = g_strdup_printf (_("%s · Attempt %d · %s"), cs_run_report_get_title (self->report),
                             cs_progress_get_attempt (progress), status);
  show_header (self, self->student_name, details, self->score_text ? self->score_text : "");
  cs_report_view_set_student_name (self->report_view, NULL);
  cs_report_view_set_report (self->report_view, self->report);
  gtk_list_view_set_model (self->transcript, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->transcript_stack, g_list_model_get_n_items (messages) ? "messages" : "empty");
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "run");
}

static void
show_not_started (CsRunView *self)
{
  g_autofree char *description = NULL;
  const char *name = self->student_name ? self->student_name : "";

  if (self->store)
    /* Translators: the empty state of one's own run: the case */
    description = g_strdup_printf (_("You have not begun “%s”: there is no transcript or grade yet."),
                                   self->assignment_title ? self->assignment_title : "");
  else
    /* Translators: the empty state of a run: student, case */
    description = g_strdup_printf (_("%s has not begun “%s”: there is no transcript or grade yet."),
                                   name, self->assignment_title ? self->assignment_title : "");
  adw_status_page_set_description (self->empty_page, description);
  show_header (self, name, "", "");
  g_clear_object (&self->run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.override", FALSE);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(CsRunView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRemoteRun) run = cs_remote_run_fetch_finish (CS_SERVER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (!run)
    {
      if (self->run)
        cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else
        {
          adw_status_page_set_description (self->failed_page, error->message);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.override", FALSE);
          adw_view_switcher_title_set_view_switcher_enabled (self->window_title, FALSE);
          gtk_stack_set_visible_child_name (self->stack, "failed");
        }
    }
  else
    {
      g_set_object (&self->run, run);
      show_run (self);
    }

  if (self->read_again)
    {
      self->read_again = FALSE;
      fetch (self);
    }
}

/* A local run: the report from the library, or word that it is not here yet. */
static void
read_locally (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsRunView) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRunReport) report = cs_run_report_load_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (report)
    {
      g_set_object (&self->report, report);
      show_report (self);
    }
  else if (g_error_matches (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND))
    {
      g_clear_object (&self->report);
      show_header (self, self->student_name, "", "");
      adw_view_switcher_title_set_view_switcher_enabled (self->window_title, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "missing");
    }
  else
    {
      adw_status_page_set_description (self->failed_page, error->message);
      adw_view_switcher_title_set_view_switcher_enabled (self->window_title, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "failed");
    }
  if (self->read_again)
    {
      self->read_again = FALSE;
      fetch (self);
    }
}

static void
fetch (CsRunView *self)
{
  const char *progress_id = self->cell ? cs_dashboard_cell_get_progress_id (self->cell) : NULL;

  if (self->cancellable)
    {
      self->read_again = TRUE;
      return;
    }
  if (!progress_id)
    {
      show_not_started (self);
      return;
    }
  if (!self->run && !self->report)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
    }
  self->cancellable = g_cancellable_new ();
  self->n_reads++;
  if (self->store)
    {
      cs_run_report_load_run_async (self->store, progress_id, self->cancellable, read_locally, g_object_ref (self));
      return;
    }
  cs_remote_run_fetch_async (cs_dashboard_get_server (self->dashboard), progress_id, self->cancellable,
                             fetched, g_object_ref (self));
}

/* Actions ------------------------------------------------------------------------------------- */

static void
override_grade (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CsRunView *self = CS_RUN_VIEW (widget);

  if (self->cell && self->run)
    cs_override_dialog_present (GTK_WINDOW (self), self->dashboard, self->cell, self->toast_overlay);
}

static void
reload (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  fetch (CS_RUN_VIEW (widget));
}

/* The type ------------------------------------------------------------------------------------ */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, cs_message_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CsRunView                *self)
{
  const char *name = self->run ? cs_remote_run_get_student_name (self->run) : NULL;
  CsScenario *scenario = self->run ? cs_remote_run_get_scenario (self->run)
                       : self->report ? cs_run_report_get_scenario (self->report) : NULL;

  /* One's own run: "You". */
  cs_message_row_set_student_name (CS_MESSAGE_ROW (gtk_list_item_get_child (item)),
                                   self->store ? NULL : name && *name ? name : self->student_name);
  cs_message_row_bind (CS_MESSAGE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item), scenario);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  cs_message_row_bind (CS_MESSAGE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
cs_run_view_dispose (GObject *object)
{
  CsRunView *self = CS_RUN_VIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->dashboard)
    g_signal_handlers_disconnect_by_data (self->dashboard, self);
  g_clear_object (&self->dashboard);
  g_clear_object (&self->cell);
  g_clear_object (&self->run);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_RUN_VIEW);

  G_OBJECT_CLASS (cs_run_view_parent_class)->dispose (object);
}

static void
cs_run_view_finalize (GObject *object)
{
  CsRunView *self = CS_RUN_VIEW (object);

  g_free (self->student_id);
  g_free (self->assignment_id);
  g_free (self->student_name);
  g_free (self->assignment_title);
  g_free (self->score_text);

  G_OBJECT_CLASS (cs_run_view_parent_class)->finalize (object);
}

static void
cs_run_view_class_init (CsRunViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_run_view_dispose;
  object_class->finalize = cs_run_view_finalize;

  g_type_ensure (CS_TYPE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-run-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsRunView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, override_button);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, history_page);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, stack);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, failed_page);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, student_label);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, details_label);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, score_label);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, report_view);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, transcript_stack);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, transcript);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, history_label);
  gtk_widget_class_bind_template_child (widget_class, CsRunView, history_list);

  gtk_widget_class_install_action (widget_class, "run.override", NULL, override_grade);
  gtk_widget_class_install_action (widget_class, "run.reload", NULL, reload);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "run.override", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "run.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "run.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_run_view_init (CsRunView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->transcript, factory);
  g_object_unref (factory);
  g_object_bind_property (self->window_title, "title-visible", self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.override", FALSE);
#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

GtkWidget *
cs_run_view_new (GtkWindow       *parent,
                 CsDashboard     *dashboard,
                 CsDashboardCell *cell)
{
  CsRunView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD (dashboard), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (cell), NULL);

  self = g_object_new (CS_TYPE_RUN_VIEW, NULL);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->dashboard = g_object_ref (dashboard);
  self->cell = g_object_ref (cell);
  self->student_id = g_strdup (cs_dashboard_cell_get_student_id (cell));
  look_up_names (self);
  g_signal_connect_object (dashboard, "loaded", G_CALLBACK (on_dashboard_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dashboard, "changed", G_CALLBACK (on_dashboard_changed), self, G_CONNECT_SWAPPED);
  fetch (self);
  return GTK_WIDGET (self);
}

GtkWidget *
cs_run_view_new_local (GtkWindow       *parent,
                       CsStore         *store,
                       CsDashboardCell *cell,
                       const char      *assignment_title)
{
  CsRunView *self;
  g_autofree char *percent = NULL;
  double score;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CS_IS_STORE (store), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (cell), NULL);

  self = g_object_new (CS_TYPE_RUN_VIEW, NULL);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->store = g_object_ref (store);
  self->cell = g_object_ref (cell);
  self->student_id = g_strdup (cs_dashboard_cell_get_student_id (cell));
  self->student_name = g_strdup (_("Your Run"));
  self->assignment_title = g_strdup (assignment_title);
  score = cs_dashboard_cell_get_score (cell);
  percent = cs_ui_dup_percent (score);
  /* Translators: a student's grade, as in "85% (set by your instructor)" */
  self->score_text = score >= 0 && cs_dashboard_cell_get_overridden (cell)
                     ? g_strdup_printf (_("%s (set by your instructor)"), percent) : g_steal_pointer (&percent);
  gtk_widget_set_visible (self->override_button, FALSE);
  adw_view_stack_page_set_visible (self->history_page, FALSE);
  fetch (self);
  return GTK_WIDGET (self);
}

CsRunReport *
cs_run_view_get_report (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return self->run ? NULL : self->report;
}

CsRemoteRun *
cs_run_view_get_run (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return self->run;
}

gboolean
cs_run_view_get_loading (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

guint
cs_run_view_get_n_reads (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), 0);
  return self->n_reads;
}

const char *
cs_run_view_get_state (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
cs_run_view_get_score_text (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return gtk_label_get_label (self->score_label);
}

GtkListView *
cs_run_view_get_transcript (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return self->transcript;
}

GtkListBox *
cs_run_view_get_history (CsRunView *self)
{
  g_return_val_if_fail (CS_IS_RUN_VIEW (self), NULL);
  return self->history_list;
}
